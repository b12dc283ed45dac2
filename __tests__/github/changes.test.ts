import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { connectGitHub, MalformedAnswer, type GitHubApi } from '../../src/clients/github.js'
import {
  COMPARE_FILE_CAP,
  changedFilesBetween,
  lastSuccessfulDeployment
} from '../../src/clients/github-changes.js'
import {
  on,
  startGitHubSimulator,
  tooManyRequests,
  type GitHubSimulator
} from '../simulators/github.js'

/**
 * changed_only's GitHub calls: the environment's last successful deployment of this action, and
 * the files of a comparison, through the real Octokit chain against the simulator, with
 * throttling, 5xx, dropped connections, hangs and malformed answers.
 */
let sim: GitHubSimulator
let api: GitHubApi
let base: string
let head: string

beforeEach(async () => {
  sim = await startGitHubSimulator({ defaultPerPage: 2 })
  api = await connectGitHub({
    token: sim.token,
    apiUrl: sim.url,
    tuning: {
      attempts: 3,
      baseDelayMs: 1,
      attemptTimeoutMs: 2000,
      maxRetryAfterMs: 1500,
      paceWrites: false
    }
  })
  base = sim.commit('chore: start', undefined, undefined, { files: ['api/a.go'] })
  for (let n = 1; n <= 5; n++)
    sim.commit(`fix: ${n}`, undefined, undefined, { files: [`web/${n}.html`] })
  head = sim.commit('fix(api): b', undefined, undefined, { files: ['api/b.go', 'web/1.html'] })
})
afterEach(async () => sim.close())

function deployment(
  sha: string,
  states: string[],
  extra: Partial<{ environment: string; task: string; payload: unknown }> = {}
): void {
  sim.deployments.push({
    id: 500 + sim.deployments.length,
    sha,
    ref: sha,
    environment: extra.environment ?? 'dev',
    task: extra.task ?? 'deploy',
    description: '',
    production_environment: false,
    payload: extra.payload ?? { deployment_id: 'dep_1_1' },
    statuses: states.map((state, i) => ({
      id: 900 + i,
      state,
      environment_url: '',
      log_url: '',
      description: ''
    }))
  })
}

describe('lastSuccessfulDeployment', () => {
  it('is the newest of this action that reached success, even if a later one made it inactive', async () => {
    deployment(base, ['in_progress', 'success', 'inactive'])
    deployment(head, ['in_progress', 'success'], { payload: { from: 'another tool' } })
    deployment(head, ['in_progress', 'failure'])
    deployment(head, ['success'], { environment: 'prod' })
    expect(await lastSuccessfulDeployment(api, sim.owner, sim.repo, 'dev')).toEqual({
      id: 500,
      sha: base
    })
    expect(await lastSuccessfulDeployment(api, sim.owner, sim.repo, 'stage')).toBeUndefined()
  })

  it('waits out throttling and a 5xx, and tries a dropped connection again', async () => {
    deployment(base, ['success'])
    sim.faults.inject(tooManyRequests(1), { match: on('GET', '/deployments') })
    sim.faults.inject({ kind: 'status', status: 502 }, { match: on('GET', '/statuses') })
    sim.faults.inject({ kind: 'reset' }, { match: on('GET', '/deployments') })
    expect(await lastSuccessfulDeployment(api, sim.owner, sim.repo, 'dev')).toEqual({
      id: 500,
      sha: base
    })
    expect(sim.faultsServed.sort()).toEqual(['reset', 'status', 'status'])
  })

  it('gives up on an answer that stays malformed, or a GitHub that hangs', async () => {
    sim.faults.inject(
      { kind: 'malformed', body: '[{"id": "x"' },
      { times: 3, match: on('GET', '/deployments') }
    )
    await expect(lastSuccessfulDeployment(api, sim.owner, sim.repo, 'dev')).rejects.toBeInstanceOf(
      Error
    )
    sim.faults.clear()
    sim.faults.inject({ kind: 'hang' }, { times: 3, match: on('GET', '/deployments') })
    await expect(lastSuccessfulDeployment(api, sim.owner, sim.repo, 'dev')).rejects.toThrow(
      /timed out|did not answer|hang|time/i
    )
  })

  it('refuses a deployment list that is not a list', async () => {
    sim.faults.inject(
      { kind: 'status', status: 200, body: { message: 'nope' } },
      { times: 3, match: on('GET', '/deployments') }
    )
    await expect(lastSuccessfulDeployment(api, sim.owner, sim.repo, 'dev')).rejects.toBeInstanceOf(
      MalformedAnswer
    )
  })
})

describe('changedFilesBetween', () => {
  it('reads every page of the comparison and keeps each file once', async () => {
    // More commits than one page of 100: the comparison comes in pages.
    for (let n = 0; n < 100; n++)
      sim.commit(`chore: ${n}`, undefined, undefined, { files: ['web/1.html'] })
    head = sim.commit('fix: last', undefined, undefined, { files: ['api/b.go'] })
    const files = await changedFilesBetween(api, sim.owner, sim.repo, base, head)
    expect(files?.sort()).toEqual([
      'api/b.go',
      'web/1.html',
      'web/2.html',
      'web/3.html',
      'web/4.html',
      'web/5.html'
    ])
    expect(sim.requests.filter(r => r.path.includes('/compare/')).length).toBeGreaterThan(1)
  })

  it('survives a throttled page and a dropped connection', async () => {
    sim.faults.inject(tooManyRequests(1), { match: on('GET', '/compare/') })
    sim.faults.inject({ kind: 'reset' }, { match: on('GET', '/compare/') })
    expect(await changedFilesBetween(api, sim.owner, sim.repo, base, head)).toHaveLength(6)
  })

  it("is unknown when the list reaches GitHub's cap", async () => {
    const many = Array.from({ length: COMPARE_FILE_CAP + 5 }, (_, i) => `gen/${i}.txt`)
    const big = sim.commit('chore: generate', undefined, undefined, { files: many })
    expect(await changedFilesBetween(api, sim.owner, sim.repo, head, big)).toBeUndefined()
  })
})
