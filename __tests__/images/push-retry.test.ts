import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { DeployError } from '../../src/errors.js'
import { runBuildPhase, runPushPhase } from '../../src/phases/image.js'
import { withDeadlinesHeld } from '../fixtures/deadlines.js'
import { waitUntil } from '../fixtures/wait.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from '../simulators/registry.js'
import { hostRegistry, makeContext, tempDir } from './fixtures.js'
import {
  isIndexPut,
  isManifestPut,
  startRegistryProxy,
  type RegistryProxy
} from './registry-proxy.js'

/**
 * A push that meets a passing registry failure (503 on the index upload) is tried again and ends
 * well; one that keeps failing is PUSH_FAILED with the builder's last lines; one the registry
 * refuses is REGISTRY_AUTH_FAILED, told apart from the failures although buildah reports both
 * the same way. A byte-for-byte proxy in front of the real registry, built on the simulator
 * server, serves the failures from its fault plan.
 */
const run = requireRegistryTools('image push retry')
const maybe = run ? describe : describe.skip

const USER = 'ci'
const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
].join(', ')
const PASSWORD = `pw-${randomUUID()}`

maybe('images: push through a failing registry', () => {
  let registry: LocalRegistry
  let registryProxy: RegistryProxy
  let proxy: RegistryProxy['server']
  let proxyHost: string
  const refusedIndexPuts = (): number => proxy.faultsServed.filter(k => k === 'status').length

  beforeAll(async () => {
    registry = await startRegistry({ [USER]: PASSWORD })
    registryProxy = await startRegistryProxy(registry)
    proxy = registryProxy.server
    proxyHost = registryProxy.host
  })
  afterAll(async () => {
    await registryProxy?.close()
    await registry?.stop()
  })
  beforeEach(() => {
    proxy.faults.clear()
    proxy.faultsServed.length = 0
  })

  const unavailable = {
    kind: 'status',
    status: 503,
    body: { errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] }
  } as const

  const denied = {
    kind: 'status',
    status: 403,
    body: { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }
  } as const

  /** The digest the registry itself, not the proxy, holds for a tag of shop/worker. */
  const taggedDigest = async (tag: string): Promise<string | null> => {
    const response = await registry.api(`/v2/shop/worker/manifests/${tag}`, {
      method: 'HEAD',
      user: USER,
      headers: { accept: INDEX_TYPES }
    })
    expect(response.status).toBe(200)
    return response.headers.get('docker-content-digest')
  }
  const digestIn = (image: string | undefined): string | undefined => image?.split('@')[1]

  const context = async (tag: string, pushTimeoutMs = 300_000) =>
    makeContext({
      services: [
        {
          name: 'worker',
          registry: hostRegistry(proxyHost),
          repository: 'shop/worker',
          tag,
          action: 'build'
        }
      ],
      runnerTemp: await tempDir(),
      images: { registryUsername: USER, registryPassword: PASSWORD, pushTimeoutMs }
    })

  it('a 503 on the index upload is tried again and the push ends well', async () => {
    proxy.faults.inject(unavailable, { match: isIndexPut, times: 1 })
    const { ctx, core, bus } = await context('dev-retry')
    await runBuildPhase(ctx)
    await runPushPhase(ctx)
    expect(refusedIndexPuts()).toBe(1)
    expect(proxy.faults.pending).toBe(0)
    expect(ctx.state.images.worker).toMatch(
      new RegExp(`^${proxyHost}/shop/worker:dev-retry@sha256:[a-f0-9]{64}$`)
    )
    // buildah says nothing of the 503. The index it made, sent again through the registry API,
    // finishes the push; or, when buildah's upload compressed the layers differently from its
    // local copy, the registry does not know the manifests that index names, and buildah tries
    // again. Either way the tag holds what was built.
    const resent = bus.events.some(e => /accepted the index sent again/.test(e.message))
    const retried = core.warnings.some(w => /push of worker failed .*trying again/.test(w))
    expect(resent || retried).toBe(true)
    expect(await taggedDigest('dev-retry')).toBe(digestIn(ctx.state.images.worker))
  })

  it('an attempt that hangs is killed at a third of push_timeout and tried again', async () => {
    proxy.faults.inject({ kind: 'hang' }, { match: isIndexPut, times: 1 })
    const { ctx, core } = await context('dev-hang', 9_000)
    await runBuildPhase(ctx)
    // The push's deadlines pass on the test's word: the hung attempt's once the hang is seen, the
    // retried attempt's never, so a slow machine's real push cannot run out of its 3 s.
    await withDeadlinesHeld(async pass => {
      const pushing = runPushPhase(ctx)
      await waitUntil('the index upload to hang', () => proxy.faultsServed.includes('hang'), 50_000)
      await pass(3_000)
      await pushing
    })
    expect(proxy.faultsServed).toEqual(['hang'])
    expect(ctx.state.images.worker).toMatch(/:dev-hang@sha256:[a-f0-9]{64}$/)
    expect(await taggedDigest('dev-hang')).toBe(digestIn(ctx.state.images.worker))
    expect(core.lines.some(l => /push of worker failed .*did not answer within 3 s/.test(l))).toBe(
      true
    )
  })

  it("a registry that keeps failing is PUSH_FAILED with the builder's last lines", async () => {
    proxy.faults.inject(unavailable, { match: isIndexPut, times: 100 })
    const { ctx } = await context('dev-down')
    await runBuildPhase(ctx)
    const error = await runPushPhase(ctx).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'PUSH_FAILED' })
    // buildah says nothing about the refused index; the missing digest is what is reported, with
    // what the registry answered when the index was sent again.
    expect((error as { details?: string }).details).toMatch(/no digest/)
    expect((error as { details?: string }).details).toMatch(
      /the index sent again through the registry API: .*HTTP 503/
    )
    // Three attempts, each an index upload by buildah and the same index sent again.
    expect(refusedIndexPuts()).toBe(6)
  })

  it('a registry that takes the layers but refuses the manifests is REGISTRY_AUTH_FAILED, not tried again', async () => {
    proxy.faults.inject(denied, { match: isManifestPut, times: 100 })
    const { ctx } = await context('dev-denied')
    await runBuildPhase(ctx)
    const error = (await runPushPhase(ctx).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toBe(
      `${proxyHost} refused the push of shop/worker:dev-denied (HTTP 403): the registry_username ` +
        'account needs push permission on shop/worker.'
    )
    expect(error.details).toMatch(/requested access to the resource is denied/)
    // buildah's one silent attempt, then the index sent again: refused, so no second attempt.
    expect(proxy.faultsServed.filter(k => k === 'status')).toHaveLength(2)
    expect(proxy.requests.some(r => /\/blobs\/uploads\//.test(r.path))).toBe(true)
  })
})
