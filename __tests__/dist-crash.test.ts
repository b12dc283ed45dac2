import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  exampleRepo,
  nodeRuntimes,
  readFileCommands,
  root,
  runNode,
  unfinishedMainState,
  type StepRun
} from './fixtures/dist-step.js'
import type { TestRepo } from './fixtures/git-repo.js'
import { startHttpServer, type SimServer } from './simulators/http.js'
import { startSlackSimulator, type SlackSimulator } from './simulators/slack.js'

/**
 * No path prints the bundle's source. Node's own handler prints an uncaught error's source line
 * with a caret, and in dist/ that line is minified code (tens of kB on one line), with no
 * `::error::`. Each entry point is made to fail for real, run as the runner runs it (a child
 * process on the declared node24, and on the Node running these tests), and must end with exit
 * code 1, one `::error::` line, no line over 2,000 characters, a stack with positions in src/,
 * and, for main, its job summary. Uncaught errors come from a test-only preload
 * (fixtures/crash-seam.mjs) that throws from inside the step's own call stack; nothing in src/
 * knows it.
 */
const SEAM = join(root, '__tests__/fixtures/crash-seam.mjs')
const TOKEN = 'xoxb-4242-CRASHsecret'
const runtimes = nodeRuntimes()
const crashes = [
  ['an uncaught exception', 'uncaught'],
  ['an unhandled rejection', 'rejection']
] as const

let slack: SlackSimulator
let github: SimServer

beforeAll(async () => {
  slack = await startSlackSimulator({
    token: TOKEN,
    users: [{ id: 'U0RESP', email: 'resp@example.com' }]
  })
  github = await startHttpServer(() => new Promise(() => {})) // never answers
})

afterAll(async () => {
  await Promise.all([slack?.close(), github?.close()])
})

interface Files {
  readonly GITHUB_OUTPUT: string
  readonly GITHUB_STEP_SUMMARY: string
  readonly GITHUB_STATE: string
}

function filesIn(repo: TestRepo): Files {
  return {
    GITHUB_OUTPUT: join(repo.dir, '.gh-output'),
    GITHUB_STEP_SUMMARY: join(repo.dir, '.gh-summary'),
    GITHUB_STATE: join(repo.dir, '.gh-state')
  }
}

function step(
  node: string,
  script: 'index.js' | 'post.js',
  repo: TestRepo,
  env: Record<string, string>,
  seam?: { kind: 'uncaught' | 'rejection'; after: string }
): Promise<StepRun> {
  const args = seam ? ['--import', SEAM] : []
  return runNode(node, [...args, join(root, 'dist', script)], {
    cwd: repo.dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: join(repo.dir, '.runner-temp'),
      ...(seam ? { CRASH_SEAM: seam.kind, CRASH_SEAM_AFTER: seam.after } : {}),
      ...env
    }
  })
}

/** Exit 1, one `::error::` line saying `error`, and nothing Node would have dumped. */
function expectOneCleanFailure(result: StepRun, error: string | RegExp): string[] {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n')
  expect(lines.filter(line => line.length > 2_000)).toEqual([])
  expect(result.stderr).toBe('')
  const annotations = lines.filter(line => line.startsWith('::error'))
  expect(annotations).toHaveLength(1)
  expect(annotations[0]).toMatch(error)
  expect(result.status).toBe(1)
  return lines
}

/** A stack printed for a crash reads in src/ positions, not minified dist/lib ones. */
function expectReadableStack(lines: string[]): void {
  const frames = lines.filter(line => /^\s+at /.test(line))
  expect(frames.some(line => /\(src\/[\w/.-]+\.ts:\d+\)/.test(line))).toBe(true)
  expect(frames.filter(line => line.includes('dist/lib/'))).toEqual([])
}

/** A main step that reaches VERSION and waits there: the GitHub API never answers. */
function waitingMain(repo: TestRepo, files: Files): Record<string, string> {
  return {
    ...files,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: github.url,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTOR: 'octocat',
    INPUT_ENVIRONMENT: 'stage',
    INPUT_CREATE_TAG: 'true',
    INPUT_GITHUB_TOKEN: 'ghs_SIMtoken',
    INPUT_SLACK_BOT_TOKEN: TOKEN,
    INPUT_SLACK_CHANNEL: 'C0DEPLOYS',
    INPUT_SLACK_API_URL: slack.apiUrl,
    // Named, so the card's DM does not look the actor up on the GitHub API that never answers.
    INPUT_NOTIFY_USER: 'U0RESP',
    INPUT_EVENTS_FILE: join(repo.dir, '.events.ndjson'),
    // The crash comes while VERSION waits, not after a preflight of targets that are not here.
    INPUT_PREFLIGHT: 'false',
    SOURCE_DATE_EPOCH: '1795500000'
  }
}

describe.each(runtimes)('dist on Node %s never crashes into the log', (_, node) => {
  it('the README recipe outside GitHub: GITHUB_* files that do not exist yet are created', async () => {
    const repo = exampleRepo()
    const files = filesIn(repo)
    const result = await step(node, 'index.js', repo, {
      ...files,
      INPUT_ENVIRONMENT: 'dev',
      INPUT_DRY_RUN: 'true',
      // A plan-only preview: the example's targets have no credentials here.
      INPUT_PREFLIGHT: 'false'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(readFileCommands(files.GITHUB_OUTPUT)).toMatchObject({
      environment: 'dev',
      status: 'planned'
    })
    expect(readFileCommands(files.GITHUB_STATE)).toHaveProperty('deploy_pipeline_run')
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain(
      '## 📝 dry run: nothing changed'
    )
  })

  it('main: GITHUB_OUTPUT in a directory that does not exist fails in one line, after the summary', async () => {
    const repo = exampleRepo()
    const files = { ...filesIn(repo), GITHUB_OUTPUT: join(repo.dir, 'missing/output') }
    const result = await step(node, 'index.js', repo, {
      ...files,
      INPUT_ENVIRONMENT: 'dev',
      INPUT_DRY_RUN: 'true',
      // A plan-only preview: the example's targets have no credentials here.
      INPUT_PREFLIGHT: 'false'
    })
    const message = `GITHUB_OUTPUT is ${files.GITHUB_OUTPUT}, in a directory that does not exist`
    expectOneCleanFailure(result, `::error::DEPLOY_FAILED: outputs not written: ${message}`)
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
    expect(summary).toContain('## 📝 dry run: nothing changed')
    expect(summary).toContain(message)
    expect(readFileCommands(files.GITHUB_STATE).deploy_pipeline_run).toContain('"finished":true')
  })

  it.each(crashes)(
    'main: %s while a phase waits stops the run, which still writes its summary and card',
    async (_, kind) => {
      const repo = exampleRepo()
      const files = filesIn(repo)
      const before = slack.calls.length
      const result = await step(node, 'index.js', repo, waitingMain(repo, files), {
        kind,
        after: '::group::VERSION'
      })
      const lines = expectOneCleanFailure(
        result,
        /^::error::DEPLOY_FAILED: the main step crashed: crash seam: /
      )
      expectReadableStack(lines)
      const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
      expect(summary).toContain('## ❌ failed at VERSION: DEPLOY_FAILED')
      expect(summary).toContain('the main step crashed: crash seam')
      expect(readFileCommands(files.GITHUB_OUTPUT)).toMatchObject({ status: 'failure' })
      expect(readFileCommands(files.GITHUB_STATE).deploy_pipeline_run).toContain('"finished":true')
      // The card posted at INIT was finished as failed, by main itself.
      expect(slack.calls.slice(before)).toContain('chat.update')
      const card = slack.messages.filter(m => m.channel === 'C0DEPLOYS').at(-1)
      expect(JSON.stringify(card?.versions.at(-1))).toContain('DEPLOY_FAILED')
      const log = result.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
      expect(log.join('\n')).not.toContain(TOKEN)
    }
  )

  it.each(crashes)(
    'post: %s fails the post step in one line, with a readable stack',
    async (_, kind) => {
      const repo = exampleRepo()
      mkdirSync(join(repo.dir, '.runner-temp'))
      const result = await step(node, 'post.js', repo, unfinishedMainState(repo), {
        kind,
        after: 'reporting it as cancelled'
      })
      const lines = expectOneCleanFailure(
        result,
        /^::error::DEPLOY_FAILED: the post step crashed: crash seam: /
      )
      expectReadableStack(lines)
      // The post step went on after the crash: the event log is still closed.
      const events = readFileSync(join(repo.dir, 'events.ndjson'), 'utf8').trim().split('\n')
      expect(events.map(line => (JSON.parse(line) as { type: string }).type)).toEqual([
        'stage',
        'error',
        'done'
      ])
    }
  )
})
