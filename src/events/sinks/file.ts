import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EventSink, PipelineEvent } from '../model.js'

/**
 * The NDJSON event log. Written synchronously, one line per event, so that whatever happened
 * before a crash or a kill is on disk for the post step and for whoever reads `events_file`.
 */
export function fileSink(path: string): EventSink {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, '')
  return {
    name: `events file ${path}`,
    handle(event: PipelineEvent) {
      appendFileSync(path, `${JSON.stringify(event)}\n`)
    }
  }
}

/**
 * Appends events to an existing log, numbering on from its last event: the post step uses this
 * to close the log of a main step that never finished.
 */
export function appendEvents(
  path: string,
  events: readonly Omit<PipelineEvent, 'id' | 'timestamp'>[],
  now: Date = new Date()
): PipelineEvent[] {
  let lastId = 0
  if (existsSync(path)) {
    const lines = readFileSync(path, 'utf8').trim().split('\n').filter(Boolean)
    const last = lines.at(-1)
    if (last) lastId = (JSON.parse(last) as PipelineEvent).id
  }
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const written = events.map((event, index) => ({ id: lastId + index + 1, ...event, timestamp }))
  mkdirSync(dirname(path), { recursive: true })
  for (const event of written) appendFileSync(path, `${JSON.stringify(event)}\n`)
  return written
}
