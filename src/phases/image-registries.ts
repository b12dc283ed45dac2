import {
  createEcrClient,
  ecrAuthorization,
  ensureEcrRepository,
  type EcrAuthorization
} from '../clients/ecr.js'
import { RegistryClient, type RegistryEndpoint } from '../clients/registry.js'
import { DeployError } from '../errors.js'
import type { PlannedImage, PlannedService } from '../plan/types.js'
import type { PhaseContext } from './context.js'
import type { ImageTarget, RegistrySession } from './image-state.js'
import type { ServiceSettings, Settings } from '../settings/types.js'
import { isLoopbackHost } from '../runtime/hosts.js'
import type { RegistryLogin } from '../targets/types.js'

/**
 * Where each service's image lives, resolved once per run and shared by the BUILD and PUSH phases:
 * the registry host (ECR's comes from its authorization token), plain HTTP or TLS, the credentials,
 * and an API client. ECR repositories are made ready here (created when a build needs them).
 */
export type ImageService = PlannedService & { image: PlannedImage }

export function serviceSettings(ctx: PhaseContext, name: string): ServiceSettings {
  const service = ctx.settings.services.find(s => s.name === name)
  if (!service)
    throw new DeployError(
      'INVALID_INPUT',
      `The plan names service '${name}', which the settings lack.`
    )
  return service
}

export function imageTarget(
  ctx: PhaseContext,
  planned: PlannedService & { image: PlannedImage }
): Promise<ImageTarget> {
  const session = ctx.state.registries
  let target = session.targets.get(planned.name)
  if (!target) {
    target = resolveTarget(ctx, session, planned)
    session.targets.set(planned.name, target)
    // A failed resolution (expired token) may be tried again with fresh credentials.
    target.catch(() => session.targets.delete(planned.name))
  }
  return target
}

/** Drops the cached ECR token and targets, so the next look asks for a fresh token. */
export function forgetEcrCredentials(ctx: PhaseContext): void {
  const session = ctx.state.registries
  session.ecrAuth = undefined
  for (const service of ctx.plan.services) {
    if (service.image?.registry === 'ecr') session.targets.delete(service.name)
  }
}

async function resolveTarget(
  ctx: PhaseContext,
  session: RegistrySession,
  planned: PlannedService & { image: PlannedImage }
): Promise<ImageTarget> {
  const image = planned.image
  const settings = serviceSettings(ctx, planned.name).registry
  let endpoint: RegistryEndpoint
  let immutable = false
  if (image.registry === 'ecr') {
    const auth = await ecrCredentials(ctx, session)
    endpoint = {
      host: auth.host,
      insecure: auth.insecure || isLoopbackHost(auth.host),
      username: auth.username,
      password: auth.password
    }
    session.ecr ??= createEcrClient()
    const repository = await ensureEcrRepository(await session.ecr, image.repository, {
      create: image.action === 'build',
      signal: ctx.signal
    })
    if (repository.created)
      progress(ctx, planned.name, `created ECR repository ${image.repository} (scan on push)`)
    immutable = repository.immutable
  } else {
    const host = image.host || settings.host
    endpoint = {
      host,
      insecure: settings.insecure || isLoopbackHost(host),
      ...registryCredentials(ctx.settings, image)
    }
  }
  return {
    service: planned.name,
    image,
    host: endpoint.host,
    repository: image.registry === 'ghcr' ? image.repository.toLowerCase() : image.repository,
    tag: image.tag,
    endpoint,
    // The run's signal by default; PUSH passes each call its push's deadline.
    client: new RegistryClient(endpoint, { signal: ctx.signal }),
    immutable
  }
}

/**
 * What a cluster needs to pull the service's image: the same registry and login the push used
 * (for ECR, the run's one authorization token), for an image pull secret.
 */
export async function pullCredentials(
  ctx: PhaseContext,
  planned: PlannedService
): Promise<RegistryLogin> {
  if (!planned.image) {
    throw new DeployError('DEPLOY_FAILED', `${planned.name} has no image to pull`)
  }
  const target = await imageTarget(ctx, { ...planned, image: planned.image })
  return {
    host: target.host,
    username: target.endpoint.username,
    password: target.endpoint.password
  }
}

/** The credentials a push to a GHCR or other (not ECR) registry uses; none for an open registry. */
export function registryCredentials(
  settings: Settings,
  image: PlannedImage
): { username?: string; password?: string } {
  if (image.registry === 'ghcr') {
    const token = settings.githubToken
    if (!token) {
      throw new DeployError(
        'REGISTRY_AUTH_FAILED',
        'Pushing to GHCR needs github_token (with packages: write permission).'
      )
    }
    return { username: settings.context.actor || 'x-access-token', password: token }
  }
  const { registryUsername: username, registryPassword: password } = settings.images
  if (username && password) return { username, password }
  return {}
}

/**
 * One ECR token per run. A token that is already expired when it arrives (a skewed clock, a stale
 * cache in a proxy) is refused like one the registry rejects: the caller's one fresh-token retry
 * covers both.
 */
async function ecrCredentials(
  ctx: PhaseContext,
  session: RegistrySession
): Promise<EcrAuthorization> {
  session.ecr ??= createEcrClient()
  const client = session.ecr
  session.ecrAuth ??= client.then(ecr => ecrAuthorization(ecr, { signal: ctx.signal }))
  const auth = await session.ecrAuth.catch((error: unknown) => {
    session.ecrAuth = undefined
    throw error
  })
  ctx.core.setSecret(auth.password)
  if (auth.expiresAt && auth.expiresAt.getTime() <= Date.now() + 60_000) {
    session.ecrAuth = undefined
    throw new DeployError(
      'REGISTRY_AUTH_FAILED',
      `ECR handed out an authorization token that expired at ${auth.expiresAt.toISOString()}: ` +
        'check the runner clock and the AWS credentials.'
    )
  }
  return auth
}

export function progress(
  ctx: PhaseContext,
  service: string,
  message: string,
  stage: 'BUILD' | 'PUSH' = 'BUILD'
): void {
  ctx.bus.emit({ type: 'progress', stage, service, message })
}
