import { readFileSync } from 'node:fs'
import {
  RouteTable,
  routingRefusal,
  type IncomingRequest,
  type RequestCheck as GenericRequestCheck,
  type Routed
} from './routing.js'

import { closest, describe } from './values.js'

export type { IncomingRequest } from './routing.js'

/**
 * Holds a simulator to a Swagger 2.0 description of the real API: which paths and methods exist,
 * which path, query and form parameters each takes and of what type, and the shape of its JSON
 * body and answers. A simulator asks `checkRequest` before it acts and `checkAnswer` before it
 * answers, and records what fails in a ContractLog, so a test that sends what the real service
 * would not take fails even when the simulator could have made sense of it.
 *
 * Stricter than most servers on one point, on purpose: a field or parameter the description does
 * not have is refused. Servers built on Go's encoding/json (Argo CD's grpc-gateway) or Slack's
 * form parsing drop such a field silently, so the call "works" while a setting we believe we sent
 * never arrives; here it is a violation.
 *
 * Header parameters are not checked (a description may list the token as one while the service
 * also takes it from Authorization); callers check authentication themselves.
 */

export interface Schema {
  $ref?: string
  /** A list in Slack's descriptions: any of these types. */
  type?: string | string[]
  format?: string
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  /** A list of schemas without `type: array`: Slack's descriptions' way of saying "one of". */
  items?: Schema | Schema[]
  required?: string[]
  allOf?: Schema[]
  enum?: unknown[]
  maxLength?: number
  minLength?: number
  pattern?: string
  maximum?: number
  minimum?: number
  maxItems?: number
  minItems?: number
}

export interface Parameter extends Omit<Schema, 'required'> {
  name: string
  in: 'path' | 'query' | 'header' | 'body' | 'formData'
  required?: boolean
  collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi'
  schema?: Schema
}

export interface Swagger2Document {
  swagger: string
  basePath?: string
  consumes?: string[]
  paths: Record<string, Record<string, unknown>>
  definitions?: Record<string, Schema>
}

/** One method of one path, as the description declares it. */
export interface Operation {
  readonly method: string
  readonly template: string
  readonly operationId: string | undefined
  readonly parameters: readonly Parameter[]
  /** The body's content types it takes. */
  readonly consumes: readonly string[]
  readonly responses: Readonly<Record<string, { schema?: Schema } | undefined>>
}

export type RequestCheck = GenericRequestCheck<Operation>

export interface Swagger2Options {
  /**
   * Definitions that are any JSON on the wire whatever the description says: a Kubernetes
   * RawExtension is described as {raw: bytes} but travels as the object itself.
   */
  freeForm?: readonly string[]
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

export class Swagger2Contract {
  private readonly routes = new RouteTable<Operation>()
  private readonly definitions: Record<string, Schema>
  private readonly freeForm: ReadonlySet<string>
  private readonly basePath: string

  static fromFile(file: string, options: Swagger2Options = {}): Swagger2Contract {
    return new Swagger2Contract(JSON.parse(readFileSync(file, 'utf8')) as Swagger2Document, options)
  }

  constructor(document: Swagger2Document, options: Swagger2Options = {}) {
    if (document.swagger !== '2.0') {
      throw new Error(`not a Swagger 2.0 description (swagger: ${String(document.swagger)})`)
    }
    this.definitions = document.definitions ?? {}
    this.freeForm = new Set(options.freeForm ?? [])
    this.basePath = (document.basePath ?? '').replace(/\/+$/, '')
    for (const [template, item] of Object.entries(document.paths)) {
      const shared = (item.parameters as Parameter[] | undefined) ?? []
      for (const method of METHODS) {
        const declared = item[method] as
          | {
              operationId?: string
              parameters?: Parameter[]
              consumes?: string[]
              responses?: Operation['responses']
            }
          | undefined
        if (!declared) continue
        const own = declared.parameters ?? []
        const parameters = [
          ...shared.filter(p => !own.some(o => o.name === p.name && o.in === p.in)),
          ...own
        ]
        this.routes.add(template, method, {
          method: method.toUpperCase(),
          template,
          operationId: declared.operationId,
          parameters,
          consumes: declared.consumes ?? document.consumes ?? ['application/json'],
          responses: declared.responses ?? {}
        })
      }
    }
  }

  /** The operation a method and path reach, or why none does. */
  route(method: string, path: string): Routed<Operation> {
    const relative = path.startsWith(`${this.basePath}/`) ? path.slice(this.basePath.length) : path
    if (this.basePath && relative === path) return { status: 404, allowed: [] }
    return this.routes.find(method, relative)
  }

  checkRequest(request: IncomingRequest): RequestCheck {
    const routed = this.route(request.method, request.path)
    if ('status' in routed) return routingRefusal(request.method, routed)
    const { operation, params } = routed
    const problems: string[] = []
    const byIn = (where: Parameter['in']) => operation.parameters.filter(p => p.in === where)

    for (const parameter of byIn('path')) {
      const value = params[parameter.name]
      if (value === undefined) continue
      problems.push(...this.checkText(parameter, [value], `path parameter ${parameter.name}`))
    }
    problems.push(...this.checkFields(byIn('query'), request.query, 'query parameter'))

    let body: unknown
    const bodyParameter = byIn('body')[0]
    const formParameters = byIn('formData')
    if (bodyParameter) {
      if (!request.body.trim()) {
        if (bodyParameter.required) problems.push('the body is required')
      } else {
        const parsed = parseJson(request.body)
        if (!parsed.ok) problems.push(`the body is not JSON: ${parsed.error}`)
        else {
          body = parsed.value
          problems.push(...this.checkValue(bodyParameter.schema ?? {}, body, 'body'))
        }
      }
    } else if (formParameters.length) {
      const fields = formFields(request)
      if ('error' in fields) problems.push(fields.error)
      else {
        body = Object.fromEntries(fields.params)
        problems.push(...this.checkFields(formParameters, fields.params, 'form field'))
      }
    } else if (request.body.trim()) {
      problems.push(`${operation.method} ${operation.template} takes no body`)
    }
    return problems.length
      ? { ok: false, status: 400, problems, operation }
      : { ok: true, operation, params, body }
  }

  /**
   * Arguments that travel as text, wherever the service reads them from (Slack takes any
   * method's arguments from the query string or the body), against the parameters declared in
   * `places`.
   */
  checkArguments(
    operation: Operation,
    given: URLSearchParams,
    places: readonly Parameter['in'][],
    what = 'argument'
  ): string[] {
    const declared = operation.parameters.filter(p => places.includes(p.in))
    return this.checkFields(declared, given, what)
  }

  /** Problems with an answer: a status the description does not list, or a body off its schema. */
  checkAnswer(operation: Operation, status: number, body: unknown): string[] {
    const response = operation.responses[String(status)] ?? operation.responses.default
    if (!response) {
      return [
        `${operation.method} ${operation.template} answered ${status}, which it does not list`
      ]
    }
    if (!response.schema || body === undefined) return []
    // As it goes on the wire: fields set to undefined are not sent.
    return this.checkValue(response.schema, JSON.parse(JSON.stringify(body)), `answer ${status}`)
  }

  /** Problems with a JSON value against a schema; `where` names it in each problem. */
  checkValue(schema: Schema, value: unknown, where: string): string[] {
    const problems: string[] = []
    this.walk(schema, value, where, problems)
    return problems
  }

  private walk(schema: Schema, value: unknown, where: string, problems: string[]): void {
    if (schema.$ref) {
      const name = schema.$ref.replace(/^#\/definitions\//, '')
      if (this.freeForm.has(name)) return
      const target = this.definitions[name]
      if (!target) {
        problems.push(`${where}: the description refers to a missing ${schema.$ref}`)
        return
      }
      this.walk(target, value, where, problems)
      return
    }
    if (schema.allOf) {
      this.walk(this.merge(schema), value, where, problems)
      return
    }
    if (Array.isArray(schema.items) && schema.type === undefined) {
      const alternatives = schema.items
      const tried = alternatives.map(alternative => this.checkValue(alternative, value, where))
      if (!tried.some(found => found.length === 0)) problems.push(...closest(tried, where))
      return
    }
    if (Array.isArray(schema.type)) {
      const tried = schema.type.map(type => this.checkValue({ ...schema, type }, value, where))
      if (!tried.some(found => found.length === 0)) problems.push(...closest(tried, where))
      return
    }
    // Go's decoders take null for any field as "not given".
    if (value === null) return
    const type = schema.type ?? (schema.properties ? 'object' : undefined)
    switch (type) {
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) {
          problems.push(`${where}: expected an object, got ${describe(value)}`)
          return
        }
        const record = value as Record<string, unknown>
        const properties = schema.properties
        const extra = schema.additionalProperties
        for (const [key, field] of Object.entries(record)) {
          const declared = properties?.[key]
          if (declared) this.walk(declared, field, `${where}.${key}`, problems)
          else if (typeof extra === 'object') this.walk(extra, field, `${where}.${key}`, problems)
          else if (properties && extra !== true) problems.push(`${where}: unknown field "${key}"`)
        }
        for (const key of schema.required ?? []) {
          if (record[key] === undefined) problems.push(`${where}: missing required field "${key}"`)
        }
        return
      }
      case 'array': {
        if (!Array.isArray(value)) {
          problems.push(`${where}: expected an array, got ${describe(value)}`)
          return
        }
        if (schema.maxItems !== undefined && value.length > schema.maxItems) {
          problems.push(`${where}: ${value.length} items, at most ${schema.maxItems} allowed`)
        }
        if (schema.minItems !== undefined && value.length < schema.minItems) {
          problems.push(`${where}: ${value.length} items, at least ${schema.minItems} needed`)
        }
        const items = Array.isArray(schema.items) ? { items: schema.items } : (schema.items ?? {})
        value.forEach((item, i) => this.walk(items, item, `${where}[${i}]`, problems))
        return
      }
      case undefined:
        return
      default:
        problems.push(...checkScalar(schema, value, where))
    }
  }

  /** One object schema out of allOf's parts, so unknown fields are judged against all of them. */
  private merge(schema: Schema): Schema {
    const merged: Schema = { type: 'object', properties: {}, required: [] }
    for (const part of schema.allOf ?? []) {
      const resolved = part.$ref
        ? (this.definitions[part.$ref.replace(/^#\/definitions\//, '')] ?? {})
        : part
      const flat = resolved.allOf ? this.merge(resolved) : resolved
      Object.assign(merged.properties ?? {}, flat.properties)
      merged.required?.push(...(flat.required ?? []))
      if (flat.additionalProperties !== undefined) {
        merged.additionalProperties = flat.additionalProperties
      }
    }
    return merged
  }

  /** Query or form fields: unknown names, repeats of a single value, types, required ones. */
  private checkFields(
    declared: readonly Parameter[],
    given: URLSearchParams,
    what: string
  ): string[] {
    const problems: string[] = []
    for (const name of new Set(given.keys())) {
      const parameter = declared.find(p => p.name === name)
      if (!parameter) {
        problems.push(`unknown ${what} "${name}"`)
        continue
      }
      problems.push(...this.checkText(parameter, given.getAll(name), `${what} ${name}`))
    }
    for (const parameter of declared) {
      if (parameter.required && !given.has(parameter.name)) {
        problems.push(`missing required ${what} "${parameter.name}"`)
      }
    }
    return problems
  }

  /** Parameters travel as text: each value must read as the declared type. */
  private checkText(parameter: Parameter, values: string[], where: string): string[] {
    if (parameter.type === 'array') {
      const items =
        parameter.collectionFormat === 'multi'
          ? values
          : values.flatMap(v => v.split(SEPARATORS[parameter.collectionFormat ?? 'csv'] ?? ','))
      if (parameter.collectionFormat !== 'multi' && values.length > 1) {
        return [
          `${where}: given ${values.length} times, but it is one ${parameter.collectionFormat ?? 'csv'} list`
        ]
      }
      const itemSchema = Array.isArray(parameter.items) ? {} : (parameter.items ?? {})
      return items.flatMap((item, i) => textProblems(itemSchema, item, `${where}[${i}]`))
    }
    if (values.length > 1) return [`${where}: given ${values.length} times, but it takes one value`]
    return textProblems({ ...parameter, required: undefined }, values[0] ?? '', where)
  }
}

const SEPARATORS: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' }

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }

/** A JSON scalar against string, integer, number or boolean with their formats and limits. */
function checkScalar(schema: Schema, value: unknown, where: string): string[] {
  const problems: string[] = []
  const expected = `${schema.type}${schema.format ? ` (${schema.format})` : ''}`
  const wrong = (): string[] => [`${where}: expected ${expected}, got ${describe(value)}`]
  switch (schema.type) {
    case 'string':
      // A 64-bit integer is a string in proto3 JSON, and the decoders take a number as well.
      if (isInt64Format(schema.format) && typeof value === 'number') {
        return Number.isInteger(value) ? [] : wrong()
      }
      if (typeof value !== 'string') return wrong()
      problems.push(...stringProblems(schema, value, where))
      break
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrong()
      if (schema.format === 'int32' && (value < INT32.min || value > INT32.max)) return wrong()
      problems.push(...rangeProblems(schema, value, where))
      break
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong()
      problems.push(...rangeProblems(schema, value, where))
      break
    case 'boolean':
      if (typeof value !== 'boolean') return wrong()
      break
    case 'null':
      return value === null ? [] : wrong()
    default:
      return [`${where}: the description has an unknown type ${String(schema.type)}`]
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(
      `${where}: ${describe(value)} is not one of ${schema.enum.map(String).join(', ')}`
    )
  }
  return problems
}

/** A parameter's text against its type, as a router parses it before the call is made. */
function textProblems(schema: Schema, text: string, where: string): string[] {
  const expected = `${schema.type}${schema.format ? ` (${schema.format})` : ''}`
  const wrong = [`${where}: expected ${expected}, got "${text}"`]
  switch (schema.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return wrong
      return checkScalar(schema, Number(text), where)
    }
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? checkScalar(schema, Number(text), where)
        : wrong
    case 'boolean':
      // Go's strconv.ParseBool, which grpc-gateway uses.
      return /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(text) ? [] : wrong
    case 'string':
      if (isInt64Format(schema.format) && !/^-?\d+$/.test(text)) return wrong
      return [
        ...stringProblems(schema, text, where),
        ...(schema.enum && !schema.enum.includes(text)
          ? [`${where}: "${text}" is not one of ${schema.enum.map(String).join(', ')}`]
          : [])
      ]
    default:
      return []
  }
}

function isInt64Format(format: string | undefined): boolean {
  return format === 'int64' || format === 'uint64'
}

function stringProblems(schema: Schema, value: string, where: string): string[] {
  const problems: string[] = []
  if (isInt64Format(schema.format) && !/^-?\d+$/.test(value)) {
    problems.push(`${where}: expected a ${schema.format} integer, got "${value}"`)
  }
  if (schema.format === 'byte' && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
    problems.push(`${where}: expected base64 bytes`)
  }
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
    problems.push(`${where}: expected a date-time, got "${value}"`)
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    problems.push(`${where}: ${value.length} characters, at most ${schema.maxLength} allowed`)
  }
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    problems.push(`${where}: ${value.length} characters, at least ${schema.minLength} needed`)
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(`${where}: does not match ${schema.pattern}`)
  }
  return problems
}

function rangeProblems(schema: Schema, value: number, where: string): string[] {
  const problems: string[] = []
  if (schema.maximum !== undefined && value > schema.maximum) {
    problems.push(`${where}: ${value} is over the maximum ${schema.maximum}`)
  }
  if (schema.minimum !== undefined && value < schema.minimum) {
    problems.push(`${where}: ${value} is under the minimum ${schema.minimum}`)
  }
  return problems
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

/** Form fields of a urlencoded body, or of a flat JSON object (Slack takes both). */
export function formFields(
  request: IncomingRequest
): { params: URLSearchParams } | { error: string } {
  if (!request.contentType?.includes('json')) return { params: new URLSearchParams(request.body) }
  const parsed = parseJson(request.body)
  if (!parsed.ok) return { error: `the body is not JSON: ${parsed.error}` }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { error: 'the body is not a JSON object' }
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(parsed.value)) {
    params.append(key, typeof value === 'string' ? value : JSON.stringify(value))
  }
  return { params }
}
