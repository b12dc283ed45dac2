import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import {
  RetryableError,
  classifyError,
  parseRetryAfter,
  withRetry,
  type RetryNotice
} from '../../src/runtime/retry.js'
import { withDeadlinesHeld } from '../fixtures/deadlines.js'
import { waitUntil } from '../fixtures/wait.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'

/**
 * A real HTTP call through the retry helper: what every JSON client in src/ does. Waits between
 * attempts are recorded, not taken.
 */
async function getJson(
  server: SimServer,
  retries: RetryNotice[],
  options: { attemptTimeoutMs?: number; waits?: number[] } = {}
) {
  return withRetry(
    async signal => {
      const response = await fetch(`${server.url}/thing`, { signal })
      if (!response.ok) {
        throw Object.assign(new Error(`HTTP ${response.status}`), {
          status: response.status,
          headers: response.headers
        })
      }
      return (await response.json()) as { ok: boolean }
    },
    {
      describe: 'GET /thing',
      attempts: 4,
      baseDelayMs: 5,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 30_000,
      onRetry: r => retries.push(r),
      sleep: async ms => void options.waits?.push(ms)
    }
  )
}

describe('withRetry against a real server', () => {
  let server: SimServer
  beforeAll(async () => {
    server = await startHttpServer(() => ({ body: { ok: true } }))
  })
  afterAll(() => server.close())

  it('returns the first success without retrying', async () => {
    const retries: RetryNotice[] = []
    await expect(getJson(server, retries)).resolves.toEqual({ ok: true })
    expect(retries).toEqual([])
  })

  it('waits what Retry-After says when throttled (429)', async () => {
    server.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const retries: RetryNotice[] = []
    const waits: number[] = []
    await expect(getJson(server, retries, { waits })).resolves.toEqual({ ok: true })
    expect(retries).toHaveLength(1)
    expect(retries[0]).toMatchObject({ throttled: true, reason: 'HTTP 429' })
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000)
    expect(waits).toEqual([retries[0]?.delayMs])
  })

  it('retries 5xx and a dropped connection', async () => {
    server.faults.inject({ kind: 'status', status: 503 })
    server.faults.inject({ kind: 'reset' })
    const retries: RetryNotice[] = []
    await expect(getJson(server, retries)).resolves.toEqual({ ok: true })
    expect(retries.map(r => r.reason)).toEqual([
      'HTTP 503',
      expect.stringMatching(/fetch failed|ECONNRESET|socket/i)
    ])
  })

  it('aborts an attempt that hangs past its timeout and tries again', async () => {
    server.faults.inject({ kind: 'hang' })
    const retries: RetryNotice[] = []
    const answer = await withDeadlinesHeld(async pass => {
      const call = getJson(server, retries, { attemptTimeoutMs: 200 })
      await waitUntil('the hang', () => server.faultsServed.includes('hang'))
      await pass(200)
      return call
    })
    expect(answer).toEqual({ ok: true })
    expect(retries).toHaveLength(1)
    expect(retries[0]?.reason).toMatch(/did not answer within/)
  })

  it('ends a hanging attempt at a deadline of the caller, naming the call that hung', async () => {
    server.faults.inject({ kind: 'hang' })
    const controller = new AbortController()
    const deadline = new DeployError('TIMEOUT', 'not deployed within 1 s (deploy_timeout)')
    const pending = withRetry(
      signal => fetch(`${server.url}/thing`, { signal }).then(r => r.json()),
      { describe: 'GET /thing', signal: controller.signal }
    ).catch((e: unknown) => e)
    await waitUntil('the hanging request', () => server.faultsServed.includes('hang'))
    controller.abort(deadline)
    const error = await pending
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      message: 'not deployed within 1 s (deploy_timeout): GET /thing had not answered'
    })
    expect((error as Error).cause).toBe(deadline)
  })

  it('does not retry a malformed answer or a 4xx: the caller decides what it means', async () => {
    server.faults.inject({ kind: 'malformed' })
    const retries: RetryNotice[] = []
    await expect(getJson(server, retries)).rejects.toThrow(/JSON/)
    server.faults.inject({ kind: 'status', status: 404 })
    await expect(getJson(server, retries)).rejects.toThrow('HTTP 404')
    expect(retries).toEqual([])
  })

  it('gives up after the bounded number of attempts with the last error', async () => {
    server.faults.inject({ kind: 'status', status: 500 }, { times: 4 })
    const retries: RetryNotice[] = []
    await expect(getJson(server, retries)).rejects.toThrow('HTTP 500')
    expect(retries).toHaveLength(3)
  })
})

describe('classifyError', () => {
  it.each<[string, unknown, boolean, boolean]>([
    [
      'AWS ThrottlingException',
      { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } },
      true,
      true
    ],
    ['AWS TooManyRequestsException', { name: 'TooManyRequestsException' }, true, true],
    ['SDK throttling flag', { name: 'X', $retryable: { throttling: true } }, true, true],
    ['GitHub secondary rate limit', { status: 403, headers: { 'retry-after': '3' } }, true, true],
    ['GitHub 403 forbidden', { status: 403, headers: {} }, false, false],
    ['AWS 500', { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }, true, false],
    [
      'ECONNRESET in the cause',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      true,
      false
    ],
    [
      'validation error',
      { name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } },
      false,
      false
    ],
    [
      'an adapter says so',
      new RetryableError('ratelimited', { retryAfterMs: 10, throttled: true }),
      true,
      true
    ]
  ])('%s', (_what, error, retry, throttled) => {
    const decision = classifyError(error)
    expect(decision.retry).toBe(retry)
    expect(decision.throttled ?? false).toBe(throttled)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(
      parseRetryAfter('Sat, 21 Nov 2026 10:00:05 GMT', Date.parse('2026-11-21T10:00:00Z'))
    ).toBe(5000)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('withRetry and cancellation', () => {
  it('stops waiting at once when the run is cancelled', async () => {
    const controller = new AbortController()
    let attempts = 0
    const result = withRetry(
      async () => {
        attempts++
        if (attempts === 1) setTimeout(() => controller.abort(new Error('cancelled')), 20)
        throw Object.assign(new Error('busy'), { status: 503 })
      },
      { describe: 'x', baseDelayMs: 60_000, random: () => 1, signal: controller.signal }
    )
    await expect(result).rejects.toThrow('cancelled')
    expect(attempts).toBe(1)
  })
})
