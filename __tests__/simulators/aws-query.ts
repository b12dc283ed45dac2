import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHttpServer, type Fault, type SimServer } from './http.js'

/**
 * The AWS Query protocol (CloudFormation, STS, ...) as the real SDK v3 clients speak it: a
 * form-encoded POST of `Action=<Operation>&Version=<api version>&...`, an XML answer
 * `<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`, errors as
 * `<ErrorResponse><Error><Type>Sender</Type><Code>...</Code><Message>...</Message></Error>`.
 * (The JSON protocol services are in aws.ts.)
 *
 * Both directions follow the service's own model (`*.normal.json`, the AWS SDK's API
 * description with enums and min/max): a request is decoded by its input shape and checked
 * (the operation exists, required members are there, enums hold, lengths and counts are within
 * min and max, no parameter the shape does not have), and an answer is encoded by its output
 * shape (a member the shape does not have is a simulator bug). A request that breaks the model
 * is answered with AWS's ValidationError and recorded: `assertNoViolations()` fails the test for
 * each, since a client that swallows the error would otherwise hide it.
 */

interface ShapeRef {
  shape: string
}
interface Shape {
  type: string
  members?: Record<string, ShapeRef>
  required?: string[]
  member?: ShapeRef
  key?: ShapeRef
  value?: ShapeRef
  enum?: string[]
  min?: number
  max?: number
  flattened?: boolean
}
interface Model {
  metadata: { apiVersion: string; xmlNamespace: string; endpointPrefix: string }
  operations: Record<string, { input?: ShapeRef; output?: ShapeRef & { resultWrapper?: string } }>
  shapes: Record<string, Shape>
}

export type QueryOperation = (input: Record<string, unknown>, call: QueryCall) => unknown

export interface QueryCall {
  readonly action: string
  /** When the call arrived, ms since the epoch. */
  readonly at: number
  readonly input: Record<string, unknown>
}

/** An error answer as AWS gives it: `<Code>` and `<Message>`, Sender unless a 5xx. */
export class QueryFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

export interface QuerySimulator extends SimServer {
  /** Every call that reached an operation, in order. */
  readonly calls: QueryCall[]
  /** Requests the model does not allow, with what is wrong. */
  readonly violations: string[]
  assertNoViolations(): void
}

/** Where the providers' API descriptions are: SPECS_DIR, else shared/specs beside the repository. */
export function awsModel(file: string): Model {
  const root = join(import.meta.dirname, '../..')
  const dirs = [process.env.SPECS_DIR, join(root, '../shared/specs')].filter(Boolean) as string[]
  for (const dir of dirs) {
    const path = join(dir, 'aws', file)
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Model
  }
  throw new Error(
    `the AWS model ${file} is not in ${dirs.join(' or ')}: the simulator is checked against it (set SPECS_DIR)`
  )
}

export async function startQuerySimulator(
  model: Model,
  operations: Record<string, QueryOperation>,
  options: {
    /**
     * Enum values the service answers with that its model does not list (the model dates from
     * July 2025 and is not complete): shape name -> values. Each needs a comment saying why.
     */
    answerEnumExtras?: Record<string, readonly string[]>
  } = {}
): Promise<QuerySimulator> {
  const extras = options.answerEnumExtras ?? {}
  const calls: QueryCall[] = []
  const violations: string[] = []
  const { apiVersion, xmlNamespace, endpointPrefix } = model.metadata
  const fail = (fault: QueryFault) => ({
    status: fault.status,
    headers: { 'content-type': 'text/xml' },
    body: errorXml(xmlNamespace, fault)
  })

  const server = await startHttpServer(request => {
    const contentType = String(request.headers['content-type'] ?? '')
    if (request.method !== 'POST' || !contentType.startsWith('application/x-www-form-urlencoded')) {
      violations.push(`${request.method} ${request.path} ${contentType}: not a form-encoded POST`)
      return fail(new QueryFault('InvalidAction', 'Could not find operation for the request'))
    }
    const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/.exec(
      String(request.headers.authorization ?? '')
    )
    if (!scope) {
      return fail(
        new QueryFault('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
      )
    }
    if (scope[1] !== endpointPrefix) {
      return fail(
        new QueryFault(
          'SignatureDoesNotMatch',
          `Credential should be scoped to correct service: '${endpointPrefix}'.`,
          403
        )
      )
    }
    const form = new URLSearchParams(request.body)
    const action = form.get('Action') ?? ''
    const operation = model.operations[action]
    const handler = operations[action]
    if (form.get('Version') !== apiVersion || !operation || !handler) {
      if (!operation) violations.push(`${action}: no such operation in the model`)
      return fail(
        new QueryFault(
          'InvalidAction',
          `Could not find operation ${action} for version ${String(form.get('Version'))}`
        )
      )
    }
    form.delete('Action')
    form.delete('Version')
    const tree = formTree(form)
    const problems: string[] = []
    const input = operation.input
      ? (decode(model, operation.input.shape, tree, '', problems) as Record<string, unknown>)
      : {}
    if (!operation.input && Object.keys(tree).length > 0)
      problems.push('parameters given to an operation without input')
    if (problems.length > 0) {
      violations.push(`${action}: ${problems.join('; ')}`)
      const message = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`
      return fail(new QueryFault('ValidationError', message))
    }
    const call: QueryCall = { action, at: Date.now(), input }
    calls.push(call)
    try {
      const output = handler(input, call) ?? {}
      const wrapper = operation.output?.resultWrapper
      const result =
        operation.output && wrapper
          ? `<${wrapper}>${encodeMembers(model, extras, operation.output.shape, output as Record<string, unknown>)}</${wrapper}>`
          : ''
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body:
          `<${action}Response xmlns="${xmlNamespace}">${result}` +
          `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
      }
    } catch (error) {
      if (error instanceof QueryFault) return fail(error)
      // A simulator bug: said as AWS says a server error, and recorded so the test fails on it.
      violations.push(`${action}: the simulator failed: ${String(error)}`)
      return fail(new QueryFault('InternalFailure', String(error), 500))
    }
  })
  return {
    ...server,
    calls,
    violations,
    assertNoViolations: () => {
      if (violations.length === 0) return
      const seen = violations.splice(0)
      throw new Error(
        `requests the ${endpointPrefix} model does not allow:\n  ${seen.join('\n  ')}`
      )
    }
  }
}

/** A Query protocol error answer, for FaultPlan.inject: `Throttling`, `InternalFailure`, ... */
export function queryErrorFault(code: string, message: string, status = 400): Fault {
  return {
    kind: 'status',
    status,
    headers: { 'content-type': 'text/xml' },
    body: errorXml('', new QueryFault(code, message, status))
  }
}

/** Throttling exactly as a Query protocol service answers it. */
export const QUERY_THROTTLING = queryErrorFault('Throttling', 'Rate exceeded')

function errorXml(namespace: string, fault: QueryFault): string {
  const ns = namespace ? ` xmlns="${namespace}"` : ''
  const type = fault.status >= 500 ? 'Receiver' : 'Sender'
  return (
    `<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(fault.code)}</Code>` +
    `<Message>${escapeXml(fault.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  )
}

// ---- requests: form -> tree -> input, checked against the model -------------------------------

type Tree = { [key: string]: Tree | string }

/** `A.member.1.B=x` -> {A: {member: {1: {B: 'x'}}}}; `A=` (an empty list) stays a string. */
function formTree(form: URLSearchParams): Tree {
  const root: Tree = {}
  for (const [key, value] of form) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) {
      const next = node[part]
      if (typeof next === 'string' || next === undefined) node[part] = {}
      node = node[part] as Tree
    }
    node[parts.at(-1) as string] = value
  }
  return root
}

function decode(
  model: Model,
  shapeName: string,
  value: Tree | string,
  path: string,
  problems: string[]
): unknown {
  const shape = model.shapes[shapeName]
  if (!shape) {
    problems.push(`${path}: shape ${shapeName} is not in the model`)
    return undefined
  }
  const at = path || '(input)'
  switch (shape.type) {
    case 'structure': {
      if (typeof value === 'string') {
        problems.push(`${at}: expected a structure`)
        return undefined
      }
      const out: Record<string, unknown> = {}
      const members = shape.members ?? {}
      for (const key of Object.keys(value)) {
        if (!members[key])
          problems.push(`${path ? `${path}.` : ''}${key}: not a member of ${shapeName}`)
      }
      for (const [name, ref] of Object.entries(members)) {
        const child = value[name]
        if (child === undefined) continue
        out[name] = decode(model, ref.shape, child, path ? `${path}.${name}` : name, problems)
      }
      for (const name of shape.required ?? []) {
        if (out[name] === undefined)
          problems.push(
            `Value null at '${lowerFirst(path ? `${path}.${name}` : name)}' failed to satisfy constraint: Member must not be null`
          )
      }
      return out
    }
    case 'list': {
      const items =
        value === ''
          ? []
          : typeof value === 'string'
            ? undefined
            : Object.entries((value.member ?? {}) as Tree)
                .sort(([a], [b]) => Number(a) - Number(b))
                .map(([, item]) => item)
      if (items === undefined) {
        problems.push(`${at}: expected a list (${at}.member.N)`)
        return undefined
      }
      countWithin(shape, items.length, at, 'length', problems)
      return items.map((item, index) =>
        decode(model, shape.member?.shape ?? '', item, `${at}.member.${index + 1}`, problems)
      )
    }
    case 'map': {
      if (typeof value === 'string') return {}
      const out: Record<string, unknown> = {}
      for (const entry of Object.values((value.entry ?? {}) as Tree)) {
        if (typeof entry === 'string') continue
        const key = String(
          decode(model, shape.key?.shape ?? '', entry.key ?? '', `${at}.key`, problems)
        )
        out[key] = decode(
          model,
          shape.value?.shape ?? '',
          entry.value ?? '',
          `${at}.value`,
          problems
        )
      }
      return out
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') problems.push(`${at}: expected true or false`)
      return value === 'true'
    case 'integer':
    case 'long': {
      const number = Number(value)
      if (typeof value !== 'string' || !/^-?\d+$/.test(value))
        problems.push(`${at}: expected an integer`)
      if (shape.min !== undefined && number < shape.min)
        problems.push(
          `Value '${String(value)}' at '${lowerFirst(at)}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`
        )
      if (shape.max !== undefined && number > shape.max)
        problems.push(
          `Value '${String(value)}' at '${lowerFirst(at)}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`
        )
      return number
    }
    case 'timestamp':
      return typeof value === 'string' ? new Date(value) : undefined
    default: {
      if (typeof value !== 'string') {
        problems.push(`${at}: expected a single value`)
        return undefined
      }
      if (shape.enum && !shape.enum.includes(value)) {
        problems.push(
          `Value '${value}' at '${lowerFirst(at)}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`
        )
      }
      countWithin(shape, [...value].length, at, 'length', problems)
      return value
    }
  }
}

function countWithin(
  shape: Shape,
  count: number,
  at: string,
  what: string,
  problems: string[]
): void {
  if (shape.min !== undefined && count < shape.min) {
    problems.push(
      `Value at '${lowerFirst(at)}' failed to satisfy constraint: Member must have ${what} greater than or equal to ${shape.min}`
    )
  }
  if (shape.max !== undefined && count > shape.max) {
    problems.push(
      `Value at '${lowerFirst(at)}' failed to satisfy constraint: Member must have ${what} less than or equal to ${shape.max}`
    )
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

// ---- answers: output -> XML, by the model -------------------------------------------------------

type Extras = Record<string, readonly string[]>

function encodeMembers(
  model: Model,
  extras: Extras,
  shapeName: string,
  value: Record<string, unknown>
): string {
  const shape = model.shapes[shapeName]
  if (!shape || shape.type !== 'structure')
    throw new Error(`simulator: ${shapeName} is not a structure`)
  const members = shape.members ?? {}
  for (const key of Object.keys(value)) {
    if (!members[key]) throw new Error(`simulator: ${key} is not a member of ${shapeName}`)
  }
  return Object.entries(members)
    .filter(([name]) => value[name] !== undefined)
    .map(([name, ref]) => `<${name}>${encode(model, extras, ref.shape, value[name])}</${name}>`)
    .join('')
}

function encode(model: Model, extras: Extras, shapeName: string, value: unknown): string {
  const shape = model.shapes[shapeName]
  if (!shape) throw new Error(`simulator: shape ${shapeName} is not in the model`)
  switch (shape.type) {
    case 'structure':
      return encodeMembers(model, extras, shapeName, value as Record<string, unknown>)
    case 'list':
      return (value as unknown[])
        .map(item => `<member>${encode(model, extras, shape.member?.shape ?? '', item)}</member>`)
        .join('')
    case 'map':
      return Object.entries(value as Record<string, unknown>)
        .map(
          ([key, item]) =>
            `<entry><key>${escapeXml(key)}</key><value>${encode(model, extras, shape.value?.shape ?? '', item)}</value></entry>`
        )
        .join('')
    case 'timestamp':
      return new Date(value as number | Date).toISOString()
    case 'boolean':
    case 'integer':
    case 'long':
    case 'double':
      return String(value)
    default:
      if (
        shape.enum &&
        !shape.enum.includes(String(value)) &&
        !extras[shapeName]?.includes(String(value))
      ) {
        throw new Error(`simulator: '${String(value)}' is not in the enum of ${shapeName}`)
      }
      return escapeXml(String(value))
  }
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
