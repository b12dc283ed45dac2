import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Plan } from '../src/plan/types.js'
import { createTestRepo, type TestRepo } from './fixtures/git-repo.js'
import { jobDirectory, runJob, type JobResult } from './fixtures/job-process.js'
import { startGitHubSimulator, type GitHubSimulator } from './simulators/github.js'
import { startSlackSimulator, type SlackSimulator } from './simulators/slack.js'
import {
  requireRegistryTools,
  startAnonymousRegistry,
  type LocalRegistry
} from './simulators/registry.js'

/**
 * Past one runner (docs/scaling.md): the plan job, one build job per service and platform, and
 * the deploy job, each its own process with its own temp dir and builder storage, as separate
 * runners are, handing over only what a workflow hands over (outputs, record files as artifacts).
 * Against the real registry: the final indexes hold exactly the build jobs' digests, nothing is
 * tagged before the deploy job, and the images are the ones a single `phase: all` step builds
 * for the same commit and clock. And changed_only against the GitHub simulator.
 */
const tools = requireRegistryTools('scaling: plan, build and deploy jobs')
const maybe = tools ? describe : describe.skip

const SLACK_TOKEN = 'xoxb-scaling-test-token-0123456789'
const EPOCH = String(Date.parse('2026-11-23T22:00:00Z') / 1000)
const SERVICES = ['api', 'webui'] as const
const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const

function configFor(registry: string, extra = ''): string {
  return `registry: ${registry}/shop
platforms: [linux/amd64, linux/arm64]
services:
  api:
    build: {context: api}
  webui:
    build: {context: webui}
    depends_on: [api]
${extra}`
}

function shopRepo(registry: string, extra = ''): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': configFor(registry, extra),
    'api/Dockerfile': 'FROM scratch\nCOPY api.txt /srv/api.txt\n',
    'api/api.txt': 'api 1\n',
    'webui/Dockerfile': 'FROM scratch\nCOPY index.html /srv/index.html\n',
    'webui/index.html': '<p>shop</p>\n',
    'broken/Dockerfile': 'FROM scratch\nCOPY missing.txt /\n'
  })
}

interface Index {
  mediaType: string
  manifests: Array<{
    mediaType: string
    digest: string
    platform: { os: string; architecture: string }
  }>
}

async function tags(registry: LocalRegistry, repository: string): Promise<string[]> {
  const response = await registry.api(`/v2/${repository}/tags/list`)
  if (response.status === 404) return []
  return ((await response.json()) as { tags: string[] | null }).tags ?? []
}

async function index(registry: LocalRegistry, repository: string, tag: string): Promise<Index> {
  const response = await registry.api(`/v2/${repository}/manifests/${tag}`, {
    headers: { accept: 'application/vnd.oci.image.index.v1+json' }
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Index
}

/** platform -> manifest digest of an index. */
function byPlatform(found: Index): Record<string, string> {
  return Object.fromEntries(
    found.manifests.map(m => [`${m.platform.os}/${m.platform.architecture}`, m.digest])
  )
}

function expectSucceeded(job: JobResult): void {
  if (job.code !== 0) throw new Error(`job failed (${job.code}):\n${job.stdout}\n${job.stderr}`)
}

maybe('phase: plan, build and deploy as separate jobs', () => {
  let registry: LocalRegistry
  let single: LocalRegistry
  let github: GitHubSimulator
  let slack: SlackSimulator
  let repo: TestRepo
  let root: string
  let sha: string
  const env = (): Record<string, string> => ({
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_SHA: sha,
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: github.url,
    SOURCE_DATE_EPOCH: EPOCH
  })
  const inputs = { environment: 'dev', github_token: '', builder: 'buildah', cache: 'none' }

  beforeAll(async () => {
    ;[registry, single, github, slack] = await Promise.all([
      startAnonymousRegistry(),
      startAnonymousRegistry(),
      startGitHubSimulator(),
      startSlackSimulator({ token: SLACK_TOKEN, channels: { C0DEPLOYS: { member: true } } })
    ])
    repo = shopRepo(registry.host)
    sha = repo.git('rev-parse', 'HEAD')
    github.commit('chore: initial commit', undefined, undefined, { sha })
    root = mkdtempSync(join(tmpdir(), 'scaling-jobs-'))
  })

  afterAll(async () => {
    await Promise.all([registry?.stop(), single?.stop(), github?.close(), slack?.close()])
  })

  it('builds each platform natively by digest, tags only in the deploy job, and equals the single step', async () => {
    // The status card: posted by the plan job, edited by the others, ended by the deploy job.
    const token = {
      github_token: github.token,
      slack_bot_token: SLACK_TOKEN,
      slack_channel: 'C0DEPLOYS',
      slack_api_url: slack.apiUrl
    }
    const plan = await runJob(jobDirectory(root, 'plan'), env(), {
      ...inputs,
      ...token,
      phase: 'plan'
    })
    expectSucceeded(plan)
    const matrix = JSON.parse(plan.outputs.matrix as string) as {
      include: Array<{ service: string; platform: string; runner: string }>
    }
    expect(matrix.include).toEqual(
      SERVICES.flatMap(service =>
        PLATFORMS.map(platform => ({
          service,
          platform,
          runner: platform === 'linux/amd64' ? 'ubuntu-24.04' : 'ubuntu-24.04-arm'
        }))
      )
    )
    const handed = JSON.parse(plan.outputs.plan as string) as Plan
    for (const service of SERVICES) expect(await tags(registry, `shop/${service}`)).toEqual([])

    // Each matrix job on a runner of its own, all at once.
    const builds = await Promise.all(
      matrix.include.map(entry =>
        runJob(
          jobDirectory(root, `build-${entry.service}-${entry.platform.replace('/', '-')}`),
          env(),
          {
            ...inputs,
            ...token,
            phase: 'build',
            plan: plan.outputs.plan as string,
            service: entry.service,
            platform: entry.platform
          }
        )
      )
    )
    builds.forEach(expectSucceeded)
    // Pushed by digest: the images are there, no tag is.
    for (const service of SERVICES) expect(await tags(registry, `shop/${service}`)).toEqual([])
    expect(github.deployments).toEqual([])

    // upload-artifact / download-artifact: every record file into one directory.
    const records = join(root, 'records')
    mkdirSync(records, { recursive: true })
    for (const build of builds) {
      const file = build.outputs.record_file as string
      copyFileSync(file, join(records, basename(file)))
    }
    const deploy = await runJob(jobDirectory(root, 'deploy'), env(), {
      ...inputs,
      ...token,
      phase: 'deploy',
      plan: plan.outputs.plan as string,
      records
    })
    expectSucceeded(deploy)

    const tag = handed.version.imageTag
    const images = JSON.parse(deploy.outputs.images as string) as Record<string, string>
    const split: Record<string, Record<string, string>> = {}
    for (const service of SERVICES) {
      expect(await tags(registry, `shop/${service}`)).toEqual([tag])
      const found = await index(registry, `shop/${service}`, tag)
      expect(found.mediaType).toBe('application/vnd.oci.image.index.v1+json')
      split[service] = byPlatform(found)
      const built = Object.fromEntries(
        matrix.include
          .map((entry, i) => [entry, builds[i] as JobResult] as const)
          .filter(([entry]) => entry.service === service)
          .map(([entry, job]) => [entry.platform, job.outputs.digest as string])
      )
      // Exactly the build jobs' digests, for both platforms.
      expect(split[service]).toEqual(built)
      expect(Object.keys(built).sort()).toEqual([...PLATFORMS])
      expect(images[service]).toMatch(
        new RegExp(`^${registry.host}/shop/${service}:${tag}@sha256:`)
      )
    }

    // One card for the whole workflow: posted once, by the plan job; the last job completed it.
    const cards = slack.messages.filter(m => m.channel === 'C0DEPLOYS' && !m.threadTs)
    expect(slack.calls.filter(call => call === 'chat.postMessage')).toHaveLength(1)
    expect(cards).toHaveLength(1)
    expect(cards[0]?.versions.length).toBeGreaterThan(2)
    expect(cards[0]?.versions.at(-1)?.text).toContain('completed')
    expect(cards[0]?.versions.slice(0, -1).every(v => !v.text.includes('completed'))).toBe(true)
    // Each build job showed its own line on the way.
    const shown = cards[0]?.versions.slice(0, -1).map(v => JSON.stringify(v)) ?? []
    for (const platform of PLATFORMS) {
      expect(shown.some(v => v.includes(`pushed ${platform} as `))).toBe(true)
    }

    // The single step, same commit and clock, another registry: the same images, byte for byte.
    const all = await runJob(jobDirectory(root, 'all'), env(), {
      ...inputs,
      registry: `${single.host}/shop`
    })
    expectSucceeded(all)
    for (const service of SERVICES) {
      expect(byPlatform(await index(single, `shop/${service}`, tag))).toEqual(split[service])
    }
  })

  it('a failed build job tags nothing and deploys nothing; the deploy job refuses a missing platform', async () => {
    const extra = '  broken:\n    build: {context: broken}\n'
    const failing = shopRepo(registry.host, extra)
    const failingSha = failing.git('rev-parse', 'HEAD')
    github.commit('feat: broken', undefined, undefined, { sha: failingSha })
    // Another clock than the test above: another image tag, so that any tag seen is this run's.
    const failingEnv = {
      ...env(),
      GITHUB_WORKSPACE: failing.dir,
      GITHUB_SHA: failingSha,
      SOURCE_DATE_EPOCH: String(Number(EPOCH) + 3600)
    }
    const token = { github_token: github.token }
    const plan = await runJob(jobDirectory(root, 'plan-2'), failingEnv, {
      ...inputs,
      ...token,
      phase: 'plan'
    })
    expectSucceeded(plan)
    const handed = JSON.parse(plan.outputs.plan as string) as Plan
    const before = await tags(registry, 'shop/broken')

    const job = (service: string, platform: string): Promise<JobResult> =>
      runJob(jobDirectory(root, `b2-${service}-${platform.replace('/', '-')}`), failingEnv, {
        ...inputs,
        ...token,
        phase: 'build',
        plan: plan.outputs.plan as string,
        service,
        platform
      })
    const broken = await job('broken', 'linux/amd64')
    expect(broken.code).toBe(1)
    expect(broken.outputs.status).toBe('failure')
    expect(broken.stdout).toContain('BUILD_FAILED')
    expect(await tags(registry, 'shop/broken')).toEqual(before)
    expect(github.deployments).toEqual([])

    // api built for amd64 only: the deploy job is handed one platform of two.
    const api = await job('api', 'linux/amd64')
    expectSucceeded(api)
    const deploy = await runJob(jobDirectory(root, 'deploy-2'), failingEnv, {
      ...inputs,
      ...token,
      phase: 'deploy',
      plan: plan.outputs.plan as string,
      records: `[${api.outputs.record}]`
    })
    expect(deploy.code).toBe(1)
    expect(deploy.stdout).toContain('INVALID_INPUT')
    expect(deploy.stdout).toContain('no record of api linux/arm64')
    expect(deploy.stdout).toContain('nothing was tagged')
    expect(await tags(registry, 'shop/api')).not.toContain(handed.version.imageTag)
    expect(github.deployments).toEqual([])
  })
})
