import { isFinal, type StatusCard } from './card.js'
import {
  DEFAULT_CALL_TUNING,
  describeFailure,
  HttpStatusError,
  sendJson,
  type CallTuning
} from './http.js'
import { slackCardMessage } from './render.js'
import type { CardChannel, ChannelHandle } from './status-card.js'
import type { NotificationWarnings } from './warnings.js'

/**
 * A Slack incoming webhook cannot edit what it posted, so it gets two messages: the card when the
 * run starts and the card when it ends. Phase changes in between are left to the bot-token card.
 */
interface SlackWebhookHandle extends ChannelHandle {
  started: boolean
}

/** Answers after which the webhook will never work in this run (Slack's plain-text error names). */
const GONE = new Set([403, 404, 410])

export class SlackWebhookChannel implements CardChannel {
  readonly name = 'Slack webhook'
  private started: boolean
  private finished: boolean
  private dead = false

  constructor(
    private readonly webhookUrl: string,
    private readonly warnings: NotificationWarnings,
    private readonly tuning: CallTuning = DEFAULT_CALL_TUNING,
    saved?: Partial<SlackWebhookHandle>
  ) {
    this.started = saved?.started ?? false
    this.finished = saved?.finished ?? false
  }

  handle(): SlackWebhookHandle {
    return { started: this.started, finished: this.finished || this.dead }
  }

  async show(card: StatusCard, signal?: AbortSignal): Promise<void> {
    if (this.dead || this.finished) return
    const final = isFinal(card)
    if (this.started && !final) return
    // Marked before the call: a start message that failed is not sent again at the next phase.
    // The final one is marked after it: if it failed, the post step sends it again.
    this.started = true
    try {
      await sendJson(
        'Slack incoming webhook',
        this.webhookUrl,
        { method: 'POST', body: slackCardMessage(card), signal },
        this.tuning
      )
      if (final) this.finished = true
    } catch (error) {
      if (error instanceof HttpStatusError && GONE.has(error.status)) this.dead = true
      const after = this.dead ? '; the webhook is gone or revoked' : ''
      const what = final ? 'the final message' : 'the start message'
      this.warnings.warn(
        'Slack webhook',
        `could not post ${what}: ${describeFailure(error)}${after}`
      )
    }
  }
}
