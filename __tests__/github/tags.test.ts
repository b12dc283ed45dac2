import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { connectGitHub } from '../../src/clients/github.js'
import { githubTagSource } from '../../src/clients/github-tags.js'
import { DeployError } from '../../src/errors.js'
import { runTagPhase } from '../../src/phases/release.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import type { GitHubSimulator } from '../simulators/github.js'
import {
  FAST,
  PACED,
  planRun,
  prepareRun,
  runFor,
  seedDevHistory,
  settingsFor,
  startPointedSimulator,
  tagsOf
} from './fixtures.js'

let sim: GitHubSimulator
let a: string
let b: string

beforeEach(async () => {
  sim = await startPointedSimulator()
  ;({ a, b } = seedDevHistory(sim))
})

afterEach(async () => {
  await sim.close()
})

const refWrites = (): string[] => sim.writes.filter(w => w.includes('/git/refs'))
const movedRefs = (): number =>
  sim.requests.filter(r => r.path.includes('/git/refs/') && r.method !== 'GET').length

describe('creating the tag through the API', () => {
  it('gives two concurrent runs on different commits different sequence numbers', async () => {
    const runA = await prepareRun(sim, { sha: a, runId: '1' })
    const runB = await prepareRun(sim, { sha: b, runId: '2' })
    // Both planned before either created: the race is real, not simulated.
    expect(runA.plan.version.gitTag).toBe('v1.2.0-dev.3')
    expect(runB.plan.version.gitTag).toBe('v1.2.0-dev.3')

    // PACED: the Octokit chain exactly as in Actions, writes paced by plugin-throttling.
    await Promise.all([runTagPhase(runA.ctx, PACED), runTagPhase(runB.ctx, PACED)])

    const claimed = [runA.ctx.state.tag, runB.ctx.state.tag].sort()
    expect(claimed).toEqual(['v1.2.0-dev.3', 'v1.2.0-dev.4'])
    expect(tagsOf(sim)[runA.ctx.state.tag!]).toBe(a)
    expect(tagsOf(sim)[runB.ctx.state.tag!]).toBe(b)
    expect(refWrites()).toHaveLength(2)
    expect(movedRefs()).toBe(0)
    const loser = runA.ctx.state.tag === 'v1.2.0-dev.4' ? runA : runB
    expect(loser.bus.events.map(e => e.message).join('\n')).toMatch(
      /v1\.2\.0-dev\.3 was taken by another commit; trying v1\.2\.0-dev\.4/
    )
  })

  it('gives two concurrent runs on the same commit the same tag, created once', async () => {
    const first = await prepareRun(sim, { sha: a, runId: '1' })
    const second = await prepareRun(sim, { sha: a, runId: '2' })

    await Promise.all([runTagPhase(first.ctx, PACED), runTagPhase(second.ctx, PACED)])

    expect(first.ctx.state.tag).toBe('v1.2.0-dev.3')
    expect(second.ctx.state.tag).toBe('v1.2.0-dev.3')
    expect(refWrites()).toEqual([`POST /repos/acme/shop/git/refs 201`])
    expect(tagsOf(sim)['v1.2.0-dev.3']).toBe(a)
  })

  it('creates nothing new when the same commit is deployed again', async () => {
    const first = await prepareRun(sim, { sha: a })
    await runTagPhase(first.ctx, FAST)
    const writesBefore = sim.writes.length

    const rerun = await prepareRun(sim, { sha: a, runId: '7002' })
    expect(rerun.plan.version).toMatchObject({ gitTag: 'v1.2.0-dev.3', reused: true })
    await runTagPhase(rerun.ctx, FAST)

    expect(rerun.ctx.state.tag).toBe('v1.2.0-dev.3')
    expect(sim.writes).toHaveLength(writesBefore)
    expect(
      sim.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/refs'))
    ).toHaveLength(1)
  })

  it('takes the next free number when a competitor wins at the moment of creation', async () => {
    const run = await prepareRun(sim, { sha: a })
    sim.beforeWrite = request => {
      if (request.path.endsWith('/git/refs') && !sim.refs.has('refs/tags/v1.2.0-dev.3')) {
        sim.tag('v1.2.0-dev.3', b)
      }
    }
    await runTagPhase(run.ctx, FAST)
    expect(run.ctx.state.tag).toBe('v1.2.0-dev.4')
    expect(tagsOf(sim)).toMatchObject({ 'v1.2.0-dev.3': b, 'v1.2.0-dev.4': a })
  })

  it('gives up with TAG_CONFLICT when competitors keep taking every number (bounded)', async () => {
    const run = await prepareRun(sim, { sha: a })
    sim.beforeWrite = request => {
      const wanted = request.json<{ ref?: string }>()?.ref
      if (wanted && !sim.refs.has(wanted)) sim.tag(wanted.replace('refs/tags/', ''), b)
    }
    const failure = await runTagPhase(run.ctx, FAST).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(DeployError)
    expect(failure).toMatchObject({ code: 'TAG_CONFLICT' })
    expect((failure as Error).message).toMatch(/5 tags in a row were taken by concurrent runs/)
    expect(run.ctx.state.tag).toBeUndefined()
    expect(refWrites()).toHaveLength(0)
  })

  it('fails with TAG_CONFLICT and creates nothing when the stable tag is on another commit', async () => {
    sim.tag('v1.2.0', b)
    const settings = settingsFor(sim, { sha: a, environment: 'prod', version: '1.2.0' })
    const failure = await planRun(settings).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'TAG_CONFLICT' })
    expect((failure as Error).message).toMatch(/v1\.2\.0 already exists on commit/)
    expect(sim.writes).toEqual([])
  })

  it('fails with TAG_CONFLICT when the stable tag appears on another commit after planning', async () => {
    const run = await prepareRun(sim, { sha: a, environment: 'prod', version: '1.2.0' })
    expect(run.plan.version.gitTag).toBe('v1.2.0')
    sim.tag('v1.2.0', b) // another run released 1.2.0 from another commit meanwhile

    const failure = await runTagPhase(run.ctx, FAST).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'TAG_CONFLICT' })
    expect((failure as Error).message).toMatch(/tags are never moved/)
    expect(tagsOf(sim)['v1.2.0']).toBe(b)
    expect(refWrites()).toEqual([])
    expect(movedRefs()).toBe(0)
  })

  it('creates the tag in the local repository when there is no token', async () => {
    const repo = createTestRepo()
    repo.tag('v0.3.0')
    const head = repo.commit('feat: offline mode')
    const local = settingsFor(sim, { sha: head, token: null })
    const settings = { ...local, context: { ...local.context, workspace: repo.dir } }
    const run = runFor(settings, await planRun(settings))

    await runTagPhase(run.ctx, FAST)

    expect(run.ctx.state.tag).toBe('v0.4.0-dev.1')
    expect(repo.git('rev-parse', 'v0.4.0-dev.1^{commit}')).toBe(head)
    expect(sim.requests).toHaveLength(0)
  })
})

describe('reading tags and commits through the API', () => {
  it('considers every tag, well past 100, and peels annotated ones', async () => {
    for (let n = 3; n <= 160; n++) {
      sim.tag(`v1.2.0-dev.${n}`, n % 2 ? a : b, { annotated: n % 3 === 0 })
    }
    sim.tag('nightly', a)
    sim.tag('vNext', a)
    const fresh = sim.commit('fix: late change', a)
    const settings = settingsFor(sim, { sha: fresh })
    const plan = await planRun(settings)

    expect(plan.version.gitTag).toBe('v1.2.0-dev.161')
    const pages = sim.requests.filter(r => r.path.includes('/git/matching-refs/'))
    expect(pages.length).toBe(1) // GitHub answers every matching ref at once
    const api = await connectGitHub({ token: sim.token, apiUrl: sim.url, tuning: FAST })
    const tags = await githubTagSource(api, 'acme', 'shop').listTags()
    expect(tags).toHaveLength(161) // v1.1.0 + dev.1 ... dev.160; 'vNext' is no version
    expect(tags.find(t => t.name === 'v1.2.0-dev.150')?.sha).toBe(b) // annotated, peeled
    expect(tags.find(t => t.name === 'v1.2.0-dev.2')?.sha).toBe(sim.commits.get(a)!.parents[0])
  })

  it('reads every commit since the base tag across compare pages', async () => {
    let head = a
    for (let i = 1; i <= 230; i++) {
      head = sim.commit(i === 220 ? 'refactor!: drop the v1 cart API' : `fix: change ${i}`, head)
    }
    const api = await connectGitHub({ token: sim.token, apiUrl: sim.url, tuning: FAST })
    const messages = await githubTagSource(api, 'acme', 'shop').commitMessagesSince('v1.1.0', head)

    expect(messages).toHaveLength(233) // dev.1, dev.2, a and the 230 above, oldest first
    expect(messages[0]).toBe('feat: search page')
    expect(messages.at(-1)).toBe('fix: change 230')
    expect(sim.requests.filter(r => r.path.includes('/compare/')).length).toBe(3)
    const plan = await planRun(settingsFor(sim, { sha: head }))
    expect(plan.version.gitTag).toBe('v2.0.0-dev.1')
  })

  it('reads the whole history when there is no stable tag yet', async () => {
    sim.refs.clear()
    const plan = await planRun(settingsFor(sim, { sha: a }))
    expect(plan.version.gitTag).toBe('v0.1.0-dev.1')
    expect(sim.requests.some(r => r.path.endsWith('/commits'))).toBe(true)
  })
})
