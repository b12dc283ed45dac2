import { join } from 'node:path'
import { runCommand } from '../runtime/command.js'
import { CommandFailure, type BuildJob, type Builder, type RunControl } from '../builders/types.js'
import { CREDENTIALS_REFUSED, authFile, loginRegistry } from '../clients/registry-auth.js'
import { DeployError, asDeployError } from '../errors.js'
import { formatDuration } from '../runtime/follow.js'
import type { PhaseContext } from './context.js'
import { withItemDeadline } from './deadline.js'
import { progress, serviceSettings, type ImageService } from './image-registries.js'
import type { ImageTarget } from './image-state.js'

/**
 * BUILD, one service: log in to its registry (once per registry and credentials), build every
 * platform with the chosen builder under the build timeout, and remember what was built for PUSH.
 */

export async function login(
  ctx: PhaseContext,
  builder: Builder['name'],
  target: ImageTarget
): Promise<void> {
  const { username, password } = target.endpoint
  if (!username || !password) return
  await loginRegistry(
    builder === 'buildx' ? 'docker' : 'buildah',
    { host: target.host, username, password, insecure: target.endpoint.insecure },
    ctx.settings.context.tempDir,
    { signal: ctx.signal }
  )
}

export async function buildOne(
  ctx: PhaseContext,
  builder: Builder,
  service: ImageService,
  target: ImageTarget,
  timestamp: number | undefined
): Promise<void> {
  const build = serviceSettings(ctx, service.name).build
  if (!build) {
    const message = `Service ${service.name} is planned to be built but has no build section.`
    throw new DeployError('BUILD_FAILED', message)
  }
  // An immutable tag that exists already: build, but only compare digests instead of pushing.
  const existing = target.immutable
    ? (await target.client.headManifest(target.repository, target.tag))?.digest
    : undefined
  const images = ctx.settings.images
  const job: BuildJob = {
    service: service.name,
    reference: `${target.host}/${target.repository}:${target.tag}`,
    context: build.context,
    dockerfile: build.dockerfile,
    target: build.target,
    args: build.args,
    platforms: build.platforms.length > 0 ? build.platforms : ctx.settings.platforms,
    labels: ociLabels(ctx, timestamp),
    timestamp,
    insecure: target.endpoint.insecure,
    authFile: authFile(ctx.settings.context.tempDir),
    workDir: join(ctx.settings.context.tempDir, 'deploy-pipeline-images', service.name),
    cache: images.cache,
    cacheReference: `${target.host}/${target.repository}:buildcache`,
    provenance: images.provenance,
    sbom: images.sbom,
    push: existing === undefined
  }
  progress(
    ctx,
    service.name,
    `building ${job.reference} for ${job.platforms.join(', ')} with ${builder.name}`
  )
  const started = Date.now()
  const what = `build of ${service.name} (build_timeout)`
  await withItemDeadline(ctx.signal, images.buildTimeoutMs, what, signal =>
    builder.build(job, control(ctx, service.name, signal)).catch((error: unknown) => {
      throw asBuilderError(error, 'BUILD_FAILED', `Building ${service.name} failed`)
    })
  )
  ctx.state.built.set(service.name, { builder, job, existing })
  progress(ctx, service.name, `built in ${formatDuration(Date.now() - started)}`)
}

function ociLabels(ctx: PhaseContext, timestamp: number | undefined): Record<string, string> {
  const { context } = ctx.settings
  const labels: Record<string, string> = {}
  if (context.owner && context.repo)
    labels['org.opencontainers.image.source'] =
      `${context.serverUrl}/${context.owner}/${context.repo}`
  if (context.sha) labels['org.opencontainers.image.revision'] = context.sha
  labels['org.opencontainers.image.version'] = ctx.plan.version.gitTag ?? ctx.plan.version.imageTag
  labels['org.opencontainers.image.created'] = new Date(
    (timestamp ?? Date.now() / 1000) * 1000
  ).toISOString()
  return labels
}

/**
 * The time stamped into images: SOURCE_DATE_EPOCH, else the commit's time, so the same commit
 * builds to the same digest (an unchanged rebuild uploads nothing; an immutable tag accepts it).
 */
export async function buildTimestamp(ctx: PhaseContext): Promise<number | undefined> {
  if (ctx.settings.context.sourceDateEpoch !== undefined)
    return ctx.settings.context.sourceDateEpoch
  const { workspace, sha } = ctx.settings.context
  const result = await runCommand(
    'git',
    ['-C', workspace, 'log', '-1', '--format=%ct', sha || 'HEAD'],
    { signal: ctx.signal }
  ).catch(() => undefined)
  const seconds = Number(result?.tail.at(-1))
  return result?.exitCode === 0 && Number.isInteger(seconds) ? seconds : undefined
}

export function asBuilderError(
  error: unknown,
  code: 'BUILD_FAILED' | 'PUSH_FAILED',
  message: string
): DeployError {
  if (!(error instanceof CommandFailure)) return asDeployError(error, code)
  const details = error.tail.join('\n')
  if (code === 'PUSH_FAILED' && CREDENTIALS_REFUSED.test(details)) {
    return new DeployError(
      'REGISTRY_AUTH_FAILED',
      `${message}: the registry rejected the credentials.`,
      { details }
    )
  }
  const how = error.exitCode === 0 ? 'reported no digest' : `exited with ${error.exitCode}`
  return new DeployError(code, `${message} (${error.command} ${how}).`, { details })
}

export function control(ctx: PhaseContext, service: string, signal: AbortSignal): RunControl {
  return { signal, onLine: line => ctx.core.processOutput(`[${service}] ${line}`) }
}
