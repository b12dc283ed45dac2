import { CommandFailure } from '../builders/types.js'
import { DeployError } from '../errors.js'
import { withRetry } from '../runtime/retry.js'
import { asBuilderError, builtOf, control } from './image-build.js'
import type { PhaseContext } from './context.js'
import { progress, type ImageService, type ImageTarget } from './image-targets.js'

/**
 * PUSH, one service, by its planned action: push what BUILD made (or, for an immutable tag that
 * exists, prove it is the same image), promote by copying a manifest inside the registry, or read
 * the digest of the tag that is deployed as it is. Returns the digest the registry holds.
 */

export async function pushOne(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal
): Promise<string> {
  switch (service.image.action) {
    case 'skip':
      return existingDigest(target)
    case 'promote':
      return promote(ctx, service, target)
    case 'build':
      return pushBuilt(ctx, service, target, signal)
  }
}

async function existingDigest(target: ImageTarget): Promise<string> {
  const found = await target.client.headManifest(target.repository, target.tag)
  if (!found) {
    const reference = `${target.host}/${target.repository}:${target.tag}`
    throw new DeployError('PUSH_FAILED', `build: skip, but ${reference} does not exist.`)
  }
  return found.digest
}

async function promote(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget
): Promise<string> {
  const from = service.image.promoteFrom
  if (!from) {
    throw new DeployError(
      'PUSH_FAILED',
      `No image to promote ${service.name} from: set promote_from.`
    )
  }
  if (target.immutable) {
    await refuseOverwrite(
      target,
      (await target.client.headManifest(target.repository, from))?.digest
    )
  }
  const { digest, copied } = await target.client.copyTag(target.repository, from, target.tag)
  const message = copied
    ? `promoted ${from} to ${target.tag} (manifest copied, no layers moved)`
    : `${target.tag} already holds ${from}`
  progress(ctx, service.name, message, 'PUSH')
  return digest
}

async function pushBuilt(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal
): Promise<string> {
  const made = builtOf(ctx.state).get(service.name)
  if (!made) {
    throw new DeployError(
      'PUSH_FAILED',
      `${service.name} was not built, so there is nothing to push.`
    )
  }
  const reference = `${target.host}/${target.repository}:${target.tag}`
  if (made.existing !== undefined) {
    const local = await made.builder.localDigest(made.job, control(ctx, service.name, signal))
    await refuseOverwrite(target, local)
    const message = `${target.tag} already holds this exact image (immutable repository): nothing pushed`
    progress(ctx, service.name, message, 'PUSH')
    return local
  }
  const pushed = await withRetry(
    attemptSignal => made.builder.push(made.job, control(ctx, service.name, attemptSignal)),
    {
      describe: `push of ${service.name}`,
      attempts: 3,
      baseDelayMs: 1000,
      attemptTimeoutMs: ctx.settings.images.pushTimeoutMs,
      signal,
      onRetry: retry =>
        ctx.core.warning(`${retry.describe} failed (${retry.reason.split('\n')[0]}); trying again`),
      classify: error =>
        error instanceof CommandFailure
          ? { retry: TRANSIENT_PUSH.test(error.tail.join('\n')) }
          : undefined
    }
  ).catch((error: unknown) => {
    throw asBuilderError(error, 'PUSH_FAILED', `Pushing ${reference} failed`)
  })
  // Trust what the registry says the tag holds, not only what the builder wrote down.
  const stored = await target.client.headManifest(target.repository, target.tag)
  if (stored?.digest !== pushed) {
    const holds = stored?.digest ?? 'nothing'
    throw new DeployError('PUSH_FAILED', `${reference} holds ${holds} after pushing ${pushed}.`)
  }
  return pushed
}

/** An immutable tag may be "written" again only with the digest it already holds. */
async function refuseOverwrite(target: ImageTarget, digest: string | undefined): Promise<void> {
  const current = await target.client.headManifest(target.repository, target.tag)
  if (current && current.digest !== digest) {
    throw new DeployError(
      'PUSH_FAILED',
      `${target.host}/${target.repository}:${target.tag} already holds ${current.digest} and the repository's tags are immutable; ` +
        'deploy a new tag (create_tag makes one per run) or make the repository mutable.'
    )
  }
}

/** Builder output that means the registry had a passing problem: worth another attempt. */
const TRANSIENT_PUSH =
  /connection reset|broken pipe|EOF|i\/o timeout|TLS handshake timeout|too many requests|\b(429|500|502|503|504)\b|wrote no digest/i
