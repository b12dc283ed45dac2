import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { ResourceStatus, StackEvent } from '@aws-sdk/client-cloudformation'
import { CloudFormationApi } from '../../src/clients/cloudformation.js'
import {
  LONG_GAP,
  MAX_GAP,
  afterRead,
  expectedEvents,
  firstCursor,
  isSettled,
  readDue,
  readNewEvents,
  rootCause,
  skipped,
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
      { events: page(['a']), transferred: 100, calls: 1, reachedOldest: false },
      'UPDATE_IN_PROGRESS'
    )
    expect(cursor.gap).toBe(2)
    expect(readDue(cursor, 'UPDATE_IN_PROGRESS', false)).toBe(false)
    cursor = afterRead(
      cursor,
      { events: page(['b']), transferred: 100, calls: 1, reachedOldest: false },
      'UPDATE_IN_PROGRESS'
    )
    expect(cursor.gap).toBe(4)
    for (let i = 0; i < 10; i++) {
      cursor = afterRead(
        cursor,
        { events: page(['c']), transferred: 100, calls: 1, reachedOldest: false },
        'UPDATE_IN_PROGRESS'
      )
    }
    expect(cursor.gap).toBe(MAX_GAP)
    // A status change or the end is read at once, however long the gap.
    expect(readDue(cursor, 'UPDATE_ROLLBACK_IN_PROGRESS', false)).toBe(true)
    expect(readDue(cursor, 'UPDATE_IN_PROGRESS', true)).toBe(true)
    const fresh = page(Array.from({ length: 80 }, (_, i) => `f${i}`))
    cursor = afterRead(
      cursor,
      { events: fresh, transferred: 100, calls: 1, reachedOldest: false },
      'UPDATE_IN_PROGRESS'
    )
    expect(cursor.gap).toBe(MAX_GAP / 2)
    expect(cursor.lastSeenId).toBe('f79')
  })
})

/**
 * A creation of `resources` resources played look by look: at look `startAt[i]` resource i starts,
 * `doneAt[i]` it completes; the stack's own start comes at look 0 and its end one look after the
 * last resource. The follower's read decisions run as followOperation runs them, against pages of
 * 100 newest first; returns what the reads carried, and the reads made while it was in progress.
 */
async function playCreation(
  resources: number,
  startAt: (i: number) => number,
  doneAt: (i: number) => number
) {
  const timeline: Array<{ look: number; id: string; token: string }> = [
    { look: -1, id: 'review', token: 'change-set-review' }, // REVIEW_IN_PROGRESS, before ours
    { look: 0, id: 'stack-started', token: 'ours' }
  ]
  for (let i = 0; i < resources; i++) {
    timeline.push({ look: startAt(i), id: `r${i}-started`, token: 'ours' })
    timeline.push({ look: doneAt(i), id: `r${i}-done`, token: 'ours' })
  }
  const lastLook = Math.max(...timeline.map(e => e.look)) + 1
  timeline.push({ look: lastLook, id: 'stack-done', token: 'ours' })
  const byLook = [...timeline].sort((a, b) => a.look - b.look)

  let carried = 0
  const readAt: number[] = []
  let seen = 0
  let cursor = firstCursor('ours', expectedEvents(resources))
  for (let look = 0; look <= lastLook; look++) {
    const written = byLook.filter(e => e.look <= look)
    const status = look === lastLook ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS'
    const settled = isSettled(status)
    if (!readDue(cursor, status, settled)) {
      cursor = skipped(cursor)
      continue
    }
    const api = pager(
      written
        .reverse()
        .flatMap(e =>
          page([e.id], e.token).map(event => ({ ...event, Timestamp: new Date(e.look) }))
        )
    )
    const read = await readNewEvents(api, 'arn:stack/s/1', cursor, AbortSignal.timeout(5000))
    carried += read.transferred
    seen += read.events.length
    readAt.push(look)
    cursor = afterRead(cursor, read, status)
  }
  // Reads made while the operation ran, the first (its start) and the last (its end) aside.
  const midReads = readAt.length - 2
  return { carried, events: timeline.length, seen, midReads, readAt }
}

describe('reading the events of a stack that fits on one page', () => {
  it.each([
    ['all at once, then one by one', 5, () => 1, (i: number) => 2 + i * 2],
    ['a steady pace', 30, (i: number) => 1 + i, (i: number) => 3 + i * 2],
    ['a burst at the start of a large one', 45, () => 1, (i: number) => 2 + i],
    ['slowly, a resource every 30 s', 8, (i: number) => 1 + i * 6, (i: number) => 5 + i * 6]
  ])(
    'carries at most twice the stack’s events, and still reads in between (%s)',
    async (_shape, resources, startAt, doneAt) => {
      const { carried, events, seen, midReads } = await playCreation(resources, startAt, doneAt)
      expect(seen).toBe(events - 1) // every event of ours, REVIEW_IN_PROGRESS being older
      expect(carried).toBeLessThanOrEqual(2 * events)
      if (resources >= 8) expect(midReads).toBeGreaterThan(0)
    }
  )

  it('reads a rollback when it starts, and leaves the cleanup after an update to the next read', () => {
    const read = { events: page(['a']), transferred: 31, calls: 1, reachedOldest: true }
    const cursor = afterRead(firstCursor('ours', expectedEvents(3)), read, 'UPDATE_IN_PROGRESS')
    expect(readDue(cursor, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', false)).toBe(false)
    expect(readDue(cursor, 'UPDATE_ROLLBACK_IN_PROGRESS', false)).toBe(true)
    expect(readDue(cursor, 'UPDATE_COMPLETE', true)).toBe(true)
  })

  it('pays for a burst the pace did not foretell with one more read of the stack at most', async () => {
    // Twenty resources started and done between two looks: the read in between finds them all.
    const { carried, events } = await playCreation(
      20,
      () => 1,
      () => 2
    )
    expect(carried).toBeGreaterThan(2 * events)
    expect(carried).toBeLessThanOrEqual(3 * events)
  })

  it('reads a long operation every LONG_GAP looks even when a read does not pay', async () => {
    // One resource that takes an hour at the default interval: nothing pays, the wait is read.
    const { readAt } = await playCreation(
      1,
      () => 1,
      () => 12 * 60
    )
    const gaps = readAt.slice(1).map((look, i) => look - (readAt[i] ?? 0))
    expect(Math.max(...gaps)).toBe(LONG_GAP)
    expect(readAt.length).toBeLessThanOrEqual(3 + (12 * 60) / LONG_GAP)
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
