import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { deploy } from '../src/targets/kubernetes.js'
import { waitUntil } from '../__tests__/fixtures/wait.js'
import {
  startKubernetesSimulator,
  type KubernetesSimulator
} from '../__tests__/simulators/kubernetes.js'
import {
  OLD_IMAGE,
  TOKEN,
  kubernetesTarget,
  recorder,
  request,
  scratch
} from '../__tests__/targets/kubernetes-fixtures.js'
import { recordBench } from './record.js'

/**
 * How late deploy.kubernetes notices the end of a rollout, as a fraction of the poll interval:
 * through the watch (the end is heard as the API server says it: near 0), and after the watch
 * dropped mid-rollout and every new watch is refused (the follower's looks: within 1). Latency is
 * from the moment the simulator wrote the final status to the moment the target reported it.
 */
const POLL_MS = 200
const STEP_MS = 30
const RUNS = 8

let sim: KubernetesSimulator
let kubeconfig: string

beforeAll(async () => {
  sim = await startKubernetesSimulator({ token: TOKEN, stepMs: STEP_MS })
  kubeconfig = sim.kubeconfig(scratch())
})

afterAll(() => sim.close())

async function rollout(run: number, dropWatch: boolean): Promise<{ ratio: number; polls: number }> {
  const name = `web-${dropWatch ? 'drop' : 'watch'}-${run}`
  const image = `ghcr.io/acme/webui:bench-${run}-${dropWatch ? 'drop' : 'watch'}`
  sim.addDeployment({ namespace: 'shop', name, containers: [{ name: 'web', image: OLD_IMAGE }] })
  sim.refuseWatches(false)
  if (dropWatch) sim.scenario(image, { dropWatchesAtStep: 2 })
  const context = recorder({ pollIntervalMs: POLL_MS, timeoutMs: 60_000 })
  const watchesBefore = sim.watchRequests.length
  const readsBefore = sim.reads('deployments', 'shop', name).length
  const running = deploy(
    request(kubernetesTarget({ workloads: [{ kind: 'Deployment', name }] }), {
      kubeconfig,
      imageUri: image
    }),
    context
  )
  if (dropWatch) {
    await waitUntil('the first watch', () => sim.watchRequests.length > watchesBefore)
    sim.refuseWatches(true)
  }
  await running
  const ended = sim.rolloutEndedAt('deployments', 'shop', name)
  if (ended === undefined) throw new Error(`${name}: the simulator played no rollout`)
  const noticed =
    context.progressAt.find(p => p.message.endsWith('pods updated and available'))?.at ?? ended
  // The read before the patch is not a poll.
  const polls = sim.reads('deployments', 'shop', name).length - readsBefore - 1
  return { ratio: (noticed - ended) / POLL_MS, polls }
}

it('measures how late the end of a rollout is noticed, by watch and after a dropped watch', async () => {
  const watched: { ratio: number; polls: number }[] = []
  const dropped: { ratio: number; polls: number }[] = []
  for (let run = 0; run < RUNS; run++) {
    watched.push(await rollout(run, false))
    dropped.push(await rollout(run, true))
  }
  const mean = (xs: number[]): number => round(xs.reduce((a, b) => a + b, 0) / xs.length)
  const max = (xs: number[]): number => round(Math.max(...xs))
  expect(watched.every(w => w.polls === 0)).toBe(true)
  recordBench('kubernetes rollout end noticed (latency / poll interval)', {
    poll_interval_ms: POLL_MS,
    rollout_step_ms: STEP_MS,
    runs: RUNS,
    watch_latency_over_poll_mean: mean(watched.map(w => w.ratio)),
    watch_latency_over_poll_max: max(watched.map(w => w.ratio)),
    watch_polls_per_rollout: mean(watched.map(w => w.polls)),
    dropped_watch_latency_over_poll_mean: mean(dropped.map(d => d.ratio)),
    dropped_watch_latency_over_poll_max: max(dropped.map(d => d.ratio)),
    dropped_watch_polls_per_rollout: mean(dropped.map(d => d.polls)),
    budget_dropped_within_one_interval: max(dropped.map(d => d.ratio)) <= 1 ? 'pass' : 'FAIL'
  })
})

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
