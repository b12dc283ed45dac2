import { awsModelValidator, awsServiceOfFile } from './contracts/aws.js'
import { queryErrorXml, queryServer } from './contracts/aws-servers.js'
import { ContractLog } from './contracts/violations.js'
import { startHttpServer, type Fault, type SimServer } from './http.js'

export { escapeXml } from './contracts/aws.js'

/**
 * The AWS Query protocol (CloudFormation, STS, ...) as the real SDK v3 clients speak it: a
 * form-encoded POST of `Action=<Operation>&Version=<api version>&...`, an XML answer
 * `<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`, errors as
 * `<ErrorResponse><Error><Type>Sender</Type><Code>...</Code><Message>...</Message></Error>`.
 * (The JSON protocol services are in aws.ts.)
 *
 * Both directions follow the service's own model (contracts/aws.ts: the `*.normal.json` with
 * enums and min/max, extended from the installed SDK): a request is decoded by its input shape
 * and checked (the operation exists, required members are there, enums hold, lengths and counts
 * are within min and max, no parameter the shape does not have), and an answer is checked against
 * and encoded by its output shape. A request that breaks the model is answered with AWS's
 * ValidationError and recorded: `assertNoViolations()`, and close(), fail the test for each,
 * since a client that swallows the error would otherwise hide it.
 */

export type QueryOperation = (input: Record<string, unknown>, call: QueryCall) => unknown

export interface QueryCall {
  readonly action: string
  /** When the call arrived, ms since the epoch. */
  readonly at: number
  readonly input: Record<string, unknown>
  /** The region the request was signed for (its SigV4 credential scope). */
  readonly region: string
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
  /** Requests (and answers) the model does not allow, with what is wrong. */
  readonly violations: readonly string[]
  assertNoViolations(): void
}

/**
 * `modelFile` names the service's model (`cloudformation-2010-05-15.normal.json`), which
 * contracts/aws.ts extends from the installed SDK and knows its answers' exceptions for.
 */
export async function startQuerySimulator(
  modelFile: string,
  operations: Record<string, QueryOperation>,
  options: {
    /**
     * Enum values the service answers with that its model does not list (the model dates from
     * July 2025 and is not complete): shape name -> values. Each needs a comment saying why.
     */
    answerEnumExtras?: Record<string, readonly string[]>
  } = {}
): Promise<QuerySimulator> {
  const validator = awsModelValidator(awsServiceOfFile(modelFile)).withAnswerEnumExtras(
    options.answerEnumExtras ?? {}
  )
  const calls: QueryCall[] = []
  const { xmlNamespace = '', endpointPrefix } = validator.model.metadata
  const log = new ContractLog(endpointPrefix)
  const fail = (fault: QueryFault) => ({
    status: fault.status,
    headers: { 'content-type': 'text/xml' },
    body: queryErrorXml(xmlNamespace, fault.code, fault.message, fault.status)
  })

  const handle = queryServer(validator, log, (request, input, operation) => {
    const scope = /Credential=[^/]+\/[^/]+\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      String(request.headers.authorization ?? '')
    )
    if (!scope) {
      return fail(
        new QueryFault('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
      )
    }
    if (scope[2] !== endpointPrefix) {
      return fail(
        new QueryFault(
          'SignatureDoesNotMatch',
          `Credential should be scoped to correct service: '${endpointPrefix}'.`,
          403
        )
      )
    }
    const action = operation.name
    const handler = operations[action]
    if (!handler) {
      return fail(
        new QueryFault('InvalidAction', `Could not find operation ${action} in the simulator`)
      )
    }
    const call: QueryCall = { action, at: Date.now(), input, region: scope[1] ?? '' }
    calls.push(call)
    try {
      return { status: 200, body: handler(input, call) ?? {} }
    } catch (error) {
      if (error instanceof QueryFault) return fail(error)
      throw error
    }
  })
  const server = await startHttpServer(handle, { contract: { log } })
  return {
    ...server,
    calls,
    get violations() {
      return log.violations.map(v => `${v.path}: ${v.problems.join('; ')}`)
    },
    assertNoViolations: () => log.assertNone()
  }
}

/** A Query protocol error answer, for FaultPlan.inject: `Throttling`, `InternalFailure`, ... */
export function queryErrorFault(code: string, message: string, status = 400): Fault {
  return {
    kind: 'status',
    status,
    headers: { 'content-type': 'text/xml' },
    body: queryErrorXml('', code, message, status)
  }
}

/** Throttling exactly as a Query protocol service answers it. */
export const QUERY_THROTTLING = queryErrorFault('Throttling', 'Rate exceeded')
