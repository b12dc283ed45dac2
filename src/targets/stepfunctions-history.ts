import type { HistoryEvent } from '@aws-sdk/client-sfn'
import type { StepFunctionsApi } from '../clients/sfn.js'

/**
 * Following an execution's history: reading only the events that are new since the last look, and
 * folding them into what the deploy reports (states running, succeeded, failed) and how it ended.
 */

/** Where the last look stopped: the newest event id read, and how many to ask for next time. */
export interface HistoryCursor {
  readonly lastEventId: number
  readonly pageSize: number
}

/** The first look reads the whole history so far (an execution we found may be far along). */
export const FIRST_CURSOR: HistoryCursor = { lastEventId: 0, pageSize: 1000 }
const MIN_PAGE = 10
const MAX_PAGE = 1000

/**
 * The events newer than the cursor, oldest first. Newest-first pages are read only until the last
 * event already seen. The page asked for is twice the previous look's new events (at least 10), so
 * a quiet execution costs one small call per look; a burst that outgrows it costs one more call for
 * exactly the events still missing (ids count up from 1 without gaps, so the newest id says how many
 * are new). Nothing is ever read twice beyond the small slack of the first page.
 */
export async function readNewEvents(
  api: Pick<StepFunctionsApi, 'historyPage'>,
  executionArn: string,
  cursor: HistoryCursor,
  signal: AbortSignal
): Promise<{ events: HistoryEvent[]; cursor: HistoryCursor }> {
  const fresh: HistoryEvent[] = []
  let nextToken: string | undefined
  let maxResults = cursor.pageSize
  for (;;) {
    const page = await api.historyPage({ executionArn, maxResults, nextToken }, signal)
    let caughtUp = false
    for (const event of page.events) {
      const id = event.id ?? 0
      if (id <= cursor.lastEventId) {
        caughtUp = true
        break
      }
      fresh.push(event)
      if (id === cursor.lastEventId + 1) caughtUp = true
    }
    if (caughtUp || !page.nextToken || !fresh.length) break
    nextToken = page.nextToken
    const missing = (fresh[0]?.id ?? 0) - cursor.lastEventId - fresh.length
    maxResults = Math.min(MAX_PAGE, Math.max(1, missing))
  }
  fresh.reverse()
  const lastEventId = fresh.at(-1)?.id ?? cursor.lastEventId
  const pageSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, 2 * fresh.length))
  return { events: fresh, cursor: { lastEventId, pageSize } }
}

// ---- history -> progress -------------------------------------------------------------------

export type StateProgress = 'RUNNING' | 'SUCCEEDED' | 'FAILED'

export interface StateUpdate {
  readonly taskName: string
  readonly state: StateProgress
  /** Task, Choice, Wait, Map, ... as the history names it. */
  readonly stateType: string
  readonly error?: string
}

export type EndType =
  'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionAborted' | 'ExecutionTimedOut'

/** What the history has said so far. */
export interface ExecutionTrail {
  /** States entered and not yet exited, oldest first. */
  readonly open: readonly OpenState[]
  /** The last state whose task failed and did not succeed on a retry since. */
  readonly failedState: string | undefined
  /** A Fail state entered (the state machine chose to fail). */
  readonly failState: string | undefined
  readonly end: ExecutionEnd | undefined
}

export interface OpenState {
  readonly name: string
  readonly stateType: string
  /** Reported FAILED already (a retry or a catch may still follow). */
  readonly failed: boolean
}

export interface ExecutionEnd {
  readonly type: EndType
  readonly error?: string
  readonly cause?: string
  /** The state the execution failed in, when the history says. */
  readonly state?: string
}

export const EMPTY_TRAIL: ExecutionTrail = {
  open: [],
  failedState: undefined,
  failState: undefined,
  end: undefined
}

const END_TYPES = new Set<string>([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut'
])

/** Failures inside a state; the state may still retry or catch them, the history will tell. */
const STATE_FAILURES = new Set<string>([
  'TaskFailed',
  'TaskTimedOut',
  'TaskStartFailed',
  'TaskSubmitFailed',
  'ActivityFailed',
  'ActivityTimedOut',
  'ActivityScheduleFailed',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'LambdaFunctionStartFailed',
  'LambdaFunctionScheduleFailed',
  'MapStateFailed',
  'ParallelStateFailed',
  'MapRunFailed'
])

const STATE_SUCCESSES = new Set<string>([
  'TaskSucceeded',
  'ActivitySucceeded',
  'LambdaFunctionSucceeded',
  'MapStateSucceeded',
  'ParallelStateSucceeded',
  'MapRunSucceeded'
])

/** Folds events (oldest first) into the trail and the state changes worth reporting. */
export function applyEvents(
  trail: ExecutionTrail,
  events: readonly HistoryEvent[]
): { trail: ExecutionTrail; updates: StateUpdate[] } {
  let { open, failedState, failState, end } = trail
  const updates: StateUpdate[] = []
  const current = (): OpenState | undefined => open[open.length - 1]
  for (const event of events) {
    const type = event.type ?? ''
    const entered = /^(\w+)StateEntered$/.exec(type)?.[1]
    const exited = /^(\w+)StateExited$/.exec(type)?.[1]
    if (entered !== undefined) {
      const name = event.stateEnteredEventDetails?.name ?? entered
      if (entered === 'Fail') {
        failState = name
        updates.push({ taskName: name, state: 'FAILED', stateType: 'Fail' })
      } else {
        open = [...open, { name, stateType: entered, failed: false }]
        updates.push({ taskName: name, state: 'RUNNING', stateType: entered })
      }
    } else if (exited !== undefined) {
      const name = event.stateExitedEventDetails?.name ?? exited
      const index = open.map(o => o.name).lastIndexOf(name)
      if (index >= 0) open = [...open.slice(0, index), ...open.slice(index + 1)]
      updates.push({ taskName: name, state: 'SUCCEEDED', stateType: exited })
    } else if (STATE_FAILURES.has(type)) {
      const state = current()
      if (state) {
        const { error } = failureDetails(event)
        failedState = state.name
        open = [...open.slice(0, -1), { ...state, failed: true }]
        updates.push({ taskName: state.name, state: 'FAILED', stateType: state.stateType, error })
      }
    } else if (STATE_SUCCESSES.has(type)) {
      // A retry that worked: the earlier failure is not why the execution ends, if it does.
      const state = current()
      if (state && state.name === failedState) failedState = undefined
      if (state?.failed) open = [...open.slice(0, -1), { ...state, failed: false }]
    } else if (END_TYPES.has(type)) {
      const details = failureDetails(event)
      const state =
        type === 'ExecutionSucceeded' ? undefined : (current()?.name ?? failedState ?? failState)
      end = { type: type as EndType, ...details, ...(state ? { state } : {}) }
      // States still running when the execution fails or is stopped end with it.
      if (type !== 'ExecutionSucceeded') {
        for (const open_ of [...open].reverse().filter(o => !o.failed)) {
          updates.push({
            taskName: open_.name,
            state: 'FAILED',
            stateType: open_.stateType,
            ...(details.error ? { error: details.error } : {})
          })
        }
      }
      open = []
    } else if (type === 'ExecutionRedriven') {
      // A redriven execution runs again from the failed state: not over after all.
      end = undefined
      failedState = undefined
      failState = undefined
    }
  }
  return { trail: { open, failedState, failState, end }, updates }
}

function failureDetails(event: HistoryEvent): { error?: string; cause?: string } {
  const details = Object.entries(event).find(
    ([key, value]) => key.endsWith('EventDetails') && value && typeof value === 'object'
  )?.[1] as { error?: string; cause?: string } | undefined
  return {
    ...(details?.error ? { error: details.error } : {}),
    ...(details?.cause ? { cause: details.cause } : {})
  }
}

export function describeUpdate(update: StateUpdate): string {
  const word = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' }[update.state]
  return `Step Functions: ${update.taskName} ${word}${update.error ? ` (${update.error})` : ''}`
}
