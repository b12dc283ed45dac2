import { errorMessage } from '../errors.js'
import { withDeadline } from '../runtime/deadline.js'
import { formatDuration } from '../runtime/duration.js'
import type { EventInput, EventSink, LogBlock, PipelineEvent } from './model.js'

/**
 * How long the run's end waits for the sinks' last deliveries together (the final status card,
 * the direct message, the last events to the webhook) before it stops them and ends without.
 */
export const CLOSE_BUDGET_MS = 15_000

/** Once stopped, how long sinks get to give up and say so before the bus stops waiting. */
const STOPPING_GRACE_MS = 1000

/**
 * Numbers events, stamps them, and hands each to every sink in order. Each sink has its own queue:
 * a slow webhook neither delays the log nor reorders its own events, and a failing sink costs a
 * warning (once per sink and reason), never the deployment.
 */
export class EventBus {
  private nextId = 1
  private readonly sinks: Array<{ sink: EventSink; queue: Promise<void> }> = []
  private readonly history: PipelineEvent[] = []
  private readonly warned = new Set<string>()
  /** Handed to every sink: fires when close's budget runs out. */
  private readonly stopping = new AbortController()

  constructor(
    private readonly warn: (message: string) => void,
    private readonly now: () => Date = () => new Date(),
    /** close()'s budget; tests shorten it. */
    private readonly closeBudgetMs = CLOSE_BUDGET_MS
  ) {}

  attach(sink: EventSink): void {
    this.sinks.push({ sink, queue: Promise.resolve() })
  }

  emit(input: EventInput): PipelineEvent {
    const event: PipelineEvent = {
      id: this.nextId++,
      ...input,
      timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
    }
    this.history.push(event)
    for (const entry of this.sinks) {
      entry.queue = entry.queue.then(() => this.deliver(entry.sink, event))
    }
    return event
  }

  /** Hands a log block to the sinks that show text, after the events emitted before it. */
  aside(block: LogBlock): void {
    for (const entry of this.sinks) {
      const { sink } = entry
      if (!sink.aside) continue
      entry.queue = entry.queue.then(async () => {
        try {
          await sink.aside?.(block)
        } catch (error) {
          this.warnOnce(sink.name, error)
        }
      })
    }
  }

  /** Every event emitted so far, in order. */
  get events(): readonly PipelineEvent[] {
    return this.history
  }

  /** Waits until every sink has handled every event emitted so far. */
  async flush(): Promise<void> {
    await Promise.all(this.sinks.map(entry => entry.queue))
  }

  /**
   * Lets each sink handle what is queued for it, then closes it; all of it within `budgetMs`.
   * Past the budget the sinks' signal fires, so that what they are still sending stops (and they
   * warn of what was lost); a sink that does not stop even then is warned about and left behind.
   */
  async close(budgetMs = this.closeBudgetMs): Promise<void> {
    const open = new Set(this.sinks)
    const overran = (): Error =>
      new Error(`the run's end does not wait more than ${formatDuration(budgetMs)} for it`)
    const closeAll = async (signal: AbortSignal): Promise<void> => {
      signal.addEventListener('abort', () => this.stopping.abort(signal.reason), { once: true })
      await Promise.all(
        [...open].map(async entry => {
          await entry.queue
          try {
            await entry.sink.close?.(this.stopping.signal)
          } catch (error) {
            this.warnOnce(entry.sink.name, error)
          }
          open.delete(entry)
        })
      )
    }
    try {
      await withDeadline(undefined, budgetMs, overran, closeAll, { graceMs: STOPPING_GRACE_MS })
    } catch (error) {
      for (const { sink } of open) this.warnOnce(sink.name, error)
    }
  }

  private async deliver(sink: EventSink, event: PipelineEvent): Promise<void> {
    try {
      await sink.handle(event, this.stopping.signal)
    } catch (error) {
      this.warnOnce(sink.name, error)
    }
  }

  private warnOnce(sinkName: string, error: unknown): void {
    const message = `${sinkName}: ${errorMessage(error)}`
    if (this.warned.has(message)) return
    this.warned.add(message)
    this.warn(message)
  }
}
