import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PipelineEvent } from '../src/events/model.js'
import {
  ARGO_APP,
  REGISTRY_USER,
  preflightReport,
  readEvents,
  startPipelineWorld,
  type PipelineWorld,
  type WorldOptions
} from './fixtures/pipeline.js'
import { recordingToolkit, type RecordingToolkit } from './fixtures/toolkit.js'
import { recordSpawns, spawned } from './images/spawn-recorder.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from './simulators/registry.js'

/**
 * The preflight through the whole run(): the world of the pipeline test (GitHub, Argo CD, ECS,
 * Step Functions and Slack simulators, a real registry with htpasswd), with one thing wrong at a
 * time. Each run must fail in INIT with that one problem, said word for word, before anything is
 * tagged, built, pushed or deployed: no builder started, nothing written to the registry, GitHub,
 * ECS, Step Functions or Argo CD.
 */
recordSpawns()
const { run } = await import('../src/main.js')

const tools = requireRegistryTools('preflight')
const maybe = tools ? describe : describe.skip

const PASSWORD = `pw-${randomUUID()}`
const TAG = 'v1.5.0-rc.1'
const ACCOUNT = '123456789012'
const HEADER = 'INVALID_INPUT: preflight found 1 problem; nothing was tagged, built or deployed:'

maybe('preflight: every external the plan uses is checked before anything changes', () => {
  let registry: LocalRegistry
  let world: PipelineWorld | undefined
  const restoreEnv: Array<() => void> = []

  beforeAll(async () => {
    registry = await startRegistry({ [REGISTRY_USER]: PASSWORD })
  })
  afterAll(async () => {
    await registry?.stop()
  })
  afterEach(async () => {
    for (const restore of restoreEnv.splice(0).reverse()) restore()
    await world?.close()
    world = undefined
  })

  async function start(options: Partial<WorldOptions> = {}): Promise<PipelineWorld> {
    world = await startPipelineWorld(registry, PASSWORD, { ecsScenario: 'success', ...options })
    spawned.length = 0
    return world
  }

  /** Changes the deploy config the run reads (the checkout's file). */
  function editConfig(w: PipelineWorld, from: string, to: string): void {
    const path = join(w.repo.dir, '.github/deploy.yml')
    const text = readFileSync(path, 'utf8')
    expect(text).toContain(from)
    writeFileSync(path, text.replace(from, to))
  }

  /** Sets (or, with undefined, removes) variables of this process, which the AWS SDK reads. */
  function setEnv(changes: Record<string, string | undefined>): void {
    for (const [key, value] of Object.entries(changes)) {
      const before = process.env[key]
      restoreEnv.push(() => {
        if (before === undefined) delete process.env[key]
        else process.env[key] = before
      })
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }

  async function runWith(
    w: PipelineWorld,
    inputs: Record<string, string> = {}
  ): Promise<{ core: RecordingToolkit; status: string; events: PipelineEvent[] }> {
    const core = recordingToolkit({ ...w.inputs, ...inputs })
    const status = await run(core, { env: w.env })
    return { core, status, events: readEvents(core.outputs.events_file as string) }
  }

  /** The run stopped in the preflight, and nothing anywhere was tagged, built, pushed or deployed. */
  function expectStoppedInPreflight(
    w: PipelineWorld,
    result: { core: RecordingToolkit; status: string; events: PipelineEvent[] },
    code = 'INVALID_INPUT'
  ): void {
    const { core, status, events } = result
    expect(status).toBe('failure')
    expect(core.outputs.status).toBe('failure')
    expect(events.filter(e => e.type === 'stage').map(e => e.stage)).toEqual([
      'INIT',
      'VERSION',
      'INIT'
    ])
    expect(events.find(e => e.type === 'error')).toMatchObject({ stage: 'INIT', error_code: code })
    expect(spawned).toEqual([])
    expect(registry.blobUploads()).toBe(0)
    expect(registry.log()).not.toMatch(/"(PUT|POST|PATCH|DELETE) \/v2\//)
    expect(w.github.writes).toEqual([])
    expect(w.github.refs.has(`refs/tags/${TAG}`)).toBe(false)
    expect(w.ecs.registered).toEqual([])
    expect(w.sfn.executions.size).toBe(0)
    expect(w.argocd.timeline(ARGO_APP)).toEqual([])
    expect(core.rawLog()).not.toContain(PASSWORD)
  }

  it('names the service, the config key and the variable when a region is missing', async () => {
    const w = await start()
    editConfig(w, 'container: app, region: us-east-1', 'container: app')
    setEnv({
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_CONFIG_FILE: '/nonexistent'
    })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - ECS deploy of service 'api' has no AWS region: set services.api.deploy.ecs.region in .github/deploy.yml, or AWS_REGION for the job (aws-actions/configure-aws-credentials sets it from its aws-region input)`
    ])
    // The region the other AWS user has is still checked, and said.
    expect(result.events).toContainEqual(
      expect.objectContaining({
        stage: 'INIT',
        message: `AWS us-east-1: account ${ACCOUNT} as arn:aws:sts::${ACCOUNT}:assumed-role/deployer/GitHubActions; used by worker on Step Functions (region from the deploy config)`
      })
    )
  })

  it('says which step provides AWS credentials when there are none', async () => {
    const w = await start()
    setEnv({
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined
    })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - AWS credentials for us-east-1 (used by api on ECS, worker on Step Functions): none were found; add a step before this one: aws-actions/configure-aws-credentials with role-to-assume and aws-region, and give the job \`permissions: id-token: write\` (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`
    ])
    expect(w.ecs.aws.operations).toEqual([])
  })

  it('says AWS rejected credentials it does not know, and calls nothing else there', async () => {
    const w = await start()
    setEnv({ AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN0000' })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - AWS credentials for us-east-1 (used by api on ECS, worker on Step Functions): AWS rejected them (InvalidClientTokenId: The security token included in the request is invalid.); check the role or keys the job is given (aws-actions/configure-aws-credentials with role-to-assume and \`permissions: id-token: write\`, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`
    ])
    expect(w.sfn.aws.operations).toEqual(['GetCallerIdentity'])
    expect(w.ecs.aws.operations).toEqual([])
    // The world's secret key is set, so the check below is about a real value, not 'undefined'.
    expect(process.env.AWS_SECRET_ACCESS_KEY).toMatch(/\S{8,}/)
    expect(result.core.rawLog()).not.toContain(String(process.env.AWS_SECRET_ACCESS_KEY))
  })

  it('names the cluster, the region and the account when the cluster is missing', async () => {
    const w = await start()
    editConfig(w, 'cluster: shop,', 'cluster: shop-prod,')

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - api: ECS cluster 'shop-prod' was not found in us-east-1, account ${ACCOUNT}: check services.api.deploy.ecs.cluster in .github/deploy.yml, and that the credentials and the region are the cluster's`
    ])
  })

  it('names the service and its cluster when the ECS service is missing', async () => {
    const w = await start()
    editConfig(w, 'service: api,', 'service: api-v2,')

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - api: ECS service 'api-v2' was not found in cluster 'shop' (us-east-1, account ${ACCOUNT}): check services.api.deploy.ecs.service in .github/deploy.yml`
    ])
  })

  it('names the state machine when it does not exist', async () => {
    const w = await start()
    const missing = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:shop-deploy-v2`
    editConfig(w, `state_machine_arn: ${w.stateMachineArn}`, `state_machine_arn: ${missing}`)

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - worker: Step Functions state machine ${missing} was not found in us-east-1, account ${ACCOUNT}: check services.worker.deploy.stepfunctions.state_machine_arn in .github/deploy.yml`
    ])
  })

  it('names the Argo CD application, its project and the server when it does not exist', async () => {
    const w = await start()
    editConfig(w, `app: ${ARGO_APP},`, 'app: shop-web,')

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - webui: Argo CD application 'shop-web' does not exist in project 'shop' on ${w.argocd.url}: check app, project and app_namespace.`
    ])
  })

  it('says what the Argo CD token needs when RBAC refuses it (403)', async () => {
    const w = await start({
      argocdPolicy: (_action, project, app) => !(project === 'shop' && app === ARGO_APP)
    })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - webui: Argo CD application '${ARGO_APP}' (project 'shop') on ${w.argocd.url} is not accessible with this token (HTTP 403): give the token's account get, update and sync on it in Argo CD RBAC (p, <role>, applications, get, shop/${ARGO_APP}, allow).`
    ])
  })

  it('says the Slack bot token is refused', async () => {
    const w = await start()

    const result = await runWith(w, { slack_bot_token: 'xoxb-0000-revoked-token' })

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - Slack: auth.test refused slack_bot_token (invalid_auth: slack_bot_token is not valid): give the bot token (xoxb-) of the Slack app installed in the workspace`
    ])
  })

  it('says the Slack channel does not exist', async () => {
    const w = await start()

    const result = await runWith(w, { slack_channel: 'C0GONE' })

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - Slack: channel C0GONE: channel_not_found: the channel does not exist or the bot cannot see it; check slack_channel`
    ])
  })

  it('reads a classic token’s scopes and names the scope the tag and release need', async () => {
    const w = await start({
      github: {
        token: 'ghp_classicTokenValue0123456789',
        scopes: ['read:packages'],
        visibility: 'public'
      }
    })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - GitHub: the token's scopes (read:packages) lack repo (or public_repo), which the tag ${TAG} and the release ${TAG} need: add it to the token, or use the job's GITHUB_TOKEN with \`permissions: contents: write\``
    ])
    // The GitHub Deployment is best effort: its missing scope is a warning, not a failure.
    expect(result.core.warnings).toContain(
      "preflight: GitHub: the token's scopes (read:packages) lack repo_deployment, so the run is not recorded as a GitHub Deployment: add it to the token, or give the job's GITHUB_TOKEN `permissions: deployments: write`"
    )
  })

  it('says the registry refused the login, naming the registry and the user', async () => {
    const w = await start()

    const result = await runWith(w, { registry_password: 'not-the-password' })

    expectStoppedInPreflight(w, result)
    expect(result.core.failures).toEqual([
      `${HEADER}\n  - api, webui, worker: ${registry.host} rejected the credentials of ${REGISTRY_USER}: check registry_username and registry_password (GHCR: github_token with packages: write; ECR: ecr:* permissions).`
    ])
  })

  it('lists every problem at once', async () => {
    const w = await start()
    editConfig(w, 'cluster: shop,', 'cluster: shop-prod,')

    const result = await runWith(w, { slack_channel: 'C0GONE', registry_password: 'nope-nope' })

    expectStoppedInPreflight(w, result)
    const failure = result.core.failures[0] ?? ''
    expect(failure).toMatch(/^INVALID_INPUT: preflight found 3 problems; /)
    expect(failure).toContain("api: ECS cluster 'shop-prod' was not found")
    expect(failure).toContain('Slack: channel C0GONE: channel_not_found')
    expect(failure).toContain(`${registry.host} rejected the credentials of ${REGISTRY_USER}`)
  })

  it('is DEPLOY_FAILED, not INVALID_INPUT, when all that fails is a server not answering', async () => {
    const w = await start()
    w.argocd.http.faults.inject({ kind: 'reset' }, { times: 2 })

    const result = await runWith(w)

    expectStoppedInPreflight(w, result, 'DEPLOY_FAILED')
    expect(result.core.failures).toEqual([
      `DEPLOY_FAILED: preflight found 1 problem; nothing was tagged, built or deployed:\n  - webui: Argo CD at ${w.argocd.url} did not answer: fetch failed (UND_ERR_SOCKET); check the address and the network`
    ])
  })

  it('runs in a dry run too, which then fails when the answer is no', async () => {
    const w = await start()
    editConfig(w, 'service: api,', 'service: api-v2,')

    const result = await runWith(w, { dry_run: 'true' })

    expectStoppedInPreflight(w, result)
    expect(result.core.failures[0]).toContain("api: ECS service 'api-v2' was not found")
    expect(w.slack.messages).toEqual([])
  })

  it('answers "it would work" in a dry run, saying what it checked in the INIT group', async () => {
    const w = await start({ github: { permissions: { deployments: 'none' } } })

    const { core, status, events } = await runWith(w, { dry_run: 'true' })

    expect(status).toBe('planned')
    expect(core.failures).toEqual([])
    const group = core.lines.slice(
      core.lines.indexOf('::group::INIT: preflight: checking what the plan uses, read-only')
    )
    for (const line of preflightReport(w, registry.host, TAG)) {
      expect(group).toContain(line)
    }
    expect(core.warnings).toEqual([
      "preflight: GitHub: the token may not read the Deployments of acme/shop (403), so the run is not recorded as a GitHub Deployment: give the job's GITHUB_TOKEN `permissions: deployments: write`"
    ])
    expect(events.find(e => e.type === 'info' && e.stage === 'INIT')?.message).toBe(
      'validated the inputs and .github/deploy.yml: 3 services (api, webui, worker)'
    )
    expect(spawned).toEqual([])
    expect(w.github.writes).toEqual([])
  })

  it('is skipped with preflight: false, for a plan-only preview without credentials', async () => {
    const w = await start()
    editConfig(w, 'cluster: shop,', 'cluster: shop-prod,')
    setEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined })

    const { core, status, events } = await runWith(w, { dry_run: 'true', preflight: 'false' })

    expect(status).toBe('planned')
    expect(core.failures).toEqual([])
    expect(events.filter(e => e.type === 'stage').map(e => e.stage)).toEqual(['INIT', 'VERSION'])
    expect(events[1]?.message).toBe(
      'validated the inputs and .github/deploy.yml: 3 services (api, webui, worker); preflight: false, so nothing outside is checked'
    )
    expect(w.ecs.aws.operations).toEqual([])
    expect(w.sfn.aws.operations).toEqual([])
    expect(w.argocd.http.requests).toEqual([])
  })
})
