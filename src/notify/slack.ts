import type { Logger, LogLevel } from '@slack/web-api'
import { withRetry, type RetryDecision } from '../runtime/retry.js'
import { isFinal, type StatusCard } from './card.js'
import { DEFAULT_CALL_TUNING, describeFailure, type CallTuning } from './http.js'
import { slackCardMessage, slackDirectMessage, slackThreadDetails } from './render.js'
import type { CardChannel, ChannelHandle } from './status-card.js'
import type { Recipient } from './responsible.js'
import type { NotificationWarnings } from './warnings.js'

/**
 * The status card in a Slack channel through a bot token: chat.postMessage once, chat.update per
 * phase, the error details as a thread reply, and a direct message to the person responsible.
 */
export type SlackAnswer = Record<string, unknown>

export interface SlackApi {
  /** `signal` stops the call, whatever attempt it is at. */
  call(method: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<SlackAnswer>
}

/**
 * The real @slack/web-api client with its own retries and queue-pausing off, so that every call
 * goes through the one retry helper; a 429 comes back at once with its Retry-After. Without an
 * apiUrl the client uses Slack's own.
 */
export async function createSlackApi(
  token: string,
  apiUrl: string | undefined,
  tuning: CallTuning = DEFAULT_CALL_TUNING,
  debug: (message: string) => void = () => {}
): Promise<SlackApi> {
  const { WebClient, LogLevel } = await import('@slack/web-api')
  const client = new WebClient(token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: tuning.attemptTimeoutMs,
    allowAbsoluteUrls: false,
    logger: quietLogger(debug, LogLevel.WARN)
  })
  return {
    call: (method, args, signal) =>
      withRetry(
        () => client.apiCall(method, args).then(answer => answer as unknown as SlackAnswer),
        {
          describe: `Slack ${method}`,
          attempts: tuning.attempts,
          baseDelayMs: tuning.baseDelayMs,
          attemptTimeoutMs: tuning.attemptTimeoutMs + 1000,
          maxRetryAfterMs: tuning.maxRetryAfterMs,
          sleep: tuning.sleep,
          signal,
          classify: classifySlackError
        }
      )
  }
}

/** The client logs through us (to debug), never to the console. */
function quietLogger(debug: (message: string) => void, level: LogLevel): Logger {
  let current = level
  const log = (...parts: unknown[]): void => debug(`Slack client: ${parts.map(String).join(' ')}`)
  return {
    debug: () => {},
    info: () => {},
    warn: log,
    error: log,
    setLevel: l => {
      current = l
    },
    getLevel: () => current,
    setName: () => {}
  }
}

/** Slack error names that are worth another try: the platform's own transient trouble. */
const TRANSIENT_SLACK_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout'
])

export function classifySlackError(error: unknown): RetryDecision | undefined {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string } }
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return {
        retry: true,
        throttled: true,
        retryAfterMs: (e.retryAfter ?? 1) * 1000,
        reason: 'rate limited by Slack'
      }
    case 'slack_webapi_platform_error': {
      const name = e.data?.error ?? ''
      return TRANSIENT_SLACK_ERRORS.has(name)
        ? { retry: true, throttled: name === 'ratelimited', reason: `Slack error ${name}` }
        : { retry: false }
    }
    case 'slack_webapi_request_error':
      // fetch failed, the connection dropped, or the client's own timeout fired.
      return { retry: true, reason: slackErrorText(error) }
    default:
      return undefined // HTTP errors: the shared judgement reads status and Retry-After
  }
}

const SLACK_HINTS: Record<string, string> = {
  channel_not_found: 'the channel does not exist or the bot cannot see it; check slack_channel',
  not_in_channel: 'the bot is not a member of the channel; invite it with /invite',
  is_archived: 'the channel is archived',
  invalid_auth: 'slack_bot_token is not valid',
  not_authed: 'no token reached Slack',
  account_inactive: 'the token belongs to a deactivated bot or user',
  token_revoked: 'slack_bot_token was revoked',
  missing_scope: 'the bot token lacks a scope',
  users_not_found: 'no Slack user has that e-mail address',
  user_not_found: 'no such Slack user',
  message_not_found: 'the card message was deleted'
}

/** Errors after which this channel can do nothing more in this run. */
const FATAL_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope'
])

/** Slack's error by name, with what to do about it. */
export function slackErrorText(error: unknown): string {
  const e = error as {
    code?: string
    retryAfter?: number
    data?: { error?: string; needed?: string }
    statusCode?: number
    original?: Error
  }
  if (e?.code === 'slack_webapi_platform_error') {
    const name = e.data?.error ?? 'unknown_error'
    const needed = e.data?.needed ? ` (needs ${e.data.needed})` : ''
    const hint = SLACK_HINTS[name]
    return `${name}${hint ? `: ${hint}` : ''}${needed}`
  }
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return `rate limited (HTTP 429, Retry-After ${e.retryAfter ?? '?'} s)`
  }
  if (e?.code === 'slack_webapi_http_error') return `HTTP ${e.statusCode ?? '?'}`
  if (e?.code === 'slack_webapi_request_error' && e.original) {
    const original = e.original
    // The client re-wraps a foreign-realm DOMException as Error("TimeoutError: ..."); match both.
    if (
      /TimeoutError|AbortError|aborted due to timeout/.test(`${original.name} ${original.message}`)
    ) {
      return 'Slack did not answer in time'
    }
    return describeFailure(original)
  }
  return describeFailure(error)
}

function slackErrorName(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } }
  return e?.code === 'slack_webapi_platform_error' ? e.data?.error : undefined
}

export type { Recipient } from './responsible.js'

/** The Slack user with this e-mail (users.lookupByEmail); undefined when Slack knows none. */
export async function slackUserByEmail(api: SlackApi, email: string): Promise<string | undefined> {
  try {
    const found = await api.call('users.lookupByEmail', { email })
    return (found.user as { id?: string } | undefined)?.id
  } catch (error) {
    if (slackErrorName(error) === 'users_not_found') return undefined
    throw new Error(slackErrorText(error), { cause: error })
  }
}

interface SlackHandle extends ChannelHandle {
  channel: string
  ts: string | undefined
  recipient: Recipient
}

export class SlackCardChannel implements CardChannel {
  readonly name = 'Slack'
  private channel: string
  private ts: string | undefined
  private finished: boolean
  private dead = false

  constructor(
    private readonly api: SlackApi,
    channel: string,
    private readonly recipient: Recipient,
    private readonly warnings: NotificationWarnings,
    saved?: Partial<SlackHandle>
  ) {
    this.channel = saved?.channel ?? channel
    this.ts = saved?.ts
    this.finished = saved?.finished ?? false
  }

  handle(): SlackHandle {
    return {
      channel: this.channel,
      ts: this.ts,
      finished: this.finished || this.dead,
      recipient: this.recipient
    }
  }

  async show(card: StatusCard, signal?: AbortSignal): Promise<void> {
    if (this.dead || this.finished) return
    const recipient = this.recipient
    const message = slackCardMessage(card, recipient.kind === 'none' ? recipient.notice : undefined)
    try {
      if (this.ts) {
        const update = { channel: this.channel, ts: this.ts, ...message }
        await this.api.call('chat.update', update, signal)
      } else {
        const post = { channel: this.channel, ...message, unfurl_links: false, unfurl_media: false }
        const posted = await this.api.call('chat.postMessage', post, signal)
        this.ts = String(posted.ts)
        this.channel = String(posted.channel ?? this.channel)
      }
    } catch (error) {
      this.fail(
        this.ts ? 'could not update the status card' : 'could not post the status card',
        error
      )
      return
    }
    if (!isFinal(card)) return
    this.finished = true
    await this.threadDetails(card, signal)
    await this.directMessage(card, signal)
  }

  private fail(what: string, error: unknown): void {
    const name = slackErrorName(error)
    if (name === 'message_not_found') this.ts = undefined // deleted: post a new card next time
    if (name && FATAL_SLACK_ERRORS.has(name)) this.dead = true
    const after = this.dead ? '; no further Slack updates in this run' : ''
    this.warnings.warn('Slack', `${what}: ${slackErrorText(error)}${after}`)
  }

  private async threadDetails(card: StatusCard, signal?: AbortSignal): Promise<void> {
    const details = slackThreadDetails(card)
    if (!details || !this.ts) return
    try {
      const reply = {
        channel: this.channel,
        thread_ts: this.ts,
        text: details,
        mrkdwn: false,
        unfurl_links: false
      }
      await this.api.call('chat.postMessage', reply, signal)
    } catch (error) {
      this.warnings.warn('Slack', `could not post the error details: ${slackErrorText(error)}`)
    }
  }

  private async directMessage(card: StatusCard, signal?: AbortSignal): Promise<void> {
    const recipient = this.recipient
    if (recipient.kind === 'none') {
      this.warnings.notice('Slack', recipient.reason)
      return
    }
    try {
      const user =
        recipient.kind === 'user' ? recipient.id : await this.lookup(recipient.email, signal)
      const opened = await this.api.call('conversations.open', { users: user }, signal)
      const dm = (opened.channel as { id?: string } | undefined)?.id
      if (!dm) throw new Error('conversations.open returned no channel')
      await this.api.call('chat.postMessage', { channel: dm, ...slackDirectMessage(card) }, signal)
    } catch (error) {
      const who = recipient.kind === 'user' ? recipient.id : recipient.email
      this.warnings.warn(
        'Slack',
        `could not send the direct message to ${who} (from ${recipient.source}): ${slackErrorText(error)}`
      )
    }
  }

  private async lookup(email: string, signal?: AbortSignal): Promise<string> {
    const found = await this.api.call('users.lookupByEmail', { email }, signal)
    const id = (found.user as { id?: string } | undefined)?.id
    if (!id) throw new Error('users.lookupByEmail returned no user')
    return id
  }
}
