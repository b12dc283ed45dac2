import type {
  DeploymentConfiguration,
  ECSClient,
  Service,
  ServiceDeployment,
  ServiceDeploymentBrief,
  Tag,
  Task,
  TaskDefinition
} from '@aws-sdk/client-ecs'
import type {
  CodeDeployClient,
  DeploymentGroupInfo,
  DeploymentInfo,
  DeploymentTarget
} from '@aws-sdk/client-codedeploy'
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { DeployError } from '../errors.js'
import type { RetryNotice } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'
import { AwsCalls, awsClientConfig, resolvedRegion, type AwsCallBounds } from './aws.js'
import { whereInAws } from './sts.js'

/**
 * Thin adapters over the ECS, CodeDeploy and ELBv2 SDK clients: one method per call the ECS
 * target makes, returning the SDK's own shapes. The SDK modules are imported only when an ECS
 * deploy runs, so the action starts without them. Calls go through `AwsCalls`: reads may be
 * asked again when their answer cannot be read, changes not (they may have taken effect).
 */
type EcsSdk = typeof import('@aws-sdk/client-ecs')
type CodeDeploySdk = typeof import('@aws-sdk/client-codedeploy')
type ElbSdk = typeof import('@aws-sdk/client-elastic-load-balancing-v2')

interface Sdks {
  ecs: EcsSdk
  codedeploy: CodeDeploySdk
  elb: ElbSdk
  ecsClient: ECSClient
  codedeployClient: CodeDeployClient
  elbClient: ElasticLoadBalancingV2Client
}

/** Member names the installed SDK serialises for RegisterTaskDefinition (see ecs-taskdef.ts). */
export interface RegisterKeys {
  readonly taskDefinition: readonly string[]
  readonly container: readonly string[]
}

export class EcsApi {
  private constructor(
    private readonly sdk: Sdks,
    private readonly calls: AwsCalls
  ) {}

  static async create(
    region: string | undefined,
    onRetry?: (retry: RetryNotice) => void,
    sleep?: Sleep
  ): Promise<EcsApi> {
    const [ecs, codedeploy, elb] = await Promise.all([
      import('@aws-sdk/client-ecs'),
      import('@aws-sdk/client-codedeploy'),
      import('@aws-sdk/client-elastic-load-balancing-v2')
    ])
    const sdk: Sdks = {
      ecs,
      codedeploy,
      elb,
      ecsClient: new ecs.ECSClient(awsClientConfig(region)),
      codedeployClient: new codedeploy.CodeDeployClient(awsClientConfig(region)),
      elbClient: new elb.ElasticLoadBalancingV2Client(awsClientConfig(region))
    }
    return new EcsApi(sdk, new AwsCalls(onRetry, undefined, undefined, sleep))
  }

  /** The same clients, sending single attempts: for looks inside `follow`. */
  get forLook(): EcsApi {
    return new EcsApi(this.sdk, this.calls.forLook)
  }

  /** The same clients within other bounds: the preflight's few, short attempts. */
  within(bounds: AwsCallBounds): EcsApi {
    return new EcsApi(this.sdk, this.calls.within(bounds))
  }

  /** The region the clients resolved, or undefined when none is set anywhere. */
  region(): Promise<string | undefined> {
    return resolvedRegion(this.sdk.ecsClient)
  }

  /** Member lists read from the SDK's own schemas; undefined when their shape is not known. */
  registerKeys(): RegisterKeys | undefined {
    const request = memberNames(
      (this.sdk.ecs as Record<string, unknown>)['RegisterTaskDefinitionRequest$']
    )
    const container = memberNames((this.sdk.ecs as Record<string, unknown>)['ContainerDefinition$'])
    return request && container ? { taskDefinition: request, container } : undefined
  }

  /** The service, or undefined when the cluster has no service of that name. */
  async findService(
    cluster: string,
    service: string,
    signal: AbortSignal
  ): Promise<Service | undefined> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.read(
      ecsClient,
      new ecs.DescribeServicesCommand({ cluster, services: [service] }),
      'ECS DescribeServices',
      signal
    )
    return output.services?.[0]
  }

  /**
   * The service; a DeployError naming the cluster, the region and the account when the cluster or
   * the service is not there (the usual cause: another region or account than the one meant).
   */
  async describeService(cluster: string, service: string, signal: AbortSignal): Promise<Service> {
    const found = await this.findService(cluster, service, signal).catch(async (error: unknown) => {
      if (!(error instanceof this.sdk.ecs.ClusterNotFoundException)) throw error
      const where = await whereInAws(await this.region(), signal)
      throw new DeployError(
        'DEPLOY_FAILED',
        `ECS cluster '${cluster}' was not found ${where}: check the cluster name, and that the ` +
          'credentials and the region are the ones of the account that has it.',
        { cause: error }
      )
    })
    if (!found) {
      const where = await whereInAws(await this.region(), signal)
      throw new DeployError(
        'DEPLOY_FAILED',
        `ECS service '${service}' was not found in cluster '${cluster}' ${where}.`
      )
    }
    return found
  }

  async describeTaskDefinition(
    taskDefinition: string,
    signal: AbortSignal
  ): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] }> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.read(
      ecsClient,
      new ecs.DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }),
      'ECS DescribeTaskDefinition',
      signal
    )
    if (!output.taskDefinition) {
      throw new DeployError('DEPLOY_FAILED', `ECS has no task definition '${taskDefinition}'.`)
    }
    return { taskDefinition: output.taskDefinition, tags: output.tags ?? [] }
  }

  async registerTaskDefinition(
    input: Record<string, unknown>,
    signal: AbortSignal
  ): Promise<TaskDefinition> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.change(
      ecsClient,
      new ecs.RegisterTaskDefinitionCommand(input as never),
      'ECS RegisterTaskDefinition',
      signal
    )
    if (!output.taskDefinition?.taskDefinitionArn) {
      throw new DeployError(
        'DEPLOY_FAILED',
        'ECS RegisterTaskDefinition answered without a task definition.'
      )
    }
    return output.taskDefinition
  }

  /** ACTIVE revisions of one family, newest first. */
  async listRevisions(family: string, signal: AbortSignal): Promise<string[]> {
    const { ecs, ecsClient } = this.sdk
    const arns: string[] = []
    let nextToken: string | undefined
    do {
      const output = await this.calls.read(
        ecsClient,
        new ecs.ListTaskDefinitionsCommand({
          familyPrefix: family,
          status: 'ACTIVE',
          sort: 'DESC',
          nextToken
        }),
        'ECS ListTaskDefinitions',
        signal
      )
      arns.push(...(output.taskDefinitionArns ?? []))
      nextToken = output.nextToken
    } while (nextToken)
    return arns
  }

  async deregisterTaskDefinition(taskDefinition: string, signal: AbortSignal): Promise<void> {
    const { ecs, ecsClient } = this.sdk
    await this.calls.change(
      ecsClient,
      new ecs.DeregisterTaskDefinitionCommand({ taskDefinition }),
      'ECS DeregisterTaskDefinition',
      signal
    )
  }

  async updateService(
    input: {
      cluster: string
      service: string
      taskDefinition: string
      forceNewDeployment?: boolean
      /** The whole configuration: ECS replaces it, so what is left out falls back to defaults. */
      deploymentConfiguration?: DeploymentConfiguration
    },
    signal: AbortSignal
  ): Promise<Service> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.change(
      ecsClient,
      new ecs.UpdateServiceCommand(input),
      'ECS UpdateService',
      signal
    )
    if (!output.service)
      throw new DeployError('DEPLOY_FAILED', 'ECS UpdateService answered without the service.')
    return output.service
  }

  /** The newest stopped tasks of a service, for explaining a failed deployment. */
  async stoppedTasks(cluster: string, service: string, signal: AbortSignal): Promise<Task[]> {
    const { ecs, ecsClient } = this.sdk
    const listed = await this.calls.read(
      ecsClient,
      new ecs.ListTasksCommand({
        cluster,
        serviceName: service,
        desiredStatus: 'STOPPED',
        maxResults: 100
      }),
      'ECS ListTasks',
      signal
    )
    const taskArns = listed.taskArns ?? []
    if (taskArns.length === 0) return []
    const described = await this.calls.read(
      ecsClient,
      new ecs.DescribeTasksCommand({ cluster, tasks: taskArns }),
      'ECS DescribeTasks',
      signal
    )
    return described.tasks ?? []
  }

  async listServiceDeployments(
    cluster: string,
    service: string,
    createdAfter: Date,
    signal: AbortSignal
  ): Promise<ServiceDeploymentBrief[]> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.read(
      ecsClient,
      new ecs.ListServiceDeploymentsCommand({
        cluster,
        service,
        createdAt: { after: createdAfter }
      }),
      'ECS ListServiceDeployments',
      signal
    )
    return output.serviceDeployments ?? []
  }

  async describeServiceDeployment(
    arn: string,
    signal: AbortSignal
  ): Promise<ServiceDeployment | undefined> {
    const { ecs, ecsClient } = this.sdk
    const output = await this.calls.read(
      ecsClient,
      new ecs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
      'ECS DescribeServiceDeployments',
      signal
    )
    return output.serviceDeployments?.[0]
  }

  async stopServiceDeployment(arn: string, signal: AbortSignal): Promise<void> {
    const { ecs, ecsClient } = this.sdk
    await this.calls.change(
      ecsClient,
      new ecs.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
      'ECS StopServiceDeployment',
      signal
    )
  }

  async getDeploymentGroup(
    application: string,
    group: string,
    signal: AbortSignal
  ): Promise<DeploymentGroupInfo> {
    const { codedeploy, codedeployClient } = this.sdk
    const output = await this.calls.read(
      codedeployClient,
      new codedeploy.GetDeploymentGroupCommand({
        applicationName: application,
        deploymentGroupName: group
      }),
      'CodeDeploy GetDeploymentGroup',
      signal
    )
    if (!output.deploymentGroupInfo) {
      throw new DeployError(
        'DEPLOY_FAILED',
        `CodeDeploy has no deployment group '${group}' in application '${application}'.`
      )
    }
    return output.deploymentGroupInfo
  }

  async createDeployment(
    input: {
      application: string
      group: string
      appspec: string
      sha256: string
      description: string
    },
    signal: AbortSignal
  ): Promise<string> {
    const { codedeploy, codedeployClient } = this.sdk
    const output = await this.calls.change(
      codedeployClient,
      new codedeploy.CreateDeploymentCommand({
        applicationName: input.application,
        deploymentGroupName: input.group,
        description: input.description,
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: input.appspec, sha256: input.sha256 }
        }
      }),
      'CodeDeploy CreateDeployment',
      signal
    )
    if (!output.deploymentId) {
      throw new DeployError(
        'DEPLOY_FAILED',
        'CodeDeploy CreateDeployment answered without a deployment id.'
      )
    }
    return output.deploymentId
  }

  async getDeployment(deploymentId: string, signal: AbortSignal): Promise<DeploymentInfo> {
    const { codedeploy, codedeployClient } = this.sdk
    const output = await this.calls.read(
      codedeployClient,
      new codedeploy.GetDeploymentCommand({ deploymentId }),
      'CodeDeploy GetDeployment',
      signal
    )
    if (!output.deploymentInfo) {
      throw new DeployError('DEPLOY_FAILED', `CodeDeploy has no deployment ${deploymentId}.`)
    }
    return output.deploymentInfo
  }

  /** The deployment's ECS targets: lifecycle events and task sets with their traffic weight. */
  async deploymentTargets(
    deploymentId: string,
    targetIds: readonly string[] | undefined,
    signal: AbortSignal
  ): Promise<{ targetIds: string[]; targets: DeploymentTarget[] }> {
    const { codedeploy, codedeployClient } = this.sdk
    let ids = targetIds ? [...targetIds] : []
    if (ids.length === 0) {
      const listed = await this.calls.read(
        codedeployClient,
        new codedeploy.ListDeploymentTargetsCommand({ deploymentId }),
        'CodeDeploy ListDeploymentTargets',
        signal
      )
      ids = listed.targetIds ?? []
    }
    if (ids.length === 0) return { targetIds: [], targets: [] }
    const output = await this.calls.read(
      codedeployClient,
      new codedeploy.BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids }),
      'CodeDeploy BatchGetDeploymentTargets',
      signal
    )
    return { targetIds: ids, targets: output.deploymentTargets ?? [] }
  }

  async stopDeployment(
    deploymentId: string,
    autoRollbackEnabled: boolean,
    signal: AbortSignal
  ): Promise<void> {
    const { codedeploy, codedeployClient } = this.sdk
    await this.calls.change(
      codedeployClient,
      new codedeploy.StopDeploymentCommand({ deploymentId, autoRollbackEnabled }),
      'CodeDeploy StopDeployment',
      signal
    )
  }

  /** DNS name of the load balancer in front of a target group, when there is one. */
  async loadBalancerDns(targetGroupArn: string, signal: AbortSignal): Promise<string | undefined> {
    const { elb, elbClient } = this.sdk
    const groups = await this.calls.read(
      elbClient,
      new elb.DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] }),
      'ELBv2 DescribeTargetGroups',
      signal
    )
    const loadBalancerArn = groups.TargetGroups?.[0]?.LoadBalancerArns?.[0]
    if (!loadBalancerArn) return undefined
    const balancers = await this.calls.read(
      elbClient,
      new elb.DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] }),
      'ELBv2 DescribeLoadBalancers',
      signal
    )
    return balancers.LoadBalancers?.[0]?.DNSName
  }
}

/** Member names of an SDK structure schema: `[3, namespace, name, traits, members, schemas]`. */
function memberNames(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return undefined
  const names = schema[4] as unknown[]
  return names.every(name => typeof name === 'string') ? (names as string[]) : undefined
}
