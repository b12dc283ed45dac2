import { createHash } from 'node:crypto'
import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation'
import type { CloudFormationApi } from '../clients/cloudformation.js'
import { DeployError } from '../errors.js'
import { follow, formatDuration } from '../runtime/follow.js'
import type { CloudFormationTarget } from '../settings/types.js'
import type { DeployRequest, TargetContext } from './types.js'
import { call, failedWaiting, oneLine, waitingIn } from './cloudformation-calls.js'
import { followOperation, isSettled, isStackItself, rootCause } from './cloudformation-events.js'

/**
 * Step 1 of a CloudFormation deploy: the stack as it stands, made ready for a change set. A stack
 * busy with another operation (another run, a person) is waited for, never joined by a second
 * one; a stack whose creation failed (ROLLBACK_COMPLETE) is deleted and created again, or
 * refused; a stack CloudFormation will not update (a failed rollback) is explained.
 */

const TOKEN_PREFIX = 'deploy-pipeline-'

/**
 * The change set's name and the operation's ClientRequestToken: the deployment and the service,
 * in the characters both accept ([a-zA-Z][-a-zA-Z0-9]*), short enough for the suffixes of the
 * deletion and the cancel (128 at most). Another run that finds the stack busy reads the token
 * back from the stack's events, so it can say which deployment is running.
 */
export function operationNames(deploymentId: string, service: string): { name: string } {
  const raw = `${deploymentId}-${service}`
  let id = raw.replace(/[^A-Za-z0-9-]/g, '-')
  if (id.length > 90) {
    id = `${id.slice(0, 79)}-${createHash('sha256').update(raw).digest('hex').slice(0, 10)}`
  }
  return { name: `${TOKEN_PREFIX}${id}` }
}

/** Statuses CloudFormation will not start an update from, each with what to do about it. */
export function unusable(stack: Stack): DeployError | undefined {
  const name = stack.StackName ?? ''
  const status = stack.StackStatus ?? ''
  const reason = stack.StackStatusReason ? ` (${oneLine(stack.StackStatusReason)})` : ''
  switch (status) {
    case 'UPDATE_ROLLBACK_FAILED':
      return new DeployError(
        'DEPLOY_FAILED',
        `Stack ${name} is UPDATE_ROLLBACK_FAILED: an earlier update failed and so did its ` +
          `rollback${reason}. CloudFormation accepts no update until the rollback finishes: fix ` +
          `what blocks it, run \`aws cloudformation continue-update-rollback --stack-name ${name}\` ` +
          '(--resources-to-skip for resources that cannot roll back), wait for ' +
          'UPDATE_ROLLBACK_COMPLETE, then deploy again.'
      )
    case 'ROLLBACK_FAILED':
    case 'DELETE_FAILED':
    case 'IMPORT_ROLLBACK_FAILED':
      return new DeployError(
        'DEPLOY_FAILED',
        `Stack ${name} is ${status}${reason}: CloudFormation cannot update it. Delete it ` +
          `(\`aws cloudformation delete-stack --stack-name ${name}\`, --retain-resources for what ` +
          'cannot be deleted), then deploy again.'
      )
    default:
      return undefined
  }
}

/** Busy: an operation runs on the stack. REVIEW_IN_PROGRESS is a stack waiting for a change set. */
function isBusy(status: string | undefined): boolean {
  return status !== 'REVIEW_IN_PROGRESS' && !isSettled(status)
}

/**
 * The stack a change set can be made for: undefined when there is none (or no longer one), else
 * a stack at rest. Waits within `remaining()`.
 */
export async function stackAtRest(
  api: CloudFormationApi,
  request: DeployRequest<CloudFormationTarget>,
  context: TargetContext,
  remaining: () => number
): Promise<Stack | undefined> {
  const { target } = request
  for (;;) {
    const stack = await call('DescribeStacks', () =>
      api.describeStack(target.stack, context.signal)
    )
    if (!stack) return undefined
    if (isBusy(stack.StackStatus)) {
      await waitForOther(api, stack, context, remaining)
      continue
    }
    if (stack.StackStatus === 'ROLLBACK_COMPLETE') {
      await recreate(api, stack, request, context, remaining)
      continue
    }
    const refused = unusable(stack)
    if (refused) throw refused
    return stack
  }
}

/** Who started the operation running on a stack, and when: from its newest events. */
export async function whoIsRunning(
  api: CloudFormationApi,
  stack: Stack,
  signal: AbortSignal
): Promise<{ who: string; since: Date | undefined; reason: string | undefined }> {
  const page = await api.eventsPage(stack.StackId ?? stack.StackName ?? '', undefined, signal)
  const own = page.events.filter(isStackItself)
  const token = own[0]?.ClientRequestToken
  // The operation's first event on this page: where it began (or as far back as the page goes).
  const started = [...own].reverse().find(e => e.ClientRequestToken === token) ?? own[0]
  return {
    who: describeStarter(token),
    since: started?.Timestamp,
    reason: started?.ResourceStatusReason ? oneLine(started.ResourceStatusReason) : undefined
  }
}

function describeStarter(token: string | undefined): string {
  if (!token) return 'a client that gave no request token (outside this action)'
  if (token.startsWith(TOKEN_PREFIX)) {
    return `another run of this action (${token.slice(TOKEN_PREFIX.length)})`
  }
  if (token.startsWith('Console-')) return `someone in the AWS console (${token})`
  return `a client outside this action (request token ${token})`
}

async function waitForOther(
  api: CloudFormationApi,
  stack: Stack,
  context: TargetContext,
  remaining: () => number
): Promise<void> {
  const name = stack.StackName ?? ''
  const running = await call('DescribeStackEvents', () => whoIsRunning(api, stack, context.signal))
  const since = running.since ? ` since ${running.since.toISOString()}` : ''
  const why = running.reason ? ` (${running.reason})` : ''
  const deployTimeout = formatDuration(context.timeoutMs)
  context.info(
    `Stack ${name} is busy: ${stack.StackStatus}${since}, started by ${running.who}${why}. ` +
      `Waiting for it to finish, within deploy_timeout (${deployTimeout}), before deploying; no ` +
      'second operation is started on it.'
  )
  const look = api.forLook
  let last = stack.StackStatus
  await follow<true>({
    describe: `the operation running on stack ${name}`,
    ...waitingIn(context),
    timeoutMs: remaining(),
    onProgress: progress => context.info(progress),
    look: async signal => {
      const now = await look.describeStack(stack.StackId ?? name, signal)
      last = now?.StackStatus
      if (!now || !isBusy(last) || now.StackStatus === 'DELETE_COMPLETE') {
        return { done: true, value: true }
      }
      return { done: false, progress: `Stack ${name} (the other operation): ${last}` }
    }
  }).catch(
    failedWaiting(
      `waiting for the operation on stack ${name}`,
      () =>
        `Stack ${name} was still ${last ?? 'busy'} at the end of deploy_timeout (${deployTimeout}): the ` +
        `operation started by ${running.who} did not finish, and nothing was started on the stack.`
    )
  )
}

/** ROLLBACK_COMPLETE: the creation failed; the stack holds nothing and cannot be updated. */
async function recreate(
  api: CloudFormationApi,
  stack: Stack,
  request: DeployRequest<CloudFormationTarget>,
  context: TargetContext,
  remaining: () => number
): Promise<void> {
  const { target } = request
  const name = target.stack
  const reason = stack.StackStatusReason ? ` (${oneLine(stack.StackStatusReason)})` : ''
  if (target.onRollbackComplete === 'fail') {
    throw new DeployError(
      'INVALID_INPUT',
      `Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason} and CloudFormation ` +
        'cannot update it. on_rollback_complete is fail, so it was left as it is: delete it ' +
        `(\`aws cloudformation delete-stack --stack-name ${name}\`) or set ` +
        'on_rollback_complete: recreate, then deploy again.'
    )
  }
  const stackId = stack.StackId ?? name
  const token = `${operationNames(request.plan.deploymentId, request.service.name).name}-delete`
  context.info(
    `Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason}. Deleting it to create ` +
      'it again (on_rollback_complete: recreate).'
  )
  await call('DeleteStack', () =>
    api.deleteStack({ stackId, token, roleArn: target.roleArn }, context.signal)
  )
  const end = await followOperation(
    api,
    { stackId, stackName: name, token, statusBefore: 'ROLLBACK_COMPLETE', what: 'deletion' },
    context,
    remaining()
  )
  if (end.stack.StackStatus !== 'DELETE_COMPLETE') {
    const cause = rootCause(end.events)
    const why = cause ? `: ${describeCause(cause)}` : ''
    throw new DeployError(
      'DEPLOY_FAILED',
      `Stack ${name} (ROLLBACK_COMPLETE) could not be deleted to create it again: ` +
        `${end.stack.StackStatus}${why}. Delete it (\`aws cloudformation delete-stack ` +
        `--stack-name ${name}\`) and deploy again.`
    )
  }
  context.info(`Deleted stack ${name} (the one whose creation failed); creating it again`)
}

/** "ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: reason" */
export function describeCause(event: StackEvent): string {
  const reason = event.ResourceStatusReason ? `: ${oneLine(event.ResourceStatusReason)}` : ''
  return `${event.LogicalResourceId} (${event.ResourceType}) ${event.ResourceStatus}${reason}`
}
