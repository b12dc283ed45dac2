import { afterAll, afterEach, beforeAll } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import { sleep } from '../../src/runtime/sleep.js'
import type { CloudFormationTarget, Settings } from '../../src/settings/types.js'
import type { DeployRequest, TargetContext } from '../../src/targets/types.js'
import { startCfnSimulator, type CfnSimulator } from '../simulators/cloudformation.js'

/** Shared by the CloudFormation target tests and its bench: templates, a request, a recording context. */

export const DIGEST = `sha256:${'cd'.repeat(32)}`
export const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/api:dev-2611240700@${DIGEST}`

/** The compute stack: a table, a queue and a function that runs the image. */
export const API_V1 = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageUri: {Type: String}
  Environment: {Type: String, Default: dev}
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub '\${Environment}-orders'
      BillingMode: PAY_PER_REQUEST
  Queue:
    Type: AWS::SQS::Queue
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Code: {ImageUri: !Ref ImageUri}
      Role: arn:aws:iam::123456789012:role/api
Outputs:
  ApiUrl:
    Value: !Sub 'https://\${ApiFunction}.lambda-url.us-east-1.on.aws/'
  TableName:
    Value: !Ref Orders
`

/** V1 changed: the table renamed (a replacement), the queue gone, a topic added, the function's memory raised. */
export const API_V2 = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageUri: {Type: String}
  Environment: {Type: String, Default: dev}
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub '\${Environment}-orders-v2'
      BillingMode: PAY_PER_REQUEST
  ApiFunction:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Code: {ImageUri: !Ref ImageUri}
      Role: arn:aws:iam::123456789012:role/api
      MemorySize: 1024
  Events:
    Type: AWS::SNS::Topic
Outputs:
  ApiUrl:
    Value: !Sub 'https://\${ApiFunction}.lambda-url.us-east-1.on.aws/'
`

/** A parent stack whose first resource is a nested stack that finishes long before the parent. */
export const WITH_NESTED = `Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: https://s3.amazonaws.com/templates/network.yaml}
  Cluster:
    Type: AWS::ECS::Cluster
  Service:
    Type: AWS::ECS::Service
  Alarm:
    Type: AWS::CloudWatch::Alarm
`

export const WITH_NAMED_ROLE = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: api-runtime
      AssumeRolePolicyDocument: {}
`

/**
 * One simulator for the test file, the real SDK pointed at it; every test ends by checking that
 * no request broke the service model. Stack names are numbered, since the simulator is shared.
 */
export function withCfnSimulator(prefix: string): {
  readonly sim: CfnSimulator
  stackName(): string
} {
  let sim: CfnSimulator | undefined
  let count = 0
  beforeAll(async () => {
    sim = await startCfnSimulator({ sdkEnv: true })
  })
  afterEach(() => sim?.query.assertNoViolations())
  afterAll(() => sim?.close())
  return {
    get sim(): CfnSimulator {
      if (!sim) throw new Error('the CloudFormation simulator is not started yet')
      return sim
    },
    stackName: () => `${prefix}-${++count}`
  }
}

/** A workspace of its own, with these files written into it. */
export function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-pipeline-cfn-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

export function cfnTarget(overrides: Partial<CloudFormationTarget> = {}): CloudFormationTarget {
  return {
    kind: 'cloudformation',
    region: 'us-east-1',
    stack: 'shop-dev-api',
    template: '',
    parameters: { ImageUri: '{image_uri}' },
    capabilities: [],
    tags: { environment: '{environment}', commit: '{commit}' },
    roleArn: undefined,
    terminationProtection: undefined,
    templateBucket: undefined,
    onRollbackComplete: 'recreate',
    urlOutput: 'ApiUrl',
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...overrides
  }
}

export function cfnRequest(
  target: CloudFormationTarget,
  options: { deploymentId?: string; service?: string; imageUri?: string } = {}
): DeployRequest<CloudFormationTarget> {
  const plan = {
    deploymentId: options.deploymentId ?? 'dep_7001_1',
    environment: 'dev',
    commit: 'c0ffee0000000000000000000000000000000001',
    version: { imageTag: 'dev-2611240700', gitTag: undefined, version: undefined }
  } as unknown as Plan
  const service = {
    name: options.service ?? 'api',
    dependsOn: [],
    image: undefined,
    deploy: target
  } as PlannedService
  return { service, target, imageUri: options.imageUri ?? IMAGE, plan, settings: {} as Settings }
}

export interface Recorded extends TargetContext {
  readonly progressed: Array<{ message: string; data: Record<string, unknown> | undefined }>
  readonly infos: string[]
  readonly warnings: string[]
  /** Every wait the followers asked for, in ms. */
  readonly waits: number[]
  readonly controller: AbortController
}

export function recording(options: { timeoutMs?: number; pollIntervalMs?: number } = {}): Recorded {
  const controller = new AbortController()
  const recorded: Recorded = {
    signal: controller.signal,
    timeoutMs: options.timeoutMs ?? 20_000,
    pollIntervalMs: options.pollIntervalMs ?? 15,
    progressed: [],
    infos: [],
    warnings: [],
    waits: [],
    controller,
    sleep: async (ms, signal) => {
      recorded.waits.push(ms)
      await sleep(ms, signal)
    },
    progress: (message, data) => recorded.progressed.push({ message, data }),
    info: message => recorded.infos.push(message),
    warning: message => recorded.warnings.push(message)
  }
  return recorded
}

/** The resource status changes reported, as "Logical STATUS". */
export function statusChanges(c: Recorded): string[] {
  return c.progressed
    .filter(p => p.data?.status !== undefined)
    .map(p => `${String(p.data?.logicalId)} ${String(p.data?.status)}`)
}
