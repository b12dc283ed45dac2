import { errorMessage } from '../errors.js'
import type { EventInput, EventSink, LogBlock, PipelineEvent } from './model.js'

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

  constructor(
    private readonly warn: (message: string) => void,
    private readonly now: () => Date = () => new Date()
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

  /** Flushes, then closes every sink. */
  async close(): Promise<void> {
    await this.flush()
    for (const { sink } of this.sinks) {
      try {
        await sink.close?.()
      } catch (error) {
        this.warnOnce(sink.name, error)
      }
    }
  }

  private async deliver(sink: EventSink, event: PipelineEvent): Promise<void> {
    try {
      await sink.handle(event)
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
