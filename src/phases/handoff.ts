import { DeployError } from '../errors.js'
import type { EventBus } from '../events/bus.js'
import { buildMatrix, planForBuildJob, readHandedPlan } from '../plan/handoff.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'
import type { RunState } from './context.js'

/**
 * The two ends of a split workflow's plan: the plan job writes the build matrix, and the build
 * and deploy jobs take the plan over, after checking that it is for this job's commit and
 * environment (a plan of another run or another environment is refused before anything runs).
 */
export function takeOverPlan(settings: Settings, bus: EventBus): Plan {
  const { plan } = readHandedPlan(settings.split.plan ?? '')
  const problems: string[] = []
  if (plan.commit !== settings.context.sha) {
    problems.push(`it is for commit ${plan.commit}, and this job runs at ${settings.context.sha}`)
  }
  if (plan.environment !== settings.environment) {
    problems.push(
      `it deploys to ${plan.environment}, and this job's environment is ${settings.environment}`
    )
  }
  if (plan.dryRun) problems.push('it is the plan of a dry run')
  if (problems.length > 0) {
    throw new DeployError('INVALID_INPUT', `Input plan is not this run's: ${problems.join('; ')}.`)
  }
  const { phase, service, platform } = settings.split
  const taken = phase === 'build' ? planForBuildJob(plan, service ?? '', platform ?? '') : plan
  const what = phase === 'build' ? `${service} for ${platform}` : `${plan.services.length} services`
  bus.emit({
    type: 'info',
    stage: 'VERSION',
    message: `plan ${plan.deploymentId}: image tag ${plan.version.imageTag}, ${what}`
  })
  return taken
}

/** The `matrix` output: one build job per built service and platform, on a runner of its own. */
export function writeMatrix(settings: Settings, plan: Plan, state: RunState, bus: EventBus): void {
  const matrix = buildMatrix(plan, settings.split.runners)
  state.outputs.matrix = JSON.stringify(matrix)
  const runners = [...new Set(matrix.include.map(entry => entry.runner))].join(', ')
  bus.emit({
    type: 'info',
    stage: 'BUILD',
    message:
      matrix.include.length === 0
        ? 'no build jobs: nothing is built'
        : `${matrix.include.length} build jobs on ${runners}`
  })
}
