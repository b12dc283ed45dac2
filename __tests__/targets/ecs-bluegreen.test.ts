import { describe, expect, it } from '@jest/globals'
import { deploy } from '../../src/targets/ecs.js'
import { THROTTLING } from '../simulators/aws.js'
import { EXPIRED_TOKEN, LB_DNS } from '../simulators/ecs.js'
import {
  detection,
  ecsRequest,
  expectPollCadence,
  recordingContext,
  ecsSimulators,
  deployFailure
} from './ecs-fixtures.js'

const startSimulator = ecsSimulators()

const blueGreen = () => ecsRequest({ strategy: 'blue_green' })

describe('ECS native blue/green deploy (real @aws-sdk/client-ecs against the simulator)', () => {
  it('follows the service deployment through every lifecycle stage, bake time included, to SUCCESSFUL', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'success' })
    const recorded = recordingContext()
    const { context, progress } = recorded

    const outcome = await deploy(blueGreen(), context)

    expect(outcome.deploymentUrl).toBe(`http://${LB_DNS}`)
    expect(outcome.outputs?.ecs_deployment_id).toMatch(/:service-deployment\/shop\/api\/\d+$/)
    expect(progress().map(p => p.message)).toEqual([
      'registered task definition api:2',
      'ECS blue/green deployment of api:2 requested: all production traffic at once, then bake 5 min',
      'stage RECONCILE_SERVICE: new revision 0/2 running',
      'stage SCALE_UP: new revision 1/2 running, 1 pending',
      'stage TEST_TRAFFIC_SHIFT',
      '100% of test traffic on the new revision',
      'stage POST_TEST_TRAFFIC_SHIFT',
      'waiting on hook hook-smoke (Lambda smoke) at POST_TEST_TRAFFIC_SHIFT',
      'hook hook-smoke (Lambda smoke) SUCCEEDED',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '100% of production traffic on the new revision',
      'stage BAKE_TIME (5 min)',
      'stage CLEAN_UP'
    ])
    expect(progress().find(p => p.message === 'stage BAKE_TIME (5 min)')?.data).toMatchObject({
      strategy: 'blue_green',
      lifecycle_stage: 'BAKE_TIME',
      bake_time_minutes: 5,
      traffic_percent: 100,
      target: { requested: 2, running: 2, pending: 0 }
    })
    expect(detection(sim).looksAfterFinal).toBe(1)
    expectPollCadence(recorded)
  })

  it('calls a rollback (a failed lifecycle hook) a failed health check, as soon as it is requested', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'bluegreen-rollback' })

    const recorded = recordingContext()
    const error = await deployFailure(deploy(blueGreen(), recorded.context))

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toMatch(
      /rolled back during POST_TEST_TRAFFIC_SHIFT \(ROLLBACK_REQUESTED\): Lifecycle hook arn:aws:lambda:.*:function:smoke returned FAILED/
    )
    expect(error.details).toContain('hook hook-smoke')
    expect(
      recorded
        .progress()
        .map(p => p.message)
        .slice(-2)
    ).toEqual([
      'waiting on hook hook-smoke (Lambda smoke) at POST_TEST_TRAFFIC_SHIFT',
      'hook hook-smoke (Lambda smoke) FAILED'
    ])
    expect(detection(sim).looksAfterFinal).toBe(1)
    expectPollCadence(recorded)
    expect(sim.stops).toEqual([])
  })

  it('stops the service deployment with ROLLBACK when it outlives deploy_timeout', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'never-ends' })

    const error = await deployFailure(
      deploy(blueGreen(), recordingContext({ timeoutMs: 250 }).context)
    )

    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain('stopped ECS service deployment')
    expect(sim.stops).toEqual([
      {
        operation: 'StopServiceDeployment',
        input: {
          serviceDeploymentArn: expect.stringContaining(':service-deployment/'),
          stopType: 'ROLLBACK'
        }
      }
    ])
  })

  it('stops with ROLLBACK when the run is cancelled during bake time', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'never-ends' })
    const controller = new AbortController()
    const { context } = recordingContext({ signal: controller.signal })
    const cancelling = {
      ...context,
      progress: (message: string, data?: Record<string, unknown>) => {
        if (message.includes('BAKE_TIME')) controller.abort()
        context.progress(message, data)
      }
    }
    const error = await deployFailure(deploy(blueGreen(), cancelling))
    expect(error.code).toBe('CANCELLED')
    expect(sim.stops.map(s => s.input.stopType)).toEqual(['ROLLBACK'])
  })

  it('rides out throttling while waiting and explains expired credentials', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'success' })
    sim.failStatusCalls(THROTTLING, { after: 2, times: 2 })
    const outcome = await deploy(blueGreen(), recordingContext().context)
    expect(outcome.outputs?.ecs_deployment_id).toContain('service-deployment')
    expect(sim.aws.faultsServed).toEqual(['status', 'status'])
    const expiring = await startSimulator({ controller: 'blue_green', scenario: 'success' })
    expiring.failStatusCalls(EXPIRED_TOKEN, { after: 3, times: 1 })
    const error = await deployFailure(deploy(blueGreen(), recordingContext().context))
    expect(error.message).toContain('role session duration')
  })

  it('refuses blue_green on a service without the BLUE_GREEN strategy, changing nothing', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    const error = await deployFailure(deploy(blueGreen(), recordingContext().context))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('set deploy.ecs.strategy to rolling')
    expect(sim.registered).toEqual([])
  })
})
