import { readFile } from 'node:fs/promises'
import { DeployError, errorMessage } from '../errors.js'
import type { RegisterKeys } from '../clients/ecs.js'

/**
 * Pure task definition work: from the definition a deploy starts from to the RegisterTaskDefinition
 * input with the pushed image, and whether registering it would change anything; reading the files
 * the config names. No network here.
 */

/** Keys DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY_KEYS = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt'
])

export type TaskDefinitionJson = Record<string, unknown>

export interface PreparedTaskDefinition {
  /** The RegisterTaskDefinition input. */
  readonly input: TaskDefinitionJson
  /** False when the service already runs exactly this definition: no new revision is needed. */
  readonly changed: boolean
  /** container -> [old image, new image] for the containers that were pointed at the image. */
  readonly images: Readonly<Record<string, readonly [string, string]>>
  readonly warnings: readonly string[]
}

export interface PrepareOptions {
  /** The definition to start from: the service's own, one named by ARN, or a file's contents. */
  readonly source: TaskDefinitionJson
  /** The definition the service runs now, to decide whether anything changed. */
  readonly current: TaskDefinitionJson | undefined
  /** Containers to point at the image; empty means the definition's only container. */
  readonly containers: readonly string[]
  /** registry/repo:tag@sha256:digest, or undefined to deploy the definition as it is. */
  readonly imageUri: string | undefined
  /** Tags of the source definition, carried over to the new revision. */
  readonly tags?: readonly { key?: string; value?: string }[]
  /** Member names the installed SDK serialises; keys outside them would be dropped silently. */
  readonly registerKeys: RegisterKeys | undefined
  /** Where the definition came from, for messages. */
  readonly origin: string
}

export function prepareTaskDefinition(options: PrepareOptions): PreparedTaskDefinition {
  const source = unwrap(options.source)
  const input = withoutReadOnlyKeys(source)
  const definitions = input.containerDefinitions
  if (!Array.isArray(definitions) || definitions.length === 0) {
    throw new DeployError('INVALID_INPUT', `${options.origin} has no containerDefinitions.`)
  }
  const containers = definitions.map(c => ({ ...(c as TaskDefinitionJson) }))
  const images: Record<string, readonly [string, string]> = {}
  if (options.imageUri !== undefined) {
    const image = pinnedImage(options.imageUri)
    for (const name of targetContainers(containers, options.containers, options.origin)) {
      const container = containers.find(c => c.name === name) as TaskDefinitionJson
      images[name] = [String(container.image ?? ''), image]
      container.image = image
    }
  }
  input.containerDefinitions = containers
  if (options.tags && options.tags.length > 0 && input.tags === undefined)
    input.tags = [...options.tags]

  const current = options.current ? withoutReadOnlyKeys(unwrap(options.current)) : undefined
  const changed =
    current === undefined || canonical(withoutTags(input)) !== canonical(withoutTags(current))
  return {
    input,
    changed,
    images,
    warnings: droppedKeyWarnings(input, options.registerKeys, options.origin)
  }
}

/** `registry/repo:tag@sha256:d` -> `registry/repo@sha256:d`: the digest alone names the image. */
export function pinnedImage(imageUri: string): string {
  const at = imageUri.indexOf('@')
  if (at < 0) return imageUri
  const name = imageUri.slice(0, at)
  const digest = imageUri.slice(at)
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  // A colon after the last slash is a tag; before it, a registry port.
  return `${colon > slash ? name.slice(0, colon) : name}${digest}`
}

function targetContainers(
  containers: readonly TaskDefinitionJson[],
  wanted: readonly string[],
  origin: string
): readonly string[] {
  const names = containers.map(c => String(c.name))
  if (wanted.length === 0) {
    if (names.length === 1) return names
    throw new DeployError(
      'INVALID_INPUT',
      `${origin} has ${names.length} containers (${names.join(', ')}); ` +
        'set deploy.ecs.container to the one that runs the image.'
    )
  }
  const missing = wanted.filter(name => !names.includes(name))
  if (missing.length > 0) {
    throw new DeployError(
      'INVALID_INPUT',
      `${origin} has no container named ${missing.map(m => `'${m}'`).join(', ')}; ` +
        `its containers are ${names.join(', ')}.`
    )
  }
  return wanted
}

/** A file may hold the bare definition or DescribeTaskDefinition's whole answer. */
function unwrap(json: TaskDefinitionJson): TaskDefinitionJson {
  const inner = json.taskDefinition
  if (json.containerDefinitions === undefined && inner && typeof inner === 'object') {
    return inner as TaskDefinitionJson
  }
  return json
}

function withoutReadOnlyKeys(definition: TaskDefinitionJson): TaskDefinitionJson {
  return Object.fromEntries(Object.entries(definition).filter(([key]) => !READ_ONLY_KEYS.has(key)))
}

function withoutTags(definition: TaskDefinitionJson): TaskDefinitionJson {
  const copy = { ...definition }
  delete copy.tags
  return copy
}

function droppedKeyWarnings(
  input: TaskDefinitionJson,
  keys: RegisterKeys | undefined,
  origin: string
): string[] {
  if (!keys) return []
  const warnings: string[] = []
  const unknownTop = Object.keys(input).filter(key => !keys.taskDefinition.includes(key))
  if (unknownTop.length > 0) {
    warnings.push(
      `${origin}: ${unknownTop.join(', ')} ${unknownTop.length === 1 ? 'is' : 'are'} not part of ` +
        'RegisterTaskDefinition in the installed AWS SDK and will not be sent (a typo, or a newer field).'
    )
  }
  for (const container of input.containerDefinitions as TaskDefinitionJson[]) {
    const unknown = Object.keys(container).filter(key => !keys.container.includes(key))
    if (unknown.length > 0) {
      warnings.push(
        `${origin}: container '${String(container.name)}' has ${unknown.join(', ')}, which the ` +
          'installed AWS SDK does not send (a typo, or a newer field).'
      )
    }
  }
  return warnings
}

/**
 * One string per meaning: keys sorted, and empty values dropped, since ECS answers `[]` for lists
 * a file simply leaves out.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? 'null'
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map(normalise).filter(item => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, normalise(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return entries.length > 0 ? Object.fromEntries(entries) : undefined
  }
  return value === null ? undefined : value
}

/** `arn:aws:ecs:r:a:task-definition/api:12` -> `api`. */
export function familyOf(arn: string): string {
  const name = arn.slice(arn.lastIndexOf('/') + 1)
  return name.includes(':') ? name.slice(0, name.lastIndexOf(':')) : name
}

/** `...task-definition/api:12` -> 12. */
export function revisionOf(arn: string): number | undefined {
  const match = /:(\d+)$/.exec(arn)
  return match ? Number(match[1]) : undefined
}

/** `arn:...:task-definition/api:13` -> `api:13`. */
export function shortName(taskDefinitionArn: string | undefined): string {
  if (!taskDefinitionArn) return 'unknown task definition'
  return `${familyOf(taskDefinitionArn)}:${revisionOf(taskDefinitionArn) ?? '?'}`
}

/**
 * Which ACTIVE revisions to deregister so that only the newest `keep` remain. Revisions still in
 * use (the new one, the one the service can roll back to) are never deregistered.
 */
export function revisionsToDeregister(
  newestFirst: readonly string[],
  keep: number,
  family: string,
  inUse: readonly string[]
): string[] {
  const ofFamily = newestFirst
    .filter(arn => familyOf(arn) === family)
    .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0))
  return ofFamily.slice(Math.max(1, keep)).filter(arn => !inUse.includes(arn))
}

/**
 * Where JSON that does not parse goes wrong, as "line L, column C", found without quoting it: the
 * parser's own message may quote the text. The longest prefix that fails only for ending early
 * ends at the error (a prefix of a broken text is broken at the same place or not at all).
 */
export function jsonSyntaxErrorAt(text: string): string {
  const endsEarly = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length))
      return true
    } catch (error) {
      const message = error instanceof Error ? error.message : ''
      const position = /at position (\d+)/.exec(message)?.[1]
      return /end of JSON input/.test(message) || Number(position ?? -1) >= length
    }
  }
  let good = 0
  let bad = text.length
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2)
    if (endsEarly(middle)) good = middle
    else bad = middle
  }
  const before = text.slice(0, good).split('\n')
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`
}

/** A file the config names (a task definition, an AppSpec), or INVALID_INPUT naming it. */
export async function readUserFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new DeployError('INVALID_INPUT', `Cannot read ${what} ${path}: ${errorMessage(error)}`)
  }
}
