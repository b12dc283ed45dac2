import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventBus } from '../../src/events/bus.js'
import type { GitHubTuning } from '../../src/clients/github.js'
import { emptyRunState, type PhaseContext } from '../../src/phases/context.js'
import { tagSourceFor } from '../../src/clients/tag-source.js'
import { buildPlan } from '../../src/plan/index.js'
import type { Plan } from '../../src/plan/types.js'
import type { Environment, Settings } from '../../src/settings/types.js'
import { ANSWERED_IN_TIME_MS } from '../fixtures/deadlines.js'
import { testSettings } from '../fixtures/settings.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'
import { startGitHubSimulator, type GitHubSimulator } from '../simulators/github.js'

/**
 * Short waits so that retries and read-after-write waits take milliseconds, not seconds; the waits
 * between attempts (Retry-After, x-ratelimit-reset, backoff) are asked for but not taken, and the
 * retry notices say how long they were. PACED keeps the production pacing of writes (one a second,
 * plugin-throttling) for the tests that exercise the whole Octokit chain as it runs in Actions;
 * FAST turns only that pacing off.
 */
export const PACED: GitHubTuning = {
  attempts: 4,
  baseDelayMs: 10,
  attemptTimeoutMs: ANSWERED_IN_TIME_MS,
  settleIntervalMs: 20,
  settleTimeoutMs: ANSWERED_IN_TIME_MS,
  sleep: async () => undefined
}

export const FAST: GitHubTuning = { ...PACED, paceWrites: false }

export const NOW = new Date('2026-11-24T07:03:05Z')

export interface RunOptions {
  environment?: Environment
  sha: string
  createRelease?: boolean
  version?: string
  /** undefined: the simulator's token; null: no token at all. */
  token?: string | null
  runId?: string
}

/** The settings of one run against the simulator, as readSettings would build them in Actions. */
export function settingsFor(sim: GitHubSimulator, options: RunOptions): Settings {
  const environment = options.environment ?? 'dev'
  const runId = options.runId ?? '7001'
  return testSettings({
    environment,
    createTag: true,
    createRelease: options.createRelease ?? false,
    version: options.version,
    githubToken: options.token === null ? undefined : (options.token ?? sim.token),
    eventsFile: join(tmpdir(), 'github-test-events.ndjson'),
    deploymentId: `dep_${runId}_1`,
    platforms: [],
    context: {
      sha: options.sha,
      owner: sim.owner,
      repo: sim.repo,
      runId,
      serverUrl: 'https://github.example',
      apiUrl: sim.url,
      apiUrlGiven: true,
      runUrl: `https://github.example/${sim.owner}/${sim.repo}/actions/runs/${runId}`
    }
  })
}

/** The real planner, reading tags and commits from the simulator through the API. */
export async function planRun(settings: Settings): Promise<Plan> {
  return buildPlan(settings, () => tagSourceFor(settings, { tuning: FAST }), NOW)
}

export interface Run {
  readonly settings: Settings
  readonly plan: Plan
  readonly ctx: PhaseContext
  readonly core: RecordingToolkit
  readonly bus: EventBus
  /** Everything a user would see: log lines, warnings and events. */
  output(): string
}

export async function prepareRun(sim: GitHubSimulator, options: RunOptions): Promise<Run> {
  const settings = settingsFor(sim, options)
  const plan = await planRun(settings)
  return runFor(settings, plan)
}

export function runFor(settings: Settings, plan: Plan, signal?: AbortSignal): Run {
  const core = recordingToolkit()
  if (settings.githubToken) core.setSecret(settings.githubToken)
  const bus = new EventBus(message => core.warning(message))
  const ctx: PhaseContext = {
    settings,
    plan,
    bus,
    core,
    signal: signal ?? new AbortController().signal,
    state: emptyRunState()
  }
  return {
    settings,
    plan,
    ctx,
    core,
    bus,
    output: () => [core.rawLog(), ...bus.events.map(e => JSON.stringify(e))].join('\n')
  }
}

/** The commit each version tag of the simulator points at (annotated tags peeled). */
export function tagsOf(sim: GitHubSimulator): Record<string, string> {
  const out: Record<string, string> = {}
  for (const ref of sim.refs.values()) {
    let object = ref.object
    while (object.type === 'tag') object = sim.tagObjects.get(object.sha)!.object
    out[ref.ref.replace('refs/tags/', '')] = object.sha
  }
  return out
}

/**
 * A simulator that GITHUB_API_URL points at, as in Actions; `close` stops it and puts the
 * variable back.
 */
export async function startPointedSimulator(): Promise<GitHubSimulator> {
  const saved = process.env.GITHUB_API_URL
  const sim = await startGitHubSimulator()
  process.env.GITHUB_API_URL = sim.url
  const close = sim.close
  return Object.assign(sim, {
    close: async () => {
      await close()
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
    }
  })
}

/**
 * v1.1.0, then v1.2.0-dev.1 (a feat) and v1.2.0-dev.2 (annotated), then two untagged sibling
 * commits `a` and `b`: a dev run of either plans v1.2.0-dev.3.
 */
export function seedDevHistory(sim: GitHubSimulator): { a: string; b: string } {
  sim.tag('v1.1.0', sim.commit('chore: initial commit'))
  sim.tag('v1.2.0-dev.1', sim.commit('feat: search page'))
  const dev2 = sim.commit('fix: search paging')
  sim.tag('v1.2.0-dev.2', dev2, { annotated: true })
  return { a: sim.commit('fix: cart total', dev2), b: sim.commit('fix: cart rounding', dev2) }
}
