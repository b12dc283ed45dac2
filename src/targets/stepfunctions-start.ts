import { createHash } from 'node:crypto'
import { DeployError } from '../errors.js'
import type { StepFunctionsTarget } from '../settings/types.js'
import type { DeployRequest, TargetContext } from './types.js'
import type { StepFunctionsApi } from '../clients/sfn.js'
import { asFailure, call, errorName } from './stepfunctions-calls.js'

/**
 * Start mode: we start the execution ourselves, named after the deployment, so a retried call
 * cannot start a second one.
 */

/** The execution a deploy follows, however it was started. */
export interface FoundExecution {
  executionArn: string
  /** Set when the ARN came from a secret (deleted afterwards on request). */
  secretId?: string
}

const NAME_LIMIT = 80

/**
 * The execution name: the deployment id and the service (two services of one deployment may use
 * the same state machine), in the characters every Step Functions feature accepts (CloudWatch
 * logging allows only A-Z a-z 0-9 - _), at most 80 long. A name that must be cut keeps a hash of
 * the whole, so two long ids that share a prefix still differ.
 */
export function executionName(deploymentId: string, service: string): string {
  const raw = `${deploymentId}-${service}`
  const whole = raw.replace(/[^A-Za-z0-9_-]/g, '-')
  if (whole.length <= NAME_LIMIT) return whole
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 10)
  return `${whole.slice(0, NAME_LIMIT - hash.length - 1)}-${hash}`
}

/** The execution input: the config's object, with this deployment's identity that it may not override. */
export function startInput(request: DeployRequest<StepFunctionsTarget>): Record<string, unknown> {
  const { plan, settings } = request
  return {
    environment: plan.environment,
    owner: settings.context.owner,
    repo: settings.context.repo,
    branch: settings.context.refName,
    commit: plan.commit,
    ...request.target.input,
    ...(request.imageUri === undefined ? {} : { image_uri: request.imageUri }),
    deployment_id: plan.deploymentId
  }
}

export async function startExecution(
  api: StepFunctionsApi,
  request: DeployRequest<StepFunctionsTarget>,
  context: TargetContext
): Promise<FoundExecution> {
  const stateMachineArn = request.target.stateMachineArn
  if (!stateMachineArn) {
    throw new DeployError(
      'INVALID_INPUT',
      `service ${request.service.name}: stepfunctions mode start needs state_machine_arn`
    )
  }
  const machine = await call('DescribeStateMachine', () =>
    api.describeStateMachine(stateMachineArn, context.signal)
  )
  if (machine.type === 'EXPRESS') {
    throw new DeployError(
      'INVALID_INPUT',
      `State machine ${stateMachineArn} is an EXPRESS workflow: it keeps no execution history, so its ` +
        'deploy cannot be followed. Use a STANDARD state machine for deploys.'
    )
  }
  const name = executionName(request.plan.deploymentId, request.service.name)
  const input = JSON.stringify(startInput(request))
  try {
    const started = await api.startExecution({ stateMachineArn, name, input }, context.signal)
    context.info(`Started Step Functions execution ${name} of ${stateMachineArn}`)
    return { executionArn: started.executionArn }
  } catch (error) {
    if (errorName(error) !== 'ExecutionAlreadyExists') throw asFailure('StartExecution', error)
  }
  // A closed execution of the same name: ours when it was given the same input (an earlier try of
  // this very deployment), someone else's otherwise.
  const executionArn = executionArnFor(stateMachineArn, name)
  const existing = await call('DescribeExecution', () =>
    api.describeExecution(executionArn, context.signal)
  )
  if (!sameJson(existing.input, input)) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `Step Functions execution '${name}' already exists on ${stateMachineArn} with a different input; ` +
        'it was not started by this deployment. Re-run the workflow to get a new deployment id.'
    )
  }
  context.info(`Step Functions execution ${name} already exists for this deployment; following it`)
  return { executionArn }
}

/** The ARN StartExecution gives an execution of this name (a version or alias suffix dropped). */
export function executionArnFor(stateMachineArn: string, name: string): string {
  const parts = stateMachineArn.split(':')
  return [...parts.slice(0, 5), 'execution', parts[6], name].join(':')
}

function sameJson(a: string | undefined, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a ?? 'null')) === JSON.stringify(JSON.parse(b))
  } catch {
    return a === b
  }
}
