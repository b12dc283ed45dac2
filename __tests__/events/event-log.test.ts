import { describe, expect, it } from '@jest/globals'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appendEvents, readEventLog } from '../../src/events/event-log.js'
import type { PipelineEvent } from '../../src/events/model.js'
import { fileSink } from '../../src/events/sinks/file.js'

/**
 * The events file is read back by the post step after a kill, and is the user's to edit: a bad
 * line is skipped and reported, never fatal, and appending after it still numbers on.
 */
const NOW = new Date('2026-11-24T07:03:05.123Z')

function logPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'event-log-')), 'events.ndjson')
}

const stage: PipelineEvent = {
  id: 1,
  type: 'stage',
  stage: 'INIT',
  message: 'acme/shop@abcdef0 to stage',
  timestamp: '2026-11-24T07:00:00Z'
}
const progress: PipelineEvent = {
  id: 2,
  type: 'progress',
  stage: 'DEPLOY',
  service: 'api',
  message: 'CodeDeploy: traffic shifted 50%',
  timestamp: '2026-11-24T07:03:05Z',
  data: { traffic: 50 }
}

function written(...events: PipelineEvent[]): string {
  return events.map(e => `${JSON.stringify(e)}\n`).join('')
}

describe('the event log', () => {
  it('reads back what the file sink wrote, every event type', () => {
    const path = logPath()
    const sink = fileSink(path)
    const events: PipelineEvent[] = [
      stage,
      progress,
      { ...stage, id: 3, type: 'info', message: 'a note' },
      {
        ...stage,
        id: 4,
        type: 'error',
        stage: 'DEPLOY',
        message: 'api failed',
        error_code: 'HEALTH_CHECK_FAILED',
        error_details: 'a\nb'
      },
      {
        ...stage,
        id: 5,
        type: 'done',
        stage: 'DONE',
        message: 'failed',
        status: 'failure',
        image_uris: { api: 'ghcr.io/acme/api:v1' },
        deployment_url: 'https://shop.example.com',
        execution_time: 42
      }
    ]
    for (const event of events) void sink.handle(event)
    expect(readEventLog(path)).toEqual({ events, problems: [] })
  })

  it('a missing file and an empty file are empty logs', () => {
    const path = logPath()
    expect(readEventLog(path)).toEqual({ events: [], problems: [] })
    writeFileSync(path, '')
    expect(readEventLog(path)).toEqual({ events: [], problems: [] })
  })

  it('skips a last line cut by a kill mid-write, and says so', () => {
    const path = logPath()
    writeFileSync(path, `${written(stage, progress)}{"id":3,"type":"prog`)
    expect(readEventLog(path)).toEqual({
      events: [stage, progress],
      problems: ['line 3: cut short (the step was killed mid-write?)']
    })
  })

  it('skips garbage and lines that are not events, keeping the rest', () => {
    const path = logPath()
    const noCode = { ...progress, id: 3, type: 'error' }
    writeFileSync(
      path,
      `${written(stage)}not json at all\n${JSON.stringify(noCode)}\n\n${written(progress)}`
    )
    const log = readEventLog(path)
    expect(log.events).toEqual([stage, progress])
    expect(log.problems).toHaveLength(2)
    expect(log.problems[0]).toBe('line 2: not JSON')
    expect(log.problems[1]).toMatch(/^line 3: error_code: /)
  })

  it('keeps fields it does not know, so that a re-sent event is the event written', () => {
    const path = logPath()
    const extended = { ...progress, attempt: 2 }
    writeFileSync(path, `${JSON.stringify(extended)}\n`)
    expect(readEventLog(path).events).toEqual([extended])
  })

  it('a file it cannot read is reported, not thrown', () => {
    const path = logPath()
    mkdirSync(path)
    const log = readEventLog(path)
    expect(log.events).toEqual([])
    expect(log.problems).toEqual([expect.stringMatching(/^cannot be read: /)])
  })
})

describe('appending to the event log (the post step closing it)', () => {
  it('numbers on from the last event and stamps the time', () => {
    const path = logPath()
    writeFileSync(path, written(stage, progress))
    const closing = appendEvents(
      path,
      [{ type: 'done', stage: 'DONE', status: 'cancelled', message: 'cancelled' }],
      NOW
    )
    expect(closing).toEqual([
      {
        id: 3,
        type: 'done',
        stage: 'DONE',
        status: 'cancelled',
        message: 'cancelled',
        timestamp: '2026-11-24T07:03:05Z'
      }
    ])
    expect(readEventLog(path).events).toEqual([stage, progress, ...closing])
  })

  it('after a cut last line: starts a new line, so that its own events survive', () => {
    const path = logPath()
    writeFileSync(path, `${written(stage)}{"id":2,"ty`)
    const closing = appendEvents(path, [
      { type: 'error', stage: 'DONE', message: 'killed', error_code: 'DEPLOY_FAILED' },
      { type: 'done', stage: 'DONE', status: 'failure', message: 'failure' }
    ])
    expect(closing.map(e => e.id)).toEqual([2, 3])
    const log = readEventLog(path)
    expect(log.events).toEqual([stage, ...closing])
    expect(log.problems).toEqual(['line 2: not JSON'])
  })

  it('creates the log when main never wrote one', () => {
    const path = join(logPath(), '..', 'later', 'events.ndjson')
    const closing = appendEvents(path, [
      { type: 'done', stage: 'DONE', status: 'failure', message: 'failure' }
    ])
    expect(closing[0]?.id).toBe(1)
    expect(readFileSync(path, 'utf8')).toBe(written(...closing))
  })

  it('a garbage line does not stop it numbering on', () => {
    const path = logPath()
    writeFileSync(path, written(stage, progress))
    appendFileSync(path, 'garbage\n')
    const [done] = appendEvents(path, [
      { type: 'done', stage: 'DONE', status: 'failure', message: 'failure' }
    ])
    expect(done?.id).toBe(3)
  })
})
