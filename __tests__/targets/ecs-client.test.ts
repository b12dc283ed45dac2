import { inspect } from 'node:util'
import { describe, expect, it } from '@jest/globals'
import { EcsApi } from '../../src/clients/ecs.js'
import { DeployError } from '../../src/errors.js'
import { deploy } from '../../src/targets/ecs.js'
import { THROTTLING } from '../simulators/aws.js'
import { LB_DNS } from '../simulators/ecs.js'
import { ecsRequest, recordingContext, ecsSimulators } from './ecs-fixtures.js'

const startSimulator = ecsSimulators()

const signal = () => AbortSignal.timeout(20_000)
/** Waits between attempts are asked for (the retry notices say how long) but not taken. */
const skipWait = async (): Promise<void> => undefined
const describeServices = (r: { headers: Record<string, unknown> }) =>
  String(r.headers['x-amz-target']).endsWith('.DescribeServices')

const elbError = (code: string, status = 400) => ({
  kind: 'status' as const,
  status,
  headers: { 'content-type': 'text/xml' },
  body:
    '<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type>' +
    `<Code>${code}</Code><Message>${code}</Message></Error><RequestId>r</RequestId></ErrorResponse>`
})

describe('EcsApi (the adapters, with the retry helper)', () => {
  it('answers through throttling, 5xx and a dropped connection', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.aws.faults.inject(THROTTLING, { match: describeServices })
    sim.aws.faults.inject({ kind: 'status', status: 502, body: {} }, { match: describeServices })
    sim.aws.faults.inject({ kind: 'reset' }, { match: describeServices })
    const retries: string[] = []
    const api = await EcsApi.create('us-east-1', retry => retries.push(retry.reason), skipWait)

    const service = await api.describeService('shop', 'api', signal())

    expect(service.serviceName).toBe('api')
    expect(service.deployments?.[0]?.createdAt).toBeInstanceOf(Date)
    expect(retries).toEqual([
      'throttled (ThrottlingException)',
      'HTTP 502',
      expect.stringMatching(/ECONNRESET|socket hang up/)
    ])
  })

  // A garbled body with something secret-looking that the SDK's parse error would quote.
  const garbled = { kind: 'malformed' as const, body: '{"note": pw-Zq81xv}' }
  const isCall = (operation: string) => (r: { headers: Record<string, unknown> }) =>
    String(r.headers['x-amz-target']).endsWith(`.${operation}`)

  it.each([
    [
      'UpdateService',
      (api: EcsApi) =>
        api.updateService({ cluster: 'shop', service: 'api', taskDefinition: 'api:1' }, signal())
    ],
    [
      'CreateDeployment',
      (api: EcsApi) =>
        api.createDeployment(
          { application: 'a', group: 'g', appspec: '{}', sha256: '0', description: 'd' },
          signal()
        )
    ]
  ])(
    'fails the mutation %s at once on an unreadable answer instead of sending it again',
    async (operation, call) => {
      const sim = await startSimulator({ controller: 'codedeploy', scenario: 'success' })
      sim.aws.faults.inject(garbled, { times: 3, match: isCall(operation) })
      const retries: string[] = []
      const api = await EcsApi.create('us-east-1', retry => retries.push(retry.reason), skipWait)

      const error = await call(api).catch((e: unknown) => e)

      expect(error).toBeInstanceOf(DeployError)
      expect((error as DeployError).message).toMatch(
        new RegExp(`${operation} answered HTTP 200 with a malformed body .* not sent again`)
      )
      expect(sim.aws.operations.filter(o => o === operation)).toHaveLength(1)
      expect(retries).toEqual([])
      expect(inspect(error, { depth: 10 })).not.toContain('pw-Zq81xv')
    }
  )

  it('asks a read again when its answer cannot be read, without quoting the answer', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.aws.faults.inject(garbled, { times: 1, match: describeServices })
    const retries: string[] = []
    const api = await EcsApi.create('us-east-1', retry => retries.push(retry.reason), skipWait)

    const service = await api.describeService('shop', 'api', signal())

    expect(service.serviceName).toBe('api')
    expect(sim.aws.faultsServed).toEqual(['malformed'])
    expect(sim.aws.operations.filter(o => o === 'DescribeServices')).toHaveLength(2)
    expect(retries).toEqual([
      'ECS DescribeServices answered HTTP 200 with a malformed body that could not be read'
    ])
  })

  it('names a missing service, a missing cluster (region and account) and a missing deployment group', async () => {
    await startSimulator({ controller: 'codedeploy', scenario: 'success' })
    const api = await EcsApi.create('us-east-1')
    await expect(api.describeService('shop', 'nope', signal())).rejects.toThrow(
      "ECS service 'nope' was not found in cluster 'shop' in us-east-1, account 123456789012."
    )
    await expect(api.describeService('shop-prod', 'api', signal())).rejects.toThrow(
      "ECS cluster 'shop-prod' was not found in us-east-1, account 123456789012: check the " +
        'cluster name, and that the credentials and the region are the ones of the account that has it.'
    )
    await expect(
      api.getDeploymentGroup('AppECS-shop-api', 'other', signal())
    ).rejects.toMatchObject({
      name: 'DeploymentGroupDoesNotExistException'
    })
  })

  it('reads the load balancer DNS name over the ELBv2 Query protocol, retrying its throttling', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.elb.faults.inject(elbError('Throttling'))
    const api = await EcsApi.create('us-east-1')
    const service = await api.describeService('shop', 'api', signal())
    const dns = await api.loadBalancerDns(
      service.loadBalancers?.[0]?.targetGroupArn as string,
      signal()
    )
    expect(dns).toBe(LB_DNS)
    expect(sim.elb.faultsServed).toEqual(['status'])
    const forms = sim.elb.requests.map(r => new URLSearchParams(r.body).get('Action'))
    expect(forms).toEqual(['DescribeTargetGroups', 'DescribeTargetGroups', 'DescribeLoadBalancers'])
  })

  it('deploys without deployment_url, with a warning, when the load balancer cannot be read', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.elb.faults.inject(elbError('AccessDenied', 403))
    const { context, log } = recordingContext()
    const outcome = await deploy(ecsRequest(), context)
    expect(outcome.deploymentUrl).toBeUndefined()
    expect(outcome.outputs?.ecs_deployment_id).toMatch(/^ecs-svc\//)
    expect(log.filter(r => r.kind === 'warning').map(r => r.message)).toEqual([
      expect.stringContaining('Could not read the load balancer')
    ])
  })

  it('turns rejected credentials into an actionable DeployError', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    sim.aws.faults.inject({
      kind: 'status',
      status: 400,
      body: {
        __type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.'
      }
    })
    const error = await deploy(ecsRequest(), recordingContext().context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeployError)
    expect((error as DeployError).message).toContain('configure-aws-credentials')
    const secret = process.env.AWS_SECRET_ACCESS_KEY as string
    expect(
      `${(error as DeployError).message} ${(error as DeployError).details ?? ''}`
    ).not.toContain(secret)
  })
})
