import { DeployError } from '../errors.js'
import { recordLabel, type HistoryEntry } from './deployment-record.js'
import type { Plan, PlannedService } from './types.js'

/** `rollback: previous`, or a git tag / image tag / GitHub deployment id / run deployment_id. */
export type RollbackRequest = 'previous' | string

/**
 * The plan of a rollback: the deployment to put back, chosen from the environment's history
 * (newest first), and each service set to deploy the digest that deployment recorded. Nothing is
 * built, pushed, tagged or released; the version is the one put back.
 */
export function planRollback(
  plan: Plan,
  history: readonly HistoryEntry[],
  request: RollbackRequest
): Plan {
  const succeeded = history.filter(entry => entry.succeededAt !== undefined)
  const current = succeeded[0]
  const target = pickTarget(succeeded, current, request, plan.environment)
  const record = target.record
  const untouched: string[] = []
  const services: PlannedService[] = plan.services.map(service => {
    const recorded = record.services[service.name]
    if (!recorded?.image || !service.image) {
      if (service.deploy) untouched.push(service.name)
      return { ...service, deploy: undefined }
    }
    const image = recorded.image
    return {
      ...service,
      image: {
        ...service.image,
        tag: record.image_tag,
        reference: image,
        action: 'rollback',
        promoteFrom: undefined
      }
    }
  })
  const label = recordLabel(record)
  return {
    ...plan,
    commit: record.commit,
    version: {
      ...plan.version,
      version: record.version,
      gitTag: record.git_tag,
      imageTag: record.image_tag,
      reused: true,
      reason: `rollback to deployment ${target.id}`
    },
    release: undefined,
    services,
    rollback: {
      from: current && { id: current.id, label: recordLabel(current.record) },
      to: { id: target.id, label },
      untouched
    }
  }
}

function pickTarget(
  succeeded: readonly HistoryEntry[],
  current: HistoryEntry | undefined,
  request: RollbackRequest,
  environment: string
): HistoryEntry {
  if (request === 'previous') {
    const previous = succeeded[1]
    if (previous) return previous
    throw new DeployError(
      'INVALID_INPUT',
      `rollback: previous: ${environment} has ${succeeded.length === 0 ? 'no successful deployment recorded by this action' : `only one successful deployment recorded (${recordLabel(succeeded[0]!.record)}, deployment ${succeeded[0]!.id}), nothing before it`} to roll back to`
    )
  }
  const named = succeeded.find(
    entry =>
      String(entry.id) === request ||
      entry.record.deployment_id === request ||
      entry.record.git_tag === request ||
      entry.record.image_tag === request
  )
  if (!named) {
    throw new DeployError(
      'INVALID_INPUT',
      `rollback: no successful deployment to ${environment} matches '${request}' (a git tag, an image tag or a deployment id)`
    )
  }
  if (named === current) {
    throw new DeployError(
      'INVALID_INPUT',
      `rollback: '${request}' (deployment ${named.id}) is what ${environment} runs now: nothing to roll back`
    )
  }
  return named
}

/** The plan's lines about a rollback. */
export function describeRollback(plan: Plan): string[] {
  const r = plan.rollback
  if (!r) return []
  return [
    `Rollback: ${r.from ? `${r.from.label} (deployment ${r.from.id})` : 'nothing recorded'} -> ${r.to.label} (deployment ${r.to.id})`,
    ...r.untouched.map(name => `  ${name}: added since ${r.to.label}, left as it is`)
  ]
}
