import { readFileSync } from 'node:fs'
import { extendFromSdk } from './aws-sdk-shapes.js'
import { describe } from './values.js'
import { specFile } from './violations.js'

/**
 * The AWS services as their own models describe them (the SDK's `*.normal.json` in
 * shared/specs/aws: operations, input and output shapes with required members, types, enums,
 * min and max), for simulators of both protocols the SDK speaks to them:
 * - JSON (ECS, CodeDeploy, ECR, Step Functions, Secrets Manager): `X-Amz-Target` names the
 *   operation, the body is its input. A wrong type is refused with SerializationException and a
 *   broken constraint (a required member missing, a value outside its enum, a length or a number
 *   out of its min and max) with ValidationException, as those services do.
 * - Query (STS, ELBv2, CloudFormation): `Action` and `Version` in a form, members flattened as
 *   `A.member.1.B`; refused with AWS's ValidationError. The answer is encoded as the model says
 *   (`<XResponse><XResult>...`).
 *
 * A member the model does not have is refused too (a SerializationException in JSON, a
 * ValidationError in Query). Real services are lenient there, since an SDK newer than the
 * endpoint may send one; but our SDK never sends a member its own model lacks, so one arriving
 * here was built by hand or misnamed, and a setting we believe we sent would never arrive.
 *
 * Answers are checked against the output shape (members, types, enums, required members) and
 * errors against the operation's declared errors plus the ones any call can get (throttling,
 * credentials); each violation is recorded, and the simulator's close() fails on it.
 *
 * ECS, CodeDeploy and the others are extended from the installed SDK where the July-2025
 * models are behind (aws-sdk-shapes.ts), which is how ECS's LINEAR and CANARY are known here.
 */

export interface ShapeRef {
  shape: string
  /** REST protocols: where the member travels (uri, querystring, header, headers). */
  location?: string
  locationName?: string
}

export interface Shape {
  type: string
  members?: Record<string, ShapeRef>
  required?: string[]
  member?: ShapeRef
  key?: ShapeRef
  value?: ShapeRef
  enum?: string[]
  min?: number
  max?: number
  pattern?: string
  flattened?: boolean
  error?: { code?: string; httpStatusCode?: number }
  exception?: boolean
}

export interface AwsOperationModel {
  name: string
  /** REST protocols: the method and path template (`/{Bucket}/{Key+}?uploads`). */
  http?: { method: string; requestUri: string }
  input?: ShapeRef
  output?: ShapeRef & { resultWrapper?: string }
  errors?: ShapeRef[]
}

export interface AwsModel {
  metadata: {
    apiVersion: string
    protocol: string
    endpointPrefix: string
    serviceId?: string
    targetPrefix?: string
    jsonVersion?: string
    xmlNamespace?: string
  }
  operations: Record<string, AwsOperationModel>
  shapes: Record<string, Shape>
}

interface ServiceModel {
  readonly file: string
  /** The SDK package newer than the model, which extends it. */
  readonly sdk: string
  /**
   * Enum values the service answers that even the SDK's enum lacks, each with the evidence.
   */
  readonly answerEnumExtras?: Readonly<Record<string, readonly string[]>>
  /** Required output members the service leaves out of this answer, as its documentation says. */
  readonly answerOmits?: (operation: string, input: Record<string, unknown>) => readonly string[]
}

const SERVICES = {
  ecs: {
    file: 'ecs-2014-11-13.normal.json',
    sdk: '@aws-sdk/client-ecs',
    // The SDK documents ServiceDeployment.lifecycleStage as possibly PRE_PRODUCTION_TRAFFIC_SHIFT
    // ("invoked before every traffic shift step" of a LINEAR or CANARY deployment), but its
    // ServiceDeploymentLifecycleStage enum, generated from the same model, leaves it out.
    answerEnumExtras: { ServiceDeploymentLifecycleStage: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }
  },
  codedeploy: { file: 'codedeploy-2014-10-06.normal.json', sdk: '@aws-sdk/client-codedeploy' },
  ecr: { file: 'ecr-2015-09-21.normal.json', sdk: '@aws-sdk/client-ecr' },
  states: {
    file: 'states-2016-11-23.normal.json',
    sdk: '@aws-sdk/client-sfn',
    // GetExecutionHistory with includeExecutionData false leaves out the events' input, output
    // and parameters, though the model marks parameters required.
    answerOmits: (operation, input) =>
      operation === 'GetExecutionHistory' && input.includeExecutionData === false
        ? ['input', 'output', 'parameters']
        : []
  },
  secretsmanager: {
    file: 'secretsmanager-2017-10-17.normal.json',
    sdk: '@aws-sdk/client-secrets-manager'
  },
  sts: { file: 'sts-2011-06-15.normal.json', sdk: '@aws-sdk/client-sts' },
  elasticloadbalancingv2: {
    file: 'elasticloadbalancingv2-2015-12-01.normal.json',
    sdk: '@aws-sdk/client-elastic-load-balancing-v2'
  },
  cloudformation: {
    file: 'cloudformation-2010-05-15.normal.json',
    sdk: '@aws-sdk/client-cloudformation'
  },
  s3: { file: 's3-2006-03-01.normal.json', sdk: '@aws-sdk/client-s3' }
} satisfies Record<string, ServiceModel>

export type AwsService = keyof typeof SERVICES

/** Errors any call can be answered with, declared by no operation. */
const COMMON_ERRORS = new Set([
  'AccessDeniedException',
  'ExpiredTokenException',
  'IncompleteSignature',
  'InternalFailure',
  // The Query protocol's answer to an action the service (here: the simulator) does not have.
  'InvalidAction',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'RequestExpired',
  'SerializationException',
  'ServiceUnavailable',
  'SignatureDoesNotMatch',
  'Throttling',
  'ThrottlingException',
  'UnknownOperationException',
  'UnrecognizedClientException',
  'ValidationError',
  'ValidationException'
])

export interface AwsProblem {
  /** serialization: the value cannot be read as its type; validation: a constraint is broken. */
  readonly kind: 'serialization' | 'validation'
  readonly message: string
}

const validators = new Map<AwsService, AwsModelValidator>()

/**
 * The model of `service`, extended from the installed SDK, with the checks of both directions.
 * Loaded once per test file. For simulators outside this folder too (cloudformation.ts).
 */
export function awsModelValidator(service: AwsService): AwsModelValidator {
  let validator = validators.get(service)
  if (!validator) {
    const known: ServiceModel = SERVICES[service]
    const model = JSON.parse(readFileSync(specFile(`aws/${known.file}`), 'utf8')) as AwsModel
    extendFromSdk(model, known.sdk)
    validator = new AwsModelValidator(model, known.answerEnumExtras, known.answerOmits)
    validators.set(service, validator)
  }
  return validator
}

/** The service whose model file this is (`cloudformation-2010-05-15.normal.json`). */
export function awsServiceOfFile(file: string): AwsService {
  const found = Object.entries(SERVICES).find(([, known]) => known.file === file)?.[0]
  if (!found) throw new Error(`no AWS service in contracts/aws.ts has the model ${file}`)
  return found as AwsService
}

/** The JSON service whose target prefix this is. */
export function awsServiceOfTarget(prefix: string): AwsService | undefined {
  const byPrefix: Record<string, AwsService> = {
    AmazonEC2ContainerServiceV20141113: 'ecs',
    CodeDeploy_20141006: 'codedeploy',
    AmazonEC2ContainerRegistry_V20150921: 'ecr',
    AWSStepFunctions: 'states',
    secretsmanager: 'secretsmanager'
  }
  return byPrefix[prefix]
}

export class AwsModelValidator {
  constructor(
    readonly model: AwsModel,
    /** Enum values the service answers that the model does not list: shape -> values. */
    private readonly answerEnumExtras: Readonly<Record<string, readonly string[]>> = {},
    private readonly answerOmits: ServiceModel['answerOmits'] = undefined
  ) {}

  /** The same model, taking these enum values in answers too (each needs a comment why). */
  withAnswerEnumExtras(extras: Readonly<Record<string, readonly string[]>>): AwsModelValidator {
    const joined = { ...this.answerEnumExtras, ...extras }
    return new AwsModelValidator(this.model, joined, this.answerOmits)
  }

  operation(name: string): AwsOperationModel | undefined {
    return Object.hasOwn(this.model.operations, name) ? this.model.operations[name] : undefined
  }

  /** A JSON protocol request's input (the parsed body) against the operation's input shape. */
  checkInput(operation: AwsOperationModel, input: unknown): AwsProblem[] {
    const problems: AwsProblem[] = []
    if (operation.input) this.walk(operation.input.shape, input, 'input', problems, 'input')
    else if (input !== null && typeof input === 'object' && Object.keys(input).length) {
      problems.push({ kind: 'serialization', message: `${operation.name} takes no input` })
    }
    return problems
  }

  /** An answer's output (to `input`) against the operation's output shape; problems as text. */
  checkOutput(
    operation: AwsOperationModel,
    output: unknown,
    input: Record<string, unknown> = {}
  ): string[] {
    const problems: AwsProblem[] = []
    const omitted = new Set(this.answerOmits?.(operation.name, input) ?? [])
    if (operation.output) {
      this.walk(operation.output.shape, output, 'output', problems, 'output', omitted)
    }
    return problems.map(p => p.message)
  }

  /** An error answer's type: one the operation declares, or one any call can get. */
  checkError(operation: AwsOperationModel, type: string): string[] {
    const name = type.replace(/^.*#/, '')
    const declared = (operation.errors ?? []).map(e => e.shape)
    const codes = declared.map(shape => this.model.shapes[shape]?.error?.code ?? shape)
    if (declared.includes(name) || codes.includes(name) || COMMON_ERRORS.has(name)) return []
    return [
      `${operation.name} answered the error ${name}, which it does not declare (${declared.join(', ') || 'none'})`
    ]
  }

  /**
   * A Query protocol form (without Action and Version) as the operation's input: `A.member.1`
   * lists, `A.entry.1.key` maps, text read as each member's type.
   */
  decodeQuery(
    operation: AwsOperationModel,
    form: URLSearchParams
  ): { input: Record<string, unknown>; problems: AwsProblem[] } {
    const problems: AwsProblem[] = []
    const tree = formTree(form)
    if (!operation.input) {
      if (Object.keys(tree).length) {
        problems.push({ kind: 'validation', message: `${operation.name} takes no parameters` })
      }
      return { input: {}, problems }
    }
    const input = this.decode(operation.input.shape, tree, 'input', problems)
    this.walk(operation.input.shape, input, 'input', problems, 'input')
    return { input: (input ?? {}) as Record<string, unknown>, problems }
  }

  /**
   * A REST protocol request's members that travel as text (path labels, query string, headers)
   * against the input shape: each read as its member's type, then its constraints; a query
   * parameter no member has is a problem. `known` names query parameters the protocol itself
   * adds (the operation's own markers, the SDK's `x-id`).
   */
  checkRestText(
    operation: AwsOperationModel,
    text: {
      uri: Readonly<Record<string, string>>
      query: URLSearchParams
      headers: Readonly<Record<string, string | string[] | undefined>>
    },
    known: ReadonlySet<string>
  ): AwsProblem[] {
    const shape = operation.input ? this.model.shapes[operation.input.shape] : undefined
    const members = Object.entries(shape?.members ?? {})
    const problems: AwsProblem[] = []
    const at = (location: string) => members.filter(([, ref]) => ref.location === location)
    const read = (name: string, ref: ShapeRef, value: string | undefined) => {
      if (value === undefined) {
        if (shape?.required?.includes(name)) {
          problems.push({
            kind: 'validation',
            message: `Value null at 'input.${name}' failed to satisfy constraint: Member must not be null`
          })
        }
        return
      }
      const typed = this.decode(ref.shape, value, `input.${name}`, problems)
      if (typed !== undefined) this.walk(ref.shape, typed, `input.${name}`, problems, 'input')
    }
    for (const [name, ref] of at('uri')) read(name, ref, text.uri[ref.locationName ?? name])
    const queried = at('querystring')
    for (const [name, ref] of queried) {
      read(name, ref, text.query.get(ref.locationName ?? name) ?? undefined)
    }
    for (const key of new Set(text.query.keys())) {
      if (known.has(key) || queried.some(([name, ref]) => (ref.locationName ?? name) === key)) {
        continue
      }
      problems.push({
        kind: 'validation',
        message: `${operation.name} has no query parameter "${key}"`
      })
    }
    for (const [name, ref] of at('header')) {
      const value = text.headers[(ref.locationName ?? name).toLowerCase()]
      read(name, ref, Array.isArray(value) ? value.join(',') : value)
    }
    return problems
  }

  /** `<{Action}Response><{Action}Result>...</...>` for a Query protocol answer. */
  encodeQueryAnswer(operation: AwsOperationModel, output: Record<string, unknown>): string {
    const namespace = this.model.metadata.xmlNamespace ?? ''
    const wrapper = operation.output?.resultWrapper
    const result =
      operation.output && wrapper
        ? `<${wrapper}>${this.encodeMembers(operation.output.shape, output)}</${wrapper}>`
        : ''
    return (
      `<${operation.name}Response xmlns="${namespace}">${result}` +
      `<ResponseMetadata><RequestId>sim-request</RequestId></ResponseMetadata></${operation.name}Response>`
    )
  }

  private walk(
    shapeName: string,
    value: unknown,
    where: string,
    problems: AwsProblem[],
    direction: 'input' | 'output',
    omitted: ReadonlySet<string> = new Set()
  ): void {
    const shape = this.model.shapes[shapeName]
    if (!shape) {
      problems.push({
        kind: 'validation',
        message: `${where}: the model has no shape ${shapeName}`
      })
      return
    }
    if (value === null || value === undefined) return
    const wrongType = (expected: string): void => {
      problems.push({
        kind: 'serialization',
        message: `${where}: expected ${expected}, got ${describe(value)}`
      })
    }
    const broken = (constraint: string): void => {
      problems.push({
        kind: 'validation',
        message: `Value ${shown(value)} at '${where}' failed to satisfy constraint: ${constraint}`
      })
    }
    switch (shape.type) {
      case 'structure': {
        if (typeof value !== 'object' || Array.isArray(value)) return wrongType('a structure')
        const record = value as Record<string, unknown>
        const members = shape.members ?? {}
        for (const [key, field] of Object.entries(record)) {
          if (field === undefined) continue
          const member = members[key]
          if (!member) {
            problems.push({
              kind: 'serialization',
              message: `${where}: ${shapeName} has no member "${key}"`
            })
            continue
          }
          this.walk(member.shape, field, `${where}.${key}`, problems, direction, omitted)
        }
        for (const key of shape.required ?? []) {
          if (omitted.has(key)) continue
          if (record[key] === undefined || record[key] === null) {
            problems.push({
              kind: 'validation',
              message: `Value null at '${where}.${key}' failed to satisfy constraint: Member must not be null`
            })
          }
        }
        return
      }
      case 'list': {
        if (!Array.isArray(value)) return wrongType('a list')
        this.count(shape, value.length, broken)
        value.forEach((item, i) =>
          this.walk(shape.member?.shape ?? '', item, `${where}[${i}]`, problems, direction, omitted)
        )
        return
      }
      case 'map': {
        if (typeof value !== 'object' || Array.isArray(value)) return wrongType('a map')
        const entries = Object.entries(value as Record<string, unknown>)
        this.count(shape, entries.length, broken)
        for (const [key, item] of entries) {
          this.walk(shape.key?.shape ?? '', key, `${where}.key`, problems, direction)
          this.walk(shape.value?.shape ?? '', item, `${where}.${key}`, problems, direction, omitted)
        }
        return
      }
      case 'string': {
        if (typeof value !== 'string') return wrongType('a string')
        const extras = direction === 'output' ? (this.answerEnumExtras[shapeName] ?? []) : []
        if (shape.enum && !shape.enum.includes(value) && !extras.includes(value)) {
          broken(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`)
        }
        this.count(shape, [...value].length, broken)
        if (shape.pattern && !matches(shape.pattern, value)) {
          broken(`Member must satisfy regular expression pattern: ${shape.pattern}`)
        }
        return
      }
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType('an integer')
        this.range(shape, value, broken)
        return
      case 'float':
      case 'double':
        if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('a number')
        this.range(shape, value, broken)
        return
      case 'boolean':
        if (typeof value !== 'boolean') wrongType('a boolean')
        return
      case 'timestamp':
        // Epoch seconds in JSON; a Date once a Query form is decoded.
        if (typeof value !== 'number' && !(value instanceof Date)) wrongType('a timestamp')
        return
      case 'blob':
        if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
          wrongType('base64 text')
        }
        return
      default:
        return
    }
  }

  private count(shape: Shape, count: number, broken: (constraint: string) => void): void {
    if (shape.min !== undefined && count < shape.min) {
      broken(`Member must have length greater than or equal to ${shape.min}`)
    }
    if (shape.max !== undefined && count > shape.max) {
      broken(`Member must have length less than or equal to ${shape.max}`)
    }
  }

  private range(shape: Shape, value: number, broken: (constraint: string) => void): void {
    if (shape.min !== undefined && value < shape.min) {
      broken(`Member must have value greater than or equal to ${shape.min}`)
    }
    if (shape.max !== undefined && value > shape.max) {
      broken(`Member must have value less than or equal to ${shape.max}`)
    }
  }

  /** A Query form's tree as typed values; what cannot be read is a problem. */
  private decode(
    shapeName: string,
    node: Tree | string,
    where: string,
    problems: AwsProblem[]
  ): unknown {
    const shape = this.model.shapes[shapeName]
    const at = where || 'input'
    if (!shape) return undefined
    const wrong = (expected: string): undefined => {
      problems.push({ kind: 'validation', message: `${at}: expected ${expected}` })
      return undefined
    }
    switch (shape.type) {
      case 'structure': {
        if (typeof node === 'string') return wrong('a structure')
        const out: Record<string, unknown> = {}
        for (const [key, child] of Object.entries(node)) {
          const member = shape.members?.[key]
          if (!member) {
            problems.push({
              kind: 'validation',
              message: `${at}: ${shapeName} has no member "${key}"`
            })
            continue
          }
          out[key] = this.decode(member.shape, child, where ? `${where}.${key}` : key, problems)
        }
        return out
      }
      case 'list': {
        // `A=` is an empty list.
        if (node === '') return []
        if (typeof node === 'string' || typeof node.member !== 'object') {
          return wrong(`a list (${at}.member.N)`)
        }
        return Object.entries(node.member)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([n, item]) =>
            this.decode(shape.member?.shape ?? '', item, `${at}.member.${n}`, problems)
          )
      }
      case 'map': {
        // `A=` is an empty map; anything but `A.entry.N.key` / `.value` is not one.
        if (node === '') return {}
        if (typeof node === 'string' || typeof node.entry !== 'object') {
          return wrong(`a map (${at}.entry.N.key and .value)`)
        }
        const out: Record<string, unknown> = {}
        for (const entry of Object.values(node.entry)) {
          if (typeof entry === 'string') continue
          const key = this.decode(shape.key?.shape ?? '', entry.key ?? '', `${at}.key`, problems)
          out[String(key)] = this.decode(shape.value?.shape ?? '', entry.value ?? '', at, problems)
        }
        return out
      }
      case 'boolean':
        if (node !== 'true' && node !== 'false') return wrong('true or false')
        return node === 'true'
      case 'integer':
      case 'long':
        if (typeof node !== 'string' || !/^-?\d+$/.test(node)) return wrong('an integer')
        return Number(node)
      case 'float':
      case 'double':
        if (typeof node !== 'string' || !Number.isFinite(Number(node))) return wrong('a number')
        return Number(node)
      case 'timestamp':
        if (typeof node !== 'string' || Number.isNaN(Date.parse(node))) return wrong('a timestamp')
        return new Date(node)
      default:
        if (typeof node !== 'string') return wrong('a single value')
        return node
    }
  }

  private encodeMembers(shapeName: string, value: Record<string, unknown>): string {
    const members = this.model.shapes[shapeName]?.members ?? {}
    return Object.entries(members)
      .filter(([name]) => value[name] !== undefined && value[name] !== null)
      .map(([name, ref]) => `<${name}>${this.encode(ref.shape, value[name])}</${name}>`)
      .join('')
  }

  private encode(shapeName: string, value: unknown): string {
    const shape = this.model.shapes[shapeName]
    switch (shape?.type) {
      case 'structure':
        return this.encodeMembers(shapeName, value as Record<string, unknown>)
      case 'list':
        return (value as unknown[])
          .map(item => `<member>${this.encode(shape.member?.shape ?? '', item)}</member>`)
          .join('')
      case 'map':
        return Object.entries(value as Record<string, unknown>)
          .map(
            ([key, item]) =>
              `<entry><key>${escapeXml(key)}</key><value>${this.encode(shape.value?.shape ?? '', item)}</value></entry>`
          )
          .join('')
      case 'timestamp':
        // A Date, or ms since the epoch as Date takes them.
        return new Date(value as number | Date | string).toISOString()
      default:
        return escapeXml(String(value))
    }
  }
}

type Tree = { [key: string]: Tree | string }

/** `A.member.1.B=x` -> {A: {member: {1: {B: 'x'}}}}. */
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

/** AWS patterns are Java regular expressions; one JavaScript cannot read is not checked. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value)
  } catch {
    return true
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

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value.slice(0, 60)}'` : `'${JSON.stringify(value)}'`
}
