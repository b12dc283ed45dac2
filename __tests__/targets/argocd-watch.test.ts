import { afterEach, describe, expect, it } from '@jest/globals'
import { sleep } from '../../src/runtime/sleep.js'
import type { ArgoCdTarget } from '../../src/settings/types.js'
import { deploy } from '../../src/targets/argocd.js'
import { waitUntil } from '../fixtures/wait.js'
import {
  startArgoCdSimulator,
  type ArgoCdSimulator,
  type WatchFaultKind
} from '../simulators/argocd.js'
import type { SimRequest } from '../simulators/http.js'
import {
  argoTarget,
  expectNoToken,
  failure,
  helmApp,
  recorder,
  request,
  TOKEN,
  type Recorder
} from './argocd-fixtures.js'

/**
 * The wait for Synced and Healthy through Argo CD's watch stream: the end is seen from the frame
 * that carries it, and a stream that breaks gives way to the follower's polling without losing
 * the end. Poll intervals of 30 s make "no look after the stream opened" the proof that only the
 * stream can have told the end.
 */

const APP = 'chef-webui'
const STREAM = '/api/v1/stream/applications'
const SLOW_POLL_MS = 30_000

let sim: ArgoCdSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function simulator(): Promise<ArgoCdSimulator> {
  sim = await startArgoCdSimulator({ token: TOKEN, apps: [helmApp(APP)] })
  return sim
}

function target(server: ArgoCdSimulator, extra: Partial<ArgoCdTarget> = {}): ArgoCdTarget {
  return argoTarget(server.url, APP, extra)
}

const isStream = (r: SimRequest): boolean => r.path === STREAM
const isLook = (r: SimRequest): boolean =>
  r.method === 'GET' && r.path === `/api/v1/applications/${APP}`

function at(server: ArgoCdSimulator, event: string): number {
  const entry = server.timeline(APP).find(e => e.event === event)
  if (!entry) throw new Error(`${APP} never had ${event}`)
  return entry.at
}

/** When the target said the app is Synced and Healthy. */
function reportedAt(context: Recorder): number {
  const index = context.lines.indexOf(`progress: ${APP}: Synced and Healthy`)
  if (index < 0) throw new Error(`the target never reported ${APP} Synced and Healthy`)
  return context.times[index] ?? NaN
}

describe('Argo CD watch stream', () => {
  it('notices the end through the stream, before any poll could have', async () => {
    const server = await simulator()
    const context = recorder({ pollIntervalMs: SLOW_POLL_MS, timeoutMs: 120_000 })
    const outcome = await deploy(request('webui', target(server)), context)

    const requests = server.http.requests
    const opened = requests.findIndex(isStream)
    expect(opened).toBeGreaterThan(0)
    // Nothing after the stream: no look at the app, no second stream.
    expect(requests.slice(opened + 1)).toEqual([])
    expect(Object.fromEntries(requests[opened]?.url.searchParams ?? [])).toEqual({
      name: APP,
      projects: 'chef'
    })

    // It ended on the frame that carried the end, then closed its stream.
    const app = server.application(APP)
    const log = server.watchLog(APP)
    const frames = log.filter(e => e.event === 'frame')
    expect(frames.at(-1)?.resourceVersion).toBe(app.metadata.resourceVersion)
    await waitUntil('the target to close its stream', () => log.at(-1)?.event === 'closed')
    expect(reportedAt(context)).toBeGreaterThanOrEqual(at(server, 'health Healthy'))
    expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)

    // Each step reached the log from its frame: the operation, the reconciliation, the health.
    const progress = context.lines.filter(l => l.startsWith(`progress: ${APP}: `))
    expect(progress).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: sync Running, /),
        `progress: ${APP}: Synced, Progressing, progressing: 1 (Deployment/chef/${APP})`,
        `progress: ${APP}: Synced and Healthy`
      ])
    )
    expect(context.lines.some(l => l.includes('watch stream'))).toBe(false)
    expectNoToken(context)
  })

  it.each([
    ['reset', 'the connection dropped'],
    ['error', 'Argo CD sent an error on the stream: rpc error: code = Unavailable'],
    ['end', 'Argo CD ended the stream'],
    ['silence', 'no frame for 1 s']
  ] as [WatchFaultKind, string][])(
    'falls back to polling when the stream breaks (%s) mid-way, and still ends correctly',
    async (kind, reason) => {
      const server = await simulator()
      server.script(APP, { runMs: 300 })
      server.breakWatches(APP, kind, { after: 'operation started' })
      const context = recorder()
      const outcome = await deploy(request('webui', target(server)), context)

      const broke = server.watchLog(APP).find(e => e.event === kind)
      if (!broke) throw new Error(`the stream never had ${kind}`)
      // The follower looked at the app after the break.
      const afterBreak = server.http.requests.slice(broke.requestsSoFar)
      expect(afterBreak.length).toBeGreaterThanOrEqual(1)
      expect(afterBreak.map(r => `${r.method} ${r.path}`)[0]).toBe(
        `GET /api/v1/applications/${APP}`
      )
      expect(context.lines).toContainEqual(
        expect.stringContaining(`Argo CD '${APP}': the watch stream broke (${reason}`)
      )
      const app = server.application(APP)
      expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)
      expect(reportedAt(context)).toBeGreaterThanOrEqual(at(server, 'health Healthy'))
      expectNoToken(context)
    }
  )

  it('opens the stream again after a drop, resuming from the last resourceVersion seen', async () => {
    const server = await simulator()
    server.script(APP, { runMs: 300 })
    server.breakWatches(APP, 'reset', { after: 'operation started' })
    const context = recorder()
    await deploy(request('webui', target(server)), context)

    const streams = server.http.requests.filter(isStream)
    expect(streams).toHaveLength(2)
    const log = server.watchLog(APP)
    const reset = log.findIndex(e => e.event === 'reset')
    const lastSeen = log
      .slice(0, reset)
      .filter(e => e.event === 'frame')
      .at(-1)
    expect(streams[1]?.url.searchParams.get('resourceVersion')).toBe(lastSeen?.resourceVersion)
    expect(log.filter(e => e.event === 'opened')).toHaveLength(2)
    expect(context.lines.filter(l => l.includes('watch stream broke'))).toHaveLength(1)
  })

  it('follows by polling alone where the stream is not served (a proxy answers 404)', async () => {
    const server = await simulator()
    server.http.faults.inject(
      { kind: 'status', status: 404, body: '404 page not found' },
      { times: 10, match: isStream }
    )
    const context = recorder()
    const outcome = await deploy(request('webui', target(server)), context)

    // Refused once, not retried and not tried again: polling saw the end.
    expect(server.http.requests.filter(isStream)).toHaveLength(1)
    const opened = server.http.requests.findIndex(isStream)
    expect(server.http.requests.slice(opened + 1).filter(isLook).length).toBeGreaterThan(1)
    expect(context.lines).toContain(
      `info: Argo CD '${APP}': no watch stream (Argo CD GET ${STREAM} answered HTTP 404); looking every 15 ms`
    )
    const app = server.application(APP)
    expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)
  })

  it("polls on the context's wait, as every other target's follower does", async () => {
    const server = await simulator()
    server.http.faults.inject(
      { kind: 'status', status: 404, body: '404 page not found' },
      { times: 10, match: isStream }
    )
    const waits: number[] = []
    const context = recorder({
      sleep: async (ms, signal) => {
        waits.push(ms)
        await sleep(ms, signal)
      }
    })
    const outcome = await deploy(request('webui', target(server)), context)

    // Every wait between two looks went through the context's sleep, none around it.
    const opened = server.http.requests.findIndex(isStream)
    const looks = server.http.requests.slice(opened + 1).filter(isLook).length
    expect(looks).toBeGreaterThan(1)
    expect(waits.length).toBeGreaterThanOrEqual(looks - 1)
    expect(waits.every(ms => ms <= context.pollIntervalMs)).toBe(true)
    const app = server.application(APP)
    expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)
  })

  it('gives up the stream for polling after three streams that ended before their first frame', async () => {
    const server = await simulator()
    // A proxy that answers 200 and an empty body.
    server.http.faults.inject(
      { kind: 'status', status: 200, body: '' },
      { times: 10, match: isStream }
    )
    const context = recorder()
    const outcome = await deploy(request('webui', target(server)), context)

    expect(server.http.requests.filter(isStream)).toHaveLength(3)
    expect(context.lines).toContainEqual(
      expect.stringContaining(
        'the watch stream broke 3 times before its first frame (Argo CD ended the stream); looking every 15 ms'
      )
    )
    const app = server.application(APP)
    expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)
  })

  it('fails a Degraded app when its grace ends, with no frame or poll after it', async () => {
    const server = await simulator()
    server.script(APP, { finalHealth: 'Degraded', healthMessage: 'CrashLoopBackOff' })
    const context = recorder({ pollIntervalMs: SLOW_POLL_MS, timeoutMs: 120_000 })
    const error = await failure(
      deploy(request('webui', target(server, { degradedGraceMs: 200 })), context)
    )
    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toContain(`'${APP}' stayed Degraded`)
    const opened = server.http.requests.findIndex(isStream)
    expect(server.http.requests.slice(opened + 1)).toEqual([])
  })

  it('ends the stream at the deadline with TIMEOUT', async () => {
    const server = await simulator()
    server.script(APP, { hang: true })
    const context = recorder({ pollIntervalMs: SLOW_POLL_MS, timeoutMs: 400 })
    const error = await failure(deploy(request('webui', target(server)), context))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain(`Argo CD application '${APP}' to become Synced and Healthy`)
    await waitUntil('the stream to close', () => server.watchLog(APP).at(-1)?.event === 'closed')
    const opened = server.http.requests.findIndex(isStream)
    expect(server.http.requests.slice(opened + 1)).toEqual([])
  })

  it('ends the stream on a cancel with CANCELLED', async () => {
    const server = await simulator()
    server.script(APP, { hang: true })
    const cancel = new AbortController()
    const context = recorder({ signal: cancel.signal, pollIntervalMs: SLOW_POLL_MS })
    const pending = deploy(request('webui', target(server)), context)
    await waitUntil('the stream to open', () =>
      server.watchLog(APP).some(e => e.event === 'opened')
    )
    cancel.abort()
    const error = await failure(pending)
    expect(error.code).toBe('CANCELLED')
    await waitUntil('the stream to close', () => server.watchLog(APP).at(-1)?.event === 'closed')
    expect(server.http.requests.filter(isStream)).toHaveLength(1)
  })
})
