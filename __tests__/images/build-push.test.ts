import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { DeployError } from '../../src/errors.js'
import { safeToolkit } from '../../src/toolkit.js'
import { logSink } from '../../src/events/sinks/log.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from '../simulators/registry.js'
import {
  SHOP,
  SHOP_SERVICES,
  hostRegistry,
  leakedSecrets,
  makeContext,
  tempDir,
  type ServiceSpec
} from './fixtures.js'
import { waitUntil } from '../fixtures/wait.js'
import { children, isRunning, recordSpawns, spawned } from './spawn-recorder.js'

/**
 * The whole image path for real: buildah builds the example shop's three FROM-scratch services for
 * linux/amd64 and linux/arm64 and pushes them to a real docker-registry with htpasswd auth on
 * 127.0.0.1; the registry API is the witness of what arrived.
 */
recordSpawns()
const image = await import('../../src/phases/image.js')

const run = requireRegistryTools('image build and push')
const maybe = run ? describe : describe.skip

const USER = 'ci'
const PASSWORD = `pw-${randomUUID()}`
const TAG = 'dev-2611212300'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const ACCEPT = [INDEX, 'application/vnd.docker.distribution.manifest.list.v2+json'].join(', ')

maybe('images: buildah -> docker-registry (htpasswd, 127.0.0.1)', () => {
  let registry: LocalRegistry
  let runnerTemp: string

  beforeAll(async () => {
    registry = await startRegistry({ [USER]: PASSWORD })
    runnerTemp = await tempDir()
  })
  afterAll(async () => {
    await registry?.stop()
    await rm(runnerTemp, { recursive: true, force: true })
  })

  const shop = (action: ServiceSpec['action'], tag = TAG, promoteFrom?: string): ServiceSpec[] =>
    SHOP_SERVICES.map(name => ({
      name,
      registry: hostRegistry(registry.host),
      repository: `shop/${name}`,
      tag,
      action,
      promoteFrom
    }))
  const credentials = { registryUsername: USER, registryPassword: PASSWORD }

  async function indexOf(
    repository: string,
    tag: string
  ): Promise<{
    digest: string
    body: { manifests: Array<{ platform: { os: string; architecture: string } }> }
    type: string
  }> {
    const response = await registry.api(`/v2/${repository}/manifests/${tag}`, {
      user: USER,
      headers: { accept: ACCEPT }
    })
    expect(response.status).toBe(200)
    return {
      digest: response.headers.get('docker-content-digest') ?? '',
      type: response.headers.get('content-type') ?? '',
      body: (await response.json()) as never
    }
  }

  it('builds every service for amd64 and arm64, pushes an OCI index per tag, and reports the real digests', async () => {
    const { ctx, core, bus } = makeContext({
      services: shop('build'),
      runnerTemp,
      images: credentials
    })
    spawned.length = 0
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)

    for (const name of SHOP_SERVICES) {
      const index = await indexOf(`shop/${name}`, TAG)
      expect(index.type).toBe(INDEX)
      const platforms = index.body.manifests.map(m => `${m.platform.os}/${m.platform.architecture}`)
      expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect(ctx.state.images[name]).toBe(`${registry.host}/shop/${name}:${TAG}@${index.digest}`)
    }
    const pushed = bus.events.filter(
      e => e.stage === 'PUSH' && e.type === 'progress' && e.message.includes('@sha256:')
    )
    expect(pushed.map(e => e.service).sort()).toEqual([...SHOP_SERVICES].sort())
    expect(bus.events.some(e => e.type === 'info' && /buildah/.test(e.message))).toBe(true)
    // Credentials went through stdin into the per-job auth file, never a command line or a log.
    expect(
      spawned.some(
        argv => argv[0] === 'buildah' && argv[1] === 'login' && argv.includes('--password-stdin')
      )
    ).toBe(true)
    expect(leakedSecrets([PASSWORD], { core, bus, argv: spawned })).toEqual([])
  })

  it('rebuilding the unchanged commit gives the same digests and uploads no blob', async () => {
    const before = registry.blobUploads()
    const { ctx } = makeContext({ services: shop('build'), runnerTemp, images: credentials })
    const first = await indexOf('shop/api', TAG)
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:${TAG}@${first.digest}`)
    expect(registry.blobUploads()).toBe(before)
  })

  it('promotes by copying the index only: identical digest, no blob uploaded, no builder started', async () => {
    const source = await Promise.all(SHOP_SERVICES.map(name => indexOf(`shop/${name}`, TAG)))
    const uploads = registry.blobUploads()
    const blobs = await registry.blobCount()
    spawned.length = 0
    const { ctx, core, bus } = makeContext({
      services: shop('promote', 'v1.0.0', TAG),
      runnerTemp,
      images: credentials
    })
    await image.runBuildPhase(ctx) // nothing to build: a no-op
    await image.runPushPhase(ctx)

    for (const [i, name] of SHOP_SERVICES.entries()) {
      const promoted = await indexOf(`shop/${name}`, 'v1.0.0')
      expect(promoted.digest).toBe(source[i]?.digest)
      expect(ctx.state.images[name]).toBe(
        `${registry.host}/shop/${name}:v1.0.0@${source[i]?.digest}`
      )
    }
    expect(registry.blobUploads()).toBe(uploads)
    expect(await registry.blobCount()).toBe(blobs)
    expect(spawned).toEqual([])
    expect(bus.events.some(e => /promoted dev-2611212300 to v1.0.0/.test(e.message))).toBe(true)
    expect(leakedSecrets([PASSWORD], { core, bus, argv: spawned })).toEqual([])
  })

  it('skip resolves the digest of an existing tag, and fails with PUSH_FAILED when it is missing', async () => {
    const existing = makeContext({
      services: shop('skip', 'v1.0.0'),
      runnerTemp,
      images: credentials
    })
    await image.runPushPhase(existing.ctx)
    const index = await indexOf('shop/worker', 'v1.0.0')
    expect(existing.ctx.state.images.worker).toBe(
      `${registry.host}/shop/worker:v1.0.0@${index.digest}`
    )

    const missing = makeContext({
      services: shop('skip', 'v9.9.9'),
      runnerTemp,
      images: credentials
    })
    await expect(image.runPushPhase(missing.ctx)).rejects.toMatchObject({ code: 'PUSH_FAILED' })
  })

  it('a wrong password is REGISTRY_AUTH_FAILED and the password is not shown anywhere', async () => {
    const wrong = `wrong-${randomUUID()}`
    spawned.length = 0
    const { ctx, core, bus } = makeContext({
      services: shop('build', 'dev-wrong').slice(0, 1),
      runnerTemp: await tempDir(),
      images: { registryUsername: USER, registryPassword: wrong }
    })
    const error = await image.runBuildPhase(ctx).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(DeployError)
    expect((error as DeployError).code).toBe('REGISTRY_AUTH_FAILED')
    const promote = makeContext({
      services: shop('promote', 'v2.0.0', TAG).slice(0, 1),
      runnerTemp,
      images: { registryUsername: USER, registryPassword: wrong }
    })
    const refused = await image.runPushPhase(promote.ctx).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    // Message, details and the cause chain: everything a log of the errors could show.
    expect(inspect([error, refused], { depth: 8 })).not.toContain(wrong)
    expect(leakedSecrets([wrong], { core, bus, argv: spawned })).toEqual([])
  })

  it('no credentials for a registry that needs them is REGISTRY_AUTH_FAILED saying what to set', async () => {
    const { ctx } = makeContext({
      services: shop('build', 'dev-nobody').slice(0, 1),
      runnerTemp: await tempDir()
    })
    await image.runBuildPhase(ctx)
    const error = (await image.runPushPhase(ctx).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toBe(
      `${registry.host} refused the push of shop/webui:dev-nobody (HTTP 401): it takes no ` +
        'anonymous push; set registry_username and registry_password.'
    )
  })

  it("a broken Dockerfile is BUILD_FAILED with the builder's last lines", async () => {
    const broken = join(runnerTemp, 'broken')
    await mkdir(broken, { recursive: true })
    await writeFile(join(broken, 'Dockerfile'), 'FROM scratch\nCOPY no-such-file.txt /x\n')
    const { ctx } = makeContext({
      services: [{ ...shop('build', 'dev-broken')[0]!, context: broken }],
      runnerTemp,
      images: credentials
    })
    const error = (await image.runBuildPhase(ctx).catch((e: unknown) => e)) as DeployError
    expect(error.code).toBe('BUILD_FAILED')
    expect(error.details).toMatch(/no-such-file\.txt/)
  })

  /**
   * A build whose base image comes from a server that accepts connections and never answers:
   * buildah waits on the TLS handshake and retries for well over half a minute, so only the kill
   * on timeout or cancel ends it within the test.
   */
  async function hangingBuild(tag: string): Promise<ServiceSpec> {
    // Reading lets the server see buildah's end when it is killed: an unread socket would stay in
    // CLOSE-WAIT, keeping the jest worker from exiting after its last test file.
    silent ??= createServer(socket => {
      accepted.add(socket)
      socket.on('close', () => accepted.delete(socket)).resume()
    })
    const server = silent
    if (!server.listening) await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok))
    const { port } = server.address() as AddressInfo
    const context = join(runnerTemp, 'hanging')
    await mkdir(context, { recursive: true })
    await writeFile(join(context, 'Dockerfile'), `FROM 127.0.0.1:${port}/hang/base:1\n`)
    return { ...shop('build', tag)[0]!, context }
  }
  let silent: Server | undefined
  const accepted = new Set<Socket>()
  afterAll(async () => {
    for (const socket of accepted) socket.destroy()
    await new Promise(closed => (silent ? silent.close(closed) : closed(undefined)))
  })

  /** The `buildah build` processes started since `from`; each must be gone soon after the end. */
  async function expectBuildsKilled(from: number): Promise<void> {
    const builds = children
      .slice(from)
      .filter(c => c.argv[0] === 'buildah' && c.argv[1] === 'build')
    expect(builds).toHaveLength(1)
    await waitUntil(
      'the stopped buildah build to exit',
      () => builds.every(c => !isRunning(c.pid)),
      // Past runCommand's SIGKILL, 5 s after the SIGTERM a builder may ignore.
      15_000
    )
  }

  it('a build past build_timeout is TIMEOUT, and the builder is killed', async () => {
    const started = children.length
    const slow = makeContext({
      services: [await hangingBuild('dev-timeout')],
      runnerTemp,
      images: { ...credentials, buildTimeoutMs: 3_000 }
    })
    await expect(image.runBuildPhase(slow.ctx)).rejects.toMatchObject({ code: 'TIMEOUT' })
    await expectBuildsKilled(started)
  })

  it('a cancelled run is CANCELLED, and the builder is killed', async () => {
    const started = children.length
    const controller = new AbortController()
    const cancelled = makeContext({
      services: [await hangingBuild('dev-cancel')],
      runnerTemp,
      images: credentials,
      signal: controller.signal
    })
    cancelled.bus.attach(logSink(safeToolkit(cancelled.core)))
    // Builder output is kept aside while it runs: the heartbeat is what shows the build is busy.
    const outcome = image.runBuildPhase(cancelled.ctx, { heartbeatMs: 20 }).catch((e: unknown) => e)
    await waitUntil('a heartbeat after the first line of buildah build', () =>
      cancelled.core.lines.some(l =>
        /^\[webui\] still building \(.* so far, \d+ lines? of builder output, the last .* ago\)$/.test(
          l
        )
      )
    )
    controller.abort()
    expect(await outcome).toMatchObject({ code: 'CANCELLED' })
    await expectBuildsKilled(started)
    // Then the build's own group, and its last lines again outside it, both inert.
    await cancelled.bus.flush()
    const lines = cancelled.core.lines
    const group = lines.indexOf('::group::build webui (linux/amd64, linux/arm64)')
    expect(group).toBeGreaterThanOrEqual(0)
    const token = /^::stop-commands::(.+)$/.exec(lines[group + 1] ?? '')?.[1]
    expect(token).toBeDefined()
    const end = lines.indexOf(`::${token}::`, group)
    expect(lines.slice(group + 2, end).some(l => /^STEP 1\/\d+: FROM 127\.0\.0\.1:/.test(l))).toBe(
      true
    )
    expect(lines[end + 1]).toBe('::endgroup::')
    expect(lines[end + 2]).toMatch(
      /^build webui \(linux\/amd64, linux\/arm64\) failed; its last \d+ lines:$/
    )
    expect(lines[end + 3]).toMatch(/^::stop-commands::/)
    // No heartbeat after the phase ended.
    expect(lines.slice(group).some(l => /still building/.test(l))).toBe(false)
  })

  it('cleanupRegistryAuth logs out and removes the per-job credentials', async () => {
    const { ctx } = makeContext({
      services: shop('build', 'dev-cleanup').slice(0, 1),
      runnerTemp,
      images: credentials
    })
    await image.runBuildPhase(ctx)
    const { stat } = await import('node:fs/promises')
    const auth = join(runnerTemp, 'deploy-pipeline-registry-auth', 'config.json')
    expect((await stat(auth)).isFile()).toBe(true)
    await image.cleanupRegistryAuth(runnerTemp)
    await expect(stat(auth)).rejects.toThrow()
  })
})

// The shop example is what the demo builds: keep it present.
it('the example shop has a Dockerfile per service', async () => {
  const { readFile } = await import('node:fs/promises')
  for (const name of SHOP_SERVICES) {
    expect(await readFile(join(SHOP, name, 'Dockerfile'), 'utf8')).toMatch(/^FROM scratch/m)
  }
})
