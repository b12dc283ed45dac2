import { describe, expect, it } from '@jest/globals'
import type { EcsTarget } from '../../src/settings/types.js'
import { deploy } from '../../src/targets/ecs.js'
import type { Scenario } from '../simulators/ecs.js'
import {
  deployFailure,
  detection,
  ecsRequest,
  ecsSimulators,
  expectPollCadence,
  recordingContext,
  simulatedClock
} from './ecs-fixtures.js'

/**
 * ECS LINEAR and CANARY deployments, the real @aws-sdk/client-ecs against the simulator, on a
 * simulated clock shared by the simulator and the follower: tasks start in seconds, each traffic
 * step bakes its minutes, a hook holds for twenty, and a test plays it all in milliseconds. The
 * follower looks every 5 s (ECS's default), every second while the deployment is young and moving.
 *
 * The simulator's services: LINEAR in steps of 25%, 5 min apart; CANARY 10% for 15 min; both then
 * bake 10 min, run a smoke Lambda after test traffic, and roll back on the api-5xx alarm.
 */
const startSimulator = ecsSimulators()

const SERVICE_DEPLOYMENT = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/api/103'
const MINUTE = 60_000

/** Every deployment starts the same way: tasks up, test traffic, the smoke Lambda. */
const UP_TO_TEST_TRAFFIC = [
  'registered task definition api:2',
  'stage RECONCILE_SERVICE: new revision 0/2 running',
  'stage SCALE_UP: new revision 1/2 running, 1 pending',
  'stage SCALE_UP: new revision 2/2 running',
  'stage TEST_TRAFFIC_SHIFT',
  '100% of test traffic on the new revision',
  'stage POST_TEST_TRAFFIC_SHIFT',
  'waiting on hook hook-smoke (Lambda smoke) at POST_TEST_TRAFFIC_SHIFT, up to 60 min before ECS rolls back',
  'hook hook-smoke (Lambda smoke) SUCCEEDED'
]
/** From test traffic to the end: four steps with their bakes, then the deployment's bake. */
const LINEAR_STEPS_TO_THE_END = [
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '25% of production traffic on the new revision, bake 5 min',
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '50% of production traffic on the new revision, bake 5 min',
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '75% of production traffic on the new revision, bake 5 min',
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '100% of production traffic on the new revision',
  'stage POST_PRODUCTION_TRAFFIC_SHIFT',
  'stage BAKE_TIME (10 min)',
  'stage CLEAN_UP'
]
/** The canary, its bake, the rest, then the deployment's bake. */
const CANARY_STEPS_TO_THE_END = [
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '10% of production traffic on the new revision, bake 15 min',
  'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
  'stage PRODUCTION_TRAFFIC_SHIFT',
  '100% of production traffic on the new revision',
  'stage POST_PRODUCTION_TRAFFIC_SHIFT',
  'stage BAKE_TIME (10 min)',
  'stage CLEAN_UP'
]
const LINEAR_REQUESTED =
  'ECS linear deployment of api:2 requested: production traffic in steps of 25%, 5 min apart, then bake 10 min'
const CANARY_REQUESTED =
  'ECS canary deployment of api:2 requested: 10% of production traffic for 15 min, then all of it, then bake 10 min'
const PAUSED =
  'paused at POST_TEST_TRAFFIC_SHIFT by hook hook-pause-1 (pause) for an outside decision, up to 24 h ' +
  `before ECS rolls back: aws ecs continue-service-deployment --service-deployment-arn ${SERVICE_DEPLOYMENT} ` +
  '--hook-id hook-pause-1 --action CONTINUE (or ROLLBACK)'
const CHECK_WAITING =
  'waiting on hook hook-traffic-check (Lambda traffic-check) at PRE_PRODUCTION_TRAFFIC_SHIFT, up to 15 min before ECS rolls back'
const ALARM_ROLLBACK =
  'rolled back during PRODUCTION_TRAFFIC_SHIFT at {w}% of production traffic (ROLLBACK_REQUESTED): ' +
  'Service deployment rolled back because the CloudWatch alarm api-5xx is in ALARM.'
const HOOK_ROLLBACK =
  'rolled back during PRE_PRODUCTION_TRAFFIC_SHIFT at {w}% of production traffic (ROLLBACK_REQUESTED): ' +
  'Lifecycle hook arn:aws:lambda:us-east-1:123456789012:function:traffic-check returned FAILED at stage PRE_PRODUCTION_TRAFFIC_SHIFT.'

async function run(
  strategy: 'linear' | 'canary',
  scenario: Scenario,
  target: Partial<EcsTarget> = {},
  options: { timeoutMs?: number; signal?: AbortSignal } = {}
) {
  const clock = simulatedClock()
  const sim = await startSimulator({ controller: strategy, scenario, clock: clock.now })
  const recorded = recordingContext({
    intervalMs: 5000,
    timeoutMs: options.timeoutMs ?? 2 * 60 * MINUTE,
    signal: options.signal,
    clock
  })
  const started = clock.now()
  const result = deploy(ecsRequest({ strategy, ...target }), recorded.context)
  const lines = () => recorded.progress().map(p => p.message)
  const elapsed = () => clock.now() - started
  return { sim, recorded, result, lines, elapsed, clock, started }
}

describe('ECS LINEAR deployments', () => {
  it('success: each stage, each 25% step with its bake, the smoke hook, to SUCCESSFUL', async () => {
    const { sim, recorded, result, lines, elapsed } = await run('linear', 'success')
    const outcome = await result

    expect(outcome.outputs?.ecs_deployment_id).toBe(SERVICE_DEPLOYMENT)
    expect(lines()).toEqual([
      'registered task definition api:2',
      LINEAR_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      ...LINEAR_STEPS_TO_THE_END
    ])
    const step = recorded
      .progress()
      .find(p => p.message === '50% of production traffic on the new revision, bake 5 min')
    expect(step?.data).toMatchObject({
      strategy: 'linear',
      lifecycle_stage: 'PRODUCTION_TRAFFIC_SHIFT',
      traffic_percent: 50,
      sources: [{ requested: 2, running: 2 }]
    })
    expect(sim.serviceDeployments()[0]).toMatchObject({ status: 'SUCCESSFUL' })
    // Three 5 min step bakes and the 10 min bake: the deploy took as long as ECS did, no longer.
    expect(elapsed()).toBeGreaterThan(25 * MINUTE)
    expect(detection(sim)).toEqual({ looksAfterFinal: 1, lookBefore: true })
    expectPollCadence(recorded)
  })

  it('rollback during a step: the alarm fires while 50% bakes, reported at once as HEALTH_CHECK_FAILED', async () => {
    const { sim, result, lines } = await run('linear', 'step-rollback')
    const error = await deployFailure(result)

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe(
      `ECS linear deployment ${SERVICE_DEPLOYMENT} ${ALARM_ROLLBACK.replace('{w}', '50')}`
    )
    expect(error.details).toBe('alarms in ALARM: api-5xx')
    expect(lines()).toEqual([
      'registered task definition api:2',
      LINEAR_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '25% of production traffic on the new revision, bake 5 min',
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '50% of production traffic on the new revision, bake 5 min'
    ])
    expect(detection(sim).looksAfterFinal).toBe(1)
    // ECS rolls back on its own: nothing for us to stop.
    expect(sim.stops).toEqual([])
  })

  it('a hook that fails: the traffic check passes before 25% and fails before 50%', async () => {
    const { sim, result, lines } = await run('linear', 'hook-fails')
    const error = await deployFailure(result)

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe(
      `ECS linear deployment ${SERVICE_DEPLOYMENT} ${HOOK_ROLLBACK.replace('{w}', '25')}`
    )
    expect(error.details).toBe(
      'hook hook-traffic-check (arn:aws:lambda:us-east-1:123456789012:function:traffic-check) FAILED'
    )
    expect(lines()).toEqual([
      'registered task definition api:2',
      LINEAR_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      CHECK_WAITING,
      'hook hook-traffic-check (Lambda traffic-check) SUCCEEDED',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '25% of production traffic on the new revision, bake 5 min',
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      CHECK_WAITING,
      'hook hook-traffic-check (Lambda traffic-check) FAILED'
    ])
    expect(detection(sim).looksAfterFinal).toBe(1)
  })

  it('a hook that holds: the pause is told once, with how long ECS waits and how to decide', async () => {
    const { sim, recorded, result, lines } = await run('linear', 'hook-holds')
    await result

    expect(lines()).toEqual([
      'registered task definition api:2',
      LINEAR_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      PAUSED,
      'hook hook-pause-1 (pause) SUCCEEDED',
      ...LINEAR_STEPS_TO_THE_END
    ])
    // Twenty minutes of looks while it held, one line for them all.
    const paused = recorded.progress().find(p => p.message === PAUSED)?.at as number
    const resumed = recorded.progress().find(p => p.message.endsWith('(pause) SUCCEEDED'))
      ?.at as number
    expect(sim.statusCalls.filter(at => at > paused && at < resumed).length).toBeGreaterThan(200)
    expect(sim.serviceDeployments()[0]).toMatchObject({ status: 'SUCCESSFUL' })
  })

  it('sets the configured step and step bake on the service with the update, keeping its hooks', async () => {
    const { sim, result, lines } = await run('linear', 'success', {
      linear: { stepPercent: 50, stepBakeMinutes: 1 }
    })
    await result

    expect(sim.updates[0]?.deploymentConfiguration).toMatchObject({
      strategy: 'LINEAR',
      bakeTimeInMinutes: 10,
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 },
      lifecycleHooks: [
        expect.objectContaining({
          hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke'
        })
      ],
      alarms: { alarmNames: ['api-5xx'], enable: true, rollback: true }
    })
    expect(lines()).toContain(
      'ECS linear deployment of api:2 requested: production traffic in steps of 50%, 1 min apart, then bake 10 min'
    )
    expect(lines().filter(line => line.includes('of production traffic'))).toEqual([
      '50% of production traffic on the new revision, bake 1 min',
      '100% of production traffic on the new revision'
    ])
  })

  it('wait_until traffic_shifted returns once production traffic is all shifted, while ECS still bakes', async () => {
    const { sim, recorded, result, lines } = await run('linear', 'success', {
      waitUntil: 'traffic_shifted'
    })
    await result

    // The state of the service deployment at the moment the deploy returned.
    expect(sim.serviceDeployments()[0]).toMatchObject({
      status: 'IN_PROGRESS',
      lifecycleStage: 'POST_PRODUCTION_TRAFFIC_SHIFT',
      targetServiceRevision: { requestedProductionTrafficWeight: 100 }
    })
    expect(sim.finalAt).toBeUndefined()
    expect(lines().slice(-3)).toEqual([
      '100% of production traffic on the new revision',
      'stage POST_PRODUCTION_TRAFFIC_SHIFT',
      'production traffic is all on the new revision; returning before the 10 min bake ends ' +
        '(wait_until: traffic_shifted). ECS goes on and can still roll back; watch it with: ' +
        `aws ecs describe-service-deployments --service-deployment-arns ${SERVICE_DEPLOYMENT}`
    ])
    expect(recorded.progress().at(-1)?.data).toMatchObject({
      lifecycle_stage: 'POST_PRODUCTION_TRAFFIC_SHIFT',
      traffic_percent: 100
    })
    expect(sim.stops).toEqual([])
  })

  it('stops with ROLLBACK when a held hook outlives deploy_timeout', async () => {
    const { sim, result, lines } = await run('linear', 'hook-holds', {}, { timeoutMs: 10 * MINUTE })
    const error = await deployFailure(result)

    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe(
      'ECS linear deployment of api did not finish within 10 min; ' +
        `stopped ECS service deployment ${SERVICE_DEPLOYMENT} with ROLLBACK`
    )
    expect(lines().at(-1)).toBe(PAUSED)
    expect(sim.stops).toEqual([
      {
        operation: 'StopServiceDeployment',
        input: { serviceDeploymentArn: SERVICE_DEPLOYMENT, stopType: 'ROLLBACK' }
      }
    ])
  })

  it('refuses linear on a blue/green service, changing nothing', async () => {
    const sim = await startSimulator({ controller: 'blue_green', scenario: 'success' })
    const error = await deployFailure(
      deploy(ecsRequest({ strategy: 'linear' }), recordingContext().context)
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      "ECS service 'api' uses the ECS deployment controller with the BLUE_GREEN strategy, so " +
        'deploy.ecs.strategy linear cannot deploy it; set deploy.ecs.strategy to blue_green.'
    )
    expect(sim.registered).toEqual([])
  })
})

describe('ECS CANARY deployments', () => {
  it('success: 10% for the 15 min canary bake, then all of it, then the bake, to SUCCESSFUL', async () => {
    const { sim, recorded, result, lines } = await run('canary', 'success')
    const outcome = await result

    expect(outcome.outputs?.ecs_deployment_id).toBe(SERVICE_DEPLOYMENT)
    expect(lines()).toEqual([
      'registered task definition api:2',
      CANARY_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      ...CANARY_STEPS_TO_THE_END
    ])
    expect(sim.serviceDeployments()[0]).toMatchObject({ status: 'SUCCESSFUL' })
    expect(detection(sim)).toEqual({ looksAfterFinal: 1, lookBefore: true })
    expectPollCadence(recorded)
  })

  it('rollback during the canary: the alarm fires while 10% bakes', async () => {
    const { sim, result, lines } = await run('canary', 'step-rollback')
    const error = await deployFailure(result)

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe(
      `ECS canary deployment ${SERVICE_DEPLOYMENT} ${ALARM_ROLLBACK.replace('{w}', '10')}`
    )
    expect(lines()).toEqual([
      'registered task definition api:2',
      CANARY_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '10% of production traffic on the new revision, bake 15 min'
    ])
    expect(detection(sim).looksAfterFinal).toBe(1)
    expect(sim.stops).toEqual([])
  })

  it('a hook that fails: the traffic check passes before the canary and fails before the rest', async () => {
    const { result, lines } = await run('canary', 'hook-fails')
    const error = await deployFailure(result)

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe(
      `ECS canary deployment ${SERVICE_DEPLOYMENT} ${HOOK_ROLLBACK.replace('{w}', '10')}`
    )
    expect(lines()).toEqual([
      'registered task definition api:2',
      CANARY_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      CHECK_WAITING,
      'hook hook-traffic-check (Lambda traffic-check) SUCCEEDED',
      'stage PRODUCTION_TRAFFIC_SHIFT',
      '10% of production traffic on the new revision, bake 15 min',
      'stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      CHECK_WAITING,
      'hook hook-traffic-check (Lambda traffic-check) FAILED'
    ])
  })

  it('a hook that holds: one line for twenty minutes of pause, then the canary goes on', async () => {
    const { sim, recorded, result, lines } = await run('canary', 'hook-holds')
    await result

    expect(lines()).toEqual([
      'registered task definition api:2',
      CANARY_REQUESTED,
      ...UP_TO_TEST_TRAFFIC.slice(1),
      PAUSED,
      'hook hook-pause-1 (pause) SUCCEEDED',
      ...CANARY_STEPS_TO_THE_END
    ])
    const paused = recorded.progress().find(p => p.message === PAUSED)?.at as number
    expect(
      sim.statusCalls.filter(at => at > paused && at < paused + 20 * MINUTE).length
    ).toBeGreaterThan(200)
  })

  it('wait_until traffic_shifted skips the bake, and a configured canary is set on the service', async () => {
    const { sim, result, lines, elapsed } = await run('canary', 'success', {
      waitUntil: 'traffic_shifted',
      canary: { percent: 20, bakeMinutes: 3 }
    })
    await result

    expect(sim.updates[0]?.deploymentConfiguration).toMatchObject({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 3 }
    })
    expect(lines().filter(line => line.includes('production traffic'))).toEqual([
      'ECS canary deployment of api:2 requested: 20% of production traffic for 3 min, then all of it, then bake 10 min',
      '20% of production traffic on the new revision, bake 3 min',
      '100% of production traffic on the new revision',
      'production traffic is all on the new revision; returning before the 10 min bake ends ' +
        '(wait_until: traffic_shifted). ECS goes on and can still roll back; watch it with: ' +
        `aws ecs describe-service-deployments --service-deployment-arns ${SERVICE_DEPLOYMENT}`
    ])
    expect(sim.serviceDeployments()[0]).toMatchObject({
      status: 'IN_PROGRESS',
      lifecycleStage: 'POST_PRODUCTION_TRAFFIC_SHIFT'
    })
    // Scale-up, test traffic and hook (about 2 min) and the 3 min canary; not the 10 min bake.
    expect(elapsed()).toBeLessThan(10 * MINUTE)
  })

  it('stops with ROLLBACK when the run is cancelled while the canary bakes', async () => {
    const controller = new AbortController()
    const clock = simulatedClock()
    const sim = await startSimulator({
      controller: 'canary',
      scenario: 'success',
      clock: clock.now
    })
    const recorded = recordingContext({
      intervalMs: 5000,
      timeoutMs: 2 * 60 * MINUTE,
      signal: controller.signal,
      clock
    })
    const cancelling = {
      ...recorded.context,
      progress: (message: string, data?: Record<string, unknown>) => {
        if (message.startsWith('10% of production traffic')) controller.abort()
        recorded.context.progress(message, data)
      }
    }

    const error = await deployFailure(deploy(ecsRequest({ strategy: 'canary' }), cancelling))

    expect(error.code).toBe('CANCELLED')
    expect(sim.stops).toEqual([
      {
        operation: 'StopServiceDeployment',
        input: { serviceDeploymentArn: SERVICE_DEPLOYMENT, stopType: 'ROLLBACK' }
      }
    ])
    expect(sim.serviceDeployments()[0]).toMatchObject({ status: 'ROLLBACK_REQUESTED' })
  })
})
