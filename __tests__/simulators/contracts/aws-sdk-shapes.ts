import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { AwsModel, Shape } from './aws.js'

/**
 * The AWS service models in shared/specs date from July 2025 (aws-sdk-js v2's last models); what
 * AWS added since is missing from them: ECS's native blue/green, LINEAR and CANARY deployments
 * (DescribeServiceDeployments, `strategy`, `linearConfiguration`, `canaryConfiguration`, the
 * lifecycle hooks), new enum values. As shared/specs/PROVENANCE.md says, the installed
 * @aws-sdk/client-* package is the reference for those: its runtime schemas (the structures,
 * lists, maps and operations it serializes with) and its enums. This adds to a model what the
 * SDK has and the model lacks, and never changes what the model has: operations and structure
 * members are added, enum values joined. The SDK's schemas carry no min, max or pattern, and
 * say only "number" where the model tells integer from double, so what comes from the SDK is
 * checked by type, required members and enums.
 */

/** A runtime schema of the SDK: [kind, namespace, name, traits, ...] or a simple type's code. */
type SdkSchema = number | SdkSchema[] | (() => SdkSchema) | string | Record<string, unknown>

const STRUCTURE = 3
const ERROR = -3
const UNION = 4
const LIST = 1
const MAP = 2
const OPERATION = 9
const LIST_OF = 64
const MAP_OF = 128

const SIMPLE: Record<number, Shape> = {
  0: { type: 'string' },
  1: { type: 'double' },
  2: { type: 'boolean' },
  4: { type: 'timestamp' },
  5: { type: 'timestamp' },
  6: { type: 'timestamp' },
  7: { type: 'timestamp' },
  15: { type: 'document' },
  21: { type: 'blob' }
}

export function extendFromSdk(model: AwsModel, sdkPackage: string): void {
  const require = createRequire(import.meta.url)
  let sdk: Record<string, unknown>
  let types: string
  try {
    const entry = require.resolve(sdkPackage)
    sdk = require(sdkPackage) as Record<string, unknown>
    types = join(dirname(entry), '../dist-types/models')
  } catch {
    throw new Error(
      `${sdkPackage} is not installed: the ${model.metadata.serviceId ?? ''} model is extended from it`
    )
  }
  const enums = Object.fromEntries(
    Object.entries(sdk).filter(
      ([name, value]) =>
        /^[A-Z]/.test(name) &&
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).length > 0 &&
        Object.values(value).every(v => typeof v === 'string')
    )
  ) as Record<string, Record<string, string>>
  const memberTypes = memberTypeNames(types)
  const adder = new ShapeAdder(model, enums, memberTypes)

  for (const [name, value] of Object.entries(sdk)) {
    if (!name.endsWith('$') || !Array.isArray(value)) continue
    const [kind, , shapeName] = value as [number, string, string]
    if (kind === OPERATION && !model.operations[shapeName]) {
      const [, , , , input, output] = value as SdkSchema[]
      model.operations[shapeName] = {
        name: shapeName,
        input: { shape: adder.shapeOf(input ?? 0) },
        output: { shape: adder.shapeOf(output ?? 0) },
        errors: []
      }
    }
    if (kind === STRUCTURE || kind === ERROR || kind === UNION) adder.shapeOf(value)
  }
  // Enum values the SDK knows and the model's enums lack.
  for (const [shapeName, shape] of Object.entries(model.shapes)) {
    const known = enums[shapeName]
    if (!shape.enum || !known) continue
    for (const value of Object.values(known))
      if (!shape.enum.includes(value)) shape.enum.push(value)
  }
}

class ShapeAdder {
  private readonly seen = new Set<string>()

  constructor(
    private readonly model: AwsModel,
    private readonly enums: Record<string, Record<string, string>>,
    /** Structure -> member -> the TypeScript type it is declared with. */
    private readonly memberTypes: Map<string, Map<string, string>>
  ) {}

  /** The model's name for an SDK schema, adding the shape (or its missing members) as needed. */
  shapeOf(schema: SdkSchema, structure?: string, member?: string): string {
    const resolved = typeof schema === 'function' ? schema() : schema
    if (typeof resolved === 'number') return this.simple(resolved, structure, member)
    if (!Array.isArray(resolved)) return this.simple(0, structure, member)
    const [first] = resolved
    // [schema, memberTraits]: a member with traits of its own.
    if (typeof first === 'function' || Array.isArray(first) || resolved.length === 2) {
      return this.shapeOf(first as SdkSchema, structure, member)
    }
    const [kind, , name] = resolved as [number, string, string]
    switch (kind) {
      case STRUCTURE:
      case ERROR:
      case UNION:
        return this.structure(name, resolved)
      case LIST:
        return this.named(name, () => ({
          type: 'list',
          member: { shape: this.shapeOf(resolved[4] as SdkSchema, name, 'member') }
        }))
      case MAP:
        return this.named(name, () => ({
          type: 'map',
          key: { shape: this.shapeOf(resolved[4] as SdkSchema) },
          value: { shape: this.shapeOf(resolved[5] as SdkSchema, name, 'value') }
        }))
      default:
        return this.simple(0, structure, member)
    }
  }

  private structure(name: string, schema: SdkSchema[]): string {
    if (this.seen.has(name)) return name
    this.seen.add(name)
    const [kind, , , traits, names, schemas, required] = schema as [
      number,
      string,
      string,
      { awsQueryError?: [string, number] } | undefined,
      string[],
      SdkSchema[],
      number | undefined
    ]
    const existing = this.model.shapes[name]
    const shape: Shape = existing ?? {
      type: 'structure',
      members: {},
      required: names.slice(0, required ?? 0)
    }
    // The model files leave their error shapes out; the Query protocol names an error by the
    // code the SDK keeps here (LoadBalancerNotFound for LoadBalancerNotFoundException).
    const queryError = kind === ERROR ? traits?.awsQueryError : undefined
    if (queryError && !shape.error) {
      shape.error = { code: queryError[0], httpStatusCode: queryError[1] }
    }
    this.model.shapes[name] = shape
    shape.members ??= {}
    names.forEach((member, i) => {
      if (shape.members?.[member]) return
      const memberShape = this.shapeOf(schemas[i] as SdkSchema, name, member)
      if (shape.members) shape.members[member] = { shape: memberShape }
    })
    return name
  }

  private named(name: string, make: () => Shape): string {
    if (this.model.shapes[name] || this.seen.has(name)) return name
    this.seen.add(name)
    this.model.shapes[name] = make()
    return name
  }

  /** A simple type; a string whose TypeScript type is one of the SDK's enums becomes that enum. */
  private simple(code: number, structure?: string, member?: string): string {
    if (code & LIST_OF) {
      return this.named(`__sdk_list_${code}_${structure}_${member}`, () => ({
        type: 'list',
        member: { shape: this.simple(code & ~LIST_OF, structure, member) }
      }))
    }
    if (code & MAP_OF) {
      return this.named(`__sdk_map_${code}_${structure}_${member}`, () => ({
        type: 'map',
        key: { shape: this.simple(0) },
        value: { shape: this.simple(code & ~MAP_OF) }
      }))
    }
    const typeName = structure && member ? this.memberTypes.get(structure)?.get(member) : undefined
    const values = typeName ? this.enums[typeName] : undefined
    if (code === 0 && typeName && values) {
      return this.named(typeName, () => ({ type: 'string', enum: Object.values(values) }))
    }
    const shape = SIMPLE[code] ?? { type: 'string' }
    return this.named(`__sdk_${shape.type}`, () => ({ ...shape }))
  }
}

/**
 * `member?: DeploymentStrategy | undefined;` in the SDK's declarations: which TypeScript type each
 * member of each structure has, to tell an enum from a plain string (the runtime schema says only
 * "string"). Arrays name their element type.
 */
function memberTypeNames(directory: string): Map<string, Map<string, string>> {
  const types = new Map<string, Map<string, string>>()
  let files: string[]
  try {
    files = readdirSync(directory).filter(f => f.endsWith('.d.ts'))
  } catch {
    return types
  }
  for (const file of files) {
    let current: Map<string, string> | undefined
    for (const line of readFileSync(join(directory, file), 'utf8').split('\n')) {
      const start = /^export interface (\w+) \{$/.exec(line)
      if (start?.[1]) {
        current = new Map()
        types.set(start[1], current)
        continue
      }
      if (line === '}') {
        current = undefined
        continue
      }
      const member = /^ {4}(\w+)\??: (\w+)(?:\[\])?(?: \| undefined)?;$/.exec(line)
      if (current && member?.[1] && member[2]) current.set(member[1], member[2])
    }
  }
  return types
}
