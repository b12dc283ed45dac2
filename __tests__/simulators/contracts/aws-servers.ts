import type { ServerContract, SimRequest, SimResponse } from '../http.js'
import {
  awsModelValidator,
  awsServiceOfTarget,
  escapeXml,
  type AwsModelValidator,
  type AwsOperationModel,
  type AwsProblem,
  type AwsService
} from './aws.js'
import { RouteTable } from './routing.js'
import { ContractLog } from './violations.js'

/**
 * Servers held to the AWS models (aws.ts): how each protocol refuses what its model does not
 * allow, and checks what the simulator answers.
 */

const JSON_TYPE = 'application/x-amz-json-1.1'

/**
 * A server of AWS JSON protocol services (found by their `X-Amz-Target`); a request without a
 * target is a Query protocol call of `queryService` (STS, which every simulator answers). A Query
 * answer is given as its output object (status 200), which is checked and encoded here; errors
 * are passed on as the simulator wrote them, their code checked against the operation's.
 */
export function awsServerContract(options: { queryService?: AwsService } = {}): ServerContract {
  const log = new ContractLog('AWS')
  return {
    log,
    check: handler => async request => {
      const target = request.headers['x-amz-target']
      if (target === undefined) {
        if (!options.queryService) return handler(request)
        return queryCall(awsModelValidator(options.queryService), log, request, handler)
      }
      return jsonCall(String(target), log, request, handler)
    }
  }
}

/** A server of one Query protocol service (ELBv2). */
export function awsQueryServerContract(service: AwsService): ServerContract {
  const log = new ContractLog(service)
  return {
    log,
    check: handler => request => queryCall(awsModelValidator(service), log, request, handler)
  }
}

type Handle = (request: SimRequest) => SimResponse | Promise<SimResponse>

async function jsonCall(
  target: string,
  log: ContractLog,
  request: SimRequest,
  handler: Handle
): Promise<SimResponse> {
  const dot = target.lastIndexOf('.')
  const service = awsServiceOfTarget(target.slice(0, dot))
  const record = (direction: 'request' | 'answer', problems: string[]) =>
    log.record({ direction, method: request.method, path: target, problems })
  if (!service) {
    record('request', [`no model for the target prefix ${target.slice(0, dot)}`])
    return jsonError('UnknownOperationException', `no model for ${target}`)
  }
  const validator = awsModelValidator(service)
  const operation = validator.operation(target.slice(dot + 1))
  if (!operation || request.method !== 'POST' || request.path !== '/') {
    const why = operation
      ? `${request.method} ${request.path}: the JSON protocol is a POST to /`
      : `${service} has no operation ${target.slice(dot + 1)}`
    record('request', [why])
    return jsonError('UnknownOperationException', '')
  }
  let input: unknown
  try {
    input = JSON.parse(request.body || '{}') as unknown
  } catch {
    record('request', ['the body is not JSON'])
    return jsonError('SerializationException', '')
  }
  const problems = validator.checkInput(operation, input)
  if (problems.length) {
    record(
      'request',
      problems.map(p => p.message)
    )
    const serialization = problems.filter(p => p.kind === 'serialization')
    if (serialization.length) {
      return jsonError('SerializationException', serialization.map(p => p.message).join('; '))
    }
    return jsonError('ValidationException', validationMessage(problems))
  }
  const answer = await handler(request)
  const body = answer.body as Record<string, unknown> | undefined
  const status = answer.status ?? 200
  const errorType = typeof body?.__type === 'string' ? body.__type : undefined
  const found =
    status >= 300
      ? errorType
        ? validator.checkError(operation, errorType)
        : [`an error answer without __type`]
      : validator.checkOutput(operation, body ?? {}, input as Record<string, unknown>)
  if (found.length) record('answer', found)
  return answer
}

/**
 * A Query protocol handler: gets the input as the model decodes it, and answers an output object
 * (status 200), which is checked and encoded here, or an error as XML text.
 */
export type QueryHandler = (
  request: SimRequest,
  input: Record<string, unknown>,
  operation: AwsOperationModel
) => SimResponse | Promise<SimResponse>

/**
 * A Query protocol server's checking and encoding around `handle`: a request off the model is
 * refused (InvalidAction, ValidationError) and recorded in `log`, an answer off the output shape
 * or an error code the operation does not declare recorded, and a handler that throws is a
 * simulator bug, answered InternalFailure and recorded.
 */
export function queryServer(
  validator: AwsModelValidator,
  log: ContractLog,
  handle: QueryHandler
): Handle {
  return request => queryCall(validator, log, request, handle)
}

async function queryCall(
  validator: AwsModelValidator,
  log: ContractLog,
  request: SimRequest,
  handle: QueryHandler
): Promise<SimResponse> {
  const form = new URLSearchParams(request.body)
  const action = form.get('Action') ?? ''
  const record = (direction: 'request' | 'answer', problems: string[]) =>
    log.record({ direction, method: request.method, path: `${request.path} ${action}`, problems })
  const type = String(request.headers['content-type'] ?? '')
  const operation = validator.operation(action)
  const { apiVersion } = validator.model.metadata
  if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) {
    record('request', [`${request.method} ${type || 'without a content type'}: not a form POST`])
    return queryError(validator, 'InvalidAction', 'Could not find operation for the request')
  }
  if (!operation || form.get('Version') !== apiVersion) {
    record('request', [
      operation
        ? `Version ${String(form.get('Version'))} is not ${apiVersion}`
        : `no operation ${action}`
    ])
    return queryError(
      validator,
      'InvalidAction',
      `Could not find operation ${action} for version ${String(form.get('Version'))}`
    )
  }
  form.delete('Action')
  form.delete('Version')
  const { input, problems } = validator.decodeQuery(operation, form)
  if (problems.length) {
    record(
      'request',
      problems.map(p => p.message)
    )
    return queryError(validator, 'ValidationError', validationMessage(problems))
  }
  let answer: SimResponse
  try {
    answer = await handle(request, input, operation)
  } catch (error) {
    record('answer', [`the simulator failed: ${String(error)}`])
    return queryError(validator, 'InternalFailure', String(error), 500)
  }
  const body = answer.body
  if ((answer.status ?? 200) >= 300) {
    // An error comes as the protocol's XML; its code must be one the operation can answer.
    const code = typeof body === 'string' ? /<Code>([^<]*)<\/Code>/.exec(body)?.[1] : undefined
    const wrong = code
      ? validator.checkError(operation, code)
      : ['an error answer without an <ErrorResponse> <Code>']
    if (wrong.length) record('answer', wrong)
    return answer
  }
  if (typeof body !== 'object' || body === null) {
    // Text would go out unchecked: the output is given as an object, checked, and encoded here.
    record('answer', ['a Query answer given as text, not as its output object'])
    return answer
  }
  const found = validator.checkOutput(operation, body, input)
  if (found.length) record('answer', found)
  return {
    ...answer,
    headers: { 'content-type': 'text/xml', ...answer.headers },
    body: validator.encodeQueryAnswer(operation, body as Record<string, unknown>)
  }
}

function validationMessage(problems: readonly AwsProblem[]): string {
  const count = problems.length
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.map(p => p.message).join('; ')}`
}

function jsonError(type: string, message: string): SimResponse {
  return {
    status: 400,
    headers: { 'content-type': JSON_TYPE, 'x-amzn-errortype': type },
    body: { __type: type, message }
  }
}

function queryError(
  validator: AwsModelValidator,
  code: string,
  message: string,
  status = 400
): SimResponse {
  const namespace = validator.model.metadata.xmlNamespace ?? ''
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: queryErrorXml(namespace, code, message, status)
  }
}

/** A Query protocol error: Sender for a 4xx, Receiver for a 5xx. */
export function queryErrorXml(
  namespace: string,
  code: string,
  message: string,
  status = 400
): string {
  const ns = namespace ? ` xmlns="${namespace}"` : ''
  const type = status >= 500 ? 'Receiver' : 'Sender'
  return (
    `<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>sim-error</RequestId></ErrorResponse>`
  )
}

/**
 * A server of one REST protocol service (S3): the method, path and query markers pick the
 * operation as the model's `http` says (the SDK's `x-id` names it where several share a path);
 * path labels, query parameters and headers are read as their members' types. A method no
 * operation has on the path is refused as S3 refuses it (405 MethodNotAllowed), anything else off
 * the model with 400 InvalidArgument; a HEAD answer has no body. What S3 answers comes in
 * headers and is not checked.
 */
export function awsRestServerContract(service: AwsService): ServerContract {
  const log = new ContractLog(service)
  return {
    log,
    check: handler => async request => {
      const validator = awsModelValidator(service)
      const routed = restRoute(validator, request)
      const record = (problems: string[]) =>
        log.record({
          direction: 'request',
          method: request.method,
          path: request.url.pathname + request.url.search,
          problems
        })
      if ('status' in routed) {
        record([routed.problem])
        return restError(request, routed.status, routed.code, routed.problem)
      }
      const { operation, params, markers } = routed
      const known = new Set([...markers, 'x-id'])
      const problems = validator.checkRestText(
        operation,
        { uri: params, query: request.url.searchParams, headers: request.headers },
        known
      )
      if (problems.length) {
        record(problems.map(p => p.message))
        return restError(request, 400, 'InvalidArgument', problems.map(p => p.message).join('; '))
      }
      return handler(request)
    }
  }
}

interface RestRoute {
  readonly operation: AwsOperationModel
  readonly table: RouteTable<AwsOperationModel>
  /** Query parameters the path template itself has (`?uploads`, `?list-type=2`). */
  readonly markers: readonly (readonly [string, string])[]
}

const restRoutes = new WeakMap<AwsModelValidator, RestRoute[]>()

function restRoute(
  validator: AwsModelValidator,
  request: SimRequest
):
  | { operation: AwsOperationModel; params: Record<string, string>; markers: string[] }
  | { status: 400 | 404 | 405; code: string; problem: string } {
  let routes = restRoutes.get(validator)
  if (!routes) {
    routes = Object.values(validator.model.operations)
      .filter(operation => operation.http)
      .map(operation => {
        const [path = '/', marks = ''] = (operation.http?.requestUri ?? '/').split('?')
        const table = new RouteTable<AwsOperationModel>()
        const greedy = [...path.matchAll(/\{([^}]+\+)\}/g)].map(m => m[1] as string)
        table.add(path, 'ANY', operation, new Set(greedy))
        return { operation, table, markers: [...new URLSearchParams(marks)] }
      })
    restRoutes.set(validator, routes)
  }
  const query = request.url.searchParams
  const onPath = routes
    .map(route => ({ route, found: route.table.find('ANY', request.path) }))
    .filter(({ found }) => 'operation' in found)
  if (!onPath.length)
    return { status: 404, code: 'NoSuchKey', problem: 'no such path in the model' }
  const sameMethod = onPath.filter(({ route }) => route.operation.http?.method === request.method)
  if (!sameMethod.length) {
    const methods = [...new Set(onPath.map(({ route }) => route.operation.http?.method))]
    return {
      status: 405,
      code: 'MethodNotAllowed',
      problem: `no ${request.method} here: the model has only ${methods.join(', ')}`
    }
  }
  const fitting = sameMethod
    .filter(({ route }) =>
      route.markers.every(([key, value]) => query.has(key) && (!value || query.get(key) === value))
    )
    .filter(({ route }) => requiredPresent(validator, route.operation, request))
    .sort((a, b) => b.route.markers.length - a.route.markers.length)
  const named = query.get('x-id')
  const chosen = named ? fitting.find(({ route }) => route.operation.name === named) : fitting[0]
  if (!chosen) {
    return {
      status: 400,
      code: 'InvalidArgument',
      problem: named
        ? `x-id names ${named}, which does not take this request`
        : `no ${request.method} operation of the model takes this request`
    }
  }
  const found = chosen.found as { params: Record<string, string> }
  return {
    operation: chosen.route.operation,
    params: Object.fromEntries(
      Object.entries(found.params).map(([name, value]) => [name.replace(/\+$/, ''), value])
    ),
    markers: chosen.route.markers.map(([key]) => key)
  }
}

/** Whether the request has what tells this operation from its neighbours on the path. */
function requiredPresent(
  validator: AwsModelValidator,
  operation: AwsOperationModel,
  request: SimRequest
): boolean {
  const shape = operation.input ? validator.model.shapes[operation.input.shape] : undefined
  return (shape?.required ?? []).every(name => {
    const ref = shape?.members?.[name]
    const key = ref?.locationName ?? name
    if (ref?.location === 'querystring') return request.url.searchParams.has(key)
    if (ref?.location === 'header') return request.headers[key.toLowerCase()] !== undefined
    return true
  })
}

function restError(
  request: SimRequest,
  status: number,
  code: string,
  message: string
): SimResponse {
  if (request.method === 'HEAD') return { status }
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code>` +
      `<Message>${escapeXml(message)}</Message><RequestId>sim-error</RequestId></Error>`
  }
}
