import type { ECRClient } from '@aws-sdk/client-ecr'
import { DeployError, isAbortError } from '../errors.js'
import type { RetryNotice } from '../runtime/retry.js'
import { awsClientConfig, sendAws } from './aws.js'

/**
 * Amazon ECR through the SDK's default credential chain: a registry login from
 * GetAuthorizationToken (the registry host is the token's proxy endpoint), and the repository made
 * ready for a push: created with scan-on-push when it is missing, its tag mutability read so an
 * immutable tag can be handled on a re-run.
 */
export interface EcrAuthorization {
  /** Registry host, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com. */
  readonly host: string
  readonly username: string
  readonly password: string
  readonly expiresAt: Date | undefined
  /** The endpoint speaks plain HTTP (a loopback test registry). */
  readonly insecure: boolean
}

export interface EcrRepository {
  readonly name: string
  readonly immutable: boolean
  readonly created: boolean
}

export interface EcrCallOptions {
  signal?: AbortSignal
  onRetry?: (retry: RetryNotice) => void
  /** Bounds of the retry helper; the preflight asks with fewer, shorter attempts. */
  attempts?: number
  attemptTimeoutMs?: number
}

export async function createEcrClient(region?: string): Promise<ECRClient> {
  const config = awsClientConfig(region)
  if (!config.region) {
    throw new DeployError(
      'REGISTRY_AUTH_FAILED',
      'ECR needs an AWS region: set AWS_REGION (aws-actions/configure-aws-credentials sets it).'
    )
  }
  const { ECRClient } = await import('@aws-sdk/client-ecr')
  return new ECRClient(config)
}

export async function ecrAuthorization(
  client: ECRClient,
  options: EcrCallOptions = {}
): Promise<EcrAuthorization> {
  const { GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr')
  const describe = 'ECR GetAuthorizationToken'
  const output = await sendAws(client, new GetAuthorizationTokenCommand({}), {
    describe,
    ...options
  }).catch((error: unknown) => explain(error, describe, 'REGISTRY_AUTH_FAILED', options.signal))
  const data = output.authorizationData?.[0]
  const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (!data?.proxyEndpoint || colon <= 0) {
    throw new DeployError(
      'REGISTRY_AUTH_FAILED',
      'ECR GetAuthorizationToken answered without a usable token.'
    )
  }
  const endpoint = new URL(
    data.proxyEndpoint.includes('://') ? data.proxyEndpoint : `https://${data.proxyEndpoint}`
  )
  return {
    host: endpoint.host,
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    expiresAt: data.expiresAt,
    insecure: endpoint.protocol === 'http:'
  }
}

/** The repository, created (scan on push, tags mutable) when it does not exist yet. */
export async function ensureEcrRepository(
  client: ECRClient,
  name: string,
  options: EcrCallOptions & { create: boolean }
): Promise<EcrRepository> {
  const ecr = await import('@aws-sdk/client-ecr')
  const call = { signal: options.signal, onRetry: options.onRetry }
  const look = `ECR DescribeRepositories ${name}`
  try {
    const found = await sendAws(
      client,
      new ecr.DescribeRepositoriesCommand({ repositoryNames: [name] }),
      { describe: look, ...call }
    )
    const repository = found.repositories?.[0]
    return { name, immutable: isImmutable(repository?.imageTagMutability), created: false }
  } catch (error) {
    if (!(error instanceof ecr.RepositoryNotFoundException))
      explain(error, look, 'PUSH_FAILED', options.signal)
  }
  if (!options.create) {
    throw new DeployError(
      'PUSH_FAILED',
      `ECR repository '${name}' does not exist, so there is no image to promote or deploy.`
    )
  }
  const create = `ECR CreateRepository ${name}`
  try {
    const made = await sendAws(
      client,
      new ecr.CreateRepositoryCommand({
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: 'MUTABLE'
      }),
      { describe: create, ...call }
    )
    return { name, immutable: isImmutable(made.repository?.imageTagMutability), created: true }
  } catch (error) {
    // Another job created it between our look and our create: use theirs.
    if (error instanceof ecr.RepositoryAlreadyExistsException) {
      return ensureEcrRepository(client, name, { ...options, create: false })
    }
    return explain(error, create, 'PUSH_FAILED', options.signal)
  }
}

function isImmutable(mutability: string | undefined): boolean {
  return mutability?.startsWith('IMMUTABLE') ?? false
}

/**
 * Every ECR failure as a DeployError naming the operation (in its details). sendAws has already
 * explained credentials the SDK could not use: that explanation stays, as REGISTRY_AUTH_FAILED.
 */
function explain(
  error: unknown,
  operation: string,
  code: 'REGISTRY_AUTH_FAILED' | 'PUSH_FAILED',
  signal: AbortSignal | undefined
): never {
  // Stopped by the caller (a cancel, a deadline): its reason, not an ECR failure.
  if (signal?.aborted || isAbortError(error)) throw error
  const cause = error instanceof DeployError ? error.cause : error
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  const details = `${operation}: ${reason}`
  if (error instanceof DeployError) {
    throw new DeployError('REGISTRY_AUTH_FAILED', error.message, { details, cause: error })
  }
  if (error instanceof Error && error.name === 'AccessDeniedException') {
    throw new DeployError(
      'REGISTRY_AUTH_FAILED',
      `AWS refused ${operation}. Give the role ecr:GetAuthorizationToken, ` +
        'ecr:DescribeRepositories, ecr:CreateRepository and the push permissions.',
      { details, cause: error }
    )
  }
  throw new DeployError(code, `${operation} failed.`, { details, cause: error })
}
