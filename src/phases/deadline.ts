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

/**
 * After a service's deploy_timeout, how long its target may take to undo what it started (stop a
 * deployment, roll an Argo CD application back) before the service is reported without it.
 */
export const UNDO_GRACE_MS = 30_000

/**
 * Layers run one after another, each up to its slowest service's timeout and the grace to undo
 * it, plus a margin (the GitHub Deployment, the phase's own stop).
 */
export function deployPhaseBudget(settings: Settings, plan: Plan): number {
  const byName = new Map(plan.services.map(s => [s.name, s]))
  let total = 60_000
  for (const layer of plan.layers) {
    // A service's verify check runs after its deploy, within the same layer.
    const timeouts = layer.map(name => {
      const deploy = byName.get(name)?.deploy
      return (deploy?.timeoutMs ?? settings.deploy.timeoutMs) + (deploy?.verify?.timeoutMs ?? 0)
    })
    total += Math.max(0, ...timeouts) + UNDO_GRACE_MS
  }
  return total
}

/**
 * Runs one service's deploy under its deploy_timeout: every call the target makes, not only its
 * wait, ends there (a server that accepts the connection and never answers ends the service with
 * TIMEOUT, not the phase minutes later). The target's `signal` fires at the deadline; what undoes a
 * timed-out deploy runs on `undoSignal`, which fires only when the grace after it runs out (or on
 * a cancel, or at the phase's deadline).
 */
export async function withServiceDeadline<T>(
  signal: AbortSignal,
  ms: number,
  work: (signals: { signal: AbortSignal; undoSignal: AbortSignal }) => Promise<T>
): Promise<T> {
  const undo = new AbortController()
  const undoSignal = AbortSignal.any([signal, undo.signal])
  const timedOut = (): DeployError =>
    new DeployError('TIMEOUT', `not deployed within ${formatDuration(ms)} (deploy_timeout)`)
  try {
    return await withDeadline(signal, ms, timedOut, s => work({ signal: s, undoSignal }), {
      graceMs: UNDO_GRACE_MS
    })
  } finally {
    // Settled or abandoned: an undo still under way stops here.
    undo.abort(new DeployError('TIMEOUT', 'the grace to undo a timed-out deploy ran out'))
  }
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
