import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import * as v from 'valibot'
import { ERROR_CODES, errorMessage } from '../errors.js'
import { parseJson } from '../runtime/json.js'
import { RUN_STATUSES, STAGES, type EventInput, type PipelineEvent } from './model.js'

/**
 * The NDJSON event log (`events_file`), the one module that knows its format. Main writes it one
 * line per event, synchronously, so that what happened before a kill is on disk; the post step
 * closes it and reads it back. A read never fails on a bad line: a kill mid-write leaves the last
 * line cut, and the file is the user's to read and edit. Such lines are skipped and reported.
 */
export interface EventLog {
  readonly events: readonly PipelineEvent[]
  /** One sentence per line left out (or for a file that could not be read at all). */
  readonly problems: readonly string[]
}

/**
 * Built when a log is first read: main only writes the log, and building this on every start
 * would cost main's dry run a millisecond for nothing.
 */
function buildEventSchema() {
  const text = v.string()
  const optionalText = v.optional(text)
  const common = {
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
    stage: v.picklist(STAGES),
    service: optionalText,
    message: text,
    timestamp: text
  }
  // Loose objects: a field this schema does not name is kept, so that an event read back and
  // sent on to the webhook is the event that was written.
  return v.variant('type', [
    v.looseObject({ ...common, type: v.literal('info') }),
    v.looseObject({ ...common, type: v.literal('stage') }),
    v.looseObject({
      ...common,
      type: v.literal('progress'),
      deployment_url: optionalText,
      data: v.optional(v.record(v.string(), v.unknown()))
    }),
    v.looseObject({
      ...common,
      type: v.literal('done'),
      status: v.picklist(RUN_STATUSES),
      image_uri: optionalText,
      image_uris: v.optional(v.record(v.string(), text)),
      deployment_url: optionalText,
      execution_time: v.optional(v.number())
    }),
    v.looseObject({
      ...common,
      type: v.literal('error'),
      error_code: v.picklist(ERROR_CODES),
      error_details: optionalText
    })
  ]) satisfies v.GenericSchema<unknown, PipelineEvent>
}

let eventSchema: ReturnType<typeof buildEventSchema> | undefined

/** Creates the log, or empties one left by an earlier run in the same job. */
export function startEventLog(path: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, '')
}

export function writeEvent(path: string, event: PipelineEvent): void {
  appendFileSync(path, `${JSON.stringify(event)}\n`)
}

/** Every event in the log, in file order; a missing file is an empty log. */
export function readEventLog(path: string): EventLog {
  if (!existsSync(path)) return { events: [], problems: [] }
  let content: string
  try {
    content = readFileSync(path, 'utf8')
  } catch (error) {
    return { events: [], problems: [`cannot be read: ${errorMessage(error)}`] }
  }
  return parseEventLog(content)
}

/**
 * Appends events to an existing log, numbering on from its last event: the post step uses this
 * to close the log of a main step that never finished.
 */
export function appendEvents(
  path: string,
  events: readonly EventInput[],
  now: Date = new Date()
): PipelineEvent[] {
  const content = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const lastId = parseEventLog(content).events.reduce((last, event) => Math.max(last, event.id), 0)
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const written = events.map((event, index) => ({ id: lastId + index + 1, ...event, timestamp }))
  // A line cut by a kill has no newline: without one, the first new event would join it.
  const cut = content !== '' && !content.endsWith('\n')
  mkdirSync(dirname(path), { recursive: true })
  appendFileSync(path, `${cut ? '\n' : ''}${written.map(e => `${JSON.stringify(e)}\n`).join('')}`)
  return written
}

function parseEventLog(content: string): EventLog {
  const events: PipelineEvent[] = []
  const problems: string[] = []
  const lines = content.split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    const parsed = parseJson((eventSchema ??= buildEventSchema()), line)
    if (parsed.ok) {
      events.push(parsed.value)
      continue
    }
    // Every line the writer finishes ends in a newline; the last without one was cut short.
    const cut = parsed.notJson && index === lines.length - 1
    const problem = cut ? 'cut short (the step was killed mid-write?)' : parsed.problem
    problems.push(`line ${index + 1}: ${problem}`)
  }
  return { events, problems }
}
