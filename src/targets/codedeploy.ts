import { createHash } from 'node:crypto'
import type { LoadBalancer } from '@aws-sdk/client-ecs'
import type { DeploymentInfo, DeploymentTarget } from '@aws-sdk/client-codedeploy'
import { load as parseYaml } from 'js-yaml'
import { DeployError, type ErrorCode } from '../errors.js'
import type { EcsTarget, WaitUntil } from '../settings/types.js'
import { readUserFile } from './ecs-taskdef.js'
import { watch, type Rollout } from './ecs-watch.js'
import { stopAbandoned } from './stop.js'

/**
 * strategy: codedeploy (CODE_DEPLOY deployment controller): CodeDeploy shifts traffic from the
 * blue task set to the green one. We hand it an AppSpec, then follow the deployment's lifecycle
 * events and traffic weights until CodeDeploy calls it Succeeded, Failed or Stopped, or, with
 * wait_until, until the replacement task set takes test traffic or all production traffic.
 */

/** CodeDeploy error codes that mean "the new version was judged unhealthy", not "it broke". */
const HEALTH_CODES = new Set([
  'HEALTH_CONSTRAINTS',
  'HEALTH_CONSTRAINTS_INVALID',
  'ALARM_ACTIVE',
  'HOOK_EXECUTION_FAILURE',
  'CUSTOMER_APPLICATION_UNHEALTHY'
])

type CodeDeployEnd =
  | { ok: true; reached?: WaitUntil }
  | { ok: false; info: DeploymentInfo; targets: DeploymentTarget[] }

/**
 * The lifecycle event whose success ends an early wait: test traffic reaches the replacement task
 * set once AllowTestTraffic has succeeded (AfterAllowTestTraffic hooks then test it), production
 * traffic once AllowTraffic has.
 */
const REACHED_WHEN: Partial<Record<WaitUntil, string>> = {
  test_traffic: 'AllowTestTraffic',
  traffic_shifted: 'AllowTraffic'
}

/** deploy.ecs.codedeploy, which the ECS target has checked is set before anything is registered. */
export type CodeDeploySettings = NonNullable<EcsTarget['codedeploy']>

export async function deployCodeDeploy(
  rollout: Rollout,
  settings: CodeDeploySettings
): Promise<string> {
  const { api, target, context } = rollout
  const group = await api.getDeploymentGroup(
    settings.application,
    settings.deploymentGroup,
    context.signal
  )
  const testListeners = (group.loadBalancerInfo?.targetGroupPairInfoList ?? []).flatMap(
    pair => pair.testTrafficRoute?.listenerArns ?? []
  )
  if (target.waitUntil === 'test_traffic' && testListeners.length === 0) {
    throw new DeployError(
      'INVALID_INPUT',
      `wait_until is test_traffic for '${target.service}', but CodeDeploy deployment group ` +
        `'${settings.deploymentGroup}' has no test listener (testTrafficRoute), so nothing ever ` +
        'sends test traffic to the replacement tasks; add one or wait for traffic_shifted.'
    )
  }
  const appspec = settings.appspec
    ? await appSpecFromFile(settings.appspec, rollout.taskDefinitionArn)
    : generateAppSpec(
        rollout.taskDefinitionArn,
        rollout.service.loadBalancers ?? [],
        target.service
      )
  const id = await api.createDeployment(
    {
      application: settings.application,
      group: settings.deploymentGroup,
      appspec,
      sha256: createHash('sha256').update(appspec).digest('hex'),
      description: `Deploy Pipeline: ${rollout.taskDefinitionArn}`
    },
    context.signal
  )
  context.progress(
    `CodeDeploy deployment ${id} created (${group.deploymentConfigName ?? 'default config'})`,
    {
      codedeploy_deployment_id: id,
      deployment_config: group.deploymentConfigName
    }
  )

  let targetIds: string[] | undefined
  const end = await watch<CodeDeployEnd>(
    rollout,
    `CodeDeploy deployment ${id}`,
    async (look, signal) => {
      // Side by side, so that a look takes one round trip and the end is seen that much sooner.
      const [info, found] = await Promise.all([
        look.getDeployment(id, signal),
        look.deploymentTargets(id, targetIds, signal)
      ])
      if (found.targetIds.length > 0) targetIds = found.targetIds
      if (info.status === 'Succeeded') return { done: true, value: { ok: true } }
      if (info.status === 'Failed' || info.status === 'Stopped') {
        return { done: true, value: { ok: false, info, targets: found.targets } }
      }
      if (reached(target.waitUntil, found.targets)) {
        return { done: true, value: { ok: true, reached: target.waitUntil } }
      }
      return {
        done: false,
        progress: describeProgress(info, found.targets),
        data: progressData(info, found.targets)
      }
    }
  ).catch(error =>
    stopAbandoned(
      error,
      signal => api.stopDeployment(id, settings.autoRollback, signal),
      settings.autoRollback
        ? `stopped CodeDeploy deployment ${id}; CodeDeploy rolls back to the original task set`
        : `stopped CodeDeploy deployment ${id} without rollback (auto_rollback is false)`,
      context
    )
  )
  if (!end.ok) throw failure(id, end.info, end.targets)
  if (end.reached === 'test_traffic') {
    context.progress(
      `the replacement task set takes test traffic on the test listener (${testListeners.join(', ')}); ` +
        'returning now (wait_until: test_traffic). CodeDeploy goes on with the AfterAllowTestTraffic ' +
        'hooks and the production traffic shift, and can still roll back; watch it with: ' +
        `aws deploy get-deployment --deployment-id ${id}`,
      { codedeploy_deployment_id: id, wait_until: end.reached, test_listeners: testListeners }
    )
  } else if (end.reached === 'traffic_shifted') {
    context.progress(
      'production traffic is all on the replacement task set; returning now (wait_until: ' +
        'traffic_shifted). CodeDeploy goes on with the AfterAllowTraffic hooks and ends the ' +
        'original task set after its termination wait, and can still roll back; watch it with: ' +
        `aws deploy get-deployment --deployment-id ${id}`,
      { codedeploy_deployment_id: id, wait_until: end.reached }
    )
  }
  return id
}

/** Whether the lifecycle event that ends a wait_until short of completion has succeeded. */
function reached(waitUntil: WaitUntil, targets: DeploymentTarget[]): boolean {
  const event = REACHED_WHEN[waitUntil]
  if (!event) return false
  return targets.some(t =>
    (t.ecsTarget?.lifecycleEvents ?? []).some(
      e => e.lifecycleEventName === event && e.status === 'Succeeded'
    )
  )
}

/** The AppSpec CodeDeploy needs for ECS: which task definition, and where the load balancer sends traffic. */
export function generateAppSpec(
  taskDefinitionArn: string,
  loadBalancers: readonly LoadBalancer[],
  service: string
): string {
  const balancer = loadBalancers.find(lb => lb.containerName && lb.containerPort !== undefined)
  if (!balancer) {
    throw new DeployError(
      'INVALID_INPUT',
      `ECS service '${service}' has no load balancer with a container name and port, which ` +
        'CodeDeploy blue/green needs; give deploy.ecs.codedeploy.appspec instead.'
    )
  }
  return JSON.stringify({
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: taskDefinitionArn,
            LoadBalancerInfo: {
              ContainerName: balancer.containerName,
              ContainerPort: balancer.containerPort
            }
          }
        }
      }
    ]
  })
}

/** A user's AppSpec (YAML or JSON) with its ECS service's TaskDefinition set to the new revision. */
export async function appSpecFromFile(path: string, taskDefinitionArn: string): Promise<string> {
  const text = await readUserFile(path, 'the AppSpec')
  let spec: unknown
  try {
    spec = parseYaml(text)
  } catch (error) {
    // The parser's message quotes the offending line, which may hold a secret: say only where.
    const mark = (error as { mark?: { line?: number; column?: number } }).mark
    const where =
      typeof mark?.line === 'number'
        ? ` (at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`
        : ''
    throw new DeployError('INVALID_INPUT', `The AppSpec ${path} is not valid YAML or JSON${where}.`)
  }
  const resources = (spec as { Resources?: unknown } | null)?.Resources
  const services = Array.isArray(resources)
    ? resources.flatMap(r =>
        Object.values((r ?? {}) as Record<string, { Type?: string; Properties?: object }>)
      )
    : []
  const ecsServices = services.filter(s => s?.Type === 'AWS::ECS::Service')
  if (ecsServices.length !== 1) {
    throw new DeployError(
      'INVALID_INPUT',
      `The AppSpec ${path} must have exactly one AWS::ECS::Service resource; it has ${ecsServices.length}.`
    )
  }
  const service = ecsServices[0] as { Properties?: Record<string, unknown> }
  service.Properties = { ...(service.Properties ?? {}), TaskDefinition: taskDefinitionArn }
  return JSON.stringify(spec)
}

function failure(id: string, info: DeploymentInfo, targets: DeploymentTarget[]): DeployError {
  const code: ErrorCode = HEALTH_CODES.has(info.errorInformation?.code ?? '')
    ? 'HEALTH_CHECK_FAILED'
    : 'DEPLOY_FAILED'
  const own = info.errorInformation?.message ?? `CodeDeploy reports ${info.status ?? 'a failure'}`
  const rollback = info.rollbackInfo?.rollbackMessage
  const failedEvents = targets
    .flatMap(t => t.ecsTarget?.lifecycleEvents ?? [])
    .filter(e => e.status === 'Failed')
    .map(
      e =>
        `${e.lifecycleEventName}: ${e.diagnostics?.message ?? e.diagnostics?.errorCode ?? 'failed'}`
    )
  const rollbackId = info.rollbackInfo?.rollbackDeploymentId
  return new DeployError(
    code,
    `CodeDeploy deployment ${id} ${info.status === 'Stopped' ? 'was stopped' : 'failed'}: ` +
      `${info.errorInformation?.code ? `${info.errorInformation.code}: ` : ''}${own}` +
      (rollbackId ? ` Rolled back by ${rollbackId}.` : ''),
    { details: [...failedEvents, ...(rollback ? [rollback] : [])].join('\n') || undefined }
  )
}

function describeProgress(info: DeploymentInfo, targets: DeploymentTarget[]): string {
  const ecs = targets.map(t => t.ecsTarget).find(t => t !== undefined)
  const events = ecs?.lifecycleEvents ?? []
  const current =
    events.find(e => e.status === 'InProgress') ??
    events.filter(e => e.status === 'Succeeded').at(-1)
  const sets = (ecs?.taskSetsInfo ?? [])
    .map(
      s =>
        `${s.taskSetLabel ?? 'task set'} ${s.trafficWeight ?? 0}% traffic, ` +
        `${s.runningCount ?? 0}/${s.desiredCount ?? 0} running`
    )
    .join(' · ')
  const parts = [`CodeDeploy ${info.status ?? 'unknown'}`]
  if (current) parts.push(`${current.lifecycleEventName} ${current.status}`)
  if (sets) parts.push(sets)
  return parts.join(': ')
}

function progressData(info: DeploymentInfo, targets: DeploymentTarget[]): Record<string, unknown> {
  const ecs = targets.map(t => t.ecsTarget).find(t => t !== undefined)
  const green = ecs?.taskSetsInfo?.find(s => s.taskSetLabel === 'Green')
  return {
    status: info.status,
    lifecycle_events: (ecs?.lifecycleEvents ?? []).map(e => ({
      name: e.lifecycleEventName,
      status: e.status
    })),
    traffic_percent: green?.trafficWeight,
    task_sets: (ecs?.taskSetsInfo ?? []).map(s => ({
      label: s.taskSetLabel,
      traffic_percent: s.trafficWeight,
      desired: s.desiredCount,
      running: s.runningCount,
      pending: s.pendingCount
    }))
  }
}
