import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { EventBus } from '../src/events/bus.js'
import { run } from '../src/main.js'
import { planChangedOnly } from '../src/phases/changes.js'
import type { Plan } from '../src/plan/types.js'
import { createTestRepo, type TestRepo } from './fixtures/git-repo.js'
import { recordingToolkit } from './fixtures/toolkit.js'
import { startGitHubSimulator, type GitHubSimulator } from './simulators/github.js'
import {
  requireRegistryTools,
  startAnonymousRegistry,
  type LocalRegistry
} from './simulators/registry.js'

/**
 * changed_only: a commit touching one service builds and deploys that service only, compared
 * with the environment's last successful deployment (GitHub Deployments and compare, through the
 * GitHub simulator), and the plan says why the others are left out. Without a token the local
 * repository and the channel's previous tag do the same.
 */
const EPOCH = String(Date.parse('2026-11-23T22:00:00Z') / 1000)

function shop(registry: string, extra = ''): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': `registry: ${registry}/shop
services:
  api:
    build: {context: api}
  webui:
    build: {context: webui}
${extra}`,
    'api/Dockerfile': 'FROM scratch\nCOPY api.txt /srv/api.txt\n',
    'api/api.txt': 'api 1\n',
    'webui/Dockerfile': 'FROM scratch\nCOPY index.html /srv/index.html\n',
    'webui/index.html': '<p>shop</p>\n'
  })
}

/** A deployment of this action, as GitHub lists it, and its statuses. */
function deployed(
  github: GitHubSimulator,
  sha: string,
  states: string[],
  environment = 'dev'
): void {
  github.deployments.push({
    id: 700 + github.deployments.length,
    sha,
    ref: sha,
    environment,
    task: 'deploy',
    description: 'earlier run',
    production_environment: false,
    payload: { deployment_id: `dep_${github.deployments.length}_1` },
    statuses: states.map((state, i) => ({
      id: 800 + i,
      state,
      environment_url: '',
      log_url: '',
      description: state
    }))
  })
}

describe('changed_only against GitHub', () => {
  let github: GitHubSimulator
  let registry: LocalRegistry | undefined
  let repo: TestRepo
  let base: string
  let head: string
  const tools = requireRegistryTools('changed_only builds')

  beforeAll(async () => {
    github = await startGitHubSimulator()
    registry = tools ? await startAnonymousRegistry() : undefined
    repo = shop(registry?.host ?? '127.0.0.1:5999')
    base = repo.git('rev-parse', 'HEAD')
    github.commit('chore: initial commit', undefined, undefined, {
      sha: base,
      files: ['api/api.txt', 'webui/index.html']
    })
    head = repo.commit('fix(api): answer 2', { 'api/api.txt': 'api 2\n' })
    github.commit('fix(api): answer 2', base, undefined, {
      sha: head,
      files: ['api/api.txt', 'file-2.txt']
    })
    // The environment's history: an older run that failed, the last one that succeeded at base.
    deployed(github, base, ['in_progress', 'success'])
    deployed(github, head, ['in_progress', 'failure'])
  })

  afterAll(async () => {
    await Promise.all([github?.close(), registry?.stop()])
  })

  const env = (): NodeJS.ProcessEnv => ({
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: join(repo.dir, '.runner-temp'),
    GITHUB_SHA: head,
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: github.url,
    SOURCE_DATE_EPOCH: EPOCH
  })

  it('plans the one service the commit touched, and says why the other is left out', async () => {
    const core = recordingToolkit({
      environment: 'dev',
      phase: 'plan',
      changed_only: 'true',
      preflight: 'false',
      github_token: github.token
    })
    expect(await run(core, { env: env() })).toBe('success')
    const plan = JSON.parse(core.outputs.plan as string) as Plan
    expect(plan.services.map(s => s.name)).toEqual(['api'])
    expect(plan.changes).toMatchObject({
      base,
      baseFrom: 'the last successful deployment to dev, #700',
      changed: [{ name: 'api', reason: '1 changed file under its paths: api/api.txt' }],
      unchanged: [
        {
          name: 'webui',
          reason: `no change under webui/**, webui/Dockerfile since ${base.slice(0, 7)} (the last successful deployment to dev, #700)`
        }
      ]
    })
    expect(JSON.parse(core.outputs.matrix as string)).toEqual({
      include: [
        { service: 'api', platform: 'linux/amd64', runner: 'ubuntu-24.04' },
        { service: 'api', platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' }
      ]
    })
    expect(core.rawLog()).toContain('webui left out: no change under webui/**')
    // compare was asked for the files between the two commits.
    expect(github.requests.some(r => r.path.endsWith(`/compare/${base}...${head}`))).toBe(true)
  })

  const maybe = tools ? it : it.skip
  maybe('builds and pushes that service only in one step', async () => {
    const core = recordingToolkit({
      environment: 'dev',
      changed_only: 'true',
      preflight: 'false',
      builder: 'buildah',
      cache: 'none',
      github_token: github.token
    })
    expect(await run(core, { env: env() })).toBe('success')
    const images = JSON.parse(core.outputs.images as string) as Record<string, string>
    expect(Object.keys(images)).toEqual(['api'])
    const tags = async (name: string): Promise<string[]> => {
      const response = await registry!.api(`/v2/shop/${name}/tags/list`)
      if (response.status === 404) return []
      return ((await response.json()) as { tags: string[] | null }).tags ?? []
    }
    expect(await tags('api')).toEqual(['dev-2611232200'])
    expect(await tags('webui')).toEqual([])
    expect(core.summaries.join('\n')).toContain('webui left out')
  })

  it('runs every service when the environment has no successful deployment and no tag', async () => {
    const core = recordingToolkit({
      environment: 'stage',
      phase: 'plan',
      changed_only: 'true',
      preflight: 'false',
      github_token: github.token
    })
    expect(await run(core, { env: env() })).toBe('success')
    const plan = JSON.parse(core.outputs.plan as string) as Plan
    expect(plan.services.map(s => s.name)).toEqual(['api', 'webui'])
    expect(plan.changes?.changed.map(c => c.reason)).toEqual([
      'nothing to compare with (no successful deployment to stage and no earlier rc tag): every service runs',
      'nothing to compare with (no successful deployment to stage and no earlier rc tag): every service runs'
    ])
  })
})

describe('changed_only without a token: the local repository', () => {
  it("compares with the channel's previous tag and follows redeploy_with", async () => {
    const repo = shop(
      '127.0.0.1:5999',
      '    redeploy_with: [api]\n  docs:\n    build: {context: docs}\n'
    )
    repo.commit('docs', { 'docs/Dockerfile': 'FROM scratch\n' })
    repo.tag('v0.1.0-dev.1')
    const head = repo.commit('fix(api): answer 2', { 'api/api.txt': 'api 2\n' })
    const core = recordingToolkit({ environment: 'dev', preflight: 'false' })
    const { readSettings } = await import('../src/settings/index.js')
    const settings = await readSettings(core, {
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: join(repo.dir, '.runner-temp')
    })
    const { buildPlan } = await import('../src/plan/index.js')
    const { localTagSource } = await import('../src/clients/git.js')
    const plan = await buildPlan(settings, async () => localTagSource(repo.dir), new Date())
    const bus = new EventBus(() => undefined)
    const narrowed = await planChangedOnly(settings, plan, bus, new AbortController().signal)
    expect(narrowed.commit).toBe(head)
    expect(narrowed.changes?.baseFrom).toBe('the previous dev tag v0.1.0-dev.1')
    expect(narrowed.changes?.changed).toEqual([
      { name: 'api', reason: '1 changed file under its paths: api/api.txt' },
      { name: 'webui', reason: 'redeploy_with: api runs' }
    ])
    expect(narrowed.changes?.unchanged.map(s => s.name)).toEqual(['docs'])
    expect(narrowed.services.map(s => s.name)).toEqual(['api', 'webui'])
  })

  it('lists changed files, both paths of a rename, and knows a commit a shallow clone lacks', async () => {
    const repo = createTestRepo({ 'api/a.txt': 'a\n', 'webui/old.html': 'old\n' })
    const base = repo.git('rev-parse', 'HEAD')
    repo.git('mv', 'webui/old.html', 'webui/new.html')
    const head = repo.commit('move', { 'api/a.txt': 'b\n' })
    const { localChangedFiles } = await import('../src/clients/git.js')
    expect((await localChangedFiles(repo.dir, base, head))?.sort()).toEqual([
      'api/a.txt',
      'file-2.txt',
      'webui/new.html',
      'webui/old.html'
    ])
    expect(await localChangedFiles(repo.dir, 'f'.repeat(40), head)).toBeUndefined()
  })
})
