import { DeployError } from '../errors.js'
import { withDeadline } from './deadline.js'
import { withRetry, type RetryNotice } from './retry.js'
import { formatDuration } from './duration.js'
import { sleep as realSleep, type Sleep } from './sleep.js'

export { formatDuration }

/**
 * The one follower every wait goes through: look, and if it is not over, look again one interval
 * after the previous look started, until it is over, the deadline passes (TIMEOUT) or the run is
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
 * Most fast deploys end within their first minute, where one look per interval (5 s) makes the
 * end wait up to 5 s to be noticed. While the wait is younger than `periodMs`, a look that saw
 * the deployment move is followed by the next one `intervalMs` later instead of a whole interval;
 * never two quick looks in a row, so the young period costs at most twice the looks of the
 * configured cadence (in practice one more look per change seen), and the rest of the wait
 * exactly as many as before. A look that saw nothing move waits the whole interval.
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
  let quick = false
  const lookUntilDone = async (signal: AbortSignal): Promise<Followed<T>> => {
    for (;;) {
      const lookStarted = now()
      looks++
      const look = await withRetry(s => options.look(s), {
        describe: options.describe,
        attempts: options.attemptsPerLook ?? 6,
        attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
        signal,
        onRetry: options.onRetry,
        sleep
      })
      if (look.done) return { value: look.value, looks, elapsedMs: now() - started }
      const changed = look.progress !== undefined && look.progress !== lastProgress
      if (changed) {
        lastProgress = look.progress
        options.onProgress?.(look.progress as string)
      }
      quick = !quick && young(options, lookStarted - started) && (look.moved ?? changed)
      const interval = quick
        ? Math.min(options.intervalMs, (options.young as Young).intervalMs)
        : options.intervalMs
      const wait = interval - (now() - lookStarted)
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
    if (options.signal?.aborted) {
      throw new DeployError('CANCELLED', `cancelled while waiting for ${options.describe}`)
    }
    throw error
  }
}

function young(options: FollowOptions<unknown>, elapsedMs: number): boolean {
  return options.young !== undefined && elapsedMs < options.young.periodMs
}

function timeoutError(options: FollowOptions<unknown>): DeployError {
  return new DeployError(
    'TIMEOUT',
    `${options.describe} did not finish within ${formatDuration(options.timeoutMs)}`
  )
}
