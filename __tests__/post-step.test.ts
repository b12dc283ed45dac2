import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readEventLog } from '../src/events/event-log.js'
import { runPost } from '../src/post.js'
import { readRunState, RUN_STATE_KEY, type SavedRun } from '../src/run-state.js'

/**
 * The post step reads what main saved and the event log main wrote; both can come back cut (a
 * kill, a full disk) or edited. Either costs a warning, never a crash of the post step.
 */
const STATE_ENV = `STATE_${RUN_STATE_KEY}`
let stdout: string[]

beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  delete process.env[STATE_ENV]
  process.exitCode = undefined
})

function saved(overrides: Partial<SavedRun> = {}): SavedRun {
  const dir = mkdtempSync(join(tmpdir(), 'post-step-'))
  return {
    deploymentId: 'dep_1_1',
    eventsFile: join(dir, 'events.ndjson'),
    tempDir: dir,
    environment: 'stage',
    finished: false,
    ...overrides
  }
}

const state = (raw: string) => ({ getState: (name: string) => (name === RUN_STATE_KEY ? raw : '') })

describe('the saved run state', () => {
  it('reads back what main saved', () => {
    const run = saved({ status: 'failure', githubDeploymentId: 7 })
    expect(readRunState(state(JSON.stringify(run)))).toEqual({ run })
  })

  it('keeps only the fields it knows', () => {
    const run = saved({ finished: true, registryAuth: true })
    expect(readRunState(state(JSON.stringify({ ...run, extra: 'x' })))).toEqual({ run })
  })

  it('nothing saved: no run, and nothing to warn about', () => {
    expect(readRunState(state(''))).toEqual({ run: undefined })
  })

  it.each([
    ['cut short', JSON.stringify(saved()).slice(0, 30), 'not JSON'],
    ['a field of the wrong type', JSON.stringify({ ...saved(), finished: 'no' }), 'finished: '],
    ['a field missing', JSON.stringify({ ...saved(), eventsFile: undefined }), 'eventsFile: '],
    ['an unknown status', JSON.stringify({ ...saved(), status: 'great' }), 'status: '],
    ['an empty path', JSON.stringify({ ...saved(), tempDir: '' }), 'tempDir: expected a path'],
    [
      'a deployment id of 0',
      JSON.stringify({ ...saved(), githubDeploymentId: 0 }),
      'githubDeploymentId: '
    ],
    [
      'a fractional deployment id',
      JSON.stringify({ ...saved(), githubDeploymentId: 1.5 }),
      'githubDeploymentId: '
    ],
    [
      'a flag that is not a boolean',
      JSON.stringify({ ...saved(), helmValues: 'yes' }),
      'helmValues: '
    ],
    [
      'null for an optional field',
      JSON.stringify({ ...saved(), registryAuth: null }),
      'registryAuth: '
    ],
    ['not an object', '"dep_1_1"', 'Invalid type'],
    ['null', 'null', 'Invalid type']
  ])('%s: no run, and the reason', (_, raw, reason) => {
    expect(readRunState(state(raw))).toEqual({
      run: undefined,
      problem: expect.stringContaining(`the saved run state is unusable: ${reason}`)
    })
  })
})

describe('the post step', () => {
  it('a cut saved state is a warning, not a crash', async () => {
    process.env[STATE_ENV] = '{"deploymentId":"dep_1_1","eventsFi'
    await runPost()
    expect(stdout.filter(line => line.startsWith('::warning::'))).toEqual([
      '::warning::the saved run state is unusable: not JSON; the post step has nothing to go on\n'
    ])
    expect(process.exitCode).toBeUndefined()
  })

  it('a cut last line in the event log is skipped, and the log is still closed', async () => {
    const run = saved()
    const stageLine = JSON.stringify({
      id: 1,
      type: 'stage',
      stage: 'INIT',
      message: 'start',
      timestamp: '2026-11-24T07:00:00Z'
    })
    writeFileSync(run.eventsFile, `${stageLine}\n{"id":2,"type":"st`)
    process.env[STATE_ENV] = JSON.stringify(run)
    await runPost()
    expect(stdout.filter(line => line.startsWith('::warning::'))).toEqual([
      `::warning::events file ${run.eventsFile}: 1 line(s) skipped: line 2: cut short (the step was killed mid-write?)\n`
    ])
    const log = readEventLog(run.eventsFile)
    expect(log.events.map(e => [e.id, e.type])).toEqual([
      [1, 'stage'],
      [2, 'error'],
      [3, 'done']
    ])
    expect(process.exitCode).toBe(1) // the crash of main is still a failed job
  })
})
