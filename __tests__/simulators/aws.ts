import { awsServerContract } from './contracts/aws-servers.js'
import { startHttpServer, type SimRequest, type SimResponse, type SimServer } from './http.js'

/**
 * The AWS JSON protocol (1.0 and 1.1) as the real SDK v3 clients speak it: POST /, the operation in
 * `X-Amz-Target: <ServicePrefix>.<Operation>`, a JSON body in and out, errors as
 * `{"__type": "...", "message": "..."}` with a 4xx/5xx status. Each service simulator registers
 * its operations; one server can host several services (point every AWS_ENDPOINT_URL_* at it).
 *
 * Every simulator also answers STS GetCallerIdentity over the Query protocol (a form-encoded POST
 * with Action and Version, an XML answer), and, like AWS, refuses a request signed with an access
 * key it does not know: JSON services with UnrecognizedClientException, STS with
 * InvalidClientTokenId. `identities` are the keys it knows (awsTestEnv's key by default).
 *
 * Every call is checked against the service's own model first (contracts/aws.ts): an operation,
 * member, type or value the model does not have is refused as AWS refuses it, and an answer off
 * the output shape is recorded; close() fails for either.
 */
export type AwsOperation = (input: Record<string, unknown>, request: SimRequest) => unknown

export class AwsFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

export interface AwsSimulator extends SimServer {
  /** Operations called, in order: "AmazonEC2ContainerServiceV20141113.DescribeServices". */
  readonly calls: string[]
  /** Operation names only, in order: "DescribeServices". */
  readonly operations: string[]
  /** Access key id -> who it is; a request signed with another key is refused. */
  readonly identities: Map<string, AwsIdentity>
  register(prefix: string, operations: Record<string, AwsOperation>): void
}

export interface AwsIdentity {
  readonly account: string
  readonly arn: string
  readonly userId: string
}

export const TEST_ACCESS_KEY = 'AKIDSIMULATOR'
export const TEST_IDENTITY: AwsIdentity = {
  account: '123456789012',
  arn: 'arn:aws:sts::123456789012:assumed-role/deployer/GitHubActions',
  userId: 'AROASIMULATOR:GitHubActions'
}

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

/** Throttling exactly as AWS answers it, for FaultPlan.inject. */
export const THROTTLING = {
  kind: 'status',
  status: 400,
  body: { __type: 'ThrottlingException', message: 'Rate exceeded' }
} as const

export async function startAwsSimulator(
  services: Record<string, Record<string, AwsOperation>> = {}
): Promise<AwsSimulator> {
  const registry = new Map<string, Record<string, AwsOperation>>(Object.entries(services))
  const calls: string[] = []
  const operations: string[] = []
  const identities = new Map([[TEST_ACCESS_KEY, TEST_IDENTITY]])
  const server = await startHttpServer(
    async (request): Promise<SimResponse> => {
      if (request.headers['x-amz-target'] === undefined) return queryAnswer(request, identities)
      if (!identities.has(signedBy(request).accessKey)) {
        return {
          status: 400,
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'UnrecognizedClientException'
          },
          body: {
            __type: 'UnrecognizedClientException',
            message: 'The security token included in the request is invalid.'
          }
        }
      }
      const target = String(request.headers['x-amz-target'] ?? '')
      const dot = target.lastIndexOf('.')
      const prefix = target.slice(0, dot)
      const operation = target.slice(dot + 1)
      const handler = registry.get(prefix)?.[operation]
      if (!handler) {
        return {
          status: 400,
          body: { __type: 'UnknownOperationException', message: `no ${target} in the simulator` }
        }
      }
      try {
        const output = await handler(request.json<Record<string, unknown>>() ?? {}, request)
        return {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: output ?? {}
        }
      } catch (error) {
        if (error instanceof AwsFault) {
          return {
            status: error.status,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amzn-errortype': error.type
            },
            body: { __type: error.type, message: error.message }
          }
        }
        throw error
      }
    },
    { contract: awsServerContract({ queryService: 'sts' }) }
  )
  // Record calls before faults are served too: wrap the request log.
  const originalPush = server.requests.push.bind(server.requests)
  server.requests.push = (...items: SimRequest[]) => {
    for (const item of items) {
      const target = String(
        item.headers['x-amz-target'] ?? `sts.${new URLSearchParams(item.body).get('Action') ?? ''}`
      )
      calls.push(target)
      operations.push(target.slice(target.lastIndexOf('.') + 1))
    }
    return originalPush(...items)
  }
  return {
    ...server,
    calls,
    operations,
    identities,
    register(prefix, ops) {
      registry.set(prefix, { ...(registry.get(prefix) ?? {}), ...ops })
    }
  }
}

/** Who signed a request (SigV4: `Credential=<key>/<date>/<region>/<service>/aws4_request`). */
function signedBy(request: SimRequest): { accessKey: string; region: string; service: string } {
  const credential = /Credential=([^/]+)\/[^/]+\/([^/]+)\/([^/]+)\//.exec(
    String(request.headers.authorization ?? '')
  )
  return {
    accessKey: credential?.[1] ?? '',
    region: credential?.[2] ?? '',
    service: credential?.[3] ?? ''
  }
}

/** STS over the Query protocol: GetCallerIdentity, the only call that needs no permission. */
function queryAnswer(request: SimRequest, identities: Map<string, AwsIdentity>): SimResponse {
  const form = new URLSearchParams(request.body)
  const action = form.get('Action') ?? ''
  const fail = (status: number, code: string, message: string): SimResponse => ({
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>sim-sts-error</RequestId></ErrorResponse>`
  })
  // The contract (awsServerContract) has refused a request that is no form, of another
  // Version, or of an action STS does not have; what is left is an STS action not simulated.
  if (action !== 'GetCallerIdentity') {
    return fail(
      400,
      'InvalidAction',
      `Could not find operation ${action} for version ${String(form.get('Version'))}`
    )
  }
  const signer = signedBy(request)
  if (!signer.accessKey)
    return fail(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token')
  if (signer.service !== 'sts') {
    return fail(
      403,
      'SignatureDoesNotMatch',
      "Credential should be scoped to correct service: 'sts'."
    )
  }
  const identity = identities.get(signer.accessKey)
  if (!identity) {
    return fail(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.'
    )
  }
  // The output as the model has it; the contract encodes it as the Query protocol's XML.
  return {
    status: 200,
    body: { Arn: identity.arn, UserId: identity.userId, Account: identity.account }
  }
}

/**
 * Environment for the real SDK clients to reach the simulator with static test credentials: the
 * named services and STS, which every simulator answers.
 */
export function awsTestEnv(url: string, services: string[]): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: 'simulator-secret-key',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  for (const service of [...services, 'STS']) env[`AWS_ENDPOINT_URL_${service}`] = url
  return env
}
