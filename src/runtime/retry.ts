import { DeployError, isAbortError } from '../errors.js'
import { withDeadline } from './deadline.js'
import { formatDuration } from './duration.js'
import { sleep as realSleep, type Sleep } from './sleep.js'

/**
 * The one retry helper every external call goes through. It retries what is worth retrying
 * (throttling, 5xx, dropped connections, an attempt that hangs past its timeout), honours
 * Retry-After and AWS throttling errors, backs off exponentially with full jitter, and gives up
 * after a bounded number of attempts with the last error.
 */
export interface RetryOptions {
  /** What is being called, for log lines: "ECS DescribeServices". */
  describe: string
  /** Total attempts, the first included. Default 5. */
  attempts?: number
  /** First backoff step; doubles each attempt up to maxDelayMs. Default 500 ms. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** Longest a server may ask us to wait (Retry-After) before we give up instead. Default 60 s. */
  maxRetryAfterMs?: number
  /** An attempt that takes longer is aborted and counts as a retryable failure. Default 30 s. */
  attemptTimeoutMs?: number
  signal?: AbortSignal
  /** Overrides the default judgement of an error; return undefined to fall back to it. */
  classify?: (error: unknown) => RetryDecision | undefined
  onRetry?: (retry: RetryNotice) => void
  sleep?: Sleep
  random?: () => number
}

export interface RetryDecision {
  retry: boolean
  /** Throttled by the server: wait at least the backoff, or what Retry-After says. */
  throttled?: boolean
  retryAfterMs?: number
  reason?: string
}

export interface RetryNotice {
  describe: string
  attempt: number
  delayMs: number
  reason: string
  throttled: boolean
}

/** A retry as one log line, the same for every client: what, why, and how long until the next try. */
export function describeRetry(retry: RetryNotice): string {
  const throttled = retry.throttled ? ' (throttled)' : ''
  return `${retry.describe}: ${retry.reason}${throttled}; trying again in ${formatDuration(retry.delayMs)}`
}

/** Thrown by adapters that learn from a body rather than a status that a call may be retried. */
export class RetryableError extends Error {
  readonly retryAfterMs: number | undefined
  readonly throttled: boolean
  constructor(message: string, options: { retryAfterMs?: number; throttled?: boolean } = {}) {
    super(message)
    this.name = 'RetryableError'
    this.retryAfterMs = options.retryAfterMs
    this.throttled = options.throttled ?? false
  }
}

/** An attempt that ran past attemptTimeoutMs. */
export class AttemptTimeoutError extends Error {
  constructor(describe: string, ms: number) {
    super(`${describe} did not answer within ${Math.round(ms / 1000)} s`)
    this.name = 'AttemptTimeoutError'
  }
}

export async function withRetry<T>(
  operation: (attemptSignal: AbortSignal) => Promise<T>,
  options: RetryOptions
): Promise<T> {
  const attempts = options.attempts ?? 5
  const baseDelayMs = options.baseDelayMs ?? 500
  const maxDelayMs = options.maxDelayMs ?? 20_000
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const attemptTimedOut = (): AttemptTimeoutError =>
    new AttemptTimeoutError(options.describe, attemptTimeoutMs)

  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      // Abandoned at its timeout or a cancel even when the client ignores its signal, so a hung
      // call cannot hang the run.
      return await withDeadline(options.signal, attemptTimeoutMs, attemptTimedOut, operation)
    } catch (error) {
      if (options.signal?.aborted) throw stoppedDuring(options.signal.reason ?? error, options)
      const decision = options.classify?.(error) ?? classifyError(error)
      if (!decision.retry || attempt >= attempts) throw error
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random()
      if (decision.retryAfterMs !== undefined && decision.retryAfterMs > maxRetryAfterMs)
        throw error
      const delayMs = Math.max(backoff, decision.retryAfterMs ?? 0)
      options.onRetry?.({
        describe: options.describe,
        attempt,
        delayMs: Math.round(delayMs),
        reason: decision.reason ?? describeError(error),
        throttled: decision.throttled ?? false
      })
      try {
        await sleep(delayMs, options.signal)
      } catch (error) {
        // Cancelled while waiting: surface the canceller's reason, not the timer's AbortError.
        throw options.signal?.reason ?? error
      }
    }
  }
}

/**
 * What a deadline that fired during an attempt ends the call with: its own TIMEOUT, naming the
 * call it found waiting (the server that hung), and caused by it, so that the deadline keeps it.
 */
function stoppedDuring(reason: unknown, options: RetryOptions): unknown {
  if (!(reason instanceof DeployError) || reason.code !== 'TIMEOUT') return reason
  return new DeployError('TIMEOUT', `${reason.message}: ${options.describe} had not answered`, {
    cause: reason
  })
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'LimitExceededException'
])

const TRANSIENT_NAMES = new Set([
  'AttemptTimeoutError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'InternalServiceError',
  'InternalServiceErrorException',
  'ServerException'
])

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED'
])

/** The default judgement: HTTP status, AWS error names, network error codes, Retry-After. */
export function classifyError(error: unknown): RetryDecision {
  if (isAbortError(error)) return { retry: false }
  if (error instanceof RetryableError) {
    return {
      retry: true,
      throttled: error.throttled,
      retryAfterMs: error.retryAfterMs,
      reason: error.message
    }
  }
  const e = asRecord(error)
  const name = typeof e.name === 'string' ? e.name : ''
  const retryAfterMs = readRetryAfter(error)
  const throttlingFlag = asRecord(e.$retryable).throttling === true
  if (THROTTLING_NAMES.has(name) || throttlingFlag) {
    return { retry: true, throttled: true, retryAfterMs, reason: `throttled (${name})` }
  }
  const status = httpStatus(error)
  if (status === 429) return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 429' }
  if (status === 403 && (retryAfterMs !== undefined || rateLimitExhausted(error))) {
    return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 403 rate limited' }
  }
  if (status !== undefined && (status >= 500 || status === 408)) {
    return { retry: true, retryAfterMs, reason: `HTTP ${status}` }
  }
  if (TRANSIENT_NAMES.has(name)) return { retry: true, reason: describeError(error) }
  const code = networkCode(error)
  if (code) return { retry: true, reason: `connection error ${code}` }
  if (status !== undefined) return { retry: false }
  // Connection dropped mid-answer: the AWS SDK and fetch report these without a status.
  const message = typeof e.message === 'string' ? e.message : ''
  if (/socket hang up|fetch failed|other side closed|ECONNRESET/i.test(message)) {
    return { retry: true, reason: message }
  }
  return { retry: false }
}

export function httpStatus(error: unknown): number | undefined {
  const e = asRecord(error)
  const candidates = [
    e.status,
    e.statusCode,
    asRecord(e.$metadata).httpStatusCode,
    asRecord(e.response).status,
    asRecord(e.$response).statusCode
  ]
  for (const candidate of candidates) {
    if (typeof candidate === 'number' && candidate >= 100) return candidate
  }
  return undefined
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = asRecord(current).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code
    current = asRecord(current).cause
  }
  return undefined
}

/** Retry-After in seconds or as an HTTP date, from any of the places clients keep headers. */
export function readRetryAfter(error: unknown): number | undefined {
  const e = asRecord(error)
  const headerBags = [
    e.headers,
    asRecord(e.response).headers,
    asRecord(e.$response).headers,
    asRecord(asRecord(e.response).data).headers
  ]
  for (const bag of headerBags) {
    const value = headerValue(bag, 'retry-after')
    if (value === undefined) continue
    const parsed = parseRetryAfter(value)
    if (parsed !== undefined) return parsed
  }
  return undefined
}

export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

function rateLimitExhausted(error: unknown): boolean {
  const e = asRecord(error)
  const bags = [e.headers, asRecord(e.response).headers]
  return bags.some(bag => headerValue(bag, 'x-ratelimit-remaining') === '0')
}

/** A header from any of the shapes clients keep headers in (a Headers object or a plain record). */
export function headerValue(bag: unknown, name: string): string | undefined {
  if (!bag) return undefined
  if (typeof (bag as Headers).get === 'function') {
    return (bag as Headers).get(name) ?? undefined
  }
  for (const [key, value] of Object.entries(bag as Record<string, unknown>)) {
    if (key.toLowerCase() === name) {
      if (Array.isArray(value)) return String(value[0])
      if (value !== undefined && value !== null) return String(value)
    }
  }
  return undefined
}

function describeError(error: unknown): string {
  const e = asRecord(error)
  const name = typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : ''
  return `${name}${typeof e.message === 'string' ? e.message : String(error)}`
}

/** The value as a record to read fields from, or an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}
