import { join } from 'node:path'
import { runCommand } from '../runtime/command.js'
import { CommandFailure, type BuildJob, type Builder } from '../builders/types.js'
import {
  CREDENTIALS_REFUSED,
  authFile,
  loginRegistry,
  pushRefusedMessage
} from '../clients/registry-auth.js'
import { DeployError, asDeployError } from '../errors.js'
import { formatDuration } from '../runtime/follow.js'
import type { BuilderOutput } from './builder-output.js'
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
  timestamp: number | undefined,
  output: BuilderOutput
): Promise<void> {
  const build = serviceSettings(ctx, service.name).build
  if (!build) {
    const message = `Service ${service.name} is planned to be built but has no build section.`
    throw new DeployError('BUILD_FAILED', message)
  }
  // A build job pushes by digest and tags nothing: the deploy job tags (phases/image-merge.ts).
  const byDigest = ctx.settings.split.phase === 'build'
  // An immutable tag that exists already: build, but only compare digests instead of pushing.
  const existing =
    target.immutable && !byDigest
      ? (await target.client.headManifest(target.repository, target.tag, ctx.signal))?.digest
      : undefined
  const images = ctx.settings.images
  const job: BuildJob = {
    service: service.name,
    reference: `${target.host}/${target.repository}:${target.tag}`,
    context: build.context,
    dockerfile: build.dockerfile,
    target: build.target,
    args: build.args,
    platforms:
      service.image.platforms ??
      (build.platforms.length > 0 ? build.platforms : ctx.settings.platforms),
    labels: ociLabels(ctx, timestamp),
    timestamp,
    insecure: target.endpoint.insecure,
    authFile: authFile(ctx.settings.context.tempDir),
    workDir: join(ctx.settings.context.tempDir, 'deploy-pipeline-images', service.name),
    cache: images.cache,
    cacheReference: `${target.host}/${target.repository}:buildcache`,
    provenance: images.provenance,
    sbom: images.sbom,
    push: existing === undefined,
    byDigest
  }
  progress(
    ctx,
    service.name,
    `building ${job.reference} for ${job.platforms.join(', ')} with ${builder.name}`
  )
  const started = Date.now()
  const what = `build of ${service.name} (build_timeout)`
  const out = output.of(service.name, job.platforms)
  // buildx pushes while it builds: a refused push ends the build.
  const refusal =
    builder.name === 'buildx' && job.push
      ? (status?: number) => pushRefusal(target, status)
      : undefined
  await out.settle(
    withItemDeadline(ctx.signal, images.buildTimeoutMs, what, signal =>
      builder.build(job, out.control(signal)).catch((error: unknown) => {
        throw asBuilderError(error, 'BUILD_FAILED', `Building ${service.name} failed`, refusal)
      })
    )
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

/**
 * A failed builder command as a DeployError. `refusedPush` words a push the registry refused,
 * given the HTTP status when the output names one: output that says the registry refused the push
 * (buildx: `failed to push ...: 403 Forbidden`) makes it REGISTRY_AUTH_FAILED.
 */
export function asBuilderError(
  error: unknown,
  code: 'BUILD_FAILED' | 'PUSH_FAILED',
  message: string,
  refusedPush?: (status: number | undefined) => string
): DeployError {
  if (!(error instanceof CommandFailure)) return asDeployError(error, code)
  const details = error.tail.join('\n')
  const refused = error.tail.filter(line => CREDENTIALS_REFUSED.test(line))
  // buildx says which step failed; a build whose base image was refused is not a refused push.
  const pushing = code === 'PUSH_FAILED' || error.tail.some(line => PUSH_STEP.test(line))
  if (refusedPush && refused.length > 0 && pushing) {
    const status = refused.map(line => /\b(401|403)\b/.exec(line)?.[1]).find(Boolean)
    const sentence = refusedPush(status ? Number(status) : undefined)
    return new DeployError('REGISTRY_AUTH_FAILED', sentence, { details })
  }
  const how = error.exitCode === 0 ? 'reported no digest' : `exited with ${error.exitCode}`
  return new DeployError(code, `${message} (${error.command} ${how}).`, { details })
}

const PUSH_STEP = /failed to push|exporting to image|pushing layers|pushing manifest/i

/** The refusal sentence for the push of `target`: the registry, then the permission it needs. */
export function pushRefusal(target: ImageTarget, status?: number): string {
  return pushRefusedMessage({
    kind: target.image.registry,
    host: target.host,
    repository: target.repository,
    tag: target.tag,
    anonymous: !target.endpoint.username || !target.endpoint.password,
    ...(status ? { status } : {})
  })
}
