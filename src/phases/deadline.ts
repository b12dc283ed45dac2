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
const STOP_GRACE_MS = 5000

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
