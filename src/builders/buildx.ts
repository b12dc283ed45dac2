import { mkdir, readFile } from 'node:fs/promises'
import { arch } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '../runtime/command.js'
import { CommandFailure, type BuildJob, type Builder, type RunControl } from './types.js'

/**
 * docker buildx, for runners with a Docker engine (GitHub-hosted): one `buildx build` builds every
 * platform and pushes, with a registry cache per service and the digest read from
 * `--metadata-file`. The default `docker` driver cannot build several platforms, so a
 * `docker-container` builder is created for the job; platforms the machine cannot run natively get
 * QEMU emulation first.
 */
export interface BuildxInputs extends BuildJob {
  /** The buildx builder to use; undefined: the current one. */
  readonly builder: string | undefined
  readonly metadataFile: string
}

const REGISTRY_CACHE_EXPORT = 'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true'

/** inputs -> `docker` argv. Pure: table-tested. */
export function buildxArgs(inputs: BuildxInputs): string[] {
  const args = ['buildx', 'build']
  if (inputs.builder) args.push('--builder', inputs.builder)
  args.push('--platform', inputs.platforms.join(','), '--file', inputs.dockerfile)
  if (inputs.target) args.push('--target', inputs.target)
  for (const [key, value] of Object.entries(inputs.args))
    args.push('--build-arg', `${key}=${value}`)
  if (inputs.timestamp !== undefined && !('SOURCE_DATE_EPOCH' in inputs.args)) {
    // BuildKit stamps layers and the config with it: same commit, same digest.
    args.push('--build-arg', `SOURCE_DATE_EPOCH=${inputs.timestamp}`)
  }
  for (const [key, value] of Object.entries(inputs.labels)) args.push('--label', `${key}=${value}`)
  args.push(...cacheArgs(inputs))
  args.push(`--provenance=${inputs.provenance ? 'mode=max' : 'false'}`)
  if (inputs.sbom) args.push('--sbom=true')
  const insecure = inputs.insecure ? ',registry.insecure=true' : ''
  if (inputs.byDigest) {
    // The repository only, no tag; OCI media types, as buildah's images are, so that the deploy
    // job's index never mixes Docker and OCI manifests of its own making.
    const repository = inputs.reference.slice(0, inputs.reference.lastIndexOf(':'))
    const byDigest = 'push-by-digest=true,name-canonical=true,oci-mediatypes=true'
    args.push('--output', `type=image,name=${repository},${byDigest},push=true${insecure}`)
  } else {
    args.push('--output', `type=image,name=${inputs.reference},push=${inputs.push}${insecure}`)
  }
  args.push('--metadata-file', inputs.metadataFile, inputs.context)
  return args
}

function cacheArgs(inputs: BuildxInputs): string[] {
  switch (inputs.cache) {
    case 'none':
      return []
    case 'gha': {
      const scope = `scope=${inputs.service}`
      return [
        '--cache-from',
        `type=gha,${scope}`,
        '--cache-to',
        `type=gha,mode=max,${scope},ignore-error=true`
      ]
    }
    case 'registry': {
      const ref = `ref=${inputs.cacheReference}`
      const insecure = inputs.insecure ? ',registry.insecure=true' : ''
      return [
        '--cache-from',
        `type=registry,${ref}${insecure}`,
        '--cache-to',
        `type=registry,${ref},${REGISTRY_CACHE_EXPORT}${insecure}`
      ]
    }
  }
}

export interface BuildxBuilderInfo {
  driver: string
  platforms: string[]
}

/** Reads `docker buildx inspect` output: the driver and the platforms the builder can build. */
export function parseBuildxInspect(text: string): BuildxBuilderInfo {
  const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1] ?? ''
  const platformLines = [...text.matchAll(/^Platforms:\s*(.*)$/gm)].map(m => m[1] ?? '')
  const platforms = platformLines
    .join(',')
    .split(',')
    .map(p => p.trim().replace(/\*$/, ''))
    .filter(Boolean)
  return { driver, platforms: [...new Set(platforms)] }
}

/** The architectures of `wanted` a builder lacks, as binfmt names (arm64, riscv64, ...). */
export function missingEmulators(
  wanted: readonly string[],
  available: readonly string[]
): string[] {
  const native = `linux/${arch() === 'x64' ? 'amd64' : arch()}`
  const missing = wanted.filter(p => p !== native && !available.includes(p))
  return [...new Set(missing.map(p => p.split('/')[1] ?? p))]
}

export const JOB_BUILDER = 'deploy-pipeline'

export function createBuildx(dockerConfigDir: string): Builder {
  const env = { ...process.env, DOCKER_CONFIG: dockerConfigDir }
  /** The builder made ready so far, and for which platforms (the union of every job's). */
  let preparation:
    | { platforms: readonly string[]; signal: AbortSignal; done: Promise<string | undefined> }
    | undefined

  async function docker(args: string[], run: RunControl): Promise<string[]> {
    const result = await runCommand('docker', args, { env, signal: run.signal, onLine: run.onLine })
    if (result.exitCode !== 0) {
      throw new CommandFailure(`docker ${args.slice(0, 2).join(' ')}`, result.exitCode, result.tail)
    }
    return result.tail
  }

  async function inspect(builder: string | undefined, run: RunControl): Promise<BuildxBuilderInfo> {
    const args = ['buildx', 'inspect', '--bootstrap', ...(builder ? [builder] : [])]
    const quiet = { ...run, onLine: () => undefined }
    return parseBuildxInspect((await docker(args, quiet)).join('\n'))
  }

  /** The builder to use for these platforms, with emulation for the foreign ones. */
  async function prepare(
    platforms: readonly string[],
    run: RunControl,
    byDigest: boolean
  ): Promise<string | undefined> {
    let builder: string | undefined
    let info = await inspect(undefined, run)
    // The docker driver neither builds several platforms nor pushes by digest.
    if (info.driver === 'docker' && (platforms.length > 1 || byDigest)) {
      const exists = await runCommand('docker', ['buildx', 'inspect', JOB_BUILDER], { env })
      if (exists.exitCode !== 0) {
        await docker(
          ['buildx', 'create', '--name', JOB_BUILDER, '--driver', 'docker-container'],
          run
        )
      }
      builder = JOB_BUILDER
      info = await inspect(builder, run)
    }
    const emulate = missingEmulators(platforms, info.platforms)
    if (emulate.length > 0) {
      run.onLine(`setting up QEMU emulation for ${emulate.join(', ')}`)
      await docker(
        ['run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', emulate.join(',')],
        run
      )
    }
    return builder
  }

  /**
   * Prepares once for the platforms asked so far; a job that asks for more prepares again for the
   * union, after the preparation before it (both would create the same builder).
   */
  function readyFor(job: BuildJob, run: RunControl): Promise<string | undefined> {
    const current = preparation
    if (current && job.platforms.every(p => current.platforms.includes(p))) return current.done
    const platforms = [...new Set([...(current?.platforms ?? []), ...job.platforms])]
    const before = current?.done.catch(() => undefined)
    const done = (async () => {
      await before
      return prepare(platforms, run, job.byDigest === true)
    })()
    const entry = { platforms, signal: run.signal, done }
    preparation = entry
    done.catch(() => {
      if (preparation === entry) preparation = undefined
    })
    return done
  }

  /** The builder for this job; a preparation stopped with another job's signal is not its end. */
  async function builderFor(job: BuildJob, run: RunControl): Promise<string | undefined> {
    const entry = readyFor(job, run)
    const preparedBy = preparation?.signal
    try {
      return await entry
    } catch (error) {
      if (run.signal.aborted || !preparedBy?.aborted || preparedBy === run.signal) throw error
      return readyFor(job, run)
    }
  }

  const metadataFile = (job: BuildJob): string => join(job.workDir, 'buildx-metadata.json')

  async function readDigest(job: BuildJob): Promise<string> {
    const metadata = JSON.parse(await readFile(metadataFile(job), 'utf8')) as Record<
      string,
      unknown
    >
    const digest = metadata['containerimage.digest']
    if (typeof digest !== 'string' || !digest.startsWith('sha256:')) {
      throw new Error(`buildx metadata of ${job.service} has no image digest`)
    }
    return digest
  }

  return {
    name: 'buildx',
    async build(job, run) {
      const builder = await builderFor(job, run)
      await mkdir(job.workDir, { recursive: true })
      await docker(buildxArgs({ ...job, builder, metadataFile: metadataFile(job) }), run)
    },
    push: job => readDigest(job),
    localDigest: job => readDigest(job)
  }
}
