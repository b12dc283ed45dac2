import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ServerContract, SimRequest, SimResponse } from '../http.js'
import {
  OpenApi3Contract,
  pointer,
  type OpenApi3Description,
  type OperationObject,
  type ParameterObject
} from './openapi3.js'
import { serverContract } from './server.js'

/**
 * GitHub's REST API as its own OpenAPI 3.0 description has it (@octokit/openapi,
 * generated/api.github.com.json). That file is 13 MB and takes a third of a second to parse, in
 * every test file that starts a GitHub simulator; so what the simulators use of it is kept in an
 * index (node_modules/.cache/simulator-contracts/): every path template with its methods, for
 * routing, and only the operations asked for so far with the components they reach. An operation
 * the index does not have yet is taken from the full description once and added to it. The
 * index is keyed by the package's version and the file's size, so an update of the package
 * rebuilds it.
 */

const PACKAGE = '@octokit/openapi'
const FORMAT = 1

interface Index {
  key: string
  routes: OpenApi3Description['routes']
  operations: Record<string, { operation: OperationObject; pathParameters: ParameterObject[] }>
  components: Record<string, Record<string, unknown>>
}

let contract: OpenApi3Contract | undefined

export function gitHubContract(): OpenApi3Contract {
  if (contract) return contract
  const { file, key, cache } = locations()
  const index = readIndex(cache, key) ?? buildIndex(fullDescription(file), key)
  const description: OpenApi3Description = {
    routes: index.routes,
    resolve: ref => pointer(index, ref),
    operation: (template, method) => {
      const id = `${method.toUpperCase()} ${template}`
      if (!index.operations[id]) {
        addOperation(index, fullDescription(file), template, method)
        try {
          writeIndex(cache, index)
        } catch {
          // A read-only node_modules: the index lives in this test file only.
        }
      }
      return index.operations[id] as NonNullable<Index['operations'][string]>
    }
  }
  contract = new OpenApi3Contract(description, {
    // GitHub answers these for any call (bad credentials, a token without the permission, a
    // rate limit, a repository it hides), though few operations list them.
    commonAnswers: Object.fromEntries(
      ['401', '403', '404', '409', '422', '429', '500', '502', '503'].map(status => [
        status,
        { $ref: '#/components/schemas/basic-error' }
      ])
    )
  })
  return contract
}

/**
 * GitHub refuses what it cannot take with 422 "Invalid request" naming each problem, a path or
 * method it does not have with 404 Not Found (it never says 405). GitHub drops a body field it
 * does not know; here that is refused too (openapi3.ts says why).
 */
export function gitHubServerContract(
  complete: (named: string, value: Record<string, unknown>, request: SimRequest) => boolean
): ServerContract {
  const description = gitHubContract()
  return serverContract(
    'GitHub',
    description,
    ({ status, problems }): SimResponse => {
      const documentation_url = 'https://docs.github.com/rest'
      if (status !== 400)
        return { status: 404, body: { message: 'Not Found', documentation_url, status: '404' } }
      return {
        status: 422,
        body: {
          message: `Invalid request.\n\n${problems.join('\n')}`,
          documentation_url,
          status: '422'
        }
      }
    },
    (operation, answer, request) => {
      // A copy: the simulator may answer with objects it keeps.
      const body = structuredClone(answer.body)
      description.visitNamed(operation, answer.status ?? 200, body, (named, value) =>
        complete(named, value, request)
      )
      return { ...answer, body }
    }
  )
}

function locations(): { file: string; key: string; cache: string } {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve(`${PACKAGE}/package.json`)
  const file = join(dirname(manifest), 'generated/api.github.com.json')
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  const key = `${FORMAT}-${version}-${statSync(file).size}`
  const root = join(import.meta.dirname, '../../..')
  return { file, key, cache: join(root, 'node_modules/.cache/simulator-contracts/github.json') }
}

let full: Record<string, unknown> | undefined

function fullDescription(file: string): Record<string, unknown> {
  full ??= JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  return full
}

function readIndex(cache: string, key: string): Index | undefined {
  try {
    const index = JSON.parse(readFileSync(cache, 'utf8')) as Index
    return index.key === key ? index : undefined
  } catch {
    return undefined
  }
}

/** Written whole under another name, then renamed: a reader never sees half of it. */
function writeIndex(cache: string, index: Index): void {
  // Another test process may have added operations meanwhile: keep theirs too.
  const theirs = readIndex(cache, index.key)
  if (theirs) {
    for (const [id, operation] of Object.entries(theirs.operations))
      index.operations[id] ??= operation
    for (const [kind, named] of Object.entries(theirs.components)) {
      index.components[kind] = { ...named, ...index.components[kind] }
    }
  }
  mkdirSync(dirname(cache), { recursive: true })
  const temporary = `${cache}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(index))
  renameSync(temporary, cache)
}

function buildIndex(document: Record<string, unknown>, key: string): Index {
  const paths = document.paths as Record<string, Record<string, unknown>>
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']
  const routes = Object.entries(paths).map(([template, item]) => {
    const present = methods.filter(m => item[m] !== undefined)
    const declared = [
      ...((item.parameters as ParameterObject[] | undefined) ?? []),
      ...present.flatMap(m => (item[m] as OperationObject).parameters ?? [])
    ]
    const multiSegment = declared
      .map(p => (p.$ref ? (pointer(document, p.$ref) as ParameterObject) : p))
      .filter(p => p.in === 'path' && p['x-multi-segment'])
      .map(p => p.name)
    return { template, methods: present, multiSegment: [...new Set(multiSegment)] }
  })
  return { key, routes, operations: {}, components: {} }
}

/** One operation, and every component it reaches, copied into the index without prose. */
function addOperation(
  index: Index,
  document: Record<string, unknown>,
  template: string,
  method: string
): void {
  const item = ((document.paths as Record<string, Record<string, unknown>>)[template] ??
    {}) as Record<string, unknown>
  const entry = {
    operation: withoutProse(item[method.toLowerCase()] ?? {}) as OperationObject,
    pathParameters: withoutProse(item.parameters ?? []) as ParameterObject[]
  }
  index.operations[`${method.toUpperCase()} ${template}`] = entry
  const pending = [...references(entry)]
  while (pending.length) {
    const ref = pending.pop() as string
    const [, , kind, name] = ref.split('/')
    if (!kind || !name) continue
    const named = (index.components[kind] ??= {})
    if (named[name] !== undefined) continue
    named[name] = withoutProse(pointer(document, ref))
    pending.push(...references(named[name]))
  }
}

function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) references(item, found)
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item)
      else references(item, found)
    }
  }
  return found
}

const PROSE = new Set(['description', 'summary', 'examples', 'example', 'x-github', 'externalDocs'])

/** A description's copy without its prose; a property named `description` stays. */
function withoutProse(value: unknown, inProperties = false): unknown {
  if (Array.isArray(value)) return value.map(item => withoutProse(item))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => inProperties || !PROSE.has(key))
      .map(([key, item]) => [key, withoutProse(item, key === 'properties' && !inProperties)])
  )
}
