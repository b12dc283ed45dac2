import type { CloudFormationApi } from '../clients/cloudformation.js'
import type { CloudFormationTarget } from '../settings/types.js'
import { oneLine } from './cloudformation-calls.js'
import { isSettled } from './cloudformation-events.js'
import { unusable, whoIsRunning } from './cloudformation-stack.js'

/**
 * What a deploy would do to a stack, read-only (DescribeStacks, and one page of events when the
 * stack is busy, to say who is running): for the dry run and the preflight. No change set is made.
 * `blocked` is a stack the deploy would stop at (a failed rollback, ROLLBACK_COMPLETE with
 * on_rollback_complete: fail); the others are what the deploy would do.
 */
export interface StackPlan {
  readonly action: 'create' | 'update' | 'recreate' | 'wait' | 'blocked'
  readonly status: string | undefined
  readonly line: string
}

export async function describeStackForPlan(
  target: CloudFormationTarget,
  signal: AbortSignal,
  given?: CloudFormationApi
): Promise<StackPlan> {
  const api =
    given ??
    (await (await import('../clients/cloudformation.js')).CloudFormationApi.create(target.region))
  const name = target.stack
  const stack = await api.describeStack(name, signal)
  const status = stack?.StackStatus
  if (!stack || !status) {
    return {
      action: 'create',
      status,
      line: `stack ${name} does not exist: a CREATE change set would create it`
    }
  }
  if (status === 'REVIEW_IN_PROGRESS') {
    return {
      action: 'create',
      status,
      line: `stack ${name} exists without resources (REVIEW_IN_PROGRESS): a CREATE change set would create it`
    }
  }
  if (!isSettled(status)) {
    const running = await whoIsRunning(api, stack, signal)
    return {
      action: 'wait',
      status,
      line: `stack ${name} is busy (${status}, started by ${running.who}): the deploy would wait for it to finish, then make a change set`
    }
  }
  if (status === 'ROLLBACK_COMPLETE') {
    const reason = stack.StackStatusReason ? `: ${oneLine(stack.StackStatusReason)}` : ''
    return target.onRollbackComplete === 'recreate'
      ? {
          action: 'recreate',
          status,
          line: `stack ${name} is ROLLBACK_COMPLETE (its creation failed${reason}): it would be deleted and created again (on_rollback_complete: recreate)`
        }
      : {
          action: 'blocked',
          status,
          line: `stack ${name} is ROLLBACK_COMPLETE (its creation failed${reason}): the deploy would stop (on_rollback_complete: fail)`
        }
  }
  const refused = unusable(stack)
  if (refused) return { action: 'blocked', status, line: refused.message }
  return {
    action: 'update',
    status,
    line: `stack ${name} is ${status}: an UPDATE change set would show the changes, then apply them`
  }
}
