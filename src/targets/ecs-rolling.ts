import type { Deployment, Service } from '@aws-sdk/client-ecs'
import { DeployError } from '../errors.js'
import { revisionOf, shortName } from './ecs-taskdef.js'
import { explainFailure, watch, type Rollout } from './ecs-watch.js'

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
