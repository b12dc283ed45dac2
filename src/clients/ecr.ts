import type {
  CreateRepositoryCommandOutput,
  DescribeRepositoriesCommandOutput,
  ECRClient,
  GetAuthorizationTokenCommandOutput
} from '@aws-sdk/client-ecr'
import { DeployError } from '../errors.js'
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
  const output = await send<GetAuthorizationTokenCommandOutput>(
    client,
    new GetAuthorizationTokenCommand({}),
    {
      describe: 'ECR GetAuthorizationToken',
      ...options
    }
  ).catch(rethrowAuth)
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
  try {
    const found = await send<DescribeRepositoriesCommandOutput>(
      client,
      new ecr.DescribeRepositoriesCommand({ repositoryNames: [name] }),
      {
        describe: `ECR DescribeRepositories ${name}`,
        ...call
      }
    )
    const repository = found.repositories?.[0]
    return { name, immutable: isImmutable(repository?.imageTagMutability), created: false }
  } catch (error) {
    if (!(error instanceof ecr.RepositoryNotFoundException)) rethrowAuth(error)
  }
  if (!options.create) {
    throw new DeployError(
      'PUSH_FAILED',
      `ECR repository '${name}' does not exist, so there is no image to promote or deploy.`
    )
  }
  try {
    const made = await send<CreateRepositoryCommandOutput>(
      client,
      new ecr.CreateRepositoryCommand({
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: 'MUTABLE'
      }),
      { describe: `ECR CreateRepository ${name}`, ...call }
    )
    return { name, immutable: isImmutable(made.repository?.imageTagMutability), created: true }
  } catch (error) {
    // Another job created it between our look and our create: use theirs.
    if (error instanceof ecr.RepositoryAlreadyExistsException) {
      return ensureEcrRepository(client, name, { ...options, create: false })
    }
    return rethrowAuth(error)
  }
}

/** sendAws with the command's own output type (the SDK's union types defeat inference). */
function send<O>(
  client: ECRClient,
  command: unknown,
  options: EcrCallOptions & { describe: string }
): Promise<O> {
  const sdk = client as unknown as {
    send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<O>
  }
  return sendAws<unknown, O>(sdk, command, options)
}

function isImmutable(mutability: string | undefined): boolean {
  return mutability?.startsWith('IMMUTABLE') ?? false
}

const DENIED = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException'
])

function rethrowAuth(error: unknown): never {
  const name = error instanceof Error ? error.name : ''
  if (error instanceof DeployError || DENIED.has(name) || name === 'CredentialsProviderError') {
    const message = error instanceof Error ? error.message : String(error)
    throw new DeployError(
      'REGISTRY_AUTH_FAILED',
      `AWS refused access to ECR (${error instanceof DeployError ? error.message : name}). Give the ` +
        'role ecr:GetAuthorizationToken, ecr:DescribeRepositories, ecr:CreateRepository and the push ' +
        'permissions, and configure credentials with aws-actions/configure-aws-credentials.',
      { details: message, cause: error }
    )
  }
  throw error
}
