import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { deploy } from '../src/targets/argocd.js'
import {
  argoTarget,
  helmApp,
  recorder,
  request,
  TOKEN,
  type Recorder
} from '../__tests__/targets/argocd-fixtures.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../__tests__/simulators/argocd.js'
import { recordBench } from './record.js'

/**
 * How late an Argo CD deploy's end is reported after Argo CD reaches it (the simulator's health
 * turning Healthy, the last step of the judgement), as a fraction of the poll interval:
 * followed through the watch stream with 30 s between polls, so only the stream can explain a
 * fast end; through a stream dropped mid-way (a look, then the stream again); and by polling
 * alone, where a proxy does not serve the stream, for comparison.
 */
const RUNS = 8
const STREAM_POLL_MS = 30_000
const POLLING_POLL_MS = 1000

let sim: ArgoCdSimulator

const apps = (prefix: string) => Array.from({ length: RUNS }, (_, run) => `${prefix}-${run}`)

beforeAll(async () => {
  sim = await startArgoCdSimulator({
    token: TOKEN,
    apps: [...apps('stream'), ...apps('dropped'), ...apps('polled')].map(name => helmApp(name))
  })
})

afterAll(() => sim.close())

/** From the simulator's step to Healthy to the target's report of it, in ms. */
function latency(app: string, context: Recorder): number {
  const healthy = sim.timeline(app).find(e => e.event === 'health Healthy')?.at
  const index = context.lines.indexOf(`progress: ${app}: Synced and Healthy`)
  if (healthy === undefined || index < 0) throw new Error(`${app} did not end Healthy`)
  return (context.times[index] ?? NaN) - healthy
}

async function run(
  app: string,
  pollIntervalMs: number,
  prepare: (app: string) => void
): Promise<{ ms: number; looksAfterStream: number }> {
  // Steps of different lengths, so the end falls anywhere in a poll interval.
  sim.script(app, { runMs: 80 + Number(app.split('-').at(-1)) * 37 })
  prepare(app)
  const context = recorder({ pollIntervalMs, timeoutMs: 120_000 })
  const before = sim.http.requests.length
  await deploy(request(app, argoTarget(sim.url, app)), context)
  const requests = sim.http.requests.slice(before)
  const opened = requests.findIndex(r => r.path === '/api/v1/stream/applications')
  const looksAfterStream =
    opened < 0
      ? 0
      : requests.slice(opened + 1).filter(r => r.path === `/api/v1/applications/${app}`).length
  return { ms: latency(app, context), looksAfterStream }
}

it('measures how late the end of an Argo CD deploy is reported', async () => {
  const stream = []
  for (const app of apps('stream')) stream.push(await run(app, STREAM_POLL_MS, () => undefined))
  const dropped = []
  for (const app of apps('dropped')) {
    dropped.push(
      await run(app, STREAM_POLL_MS, name =>
        sim.breakWatches(name, 'reset', { after: 'operation started' })
      )
    )
  }
  const polled = []
  for (const app of apps('polled')) {
    polled.push(
      await run(app, POLLING_POLL_MS, name =>
        sim.http.faults.inject(
          { kind: 'status', status: 404, body: '404 page not found' },
          { match: r => r.url.searchParams.get('name') === name }
        )
      )
    )
  }
  // Only the stream can explain an end before the first poll was due.
  expect(stream.every(r => r.looksAfterStream === 0)).toBe(true)

  const ms = (runs: { ms: number }[]) => runs.map(r => r.ms)
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  const streamMax = Math.max(...ms(stream))
  recordBench('argocd', {
    runs: RUNS,
    stream_poll_interval_ms: STREAM_POLL_MS,
    stream_latency_mean_ms: round(mean(ms(stream))),
    stream_latency_max_ms: round(streamMax),
    stream_latency_over_poll_mean: round(mean(ms(stream)) / STREAM_POLL_MS, 5),
    stream_latency_over_poll_max: round(streamMax / STREAM_POLL_MS, 5),
    stream_looks_after_open: stream.reduce((sum, r) => sum + r.looksAfterStream, 0),
    'budget: stream end reported within 500 ms': `${streamMax <= 500 ? 'pass' : 'FAIL'} (${round(streamMax)} ms)`,
    dropped_stream_latency_mean_ms: round(mean(ms(dropped))),
    dropped_stream_latency_max_ms: round(Math.max(...ms(dropped))),
    dropped_stream_looks_after_open_mean: round(mean(dropped.map(r => r.looksAfterStream))),
    polling_poll_interval_ms: POLLING_POLL_MS,
    polling_latency_mean_ms: round(mean(ms(polled))),
    polling_latency_over_poll_mean: round(mean(ms(polled)) / POLLING_POLL_MS),
    polling_latency_over_poll_max: round(Math.max(...ms(polled)) / POLLING_POLL_MS)
  })
})

function round(value: number, digits = 2): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
