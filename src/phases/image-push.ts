import { CommandFailure } from '../builders/types.js'
import { savedLogin } from '../clients/registry-auth.js'
import { RegistryClient } from '../clients/registry.js'
import { DeployError } from '../errors.js'
import { withRetry } from '../runtime/retry.js'
import { asBuilderError, control } from './image-build.js'
import type { PhaseContext } from './context.js'
import { progress, type ImageService } from './image-registries.js'
import type { ImageTarget } from './image-state.js'

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
      return existingDigest(target, signal)
    case 'promote':
      return promote(ctx, service, target, signal)
    case 'build':
      return pushBuilt(ctx, service, target, signal)
  }
}

async function existingDigest(target: ImageTarget, signal: AbortSignal): Promise<string> {
  const found = await target.client.headManifest(target.repository, target.tag, signal)
  if (!found) {
    const reference = `${target.host}/${target.repository}:${target.tag}`
    throw new DeployError('PUSH_FAILED', `build: skip, but ${reference} does not exist.`)
  }
  return found.digest
}

async function promote(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal
): Promise<string> {
  const from = service.image.promoteFrom
  if (!from) {
    throw new DeployError(
      'PUSH_FAILED',
      `No image to promote ${service.name} from: set promote_from.`
    )
  }
  if (target.immutable) {
    const source = await target.client.headManifest(target.repository, from, signal)
    await refuseOverwrite(target, source?.digest, signal)
  }
  const { client, repository, tag } = target
  const { digest, copied } = await client.copyTag(repository, from, tag, signal)
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
  const made = ctx.state.built.get(service.name)
  if (!made) {
    throw new DeployError(
      'PUSH_FAILED',
      `${service.name} was not built, so there is nothing to push.`
    )
  }
  const reference = `${target.host}/${target.repository}:${target.tag}`
  if (made.existing !== undefined) {
    const local = await made.builder.localDigest(made.job, control(ctx, service.name, signal))
    await refuseOverwrite(target, local, signal)
    const message = `${target.tag} already holds this exact image (immutable repository): nothing pushed`
    progress(ctx, service.name, message, 'PUSH')
    return local
  }
  const pushed = await withRetry(
    attemptSignal =>
      made.builder
        .push(made.job, control(ctx, service.name, attemptSignal))
        .catch(async (error: unknown) => {
          // buildah 1.28 exits 0 without a digest both when the registry fails and when it
          // refuses the credentials: ask the registry whether the builder's still work.
          if (error instanceof CommandFailure && error.exitCode === 0)
            await builderCredentialsWork(ctx, target, attemptSignal)
          throw error
        }),
    {
      describe: `push of ${service.name}`,
      attempts: 3,
      baseDelayMs: 1000,
      // A third of push_timeout, so a hung attempt is killed and tried again within it. Not a
      // fixed few minutes: a large image on a slow link may need most of push_timeout, and the
      // blobs a killed attempt finished stay in the registry, so the next attempt resumes.
      attemptTimeoutMs: Math.ceil(ctx.settings.images.pushTimeoutMs / 3),
      signal,
      onRetry: retry =>
        ctx.core.warning(`${retry.describe} failed (${retry.reason.split('\n')[0]}); trying again`),
      classify: error => {
        if (error instanceof DeployError) return { retry: false }
        if (error instanceof CommandFailure)
          return { retry: TRANSIENT_PUSH.test(error.tail.join('\n')) }
        return undefined
      }
    }
  ).catch((error: unknown) => {
    throw asBuilderError(error, 'PUSH_FAILED', `Pushing ${reference} failed`)
  })
  // Trust what the registry says the tag holds, not only what the builder wrote down.
  const stored = await target.client.headManifest(target.repository, target.tag, signal)
  if (stored?.digest !== pushed) {
    const holds = stored?.digest ?? 'nothing'
    throw new DeployError('PUSH_FAILED', `${reference} holds ${holds} after pushing ${pushed}.`)
  }
  return pushed
}

/**
 * Throws REGISTRY_AUTH_FAILED when the registry refuses the credentials the builder pushed with
 * (those saved in the per-job auth file: an ECR token that expired since BUILD logged in).
 */
async function builderCredentialsWork(
  ctx: PhaseContext,
  target: ImageTarget,
  signal: AbortSignal
): Promise<void> {
  const saved = await savedLogin(ctx.settings.context.tempDir, target.host)
  if (!saved) return
  const client = new RegistryClient({ ...target.endpoint, ...saved }, { attempts: 2 })
  await client.headManifest(target.repository, target.tag, signal).catch((error: unknown) => {
    if (error instanceof DeployError && error.code === 'REGISTRY_AUTH_FAILED') throw error
  })
}

/** An immutable tag may be "written" again only with the digest it already holds. */
async function refuseOverwrite(
  target: ImageTarget,
  digest: string | undefined,
  signal: AbortSignal
): Promise<void> {
  const current = await target.client.headManifest(target.repository, target.tag, signal)
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
