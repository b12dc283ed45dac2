import { NodeHttpHandler } from '@smithy/node-http-handler'
import { DeployError } from '../errors.js'
import { withRetry, type RetryNotice } from '../runtime/retry.js'

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

/** The minimal shape of an SDK v3 client: `send(command, {abortSignal})`. */
interface SendsCommands<C, O> {
  send(command: C, options?: { abortSignal?: AbortSignal }): Promise<O>
}

/**
 * Sends one AWS command through the retry helper. Expired or missing credentials become a
 * DeployError that says how to fix them rather than a raw SDK message.
 */
export async function sendAws<C, O>(
  client: SendsCommands<C, O>,
  command: C,
  options: { describe: string; signal?: AbortSignal; onRetry?: (retry: RetryNotice) => void }
): Promise<O> {
  try {
    return await withRetry(
      attemptSignal => client.send(command, { abortSignal: attemptSignal }),
      options
    )
  } catch (error) {
    throw explainCredentialError(error) ?? error
  }
}

const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired'])
const UNAUTHORISED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'CredentialsProviderError'
])

/** A DeployError for credential trouble, or undefined when the error is something else. */
export function explainCredentialError(error: unknown): DeployError | undefined {
  const name = error instanceof Error ? error.name : ''
  if (EXPIRED.has(name)) {
    return new DeployError(
      'DEPLOY_FAILED',
      'AWS credentials expired while the action was running. Raise the role session duration ' +
        "(role-duration-seconds of aws-actions/configure-aws-credentials, and the role's " +
        'MaxSessionDuration) above the deploy timeout.',
      { cause: error }
    )
  }
  if (UNAUTHORISED.has(name)) {
    return new DeployError(
      'DEPLOY_FAILED',
      `AWS rejected the credentials (${name}). Configure them with ` +
        'aws-actions/configure-aws-credentials (OIDC) or the AWS_* environment variables.',
      { cause: error }
    )
  }
  return undefined
}
