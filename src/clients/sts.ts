import type { STSClient } from '@aws-sdk/client-sts'
import { AwsCalls, awsClientConfig, resolvedRegion, type AwsCallBounds } from './aws.js'

/**
 * Who the AWS credentials are: STS GetCallerIdentity, which needs no permission and so answers for
 * any valid credentials. The preflight asks it once per region the run uses; a failed lookup in
 * a region is the clearest way to say the credentials (or the region) are wrong before anything
 * else is called there.
 */
export interface CallerIdentity {
  readonly account: string
  /** arn:aws:sts::123456789012:assumed-role/deployer/GitHubActions */
  readonly arn: string
}

export class StsApi {
  private constructor(
    private readonly client: STSClient,
    private readonly sdk: typeof import('@aws-sdk/client-sts'),
    private readonly calls: AwsCalls
  ) {}

  static async create(region: string | undefined, bounds?: AwsCallBounds): Promise<StsApi> {
    const sdk = await import('@aws-sdk/client-sts')
    const calls = bounds ? new AwsCalls().within(bounds) : new AwsCalls()
    return new StsApi(new sdk.STSClient(awsClientConfig(region)), sdk, calls)
  }

  /** The region the client resolved, or undefined when none is set anywhere. */
  region(): Promise<string | undefined> {
    return resolvedRegion(this.client)
  }

  async callerIdentity(signal: AbortSignal): Promise<CallerIdentity> {
    const output = await this.calls.read(
      this.client,
      new this.sdk.GetCallerIdentityCommand({}),
      'STS GetCallerIdentity',
      signal
    )
    return { account: output.Account ?? '?', arn: output.Arn ?? '?' }
  }
}

/**
 * "in us-east-1, account 123456789012" for an error message, asking STS briefly; just the region
 * when STS cannot say. Only error paths use it, so a healthy run never pays for the lookup.
 */
export async function whereInAws(region: string | undefined, signal: AbortSignal): Promise<string> {
  const sts = await StsApi.create(region, { attempts: 1, attemptTimeoutMs: 5_000 })
  const resolved = (await sts.region()) ?? 'no region'
  const identity = await sts.callerIdentity(signal).catch(() => undefined)
  return `in ${resolved}${identity ? `, account ${identity.account}` : ''}`
}
