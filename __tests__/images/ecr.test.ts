import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { awsTestEnv } from '../simulators/aws.js'
import { startEcrSimulator, type EcrSimulator } from '../simulators/ecr.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from '../simulators/registry.js'
import { ECR_REGISTRY, leakedSecrets, makeContext, tempDir, type ServiceSpec } from './fixtures.js'
import { recordSpawns, spawned } from './spawn-recorder.js'

/**
 * The ECR path: the real @aws-sdk/client-ecr against the ECR API simulator (AWS_ENDPOINT_URL_ECR),
 * whose authorization token logs into a real docker-registry where buildah pushes.
 */
recordSpawns()
const image = await import('../../src/phases/image.js')

const run = requireRegistryTools('ECR image push')
const maybe = run ? describe : describe.skip

const ECR_PASSWORD = `ecr-${randomUUID()}`
const STALE_PASSWORD = `stale-${randomUUID()}`
const TAG = 'v1.2.0-rc.1'

maybe('images: ECR (SDK -> simulator) + docker-registry', () => {
  let registry: LocalRegistry
  let ecr: EcrSimulator
  let runnerTemp: string
  const saved = { ...process.env }

  beforeAll(async () => {
    registry = await startRegistry({ AWS: ECR_PASSWORD })
    ecr = await startEcrSimulator({
      url: registry.url,
      password: ECR_PASSWORD,
      stalePassword: STALE_PASSWORD
    })
    Object.assign(process.env, awsTestEnv(ecr.url, ['ECR']))
    runnerTemp = await tempDir()
  })
  afterAll(async () => {
    process.env = saved
    await registry?.stop()
    await ecr?.close()
    await rm(runnerTemp, { recursive: true, force: true })
  })

  const api = (action: ServiceSpec['action'] = 'build', tag = TAG): ServiceSpec[] => [
    { name: 'api', registry: ECR_REGISTRY, repository: 'shop/api', tag, action }
  ]

  async function digestOf(tag: string): Promise<string> {
    const response = await registry.api(`/v2/shop/api/manifests/${tag}`, {
      method: 'HEAD',
      user: 'AWS',
      headers: { accept: 'application/vnd.oci.image.index.v1+json' }
    })
    expect(response.status).toBe(200)
    return response.headers.get('docker-content-digest') ?? ''
  }

  const manifestPuts = (): number =>
    (registry.log().match(/"PUT \/v2\/shop\/api\/manifests\//g) ?? []).length

  it('creates the missing repository with scan on push, logs in with the token and pushes', async () => {
    spawned.length = 0
    const { ctx, core, bus } = makeContext({ services: api(), runnerTemp })
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)

    expect(ecr.repositories.get('shop/api')).toMatchObject({
      scanOnPush: true,
      imageTagMutability: 'MUTABLE'
    })
    expect(ecr.operations).toEqual(
      expect.arrayContaining(['GetAuthorizationToken', 'DescribeRepositories', 'CreateRepository'])
    )
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:${TAG}@${await digestOf(TAG)}`)
    expect(core.secrets).toContain(ECR_PASSWORD)
    expect(bus.events.some(e => /created ECR repository shop\/api/.test(e.message))).toBe(true)
    expect(leakedSecrets([ECR_PASSWORD], { core, bus, argv: spawned })).toEqual([])
  })

  it('an immutable tag that already holds the same image is a success on re-run, with nothing pushed', async () => {
    ecr.repositories.get('shop/api')!.imageTagMutability = 'IMMUTABLE'
    const puts = manifestPuts()
    const { ctx, bus } = makeContext({ services: api(), runnerTemp })
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:${TAG}@${await digestOf(TAG)}`)
    expect(manifestPuts()).toBe(puts)
    expect(bus.events.some(e => /immutable repository\): nothing pushed/.test(e.message))).toBe(
      true
    )
  })

  it('an immutable tag holding another image is PUSH_FAILED and stays untouched', async () => {
    const before = await digestOf(TAG)
    // Another version label: another image under the same tag.
    const { ctx } = makeContext({ services: api(), runnerTemp, imageTag: 'v1.2.0-rc.1-other' })
    await image.runBuildPhase(ctx)
    const error = (await image.runPushPhase(ctx).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('PUSH_FAILED')
    expect(error.message).toMatch(/immutable/)
    expect(await digestOf(TAG)).toBe(before)
  })

  it('promotes inside the immutable repository to a new tag without uploading a blob', async () => {
    const uploads = registry.blobUploads()
    const { ctx } = makeContext({
      services: [{ ...api('promote', 'v1.2.0')[0]!, promoteFrom: TAG }],
      runnerTemp
    })
    await image.runPushPhase(ctx)
    expect(await digestOf('v1.2.0')).toBe(await digestOf(TAG))
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:v1.2.0@${await digestOf(TAG)}`)
    expect(registry.blobUploads()).toBe(uploads)
    expect(ecr.operations.includes('CreateRepository')).toBe(true) // only from the first test
  })

  it('an expired token is replaced by a fresh one', async () => {
    ecr.staleTokens(1)
    const before = ecr.tokens.length
    const { ctx, core } = makeContext({ services: api('skip'), runnerTemp })
    await image.runPushPhase(ctx)
    expect(ecr.tokens.slice(before)).toEqual(['stale', 'valid'])
    expect(core.lines.some(l => /expired/.test(l))).toBe(true)
    expect(ctx.state.images.api).toMatch(/@sha256:/)
  })

  it('a token the registry refuses (expired early) is replaced once, during login', async () => {
    ecr.staleTokens(1, { expiresAt: 'future' })
    const before = ecr.tokens.length
    spawned.length = 0
    const { ctx, core, bus } = makeContext({
      services: api('build', 'dev-refused'),
      runnerTemp: await tempDir()
    })
    await image.runBuildPhase(ctx)
    await image.runPushPhase(ctx)
    expect(ecr.tokens.slice(before)).toEqual(['stale', 'valid'])
    expect(ctx.state.images.api).toMatch(/:dev-refused@sha256:/)
    expect(leakedSecrets([STALE_PASSWORD, ECR_PASSWORD], { core, bus, argv: spawned })).toEqual([])
  })

  it('a token refused during PUSH (expired after BUILD) is replaced, logged in again, and pushed with', async () => {
    const temp = await tempDir()
    const { ctx, core, bus } = makeContext({
      services: api('build', 'dev-push-refused'),
      runnerTemp: temp
    })
    await image.runBuildPhase(ctx)
    // The token BUILD logged in with has expired since: the auth file holds one the registry refuses.
    const file = join(temp, 'deploy-pipeline-registry-auth', 'config.json')
    const config = JSON.parse(await readFile(file, 'utf8')) as {
      auths: Record<string, { auth: string }>
    }
    expect(Object.keys(config.auths)).toEqual([registry.host])
    config.auths[registry.host] = { auth: Buffer.from(`AWS:${STALE_PASSWORD}`).toString('base64') }
    await writeFile(file, JSON.stringify(config))
    const before = ecr.tokens.length
    spawned.length = 0
    await image.runPushPhase(ctx)
    expect(ecr.tokens.slice(before)).toEqual(['valid'])
    const logins = spawned.filter(argv => argv[0] === 'buildah' && argv[1] === 'login')
    expect(logins).toHaveLength(1)
    expect(core.warnings.some(w => /did not work for api/.test(w))).toBe(true)
    expect(ctx.state.images.api).toBe(
      `${registry.host}/shop/api:dev-push-refused@${await digestOf('dev-push-refused')}`
    )
    expect(leakedSecrets([STALE_PASSWORD, ECR_PASSWORD], { core, bus, argv: spawned })).toEqual([])
  })

  it('tokens that keep being refused end in REGISTRY_AUTH_FAILED', async () => {
    ecr.staleTokens(10, { expiresAt: 'future' })
    const { ctx } = makeContext({ services: api('skip'), runnerTemp })
    await expect(image.runPushPhase(ctx)).rejects.toMatchObject({ code: 'REGISTRY_AUTH_FAILED' })
    ecr.staleTokens(0)
  })

  it('promoting from a repository that does not exist is PUSH_FAILED, and nothing is created', async () => {
    const { ctx } = makeContext({
      services: [
        {
          name: 'ghost',
          registry: ECR_REGISTRY,
          repository: 'shop/ghost',
          tag: 'v1.0.0',
          action: 'promote',
          promoteFrom: 'v1.0.0-rc.1'
        }
      ],
      runnerTemp
    })
    await expect(image.runPushPhase(ctx)).rejects.toMatchObject({ code: 'PUSH_FAILED' })
    expect(ecr.repositories.has('shop/ghost')).toBe(false)
  })
})
