import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { SFNClient, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn'
import { DeployError } from '../../src/errors.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { Settings, StepFunctionsTarget } from '../../src/settings/types.js'
import type { DeployRequest, TargetContext } from '../../src/targets/types.js'
import { consoleUrl, deploy, judgeEnd, urlFromOutput } from '../../src/targets/stepfunctions.js'
import {
  carriesImage,
  executionArnFromSecret,
  secretNameFor
} from '../../src/targets/stepfunctions-find.js'
import {
  EMPTY_TRAIL,
  FIRST_CURSOR,
  applyEvents,
  readNewEvents
} from '../../src/targets/stepfunctions-history.js'
import { executionName, startInput } from '../../src/targets/stepfunctions-start.js'
import { simulatedClock } from '../fixtures/clock.js'
import { nth } from '../fixtures/nth.js'
import { waitUntil } from '../fixtures/wait.js'
import { THROTTLING } from '../simulators/aws.js'
import {
  deployScript,
  eventCount,
  startSfnSimulator,
  type DeployScriptOptions,
  type HistoryCall,
  type SfnSimulator
} from '../simulators/stepfunctions.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/pipeline:dev-2611240700@${DIGEST}`
const POLL_MS = 15
const STEP_MS = 20

function target(overrides: Partial<StepFunctionsTarget> = {}): StepFunctionsTarget {
  return {
    kind: 'stepfunctions',
    region: 'us-east-1',
    mode: 'start',
    stateMachineArn: undefined,
    input: { owner: 'panda', stage_name: 'blue-green' },
    secretName: undefined,
    secretTries: 3,
    secretIntervalMs: 20,
    deleteSecret: false,
    stopOnTimeout: false,
    healthCheckStates: ['CheckDeployment'],
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...overrides
  }
}

function request(
  t: StepFunctionsTarget,
  deploymentId = 'dep_7001_1'
): DeployRequest<StepFunctionsTarget> {
  const plan = {
    deploymentId,
    environment: 'dev',
    commit: 'c0ffee0000000000000000000000000000000001'
  } as Plan
  // Only the run context is read by this target.
  const settings = {
    context: { owner: 'acme', repo: 'shop', refName: 'main' }
  } as unknown as Settings
  const service = { name: 'pipeline', dependsOn: [], image: undefined, deploy: t } as PlannedService
  return { service, target: t, imageUri: IMAGE, plan, settings }
}

interface Recorded extends TargetContext {
  progressed: Array<{ message: string; data: Record<string, unknown> | undefined }>
  infos: string[]
  warnings: string[]
  /** Every wait the follower asked for, in ms: between looks, and before a retried look. */
  waits: number[]
  controller: AbortController
}

/**
 * The follower and the simulator share a simulated clock: the history grows with the follower's own
 * waits, so what each look sees is the same on an idle machine and a loaded one. `realTime` makes
 * each wait a real one as well, for a test whose real deadline must pass during a hang.
 */
const clock = simulatedClock()

function context(
  overrides: { timeoutMs?: number; pollIntervalMs?: number; realTime?: boolean } = {}
): Recorded {
  const controller = new AbortController()
  const wait = overrides.realTime ? clock.sleepForReal : clock.sleep
  const recorded: Recorded = {
    signal: controller.signal,
    timeoutMs: overrides.timeoutMs ?? 20_000,
    pollIntervalMs: overrides.pollIntervalMs ?? POLL_MS,
    progressed: [],
    infos: [],
    warnings: [],
    waits: [],
    controller,
    sleep: async (ms, signal) => {
      recorded.waits.push(ms)
      await wait(ms, signal)
    },
    now: clock.now,
    progress: (message, data) => recorded.progressed.push({ message, data }),
    info: message => recorded.infos.push(message),
    warning: message => recorded.warnings.push(message)
  }
  return recorded
}

/**
 * The follower never waits longer than the poll interval between looks, so the look after the end
 * comes within one interval of it (the simulator moves only when asked, so counting looks alone
 * would not notice a slow cadence). Waits longer than that are only the backoffs before retries.
 */
function expectPollCadence(c: Recorded, retries = 0): void {
  expect(c.waits.length).toBeGreaterThan(0)
  expect(c.waits.filter(ms => ms > c.pollIntervalMs).length).toBeLessThanOrEqual(retries)
}

function states(c: Recorded): string[] {
  return c.progressed.map(p => `${String(p.data?.taskName)}:${String(p.data?.state)}`)
}

let sim: SfnSimulator

beforeAll(async () => {
  sim = await startSfnSimulator({ sdkEnv: true, now: clock.now })
})

afterAll(() => sim.close())

let machineCount = 0
function machine(
  options: Partial<DeployScriptOptions> & { type?: 'STANDARD' | 'EXPRESS' } = {}
): string {
  machineCount++
  return sim.createStateMachine(`deploy-${machineCount}`, {
    type: options.type,
    script: () => deployScript({ outcome: 'success', stepMs: STEP_MS, ...options })
  })
}

function callsFor(arn: string): HistoryCall[] {
  return sim.historyCalls.filter(c => c.executionArn === arn)
}

function executionOf(stateMachineArn: string): string {
  return [...sim.executions.values()].find(e => e.stateMachineArn === stateMachineArn)?.arn ?? ''
}

/**
 * Looks (a call without a token, and the pages it continued with) that began at or after the
 * terminal event was written. One means the end was noticed by the first look after it.
 */
function looksAfterEnd(arn: string): Look[] {
  const end = sim.execution(arn).terminalAt
  expect(end).toBeDefined()
  const after = groupLooks(callsFor(arn)).filter(look => look[0].at >= (end ?? 0))
  expect(after.at(-1)?.[0].ids).toContain(sim.execution(arn).events.length)
  return after
}

describe('Step Functions deploy, start mode', () => {
  it('looks again after 1 s while the history of a young execution grows, within a minute of quick looks', async () => {
    const arn = machine({ checkLoops: 1 })
    const c = context({ pollIntervalMs: 2000, timeoutMs: 3_600_000 })
    // The follower and the simulator share the simulated clock: the waits asked for are exact.

    await deploy(request(target({ stateMachineArn: arn })), c)

    // The first look reads ExecutionStarted and more: the execution moved.
    expect(c.waits[0]).toBe(1000)
    expect(c.waits.every(ms => ms === 1000 || ms === 2000)).toBe(true)
    // At most what 2 s looks cost in a minute.
    expect(c.waits.filter(ms => ms === 1000).length).toBeLessThanOrEqual(30)
  })

  it('starts the execution, reports each state and ends one look after the simulator does', async () => {
    const arn = machine({ checkLoops: 1 })
    const c = context()
    const outcome = await deploy(request(target({ stateMachineArn: arn })), c)

    const executionArn = outcome.outputs?.execution_arn ?? ''
    const execution = sim.execution(executionArn)
    expect(execution.name).toBe('dep_7001_1-pipeline')
    expect(JSON.parse(execution.input)).toEqual({
      environment: 'dev',
      owner: 'panda',
      repo: 'shop',
      branch: 'main',
      commit: 'c0ffee0000000000000000000000000000000001',
      stage_name: 'blue-green',
      image_uri: IMAGE,
      deployment_id: 'dep_7001_1'
    })
    expect(outcome.deploymentUrl).toBe('http://green-123.us-east-1.elb.amazonaws.com')
    expect(Number(outcome.outputs?.execution_time)).toBeCloseTo(
      ((execution.stopDate ?? 0) - execution.startedAt) / 1000,
      3
    )
    expect(states(c)).toEqual([
      'EnsureInfra:RUNNING',
      'EnsureInfra:SUCCEEDED',
      'RegisterTaskAndDeploy:RUNNING',
      'RegisterTaskAndDeploy:SUCCEEDED',
      'CheckDeployment:RUNNING',
      'CheckDeployment:SUCCEEDED',
      'DeploymentStatusRouter:RUNNING',
      'DeploymentStatusRouter:SUCCEEDED',
      'WaitForDeployment:RUNNING',
      'WaitForDeployment:SUCCEEDED',
      'CheckDeployment:RUNNING',
      'CheckDeployment:SUCCEEDED',
      'DeploymentStatusRouter:RUNNING',
      'DeploymentStatusRouter:SUCCEEDED',
      'DeploymentSucceeded:RUNNING',
      'DeploymentSucceeded:SUCCEEDED'
    ])
    expect(c.progressed[0]?.message).toBe('Step Functions: EnsureInfra running')

    const calls = callsFor(executionArn)
    expect(calls.every(call => call.reverseOrder && !call.includeExecutionData)).toBe(true)
    // The end: the first look after the terminal event saw it, and it was the last look.
    const after = looksAfterEnd(executionArn)
    expect(after).toHaveLength(1)
    expect(after[0]).toEqual([calls[calls.length - 1]])
    expectPollCadence(c)
    expect(sim.aws.operations.filter(o => o === 'DescribeExecution')).toHaveLength(1)
  })

  it('does not start a second execution when the deploy is called again for the same deployment', async () => {
    const arn = machine()
    const first = await deploy(request(target({ stateMachineArn: arn }), 'dep_7002_1'), context())
    const c = context()
    const second = await deploy(request(target({ stateMachineArn: arn }), 'dep_7002_1'), c)

    expect(second.outputs?.execution_arn).toBe(first.outputs?.execution_arn)
    expect([...sim.executions.values()].filter(e => e.stateMachineArn === arn)).toHaveLength(1)
    expect(c.infos.join('\n')).toMatch(/already exists for this deployment/)
  })

  it('joins the running execution when a concurrent call starts it with the same input', async () => {
    const arn = machine()
    const [a, b] = await Promise.all([
      deploy(request(target({ stateMachineArn: arn }), 'dep_7003_1'), context()),
      deploy(request(target({ stateMachineArn: arn }), 'dep_7003_1'), context())
    ])
    expect(a.outputs?.execution_arn).toBe(b.outputs?.execution_arn)
    expect([...sim.executions.values()].filter(e => e.stateMachineArn === arn)).toHaveLength(1)
  })

  it('refuses an execution of the same name with another input', async () => {
    const arn = machine()
    await deploy(request(target({ stateMachineArn: arn }), 'dep_7004_1'), context())
    const other = target({ stateMachineArn: arn, input: { owner: 'someone-else' } })
    await expect(deploy(request(other, 'dep_7004_1'), context())).rejects.toMatchObject({
      code: 'DEPLOY_FAILED',
      message: expect.stringMatching(/already exists .* with a different input/)
    })
  })

  it('reports a failure in CheckDeployment as HEALTH_CHECK_FAILED with the error and cause', async () => {
    const arn = machine({ outcome: 'fail-check' })
    const c = context()
    const error = await deploy(request(target({ stateMachineArn: arn })), c).catch(
      e => e as DeployError
    )
    expect(error).toBeInstanceOf(DeployError)
    expect(error).toMatchObject({ code: 'HEALTH_CHECK_FAILED' })
    expect((error as DeployError).message).toMatch(
      /failed in state CheckDeployment: DeploymentUnhealthy: .*0 of 2 targets healthy/
    )
    expect((error as DeployError).details).toMatch(/execution: arn:aws:states:/)
    expect(states(c).slice(-2)).toEqual(['CheckDeployment:RUNNING', 'CheckDeployment:FAILED'])
    expect(c.progressed.at(-1)?.message).toBe(
      'Step Functions: CheckDeployment failed (DeploymentUnhealthy)'
    )
    expect(looksAfterEnd(executionOf(arn))).toHaveLength(1)
    expectPollCadence(c)
  })

  it('reports the same failure as DEPLOY_FAILED when CheckDeployment is not a health check state', async () => {
    const arn = machine({ outcome: 'fail-check' })
    const t = target({ stateMachineArn: arn, healthCheckStates: [] })
    await expect(deploy(request(t), context())).rejects.toMatchObject({ code: 'DEPLOY_FAILED' })
  })

  it('reports an execution stopped from outside as DEPLOY_FAILED, within one look', async () => {
    const arn = machine({ outcome: 'aborted' })
    const c = context()
    const error = await deploy(request(target({ stateMachineArn: arn })), c).catch(
      e => e as DeployError
    )
    expect(error).toMatchObject({
      code: 'DEPLOY_FAILED',
      message: expect.stringMatching(/was stopped in state RegisterTaskAndDeploy/)
    })
    expect(states(c).slice(-1)).toEqual(['RegisterTaskAndDeploy:FAILED'])
    expect(looksAfterEnd(executionOf(arn))).toHaveLength(1)
    expectPollCadence(c)
  })

  it("reports the state machine's own timeout as TIMEOUT", async () => {
    const arn = machine({ outcome: 'timed-out', checkLoops: 2 })
    const c = context()
    await expect(deploy(request(target({ stateMachineArn: arn })), c)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringMatching(/ran past the state machine's own timeout/)
    })
    expect(looksAfterEnd(executionOf(arn))).toHaveLength(1)
    expectPollCadence(c)
  })

  it('gives TIMEOUT at deploy_timeout and stops the execution when stop_on_timeout is set', async () => {
    const arn = machine({ outcome: 'endless' })
    const t = target({ stateMachineArn: arn, stopOnTimeout: true })
    const c = context({ timeoutMs: 300 })
    await expect(deploy(request(t), c)).rejects.toMatchObject({ code: 'TIMEOUT' })
    const execution = sim.execution(executionOf(arn))
    expect(execution.status).toBe('ABORTED')
    expect(execution.error).toBe('DeployPipeline.Timeout')
    expect(c.infos.join('\n')).toMatch(/Stopped Step Functions execution/)
  })

  it('stops the execution when the run is cancelled and stop_on_timeout is set', async () => {
    const arn = machine({ outcome: 'endless' })
    const c = context()
    const running = deploy(request(target({ stateMachineArn: arn, stopOnTimeout: true })), c)
    await waitUntil('two progress events', () => c.progressed.length >= 2)
    c.controller.abort()
    await expect(running).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringMatching(/; stopped Step Functions execution .* \(stop_on_timeout\)$/)
    })
    const execution = sim.execution(executionOf(arn))
    expect(execution.status).toBe('ABORTED')
    expect(execution.error).toBe('DeployPipeline.Cancelled')
  })

  it('leaves the execution running at deploy_timeout without stop_on_timeout', async () => {
    const arn = machine({ outcome: 'endless' })
    await expect(
      deploy(request(target({ stateMachineArn: arn })), context({ timeoutMs: 200 }))
    ).rejects.toMatchObject({ code: 'TIMEOUT' })
    const execution = sim.execution(executionOf(arn))
    expect(execution.status).toBe('RUNNING')
    expect(sim.aws.operations).not.toContain('StopExecution')
  })

  it('ends with CANCELLED when the run is cancelled, leaving the execution alone', async () => {
    const arn = machine({ outcome: 'endless' })
    const c = context()
    const running = deploy(request(target({ stateMachineArn: arn })), c)
    await waitUntil('two progress events', () => c.progressed.length >= 2)
    c.controller.abort()
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(sim.execution(executionOf(arn)).status).toBe('RUNNING')
    expect(sim.aws.operations).not.toContain('StopExecution')
  })

  it('refuses an EXPRESS state machine before starting anything', async () => {
    const arn = machine({ type: 'EXPRESS' })
    await expect(
      deploy(request(target({ stateMachineArn: arn })), context())
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/EXPRESS workflow: it keeps no execution history/)
    })
    expect([...sim.executions.values()].some(e => e.stateMachineArn === arn)).toBe(false)
  })

  it('names a state machine that does not exist', async () => {
    const t = target({
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:missing'
    })
    await expect(deploy(request(t), context())).rejects.toMatchObject({
      code: 'DEPLOY_FAILED',
      message: expect.stringMatching(/StateMachineDoesNotExist/)
    })
  })
})

describe('Step Functions deploy, a 500-event history', () => {
  it('reads per look only about as many events as are new, and reports every state', async () => {
    const loops = Math.ceil((500 - eventCount(0)) / 9)
    const arn = machine({ checkLoops: loops, stepMs: 4 })
    const c = context({ pollIntervalMs: 10 })
    const outcome = await deploy(request(target({ stateMachineArn: arn })), c)
    const executionArn = outcome.outputs?.execution_arn ?? ''
    const total = sim.execution(executionArn).events.length
    expect(total).toBe(eventCount(loops))
    expect(total).toBeGreaterThanOrEqual(500)

    const looks = groupLooks(callsFor(executionArn))
    let seen = 0
    let previousNew = 0
    let transferred = 0
    for (const look of looks) {
      const ids = look.flatMap(call => call.ids)
      const fresh = ids.filter(id => id > seen).length
      transferred += ids.length
      // What a look re-reads is bounded by the previous look's news, not by the history's length.
      if (seen > 0) expect(ids.length - fresh).toBeLessThanOrEqual(Math.max(10, 2 * previousNew))
      seen = Math.max(seen, ...ids)
      previousNew = fresh
    }
    expect(seen).toBe(total)
    expect(transferred).toBeLessThan(3 * total + 10 * looks.length)
    // Each look is one call, and one more only when a burst outgrew the page asked for.
    expect(looks.every(look => look.length <= 2)).toBe(true)
    expect(states(c).filter(s => s === 'CheckDeployment:SUCCEEDED')).toHaveLength(loops + 1)
    expect(looksAfterEnd(executionArn)).toHaveLength(1)
    expectPollCadence(c)
  })
})

describe('Step Functions deploy, find mode', () => {
  it('reads the execution ARN from a secret that appears late, then deletes the secret', async () => {
    const arn = machine()
    const executionArn = sim.startExternally(arn, { detail: { 'image-digest': DIGEST } })
    sim.putSecret('panda/deployment/dep_7101_1', JSON.stringify({ executionArn }), {
      afterMisses: 2
    })
    const t = target({
      mode: 'find',
      secretName: 'panda/deployment/{deployment_id}',
      secretIntervalMs: POLL_MS,
      deleteSecret: true
    })
    const c = context()
    const outcome = await deploy(request(t, 'dep_7101_1'), c)
    expect(outcome.outputs?.execution_arn).toBe(executionArn)
    expect(sim.secretReads.filter(n => n === 'panda/deployment/dep_7101_1')).toHaveLength(3)
    expect(c.infos).toContain('waiting for secret panda/deployment/dep_7101_1 (try 1 of 3)')
    expect(sim.hasSecret('panda/deployment/dep_7101_1')).toBe(false)
    expect(looksAfterEnd(executionArn)).toHaveLength(1)
    expectPollCadence(c)
  })

  it('gives up after secret_tries when the secret never appears', async () => {
    const t = target({ mode: 'find', secretName: 'deploy/{deployment_id}', secretTries: 4 })
    await expect(deploy(request(t, 'dep_7102_1'), context())).rejects.toMatchObject({
      code: 'DEPLOY_FAILED',
      message: expect.stringMatching(/secret 'deploy\/dep_7102_1' did not appear after 4 tries/)
    })
    expect(sim.secretReads.filter(n => n === 'deploy/dep_7102_1')).toHaveLength(4)
  })

  it('finds the execution among the state machine executions by the image it carries', async () => {
    const arn = machine()
    sim.startExternally(arn, { detail: { 'image-digest': `sha256:${'cd'.repeat(32)}` } })
    const ours = sim.startExternally(arn, {
      detail: {
        'repository-name': 'pipeline',
        'image-tag': 'dev-2611240700',
        'image-digest': DIGEST
      }
    })
    sim.startExternally(arn, { detail: { 'image-digest': `sha256:${'ef'.repeat(32)}` } })
    // The same image promoted under another tag: same digest, not ours.
    sim.startExternally(arn, { detail: { 'image-tag': 'rc-2611240900', 'image-digest': DIGEST } })
    const t = target({ mode: 'find', secretName: 'deploy/{deployment_id}', stateMachineArn: arn })
    const outcome = await deploy(request(t, 'dep_7103_1'), context())
    expect(outcome.outputs?.execution_arn).toBe(ours)
  })
})

describe('Step Functions deploy, trouble on the wire', () => {
  const isHistory = (r: { headers: Record<string, unknown> }): boolean =>
    String(r.headers['x-amz-target']).endsWith('.GetExecutionHistory')

  /** Matches history calls from the third on, so the trouble comes in the middle of the follow. */
  function midway(): (r: { headers: Record<string, unknown> }) => boolean {
    let seen = 0
    return r => isHistory(r) && ++seen >= 3
  }

  afterEach(() => {
    // A fault a test did not use up must not leak into the next. Dropped, not served: a fault
    // whose match no request meets (midway() counts calls) would never be taken.
    sim.aws.faults.clear()
  })

  it.each([
    ['throttling', THROTTLING],
    [
      'a 5xx',
      { kind: 'status', status: 503, body: { __type: 'ServiceUnavailable', message: 'busy' } }
    ],
    ['a connection reset', { kind: 'reset' }],
    ['a malformed answer', { kind: 'malformed' }]
  ] as const)('follows through %s in the middle of the history', async (_, fault) => {
    const arn = machine({ checkLoops: 2 })
    sim.aws.faults.inject(fault, { times: 2, match: midway() })
    const c = context()
    const outcome = await deploy(request(target({ stateMachineArn: arn })), c)
    expect(sim.aws.faults.pending).toBe(0)
    expect(outcome.deploymentUrl).toBe('http://green-123.us-east-1.elb.amazonaws.com')
    expect(c.infos.join('\n')).toMatch(
      /Step Functions execution dep_7001_1-pipeline: .*trying again in \d+ ms/
    )
    expect(states(c).filter(s => s === 'CheckDeployment:SUCCEEDED')).toHaveLength(3)
    expect(looksAfterEnd(outcome.outputs?.execution_arn ?? '')).toHaveLength(1)
    expectPollCadence(c, c.infos.filter(line => line.includes('trying again')).length)
  })

  it('honours Retry-After on a throttled look', async () => {
    const arn = machine()
    sim.aws.faults.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '1' },
        body: { __type: 'ThrottlingException', message: 'slow down' }
      },
      { times: 1, match: midway() }
    )
    const c = context()
    await deploy(request(target({ stateMachineArn: arn })), c)
    const notice = c.infos.find(line => /execution dep_7001_1-pipeline: throttled/.test(line))
    // At least the second Retry-After asked for (a wait under a second would read "… ms").
    expect(Number(/trying again in (\d+) s$/.exec(notice ?? '')?.[1])).toBeGreaterThanOrEqual(1)
  })

  it('gives TIMEOUT when a look hangs past the deadline', async () => {
    // An execution that ends well within the deadline: only the hang can make this a TIMEOUT.
    const arn = machine()
    const hangs = (): number => sim.aws.faultsServed.filter(kind => kind === 'hang').length
    const hangsBefore = hangs()
    sim.aws.faults.inject({ kind: 'hang' }, { times: 1, match: midway() })
    await expect(
      deploy(
        request(target({ stateMachineArn: arn })),
        // Real waits: the follower's real deadline, not simulated time, must run out in the hang.
        context({ timeoutMs: 1500, realTime: true })
      )
    ).rejects.toMatchObject({ code: 'TIMEOUT' })
    expect(hangs()).toBe(hangsBefore + 1)
    // By the deadline, the execution had succeeded.
    const started = sim.execution(executionOf(arn)).startedAt
    clock.advance(started + 1500 - clock.now())
    expect(sim.execution(executionOf(arn)).status).toBe('SUCCEEDED')
  })

  it('retries StartExecution after a dropped connection without starting twice', async () => {
    const arn = machine()
    sim.aws.faults.inject(
      { kind: 'reset' },
      { times: 1, match: r => String(r.headers['x-amz-target']).endsWith('.StartExecution') }
    )
    await deploy(request(target({ stateMachineArn: arn }), 'dep_7201_1'), context())
    expect([...sim.executions.values()].filter(e => e.stateMachineArn === arn)).toHaveLength(1)
  })
})

describe('Step Functions deploy, one-off calls under trouble', () => {
  it('joins the execution when StartExecution did its work but the answer was lost', async () => {
    const arn = machine()
    sim.loseNextStartAnswer()
    const c = context()
    const outcome = await deploy(request(target({ stateMachineArn: arn }), 'dep_7202_1'), c)
    expect([...sim.executions.values()].filter(e => e.stateMachineArn === arn)).toHaveLength(1)
    expect(sim.aws.operations.filter(o => o === 'StartExecution')).toHaveLength(2)
    expect(outcome.outputs?.execution_arn).toMatch(/:execution:deploy-\d+:dep_7202_1-pipeline$/)
    expect(c.infos.join('\n')).toMatch(/StartExecution: HTTP 500; trying again/)
  })

  it('keeps looking for the secret through throttling, a 5xx and a malformed answer', async () => {
    const arn = machine()
    const executionArn = sim.startExternally(arn, {})
    sim.putSecret('deploy/dep_7203_1', executionArn, { afterMisses: 1 })
    const isSecretRead = (r: { headers: Record<string, unknown> }): boolean =>
      String(r.headers['x-amz-target']) === 'secretsmanager.GetSecretValue'
    sim.aws.faults.inject(THROTTLING, { times: 1, match: isSecretRead })
    sim.aws.faults.inject(
      { kind: 'status', status: 500, body: { __type: 'InternalServiceError' } },
      { times: 1, match: isSecretRead }
    )
    sim.aws.faults.inject({ kind: 'malformed' }, { times: 1, match: isSecretRead })
    const t = target({ mode: 'find', secretName: 'deploy/{deployment_id}' })
    const outcome = await deploy(request(t, 'dep_7203_1'), context())
    expect(outcome.outputs?.execution_arn).toBe(executionArn)
    expect(sim.aws.faults.pending).toBe(0)
  })
})

describe('Step Functions deploy, answers that cannot be read', () => {
  it('asks for the secret again and gives up on DeleteSecret, quoting neither answer', async () => {
    const arn = machine()
    const executionArn = sim.startExternally(arn, {})
    sim.putSecret('deploy/dep_7204_1', executionArn)
    // The SDK's parse error would quote this unquoted value.
    const leaked = 'sk-9f8e7d'
    const cutOff = { kind: 'malformed' as const, body: `{"SecretString": ${leaked}}` }
    const isOperation =
      (target: string) =>
      (r: { headers: Record<string, unknown> }): boolean =>
        String(r.headers['x-amz-target']) === target
    sim.aws.faults.inject(cutOff, { times: 1, match: isOperation('secretsmanager.GetSecretValue') })
    sim.aws.faults.inject(cutOff, { times: 1, match: isOperation('secretsmanager.DeleteSecret') })
    const t = target({ mode: 'find', secretName: 'deploy/{deployment_id}', deleteSecret: true })
    const c = context()

    const outcome = await deploy(request(t, 'dep_7204_1'), c)

    expect(outcome.outputs?.execution_arn).toBe(executionArn)
    expect(sim.aws.operations.filter(o => o === 'GetSecretValue')).toHaveLength(2)
    expect(c.infos).toContainEqual(
      expect.stringMatching(
        /^the Step Functions execution of pipeline: Secrets Manager GetSecretValue answered HTTP 200 with a malformed body that could not be read; trying again in \d+ ms$/
      )
    )
    // A delete may have happened: it is not sent again, and the deploy only warns.
    expect(sim.aws.operations.filter(o => o === 'DeleteSecret')).toHaveLength(1)
    expect(c.warnings).toEqual([
      expect.stringMatching(/^Could not delete secret deploy\/dep_7204_1: .*not sent again/)
    ])
    expect(JSON.stringify([c.infos, c.warnings, c.progressed])).not.toContain(leaked)
    expect(sim.aws.faults.pending).toBe(0)
  })
})

describe('the simulator pages GetExecutionHistory like the real API', () => {
  it('orders, pages, drops execution data and refuses foreign tokens and oversized pages', async () => {
    const arn = machine()
    const executionArn = sim.startExternally(arn, {})
    clock.advance(60_000)
    expect(sim.execution(executionArn).status).toBe('SUCCEEDED')
    const client = new SFNClient({ region: 'us-east-1', maxAttempts: 1 })
    const newest = await client.send(
      new GetExecutionHistoryCommand({
        executionArn,
        reverseOrder: true,
        maxResults: 5,
        includeExecutionData: false
      })
    )
    expect(newest.events?.map(e => e.id)).toEqual([21, 20, 19, 18, 17])
    const newestEvent = nth(newest.events ?? [], 0, 'history event')
    expect(newestEvent.executionSucceededEventDetails?.output).toBeUndefined()
    expect(newestEvent.timestamp).toBeInstanceOf(Date)
    const older = await client.send(
      new GetExecutionHistoryCommand({
        executionArn,
        reverseOrder: true,
        maxResults: 5,
        nextToken: newest.nextToken
      })
    )
    expect(older.events?.map(e => e.id)).toEqual([16, 15, 14, 13, 12])
    const full = await client.send(new GetExecutionHistoryCommand({ executionArn }))
    expect(full.events?.map(e => e.id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    expect(full.nextToken).toBeUndefined()
    expect(full.events?.[20]?.executionSucceededEventDetails?.output).toContain('elb_url')
    await expect(
      client.send(new GetExecutionHistoryCommand({ executionArn, nextToken: newest.nextToken }))
    ).rejects.toMatchObject({ name: 'InvalidToken' })
    await expect(
      client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1001 }))
    ).rejects.toMatchObject({ name: 'ValidationException' })
    // Off the model on purpose: the check refused it, as Step Functions does.
    expect(sim.aws.contract?.take().map(v => v.problems)).toEqual([
      [expect.stringContaining("at 'input.maxResults' failed to satisfy constraint")]
    ])
  })
})

describe('pure pieces', () => {
  it('derives a valid, stable execution name of at most 80 characters', () => {
    expect(executionName('dep_123_1', 'api')).toBe('dep_123_1-api')
    expect(executionName('dep 1/2:3', 'a.b')).toBe('dep-1-2-3-a-b')
    const long = executionName(`dep_${'9'.repeat(100)}_1`, 'api')
    const other = executionName(`dep_${'9'.repeat(100)}_2`, 'api')
    expect(long).toHaveLength(80)
    expect(long).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(long).not.toBe(other)
    expect(executionName(`dep_${'9'.repeat(100)}_1`, 'api')).toBe(long)
  })

  it('lets the config input set context but never the deployment identity', () => {
    const t = target({
      input: { owner: 'panda', image_uri: 'not-ours', deployment_id: 'x', extra: 1 }
    })
    expect(startInput(request(t))).toMatchObject({
      owner: 'panda',
      repo: 'shop',
      extra: 1,
      image_uri: IMAGE,
      deployment_id: 'dep_7001_1'
    })
  })

  it('fills the secret name template and names an unknown placeholder', () => {
    const r = request(target())
    expect(secretNameFor('panda/deployment/{deployment_id}', r)).toBe('panda/deployment/dep_7001_1')
    expect(secretNameFor('{environment}/{service}', r)).toBe('dev/pipeline')
    expect(() => secretNameFor('deploy/{run}', r)).toThrow(/uses \{run\}; known placeholders/)
  })

  it('reads an execution ARN from a plain or JSON secret', () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:execution:deploy:abc'
    expect(executionArnFromSecret(` ${arn}\n`)).toBe(arn)
    expect(executionArnFromSecret(JSON.stringify({ execution_arn: arn }))).toBe(arn)
    expect(executionArnFromSecret('{"foo":1}')).toBeUndefined()
    expect(executionArnFromSecret('hello')).toBeUndefined()
  })

  it('recognises the image by its whole reference or its digest', () => {
    expect(carriesImage(`{"image":"${IMAGE}"}`, IMAGE)).toBe(true)
    expect(carriesImage(`{"image-tag":"dev-2611240700","image-digest":"${DIGEST}"}`, IMAGE)).toBe(
      true
    )
    expect(carriesImage(`{"image":"${IMAGE.split('@')[0]}"}`, IMAGE)).toBe(true)
    expect(carriesImage(`{"image-tag":"rc-1","image-digest":"${DIGEST}"}`, IMAGE)).toBe(false)
    expect(carriesImage('{"image-digest":"sha256:00"}', IMAGE)).toBe(false)
    expect(carriesImage(undefined, IMAGE)).toBe(false)
  })

  it('takes elb_url or url from the output, nested too', () => {
    expect(urlFromOutput('{"elb_url":"http://lb","url":"http://u"}')).toBe('http://lb')
    expect(urlFromOutput('{"Payload":{"url":"https://app"}}')).toBe('https://app')
    expect(urlFromOutput('{"status":"ok"}')).toBeUndefined()
    expect(urlFromOutput('not json')).toBeUndefined()
  })

  it('reads only the new events: the whole history once, then small pages, one more for a burst', async () => {
    let history = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, type: 'TaskScheduled' }))
    const asked: number[] = []
    // Newest first, as GetExecutionHistory with reverseOrder; the token is the offset.
    const api = {
      historyPage: async (r: { maxResults: number; nextToken: string | undefined }) => {
        asked.push(r.maxResults)
        const newest = [...history].reverse()
        const start = Number(r.nextToken ?? 0)
        const end = start + r.maxResults
        return {
          events: newest.slice(start, end) as never[],
          nextToken: end < newest.length ? String(end) : undefined
        }
      }
    }
    const signal = new AbortController().signal
    const first = await readNewEvents(api, 'arn', FIRST_CURSOR, signal)
    expect(first.events.map(e => e.id)).toEqual(history.map(e => e.id))
    expect(asked).toEqual([1000, 1000, 500])
    expect(first.cursor).toEqual({ lastEventId: 2500, pageSize: 1000 })

    asked.length = 0
    history = [...history, ...Array.from({ length: 3 }, (_, i) => ({ id: 2501 + i, type: 'X' }))]
    const quiet = await readNewEvents(api, 'arn', { lastEventId: 2500, pageSize: 10 }, signal)
    expect(quiet.events.map(e => e.id)).toEqual([2501, 2502, 2503])
    expect(asked).toEqual([10])
    expect(quiet.cursor).toEqual({ lastEventId: 2503, pageSize: 10 })

    asked.length = 0
    history = [...history, ...Array.from({ length: 40 }, (_, i) => ({ id: 2504 + i, type: 'X' }))]
    const burst = await readNewEvents(api, 'arn', quiet.cursor, signal)
    expect(burst.events).toHaveLength(40)
    expect(burst.events[0]?.id).toBe(2504)
    expect(asked).toEqual([10, 30])
    expect(burst.cursor.pageSize).toBe(80)

    asked.length = 0
    const idle = await readNewEvents(api, 'arn', { lastEventId: 2543, pageSize: 10 }, signal)
    expect(idle.events).toEqual([])
    expect(asked).toEqual([10])
  })

  it('forgives a task failure that a retry recovered from', () => {
    const events = [
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'CheckDeployment' } },
      { type: 'TaskFailed', taskFailedEventDetails: { error: 'Lambda.ServiceException' } },
      { type: 'TaskSucceeded' },
      { type: 'TaskStateExited', stateExitedEventDetails: { name: 'CheckDeployment' } },
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'Notify' } },
      { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Runtime' } }
    ].map((e, i) => ({ ...e, id: i + 1, timestamp: new Date() })) as never[]
    const { trail, updates } = applyEvents(EMPTY_TRAIL, events)
    expect(updates.map(u => `${u.taskName}:${u.state}`)).toEqual([
      'CheckDeployment:RUNNING',
      'CheckDeployment:FAILED',
      'CheckDeployment:SUCCEEDED',
      'Notify:RUNNING',
      'Notify:FAILED'
    ])
    const judged = judgeEnd(trail, { executionArn: 'arn:x', error: 'States.Runtime' } as never, [
      'CheckDeployment'
    ])
    expect(judged).toMatchObject({
      code: 'DEPLOY_FAILED',
      message: expect.stringMatching(/in state Notify/)
    })
  })

  it('counts a caught health check failure routed to a Fail state as HEALTH_CHECK_FAILED', () => {
    const events = [
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'CheckDeployment' } },
      { type: 'TaskFailed', taskFailedEventDetails: { error: 'Unhealthy' } },
      { type: 'TaskStateExited', stateExitedEventDetails: { name: 'CheckDeployment' } },
      { type: 'FailStateEntered', stateEnteredEventDetails: { name: 'DeploymentFailed' } },
      { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'Unhealthy' } }
    ].map((e, i) => ({ ...e, id: i + 1, timestamp: new Date() })) as never[]
    const { trail } = applyEvents(EMPTY_TRAIL, events)
    expect(judgeEnd(trail, { executionArn: 'arn:x' } as never, ['CheckDeployment'])).toMatchObject({
      code: 'HEALTH_CHECK_FAILED'
    })
  })

  it('treats a redriven execution as running again', () => {
    const ended = applyEvents(EMPTY_TRAIL, [{ type: 'ExecutionFailed', id: 1 }] as never[]).trail
    expect(ended.end?.type).toBe('ExecutionFailed')
    expect(
      applyEvents(ended, [{ type: 'ExecutionRedriven', id: 2 }] as never[]).trail.end
    ).toBeUndefined()
  })
})

type Look = [HistoryCall, ...HistoryCall[]]

/** Looks are runs of calls: a call without a token starts one, its pages follow with tokens. */
function groupLooks(calls: HistoryCall[]): Look[] {
  const looks: Look[] = []
  for (const call of calls) {
    const current = looks.at(-1)
    if (!call.withToken || !current) looks.push([call])
    else current.push(call)
  }
  return looks
}

beforeEach(() => {
  sim.historyCalls.length = 0
  sim.aws.operations.length = 0
})

describe('the execution’s console link', () => {
  it.each([
    [
      'arn:aws:states:eu-west-1:123456789012:execution:deploy:run-1',
      'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:aws:states:eu-west-1:123456789012:execution:deploy:run-1'
    ],
    [
      'arn:aws-us-gov:states:us-gov-west-1:123456789012:execution:deploy:run-1',
      'https://console.amazonaws-us-gov.com/states/home?region=us-gov-west-1#/v2/executions/details/arn:aws-us-gov:states:us-gov-west-1:123456789012:execution:deploy:run-1'
    ],
    [
      'arn:aws-cn:states:cn-north-1:123456789012:execution:deploy:run-1',
      'https://console.amazonaws.cn/states/home?region=cn-north-1#/v2/executions/details/arn:aws-cn:states:cn-north-1:123456789012:execution:deploy:run-1'
    ],
    ['arn:aws-iso:states:us-iso-east-1:123456789012:execution:deploy:run-1', undefined]
  ])('is in the partition of %s', (arn, url) => {
    expect(consoleUrl(arn)).toBe(url)
  })
})
