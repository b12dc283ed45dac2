import {
  RouteTable,
  routingRefusal,
  type IncomingRequest,
  type RequestCheck as GenericRequestCheck,
  type Routed
} from './routing.js'
import { closest, describe } from './values.js'

/**
 * Holds a simulator to an OpenAPI 3.0 or 3.1 description of the real API (Discord's, GitHub's):
 * the paths and methods, the path and query parameters with their schemas, the JSON request body,
 * and the answer's body by its status. Schemas are read as JSON Schema (3.1 is 2020-12: `type`
 * may be a list, `null` is a type; 3.0's `nullable` says the same), with $ref into the
 * components, allOf, anyOf and oneOf, enum and const, and the documented limits: maxLength,
 * maxItems, minimum, pattern and their kin. Lengths count characters (code points), as JSON
 * Schema does, not UTF-16 units.
 *
 * As swagger2.ts, stricter than the services on one point, on purpose: a field the schema does not
 * declare is refused (unless the schema takes additional properties), in requests and in answers.
 * A real service drops an unknown request field, so a setting we believe we sent never arrives;
 * a simulator that answers a field the real service does not have lets a client depend on it.
 *
 * oneOf is judged as anyOf: descriptions use it for unions whose branches overlap (GitHub's
 * private and public user; Discord's `x-discord-union`), which the services tell apart by other
 * means than exclusivity. Header and cookie parameters are not checked (authentication is the
 * simulator's own business).
 */

export type JsonSchema = boolean | SchemaObject

export interface SchemaObject {
  $ref?: string
  type?: string | string[]
  /** OpenAPI 3.0's way of saying `type: [..., 'null']`. */
  nullable?: boolean
  format?: string
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema
  patternProperties?: Record<string, JsonSchema>
  minProperties?: number
  maxProperties?: number
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  allOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  not?: JsonSchema
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  /** A number in 3.1; a flag on minimum in 3.0. */
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  multipleOf?: number
}

export interface ParameterObject {
  $ref?: string
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: JsonSchema
  style?: string
  explode?: boolean
  /** GitHub's mark on a path parameter that spans segments (`{ref}` = heads/main). */
  'x-multi-segment'?: boolean
}

export interface MediaTypeObject {
  schema?: JsonSchema
}

export interface RequestBodyObject {
  $ref?: string
  required?: boolean
  content?: Record<string, MediaTypeObject>
}

export interface ResponseObject {
  $ref?: string
  content?: Record<string, MediaTypeObject>
}

export interface OperationObject {
  operationId?: string
  parameters?: ParameterObject[]
  requestBody?: RequestBodyObject
  responses?: Record<string, ResponseObject>
}

export interface OpenApi3Document {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components?: Record<string, Record<string, unknown>>
}

/**
 * Where a contract reads the description from: a whole document (documentDescription), or an
 * index that resolves only what is asked (GitHub's 13 MB one, contracts/github.ts).
 */
export interface OpenApi3Description {
  /** Every path template with its methods: routing needs all of them, checked or not. */
  readonly routes: readonly {
    readonly template: string
    readonly methods: readonly string[]
    /** Path parameters that span segments. */
    readonly multiSegment: readonly string[]
  }[]
  /** One method of one path: the operation, and the parameters its path item declares. */
  operation(
    template: string,
    method: string
  ): { operation: OperationObject; pathParameters: readonly ParameterObject[] }
  /** What a `#/components/...` reference names. */
  resolve(ref: string): unknown
}

/** One method of one path, its references resolved. */
export interface Operation {
  readonly method: string
  readonly template: string
  readonly operationId: string | undefined
  readonly parameters: readonly ParameterObject[]
  readonly requestBody: RequestBodyObject | undefined
  readonly responses: Readonly<Record<string, ResponseObject>>
}

export type RequestCheck = GenericRequestCheck<Operation>

export interface OpenApi3Options {
  /** Where the description's paths begin on the server: Discord's `/api/v10`. */
  basePaths?: readonly string[]
  /**
   * Answers any operation can give though few list them (GitHub's 401 and 403): status -> the
   * body's schema.
   */
  commonAnswers?: Readonly<Record<string, JsonSchema>>
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']
const NO_KEYS: ReadonlySet<string> = new Set()

export function documentDescription(document: OpenApi3Document): OpenApi3Description {
  if (!/^3\.[01]\./.test(String(document.openapi))) {
    throw new Error(`not an OpenAPI 3.0/3.1 description (openapi: ${String(document.openapi)})`)
  }
  const resolve = (ref: string): unknown => pointer(document, ref)
  const routes = Object.entries(document.paths).map(([template, item]) => {
    const methods = METHODS.filter(m => item[m] !== undefined)
    const declared = [
      ...((item.parameters as ParameterObject[] | undefined) ?? []),
      ...methods.flatMap(m => (item[m] as OperationObject).parameters ?? [])
    ]
    const multiSegment = declared
      .map(p => (p.$ref ? (resolve(p.$ref) as ParameterObject) : p))
      .filter(p => p.in === 'path' && p['x-multi-segment'])
      .map(p => p.name)
    return { template, methods, multiSegment }
  })
  return {
    routes,
    resolve,
    operation: (template, method) => {
      const item = document.paths[template] ?? {}
      return {
        operation: (item[method.toLowerCase()] ?? {}) as OperationObject,
        pathParameters: (item.parameters as ParameterObject[] | undefined) ?? []
      }
    }
  }
}

/** A `#/a/b` JSON pointer into a document. */
export function pointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are read: ${ref}`)
  let node: unknown = document
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    node =
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
  }
  return node
}

export class OpenApi3Contract {
  private readonly routes = new RouteTable<{ template: string; method: string }>()
  private readonly operations = new Map<string, Operation>()
  private readonly declared = new WeakMap<object, ReadonlySet<string>>()
  private readonly basePaths: readonly string[]
  private readonly commonAnswers: Readonly<Record<string, JsonSchema>>

  constructor(
    private readonly description: OpenApi3Description,
    options: OpenApi3Options = {}
  ) {
    this.basePaths = (options.basePaths ?? ['']).map(base => base.replace(/\/+$/, ''))
    this.commonAnswers = options.commonAnswers ?? {}
    for (const { template, methods, multiSegment } of description.routes) {
      for (const method of methods) {
        this.routes.add(template, method, { template, method }, new Set(multiSegment))
      }
    }
  }

  /** The operation a method and path reach, or why none does. */
  route(method: string, path: string): Routed<Operation> {
    const base = this.basePaths.find(b => b === '' || path.startsWith(`${b}/`))
    if (base === undefined) return { status: 404, allowed: [] }
    const routed = this.routes.find(method, path.slice(base.length))
    if ('status' in routed) return routed
    return { operation: this.operation(routed.operation), params: routed.params }
  }

  checkRequest(request: IncomingRequest): RequestCheck {
    const routed = this.route(request.method, request.path)
    if ('status' in routed) return routingRefusal(request.method, routed)
    const { operation, params } = routed
    const problems: string[] = []
    const byIn = (where: ParameterObject['in']) => operation.parameters.filter(p => p.in === where)
    for (const parameter of byIn('path')) {
      const value = params[parameter.name]
      if (value === undefined) continue
      const where = `path parameter ${parameter.name}`
      problems.push(
        ...this.checkValue(parameter.schema, this.fromText(parameter.schema, value), where)
      )
    }
    problems.push(...this.checkQuery(byIn('query'), request.query))
    const body = this.checkBody(operation, request, problems)
    return problems.length
      ? { ok: false, status: 400, problems: dedupe(problems), operation }
      : { ok: true, operation, params, body }
  }

  /** Problems with an answer: a status the description does not have, or a body off its schema. */
  checkAnswer(operation: Operation, status: number, body: unknown): string[] {
    const response = this.response(operation, status)
    if (!response) {
      const common = this.commonAnswers[String(status)]
      if (common !== undefined) return this.checkValue(common, onTheWire(body), `answer ${status}`)
      return [
        `${operation.method} ${operation.template} answered ${status}, which it does not list`
      ]
    }
    if (body === undefined || body === '') return []
    const media = jsonMedia(response.content)
    if (!media) {
      return [
        `${operation.method} ${operation.template} answered a body with ${status}, which has none`
      ]
    }
    return this.checkValue(media.schema, onTheWire(body), `answer ${status}`)
  }

  /**
   * Walks an answer along its schema and hands each object whose schema is a named component
   * (`#/components/schemas/<name>`) to `visit`, before going into it. Of alternatives (oneOf,
   * anyOf), only the first one `visit` takes is gone into. For a simulator that fills in what the
   * real service always sends.
   */
  visitNamed(
    operation: Operation,
    status: number,
    body: unknown,
    visit: (name: string, value: Record<string, unknown>) => boolean
  ): void {
    const response = this.response(operation, status)
    const schema = response ? jsonMedia(response.content)?.schema : undefined
    this.visit(schema, body, visit, 0)
  }

  private visit(
    schema: JsonSchema | undefined,
    value: unknown,
    visit: (name: string, value: Record<string, unknown>) => boolean,
    depth: number
  ): boolean {
    if (typeof schema !== 'object' || value === null || typeof value !== 'object' || depth > 50) {
      return false
    }
    if (schema.$ref) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1]
      const taken =
        name !== undefined && !Array.isArray(value) && visit(name, value as Record<string, unknown>)
      return this.visit(this.resolve(schema.$ref), value, visit, depth + 1) || taken
    }
    for (const part of schema.allOf ?? []) this.visit(part, value, visit, depth + 1)
    for (const alternative of schema.anyOf ?? schema.oneOf ?? []) {
      if (this.visit(alternative, value, visit, depth + 1)) break
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) =>
        this.visit(schema.prefixItems?.[i] ?? schema.items, item, visit, depth + 1)
      )
    } else {
      for (const [key, field] of Object.entries(value)) {
        this.visit(schema.properties?.[key], field, visit, depth + 1)
      }
    }
    return false
  }

  /** Problems with a JSON value against a schema; `where` names it in each problem. */
  checkValue(schema: JsonSchema | undefined, value: unknown, where: string): string[] {
    const problems: string[] = []
    this.walk(schema, value, where, problems, NO_KEYS)
    return dedupe(problems)
  }

  private response(operation: Operation, status: number): ResponseObject | undefined {
    return (
      operation.responses[String(status)] ??
      operation.responses[`${String(status).charAt(0)}XX`] ??
      operation.responses.default
    )
  }

  private operation({ template, method }: { template: string; method: string }): Operation {
    const key = `${method} ${template}`
    const known = this.operations.get(key)
    if (known) return known
    const { operation, pathParameters } = this.description.operation(template, method)
    const own = (operation.parameters ?? []).map(p => this.deref(p))
    const shared = pathParameters.map(p => this.deref(p))
    const responses: Record<string, ResponseObject> = {}
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      responses[status] = this.deref(response)
    }
    const built: Operation = {
      method: method.toUpperCase(),
      template,
      operationId: operation.operationId,
      parameters: [
        ...shared.filter(p => !own.some(o => o.name === p.name && o.in === p.in)),
        ...own
      ],
      requestBody: operation.requestBody ? this.deref(operation.requestBody) : undefined,
      responses
    }
    this.operations.set(key, built)
    return built
  }

  private deref<T extends { $ref?: string }>(object: T): T {
    let current = object
    for (let hops = 0; current.$ref && hops < 10; hops++) {
      current = this.resolve(current.$ref) as T
    }
    return current
  }

  private resolve(ref: string): JsonSchema {
    const target = this.description.resolve(ref)
    if (target === undefined) throw new Error(`the description refers to a missing ${ref}`)
    return target as JsonSchema
  }

  private checkQuery(declared: readonly ParameterObject[], given: URLSearchParams): string[] {
    const problems: string[] = []
    for (const name of new Set(given.keys())) {
      const parameter = declared.find(p => p.name === name)
      const where = `query parameter ${name}`
      if (!parameter) {
        problems.push(`unknown query parameter "${name}"`)
        continue
      }
      const values = given.getAll(name)
      const schema = parameter.schema
      if (this.typesOf(schema).has('array')) {
        const exploded = parameter.explode ?? (parameter.style ?? 'form') === 'form'
        const items = exploded ? values : values.flatMap(v => v.split(','))
        const itemSchema = typeof schema === 'object' ? this.itemsOf(schema) : undefined
        problems.push(
          ...this.checkValue(
            schema,
            items.map(item => this.fromText(itemSchema, item)),
            where
          )
        )
        continue
      }
      if (values.length > 1) {
        problems.push(`${where}: given ${values.length} times, but it takes one value`)
        continue
      }
      problems.push(...this.checkValue(schema, this.fromText(schema, values[0] ?? ''), where))
    }
    for (const parameter of declared) {
      if (parameter.required && !given.has(parameter.name)) {
        problems.push(`missing required query parameter "${parameter.name}"`)
      }
    }
    return problems
  }

  private checkBody(operation: Operation, request: IncomingRequest, problems: string[]): unknown {
    const declared = operation.requestBody
    if (!request.body.trim()) {
      if (declared?.required) problems.push('the body is required')
      return undefined
    }
    if (!declared) {
      problems.push(`${operation.method} ${operation.template} takes no body`)
      return undefined
    }
    const type = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const media = declared.content?.[type]
    if (!media) {
      const taken = Object.keys(declared.content ?? {}).join(', ')
      problems.push(`the body's content type "${type}" is not one it takes (${taken})`)
      return undefined
    }
    if (!type.includes('json')) return request.body
    let body: unknown
    try {
      body = JSON.parse(request.body) as unknown
    } catch (error) {
      problems.push(`the body is not JSON: ${(error as Error).message}`)
      return undefined
    }
    problems.push(...this.checkValue(media.schema, body, 'body'))
    return body
  }

  /** A parameter's text as the value its schema declares, as a router parses it. */
  private fromText(schema: JsonSchema | undefined, text: string): unknown {
    const types = this.typesOf(schema)
    if (types.has('integer') && /^-?\d+$/.test(text)) return Number(text)
    if (types.has('number') && text.trim() !== '' && Number.isFinite(Number(text))) {
      return Number(text)
    }
    if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true'
    return text
  }

  /** Every type a schema may take, through references and alternatives. */
  private typesOf(schema: JsonSchema | undefined, depth = 0): Set<string> {
    const types = new Set<string>()
    if (typeof schema !== 'object' || depth > 10) return types
    if (schema.$ref)
      for (const t of this.typesOf(this.resolve(schema.$ref), depth + 1)) types.add(t)
    for (const t of typeList(schema) ?? []) types.add(t)
    for (const part of [
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.allOf ?? [])
    ]) {
      for (const t of this.typesOf(part, depth + 1)) types.add(t)
    }
    return types
  }

  private itemsOf(schema: SchemaObject): JsonSchema | undefined {
    const resolved = schema.$ref ? this.resolve(schema.$ref) : schema
    return typeof resolved === 'object' ? resolved.items : undefined
  }

  private walk(
    schema: JsonSchema | undefined,
    value: unknown,
    where: string,
    problems: string[],
    siblings: ReadonlySet<string>
  ): void {
    if (schema === undefined || schema === true) return
    if (schema === false) {
      problems.push(`${where}: nothing is allowed here`)
      return
    }
    if (schema.$ref) {
      this.walk(this.resolve(schema.$ref), value, where, problems, siblings)
      // 3.1 lets a reference have siblings, which apply as well.
      const rest: SchemaObject = { ...schema }
      delete rest.$ref
      if (!constrains(rest)) return
      schema = rest
    }
    // 3.0: `nullable` beside oneOf or allOf, with no type of its own, lets null through.
    if (value === null && schema.nullable) return
    const known = union(siblings, this.keysOf(schema))
    for (const part of schema.allOf ?? []) this.walk(part, value, where, problems, known)
    const alternatives = schema.anyOf ?? schema.oneOf
    if (alternatives) {
      const outer = union(siblings, new Set(Object.keys(schema.properties ?? {})))
      const tried = alternatives.map(alternative => {
        const found: string[] = []
        this.walk(alternative, value, where, found, outer)
        return found
      })
      if (!tried.some(found => found.length === 0)) problems.push(...closest(tried, where))
    }
    if (schema.not !== undefined && this.checkValue(schema.not, value, where).length === 0) {
      problems.push(`${where}: matches a schema it must not`)
    }
    this.checkOwn(schema, value, where, problems, known)
  }

  /** Property names a schema declares, with those of its parts and alternatives. */
  private keysOf(schema: JsonSchema, depth = 0): ReadonlySet<string> {
    if (typeof schema !== 'object' || depth > 20) return NO_KEYS
    const cached = this.declared.get(schema)
    if (cached) return cached
    const keys = new Set(Object.keys(schema.properties ?? {}))
    const parts = [
      ...(schema.$ref ? [this.resolve(schema.$ref)] : []),
      ...(schema.allOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? [])
    ]
    for (const part of parts) for (const key of this.keysOf(part, depth + 1)) keys.add(key)
    this.declared.set(schema, keys)
    return keys
  }

  private checkOwn(
    schema: SchemaObject,
    value: unknown,
    where: string,
    problems: string[],
    known: ReadonlySet<string>
  ): void {
    const types = typeList(schema)
    if (types && !types.some(type => isType(type, value))) {
      problems.push(`${where}: expected ${types.join(' or ')}, got ${describe(value)}`)
      return
    }
    if (schema.enum && !schema.enum.some(option => sameJson(option, value))) {
      problems.push(
        `${where}: ${describe(value)} is not one of ${schema.enum.map(String).join(', ')}`
      )
    }
    if ('const' in schema && !sameJson(schema.const, value)) {
      problems.push(`${where}: ${describe(value)} is not ${JSON.stringify(schema.const)}`)
    }
    if (typeof value === 'string') problems.push(...stringProblems(schema, value, where))
    else if (typeof value === 'number') problems.push(...numberProblems(schema, value, where))
    else if (Array.isArray(value)) this.checkArray(schema, value, where, problems)
    else if (value !== null && typeof value === 'object') {
      this.checkObject(schema, value as Record<string, unknown>, where, problems, known)
    }
  }

  private checkArray(schema: SchemaObject, value: unknown[], where: string, problems: string[]) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      problems.push(`${where}: ${value.length} items, at most ${schema.maxItems} allowed`)
    }
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      problems.push(`${where}: ${value.length} items, at least ${schema.minItems} needed`)
    }
    if (schema.uniqueItems && new Set(value.map(v => JSON.stringify(v))).size !== value.length) {
      problems.push(`${where}: the items must be unique`)
    }
    value.forEach((item, i) => {
      const itemSchema = schema.prefixItems?.[i] ?? schema.items
      this.walk(itemSchema, item, `${where}[${i}]`, problems, NO_KEYS)
    })
  }

  private checkObject(
    schema: SchemaObject,
    value: Record<string, unknown>,
    where: string,
    problems: string[],
    known: ReadonlySet<string>
  ): void {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined)
    const extra = schema.additionalProperties
    const patterns = Object.entries(schema.patternProperties ?? {})
    for (const [key, field] of entries) {
      const declared = schema.properties?.[key]
      const matching = patterns.filter(([pattern]) => new RegExp(pattern, 'u').test(key))
      if (declared !== undefined) this.walk(declared, field, `${where}.${key}`, problems, NO_KEYS)
      for (const [, patternSchema] of matching) {
        this.walk(patternSchema, field, `${where}.${key}`, problems, NO_KEYS)
      }
      if (declared !== undefined || matching.length || known.has(key)) continue
      if (typeof extra === 'object') this.walk(extra, field, `${where}.${key}`, problems, NO_KEYS)
      else if (extra === false || (extra === undefined && schema.properties)) {
        problems.push(`${where}: unknown field "${key}"`)
      }
    }
    for (const key of schema.required ?? []) {
      if (value[key] === undefined) problems.push(`${where}: missing required field "${key}"`)
    }
    if (schema.maxProperties !== undefined && entries.length > schema.maxProperties) {
      problems.push(`${where}: ${entries.length} fields, at most ${schema.maxProperties} allowed`)
    }
    if (schema.minProperties !== undefined && entries.length < schema.minProperties) {
      problems.push(`${where}: ${entries.length} fields, at least ${schema.minProperties} needed`)
    }
  }
}

/** The types a schema names itself (3.0's nullable adds null); undefined when it names none. */
function typeList(schema: SchemaObject): string[] | undefined {
  const named = schema.type === undefined ? undefined : [schema.type].flat()
  const types = named ?? (schema.properties ? ['object'] : undefined)
  if (!types) return undefined
  return schema.nullable && !types.includes('null') ? [...types, 'null'] : types
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'boolean':
      return typeof value === 'boolean'
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'array':
      return Array.isArray(value)
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
    default:
      return false
  }
}

/** Whether what is left beside a $ref says anything about the value (not only annotations). */
function constrains(schema: SchemaObject): boolean {
  const annotations = new Set(['description', 'title', 'example', 'examples', 'deprecated'])
  return Object.keys(schema).some(key => !annotations.has(key) && !key.startsWith('x-'))
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }

function stringProblems(schema: SchemaObject, value: string, where: string): string[] {
  const problems: string[] = []
  const length = [...value].length
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    problems.push(`${where}: ${length} characters, at most ${schema.maxLength} allowed`)
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    problems.push(`${where}: ${length} characters, at least ${schema.minLength} needed`)
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(`${where}: "${value.slice(0, 40)}" does not match ${schema.pattern}`)
  }
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
    problems.push(`${where}: expected a date-time, got "${value.slice(0, 40)}"`)
  }
  return problems
}

function numberProblems(schema: SchemaObject, value: number, where: string): string[] {
  const problems: string[] = []
  const over = (limit: number, exclusive: boolean) => (exclusive ? value >= limit : value > limit)
  const under = (limit: number, exclusive: boolean) => (exclusive ? value <= limit : value < limit)
  if (schema.format === 'int32' && (value < INT32.min || value > INT32.max)) {
    problems.push(`${where}: ${value} is outside int32`)
  }
  if (schema.maximum !== undefined && over(schema.maximum, schema.exclusiveMaximum === true)) {
    problems.push(`${where}: ${value} is over the maximum ${schema.maximum}`)
  }
  if (typeof schema.exclusiveMaximum === 'number' && over(schema.exclusiveMaximum, true)) {
    problems.push(`${where}: ${value} is not under ${schema.exclusiveMaximum}`)
  }
  if (schema.minimum !== undefined && under(schema.minimum, schema.exclusiveMinimum === true)) {
    problems.push(`${where}: ${value} is under the minimum ${schema.minimum}`)
  }
  if (typeof schema.exclusiveMinimum === 'number' && under(schema.exclusiveMinimum, true)) {
    problems.push(`${where}: ${value} is not over ${schema.exclusiveMinimum}`)
  }
  if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
    problems.push(`${where}: ${value} is not a multiple of ${schema.multipleOf}`)
  }
  return problems
}

function jsonMedia(content: Record<string, MediaTypeObject> | undefined) {
  if (!content) return undefined
  return (
    content['application/json'] ?? Object.entries(content).find(([t]) => t.includes('json'))?.[1]
  )
}

/** As it goes on the wire: fields set to undefined are not sent. */
function onTheWire(body: unknown): unknown {
  return typeof body === 'string' ? body : (JSON.parse(JSON.stringify(body ?? null)) as unknown)
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a
  if (a.size === 0) return b
  return new Set([...a, ...b])
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

function dedupe(problems: string[]): string[] {
  return [...new Set(problems)]
}
