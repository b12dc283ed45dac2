import { asRecord, withRetry, type RetryDecision } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'

/**
 * How hard notification calls try. Notifications must never hold a deploy up for long: a call is
 * a few attempts of a few seconds each, and the run's end waits for the last ones together only
 * so long (the event bus's close budget), after which their signal stops them.
 */
export interface CallTuning {
  attempts: number
  baseDelayMs: number
  attemptTimeoutMs: number
  /** A Retry-After longer than this gives up instead of waiting. */
  maxRetryAfterMs: number
  sleep?: Sleep
}

export const DEFAULT_CALL_TUNING: CallTuning = {
  attempts: 3,
  baseDelayMs: 500,
  attemptTimeoutMs: 5_000,
  maxRetryAfterMs: 5_000
}

/**
 * A non-2xx answer. The message never contains the URL, nor the answer's text: a receiver may
 * echo the request line (Express's "Cannot POST /path"), and webhook URLs are credentials. Only a
 * short error name the receiver chose to give is kept (see knownError).
 */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: string
  ) {
    const known = knownError(body)
    super(`HTTP ${status}${known ? `: ${known}` : ''}`)
    this.name = 'HttpStatusError'
  }

  json(): Record<string, unknown> {
    return jsonRecord(this.body)
  }
}

/**
 * What an error answer says, when it says it in a known, short form: a JSON `error` or `message`
 * field, or a bare error name such as Slack's webhook answers (`no_service`, `invalid_token`).
 * Anything else (an HTML page, a stack trace, an echo of the request) stays out of the warning.
 */
function knownError(body: string): string | undefined {
  const text = body.trim()
  if (/^[a-z][a-z_]{2,59}$/.test(text)) return text
  const { error, message } = jsonRecord(text)
  const said = typeof error === 'string' ? error : message
  return typeof said === 'string' && said.length <= 120 ? said.replace(/\s+/g, ' ') : undefined
}

function jsonRecord(text: string): Record<string, unknown> {
  try {
    return asRecord(JSON.parse(text))
  } catch {
    return {}
  }
}

export interface JsonAnswer {
  status: number
  body: unknown
}

/**
 * One JSON request through the retry helper; with expectJson, a 2xx answer that is not JSON (or
 * whose connection dropped mid-body) is retried like a dropped connection, but only for a read or
 * an edit: a POST that was answered did its work, and sending it again would post a second
 * message. Without expectJson a 2xx status is all that counts, whatever became of the body.
 * `classify` may add what a service says in its body (Discord's retry_after); everything else is
 * the shared judgement.
 */
export async function sendJson(
  describe: string,
  url: string,
  request: {
    method: 'GET' | 'POST' | 'PATCH'
    body?: unknown
    expectJson?: boolean
    /** Stops the call, whatever attempt it is at (the run's end will not wait any longer). */
    signal?: AbortSignal
  },
  tuning: CallTuning,
  classify?: (error: unknown) => RetryDecision | undefined
): Promise<JsonAnswer> {
  return withRetry(
    async signal => {
      const sending = request.body !== undefined
      const response = await fetch(url, {
        method: request.method,
        headers: {
          ...(sending ? { 'content-type': 'application/json' } : {}),
          'user-agent': 'deploy-pipeline-action'
        },
        body: sending ? JSON.stringify(request.body) : undefined,
        signal,
        redirect: 'error'
      })
      const { text, cut } = await readBody(response, signal)
      if (!response.ok) throw new HttpStatusError(response.status, response.headers, text)
      // Receivers may answer "ok" as plain text; only an answer we need must be JSON.
      if (!request.expectJson) return { status: response.status, body: text || undefined }
      if (cut) throw new MalformedAnswerError(describe, response.status, CUT, text)
      try {
        return { status: response.status, body: JSON.parse(text) as unknown }
      } catch {
        throw new MalformedAnswerError(describe, response.status, undefined, text)
      }
    },
    {
      describe,
      attempts: tuning.attempts,
      baseDelayMs: tuning.baseDelayMs,
      attemptTimeoutMs: tuning.attemptTimeoutMs,
      maxRetryAfterMs: tuning.maxRetryAfterMs,
      sleep: tuning.sleep,
      signal: request.signal,
      classify: error =>
        error instanceof MalformedAnswerError
          ? { retry: request.method !== 'POST', reason: error.message }
          : classify?.(error)
    }
  )
}

const CUT = 'an answer cut off mid-body'

/**
 * The body as far as it arrived: a connection that drops mid-body leaves what came before it
 * (in which a caller may still find what it needs, such as the id of what it created).
 */
async function readBody(
  response: Response,
  signal: AbortSignal
): Promise<{ text: string; cut: boolean }> {
  const decoder = new TextDecoder()
  let text = ''
  if (!response.body) return { text, cut: false }
  const reader = response.body.getReader()
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true })
    }
    return { text: text + decoder.decode(), cut: false }
  } catch (error) {
    if (signal.aborted) throw error
    return { text, cut: true }
  }
}

/** A 2xx answer that is not what was asked for: a proxy's error page or a cut connection. */
export class MalformedAnswerError extends Error {
  constructor(
    describe: string,
    status: number,
    what = 'a body that is not JSON',
    /** What arrived of the body; kept out of the message, which goes to the log. */
    readonly body = ''
  ) {
    super(`${describe} answered HTTP ${status} with ${what}`)
    this.name = 'MalformedAnswerError'
  }
}

/**
 * Why a call finally failed, in words, for the warning. Duck-typed: errors from fetch may come
 * from another realm (a bundler, a test VM), where instanceof Error is false.
 */
export function describeFailure(error: unknown): string {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { code?: unknown } }
  if (typeof e.message !== 'string') return String(error)
  const code = typeof e.cause?.code === 'string' ? ` (${e.cause.code})` : ''
  return `${e.message}${code}`
}
