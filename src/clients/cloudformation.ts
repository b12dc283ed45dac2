import type {
  Change,
  CloudFormationClient,
  CreateChangeSetInput,
  DescribeChangeSetOutput,
  Stack,
  StackEvent
} from '@aws-sdk/client-cloudformation'
import type { S3Client } from '@aws-sdk/client-s3'
import { RetryableError, type RetryNotice } from '../runtime/retry.js'
import { AwsCalls, awsClientConfig, type AwsCallBounds } from './aws.js'

/**
 * Thin adapter over the CloudFormation SDK client (and S3, for templates too big to send inline):
 * one method per call the CloudFormation target makes, in the SDK's own shapes. The SDK modules
 * are imported only when a run deploys a stack; S3's only when a template goes through a bucket.
 *
 * Calls go through `AwsCalls`. Reads may be asked again when their answer cannot be read, and so
 * may the changes made idempotent by a token (CreateChangeSet's ClientToken, ExecuteChangeSet's
 * and DeleteStack's ClientRequestToken) or by content (a content-addressed PutObject).
 * CancelUpdateStack and UpdateTerminationProtection are not resent.
 */
type CfnSdk = typeof import('@aws-sdk/client-cloudformation')

export interface EventsPage {
  /** Newest first, as CloudFormation lists them. */
  readonly events: StackEvent[]
  readonly nextToken: string | undefined
}

export interface ChangeSetPage {
  readonly changeSet: DescribeChangeSetOutput
  readonly changes: Change[]
  readonly nextToken: string | undefined
}

export class CloudFormationApi {
  private s3: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | undefined

  private constructor(
    private readonly sdk: CfnSdk,
    private readonly client: CloudFormationClient,
    private readonly calls: AwsCalls,
    private readonly region: string | undefined
  ) {}

  static async create(
    region: string | undefined,
    onRetry?: (retry: RetryNotice) => void
  ): Promise<CloudFormationApi> {
    const sdk = await import('@aws-sdk/client-cloudformation')
    const client = new sdk.CloudFormationClient(awsClientConfig(region))
    return new CloudFormationApi(sdk, client, new AwsCalls(onRetry), region)
  }

  /** The same client, sending single attempts: for looks inside `follow`. */
  get forLook(): CloudFormationApi {
    const look = new CloudFormationApi(this.sdk, this.client, this.calls.forLook, this.region)
    look.s3 = this.s3
    return look
  }

  /** The same client within other bounds: the preflight's few, short attempts. */
  within(bounds: AwsCallBounds): CloudFormationApi {
    const bounded = new CloudFormationApi(
      this.sdk,
      this.client,
      this.calls.within(bounds),
      this.region
    )
    bounded.s3 = this.s3
    return bounded
  }

  /** The stack by name or id, or undefined when there is none (a deleted one only by id). */
  async describeStack(stackName: string, signal: AbortSignal): Promise<Stack | undefined> {
    try {
      const output = await this.calls.read(
        this.client,
        new this.sdk.DescribeStacksCommand({ StackName: stackName }),
        'CloudFormation DescribeStacks',
        signal
      )
      const stack = output.Stacks?.[0]
      if (!stack?.StackStatus) throw new RetryableError('DescribeStacks answered without a stack')
      return stack
    } catch (error) {
      if (isMissingStack(error)) return undefined
      throw error
    }
  }

  /** One page of the stack's events, newest first. */
  async eventsPage(
    stackName: string,
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<EventsPage> {
    const output = await this.calls.read(
      this.client,
      new this.sdk.DescribeStackEventsCommand({ StackName: stackName, NextToken: nextToken }),
      'CloudFormation DescribeStackEvents',
      signal
    )
    if (!Array.isArray(output.StackEvents)) {
      throw new RetryableError('DescribeStackEvents answered without events')
    }
    return { events: output.StackEvents, nextToken: output.NextToken }
  }

  /** Idempotent by ClientToken: a retried call answers the same change set. */
  async createChangeSet(
    input: CreateChangeSetInput & { ClientToken: string },
    signal: AbortSignal
  ): Promise<{ id: string; stackId: string }> {
    const output = await this.calls.send(this.client, new this.sdk.CreateChangeSetCommand(input), {
      describe: 'CloudFormation CreateChangeSet',
      signal,
      idempotent: true
    })
    if (!output.Id || !output.StackId) {
      throw new RetryableError('CreateChangeSet answered without the change set or stack id')
    }
    return { id: output.Id, stackId: output.StackId }
  }

  async changeSetPage(
    changeSetId: string,
    nextToken: string | undefined,
    signal: AbortSignal
  ): Promise<ChangeSetPage> {
    const changeSet = await this.calls.read(
      this.client,
      new this.sdk.DescribeChangeSetCommand({ ChangeSetName: changeSetId, NextToken: nextToken }),
      'CloudFormation DescribeChangeSet',
      signal
    )
    return { changeSet, changes: changeSet.Changes ?? [], nextToken: changeSet.NextToken }
  }

  async deleteChangeSet(changeSetId: string, signal: AbortSignal): Promise<void> {
    await this.calls.change(
      this.client,
      new this.sdk.DeleteChangeSetCommand({ ChangeSetName: changeSetId }),
      'CloudFormation DeleteChangeSet',
      signal
    )
  }

  /** Idempotent by ClientRequestToken: a retry does not start a second operation. */
  async executeChangeSet(
    input: { changeSetId: string; token: string },
    signal: AbortSignal
  ): Promise<void> {
    await this.calls.send(
      this.client,
      new this.sdk.ExecuteChangeSetCommand({
        ChangeSetName: input.changeSetId,
        ClientRequestToken: input.token
      }),
      { describe: 'CloudFormation ExecuteChangeSet', signal, idempotent: true }
    )
  }

  /** Idempotent by ClientRequestToken. */
  async deleteStack(
    input: { stackId: string; token: string; roleArn: string | undefined },
    signal: AbortSignal
  ): Promise<void> {
    await this.calls.send(
      this.client,
      new this.sdk.DeleteStackCommand({
        StackName: input.stackId,
        ClientRequestToken: input.token,
        RoleARN: input.roleArn
      }),
      { describe: 'CloudFormation DeleteStack', signal, idempotent: true }
    )
  }

  async cancelUpdateStack(stackId: string, token: string, signal: AbortSignal): Promise<void> {
    await this.calls.change(
      this.client,
      new this.sdk.CancelUpdateStackCommand({ StackName: stackId, ClientRequestToken: token }),
      'CloudFormation CancelUpdateStack',
      signal
    )
  }

  async setTerminationProtection(
    stackId: string,
    enable: boolean,
    signal: AbortSignal
  ): Promise<void> {
    await this.calls.change(
      this.client,
      new this.sdk.UpdateTerminationProtectionCommand({
        StackName: stackId,
        EnableTerminationProtection: enable
      }),
      'CloudFormation UpdateTerminationProtection',
      signal
    )
  }

  /**
   * Puts a template into the bucket under its content-addressed key, unless it is there already,
   * and returns the URL CloudFormation reads it from.
   */
  async uploadTemplate(
    input: { bucket: string; key: string; body: string; contentType: string },
    signal: AbortSignal
  ): Promise<{ url: string; uploaded: boolean }> {
    const { sdk, client } = await this.s3Client()
    const { bucket, key } = input
    const url = await templateUrl(client, bucket, key)
    try {
      await this.calls.read(
        client,
        new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }),
        'S3 HeadObject',
        signal
      )
      return { url, uploaded: false }
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'NotFound') throw error
    }
    // The key is the body's hash, so sending the same body twice is harmless.
    await this.calls.send(
      client,
      new sdk.PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: input.body,
        ContentType: input.contentType
      }),
      { describe: 'S3 PutObject', signal, idempotent: true }
    )
    return { url, uploaded: true }
  }

  private s3Client(): Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
    this.s3 ??= import('@aws-sdk/client-s3').then(sdk => ({
      sdk,
      client: new sdk.S3Client({
        ...awsClientConfig(this.region),
        // An endpoint of our own (a VPC endpoint, a local stand-in) has no bucket sub-domains.
        forcePathStyle: Boolean(customS3Endpoint())
      })
    }))
    return this.s3
  }
}

/** CloudFormation says a stack is missing with a ValidationError, not a code of its own. */
export function isMissingStack(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationError' &&
    /does not exist/.test(error.message)
  )
}

function customS3Endpoint(): string | undefined {
  return process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined
}

/**
 * Where CloudFormation reads the template: path style, which works for every bucket name (dots
 * included), on the endpoint the SDK uses when one is configured.
 */
async function templateUrl(client: S3Client, bucket: string, key: string): Promise<string> {
  const path = `${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`
  const custom = customS3Endpoint()
  if (custom) return `${custom.replace(/\/+$/, '')}/${path}`
  const region = await client.config.region()
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
  return `https://s3.${region}.${domain}/${path}`
}
