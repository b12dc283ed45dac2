import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runBuildPhase, runPushPhase } from '../../src/phases/image.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from '../simulators/registry.js'
import { hostRegistry, makeContext, tempDir } from './fixtures.js'

/**
 * A push that meets a passing registry failure (503 on the index upload) is tried again and ends
 * well; one that keeps failing is PUSH_FAILED with the builder's last lines. A byte-for-byte proxy
 * in front of the real registry serves the failures.
 */
const run = requireRegistryTools('image push retry')
const maybe = run ? describe : describe.skip

const USER = 'ci'
const PASSWORD = `pw-${randomUUID()}`

maybe('images: push through a failing registry', () => {
  let registry: LocalRegistry
  let proxy: Server
  let proxyHost: string
  let failures = 0
  let served = 0

  beforeAll(async () => {
    registry = await startRegistry({ [USER]: PASSWORD })
    proxy = createServer((req, res) => {
      const isIndexPut =
        req.method === 'PUT' &&
        /\/manifests\/[^/]*$/.test(req.url ?? '') &&
        !/sha256:/.test(req.url ?? '')
      if (isIndexPut && failures > 0) {
        failures--
        served++
        req.resume()
        res.writeHead(503, { 'content-type': 'application/json' })
        res.end('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}')
        return
      }
      const upstream = request(
        `${registry.url}${req.url}`,
        { method: req.method, headers: { ...req.headers, host: registry.host } },
        answer => {
          const headers = { ...answer.headers }
          // Upload locations name the registry; keep the client talking to the proxy.
          if (typeof headers.location === 'string') {
            headers.location = headers.location.replace(registry.host, proxyHost)
          }
          res.writeHead(answer.statusCode ?? 502, headers)
          answer.pipe(res)
        }
      )
      upstream.on('error', () => res.destroy())
      req.pipe(upstream)
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    proxyHost = `127.0.0.1:${(proxy.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise(resolve => proxy?.close(resolve))
    await registry?.stop()
  })

  const context = async (tag: string) =>
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
      images: { registryUsername: USER, registryPassword: PASSWORD }
    })

  it('a 503 on the index upload is tried again and the push ends well', async () => {
    failures = 1
    served = 0
    const { ctx, core } = await context('dev-retry')
    await runBuildPhase(ctx)
    await runPushPhase(ctx)
    expect(served).toBe(1)
    expect(ctx.state.images.worker).toMatch(
      new RegExp(`^${proxyHost}/shop/worker:dev-retry@sha256:[a-f0-9]{64}$`)
    )
    expect(core.lines.some(l => /push of worker failed .*trying again/.test(l))).toBe(true)
  })

  it("a registry that keeps failing is PUSH_FAILED with the builder's last lines", async () => {
    failures = 100
    const { ctx } = await context('dev-down')
    await runBuildPhase(ctx)
    const error = await runPushPhase(ctx).catch((e: unknown) => e)
    failures = 0
    expect(error).toMatchObject({ code: 'PUSH_FAILED' })
    // buildah says nothing about the refused index; the missing digest is what is reported.
    expect((error as { details?: string }).details).toMatch(/no digest|503|unavailable/i)
    expect(served).toBeGreaterThanOrEqual(3)
  })
})
