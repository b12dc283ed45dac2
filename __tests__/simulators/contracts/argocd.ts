import type { Handler, SimRequest, SimResponse } from '../http.js'
import { checkedHandler } from './server.js'
import { Swagger2Contract, type Operation } from './swagger2.js'
import { specFile, type ContractLog } from './violations.js'

/**
 * The Argo CD API server's contract: its swagger (assets/swagger.json of argo-cd), and how its
 * grpc-gateway (v1) refuses what the routes or the decoder do not take.
 */

let contract: Swagger2Contract | undefined

export function argoCdContract(): Swagger2Contract {
  contract ??= Swagger2Contract.fromFile(specFile('argocd/swagger.json'), {
    // Kubernetes types whose JSON is not what protoc-gen-swagger describes.
    freeForm: ['runtimeRawExtension', 'v1FieldsV1', 'v1JSON', 'intstrIntOrString']
  })
  return contract
}

/** A grpc-gateway error body, as Argo CD's API server answers one. */
export function grpcError(status: number, code: number, message: string): SimResponse {
  return { status, body: { error: message, code, message, details: [] } }
}

export interface CheckedRequest {
  readonly request: SimRequest
  readonly operation: Operation
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>
  /** The JSON body, or {} when there is none (grpc-gateway decodes an empty body as such). */
  readonly body: Record<string, unknown>
}

/**
 * Wraps a simulator's handler: a request the swagger does not have is refused the way
 * grpc-gateway refuses it (404 Not Found, 405 Method Not Allowed, 400 for a body or parameter it
 * cannot decode) and recorded; a JSON answer off the swagger's response schema is recorded too.
 */
export function checkedByContract(
  log: ContractLog,
  handler: (checked: CheckedRequest) => SimResponse | Promise<SimResponse>
): Handler {
  return checkedHandler(
    log,
    argoCdContract(),
    ({ status, problems }) => {
      if (status === 404) return grpcError(404, 5, 'Not Found')
      if (status === 405) return grpcError(405, 12, 'Method Not Allowed')
      return grpcError(400, 3, problems.join('; '))
    },
    (request, { operation, params, body }) =>
      handler({
        request,
        operation,
        params,
        body:
          body !== null && typeof body === 'object' && !Array.isArray(body)
            ? (body as Record<string, unknown>)
            : {}
      })
  )
}
