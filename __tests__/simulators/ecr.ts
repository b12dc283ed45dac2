import { AwsFault, startAwsSimulator, type AwsSimulator } from './aws.js'

/**
 * The ECR API (AWS JSON 1.1, `AmazonEC2ContainerRegistry_V20150921`) as the real
 * @aws-sdk/client-ecr speaks it, in front of a real registry: GetAuthorizationToken hands out
 * `AWS:<password>` for that registry (its proxyEndpoint is the registry's URL), and the repository
 * state machine models DescribeRepositories / CreateRepository with scan-on-push and tag
 * mutability. `staleTokens(n)` makes the next n tokens expired ones the registry no longer accepts.
 */
export const ECR_PREFIX = 'AmazonEC2ContainerRegistry_V20150921'
export const ACCOUNT = '123456789012'

export interface EcrRepositoryState {
  repositoryName: string
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE'
  scanOnPush: boolean
}

export interface EcrSimulator extends AwsSimulator {
  readonly repositories: Map<string, EcrRepositoryState>
  /** The next `count` tokens are expired: expiresAt in the past, password refused. */
  staleTokens(count: number, options?: { expiresAt?: 'past' | 'future' }): void
  /** Tokens handed out, in order: "valid" or "stale". */
  readonly tokens: Array<'valid' | 'stale'>
}

export async function startEcrSimulator(registry: {
  url: string
  password: string
  stalePassword: string
}): Promise<EcrSimulator> {
  const repositories = new Map<string, EcrRepositoryState>()
  const tokens: Array<'valid' | 'stale'> = []
  let stale = 0
  let staleExpiresAt: 'past' | 'future' = 'past'
  const region = process.env.AWS_REGION ?? 'us-east-1'

  const describe = (state: EcrRepositoryState): Record<string, unknown> => ({
    repositoryArn: `arn:aws:ecr:${region}:${ACCOUNT}:repository/${state.repositoryName}`,
    registryId: ACCOUNT,
    repositoryName: state.repositoryName,
    repositoryUri: `${new URL(registry.url).host}/${state.repositoryName}`,
    createdAt: 1_700_000_000,
    imageTagMutability: state.imageTagMutability,
    imageScanningConfiguration: { scanOnPush: state.scanOnPush },
    encryptionConfiguration: { encryptionType: 'AES256' }
  })

  const sim = await startAwsSimulator({
    [ECR_PREFIX]: {
      GetAuthorizationToken: () => {
        const isStale = stale > 0
        if (isStale) stale--
        tokens.push(isStale ? 'stale' : 'valid')
        const password = isStale ? registry.stalePassword : registry.password
        const now = Math.floor(Date.now() / 1000)
        const expiresAt = isStale && staleExpiresAt === 'past' ? now - 3600 : now + 12 * 3600
        return {
          authorizationData: [
            {
              authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'),
              expiresAt,
              proxyEndpoint: registry.url
            }
          ]
        }
      },
      DescribeRepositories: input => {
        const names = (input.repositoryNames as string[] | undefined) ?? [...repositories.keys()]
        const found = names.map(name => repositories.get(name))
        const missing = names.find((_, i) => !found[i])
        if (missing) {
          throw new AwsFault(
            'RepositoryNotFoundException',
            `The repository with name '${missing}' does not exist in the registry with id '${ACCOUNT}'`
          )
        }
        return { repositories: found.map(r => describe(r as EcrRepositoryState)) }
      },
      CreateRepository: input => {
        const name = String(input.repositoryName ?? '')
        if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(name)) {
          throw new AwsFault('InvalidParameterException', `Invalid repository name ${name}`)
        }
        if (repositories.has(name)) {
          throw new AwsFault(
            'RepositoryAlreadyExistsException',
            `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`
          )
        }
        const scanning = input.imageScanningConfiguration as { scanOnPush?: boolean } | undefined
        const state: EcrRepositoryState = {
          repositoryName: name,
          imageTagMutability: input.imageTagMutability === 'IMMUTABLE' ? 'IMMUTABLE' : 'MUTABLE',
          scanOnPush: scanning?.scanOnPush ?? false
        }
        repositories.set(name, state)
        return { repository: describe(state) }
      }
    }
  })
  return Object.assign(sim, {
    repositories,
    tokens,
    staleTokens(count: number, options: { expiresAt?: 'past' | 'future' } = {}) {
      stale = count
      staleExpiresAt = options.expiresAt ?? 'past'
    }
  })
}
