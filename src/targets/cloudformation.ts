import type { Stack } from '@aws-sdk/client-cloudformation'
import type { CloudFormationApi } from '../clients/cloudformation.js'
import { DeployError } from '../errors.js'
import type { CloudFormationTarget } from '../settings/types.js'
import {
  timeLeft,
  type Deploy,
  type DeployOutcome,
  type DeployRequest,
  type TargetContext
} from './types.js'
import { call, noticeRetry, oneLine } from './cloudformation-calls.js'
import {
  countChanges,
  describeChange,
  prepareChangeSet,
  type ChangeSet
} from './cloudformation-changeset.js'
import {
  expectedEvents,
  failureLines,
  followOperation,
  isStackItself,
  rootCause,
  type Operation,
  type OperationEnd
} from './cloudformation-events.js'
import { describeCause, stackAtRest } from './cloudformation-stack.js'
import { templateSource } from './cloudformation-template.js'
import { stopAbandoned } from './stop.js'

/**
 * CloudFormation deploys: one stack per service, deployed through a change set.
 *
 * 1. The stack as it stands: busy stacks are waited for, a failed creation is deleted and created
 *    again (or refused), a failed rollback explained (cloudformation-stack.ts).
 * 2. A change set, followed until it is ready; its changes reported before anything runs; no
 *    changes is a success with nothing to do (cloudformation-changeset.ts).
 * 3. The change set executed and followed through the stack's events (cloudformation-events.ts).
 * 4. The end: the stack's outputs become the service's, or the failure is explained by its root
 *    cause. A deadline or a cancel during an update cancels it, so it rolls back.
 */
export const deploy: Deploy<CloudFormationTarget> = async (request, context) => {
  const { CloudFormationApi } = await import('../clients/cloudformation.js')
  const api = await CloudFormationApi.create(request.target.region, noticeRetry(context))
  return deployStack(api, request, context)
}

export async function deployStack(
  api: CloudFormationApi,
  request: DeployRequest<CloudFormationTarget>,
  context: TargetContext
): Promise<DeployOutcome> {
  const { target } = request
  const remaining = timeLeft(context)

  const source = await templateSource(api, target, context)
  const before = await stackAtRest(api, request, context, remaining)
  const changeSet = await prepareChangeSet(api, request, before, source, context, remaining())
  if (changeSet.empty) {
    context.progress(
      `CloudFormation: stack ${target.stack} is up to date; the change set had no changes, nothing was executed`,
      { stackChanges: 0 }
    )
    const current = await call('DescribeStacks', () =>
      api.describeStack(target.stack, context.signal)
    )
    if (!current) {
      throw new DeployError('DEPLOY_FAILED', `Stack ${target.stack} disappeared during the deploy`)
    }
    return finish(api, request, current, context)
  }
  context.info(
    `Change set ${changeSet.name} for stack ${target.stack}: ${countChanges(changeSet.changes)}`
  )
  for (const change of changeSet.changes) {
    const { message, data } = describeChange(change)
    context.progress(message, data)
  }
  const end = await execute(api, request, changeSet, before, context, remaining)
  const status = end.stack.StackStatus ?? ''
  if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE') {
    return finish(api, request, end.stack, context)
  }
  throw failure(request, changeSet, end)
}

async function execute(
  api: CloudFormationApi,
  request: DeployRequest<CloudFormationTarget>,
  changeSet: ChangeSet,
  before: Stack | undefined,
  context: TargetContext,
  remaining: () => number
): Promise<OperationEnd> {
  const name = request.target.stack
  const operation: Operation = {
    stackId: changeSet.stackId,
    stackName: name,
    token: changeSet.name,
    statusBefore: before?.StackStatus,
    what: changeSet.type === 'CREATE' ? 'creation' : 'update',
    expectedEvents: expectedEvents(changeSet.changes.length)
  }
  await call('ExecuteChangeSet', () =>
    api.executeChangeSet({ changeSetId: changeSet.id, token: operation.token }, context.signal)
  )
  context.info(`Executing change set ${changeSet.name}: the ${operation.what} of stack ${name}`)
  return followOperation(api, operation, context, remaining()).catch(error =>
    changeSet.type === 'UPDATE'
      ? stopAbandoned(
          error,
          signal => api.cancelUpdateStack(operation.stackId, `${operation.token}-cancel`, signal),
          `cancelled the update of stack ${name} (CancelUpdateStack): CloudFormation rolls it back to its previous state`,
          context
        )
      : Promise.reject(creationLeftRunning(error, name))
  )
}

/** A creation cannot be cancelled: say that it goes on, and what happens if it fails. */
function creationLeftRunning(error: unknown, name: string): unknown {
  if (!(error instanceof DeployError)) return error
  if (error.code !== 'TIMEOUT' && error.code !== 'CANCELLED') return error
  return new DeployError(
    error.code,
    `${error.message}; the creation of stack ${name} goes on (CancelUpdateStack applies to ` +
      'updates only): if it fails, CloudFormation rolls it back and the next deploy creates it again',
    { cause: error }
  )
}

/** The operation ended without success: why, by its root cause rather than the cascade after it. */
function failure(
  request: DeployRequest<CloudFormationTarget>,
  changeSet: ChangeSet,
  end: OperationEnd
): DeployError {
  const { target } = request
  const status = end.stack.StackStatus ?? 'UNKNOWN'
  const cause = rootCause(end.events)
  // What the stack itself said along the way ("The following resource(s) failed to update: ...").
  const said = end.events
    .filter(
      e => isStackItself(e) && e.ResourceStatusReason && e.ResourceStatusReason !== 'User Initiated'
    )
    .map(
      e =>
        `${e.Timestamp?.toISOString() ?? ''} stack ${target.stack} ${e.ResourceStatus}: ` +
        oneLine(e.ResourceStatusReason ?? '')
    )
  const stackReason = end.stack.StackStatusReason ? oneLine(end.stack.StackStatusReason) : ''
  const because = cause
    ? describeCause(cause)
    : stackReason || said.at(-1) || 'CloudFormation gave no reason'
  const verb = changeSet.type === 'CREATE' ? 'creation' : 'update'
  const outcome = /ROLLBACK_COMPLETE$/.test(status) ? 'failed and was rolled back' : 'failed'
  const next =
    status === 'ROLLBACK_COMPLETE'
      ? target.onRollbackComplete === 'recreate'
        ? '; the next deploy deletes the stack and creates it again (on_rollback_complete: recreate)'
        : '; delete the stack before the next deploy (on_rollback_complete: fail)'
      : status === 'UPDATE_ROLLBACK_FAILED'
        ? `; its rollback failed too: once what blocks it is fixed, run \`aws cloudformation continue-update-rollback --stack-name ${target.stack}\``
        : status === 'ROLLBACK_FAILED'
          ? '; its rollback failed too, and CloudFormation will neither update nor create it ' +
            `again: delete it (\`aws cloudformation delete-stack --stack-name ${target.stack}\`, ` +
            '--retain-resources for what cannot be deleted), then deploy again'
          : ''
  return new DeployError(
    'DEPLOY_FAILED',
    `The CloudFormation ${verb} of stack ${target.stack} ${outcome} (${status}): ${because}${next}`,
    { details: [...failureLines(end.events), ...said].join('\n') }
  )
}

/** Outputs, the deployment URL, termination protection: what a deployed stack hands on. */
async function finish(
  api: CloudFormationApi,
  request: DeployRequest<CloudFormationTarget>,
  stack: Stack,
  context: TargetContext
): Promise<DeployOutcome> {
  const { target } = request
  const outputs: Record<string, string> = {}
  if (stack.StackId) outputs.stack_id = stack.StackId
  for (const output of stack.Outputs ?? []) {
    if (output.OutputKey && output.OutputValue !== undefined) {
      outputs[output.OutputKey] = output.OutputValue
    }
  }
  const deploymentUrl = target.urlOutput ? outputs[target.urlOutput] : undefined
  if (target.urlOutput && deploymentUrl === undefined) {
    const names = (stack.Outputs ?? []).map(o => o.OutputKey).join(', ') || 'none'
    context.warning(
      `url_output ${target.urlOutput} is not an output of stack ${target.stack} (its outputs: ${names})`
    )
  }
  const protect = target.terminationProtection
  if (protect !== undefined && (stack.EnableTerminationProtection ?? false) !== protect) {
    await call('UpdateTerminationProtection', () =>
      api.setTerminationProtection(stack.StackId ?? target.stack, protect, context.signal)
    )
    context.info(`Termination protection of stack ${target.stack} turned ${protect ? 'on' : 'off'}`)
  }
  return { ...(deploymentUrl ? { deploymentUrl } : {}), outputs }
}
