import { DeployError, asDeployError } from '../errors.js'
import type { PlannedService } from '../plan/types.js'
import { dependentsOf } from '../settings/service-graph.js'
import type { DeployTarget } from '../settings/types.js'
import { TARGETS } from '../targets/catalog.js'
import type { Deploy, DeployOutcome, TargetContext } from '../targets/types.js'
import type { PhaseContext } from './context.js'
import { withServiceDeadline } from './deadline.js'
import { verifyDeployment, type VerifyContext } from './verify.js'

export type TargetLoader = (kind: DeployTarget['kind']) => Promise<Deploy<DeployTarget>>

const loadTarget: TargetLoader = kind => TARGETS[kind].load()

/**
 * DEPLOY: layers in order, the services of a layer in parallel. A failed service stops the
 * services that depend on it; the others still deploy, and every failure is reported.
 */
export async function runDeployPhase(
  ctx: PhaseContext,
  load: TargetLoader = loadTarget
): Promise<void> {
  const services = new Map(ctx.plan.services.map(s => [s.name, s]))
  const failures = new Map<string, DeployError>()
  const skipped = new Set<string>()
  const urls = new Map<string, string>()
  const reports = new Map<string, Readonly<Record<string, string>>>()

  for (const layer of ctx.plan.layers) {
    const runnable = layer.filter(name => !skipped.has(name))
    await Promise.all(
      runnable.map(async name => {
        const service = services.get(name) as PlannedService
        try {
          const outcome = await deployService(ctx, service, load)
          if (outcome?.deploymentUrl) urls.set(name, outcome.deploymentUrl)
          if (outcome?.outputs) reports.set(name, outcome.outputs)
          // Its dependents are in later layers: they start only once this check has passed.
          const verify = service.deploy?.verify
          if (outcome && verify)
            await verifyDeployment(name, verify, outcome, progressOf(ctx, name))
        } catch (error) {
          const failure = asDeployError(error, 'DEPLOY_FAILED')
          failures.set(name, failure)
          ctx.bus.emit({
            type: 'error',
            stage: 'DEPLOY',
            service: name,
            message: failure.message,
            error_code: failure.code,
            error_details: failure.details
          })
          for (const dependent of dependentsOf(ctx.plan.services, name)) {
            if (skipped.has(dependent)) continue
            skipped.add(dependent)
            ctx.bus.emit({
              type: 'info',
              stage: 'DEPLOY',
              service: dependent,
              message: `not deployed: it depends on ${name}, which failed`
            })
          }
        }
      })
    )
    // Cancellation ends the run at once; later layers must not start.
    ctx.signal.throwIfAborted()
  }
  // The run's address is the one nearest the user: the last service in deploy order with one
  // (a web UI that depends on the API), whichever finished first.
  const order = ctx.plan.layers.flat().reverse()
  const front = order.find(name => urls.has(name))
  if (front) ctx.state.deploymentUrl = urls.get(front)
  Object.assign(ctx.state.outputs, targetOutputs(reports, urls))
  if (failures.size > 0) throw summariseFailures(failures, skipped)
}

async function deployService(
  ctx: PhaseContext,
  service: PlannedService,
  load: TargetLoader
): Promise<DeployOutcome | undefined> {
  const target = service.deploy
  if (!target) return undefined
  const imageUri = service.image ? ctx.state.images[service.name] : undefined
  if (service.image && !imageUri) {
    throw new DeployError('DEPLOY_FAILED', `no pushed image is known for ${service.name}`)
  }
  const deploy = await load(target.kind)
  const timeoutMs = target.timeoutMs ?? ctx.settings.deploy.timeoutMs
  const context: Omit<TargetContext, 'signal' | 'undoSignal'> = {
    timeoutMs,
    pollIntervalMs:
      target.pollIntervalMs ??
      ctx.settings.deploy.pollIntervalMs ??
      TARGETS[target.kind].defaultPollMs,
    progress: (message, data) =>
      ctx.bus.emit({ type: 'progress', stage: 'DEPLOY', service: service.name, message, data }),
    info: message =>
      ctx.bus.emit({ type: 'info', stage: 'DEPLOY', service: service.name, message }),
    warning: message => {
      ctx.core.warning(`${service.name}: ${message}`)
      ctx.bus.emit({
        type: 'info',
        stage: 'DEPLOY',
        service: service.name,
        message: `warning: ${message}`
      })
    },
    output: block => ctx.bus.aside(block)
  }
  ctx.bus.emit({
    type: 'progress',
    stage: 'DEPLOY',
    service: service.name,
    message: `deploying${imageUri ? ` ${imageUri}` : ''} (${target.kind})`
  })
  const request = {
    service,
    target,
    imageUri,
    plan: ctx.plan,
    settings: ctx.settings,
    // Loaded on first use: only a target that makes a pull secret needs the registry code.
    ...(service.image
      ? {
          pullCredentials: async () =>
            (await import('./image-registries.js')).pullCredentials(ctx, service)
        }
      : {})
  }
  const outcome: DeployOutcome = await withServiceDeadline(ctx.signal, timeoutMs, signals =>
    deploy(request, { ...context, ...signals })
  )
  if (outcome.deploymentUrl && !ctx.state.deploymentUrl)
    ctx.state.deploymentUrl = outcome.deploymentUrl
  ctx.bus.emit({
    type: 'progress',
    stage: 'DEPLOY',
    service: service.name,
    message: `deployed${outcome.deploymentUrl ? `: ${outcome.deploymentUrl}` : ''}`,
    ...(outcome.deploymentUrl ? { deployment_url: outcome.deploymentUrl } : {})
  })
  return outcome
}

function progressOf(ctx: PhaseContext, service: string): VerifyContext {
  return {
    signal: ctx.signal,
    progress: (message, data) =>
      ctx.bus.emit({ type: 'progress', stage: 'DEPLOY', service, message, data })
  }
}

/**
 * What the targets reported, as outputs: `deployments` maps each service to its URL and
 * outputs; a key only one service reports (a single ECS service's task_definition_arn) is also
 * an output of its own, since with several services a flat key would say nothing of whose it is.
 */
function targetOutputs(
  reports: ReadonlyMap<string, Readonly<Record<string, string>>>,
  urls: ReadonlyMap<string, string>
): Record<string, string> {
  const names = [...new Set([...reports.keys(), ...urls.keys()])]
  if (names.length === 0) return {}
  const deployments = Object.fromEntries(
    names.map(name => [
      name,
      { ...(urls.has(name) ? { deployment_url: urls.get(name) } : {}), ...reports.get(name) }
    ])
  )
  const flat: Record<string, string> = {}
  const counts = new Map<string, number>()
  for (const outputs of reports.values()) {
    for (const key of Object.keys(outputs)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const outputs of reports.values()) {
    for (const [key, value] of Object.entries(outputs)) if (counts.get(key) === 1) flat[key] = value
  }
  return { ...flat, deployments: JSON.stringify(deployments) }
}

/** One error for the run: the first failure's code, every failure and skip in the details. */
function summariseFailures(failures: Map<string, DeployError>, skipped: Set<string>): DeployError {
  const [firstName, first] = [...failures.entries()][0] as [string, DeployError]
  const lines = [...failures.entries()].map(([name, e]) => `${name}: ${e.code}: ${e.message}`)
  if (skipped.size > 0) lines.push(`not deployed: ${[...skipped].join(', ')}`)
  const message =
    failures.size === 1
      ? `${firstName}: ${first.message}`
      : `${failures.size} services failed to deploy`
  return new DeployError(first.code, message, { details: lines.join('\n'), cause: first })
}
