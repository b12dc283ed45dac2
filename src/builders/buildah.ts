import { createHash } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { runCommand } from '../runtime/command.js'
import {
  CommandFailure,
  type BuildJob,
  type Builder,
  type LocalIndex,
  type RunControl
} from './types.js'

/**
 * buildah, for runners without a Docker engine: each platform is built into one local manifest
 * list, then `manifest push --all` sends the list and each platform's image. Images are OCI and
 * stamped with the job's timestamp, so an unchanged commit rebuilds to the same digest (no blob
 * uploaded again, and an immutable tag accepts the re-run).
 */
export function localListName(job: Pick<BuildJob, 'service' | 'reference' | 'workDir'>): string {
  const tag = job.reference.slice(job.reference.lastIndexOf(':') + 1)
  // The work directory is per job: two jobs on one machine never share a list.
  const job8 = createHash('sha256').update(job.workDir).digest('hex').slice(0, 8)
  return `localhost/deploy-pipeline-${job.service}:${tag}-${job8}`
}

/** `buildah build` argv for one platform of a job. Pure. */
export function buildahBuildArgs(job: BuildJob, platform: string, isolation = 'chroot'): string[] {
  const args = ['build', '--isolation', isolation, '--platform', platform]
  args.push('--manifest', localListName(job), '--file', job.dockerfile)
  if (job.target) args.push('--target', job.target)
  for (const [key, value] of Object.entries(job.args)) args.push('--build-arg', `${key}=${value}`)
  for (const [key, value] of Object.entries(job.labels)) args.push('--label', `${key}=${value}`)
  if (job.timestamp !== undefined) args.push('--timestamp', String(job.timestamp))
  args.push(job.context)
  return args
}

/** `buildah manifest push` argv: to the registry, or to an OCI layout directory (`oci:DIR`). */
export function buildahPushArgs(job: BuildJob, digestFile: string, destination?: string): string[] {
  const args = ['manifest', 'push', '--all', '--format', 'oci', '--digestfile', digestFile]
  if (!destination) {
    args.push('--authfile', job.authFile)
    if (job.insecure) args.push('--tls-verify=false')
  }
  args.push(localListName(job), destination ?? `docker://${job.reference}`)
  return args
}

export const SILENT_PUSH_FAILURE =
  'buildah wrote no digest: the registry did not accept the image index'

export function createBuildah(): Builder {
  const isolation = process.env.BUILDAH_ISOLATION || 'chroot'

  async function buildah(args: string[], run: RunControl): Promise<string[]> {
    const result = await runCommand('buildah', args, { signal: run.signal, onLine: run.onLine })
    const command = `buildah ${args[0]} ${args[1] ?? ''}`.trim()
    if (result.exitCode !== 0) throw new CommandFailure(command, result.exitCode, result.tail)
    return result.tail
  }

  async function pushTo(job: BuildJob, run: RunControl, destination?: string): Promise<string> {
    await mkdir(job.workDir, { recursive: true })
    const digestFile = join(job.workDir, destination ? 'local-digest' : 'digest')
    await rm(digestFile, { force: true })
    const tail = await buildah(buildahPushArgs(job, digestFile, destination), run)
    const digest = (await readFile(digestFile, 'utf8').catch(() => '')).trim()
    // buildah 1.28 exits 0 when the registry refuses the index itself (a 503 on its PUT): only
    // the missing digest tells.
    if (!digest.startsWith('sha256:')) {
      throw new CommandFailure('buildah manifest push', 0, [...tail, SILENT_PUSH_FAILURE])
    }
    return digest
  }

  return {
    name: 'buildah',
    async build(job, run) {
      // `--manifest` adds to an existing list: start from an empty one so a re-run does not
      // carry the previous build's images.
      await runCommand('buildah', ['manifest', 'rm', localListName(job)], { signal: run.signal })
      // One platform after another, in the order asked for: buildah's own multi-platform build
      // adds them to the list in the order they finish, and the index digest would vary.
      for (const platform of job.platforms) {
        await buildah(buildahBuildArgs(job, platform, isolation), run)
      }
    },
    push: (job, run) => pushTo(job, run),
    localDigest: (job, run) => inLayout(job, run, async (_layout, digest) => digest),
    localIndex: (job, run) => inLayout(job, run, readIndex),
    async exportLayout(job, run, directory) {
      await rm(directory, { recursive: true, force: true })
      return pushTo(job, run, `oci:${directory}`)
    }
  }

  /** Pushes the list into a scratch OCI layout and reads what is needed from it. */
  async function inLayout<T>(
    job: BuildJob,
    run: RunControl,
    read: (layout: string, digest: string) => Promise<T>
  ): Promise<T> {
    const layout = join(job.workDir, 'oci-layout')
    await rm(layout, { recursive: true, force: true })
    try {
      return await read(layout, await pushTo(job, run, `oci:${layout}`))
    } finally {
      await rm(layout, { recursive: true, force: true })
    }
  }
}

/** The index a layout holds under `digest`, with the media type its index.json records. */
async function readIndex(layout: string, digest: string): Promise<LocalIndex> {
  const listed = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as {
    manifests?: Array<{ digest?: string; mediaType?: string }>
  }
  const entry = listed.manifests?.find(m => m.digest === digest)
  const body = await readFile(join(layout, 'blobs', ...digest.split(':')))
  const mediaType = entry?.mediaType ?? 'application/vnd.oci.image.index.v1+json'
  return { digest, mediaType, size: body.length, body }
}
