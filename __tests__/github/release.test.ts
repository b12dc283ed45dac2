import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { runReleasePhase, runTagPhase } from '../../src/phases/release.js'
import { nth } from '../fixtures/nth.js'
import type { GitHubSimulator } from '../simulators/github.js'
import {
  FAST,
  prepareRun,
  seedDevHistory,
  startPointedSimulator,
  type Run,
  type RunOptions
} from './fixtures.js'

let sim: GitHubSimulator
let a: string
let b: string
const runs: Run[] = []

beforeEach(async () => {
  sim = await startPointedSimulator()
  ;({ a, b } = seedDevHistory(sim))
})

afterEach(async () => {
  await sim.close()
  for (const run of runs.splice(0)) expect(run.output()).not.toContain(sim.token)
})

async function run(options: Omit<RunOptions, 'createRelease'>): Promise<Run> {
  const prepared = await prepareRun(sim, { ...options, createRelease: true })
  runs.push(prepared)
  return prepared
}

async function tagAndRelease(r: Run): Promise<void> {
  await runTagPhase(r.ctx, FAST)
  await runReleasePhase(r.ctx, FAST)
}

const releaseBodies = (): Array<Record<string, unknown>> =>
  sim.requests
    .filter(r => r.method === 'POST' && r.path.endsWith('/releases'))
    .map(r => r.json<Record<string, unknown>>())

describe('the GitHub Release', () => {
  it('makes dev a pre-release, never latest, with notes since the previous dev tag', async () => {
    const dev = await run({ sha: a })
    await tagAndRelease(dev)

    expect(sim.releases).toHaveLength(1)
    const release = nth(sim.releases, 0, 'release')
    expect(release).toMatchObject({ tag_name: 'v1.2.0-dev.3', name: 'v1.2.0-dev.3' })
    expect(release.prerelease).toBe(true)
    expect(release.body).toContain('**Full Changelog**: v1.2.0-dev.2...v1.2.0-dev.3')
    expect(release.body).toContain('* fix: cart total')
    expect(releaseBodies()[0]).toMatchObject({ make_latest: 'false', target_commitish: a })
    expect(sim.latestReleaseId()).toBeUndefined()
    expect(dev.ctx.state.releaseUrl).toBe(release.html_url)
  })

  it('makes prod a full release marked latest, with notes since the previous stable tag', async () => {
    const prod = await run({ sha: a, environment: 'prod' })
    expect(prod.plan.version.gitTag).toBe('v1.2.0')
    await tagAndRelease(prod)

    const release = nth(sim.releases, 0, 'release')
    expect(release).toMatchObject({ tag_name: 'v1.2.0', prerelease: false, draft: false })
    expect(release.body).toContain('v1.1.0...v1.2.0')
    expect(releaseBodies()[0]).toMatchObject({ make_latest: 'true' })
    expect(sim.latestReleaseId()).toBe(release.id)
  })

  it('updates the release on a re-run instead of creating another, keeping edited notes', async () => {
    await tagAndRelease(await run({ sha: a }))
    nth(sim.releases, 0, 'release').body = 'Hand-written notes'
    const rerun = await run({ sha: a, runId: '7002' })
    await tagAndRelease(rerun)

    expect(sim.releases).toHaveLength(1)
    const release = nth(sim.releases, 0, 'release')
    expect(release.body).toBe('Hand-written notes')
    expect(rerun.ctx.state.releaseUrl).toBe(release.html_url)
    expect(rerun.bus.events.at(-1)?.message).toMatch(/^updated pre-release v1\.2\.0-dev\.3/)
    expect(releaseBodies()).toHaveLength(1)
  })

  it('never duplicates the release when two runs of the same commit release at once', async () => {
    const first = await run({ sha: a, runId: '1' })
    const second = await run({ sha: a, runId: '2' })
    await Promise.all([tagAndRelease(first), tagAndRelease(second)])

    expect(sim.releases).toHaveLength(1)
    const release = nth(sim.releases, 0, 'release')
    expect(first.ctx.state.releaseUrl).toBe(release.html_url)
    expect(second.ctx.state.releaseUrl).toBe(release.html_url)
  })

  it('waits out the read-after-write delay when a concurrent creator got there first', async () => {
    const r = await run({ sha: a })
    await runTagPhase(r.ctx, FAST)
    sim.beforeWrite = request => {
      if (request.path.endsWith('/releases') && sim.releases.length === 0) {
        sim.releases.push({
          id: 999,
          tag_name: 'v1.2.0-dev.3',
          target_commitish: a,
          name: 'v1.2.0-dev.3',
          body: '',
          draft: false,
          prerelease: false,
          html_url: 'https://github.example/acme/shop/releases/tag/v1.2.0-dev.3',
          created_at: new Date().toISOString()
        })
        sim.lagReleaseReads(2) // the competitor's release is not readable yet
      }
    }
    await runReleasePhase(r.ctx, FAST)

    expect(sim.releases).toHaveLength(1)
    expect(sim.releases[0]).toMatchObject({ id: 999, prerelease: true })
    expect(sim.releases[0]?.body).toContain('Full Changelog')
    const byTag = sim.requests.filter(q => q.path.includes('/releases/tags/'))
    expect(byTag.length).toBe(4) // before creating, then 404, 404, found
    expect(r.bus.events.map(e => e.message)).toContain(
      'the release of v1.2.0-dev.3 was created concurrently; updating it instead'
    )
  })

  it('releases the tag a lost race moved to, under that name', async () => {
    const runA = await run({ sha: a, runId: '1' })
    const runB = await run({ sha: b, runId: '2' })
    await Promise.all([tagAndRelease(runA), tagAndRelease(runB)])

    const names = sim.releases.map(r => `${r.tag_name}=${r.name}`).sort()
    expect(names).toEqual(['v1.2.0-dev.3=v1.2.0-dev.3', 'v1.2.0-dev.4=v1.2.0-dev.4'])
    const releaseOf = (tag: string) => sim.releases.find(r => r.tag_name === tag)!
    expect(releaseOf(runA.ctx.state.tag!).target_commitish).toBe(a)
    expect(releaseOf(runB.ctx.state.tag!).target_commitish).toBe(b)
  })

  it('fails with RELEASE_FAILED and a clear message on a malformed answer', async () => {
    const r = await run({ sha: a })
    await runTagPhase(r.ctx, FAST)
    sim.faults.inject(
      { kind: 'malformed', status: 201, body: '{"id": 12, "html_u' },
      { times: 10, match: q => q.method === 'POST' && q.path.endsWith('/releases') }
    )
    const failure = await runReleasePhase(r.ctx, FAST).catch((e: unknown) => e)

    expect(failure).toMatchObject({ code: 'RELEASE_FAILED' })
    expect((failure as Error).message).toBe(
      'GitHub answered create the release of v1.2.0-dev.3 with a malformed body ' +
        '(expected a release with an id) while creating the release of v1.2.0-dev.3; ' +
        'try the run again.'
    )
    expect(r.ctx.state.releaseUrl).toBeUndefined()
  })

  it('names the missing permission when the token may not write contents', async () => {
    const r = await run({ sha: a })
    sim.permissions.contents = 'read'
    const failure = await runTagPhase(r.ctx, FAST).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'RELEASE_FAILED' })
    expect((failure as Error).message).toMatch(
      /GitHub refused creating tag v1\.2\.0-dev\.3 on [0-9a-f]{7} \(403 Resource not accessible by integration\)\. Give the workflow job `permissions: contents: write`/
    )
  })

  it('fails with RELEASE_FAILED before calling GitHub when there is no token', async () => {
    const r = await run({ sha: a })
    const tokenless = { ...r.ctx, settings: { ...r.ctx.settings, githubToken: undefined } }
    const failure = await runReleasePhase(tokenless, FAST).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'RELEASE_FAILED' })
    expect((failure as Error).message).toMatch(/create_release needs a GitHub token/)
    expect(sim.releases).toHaveLength(0)
  })
})
