import { startHttpServer, type SimRequest, type SimResponse, type SimServer } from './http.js'

/**
 * The AWS JSON protocol (1.0 and 1.1) as the real SDK v3 clients speak it: POST /, the operation in
 * `X-Amz-Target: <ServicePrefix>.<Operation>`, a JSON body in and out, errors as
 * `{"__type": "...", "message": "..."}` with a 4xx/5xx status. Each service simulator registers
 * its operations; one server can host several services (point every AWS_ENDPOINT_URL_* at it).
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
  register(prefix: string, operations: Record<string, AwsOperation>): void
}

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
  const server = await startHttpServer(async (request): Promise<SimResponse> => {
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
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': error.type },
          body: { __type: error.type, message: error.message }
        }
      }
      throw error
    }
  })
  // Record calls before faults are served too: wrap the request log.
  const originalPush = server.requests.push.bind(server.requests)
  server.requests.push = (...items: SimRequest[]) => {
    for (const item of items) {
      const target = String(item.headers['x-amz-target'] ?? '')
      calls.push(target)
      operations.push(target.slice(target.lastIndexOf('.') + 1))
    }
    return originalPush(...items)
  }
  return {
    ...server,
    calls,
    operations,
    register(prefix, ops) {
      registry.set(prefix, { ...(registry.get(prefix) ?? {}), ...ops })
    }
  }
}

/** Environment for the real SDK clients to reach the simulator with static test credentials. */
export function awsTestEnv(url: string, services: string[]): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: 'AKIDSIMULATOR',
    AWS_SECRET_ACCESS_KEY: 'simulator-secret-key',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  for (const service of services) env[`AWS_ENDPOINT_URL_${service}`] = url
  return env
}
