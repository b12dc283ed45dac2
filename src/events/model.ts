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

export type EventType = 'info' | 'stage' | 'progress' | 'done' | 'error'

export type RunStatus = 'success' | 'failure' | 'cancelled' | 'planned'

/** One line of the NDJSON event log, as DESIGN.md ("Events") defines it. */
export interface PipelineEvent {
  id: number
  type: EventType
  stage: Stage
  service?: string
  message: string
  timestamp: string
  /** done */
  status?: RunStatus
  image_uri?: string
  image_uris?: Record<string, string>
  deployment_url?: string
  execution_time?: number
  /** error */
  error_code?: ErrorCode
  error_details?: string
  /** Anything structured a target wants to add (task counts, traffic %, state name). */
  data?: Record<string, unknown>
}

export type EventInput = Omit<PipelineEvent, 'id' | 'timestamp'>

/** Where events go. A sink that throws or rejects is warned about, never fails the run. */
export interface EventSink {
  readonly name: string
  handle(event: PipelineEvent): void | Promise<void>
  /** Called once after the last event; flush what is buffered. */
  close?(): void | Promise<void>
}
