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

export type Look<T> = { done: true; value: T } | { done: false; progress?: string }

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
      }).catch((error: unknown) => {
        // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
        // out, whichever timer noticed first (on an injected clock the deadline's own timer may
        // be far off). A verdict the look reached (a DeployError) stands.
        const ranOut = now() >= deadline && !(error instanceof DeployError)
        throw ranOut ? timeoutError(options) : error
      })
      if (look.done) return { value: look.value, looks, elapsedMs: now() - started }
      if (look.progress !== undefined && look.progress !== lastProgress) {
        lastProgress = look.progress
        options.onProgress?.(look.progress)
      }
      const wait = options.intervalMs - (now() - lookStarted)
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

function timeoutError(options: FollowOptions<unknown>): DeployError {
  return new DeployError(
    'TIMEOUT',
    `${options.describe} did not finish within ${formatDuration(options.timeoutMs)}`
  )
}
