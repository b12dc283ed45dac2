import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { runInThisContext } from 'node:vm'
import { Agent } from 'undici'
import { RegistryClient, parseChallenge, sha256Digest } from '../../src/clients/registry.js'
import { DeployError } from '../../src/errors.js'
import { ANSWERED_IN_TIME_MS, withDeadlinesHeld } from '../fixtures/deadlines.js'
import { selfSignedCertificate } from '../fixtures/tls.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { waitUntil } from '../fixtures/wait.js'
import { INDEX, TOKEN, USER, fakeRegistry } from './token-registry.js'

/**
 * The distribution API client against a registry that speaks the token flow (as GHCR does).
 * Each fault the retry helper must survive is served by the fault plan.
 */

const INDEX_BODY = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [] })
)

describe('RegistryClient', () => {
  let server: SimServer
  let store: ReturnType<typeof fakeRegistry>
  const delays: number[] = []
  const sleep = async (ms: number): Promise<void> => void delays.push(ms)

  beforeEach(async () => {
    store = fakeRegistry()
    store.manifests.set('acme/web:rc-1', { body: INDEX_BODY, type: INDEX })
    server = await startHttpServer(store.handler)
    delays.length = 0
  })
  afterEach(async () => server.close())

  const client = (password = TOKEN, attemptTimeoutMs = ANSWERED_IN_TIME_MS): RegistryClient =>
    new RegistryClient(
      { host: `127.0.0.1:${server.port}`, insecure: true, username: USER, password },
      { sleep, attemptTimeoutMs, baseDelayMs: 10, attempts: 4 }
    )

  it('copies a tag with the token flow: same bytes, same digest', async () => {
    const result = await client().copyTag('acme/web', 'rc-1', 'v1.0.0')
    expect(result).toEqual({ digest: sha256Digest(INDEX_BODY), copied: true })
    expect(store.manifests.get('acme/web:v1.0.0')?.body.equals(INDEX_BODY)).toBe(true)
    expect(store.manifests.get('acme/web:v1.0.0')?.type).toBe(INDEX)
    expect(await client().copyTag('acme/web', 'rc-1', 'v1.0.0')).toMatchObject({ copied: false })
  })

  it('reads a digest with HEAD, and undefined for a missing tag', async () => {
    expect((await client().headManifest('acme/web', 'rc-1'))?.digest).toBe(sha256Digest(INDEX_BODY))
    expect(await client().headManifest('acme/web', 'nope')).toBeUndefined()
  })

  it('honours Retry-After on 429', async () => {
    server.faults.inject(
      { kind: 'status', status: 429, headers: { 'retry-after': '3' } },
      { match: r => r.path.includes('manifests') }
    )
    expect((await client().headManifest('acme/web', 'rc-1'))?.digest).toBe(sha256Digest(INDEX_BODY))
    expect(delays[0]).toBeGreaterThanOrEqual(3000)
  })

  it('retries 5xx and a dropped connection', async () => {
    server.faults.inject(
      { kind: 'status', status: 503 },
      { match: r => r.path.includes('manifests') }
    )
    server.faults.inject({ kind: 'reset' }, { match: r => r.path.includes('manifests') })
    expect((await client().getManifest('acme/web', 'rc-1'))?.digest).toBe(sha256Digest(INDEX_BODY))
    expect(server.faultsServed).toEqual(['status', 'reset'])
  })

  it('gives up on a hang at the attempt timeout and tries again', async () => {
    server.faults.inject({ kind: 'hang' }, { match: r => r.path.includes('manifests') })
    const head = await withDeadlinesHeld(async pass => {
      const call = client(TOKEN, 200).headManifest('acme/web', 'rc-1')
      await waitUntil('the hang', () => server.faultsServed.includes('hang'))
      await pass(200)
      return call
    })
    expect(head?.digest).toBe(sha256Digest(INDEX_BODY))
    expect(server.faultsServed).toEqual(['hang'])
  })

  it('refuses a damaged manifest and reads it again', async () => {
    server.faults.inject(
      { kind: 'malformed', body: '{"schemaVersion": 2, "manif' },
      { match: r => r.method === 'GET' && r.path.includes('manifests') }
    )
    const manifest = await client().getManifest('acme/web', 'rc-1')
    expect(manifest?.body.equals(INDEX_BODY)).toBe(true)
    expect(server.faultsServed).toEqual(['malformed'])
  })

  it('retries a token service that answers without a token', async () => {
    server.faults.inject({ kind: 'malformed', body: '{}' }, { match: r => r.path === '/token' })
    expect((await client().headManifest('acme/web', 'rc-1'))?.digest).toBe(sha256Digest(INDEX_BODY))
  })

  it('bad credentials are REGISTRY_AUTH_FAILED without retrying and without the password', async () => {
    const error = (await client('not-the-token')
      .headManifest('acme/web', 'rc-1')
      .catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(JSON.stringify([error.message, error.details])).not.toContain('not-the-token')
    expect(delays).toEqual([])
  })

  it('checks a login read-only: GET /v2/ with a token for the push scope, refused or accepted', async () => {
    await client().checkLogin('acme/web')
    const asked = server.requests.find(r => r.path === '/token')
    expect(asked?.url.searchParams.get('scope')).toBe('repository:acme/web:pull,push')
    expect(server.requests.every(r => r.method === 'GET')).toBe(true)

    const refused = (await client('not-the-token')
      .checkLogin('acme/web')
      .catch((e: unknown) => e)) as DeployError
    expect(refused).toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    expect(refused.message).toBe(
      `127.0.0.1:${server.port} rejected the credentials of ${USER}: check registry_username and ` +
        'registry_password (GHCR: github_token with packages: write; ECR: ecr:* permissions).'
    )

    const anonymous = new RegistryClient({ host: `127.0.0.1:${server.port}`, insecure: true })
    await expect(anonymous.checkLogin('acme/web')).rejects.toThrow(
      `127.0.0.1:${server.port} asks for credentials and none were given: set registry_username ` +
        'and registry_password.'
    )
    expect(store.manifests.size).toBe(1)
  })

  it("a refused manifest PUT is PUSH_FAILED with the registry's own explanation", async () => {
    const refusal = { code: 'TAG_INVALID', message: 'manifest tag did not match URI' }
    server.faults.inject(
      { kind: 'status', status: 400, body: { errors: [refusal] } },
      { match: r => r.method === 'PUT' && r.headers.authorization !== undefined }
    )
    const error = (await client()
      .copyTag('acme/web', 'rc-1', 'v1.0.0')
      .catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('PUSH_FAILED')
    expect(error.message).toMatch(/refused the tag acme\/web:v1\.0\.0 \(HTTP 400\)/)
    expect(error.details).toContain('TAG_INVALID')
    expect(error.details).toContain('manifest tag did not match URI')
  })

  it("a caller's signal stops its call, whatever the client's own", async () => {
    server.faults.inject({ kind: 'hang' }, { match: r => r.path.includes('manifests') })
    const caller = new AbortController()
    const call = client(TOKEN, 60_000)
      .headManifest('acme/web', 'rc-1', caller.signal)
      .catch((e: unknown) => e)
    await waitUntil('the manifest request', () => server.faultsServed.includes('hang'))
    caller.abort(new Error('push deadline'))
    expect(await call).toMatchObject({ message: 'push deadline' })
  })

  it('promoting a tag that does not exist is PUSH_FAILED', async () => {
    await expect(client().copyTag('acme/web', 'rc-404', 'v1.0.0')).rejects.toMatchObject({
      code: 'PUSH_FAILED'
    })
  })
})

describe('RegistryClient over TLS', () => {
  // fetch is Node's own: its dispatcher lives on the process's global, not on the test's.
  const processGlobal = runInThisContext('globalThis') as Record<symbol, unknown>
  const DISPATCHER = Symbol.for('undici.globalDispatcher.1')
  const saved = processGlobal[DISPATCHER]
  let tls: { key: string; cert: string }
  beforeAll(() => {
    // A throwaway self-signed certificate for 127.0.0.1, which this suite alone trusts.
    tls = selfSignedCertificate()
    // fetch trusts it as its own authority, for this suite only.
    processGlobal[DISPATCHER] = new Agent({ connect: { ca: tls.cert } })
  })
  afterAll(() => {
    processGlobal[DISPATCHER] = saved
  })

  async function tlsRegistry(realm: string): Promise<SimServer> {
    const store = fakeRegistry({ realm: () => realm })
    store.manifests.set('acme/web:rc-1', { body: INDEX_BODY, type: INDEX })
    return startHttpServer(store.handler, { tls })
  }
  const client = (server: SimServer): RegistryClient =>
    new RegistryClient(
      { host: `127.0.0.1:${server.port}`, insecure: false, username: USER, password: TOKEN },
      { sleep: async () => undefined, attempts: 2 }
    )

  it('refuses to send the credentials to a plain-HTTP token service on another host', async () => {
    const registry = await tlsRegistry('http://tokens.invalid/token')
    try {
      const error = (await client(registry)
        .headManifest('acme/web', 'rc-1')
        .catch((e: unknown) => e)) as DeployError
      expect(error).toBeInstanceOf(DeployError)
      expect(error.code).toBe('REGISTRY_AUTH_FAILED')
      expect(error.message).toMatch(/http:\/\/tokens\.invalid over plain HTTP/)
      expect(registry.requests.map(r => r.method)).toEqual(['HEAD'])
    } finally {
      await registry.close()
    }
  })

  it('a plain-HTTP token service on this machine is fine', async () => {
    const tokens = await startHttpServer(fakeRegistry().handler)
    const registry = await tlsRegistry(`http://127.0.0.1:${tokens.port}/token`)
    try {
      const found = await client(registry).headManifest('acme/web', 'rc-1')
      expect(found?.digest).toBe(sha256Digest(INDEX_BODY))
      expect(tokens.requests.map(r => r.path)).toEqual(['/token'])
    } finally {
      await registry.close()
      await tokens.close()
    }
  })
})

describe('parseChallenge', () => {
  it.each([
    ['Basic realm="test"', { scheme: 'basic', params: { realm: 'test' } }],
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"',
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull' }
      }
    ],
    ['Negotiate abc', undefined],
    [null, undefined]
  ])('%s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected)
  })
})
