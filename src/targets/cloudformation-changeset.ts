import type { Change, Stack } from '@aws-sdk/client-cloudformation'
import type { CloudFormationApi } from '../clients/cloudformation.js'
import { DeployError, errorMessage } from '../errors.js'
import { follow, formatDuration } from '../runtime/follow.js'
import type { CloudFormationTarget } from '../settings/types.js'
import type { DeployRequest, TargetContext } from './types.js'
import { asFailure, failedWaiting, oneLine, waitingIn } from './cloudformation-calls.js'
import { operationNames } from './cloudformation-stack.js'
import { stackParameters, stackTags, type TemplateSource } from './cloudformation-template.js'

/**
 * Step 2: a change set, followed until CloudFormation has worked out what it would change. The
 * changes are reported before anything is executed, so a reviewer sees each Add, Modify and
 * Remove (and every replacement) first. A change set without changes is a deploy with nothing to
 * do, never a failure.
 */

export interface ChangeSet {
  readonly id: string
  readonly name: string
  readonly stackId: string
  readonly type: 'CREATE' | 'UPDATE'
  readonly changes: readonly Change[]
}

export type PreparedChangeSet =
  | ({ readonly empty: false } & ChangeSet)
  | { readonly empty: true; readonly name: string; readonly reason: string }

/** What CloudFormation says when the template and parameters change nothing. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i

export async function prepareChangeSet(
  api: CloudFormationApi,
  request: DeployRequest<CloudFormationTarget>,
  stack: Stack | undefined,
  source: TemplateSource,
  context: TargetContext,
  timeoutMs: number
): Promise<PreparedChangeSet> {
  const { target, plan, service } = request
  // A stack made by an earlier CREATE change set that never ran still needs one of type CREATE.
  const type = stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE'
  const { name } = operationNames(plan.deploymentId, service.name)
  let created: { id: string; stackId: string }
  try {
    created = await api.createChangeSet(
      {
        StackName: target.stack,
        ChangeSetName: name,
        ClientToken: name,
        ChangeSetType: type,
        Description: `Deploy Pipeline ${plan.deploymentId}: ${service.name} at ${plan.commit.slice(0, 12)}`,
        ...source,
        Parameters: stackParameters(request),
        Capabilities: [...target.capabilities],
        Tags: stackTags(request),
        RoleARN: target.roleArn
      },
      context.signal
    )
  } catch (error) {
    if (error instanceof Error && error.name === 'InsufficientCapabilitiesException') {
      throw capabilityError(request, error.message)
    }
    throw asFailure('CreateChangeSet', error)
  }
  context.info(`Created change set ${name} (${type}) for stack ${target.stack}`)

  const look = api.forLook
  const { value: described } = await follow({
    describe: `change set ${name} of stack ${target.stack}`,
    ...waitingIn(context),
    timeoutMs,
    look: async signal => {
      const page = await look.changeSetPage(created.id, undefined, signal)
      const status = page.changeSet.Status
      if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
        return { done: false, progress: `change set ${name}: ${status}` }
      }
      return { done: true, value: page }
    }
  }).catch(
    failedWaiting(
      `following change set ${name}`,
      () =>
        `CloudFormation did not finish change set ${name} for stack ${target.stack} within ` +
        `deploy_timeout (${formatDuration(context.timeoutMs)}); nothing was executed.`
    )
  )

  const status = described.changeSet.Status
  const reason = oneLine(described.changeSet.StatusReason ?? '')
  if (status === 'FAILED' && NO_CHANGES.test(reason)) {
    await deleteQuietly(api, created.id, context)
    return { empty: true, name, reason }
  }
  if (status !== 'CREATE_COMPLETE') {
    if (/Requires capabilities/i.test(reason)) throw capabilityError(request, reason)
    throw new DeployError(
      'DEPLOY_FAILED',
      `CloudFormation could not make change set ${name} for stack ${target.stack}: ` +
        `${status}${reason ? `: ${reason}` : ''}`
    )
  }
  const changes = [...described.changes]
  for (let next = described.nextToken; next;) {
    const page = await api
      .changeSetPage(created.id, next, context.signal)
      .catch((error: unknown) => Promise.reject(asFailure('DescribeChangeSet', error)))
    changes.push(...page.changes)
    next = page.nextToken
  }
  return { empty: false, id: created.id, name, stackId: created.stackId, type, changes }
}

/**
 * CloudFormation asked for a capability the config does not grant: name it and the key to add
 * it to. CreateChangeSet refuses at once for most templates; transforms (SAM) fail the change set
 * with the same words.
 */
function capabilityError(
  request: DeployRequest<CloudFormationTarget>,
  reason: string
): DeployError {
  const missing =
    /\[([^\]]*)\]/
      .exec(reason)?.[1]
      ?.split(/[\s,]+/)
      .filter(Boolean) ?? []
  const what = missing.length > 0 ? missing.join(' and ') : 'a capability'
  return new DeployError(
    'INVALID_INPUT',
    `CloudFormation needs ${what} to deploy stack ${request.target.stack} ` +
      `(${oneLine(reason)}): add ${missing.length > 1 ? 'them' : 'it'} to ` +
      `services.${request.service.name}.deploy.cloudformation.capabilities.`
  )
}

async function deleteQuietly(
  api: CloudFormationApi,
  changeSetId: string,
  context: TargetContext
): Promise<void> {
  try {
    await api.deleteChangeSet(changeSetId, context.signal)
  } catch (error) {
    context.warning(`Could not delete the empty change set: ${oneLine(errorMessage(error))}`)
  }
}

// ---- reporting the changes ------------------------------------------------------------------

/** One change as a progress line; the job summary builds its table from `data.stackChange`. */
export function describeChange(change: Change): {
  message: string
  data: Record<string, unknown>
} {
  const resource = change.ResourceChange ?? {}
  const action = resource.Action ?? 'Change'
  const replacement = resource.Replacement
  const flag =
    replacement === 'True' || replacement === 'Conditional' ? ` [Replacement: ${replacement}]` : ''
  return {
    message: `CloudFormation change: ${action} ${resource.LogicalResourceId} (${resource.ResourceType})${flag}`,
    data: {
      stackChange: {
        action,
        logicalId: resource.LogicalResourceId,
        resourceType: resource.ResourceType,
        ...(resource.PhysicalResourceId ? { physicalId: resource.PhysicalResourceId } : {}),
        ...(replacement ? { replacement } : {})
      }
    }
  }
}

/** "3 changes (1 Add, 1 Modify, 1 Remove), 1 replacement" */
export function countChanges(changes: readonly Change[]): string {
  const byAction = new Map<string, number>()
  for (const change of changes) {
    const action = change.ResourceChange?.Action ?? 'Change'
    byAction.set(action, (byAction.get(action) ?? 0) + 1)
  }
  const actions = [...byAction].map(([action, n]) => `${n} ${action}`).join(', ')
  const replaced = changes.filter(c => c.ResourceChange?.Replacement === 'True').length
  const replacements = replaced > 0 ? `, ${replaced} replacement${replaced === 1 ? '' : 's'}` : ''
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${actions})${replacements}`
}
