import type { EventSink, PipelineEvent } from '../events/model.js'
import { DEFAULT_CALL_TUNING, describeFailure, sendJson, type CallTuning } from './http.js'
import type { NotificationWarnings } from './warnings.js'

/**
 * The event webhook: every event POSTed as JSON, in order (the bus gives each sink its own queue),
 * each retried. A receiver that stays down costs a warning, not the deploy, and not a long wait
 * per event either: after one event fails, the next ones get a single try each until one gets
 * through again.
 */
export const DELIVERED_STATE_KEY = 'notify_webhook_delivered'

export class EventWebhookSink implements EventSink {
  readonly name = 'event webhook'
  private down = false
  private lost = 0
  private sent = 0

  constructor(
    private readonly url: string,
    private readonly warnings: NotificationWarnings,
    private readonly tuning: CallTuning = DEFAULT_CALL_TUNING,
    /** Told each delivered id, so the post step sends on from there after a kill. */
    private readonly delivered: (id: number) => void = () => {}
  ) {}

  async handle(event: PipelineEvent, signal?: AbortSignal): Promise<void> {
    const tuning = this.down ? { ...this.tuning, attempts: 1 } : this.tuning
    try {
      await sendJson(
        `event webhook (event ${event.id})`,
        this.url,
        { method: 'POST', body: event, signal },
        tuning
      )
      this.sent++
      this.down = false
      this.delivered(event.id)
    } catch (error) {
      this.lost++
      if (!this.down) {
        this.warnings.warn(
          'Event webhook',
          `event ${event.id} (${event.type} ${event.stage}) was not delivered: ${describeFailure(error)}`
        )
      }
      this.down = true
    }
  }

  close(): void {
    if (this.lost > 0) {
      this.warnings.warn(
        'Event webhook',
        `${this.lost} of ${this.lost + this.sent} events were not delivered`
      )
    }
  }
}
