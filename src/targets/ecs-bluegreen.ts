import type { DeploymentConfiguration, ServiceDeployment } from '@aws-sdk/client-ecs'
import { DeployError } from '../errors.js'
import type { EcsTarget } from '../settings/types.js'
import {
  DeploymentStory,
  describePlan,
  STRATEGY_LABEL,
  type NativeStrategy
} from './ecs-bluegreen-story.js'
import { shortName } from './ecs-taskdef.js'
import { explainFailure, watch, type Rollout } from './ecs-watch.js'
import { stopAbandoned } from './stop.js'

/**
 * The ECS native strategies (deployment controller ECS with deploymentConfiguration.strategy
 * BLUE_GREEN, LINEAR or CANARY; LINEAR and CANARY are blue/green that moves production traffic in
 * steps): UpdateService, then follow the service deployment through its lifecycle stages
 * (scale up, test traffic, production traffic, bake time, clean up) and hooks. Any rollback is a
 * failure. With wait_until: traffic_shifted the wait ends once production traffic is all on the
 * new revision, leaving ECS to bake and clean up.
 */

const FAILED = new Set([
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED'
])
const STOPPED = new Set(['STOPPED', 'STOP_REQUESTED'])
/** Stages after the production traffic shift is complete. */
const SHIFTED = new Set(['POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP'])

type NativeEnd =
  { ok: true; shifted?: ServiceDeployment } | { ok: false; deployment: ServiceDeployment }

export async function deployNative(rollout: Rollout, strategy: NativeStrategy): Promise<string> {
  const { api, target, context, service } = rollout
  const label = STRATEGY_LABEL[strategy]
  const deploymentConfiguration = configurationFor(target, service.deploymentConfiguration)
  const config = deploymentConfiguration ?? service.deploymentConfiguration
  const updated = await api.updateService(
    {
      cluster: target.cluster,
      service: target.service,
      taskDefinition: rollout.taskDefinitionArn,
      ...(deploymentConfiguration ? { deploymentConfiguration } : {})
    },
    context.signal
  )
  // ECS's own clock bounds the search, so a skewed runner clock cannot hide the deployment.
  const primary = updated.deployments?.find(d => d.status === 'PRIMARY')
  const createdAfter = new Date((primary?.createdAt?.getTime() ?? Date.now()) - 1000)
  context.progress(
    `ECS ${label} deployment of ${shortName(rollout.taskDefinitionArn)} requested: ` +
      describePlan(strategy, config),
    { task_definition_arn: rollout.taskDefinitionArn, strategy }
  )

  const story = new DeploymentStory(strategy, config)
  const now = context.now ?? Date.now
  let arn: string | undefined
  const end = await watch<NativeEnd>(
    rollout,
    `ECS ${label} deployment of ${target.service}`,
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
            progress: `ECS ${label}: waiting for the service deployment to be listed`
          }
      }
      const deployment = await look.describeServiceDeployment(arn, signal)
      if (!deployment) return { done: false, progress: `ECS ${label}: ${arn} not visible yet` }
      const lines = story.tell(deployment, now())
      const data = progressData(deployment, strategy, config)
      for (const line of lines) context.progress(line, data)
      const status = deployment.status ?? ''
      if (status === 'SUCCESSFUL') return { done: true, value: { ok: true } }
      if (FAILED.has(status) || STOPPED.has(status)) {
        return { done: true, value: { ok: false, deployment } }
      }
      if (target.waitUntil === 'traffic_shifted' && SHIFTED.has(deployment.lifecycleStage ?? '')) {
        return { done: true, value: { ok: true, shifted: deployment } }
      }
      return { done: false, moved: lines.length > 0 }
    }
  ).catch(error =>
    stopAbandoned(
      error,
      arn ? signal => api.stopServiceDeployment(arn as string, signal) : undefined,
      `stopped ECS service deployment ${arn ?? ''} with ROLLBACK`,
      context
    )
  )
  if (!end.ok) throw await failure(rollout, label, end.deployment)
  if (end.shifted) {
    const bake = config?.bakeTimeInMinutes
    context.progress(
      'production traffic is all on the new revision; returning ' +
        (bake ? `before the ${bake} min bake ends` : 'before ECS cleans up') +
        ' (wait_until: traffic_shifted). ECS goes on and can still roll back; watch it with: ' +
        `aws ecs describe-service-deployments --service-deployment-arns ${arn ?? ''}`,
      progressData(end.shifted, strategy, config)
    )
  }
  return arn as string
}

/**
 * The service's deployment configuration with the configured linear or canary settings, when
 * they change it; undefined when there is nothing to change. The whole configuration goes back,
 * so that hooks, alarms and bake time stay as they are.
 */
function configurationFor(
  target: EcsTarget,
  current: DeploymentConfiguration | undefined
): DeploymentConfiguration | undefined {
  if (target.strategy === 'linear' && target.linear) {
    const linear = {
      ...current?.linearConfiguration,
      ...defined({
        stepPercent: target.linear.stepPercent,
        stepBakeTimeInMinutes: target.linear.stepBakeMinutes
      })
    }
    if (same(linear, current?.linearConfiguration)) return undefined
    return { ...current, linearConfiguration: linear }
  }
  if (target.strategy === 'canary' && target.canary) {
    const canary = {
      ...current?.canaryConfiguration,
      ...defined({
        canaryPercent: target.canary.percent,
        canaryBakeTimeInMinutes: target.canary.bakeMinutes
      })
    }
    if (same(canary, current?.canaryConfiguration)) return undefined
    return { ...current, canaryConfiguration: canary }
  }
  return undefined
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined)
  ) as Partial<T>
}

function same<T extends object>(a: T, b: T | undefined): boolean {
  return Object.entries(a).every(([key, value]) => b?.[key as keyof T] === value)
}

async function failure(
  rollout: Rollout,
  label: string,
  deployment: ServiceDeployment
): Promise<DeployError> {
  const triggered = deployment.alarms?.triggeredAlarmNames ?? []
  const failedHooks = (deployment.lifecycleHookDetails ?? []).filter(
    h => h.status === 'FAILED' || h.status === 'TIMED_OUT'
  )
  const judged = triggered.length > 0 || failedHooks.length > 0
  const reason =
    deployment.rollback?.reason ?? deployment.statusReason ?? `status ${deployment.status}`
  const weight = deployment.targetServiceRevision?.requestedProductionTrafficWeight ?? 0
  const stage =
    (deployment.lifecycleStage ? ` during ${deployment.lifecycleStage}` : '') +
    (weight > 0 && weight < 100 ? ` at ${weight}% of production traffic` : '')
  const facts = [
    ...(triggered.length > 0 ? [`alarms in ALARM: ${triggered.join(', ')}`] : []),
    ...failedHooks.map(
      h => `hook ${h.hookId ?? ''} (${h.targetArn ?? h.targetType ?? ''}) ${h.status}`
    )
  ]
  const tasks = await explainFailure(rollout).catch(() => '')
  const what = STOPPED.has(deployment.status ?? '') ? 'was stopped' : 'rolled back'
  return new DeployError(
    judged ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED',
    `ECS ${label} deployment ${deployment.serviceDeploymentArn ?? ''} ${what}${stage} ` +
      `(${deployment.status}): ${reason}`,
    { details: [...facts, tasks].filter(Boolean).join('\n') || undefined }
  )
}

function progressData(
  d: ServiceDeployment,
  strategy: NativeStrategy,
  config: DeploymentConfiguration | undefined
): Record<string, unknown> {
  const target = d.targetServiceRevision
  return {
    service_deployment_arn: d.serviceDeploymentArn,
    strategy,
    status: d.status,
    lifecycle_stage: d.lifecycleStage,
    bake_time_minutes: config?.bakeTimeInMinutes,
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
    hooks: (d.lifecycleHookDetails ?? []).map(h => ({
      id: h.hookId,
      type: h.targetType,
      target: h.targetArn,
      status: h.status,
      expires_at: h.expiresAt?.toISOString()
    }))
  }
}
