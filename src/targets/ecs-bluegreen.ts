import type { ServiceDeployment } from '@aws-sdk/client-ecs'
import { DeployError } from '../errors.js'
import { shortName } from './ecs-taskdef.js'
import { explainFailure, watch, type Rollout } from './ecs-watch.js'
import { stopAbandoned } from './stop.js'

/**
 * strategy: blue_green (ECS native, deploymentConfiguration.strategy BLUE_GREEN): UpdateService,
 * then follow the service deployment through its lifecycle stages (scale up, test traffic,
 * production traffic, bake time, clean up) and hooks. Any rollback is a failure.
 */

const FAILED = new Set([
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED'
])
const STOPPED = new Set(['STOPPED', 'STOP_REQUESTED'])

type BlueGreenEnd = { ok: true } | { ok: false; deployment: ServiceDeployment }

export async function deployBlueGreen(rollout: Rollout): Promise<string> {
  const { api, target, context, service } = rollout
  const bakeMinutes = service.deploymentConfiguration?.bakeTimeInMinutes
  const updated = await api.updateService(
    { cluster: target.cluster, service: target.service, taskDefinition: rollout.taskDefinitionArn },
    context.signal
  )
  // ECS's own clock bounds the search, so a skewed runner clock cannot hide the deployment.
  const primary = updated.deployments?.find(d => d.status === 'PRIMARY')
  const createdAfter = new Date((primary?.createdAt?.getTime() ?? Date.now()) - 1000)
  context.progress(
    `ECS blue/green deployment of ${shortName(rollout.taskDefinitionArn)} requested`,
    {
      task_definition_arn: rollout.taskDefinitionArn
    }
  )

  let arn: string | undefined
  const end = await watch<BlueGreenEnd>(
    rollout,
    `ECS blue/green deployment of ${target.service}`,
    async (look, signal) => {
      if (!arn) {
        const listed = await look.listServiceDeployments(
          target.cluster,
          target.service,
          createdAfter,
          signal
        )
        const newest = [...listed].sort(
          (a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)
        )[0]
        arn = newest?.serviceDeploymentArn
        if (!arn)
          return {
            done: false,
            progress: 'ECS blue/green: waiting for the service deployment to be listed'
          }
      }
      const deployment = await look.describeServiceDeployment(arn, signal)
      if (!deployment) return { done: false, progress: `ECS blue/green: ${arn} not visible yet` }
      if (deployment.status === 'SUCCESSFUL') return { done: true, value: { ok: true } }
      if (FAILED.has(deployment.status ?? '') || STOPPED.has(deployment.status ?? '')) {
        return { done: true, value: { ok: false, deployment } }
      }
      return {
        done: false,
        progress: describeProgress(deployment, bakeMinutes),
        data: progressData(deployment, bakeMinutes)
      }
    }
  ).catch(error =>
    stopAbandoned(
      error,
      arn ? signal => api.stopServiceDeployment(arn as string, signal) : undefined,
      `stopped ECS service deployment ${arn ?? ''} with ROLLBACK`,
      context
    )
  )
  if (!end.ok) throw await failure(rollout, end.deployment)
  return arn as string
}

async function failure(rollout: Rollout, deployment: ServiceDeployment): Promise<DeployError> {
  const triggered = deployment.alarms?.triggeredAlarmNames ?? []
  const failedHooks = (deployment.lifecycleHookDetails ?? []).filter(h => h.status === 'FAILED')
  const judged = triggered.length > 0 || failedHooks.length > 0
  const reason =
    deployment.rollback?.reason ?? deployment.statusReason ?? `status ${deployment.status}`
  const stage = deployment.lifecycleStage ? ` during ${deployment.lifecycleStage}` : ''
  const facts = [
    ...(triggered.length > 0 ? [`alarms in ALARM: ${triggered.join(', ')}`] : []),
    ...failedHooks.map(h => `hook ${h.hookId ?? ''} (${h.targetArn ?? h.targetType ?? ''}) FAILED`)
  ]
  const tasks = await explainFailure(rollout).catch(() => '')
  const what = STOPPED.has(deployment.status ?? '') ? 'was stopped' : 'rolled back'
  return new DeployError(
    judged ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED',
    `ECS blue/green deployment ${deployment.serviceDeploymentArn ?? ''} ${what}${stage} ` +
      `(${deployment.status}): ${reason}`,
    { details: [...facts, tasks].filter(Boolean).join('\n') || undefined }
  )
}

function describeProgress(d: ServiceDeployment, bakeMinutes: number | undefined): string {
  const target = d.targetServiceRevision
  const parts = [`ECS blue/green ${d.status ?? ''}`.trim()]
  if (d.lifecycleStage) {
    const bake =
      d.lifecycleStage === 'BAKE_TIME' && bakeMinutes !== undefined ? ` (${bakeMinutes} min)` : ''
    parts.push(`stage ${d.lifecycleStage}${bake}`)
  }
  if (target) {
    parts.push(
      `green ${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0} running` +
        (target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : '')
    )
    if (target.requestedProductionTrafficWeight !== undefined) {
      parts.push(`production traffic ${target.requestedProductionTrafficWeight}%`)
    }
    if (target.requestedTestTrafficWeight !== undefined)
      parts.push(`test traffic ${target.requestedTestTrafficWeight}%`)
  }
  const hooks = (d.lifecycleHookDetails ?? []).filter(h => h.status && h.status !== 'SUCCEEDED')
  for (const hook of hooks) parts.push(`hook ${hook.hookId ?? hook.targetArn ?? ''} ${hook.status}`)
  return parts.join(': ')
}

function progressData(
  d: ServiceDeployment,
  bakeMinutes: number | undefined
): Record<string, unknown> {
  const target = d.targetServiceRevision
  return {
    service_deployment_arn: d.serviceDeploymentArn,
    status: d.status,
    lifecycle_stage: d.lifecycleStage,
    bake_time_minutes: bakeMinutes,
    traffic_percent: target?.requestedProductionTrafficWeight,
    test_traffic_percent: target?.requestedTestTrafficWeight,
    target: target && {
      requested: target.requestedTaskCount,
      running: target.runningTaskCount,
      pending: target.pendingTaskCount
    },
    sources: (d.sourceServiceRevisions ?? []).map(s => ({
      requested: s.requestedTaskCount,
      running: s.runningTaskCount
    })),
    hooks: (d.lifecycleHookDetails ?? []).map(h => ({ id: h.hookId, status: h.status }))
  }
}
