import { readdir, readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { sha256Digest, type Manifest } from '../clients/registry.js'
import { DeployError } from '../errors.js'
import { builtServices, readBuildRecord, type BuildRecord } from '../plan/handoff.js'
import type { PhaseContext } from './context.js'
import { assembleIndex, type PlatformImage } from './image-index.js'
import { refuseOverwrite } from './image-push.js'
import { imageTarget, progress, type ImageService } from './image-registries.js'
import type { ImageTarget } from './image-state.js'

/**
 * PUSH of the deploy job (phase: deploy): every built service's multi-platform index, assembled
 * from the images the build jobs pushed by digest, and given the run's tag. Everything is checked
 * before the first tag is written: each planned service and platform has exactly one record, of
 * this plan (deployment id and commit), and the registry holds the image the record names. Any
 * problem stops the job with every problem listed and nothing tagged.
 */
export async function runMergePhase(ctx: PhaseContext): Promise<void> {
  // Nothing was built (only promotions, or nothing changed): no build job ran, no records exist.
  if (builtServices(ctx.plan).length === 0) return
  const records = await readRecords(ctx)
  const chosen = checkRecords(ctx, records)
  const services = builtServices(ctx.plan) as ImageService[]
  const fetched = await Promise.all(services.map(service => fetchImages(ctx, service, chosen)))
  const absent = fetched.flatMap(f => f.absent)
  if (absent.length > 0) {
    throw new DeployError(
      'PUSH_FAILED',
      `${absent.length} image${absent.length === 1 ? '' : 's'} the build records name ${absent.length === 1 ? 'is' : 'are'} not in the registry; nothing was tagged.`,
      { details: absent.join('\n') }
    )
  }
  for (const { service, target, images } of fetched) {
    await tagIndex(ctx, service, target, images)
  }
}

/** The `records` input: a directory of record files (download-artifact), or a JSON list. */
async function readRecords(
  ctx: PhaseContext
): Promise<Array<{ record: BuildRecord; from: string }>> {
  const given = ctx.settings.split.records ?? ''
  if (given.startsWith('[')) {
    let list: unknown
    try {
      list = JSON.parse(given)
    } catch {
      throw new DeployError(
        'INVALID_INPUT',
        'Input records starts like a JSON list but is not JSON.'
      )
    }
    if (!Array.isArray(list))
      throw new DeployError('INVALID_INPUT', 'Input records is not a JSON list.')
    return list.map((item, i) => {
      const from = `records[${i}]`
      const value: unknown = typeof item === 'string' ? parseOrKeep(item) : item
      return { record: readBuildRecord(value, from), from }
    })
  }
  const workspace = ctx.settings.context.workspace
  const directory = isAbsolute(given) ? given : resolve(workspace, given)
  const names = await readdir(directory, { recursive: true }).catch((error: unknown) => {
    throw new DeployError(
      'INVALID_INPUT',
      `Input records: ${directory} is not a directory of build records (${String(error)}); ` +
        "download the build jobs' record artifacts there first."
    )
  })
  const files = names.filter(name => name.endsWith('.json')).sort()
  return Promise.all(
    files.map(async name => {
      const from = join(directory, name)
      const text = await readFile(from, 'utf8')
      return { record: readBuildRecord(parseOrKeep(text), from), from }
    })
  )
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** One record per planned service and platform, all of this plan: else every problem at once. */
function checkRecords(
  ctx: PhaseContext,
  records: ReadonlyArray<{ record: BuildRecord; from: string }>
): Map<string, BuildRecord> {
  const plan = ctx.plan
  const expected = new Map<string, ImageService>()
  for (const service of builtServices(plan) as ImageService[]) {
    for (const platform of service.image.platforms ?? [])
      expected.set(key(service.name, platform), service)
  }
  const problems: string[] = []
  const chosen = new Map<string, BuildRecord>()
  for (const { record, from } of records) {
    const what = `${from} (${record.service} ${record.platform})`
    if (record.deploymentId !== plan.deploymentId || record.commit !== plan.commit) {
      problems.push(
        `${what} belongs to another plan: deployment ${record.deploymentId} of ${record.commit.slice(0, 7)}, ` +
          `not ${plan.deploymentId} of ${plan.commit.slice(0, 7)}`
      )
      continue
    }
    const service = expected.get(key(record.service, record.platform))
    if (!service) {
      problems.push(`${what}: this plan builds no such service and platform`)
      continue
    }
    if (!record.image.endsWith(`/${service.image.repository}`)) {
      problems.push(
        `${what} names ${record.image}, not the planned repository ${service.image.repository}`
      )
      continue
    }
    if (chosen.has(key(record.service, record.platform))) {
      problems.push(`${what} is a second record of the same service and platform`)
      continue
    }
    chosen.set(key(record.service, record.platform), record)
  }
  for (const [wanted, service] of expected) {
    if (!chosen.has(wanted) && !problems.some(p => p.includes(`(${wanted})`))) {
      problems.push(
        `no record of ${wanted}: its build job did not succeed, or its record was not handed to this job (service ${service.name})`
      )
    }
  }
  if (problems.length > 0) {
    throw new DeployError(
      'INVALID_INPUT',
      `The build records do not match the plan (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was tagged.`,
      { details: problems.join('\n') }
    )
  }
  return chosen
}

function key(service: string, platform: string): string {
  return `${service} ${platform}`
}

async function fetchImages(
  ctx: PhaseContext,
  service: ImageService,
  records: ReadonlyMap<string, BuildRecord>
): Promise<{
  service: ImageService
  target: ImageTarget
  images: PlatformImage[]
  absent: string[]
}> {
  const target = await imageTarget(ctx, service)
  const images: PlatformImage[] = []
  const absent: string[] = []
  for (const platform of service.image.platforms ?? []) {
    const record = records.get(key(service.name, platform)) as BuildRecord
    const manifest = await target.client.getManifest(target.repository, record.digest, ctx.signal)
    if (!manifest) {
      absent.push(
        `${service.name} ${platform}: ${target.host}/${target.repository}@${record.digest}`
      )
      continue
    }
    images.push({
      platform,
      mediaType: manifest.mediaType,
      digest: record.digest,
      body: manifest.body
    })
  }
  return { service, target, images, absent }
}

async function tagIndex(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  images: readonly PlatformImage[]
): Promise<void> {
  const index = assembleIndex(images, sha256Digest)
  for (const converted of index.converted) {
    const manifest: Manifest = { ...converted, size: converted.body.length }
    await target.client.putManifest(target.repository, converted.digest, manifest, ctx.signal)
    progress(
      ctx,
      service.name,
      `${converted.platform}: Docker v2 manifest ${converted.from} rewritten as OCI ${converted.digest} (the index is OCI)`,
      'PUSH'
    )
  }
  const digest = sha256Digest(index.body)
  const reference = `${target.host}/${target.repository}:${target.tag}`
  if (target.immutable) await refuseOverwrite(target, digest, ctx.signal)
  const manifest: Manifest = {
    digest,
    mediaType: index.mediaType,
    size: index.body.length,
    body: index.body
  }
  const stored = await target.client.putManifest(
    target.repository,
    target.tag,
    manifest,
    ctx.signal
  )
  ctx.state.images[service.name] = `${reference}@${stored}`
  const platforms = images.map(i => i.platform).join(', ')
  progress(ctx, service.name, `tagged ${reference}@${stored} (${platforms})`, 'PUSH')
}
