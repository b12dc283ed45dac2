import type {
  DeploymentConfiguration,
  DeploymentLifecycleHookDetail,
  ServiceDeployment
} from '@aws-sdk/client-ecs'

/**
 * What an ECS native deployment (BLUE_GREEN, LINEAR, CANARY) tells a person as it goes: each
 * lifecycle stage, each traffic step with its bake, each hook with its Lambda and its outcome.
 * Every fact is told once, when it first holds; a hook that holds the deployment for an hour is
 * one line, not one per look.
 */
export type NativeStrategy = 'blue_green' | 'linear' | 'canary'

export const STRATEGY_LABEL: Record<NativeStrategy, string> = {
  blue_green: 'blue/green',
  linear: 'linear',
  canary: 'canary'
}

const WAITING = new Set(['IN_PROGRESS', 'AWAITING_ACTION'])
const SCALING = new Set(['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP'])

/** ECS's defaults for what a service leaves out (DeploymentConfiguration in the SDK's model). */
const DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6, canaryPercent: 5, canaryBake: 10 }

/** How the strategy will move production traffic: "in steps of 25%, 5 min apart, then bake 10 min". */
export function describePlan(
  strategy: NativeStrategy,
  config: DeploymentConfiguration | undefined
): string {
  const bake = config?.bakeTimeInMinutes
  const then = bake === undefined ? '' : `, then bake ${bake} min`
  if (strategy === 'linear') {
    return `production traffic in steps of ${percent(stepPercent(config))}, ${stepBake(strategy, config)} min apart${then}`
  }
  if (strategy === 'canary') {
    const canary = config?.canaryConfiguration?.canaryPercent ?? DEFAULTS.canaryPercent
    return `${percent(canary)} of production traffic for ${stepBake(strategy, config)} min, then all of it${then}`
  }
  return `all production traffic at once${then}`
}

export class DeploymentStory {
  /** The last thing told about each fact: a stage line, a traffic weight, a hook's status. */
  private readonly told = new Map<string, string>()

  constructor(
    private readonly strategy: NativeStrategy,
    /** The service's configuration, for a deployment that does not carry its own. */
    private readonly serviceConfig: DeploymentConfiguration | undefined
  ) {}

  /** The lines this look adds: each stage, traffic step and hook state not told before. */
  tell(d: ServiceDeployment, now: number): string[] {
    const config = d.deploymentConfiguration ?? this.serviceConfig
    const lines: string[] = []
    const say = (fact: string, state: string, line: () => string): void => {
      if (this.told.get(fact) === state) return
      this.told.set(fact, state)
      lines.push(line())
    }
    // A hook's outcome belongs to the stage it ran in, so it comes before the next stage's lines;
    // a hook that starts belongs to the stage it holds, so it comes after.
    const hooks = d.lifecycleHookDetails ?? []
    const tellHook = (hook: DeploymentLifecycleHookDetail): void =>
      say(`hook ${hook.hookId ?? hook.targetArn}`, hook.status ?? '', () =>
        describeHook(hook, d, now)
      )
    for (const hook of hooks.filter(h => !WAITING.has(h.status ?? ''))) tellHook(hook)
    const target = d.targetServiceRevision
    if (d.lifecycleStage) {
      const bake =
        d.lifecycleStage === 'BAKE_TIME' && config?.bakeTimeInMinutes !== undefined
          ? ` (${config.bakeTimeInMinutes} min)`
          : ''
      // Task counts while the new revision starts, or when some of it is not running.
      const running = target?.runningTaskCount ?? 0
      const requested = target?.requestedTaskCount ?? 0
      const tasks =
        target && (SCALING.has(d.lifecycleStage) || running < requested)
          ? `: new revision ${running}/${requested} running` +
            (target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : '')
          : ''
      const line = `stage ${d.lifecycleStage}${bake}${tasks}`
      say('stage', line, () => line)
    }
    const test = target?.requestedTestTrafficWeight
    if (test)
      say('test', String(test), () => `${percent(test)} of test traffic on the new revision`)
    const production = target?.requestedProductionTrafficWeight
    if (production) {
      say('production', String(production), () => {
        const bake = production < 100 ? stepBake(this.strategy, config) : 0
        return (
          `${percent(production)} of production traffic on the new revision` +
          (bake ? `, bake ${bake} min` : '')
        )
      })
    }
    for (const hook of hooks.filter(h => WAITING.has(h.status ?? ''))) tellHook(hook)
    return lines
  }
}

/**
 * A hook's line: which one, where, and for how long ECS waits on it (told once, when it starts),
 * or its outcome.
 */
function describeHook(
  hook: DeploymentLifecycleHookDetail,
  d: ServiceDeployment,
  now: number
): string {
  const id = hook.hookId ?? hook.targetArn ?? 'hook'
  const pause = hook.targetType === 'PAUSE'
  const name = pause ? `hook ${id} (pause)` : `hook ${id} (Lambda ${lambdaName(hook.targetArn)})`
  const at = d.lifecycleStage ? ` at ${d.lifecycleStage}` : ''
  const limit =
    hook.expiresAt === undefined
      ? ''
      : `, up to ${left(hook.expiresAt.getTime() - now)} before ECS ` +
        (hook.timeoutAction === 'CONTINUE' ? 'goes on without it' : 'rolls back')
  if (hook.status === 'IN_PROGRESS') return `waiting on ${name}${at}${limit}`
  if (hook.status === 'AWAITING_ACTION') {
    return (
      `paused${at} by ${name} for an outside decision${limit}: ` +
      `aws ecs continue-service-deployment --service-deployment-arn ${d.serviceDeploymentArn ?? ''} ` +
      `--hook-id ${id} --action CONTINUE (or ROLLBACK)`
    )
  }
  return `${name} ${hook.status ?? 'status unknown'}`
}

function stepPercent(config: DeploymentConfiguration | undefined): number {
  return config?.linearConfiguration?.stepPercent ?? DEFAULTS.stepPercent
}

/** The bake between traffic steps: a linear step's, or the canary's. */
function stepBake(strategy: NativeStrategy, config: DeploymentConfiguration | undefined): number {
  if (strategy === 'linear')
    return config?.linearConfiguration?.stepBakeTimeInMinutes ?? DEFAULTS.stepBakeTimeInMinutes
  if (strategy === 'canary')
    return config?.canaryConfiguration?.canaryBakeTimeInMinutes ?? DEFAULTS.canaryBake
  return 0
}

/** ECS weights come in tenths; 25 -> "25%", 12.5 -> "12.5%". */
function percent(weight: number): string {
  return `${Math.round(weight * 10) / 10}%`
}

function lambdaName(arn: string | undefined): string {
  const match = /:function:([^:]+)/.exec(arn ?? '')
  return match?.[1] ?? arn ?? 'unknown'
}

/** Time left, rounded up to the minute: "60 min", past two hours "24 h". */
function left(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000))
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`
}
