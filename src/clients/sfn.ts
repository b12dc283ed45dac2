import type {
  DescribeExecutionOutput,
  DescribeStateMachineOutput,
  ExecutionListItem,
  HistoryEvent,
  SFNClient
} from '@aws-sdk/client-sfn'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { RetryableError, type RetryNotice } from '../runtime/retry.js'
import type { Sleep } from '../runtime/sleep.js'
import { AwsCalls, awsClientConfig, resolvedRegion, type AwsCallBounds } from './aws.js'

/**
 * Thin adapter over the Step Functions and Secrets Manager SDK clients: one method per call the
 * Step Functions target makes, in the SDK's own shapes. The SDK modules are imported only when such
 * a deploy runs.
 *
 * Calls go through `AwsCalls`: reads, and StartExecution (idempotent by its name), may be asked
 * again when their answer cannot be read; StopExecution and DeleteSecret not.
 */
type SfnSdk = typeof import('@aws-sdk/client-sfn')
type SecretsSdk = typeof import('@aws-sdk/client-secrets-manager')

interface Sdks {
  sfn: SfnSdk
  secrets: SecretsSdk
  sfnClient: SFNClient
  secretsClient: SecretsManagerClient
}

export interface HistoryPage {
  readonly events: HistoryEvent[]
  readonly nextToken: string | undefined
}

export class StepFunctionsApi {
  private constructor(
    private readonly sdk: Sdks,
    private readonly calls: AwsCalls
  ) {}

  static async create(
    region: string | undefined,
    onRetry?: (retry: RetryNotice) => void,
    sleep?: Sleep
  ): Promise<StepFunctionsApi> {
    const [sfn, secrets] = await Promise.all([
      import('@aws-sdk/client-sfn'),
      import('@aws-sdk/client-secrets-manager')
    ])
    const sdk: Sdks = {
      sfn,
      secrets,
      sfnClient: new sfn.SFNClient(awsClientConfig(region)),
      secretsClient: new secrets.SecretsManagerClient(awsClientConfig(region))
    }
    return new StepFunctionsApi(sdk, new AwsCalls(onRetry, undefined, undefined, sleep))
  }

  /** The same clients, sending single attempts: for looks inside `follow`. */
  get forLook(): StepFunctionsApi {
    return new StepFunctionsApi(this.sdk, this.calls.forLook)
  }

  /** The same clients within other bounds: the preflight's few, short attempts. */
  within(bounds: AwsCallBounds): StepFunctionsApi {
    return new StepFunctionsApi(this.sdk, this.calls.within(bounds))
  }

  /** The region the clients resolved, or undefined when none is set anywhere. */
  region(): Promise<string | undefined> {
    return resolvedRegion(this.sdk.sfnClient)
  }

  async describeStateMachine(
    stateMachineArn: string,
    signal: AbortSignal
  ): Promise<DescribeStateMachineOutput> {
    const { sfn, sfnClient } = this.sdk
    return this.calls.read(
      sfnClient,
      new sfn.DescribeStateMachineCommand({ stateMachineArn }),
      'Step Functions DescribeStateMachine',
      signal
    )
  }

  /** Idempotent by name: the same name and input while it runs answers the same execution. */
  async startExecution(
    input: { stateMachineArn: string; name: string; input: string },
    signal: AbortSignal
  ): Promise<{ executionArn: string; startDate: Date | undefined }> {
    const { sfn, sfnClient } = this.sdk
    const output = await this.calls.send(sfnClient, new sfn.StartExecutionCommand(input), {
      describe: 'Step Functions StartExecution',
      signal,
      idempotent: true
    })
    if (!output.executionArn) throw new RetryableError('StartExecution answered without an ARN')
    return { executionArn: output.executionArn, startDate: output.startDate }
  }

  async describeExecution(
    executionArn: string,
    signal: AbortSignal
  ): Promise<DescribeExecutionOutput> {
    const { sfn, sfnClient } = this.sdk
    return this.calls.read(
      sfnClient,
      new sfn.DescribeExecutionCommand({ executionArn }),
      'Step Functions DescribeExecution',
      signal
    )
  }

  /** One page of the history, newest first, without inputs and outputs. */
  async historyPage(
    request: { executionArn: string; maxResults: number; nextToken: string | undefined },
    signal: AbortSignal
  ): Promise<HistoryPage> {
    const { sfn, sfnClient } = this.sdk
    const output = await this.calls.read(
      sfnClient,
      new sfn.GetExecutionHistoryCommand({
        ...request,
        reverseOrder: true,
        includeExecutionData: false
      }),
      'Step Functions GetExecutionHistory',
      signal
    )
    if (!Array.isArray(output.events)) {
      throw new RetryableError('GetExecutionHistory answered without events')
    }
    return { events: output.events, nextToken: output.nextToken }
  }

  /** The newest executions of a state machine, newest first. */
  async listExecutions(
    stateMachineArn: string,
    maxResults: number,
    signal: AbortSignal
  ): Promise<ExecutionListItem[]> {
    const { sfn, sfnClient } = this.sdk
    const output = await this.calls.read(
      sfnClient,
      new sfn.ListExecutionsCommand({ stateMachineArn, maxResults }),
      'Step Functions ListExecutions',
      signal
    )
    return output.executions ?? []
  }

  async stopExecution(
    request: { executionArn: string; error: string; cause: string },
    signal: AbortSignal
  ): Promise<void> {
    const { sfn, sfnClient } = this.sdk
    await this.calls.change(
      sfnClient,
      new sfn.StopExecutionCommand(request),
      'Step Functions StopExecution',
      signal
    )
  }

  /** The secret's string, or undefined while it does not exist (yet). */
  async secretString(secretId: string, signal: AbortSignal): Promise<string | undefined> {
    const { secrets, secretsClient } = this.sdk
    try {
      const output = await this.calls.read(
        secretsClient,
        new secrets.GetSecretValueCommand({ SecretId: secretId }),
        'Secrets Manager GetSecretValue',
        signal
      )
      return output.SecretString
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return undefined
      throw error
    }
  }

  /** Deletes at once: the secret names one deployment and is of no use after it. */
  async deleteSecret(secretId: string, signal: AbortSignal): Promise<void> {
    const { secrets, secretsClient } = this.sdk
    await this.calls.change(
      secretsClient,
      new secrets.DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true }),
      'Secrets Manager DeleteSecret',
      signal
    )
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}
