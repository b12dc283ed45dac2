import { withRetry, type RetryDecision } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'

/** How hard notification calls try. Notifications must never hold a deploy up for long. */
export interface CallTuning {
  attempts: number
  baseDelayMs: number
  attemptTimeoutMs: number
  /** A Retry-After longer than this gives up instead of waiting. */
  maxRetryAfterMs: number
  sleep?: Sleep
}

export const DEFAULT_CALL_TUNING: CallTuning = {
  attempts: 4,
  baseDelayMs: 500,
  attemptTimeoutMs: 10_000,
  maxRetryAfterMs: 30_000
}

/** A non-2xx answer. The message never contains the URL: webhook URLs are credentials. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: string
  ) {
    super(`HTTP ${status}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`)
    this.name = 'HttpStatusError'
  }

  json(): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(this.body)
      return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }
}

export interface JsonAnswer {
  status: number
  body: unknown
}

/**
 * One JSON request through the retry helper; with expectJson, a 2xx answer that is not JSON is
 * retried like a dropped connection. `classify` may add what a service says in its body
 * (Discord's retry_after); everything else is the shared judgement.
 */
export async function sendJson(
  describe: string,
  url: string,
  request: { method: 'POST' | 'PATCH'; body: unknown; expectJson?: boolean },
  tuning: CallTuning,
  classify?: (error: unknown) => RetryDecision | undefined
): Promise<JsonAnswer> {
  return withRetry(
    async signal => {
      const response = await fetch(url, {
        method: request.method,
        headers: { 'content-type': 'application/json', 'user-agent': 'deploy-pipeline-action' },
        body: JSON.stringify(request.body),
        signal,
        redirect: 'error'
      })
      const text = await response.text()
      if (!response.ok) throw new HttpStatusError(response.status, response.headers, text)
      // Receivers may answer "ok" as plain text; only an answer we need must be JSON.
      if (!request.expectJson) return { status: response.status, body: text || undefined }
      try {
        return { status: response.status, body: JSON.parse(text) as unknown }
      } catch {
        throw new MalformedAnswerError(describe, response.status)
      }
    },
    {
      describe,
      attempts: tuning.attempts,
      baseDelayMs: tuning.baseDelayMs,
      attemptTimeoutMs: tuning.attemptTimeoutMs,
      maxRetryAfterMs: tuning.maxRetryAfterMs,
      sleep: tuning.sleep,
      classify: error => classify?.(error) ?? classifyMalformed(error)
    }
  )
}

/** A 2xx answer that is not JSON: a proxy's error page or a cut connection; worth another try. */
export class MalformedAnswerError extends Error {
  constructor(describe: string, status: number) {
    super(`${describe} answered HTTP ${status} with a body that is not JSON`)
    this.name = 'MalformedAnswerError'
  }
}

function classifyMalformed(error: unknown): RetryDecision | undefined {
  if (error instanceof MalformedAnswerError) return { retry: true, reason: error.message }
  return undefined
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
