import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/main.js'
import { readDeploymentRecord } from '../../src/plan/deployment-record.js'
import { seedDeployment } from '../fixtures/deployment-history.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../simulators/argocd.js'
import { startGitHubSimulator, type GitHubSimulator } from '../simulators/github.js'
import { startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'

/**
 * The promotion gate through run(): prod (promote_from: stage, soak 30m, weekday office hours in
 * Seoul) against the stage history seeded in the GitHub simulator. The run's clock is
 * SOURCE_DATE_EPOCH, Tuesday 2026-11-24 14:00 Asia/Seoul, inside the window, so only the soak
 * decides. The service has no build, so a passing run deploys (syncs Argo CD) and nothing else.
 */
const ARGOCD_TOKEN = 'argocd-token-gate-5d2e'
const SLACK_TOKEN = 'xoxb-1111-2222-GATEsecret'
const CHANNEL = 'C0DEPLOYS'
const EPOCH = String(Date.parse('2026-11-24T05:00:00Z') / 1000)

interface World {
  github: GitHubSimulator
  argocd: ArgoCdSimulator
  slack: SlackSimulator
  head: string
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
  const github = await startGitHubSimulator()
  closers.push(() => github.close())
  github.tag('v1.3.0', github.commit('chore: initial commit'))
  const head = github.commit('feat: search')
  github.tag('v1.4.0-rc.1', head)
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
            targetRevision: 'main'
          },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }
        },
        images: { fixed: ['registry.example/shop/webui:v1.3.0'] }
      }
    ]
  })
  closers.push(() => argocd.close())
  const slack = await startSlackSimulator({ token: SLACK_TOKEN })
  closers.push(() => slack.close())
  const repo = createTestRepo({
    '.github/deploy.yml': `timezone: Asia/Seoul
services:
  webui:
    deploy:
      argocd: {app: shop-webui, project: shop}
environments:
  prod:
    promote_from: stage
    soak: 30m
    windows:
      - {days: mon-fri, hours: '09:00-18:00'}
`
  })
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gate-runner-'))
  closers.push(async () => {
    rmSync(runnerTemp, { recursive: true, force: true })
    rmSync(repo.dir, { recursive: true, force: true })
  })
  return {
    github,
    argocd,
    slack,
    head,
    inputs: {
      environment: 'prod',
      create_tag: 'true',
      github_token: github.token,
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
      GITHUB_RUN_ID: '5252',
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

/** Stage ran v1.4.0-rc.1 of the run's commit, successfully, at `at`; an older version before it. */
function seedStage(w: World, at: string): number {
  const services = {
    webui: { image: 'registry.example/shop/webui', target: 'Argo CD app shop-webui' }
  }
  seedDeployment(w.github, {
    environment: 'stage',
    tag: 'v1.3.0-rc.1',
    seedChar: '3',
    states: ['in_progress', 'success', 'inactive'],
    at: '2026-11-20T01:00:00Z',
    services
  })
  return seedDeployment(w.github, {
    environment: 'stage',
    tag: 'v1.4.0-rc.1',
    seedChar: '4',
    states: ['in_progress', 'success'],
    at,
    services,
    sha: w.head
  })
}

async function runWorld(
  w: World,
  extra: Record<string, string> = {}
): Promise<{ core: RecordingToolkit; status: string }> {
  const core = recordingToolkit({ ...w.inputs, ...extra })
  const status = await run(core, { env: w.env })
  return { core, status }
}

const changing = (w: World) => w.argocd.http.requests.filter(r => r.method !== 'GET')

describe('the promotion gate through run()', () => {
  it('passes prod when stage ran the version past the soak, inside a window', async () => {
    const w = (world = await startWorld())
    const ran = seedStage(w, '2026-11-24T03:00:00Z')
    const before = w.github.deployments.length

    const { core, status } = await runWorld(w)

    expect(core.failures).toEqual([])
    expect(status).toBe('success')
    expect(core.lines).toEqual(
      expect.arrayContaining([
        `Gate: v1.4.0 ran on stage since 2026-11-24 12:00 Asia/Seoul (2026-11-24T03:00Z) (v1.4.0-rc.1, deployment ${ran})`,
        'Gate: open'
      ])
    )
    expect(changing(w).length).toBeGreaterThan(0)
    expect(w.github.deployments).toHaveLength(before + 1)
    const created = w.github.deployments.at(-1)
    expect(created?.environment).toBe('prod')
    expect(created?.statuses.at(-1)?.state).toBe('success')
    expect(readDeploymentRecord(created?.payload)?.gate_override).toBeUndefined()
  })

  it('refuses prod within the soak, naming when it becomes eligible, and changes nothing', async () => {
    const w = (world = await startWorld())
    const ran = seedStage(w, '2026-11-24T04:50:00Z')
    const before = w.github.deployments.length
    const writesBefore = w.github.writes.length
    const tagsBefore = [...w.github.refs.keys()].filter(r => r.startsWith('refs/tags/')).sort()

    const { core, status } = await runWorld(w)

    expect(status).toBe('failure')
    expect(core.failures).toEqual([
      `INVALID_INPUT: promotion gate: v1.4.0 has run on stage since 2026-11-24 13:50 Asia/Seoul (2026-11-24T04:50Z) (deployment ${ran}), less than the soak of 30m: eligible at 2026-11-24 14:20 Asia/Seoul (2026-11-24T05:20Z)\n` +
        'override_gate: true with override_reason lets a person take the run past it'
    ])
    expect(w.github.deployments).toHaveLength(before)
    expect(w.github.writes.slice(writesBefore)).toEqual([])
    expect([...w.github.refs.keys()].filter(r => r.startsWith('refs/tags/')).sort()).toEqual(
      tagsBefore
    )
    expect(changing(w)).toEqual([])
  })

  it('override_gate with a reason takes it past a closed gate and records who and why', async () => {
    const w = (world = await startWorld())
    seedStage(w, '2026-11-24T04:50:00Z')
    const reason = 'hotfix for INC-4411, stage checked by hand'

    const { core, status } = await runWorld(w, { override_gate: 'true', override_reason: reason })

    expect(core.failures).toEqual([])
    expect(status).toBe('success')
    expect(core.lines).toContain(`Gate: overridden by octo: ${reason}`)
    const created = w.github.deployments.at(-1)
    expect(created?.environment).toBe('prod')
    expect(created?.statuses.at(-1)?.state).toBe('success')
    expect(readDeploymentRecord(created?.payload)?.gate_override).toEqual({ actor: 'octo', reason })
    const card = JSON.stringify(w.slack.messages.filter(m => m.channel === CHANNEL))
    expect(card).toContain(`promotion gate overridden by octo: ${reason}`)
  })
})
