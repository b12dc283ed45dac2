import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation'
import type { CloudFormationApi } from '../clients/cloudformation.js'
import { follow } from '../runtime/follow.js'
import { RetryableError } from '../runtime/retry.js'
import { formatDuration } from '../runtime/duration.js'
import type { TargetContext } from './types.js'
import { failedWaiting, oneLine, waitingIn } from './cloudformation-calls.js'

/**
 * Following one stack operation (a change set executed, a stack deleted) to its end, and reading
 * its events without reading any twice beyond one page.
 *
 * Each look asks DescribeStacks for the stack's status: one small answer, so the end is noticed by
 * the first look after it. The events are read from DescribeStackEvents, newest first, down to the
 * last event already seen (or, before any, to the first event of an older operation: one whose
 * ClientRequestToken is not ours). CloudFormation pages them by a hundred and takes no page size,
 * so a read costs a page however few events are new. The events are always read when the status
 * changes (the operation starts, starts to roll back, ends; not when the cleanup after an update
 * starts); in between, when it pays:
 *
 * - A stack with more events than a page: on a cadence that follows the stack's own pace. After a
 *   read that re-read more events than it found, the next waits twice as many looks (at most
 *   MAX_GAP); after one that found at least twice as many as it re-read, half as many. Each read
 *   re-reads at most one page.
 * - A stack whose every event fits on one page (a new or small stack): every read re-reads all of
 *   them, so reads in between must earn their keep. One is made only when the stack is expected to
 *   have at least twice the events it had at the last read (at the pace seen so far), and only
 *   while the events re-read so far, by this read and by the read at the end, still fit in the
 *   events the operation is expected to leave (its change set's size). Events re-read then stay
 *   within the stack's events, and all events carried within twice as many. An operation that
 *   drags on is still read every LONG_GAP looks (five minutes at the default interval): a
 *   resource that holds it up is worth a page.
 *
 * Nothing is missed by waiting: a read continues page by page down to the last event seen.
 */

/** The longest a read waits, in looks: a minute at the 5 s default interval. */
export const MAX_GAP = 12
/** The longest any read waits, in looks: five minutes at the 5 s default interval. */
export const LONG_GAP = 60
/** A read that goes this many pages back has lost its way; the rest is left unread. */
const MAX_PAGES = 50

export interface EventCursor {
  /** The newest event read, once there is one. */
  readonly lastSeenId: string | undefined
  /** The operation's ClientRequestToken: before any event is seen, older events end a read. */
  readonly token: string
  /** Looks between reads, and looks since the last read. */
  readonly gap: number
  readonly looksSinceRead: number
  /** Looks since the operation was first read, that one included: with `ours`, its pace. */
  readonly looks: number
  /** The stack's status at the last read. */
  readonly status: string | undefined
  /** The operation's events read, and the stack's events known (older ones on a page included). */
  readonly ours: number
  readonly known: number
  /** Events carried a second time, over every read so far. */
  readonly reread: number
  /** The last read reached the stack's oldest event: each read carries every event the stack has. */
  readonly wholeStackOnPage: boolean
  /** The events the operation is expected to write, at least (undefined: no estimate). */
  readonly expectedOurs: number | undefined
}

export function firstCursor(token: string, expectedOurs?: number): EventCursor {
  return {
    lastSeenId: undefined,
    token,
    gap: 1,
    looksSinceRead: 0,
    looks: 0,
    status: undefined,
    ours: 0,
    known: 0,
    reread: 0,
    wholeStackOnPage: false,
    expectedOurs
  }
}

/**
 * The least a create or update writes: its start and end, and a start and an end for each change.
 * Replacements, cleanup and rollbacks write more; a low estimate only makes reads rarer.
 */
export function expectedEvents(changes: number): number {
  return 2 * changes + 2
}

export interface EventRead {
  /** The events newer than the cursor, oldest first. */
  readonly events: StackEvent[]
  /** Events the answers carried: the new ones and those re-read on the last page. */
  readonly transferred: number
  readonly calls: number
  /** The last page read had no next page: the answers carried the stack's oldest event. */
  readonly reachedOldest: boolean
}

/** The events newer than the cursor, oldest first. */
export async function readNewEvents(
  api: Pick<CloudFormationApi, 'eventsPage'>,
  stackId: string,
  cursor: EventCursor,
  signal: AbortSignal
): Promise<EventRead> {
  const fresh: StackEvent[] = []
  let transferred = 0
  let calls = 0
  let nextToken: string | undefined
  for (;;) {
    const page = await api.eventsPage(stackId, nextToken, signal)
    calls++
    transferred += page.events.length
    nextToken = page.nextToken
    let caughtUp = false
    for (const event of page.events) {
      const seen =
        cursor.lastSeenId === undefined
          ? event.ClientRequestToken !== cursor.token
          : event.EventId === cursor.lastSeenId
      if (seen) {
        caughtUp = true
        break
      }
      fresh.push(event)
    }
    if (caughtUp || !nextToken || calls >= MAX_PAGES) break
  }
  return {
    events: inTimeOrder(fresh.reverse()),
    transferred,
    calls,
    reachedOldest: nextToken === undefined
  }
}

/** Whether this look reads the events: the status moved, the stack settled, or it pays now. */
export function readDue(cursor: EventCursor, status: string, settled: boolean): boolean {
  if (settled || statusWorthARead(cursor.status, status)) return true
  if (cursor.looksSinceRead + 1 < cursor.gap) return false
  return !cursor.wholeStackOnPage || smallStackReadPays(cursor) || longWaitRead(cursor)
}

/**
 * However little a read pays, one is made every LONG_GAP looks, so that a resource holding the
 * operation up (stuck stabilizing, waiting on a signal) is named while it does, not at the end.
 */
function longWaitRead(cursor: EventCursor): boolean {
  return cursor.looksSinceRead + 1 >= LONG_GAP
}

/**
 * A new status is read at once when it says something: the operation took hold, or it started to
 * roll back (the failure that caused it is shown then, not at the end of the rollback, which may
 * take as long as the update). The cleanup after an update or a rollback is routine: it waits for
 * the next read like any resource's progress.
 */
function statusWorthARead(before: string | undefined, status: string): boolean {
  return status !== before && !status.endsWith('_CLEANUP_IN_PROGRESS')
}

/**
 * For a stack whose events all fit on one page: this read re-reads the `known` events, the read at
 * the end re-reads those and the ones this read finds; both must fit in the expected events, and
 * this read must find at least as many as it re-reads.
 */
function smallStackReadPays(cursor: EventCursor): boolean {
  const looksRead = cursor.looks - cursor.looksSinceRead
  if (cursor.expectedOurs === undefined || looksRead === 0) return false
  // The pace up to the last read; the looks since have not been read.
  const fresh = (cursor.ours / looksRead) * (cursor.looksSinceRead + 1)
  const older = cursor.known - cursor.ours
  const expected = Math.max(cursor.known, older + cursor.expectedOurs)
  return fresh >= cursor.known && cursor.reread + 2 * cursor.known + fresh <= expected
}

export function afterRead(cursor: EventCursor, read: EventRead, status: string): EventCursor {
  const fresh = read.events.length
  const stale = read.transferred - fresh
  // The first read to carry anything meets the older events once; later reads carry them again.
  const first = cursor.known === 0
  const gap =
    fresh < stale
      ? Math.min(MAX_GAP, cursor.gap * 2)
      : fresh >= 2 * stale
        ? Math.max(1, Math.floor(cursor.gap / 2))
        : cursor.gap
  return {
    ...cursor,
    lastSeenId: read.events.at(-1)?.EventId ?? cursor.lastSeenId,
    gap,
    looksSinceRead: 0,
    looks: cursor.looks + 1,
    status,
    ours: cursor.ours + fresh,
    known: cursor.known + (first ? read.transferred : fresh),
    reread: cursor.reread + (first ? 0 : stale),
    wholeStackOnPage: read.reachedOldest
  }
}

export function skipped(cursor: EventCursor): EventCursor {
  return { ...cursor, looksSinceRead: cursor.looksSinceRead + 1, looks: cursor.looks + 1 }
}

/** Oldest first; events of one instant keep the order CloudFormation gave them. */
function inTimeOrder(events: StackEvent[]): StackEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => time(a.event) - time(b.event) || a.index - b.index)
    .map(({ event }) => event)
}

function time(event: StackEvent): number {
  return event.Timestamp?.getTime() ?? 0
}

// ---- following one operation ----------------------------------------------------------------

export interface Operation {
  readonly stackId: string
  readonly stackName: string
  /** The ClientRequestToken the operation was started with. */
  readonly token: string
  /** The stack's status before the operation started, when it existed. */
  readonly statusBefore: string | undefined
  /** "update", "creation", "deletion": for messages. */
  readonly what: string
  /** The events the operation is expected to write, at least (see expectedEvents). */
  readonly expectedEvents?: number
}

export interface OperationEnd {
  readonly stack: Stack
  /** Every event of the operation, oldest first. */
  readonly events: readonly StackEvent[]
}

/** A status an operation ends in: anything but *_IN_PROGRESS (REVIEW_IN_PROGRESS included). */
export function isSettled(status: string | undefined): boolean {
  return status !== undefined && !status.endsWith('_IN_PROGRESS')
}

/**
 * Follows the operation until the stack settles, one progress event per resource status change.
 * A nested stack finishing is one of those changes: only the stack's own status ends the wait.
 */
export async function followOperation(
  api: CloudFormationApi,
  operation: Operation,
  context: TargetContext,
  timeoutMs: number
): Promise<OperationEnd> {
  const look = api.forLook
  const events: StackEvent[] = []
  let cursor = firstCursor(operation.token, operation.expectedEvents)
  const { value: stack } = await follow<Stack>({
    describe: `the CloudFormation ${operation.what} of stack ${operation.stackName}`,
    ...waitingIn(context),
    timeoutMs,
    look: async signal => {
      const stack = await look.describeStack(operation.stackId, signal)
      const status = stack?.StackStatus
      if (!stack || !status) {
        throw new RetryableError(`DescribeStacks did not find stack ${operation.stackId}`)
      }
      const settled = isSettled(status)
      if (!readDue(cursor, status, settled)) {
        cursor = skipped(cursor)
        return { done: false }
      }
      const read = await readNewEvents(look, operation.stackId, cursor, signal)
      cursor = afterRead(cursor, read, status)
      for (const event of read.events) {
        events.push(event)
        const { message, data } = describeEvent(event)
        context.progress(message, data)
      }
      // A status read a moment before the operation took hold is the old one: the end is the
      // stack's own event of that status, written by this operation.
      const ours = events.some(e => isStackItself(e) && e.ResourceStatus === status)
      return settled && (ours || status !== operation.statusBefore)
        ? { done: true, value: stack }
        : { done: false }
    }
  }).catch(
    failedWaiting(
      `following the ${operation.what} of stack ${operation.stackName}`,
      () =>
        `The CloudFormation ${operation.what} of stack ${operation.stackName} did not finish within ` +
        `deploy_timeout (${formatDuration(context.timeoutMs)})`
    )
  )
  return { stack, events }
}

// ---- events -> progress, root cause ----------------------------------------------------------

/** The stack's own events (its status), as opposed to a resource's or a nested stack's. */
export function isStackItself(event: StackEvent): boolean {
  return event.PhysicalResourceId === event.StackId || event.LogicalResourceId === event.StackName
}

export function describeEvent(event: StackEvent): {
  message: string
  data: Record<string, unknown>
} {
  const status = event.ResourceStatus ?? 'UNKNOWN'
  const reason = event.ResourceStatusReason ? oneLine(event.ResourceStatusReason) : undefined
  const stack = isStackItself(event)
  const nested = !stack && event.ResourceType === 'AWS::CloudFormation::Stack'
  const subject = stack
    ? `stack ${event.StackName}`
    : `${event.LogicalResourceId} (${event.ResourceType}${nested ? ', nested stack' : ''})`
  return {
    message: `CloudFormation: ${subject} ${status}${reason ? `: ${shorten(reason, 300)}` : ''}`,
    data: {
      logicalId: event.LogicalResourceId,
      resourceType: event.ResourceType,
      status,
      ...(reason ? { reason } : {}),
      ...(nested ? { nested: true } : {}),
      ...(stack ? { stack: true } : {})
    }
  }
}

const CANCELLED = /^Resource (creation|update|deletion|import) cancelled/i

/**
 * Why the operation failed: the first resource to fail, in time order. Once one fails,
 * CloudFormation cancels the others still in progress ("Resource update cancelled"); those say
 * nothing of the cause and are passed over, unless nothing else failed.
 */
export function rootCause(events: readonly StackEvent[]): StackEvent | undefined {
  const failed = events.filter(e => e.ResourceStatus?.endsWith('_FAILED') && !isStackItself(e))
  return failed.find(e => !CANCELLED.test(e.ResourceStatusReason ?? '')) ?? failed[0]
}

/** The failed resources in time order, the cascade included: for the error's details. */
export function failureLines(events: readonly StackEvent[]): string[] {
  return events
    .filter(e => e.ResourceStatus?.endsWith('_FAILED') && !isStackItself(e))
    .map(
      e =>
        `${e.Timestamp?.toISOString() ?? ''} ${e.LogicalResourceId} (${e.ResourceType}) ` +
        `${e.ResourceStatus}: ${oneLine(e.ResourceStatusReason ?? '')}`
    )
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}
