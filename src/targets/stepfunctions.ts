import type { DescribeExecutionOutput } from '@aws-sdk/client-sfn'
import { DeployError, errorMessage } from '../errors.js'
import { FIRST_MINUTE, follow, formatDuration } from '../runtime/follow.js'
import type { StepFunctionsTarget } from '../settings/types.js'
import {
  timeLeft,
  type Deploy,
  type DeployOutcome,
  type DeployRequest,
  type TargetContext
} from './types.js'
import type { StepFunctionsApi } from '../clients/sfn.js'
import { asFailure, call, noticeRetry } from './stepfunctions-calls.js'
import { findExecution } from './stepfunctions-find.js'
import {
  EMPTY_TRAIL,
  FIRST_CURSOR,
  applyEvents,
  describeUpdate,
  readNewEvents,
  type ExecutionTrail
} from './stepfunctions-history.js'
import { startExecution } from './stepfunctions-start.js'
import { stopAbandoned } from './stop.js'

/**
 * Step Functions deploys: a state machine (EnsureInfra -> RegisterTaskAndDeploy -> CheckDeployment
 * -> DeploymentStatusRouter, say) does the deploy and we follow it. Either we start the execution
 * (named after the deployment, so a retried call cannot start a second one) or the image push
 * started it and we find it: in a Secrets Manager secret, or among the state machine's executions
 * by the image it carries. Following reads only the events that are new since the last look.
 */
export const deploy: Deploy<StepFunctionsTarget> = async (request, context) => {
  const { StepFunctionsApi } = await import('../clients/sfn.js')
  const api = await StepFunctionsApi.create(
    request.target.region,
    noticeRetry(context),
    context.sleep
  )
  if (!(await api.region())) {
    const { missingRegion } = await import('../clients/aws.js')
    const name = request.service.name
    const key = `services.${name}.deploy.stepfunctions.region in the deploy config`
    throw new DeployError(
      'INVALID_INPUT',
      `${missingRegion(`Step Functions deploy of service '${name}'`, key)}.`
    )
  }
  return deployWith(api, request, context)
}

async function deployWith(
  api: StepFunctionsApi,
  request: DeployRequest<StepFunctionsTarget>,
  context: TargetContext
): Promise<DeployOutcome> {
  const { target } = request
  const remaining = timeLeft(context)
  const found =
    target.mode === 'start'
      ? await startExecution(api, request, context)
      : await findExecution(api, request, context, remaining())
  const link = consoleUrl(found.executionArn)
  context.info(
    `Following Step Functions execution ${found.executionArn}${link ? ` (${link})` : ''}`
  )

  const trail = await followExecution(api, found.executionArn, context, remaining()).catch(error =>
    stopAbandoned(
      error,
      target.stopOnTimeout ? stopExecution(api, found.executionArn, error, context) : undefined,
      `stopped Step Functions execution ${found.executionArn} (stop_on_timeout)`,
      context
    )
  )
  const description = await call('DescribeExecution', () =>
    api.describeExecution(found.executionArn, context.signal)
  )
  if (found.secretId && target.deleteSecret) await deleteSecret(api, found.secretId, context)
  const judged = judgeEnd(trail, description, target.healthCheckStates)
  if (judged instanceof DeployError) throw judged
  return judged
}

// ---- following -----------------------------------------------------------------------------

async function followExecution(
  api: StepFunctionsApi,
  executionArn: string,
  context: TargetContext,
  timeoutMs: number
): Promise<ExecutionTrail> {
  const look = api.forLook
  let cursor = FIRST_CURSOR
  let trail = EMPTY_TRAIL
  const { value } = await follow<ExecutionTrail>({
    describe: `Step Functions execution ${executionArn.split(':').pop()}`,
    intervalMs: context.pollIntervalMs,
    young: FIRST_MINUTE,
    timeoutMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    onRetry: noticeRetry(context),
    look: async signal => {
      const read = await readNewEvents(look, executionArn, cursor, signal)
      const next = applyEvents(trail, read.events)
      cursor = read.cursor
      trail = next.trail
      for (const update of next.updates) context.progress(describeUpdate(update), { ...update })
      return trail.end
        ? { done: true, value: trail }
        : { done: false, moved: read.events.length > 0 }
    }
  }).catch(error => Promise.reject(asFailure('following the execution', error)))
  return value
}

// ---- the end -------------------------------------------------------------------------------

/**
 * The outcome of an ended execution, from what the history said and DescribeExecution's output,
 * error and cause. A failure in a health check state is HEALTH_CHECK_FAILED; the state machine's
 * own timeout is TIMEOUT; any other failure or a stop from outside is DEPLOY_FAILED.
 */
export function judgeEnd(
  trail: ExecutionTrail,
  execution: DescribeExecutionOutput,
  healthCheckStates: readonly string[]
): DeployOutcome | DeployError {
  const name = execution.name ?? execution.executionArn?.split(':').pop() ?? 'execution'
  const outputs: Record<string, string> = {}
  if (execution.executionArn) outputs.execution_arn = execution.executionArn
  if (execution.startDate && execution.stopDate) {
    outputs.execution_time = String(
      (execution.stopDate.getTime() - execution.startDate.getTime()) / 1000
    )
  }
  const type = trail.end?.type
  if (type === 'ExecutionSucceeded') {
    const deploymentUrl = urlFromOutput(execution.output)
    return { ...(deploymentUrl ? { deploymentUrl } : {}), outputs }
  }
  const error = execution.error ?? trail.end?.error
  const cause = execution.cause ?? trail.end?.cause
  const state = trail.end?.state
  const where = state ? ` in state ${state}` : ''
  const why = [error, cause && shorten(cause)].filter(Boolean).join(': ')
  const details = [
    error && `error: ${error}`,
    cause && `cause: ${cause}`,
    `execution: ${execution.executionArn}`
  ]
    .filter(Boolean)
    .join('\n')
  if (type === 'ExecutionAborted') {
    return new DeployError(
      'DEPLOY_FAILED',
      `Step Functions execution ${name} was stopped${where}${why ? ` (${why})` : ''}.`,
      { details }
    )
  }
  if (type === 'ExecutionTimedOut') {
    return new DeployError(
      'TIMEOUT',
      `Step Functions execution ${name} ran past the state machine's own timeout${where}.`,
      { details }
    )
  }
  const healthCheck = [trail.failedState, trail.failState].some(
    s => s !== undefined && healthCheckStates.includes(s)
  )
  return new DeployError(
    healthCheck ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED',
    `Step Functions execution ${name} failed${where}${why ? `: ${why}` : ''}.`,
    { details }
  )
}

/** `elb_url` or `url` of the output, at its top level or in a nested object (a Lambda Payload). */
export function urlFromOutput(output: string | undefined): string | undefined {
  if (!output) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(output)
  } catch {
    return undefined
  }
  const queue: unknown[] = [parsed]
  for (let depth = 0; depth < 4 && queue.length; depth++) {
    const level = queue.splice(0)
    for (const key of ['elb_url', 'url']) {
      for (const item of level) {
        const value = (item as Record<string, unknown>)[key]
        if (typeof value === 'string' && value) return value
      }
    }
    for (const item of level)
      queue.push(...Object.values(item as object).filter(v => v && typeof v === 'object'))
  }
  return undefined
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine
}

// ---- around the follow --------------------------------------------------------------------------

/** Each partition's console has its own host; a partition without a public console gets none. */
const CONSOLE_HOSTS: Record<string, (region: string) => string> = {
  aws: region => `${region}.console.aws.amazon.com`,
  'aws-us-gov': () => 'console.amazonaws-us-gov.com',
  'aws-cn': () => 'console.amazonaws.cn'
}

/** The execution's page in the AWS console, in the partition and region of its ARN. */
export function consoleUrl(executionArn: string): string | undefined {
  const [, partition = '', , region = ''] = executionArn.split(':')
  const host = CONSOLE_HOSTS[partition]?.(region)
  if (!host || !region) return undefined
  return `https://${host}/states/home?region=${region}#/v2/executions/details/${executionArn}`
}

/**
 * stop_on_timeout: an execution the deploy gave up on, at its deadline or because the run was
 * cancelled, is stopped rather than left to go on unattended.
 */
function stopExecution(
  api: StepFunctionsApi,
  executionArn: string,
  error: unknown,
  context: TargetContext
): (signal: AbortSignal) => Promise<void> {
  const cancelled = error instanceof DeployError && error.code === 'CANCELLED'
  const request = cancelled
    ? { executionArn, error: 'DeployPipeline.Cancelled', cause: 'the deploy was cancelled' }
    : {
        executionArn,
        error: 'DeployPipeline.Timeout',
        cause: `deploy_timeout of ${formatDuration(context.timeoutMs)} passed`
      }
  return signal => api.stopExecution(request, signal)
}

async function deleteSecret(
  api: StepFunctionsApi,
  secretId: string,
  context: TargetContext
): Promise<void> {
  try {
    await api.deleteSecret(secretId, context.signal)
    context.info(`Deleted secret ${secretId}`)
  } catch (error) {
    context.warning(`Could not delete secret ${secretId}: ${errorMessage(error)}`)
  }
}
