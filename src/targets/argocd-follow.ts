import {
  ArgoCdApiError,
  type Application,
  type ApplicationWatch,
  type ArgoCdClient,
  type WatchEvent
} from '../clients/argocd.js'
import { DeployError, isAbortError } from '../errors.js'
import { withDeadline } from '../runtime/deadline.js'
import { follow, formatDuration, waitEnded } from '../runtime/follow.js'
import type { RetryNotice } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'

/**
 * Follows an Argo CD application until a judgement says it is over: through Argo CD's watch
 * stream, so the end is seen the moment Argo CD reaches it rather than at the next poll, and
 * through the follower's polling whenever the stream is not there (a drop, an error frame, no
 * frame for an interval, a proxy that will not stream). A stream that broke is opened again
 * after a look (after an interval of looks when it keeps breaking early); one that delivers
 * nothing, three times running, is given up for polling.
 */

export type Verdict<T> =
  | { done: true; value: T }
  | {
      done: false
      progress: string
      /** When the verdict changes with time alone (a grace period ends): judge again then. */
      recheckAt?: number
    }

export interface FollowApplicationOptions<T> {
  client: Pick<ArgoCdClient, 'readApplication' | 'watchApplication'>
  /** What is waited for, for messages: "Argo CD application 'x' to become Synced and Healthy". */
  describe: string
  intervalMs: number
  timeoutMs: number
  signal: AbortSignal
  /** One state of the app judged; throws to end the wait with that failure. */
  judge: (app: Application, now: number) => Verdict<T>
  /** Each progress line when it differs from the one before. */
  onProgress: (progress: string) => void
  /** Why the wait looks by polling now, once per reason. */
  onFallback: (message: string) => void
  onRetry?: (notice: RetryNotice) => void
  /** The follower's wait and clock while it looks; the real ones when absent. */
  sleep?: Sleep
  now?: () => number
}

/**
 * The settings keep poll_interval at 1 s or more; tests poll faster, and a stream quiet for less
 * than a second says nothing about whether it is broken.
 */
const QUIET_FLOOR_MS = 1000
/** Streams in a row that broke before their first frame, after which polling is all there is. */
const BARREN_STREAMS = 3

type Session<T> =
  | { kind: 'done'; value: T }
  /** The server will not stream (404, 405, 403 ...): looking is all there is. */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'broken'; reason: string; openedAt: number; frames: number }

const RECHECK = Symbol('recheck')

/** A timer of the stream session ran out: no frame for a while, or time to judge again. */
class Quiet extends Error {
  constructor(readonly recheck: boolean) {
    super(recheck ? 'time to judge again' : 'no frame')
  }
}

export async function followApplication<T>(options: FollowApplicationOptions<T>): Promise<T> {
  const now = options.now ?? Date.now
  const quietMs = Math.max(options.intervalMs, QUIET_FLOOR_MS)
  const every = formatDuration(options.intervalMs)
  let lastProgress: string | undefined
  let lastFallback: string | undefined
  let resourceVersion: string | undefined
  let streaming = true
  let barren = 0
  let unsteady = 0

  const say = (progress: string): void => {
    if (progress === lastProgress) return
    lastProgress = progress
    options.onProgress(progress)
  }
  const fallBack = (message: string): void => {
    if (message === lastFallback) return
    lastFallback = message
    options.onFallback(message)
  }
  const judge = (app: Application): Verdict<T> => {
    if (app.metadata.resourceVersion) resourceVersion = app.metadata.resourceVersion
    const verdict = options.judge(app, now())
    if (!verdict.done) say(verdict.progress)
    return verdict
  }

  /** One stream, from opening to the end, a break, or the deadline. */
  const watchOnce = async (signal: AbortSignal): Promise<Session<T>> => {
    const openedAt = now()
    let watch: ApplicationWatch
    try {
      watch = await options.client.watchApplication({
        signal,
        resourceVersion,
        openTimeoutMs: quietMs
      })
    } catch (error) {
      if (signal.aborted) throw error
      if (refusesToStream(error)) return { kind: 'unavailable', reason: reasonOf(error) }
      return { kind: 'broken', reason: reasonOf(error), openedAt, frames: 0 }
    }
    let frames = 0
    let last: Application | undefined
    let recheckAt: number | undefined
    // Read ahead, and never left unhandled: the session may end with a read still pending.
    const read = (): Promise<WatchEvent | undefined> => {
      const promise = watch.next()
      promise.catch(() => undefined)
      return promise
    }
    let next = read()
    /** The next frame; RECHECK when the verdict's own time comes first; Quiet when nothing does. */
    const nextFrame = async (): Promise<WatchEvent | undefined | typeof RECHECK> => {
      const recheckInMs = recheckAt === undefined ? Infinity : recheckAt - now()
      const pending = next
      try {
        return await withDeadline(
          signal,
          Math.max(0, Math.min(quietMs, recheckInMs)),
          () => new Quiet(recheckInMs < quietMs),
          () => pending
        )
      } catch (error) {
        if (error instanceof Quiet && error.recheck) return RECHECK
        throw error
      }
    }
    try {
      for (;;) {
        const event = await nextFrame()
        if (event === RECHECK) {
          recheckAt = undefined
        } else if (!event) {
          return { kind: 'broken', reason: 'Argo CD ended the stream', openedAt, frames }
        } else {
          frames++
          next = read()
          if (event.type === 'DELETED') {
            throw new DeployError(
              'DEPLOY_FAILED',
              `Argo CD application '${event.application.metadata.name}' was deleted while the deploy waited for it`
            )
          }
          last = event.application
        }
        if (!last) continue
        const verdict = judge(last)
        if (verdict.done) return { kind: 'done', value: verdict.value }
        recheckAt = verdict.recheckAt
      }
    } catch (error) {
      if (signal.aborted || error instanceof DeployError) throw error
      const reason =
        error instanceof Quiet ? `no frame for ${formatDuration(quietMs)}` : reasonOf(error)
      return { kind: 'broken', reason, openedAt, frames }
    } finally {
      watch.close()
    }
  }

  /** Looks through the follower until the end, or until `resumeAt` when the stream may resume. */
  const poll = async (
    signal: AbortSignal,
    resumeAt: number | undefined
  ): Promise<{ value: T } | undefined> => {
    const { value } = await follow<{ value: T } | undefined>({
      describe: options.describe,
      intervalMs: options.intervalMs,
      // The wait's own deadline ends it (and says TIMEOUT): the follower is only its looks.
      timeoutMs: Infinity,
      signal,
      onRetry: options.onRetry,
      sleep: options.sleep,
      now: options.now,
      look: async lookSignal => {
        const verdict = judge(await options.client.readApplication(lookSignal))
        if (verdict.done) return { done: true, value: { value: verdict.value } }
        if (resumeAt !== undefined && now() >= resumeAt) return { done: true, value: undefined }
        return { done: false }
      }
    })
    return value
  }

  const timedOut = (): DeployError =>
    new DeployError(
      'TIMEOUT',
      `${options.describe} did not finish within ${formatDuration(options.timeoutMs)}`
    )
  try {
    return await withDeadline(
      options.signal,
      options.timeoutMs,
      timedOut,
      async signal => {
        for (;;) {
          let resumeAt: number | undefined
          if (streaming) {
            const session = await watchOnce(signal)
            if (session.kind === 'done') return session.value
            if (session.kind === 'unavailable') {
              streaming = false
              fallBack(`no watch stream (${session.reason}); looking every ${every}`)
            } else {
              barren = session.frames ? 0 : barren + 1
              if (barren >= BARREN_STREAMS) {
                streaming = false
                fallBack(
                  `the watch stream broke ${BARREN_STREAMS} times before its first frame (${session.reason}); looking every ${every}`
                )
              } else {
                fallBack(
                  `the watch stream broke (${session.reason}); looking at the app until it is open again`
                )
              }
              // Opened again right after one look, unless the stream before this one broke
              // early too: then after an interval of looks, so a stream that keeps breaking
              // costs no more than polling does.
              const early = !session.frames || now() - session.openedAt < QUIET_FLOOR_MS
              unsteady = early ? unsteady + 1 : 0
              resumeAt = unsteady <= 1 ? now() : now() + options.intervalMs
            }
          }
          const polled = await poll(signal, streaming ? resumeAt : undefined)
          if (polled) return polled.value
        }
      },
      // Never abandoned: the session closes its stream and the follower stops at its next look.
      { graceMs: Infinity }
    )
  } catch (error) {
    throw waitEnded(error, options.signal, options.describe)
  }
}

/** An answer that says this server will not stream, as opposed to a blip worth another try. */
function refusesToStream(error: unknown): boolean {
  if (error instanceof DeployError) return true // a certificate the runner does not trust
  if (!(error instanceof ArgoCdApiError)) return false
  return error.status < 500 && error.status !== 408 && error.status !== 429
}

function reasonOf(error: unknown): string {
  if (isAbortError(error)) return 'aborted'
  return error instanceof Error ? error.message : String(error)
}
