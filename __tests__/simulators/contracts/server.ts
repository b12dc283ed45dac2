import type { Handler, ServerContract, SimRequest, SimResponse } from '../http.js'
import type { IncomingRequest, RequestCheck } from './routing.js'
import { ContractLog } from './violations.js'

/** What a description-backed check offers a server: swagger2.ts, openapi3.ts, or a service's own. */
export interface Checker<Operation> {
  checkRequest(request: IncomingRequest): RequestCheck<Operation>
  checkAnswer(operation: Operation, status: number, body: unknown): string[]
}

export type Refusal<Operation> = Extract<RequestCheck<Operation>, { ok: false }>

/**
 * A server held to `checker`: each request is checked before the simulator sees it, and one the
 * description does not allow is recorded and refused as the real service refuses it (`refuse`);
 * each JSON answer is checked too, and recorded when off the description. The server's close()
 * fails for every violation no test took (http.ts).
 */
export function serverContract<Operation>(
  service: string,
  checker: Checker<Operation>,
  refuse: (refusal: Refusal<Operation>, request: SimRequest) => SimResponse,
  /** The simulator's answer made whole before it is checked (contracts/github.ts). */
  complete?: (operation: Operation, answer: SimResponse, request: SimRequest) => SimResponse
): ServerContract {
  const log = new ContractLog(service)
  return {
    log,
    check: handler =>
      checkedHandler(log, checker, refuse, async (request, check) => {
        const answer = await handler(request)
        return complete ? complete(check.operation, answer, request) : answer
      })
  }
}

/**
 * The checking itself, for a simulator that wants what the check read of the request (the
 * operation, path parameters, the parsed body) rather than the request alone (Argo CD's).
 */
export function checkedHandler<Operation>(
  log: ContractLog,
  checker: Checker<Operation>,
  refuse: (refusal: Refusal<Operation>, request: SimRequest) => SimResponse,
  handle: (
    request: SimRequest,
    check: Extract<RequestCheck<Operation>, { ok: true }>
  ) => SimResponse | Promise<SimResponse>
): Handler {
  return async request => {
    const check = checker.checkRequest(incoming(request))
    if (!check.ok) {
      log.record({
        direction: 'request',
        method: request.method,
        path: request.url.pathname + request.url.search,
        problems: check.problems
      })
      return refuse(check, request)
    }
    const answer = await handle(request, check)
    const body = answer.body
    if (
      !answer.stream &&
      body !== undefined &&
      !Buffer.isBuffer(body) &&
      typeof body !== 'string'
    ) {
      const problems = checker.checkAnswer(check.operation, answer.status ?? 200, body)
      if (problems.length) {
        log.record({ direction: 'answer', method: request.method, path: request.path, problems })
      }
    }
    return answer
  }
}

export function incoming(request: SimRequest): IncomingRequest {
  const type = request.headers['content-type']
  return {
    method: request.method,
    path: request.path,
    query: request.url.searchParams,
    body: request.body,
    contentType: Array.isArray(type) ? type[0] : type
  }
}
