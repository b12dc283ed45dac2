import { availableParallelism } from 'node:os'
import { chooseBuilder, createBuilder } from '../builders/choose.js'
import { authDirectory, ensureAuthFile, removeRegistryAuth } from '../clients/registry-auth.js'
import { DeployError, asDeployError } from '../errors.js'
import type { PlannedImage } from '../plan/types.js'
import { BuilderOutput, type OutputOptions } from './builder-output.js'
import type { PhaseContext } from './context.js'
import { withItemDeadline } from './deadline.js'
import { buildOne, buildTimestamp, login } from './image-build.js'
import { pushOne } from './image-push.js'
import {
  forgetEcrCredentials,
  imageTarget,
  progress,
  type ImageService
} from './image-registries.js'
import type { ImageTarget } from './image-state.js'

/**
 * BUILD and PUSH: build each service's image for every platform, push it, or promote an image that
 * already exists by giving it the new tag inside the registry (the manifest or index only: no
 * layers move, nothing is rebuilt). Ends with `state.images[service] = host/repo:tag@sha256:...`,
 * the digest read back from the registry. Services run in parallel, bounded; the phase waits for
 * all of them and then reports the first failure.
 */

function imageServices(ctx: PhaseContext, action?: PlannedImage['action']): ImageService[] {
  return ctx.plan.services.filter(
    (s): s is ImageService =>
      s.image !== undefined && (action === undefined || s.image.action === action)
  )
}

export async function runBuildPhase(ctx: PhaseContext, options: OutputOptions = {}): Promise<void> {
  const services = imageServices(ctx, 'build')
  if (services.length === 0) return
  const choice = await chooseBuilder(ctx.settings.images.builder)
  ctx.bus.emit({ type: 'info', stage: 'BUILD', message: choice.reason })
  const tempDir = ctx.settings.context.tempDir
  await ensureAuthFile(tempDir)
  const builder = createBuilder(choice.name, authDirectory(tempDir))
  const timestamp = await buildTimestamp(ctx)
  // One login per registry and credentials, shared by the services that push there.
  const logins = new Map<string, Promise<void>>()
  const loginOnce = (target: ImageTarget): Promise<void> => {
    const { host, username, password } = target.endpoint
    const key = [host, username, password].join('\0')
    let done = logins.get(key)
    if (!done) {
      done = login(ctx, choice.name, target)
      logins.set(key, done)
      done.catch(() => logins.delete(key))
    }
    return done
  }
  const output = new BuilderOutput(ctx, 'build', options)
  try {
    await settleAll(ctx, services, BUILD_LANES, service =>
      // A fresh token is a new login key, so loginOnce logs in with it.
      reportedAs(ctx, 'BUILD', service, () =>
        onceWithFreshEcrToken(ctx, service, async () => {
          const target = await imageTarget(ctx, service)
          await loginOnce(target)
          await buildOne(ctx, builder, service, target, timestamp, output)
        })
      )
    )
  } finally {
    output.close()
  }
}

/** `actions`: only the images of these actions (a deploy job merges what the build jobs built). */
export async function runPushPhase(
  ctx: PhaseContext,
  options: OutputOptions = {},
  actions?: readonly PlannedImage['action'][]
): Promise<void> {
  const output = new BuilderOutput(ctx, 'push', options)
  const services = imageServices(ctx).filter(s => !actions || actions.includes(s.image.action))
  try {
    await settleAll(ctx, services, PUSH_LANES, service =>
      reportedAs(ctx, 'PUSH', service, () =>
        onceWithFreshEcrToken(ctx, service, async fresh => {
          const target = await imageTarget(ctx, service)
          // The builder pushes with the auth file BUILD logged in with: after a refused token, put
          // the fresh one there before pushing again.
          const made = ctx.state.built.get(service.name)
          if (fresh && made) await login(ctx, made.builder.name, target)
          // Marks when this service's push began: pushes wait for a lane, so the phase's start
          // is not each push's start (the job summary's chart reads it).
          progress(ctx, service.name, PUSH_START[service.image.action](target.tag), 'PUSH')
          const digest = await withItemDeadline(
            ctx.signal,
            ctx.settings.images.pushTimeoutMs,
            `push of ${service.name} (push_timeout)`,
            signal => pushOne(ctx, service, target, signal, output)
          )
          const reference = `${target.host}/${target.repository}:${target.tag}@${digest}`
          ctx.state.images[service.name] = reference
          progress(ctx, service.name, reference, 'PUSH')
        })
      )
    )
  } finally {
    output.close()
  }
}

const PUSH_START: Record<PlannedImage['action'], (tag: string) => string> = {
  build: tag => `pushing ${tag}`,
  promote: tag => `promoting to ${tag}`,
  skip: tag => `reading the digest of ${tag}`,
  rollback: tag => `taking ${tag} as recorded`
}

/**
 * A service whose build or push failed says so as its own error event, so the status card and
 * the summary show which service failed and why; the phase still fails with the first failure.
 * After a cancel every item fails with the cancel: that is the run's story, not the service's.
 */
async function reportedAs(
  ctx: PhaseContext,
  stage: 'BUILD' | 'PUSH',
  service: ImageService,
  work: () => Promise<void>
): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (!ctx.signal.aborted) {
      const failure = asDeployError(error, stage === 'BUILD' ? 'BUILD_FAILED' : 'PUSH_FAILED')
      ctx.bus.emit({
        type: 'error',
        stage,
        service: service.name,
        message: failure.message,
        // The details (the builder's last lines) travel once, with the run's error.
        error_code: failure.code
      })
    }
    throw error
  }
}

/** Called by the post step: log out of every registry and remove the per-job credentials. */
export async function cleanupRegistryAuth(tempDir: string): Promise<void> {
  await removeRegistryAuth(tempDir)
}

/**
 * ECR tokens can be refused (expired mid-run): ask for a fresh one once and do the work again;
 * `fresh` tells the work that it runs with a new token, which the builders' auth file lacks.
 */
async function onceWithFreshEcrToken(
  ctx: PhaseContext,
  service: ImageService,
  work: (fresh: boolean) => Promise<void>
): Promise<void> {
  try {
    await work(false)
  } catch (error) {
    if (
      service.image.registry !== 'ecr' ||
      !(error instanceof DeployError) ||
      error.code !== 'REGISTRY_AUTH_FAILED'
    )
      throw error
    ctx.core.warning(
      `ECR's authorization token did not work for ${service.name} (${error.message}); asking for a fresh one`
    )
    forgetEcrCredentials(ctx)
    await work(true)
  }
}

/**
 * Runs every item (at most `limit` at once), waits for all, then throws the first failure; once
 * the run is cancelled, any failure is reported as CANCELLED.
 */
async function settleAll<T>(
  ctx: PhaseContext,
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  const results: PromiseSettledResult<void>[] = []
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T).then(
        () => ({ status: 'fulfilled', value: undefined }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const
      )
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  const failures = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map(r => r.reason as unknown)
  if (failures.length === 0) return
  if (ctx.signal.aborted) {
    const reason: unknown = ctx.signal.reason
    if (reason instanceof DeployError) throw reason // the phase's own deadline: TIMEOUT
    throw new DeployError('CANCELLED', 'Image builds and pushes were cancelled.')
  }
  throw failures[0]
}

/** Builds at once: one per core (builders are CPU-bound), at most four. */
export const BUILD_LANES = Math.max(1, Math.min(4, availableParallelism()))
/** Pushes at once: network-bound, so not tied to cores. */
export const PUSH_LANES = 4

/**
 * The deadline of a whole BUILD or PUSH phase: build_timeout and push_timeout are per service,
 * and services queue in lanes, so the phase may take one timeout per round of lanes.
 */
export function imagePhaseBudget(services: number, lanes: number, perServiceMs: number): number {
  return Math.ceil(Math.max(1, services) / lanes) * perServiceMs + 60_000
}
