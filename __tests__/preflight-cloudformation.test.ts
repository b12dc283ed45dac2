import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PipelineEvent } from '../src/events/model.js'
import { createTestRepo, type TestRepo } from './fixtures/git-repo.js'
import { readEvents } from './fixtures/pipeline.js'
import { recordingToolkit } from './fixtures/toolkit.js'
import { startAwsSimulator, type AwsSimulator } from './simulators/aws.js'
import { startCfnSimulator, type CfnSimulator } from './simulators/cloudformation.js'
import { API_V1 } from './targets/cloudformation-fixtures.js'

/**
 * The preflight reads each CloudFormation stack through the whole run(), against the simulator:
 * a stack the deploy would stop at fails the run in INIT, before any change set is made; a stack
 * it can deploy is told with what the deploy would do, which is all a dry run says of it.
 */
const { run } = await import('../src/main.js')

const STACK = 'shop-dev-api'
const ACCOUNT = '123456789012'

let sim: CfnSimulator
// STS answers from the generic AWS simulator: the CloudFormation one serves CloudFormation only.
let sts: AwsSimulator
let stsBefore: string | undefined
let repo: TestRepo

beforeAll(async () => {
  sim = await startCfnSimulator({ sdkEnv: true })
  sts = await startAwsSimulator()
  stsBefore = process.env.AWS_ENDPOINT_URL_STS
  process.env.AWS_ENDPOINT_URL_STS = sts.url
})
afterEach(() => sim.query.assertNoViolations())
afterAll(async () => {
  if (stsBefore === undefined) delete process.env.AWS_ENDPOINT_URL_STS
  else process.env.AWS_ENDPOINT_URL_STS = stsBefore
  await sts.close()
  await sim.close()
})

function shop(stack: string): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': `services:
  api:
    deploy:
      cloudformation:
        stack: ${stack}
        template: infra/api.yaml
        region: us-east-1
`,
    'infra/api.yaml': API_V1
  })
}

async function runShop(
  inputs: Record<string, string> = {},
  stack = 'shop-{environment}-api'
): Promise<{ status: string; events: PipelineEvent[]; log: string }> {
  repo = shop(stack)
  const core = recordingToolkit({ environment: 'dev', ...inputs })
  const status = await run(core, {
    env: {
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'preflight-cfn-')),
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_REF_NAME: 'main',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '1'
    }
  })
  return { status, events: readEvents(core.outputs.events_file as string), log: core.rawLog() }
}

const info = (events: PipelineEvent[]): string[] =>
  events.filter(e => e.type === 'info' && e.service === 'api').map(e => e.message)

describe('preflight: CloudFormation stacks', () => {
  it('fails the run on a stack in UPDATE_ROLLBACK_FAILED, saying what to do, and changes nothing', async () => {
    sim.seedStack(STACK, {
      template: API_V1,
      status: 'UPDATE_ROLLBACK_FAILED',
      reason: 'Orders: table in use'
    })
    const calls = sim.calls.length
    const { status, events } = await runShop()

    expect(status).toBe('failure')
    const error = events.find(e => e.type === 'error')
    expect(error).toMatchObject({ stage: 'INIT', error_code: 'INVALID_INPUT' })
    expect(error?.message).toBe(
      'preflight found 1 problem; nothing was tagged, built or deployed:\n' +
        `  - api: CloudFormation (us-east-1, account ${ACCOUNT}): Stack ${STACK} is ` +
        'UPDATE_ROLLBACK_FAILED: an earlier update failed and so did its rollback (Orders: table ' +
        'in use). CloudFormation accepts no update until the rollback finishes: fix what blocks ' +
        `it, run \`aws cloudformation continue-update-rollback --stack-name ${STACK}\` ` +
        '(--resources-to-skip for resources that cannot roll back), wait for ' +
        'UPDATE_ROLLBACK_COMPLETE, then deploy again.'
    )
    const made = sim.calls.slice(calls).map(c => c.action)
    expect(made.length).toBeGreaterThan(0)
    expect(made.every(action => /^(Describe|List|Get)/.test(action))).toBe(true)
    expect(sim.stack(STACK)?.changeSets).toEqual([])
    expect(sim.stack(STACK)?.status).toBe('UPDATE_ROLLBACK_FAILED')
  })
  it('tells a healthy stack and its planned action, which is all a dry run says of it', async () => {
    sim.seedStack('shop-dev-api', { template: API_V1, status: 'UPDATE_COMPLETE' })
    const { events } = await runShop({ dry_run: 'true' })
    expect(info(events)).toContain('stack shop-dev-api: update (UPDATE_COMPLETE) in us-east-1')
    expect(sim.stack(STACK)?.changeSets).toEqual([])
  })

  it.each([
    ['missing', () => undefined, 'stack shop-dev-missing: create in us-east-1'],
    [
      'failed',
      () =>
        sim.seedStack('shop-dev-failed', { status: 'ROLLBACK_COMPLETE', reason: 'Orders failed' }),
      'stack shop-dev-failed: recreate (ROLLBACK_COMPLETE) in us-east-1: stack shop-dev-failed is ' +
        'ROLLBACK_COMPLETE (its creation failed: Orders failed): it would be deleted and created ' +
        'again (on_rollback_complete: recreate)'
    ],
    [
      'busy',
      () => {
        sim.seedStack('shop-dev-busy', { template: API_V1 })
        sim.startExternalUpdate('shop-dev-busy', {
          token: 'Console-UpdateStack-7',
          steps: 10_000,
          stepMs: 1000
        })
      },
      'stack shop-dev-busy: wait (UPDATE_IN_PROGRESS) in us-east-1: stack shop-dev-busy is busy ' +
        '(UPDATE_IN_PROGRESS, started by someone in the AWS console (Console-UpdateStack-7)): the ' +
        'deploy would wait for it to finish, then make a change set'
    ]
  ])(
    'says in a dry run what the deploy would do to a %s stack, reading only',
    async (kind, seed, line) => {
      seed()
      const stack = `shop-dev-${kind}`
      const before = sim.stack(stack)?.status
      const calls = sim.calls.length
      const { status, events, log } = await runShop({ dry_run: 'true' }, stack)

      expect(status).toBe('planned')
      expect(log).toContain(`CloudFormation stack ${stack} in us-east-1 (change set from api.yaml)`)
      expect(info(events)).toContain(line)
      const made = sim.calls.slice(calls).map(c => c.action)
      expect(made).toContain('DescribeStacks')
      expect(made.every(action => /^Describe/.test(action))).toBe(true)
      expect(sim.stack(stack)?.status).toBe(before)
      expect(sim.stack(stack)?.changeSets ?? []).toEqual([])
    }
  )
})
