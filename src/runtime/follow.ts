import { DeployError } from '../errors.js'
import { withDeadline } from './deadline.js'
import { withRetry, type RetryNotice } from './retry.js'
import { formatDuration } from './duration.js'
import { sleep as realSleep, type Sleep } from './sleep.js'

export { formatDuration }

/**
 * The one follower every wait goes through: look, and if it is not over, look again one interval
 * after the previous look started (and in between while a young wait moves, see `Young`), until
 * it is over, the deadline passes (TIMEOUT) or the run is
 * cancelled (CANCELLED). Each look goes through the retry helper, so throttling backs off and a
 * dropped connection is tried again without ending the wait; nothing else slows the cadence, so
 * the end is noticed within one interval of happening.
 */
export interface FollowOptions<T> {
  /** What is being waited for, for messages: "ECS deployment ecs-svc/123". */
  describe: string
  /** One look at the remote state. */
  look: (signal: AbortSignal) => Promise<Look<T>>
  intervalMs: number
  /** A quicker cadence while the wait is young; see `Young`. */
  young?: Young
  timeoutMs: number
  signal?: AbortSignal
  /** Called with each look's progress line when it differs from the previous one. */
  onProgress?: (progress: string) => void
  onRetry?: (retry: RetryNotice) => void
  /** Attempts per look before the wait fails; default 6 (waits are long, blips are common). */
  attemptsPerLook?: number
  sleep?: Sleep
  now?: () => number
}

/**
 * Most fast deploys end within their first minute, where one look per interval (5 s) leaves the
 * end up to 5 s unnoticed. While the wait is younger than `periodMs`, a look that saw the
 * deployment move (a stage, a step, a state) is followed by a quick one `intervalMs` later, and
 * so on while it keeps moving: a burst of changes, and the end that usually closes it, are each
 * seen within `intervalMs`. Quick looks come between the regular ones, never instead of them, so
 * the end is still seen within one interval; there are at most as many as the configured interval
 * makes in `periodMs` (12 at 5 s). The young period costs at most twice its looks, the rest of the
 * wait none more. (A flat 1 s cadence for the first minute would cost five times that minute's
 * looks; docs/ecs.md, "Measured", has the figures.)
 */
export interface Young {
  intervalMs: number
  periodMs: number
}

/** What the ECS, CodeDeploy and Step Functions waits use: 1 s looks for the first minute. */
export const FIRST_MINUTE: Young = { intervalMs: 1000, periodMs: 60_000 }

/**
 * One look. `moved` says whether it saw the deployment change since the previous look; when
 * absent, a progress line that differs from the previous one counts as a move.
 */
export type Look<T> = { done: true; value: T } | { done: false; progress?: string; moved?: boolean }

export interface Followed<T> {
  value: T
  looks: number
  elapsedMs: number
}

export async function follow<T>(options: FollowOptions<T>): Promise<Followed<T>> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const started = now()
  // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
  const deadline = started + options.timeoutMs
  let looks = 0
  let lastProgress: string | undefined
  let quickLooks = 0
  let quickLook = false
  // When the next regular look is due: one interval after the previous regular look started.
  let regularAt = started
  const lookUntilDone = async (signal: AbortSignal): Promise<Followed<T>> => {
    for (;;) {
      const lookStarted = now()
      if (!quickLook) regularAt = lookStarted + options.intervalMs
      looks++
      const look = await withRetry(s => options.look(s), {
        describe: options.describe,
        attempts: options.attemptsPerLook ?? 6,
        attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
        signal,
        onRetry: options.onRetry,
        sleep
      }).catch((error: unknown) => {
        // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
        // out, whichever timer noticed first (on an injected clock the deadline's own timer may
        // be far off). A verdict the look reached (a DeployError) stands.
        const ranOut = now() >= deadline && !(error instanceof DeployError)
        throw ranOut ? timeoutError(options) : error
      })
      if (look.done) return { value: look.value, looks, elapsedMs: now() - started }
      const changed = look.progress !== undefined && look.progress !== lastProgress
      if (changed) {
        lastProgress = look.progress
        options.onProgress?.(look.progress as string)
      }
      const quickAt = lookStarted + (options.young?.intervalMs ?? options.intervalMs)
      quickLook =
        quickAt < regularAt &&
        young(options, lookStarted - started, quickLooks) &&
        (look.moved ?? changed)
      if (quickLook) quickLooks++
      const wait = (quickLook ? quickAt : regularAt) - now()
      await sleep(Math.min(Math.max(0, wait), Math.max(0, deadline - now())), signal)
      if (now() >= deadline) throw timeoutError(options)
    }
  }
  try {
    // Never abandoned: the loop is ours and stops at its next sleep or look once its signal fires
    // (each look is abandoned by the retry helper when it ignores the signal).
    const timedOut = (): DeployError => timeoutError(options)
    return await withDeadline(options.signal, options.timeoutMs, timedOut, lookUntilDone, {
      graceMs: Infinity
    })
  } catch (error) {
    throw waitEnded(error, options.signal, options.describe)
  }
}

/**
 * What a wait throws when it stops: an enclosing deadline (the service's deploy_timeout, the
 * phase's) is a TIMEOUT saying what was being waited for, caused by that deadline so it keeps it;
 * a cancel is CANCELLED; anything else is the wait's own error. Shared by every wait that does not
 * go through follow() alone (the Argo CD watch).
 */
export function waitEnded(
  error: unknown,
  signal: AbortSignal | undefined,
  describe: string
): unknown {
  const reason: unknown = signal?.reason
  if (reason instanceof DeployError && reason.code === 'TIMEOUT') {
    return new DeployError('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
      cause: reason
    })
  }
  if (signal?.aborted)
    return new DeployError('CANCELLED', `cancelled while waiting for ${describe}`)
  return error
}

function young(options: FollowOptions<unknown>, elapsedMs: number, quickLooks: number): boolean {
  const young = options.young
  if (!young || elapsedMs >= young.periodMs) return false
  return quickLooks < Math.floor(young.periodMs / options.intervalMs)
}

function timeoutError(options: FollowOptions<unknown>): DeployError {
  return new DeployError(
    'TIMEOUT',
    `${options.describe} did not finish within ${formatDuration(options.timeoutMs)}`
  )
}
