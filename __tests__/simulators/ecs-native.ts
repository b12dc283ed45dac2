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
 * ECS native deployments: the ECS deployment controller with the BLUE_GREEN, LINEAR or CANARY
 * strategy, as ListServiceDeployments and DescribeServiceDeployments show them. A deployment
 * moves through its lifecycle stages (scale up, test traffic, production traffic in one shift, in
 * equal steps or as a canary then the rest, bake time, clean up), its lifecycle hooks running at
 * their stages, and ends SUCCESSFUL or ROLLBACK_*.
 *
 * The AWS models in ../shared/specs/aws date from July 2025 and have neither service deployments
 * nor the LINEAR and CANARY strategies. These shapes follow the installed @aws-sdk/client-ecs
 * (3.1162) instead, dist-types/models/models_0.d.ts and enums.d.ts: DeploymentConfiguration
 * {strategy, bakeTimeInMinutes, linearConfiguration {stepPercent, stepBakeTimeInMinutes},
 * canaryConfiguration {canaryPercent, canaryBakeTimeInMinutes}, lifecycleHooks [{targetType
 * AWS_LAMBDA | PAUSE, hookTargetArn, lifecycleStages, timeoutConfiguration}]}, ServiceDeployment
 * {status, lifecycleStage, lifecycleHookDetails [{hookId, targetType, targetArn, status
 * IN_PROGRESS | AWAITING_ACTION | SUCCEEDED | FAILED | TIMED_OUT, expiresAt, timeoutAction}],
 * targetServiceRevision {requestedProductionTrafficWeight, requestedTestTrafficWeight}, alarms,
 * rollback}, and StopServiceDeployment {stopType ROLLBACK | ABORT}.
 */

const MINUTE = 60_000
const lambda = (name: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`
export const ALARM = 'api-5xx'

/** The service's deploymentConfiguration for each native strategy. */
export function nativeConfiguration(controller: string, scenario: string): Json {
  const base = {
    bakeTimeInMinutes: controller === 'blue_green' ? 5 : 10,
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    alarms: { alarmNames: [ALARM], enable: true, rollback: true }
  }
  if (controller === 'blue_green') {
    return {
      ...base,
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [
        { hookTargetArn: lambda('smoke'), lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }
      ]
    }
  }
  const hooks: Json[] = [
    {
      targetType: 'AWS_LAMBDA',
      hookTargetArn: lambda('smoke'),
      roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-hooks`,
      lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
      timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' }
    }
  ]
  if (scenario === 'hook-fails') {
    hooks.push({
      targetType: 'AWS_LAMBDA',
      hookTargetArn: lambda('traffic-check'),
      roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-hooks`,
      lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'],
      timeoutConfiguration: { timeoutInMinutes: 15, action: 'ROLLBACK' }
    })
  }
  if (scenario === 'hook-holds') {
    hooks.push({
      targetType: 'PAUSE',
      lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
      timeoutConfiguration: { timeoutInMinutes: 1440, action: 'ROLLBACK' }
    })
  }
  return controller === 'linear'
    ? {
        ...base,
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 5 },
        lifecycleHooks: hooks
      }
    : {
        ...base,
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 15 },
        lifecycleHooks: hooks
      }
}

export interface NativeDeployments {
  readonly operations: Record<string, AwsOperation>
  /** UpdateService of a native service: the service deployment it starts, and its timeline. */
  start(ours: Json): void
  /** Every service deployment as it stands now. */
  all(): Json[]
}

export function nativeDeployments(
  world: EcsWorld,
  onSettled: (ours: Json) => void
): NativeDeployments {
  const { options, desired, service } = world
  const deployments = new Map<string, Json>()
  const now = (): number => world.now()
  const revision = (n: number): string =>
    `arn:aws:ecs:${REGION}:${ACCOUNT}:service-revision/${CLUSTER}/${SERVICE}/${n}`

  function start(ours: Json): void {
    const arn = `arn:aws:ecs:${REGION}:${ACCOUNT}:service-deployment/${CLUSTER}/${SERVICE}/${world.nextId()}`
    const record: Json = {
      serviceDeploymentArn: arn,
      serviceArn: service.serviceArn,
      clusterArn: service.clusterArn,
      createdAt: ours.createdAt,
      status: 'PENDING',
      sourceServiceRevisions: [
        {
          arn: revision(1),
          requestedTaskCount: desired,
          runningTaskCount: desired,
          pendingTaskCount: 0
        }
      ],
      targetServiceRevision: {
        arn: revision(2),
        requestedTaskCount: desired,
        runningTaskCount: 0,
        pendingTaskCount: 0
      },
      deploymentConfiguration: structuredClone(service.deploymentConfiguration),
      deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 10 },
      alarms: { status: 'MONITORING', alarmNames: [ALARM] }
    }
    deployments.set(arn, record)
    world.startTimeline(
      options.controller === 'blue_green' ? blueGreenSteps(record, ours) : shiftSteps(record, ours)
    )
  }

  const stage = (
    d: Json,
    lifecycleStage: string,
    change: () => void = () => undefined,
    ms?: number
  ): Step => ({
    ms,
    apply: () => {
      Object.assign(d, {
        status: 'IN_PROGRESS',
        startedAt: d.startedAt ?? seconds(now()),
        lifecycleStage
      })
      change()
    }
  })

  const succeeded = (d: Json, ours: Json, ms?: number): Step => ({
    final: true,
    ms,
    apply: () => {
      Object.assign(d, {
        status: 'SUCCESSFUL',
        finishedAt: seconds(now()),
        lifecycleStage: undefined
      })
      onSettled(ours)
    }
  })

  function rollback(d: Json, reason: string, fields: Json = {}): Step[] {
    return [
      {
        final: true,
        apply: () =>
          Object.assign(d, {
            status: 'ROLLBACK_REQUESTED',
            statusReason: 'Service deployment rolled back.',
            ...fields,
            rollback: {
              reason,
              startedAt: seconds(now()),
              serviceRevisionArn: d.sourceServiceRevisions[0].arn
            }
          })
      },
      { ms: 30_000, apply: () => Object.assign(d, { status: 'ROLLBACK_IN_PROGRESS' }) },
      {
        ms: 60_000,
        apply: () => {
          Object.assign(d, { status: 'ROLLBACK_SUCCESSFUL', finishedAt: seconds(now()) })
          d.targetServiceRevision.requestedProductionTrafficWeight = 0
        }
      }
    ]
  }

  /** BLUE_GREEN: one production shift, as it has always been played (one step per status call). */
  function blueGreenSteps(d: Json, ours: Json): Step[] {
    const target = d.targetServiceRevision as Json
    const hook = { hookId: 'hook-smoke', targetType: 'AWS_LAMBDA', targetArn: lambda('smoke') }
    const common = [
      stage(d, 'RECONCILE_SERVICE'),
      stage(d, 'SCALE_UP', () =>
        Object.assign(target, { runningTaskCount: 1, pendingTaskCount: desired - 1 })
      ),
      stage(d, 'TEST_TRAFFIC_SHIFT', () =>
        Object.assign(target, {
          runningTaskCount: desired,
          pendingTaskCount: 0,
          requestedTestTrafficWeight: 100,
          requestedProductionTrafficWeight: 0
        })
      ),
      stage(
        d,
        'POST_TEST_TRAFFIC_SHIFT',
        () => (d.lifecycleHookDetails = [{ ...hook, status: 'IN_PROGRESS' }])
      )
    ]
    if (options.scenario === 'bluegreen-rollback') {
      return [
        ...common,
        ...rollback(
          d,
          `Lifecycle hook ${hook.targetArn} returned FAILED at stage POST_TEST_TRAFFIC_SHIFT.`,
          {
            statusReason: 'Service deployment rolled back because of a lifecycle hook failure.',
            lifecycleHookDetails: [{ ...hook, status: 'FAILED' }]
          }
        )
      ]
    }
    const shifted = [
      stage(d, 'PRODUCTION_TRAFFIC_SHIFT', () => {
        d.lifecycleHookDetails = [{ ...hook, status: 'SUCCEEDED' }]
        target.requestedProductionTrafficWeight = 100
      }),
      stage(d, 'BAKE_TIME')
    ]
    if (options.scenario === 'never-ends') return [...common, ...shifted]
    return [...common, ...shifted, stage(d, 'CLEAN_UP'), succeeded(d, ours)]
  }

  /**
   * LINEAR and CANARY: scale up and test traffic as blue/green, then production traffic in steps,
   * each preceded by PRE_PRODUCTION_TRAFFIC_SHIFT (where hooks may run) and followed by its bake,
   * then the deployment's own bake time and clean-up. Times are ECS-like: tasks start in tens of
   * seconds, bakes last their configured minutes.
   */
  function shiftSteps(d: Json, ours: Json): Step[] {
    const config = d.deploymentConfiguration as Json
    const target = d.targetServiceRevision as Json
    const linear = config.strategy === 'LINEAR'
    const weights: number[] = []
    let bakeMinutes: number
    if (linear) {
      const step = config.linearConfiguration.stepPercent as number
      for (let w = step; w < 100; w += step) weights.push(Math.round(w * 10) / 10)
      bakeMinutes = config.linearConfiguration.stepBakeTimeInMinutes
    } else {
      weights.push(config.canaryConfiguration.canaryPercent)
      bakeMinutes = config.canaryConfiguration.canaryBakeTimeInMinutes
    }
    weights.push(100)
    const hooks = config.lifecycleHooks as Json[]
    const hookId = (h: Json): string =>
      h.targetType === 'PAUSE'
        ? `hook-pause-${hooks.indexOf(h)}`
        : `hook-${String(h.hookTargetArn).split(':').pop()}`
    const details = (h: Json, status: string, at = now()): Json => ({
      hookId: hookId(h),
      targetType: h.targetType ?? 'AWS_LAMBDA',
      ...(h.targetType === 'PAUSE' ? {} : { targetArn: h.hookTargetArn }),
      status,
      expiresAt: seconds(at + h.timeoutConfiguration.timeoutInMinutes * MINUTE),
      timeoutAction: h.timeoutConfiguration.action
    })
    const atStage = (name: string): Json[] => hooks.filter(h => h.lifecycleStages.includes(name))
    const setHooks = (list: Json[]): void => {
      d.lifecycleHookDetails = list
    }

    const steps: Step[] = [
      stage(d, 'RECONCILE_SERVICE', undefined, 2000),
      stage(
        d,
        'SCALE_UP',
        () => Object.assign(target, { runningTaskCount: 1, pendingTaskCount: desired - 1 }),
        10_000
      ),
      stage(
        d,
        'SCALE_UP',
        () => Object.assign(target, { runningTaskCount: desired, pendingTaskCount: 0 }),
        20_000
      ),
      stage(d, 'TEST_TRAFFIC_SHIFT', () => (target.requestedTestTrafficWeight = 100), 10_000)
    ]
    // After test traffic: the smoke Lambda runs for a minute; a PAUSE hook waits for someone.
    const [smoke, pause] = atStage('POST_TEST_TRAFFIC_SHIFT')
    steps.push(
      stage(
        d,
        'POST_TEST_TRAFFIC_SHIFT',
        () => setHooks([details(smoke as Json, 'IN_PROGRESS')]),
        10_000
      ),
      { ms: MINUTE, apply: () => setHooks([details(smoke as Json, 'SUCCEEDED')]) }
    )
    if (pause) {
      steps.push(
        {
          ms: 10_000,
          apply: () => setHooks([...d.lifecycleHookDetails, details(pause, 'AWAITING_ACTION')])
        },
        // Someone runs ContinueServiceDeployment --action CONTINUE twenty minutes later.
        {
          ms: 20 * MINUTE,
          apply: () =>
            setHooks(
              d.lifecycleHookDetails.map((h: Json) =>
                h.hookId === hookId(pause) ? { ...h, status: 'SUCCEEDED' } : h
              )
            )
        }
      )
    }
    const [check] = atStage('PRE_PRODUCTION_TRAFFIC_SHIFT')
    for (const [i, weight] of weights.entries()) {
      steps.push(
        stage(
          d,
          'PRE_PRODUCTION_TRAFFIC_SHIFT',
          () => setHooks(check ? [details(check, 'IN_PROGRESS')] : []),
          i === 0 ? 10_000 : bakeMinutes * MINUTE
        )
      )
      if (check && options.scenario === 'hook-fails' && i === 1) {
        const failed = rollback(
          d,
          `Lifecycle hook ${check.hookTargetArn} returned FAILED at stage PRE_PRODUCTION_TRAFFIC_SHIFT.`,
          {
            statusReason: 'Service deployment rolled back because of a lifecycle hook failure.',
            lifecycleHookDetails: [details(check, 'FAILED')]
          }
        )
        return [...steps, { ...(failed[0] as Step), ms: 20_000 }, ...failed.slice(1)]
      }
      steps.push(
        stage(
          d,
          'PRODUCTION_TRAFFIC_SHIFT',
          () => {
            if (check) setHooks([details(check, 'SUCCEEDED')])
            target.requestedProductionTrafficWeight = weight
            d.sourceServiceRevisions[0].requestedProductionTrafficWeight =
              Math.round((100 - weight) * 10) / 10
          },
          check ? 20_000 : 10_000
        )
      )
      if (options.scenario === 'step-rollback' && i === (linear ? 1 : 0)) {
        // Halfway through this step's bake the alarm fires.
        const rolled = rollback(
          d,
          `Service deployment rolled back because the CloudWatch alarm ${ALARM} is in ALARM.`,
          { alarms: { status: 'TRIGGERED', alarmNames: [ALARM], triggeredAlarmNames: [ALARM] } }
        )
        return [
          ...steps,
          { ...(rolled[0] as Step), ms: (bakeMinutes * MINUTE) / 2 },
          ...rolled.slice(1)
        ]
      }
    }
    steps.push(
      stage(d, 'POST_PRODUCTION_TRAFFIC_SHIFT', () => setHooks([]), 10_000),
      stage(d, 'BAKE_TIME', undefined, 10_000)
    )
    if (options.scenario === 'never-ends') return steps
    return [
      ...steps,
      stage(
        d,
        'CLEAN_UP',
        () => (d.sourceServiceRevisions[0].runningTaskCount = 0),
        config.bakeTimeInMinutes * MINUTE
      ),
      succeeded(d, ours, 30_000)
    ]
  }

  const operations: Record<string, AwsOperation> = {
    ListServiceDeployments: input => {
      world.advance(false)
      const after = (input.createdAt as Json | undefined)?.after as number | undefined
      return {
        serviceDeployments: [...deployments.values()]
          .filter(d => after === undefined || d.createdAt >= after)
          .map(d => ({
            serviceDeploymentArn: d.serviceDeploymentArn,
            createdAt: d.createdAt,
            status: d.status
          }))
      }
    },
    DescribeServiceDeployments: input => {
      world.advance(true)
      return {
        serviceDeployments: (input.serviceDeploymentArns as string[])
          .map(arn => deployments.get(arn))
          .filter(Boolean),
        failures: []
      }
    },
    StopServiceDeployment: input => {
      world.stops.push({ operation: 'StopServiceDeployment', input })
      const d = deployments.get(String(input.serviceDeploymentArn))
      if (!d)
        throw new AwsFault('ServiceDeploymentNotFoundException', 'Service deployment not found.')
      Object.assign(d, {
        status: input.stopType === 'ROLLBACK' ? 'ROLLBACK_REQUESTED' : 'STOP_REQUESTED'
      })
      world.stopTimeline()
      return { serviceDeploymentArn: d.serviceDeploymentArn }
    }
  }

  return {
    operations,
    start,
    all: () => {
      world.advance(false)
      return [...deployments.values()]
    }
  }
}
