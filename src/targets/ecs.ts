import type { Service } from '@aws-sdk/client-ecs'
import { missingRegion } from '../clients/aws.js'
import { EcsApi } from '../clients/ecs.js'
import { asDeployError, DeployError, errorMessage } from '../errors.js'
import { describeRetry } from '../runtime/retry.js'
import type { EcsStrategy, EcsTarget } from '../settings/types.js'
import { deployCodeDeploy } from './codedeploy.js'
import { deployNative } from './ecs-bluegreen.js'
import { deployRolling } from './ecs-rolling.js'
import {
  familyOf,
  jsonSyntaxErrorAt,
  prepareTaskDefinition,
  readUserFile,
  revisionsToDeregister,
  shortName,
  type PreparedTaskDefinition,
  type TaskDefinitionJson
} from './ecs-taskdef.js'
import type { Rollout } from './ecs-watch.js'
import type { Deploy, DeployOutcome, DeployRequest, TargetContext } from './types.js'

/**
 * Deploys a service's image to ECS: a new task definition revision with the pushed image (by
 * digest), then the strategy's rollout, followed until it truly ends. Rolled back is failed.
 */
export const deploy: Deploy<EcsTarget> = async (request, context) => {
  const { target } = request
  const api = await EcsApi.create(
    target.region,
    retry => context.info(describeRetry(retry)),
    context.sleep
  )
  if (!(await api.region())) {
    const name = request.service.name
    throw new DeployError(
      'INVALID_INPUT',
      `${missingRegion(`ECS deploy of service '${name}'`, `services.${name}.deploy.ecs.region in the deploy config`)}.`
    )
  }
  try {
    return await deployWith(api, request, context)
  } catch (error) {
    const failure = asDeployError(error, 'DEPLOY_FAILED')
    // However the cancellation surfaced (an SDK abort, a stop that failed), it is a cancellation.
    if (context.signal.aborted && failure.code !== 'CANCELLED' && failure.code !== 'TIMEOUT') {
      throw new DeployError('CANCELLED', `ECS deploy of '${target.service}' was cancelled`, {
        cause: error
      })
    }
    throw failure
  }
}

async function deployWith(
  api: EcsApi,
  request: DeployRequest<EcsTarget>,
  context: TargetContext
): Promise<DeployOutcome> {
  const { target } = request
  const service = await api.describeService(target.cluster, target.service, context.signal)
  if (service.status !== 'ACTIVE') {
    throw new DeployError(
      'DEPLOY_FAILED',
      `ECS service '${target.service}' is ${service.status}, not ACTIVE.`
    )
  }
  checkController(target, service)
  const prepared = await prepare(api, request, service, context)
  for (const warning of prepared.warnings) context.warning(warning)
  const taskDefinitionArn = await register(api, prepared, service, context)
  const outputs: Record<string, string> = { task_definition_arn: taskDefinitionArn }
  const deploymentUrl = await loadBalancerUrl(api, service, context)

  if (!prepared.changed && service.taskDefinition === taskDefinitionArn) {
    context.info(
      `ECS service '${target.service}' already runs ${shortName(taskDefinitionArn)}; nothing to deploy.`
    )
    return { deploymentUrl, outputs }
  }
  const rollout: Rollout = { api, target, service, taskDefinitionArn, context }
  // checkController has refused codedeploy without its settings, so the second test always holds.
  if (target.strategy === 'codedeploy' && target.codedeploy) {
    outputs.codedeploy_deployment_id = await deployCodeDeploy(rollout, target.codedeploy)
  } else if (target.strategy !== 'rolling' && target.strategy !== 'codedeploy') {
    outputs.ecs_deployment_id = await deployNative(rollout, target.strategy)
  } else {
    outputs.ecs_deployment_id = await deployRolling(rollout)
  }
  await pruneRevisions(api, target, taskDefinitionArn, service, context)
  return { deploymentUrl, outputs }
}

/** The ECS controller's strategies past ROLLING, as deploy.ecs.strategy names them. */
const NATIVE: Record<string, EcsStrategy | undefined> = {
  BLUE_GREEN: 'blue_green',
  LINEAR: 'linear',
  CANARY: 'canary'
}

/**
 * The strategy must match how the service is deployed; checked before anything is registered, so
 * a wrong setting changes nothing.
 */
function checkController(target: EcsTarget, service: Service): void {
  const controller = service.deploymentController?.type ?? 'ECS'
  const strategy = service.deploymentConfiguration?.strategy ?? 'ROLLING'
  const actual: EcsStrategy | undefined =
    controller === 'CODE_DEPLOY'
      ? 'codedeploy'
      : controller === 'ECS'
        ? (NATIVE[strategy] ?? 'rolling')
        : undefined
  if (target.strategy === 'codedeploy' && !target.codedeploy) {
    throw new DeployError(
      'INVALID_INPUT',
      `deploy.ecs.strategy is codedeploy for '${target.service}' but deploy.ecs.codedeploy ` +
        '(application, deployment_group) is missing.'
    )
  }
  if (actual === target.strategy) return
  throw new DeployError(
    'INVALID_INPUT',
    `ECS service '${target.service}' uses the ${controller} deployment controller` +
      (controller === 'ECS' ? ` with the ${strategy} strategy` : '') +
      `, so deploy.ecs.strategy ${target.strategy} cannot deploy it; ` +
      (actual
        ? `set deploy.ecs.strategy to ${actual}.`
        : 'this action deploys services of the ECS (rolling, blue/green, linear, canary) and CODE_DEPLOY controllers only.')
  )
}

/** Start from the configured file or ARN, else from what the service runs now. */
async function prepare(
  api: EcsApi,
  request: DeployRequest<EcsTarget>,
  service: Service,
  context: TargetContext
): Promise<PreparedTaskDefinition> {
  const { target } = request
  const currentArn = service.taskDefinition
  const current = currentArn
    ? await api.describeTaskDefinition(currentArn, context.signal)
    : undefined
  let source: TaskDefinitionJson
  let tags = current?.tags ?? []
  let origin = `task definition ${shortName(currentArn)}`
  const configured = target.taskDefinition
  if (configured && configured.startsWith('arn:')) {
    const named = await api.describeTaskDefinition(configured, context.signal)
    source = named.taskDefinition as TaskDefinitionJson
    tags = named.tags
    origin = `task definition ${shortName(configured)}`
  } else if (configured) {
    source = await readTaskDefinitionFile(configured)
    origin = `task definition file ${configured}`
  } else if (current) {
    source = current.taskDefinition as TaskDefinitionJson
  } else {
    throw new DeployError(
      'INVALID_INPUT',
      `ECS service '${target.service}' has no task definition to start from; set deploy.ecs.task_definition.`
    )
  }
  const prepared = prepareTaskDefinition({
    source,
    current: current?.taskDefinition as TaskDefinitionJson | undefined,
    containers: target.containers,
    imageUri: request.imageUri,
    tags,
    registerKeys: api.registerKeys(),
    origin
  })
  for (const [container, [from, to]] of Object.entries(prepared.images)) {
    context.info(`container ${container}: ${from || '(no image)'} -> ${to}`)
  }
  return prepared
}

async function readTaskDefinitionFile(path: string): Promise<TaskDefinitionJson> {
  const text = await readUserFile(path, 'the task definition file')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // The parser's message quotes the file, which may hold plaintext environment values.
    throw new DeployError(
      'INVALID_INPUT',
      `The task definition file ${path} is not valid JSON (at ${jsonSyntaxErrorAt(text)}).`
    )
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) return json as TaskDefinitionJson
  throw new DeployError(
    'INVALID_INPUT',
    `The task definition file ${path} must hold a JSON object.`
  )
}

/** A new revision only when something changed; otherwise the service's own. */
async function register(
  api: EcsApi,
  prepared: PreparedTaskDefinition,
  service: Service,
  context: TargetContext
): Promise<string> {
  if (!prepared.changed && service.taskDefinition) return service.taskDefinition
  const registered = await api.registerTaskDefinition(prepared.input, context.signal)
  const arn = registered.taskDefinitionArn as string
  context.progress(`registered task definition ${shortName(arn)}`, { task_definition_arn: arn })
  return arn
}

/** keep_revisions: deregister older ACTIVE revisions, never the new one nor the one replaced. */
async function pruneRevisions(
  api: EcsApi,
  target: EcsTarget,
  taskDefinitionArn: string,
  previous: Service,
  context: TargetContext
): Promise<void> {
  if (target.keepRevisions === undefined) return
  const family = familyOf(taskDefinitionArn)
  try {
    const revisions = await api.listRevisions(family, context.signal)
    const inUse = [taskDefinitionArn, ...(previous.taskDefinition ? [previous.taskDefinition] : [])]
    const old = revisionsToDeregister(revisions, target.keepRevisions, family, inUse)
    for (const arn of old) await api.deregisterTaskDefinition(arn, context.signal)
    if (old.length > 0)
      context.info(
        `deregistered ${old.length} old revision(s) of ${family}: ${old.map(shortName).join(', ')}`
      )
  } catch (error) {
    // The deploy succeeded; tidying up after it is not worth failing it.
    context.warning(`Could not deregister old revisions of ${family}: ${errorMessage(error)}`)
  }
}

/** http://<load balancer DNS name> of the service's first target group, when it has one. */
async function loadBalancerUrl(
  api: EcsApi,
  service: Service,
  context: TargetContext
): Promise<string | undefined> {
  const targetGroupArn = service.loadBalancers?.find(lb => lb.targetGroupArn)?.targetGroupArn
  if (!targetGroupArn) return undefined
  try {
    const dns = await api.loadBalancerDns(targetGroupArn, context.signal)
    return dns ? `http://${dns}` : undefined
  } catch (error) {
    context.warning(
      `Could not read the load balancer of ${targetGroupArn} for deployment_url: ${errorMessage(error)}`
    )
    return undefined
  }
}
