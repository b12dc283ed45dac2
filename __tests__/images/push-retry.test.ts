import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { runBuildPhase, runPushPhase } from '../../src/phases/image.js'
import { withDeadlinesHeld } from '../fixtures/deadlines.js'
import { waitUntil } from '../fixtures/wait.js'
import { startHttpServer, type SimRequest, type SimServer } from '../simulators/http.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from '../simulators/registry.js'
import { hostRegistry, makeContext, tempDir } from './fixtures.js'

/**
 * A push that meets a passing registry failure (503 on the index upload) is tried again and ends
 * well; one that keeps failing is PUSH_FAILED with the builder's last lines. A byte-for-byte proxy
 * in front of the real registry, built on the simulator server, serves the failures from its
 * fault plan.
 */
const run = requireRegistryTools('image push retry')
const maybe = run ? describe : describe.skip

const USER = 'ci'
const PASSWORD = `pw-${randomUUID()}`
/** What fetch sets itself, or refuses to be given. */
const HOP_HEADERS = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']

/** The upload of the index: a manifest PUT by tag (the platform images go by digest). */
const isIndexPut = (request: SimRequest): boolean =>
  request.method === 'PUT' &&
  /\/manifests\/[^/]+$/.test(request.path) &&
  !/sha256:/.test(request.path)

maybe('images: push through a failing registry', () => {
  let registry: LocalRegistry
  let proxy: SimServer
  let proxyHost: string
  const refusedIndexPuts = (): number => proxy.faultsServed.filter(k => k === 'status').length

  beforeAll(async () => {
    registry = await startRegistry({ [USER]: PASSWORD })
    proxy = await startHttpServer(async request => {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !HOP_HEADERS.includes(name)) headers[name] = String(value)
      }
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
      const answer = await fetch(`${registry.url}${request.url.pathname}${request.url.search}`, {
        method: request.method,
        headers,
        body: hasBody ? request.rawBody : undefined,
        redirect: 'manual'
      })
      const answered: Record<string, string> = {}
      answer.headers.forEach((value, name) => {
        if (!HOP_HEADERS.includes(name)) answered[name] = value
      })
      // Upload locations name the registry; keep the client talking to the proxy.
      if (answered.location) answered.location = answered.location.replace(registry.host, proxyHost)
      return {
        status: answer.status,
        headers: answered,
        body: Buffer.from(await answer.arrayBuffer())
      }
    })
    proxyHost = `127.0.0.1:${proxy.port}`
  })
  afterAll(async () => {
    await proxy?.close()
    await registry?.stop()
  })
  beforeEach(() => {
    proxy.faultsServed.length = 0
  })

  const unavailable = {
    kind: 'status',
    status: 503,
    body: { errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] }
  } as const

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
    const { ctx, core } = await context('dev-retry')
    await runBuildPhase(ctx)
    await runPushPhase(ctx)
    expect(refusedIndexPuts()).toBe(1)
    expect(proxy.faults.pending).toBe(0)
    expect(ctx.state.images.worker).toMatch(
      new RegExp(`^${proxyHost}/shop/worker:dev-retry@sha256:[a-f0-9]{64}$`)
    )
    expect(core.lines.some(l => /push of worker failed .*trying again/.test(l))).toBe(true)
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
    // buildah says nothing about the refused index; the missing digest is what is reported.
    expect((error as { details?: string }).details).toMatch(/no digest|503|unavailable/i)
    // Three attempts, one index upload each.
    expect(refusedIndexPuts()).toBe(3)
  })
})
