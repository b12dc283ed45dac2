import type { Service, Task } from '@aws-sdk/client-ecs'
import type { EcsApi } from '../clients/ecs.js'
import { STOP_GRACE_MS } from '../runtime/deadline.js'
import { FIRST_MINUTE, follow } from '../runtime/follow.js'
import { describeRetry } from '../runtime/retry.js'
import type { EcsTarget } from '../settings/types.js'
import type { TargetContext } from './types.js'

/**
 * What every ECS strategy (rolling, blue/green, CodeDeploy) shares once the task definition is
 * registered: the rollout it follows, the one way of watching it, and the explanation of a
 * rollout that failed.
 */

/** What every ECS strategy works with once the task definition is registered. */
export interface Rollout {
  readonly api: EcsApi
  readonly target: EcsTarget
  /** The service as it was before the update. */
  readonly service: Service
  readonly taskDefinitionArn: string
  /** Its pollIntervalMs and timeoutMs are the service's own, resolved by the deploy phase. */
  readonly context: TargetContext
}

/**
 * One look of a strategy: over with a value, or still going with a line and its data. A strategy
 * that tells its own progress events says instead whether the look saw anything move.
 */
export type Step<T> =
  | { done: true; value: T }
  | { done: false; progress: string; data?: Record<string, unknown> }
  | { done: false; moved: boolean }

/**
 * Follows a deployment through the one follower, turning every change of its progress line into a
 * progress event (with the structured data of the look that produced it). Looks come every second
 * while the deployment is young and moving (FIRST_MINUTE), then every poll interval.
 */
export async function watch<T>(
  rollout: Rollout,
  describe: string,
  look: (api: EcsApi, signal: AbortSignal) => Promise<Step<T>>
): Promise<T> {
  const { context } = rollout
  const api = rollout.api.forLook
  let data: Record<string, unknown> | undefined
  const followed = await follow<T>({
    describe,
    intervalMs: context.pollIntervalMs,
    young: FIRST_MINUTE,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    look: async signal => {
      const step = await look(api, signal)
      if (step.done) return step
      if ('moved' in step) return step
      data = step.data
      return { done: false, progress: step.progress }
    },
    onProgress: message => context.progress(message, data),
    onRetry: retry => context.info(describeRetry(retry))
  })
  return followed.value
}

/**
 * Why tasks of the new task definition stopped, and what the service said last: the lines a
 * person would otherwise dig out of the console.
 */
export async function explainFailure(rollout: Rollout, service?: Service): Promise<string> {
  const { api, target } = rollout
  // Often after a timeout, the deploy's signal fired: explaining gets the grace a stop gets.
  const signal = AbortSignal.timeout(STOP_GRACE_MS)
  const tasks = await api.stoppedTasks(target.cluster, target.service, signal)
  const ours = tasks
    .filter(task => task.taskDefinitionArn === rollout.taskDefinitionArn)
    .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
    .slice(0, 3)
  const current = service ?? (await api.describeService(target.cluster, target.service, signal))
  const events = (current.events ?? [])
    .slice(0, 5)
    .map(e => `${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`)
  return [
    ...ours.map(describeStoppedTask),
    ...(events.length > 0 ? ['latest service events:', ...events] : [])
  ].join('\n')
}

function describeStoppedTask(task: Task): string {
  const id = task.taskArn?.slice(task.taskArn.lastIndexOf('/') + 1) ?? 'unknown'
  const containers = (task.containers ?? [])
    .filter(c => c.exitCode !== undefined || c.reason)
    .map(
      c =>
        `container ${c.name}: exit code ${c.exitCode ?? 'none'}${c.reason ? ` (${c.reason})` : ''}`
    )
  return [`task ${id}: ${task.stoppedReason ?? 'stopped'}`, ...containers].join('; ')
}
