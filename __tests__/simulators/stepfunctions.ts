import { randomUUID } from 'node:crypto'
import { AwsFault, awsTestEnv, startAwsSimulator, type AwsSimulator } from './aws.js'

/**
 * Step Functions (AWS JSON 1.0, `AWSStepFunctions.*`) and Secrets Manager (JSON 1.1,
 * `secretsmanager.*`) as the real SDK clients see them. An execution's history grows on a script:
 * each step is due some milliseconds after the one before, and a step's events become visible to
 * every call made at or after its due time, stamped with that time, exactly as if a timer had
 * written them then. Time is the `now` it is given (a test's simulated clock, so the history grows
 * with the follower's own waits and not with the machine's load), else real time. The terminal
 * event's due time is kept, so a test can count the looks made after the end.
 *
 * Modelled after the API reference: GetExecutionHistory pages (maxResults 0 -> 100, at most 1000,
 * nextToken bound to its execution and order, reverseOrder, includeExecutionData dropping inputs
 * and outputs); StartExecution idempotent by name while the execution runs with the same input,
 * ExecutionAlreadyExists otherwise; StopExecution appending ExecutionAborted; EXPRESS state
 * machines refusing the history calls.
 */
const ACCOUNT = '123456789012'
const REGION = 'us-east-1'

/** One history event as the script gives it: type and details, without id or time. */
export interface EventSpec {
  type: string
  [details: string]: unknown
}

export interface ScriptStep {
  /** Milliseconds after the previous step (or the start). */
  afterMs: number
  events: EventSpec[]
}

export type Script = () => ScriptStep[]

interface WireEvent {
  id: number
  previousEventId: number
  timestamp: number
  type: string
  [details: string]: unknown
}

export interface SimExecution {
  readonly arn: string
  readonly name: string
  readonly stateMachineArn: string
  readonly input: string
  readonly startedAt: number
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'
  readonly events: WireEvent[]
  pending: Array<{ dueAt: number; spec: EventSpec }>
  /** When the terminal event was (due to be) written, ms since the epoch. */
  terminalAt: number | undefined
  stopDate: number | undefined
  output: string | undefined
  error: string | undefined
  cause: string | undefined
}

export interface HistoryCall {
  at: number
  executionArn: string
  maxResults: number
  reverseOrder: boolean
  includeExecutionData: boolean
  withToken: boolean
  ids: number[]
}

export interface SfnSimulator {
  readonly aws: AwsSimulator
  readonly url: string
  readonly historyCalls: HistoryCall[]
  /** Secret names asked for, in order (found or not). */
  readonly secretReads: string[]
  readonly executions: Map<string, SimExecution>
  createStateMachine(
    name: string,
    options?: { type?: 'STANDARD' | 'EXPRESS'; script?: Script }
  ): string
  /** An execution started from outside (EventBridge on the image push). */
  startExternally(
    stateMachineArn: string,
    input: unknown,
    options?: { name?: string; script?: Script }
  ): string
  /** The secret answers ResourceNotFoundException to the first `afterMisses` reads. */
  putSecret(name: string, value: string, options?: { afterMisses?: number }): void
  hasSecret(name: string): boolean
  /** The next StartExecution starts the execution, then answers 500 as if the answer was lost. */
  loseNextStartAnswer(): void
  execution(arn: string): SimExecution
  close(): Promise<void>
}

interface StateMachine {
  arn: string
  name: string
  type: 'STANDARD' | 'EXPRESS'
  script: Script
  createdAt: number
}

/**
 * `sdkEnv` points the real SDK clients of this process at the simulator (AWS_ENDPOINT_URL_SFN,
 * AWS_ENDPOINT_URL_SECRETS_MANAGER, test credentials) until it is closed.
 */
export async function startSfnSimulator(
  options: { sdkEnv?: boolean; now?: () => number } = {}
): Promise<SfnSimulator> {
  const now = options.now ?? Date.now
  const machines = new Map<string, StateMachine>()
  const executions = new Map<string, SimExecution>()
  const secrets = new Map<string, { value: string; misses: number; createdAt: number }>()
  const historyCalls: HistoryCall[] = []
  const secretReads: string[] = []
  let loseStartAnswer = false

  function machine(arn: unknown): StateMachine {
    const found = machines.get(String(arn))
    if (!found)
      throw new AwsFault(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${String(arn)}'`
      )
    return found
  }

  function execution(arn: unknown): SimExecution {
    const found = executions.get(String(arn))
    if (!found)
      throw new AwsFault('ExecutionDoesNotExist', `Execution Does Not Exist: '${String(arn)}'`)
    materialise(found, now())
    return found
  }

  function begin(sm: StateMachine, name: string, input: string, script: Script): SimExecution {
    const kind = sm.type === 'EXPRESS' ? 'express' : 'execution'
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:${kind}:${sm.name}:${name}`
    const startedAt = now()
    let dueAt = startedAt
    const pending: SimExecution['pending'] = [
      {
        dueAt,
        spec: { type: 'ExecutionStarted', executionStartedEventDetails: { input, roleArn: role() } }
      }
    ]
    for (const step of script()) {
      dueAt += step.afterMs
      for (const spec of step.events) pending.push({ dueAt, spec })
    }
    const created: SimExecution = {
      arn,
      name,
      stateMachineArn: sm.arn,
      input,
      startedAt,
      status: 'RUNNING',
      events: [],
      pending,
      terminalAt: undefined,
      stopDate: undefined,
      output: undefined,
      error: undefined,
      cause: undefined
    }
    executions.set(arn, created)
    return created
  }

  const sfn = {
    DescribeStateMachine: (input: Record<string, unknown>) => {
      const sm = machine(input.stateMachineArn)
      return {
        stateMachineArn: sm.arn,
        name: sm.name,
        status: 'ACTIVE',
        type: sm.type,
        definition: '{"StartAt":"EnsureInfra","States":{}}',
        roleArn: role(),
        creationDate: sm.createdAt / 1000
      }
    },
    StartExecution: (input: Record<string, unknown>) => {
      const sm = machine(input.stateMachineArn)
      const name = typeof input.name === 'string' ? input.name : randomUUID()
      if (!validName(name)) {
        throw new AwsFault('InvalidName', `Invalid Name: '${name}'`)
      }
      const body = typeof input.input === 'string' ? input.input : '{}'
      try {
        JSON.parse(body)
      } catch {
        throw new AwsFault(
          'InvalidExecutionInput',
          'Invalid State Machine Execution Input: not JSON'
        )
      }
      const existing = [...executions.values()].find(
        e => e.stateMachineArn === sm.arn && e.name === name
      )
      if (existing) {
        materialise(existing, now())
        if (existing.status === 'RUNNING' && existing.input === body) {
          return { executionArn: existing.arn, startDate: existing.startedAt / 1000 }
        }
        throw new AwsFault('ExecutionAlreadyExists', `Execution Already Exists: '${existing.arn}'`)
      }
      const started = begin(sm, name, body, sm.script)
      if (loseStartAnswer) {
        loseStartAnswer = false
        throw new AwsFault('InternalFailure', 'The request processing has failed', 500)
      }
      return { executionArn: started.arn, startDate: started.startedAt / 1000 }
    },
    DescribeExecution: (input: Record<string, unknown>) => {
      const e = execution(input.executionArn)
      if (e.arn.includes(':express:')) throw invalidExpress(e.arn)
      return {
        executionArn: e.arn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: e.startedAt / 1000,
        ...(e.stopDate === undefined ? {} : { stopDate: e.stopDate / 1000 }),
        input: e.input,
        inputDetails: { included: true },
        ...(e.output === undefined ? {} : { output: e.output, outputDetails: { included: true } }),
        ...(e.error === undefined ? {} : { error: e.error }),
        ...(e.cause === undefined ? {} : { cause: e.cause })
      }
    },
    GetExecutionHistory: (input: Record<string, unknown>) => {
      const e = execution(input.executionArn)
      if (e.arn.includes(':express:')) throw invalidExpress(e.arn)
      const requested = input.maxResults === undefined ? 0 : Number(input.maxResults)
      if (!Number.isInteger(requested) || requested < 0 || requested > 1000) {
        throw new AwsFault(
          'ValidationException',
          `1 validation error detected: Value '${String(input.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`
        )
      }
      const maxResults = requested || 100
      const reverseOrder = input.reverseOrder === true
      const includeExecutionData = input.includeExecutionData !== false
      const ordered = reverseOrder ? [...e.events].reverse() : e.events
      let start = 0
      if (input.nextToken !== undefined)
        start = readToken(input.nextToken, e.arn, reverseOrder, ordered)
      const page = ordered.slice(start, start + maxResults)
      const last = page.at(-1)
      const more = last !== undefined && start + maxResults < ordered.length
      historyCalls.push({
        at: now(),
        executionArn: e.arn,
        maxResults,
        reverseOrder,
        includeExecutionData,
        withToken: input.nextToken !== undefined,
        ids: page.map(event => event.id)
      })
      return {
        events: page.map(event => (includeExecutionData ? event : withoutData(event))),
        ...(more ? { nextToken: writeToken(e.arn, reverseOrder, last.id) } : {})
      }
    },
    ListExecutions: (input: Record<string, unknown>) => {
      const sm = machine(input.stateMachineArn)
      const maxResults = Number(input.maxResults ?? 0) || 100
      const all = [...executions.values()]
        .filter(e => e.stateMachineArn === sm.arn)
        .map(e => (materialise(e, now()), e))
        .filter(e => input.statusFilter === undefined || e.status === input.statusFilter)
        .reverse()
      const start =
        input.nextToken === undefined
          ? 0
          : Number(Buffer.from(String(input.nextToken), 'base64url').toString())
      const page = all.slice(start, start + maxResults)
      return {
        executions: page.map(e => ({
          executionArn: e.arn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: e.startedAt / 1000,
          ...(e.stopDate === undefined ? {} : { stopDate: e.stopDate / 1000 })
        })),
        ...(start + maxResults < all.length
          ? { nextToken: Buffer.from(String(start + maxResults)).toString('base64url') }
          : {})
      }
    },
    StopExecution: (input: Record<string, unknown>) => {
      const e = execution(input.executionArn)
      if (e.status === 'RUNNING') {
        const details: Record<string, unknown> = {}
        if (typeof input.error === 'string') details.error = input.error
        if (typeof input.cause === 'string') details.cause = input.cause
        e.pending = []
        append(e, { type: 'ExecutionAborted', executionAbortedEventDetails: details }, now())
      }
      return { stopDate: (e.stopDate ?? now()) / 1000 }
    }
  }

  const secretsManager = {
    GetSecretValue: (input: Record<string, unknown>) => {
      const name = String(input.SecretId)
      secretReads.push(name)
      const secret = secrets.get(name)
      if (!secret || secret.misses > 0) {
        if (secret) secret.misses--
        throw new AwsFault(
          'ResourceNotFoundException',
          "Secrets Manager can't find the specified secret."
        )
      }
      return {
        ARN: secretArn(name),
        Name: name,
        VersionId: randomUUID(),
        SecretString: secret.value,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: secret.createdAt / 1000
      }
    },
    DeleteSecret: (input: Record<string, unknown>) => {
      const name = String(input.SecretId)
      if (!secrets.has(name)) {
        throw new AwsFault(
          'ResourceNotFoundException',
          "Secrets Manager can't find the specified secret."
        )
      }
      secrets.delete(name)
      return { ARN: secretArn(name), Name: name, DeletionDate: now() / 1000 }
    }
  }

  const aws = await startAwsSimulator({ AWSStepFunctions: sfn, secretsmanager: secretsManager })
  const env = options.sdkEnv ? awsTestEnv(aws.url, ['SFN', 'SECRETS_MANAGER']) : {}
  const before = Object.fromEntries(Object.keys(env).map(key => [key, process.env[key]]))
  Object.assign(process.env, env)

  return {
    aws,
    url: aws.url,
    historyCalls,
    secretReads,
    executions,
    createStateMachine(name, options = {}) {
      const arn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`
      machines.set(arn, {
        arn,
        name,
        type: options.type ?? 'STANDARD',
        script: options.script ?? (() => deployScript({ outcome: 'success', stepMs: 10 })),
        createdAt: now()
      })
      return arn
    },
    startExternally(stateMachineArn, input, options = {}) {
      const sm = machine(stateMachineArn)
      return begin(
        sm,
        options.name ?? randomUUID(),
        JSON.stringify(input),
        options.script ?? sm.script
      ).arn
    },
    putSecret(name, value, options = {}) {
      secrets.set(name, { value, misses: options.afterMisses ?? 0, createdAt: now() })
    },
    hasSecret: name => secrets.has(name),
    loseNextStartAnswer: () => {
      loseStartAnswer = true
    },
    execution: arn => execution(arn),
    close: async () => {
      for (const [key, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      await aws.close()
    }
  }
}

function materialise(e: SimExecution, now: number): void {
  for (let next = e.pending[0]; next && next.dueAt <= now; next = e.pending[0]) {
    e.pending.shift()
    append(e, next.spec, next.dueAt)
  }
}

const TERMINAL: Record<string, SimExecution['status']> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED'
}

function append(e: SimExecution, spec: EventSpec, at: number): void {
  const id = e.events.length + 1
  e.events.push({ ...spec, id, previousEventId: id - 1, timestamp: at / 1000 })
  const status = TERMINAL[spec.type]
  if (!status) return
  e.status = status
  e.terminalAt = at
  e.stopDate = at
  e.pending = []
  const details = Object.values(spec).find(v => v && typeof v === 'object') as
    { output?: string; error?: string; cause?: string } | undefined
  e.output = details?.output
  e.error = details?.error
  e.cause = details?.cause
}

/** includeExecutionData: false drops every input, output and task parameters. */
function withoutData(event: WireEvent): WireEvent {
  const copy: WireEvent = { ...event }
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || !value || typeof value !== 'object') continue
    const details = { ...(value as Record<string, unknown>) }
    for (const field of ['input', 'output', 'parameters', 'inputDetails', 'outputDetails'])
      delete details[field]
    copy[key] = details
  }
  return copy
}

function writeToken(arn: string, reverse: boolean, lastId: number): string {
  return Buffer.from(JSON.stringify({ arn, reverse, lastId })).toString('base64url')
}

/** Where a page after `nextToken` starts; a token from another execution or order is refused. */
function readToken(token: unknown, arn: string, reverse: boolean, ordered: WireEvent[]): number {
  let parsed: { arn?: string; reverse?: boolean; lastId?: number }
  try {
    parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as typeof parsed
  } catch {
    throw new AwsFault('InvalidToken', 'Invalid Token: malformed')
  }
  if (parsed.arn !== arn || parsed.reverse !== reverse || typeof parsed.lastId !== 'number') {
    throw new AwsFault('InvalidToken', 'Invalid Token: it does not belong to this request')
  }
  return ordered.findIndex(event => event.id === parsed.lastId) + 1
}

/** The API reference: 1-80 characters, no whitespace, brackets, wildcards, specials or controls. */
function validName(name: string): boolean {
  const controls = [...name].some(ch => {
    const code = ch.charCodeAt(0)
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f)
  })
  return !controls && /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/.test(name)
}

function invalidExpress(arn: string): AwsFault {
  return new AwsFault(
    'InvalidArn',
    `Invalid Arn: 'Resource type not valid in this context: express' (${arn})`
  )
}

function role(): string {
  return `arn:aws:iam::${ACCOUNT}:role/deploy-state-machine`
}

function secretArn(name: string): string {
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`
}

// ---- scripts ---------------------------------------------------------------------------------

export type Outcome = 'success' | 'fail-check' | 'aborted' | 'timed-out' | 'endless'

export interface DeployScriptOptions {
  outcome: Outcome
  /** Milliseconds between steps. */
  stepMs: number
  /** Extra Wait -> CheckDeployment -> DeploymentStatusRouter rounds before the end (9 events each). */
  checkLoops?: number
  /** The output of a successful execution. */
  output?: unknown
}

/** History events of an execution of `outcome`: 21 + 9 * checkLoops events when it succeeds. */
export function eventCount(checkLoops: number): number {
  return 21 + 9 * checkLoops
}

/**
 * The deploy state machine: EnsureInfra -> RegisterTaskAndDeploy -> CheckDeployment ->
 * DeploymentStatusRouter, the router waiting and checking again until the deployment settles.
 */
export function deployScript(options: DeployScriptOptions): ScriptStep[] {
  const { stepMs } = options
  // Endless: far more rounds than any test waits for.
  const loops = options.outcome === 'endless' ? 2000 : (options.checkLoops ?? 0)
  const steps: ScriptStep[] = []
  const at = (...events: EventSpec[]): void => {
    steps.push({ afterMs: stepMs, events })
  }
  const task = (
    name: string,
    resource: string,
    failure?: { error: string; cause: string }
  ): void => {
    at(
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name, input: '{}' } },
      {
        type: 'TaskScheduled',
        taskScheduledEventDetails: {
          resourceType: 'lambda',
          resource: 'invoke',
          region: REGION,
          parameters: `{"FunctionName":"${resource}"}`
        }
      },
      {
        type: 'TaskStarted',
        taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' }
      }
    )
    if (failure) {
      at({
        type: 'TaskFailed',
        taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', ...failure }
      })
      return
    }
    at(
      {
        type: 'TaskSucceeded',
        taskSucceededEventDetails: {
          resourceType: 'lambda',
          resource: 'invoke',
          output: '{"ok":true}'
        }
      },
      { type: 'TaskStateExited', stateExitedEventDetails: { name, output: '{"ok":true}' } }
    )
  }
  const router = (): void =>
    at(
      {
        type: 'ChoiceStateEntered',
        stateEnteredEventDetails: { name: 'DeploymentStatusRouter', input: '{}' }
      },
      {
        type: 'ChoiceStateExited',
        stateExitedEventDetails: { name: 'DeploymentStatusRouter', output: '{}' }
      }
    )

  task('EnsureInfra', 'ensure-infra')
  if (options.outcome === 'aborted') {
    at({
      type: 'TaskStateEntered',
      stateEnteredEventDetails: { name: 'RegisterTaskAndDeploy', input: '{}' }
    })
    at({ type: 'ExecutionAborted', executionAbortedEventDetails: {} })
    return steps
  }
  task('RegisterTaskAndDeploy', 'register-and-deploy')
  if (options.outcome === 'fail-check') {
    const failure = {
      error: 'DeploymentUnhealthy',
      cause: '{"errorMessage":"target group tg-green: 0 of 2 targets healthy after 300 s"}'
    }
    task('CheckDeployment', 'check-deployment', failure)
    at({ type: 'ExecutionFailed', executionFailedEventDetails: failure })
    return steps
  }
  task('CheckDeployment', 'check-deployment')
  router()
  for (let i = 0; i < loops; i++) {
    at({
      type: 'WaitStateEntered',
      stateEnteredEventDetails: { name: 'WaitForDeployment', input: '{}' }
    })
    at({
      type: 'WaitStateExited',
      stateExitedEventDetails: { name: 'WaitForDeployment', output: '{}' }
    })
    task('CheckDeployment', 'check-deployment')
    router()
  }
  if (options.outcome === 'timed-out') {
    at({
      type: 'ExecutionTimedOut',
      executionTimedOutEventDetails: {
        error: 'States.Timeout',
        cause: 'The execution ran longer than its TimeoutSeconds'
      }
    })
    return steps
  }
  const output = JSON.stringify(
    options.output ?? { elb_url: 'http://green-123.us-east-1.elb.amazonaws.com' }
  )
  at(
    {
      type: 'SucceedStateEntered',
      stateEnteredEventDetails: { name: 'DeploymentSucceeded', input: output }
    },
    { type: 'SucceedStateExited', stateExitedEventDetails: { name: 'DeploymentSucceeded', output } }
  )
  at({ type: 'ExecutionSucceeded', executionSucceededEventDetails: { output } })
  return steps
}
