import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { RegistryClient, sha256Digest } from '../../src/clients/registry.js'
import { DeployError } from '../../src/errors.js'
import type { PhaseContext } from '../../src/phases/context.js'
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  OCI_INDEX,
  OCI_MANIFEST,
  assembleIndex,
  type PlatformImage
} from '../../src/phases/image-index.js'
import { runMergePhase } from '../../src/phases/image-merge.js'
import type { BuildRecord } from '../../src/plan/handoff.js'
import {
  requireRegistryTools,
  startAnonymousRegistry,
  type LocalRegistry
} from '../simulators/registry.js'
import { hostRegistry, makeContext, tempDir } from './fixtures.js'

/**
 * The deploy job's index: one media type family for the index and what it names, and nothing
 * tagged before every record is checked against the plan and the registry.
 */
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json'
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip'

function manifestOf(mediaType: string, config: string, layers: string[]): Buffer {
  const docker = mediaType === DOCKER_MANIFEST
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: docker ? DOCKER_CONFIG : 'application/vnd.oci.image.config.v1+json',
        digest: config,
        size: 10
      },
      layers: layers.map(digest => ({
        mediaType: docker ? DOCKER_LAYER : 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest,
        size: 20
      }))
    })
  )
}

function image(platform: string, mediaType: string): PlatformImage {
  const body = manifestOf(mediaType, `sha256:${'c'.repeat(64)}`, [`sha256:${'l'.repeat(64)}`])
  return { platform, mediaType, digest: sha256Digest(body), body }
}

describe('assembleIndex', () => {
  it('keeps OCI images as they are, in an OCI index', () => {
    const images = [image('linux/amd64', OCI_MANIFEST), image('linux/arm64/v8', OCI_MANIFEST)]
    const index = assembleIndex(images, sha256Digest)
    const body = JSON.parse(index.body.toString()) as { mediaType: string; manifests: unknown[] }
    expect(index.mediaType).toBe(OCI_INDEX)
    expect(index.converted).toEqual([])
    expect(body).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: images[0]?.digest,
          size: images[0]?.body.length,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          mediaType: OCI_MANIFEST,
          digest: images[1]?.digest,
          size: images[1]?.body.length,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
        }
      ]
    })
  })

  it('keeps Docker v2 images as they are, in a Docker manifest list', () => {
    const index = assembleIndex(
      [image('linux/amd64', DOCKER_MANIFEST), image('linux/arm64', DOCKER_MANIFEST)],
      sha256Digest
    )
    expect(index.mediaType).toBe(DOCKER_LIST)
    expect(index.converted).toEqual([])
  })

  it('rewrites a Docker v2 image among OCI ones as OCI: same blobs, new digest', () => {
    const docker = image('linux/arm64', DOCKER_MANIFEST)
    const index = assembleIndex([image('linux/amd64', OCI_MANIFEST), docker], sha256Digest)
    expect(index.mediaType).toBe(OCI_INDEX)
    const [converted] = index.converted
    const manifest = JSON.parse(converted!.body.toString()) as {
      mediaType: string
      config: { mediaType: string; digest: string }
      layers: Array<{ mediaType: string; digest: string }>
    }
    expect(manifest.mediaType).toBe(OCI_MANIFEST)
    expect(manifest.config).toMatchObject({
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'c'.repeat(64)}`
    })
    expect(manifest.layers).toEqual([
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: `sha256:${'l'.repeat(64)}`,
        size: 20
      }
    ])
    expect(converted?.digest).toBe(sha256Digest(converted!.body))
    expect(converted?.from).toBe(docker.digest)
    const listed = JSON.parse(index.body.toString()) as {
      manifests: Array<{ mediaType: string; digest: string }>
    }
    expect(listed.manifests.map(m => m.mediaType)).toEqual([OCI_MANIFEST, OCI_MANIFEST])
    expect(listed.manifests[1]?.digest).toBe(converted?.digest)
  })

  it("lists the entries of an image that is an index (buildx's image and attestation)", () => {
    const inner = image('linux/amd64', OCI_MANIFEST)
    const attestation = {
      mediaType: OCI_MANIFEST,
      digest: `sha256:${'a'.repeat(64)}`,
      size: 5,
      platform: { os: 'unknown', architecture: 'unknown' }
    }
    const nested = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: inner.digest,
            size: inner.body.length,
            platform: { os: 'linux', architecture: 'amd64' }
          },
          attestation
        ]
      })
    )
    const index = assembleIndex(
      [
        {
          platform: 'linux/amd64',
          mediaType: OCI_INDEX,
          digest: sha256Digest(nested),
          body: nested
        }
      ],
      sha256Digest
    )
    const listed = JSON.parse(index.body.toString()) as { manifests: unknown[] }
    expect(listed.manifests).toHaveLength(2)
    expect(listed.manifests[1]).toEqual(attestation)
  })

  it('refuses a layer type that has no OCI name', () => {
    const odd = image('linux/arm64', DOCKER_MANIFEST)
    const body = Buffer.from(odd.body.toString().replace(DOCKER_LAYER, 'application/x-odd'))
    expect(() =>
      assembleIndex([image('linux/amd64', OCI_MANIFEST), { ...odd, body }], sha256Digest)
    ).toThrow(/application\/x-odd, which has no OCI equivalent/)
  })
})

const tools = requireRegistryTools('index merge')
const maybe = tools ? describe : describe.skip

maybe('runMergePhase against the registry', () => {
  let registry: LocalRegistry
  let client: RegistryClient

  beforeAll(async () => {
    registry = await startAnonymousRegistry()
    client = new RegistryClient({ host: registry.host, insecure: true })
  })
  afterAll(async () => registry?.stop())

  /** An image pushed by digest, as a build job does: blobs, then the manifest under its digest. */
  async function pushImage(
    repository: string,
    mediaType: string
  ): Promise<{ digest: string; size: number }> {
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rnd: randomBytes(8).toString('hex') })
    )
    const layer = randomBytes(64)
    for (const blob of [config, layer]) {
      await client.uploadBlob(repository, {
        digest: sha256Digest(blob),
        size: blob.length,
        open: () => new Blob([blob]).stream()
      })
    }
    const body = manifestOf(mediaType, sha256Digest(config), [sha256Digest(layer)])
    const digest = sha256Digest(body)
    await client.putManifest(repository, digest, { digest, mediaType, size: body.length, body })
    return { digest, size: body.length }
  }

  async function context(records: BuildRecord[]): Promise<PhaseContext> {
    const { ctx } = makeContext({
      services: [
        {
          name: 'api',
          registry: hostRegistry(registry.host),
          repository: 'shop/api',
          tag: 'dev-1',
          action: 'build'
        }
      ],
      runnerTemp: await tempDir()
    })
    const plan = {
      ...ctx.plan,
      services: ctx.plan.services.map(s => ({
        ...s,
        image: s.image && { ...s.image, platforms: ['linux/amd64', 'linux/arm64'] }
      }))
    }
    const split = {
      ...ctx.settings.split,
      phase: 'deploy' as const,
      records: JSON.stringify(records)
    }
    return { ...ctx, plan, settings: { ...ctx.settings, split } }
  }

  function record(
    platform: string,
    pushed: { digest: string; size: number },
    mediaType: string,
    overrides: Partial<BuildRecord> = {}
  ): BuildRecord {
    return {
      service: 'api',
      platform,
      image: `${registry.host}/shop/api`,
      digest: pushed.digest,
      mediaType,
      size: pushed.size,
      deploymentId: 'dep_test_1',
      commit: 'HEAD',
      ...overrides
    }
  }

  it('tags an OCI index of both platforms, a Docker v2 one rewritten as OCI', async () => {
    const amd = await pushImage('shop/api', OCI_MANIFEST)
    const arm = await pushImage('shop/api', DOCKER_MANIFEST)
    const ctx = await context([
      record('linux/amd64', amd, OCI_MANIFEST),
      record('linux/arm64', arm, DOCKER_MANIFEST)
    ])
    await runMergePhase(ctx)
    const tagged = await client.getManifest('shop/api', 'dev-1')
    expect(tagged?.mediaType).toBe(OCI_INDEX)
    const listed = JSON.parse(tagged!.body.toString()) as {
      manifests: Array<{ mediaType: string; digest: string }>
    }
    expect(listed.manifests[0]?.digest).toBe(amd.digest)
    expect(listed.manifests.map(m => m.mediaType)).toEqual([OCI_MANIFEST, OCI_MANIFEST])
    const converted = await client.getManifest('shop/api', listed.manifests[1]!.digest)
    expect(converted?.mediaType).toBe(OCI_MANIFEST)
    expect(ctx.state.images.api).toBe(`${registry.host}/shop/api:dev-1@${tagged?.digest}`)
  })

  it('lists every problem and tags nothing: a duplicate, another plan, an image not in the registry', async () => {
    const amd = await pushImage('shop/api', OCI_MANIFEST)
    const absent = { digest: `sha256:${'e'.repeat(64)}`, size: 100 }
    const stranger = record('linux/arm64', amd, OCI_MANIFEST, { deploymentId: 'dep_other_1' })
    const problems = await context([
      record('linux/amd64', amd, OCI_MANIFEST),
      record('linux/amd64', amd, OCI_MANIFEST),
      stranger
    ])
    const error = await runMergePhase({
      ...problems,
      plan: {
        ...problems.plan,
        version: { ...problems.plan.version, imageTag: 'dev-2' },
        services: problems.plan.services.map(s => ({
          ...s,
          image: s.image && { ...s.image, tag: 'dev-2' }
        }))
      }
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeployError)
    expect((error as DeployError).code).toBe('INVALID_INPUT')
    const details = (error as DeployError).details ?? ''
    expect(details).toContain(
      'records[1] (api linux/amd64) is a second record of the same service and platform'
    )
    expect(details).toContain(
      'records[2] (api linux/arm64) belongs to another plan: deployment dep_other_1'
    )
    expect(details).not.toContain('no record of api linux/arm64')

    const missing = await context([
      record('linux/amd64', amd, OCI_MANIFEST),
      record('linux/arm64', absent, OCI_MANIFEST)
    ])
    const gone = await runMergePhase({
      ...missing,
      plan: {
        ...missing.plan,
        services: missing.plan.services.map(s => ({
          ...s,
          image: s.image && { ...s.image, tag: 'dev-3' }
        }))
      }
    }).catch((e: unknown) => e)
    expect((gone as DeployError).code).toBe('PUSH_FAILED')
    expect((gone as DeployError).details).toBe(
      `api linux/arm64: ${registry.host}/shop/api@${absent.digest}`
    )
    const tags = (await (await registry.api('/v2/shop/api/tags/list')).json()) as { tags: string[] }
    expect(tags.tags).toEqual(['dev-1'])
  })
})
