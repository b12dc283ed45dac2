import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { deploy } from '../../src/targets/cloudformation.js'
import {
  API_V1,
  API_V2,
  IMAGE,
  WITH_NAMED_ROLE,
  cfnRequest,
  cfnTarget,
  withCfnSimulator,
  recording,
  statusChanges,
  workspaceWith
} from './cloudformation-fixtures.js'

const cfn = withCfnSimulator('shop-dev-api')
const stackName = cfn.stackName

const workspace = workspaceWith({
  'api-v1.yaml': API_V1,
  'api-v2.yaml': API_V2,
  'role.yaml': WITH_NAMED_ROLE
})
const V1 = join(workspace, 'api-v1.yaml')
const V2 = join(workspace, 'api-v2.yaml')

function inputOf(action: string, stack: string): Record<string, unknown> {
  const call = cfn.sim.callsOf(action).find(c => c.input.StackName === stack)
  expect(call).toBeDefined()
  return call?.input ?? {}
}

describe('CloudFormation deploy', () => {
  it('creates a missing stack through a CREATE change set and reports every resource as it goes', async () => {
    const stack = stackName()
    const c = recording()
    const outcome = await deploy(cfnRequest(cfnTarget({ stack, template: V1 })), c)

    const created = inputOf('CreateChangeSet', stack)
    expect(created).toMatchObject({
      ChangeSetType: 'CREATE',
      ChangeSetName: 'deploy-pipeline-dep-7001-1-api',
      ClientToken: 'deploy-pipeline-dep-7001-1-api',
      TemplateBody: API_V1,
      Parameters: [{ ParameterKey: 'ImageUri', ParameterValue: IMAGE }],
      Tags: [
        { Key: 'environment', Value: 'dev' },
        { Key: 'commit', Value: 'c0ffee0000000000000000000000000000000001' }
      ],
      Description: 'Deploy Pipeline dep_7001_1: api at c0ffee000000'
    })
    const executed = cfn.sim.callsOf('ExecuteChangeSet').at(-1)?.input
    expect(executed?.ClientRequestToken).toBe('deploy-pipeline-dep-7001-1-api')

    // The change set first, then one progress event per status change, the stack's own included.
    expect(c.progressed.slice(0, 3).map(p => p.message)).toEqual([
      'CloudFormation change: Add Orders (AWS::DynamoDB::Table)',
      'CloudFormation change: Add Queue (AWS::SQS::Queue)',
      'CloudFormation change: Add ApiFunction (AWS::Lambda::Function)'
    ])
    expect(statusChanges(c)).toEqual([
      `${stack} CREATE_IN_PROGRESS`,
      'Orders CREATE_IN_PROGRESS',
      'Queue CREATE_IN_PROGRESS',
      'ApiFunction CREATE_IN_PROGRESS',
      'Orders CREATE_COMPLETE',
      'Queue CREATE_COMPLETE',
      'ApiFunction CREATE_COMPLETE',
      `${stack} CREATE_COMPLETE`
    ])
    expect(c.progressed.find(p => p.data?.logicalId === stack)?.message).toBe(
      `CloudFormation: stack ${stack} CREATE_IN_PROGRESS: User Initiated`
    )
    expect(c.infos).toContain(
      `Change set deploy-pipeline-dep-7001-1-api for stack ${stack}: 3 changes (3 Add)`
    )

    // The stack's outputs are the service's; url_output names its address.
    expect(outcome).toEqual({
      deploymentUrl: 'sim-ApiUrl',
      outputs: {
        stack_id: cfn.sim.stack(stack)?.id,
        ApiUrl: 'sim-ApiUrl',
        TableName: 'sim-TableName'
      }
    })
    expect(cfn.sim.stack(stack)?.status).toBe('CREATE_COMPLETE')
  })

  it('signs every call for the region the service names', async () => {
    const since = Date.now()
    await deploy(
      cfnRequest(cfnTarget({ stack: stackName(), template: V1, region: 'eu-central-1' })),
      recording()
    )
    const calls = cfn.sim.calls.filter(call => call.at >= since)
    expect(new Set(calls.map(call => call.action))).toContain('ExecuteChangeSet')
    expect(new Set(calls.map(call => call.region))).toEqual(new Set(['eu-central-1']))
  })

  it('updates a stack, shows each change first (replacements flagged) and ends one look after the stack does', async () => {
    const stack = stackName()
    // More history than a page (CloudFormation's 100 events): a read that did not stop at the
    // events of earlier operations would go on to a second page.
    cfn.sim.seedStack(stack, { template: API_V1, parameters: { ImageUri: IMAGE }, history: 150 })
    const c = recording()
    const outcome = await deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c)

    expect(inputOf('CreateChangeSet', stack).ChangeSetType).toBe('UPDATE')
    expect(c.progressed.filter(p => p.data?.stackChange).map(p => p.message)).toEqual([
      'CloudFormation change: Modify Orders (AWS::DynamoDB::Table) [Replacement: True]',
      'CloudFormation change: Modify ApiFunction (AWS::Lambda::Function)',
      'CloudFormation change: Add Events (AWS::SNS::Topic)',
      'CloudFormation change: Remove Queue (AWS::SQS::Queue)'
    ])
    expect(c.progressed.find(p => p.data?.stackChange)?.data).toEqual({
      stackChange: {
        action: 'Modify',
        logicalId: 'Orders',
        resourceType: 'AWS::DynamoDB::Table',
        physicalId: `${stack}-Orders`,
        replacement: 'True'
      }
    })
    expect(c.infos).toContain(
      `Change set deploy-pipeline-dep-7001-1-api for stack ${stack}: 4 changes (2 Modify, 1 Add, 1 Remove), 1 replacement`
    )
    expect(statusChanges(c)).toEqual([
      `${stack} UPDATE_IN_PROGRESS`,
      'Orders UPDATE_IN_PROGRESS',
      'ApiFunction UPDATE_IN_PROGRESS',
      'Events CREATE_IN_PROGRESS',
      'Orders UPDATE_COMPLETE',
      'ApiFunction UPDATE_COMPLETE',
      'Events CREATE_COMPLETE',
      `${stack} UPDATE_COMPLETE_CLEANUP_IN_PROGRESS`,
      'Queue DELETE_IN_PROGRESS',
      'Queue DELETE_COMPLETE',
      `${stack} UPDATE_COMPLETE`
    ])
    expect(outcome.outputs).toEqual({ stack_id: cfn.sim.stack(stack)?.id, ApiUrl: 'sim-ApiUrl' })

    // The end was seen by the first DescribeStacks after it; no wait was longer than the interval.
    const end = cfn.sim.operations.find(o => o.stackName === stack)?.endedAt ?? 0
    const after = cfn.sim
      .callsOf('DescribeStacks')
      .filter(call => call.input.StackName === cfn.sim.stack(stack)?.id && call.at >= end)
    expect(after).toHaveLength(1)
    expect(c.waits.every(ms => ms <= c.pollIntervalMs)).toBe(true)
    // Every read stopped in the first page, at the last event seen (or, first, at the earlier
    // operations' events): nothing beyond one page was read again.
    const reads = cfn.sim.eventsCalls.filter(e => e.stackId === cfn.sim.stack(stack)?.id)
    expect(reads.length).toBeGreaterThan(1)
    expect(reads.filter(read => read.withToken)).toEqual([])
  })

  it('treats a change set without changes as success with nothing to do', async () => {
    const stack = stackName()
    cfn.sim.seedStack(stack, {
      template: API_V1,
      parameters: { ImageUri: IMAGE },
      outputs: { ApiUrl: 'https://api.example.com/' }
    })
    const c = recording()
    const target = cfnTarget({ stack, template: V1, tags: {} })
    const outcome = await deploy(cfnRequest(target), c)

    expect(outcome.deploymentUrl).toBe('https://api.example.com/')
    expect(c.progressed).toEqual([
      {
        message: `CloudFormation: stack ${stack} is up to date; the change set had no changes, nothing was executed`,
        // What the job summary's Stack changes table reads as "no changes".
        data: { stackChanges: 0 }
      }
    ])
    expect(
      cfn.sim
        .callsOf('ExecuteChangeSet')
        .some(call => String(call.input.ChangeSetName).includes(stack))
    ).toBe(false)
    expect(cfn.sim.stack(stack)?.changeSets).toEqual([]) // the empty change set was deleted
    expect(cfn.sim.operations.some(o => o.stackName === stack)).toBe(false)
  })

  it('names the capability CloudFormation asks for, and the key to add it to', async () => {
    const stack = stackName()
    const c = recording()
    const error = await deploy(
      cfnRequest(cfnTarget({ stack, template: join(workspace, 'role.yaml'), parameters: {} })),
      c
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeployError)
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        `CloudFormation needs CAPABILITY_NAMED_IAM to deploy stack ${stack} (Requires capabilities : ` +
        '[CAPABILITY_NAMED_IAM]): add it to services.api.deploy.cloudformation.capabilities.'
    })
    expect(cfn.sim.operations.some(o => o.stackName === stack)).toBe(false)

    const granted = await deploy(
      cfnRequest(
        cfnTarget({
          stack,
          template: join(workspace, 'role.yaml'),
          parameters: {},
          capabilities: ['CAPABILITY_NAMED_IAM'],
          urlOutput: undefined
        })
      ),
      recording()
    )
    expect(granted.outputs?.stack_id).toBe(cfn.sim.stack(stack)?.id)
  })

  it('sends a template over 51,200 bytes through template_bucket, under the hash of its body, once', async () => {
    const stack = stackName()
    const padding = `\n# ${'x'.repeat(60_000)}\n`
    const body = `${API_V1}${padding}`
    const dir = workspaceWith({ 'big.yaml': body })
    cfn.sim.s3.createBucket('shop-templates')
    const target = cfnTarget({
      stack,
      template: join(dir, 'big.yaml'),
      templateBucket: 'shop-templates'
    })
    const c = recording()
    await deploy(cfnRequest(target), c)

    const key = `deploy-pipeline/templates/${createHash('sha256').update(body).digest('hex')}.yaml`
    expect(cfn.sim.s3.object('shop-templates', key)?.body).toBe(body)
    expect(inputOf('CreateChangeSet', stack)).toMatchObject({
      TemplateURL: `${cfn.sim.s3.url}/shop-templates/${key}`
    })
    expect(inputOf('CreateChangeSet', stack).TemplateBody).toBeUndefined()
    expect(c.infos).toContain(
      `Uploaded the template (${Buffer.byteLength(body)} bytes) to s3://shop-templates/${key}`
    )

    // The same template again: found by its key, not uploaded twice.
    const again = recording()
    await deploy(cfnRequest(target, { deploymentId: 'dep_7001_2' }), again)
    expect(cfn.sim.s3.calls.filter(call => call === `PUT shop-templates/${key}`)).toHaveLength(1)
    expect(again.infos).toContain(
      `The template (${Buffer.byteLength(body)} bytes) is in s3://shop-templates/${key} already`
    )
  })

  it('sends a template of exactly 51,200 bytes inline even with template_bucket, and one byte more through S3', async () => {
    cfn.sim.s3.createBucket('edge-templates')
    const sized = (bytes: number): string => {
      const head = `${API_V1}\n# `
      return `${head}${'x'.repeat(bytes - Buffer.byteLength(head) - 1)}\n`
    }
    const dir = workspaceWith({ 'limit.yaml': sized(51_200), 'over.yaml': sized(51_201) })
    const s3Calls = cfn.sim.s3.calls.length

    const inline = stackName()
    const target = { templateBucket: 'edge-templates' }
    await deploy(
      cfnRequest(cfnTarget({ stack: inline, template: join(dir, 'limit.yaml'), ...target })),
      recording()
    )
    expect(Buffer.byteLength(String(inputOf('CreateChangeSet', inline).TemplateBody))).toBe(51_200)
    expect(inputOf('CreateChangeSet', inline).TemplateURL).toBeUndefined()
    expect(cfn.sim.s3.calls.length).toBe(s3Calls)

    const uploaded = stackName()
    await deploy(
      cfnRequest(cfnTarget({ stack: uploaded, template: join(dir, 'over.yaml'), ...target })),
      recording()
    )
    expect(inputOf('CreateChangeSet', uploaded).TemplateBody).toBeUndefined()
    expect(String(inputOf('CreateChangeSet', uploaded).TemplateURL)).toMatch(
      /\/edge-templates\/deploy-pipeline\/templates\/[0-9a-f]{64}\.yaml$/
    )
  })

  it('refuses a template over 51,200 bytes without template_bucket, before touching the stack', async () => {
    const stack = stackName()
    const dir = workspaceWith({
      'big.json': `{"Resources": {}, "Padding": "${'x'.repeat(52_000)}"}`
    })
    const calls = cfn.sim.calls.length
    const error = await deploy(
      cfnRequest(cfnTarget({ stack, template: join(dir, 'big.json') })),
      recording()
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: `Template ${join(dir, 'big.json')} is 52032 bytes, over the 51200-byte limit of a template sent inline; set template_bucket to upload it to S3.`
    })
    expect(cfn.sim.calls.length).toBe(calls)
  })

  it('warns when url_output is not among the stack outputs, and fills {version} only with a git tag', async () => {
    const stack = stackName()
    const c = recording()
    const outcome = await deploy(
      cfnRequest(cfnTarget({ stack, template: V1, urlOutput: 'Endpoint' })),
      c
    )
    expect(outcome.deploymentUrl).toBeUndefined()
    expect(c.warnings).toEqual([
      `url_output Endpoint is not an output of stack ${stack} (its outputs: ApiUrl, TableName)`
    ])

    const versioned = cfnTarget({ stack, template: V1, parameters: { ImageUri: '{version}' } })
    const error = await deploy(cfnRequest(versioned), recording()).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'services.api.deploy.cloudformation.parameters.ImageUri uses {version}, but this run makes ' +
        'no git tag (create_tag is false); use {image_tag}.'
    })
  })

  it('fills {version} and {image_tag} when the run makes a git tag, and hands role_arn to CloudFormation', async () => {
    const stack = stackName()
    const roleArn = 'arn:aws:iam::123456789012:role/cfn-exec'
    const target = cfnTarget({
      stack,
      template: V1,
      parameters: { ImageUri: '{image_uri}', Environment: 'v{version}' },
      tags: { release: '{version}', image: '{image_tag}' },
      roleArn
    })
    const request = cfnRequest(target)
    const tagged = {
      ...request,
      plan: {
        ...request.plan,
        version: { ...request.plan.version, imageTag: 'v1.4.0', gitTag: 'v1.4.0', version: '1.4.0' }
      }
    }
    await deploy(tagged, recording())

    expect(inputOf('CreateChangeSet', stack)).toMatchObject({
      Parameters: [
        { ParameterKey: 'ImageUri', ParameterValue: IMAGE },
        { ParameterKey: 'Environment', ParameterValue: 'v1.4.0' }
      ],
      Tags: [
        { Key: 'release', Value: '1.4.0' },
        { Key: 'image', Value: 'v1.4.0' }
      ],
      RoleARN: roleArn
    })
    expect(cfn.sim.stack(stack)?.roleArn).toBe(roleArn)
  })

  it('turns termination protection on once the stack is deployed', async () => {
    const stack = stackName()
    const c = recording()
    await deploy(cfnRequest(cfnTarget({ stack, template: V1, terminationProtection: true })), c)
    expect(cfn.sim.stack(stack)?.terminationProtection).toBe(true)
    expect(c.infos).toContain(`Termination protection of stack ${stack} turned on`)
  })
})
