import type { RunControl } from '../builders/types.js'
import { formatDuration } from '../runtime/duration.js'
import type { PhaseContext } from './context.js'

/**
 * Builder output in the log. Services build in parallel, and the runner's log groups neither nest
 * nor interleave: streamed as it comes, every builder's lines braid into one column inside the
 * phase's group, where they were most of the log and buried the phase's story. So each service's
 * output is kept aside while it runs, and when the phase ends each service gets its own collapsed
 * group, `build api (linux/amd64, linux/arm64)`, after the phase's group (the log sink closes that
 * one first), with builder text inside a stop-commands block. A failed service's last lines
 * follow outside its group, where they are seen without opening anything.
 *
 * The price is that a build shows nothing of its own while it runs; so while a service is busy,
 * a heartbeat line every 30 s says how long, how much output so far and how long since the last
 * line: a hung build is visible as one whose line count stops. Streaming one service live and
 * keeping the others aside was the other choice: its lines would still land between the other
 * services' lines in the phase's group, and which service is worth watching is not known first.
 */
export const HEARTBEAT_MS = 30_000
/** Shown again after the group of a service that failed. */
export const FAILURE_TAIL_LINES = 30
/** A service's group keeps its last lines, so a build that prints without end cannot fill memory. */
export const KEPT_LINES = 20_000

export interface OutputOptions {
  /** How often a busy service says it is still busy. */
  readonly heartbeatMs?: number
  readonly now?: () => number
}

/** One service's part: what its builder commands print goes here. */
export interface ServiceOutput {
  control(signal: AbortSignal): RunControl
  /** The service is done in this phase; a failed one shows its last lines after its group. */
  finish(failed: boolean): void
  /** `work`, finishing the service when it settles: failed when it rejects. */
  settle<T>(work: Promise<T>): Promise<T>
}

interface Transcript {
  readonly title: string
  readonly lines: string[]
  dropped: number
  count: number
  startedAt: number
  lastLineAt: number | undefined
  failed: boolean
  timer: ReturnType<typeof setInterval> | undefined
}

/** The builder output of one phase (BUILD or PUSH), per service. */
export class BuilderOutput {
  private readonly transcripts = new Map<string, Transcript>()
  private readonly heartbeatMs: number
  private readonly now: () => number
  private closed = false

  constructor(
    private readonly ctx: Pick<PhaseContext, 'core' | 'bus'>,
    private readonly verb: 'build' | 'push',
    options: OutputOptions = {}
  ) {
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS
    this.now = options.now ?? Date.now
  }

  /** The service's output; asked again (a retry with a fresh token), the same one, busy again. */
  of(service: string, platforms: readonly string[]): ServiceOutput {
    let transcript = this.transcripts.get(service)
    if (!transcript) {
      transcript = {
        title: `${this.verb} ${service} (${platforms.join(', ')})`,
        lines: [],
        dropped: 0,
        count: 0,
        startedAt: this.now(),
        lastLineAt: undefined,
        failed: false,
        timer: undefined
      }
      this.transcripts.set(service, transcript)
    }
    const entry = transcript
    if (!entry.timer && !this.closed) {
      entry.timer = setInterval(() => this.ctx.core.info(this.heartbeat(service)), this.heartbeatMs)
      entry.timer.unref()
    }
    const finish = (failed: boolean): void => {
      entry.failed = failed
      clearInterval(entry.timer)
      entry.timer = undefined
    }
    return {
      control: signal => ({ signal, onLine: line => this.record(entry, line) }),
      finish,
      settle: work =>
        work.then(
          result => {
            finish(false)
            return result
          },
          (error: unknown) => {
            finish(true)
            throw error
          }
        )
    }
  }

  /** `[api] still building (1 min 30 s so far, 212 lines of builder output, the last 45 s ago)` */
  heartbeat(service: string): string {
    const transcript = this.transcripts.get(service)
    if (!transcript) return `[${service}] not started`
    const now = this.now()
    const busy = this.verb === 'build' ? 'building' : 'pushing'
    const elapsed = `${formatDuration(now - transcript.startedAt)} so far`
    if (transcript.lastLineAt === undefined) {
      return `[${service}] still ${busy} (${elapsed}, no builder output yet)`
    }
    const lines = `${transcript.count} ${transcript.count === 1 ? 'line' : 'lines'} of builder output`
    const since = now - transcript.lastLineAt
    const last = since < 1000 ? 'the last just now' : `the last ${formatDuration(since)} ago`
    return `[${service}] still ${busy} (${elapsed}, ${lines}, ${last})`
  }

  /**
   * Ends the phase's output: every heartbeat stops, and each service that printed anything gets
   * its group, in the order the services started. Lines a killed builder prints later are dropped.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    for (const transcript of this.transcripts.values()) {
      clearInterval(transcript.timer)
      if (transcript.count === 0) continue
      const kept = transcript.dropped
        ? [`(${transcript.dropped} earlier lines not kept)`, ...transcript.lines]
        : transcript.lines
      const tail = transcript.lines.slice(-FAILURE_TAIL_LINES)
      this.ctx.bus.aside({
        title: transcript.title,
        lines: kept,
        ...(transcript.failed
          ? {
              tail: {
                title: `${transcript.title} failed; its last ${tail.length} lines:`,
                lines: tail
              }
            }
          : {})
      })
    }
  }

  private record(transcript: Transcript, line: string): void {
    if (this.closed) return
    transcript.count++
    transcript.lastLineAt = this.now()
    transcript.lines.push(line)
    // Trimmed in batches: shifting one line at a time would copy the array on every line.
    if (transcript.lines.length > KEPT_LINES * 1.5) {
      const excess = transcript.lines.length - KEPT_LINES
      transcript.lines.splice(0, excess)
      transcript.dropped += excess
    }
  }
}
