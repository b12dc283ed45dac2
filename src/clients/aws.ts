import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Command, MetadataBearer } from '@smithy/types'
import { DeployError } from '../errors.js'
import { httpStatus, RetryableError, withRetry, type RetryNotice } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'

/**
 * Shared setup of the modular AWS SDK v3 clients. The SDK's own retries are turned off
 * (maxAttempts: 1) so that every call goes through the one retry helper, which honours AWS
 * throttling errors and is bounded the same way for every client. Endpoints and credentials come
 * the standard way: AWS_ENDPOINT_URL(_<SERVICE>), AWS_REGION, the default credential chain.
 */
export function awsClientConfig(region: string | undefined): {
  region: string | undefined
  maxAttempts: number
  requestHandler: NodeHttpHandler
} {
  return {
    region: region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 10_000, requestTimeout: 30_000 })
  }
}

/**
 * The minimal shape of an SDK v3 client: `send(command, {abortSignal})`, typed as the SDK types it,
 * so a command is accepted only by its own service's client and the answer has the command's own
 * output type.
 */
export interface AwsClient<
  ClientInput extends object,
  ClientOutput extends MetadataBearer,
  Config
> {
  send<Input extends ClientInput, Output extends ClientOutput>(
    command: Command<ClientInput, Input, ClientOutput, Output, Config>,
    options?: { abortSignal?: AbortSignal }
  ): Promise<Output>
}

/** Sends one command with its own service's client; the answer has the command's output type. */
type Send<Rest extends unknown[]> = <
  ClientInput extends object,
  Input extends ClientInput,
  ClientOutput extends MetadataBearer,
  Output extends ClientOutput,
  Config
>(
  client: AwsClient<ClientInput, ClientOutput, Config>,
  command: Command<ClientInput, Input, ClientOutput, Output, Config>,
  ...rest: Rest
) => Promise<Output>

export interface SendAwsOptions {
  /** What is being called, for log lines and errors: "ECS DescribeServices". */
  describe: string
  signal?: AbortSignal
  onRetry?: (retry: RetryNotice) => void
  /** Attempts, the first included; 1 inside a follower's look, since the follower retries the look. */
  attempts?: number
  /** How long one attempt may take before it is abandoned and counted as retryable. */
  attemptTimeoutMs?: number
  /**
   * Whether sending the call again is harmless: reads, and calls made idempotent by a client token
   * or name. Only then is a 2xx answer the SDK cannot read retried; a mutation may have taken effect.
   */
  idempotent?: boolean
  /** The wait between attempts; the real one when absent (tests record it instead). */
  sleep?: Sleep
}

/**
 * Sends one AWS command through the retry helper. Expired or missing credentials become a
 * DeployError that says how to fix them rather than a raw SDK message.
 */
export const sendAws: Send<[options: SendAwsOptions]> = async (client, command, options) => {
  const {
    describe,
    signal,
    onRetry,
    attempts,
    attemptTimeoutMs,
    idempotent = false,
    sleep
  } = options
  try {
    return await withRetry(
      attemptSignal =>
        client
          .send(command, { abortSignal: attemptSignal })
          .catch((error: unknown) => Promise.reject(unreadableAnswer(error, describe, idempotent))),
      { describe, signal, onRetry, attempts, attemptTimeoutMs, sleep }
    )
  } catch (error) {
    throw explainCredentialError(error) ?? error
  }
}

/**
 * A 2xx answer the SDK could not parse, as an error that names the call but not the body (which may
 * hold a secret; the SDK's error keeps it on a hidden field, so it is not kept as the cause).
 */
function unreadableAnswer(error: unknown, describe: string, idempotent: boolean): unknown {
  const status = httpStatus(error)
  const garbled =
    error instanceof Error &&
    status !== undefined &&
    status < 300 &&
    (error.name === 'SyntaxError' || /Deserialization error/.test(error.message))
  if (!garbled) return error
  const what = `${describe} answered HTTP ${status} with a malformed body that could not be read`
  if (idempotent) return new RetryableError(what)
  return new DeployError(
    'DEPLOY_FAILED',
    `${what}; it may have taken effect, so it was not sent again. Check its result in the AWS console.`
  )
}

/**
 * How an API adapter sends: every call through `sendAws`, reads as idempotent, changes not. Inside
 * a follower's look (`forLook`) each call is a single attempt: the follower retries the whole look,
 * and retrying inside it as well would multiply the attempts and blur the poll cadence.
 */
export class AwsCalls {
  constructor(
    private readonly onRetry?: (retry: RetryNotice) => void,
    private readonly attempts?: number,
    private readonly attemptTimeoutMs?: number,
    private readonly sleep?: Sleep
  ) {}

  get forLook(): AwsCalls {
    return new AwsCalls(this.onRetry, 1, this.attemptTimeoutMs, this.sleep)
  }

  /** The same calls within other bounds: the preflight's few, short attempts. */
  within(bounds: AwsCallBounds): AwsCalls {
    return new AwsCalls(this.onRetry, bounds.attempts, bounds.attemptTimeoutMs, this.sleep)
  }

  readonly read: Send<[describe: string, signal: AbortSignal]> = (
    client,
    command,
    describe,
    signal
  ) => this.send(client, command, { describe, signal, idempotent: true })

  readonly change: Send<[describe: string, signal: AbortSignal]> = (
    client,
    command,
    describe,
    signal
  ) => this.send(client, command, { describe, signal, idempotent: false })

  readonly send: Send<[options: { describe: string; signal: AbortSignal; idempotent: boolean }]> = (
    client,
    command,
    options
  ) =>
    sendAws(client, command, {
      ...options,
      onRetry: this.onRetry,
      attempts: this.attempts,
      attemptTimeoutMs: this.attemptTimeoutMs,
      sleep: this.sleep
    })
}

export interface AwsCallBounds {
  readonly attempts: number
  readonly attemptTimeoutMs: number
}

const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired'])
const UNAUTHORISED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch'
])
/** The SDK's default credential chain found nothing at all. */
const NO_CREDENTIALS = 'CredentialsProviderError'

/** Which step provides AWS credentials to a job, said the same way in every message. */
export const CREDENTIALS_STEP =
  'add a step before this one: aws-actions/configure-aws-credentials with role-to-assume and ' +
  'aws-region, and give the job `permissions: id-token: write` (or set AWS_ACCESS_KEY_ID and ' +
  'AWS_SECRET_ACCESS_KEY)'

/** What to check when AWS refuses the credentials a job was given. */
export const CREDENTIALS_CHECK =
  'check the role or keys the job is given (aws-actions/configure-aws-credentials with ' +
  'role-to-assume and `permissions: id-token: write`, or AWS_ACCESS_KEY_ID and ' +
  'AWS_SECRET_ACCESS_KEY)'

/** What kind of credential trouble an AWS error is, if it is one. */
export function credentialTrouble(error: unknown): 'expired' | 'rejected' | 'missing' | undefined {
  const name = error instanceof Error ? error.name : ''
  if (EXPIRED.has(name)) return 'expired'
  if (UNAUTHORISED.has(name)) return 'rejected'
  if (name === NO_CREDENTIALS) return 'missing'
  return undefined
}

/** A DeployError for credential trouble, or undefined when the error is something else. */
export function explainCredentialError(error: unknown): DeployError | undefined {
  const trouble = credentialTrouble(error)
  if (trouble === 'expired') {
    return new DeployError(
      'DEPLOY_FAILED',
      'AWS credentials expired while the action was running. Raise the role session duration ' +
        "(role-duration-seconds of aws-actions/configure-aws-credentials, and the role's " +
        'MaxSessionDuration) above the deploy timeout.',
      { cause: error }
    )
  }
  if (trouble === 'rejected') {
    return new DeployError(
      'DEPLOY_FAILED',
      `AWS rejected the credentials (${(error as Error).name}): ${CREDENTIALS_CHECK}.`,
      { cause: error }
    )
  }
  if (trouble === 'missing') {
    return new DeployError('DEPLOY_FAILED', `No AWS credentials were found: ${CREDENTIALS_STEP}.`, {
      cause: error
    })
  }
  return undefined
}

/**
 * "Region is missing", said for the one who needs the region: `who` ("ECS deploy of service
 * 'api'") and where its own region is set ("services.api.deploy.ecs.region in the deploy
 * config"), when it has one.
 */
export function missingRegion(who: string, configKey?: string): string {
  const key = configKey ? `set ${configKey}, or ` : 'set '
  return (
    `${who} has no AWS region: ${key}AWS_REGION for the job ` +
    '(aws-actions/configure-aws-credentials sets it from its aws-region input)'
  )
}

/** The region an SDK client resolved (its own, AWS_REGION, the config file), or undefined. */
export async function resolvedRegion(client: {
  config: { region: () => Promise<string> }
}): Promise<string | undefined> {
  return client.config.region().then(
    region => region || undefined,
    () => undefined
  )
}
