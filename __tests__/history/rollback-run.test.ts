import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/main.js'
import { readDeploymentRecord } from '../../src/plan/deployment-record.js'
import { digest, seedDeployment } from '../fixtures/deployment-history.js'
import { readEvents } from '../fixtures/pipeline.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'
import { withEcsSimulator } from '../targets/ecs-fixtures.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../simulators/argocd.js'
import type { EcsSimulator } from '../simulators/ecs.js'
import { startGitHubSimulator, type GitHubSimulator } from '../simulators/github.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'

/**
 * `rollback: previous` through run(), as a workflow_dispatch to stage: the history is seeded in
 * the GitHub simulator (three successful stage deployments, one failed one, other environments'
 * and other tools' deployments between them), and the rollback must put the second-to-last
 * successful digests back on ECS and Argo CD without building, pushing or tagging. The
 * "registry" is a server that answers nothing useful: any login or write reaching it is counted.
 */
const ARGOCD_TOKEN = 'argocd-token-rollback-9c1f'
const SLACK_TOKEN = 'xoxb-1111-2222-ROLLBACKsecret'
const CHANNEL = 'C0DEPLOYS'
const EPOCH = String(Date.parse('2026-11-24T05:00:00Z') / 1000)

interface World {
  github: GitHubSimulator
  argocd: ArgoCdSimulator
  ecs: EcsSimulator
  slack: SlackSimulator
  registry: SimServer
  registryHost: string
  inputs: Record<string, string>
  env: NodeJS.ProcessEnv
  close(): Promise<void>
}

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

async function startWorld(): Promise<World> {
  const closers: (() => Promise<void>)[] = []
  const registry = await startHttpServer(() => ({ status: 500, body: { errors: [] } }))
  closers.push(() => registry.close())
  const registryHost = `127.0.0.1:${registry.port}`
  const github = await startGitHubSimulator()
  closers.push(() => github.close())
  github.tag('v1.4.0', github.commit('chore: initial commit'))
  const head = github.commit('feat: search')
  const argocd = await startArgoCdSimulator({
    token: ARGOCD_TOKEN,
    apps: [
      {
        name: 'shop-webui',
        project: 'shop',
        spec: {
          project: 'shop',
          source: {
            repoURL: 'https://github.com/acme/charts',
            path: 'charts/webui',
            targetRevision: 'main',
            helm: { parameters: [{ name: 'image.tag', value: 'v1.3.0-rc.1' }] }
          },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }
        },
        images: {
          helm: { tagParameter: 'image.tag', defaultRepository: `${registryHost}/shop/webui` }
        }
      }
    ]
  })
  closers.push(() => argocd.close())
  const ecs = await withEcsSimulator({ controller: 'rolling', scenario: 'success' })
  closers.push(() => ecs.close())
  const slack = await startSlackSimulator({ token: SLACK_TOKEN })
  closers.push(() => slack.close())
  const repo = createTestRepo({
    '.github/deploy.yml': `registry: ${registryHost}/shop
timezone: Asia/Seoul
services:
  api:
    build: {context: api}
    deploy:
      ecs: {cluster: shop, service: api, container: app, region: us-east-1}
  webui:
    build: {context: webui}
    depends_on: [api]
    deploy:
      argocd: {app: shop-webui, project: shop, helm_parameter: image.tag}
`,
    'api/Dockerfile': 'FROM scratch\n',
    'webui/Dockerfile': 'FROM scratch\n'
  })
  const runnerTemp = mkdtempSync(join(tmpdir(), 'rollback-runner-'))
  closers.push(async () => {
    rmSync(runnerTemp, { recursive: true, force: true })
    rmSync(repo.dir, { recursive: true, force: true })
  })
  return {
    github,
    argocd,
    ecs,
    slack,
    registry,
    registryHost,
    inputs: {
      environment: 'stage',
      rollback: 'previous',
      create_tag: 'true',
      create_release: 'true',
      github_token: github.token,
      builder: 'buildah',
      argocd_server: argocd.url,
      argocd_token: ARGOCD_TOKEN,
      slack_bot_token: SLACK_TOKEN,
      slack_channel: CHANNEL,
      slack_api_url: slack.apiUrl,
      poll_interval: '1s',
      deploy_timeout: '60s'
    },
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: runnerTemp,
      GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
      GITHUB_SHA: head,
      GITHUB_REF_NAME: 'main',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_ACTOR: 'octo',
      GITHUB_RUN_ID: '5151',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_API_URL: github.url,
      SOURCE_DATE_EPOCH: EPOCH
    },
    close: async () => {
      for (const close of closers.reverse()) await close()
    }
  }
}

/** A deployment a past run left: its record and its statuses. */
function seed(
  w: World,
  environment: string,
  tag: string | undefined,
  seedChar: string,
  states: string[],
  at: string
): number {
  return seedDeployment(w.github, {
    environment,
    tag,
    seedChar,
    states,
    at,
    services: {
      api: { image: `${w.registryHost}/shop/api`, target: 'ECS rolling shop/api' },
      webui: { image: `${w.registryHost}/shop/webui`, target: 'Argo CD app shop-webui' }
    }
  })
}

/** Three successful stage deployments, a failed one after them, and noise around them. */
function seedHistory(w: World): { second: number; third: number } {
  seed(
    w,
    'stage',
    'v1.1.0-rc.1',
    '1',
    ['in_progress', 'success', 'inactive'],
    '2026-11-20T01:00:00Z'
  )
  for (let i = 0; i < 110; i++)
    seed(w, 'stage', undefined, '0', ['success'], '2026-11-20T02:00:00Z')
  const second = seed(
    w,
    'stage',
    'v1.2.0-rc.1',
    '2',
    ['in_progress', 'success', 'inactive'],
    '2026-11-21T01:00:00Z'
  )
  seed(w, 'dev', 'v1.3.0-dev.1', '9', ['success'], '2026-11-21T02:00:00Z')
  const third = seed(
    w,
    'stage',
    'v1.3.0-rc.1',
    '3',
    ['in_progress', 'success'],
    '2026-11-22T01:00:00Z'
  )
  seed(w, 'stage', 'v1.4.0-rc.1', '4', ['in_progress', 'failure'], '2026-11-23T01:00:00Z')
  return { second, third }
}

async function runWorld(
  w: World,
  extra: Record<string, string> = {}
): Promise<{ core: RecordingToolkit; status: string }> {
  const core = recordingToolkit({ ...w.inputs, ...extra })
  const status = await run(core, { env: w.env })
  return { core, status }
}

describe('rollback through run()', () => {
  it('puts the second-to-last successful digests back, builds and tags nothing, and records it', async () => {
    const w = (world = await startWorld())
    const { second, third } = seedHistory(w)
    const before = w.github.deployments.length
    const tagsBefore = [...w.github.refs.keys()].filter(r => r.startsWith('refs/tags/')).sort()

    const { core, status } = await runWorld(w)

    expect(core.failures).toEqual([])
    expect(status).toBe('success')

    // ECS runs the recorded api digest; Argo CD the recorded webui tag.
    expect(w.ecs.registered).toHaveLength(1)
    const container = (
      w.ecs.registered[0]?.containerDefinitions as { name: string; image: string }[]
    ).find(c => c.name === 'app')
    expect(container?.image).toBe(`${w.registryHost}/shop/api@${digest('2')}`)
    expect(w.argocd.application('shop-webui').spec.source?.helm?.parameters).toContainEqual(
      expect.objectContaining({ name: 'image.tag', value: 'v1.2.0-rc.1' })
    )

    // Nothing built, pushed or tagged; the preflight did not look for a registry login either.
    const events = readEvents(core.outputs.events_file as string)
    const stages = events.filter(e => e.type === 'stage').map(e => e.stage)
    expect(stages).not.toContain('BUILD')
    expect(stages).not.toContain('PUSH')
    expect(stages).not.toContain('TAG')
    expect(stages).not.toContain('RELEASE')
    expect(stages).toContain('DEPLOY')
    expect(w.registry.requests).toEqual([])
    expect([...w.github.refs.keys()].filter(r => r.startsWith('refs/tags/')).sort()).toEqual(
      tagsBefore
    )
    expect(w.github.releases).toEqual([])

    // One new deployment, marked success, whose record says what it rolled back to.
    expect(w.github.deployments).toHaveLength(before + 1)
    const created = w.github.deployments.at(-1)
    expect(created?.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    const record = readDeploymentRecord(created?.payload)
    expect(record).toMatchObject({
      environment: 'stage',
      git_tag: 'v1.2.0-rc.1',
      rollback_of: {
        deployment: second,
        version: 'v1.2.0-rc.1',
        from: { deployment: third, version: 'v1.3.0-rc.1' }
      },
      services: {
        api: { image: `${w.registryHost}/shop/api:v1.2.0-rc.1@${digest('2')}` },
        webui: { image: `${w.registryHost}/shop/webui:v1.2.0-rc.1@${digest('2')}` }
      }
    })
    expect(created?.description).toContain('rolled back from v1.3.0-rc.1')

    // What people read: the outputs, the done event, the card and the summary.
    expect(core.outputs).toMatchObject({ status: 'success', tag: 'v1.2.0-rc.1' })
    const done = events.find(e => e.type === 'done')
    expect(done?.message).toMatch(/^rollback to v1\.2\.0-rc\.1 on stage: http:/)
    const card = JSON.stringify(w.slack.messages.filter(m => m.channel === CHANNEL))
    expect(card).toContain('rollback to v1.2.0-rc.1')
    expect(core.rawLog()).toContain('rollback to v1.2.0-rc.1')
    expect(core.rawLog()).toContain(
      `Rollback: v1.3.0-rc.1 (deployment ${third}) -> v1.2.0-rc.1 (deployment ${second})`
    )
  })

  it('a dry run prints what would go back and changes nothing', async () => {
    const w = (world = await startWorld())
    const { second, third } = seedHistory(w)
    const before = w.github.deployments.length
    const writesBefore = w.github.writes.length

    const { core, status } = await runWorld(w, { dry_run: 'true' })

    expect(core.failures).toEqual([])
    expect(status).toBe('planned')
    expect(core.lines).toEqual(
      expect.arrayContaining([
        `Rollback: v1.3.0-rc.1 (deployment ${third}) -> v1.2.0-rc.1 (deployment ${second})`,
        `  api: roll back to ${w.registryHost}/shop/api:v1.2.0-rc.1@${digest('2')}; ECS rolling shop/api`
      ])
    )
    expect(w.github.deployments).toHaveLength(before)
    expect(w.github.writes.slice(writesBefore)).toEqual([])
    expect(w.ecs.registered).toEqual([])
    const changing = w.argocd.http.requests.filter(r => r.method !== 'GET')
    expect(changing).toEqual([])
    expect(w.registry.requests).toEqual([])
  })
})
