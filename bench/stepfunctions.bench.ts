import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { SFNClient, paginateGetExecutionHistory } from '@aws-sdk/client-sfn'
import { follow } from '../src/runtime/follow.js'
import type { Plan, PlannedService } from '../src/plan/types.js'
import type { Settings, StepFunctionsTarget } from '../src/settings/types.js'
import type { DeployRequest, TargetContext } from '../src/targets/types.js'
import { deploy } from '../src/targets/stepfunctions.js'
import {
  deployScript,
  eventCount,
  startSfnSimulator,
  type SfnSimulator
} from '../__tests__/simulators/stepfunctions.js'
import { recordBench } from './record.js'

/**
 * Following a Step Functions execution whose history grows to 500+ events: the target's
 * incremental reads (newest first, only what is new) against the usual way, re-reading the whole
 * history with the SDK's paginator on every poll. Same script, same poll interval, same follower.
 * Then how late the end is noticed, as a fraction of the poll interval, over several executions.
 */
/**
 * Both followers poll every 50 ms while the script writes an event every ~7 ms: about 70 looks per
 * execution, as a few-minute deploy polled every 2 s, with the whole-history reader's slowest look
 * still well inside the interval, so that both make the same number of looks.
 */
const POLL_MS = 50
const STEP_MS = 10
const LOOPS = Math.ceil((500 - eventCount(0)) / 9)

let sim: SfnSimulator

beforeAll(async () => {
  sim = await startSfnSimulator({ sdkEnv: true })
})

afterAll(() => sim.close())

function request(
  stateMachineArn: string,
  deploymentId: string
): DeployRequest<StepFunctionsTarget> {
  const target: StepFunctionsTarget = {
    kind: 'stepfunctions',
    region: 'us-east-1',
    mode: 'start',
    stateMachineArn,
    input: {},
    secretName: undefined,
    secretTries: 3,
    secretIntervalMs: 3000,
    deleteSecret: false,
    stopOnTimeout: false,
    healthCheckStates: ['CheckDeployment'],
    timeoutMs: undefined,
    pollIntervalMs: undefined
  }
  return {
    service: {
      name: 'pipeline',
      dependsOn: [],
      image: undefined,
      deploy: target
    } as PlannedService,
    target,
    imageUri: undefined,
    plan: { deploymentId, environment: 'dev', commit: 'c0ffee' } as Plan,
    settings: { context: { owner: 'acme', repo: 'shop', refName: 'main' } } as unknown as Settings
  }
}

function context(pollIntervalMs: number): TargetContext {
  return {
    signal: new AbortController().signal,
    timeoutMs: 120_000,
    pollIntervalMs,
    progress: () => undefined,
    info: () => undefined,
    warning: () => undefined
  }
}

function historyOf(executionArn: string): { calls: number; events: number } {
  const calls = sim.historyCalls.filter(c => c.executionArn === executionArn)
  return { calls: calls.length, events: calls.reduce((sum, c) => sum + c.ids.length, 0) }
}

/** The first look at or after the terminal event, late by what fraction of the poll interval. */
function detectionLatency(executionArn: string): number {
  const end = sim.execution(executionArn).terminalAt ?? 0
  const seen = sim.historyCalls.find(c => c.executionArn === executionArn && c.at >= end)
  return ((seen?.at ?? end) - end) / POLL_MS
}

it('measures incremental history reads against full re-reads', async () => {
  const script = (): ReturnType<typeof deployScript> =>
    deployScript({ outcome: 'success', stepMs: STEP_MS, checkLoops: LOOPS })

  const incrementalMachine = sim.createStateMachine('bench-incremental', { script })
  const outcome = await deploy(request(incrementalMachine, 'dep_bench_1'), context(POLL_MS))
  const incrementalArn = outcome.outputs?.execution_arn ?? ''
  const incremental = historyOf(incrementalArn)
  const total = sim.execution(incrementalArn).events.length

  // The baseline: every poll pages through the whole history, oldest first.
  const fullMachine = sim.createStateMachine('bench-full', { script })
  const fullArn = sim.startExternally(fullMachine, {})
  const client = new SFNClient({ region: 'us-east-1', maxAttempts: 1 })
  const fullLooks = await follow({
    describe: 'baseline',
    intervalMs: POLL_MS,
    timeoutMs: 120_000,
    look: async () => {
      let last = ''
      for await (const page of paginateGetExecutionHistory(
        { client },
        { executionArn: fullArn, includeExecutionData: false }
      )) {
        last = page.events?.[page.events.length - 1]?.type ?? last
      }
      return last === 'ExecutionSucceeded' ? { done: true, value: true } : { done: false }
    }
  })
  const full = historyOf(fullArn)

  // A look starts with a call without a token; a burst may add a page with one.
  const incrementalLooks = sim.historyCalls.filter(
    c => c.executionArn === incrementalArn && !c.withToken
  ).length
  expect(incremental.events).toBeGreaterThanOrEqual(total)

  const latencies: number[] = []
  for (let run = 0; run < 8; run++) {
    const machine = sim.createStateMachine(`bench-latency-${run}`, {
      script: () => deployScript({ outcome: 'success', stepMs: 7 + run * 3, checkLoops: 2 })
    })
    const done = await deploy(request(machine, `dep_bench_latency_${run}`), context(POLL_MS))
    latencies.push(detectionLatency(done.outputs?.execution_arn ?? ''))
  }

  recordBench('stepfunctions', {
    history_events: total,
    poll_interval_ms: POLL_MS,
    incremental_looks: incrementalLooks,
    incremental_calls: incremental.calls,
    incremental_events_transferred: incremental.events,
    incremental_events_per_look: round(incremental.events / incrementalLooks),
    incremental_calls_per_look: round(incremental.calls / incrementalLooks),
    full_reread_looks: fullLooks.looks,
    full_reread_calls: full.calls,
    full_reread_events_transferred: full.events,
    full_reread_events_per_look: round(full.events / fullLooks.looks),
    events_transferred_full_over_incremental: round(full.events / incremental.events),
    calls_full_over_incremental: round(full.calls / incremental.calls),
    incremental_transferred_over_history: round(incremental.events / total),
    detection_latency_over_poll_mean: round(
      latencies.reduce((a, b) => a + b, 0) / latencies.length
    ),
    detection_latency_over_poll_max: round(Math.max(...latencies)),
    detection_runs: latencies.length
  })
})

function round(value: number): number {
  return Math.round(value * 100) / 100
}
