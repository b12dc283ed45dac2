import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { ResourceStatus, StackEvent } from '@aws-sdk/client-cloudformation'
import { CloudFormationApi } from '../../src/clients/cloudformation.js'
import {
  MAX_GAP,
  afterRead,
  firstCursor,
  readDue,
  readNewEvents,
  rootCause,
  type EventCursor
} from '../../src/targets/cloudformation-events.js'
import { describeStackForPlan } from '../../src/targets/cloudformation-plan.js'
import { startCfnSimulator, type CfnSimulator } from '../simulators/cloudformation.js'
import { API_V1, cfnTarget } from './cloudformation-fixtures.js'

/** Events as a page holds them (newest first), for the cursor's own logic. */
function page(ids: string[], token = 'ours'): StackEvent[] {
  return ids.map((id, index) => ({
    EventId: id,
    StackId: 'arn:stack/s/1',
    StackName: 's',
    LogicalResourceId: `R${id}`,
    ResourceType: 'AWS::SNS::Topic',
    ResourceStatus: 'UPDATE_COMPLETE',
    Timestamp: new Date(1_000_000 - index),
    ClientRequestToken: token
  }))
}

/** Pages of `size` from a newest-first list, as DescribeStackEvents serves them. */
function pager(events: StackEvent[], size = 100) {
  const calls: Array<{ token: string | undefined; events: number }> = []
  return {
    calls,
    eventsPage: async (_stack: string, nextToken: string | undefined) => {
      const start = nextToken === undefined ? 0 : Number(nextToken)
      const slice = events.slice(start, start + size)
      calls.push({ token: nextToken, events: slice.length })
      const more = start + size < events.length
      return { events: slice, nextToken: more ? String(start + size) : undefined }
    }
  }
}

describe('reading stack events newest first', () => {
  it('reads down to the last event seen, and stops in the page that holds it', async () => {
    const cursor: EventCursor = { ...firstCursor('ours'), lastSeenId: 'e5' }
    const api = pager(page(['e8', 'e7', 'e6', 'e5', 'e4', 'e3']))
    const read = await readNewEvents(api, 'arn:stack/s/1', cursor, AbortSignal.timeout(5000))
    expect(read.events.map(e => e.EventId)).toEqual(['e6', 'e7', 'e8']) // oldest first
    expect(read).toMatchObject({ transferred: 6, calls: 1 })
  })

  it('before any event is seen, stops at the first event of an older operation', async () => {
    const events = [...page(['n3', 'n2', 'n1']), ...page(['o2', 'o1'], 'earlier')]
    const read = await readNewEvents(
      pager(events),
      'arn:stack/s/1',
      firstCursor('ours'),
      AbortSignal.timeout(5000)
    )
    expect(read.events.map(e => e.EventId)).toEqual(['n1', 'n2', 'n3'])
  })

  it('goes on to the next page only while the last event seen is not reached: a burst costs only new events', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `e${250 - i}`) // e250 (newest) .. e1
    const api = pager(page(ids), 100)
    const cursor: EventCursor = { ...firstCursor('ours'), lastSeenId: 'e20' }
    const read = await readNewEvents(api, 'arn:stack/s/1', cursor, AbortSignal.timeout(5000))
    expect(read.events).toHaveLength(230)
    expect(api.calls.map(c => c.token)).toEqual([undefined, '100', '200'])
    // Re-read: only what shares the last page with the last event seen.
    expect(read.transferred - read.events.length).toBe(20)
  })

  it('reads every look while pages are mostly new, and backs off while they are mostly re-read', () => {
    let cursor = firstCursor('ours')
    expect(readDue(cursor, 'UPDATE_IN_PROGRESS', false)).toBe(true) // the status moved
    cursor = afterRead(
      cursor,
      { events: page(['a']), transferred: 100, calls: 1 },
      'UPDATE_IN_PROGRESS'
    )
    expect(cursor.gap).toBe(2)
    expect(readDue(cursor, 'UPDATE_IN_PROGRESS', false)).toBe(false)
    cursor = afterRead(
      cursor,
      { events: page(['b']), transferred: 100, calls: 1 },
      'UPDATE_IN_PROGRESS'
    )
    expect(cursor.gap).toBe(4)
    for (let i = 0; i < 10; i++) {
      cursor = afterRead(
        cursor,
        { events: page(['c']), transferred: 100, calls: 1 },
        'UPDATE_IN_PROGRESS'
      )
    }
    expect(cursor.gap).toBe(MAX_GAP)
    // A status change or the end is read at once, however long the gap.
    expect(readDue(cursor, 'UPDATE_ROLLBACK_IN_PROGRESS', false)).toBe(true)
    expect(readDue(cursor, 'UPDATE_IN_PROGRESS', true)).toBe(true)
    const fresh = page(Array.from({ length: 80 }, (_, i) => `f${i}`))
    cursor = afterRead(cursor, { events: fresh, transferred: 100, calls: 1 }, 'UPDATE_IN_PROGRESS')
    expect(cursor.gap).toBe(MAX_GAP / 2)
    expect(cursor.lastSeenId).toBe('f79')
  })
})

describe('the root cause of a failed operation', () => {
  const event = (at: number, id: string, status: ResourceStatus, reason: string): StackEvent => ({
    EventId: `${id}-${at}`,
    StackId: 'arn:stack/s/1',
    StackName: 's',
    LogicalResourceId: id,
    PhysicalResourceId: `s-${id}`,
    ResourceType: 'AWS::Lambda::Function',
    ResourceStatus: status,
    ResourceStatusReason: reason,
    Timestamp: new Date(at)
  })

  it('is the first failure in time order that is not a cancellation', () => {
    const events = [
      event(1, 'Queue', 'UPDATE_IN_PROGRESS', ''),
      event(2, 'Api', 'UPDATE_FAILED', 'Resource update cancelled'),
      event(3, 'Worker', 'UPDATE_FAILED', 'Image not found'),
      event(4, 'Queue', 'UPDATE_FAILED', 'Resource update cancelled')
    ]
    expect(rootCause(events)?.LogicalResourceId).toBe('Worker')
  })

  it('falls back to the first failure when every failure is a cancellation', () => {
    const events = [event(1, 'Api', 'UPDATE_FAILED', 'Resource update cancelled')]
    expect(rootCause(events)?.LogicalResourceId).toBe('Api')
  })
})

describe('describeStackForPlan (dry run and preflight)', () => {
  let sim: CfnSimulator
  let api: CloudFormationApi

  beforeAll(async () => {
    sim = await startCfnSimulator({ sdkEnv: true })
    api = await CloudFormationApi.create('us-east-1')
  })

  afterEach(() => sim.query.assertNoViolations())

  afterAll(() => sim.close())

  const plan = (stack: string, onRollbackComplete: 'recreate' | 'fail' = 'recreate') =>
    describeStackForPlan(cfnTarget({ stack, onRollbackComplete }), AbortSignal.timeout(10_000), api)

  it('says what a deploy would do, with read-only calls and no change set', async () => {
    sim.seedStack('plan-updated', { template: API_V1 })
    sim.seedStack('plan-failed', { status: 'ROLLBACK_COMPLETE', reason: 'Orders failed' })
    sim.seedStack('plan-stuck', { template: API_V1, status: 'UPDATE_ROLLBACK_FAILED' })
    sim.seedStack('plan-busy', { template: API_V1 })
    sim.startExternalUpdate('plan-busy', {
      token: 'Console-UpdateStack-9',
      steps: 10_000,
      stepMs: 1000
    })

    expect(await plan('plan-missing')).toEqual({
      action: 'create',
      status: undefined,
      line: 'stack plan-missing does not exist: a CREATE change set would create it'
    })
    expect(await plan('plan-updated')).toEqual({
      action: 'update',
      status: 'CREATE_COMPLETE',
      line: 'stack plan-updated is CREATE_COMPLETE: an UPDATE change set would show the changes, then apply them'
    })
    expect(await plan('plan-failed')).toMatchObject({
      action: 'recreate',
      line: 'stack plan-failed is ROLLBACK_COMPLETE (its creation failed: Orders failed): it would be deleted and created again (on_rollback_complete: recreate)'
    })
    expect(await plan('plan-failed', 'fail')).toMatchObject({ action: 'blocked' })
    expect((await plan('plan-stuck')).action).toBe('blocked')
    expect(await plan('plan-busy')).toMatchObject({
      action: 'wait',
      line: 'stack plan-busy is busy (UPDATE_IN_PROGRESS, started by someone in the AWS console (Console-UpdateStack-9)): the deploy would wait for it to finish, then make a change set'
    })
    const actions = new Set(sim.calls.map(call => call.action))
    expect([...actions].sort()).toEqual(['DescribeStackEvents', 'DescribeStacks'])
  })
})
