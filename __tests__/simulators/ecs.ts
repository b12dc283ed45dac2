import { startAwsSimulator, awsTestEnv, AwsFault, type AwsSimulator } from './aws.js'
import type { Fault, SimServer } from './http.js'
import { codeDeployOperations, CODEDEPLOY_PREFIX } from './ecs-codedeploy.js'
import { nativeConfiguration, nativeDeployments } from './ecs-native.js'
import { startElbSimulator } from './ecs-elb.js'
import {
  ACCOUNT,
  CLUSTER,
  REGION,
  SERVICE,
  TARGET_GROUP,
  seconds,
  type EcsSimOptions,
  type EcsWorld,
  type Json,
  type Step
} from './ecs-world.js'

export { LB_DNS, type Controller, type EcsSimOptions, type Scenario } from './ecs-world.js'

/**
 * ECS, CodeDeploy and ELBv2 as the real SDK clients see them: ECS and CodeDeploy over the AWS JSON
 * 1.1 protocol on one server, ELBv2 over the AWS Query protocol (form-encoded POST, XML answer) on
 * another. One cluster with one service; a deployment plays a scripted timeline that advances one
 * step per status call (DescribeServices, GetDeployment, DescribeServiceDeployments) or one step
 * per `stepMs` of its clock (`now`), the way ECS and CodeDeploy move on their own.
 */
export interface EcsSimulator {
  readonly aws: AwsSimulator
  readonly elb: SimServer
  /** Environment for the SDK clients: every endpoint pointed at the simulators. */
  readonly env: Record<string, string>
  readonly cluster: string
  readonly service: string
  /** Inputs of RegisterTaskDefinition, in order. */
  readonly registered: Record<string, unknown>[]
  readonly deregistered: string[]
  /** Inputs of UpdateService, in order. */
  readonly updates: Record<string, unknown>[]
  readonly stops: { operation: string; input: Record<string, unknown> }[]
  readonly createdDeployments: { appspec: Record<string, unknown> }[]
  /** ECS service deployments and CodeDeploy deployments as they stand now (on the clock). */
  serviceDeployments(): Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  codeDeployments(): Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  /** When the timeline reached the state the deploy must report (success or failure). */
  finalAt: number | undefined
  /** Times of the status calls the timeline is judged by. */
  readonly statusCalls: number[]
  /** Once `after` status calls were answered, fail the next `times` status calls with `fault`. */
  failStatusCalls(fault: Fault, options: { after: number; times: number }): void
  close(): Promise<void>
}

const ECS = 'AmazonEC2ContainerServiceV20141113'
const NATIVE = new Set(['blue_green', 'linear', 'canary'])
export const OLD_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api@sha256:${'a'.repeat(64)}`

/** Credentials that ran out mid-run, exactly as STS-signed calls are refused then. */
export const EXPIRED_TOKEN = {
  kind: 'status',
  status: 400,
  body: {
    __type: 'ExpiredTokenException',
    message: 'The security token included in the request is expired'
  }
} as const

const taskDefArn = (family: string, revision: number): string =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`

export async function startEcsSimulator(options: EcsSimOptions): Promise<EcsSimulator> {
  const desired = options.desiredCount ?? 2
  const taskDefinitions = new Map<string, Json>()
  const stoppedTasks: Json[] = []
  const events: Json[] = []
  let counter = 100
  const now = options.clock ?? options.now ?? Date.now
  const isNative = NATIVE.has(options.controller)

  function putTaskDefinition(input: Json): Json {
    const family = String(input.family)
    const revision = [...taskDefinitions.values()].filter(t => t.family === family).length + 1
    const definition: Json = {
      ...structuredClone(input),
      taskDefinitionArn: taskDefArn(family, revision),
      revision,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.ecr-auth' }],
      registeredAt: seconds(now()),
      registeredBy: `arn:aws:iam::${ACCOUNT}:role/deployer`
    }
    delete definition.tags
    // What ECS fills in for a container that leaves these out.
    for (const container of definition.containerDefinitions as Json[]) {
      container.cpu ??= 0
      container.essential ??= true
      container.environment ??= []
      container.mountPoints ??= []
      container.volumesFrom ??= []
    }
    taskDefinitions.set(definition.taskDefinitionArn, { ...definition, tags: input.tags ?? [] })
    return definition
  }

  const initial = putTaskDefinition({
    family: SERVICE,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'app',
        image: OLD_IMAGE,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]
      },
      { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable' }
    ],
    tags: [{ key: 'team', value: 'shop' }]
  })

  const deployment = (taskDefinition: string, fields: Json = {}): Json => ({
    id: `ecs-svc/${++counter}`,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount: desired,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: seconds(now()),
    updatedAt: seconds(now()),
    launchType: 'FARGATE',
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment in progress.',
    ...fields
  })

  const service: Json = {
    serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${CLUSTER}/${SERVICE}`,
    serviceName: SERVICE,
    clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
    status: 'ACTIVE',
    desiredCount: desired,
    runningCount: desired,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: initial.taskDefinitionArn,
    loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'app', containerPort: 8080 }],
    deploymentController: { type: options.controller === 'codedeploy' ? 'CODE_DEPLOY' : 'ECS' },
    deploymentConfiguration: isNative
      ? nativeConfiguration(options.controller, options.scenario)
      : {
          strategy: 'ROLLING',
          deploymentCircuitBreaker: { enable: true, rollback: true },
          maximumPercent: 200,
          minimumHealthyPercent: 100
        },
    deployments:
      options.controller === 'codedeploy'
        ? []
        : [
            deployment(initial.taskDefinitionArn, {
              runningCount: desired,
              rolloutState: 'COMPLETED'
            })
          ],
    taskSets: [],
    events
  }

  function event(message: string): void {
    events.unshift({
      id: `e-${++counter}`,
      createdAt: seconds(now()),
      message: `(service ${SERVICE}) ${message}`
    })
  }

  function stopTask(taskDefinition: string, stoppedReason: string, container: Json): void {
    const id = `${(++counter).toString(16).padStart(32, '0')}`
    stoppedTasks.push({
      taskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/${id}`,
      taskDefinitionArn: taskDefinition,
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: seconds(now()),
      stoppedReason,
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'app', lastStatus: 'STOPPED', ...container }]
    })
  }

  // The timeline: steps applied one per status call, or as their time comes (stepMs apart, or
  // each its own `ms` on a simulated clock), from the moment it starts.
  let steps: Step[] = []
  let applied = 0
  let nextAt = 0
  const statusCalls: number[] = []
  const sim = { finalAt: undefined as number | undefined }
  const timed = options.stepMs !== undefined || options.clock !== undefined
  const spacing = (index: number): number | undefined => {
    const { stepMs } = options
    return typeof stepMs === 'number' ? stepMs : stepMs?.[Math.min(index, stepMs.length - 1)]
  }
  const delay = (index: number): number =>
    (options.clock ? steps[index]?.ms : undefined) ?? spacing(index) ?? 5000
  function startTimeline(next: Step[]): void {
    steps = next
    applied = 0
    nextAt = now() + delay(0)
  }
  function advance(statusCall: boolean): void {
    // One reading of the clock, so a call is never recorded before a state it already shows.
    const at = now()
    if (statusCall) statusCalls.push(at)
    if (!timed) {
      if (statusCall && applied < steps.length) applyStep(at)
      return
    }
    while (applied < steps.length && nextAt <= at) {
      const due = nextAt
      applyStep(due)
      nextAt = due + delay(applied)
    }
  }
  function applyStep(at: number): void {
    const step = steps[applied++] as Step
    step.apply()
    if (step.final && sim.finalAt === undefined) sim.finalAt = at
  }

  const primary = (): Json =>
    (service.deployments as Json[]).find(d => d.status === 'PRIMARY') as Json

  function rollingSteps(ours: Json, previous: Json): Step[] {
    const s = options.scenario
    const first: Step = {
      apply: () => {
        ours.pendingCount = desired
        event(`has started ${desired} tasks.`)
      }
    }
    if (s === 'success') {
      return [
        first,
        { apply: () => Object.assign(ours, { pendingCount: desired - 1, runningCount: 1 }) },
        {
          apply: () => {
            Object.assign(ours, { pendingCount: 0, runningCount: desired })
            previous.runningCount = desired - 1
          }
        },
        {
          apply: () => {
            previous.runningCount = 0
            event(`has stopped ${desired} running tasks.`)
          }
        },
        {
          final: true,
          apply: () => {
            service.deployments = [ours]
            Object.assign(ours, {
              rolloutState: 'COMPLETED',
              rolloutStateReason: 'ECS deployment completed.'
            })
            service.taskDefinition = ours.taskDefinition
            event('has reached a steady state.')
          }
        }
      ]
    }
    if (s === 'circuit-breaker') {
      const fail = (): void => {
        ours.failedTasks += 2
        ours.pendingCount = 0
        stopTask(ours.taskDefinition, 'Essential container in task exited', { exitCode: 1 })
        stopTask(
          ours.taskDefinition,
          'Task failed ELB health checks in (target-group ' + TARGET_GROUP + ')',
          {
            exitCode: 137,
            reason: 'OutOfMemoryError: Container killed due to memory usage'
          }
        )
      }
      return [
        first,
        { apply: fail },
        { apply: () => Object.assign(ours, { pendingCount: desired }) },
        {
          final: true,
          apply: () => {
            fail()
            Object.assign(ours, {
              status: 'ACTIVE',
              rolloutState: 'FAILED',
              rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.'
            })
            const rollback = deployment(previous.taskDefinition, { runningCount: desired })
            service.deployments = [rollback, ours]
            event(`deployment ${ours.id} deployment failed: tasks failed to start.`)
            event(`rolling back to deployment ${rollback.id}.`)
          }
        },
        {
          apply: () => {
            service.deployments = [primary()]
            Object.assign(primary(), { rolloutState: 'COMPLETED' })
            event('has reached a steady state.')
          }
        }
      ]
    }
    if (s === 'disappears') {
      return [
        first,
        {
          final: true,
          apply: () => {
            service.deployments = [deployment(previous.taskDefinition, { runningCount: desired })]
          }
        }
      ]
    }
    return [first, { apply: () => Object.assign(ours, { pendingCount: 1, runningCount: 1 }) }]
  }

  function updateService(input: Json): Json {
    if (input.service !== SERVICE)
      throw new AwsFault('ServiceNotFoundException', 'Service not found.')
    if (service.deploymentController.type === 'CODE_DEPLOY' && input.taskDefinition) {
      throw new AwsFault(
        'InvalidParameterException',
        'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.'
      )
    }
    const td = taskDefinitions.get(input.taskDefinition)
    if (!td || td.status !== 'ACTIVE')
      throw new AwsFault('ClientException', 'TaskDefinition is inactive')
    updates.push(input)
    if (input.deploymentConfiguration)
      service.deploymentConfiguration = input.deploymentConfiguration
    const previous = primary()
    previous.status = 'ACTIVE'
    const ours = deployment(input.taskDefinition)
    service.deployments = [ours, previous]
    if (isNative) native.start(ours)
    else startTimeline(rollingSteps(ours, previous))
    return { service }
  }

  const created: { appspec: Record<string, unknown> }[] = []
  const registered: Record<string, unknown>[] = []
  const updates: Json[] = []
  const deregistered: string[] = []
  const stops: { operation: string; input: Record<string, unknown> }[] = []
  const world: EcsWorld = {
    options,
    desired,
    service,
    taskDefinitions,
    created,
    stops,
    nextId: () => ++counter,
    now,
    startTimeline,
    stopTimeline: () => {
      steps = []
    },
    advance
  }
  const native = nativeDeployments(world, ours => {
    service.deployments = [ours]
    Object.assign(ours, { rolloutState: 'COMPLETED', runningCount: desired })
    service.taskDefinition = ours.taskDefinition
  })
  const codedeploy = codeDeployOperations(world)

  const aws = await startAwsSimulator({
    [ECS]: {
      DescribeServices: input => {
        advance(options.controller === 'rolling')
        if (input.cluster !== CLUSTER)
          throw new AwsFault('ClusterNotFoundException', 'Cluster not found.')
        const found = (input.services as string[]).includes(SERVICE)
        return found
          ? { services: [service], failures: [] }
          : {
              services: [],
              failures: [{ arn: String((input.services as string[])[0]), reason: 'MISSING' }]
            }
      },
      DescribeTaskDefinition: input => {
        const key = String(input.taskDefinition)
        const td =
          taskDefinitions.get(key) ??
          [...taskDefinitions.values()].find(t => key === `${t.family}:${t.revision}`)
        if (!td) throw new AwsFault('ClientException', 'Unable to describe task definition.')
        const { tags, ...taskDefinition } = td
        return {
          taskDefinition,
          tags: (input.include as string[] | undefined)?.includes('TAGS') ? tags : undefined
        }
      },
      RegisterTaskDefinition: input => {
        registered.push(input)
        if (!Array.isArray(input.containerDefinitions) || input.containerDefinitions.length === 0) {
          throw new AwsFault('ClientException', 'Container definitions are required.')
        }
        const definition = putTaskDefinition(input)
        return { taskDefinition: definition, tags: input.tags ?? [] }
      },
      ListTaskDefinitions: input => ({
        taskDefinitionArns: [...taskDefinitions.values()]
          .filter(t => String(t.family).startsWith(String(input.familyPrefix ?? '')))
          .filter(t => !input.status || t.status === input.status)
          .sort((a, b) =>
            input.sort === 'DESC' ? b.revision - a.revision : a.revision - b.revision
          )
          .map(t => t.taskDefinitionArn)
      }),
      DeregisterTaskDefinition: input => {
        const td = taskDefinitions.get(String(input.taskDefinition))
        if (!td) throw new AwsFault('ClientException', 'Unable to describe task definition.')
        td.status = 'INACTIVE'
        deregistered.push(td.taskDefinitionArn)
        // The tags the simulator keeps beside it are no member of a TaskDefinition.
        const taskDefinition = { ...td }
        delete taskDefinition.tags
        return { taskDefinition }
      },
      UpdateService: updateService,
      ListTasks: input => ({
        taskArns: input.desiredStatus === 'STOPPED' ? stoppedTasks.map(t => t.taskArn) : []
      }),
      DescribeTasks: input => ({
        tasks: stoppedTasks.filter(t => (input.tasks as string[]).includes(t.taskArn)),
        failures: []
      }),
      ...native.operations
    },
    [CODEDEPLOY_PREFIX]: codedeploy.operations
  })

  const elb = await startElbSimulator()

  return {
    aws,
    elb,
    env: {
      ...awsTestEnv(aws.url, ['ECS', 'CODEDEPLOY']),
      AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: elb.url
    },
    cluster: CLUSTER,
    service: SERVICE,
    registered,
    deregistered,
    updates,
    stops,
    createdDeployments: created,
    serviceDeployments: native.all,
    codeDeployments: codedeploy.all,
    get finalAt() {
      return sim.finalAt
    },
    statusCalls,
    failStatusCalls(fault, { after, times }) {
      const statusOperation = {
        rolling: 'DescribeServices',
        codedeploy: 'GetDeployment',
        blue_green: 'DescribeServiceDeployments',
        linear: 'DescribeServiceDeployments',
        canary: 'DescribeServiceDeployments'
      }[options.controller]
      aws.faults.inject(fault, {
        times,
        match: r =>
          String(r.headers['x-amz-target']).endsWith(`.${statusOperation}`) &&
          statusCalls.length > after
      })
    },
    close: async () => {
      await Promise.all([aws.close(), elb.close()])
    }
  }
}
