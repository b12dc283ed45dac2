import type { Deployment, Service, Task } from '@aws-sdk/client-ecs'
import type { EcsApi } from '../clients/ecs.js'
import { DeployError } from '../errors.js'
import { follow } from '../runtime/follow.js'
import { describeRetry } from '../runtime/retry.js'
import type { EcsTarget } from '../settings/types.js'
import { familyOf, revisionOf } from './ecs-taskdef.js'
import type { TargetContext } from './types.js'

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

/** One look of a strategy: over with a value, or still going with a line and its data. */
export type Step<T> =
  { done: true; value: T } | { done: false; progress: string; data?: Record<string, unknown> }

/**
 * Follows a deployment through the one follower, turning every change of its progress line into a
 * progress event (with the structured data of the look that produced it).
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
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    look: async signal => {
      const step = await look(api, signal)
      if (step.done) return step
      data = step.data
      return { done: false, progress: step.progress }
    },
    onProgress: message => context.progress(message, data),
    onRetry: retry => context.info(describeRetry(retry))
  })
  return followed.value
}

type RollingEnd = { ok: true } | { ok: false; reason: string; service: Service }

/** strategy: rolling (ECS deployment controller): UpdateService, then follow the new deployment. */
export async function deployRolling(rollout: Rollout): Promise<string> {
  const { api, target, context } = rollout
  const updated = await api.updateService(
    { cluster: target.cluster, service: target.service, taskDefinition: rollout.taskDefinitionArn },
    context.signal
  )
  const ours = updated.deployments?.find(
    d => d.status === 'PRIMARY' && d.taskDefinition === rollout.taskDefinitionArn
  )
  if (!ours?.id) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `ECS UpdateService of '${target.service}' started no deployment.`
    )
  }
  const id = ours.id
  context.progress(`ECS deployment ${id} started: ${shortName(rollout.taskDefinitionArn)}`, {
    deployment_id: id,
    task_definition_arn: rollout.taskDefinitionArn
  })

  const end = await watch<RollingEnd>(
    rollout,
    `ECS deployment ${id} of ${target.service}`,
    async (look, signal) => {
      const service = await look.describeService(target.cluster, target.service, signal)
      const deployments = service.deployments ?? []
      const mine = deployments.find(d => d.id === id)
      if (!mine)
        return {
          done: true,
          value: { ok: false, reason: 'it disappeared from the service', service }
        }
      if (mine.rolloutState === 'FAILED') {
        const reason = mine.rolloutStateReason ?? 'its rollout failed'
        return { done: true, value: { ok: false, reason, service } }
      }
      if (mine.status !== 'PRIMARY') {
        const primary = deployments.find(d => d.status === 'PRIMARY')
        const by = primary
          ? `${primary.id} (${shortName(primary.taskDefinition)})`
          : 'another deployment'
        return { done: true, value: { ok: false, reason: `it was replaced by ${by}`, service } }
      }
      if (mine.rolloutState === 'COMPLETED') return { done: true, value: { ok: true } }
      // Without a rollout state (older agents), steady is: only ours left, all of it running.
      const steady = deployments.length === 1 && mine.runningCount === mine.desiredCount
      if (mine.rolloutState === undefined && steady) return { done: true, value: { ok: true } }
      return {
        done: false,
        progress: `ECS rolling: ${deployments.map(d => describeDeployment(d, id)).join(' · ')}`,
        data: { deployments: deployments.map(deploymentData) }
      }
    }
  ).catch(async error => {
    if (error instanceof DeployError && error.code === 'TIMEOUT') {
      const details = await explainFailure(rollout).catch(() => undefined)
      throw new DeployError('TIMEOUT', error.message, { details, cause: error })
    }
    throw error
  })

  if (!end.ok) {
    const details = await explainFailure(rollout, end.service).catch(() => undefined)
    const firstStop = details?.split('\n').find(line => line.startsWith('task '))
    throw new DeployError(
      'DEPLOY_FAILED',
      `ECS deployment ${id} of ${shortName(rollout.taskDefinitionArn)} to '${target.service}' failed: ` +
        // ECS's own rolloutStateReason already ends its sentence.
        `${end.reason.replace(/\.$/, '')}.${firstStop ? ` Last stopped ${firstStop}.` : ''}`,
      { details }
    )
  }
  return id
}

function describeDeployment(d: Deployment, ours: string): string {
  const role = d.id === ours ? 'new' : d.status === 'PRIMARY' ? 'primary' : 'old'
  const parts = [`${d.runningCount ?? 0}/${d.desiredCount ?? 0} running`]
  if (d.pendingCount) parts.push(`${d.pendingCount} pending`)
  if (d.failedTasks) parts.push(`${d.failedTasks} failed`)
  return `${shortName(d.taskDefinition)} (${role}) ${parts.join(', ')}`
}

function deploymentData(d: Deployment): Record<string, unknown> {
  return {
    id: d.id,
    status: d.status,
    task_definition: d.taskDefinition,
    revision: d.taskDefinition ? revisionOf(d.taskDefinition) : undefined,
    rollout_state: d.rolloutState,
    desired: d.desiredCount ?? 0,
    running: d.runningCount ?? 0,
    pending: d.pendingCount ?? 0,
    failed: d.failedTasks ?? 0
  }
}

/** `arn:...:task-definition/api:13` -> `api:13`. */
export function shortName(taskDefinitionArn: string | undefined): string {
  if (!taskDefinitionArn) return 'unknown task definition'
  return `${familyOf(taskDefinitionArn)}:${revisionOf(taskDefinitionArn) ?? '?'}`
}

/**
 * Why tasks of the new task definition stopped, and what the service said last: the lines a
 * person would otherwise dig out of the console.
 */
export async function explainFailure(rollout: Rollout, service?: Service): Promise<string> {
  const { api, target } = rollout
  const signal = AbortSignal.timeout(10_000)
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
