import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { deploy } from '../../src/targets/cloudformation.js'
import { waitUntil } from '../fixtures/wait.js'
import { QUERY_THROTTLING, queryErrorFault } from '../simulators/aws-query.js'
import { actionIs } from '../simulators/cloudformation.js'
import {
  API_V1,
  API_V2,
  IMAGE,
  WITH_NESTED,
  cfnRequest,
  cfnTarget,
  withCfnSimulator,
  recording,
  statusChanges,
  workspaceWith
} from './cloudformation-fixtures.js'

const cfn = withCfnSimulator('shop-dev-svc')
const stackName = cfn.stackName

const workspace = workspaceWith({
  'api-v1.yaml': API_V1,
  'api-v2.yaml': API_V2,
  'nested.yaml': WITH_NESTED
})
const V1 = join(workspace, 'api-v1.yaml')
const V2 = join(workspace, 'api-v2.yaml')

/** A stack deployed with V1 (and 40 events of earlier operations) that the test then updates to V2. */
function deployedStack(): string {
  const name = stackName()
  cfn.sim.seedStack(name, { template: API_V1, parameters: { ImageUri: IMAGE }, history: 40 })
  return name
}

async function failure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

const IMAGE_MISSING =
  'Resource handler returned message: "Source image 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:dev-2611240700 does not exist" (RequestToken: 7f1c, HandlerErrorCode: InvalidRequest)'

describe('a CloudFormation deploy that fails', () => {
  it('explains a rolled-back update by its root cause, not the cancelled resources after it', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, { fail: { resource: 'ApiFunction', reason: IMAGE_MISSING } })
    const c = recording()
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c))

    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      `The CloudFormation update of stack ${stack} failed and was rolled back (UPDATE_ROLLBACK_COMPLETE): ` +
        `ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: ${IMAGE_MISSING}`
    )
    // The cascade is in the details, after the cause, with the stack's own reason.
    const details = (error.details ?? '').split('\n').map(line => line.replace(/^\S+ /, ''))
    expect(details).toEqual([
      `ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: ${IMAGE_MISSING}`,
      'Events (AWS::SNS::Topic) CREATE_FAILED: Resource creation cancelled',
      `stack ${stack} UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to update: [ApiFunction].`
    ])
    expect(statusChanges(c)).toContain(`${stack} UPDATE_ROLLBACK_IN_PROGRESS`)
    expect(statusChanges(c).at(-1)).toBe(`${stack} UPDATE_ROLLBACK_COMPLETE`)
  })

  it('says a failed creation will be recreated by the next deploy', async () => {
    const stack = stackName()
    cfn.sim.script(stack, {
      fail: { resource: 'Orders', reason: 'Table already exists: dev-orders' }
    })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V1 })), recording()))
    expect(error.message).toBe(
      `The CloudFormation creation of stack ${stack} failed and was rolled back (ROLLBACK_COMPLETE): ` +
        'Orders (AWS::DynamoDB::Table) CREATE_FAILED: Table already exists: dev-orders; the next deploy ' +
        'deletes the stack and creates it again (on_rollback_complete: recreate)'
    )
  })

  it('says a creation whose rollback failed must be deleted before the next deploy', async () => {
    const stack = stackName()
    cfn.sim.script(stack, {
      fail: { resource: 'ApiFunction', reason: 'Image not found' },
      rollbackFails: 'Orders'
    })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V1 })), recording()))
    expect(error.message).toBe(
      `The CloudFormation creation of stack ${stack} failed (ROLLBACK_FAILED): ApiFunction ` +
        '(AWS::Lambda::Function) CREATE_FAILED: Image not found; its rollback failed too, and ' +
        'CloudFormation will neither update nor create it again: delete it (`aws cloudformation ' +
        `delete-stack --stack-name ${stack}\`, --retain-resources for what cannot be deleted), then ` +
        'deploy again'
    )
    expect(error.details).toContain('Orders (AWS::DynamoDB::Table) DELETE_FAILED')
  })

  it('deletes a stack left in ROLLBACK_COMPLETE, follows the deletion, then creates it again', async () => {
    const stack = stackName()
    cfn.sim.seedStack(stack, {
      status: 'ROLLBACK_COMPLETE',
      reason: 'The following resource(s) failed to create: [Orders]. Rollback requested by user.'
    })
    const c = recording()
    const roleArn = 'arn:aws:iam::123456789012:role/cfn-exec'
    await deploy(cfnRequest(cfnTarget({ stack, template: V1, roleArn })), c)

    expect(c.infos).toContain(
      `Stack ${stack} is ROLLBACK_COMPLETE: its creation failed (The following resource(s) failed to ` +
        'create: [Orders]. Rollback requested by user.). Deleting it to create it again ' +
        '(on_rollback_complete: recreate).'
    )
    expect(
      cfn.sim.operations.filter(o => o.stackName === stack).map(o => [o.kind, o.status])
    ).toEqual([
      ['delete', 'DELETE_COMPLETE'],
      ['create', 'CREATE_COMPLETE']
    ])
    const deleted = cfn.sim.callsOf('DeleteStack').at(-1)?.input
    expect(deleted?.ClientRequestToken).toBe('deploy-pipeline-dep-7001-1-api-delete')
    // The service role deletes what it created: the job's own credentials may not reach it.
    expect(deleted?.RoleARN).toBe(roleArn)
    // The deletion was followed to its end before the new stack's change set was made.
    const deletedAt =
      cfn.sim.operations.find(o => o.stackName === stack && o.kind === 'delete')?.endedAt ?? 0
    const created = cfn.sim.callsOf('CreateChangeSet').find(call => call.input.StackName === stack)
    expect(created?.at).toBeGreaterThanOrEqual(deletedAt)
    expect(created?.input.ChangeSetType).toBe('CREATE')
    expect(statusChanges(c).slice(0, 2)).toEqual([
      `${stack} DELETE_IN_PROGRESS`,
      `${stack} DELETE_COMPLETE`
    ])
  })

  it('leaves a ROLLBACK_COMPLETE stack alone with on_rollback_complete: fail, and says what to do', async () => {
    const stack = stackName()
    cfn.sim.seedStack(stack, { status: 'ROLLBACK_COMPLETE' })
    const target = cfnTarget({ stack, template: V1, onRollbackComplete: 'fail' })
    const error = await failure(deploy(cfnRequest(target), recording()))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      `Stack ${stack} is ROLLBACK_COMPLETE: its creation failed and CloudFormation cannot update it. ` +
        'on_rollback_complete is fail, so it was left as it is: delete it ' +
        `(\`aws cloudformation delete-stack --stack-name ${stack}\`) or set on_rollback_complete: ` +
        'recreate, then deploy again.'
    )
    expect(cfn.sim.callsOf('DeleteStack').some(call => call.input.StackName === stack)).toBe(false)
  })

  it('explains UPDATE_ROLLBACK_FAILED with continue-update-rollback, and starts nothing', async () => {
    const stack = stackName()
    cfn.sim.seedStack(stack, {
      template: API_V1,
      status: 'UPDATE_ROLLBACK_FAILED',
      reason: 'The following resource(s) failed to update: [ApiFunction].'
    })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), recording()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      `Stack ${stack} is UPDATE_ROLLBACK_FAILED: an earlier update failed and so did its rollback ` +
        '(The following resource(s) failed to update: [ApiFunction].). CloudFormation accepts no ' +
        'update until the rollback finishes: fix what blocks it, run `aws cloudformation ' +
        `continue-update-rollback --stack-name ${stack}\` (--resources-to-skip for resources that ` +
        'cannot roll back), wait for UPDATE_ROLLBACK_COMPLETE, then deploy again.'
    )
    expect(cfn.sim.callsOf('CreateChangeSet').some(call => call.input.StackName === stack)).toBe(
      false
    )
  })

  it('says so when the rollback of its own update fails too', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, {
      fail: { resource: 'Events', reason: 'Topic limit exceeded' },
      rollbackFails: 'Orders'
    })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), recording()))
    expect(error.message).toBe(
      `The CloudFormation update of stack ${stack} failed (UPDATE_ROLLBACK_FAILED): Events ` +
        '(AWS::SNS::Topic) CREATE_FAILED: Topic limit exceeded; its rollback failed too: once what ' +
        `blocks it is fixed, run \`aws cloudformation continue-update-rollback --stack-name ${stack}\``
    )
  })
})

describe('a CloudFormation change set that cannot be made', () => {
  it('says why CloudFormation failed it', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, { changeSetFails: 'No export named orders-dev-table found' })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), recording()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      `CloudFormation could not make change set deploy-pipeline-dep-7001-1-api for stack ${stack}: ` +
        'FAILED: No export named orders-dev-table found'
    )
    expect(cfn.sim.operations.some(o => o.stackName === stack)).toBe(false)
  })

  it('names the capability a transform needs when the change set fails for it', async () => {
    const stack = stackName()
    const dir = workspaceWith({
      'sam.yaml':
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n'
    })
    const target = cfnTarget({ stack, template: join(dir, 'sam.yaml'), parameters: {} })
    const error = await failure(deploy(cfnRequest(target), recording()))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe(
      `CloudFormation needs CAPABILITY_AUTO_EXPAND to deploy stack ${stack} (Requires ` +
        'capabilities : [CAPABILITY_AUTO_EXPAND]): add it to ' +
        'services.api.deploy.cloudformation.capabilities.'
    )
  })

  it('passes on what CloudFormation refuses at once, naming the call', async () => {
    const stack = stackName()
    const target = cfnTarget({ stack, template: V1, parameters: {} })
    const error = await failure(deploy(cfnRequest(target), recording()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      'CloudFormation CreateChangeSet failed: ValidationError: Parameters: [ImageUri] must have values'
    )
  })

  it('is a TIMEOUT when CloudFormation takes longer than deploy_timeout to work it out', async () => {
    const stack = deployedStack()
    cfn.sim.changeSetMs = 60_000
    try {
      const error = await failure(
        deploy(cfnRequest(cfnTarget({ stack, template: V2 })), recording({ timeoutMs: 300 }))
      )
      expect(error.code).toBe('TIMEOUT')
      expect(error.message).toBe(
        'CloudFormation did not finish change set deploy-pipeline-dep-7001-1-api for stack ' +
          `${stack} within deploy_timeout (300 ms); nothing was executed.`
      )
    } finally {
      cfn.sim.changeSetMs = 15
    }
  })

  it('stops when the stack whose creation failed cannot be deleted', async () => {
    const stack = stackName()
    cfn.sim.seedStack(stack, { status: 'ROLLBACK_COMPLETE' })
    cfn.sim.script(stack, {
      fail: { resource: 'Uploads', reason: 'The bucket you tried to delete is not empty' }
    })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V1 })), recording()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      `Stack ${stack} (ROLLBACK_COMPLETE) could not be deleted to create it again: DELETE_FAILED: ` +
        'Uploads (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty. ' +
        `Delete it (\`aws cloudformation delete-stack --stack-name ${stack}\`) and deploy again.`
    )
    expect(cfn.sim.callsOf('CreateChangeSet').some(call => call.input.StackName === stack)).toBe(
      false
    )
  })
})

describe('a CloudFormation stack busy with another operation', () => {
  it('is waited for, saying who runs it, and only then gets a change set', async () => {
    const stack = deployedStack()
    const other = cfn.sim.startExternalUpdate(stack, {
      token: 'Console-UpdateStack-1a2b',
      steps: 6,
      stepMs: 20
    })
    const c = recording()
    await deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c)

    expect(c.infos).toContain(
      `Stack ${stack} is busy: UPDATE_IN_PROGRESS since ${new Date(other.startedAt).toISOString()}, ` +
        'started by someone in the AWS console (Console-UpdateStack-1a2b) (User Initiated). Waiting ' +
        'for it to finish, within deploy_timeout (20 s), before deploying; no second operation is ' +
        'started on it.'
    )
    const created = cfn.sim.callsOf('CreateChangeSet').find(call => call.input.StackName === stack)
    expect(created?.at).toBeGreaterThanOrEqual(other.endedAt ?? Infinity)
    expect(cfn.sim.operations.filter(o => o.stackName === stack).map(o => o.token)).toEqual([
      'Console-UpdateStack-1a2b',
      'deploy-pipeline-dep-7001-1-api'
    ])
  })

  it('names another run of this action as the one running', async () => {
    const stack = deployedStack()
    cfn.sim.startExternalUpdate(stack, {
      token: 'deploy-pipeline-dep-7000-1-api',
      steps: 3,
      stepMs: 20
    })
    const c = recording()
    await deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c)
    expect(c.infos.find(line => line.startsWith(`Stack ${stack} is busy`))).toContain(
      'started by another run of this action (dep-7000-1-api) (User Initiated)'
    )
  })

  it('is a TIMEOUT when the other operation outlasts deploy_timeout, with nothing started', async () => {
    const stack = deployedStack()
    cfn.sim.startExternalUpdate(stack, { steps: 10_000, stepMs: 1000 })
    const error = await failure(
      deploy(cfnRequest(cfnTarget({ stack, template: V2 })), recording({ timeoutMs: 300 }))
    )
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe(
      `Stack ${stack} was still UPDATE_IN_PROGRESS at the end of deploy_timeout (300 ms): the ` +
        'operation started by a client that gave no request token (outside this action) did not ' +
        'finish, and nothing was started on the stack.'
    )
    expect(cfn.sim.callsOf('CreateChangeSet').some(call => call.input.StackName === stack)).toBe(
      false
    )
    expect(cfn.sim.callsOf('CancelUpdateStack').some(call => call.input.StackName === stack)).toBe(
      false
    )
  })
})

describe('following a CloudFormation operation', () => {
  it('does not end when a nested stack finishes: only the stack itself ends the wait', async () => {
    const stack = stackName()
    const c = recording()
    await deploy(
      cfnRequest(
        cfnTarget({
          stack,
          template: join(workspace, 'nested.yaml'),
          parameters: {},
          urlOutput: undefined
        })
      ),
      c
    )
    const changes = statusChanges(c)
    // Network (the nested stack) completes first; the parent's other resources come after it.
    expect(changes.indexOf('Network CREATE_COMPLETE')).toBeLessThan(
      changes.indexOf('Alarm CREATE_COMPLETE')
    )
    expect(changes.at(-1)).toBe(`${stack} CREATE_COMPLETE`)
    expect(
      c.progressed.find(p => p.data?.logicalId === 'Network' && p.data.status === 'CREATE_COMPLETE')
        ?.message
    ).toBe('CloudFormation: Network (AWS::CloudFormation::Stack, nested stack) CREATE_COMPLETE')
  })

  it('rides out throttling (a Throttling XML error) and 5xx answers in the middle of the wait', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, { stepMs: 25 })
    const byId = (request: { body: string }): boolean =>
      actionIs('DescribeStacks')(request as never) &&
      new URLSearchParams(request.body).get('StackName')?.startsWith('arn:') === true
    cfn.sim.query.faults.inject(QUERY_THROTTLING, { times: 2, match: byId })
    cfn.sim.query.faults.inject(
      queryErrorFault('InternalFailure', 'We encountered an internal error.', 500),
      {
        times: 1,
        match: actionIs('DescribeStackEvents')
      }
    )
    const c = recording()
    const outcome = await deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c)

    expect(outcome.outputs?.ApiUrl).toBe('sim-ApiUrl')
    expect(cfn.sim.query.faults.pending).toBe(0)
    const retries = c.infos.filter(line => line.includes('trying again'))
    expect(retries.filter(line => line.includes('throttled (Throttling)'))).toHaveLength(2)
    expect(retries.filter(line => line.includes('HTTP 500'))).toHaveLength(1)
    // Every resource change still reported once, in order.
    expect(statusChanges(c).filter(s => s === 'ApiFunction UPDATE_COMPLETE')).toHaveLength(1)
    expect(statusChanges(c).at(-1)).toBe(`${stack} UPDATE_COMPLETE`)
  })

  it('cancels an update that outlasts deploy_timeout, so that it rolls back, and says so', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, { stuck: ['ApiFunction'] })
    const c = recording({ timeoutMs: 2000 })
    const error = await failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c))

    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe(
      `The CloudFormation update of stack ${stack} did not finish within deploy_timeout (2 s); ` +
        `cancelled the update of stack ${stack} (CancelUpdateStack): CloudFormation rolls it back to ` +
        'its previous state'
    )
    const cancel = cfn.sim
      .callsOf('CancelUpdateStack')
      .find(call => call.input.StackName === cfn.sim.stack(stack)?.id)
    expect(cancel?.input.ClientRequestToken).toBe('deploy-pipeline-dep-7001-1-api-cancel')
    await waitUntil(
      'the stack to roll back',
      () => cfn.sim.stack(stack)?.status === 'UPDATE_ROLLBACK_COMPLETE'
    )
    const events = cfn.sim.stack(stack)?.events ?? []
    expect(
      events.find(
        e => e.LogicalResourceId === 'ApiFunction' && e.ResourceStatus === 'UPDATE_FAILED'
      )?.ResourceStatusReason
    ).toBe('Resource update cancelled')
  })

  it('cancels the update when the workflow is cancelled, and says it rolls back', async () => {
    const stack = deployedStack()
    cfn.sim.script(stack, { stuck: ['ApiFunction'] })
    const c = recording()
    const running = failure(deploy(cfnRequest(cfnTarget({ stack, template: V2 })), c))
    await waitUntil('the update to be under way', () =>
      statusChanges(c).includes('ApiFunction UPDATE_IN_PROGRESS')
    )
    c.controller.abort()
    const error = await running

    expect(error.code).toBe('CANCELLED')
    expect(error.message).toBe(
      `cancelled while waiting for the CloudFormation update of stack ${stack}; cancelled the update ` +
        `of stack ${stack} (CancelUpdateStack): CloudFormation rolls it back to its previous state`
    )
    await waitUntil(
      'the stack to roll back',
      () => cfn.sim.stack(stack)?.status === 'UPDATE_ROLLBACK_COMPLETE'
    )
  })

  it('leaves a creation that outlasts deploy_timeout running, since only updates can be cancelled', async () => {
    const stack = stackName()
    cfn.sim.script(stack, { stuck: ['Queue'] })
    const error = await failure(
      deploy(cfnRequest(cfnTarget({ stack, template: V1 })), recording({ timeoutMs: 2000 }))
    )
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe(
      `The CloudFormation creation of stack ${stack} did not finish within deploy_timeout (2 s); ` +
        `the creation of stack ${stack} goes on (CancelUpdateStack applies to updates only): if it ` +
        'fails, CloudFormation rolls it back and the next deploy creates it again'
    )
    expect(
      cfn.sim
        .callsOf('CancelUpdateStack')
        .some(call => String(call.input.StackName).includes(`/${stack}/`))
    ).toBe(false)
  })
})
