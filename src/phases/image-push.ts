import { CommandFailure, type RunControl } from '../builders/types.js'
import { savedLogin } from '../clients/registry-auth.js'
import { RegistryClient, RegistryRefusal } from '../clients/registry.js'
import { DeployError, errorMessage } from '../errors.js'
import { withRetry } from '../runtime/retry.js'
import type { BuilderOutput } from './builder-output.js'
import { asBuilderError, pushRefusal } from './image-build.js'
import type { PhaseContext } from './context.js'
import { progress, type ImageService } from './image-registries.js'
import type { Built, ImageTarget } from './image-state.js'

/**
 * PUSH, one service, by its planned action: push what BUILD made (or, for an immutable tag that
 * exists, prove it is the same image), promote by copying a manifest inside the registry, or read
 * the digest of the tag that is deployed as it is. Returns the digest the registry holds.
 */

export async function pushOne(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal,
  output: BuilderOutput
): Promise<string> {
  switch (service.image.action) {
    case 'skip':
      return existingDigest(target, signal)
    case 'promote':
      return promote(ctx, service, target, signal)
    case 'build':
      return pushBuilt(ctx, service, target, signal, output)
    case 'rollback':
      // The PUSH entry of the pipeline leaves rollback images out: they are deployed as recorded.
      throw new Error(`${service.name}: a rollback image reached PUSH`)
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
  signal: AbortSignal,
  output: BuilderOutput
): Promise<string> {
  const made = builtImage(ctx, service.name)
  const out = output.of(service.name, made.job.platforms)
  return out.settle(pushMade(ctx, service, target, signal, made, attempt => out.control(attempt)))
}

/** What BUILD made of a service, for its push. */
export function builtImage(ctx: PhaseContext, service: string): Built {
  const made = ctx.state.built.get(service)
  if (!made) {
    throw new DeployError('PUSH_FAILED', `${service} was not built, so there is nothing to push.`)
  }
  return made
}

async function pushMade(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  signal: AbortSignal,
  made: Built,
  control: (signal: AbortSignal) => RunControl
): Promise<string> {
  const reference = `${target.host}/${target.repository}:${target.tag}`
  if (made.existing !== undefined) {
    const local = await made.builder.localDigest(made.job, control(signal))
    await refuseOverwrite(target, local, signal)
    const message = `${target.tag} already holds this exact image (immutable repository): nothing pushed`
    progress(ctx, service.name, message, 'PUSH')
    return local
  }
  const pushed = await withRetry(
    attemptSignal =>
      made.builder.push(made.job, control(attemptSignal)).catch(async (error: unknown) => {
        if (error instanceof CommandFailure && error.exitCode === 0) {
          return sendIndexAgain(ctx, service, target, made, control(attemptSignal), error)
        }
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
    throw asBuilderError(error, 'PUSH_FAILED', `Pushing ${reference} failed`, status =>
      pushRefusal(target, status)
    )
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
 * buildah 1.28 exits 0 and writes no digest whatever the registry answered to a manifest PUT: a
 * 503, a 401 and a 403 look the same. So the index buildah made is sent again, by tag, through the
 * registry client, with the credentials buildah pushed with (those in the auth file: an ECR token
 * may have expired since BUILD logged in), and the registry's answer decides:
 * - refused (401/403): REGISTRY_AUTH_FAILED, naming the registry and the permission;
 * - accepted, and every image it names is in the registry: the push is done;
 * - anything else (a 503; a 400 for images the registry does not know, because buildah's upload
 *   compressed the layers differently from its local copy): `silent` again, with that answer, for
 *   the retry to judge. A retry by buildah also replaces an index the registry took without
 *   checking what it names.
 */
async function sendIndexAgain(
  ctx: PhaseContext,
  service: ImageService,
  target: ImageTarget,
  made: Built,
  run: RunControl,
  silent: CommandFailure
): Promise<string> {
  let answer: string
  try {
    if (!made.builder.localIndex) throw new Error(`${made.builder.name} keeps no local index`)
    const index = await made.builder.localIndex(made.job, run)
    const saved = await savedLogin(ctx.settings.context.tempDir, target.host)
    const client = new RegistryClient({ ...target.endpoint, ...saved }, { attempts: 1 })
    const digest = await client.putManifest(target.repository, target.tag, index, run.signal)
    for (const named of namedImages(index.body)) {
      if (!(await client.headManifest(target.repository, named, run.signal))) {
        throw new Error(`the registry took the index, but not the image ${named} it names`)
      }
    }
    const message = `${made.builder.name} reported no digest; the registry accepted the index sent again`
    progress(ctx, service.name, message, 'PUSH')
    return digest
  } catch (error) {
    if (error instanceof RegistryRefusal) {
      throw new DeployError('REGISTRY_AUTH_FAILED', pushRefusal(target, error.status), {
        details: [...silent.tail, error.details ?? ''].join('\n').trim(),
        cause: error
      })
    }
    if (run.signal.aborted) throw error
    answer = errorMessage(error)
  }
  const tail = [...silent.tail, `the index sent again through the registry API: ${answer}`]
  throw new CommandFailure(silent.command, silent.exitCode, tail)
}

/** The digests of the images an index names. */
function namedImages(body: Buffer): string[] {
  const index = JSON.parse(body.toString('utf8')) as { manifests?: Array<{ digest?: unknown }> }
  return (index.manifests ?? []).flatMap(m => (typeof m.digest === 'string' ? [m.digest] : []))
}

/** An immutable tag may be "written" again only with the digest it already holds. */
export async function refuseOverwrite(
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
