import type { DeployError } from './errors.js'
import type { RunStatus } from './events/model.js'
import type { RunState } from './phases/context.js'
import type { Plan } from './plan/types.js'
import type { Settings } from './settings/types.js'
import type { Toolkit } from './toolkit.js'

/** What the run reports: the action's outputs and the message of its `done` event. */

/**
 * `card`: the status card as a plan job hands it to the build and deploy jobs, inside `plan`
 * (docs/scaling.md).
 */
export function outputsFor(
  settings: Settings,
  plan: Plan | undefined,
  state: RunState,
  status: RunStatus,
  card?: unknown
): Record<string, string> {
  const handed = settings.split.phase === 'plan' && card !== undefined ? { card } : {}
  return {
    // First, so that a target's output (a CloudFormation stack output may be named anything)
    // never replaces one of the action's own.
    ...state.outputs,
    environment: settings.environment,
    version: plan?.version.gitTag ? (plan.version.version ?? '') : '',
    // A dry run shows what it would create; a real run what it created or reused.
    tag: status === 'planned' ? (plan?.version.gitTag ?? '') : (state.tag ?? ''),
    image_tag: plan?.version.imageTag ?? '',
    images: JSON.stringify(state.images),
    release_url: state.releaseUrl ?? '',
    deployment_id: settings.deploymentId,
    deployment_url: state.deploymentUrl ?? '',
    status,
    plan: plan ? JSON.stringify({ ...plan, ...handed }) : '',
    events_file: settings.eventsFile
  }
}

export function doneMessage(
  status: RunStatus,
  settings: Settings,
  plan: Plan | undefined,
  state: RunState,
  failure: DeployError | undefined
): string {
  switch (status) {
    case 'success': {
      // A plan or build job is not the deployment's end: it says what it handed on.
      if (settings.split.phase === 'plan') {
        const jobs = state.outputs.matrix
          ? (JSON.parse(state.outputs.matrix) as { include: unknown[] }).include.length
          : 0
        return `planned ${jobs} build job${jobs === 1 ? '' : 's'} for ${settings.environment}`
      }
      if (settings.split.phase === 'build') {
        return `pushed ${settings.split.service} ${settings.split.platform} by digest ${state.outputs.digest ?? ''}`.trim()
      }
      const deployed = plan?.services.some(s => s.deploy)
      const images = Object.keys(state.images).length
      if (deployed && plan?.rollback) {
        return `rollback to ${plan.rollback.to.label} on ${settings.environment}${state.deploymentUrl ? `: ${state.deploymentUrl}` : ''}`
      }
      if (deployed) {
        return `deployed to ${settings.environment}${state.deploymentUrl ? `: ${state.deploymentUrl}` : ''}`
      }
      // Say what was done, not "deployed", when the config has no deploy targets.
      return images > 0
        ? `${images} image${images === 1 ? '' : 's'} pushed for ${settings.environment}; nothing to deploy`
        : `${state.tag ? `tagged ${state.tag}` : 'versioned'}; nothing to build or deploy`
    }
    case 'planned':
      return 'dry run: nothing was changed'
    case 'cancelled':
      return 'cancelled'
    case 'failure':
      return `failed: ${failure?.code ?? 'DEPLOY_FAILED'}`
  }
}

/**
 * The one place that fails the job. notify_strict fails it too when notifications were lost, but
 * the status output stays the deployment's own result.
 */
export function failJob(
  core: Pick<Toolkit, 'setFailed'>,
  failure: { code: string; message: string; details?: string } | undefined,
  strictFailure?: string
): void {
  if (failure) {
    core.setFailed(
      `${failure.code}: ${failure.message}${failure.details ? `\n${failure.details}` : ''}`
    )
  } else if (strictFailure) {
    core.setFailed(strictFailure)
  }
}
