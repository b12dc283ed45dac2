import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { RegistryClient, parseChallenge, sha256Digest } from '../../src/clients/registry.js'
import { DeployError } from '../../src/errors.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
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

  const client = (password = TOKEN, attemptTimeoutMs = 2_000): RegistryClient =>
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
    expect((await client(TOKEN, 200).headManifest('acme/web', 'rc-1'))?.digest).toBe(
      sha256Digest(INDEX_BODY)
    )
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

  it('promoting a tag that does not exist is PUSH_FAILED', async () => {
    await expect(client().copyTag('acme/web', 'rc-404', 'v1.0.0')).rejects.toMatchObject({
      code: 'PUSH_FAILED'
    })
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
