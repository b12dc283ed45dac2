import { DeployError } from '../errors.js'
import type { EventBus } from '../events/bus.js'
import type { Stage } from '../events/model.js'
import type { Plan } from '../plan/types.js'
import { formatDuration } from '../runtime/follow.js'
import type { Settings } from '../settings/types.js'

/**
 * After a cancel or a missed deadline, how long a phase may take to stop what it started (stop a
 * CodeDeploy deployment with rollback, stop an execution) before the run reports without it. The
 * runner leaves 7.5 s between its SIGINT and its SIGTERM.
 */
export const STOP_GRACE_MS = 5000

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
  const deadline = new AbortController()
  const signal = AbortSignal.any([cancel, deadline.signal])
  const timer = setTimeout(() => {
    deadline.abort(
      new DeployError('TIMEOUT', `${stage} did not finish within ${formatDuration(deadlineMs)}`)
    )
  }, deadlineMs)
  let graceTimer: NodeJS.Timeout | undefined
  const givenUp = new Promise<never>((_, reject) => {
    const onAbort = (): void => {
      graceTimer = setTimeout(() => reject(signal.reason), STOP_GRACE_MS)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work(signal), givenUp])
  } catch (error) {
    // Whatever the work threw once its deadline passed (an AbortError, a CANCELLED from a
    // follower), the phase timed out.
    if (deadline.signal.aborted && !cancel.aborted) throw deadline.signal.reason
    throw error
  } finally {
    clearTimeout(timer)
    clearTimeout(graceTimer)
  }
}

/** Layers run one after another, each up to its slowest service's timeout, plus a margin. */
export function deployPhaseBudget(settings: Settings, plan: Plan): number {
  const byName = new Map(plan.services.map(s => [s.name, s]))
  let total = 60_000
  for (const layer of plan.layers) {
    const timeouts = layer.map(
      name => byName.get(name)?.deploy?.timeoutMs ?? settings.deploy.timeoutMs
    )
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
export async function withDeadline<T>(
  signal: AbortSignal,
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const deadline = new AbortController()
  const both = AbortSignal.any([signal, deadline.signal])
  const stopReason = (): DeployError => {
    if (deadline.signal.aborted && !signal.aborted) return deadline.signal.reason as DeployError
    if (signal.reason instanceof DeployError) return signal.reason
    return new DeployError('CANCELLED', `The ${what} was cancelled.`)
  }
  if (signal.aborted) throw stopReason()
  const timer = setTimeout(() => {
    deadline.abort(
      new DeployError('TIMEOUT', `The ${what} did not finish within ${formatDuration(ms)}.`)
    )
  }, ms)
  let onAbort: (() => void) | undefined
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(stopReason())
    both.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work(both), stopped])
  } catch (error) {
    // Whatever the work threw once it was stopped (an AbortError, a killed builder), it was stopped.
    if (both.aborted) throw stopReason()
    throw error
  } finally {
    clearTimeout(timer)
    if (onAbort) both.removeEventListener('abort', onAbort)
  }
}
