import { DeployError } from '../errors.js'
import { follow, formatDuration } from '../runtime/follow.js'
import type { StepFunctionsTarget } from '../settings/types.js'
import type { DeployRequest, TargetContext } from './types.js'
import type { StepFunctionsApi } from '../clients/sfn.js'
import { asFailure, noticeRetry } from './stepfunctions-calls.js'
import type { FoundExecution } from './stepfunctions-start.js'

/**
 * Find mode: the image push started the execution and we find it, in a Secrets Manager secret the
 * state machine writes, or among the state machine's executions by the image it carries.
 */

/** Fills the secret name template: {deployment_id}, {service}, {environment}, {owner}, {repo}, {commit}. */
export function secretNameFor(
  template: string,
  request: DeployRequest<StepFunctionsTarget>
): string {
  const values: Record<string, string> = {
    deployment_id: request.plan.deploymentId,
    service: request.service.name,
    environment: request.plan.environment,
    owner: request.settings.context.owner,
    repo: request.settings.context.repo,
    commit: request.plan.commit
  }
  return template.replace(/\{([^{}]*)\}/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined) {
      throw new DeployError(
        'INVALID_INPUT',
        `secret_name '${template}' uses {${key}}; known placeholders: ` +
          Object.keys(values)
            .map(k => `{${k}}`)
            .join(', ')
      )
    }
    return value
  })
}

/** The execution ARN a secret holds: the ARN itself, or JSON with executionArn / execution_arn. */
export function executionArnFromSecret(value: string): string | undefined {
  const trimmed = value.trim()
  if (isExecutionArn(trimmed)) return trimmed
  try {
    const parsed = JSON.parse(trimmed) as Record<string, unknown>
    for (const key of ['executionArn', 'execution_arn', 'ExecutionArn', 'arn']) {
      const candidate = parsed?.[key]
      if (typeof candidate === 'string' && isExecutionArn(candidate)) return candidate
    }
  } catch {
    // not JSON: nothing else to look in
  }
  return undefined
}

function isExecutionArn(value: string): boolean {
  return /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):/.test(value)
}

/**
 * A push-started execution is recognised by our image: the whole reference (with or without its
 * digest), or the digest together with the tag, as an ECR push event carries them. The digest alone
 * is not enough: promoting an image pushes the same digest again under another tag.
 */
export function carriesImage(input: string | undefined, imageUri: string): boolean {
  if (!input) return false
  const [reference = imageUri, digest] = imageUri.split('@')
  if (input.includes(imageUri) || input.includes(reference)) return true
  const tag = /:([^/:]+)$/.exec(reference)?.[1]
  return Boolean(digest && tag && input.includes(digest) && input.includes(`"${tag}"`))
}

export async function findExecution(
  api: StepFunctionsApi,
  request: DeployRequest<StepFunctionsTarget>,
  context: TargetContext,
  timeoutMs: number
): Promise<FoundExecution> {
  const { target } = request
  const secretId = secretNameFor(target.secretName ?? 'deploy/{deployment_id}', request)
  const look = api.forLook
  const unmatched = new Set<string>()
  const since = (context.now ?? Date.now)()
  let tries = 0
  const { value } = await follow<FoundExecution | undefined>({
    describe: `the Step Functions execution of ${request.service.name}`,
    intervalMs: target.secretIntervalMs,
    timeoutMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    onRetry: noticeRetry(context),
    onProgress: message => context.info(message),
    look: async signal => {
      const secret = await look.secretString(secretId, signal)
      if (secret !== undefined) {
        const executionArn = executionArnFromSecret(secret)
        if (!executionArn) {
          throw new DeployError(
            'DEPLOY_FAILED',
            `Secret '${secretId}' does not hold a Step Functions execution ARN.`
          )
        }
        return { done: true, value: { executionArn, secretId } }
      }
      if (target.stateMachineArn && request.imageUri) {
        const search = {
          stateMachineArn: target.stateMachineArn,
          imageUri: request.imageUri,
          since
        }
        const executionArn = await findByImage(look, search, unmatched, signal)
        if (executionArn) return { done: true, value: { executionArn } }
      }
      tries++
      if (tries >= target.secretTries) return { done: true, value: undefined }
      return {
        done: false,
        progress: `waiting for secret ${secretId} (try ${tries} of ${target.secretTries})`
      }
    }
  }).catch(error => Promise.reject(asFailure('finding the execution', error)))
  if (!value) {
    const alsoListed =
      target.stateMachineArn && request.imageUri
        ? ` and no recent execution of ${target.stateMachineArn} carries ${request.imageUri}`
        : ''
    throw new DeployError(
      'DEPLOY_FAILED',
      `No Step Functions execution was found for ${request.service.name}: secret '${secretId}' did not ` +
        `appear after ${target.secretTries} tries ${formatDuration(target.secretIntervalMs)} apart${alsoListed}. ` +
        'Check that the push triggers the state machine and that it writes the secret.'
    )
  }
  if (value.executionArn.includes(':express:')) {
    throw new DeployError(
      'INVALID_INPUT',
      `Execution ${value.executionArn} belongs to an EXPRESS workflow, which keeps no execution ` +
        'history to follow. Use a STANDARD state machine for deploys.'
    )
  }
  return value
}

/**
 * The newest executions, each one's input read once however many looks it takes. One that has
 * already ended counts only if it started shortly before this deploy: an older one carrying the
 * same image belongs to an earlier deployment.
 */
const LISTED_EXECUTIONS = 20
const ENDED_EXECUTION_WINDOW_MS = 15 * 60_000

async function findByImage(
  api: StepFunctionsApi,
  search: { stateMachineArn: string; imageUri: string; since: number },
  unmatched: Set<string>,
  signal: AbortSignal
): Promise<string | undefined> {
  const listed = await api.listExecutions(search.stateMachineArn, LISTED_EXECUTIONS, signal)
  for (const execution of listed) {
    const arn = execution.executionArn
    if (!arn || unmatched.has(arn)) continue
    const started = execution.startDate?.getTime() ?? 0
    if (execution.status !== 'RUNNING' && started < search.since - ENDED_EXECUTION_WINDOW_MS) {
      unmatched.add(arn)
      continue
    }
    const described = await api.describeExecution(arn, signal)
    if (carriesImage(described.input, search.imageUri)) return arn
    unmatched.add(arn)
  }
  return undefined
}
