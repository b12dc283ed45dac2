import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { connectGitHub, type GitHubApi, type GitHubTuning } from '../../src/clients/github.js'
import { githubTagSource } from '../../src/clients/github-tags.js'
import { tagSourceFor } from '../../src/clients/tag-source.js'
import type { TagSource } from '../../src/plan/tags.js'
import { runReleasePhase, runTagPhase } from '../../src/phases/release.js'
import type { RetryNotice } from '../../src/runtime/retry.js'
import { withDeadlinesHeld } from '../fixtures/deadlines.js'
import { nth } from '../fixtures/nth.js'
import { waitUntil } from '../fixtures/wait.js'
import {
  on,
  primaryRateLimit,
  secondaryRateLimit,
  tooManyRequests,
  type GitHubSimulator
} from '../simulators/github.js'
import {
  FAST,
  PACED,
  prepareRun,
  settingsFor,
  startPointedSimulator,
  tagsOf,
  type Run
} from './fixtures.js'

/**
 * Every GitHub call the TAG and RELEASE phases make, against throttling, 5xx, dropped connections,
 * hangs and malformed answers, through the real Octokit chain (plugins included, writes paced).
 * Whatever a test printed, logged or threw is scanned for the token afterwards.
 */
let sim: GitHubSimulator
let a: string
let notices: RetryNotice[]
const seen: string[] = []
const runs: Run[] = []
/** Tokens a test used besides the simulator's own: none of them may appear anywhere either. */
const otherTokens: string[] = []

beforeEach(async () => {
  sim = await startPointedSimulator()
  notices = []
  const base = sim.commit('chore: initial commit')
  sim.tag('v1.1.0', base)
  for (let n = 1; n <= 120; n++) {
    sim.tag(`v1.2.0-dev.${n}`, sim.commit(n === 1 ? 'feat: search page' : `fix: change ${n}`))
  }
  a = sim.commit('fix: cart total')
})

afterEach(async () => {
  await sim.close()
  const everything = [
    ...seen.splice(0),
    ...runs.splice(0).map(r => r.output()),
    JSON.stringify(notices)
  ].join('\n')
  expect(sim.requests.some(r => r.headers.authorization === `token ${sim.token}`)).toBe(true)
  for (const token of [sim.token, ...otherTokens.splice(0)]) {
    expect(everything).not.toContain(token)
  }
})

async function source(tuning: GitHubTuning = PACED): Promise<{ api: GitHubApi; tags: TagSource }> {
  const api = await connectGitHub({
    token: sim.token,
    apiUrl: sim.url,
    tuning,
    onRetry: notice => notices.push(notice)
  })
  return { api, tags: githubTagSource(api, 'acme', 'shop') }
}

async function run(): Promise<Run> {
  const prepared = await prepareRun(sim, { sha: a, createRelease: true })
  runs.push(prepared)
  return prepared
}

async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e as Error
  )
  // inspect shows the cause chain too: Octokit's RequestError keeps the request it sent.
  seen.push(inspect(error, { depth: 8 }))
  return error
}

describe('throttling', () => {
  it('waits the Retry-After of a 429 and reads every tag', async () => {
    sim.faults.inject(tooManyRequests(1), { match: on('GET', '/git/matching-refs/') })
    const tags = await (await source()).tags.listTags()

    expect(tags).toHaveLength(121)
    expect(sim.faultsServed).toEqual(['status'])
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ throttled: true, reason: 'HTTP 429 throttled' })
    expect(notices[0]?.delayMs).toBeGreaterThanOrEqual(1000)
  })

  it('logs each retry of the planner tag reads when given a logger', async () => {
    sim.faults.inject(tooManyRequests(1), { match: on('GET', '/git/matching-refs/') })
    const lines: string[] = []
    const settings = settingsFor(sim, { sha: a })
    const tags = await tagSourceFor(settings, { info: l => lines.push(l), tuning: FAST })

    expect(await tags.listTags()).toHaveLength(121)
    expect(lines).toEqual([
      'GitHub list tags (page 1): HTTP 429 throttled (throttled); trying again in 1 s'
    ])
    seen.push(...lines)
  })

  it('waits out a 403 secondary rate limit on creating the tag', async () => {
    const r = await run()
    sim.faults.inject(secondaryRateLimit(1), { match: on('POST', '/git/refs') })
    await runTagPhase(r.ctx, PACED)

    expect(r.ctx.state.tag).toBe('v1.2.0-dev.121')
    expect(tagsOf(sim)['v1.2.0-dev.121']).toBe(a)
    expect(r.core.rawLog()).toMatch(
      /GitHub create tag v1\.2\.0-dev\.121: GitHub secondary rate limit \(throttled\); trying again in 1 s/
    )
  })

  it('waits for x-ratelimit-reset after a 403 primary rate limit on compare', async () => {
    sim.faults.inject(primaryRateLimit(1), { match: on('GET', '/compare/') })
    const messages = await (await source()).tags.commitMessagesSince('v1.1.0', a)

    expect(messages).toHaveLength(121)
    expect(notices[0]).toMatchObject({ throttled: true, reason: 'GitHub API rate limit exhausted' })
    expect(notices[0]?.delayMs).toBeGreaterThanOrEqual(1000)
  })

  it('gives up at once, saying until when, when the rate limit resets too late to wait', async () => {
    sim.faults.inject(primaryRateLimit(3600), { match: on('GET', '/git/matching-refs/') })
    const failure = await failureOf((await source()).tags.listTags())

    expect(failure.code).toBe('RELEASE_FAILED')
    expect(failure.message).toMatch(
      /^GitHub API rate limit exhausted until \d{4}-\d\d-\d\dT[\d:.]+Z while reading the tags of acme\/shop\.$/
    )
    expect(sim.requests.filter(r => r.path.includes('/matching-refs/'))).toHaveLength(1)
  })
})

describe('server errors and dropped connections', () => {
  it('retries 5xx answers on creating the release and creates it once', async () => {
    const r = await run()
    await runTagPhase(r.ctx, FAST)
    sim.faults.inject(
      { kind: 'status', status: 502, body: { message: 'Server Error' } },
      { times: 2, match: on('POST', '/releases') }
    )
    await runReleasePhase(r.ctx, PACED)

    expect(sim.releases).toHaveLength(1)
    expect(r.ctx.state.releaseUrl).toBe(nth(sim.releases, 0, 'release').html_url)
    expect(r.core.lines.filter(l => /: HTTP 502; trying again in /.test(l))).toHaveLength(2)
  })

  it('retries a dropped connection on creating the tag', async () => {
    const r = await run()
    sim.faults.inject({ kind: 'reset' }, { match: on('POST', '/git/refs') })
    await runTagPhase(r.ctx, PACED)

    expect(sim.faultsServed).toEqual(['reset'])
    expect(r.ctx.state.tag).toBe('v1.2.0-dev.121')
    expect(tagsOf(sim)['v1.2.0-dev.121']).toBe(a)
  })

  it('recognises a tag created by an attempt whose answer was lost, instead of taking another', async () => {
    const r = await run()
    sim.faults.inject({ kind: 'lost-answer' }, { match: on('POST', '/git/refs') })
    await runTagPhase(r.ctx, FAST)

    expect(r.ctx.state.tag).toBe('v1.2.0-dev.121')
    const onDeployedCommit = Object.entries(tagsOf(sim)).filter(([, sha]) => sha === a)
    expect(onDeployedCommit.map(([tag]) => tag)).toEqual(['v1.2.0-dev.121'])
    expect(r.bus.events.at(-1)?.message).toBe(
      `tag v1.2.0-dev.121 already points at ${a.slice(0, 7)}: reused`
    )
    expect(sim.faultsServed).toEqual(['lost-answer'])
  })

  it('recognises a release created by an attempt whose answer was lost: no duplicate', async () => {
    const r = await run()
    await runTagPhase(r.ctx, FAST)
    // The create itself, not generate-notes (also a POST under /releases).
    sim.faults.inject(
      { kind: 'lost-answer' },
      { match: r => r.method === 'POST' && r.path.endsWith('/releases') }
    )
    await runReleasePhase(r.ctx, FAST)

    expect(sim.faultsServed).toEqual(['lost-answer'])
    expect(sim.releases).toHaveLength(1)
    expect(r.ctx.state.releaseUrl).toBe(nth(sim.releases, 0, 'release').html_url)
  })

  it('abandons an attempt that hangs past its timeout and tries again', async () => {
    const r = await run()
    await runTagPhase(r.ctx, FAST)
    sim.faults.inject({ kind: 'hang' }, { match: on('GET', '/releases/tags/') })
    // The deadline passes once the hang is seen. FAST: with pacing on, Octokit's throttling would
    // schedule its own work with the held timers.
    await withDeadlinesHeld(async pass => {
      const releasing = runReleasePhase(r.ctx, { ...FAST, attemptTimeoutMs: 3_000 })
      await waitUntil('the hang', () => sim.faultsServed.includes('hang'))
      await pass(3_000)
      await releasing
    })

    expect(sim.faultsServed).toEqual(['hang'])
    expect(sim.releases).toHaveLength(1)
    expect(r.core.rawLog()).toMatch(/did not answer within 3 s; trying again in /)
  })
})

describe('malformed answers', () => {
  it('tries a truncated answer again', async () => {
    sim.faults.inject({ kind: 'malformed' }, { match: on('GET', '/git/matching-refs/') })
    const tags = await (await source(FAST)).tags.listTags()
    expect(tags).toHaveLength(121)
    expect(notices[0]?.reason).toBe(
      'GitHub answered list tags (page 1) with a malformed body (expected a list of refs)'
    )
  })

  it('fails with RELEASE_FAILED naming the call when the answer stays malformed', async () => {
    sim.faults.inject(
      { kind: 'malformed', body: '{"message": "not refs"}' },
      { times: 10, match: on('GET', '/git/matching-refs/') }
    )
    const failure = await failureOf((await source(FAST)).tags.listTags())
    expect(failure.code).toBe('RELEASE_FAILED')
    expect(failure.message).toBe(
      'GitHub answered list tags (page 1) with a malformed body (expected a list of refs) ' +
        'while reading the tags of acme/shop; try the run again.'
    )
    expect(sim.faultsServed).toHaveLength(FAST.attempts!)
  })

  it('fails with RELEASE_FAILED when a ref in the list has no commit', async () => {
    sim.faults.inject(
      { kind: 'status', status: 200, body: [{ ref: 'refs/tags/v9.9.9', object: {} }] },
      { times: 10, match: on('GET', '/git/matching-refs/') }
    )
    const failure = await failureOf((await source(FAST)).tags.listTags())
    expect(failure.code).toBe('RELEASE_FAILED')
    expect(failure.message).toMatch(/expected refs with an object type/)
  })
})

describe('pagination', () => {
  it('does not follow a next-page link to another host, where the token would go', async () => {
    sim.faults.inject(
      {
        kind: 'status',
        status: 200,
        headers: { link: '<http://collector.example/tags?page=2>; rel="next"' },
        body: []
      },
      { match: on('GET', '/git/matching-refs/') }
    )
    const failure = await failureOf((await source(FAST)).tags.listTags())
    expect(failure.code).toBe('RELEASE_FAILED')
    expect(failure.message).toBe(
      `GitHub's next-page link leads away from ${sim.url} to http://collector.example; ` +
        'it was not followed'
    )
    expect(sim.requests).toHaveLength(1)
  })
})

describe('the token', () => {
  it('is rejected with advice and never printed', async () => {
    const wrongToken = 'ghs_wrongTokenValue'
    otherTokens.push(wrongToken)
    const api = await connectGitHub({ token: wrongToken, apiUrl: sim.url, tuning: FAST })
    const failure = await failureOf(githubTagSource(api, 'acme', 'shop').listTags())
    expect(failure.code).toBe('RELEASE_FAILED')
    expect(failure.message).toBe(
      'GitHub rejected the token while reading the tags of acme/shop (401 Bad credentials); ' +
        'check the github_token input.'
    )
    // The message and the cause chain (Octokit's error, its request and headers) are not
    // enumerable: inspect sees them, JSON.stringify would not.
    const shown = inspect(failure, { depth: 8 })
    expect(shown).toContain('Bad credentials')
    expect(shown).not.toContain(wrongToken)
    await (await source(FAST)).tags.listTags() // a request with the real token, for afterEach
  })
})
