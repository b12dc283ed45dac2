import { readFileSync } from 'node:fs'
import type { ServerContract, SimResponse } from '../http.js'
import { documentDescription, OpenApi3Contract, type OpenApi3Document } from './openapi3.js'
import { serverContract } from './server.js'
import { specFile } from './violations.js'

/**
 * Discord's HTTP API v10 as its own OpenAPI 3.1 description has it (discord/discord-api-spec).
 * Webhook URLs come without a version (`/api/webhooks/...`), which Discord serves as the same API.
 */

let contract: OpenApi3Contract | undefined

export function discordContract(): OpenApi3Contract {
  contract ??= new OpenApi3Contract(
    documentDescription(
      JSON.parse(readFileSync(specFile('discord/openapi.json'), 'utf8')) as OpenApi3Document
    ),
    { basePaths: ['/api/v10', '/api'] }
  )
  return contract
}

/**
 * Refused as Discord refuses: 404 and 405 with code 0, and a body it cannot take as 400 50035
 * Invalid Form Body, the problems under the fields they are about. Discord drops a field it does
 * not know; here that is refused too (openapi3.ts says why), with a code of the simulator's own.
 */
export function discordServerContract(): ServerContract {
  return serverContract('Discord', discordContract(), ({ status, problems }): SimResponse => {
    if (status === 404) return { status, body: { message: '404: Not Found', code: 0 } }
    if (status === 405) return { status, body: { message: '405: Method Not Allowed', code: 0 } }
    return {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035, errors: formErrors(problems) }
    }
  })
}

type ErrorTree = { [key: string]: ErrorTree | { code: string; message: string }[] }

/** `body.embeds[0].title: 300 characters ...` -> {embeds: {0: {title: {_errors: [...]}}}}. */
function formErrors(problems: readonly string[]): ErrorTree {
  const tree: ErrorTree = {}
  for (const problem of problems) {
    const match = /^body((?:\.[^.:[\]\s]+|\[\d+\])*): (.*)$/.exec(problem)
    const keys = (match?.[1] ?? '').split(/[.[\]]+/).filter(Boolean)
    let node = tree
    for (const key of keys) node = (node[key] ??= {}) as ErrorTree
    const errors = (node._errors ??= []) as { code: string; message: string }[]
    errors.push({ code: errorCode(problem), message: match?.[2] ?? problem })
  }
  return tree
}

function errorCode(problem: string): string {
  if (/at most \d+ allowed/.test(problem)) return 'BASE_TYPE_MAX_LENGTH'
  if (/at least \d+ needed/.test(problem)) return 'BASE_TYPE_MIN_LENGTH'
  if (/missing required/.test(problem)) return 'BASE_TYPE_REQUIRED'
  if (/expected (integer|number)/.test(problem)) return 'NUMBER_TYPE_COERCE'
  if (/is not one of/.test(problem)) return 'BASE_TYPE_CHOICES'
  return 'SIMULATOR_CONTRACT'
}
