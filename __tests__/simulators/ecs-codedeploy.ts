import { AwsFault, type AwsOperation } from './aws.js'
import {
  ACCOUNT,
  CLUSTER,
  REGION,
  SERVICE,
  seconds,
  type EcsWorld,
  type Json,
  type Step
} from './ecs-world.js'

/**
 * CodeDeploy over the AWS JSON 1.1 protocol: one application and deployment group over the ECS
 * service, blue/green with linear traffic shifting. A deployment moves Created -> InProgress ->
 * Succeeded, Failed or Stopped through the ECS lifecycle events, its task sets' traffic weights
 * changing on the way.
 */
export const CODEDEPLOY_PREFIX = 'CodeDeploy_20141006'

export const TEST_LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/shop/fedcba9876543210/0f1e2d3c4b5a6978`
const PROD_LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/shop/fedcba9876543210/8796a5b4c3d2e1f0`

export function codeDeployOperations(world: EcsWorld): {
  operations: Record<string, AwsOperation>
  /** Every deployment as it stands now, with the ECS target CodeDeploy keeps beside it. */
  all: () => Json[]
} {
  const { options, desired, service, taskDefinitions, created, stops } = world
  const codeDeployments = new Map<string, Json>()
  const now = (): number => world.now()

  // CodeDeploy: one deployment group over the service, blue/green with linear traffic shifting.
  const LIFECYCLE = [
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'AllowTestTraffic',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AllowTraffic',
    'AfterAllowTraffic'
  ]
  function codeDeploySteps(d: Json): Step[] {
    const target = d.target as Json
    const events = target.lifecycleEvents as Json[]
    const mark = (upTo: string, inProgress?: string): void => {
      const end = LIFECYCLE.indexOf(upTo)
      events.forEach((e, i) => {
        if (i <= end) e.status = 'Succeeded'
      })
      if (inProgress)
        (events.find(e => e.lifecycleEventName === inProgress) as Json).status = 'InProgress'
    }
    const blue = target.taskSetsInfo[0] as Json
    const green: Json = {
      identifer: `ecs-svc/${world.nextId()}`,
      desiredCount: desired,
      pendingCount: desired,
      runningCount: 0,
      status: 'ACTIVE',
      trafficWeight: 0,
      taskSetLabel: 'Green',
      targetGroup: { name: 'api-green' }
    }
    const first: Step = {
      apply: () => {
        d.status = 'InProgress'
        mark('BeforeInstall', 'Install')
        target.taskSetsInfo.push(green)
      }
    }
    const tested: Step = {
      apply: () => {
        Object.assign(green, { pendingCount: 0, runningCount: desired })
        mark('AllowTestTraffic', 'AfterAllowTestTraffic')
      }
    }
    const half: Step = {
      apply: () => {
        mark('BeforeAllowTraffic', 'AllowTraffic')
        blue.trafficWeight = 50
        green.trafficWeight = 50
      }
    }
    if (options.scenario === 'health-check-failure') {
      return [
        first,
        tested,
        half,
        {
          final: true,
          apply: () => {
            const allow = events.find(e => e.lifecycleEventName === 'AllowTraffic') as Json
            allow.status = 'Failed'
            allow.diagnostics = {
              errorCode: 'UnknownError',
              message: 'CloudWatch alarm api-unhealthy-hosts is in ALARM.'
            }
            blue.trafficWeight = 100
            green.trafficWeight = 0
            target.status = 'Failed'
            Object.assign(d, {
              status: 'Failed',
              errorInformation: {
                code: 'ALARM_ACTIVE',
                message:
                  'One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <api-unhealthy-hosts>'
              },
              rollbackInfo:
                options.autoRollback === false ? undefined : rollbackInfo(d.deploymentId)
            })
          }
        }
      ]
    }
    const done: Step = {
      final: true,
      apply: () => {
        mark('AfterAllowTraffic')
        Object.assign(d, { status: 'Succeeded', completeTime: seconds(now()) })
        target.status = 'Succeeded'
        service.taskDefinition = d.taskDefinition
      }
    }
    const full: Step = {
      apply: () => {
        mark('AllowTraffic', 'AfterAllowTraffic')
        blue.trafficWeight = 0
        green.trafficWeight = 100
      }
    }
    if (options.scenario === 'never-ends') return [first, tested, half]
    return [first, tested, half, full, done]
  }

  function rollbackInfo(id: string): Json {
    const rollbackId = `d-RB${world.nextId()}`
    return {
      rollbackDeploymentId: rollbackId,
      rollbackMessage: `Deployment ${id} was rolled back by ${rollbackId}: traffic is back on the original task set.`
    }
  }

  function createDeployment(input: Json): Json {
    if (
      input.applicationName !== 'AppECS-shop-api' ||
      input.deploymentGroupName !== 'DgpECS-shop-api'
    ) {
      throw new AwsFault(
        'DeploymentGroupDoesNotExistException',
        'No Deployment Group found for name: ' + input.deploymentGroupName
      )
    }
    const content = input.revision?.appSpecContent?.content
    if (typeof content !== 'string')
      throw new AwsFault('InvalidRevisionException', 'AppSpec content is required')
    const appspec = JSON.parse(content) as Json
    const props = appspec.Resources?.[0]?.TargetService?.Properties
    if (!taskDefinitions.has(props?.TaskDefinition)) {
      throw new AwsFault(
        'InvalidRevisionException',
        'The AppSpec names a task definition that does not exist'
      )
    }
    created.push({ appspec })
    const deploymentId = `d-${world.nextId().toString(36).toUpperCase().padStart(9, 'X')}`
    const d: Json = {
      deploymentId,
      applicationName: input.applicationName,
      deploymentGroupName: input.deploymentGroupName,
      status: 'Created',
      createTime: seconds(now()),
      computePlatform: 'ECS',
      taskDefinition: props.TaskDefinition,
      target: {
        deploymentId,
        targetId: `${CLUSTER}:${SERVICE}`,
        targetArn: service.serviceArn,
        status: 'InProgress',
        lifecycleEvents: LIFECYCLE.map(lifecycleEventName => ({
          lifecycleEventName,
          status: 'Pending'
        })),
        taskSetsInfo: [
          {
            identifer: 'ecs-svc/blue',
            desiredCount: desired,
            pendingCount: 0,
            runningCount: desired,
            status: 'PRIMARY',
            trafficWeight: 100,
            taskSetLabel: 'Blue',
            targetGroup: { name: 'api-blue' }
          }
        ]
      }
    }
    codeDeployments.set(deploymentId, d)
    world.startTimeline(codeDeploySteps(d))
    return { deploymentId }
  }

  const codeDeployment = (id: unknown): Json => {
    const d = codeDeployments.get(String(id))
    if (!d)
      throw new AwsFault(
        'DeploymentDoesNotExistException',
        `The deployment ${String(id)} could not be found.`
      )
    return d
  }

  const operations: Record<string, AwsOperation> = {
    GetDeploymentGroup: input => {
      if (
        input.applicationName !== 'AppECS-shop-api' ||
        input.deploymentGroupName !== 'DgpECS-shop-api'
      ) {
        throw new AwsFault(
          'DeploymentGroupDoesNotExistException',
          'No Deployment Group found for name: ' + String(input.deploymentGroupName)
        )
      }
      return {
        deploymentGroupInfo: {
          applicationName: input.applicationName,
          deploymentGroupName: input.deploymentGroupName,
          deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
          computePlatform: 'ECS',
          ecsServices: [{ clusterName: CLUSTER, serviceName: SERVICE }],
          autoRollbackConfiguration: {
            enabled: options.autoRollback !== false,
            events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']
          },
          loadBalancerInfo: {
            targetGroupPairInfoList: [
              {
                targetGroups: [{ name: 'api-blue' }, { name: 'api-green' }],
                prodTrafficRoute: { listenerArns: [PROD_LISTENER] },
                ...(options.testListener === false
                  ? {}
                  : { testTrafficRoute: { listenerArns: [TEST_LISTENER] } })
              }
            ]
          }
        }
      }
    },
    CreateDeployment: createDeployment,
    GetDeployment: input => {
      world.advance(true)
      // What the simulator keeps beside the deployment is not part of GetDeployment's answer.
      const deploymentInfo = { ...codeDeployment(input.deploymentId) }
      delete deploymentInfo.target
      delete deploymentInfo.taskDefinition
      return { deploymentInfo }
    },
    ListDeploymentTargets: input => ({
      targetIds: [codeDeployment(input.deploymentId).target.targetId]
    }),
    BatchGetDeploymentTargets: input => {
      const d = codeDeployment(input.deploymentId)
      return {
        deploymentTargets: (input.targetIds as string[])
          .filter(id => id === d.target.targetId)
          .map(() => ({ deploymentTargetType: 'ECSTarget', ecsTarget: d.target }))
      }
    },
    StopDeployment: input => {
      stops.push({ operation: 'StopDeployment', input })
      const d = codeDeployment(input.deploymentId)
      world.stopTimeline()
      Object.assign(d, {
        status: 'Stopped',
        errorInformation: {
          code: 'MANUAL_STOP',
          message: 'The deployment was stopped by the user.'
        },
        rollbackInfo: input.autoRollbackEnabled ? rollbackInfo(d.deploymentId) : undefined
      })
      return { status: 'Succeeded', statusMessage: 'Deployment stopped.' }
    }
  }
  return {
    operations,
    all: () => {
      world.advance(false)
      return [...codeDeployments.values()]
    }
  }
}
