import { DeployError } from '../errors.js'
import type { EventBus } from '../events/bus.js'
import type { Stage } from '../events/model.js'
import type { Plan } from '../plan/types.js'
import { STOP_GRACE_MS, withDeadline } from '../runtime/deadline.js'
import { formatDuration } from '../runtime/duration.js'
import type { Settings } from '../settings/types.js'

/**
 * Runs one phase under its own deadline and the run's cancel signal. The work sees both through
 * its signal and gets a grace period to clean up; a phase that overruns its deadline is a
 * TIMEOUT even if the work inside ignores its signal.
 */
export async function phase<T>(
  bus: EventBus,
  stage: Stage,
  message: string,
  deadlineMs: number,
  cancel: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  cancel.throwIfAborted()
  bus.emit({ type: 'stage', stage, message })
  const timedOut = (): DeployError =>
    new DeployError('TIMEOUT', `${stage} did not finish within ${formatDuration(deadlineMs)}`)
  return withDeadline(cancel, deadlineMs, timedOut, work, { graceMs: STOP_GRACE_MS })
}

/** Layers run one after another, each up to its slowest service's timeout, plus a margin. */
export function deployPhaseBudget(settings: Settings, plan: Plan): number {
  const byName = new Map(plan.services.map(s => [s.name, s]))
  let total = 60_000
  for (const layer of plan.layers) {
    // A service's verify check runs after its deploy, within the same layer.
    const timeouts = layer.map(name => {
      const deploy = byName.get(name)?.deploy
      return (deploy?.timeoutMs ?? settings.deploy.timeoutMs) + (deploy?.verify?.timeoutMs ?? 0)
    })
    total += Math.max(0, ...timeouts) + 30_000
  }
  return total
}

/**
 * Runs one item of a phase (one build, one push) under its own deadline: at the deadline the
 * work's signal is aborted (the builder process is killed) and the item is a TIMEOUT at once, even
 * if the work ignores its signal. A cancel of the run ends it the same way, as CANCELLED (or with
 * the phase's own reason when that is a DeployError: the phase's deadline).
 */
export async function withItemDeadline<T>(
  signal: AbortSignal,
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const cancelled = (): DeployError =>
    signal.reason instanceof DeployError
      ? signal.reason
      : new DeployError('CANCELLED', `The ${what} was cancelled.`)
  if (signal.aborted) throw cancelled()
  const timedOut = (): DeployError =>
    new DeployError('TIMEOUT', `The ${what} did not finish within ${formatDuration(ms)}.`)
  try {
    return await withDeadline(signal, ms, timedOut, work)
  } catch (error) {
    // Whatever the work threw once it was stopped (an AbortError, a killed builder), it was stopped.
    if (signal.aborted) throw cancelled()
    throw error
  }
}
