import type { getOctokit } from '@actions/github'
import { DeployError, type ErrorCode } from '../errors.js'
import {
  asRecord,
  headerValue,
  httpStatus,
  readRetryAfter,
  RetryableError,
  withRetry,
  type RetryDecision,
  type RetryNotice
} from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'

/**
 * The GitHub REST API through Octokit (@actions/github) with the throttling plugin.
 *
 * One retry loop: every call goes through `withRetry`, which honours Retry-After, the rate-limit
 * reset time and a per-attempt timeout with the same bounds as every other client. Octokit itself
 * does not retry: no retry plugin is loaded, and plugin-throttling's onRateLimit /
 * onSecondaryRateLimit answer "do not retry", so a throttled answer reaches `withRetry` instead of
 * being retried a second time underneath it (3 plugin tries times 5 helper tries would be 15 calls
 * and minutes of waiting). What plugin-throttling does is what only it can do: pace requests
 * before they are sent (writes one at a time, at least a second apart, as GitHub asks of
 * integrations to stay under the secondary rate limits).
 */
export type Octokit = ReturnType<typeof getOctokit>

/** Bounds of the retry helper for GitHub calls; tests shorten them. */
export interface GitHubTuning {
  attempts?: number
  baseDelayMs?: number
  attemptTimeoutMs?: number
  maxRetryAfterMs?: number
  /** Interval and deadline of the read-after-write waits (a release just created, a ref). */
  settleIntervalMs?: number
  settleTimeoutMs?: number
  /** plugin-throttling's pacing of writes (a second apart); default true. Tests may turn it off. */
  paceWrites?: boolean
  /** The wait between attempts (Retry-After, backoff); tests record it instead of taking it. */
  sleep?: Sleep
}

export interface GitHubConnection {
  readonly token: string
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  readonly apiUrl: string
  readonly tuning?: GitHubTuning
  readonly onRetry?: (retry: RetryNotice) => void
}

export interface GitHubApi {
  /**
   * One request through the retry helper. `parse` checks the answer's shape inside the attempt, so
   * a truncated body is tried again like a dropped connection, and a body that stays malformed
   * fails with a MalformedAnswer naming what was expected.
   */
  call<T>(
    describe: string,
    request: (octokit: Octokit, signal: AbortSignal) => Promise<{ data: unknown }>,
    parse: (data: unknown) => T,
    signal?: AbortSignal
  ): Promise<T>
  /** Every page of a list endpoint, following Link rel="next"; each page is its own retried call. */
  paginate<T>(
    describe: string,
    route: string,
    params: Record<string, unknown>,
    parsePage: (data: unknown, describe: string) => T[],
    signal?: AbortSignal
  ): Promise<T[]>
}

/** A body that is not what the endpoint documents. Retryable: proxies do cut answers short. */
export class MalformedAnswer extends RetryableError {
  constructor(describe: string, expected: string) {
    super(`GitHub answered ${describe} with a malformed body (expected ${expected})`)
    this.name = 'MalformedAnswer'
  }
}

const MAX_PAGES = 1000

/** Loads Octokit and its plugin (lazily: the action's start-up does not pay for them). */
export async function connectGitHub(connection: GitHubConnection): Promise<GitHubApi> {
  const [{ getOctokit }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-throttling')
  ])
  const tuning = connection.tuning ?? {}
  const apiUrl = connection.apiUrl.replace(/\/+$/, '')
  const octokit = getOctokit(
    connection.token,
    {
      baseUrl: apiUrl,
      throttle: {
        enabled: tuning.paceWrites ?? true,
        // Pacing is per API host: each run (and each simulator in tests) has its own queue.
        id: `deploy-pipeline ${apiUrl}`,
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false
      },
      log: { debug: noop, info: noop, warn: noop, error: noop }
    },
    throttling
  )

  async function call<T>(
    describe: string,
    request: (octokit: Octokit, signal: AbortSignal) => Promise<{ data: unknown }>,
    parse: (data: unknown) => T,
    signal?: AbortSignal
  ): Promise<T> {
    return withRetry(async attemptSignal => parse((await request(octokit, attemptSignal)).data), {
      describe: `GitHub ${describe}`,
      attempts: tuning.attempts ?? 5,
      baseDelayMs: tuning.baseDelayMs ?? 1000,
      attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
      maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
      classify: classifyGitHubError,
      onRetry: connection.onRetry,
      signal,
      sleep: tuning.sleep
    })
  }

  async function paginate<T>(
    describe: string,
    route: string,
    params: Record<string, unknown>,
    parsePage: (data: unknown, describe: string) => T[],
    signal?: AbortSignal
  ): Promise<T[]> {
    const items: T[] = []
    let next: string | undefined
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = next
      const pageDescribe = `${describe} (page ${page})`
      const answer = await call(
        pageDescribe,
        async (o, s) => {
          const response = url
            ? await o.request({ method: 'GET', url, request: { signal: s } })
            : await o.request(route, { ...params, request: { signal: s } })
          return { data: { body: response.data, link: response.headers.link } }
        },
        data => {
          const { body, link } = data as { body: unknown; link?: string }
          return { items: parsePage(body, pageDescribe), next: nextLink(link, apiUrl) }
        },
        signal
      )
      items.push(...answer.items)
      next = answer.next
      if (!next) return items
    }
    throw new DeployError(
      'RELEASE_FAILED',
      `GitHub ${describe} returned more than ${MAX_PAGES} pages`
    )
  }

  return { call, paginate }
}

function noop(): void {}

/** What of the run's settings says whether and how to reach GitHub. */
export interface GitHubAccess {
  readonly githubToken: string | undefined
  readonly context: {
    /** GITHUB_API_URL, or its default. */
    readonly apiUrl: string
    /** GITHUB_API_URL was set: a GitHub (or GHES) to talk to even outside Actions. */
    readonly apiUrlGiven: boolean
    /** True inside GitHub Actions. */
    readonly actions: boolean
  }
}

/** Through the API when there is a token and a GitHub to talk to; else the local repository. */
export function usesGitHubApi(settings: GitHubAccess): boolean {
  return Boolean(settings.githubToken) && (settings.context.actions || settings.context.apiUrlGiven)
}

/** The run's GitHub: its token and GITHUB_API_URL (Settings.context.apiUrl). */
export function connectFor(
  settings: GitHubAccess,
  tuning?: GitHubTuning,
  onRetry?: (retry: RetryNotice) => void
): Promise<GitHubApi> {
  return connectGitHub({
    token: settings.githubToken ?? '',
    apiUrl: settings.context.apiUrl,
    tuning,
    onRetry
  })
}

/** The rel="next" page; only on the API's own origin, since Octokit sends the token along. */
function nextLink(link: string | undefined, apiUrl: string): string | undefined {
  const next = link?.match(/<([^>]+)>\s*;\s*rel="next"/)?.[1]
  if (next === undefined) return undefined
  const url = new URL(next, apiUrl)
  if (url.origin !== new URL(apiUrl).origin) {
    throw new DeployError(
      'RELEASE_FAILED',
      `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`
    )
  }
  return url.toString()
}

/**
 * GitHub's throttling signals on top of the default judgement: a 403 or 429 with no requests left
 * waits for x-ratelimit-reset, a secondary rate limit without Retry-After waits a minute (GitHub's
 * advice), and a 403 that is a permission problem is not retried.
 */
export function classifyGitHubError(error: unknown): RetryDecision | undefined {
  const status = httpStatus(error)
  if (status !== 403 && status !== 429) return undefined
  const retryAfterMs = readRetryAfter(error)
  if (headerOf(error, 'x-ratelimit-remaining') === '0') {
    const resetMs = Number(headerOf(error, 'x-ratelimit-reset')) * 1000
    const untilReset = Number.isFinite(resetMs)
      ? Math.max(0, resetMs - Date.now()) + 1000
      : undefined
    return {
      retry: true,
      throttled: true,
      retryAfterMs: retryAfterMs ?? untilReset,
      reason: 'GitHub API rate limit exhausted'
    }
  }
  if (/secondary rate limit/i.test(errorText(error))) {
    return {
      retry: true,
      throttled: true,
      retryAfterMs: retryAfterMs ?? 60_000,
      reason: 'GitHub secondary rate limit'
    }
  }
  if (status === 429 || retryAfterMs !== undefined) {
    return { retry: true, throttled: true, retryAfterMs, reason: `HTTP ${status} throttled` }
  }
  return { retry: false }
}

/** GitHub's own message of a failed request ("Reference already exists"), without the doc URL. */
export function githubMessage(error: unknown): string {
  const data = asRecord(asRecord(asRecord(error).response).data)
  if (typeof data.message === 'string') return data.message
  return error instanceof Error ? error.message : String(error)
}

/** The `code` of each entry of a 422's `errors` list (["already_exists"]). */
export function validationCodes(error: unknown): string[] {
  const errors = asRecord(asRecord(asRecord(error).response).data).errors
  if (!Array.isArray(errors)) return []
  return errors.map(e => asRecord(e).code).filter((c): c is string => typeof c === 'string')
}

export interface Explanation {
  /** What was being done, for the sentence: "creating tag v1.2.0". */
  doing: string
  code: ErrorCode
  /** The workflow permission this call needs: "contents: write". */
  permission: string
}

/** Turns a failed GitHub call into a DeployError a user can act on. */
export function explainGitHubError(error: unknown, explanation: Explanation): DeployError {
  if (error instanceof DeployError) return error
  const { doing, code, permission } = explanation
  const status = httpStatus(error)
  const message = githubMessage(error)
  const cause = { cause: error }
  if (error instanceof MalformedAnswer) {
    return new DeployError(code, `${error.message} while ${doing}; try the run again.`, cause)
  }
  if (status === 401) {
    return new DeployError(
      code,
      `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`,
      cause
    )
  }
  if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
    const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000
    const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : ''
    return new DeployError(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause)
  }
  if (status === 403 || status === 404) {
    return new DeployError(
      code,
      `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
        `\`permissions: ${permission}\` and check the repository exists and the token can see it.`,
      cause
    )
  }
  if (status === undefined || status >= 500) {
    return new DeployError(code, `GitHub did not answer while ${doing}: ${message}`, cause)
  }
  return new DeployError(code, `GitHub answered ${status} while ${doing}: ${message}`, cause)
}

function errorText(error: unknown): string {
  return `${githubMessage(error)} ${error instanceof Error ? error.message : ''}`
}

/** A header of the answer Octokit attached to a failed request. */
function headerOf(error: unknown, name: string): string | undefined {
  return headerValue(asRecord(asRecord(error).response).headers, name)
}

/** A field of an answer that must be a string / number, or a MalformedAnswer. */
export function requireString(value: unknown, describe: string, expected: string): string {
  if (typeof value !== 'string' || value === '') throw new MalformedAnswer(describe, expected)
  return value
}

export function requireNumber(value: unknown, describe: string, expected: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MalformedAnswer(describe, expected)
  }
  return value
}
