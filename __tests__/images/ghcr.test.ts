import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { inspect } from 'node:util'
import { SILENT_PUSH_FAILURE } from '../../src/builders/buildah.js'
import { CommandFailure, type BuildJob, type Builder } from '../../src/builders/types.js'
import { sha256Digest } from '../../src/clients/registry.js'
import { DeployError } from '../../src/errors.js'
import { runBuildPhase, runPushPhase } from '../../src/phases/image.js'
import type { RegistrySettings } from '../../src/settings/types.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { leakedSecrets, makeContext, tempDir, type ServiceSpec } from './fixtures.js'
import { INDEX, TOKEN, fakeRegistry, type TokenRegistry } from './token-registry.js'

/**
 * GHCR through the PUSH phase: the GitHub token and the actor log in through the token flow,
 * repository names are lower-cased, and promotion copies the index inside the registry. A push
 * buildah ends without a digest is settled by sending its index again and reading the answer.
 */
const INDEX_BODY = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [] })
)

describe('images: GHCR (token flow)', () => {
  let server: SimServer
  let store: TokenRegistry

  beforeEach(async () => {
    store = fakeRegistry()
    store.manifests.set('acme/web:v1.0.0-rc.2', { body: INDEX_BODY, type: INDEX })
    server = await startHttpServer(store.handler)
  })
  afterEach(async () => server.close())

  const ghcr = (): RegistrySettings => ({
    kind: 'ghcr',
    host: `127.0.0.1:${server.port}`,
    namespace: 'acme',
    insecure: false
  })
  const web = (action: ServiceSpec['action'], tag: string): ServiceSpec => ({
    name: 'web',
    registry: ghcr(),
    repository: 'Acme/Web',
    tag,
    action,
    promoteFrom: 'v1.0.0-rc.2'
  })

  it('promotes with the GitHub token: same digest, lower-cased name, nothing else moved', async () => {
    const { ctx, core, bus } = makeContext({
      services: [web('promote', 'v1.0.0')],
      runnerTemp: await tempDir(),
      githubToken: TOKEN
    })
    await runBuildPhase(ctx)
    await runPushPhase(ctx)
    const digest = sha256Digest(INDEX_BODY)
    expect(ctx.state.images.web).toBe(`127.0.0.1:${server.port}/acme/web:v1.0.0@${digest}`)
    expect(store.manifests.get('acme/web:v1.0.0')?.body.equals(INDEX_BODY)).toBe(true)
    const methods = server.requests.filter(r => r.path.includes('/manifests/')).map(r => r.method)
    expect(new Set(methods)).toEqual(new Set(['GET', 'HEAD', 'PUT']))
    expect(server.requests.some(r => r.path.includes('/blobs/'))).toBe(false)
    expect(leakedSecrets([TOKEN], { core, bus, argv: [] })).toEqual([])
  })

  it('without a GitHub token it is REGISTRY_AUTH_FAILED, before any request', async () => {
    const { ctx } = makeContext({
      services: [web('skip', 'v1.0.0-rc.2')],
      runnerTemp: await tempDir()
    })
    await expect(runPushPhase(ctx)).rejects.toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    expect(server.requests).toEqual([])
  })

  it('a token without access is REGISTRY_AUTH_FAILED', async () => {
    const { ctx } = makeContext({
      services: [web('skip', 'v1.0.0-rc.2')],
      runnerTemp: await tempDir(),
      githubToken: 'ghs_revoked'
    })
    const error = await runPushPhase(ctx).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    // Message, details and the cause chain: everything a log of the error could show.
    expect(inspect(error, { depth: 8 })).not.toContain('ghs_revoked')
  })

  describe('a push buildah ends without saying what the registry answered', () => {
    /** buildah 1.28 as it is when a manifest PUT fails: exit 0, no digest, nothing said. */
    const silentBuildah: Builder = {
      name: 'buildah',
      build: async () => undefined,
      push: async () => {
        throw new CommandFailure('buildah manifest push', 0, [SILENT_PUSH_FAILURE])
      },
      localDigest: async () => sha256Digest(INDEX_BODY),
      localIndex: async () => ({
        digest: sha256Digest(INDEX_BODY),
        mediaType: INDEX,
        size: INDEX_BODY.length,
        body: INDEX_BODY
      })
    }
    const built = async () => {
      const made = makeContext({
        services: [web('build', 'v1.1.0')],
        runnerTemp: await tempDir(),
        githubToken: TOKEN
      })
      const job = { service: 'web', platforms: ['linux/amd64'] } as unknown as BuildJob
      made.ctx.state.built.set('web', { builder: silentBuildah, job, existing: undefined })
      return made
    }

    it('the index sent again is accepted: the push is done, with its digest read back', async () => {
      const { ctx, bus } = await built()
      await runPushPhase(ctx)
      const digest = sha256Digest(INDEX_BODY)
      expect(ctx.state.images.web).toBe(`127.0.0.1:${server.port}/acme/web:v1.1.0@${digest}`)
      expect(store.manifests.get('acme/web:v1.1.0')?.body.equals(INDEX_BODY)).toBe(true)
      expect(bus.events.map(e => e.message)).toContain(
        'buildah reported no digest; the registry accepted the index sent again'
      )
    })

    it('refused with 403 (a token without packages: write) is REGISTRY_AUTH_FAILED, not retried', async () => {
      server.faults.inject(
        {
          kind: 'status',
          status: 403,
          body: { errors: [{ code: 'DENIED', message: 'permission_denied: write_package' }] }
        },
        {
          match: r => r.method === 'PUT' && String(r.headers.authorization).startsWith('Bearer '),
          times: 10
        }
      )
      const { ctx } = await built()
      const error = (await runPushPhase(ctx).catch((e: unknown) => e)) as DeployError
      expect(error).toBeInstanceOf(DeployError)
      expect(error.code).toBe('REGISTRY_AUTH_FAILED')
      expect(error.message).toBe(
        `127.0.0.1:${server.port} refused the push of acme/web:v1.1.0 (HTTP 403): github_token ` +
          'needs packages: write (add `permissions: packages: write` to the job; a package that ' +
          "already exists must also give this repository write access in the package's settings)."
      )
      expect(error.details).toMatch(
        /wrote no digest[\s\S]*HTTP 403: .*permission_denied: write_package/
      )
      expect(server.faultsServed).toEqual(['status'])
      expect(store.manifests.has('acme/web:v1.1.0')).toBe(false)
    })
  })
})
