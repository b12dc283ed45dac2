import { describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import { deploy } from '../../src/targets/ecs.js'
import { THROTTLING } from '../simulators/aws.js'
import { LB_DNS, EXPIRED_TOKEN } from '../simulators/ecs.js'
import { TEST_LISTENER } from '../simulators/ecs-codedeploy.js'
import type { WaitUntil } from '../../src/settings/types.js'
import {
  detection,
  ecsRequest,
  expectPollCadence,
  recordingContext,
  ecsSimulators,
  deployFailure,
  withFile
} from './ecs-fixtures.js'

const startSimulator = ecsSimulators()

const codedeploy = (autoRollback = true, appspec?: string, waitUntil: WaitUntil = 'completed') =>
  ecsRequest({
    strategy: 'codedeploy',
    waitUntil,
    codedeploy: {
      application: 'AppECS-shop-api',
      deploymentGroup: 'DgpECS-shop-api',
      appspec,
      autoRollback
    }
  })

describe('CodeDeploy blue/green deploy (real @aws-sdk/client-codedeploy against the simulator)', () => {
  it('generates the AppSpec from the service load balancer and follows lifecycle events and traffic to Succeeded', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const recorded = recordingContext()
    const { context, progress } = recorded

    const outcome = await deploy(codedeploy(), context)

    expect(outcome.deploymentUrl).toBe(`http://${LB_DNS}`)
    expect(outcome.outputs?.codedeploy_deployment_id).toMatch(/^d-/)
    expect(outcome.outputs?.task_definition_arn).toMatch(/api:2$/)
    expect(sim.createdDeployments[0]?.appspec).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: outcome.outputs?.task_definition_arn,
              LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 8080 }
            }
          }
        }
      ]
    })
    const lines = progress().map(p => p.message)
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Install InProgress'),
        expect.stringContaining(
          'AllowTraffic InProgress: Blue 50% traffic, 2/2 running · Green 50% traffic, 2/2 running'
        ),
        expect.stringContaining('Green 100% traffic')
      ])
    )
    expect(progress().some(p => p.data?.traffic_percent === 50)).toBe(true)
    expect(detection(sim).looksAfterFinal).toBe(1)
    expectPollCadence(recorded)
  })

  it('reports a health-check failure with CodeDeploy own message and its automatic rollback', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'health-check-failure' })

    const error = await deployFailure(deploy(codedeploy(), recordingContext().context))

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toMatch(
      /CodeDeploy deployment d-\w+ failed: ALARM_ACTIVE: One or more alarms have been activated/
    )
    expect(error.message).toMatch(/Rolled back by d-RB\d+/)
    expect(error.details).toContain(
      'AllowTraffic: CloudWatch alarm api-unhealthy-hosts is in ALARM.'
    )
    expect(sim.stops).toEqual([])
  })

  it('wait_until test_traffic returns once the test listener sends traffic to the replacement tasks', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const recorded = recordingContext()

    const outcome = await deploy(codedeploy(true, undefined, 'test_traffic'), recorded.context)

    const id = outcome.outputs?.codedeploy_deployment_id as string
    // CodeDeploy as it stood when the deploy returned: test traffic on green, production not yet.
    const [deployment] = sim.codeDeployments()
    expect(deployment?.status).toBe('InProgress')
    const events = Object.fromEntries(
      (deployment?.target.lifecycleEvents as { lifecycleEventName: string; status: string }[]).map(
        e => [e.lifecycleEventName, e.status]
      )
    )
    expect(events).toMatchObject({
      AllowTestTraffic: 'Succeeded',
      AfterAllowTestTraffic: 'InProgress',
      BeforeAllowTraffic: 'Pending',
      AllowTraffic: 'Pending'
    })
    expect(deployment?.target.taskSetsInfo).toMatchObject([
      { taskSetLabel: 'Blue', trafficWeight: 100 },
      { taskSetLabel: 'Green', trafficWeight: 0, runningCount: 2 }
    ])
    expect(recorded.progress().at(-1)).toMatchObject({
      message:
        `the replacement task set takes test traffic on the test listener (${TEST_LISTENER}); ` +
        'returning now (wait_until: test_traffic). CodeDeploy goes on with the AfterAllowTestTraffic ' +
        'hooks and the production traffic shift, and can still roll back; watch it with: ' +
        `aws deploy get-deployment --deployment-id ${id}`,
      data: { wait_until: 'test_traffic', test_listeners: [TEST_LISTENER] }
    })
    expect(sim.stops).toEqual([])
  })

  it('wait_until traffic_shifted returns once production traffic is all on the replacement tasks', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const recorded = recordingContext()

    await deploy(codedeploy(true, undefined, 'traffic_shifted'), recorded.context)

    const [deployment] = sim.codeDeployments()
    expect(deployment?.status).toBe('InProgress')
    expect(deployment?.target.taskSetsInfo).toMatchObject([
      { taskSetLabel: 'Blue', trafficWeight: 0 },
      { taskSetLabel: 'Green', trafficWeight: 100 }
    ])
    expect(sim.finalAt).toBeUndefined()
    expect(recorded.progress().at(-1)?.message).toMatch(
      /^production traffic is all on the replacement task set; returning now \(wait_until: traffic_shifted\)\. CodeDeploy goes on with the AfterAllowTraffic hooks/
    )
  })

  it('refuses wait_until test_traffic when the deployment group has no test listener, before deploying', async () => {
    const sim = await startSimulator({
      controller: 'codedeploy',
      scenario: 'success',
      testListener: false
    })
    const error = await deployFailure(
      deploy(codedeploy(true, undefined, 'test_traffic'), recordingContext().context)
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      "wait_until is test_traffic for 'api', but CodeDeploy deployment group 'DgpECS-shop-api' " +
        'has no test listener (testTrafficRoute), so nothing ever sends test traffic to the ' +
        'replacement tasks; add one or wait for traffic_shifted.'
    )
    expect(sim.createdDeployments).toEqual([])
  })

  it('stops the deployment with auto-rollback when it outlives deploy_timeout', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'never-ends' })

    const error = await deployFailure(
      deploy(codedeploy(), recordingContext({ timeoutMs: 200 }).context)
    )

    expect(error.code).toBe('TIMEOUT')
    // On a loaded machine the deadline can catch a look mid-call: then it also names that call.
    expect(error.message).toMatch(
      /CodeDeploy deployment d-\w+ did not finish within 200 ms(: CodeDeploy deployment d-\w+ had not answered)?; stopped CodeDeploy deployment d-\w+; CodeDeploy rolls back/
    )
    expect(sim.stops).toEqual([
      {
        operation: 'StopDeployment',
        input: { deploymentId: expect.stringMatching(/^d-/), autoRollbackEnabled: true }
      }
    ])
  })

  it('stops without rollback when auto_rollback is false, and on cancellation', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'never-ends' })
    const controller = new AbortController()
    const { context } = recordingContext({ signal: controller.signal })
    const cancelling = {
      ...context,
      progress: (message: string, data?: Record<string, unknown>) => {
        if (message.includes('AllowTraffic')) controller.abort()
        context.progress(message, data)
      }
    }

    const error = await deployFailure(deploy(codedeploy(false), cancelling))

    expect(error.code).toBe('CANCELLED')
    expect(error.message).toContain('without rollback')
    expect(sim.stops[0]?.input.autoRollbackEnabled).toBe(false)
  })

  it('rides out throttling and a 5xx while waiting, and explains expired credentials', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    sim.failStatusCalls(THROTTLING, { after: 1, times: 1 })
    sim.failStatusCalls(
      { kind: 'status', status: 500, body: { __type: 'InternalFailure', message: 'x' } },
      { after: 2, times: 1 }
    )
    const outcome = await deploy(codedeploy(), recordingContext().context)
    expect(outcome.outputs?.codedeploy_deployment_id).toMatch(/^d-/)
    expect(sim.aws.faultsServed).toEqual(['status', 'status'])
    const expiring = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    expiring.failStatusCalls(EXPIRED_TOKEN, { after: 2, times: 1 })
    const error = await deployFailure(deploy(codedeploy(), recordingContext().context))
    expect(error.message).toContain('role session duration')
    expect(expiring.stops).toEqual([]) // nothing can be stopped with expired credentials; no pretending
  })

  it('takes a given AppSpec file and sets its task definition to the new revision', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const appspec = [
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: AWS::ECS::Service',
      '      Properties:',
      '        TaskDefinition: <TASK_DEFINITION>',
      '        LoadBalancerInfo: {ContainerName: app, ContainerPort: 8080}',
      '        PlatformVersion: LATEST',
      'Hooks:',
      '  - AfterAllowTestTraffic: smoke-test'
    ].join('\n')
    await withFile('appspec.yaml', appspec, async file => {
      const outcome = await deploy(codedeploy(true, file), recordingContext().context)
      const spec = sim.createdDeployments[0]?.appspec as {
        Resources: { TargetService: { Properties: Record<string, unknown> } }[]
        Hooks: unknown
      }
      expect(spec.Resources[0]?.TargetService.Properties).toEqual({
        TaskDefinition: outcome.outputs?.task_definition_arn,
        LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 8080 },
        PlatformVersion: 'LATEST'
      })
      expect(spec.Hooks).toEqual([{ AfterAllowTestTraffic: 'smoke-test' }])
    })
  })

  it('says where a broken AppSpec file is broken without quoting it', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    // A quote left open on line 4; the line after it carries a secret-looking value.
    const appspec = [
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: "AWS::ECS::Service',
      '      Token: ghp_appspecSecret42',
      'Hooks: ['
    ].join('\n')
    await withFile('appspec.yaml', appspec, async file => {
      const error = await deployFailure(deploy(codedeploy(true, file), recordingContext().context))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(
        new RegExp(
          `^The AppSpec ${file} is not valid YAML or JSON \\(at line \\d+, column \\d+\\)\\.$`
        )
      )
      expect(inspect(error, { depth: 10 })).not.toContain('ghp_appspecSecret42')
      expect(sim.createdDeployments).toEqual([])
    })
  })

  it('refuses codedeploy without an application and deployment group, before registering anything', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const error = await deployFailure(
      deploy(ecsRequest({ strategy: 'codedeploy' }), recordingContext().context)
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(sim.registered).toEqual([])
  })
})
