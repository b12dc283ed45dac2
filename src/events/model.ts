import type { ErrorCode } from '../errors.js'

export const STAGES = [
  'INIT',
  'VERSION',
  'TAG',
  'RELEASE',
  'BUILD',
  'PUSH',
  'DEPLOY',
  'DONE'
] as const
export type Stage = (typeof STAGES)[number]

export const RUN_STATUSES = ['success', 'failure', 'cancelled', 'planned'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** One line of the NDJSON event log, as DESIGN.md ("Events") defines it: a union on `type`. */
export type PipelineEvent = InfoEvent | StageEvent | ProgressEvent | DoneEvent | ErrorEvent

export type EventType = PipelineEvent['type']

interface EventBase {
  id: number
  stage: Stage
  service?: string
  message: string
  timestamp: string
}

export interface InfoEvent extends EventBase {
  type: 'info'
}

/** A phase begins. */
export interface StageEvent extends EventBase {
  type: 'stage'
}

export interface ProgressEvent extends EventBase {
  type: 'progress'
  /** The service's own address, once it is deployed. */
  deployment_url?: string
  /** Anything structured a target wants to add (task counts, traffic %, state name). */
  data?: Record<string, unknown>
}

/** The run's last event. */
export interface DoneEvent extends EventBase {
  type: 'done'
  status: RunStatus
  image_uri?: string
  image_uris?: Record<string, string>
  deployment_url?: string
  /** Seconds. */
  execution_time?: number
}

export interface ErrorEvent extends EventBase {
  type: 'error'
  error_code: ErrorCode
  error_details?: string
}

/** Omit that keeps the union: Omit<A | B, K> would keep only the keys A and B share. */
type Unstamped<E> = E extends unknown ? Omit<E, 'id' | 'timestamp'> : never

/** An event as emitted: the bus numbers and stamps it. */
export type EventInput = Unstamped<PipelineEvent>

/**
 * Text for the log only, not an event: one builder's output, shown as its own collapsed group. It
 * is not numbered, kept or sent anywhere else (the events file, the webhook and the card carry
 * the story, not the builders' lines).
 */
export interface LogBlock {
  readonly title: string
  /** Outside text (builder output): shown inert, never run as workflow commands. */
  readonly lines: readonly string[]
  /** Shown again after the group, outside it: a failed builder's last lines. */
  readonly tail?: { readonly title: string; readonly lines: readonly string[] }
}

/** Where events go. A sink that throws or rejects is warned about, never fails the run. */
export interface EventSink {
  readonly name: string
  /**
   * `signal` fires when the run's end will wait no longer (the bus's close budget ran out): a
   * call still under way stops, and what is left is given up.
   */
  handle(event: PipelineEvent, signal?: AbortSignal): void | Promise<void>
  /** A sink that shows text (the log) takes log blocks, in order with the events. */
  aside?(block: LogBlock): void | Promise<void>
  /** Called once after the last event; flush what is buffered. */
  close?(signal?: AbortSignal): void | Promise<void>
}
