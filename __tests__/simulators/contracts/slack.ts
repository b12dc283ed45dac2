import type { ServerContract, SimResponse } from '../http.js'
import type { IncomingRequest, RequestCheck } from './routing.js'
import { serverContract, type Checker } from './server.js'
import { formFields, Swagger2Contract, type Operation } from './swagger2.js'
import { specFile } from './violations.js'

/**
 * The Slack Web API as its own description has it (slackapi/slack-api-specs, Swagger 2.0, 2021:
 * the last one Slack published), read the way Slack serves it rather than as the description's
 * verbs say:
 * - Every method answers GET and POST alike, its arguments from the query string or the body
 *   (form-encoded, or JSON where the method `consumes` it): @slack/web-api POSTs a form to all
 *   of them, conversations.info (a GET in the description) included. Other verbs are refused
 *   with 405, as a router with no route for them would.
 * - `token` is an argument of every method and stands for the Authorization header; the
 *   simulator checks it itself.
 * - Every answer is HTTP 200: `ok: true` against the 200 schema, `ok: false` (with the error's
 *   name) against the default one. Arguments Slack cannot take are answered so too,
 *   `invalid_arguments` with what is wrong in response_metadata.messages, as Slack does.
 */

let contract: Swagger2Contract | undefined

export function slackContract(): Swagger2Contract {
  contract ??= Swagger2Contract.fromFile(
    specFile('slack/slack_web_openapi_v2_without_examples.json')
  )
  return contract
}

export const slackChecker: Checker<Operation> = {
  checkRequest(request: IncomingRequest): RequestCheck<Operation> {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'POST') {
      return {
        ok: false,
        status: 405,
        problems: [`Slack's Web API takes GET and POST, not ${method}`]
      }
    }
    const description = slackContract()
    const byGet = description.route('GET', request.path)
    const routed = 'operation' in byGet ? byGet : description.route('POST', request.path)
    if (!('operation' in routed)) {
      return { ok: false, status: 404, problems: ['no such method in the description'] }
    }
    // The token is the Authorization header's stand-in, which the simulator checks itself.
    const operation = {
      ...routed.operation,
      parameters: routed.operation.parameters.filter(p => p.name !== 'token')
    }
    const given = new URLSearchParams(request.query)
    const problems: string[] = []
    if (request.body.trim()) {
      const json = request.contentType?.includes('json')
      if (json && !operation.consumes.includes('application/json')) {
        problems.push(`${operation.template} takes no JSON body: its arguments go in a form`)
      }
      const fields = formFields(request)
      if ('error' in fields) problems.push(fields.error)
      else for (const [key, value] of fields.params) given.append(key, value)
    }
    given.delete('token')
    problems.push(...description.checkArguments(operation, given, ['query', 'formData']))
    return problems.length
      ? { ok: false, status: 400, problems, operation }
      : { ok: true, operation, params: {}, body: Object.fromEntries(given) }
  },

  checkAnswer(operation: Operation, status: number, body: unknown): string[] {
    const ok = (body as { ok?: unknown } | undefined)?.ok
    if (status === 429) return []
    if (status !== 200) return [`Slack answers every call with HTTP 200, not ${status}`]
    const response = ok === true ? operation.responses['200'] : operation.responses.default
    if (!response?.schema) return []
    return slackContract().checkValue(response.schema, body, `answer (ok: ${String(ok)})`)
  }
}

export function slackServerContract(): ServerContract {
  slackContract()
  return serverContract('Slack', slackChecker, ({ status, problems }): SimResponse => {
    if (status === 405) return { status, body: { ok: false, error: 'method_not_allowed' } }
    if (status === 404) return { body: { ok: false, error: 'unknown_method' } }
    return {
      body: {
        ok: false,
        error: 'invalid_arguments',
        response_metadata: { messages: problems.map(problem => `[ERROR] ${problem}`) }
      }
    }
  })
}
