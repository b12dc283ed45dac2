import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  ArgoCdApiError,
  ArgoCdStreamError,
  createArgoCdClient,
  explainArgoCdError,
  isOperationInProgress,
  type ArgoCdClientOptions
} from '../../src/clients/argocd.js'
import { DeployError } from '../../src/errors.js'
import type { RetryNotice } from '../../src/runtime/retry.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../simulators/argocd.js'
import { ANSWERED_IN_TIME_MS, withDeadlinesHeld } from '../fixtures/deadlines.js'
import { selfSignedCertificate } from '../fixtures/tls.js'
import { waitUntil } from '../fixtures/wait.js'
import { startHttpServer } from '../simulators/http.js'

const TOKEN = 'argocd-client-token-51d0'

let sim: ArgoCdSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function simulator(): Promise<ArgoCdSimulator> {
  sim = await startArgoCdSimulator({
    token: TOKEN,
    apps: [
      {
        name: 'chef-webui',
        project: 'chef',
        namespace: 'team-a',
        spec: { source: { repoURL: 'https://github.com/acme/charts', path: 'webui' } },
        images: { fixed: ['ghcr.io/acme/webui:old'] }
      }
    ]
  })
  return sim
}

/** A client whose waits between attempts are recorded, not taken. */
function client(server: ArgoCdSimulator, extra: Partial<ArgoCdClientOptions> = {}) {
  const retries: RetryNotice[] = []
  const sleep = async (): Promise<void> => undefined
  const argo = createArgoCdClient({
    server: `${server.url}/`,
    token: TOKEN,
    insecure: false,
    app: 'chef-webui',
    project: 'chef',
    appNamespace: 'team-a',
    onRetry: notice => retries.push(notice),
    retry: { baseDelayMs: 5, attemptTimeoutMs: ANSWERED_IN_TIME_MS, attempts: 4, sleep },
    ...extra
  })
  return { argo, retries }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

describe('Argo CD client', () => {
  it('reads the application with the bearer token, project and app namespace', async () => {
    const server = await simulator()
    const { argo } = client(server)
    const app = await argo.getApplication()
    expect(app.metadata.name).toBe('chef-webui')
    expect(app.status?.operationState?.phase).toBe('Succeeded')
    const [get] = server.http.requests
    expect(get?.path).toBe('/api/v1/applications/chef-webui')
    expect(get?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(Object.fromEntries(get?.url.searchParams ?? [])).toEqual({
      project: 'chef',
      appNamespace: 'team-a'
    })
    await argo.close()
  })

  it('honours Retry-After on 429', async () => {
    const server = await simulator()
    server.http.faults.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const { argo, retries } = client(server)
    await argo.getApplication()
    expect(retries).toHaveLength(1)
    expect(retries[0]?.throttled).toBe(true)
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1000)
    await argo.close()
  })

  it.each([
    ['a 5xx', { kind: 'status', status: 503, body: { error: 'upstream connect error', code: 14 } }],
    ['a connection reset', { kind: 'reset' }],
    ['a malformed answer', { kind: 'malformed', body: '<html>502 Bad Gateway' }]
  ] as const)('retries %s and then succeeds', async (_name, fault) => {
    const server = await simulator()
    server.http.faults.inject(fault, { times: 2 })
    const { argo, retries } = client(server)
    const app = await argo.getApplication()
    expect(app.metadata.name).toBe('chef-webui')
    expect(retries).toHaveLength(2)
    expect(server.http.faultsServed).toEqual([fault.kind, fault.kind])
    await argo.close()
  })

  it('retries a hang past the attempt timeout and then succeeds', async () => {
    const server = await simulator()
    server.http.faults.inject({ kind: 'hang' }, { times: 2 })
    const { argo, retries } = client(server, {
      retry: { baseDelayMs: 5, attemptTimeoutMs: 300, attempts: 4 }
    })
    // Each attempt's deadline passes once its hang is seen, and never on its own.
    const app = await withDeadlinesHeld(async pass => {
      const reading = argo.getApplication()
      for (const hangs of [1, 2]) {
        await waitUntil(`hang ${hangs}`, () => server.http.faultsServed.length === hangs)
        await pass(300)
      }
      return reading
    })
    expect(app.metadata.name).toBe('chef-webui')
    expect(retries.map(r => r.reason)).toEqual([
      expect.stringMatching(/did not answer within/),
      expect.stringMatching(/did not answer within/)
    ])
    expect(server.http.faultsServed).toEqual(['hang', 'hang'])
    await argo.close()
  })

  it('gives up after its attempts with the last error', async () => {
    const server = await simulator()
    server.http.faults.inject({ kind: 'malformed' }, { times: 10 })
    const { argo, retries } = client(server)
    const error = await rejection(argo.getApplication())
    expect(error.message).toBe(
      'Argo CD GET /api/v1/applications/chef-webui answered with malformed JSON'
    )
    expect(retries).toHaveLength(3)
    await argo.close()
  })

  it('explains a bad token, a missing app with a project (404) and without one (403)', async () => {
    const server = await simulator()
    const badToken = await rejection(client(server, { token: 'expired' }).argo.getApplication())
    expect(badToken).toBeInstanceOf(DeployError)
    expect(badToken.message).toContain('rejected the Argo CD token (HTTP 401)')

    const missing = await rejection(client(server, { app: 'chef-webiu' }).argo.getApplication())
    expect(missing.message).toContain("'chef-webiu' does not exist in project 'chef'")

    const hidden = await rejection(
      client(server, { app: 'chef-webiu', project: undefined }).argo.getApplication()
    )
    expect(hidden.message).toBe(
      `Argo CD application 'chef-webiu' on ${server.url} is not accessible with this token ` +
        "(HTTP 403): give the token's account get, update and sync on it in Argo CD RBAC; or, if " +
        'it may not exist, set project so that a missing application answers 404.'
    )
    // Client errors are answers, not blips: none of them was retried.
    expect(server.http.requests).toHaveLength(3)
    for (const error of [badToken, missing, hidden]) expect(error.message).not.toContain(TOKEN)
  })

  it('sends sync, spec, terminate and rollback the way the API takes them', async () => {
    const server = await simulator()
    const { argo } = client(server)
    const signal = new AbortController().signal
    const app = await argo.getApplication()
    await argo.updateSpec({ ...app.spec, source: { ...app.spec.source, targetRevision: 'v2' } })
    const synced = await argo.requestSync({ prune: false, syncOptions: ['Validate=false'] }, signal)
    expect(synced.operation?.sync?.syncOptions).toEqual(['Validate=false'])
    await argo.terminateOperation()
    await waitUntil(
      'the termination',
      () => server.application('chef-webui').operation === undefined
    )
    const rolling = await argo.requestRollback(1, true, signal)
    // The rollback's answer is the app with the operation Argo CD started for it.
    const first = server.application('chef-webui').status?.history?.[0]
    expect(rolling.operation?.sync).toMatchObject({ revision: first?.revision, prune: true })

    const [, put, post, del] = server.http.requests
    const rollback = server.http.requests.at(-1)
    expect(rollback?.method).toBe('POST')
    expect(rollback?.path).toBe('/api/v1/applications/chef-webui/rollback')
    expect(rollback?.json()).toEqual({
      name: 'chef-webui',
      id: 1,
      prune: true,
      project: 'chef',
      appNamespace: 'team-a'
    })
    expect(put?.method).toBe('PUT')
    expect(put?.path).toBe('/api/v1/applications/chef-webui/spec')
    expect(put?.url.searchParams.get('appNamespace')).toBe('team-a')
    expect(put?.json<{ source: { targetRevision: string } }>().source.targetRevision).toBe('v2')
    expect(post?.json()).toEqual({
      name: 'chef-webui',
      prune: false,
      syncOptions: { items: ['Validate=false'] },
      project: 'chef',
      appNamespace: 'team-a'
    })
    expect(del?.method).toBe('DELETE')
    expect(del?.path).toBe('/api/v1/applications/chef-webui/operation')
    await argo.close()
  })

  it('opens the watch stream for the app and reads its frames: ADDED, then MODIFIED', async () => {
    const server = await simulator()
    const { argo } = client(server)
    const controller = new AbortController()
    const watch = await argo.watchApplication({ signal: controller.signal })
    const added = await watch.next()
    expect(added?.type).toBe('ADDED')
    expect(added?.application.metadata.name).toBe('chef-webui')
    const stream = server.http.requests.find(r => r.path === '/api/v1/stream/applications')
    expect(Object.fromEntries(stream?.url.searchParams ?? [])).toEqual({
      name: 'chef-webui',
      appNamespace: 'team-a',
      projects: 'chef'
    })
    expect(stream?.headers.authorization).toBe(`Bearer ${TOKEN}`)

    await argo.requestSync({ prune: false, syncOptions: [] }, controller.signal)
    const modified = await watch.next()
    expect(modified?.type).toBe('MODIFIED')
    expect(modified?.application.operation?.initiatedBy?.username).toBe('deployer')
    expect(Number(modified?.application.metadata.resourceVersion)).toBeGreaterThan(
      Number(added?.application.metadata.resourceVersion)
    )
    watch.close()
    await argo.close()
  })

  it.each([
    [
      'an error frame',
      'error',
      'Argo CD sent an error on the stream: rpc error: code = Unavailable desc = transport is closing'
    ],
    ['a dropped connection', 'reset', 'the connection dropped (terminated: other side closed)']
  ] as const)('ends the stream with an ArgoCdStreamError on %s', async (_name, kind, message) => {
    const server = await simulator()
    const { argo } = client(server)
    const watch = await argo.watchApplication({ signal: new AbortController().signal })
    await watch.next()
    server.breakWatches('chef-webui', kind)
    const error = await rejection(watch.next())
    expect(error).toBeInstanceOf(ArgoCdStreamError)
    expect(error.message).toBe(message)
    await argo.close()
  })

  it('reads a clean end as the end, and a line that is not a frame as a broken stream', async () => {
    const lines = [
      JSON.stringify({
        result: { type: 'ADDED', application: { metadata: { name: 'x' }, spec: {} } }
      }),
      '<html>proxy error</html>',
      ''
    ]
    const http = await startHttpServer(request =>
      request.url.searchParams.get('name') === 'garbage'
        ? { body: lines.join('\n') }
        : { body: `${lines[0]}\n` }
    )
    try {
      const make = (app: string) =>
        createArgoCdClient({
          server: http.url,
          token: TOKEN,
          insecure: false,
          app,
          project: undefined,
          appNamespace: undefined
        })
      const signal = new AbortController().signal
      const clean = make('clean')
      const ended = await clean.watchApplication({ signal })
      expect((await ended.next())?.type).toBe('ADDED')
      expect(await ended.next()).toBeUndefined()
      await clean.close()

      const garbled = make('garbage')
      const broken = await garbled.watchApplication({ signal })
      await broken.next()
      const error = await rejection(broken.next())
      expect(error.message).toBe(
        'Argo CD GET /api/v1/stream/applications sent a line that is not an application event'
      )
      await garbled.close()
    } finally {
      await http.close()
    }
  })

  it('does not retry opening a stream that hangs: a proxy holds it back', async () => {
    const server = await simulator()
    server.http.faults.inject({ kind: 'hang' }, { times: 3 })
    const { argo, retries } = client(server)
    const error = await rejection(
      argo.watchApplication({ signal: new AbortController().signal, openTimeoutMs: 1000 })
    )
    expect(error.message).toBe('Argo CD GET /api/v1/stream/applications did not answer within 1 s')
    expect(retries).toEqual([])
    expect(server.http.requests).toHaveLength(1)
    await argo.close()
  })

  it.each([400, 409] as const)(
    'recognises "another operation is already in progress" as HTTP %i',
    async status => {
      const server = await simulator()
      server.conflictStatus = status
      const { argo } = client(server)
      const signal = new AbortController().signal
      await argo.requestSync({ prune: false, syncOptions: [] }, signal)
      const error = await rejection(argo.requestSync({ prune: false, syncOptions: [] }, signal))
      expect(isOperationInProgress(error)).toBe(true)
      expect(error.message).toBe(
        `Argo CD POST /api/v1/applications/chef-webui/sync answered HTTP ${status}: another operation is already in progress`
      )
      const rollback = await rejection(argo.requestRollback(1, false, signal))
      expect(isOperationInProgress(rollback)).toBe(true)
      await argo.close()
    }
  )

  it('verifies TLS by default and skips verification only when insecure', async () => {
    const https = await startHttpServer(
      () => ({ body: { metadata: { name: 'chef-webui' }, spec: {} } }),
      {
        tls: selfSignedCertificate()
      }
    )
    const options = {
      // Under a path prefix: messages name the origin only.
      server: `${https.url}/argocd/`,
      token: TOKEN,
      app: 'chef-webui',
      project: 'chef',
      appNamespace: undefined,
      retry: { baseDelayMs: 5, attempts: 3 }
    }
    try {
      const strict = createArgoCdClient({ ...options, insecure: false })
      const error = await rejection(strict.getApplication())
      expect(error).toBeInstanceOf(DeployError)
      expect(error.message).toContain(
        `the TLS certificate of ${https.url} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)`
      )
      expect(error.message).toContain('argocd_insecure: true')
      await strict.close()
      const lax = createArgoCdClient({ ...options, insecure: true })
      expect((await lax.getApplication()).metadata.name).toBe('chef-webui')
      await lax.close()
      expect(https.requests.map(r => r.path)).toEqual(['/argocd/api/v1/applications/chef-webui'])
    } finally {
      await https.close()
    }
  })

  it('names the server by its origin in messages, never with a user name or password', () => {
    const server = 'https://deployer:hunter2@argocd.example.com/argocd'
    const where = { server, app: 'chef-webui', project: 'chef' }
    const answer = (status: number) =>
      new ArgoCdApiError('Argo CD GET /api/v1/applications/chef-webui', status, new Headers(), {})
    const rejected = explainArgoCdError(answer(401), where) as Error
    const missing = explainArgoCdError(answer(404), where) as Error
    expect(rejected.message).toMatch(/^https:\/\/argocd\.example\.com rejected the Argo CD token/)
    expect(missing.message).toContain(
      "does not exist in project 'chef' on https://argocd.example.com:"
    )

    const refused = (() => {
      try {
        createArgoCdClient({ ...where, token: TOKEN, insecure: false, appNamespace: undefined })
        return undefined
      } catch (error) {
        return error as DeployError
      }
    })()
    expect(refused?.code).toBe('INVALID_INPUT')
    expect(refused?.message).toContain('(https://argocd.example.com) holds a user name or password')
    for (const error of [rejected, missing, refused]) {
      expect(inspect(error, { depth: 8 })).not.toMatch(/hunter2|deployer/)
    }
  })
})
