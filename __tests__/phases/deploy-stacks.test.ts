import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EventBus } from '../../src/events/bus.js'
import { renderSummary } from '../../src/events/summary.js'
import { emptyRunState, type PhaseContext } from '../../src/phases/context.js'
import { runDeployPhase } from '../../src/phases/deploy.js'
import type { Plan, PlannedImage, PlannedService } from '../../src/plan/types.js'
import { readSettings } from '../../src/settings/index.js'
import { deployLayers } from '../../src/settings/service-graph.js'
import type { Settings } from '../../src/settings/types.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { startCfnSimulator, type CfnSimulator } from '../simulators/cloudformation.js'

/**
 * examples/stacks through the DEPLOY phase, against the CloudFormation simulator: three
 * foundation stacks (tier 1) and the functions stack that depends on all three (tier 2), its
 * verify check answered by a local HTTP server. The simulator holds the tier-1 operations until
 * all three are executing, so the deploy can only finish if they really run at the same time.
 */
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/functions:dev-2611240700@sha256:${'ef'.repeat(32)}`
const TIER_1 = ['orders-dev-tables', 'orders-dev-api', 'orders-dev-workflow']
const TIER_2 = 'orders-dev-functions'

let sim: CfnSimulator
let health: Server
let healthUrl: string
let healthChecks = 0

beforeAll(async () => {
  sim = await startCfnSimulator({ sdkEnv: true })
  health = createServer((_request, response) => {
    healthChecks++
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"status":"ok"}')
  })
  await new Promise<void>(done => health.listen(0, '127.0.0.1', done))
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`
})

afterEach(() => sim.query.assertNoViolations())

afterAll(async () => {
  await sim.close()
  await new Promise<void>(done => health.close(() => done()))
})

async function exampleSettings(environment: string): Promise<Settings> {
  const workspace = mkdtempSync(join(tmpdir(), 'deploy-pipeline-stacks-'))
  cpSync(resolve('examples/stacks'), workspace, { recursive: true })
  return readSettings(recordingToolkit({ environment }), {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(workspace, '.tmp'),
    GITHUB_SHA: 'c0ffee0000000000000000000000000000000042',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1'
  })
}

async function exampleRun(): Promise<PhaseContext> {
  const settings = await exampleSettings('dev')
  const services: PlannedService[] = settings.services.map(s => ({
    name: s.name,
    dependsOn: s.dependsOn,
    image: s.build ? ({ tag: 'dev-2611240700' } as PlannedImage) : undefined,
    deploy: s.deploy
  }))
  const plan = {
    deploymentId: 'dep_42_1',
    environment: 'dev',
    commit: settings.context.sha,
    version: { imageTag: 'dev-2611240700', gitTag: undefined, version: undefined },
    services,
    layers: deployLayers(settings.services).layers
  } as unknown as Plan
  const state = emptyRunState()
  state.images.functions = IMAGE
  return {
    // The tests' own poll interval: the CloudFormation default is 5 s.
    settings: { ...settings, deploy: { ...settings.deploy, pollIntervalMs: 15 } } as Settings,
    plan,
    bus: new EventBus(() => undefined),
    core: recordingToolkit(),
    signal: new AbortController().signal,
    state
  }
}

describe('examples/stacks through the DEPLOY phase', () => {
  it('deploys the three tier-1 stacks at once, then tier 2 once all three are done and verified', async () => {
    sim.holdTogether(TIER_1)
    sim.script(TIER_2, { outputs: { HealthUrl: healthUrl } })
    const ctx = await exampleRun()
    expect(ctx.plan.layers).toEqual([['tables', 'api', 'workflow'], ['functions']])

    await runDeployPhase(ctx)

    // Tier 1 overlapped: each started before any of them ended.
    const tier1 = TIER_1.map(name =>
      sim.operations.find(o => o.stackName === name && o.kind === 'create')
    )
    const latestStart = Math.max(...tier1.map(o => o?.startedAt ?? Infinity))
    const firstEnd = Math.min(...tier1.map(o => o?.endedAt ?? -Infinity))
    expect(latestStart).toBeLessThan(firstEnd)
    expect(tier1.map(o => o?.status)).toEqual([
      'CREATE_COMPLETE',
      'CREATE_COMPLETE',
      'CREATE_COMPLETE'
    ])

    // Tier 2 made its first call only after all three had ended.
    const lastEnd = Math.max(...tier1.map(o => o?.endedAt ?? Infinity))
    const tier2First = sim.calls.find(call => call.input.StackName === TIER_2)
    expect(tier2First?.at).toBeGreaterThanOrEqual(lastEnd)
    expect(
      sim.callsOf('CreateChangeSet').find(c => c.input.StackName === TIER_2)?.input
    ).toMatchObject({
      Parameters: [
        { ParameterKey: 'ImageUri', ParameterValue: IMAGE },
        { ParameterKey: 'Environment', ParameterValue: 'dev' },
        { ParameterKey: 'Version', ParameterValue: 'dev-2611240700' }
      ],
      Capabilities: ['CAPABILITY_IAM'],
      Tags: [
        { Key: 'service', Value: 'orders' },
        { Key: 'commit', Value: 'c0ffee0000000000000000000000000000000042' }
      ]
    })

    // The functions' health check passed; its URL is the run's address, every stack's outputs are kept.
    expect(healthChecks).toBeGreaterThan(0)
    expect(
      ctx.bus.events.some(
        e =>
          e.service === 'functions' &&
          e.message === `verified: ${healthUrl} answered HTTP 200 containing '"status":"ok"'`
      )
    ).toBe(true)
    expect(ctx.state.deploymentUrl).toBe(healthUrl)
    const deployments = JSON.parse(ctx.state.outputs.deployments as string) as Record<
      string,
      Record<string, string>
    >
    expect(deployments.api?.deployment_url).toBe('sim-ApiUrl')
    expect(deployments.tables?.OrdersTable).toBe('sim-OrdersTable')
    expect(sim.stack('orders-dev-tables')?.terminationProtection).toBe(true)

    // The job summary lists what each change set would change, before it ran.
    const summary = renderSummary({
      status: 'success',
      outputs: { environment: 'dev', ...ctx.state.outputs },
      planLines: undefined,
      services: ctx.plan.services.map(s => ({
        name: s.name,
        image: undefined,
        target: s.deploy?.kind
      })),
      events: ctx.bus.events,
      warnings: [],
      error: undefined
    })
    expect(summary).toContain(
      '### Stack changes\n\n| service | action | resource | type | replacement |'
    )
    expect(summary).toContain('| tables | Add | Orders | AWS::DynamoDB::Table | — |')
    expect(summary).toContain('| functions | Add | OrdersFunction | AWS::Lambda::Function | — |')
  })

  it('deploys prod with its own parameter file and refuses to recreate a failed first deploy', async () => {
    const settings = await exampleSettings('prod')
    const functions = settings.services.find(s => s.name === 'functions')?.deploy
    expect(functions).toMatchObject({
      kind: 'cloudformation',
      stack: 'orders-prod-functions',
      parameters: { MemorySize: '2048', ImageUri: '{image_uri}', Environment: '{environment}' },
      onRollbackComplete: 'fail'
    })
  })
})
