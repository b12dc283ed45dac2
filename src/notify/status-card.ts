import type { EventSink, PipelineEvent } from '../events/model.js'
import type { Plan } from '../plan/types.js'
import { sleep as realSleep, type Sleep } from '../runtime/sleep.js'
import type { Toolkit } from '../toolkit.js'
import { applyEvent, clip, isFinal, type CardPhase, type StatusCard } from './card.js'

/**
 * One place a card is shown (a Slack channel, a Discord webhook). A channel reports its own
 * trouble as warnings and never throws: a notification must not fail a deployment.
 */
export interface CardChannel {
  readonly name: string
  /**
   * Posts the card the first time, edits it after; on a final card also sends the DM/mention.
   * `signal` stops what is under way when the run's end will wait no longer.
   */
  show(card: StatusCard, signal?: AbortSignal): Promise<void>
  /** What the post step needs to finish the card: message ids, the DM recipient. No secrets. */
  handle(): ChannelHandle
}

export interface ChannelHandle {
  /**
   * Nothing is left for the post step: the final card was shown (not just attempted), or the
   * channel gave up for good (a deleted webhook, a revoked token).
   */
  finished: boolean
  [field: string]: unknown
}

/** What main leaves for the post step (core.saveState), so it can finish a card main could not. */
export interface SavedCard {
  card: StatusCard
  /** Every channel has finished with the final card: the post step has nothing to do. */
  finished: boolean
  channels: Record<string, ChannelHandle>
}

export const STATE_KEY = 'notify_card'

export interface StatusCardOptions {
  /** Least time between two edits of the card; Slack allows about one update per second. */
  debounceMs?: number
  /**
   * A job of a split workflow that a later job follows (plan, build): its successful end hands
   * the card on instead of completing it. A failure still ends the card.
   */
  handOver?: boolean
  /** A card another job posted: edited in place, and its phase never goes back (init after build). */
  resumed?: boolean
  now?: () => number
  sleep?: Sleep
}

/**
 * The event sink that drives the card: posted at the first event (INIT), edited when the phase
 * changes (init, build, deploy, and the end), never more often than once per debounce interval,
 * with events in between folded into the next edit. Handling an event never waits for Slack or
 * Discord: showing runs beside the pipeline, and close() waits for the final state to be shown.
 */
export class StatusCardSink implements EventSink {
  readonly name = 'status card'
  private card: StatusCard
  private requestedPhase: string | undefined
  private shownPhase: string | undefined
  private dirty = false
  private pump: Promise<void> | undefined
  private lastShownAt = Number.NEGATIVE_INFINITY
  private readonly debounceMs: number
  private readonly now: () => number
  private readonly sleep: Sleep
  private readonly handOver: boolean
  private readonly resumed: boolean
  private lastSaved: SavedCard | undefined
  /** The bus's: fires when the run's end will wait no longer. */
  private signal: AbortSignal | undefined

  constructor(
    card: StatusCard,
    private readonly channels: readonly CardChannel[],
    private readonly plan: () => Plan | undefined,
    private readonly core: Pick<Toolkit, 'saveState'>,
    options: StatusCardOptions = {}
  ) {
    this.card = card
    this.debounceMs = options.debounceMs ?? 1000
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? realSleep
    this.handOver = options.handOver ?? false
    this.resumed = options.resumed ?? false
  }

  /** The card and each channel's handle as last saved: what a later job re-opens it from. */
  saved(): SavedCard | undefined {
    return this.lastSaved
  }

  get current(): StatusCard {
    return this.card
  }

  handle(event: PipelineEvent, signal?: AbortSignal): void {
    this.signal ??= signal
    if (
      this.handOver &&
      event.type === 'done' &&
      event.status !== 'failure' &&
      event.status !== 'cancelled'
    ) {
      // Not the deployment's end: the next job carries the card on from here, after this job's
      // lines are shown (a phase change is what edits the card, and a build job has none).
      this.card = { ...this.card, lastEventId: event.id, updatedAt: event.timestamp }
      this.request()
      return
    }
    const next = applyEvent(this.card, event, this.plan())
    const backwards = PHASE_ORDER.indexOf(next.phase) < PHASE_ORDER.indexOf(this.card.phase)
    this.card =
      this.resumed && backwards ? { ...next, phase: this.card.phase, stage: this.card.stage } : next
    // A new phase is what the card shows; progress lines ride along with the next edit.
    if (this.card.phase === this.requestedPhase) return
    this.requestedPhase = this.card.phase
    this.request()
  }

  /** Resolves when every requested edit has been shown (or given up on). */
  async settled(): Promise<void> {
    while (this.pump) await this.pump
  }

  async close(signal?: AbortSignal): Promise<void> {
    this.signal ??= signal
    await this.settled()
    this.save()
  }

  private request(): void {
    this.dirty = true
    this.save()
    this.pump ??= this.run()
  }

  private async run(): Promise<void> {
    try {
      while (this.dirty) {
        const wait = this.lastShownAt + this.debounceMs - this.now()
        if (wait > 0) await this.sleep(wait)
        this.dirty = false
        const card = this.card
        await Promise.all(this.channels.map(channel => channel.show(card, this.signal)))
        this.shownPhase = card.phase
        this.lastShownAt = this.now()
        this.save()
      }
    } finally {
      this.pump = undefined
    }
  }

  private save(): void {
    const handles = this.channels.map(c => [c.name, c.handle()] as const)
    const saved: SavedCard = {
      card: forState(this.card),
      finished:
        isFinal(this.card) &&
        this.shownPhase === this.card.phase &&
        !this.dirty &&
        handles.every(([, handle]) => handle.finished),
      channels: Object.fromEntries(handles)
    }
    this.lastSaved = saved
    this.core.saveState(STATE_KEY, JSON.stringify(saved))
  }
}

/** A resumed card moves forward only: a build job's INIT does not take it back from build. */
const PHASE_ORDER: readonly CardPhase[] = [
  'init',
  'build',
  'deploy',
  'completed',
  'failed',
  'cancelled'
]

/** State travels to the post step in an environment variable: keep it small. */
function forState(card: StatusCard): StatusCard {
  if (!card.error?.details) return card
  return { ...card, error: { ...card.error, details: clip(card.error.details, 4000) } }
}

export function readSavedCard(raw: string): SavedCard | undefined {
  if (!raw) return undefined
  try {
    const saved = JSON.parse(raw) as SavedCard
    return saved && typeof saved === 'object' && saved.card ? saved : undefined
  } catch {
    return undefined
  }
}
