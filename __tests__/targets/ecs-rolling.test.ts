import { describe, expect, it } from '@jest/globals'
import { deploy } from '../../src/targets/ecs.js'
import { inspect } from 'node:util'
import { awsTestEnv, THROTTLING } from '../simulators/aws.js'
import { LB_DNS, OLD_IMAGE, EXPIRED_TOKEN } from '../simulators/ecs.js'
import {
  detection,
  ecsRequest,
  expectPollCadence,
  NEW_IMAGE,
  PINNED_IMAGE,
  recordingContext,
  ecsSimulators,
  deployFailure
} from './ecs-fixtures.js'

const startSimulator = ecsSimulators()

/** The secret access key the SDK signs with against the simulator: a value, not a name. */
const AWS_SECRET = awsTestEnv('http://unused', [])['AWS_SECRET_ACCESS_KEY']

/** Everything a deploy shows: log lines, progress with its data, and the error as printed. */
function shown(log: unknown, error?: unknown): string {
  return `${JSON.stringify(log)}\n${error === undefined ? '' : inspect(error, { depth: 10 })}`
}

describe('ECS rolling deploy (real @aws-sdk/client-ecs against the simulator)', () => {
  it('registers a revision with the pushed image by digest, follows it to COMPLETED and reports the load balancer', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    const { context, progress, log } = recordingContext()

    const outcome = await deploy(ecsRequest(), context)

    expect(outcome.deploymentUrl).toBe(`http://${LB_DNS}`)
    expect(outcome.outputs?.task_definition_arn).toMatch(/task-definition\/api:2$/)
    expect(outcome.outputs?.ecs_deployment_id).toMatch(/^ecs-svc\//)
    const [registered] = sim.registered
    const containers = registered?.containerDefinitions as { name: string; image: string }[]
    expect(containers.find(c => c.name === 'app')?.image).toBe(PINNED_IMAGE)
    expect(containers.find(c => c.name === 'log-router')?.image).toContain('aws-for-fluent-bit')
    for (const key of [
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt'
    ]) {
      expect(registered).not.toHaveProperty(key)
    }
    expect(registered?.tags).toEqual([{ key: 'team', value: 'shop' }])
    // Every change of the task counts became its own progress event, with the counts as data.
    const lines = progress().map(p => p.message)
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringContaining('api:2 (new) 0/2 running, 2 pending')])
    )
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringContaining('api:2 (new) 1/2 running, 1 pending')])
    )
    expect(new Set(lines).size).toBe(lines.length)
    const withCounts = progress().find(p => Array.isArray(p.data?.deployments))
    expect(withCounts?.data?.deployments).toEqual(
      expect.arrayContaining([expect.objectContaining({ revision: 2, desired: 2 })])
    )
    expect(
      log.some(r => r.kind === 'info' && r.message.includes(`${OLD_IMAGE} -> ${PINNED_IMAGE}`))
    ).toBe(true)
    expect(process.env.AWS_SECRET_ACCESS_KEY).toBe(AWS_SECRET)
    expect(shown(log)).not.toContain(AWS_SECRET)
  })

  it('calls a circuit breaker rollback a failure and explains it with stopped tasks and service events', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'circuit-breaker' })
    const recorded = recordingContext()
    const { context } = recorded

    const error = await deployFailure(deploy(ecsRequest(), context))

    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('circuit breaker: tasks failed to start')
    expect(error.message).toMatch(/Last stopped task \w+: /)
    expect(error.details).toContain(
      'container app: exit code 137 (OutOfMemoryError: Container killed due to memory usage)'
    )
    expect(error.details).toContain(
      'Essential container in task exited; container app: exit code 1'
    )
    expect(error.details).toContain('rolling back to deployment')
    expect(detection(sim).looksAfterFinal).toBe(1)
    expectPollCadence(recorded)
    expect(process.env.AWS_SECRET_ACCESS_KEY).toBe(AWS_SECRET)
    expect(shown(recorded.log, error)).not.toContain(AWS_SECRET)
  })

  it('calls a deployment that disappeared a failure, never a pass', async () => {
    await startSimulator({ controller: 'rolling', scenario: 'disappears' })
    const error = await deployFailure(deploy(ecsRequest(), recordingContext().context))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('disappeared')
  })

  it('gives TIMEOUT with the latest service events when the deployment outlives deploy_timeout', async () => {
    await startSimulator({ controller: 'rolling', scenario: 'never-ends' })
    const { context } = recordingContext({ intervalMs: 10, timeoutMs: 250 })

    const error = await deployFailure(deploy(ecsRequest(), context))

    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(/ECS deployment ecs-svc\/\d+ of api did not finish within 250 ms/)
    expect(error.details).toContain('has started 2 tasks')
  })

  it('rides out throttling, 5xx, a dropped connection and a garbled answer in the middle of the wait', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    // One blip per look, each on a different look of the wait.
    sim.failStatusCalls(THROTTLING, { after: 1, times: 1 })
    sim.failStatusCalls(
      {
        kind: 'status',
        status: 503,
        body: { __type: 'ServiceUnavailableException', message: 'busy' }
      },
      { after: 2, times: 1 }
    )
    sim.failStatusCalls({ kind: 'reset' }, { after: 3, times: 1 })
    sim.failStatusCalls({ kind: 'malformed' }, { after: 4, times: 1 })
    const { context, log } = recordingContext()

    const outcome = await deploy(ecsRequest(), context)

    expect(outcome.outputs?.ecs_deployment_id).toMatch(/^ecs-svc\//)
    expect(sim.aws.faultsServed).toEqual(['status', 'status', 'reset', 'malformed'])
    const retries = log.filter(r => r.kind === 'info' && r.message.includes('trying again'))
    expect(retries.map(r => r.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('throttled (ThrottlingException)'),
        expect.stringContaining('HTTP 503'),
        expect.stringContaining('malformed body')
      ])
    )
    expect(shown(log)).not.toContain(AWS_SECRET)
  })

  it('turns a hung status call into TIMEOUT rather than hanging the run', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.failStatusCalls({ kind: 'hang' }, { after: 2, times: 1 })
    const error = await deployFailure(
      deploy(ecsRequest(), recordingContext({ timeoutMs: 400 }).context)
    )
    expect(error.code).toBe('TIMEOUT')
  })

  it('points at the role session duration when credentials expire mid-wait', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.failStatusCalls(EXPIRED_TOKEN, { after: 2, times: 1 })
    const { context, log } = recordingContext()
    const error = await deployFailure(deploy(ecsRequest(), context))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('role session duration')
    expect(error.message).toContain('role-duration-seconds')
    expect(shown(log, error)).not.toContain(AWS_SECRET)
  })

  it('reports CANCELLED when the run is cancelled mid-wait', async () => {
    await startSimulator({ controller: 'rolling', scenario: 'never-ends' })
    const controller = new AbortController()
    const { context, progress } = recordingContext({ signal: controller.signal })
    const running = deploy(ecsRequest(), {
      ...context,
      progress: (message, data) => {
        context.progress(message, data)
        if (message.startsWith('ECS rolling:')) controller.abort()
      }
    })
    const error = await deployFailure(running)
    expect(error.code).toBe('CANCELLED')
    expect(error.message).toContain('cancelled while waiting for ECS deployment')
    expect(progress().some(p => p.message.startsWith('ECS rolling:'))).toBe(true)
  })

  it('registers nothing and starts no deployment when the service already runs the image', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    const outcome = await deploy(
      ecsRequest(
        {},
        `123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.3.0@sha256:${'a'.repeat(64)}`
      ),
      recordingContext().context
    )
    expect(sim.registered).toHaveLength(0)
    expect(sim.aws.operations).not.toContain('UpdateService')
    expect(outcome.outputs?.task_definition_arn).toMatch(/api:1$/)
  })

  it('keeps only keep_revisions revisions, never deregistering the one it replaced', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    await deploy(ecsRequest({ keepRevisions: 1 }), recordingContext().context)
    expect(sim.deregistered).toEqual([]) // api:1 is what the service ran before: the rollback target
    await deploy(
      ecsRequest({ keepRevisions: 1 }, NEW_IMAGE.replace(/b{64}/, 'c'.repeat(64))),
      recordingContext().context
    )
    expect(sim.deregistered).toEqual([expect.stringMatching(/api:1$/)])
  })

  it('refuses rolling on a service that CodeDeploy controls', async () => {
    const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const error = await deployFailure(
      deploy(ecsRequest({ strategy: 'rolling' }), recordingContext().context)
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain('CODE_DEPLOY')
    expect(sim.aws.operations).not.toContain('UpdateService')
  })
  /** Runs `use` with these variables of this process changed (undefined: removed), then restores them. */
  async function withEnv(
    changes: Record<string, string | undefined>,
    use: () => Promise<void>
  ): Promise<void> {
    const saved = Object.fromEntries(Object.keys(changes).map(key => [key, process.env[key]]))
    const apply = (values: Record<string, string | undefined>): void => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
    apply(changes)
    try {
      await use()
    } finally {
      apply(saved)
    }
  }

  it('names the service and what sets its region when there is none, and calls nothing', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    await withEnv({ AWS_REGION: undefined, AWS_CONFIG_FILE: '/nonexistent' }, async () => {
      const error = await deployFailure(
        deploy(ecsRequest({ region: undefined }), recordingContext().context)
      )
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toBe(
        "ECS deploy of service 'api' has no AWS region: set services.api.deploy.ecs.region in " +
          'the deploy config, or AWS_REGION for the job (aws-actions/configure-aws-credentials ' +
          'sets it from its aws-region input).'
      )
    })
    expect(sim.aws.operations).toEqual([])
  })

  it('says which step provides AWS credentials when the job has none', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    const none = {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_CONFIG_FILE: '/nonexistent'
    }
    await withEnv(none, async () => {
      const error = await deployFailure(deploy(ecsRequest(), recordingContext().context))
      expect(error.message).toBe(
        'No AWS credentials were found: add a step before this one: ' +
          'aws-actions/configure-aws-credentials with role-to-assume and aws-region, and give the ' +
          'job `permissions: id-token: write` (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).'
      )
    })
    expect(sim.aws.operations).toEqual([])
  })
})
