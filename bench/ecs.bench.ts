import { afterEach, describe, expect, it } from '@jest/globals'
import { ECSClient, waitUntilServicesStable } from '@aws-sdk/client-ecs'
import { awsClientConfig } from '../src/clients/aws.js'
import { EcsApi } from '../src/clients/ecs.js'
import { deploy } from '../src/targets/ecs.js'
import type { EcsSimulator, Controller, Scenario } from '../__tests__/simulators/ecs.js'
import {
  ecsRequest,
  recordingContext,
  simulatedClock,
  withEcsSimulator
} from '../__tests__/targets/ecs-fixtures.js'
import { recordBench } from './record.js'

/**
 * How soon an ECS deploy notices the end, and what the wait costs in API calls. Ours polls through
 * the one follower; the baseline is the SDK's own `waitUntilServicesStable` waiter, which the
 * official amazon-ecs-deploy-task-definition action uses (exponential backoff from minDelay to
 * maxDelay; the action's 15 s / 120 s scaled down here to 1 s / 8 s, the same 1:8 ratio).
 */
let sim: EcsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const STRATEGIES: Controller[] = ['rolling', 'codedeploy', 'blue_green']
const RUNS = 5
const INTERVAL_MS = 100
// Not a multiple of the interval, so the final state lands at a different phase of each look.
const STEP_MS = 137

function requestFor(controller: Controller): ReturnType<typeof ecsRequest> {
  return ecsRequest({
    strategy: controller,
    codedeploy:
      controller === 'codedeploy'
        ? {
            application: 'AppECS-shop-api',
            deploymentGroup: 'DgpECS-shop-api',
            appspec: undefined,
            autoRollback: true
          }
        : undefined
  })
}

async function runOurs(
  controller: Controller,
  options: { intervalMs: number; stepMs: number; scenario?: Scenario }
): Promise<{ latencyMs: number; waitMs: number; calls: number; looks: number; failed: boolean }> {
  sim = await withEcsSimulator({
    controller,
    scenario: options.scenario ?? 'success',
    stepMs: options.stepMs
  })
  const request = requestFor(controller)
  const started = Date.now()
  let failed = false
  await deploy(
    request,
    recordingContext({ intervalMs: options.intervalMs, timeoutMs: 120_000 }).context
  ).catch(() => {
    failed = true
  })
  const reportedAt = Date.now()
  const finalAt = sim.finalAt as number
  const result = {
    latencyMs: reportedAt - finalAt,
    waitMs: reportedAt - started,
    calls: callsWhileWaiting(sim.aws.operations),
    looks: looksWhileWaiting(controller, sim.aws.operations),
    failed
  }
  await sim.close()
  sim = undefined
  return result
}

async function runWaiter(
  scenario: Scenario,
  stepMs: number
): Promise<{ latencyMs: number; waitMs: number; looks: number; verdict: string }> {
  sim = await withEcsSimulator({ controller: 'rolling', scenario, stepMs })
  const api = await EcsApi.create('us-east-1')
  const service = await api.describeService('shop', 'api', AbortSignal.timeout(10_000))
  await api.updateService(
    { cluster: 'shop', service: 'api', taskDefinition: service.taskDefinition as string },
    AbortSignal.timeout(10_000)
  )
  const client = new ECSClient(awsClientConfig('us-east-1'))
  const started = Date.now()
  const result = await waitUntilServicesStable(
    { client, maxWaitTime: 120, minDelay: 1, maxDelay: 8 },
    { cluster: 'shop', services: ['api'] }
  )
  const reportedAt = Date.now()
  return {
    // For a rollback the timeline's final state is the failure, which the waiter never reports.
    latencyMs: reportedAt - (sim.finalAt as number),
    waitMs: reportedAt - started,
    looks: sim.statusCalls.filter(at => at >= started).length,
    verdict: result.state
  }
}

/** Calls after the one that started the deployment: the cost of the wait itself. */
function callsWhileWaiting(operations: readonly string[]): number {
  const start = Math.max(
    ...['UpdateService', 'CreateDeployment'].map(op => operations.lastIndexOf(op))
  )
  const tidying = new Set(['ListTaskDefinitions', 'DeregisterTaskDefinition'])
  return operations.slice(start + 1).filter(op => !tidying.has(op)).length
}

function looksWhileWaiting(controller: Controller, operations: readonly string[]): number {
  const status = {
    rolling: 'DescribeServices',
    codedeploy: 'GetDeployment',
    blue_green: 'DescribeServiceDeployments',
    linear: 'DescribeServiceDeployments',
    canary: 'DescribeServiceDeployments'
  }[controller]
  const start = Math.max(
    ...['UpdateService', 'CreateDeployment'].map(op => operations.lastIndexOf(op))
  )
  return operations.slice(start + 1).filter(op => op === status).length
}

type Cadence = 'fixed' | 'adaptive' | 'flat'

/**
 * The adaptive cadence at real scale, on a simulated clock: ECS's default 5 s interval, 1 s looks
 * while the deployment is young (its first minute) and moving. Against it, the same deploy with
 * its waits replaced on the clock: `fixed` looks every 5 s (today's cadence), `flat` every 1 s
 * throughout the first minute (the first sketch), then every 5 s.
 * Timelines: fast deploys that end inside the first minute and slower ones (steps `stepMs` apart,
 * several spacings so the end falls at every phase of the interval), and the LINEAR / CANARY
 * services of the simulator (about half an hour of steps and bakes).
 */
async function runAtScale(
  controller: Controller,
  stepMs: number | readonly number[] | undefined,
  cadence: Cadence
): Promise<{ calls: number; firstMinuteLooks: number; waitMs: number; latencyMs: number }> {
  const clock = simulatedClock()
  sim = await withEcsSimulator({ controller, scenario: 'success', stepMs, clock: clock.now })
  const recorded = recordingContext({ intervalMs: 5000, timeoutMs: 3_600_000, clock })
  const started = clock.now()
  // A look takes no time on this clock, so a look starts when a wait ends: the replaced cadences
  // move the clock to their own next look, whatever the follower asked for.
  let lastLook = started
  const replaced = (signal?: AbortSignal): Promise<void> => {
    const young = clock.now() - started < 60_000
    const next = lastLook + (cadence === 'flat' && young ? 1000 : 5000)
    lastLook = next
    return clock.sleep(next - clock.now(), signal)
  }
  const context =
    cadence === 'adaptive'
      ? recorded.context
      : { ...recorded.context, sleep: (_ms: number, signal?: AbortSignal) => replaced(signal) }
  const request = requestFor(controller)
  await deploy(request, context)
  const finalAt = sim.finalAt as number
  const result = {
    calls: callsWhileWaiting(sim.aws.operations),
    firstMinuteLooks: sim.statusCalls.filter(at => at >= started && at < started + 60_000).length,
    waitMs: clock.now() - started,
    latencyMs: (sim.statusCalls.find(at => at >= finalAt) ?? finalAt) - finalAt
  }
  await sim.close()
  sim = undefined
  return result
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
const round = (value: number, digits = 2) => Number(value.toFixed(digits))

describe('ECS deploy: detection latency and API calls while waiting', () => {
  it('measures every strategy against the poll interval', async () => {
    const figures: Record<string, number | string> = {
      poll_interval_ms: INTERVAL_MS,
      runs_per_strategy: RUNS
    }
    for (const controller of STRATEGIES) {
      const runs = []
      for (let i = 0; i < RUNS; i++)
        runs.push(await runOurs(controller, { intervalMs: INTERVAL_MS, stepMs: STEP_MS }))
      expect(runs.every(r => !r.failed)).toBe(true)
      const fractions = runs.map(r => r.latencyMs / INTERVAL_MS)
      const callsPerLook = mean(runs.map(r => r.calls / r.looks))
      figures[`${controller}_latency_per_interval_mean`] = round(mean(fractions))
      figures[`${controller}_latency_per_interval_max`] = round(Math.max(...fractions))
      figures[`${controller}_api_calls_per_look`] = round(callsPerLook)
      // At the default 5 s interval a look is every 5 s: 12 looks per minute of waiting.
      figures[`${controller}_api_calls_per_wait_minute_at_5s`] = round(callsPerLook * 12, 1)
    }

    // Baseline at a 1 s base delay: ours polls every 1 s, the SDK waiter backs off from 1 s to 8 s.
    const slowStep = 1500
    const baselineRuns = 3
    const ours = []
    const waiter = []
    for (let i = 0; i < baselineRuns; i++) {
      ours.push(await runOurs('rolling', { intervalMs: 1000, stepMs: slowStep }))
      waiter.push(await runWaiter('success', slowStep))
    }
    figures.baseline_runs = baselineRuns
    figures.baseline_ours_latency_per_1s_mean = round(mean(ours.map(r => r.latencyMs / 1000)))
    figures.baseline_ours_latency_per_1s_max = round(Math.max(...ours.map(r => r.latencyMs / 1000)))
    figures.baseline_sdk_waiter_latency_per_1s_mean = round(
      mean(waiter.map(r => r.latencyMs / 1000))
    )
    figures.baseline_sdk_waiter_latency_per_1s_max = round(
      Math.max(...waiter.map(r => r.latencyMs / 1000))
    )
    figures.baseline_ours_status_calls_per_wait_minute = round(
      mean(ours.map(r => (r.looks / r.waitMs) * 60_000)),
      1
    )
    figures.baseline_sdk_waiter_status_calls_per_wait_minute = round(
      mean(waiter.map(r => (r.looks / r.waitMs) * 60_000)),
      1
    )

    // Honesty: what each calls a deployment the circuit breaker rolled back.
    const oursOnRollback = await runOurs('rolling', {
      intervalMs: 100,
      stepMs: 150,
      scenario: 'circuit-breaker'
    })
    const waiterOnRollback = await runWaiter('circuit-breaker', 150)
    figures.circuit_breaker_rollback_ours = oursOnRollback.failed ? 'DEPLOY_FAILED' : 'passed'
    figures.circuit_breaker_rollback_sdk_waiter =
      waiterOnRollback.verdict === 'SUCCESS' ? 'passed (stable)' : waiterOnRollback.verdict
    recordBench('ecs', figures)

    const scale: Record<string, number | string> = {
      poll_interval_ms: 5000,
      young_interval_ms: 1000,
      columns: 'fixed 5 s / adaptive (ours) / flat 1 s for the first minute'
    }
    const spread = (base: number) => [0, 1, 2, 3, 4].map(i => base + i * 1130)
    // Bursts: ECS starts tasks for half a minute, then the rest follows within seconds.
    const bursts = (steps: number) =>
      [0, 1, 2, 3, 4].map(i => [3000 + i * 1130, 25_000, ...Array(steps - 2).fill(1500)])
    const timelines: [string, Controller, (number | readonly number[] | undefined)[]][] = [
      ['rolling_fast_even', 'rolling', spread(7000)],
      ['rolling_fast_burst', 'rolling', bursts(5)],
      ['rolling_slow', 'rolling', spread(37_000)],
      ['codedeploy_fast_even', 'codedeploy', spread(7000)],
      ['codedeploy_fast_burst', 'codedeploy', bursts(5)],
      ['codedeploy_slow', 'codedeploy', spread(37_000)],
      ['blue_green_fast_even', 'blue_green', spread(2000)],
      ['blue_green_fast_burst', 'blue_green', bursts(8)],
      ['blue_green_slow', 'blue_green', spread(30_000)],
      ['linear', 'linear', [undefined]],
      ['canary', 'canary', [undefined]]
    ]
    const cadences: Cadence[] = ['fixed', 'adaptive', 'flat']
    for (const [name, controller, spacings] of timelines) {
      const runs: Record<Cadence, Awaited<ReturnType<typeof runAtScale>>[]> = {
        fixed: [],
        adaptive: [],
        flat: []
      }
      for (const stepMs of spacings)
        for (const cadence of cadences)
          runs[cadence].push(await runAtScale(controller, stepMs, cadence))
      const column = (
        value: (r: Awaited<ReturnType<typeof runAtScale>>) => number,
        digits: number
      ) => cadences.map(c => round(mean(runs[c].map(value)), digits)).join(' / ')
      scale[`${name}_wait_s`] = round(mean(runs.fixed.map(r => r.waitMs)) / 1000, 0)
      scale[`${name}_calls`] = column(r => r.calls, 1)
      scale[`${name}_first_minute_looks`] = column(r => r.firstMinuteLooks, 1)
      scale[`${name}_calls_per_wait_minute`] = column(r => (r.calls / r.waitMs) * 60_000, 1)
      scale[`${name}_end_noticed_after_s`] = column(r => r.latencyMs / 1000, 2)
    }
    recordBench('ecs adaptive cadence (simulated clock, real scale)', scale)
  })
})
