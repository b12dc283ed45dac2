import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { markGitHubDeployment, startGitHubDeployment } from '../../src/phases/github-deployment.js'
import type { Plan } from '../../src/plan/types.js'
import { sleep } from '../../src/runtime/sleep.js'
import type { Settings } from '../../src/settings/types.js'
import { nth } from '../fixtures/nth.js'
import { waitUntil } from '../fixtures/wait.js'
import { on, tooManyRequests, type GitHubSimulator } from '../simulators/github.js'
import type { SimRequest } from '../simulators/http.js'
import { FAST, PACED, planRun, settingsFor, startPointedSimulator } from './fixtures.js'

let sim: GitHubSimulator
let a: string
let warnings: string[]
let infos: string[]
const warn = (message: string): void => void warnings.push(message)
const log = { warn, info: (message: string): void => void infos.push(message) }
const running = new AbortController().signal

beforeEach(async () => {
  sim = await startPointedSimulator()
  warnings = []
  infos = []
  sim.tag('v1.1.0', sim.commit('chore: initial commit'))
  a = sim.commit('feat: search page')
})

afterEach(async () => {
  await sim.close()
  expect([...warnings, ...infos].join('\n')).not.toContain(sim.token)
})

async function runOf(
  environment: 'dev' | 'stage' | 'prod' = 'dev',
  runId = '7001'
): Promise<{ settings: Settings; plan: Plan }> {
  const settings = settingsFor(sim, { sha: a, environment, runId })
  return { settings, plan: await planRun(settings) }
}

const states = (index: number): string[] =>
  nth(sim.deployments, index, 'deployment').statuses.map(s => s.state)

const creates = (request: SimRequest): boolean =>
  request.method === 'POST' && request.path.endsWith('/deployments')

const inProgress = (request: SimRequest): boolean =>
  on('POST', '/statuses')(request) && request.json<{ state?: string }>()?.state === 'in_progress'

const unavailable = {
  kind: 'status',
  status: 503,
  body: { message: 'Service Unavailable' }
} as const

/** Starts the deployment with `match` throttled for 8 s and cancels the run once it waits. */
async function cancelWhileThrottled(
  match: (request: SimRequest) => boolean
): ReturnType<typeof startGitHubDeployment> {
  const { settings, plan } = await runOf('dev')
  sim.faults.inject(tooManyRequests(8), { match })
  const cancel = new AbortController()
  // The throttled wait is really taken, so that the cancel comes during it.
  const waiting = { ...FAST, sleep }
  const started = startGitHubDeployment(settings, plan, log, cancel.signal, waiting)
  await waitUntil('the retry to be logged', () => infos.length > 0)
  cancel.abort(new Error('the workflow was cancelled'))
  return started
}

describe('GitHub Deployments', () => {
  it('records the deployment of the commit: in_progress, then success with its URL', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, log, running, PACED)

    expect(deployment?.id).toBe(nth(sim.deployments, 0, 'deployment').id)
    expect(sim.deployments[0]).toMatchObject({
      sha: a,
      ref: a,
      environment: 'dev',
      production_environment: false,
      payload: { deployment_id: 'dep_7001_1' }
    })
    expect(states(0)).toEqual(['in_progress'])

    await deployment!.finish('success', 'https://shop.dev.example.com')
    const final = sim.deployments[0]?.statuses.at(-1)
    expect(final).toMatchObject({
      state: 'success',
      environment_url: 'https://shop.dev.example.com',
      log_url: 'https://github.example/acme/shop/actions/runs/7001'
    })
    expect(warnings).toEqual([])
  })

  it('marks the previous deployment of the environment inactive when a new one succeeds', async () => {
    const first = await runOf('prod', '1')
    await (await startGitHubDeployment(first.settings, first.plan, log, running, FAST))!.finish(
      'success'
    )
    const second = await runOf('prod', '2')
    await (await startGitHubDeployment(second.settings, second.plan, log, running, FAST))!.finish(
      'success',
      'https://shop.example.com'
    )

    expect(sim.deployments[1]?.production_environment).toBe(true)
    expect(states(0)).toEqual(['in_progress', 'success', 'inactive'])
    expect(states(1)).toEqual(['in_progress', 'success'])
  })

  it('leaves the running deployment active when the new one fails', async () => {
    const first = await runOf('stage', '1')
    await (await startGitHubDeployment(first.settings, first.plan, log, running, FAST))!.finish(
      'success'
    )
    const second = await runOf('stage', '2')
    await (await startGitHubDeployment(second.settings, second.plan, log, running, FAST))!.finish(
      'failure'
    )

    expect(states(0)).toEqual(['in_progress', 'success'])
    expect(states(1)).toEqual(['in_progress', 'failure'])
  })

  it('warns and goes on when the token may not write deployments', async () => {
    sim.permissions.deployments = 'none'
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, log, running, FAST)

    expect(deployment).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^GitHub Deployments \(best effort, the deploy goes on\): GitHub refused creating a deployment to dev \(403 Resource not accessible by integration\)\. Give the workflow job `permissions: deployments: write`/
    )
  })

  it('warns instead of failing when a final status cannot be set', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, log, running, FAST)
    sim.faults.inject(unavailable, { times: 10, match: on('POST', '/statuses') })
    await expect(deployment!.finish('success')).resolves.toBeUndefined()
    expect(warnings[0]).toMatch(/marking deployment \d+ success: Service Unavailable/)
  })

  it('retries a throttled status and still records it', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, log, running, FAST)
    sim.faults.inject(tooManyRequests(1), { match: on('POST', '/statuses') })
    await deployment!.finish('failure')
    expect(sim.faultsServed).toEqual(['status'])
    expect(states(0)).toEqual(['in_progress', 'failure'])
    expect(infos).toEqual([
      `GitHub set deployment ${deployment!.id} failure: HTTP 429 throttled (throttled); trying again in 1 s`
    ])
  })

  it('stops waiting on a throttled create as soon as the run is cancelled', async () => {
    // Without the signal the retry would come 8 s later and create the deployment.
    expect(await cancelWhileThrottled(creates)).toBeUndefined()
    expect(infos[0]).toBe(
      'GitHub create a deployment to dev: HTTP 429 throttled (throttled); trying again in 8 s'
    )
    expect(sim.requests.filter(creates)).toHaveLength(1)
    expect(sim.deployments).toHaveLength(0)
    expect(warnings).toEqual([])
  })

  it('gives up at once on a long Retry-After and tries a failing create only twice', async () => {
    const { settings, plan } = await runOf('dev')
    sim.faults.inject(tooManyRequests(60), { match: creates })
    expect(await startGitHubDeployment(settings, plan, log, running, FAST)).toBeUndefined()
    expect(sim.requests.filter(creates)).toHaveLength(1)

    sim.faults.inject(unavailable, { times: 10, match: creates })
    expect(await startGitHubDeployment(settings, plan, log, running, FAST)).toBeUndefined()
    expect(sim.requests.filter(creates)).toHaveLength(3)
    expect(warnings).toHaveLength(2)
    expect(warnings[1]).toMatch(/creating a deployment to dev: Service Unavailable/)
  })

  it('still finishes a created deployment whose in_progress status failed', async () => {
    const { settings, plan } = await runOf('dev')
    sim.faults.inject(unavailable, { times: 10, match: inProgress })
    const deployment = await startGitHubDeployment(settings, plan, log, running, FAST)

    expect(deployment?.id).toBe(nth(sim.deployments, 0, 'deployment').id)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/marking deployment \d+ in_progress: Service Unavailable/)
    await deployment!.finish('success', 'https://shop.dev.example.com')
    expect(states(0)).toEqual(['success'])
  })

  it('hands back the created deployment when cancelled while marking it in_progress', async () => {
    const deployment = await cancelWhileThrottled(inProgress)
    expect(infos[0]).toMatch(/^GitHub set deployment \d+ in_progress: HTTP 429 throttled/)
    expect(deployment?.id).toBe(nth(sim.deployments, 0, 'deployment').id)
    expect(warnings).toEqual([])
    await deployment!.finish('inactive')
    expect(states(0)).toEqual(['inactive'])
  })

  it('lets the post step mark a cancelled run inactive by its id', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, log, running, FAST)
    await markGitHubDeployment(settings, deployment!.id, 'inactive', undefined, warn, FAST)
    expect(states(0)).toEqual(['in_progress', 'inactive'])
  })

  it('creates nothing in a dry run or without a token', async () => {
    const { settings, plan } = await runOf('dev')
    expect(await startGitHubDeployment(settings, { ...plan, dryRun: true }, log)).toBeUndefined()
    const tokenless = { ...settings, githubToken: undefined }
    expect(await startGitHubDeployment(tokenless, plan, log)).toBeUndefined()
    expect(sim.deployments).toHaveLength(0)
  })
})
