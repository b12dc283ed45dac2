/**
 * After a cancel or a missed deadline, how long a phase may take to stop what it started (stop a
 * CodeDeploy deployment with rollback, stop an execution) before the run reports without it. The
 * runner leaves 7.5 s between its SIGINT and its SIGTERM.
 */
export const STOP_GRACE_MS = 5000

/** The longest delay a Node timer holds: a longer one fires at once (with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1

export interface DeadlineOptions {
  /**
   * How long the work may take to stop once its signal fires before it is abandoned (and the call
   * rejects with the signal's reason). Default 0: abandoned at once, so work that ignores its
   * signal cannot hang the caller.
   */
  graceMs?: number
}

/**
 * Runs `work` until it settles or `ms` pass, whichever comes first: the one "timer + abort + race
 * + cleanup" every deadline in the action goes through (a phase, one service's deploy, one build
 * or push, a wait, one attempt of a call). The work's signal fires at the deadline, with
 * `onTimeout()` as its reason, and when `signal` (the run's cancel) fires. Once the deadline has
 * passed, and nothing cancelled the work first, any failure of the work is the deadline's: the
 * AbortError or half-finished command it left behind is only the way it stopped. The exception is
 * a failure caused by the deadline's own reason (its `cause` chain holds it) with the same code:
 * the work reported the deadline itself, with more to say ("...; stopped deployment d-1").
 * Callers turn a cancel into their own error.
 */
export async function withDeadline<T>(
  signal: AbortSignal | undefined,
  ms: number,
  onTimeout: () => Error,
  work: (signal: AbortSignal) => Promise<T>,
  options: DeadlineOptions = {}
): Promise<T> {
  signal?.throwIfAborted()
  const deadline = new AbortController()
  const both = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal
  const stopTimer = startTimer(ms, () => deadline.abort(onTimeout()))
  const graceMs = options.graceMs ?? 0
  let stopGrace: (() => void) | undefined
  let onAbort: (() => void) | undefined
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = () => {
      const giveUp = (): void => reject(both.reason)
      if (graceMs > 0) stopGrace = startTimer(graceMs, giveUp)
      else giveUp()
    }
    both.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work(both), abandoned])
  } catch (error) {
    if (deadline.signal.aborted && !signal?.aborted && !reportsDeadline(error, deadline.signal)) {
      throw deadline.signal.reason
    }
    throw error
  } finally {
    stopTimer()
    stopGrace?.()
    if (onAbort) both.removeEventListener('abort', onAbort)
  }
}

/** Whether `error` is the deadline's reason, or says the same with more (a cause, same code). */
function reportsDeadline(error: unknown, deadline: AbortSignal): boolean {
  const reason: unknown = deadline.reason
  const code = (e: unknown): unknown => (e as { code?: unknown } | null | undefined)?.code
  if (code(error) !== code(reason)) return false
  let current = error
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current === reason) return true
    current = current.cause
  }
  return current === reason
}

/**
 * Calls `fire` after `ms`, in steps a Node timer can hold, so a deadline weeks away does not fire
 * at once; an infinite one never fires. Returns the function that cancels it.
 */
export function startTimer(ms: number, fire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined
  const arm = (left: number): void => {
    if (left === Infinity) return
    const step = Math.min(left, MAX_TIMER_MS)
    timer = setTimeout(() => (left > step ? arm(left - step) : fire()), step)
  }
  arm(ms)
  return () => clearTimeout(timer)
}
