import { afterEach, describe, expect, it } from '@jest/globals'
import { TEST_ACCESS_KEY } from './aws.js'
import { startCfnSimulator } from './cloudformation.js'
import { discordServerContract } from './contracts/discord.js'
import { startDiscordSimulator } from './discord.js'
import { startElbSimulator } from './ecs-elb.js'
import { startEcrSimulator } from './ecr.js'
import { startEcsSimulator } from './ecs.js'
import { startGitHubSimulator } from './github.js'
import { startHttpServer, type SimServer } from './http.js'
import { QueryFault, startQuerySimulator } from './aws-query.js'
import { startS3StandIn } from './s3.js'
import { startSlackSimulator } from './slack.js'
import { startSfnSimulator } from './stepfunctions.js'

/**
 * Each simulator takes only what the real service's own API description allows: a request off it
 * is refused the way that service refuses it, recorded, and fails the test at close() unless the
 * test takes it (as here). Argo CD's are in argocd-contract.test.ts. The registry and the
 * Kubernetes API server have no description in shared/specs, so their simulators are not held to
 * one.
 */

const closing: Array<{ close(): Promise<unknown> }> = []
afterEach(async () => {
  await Promise.all(closing.splice(0).map(s => s.close()))
})

function kept<T extends { close(): Promise<unknown> }>(sim: T): T {
  closing.push(sim)
  return sim
}

/** The violations the server recorded, handed over (its close() would fail on them). */
function taken(server: Pick<SimServer, 'contract'>) {
  const log = server.contract
  if (!log) throw new Error('the server is held to no API description')
  return log.take().map(({ direction, problems }) => ({ direction, problems }))
}

async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string }
): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const response = await fetch(url, init)
  const text = await response.text()
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

describe('Slack, against its Web API description', () => {
  const TOKEN = 'xoxb-contract-test'
  const call = async (method: string, body: string, verb = 'POST') => {
    const sim = kept(await startSlackSimulator({ token: TOKEN }))
    const answer = await send(`${sim.apiUrl}${method}`, {
      method: verb,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/x-www-form-urlencoded'
      },
      ...(verb === 'GET' ? {} : { body })
    })
    return { sim, answer }
  }

  it.each([
    ['an unknown argument', 'channel=C0DEPLOYS&text=hi&thread=1', 'unknown argument "thread"'],
    [
      'a string where a boolean belongs',
      'channel=C0DEPLOYS&text=hi&unfurl_links=sometimes',
      'argument unfurl_links: expected boolean, got "sometimes"'
    ],
    ['a missing required argument', 'text=hi', 'missing required argument "channel"']
  ])('answers %s with ok: false, invalid_arguments (HTTP 200)', async (_, body, problem) => {
    const { sim, answer } = await call('chat.postMessage', body)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: [`[ERROR] ${problem}`] }
    })
    expect(taken(sim)).toEqual([{ direction: 'request', problems: [problem] }])
    expect(sim.messages).toEqual([])
  })

  it('refuses a verb other than GET and POST, and a method the API does not have', async () => {
    const wrongVerb = await call('chat.postMessage', 'channel=C0DEPLOYS&text=hi', 'DELETE')
    expect(wrongVerb.answer.status).toBe(405)
    expect(taken(wrongVerb.sim)).toEqual([
      { direction: 'request', problems: ["Slack's Web API takes GET and POST, not DELETE"] }
    ])
    const unknown = await call('chat.postMessages', 'channel=C0DEPLOYS&text=hi')
    expect(unknown.answer.json()).toEqual({ ok: false, error: 'unknown_method' })
    expect(taken(unknown.sim)).toEqual([
      { direction: 'request', problems: ['no such method in the description'] }
    ])
  })

  it('fails the test at close for a violation no test took', async () => {
    const { sim } = await call('chat.postMessage', 'channel=C0DEPLOYS&text=hi&thread=1')
    closing.splice(closing.indexOf(sim), 1)
    await expect(sim.close()).rejects.toThrow(
      'the Slack simulator saw 1 call(s) its API description does not allow:\n' +
        '  request POST /api/chat.postMessage: unknown argument "thread"'
    )
  })
})

describe('Discord, against its OpenAPI description', () => {
  it.each([
    [
      'an unknown body field',
      { content: 'hi', colour: 'red' },
      { _errors: [{ code: 'SIMULATOR_CONTRACT', message: 'unknown field "colour"' }] },
      'body: unknown field "colour"'
    ],
    [
      'a string where an integer belongs',
      { embeds: [{ title: 'deploy', color: 'green' }] },
      {
        embeds: {
          0: {
            color: {
              _errors: [
                {
                  code: 'NUMBER_TYPE_COERCE',
                  message: 'expected integer or null, got the string "green"'
                }
              ]
            }
          }
        }
      },
      'body.embeds[0].color: expected integer or null, got the string "green"'
    ],
    [
      'content over its documented 2000 characters',
      { content: 'x'.repeat(2001) },
      {
        content: {
          _errors: [
            { code: 'BASE_TYPE_MAX_LENGTH', message: '2001 characters, at most 2000 allowed' }
          ]
        }
      },
      'body.content: 2001 characters, at most 2000 allowed'
    ]
  ])('answers %s with 400 50035 Invalid Form Body', async (_, body, errors, problem) => {
    const sim = kept(await startDiscordSimulator())
    const answer = await send(`${sim.webhookUrl}?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    expect(answer.status).toBe(400)
    expect(answer.json()).toEqual({ message: 'Invalid Form Body', code: 50035, errors })
    expect(taken(sim)).toEqual([{ direction: 'request', problems: [problem] }])
    expect(sim.messages).toEqual([])
  })

  it('answers a method the webhook does not have with 405', async () => {
    const sim = kept(await startDiscordSimulator())
    const answer = await send(sim.webhookUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'hi' })
    })
    expect(answer.status).toBe(405)
    expect(answer.json()).toEqual({ message: '405: Method Not Allowed', code: 0 })
    expect(taken(sim)).toEqual([
      {
        direction: 'request',
        problems: ['no PUT here: the description has only GET, POST, DELETE, PATCH']
      }
    ])
  })

  it('records an answer off the message schema', async () => {
    const server = kept(
      await startHttpServer(() => ({ status: 200, body: { id: 42, content: 'hi' } }), {
        contract: discordServerContract()
      })
    )
    await send(`${server.url}/api/webhooks/1/token?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'hi' })
    })
    const [answer] = taken(server)
    expect(answer?.direction).toBe('answer')
    expect(answer?.problems).toEqual(
      expect.arrayContaining([
        'answer 200.id: expected string, got number 42',
        'answer 200: missing required field "timestamp"'
      ])
    )
  })
})

describe("GitHub, against GitHub's OpenAPI description", () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const sim = kept(await startGitHubSimulator())
    const answer = await send(`${sim.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.token}`,
        'content-type': 'application/json; charset=utf-8'
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    return { sim, answer }
  }

  it.each([
    [
      'an unknown body field',
      { tag_name: 'v1.0.0', make_it_so: true },
      'body: unknown field "make_it_so"'
    ],
    [
      'a string where a boolean belongs',
      { tag_name: 'v1.0.0', draft: 'yes' },
      'body.draft: expected boolean, got the string "yes"'
    ],
    [
      'a value outside the enum',
      { tag_name: 'v1.0.0', make_latest: 'maybe' },
      'body.make_latest: the string "maybe" is not one of true, false, legacy'
    ]
  ])('answers %s with 422 Invalid request and creates nothing', async (_, body, problem) => {
    const { sim, answer } = await call('POST', '/repos/acme/shop/releases', body)
    expect(answer.status).toBe(422)
    expect(answer.json()).toMatchObject({ message: `Invalid request.\n\n${problem}` })
    expect(taken(sim)).toEqual([{ direction: 'request', problems: [problem] }])
    expect(sim.releases).toEqual([])
    expect(sim.writes).toEqual([])
  })

  it('answers a string where an integer belongs in the query with 422', async () => {
    const { sim, answer } = await call('GET', '/repos/acme/shop/releases?per_page=all')
    expect(answer.status).toBe(422)
    expect(taken(sim)).toEqual([
      {
        direction: 'request',
        problems: ['query parameter per_page: expected integer, got the string "all"']
      }
    ])
  })

  it('answers a method the path does not have with 404, as GitHub does', async () => {
    const { sim, answer } = await call('PUT', '/repos/acme/shop/releases', { tag_name: 'v1' })
    expect(answer.status).toBe(404)
    expect(answer.json()).toMatchObject({ message: 'Not Found' })
    expect(taken(sim)).toEqual([
      { direction: 'request', problems: ['no PUT here: the description has only GET, POST'] }
    ])
  })
})

/** A SigV4 Authorization header as far as the simulators read it: who signed, for what. */
function signed(service: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${TEST_ACCESS_KEY}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`
  }
}

describe('the AWS JSON services, against their models', () => {
  const ECS = 'AmazonEC2ContainerServiceV20141113'
  const ecs = async (operation: string, input: unknown) => {
    const sim = await startEcsSimulator({ controller: 'rolling', scenario: 'success' })
    closing.push(sim)
    const answer = await send(sim.aws.url, {
      method: 'POST',
      headers: {
        ...signed('ecs'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${ECS}.${operation}`
      },
      body: JSON.stringify(input)
    })
    return { sim, answer }
  }

  it.each([
    [
      'an operation ECS does not have',
      'DeployEverything',
      { cluster: 'shop' },
      'UnknownOperationException',
      'ecs has no operation DeployEverything'
    ],
    [
      'an unknown member',
      'UpdateService',
      { cluster: 'shop', service: 'api', forceRedeploy: true },
      'SerializationException',
      'input: UpdateServiceRequest has no member "forceRedeploy"'
    ],
    [
      'a string where an integer belongs',
      'UpdateService',
      { cluster: 'shop', service: 'api', desiredCount: '3' },
      'SerializationException',
      'input.desiredCount: expected an integer, got the string "3"'
    ],
    [
      'a value outside the enum',
      'UpdateService',
      { cluster: 'shop', service: 'api', deploymentConfiguration: { strategy: 'BIG_BANG' } },
      'ValidationException',
      "Value 'BIG_BANG' at 'input.deploymentConfiguration.strategy' failed to satisfy constraint: Member must satisfy enum value set: [BLUE_GREEN, CANARY, LINEAR, ROLLING]"
    ],
    [
      'a missing required member',
      'UpdateService',
      { cluster: 'shop' },
      'ValidationException',
      "Value null at 'input.service' failed to satisfy constraint: Member must not be null"
    ]
  ])('refuses %s as ECS does, and changes nothing', async (_, operation, input, type, problem) => {
    const { sim, answer } = await ecs(operation, input)
    expect(answer.status).toBe(400)
    expect(answer.json()).toMatchObject({ __type: type })
    expect(taken(sim.aws)).toEqual([{ direction: 'request', problems: [problem] }])
    expect(sim.aws.operations).toEqual([operation])
    expect(sim.stops).toEqual([])
  })

  it('knows what the July-2025 model lacks from the installed SDK: LINEAR and its configuration', async () => {
    const { sim, answer } = await ecs('UpdateService', {
      cluster: 'shop',
      service: 'api',
      deploymentConfiguration: {
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 5 }
      }
    })
    expect(answer.text).not.toMatch(/SerializationException|ValidationException/)
    expect(taken(sim.aws)).toEqual([])
  })

  it('refuses ECR and Step Functions calls off their models too', async () => {
    const ecr = kept(
      await startEcrSimulator({ url: 'http://127.0.0.1:1', password: 'p', stalePassword: 's' })
    )
    const created = await send(ecr.url, {
      method: 'POST',
      headers: {
        ...signed('ecr'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.CreateRepository'
      },
      body: JSON.stringify({ repositoryName: 'api', imageTagMutability: 'SOMETIMES' })
    })
    expect(created.json()).toMatchObject({ __type: 'ValidationException' })
    expect(taken(ecr)[0]?.problems[0]).toMatch(
      /^Value 'SOMETIMES' at 'input.imageTagMutability' failed to satisfy constraint: Member must satisfy enum value set: \[MUTABLE, IMMUTABLE/
    )
    expect(ecr.repositories.size).toBe(0)

    const sfn = kept(await startSfnSimulator())
    const started = await send(sfn.url, {
      method: 'POST',
      headers: {
        ...signed('states'),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSStepFunctions.StartExecution'
      },
      body: JSON.stringify({
        stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:x',
        input: {}
      })
    })
    expect(started.json()).toMatchObject({ __type: 'SerializationException' })
    expect(taken(sfn.aws)).toEqual([
      {
        direction: 'request',
        problems: ['input.input: expected a string, got an object']
      }
    ])
    expect(sfn.executions.size).toBe(0)

    const secret = await send(sfn.url, {
      method: 'POST',
      headers: {
        ...signed('secretsmanager'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.DeleteSecret'
      },
      body: JSON.stringify({ SecretId: 'deploy/1', RecoveryWindowInDays: 'seven' })
    })
    expect(secret.json()).toMatchObject({ __type: 'SerializationException' })
    expect(taken(sfn.aws)).toEqual([
      {
        direction: 'request',
        problems: ['input.RecoveryWindowInDays: expected an integer, got the string "seven"']
      }
    ])
  })

  it('refuses a CodeDeploy call off its model', async () => {
    const { sim, answer } = await ecs('DescribeServices', { cluster: 'shop', services: ['api'] })
    expect(answer.status).toBe(200)
    const stopped = await send(sim.aws.url, {
      method: 'POST',
      headers: {
        ...signed('codedeploy'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'CodeDeploy_20141006.StopDeployment'
      },
      body: JSON.stringify({ deploymentId: 'd-1', autoRollbackEnabled: 'yes' })
    })
    expect(stopped.json()).toMatchObject({ __type: 'SerializationException' })
    expect(taken(sim.aws)).toEqual([
      {
        direction: 'request',
        problems: ['input.autoRollbackEnabled: expected a boolean, got the string "yes"']
      }
    ])
    expect(sim.stops).toEqual([])
  })
})

describe('the AWS Query services, against their models', () => {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString()
  })

  it('refuses an STS call with a parameter GetCallerIdentity does not have', async () => {
    const ecs = await startEcsSimulator({ controller: 'rolling', scenario: 'success' })
    closing.push(ecs)
    const init = form({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      DurationSeconds: '900'
    })
    const answer = await send(ecs.aws.url, {
      ...init,
      headers: { ...init.headers, ...signed('sts') }
    })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('<Code>ValidationError</Code>')
    expect(taken(ecs.aws)).toEqual([
      {
        direction: 'request',
        problems: ['input: GetCallerIdentityRequest has no member "DurationSeconds"']
      }
    ])
  })

  it('refuses a CloudFormation call with a value outside its enum', async () => {
    const cfn = kept(await startCfnSimulator())
    const init = form({
      Action: 'CreateChangeSet',
      Version: '2010-05-15',
      StackName: 'shop',
      ChangeSetName: 'deploy-1',
      ChangeSetType: 'REPLACE',
      TemplateBody: '{}'
    })
    const answer = await send(cfn.url, {
      ...init,
      headers: { ...init.headers, ...signed('cloudformation') }
    })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('<Code>ValidationError</Code>')
    expect(taken(cfn.query)).toEqual([
      {
        direction: 'request',
        problems: [
          "Value 'REPLACE' at 'input.ChangeSetType' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, UPDATE, IMPORT]"
        ]
      }
    ])
    expect(cfn.calls).toEqual([])
  })

  it('refuses a CloudFormation map not sent as entries', async () => {
    const cfn = kept(await startCfnSimulator())
    const init = form({
      Action: 'CreateChangeSet',
      Version: '2010-05-15',
      StackName: 'shop',
      ChangeSetName: 'import-1',
      ChangeSetType: 'IMPORT',
      TemplateBody: '{}',
      'ResourcesToImport.member.1.ResourceType': 'AWS::S3::Bucket',
      'ResourcesToImport.member.1.LogicalResourceId': 'Assets',
      'ResourcesToImport.member.1.ResourceIdentifier.BucketName': 'shop-assets'
    })
    const answer = await send(cfn.url, {
      ...init,
      headers: { ...init.headers, ...signed('cloudformation') }
    })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('<Code>ValidationError</Code>')
    expect(taken(cfn.query)).toEqual([
      {
        direction: 'request',
        problems: [
          'input.ResourcesToImport.member.1.ResourceIdentifier: expected a map (input.ResourcesToImport.member.1.ResourceIdentifier.entry.N.key and .value)',
          "Value null at 'input.ResourcesToImport[0].ResourceIdentifier' failed to satisfy constraint: Member must not be null"
        ]
      }
    ])
    expect(cfn.calls).toEqual([])
  })

  it('refuses an ELBv2 call with a string where an integer belongs, or an unknown action', async () => {
    const elb = kept(await startElbSimulator())
    const paged = await send(
      elb.url,
      form({ Action: 'DescribeTargetGroups', Version: '2015-12-01', PageSize: 'all' })
    )
    expect(paged.status).toBe(400)
    expect(paged.text).toContain('<Code>ValidationError</Code>')
    const unknown = await send(
      elb.url,
      form({ Action: 'DescribeEverything', Version: '2015-12-01' })
    )
    expect(unknown.text).toContain('<Code>InvalidAction</Code>')
    expect(taken(elb)).toEqual([
      { direction: 'request', problems: ['input.PageSize: expected an integer'] },
      { direction: 'request', problems: ['no operation DescribeEverything'] }
    ])
  })

  it('answers an ARN ELBv2 does not have with the error that operation declares', async () => {
    const elb = kept(await startElbSimulator())
    const missing = await send(
      elb.url,
      form({
        Action: 'DescribeLoadBalancers',
        Version: '2015-12-01',
        'LoadBalancerArns.member.1': 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/nope'
      })
    )
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('<Code>LoadBalancerNotFound</Code>')
    expect(taken(elb)).toEqual([])
  })

  it('records an error code the operation does not declare, and an answer given as text', async () => {
    let calls = 0
    const sts = kept(
      await startQuerySimulator('sts-2011-06-15.normal.json', {
        GetCallerIdentity: () => {
          calls += 1
          if (calls === 1) throw new QueryFault('StackNotFound', 'not an STS error')
          return '<GetCallerIdentityResponse/>'
        }
      })
    )
    const init = form({ Action: 'GetCallerIdentity', Version: '2011-06-15' })
    const request = { ...init, headers: { ...init.headers, ...signed('sts') } }
    const failed = await send(sts.url, request)
    expect(failed.text).toContain('<Code>StackNotFound</Code>')
    const text = await send(sts.url, request)
    expect(text.status).toBe(200)
    expect(taken(sts)).toEqual([
      {
        direction: 'answer',
        problems: [
          'GetCallerIdentity answered the error StackNotFound, which it does not declare (none)'
        ]
      },
      { direction: 'answer', problems: ['a Query answer given as text, not as its output object'] }
    ])
  })
})

describe('S3, against its model (REST)', () => {
  const s3 = async (method: string, path: string, body?: string) => {
    const sim = kept(await startS3StandIn())
    sim.createBucket('templates')
    const answer = await send(`${sim.url}${path}`, {
      method,
      headers: { ...signed('s3'), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body })
    })
    return { sim, answer }
  }

  it('refuses a method S3 has nowhere on the path with 405 MethodNotAllowed', async () => {
    const { sim, answer } = await s3('PATCH', '/templates/stack.json', '{}')
    expect(answer.status).toBe(405)
    expect(answer.text).toContain('<Code>MethodNotAllowed</Code>')
    expect(taken(sim)).toEqual([
      {
        direction: 'request',
        problems: ['no PATCH here: the model has only DELETE, POST, PUT, GET, HEAD']
      }
    ])
    expect(sim.object('templates', 'stack.json')).toBeUndefined()
  })

  it('refuses a query parameter PutObject does not have, and text where an integer belongs', async () => {
    const put = await s3('PUT', '/templates/stack.json?x-id=PutObject&public=yes', '{}')
    expect(put.answer.status).toBe(400)
    expect(put.answer.text).toContain('<Code>InvalidArgument</Code>')
    expect(taken(put.sim)).toEqual([
      { direction: 'request', problems: ['PutObject has no query parameter "public"'] }
    ])
    expect(put.sim.object('templates', 'stack.json')).toBeUndefined()

    const head = await s3('HEAD', '/templates/stack.json?partNumber=first')
    expect(head.answer.status).toBe(400)
    expect(taken(head.sim)).toEqual([
      { direction: 'request', problems: ['input.PartNumber: expected an integer'] }
    ])
  })
})
