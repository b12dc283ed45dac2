import { createReadStream } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { DeployError } from '../errors.js'
import type { BuildRecord } from '../plan/handoff.js'
import type { RunControl } from '../builders/types.js'
import type { RegistryClient } from '../clients/registry.js'
import type { PhaseContext } from './context.js'
import { withItemDeadline } from './deadline.js'
import { asBuilderError, pushRefusal } from './image-build.js'
import { builtImage } from './image-push.js'
import { imageTarget, progress, type ImageService } from './image-registries.js'
import type { ImageTarget } from './image-state.js'

/**
 * PUSH of a build job (phase: build): the one image BUILD made, for one platform, goes to its
 * repository by digest and under no tag (the deploy job tags the index of every platform), and
 * the job leaves a record of it for the deploy job: a file, and the `digest` / `record` outputs.
 * buildah's image is sent from an OCI layout by the registry client (layers the repository holds
 * are not sent again); buildx pushed it by digest while it built.
 */
export async function runDigestPushPhase(ctx: PhaseContext): Promise<void> {
  const service = ctx.plan.services[0]
  const platform = service?.image?.platforms?.[0]
  if (!service?.image || !platform) {
    throw new Error('a build job plan has one service and one platform')
  }
  const planned = service as ImageService
  const target = await imageTarget(ctx, planned)
  progress(ctx, service.name, `pushing ${platform} by digest`, 'PUSH')
  const pushed = await withItemDeadline(
    ctx.signal,
    ctx.settings.images.pushTimeoutMs,
    `push of ${service.name} (push_timeout)`,
    signal => pushByDigest(ctx, planned, target, signal)
  ).catch((error: unknown) => {
    throw asBuilderError(error, 'PUSH_FAILED', `Pushing ${service.name} ${platform} failed`, s =>
      pushRefusal(target, s)
    )
  })
  const record: BuildRecord = {
    service: service.name,
    platform,
    image: `${target.host}/${target.repository}`,
    digest: pushed.digest,
    mediaType: pushed.mediaType,
    size: pushed.size,
    deploymentId: ctx.plan.deploymentId,
    commit: ctx.plan.commit
  }
  const file = await writeRecord(ctx.settings.context.tempDir, record)
  ctx.state.images[service.name] = `${record.image}@${record.digest}`
  ctx.state.outputs.digest = record.digest
  ctx.state.outputs.record = JSON.stringify(record)
  ctx.state.outputs.record_file = file
  // The card's line of this service says pushed, as the build job hands the card on.
  ctx.bus.emit({
    type: 'progress',
    stage: 'PUSH',
    service: service.name,
    message: `pushed ${platform} as ${record.image}@${record.digest}`,
    data: { service_state: 'pushed' }
  })
}

/** Where a build job leaves its record: one file per service and platform, for upload-artifact. */
export function recordFileName(service: string, platform: string): string {
  return `${service}--${platform.replace(/\//g, '-')}.json`
}

async function writeRecord(tempDir: string, record: BuildRecord): Promise<string> {
  const directory = join(tempDir, 'deploy-pipeline-records')
  await mkdir(directory, { recursive: true })
  const file = join(directory, recordFileName(record.service, record.platform))
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`)
  return file
}

interface Pushed {
  digest: string
  mediaType: string
  size: number
}

async function pushByDigest(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal
): Promise<Pushed> {
  const made = builtImage(ctx, service.name)
  const run: RunControl = { signal, onLine: () => undefined }
  if (!made.builder.exportLayout) {
    // buildx pushed by digest while it built; its metadata names what it pushed.
    const digest = await made.builder.push(made.job, run)
    const stored = await target.client.headManifest(target.repository, digest, signal)
    if (!stored) {
      throw new DeployError(
        'PUSH_FAILED',
        `${target.host}/${target.repository}@${digest} is not in the registry after the push.`
      )
    }
    return { digest, mediaType: stored.mediaType, size: stored.size }
  }
  const layout = join(made.job.workDir, 'by-digest')
  const indexDigest = await made.builder.exportLayout(made.job, run, layout)
  return uploadLayout(target.client, target.repository, layout, indexDigest, signal)
}

interface Descriptor {
  mediaType: string
  digest: string
  size: number
}

/**
 * Sends the one image of a layout's index: its config and layers (each unless present), then its
 * manifest under its digest. The index itself stays behind: it names one platform only.
 */
async function uploadLayout(
  client: RegistryClient,
  repository: string,
  layout: string,
  indexDigest: string,
  signal: AbortSignal
): Promise<Pushed> {
  const blob = (digest: string): string => join(layout, 'blobs', ...digest.split(':'))
  const index = JSON.parse(await readFile(blob(indexDigest), 'utf8')) as {
    manifests?: Descriptor[]
  }
  const entry = index.manifests?.[0]
  if (index.manifests?.length !== 1 || !entry) {
    throw new DeployError(
      'PUSH_FAILED',
      `the build made ${index.manifests?.length ?? 0} images; a build job makes one`
    )
  }
  const body = await readFile(blob(entry.digest))
  const manifest = JSON.parse(body.toString('utf8')) as { config: Descriptor; layers: Descriptor[] }
  for (const part of [manifest.config, ...manifest.layers]) {
    await client.uploadBlob(
      repository,
      {
        digest: part.digest,
        size: part.size,
        open: () =>
          Readable.toWeb(createReadStream(blob(part.digest))) as ReadableStream<Uint8Array>
      },
      signal
    )
  }
  const stored = await client.putManifest(
    repository,
    entry.digest,
    { digest: entry.digest, mediaType: entry.mediaType, size: body.length, body },
    signal
  )
  if (stored !== entry.digest) {
    throw new DeployError(
      'PUSH_FAILED',
      `the registry stored the image as ${stored}, not ${entry.digest}`
    )
  }
  return { digest: entry.digest, mediaType: entry.mediaType, size: body.length }
}
