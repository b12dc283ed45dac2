import { asRecord, type RetryDecision } from '../runtime/retry.js'
import { isFinal, type StatusCard } from './card.js'
import {
  DEFAULT_CALL_TUNING,
  describeFailure,
  HttpStatusError,
  MalformedAnswerError,
  sendJson,
  type CallTuning,
  type JsonAnswer
} from './http.js'
import { discordCardMessage, discordMentionMessage, type DiscordMessage } from './render.js'
import type { CardChannel, ChannelHandle } from './status-card.js'
import type { NotificationWarnings } from './warnings.js'

/**
 * The status card as a Discord webhook message: executed with `?wait=true` so Discord returns the
 * message id, then edited with PATCH .../messages/{id}. An edit never pings anyone, so the mention
 * on completion or failure is one more short message, allowed to ping that one user only.
 *
 * Discord answers `wait=true` only once the message is saved, so a 2xx whose body was cut (the
 * connection dropped mid-body, a proxy truncated it) means the card exists: it is never posted
 * again. Execute Webhook takes no nonce and no webhook lists its messages, so the card can be found
 * again only by its id: when the id arrived before the cut, the message is read back (Get Webhook
 * Message) and, being this webhook's own, edited from then on; otherwise it stays as posted.
 */
interface DiscordHandle extends ChannelHandle {
  messageId: string | undefined
  /** The card was posted but its id never came back: it cannot be edited, nor posted again. */
  idLost: boolean
}

/** Discord's JSON error codes that matter here. */
const UNKNOWN_WEBHOOK = 10015
const UNKNOWN_MESSAGE = 10008

export class DiscordCardChannel implements CardChannel {
  readonly name = 'Discord'
  private messageId: string | undefined
  private idLost: boolean
  private finished: boolean
  private dead = false
  private readonly base: URL

  constructor(
    webhookUrl: string,
    private readonly mention: string | undefined,
    private readonly warnings: NotificationWarnings,
    private readonly tuning: CallTuning = DEFAULT_CALL_TUNING,
    saved?: Partial<DiscordHandle>
  ) {
    this.base = new URL(webhookUrl)
    this.messageId = saved?.messageId
    this.idLost = saved?.idLost ?? false
    this.finished = saved?.finished ?? false
  }

  handle(): DiscordHandle {
    return {
      messageId: this.messageId,
      idLost: this.idLost,
      finished: this.finished || this.dead
    }
  }

  async show(card: StatusCard, signal?: AbortSignal): Promise<void> {
    if (this.dead || this.finished) return
    if (!this.idLost) {
      try {
        await this.showCard(card, signal)
      } catch (error) {
        this.fail(
          this.messageId ? 'could not edit the status card' : 'could not post the status card',
          error
        )
        return
      }
    }
    if (!isFinal(card)) return
    this.finished = true
    await this.mentionUser(card, signal)
  }

  private async showCard(card: StatusCard, signal?: AbortSignal): Promise<void> {
    const message = discordCardMessage(card)
    if (this.messageId) {
      await this.send('PATCH', this.url(`/messages/${this.messageId}`), message, true, signal)
      return
    }
    // wait=true: the answer is the message, whose id every later edit needs.
    const answer = await this.send('POST', this.url('', true), message, true, signal).catch(
      async (error: unknown) => {
        const found = error instanceof MalformedAnswerError && (await this.readBack(error, signal))
        if (found) return found
        throw error
      }
    )
    const id = asRecord(answer.body).id
    if (typeof id !== 'string') {
      throw new MalformedAnswerError('Discord webhook POST', answer.status, 'no message id')
    }
    this.messageId = id
  }

  /**
   * The card an answer cut mid-body was about, read back by the id that arrived before the cut:
   * the message itself when it is this webhook's own, else undefined.
   */
  private async readBack(
    cut: MalformedAnswerError,
    signal: AbortSignal | undefined
  ): Promise<JsonAnswer | undefined> {
    const id = topLevelId(cut.body)
    if (!id) return undefined
    try {
      const answer = await sendJson(
        'Discord webhook GET message',
        this.url(`/messages/${id}`),
        { method: 'GET', expectJson: true, signal },
        this.tuning,
        classifyDiscordError
      )
      const read = asRecord(answer.body)
      return read.id === id && read.webhook_id === this.webhookId() ? answer : undefined
    } catch {
      return undefined // not found, or not readable now: the card stays as posted
    }
  }

  /** The webhook's own id: /api/webhooks/{id}/{token}. */
  private webhookId(): string | undefined {
    return /\/webhooks\/(\d+)\/[^/]+\/?$/.exec(this.base.pathname)?.[1]
  }

  private async mentionUser(card: StatusCard, signal?: AbortSignal): Promise<void> {
    if (!this.mention) return
    if (!/^\d{5,25}$/.test(this.mention)) {
      this.warnings.warn(
        'Discord',
        `discord_mention '${this.mention}' is not a Discord user id (digits)`
      )
      return
    }
    try {
      const message = discordMentionMessage(card, this.mention)
      await this.send('POST', this.url(''), message, false, signal)
    } catch (error) {
      this.fail('could not mention the person responsible', error)
    }
  }

  private url(path: string, wait = false): string {
    const url = new URL(this.base)
    url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`
    if (wait) url.searchParams.set('wait', 'true')
    return url.toString()
  }

  private send(
    method: 'POST' | 'PATCH',
    url: string,
    message: DiscordMessage,
    expectJson: boolean,
    signal: AbortSignal | undefined
  ): Promise<JsonAnswer> {
    return sendJson(
      `Discord webhook ${method}`,
      url,
      { method, body: message, expectJson, signal },
      this.tuning,
      classifyDiscordError
    )
  }

  private fail(what: string, error: unknown): void {
    const code = error instanceof HttpStatusError ? error.json().code : undefined
    let reason = describeDiscordError(error)
    if (error instanceof MalformedAnswerError && !this.messageId) {
      // The post went through, but without its id: posting again would show a second card.
      this.idLost = true
      reason += '; the card cannot be edited, only the final mention will follow'
    } else if (error instanceof HttpStatusError && code === UNKNOWN_MESSAGE) {
      this.messageId = undefined // deleted by someone: post a new card next time
    } else if (
      error instanceof HttpStatusError &&
      (error.status === 404 || error.status === 401 || code === UNKNOWN_WEBHOOK)
    ) {
      this.dead = true
      reason +=
        '; the webhook is gone or its token is wrong, no further Discord updates in this run'
    }
    this.warnings.warn('Discord', `${what}: ${reason}`)
  }
}

/**
 * The top-level "id" of a JSON object cut short, when it arrived whole: the message's own id,
 * not its author's or a mention's, which sit deeper.
 */
export function topLevelId(text: string): string | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    else if (c === '"') {
      const end = stringEnd(text, i)
      if (end < 0) return undefined
      if (depth === 1 && text.slice(i, end + 1) === '"id"') {
        const value = /^\s*:\s*"(\d{1,25})"/.exec(text.slice(end + 1))?.[1]
        if (value) return value
      }
      i = end
    }
  }
  return undefined
}

/** Index of the quote that closes the string opening at `start`; -1 when it was cut. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i
  }
  return -1
}

/** Discord puts the wait in the body (`retry_after`, seconds) as well as in Retry-After. */
export function classifyDiscordError(error: unknown): RetryDecision | undefined {
  if (!(error instanceof HttpStatusError) || error.status !== 429) return undefined
  const seconds = Number(error.json().retry_after ?? error.headers.get('retry-after'))
  return {
    retry: true,
    throttled: true,
    retryAfterMs: Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : undefined,
    reason: 'rate limited by Discord'
  }
}

function describeDiscordError(error: unknown): string {
  if (error instanceof HttpStatusError) {
    const body = error.json()
    const message = typeof body.message === 'string' ? body.message : ''
    const code = body.code !== undefined ? ` (code ${String(body.code)})` : ''
    if (error.status === 429) return `rate limited (HTTP 429) until the retries ran out`
    return `HTTP ${error.status}${message ? ` ${message}` : ''}${code}`
  }
  return describeFailure(error)
}
