import { randomUUID } from 'node:crypto'
import { parse as parseYaml } from 'yaml'
import { awsTestEnv } from './aws.js'
import {
  QueryFault,
  startQuerySimulator,
  type QueryCall,
  type QuerySimulator
} from './aws-query.js'
import type { SimRequest } from './http.js'
import { startS3StandIn, type S3StandIn } from './s3.js'

/**
 * AWS CloudFormation as the real `@aws-sdk/client-cloudformation` sees it: the Query protocol
 * (aws-query.ts, every request checked against the service model), and the stack state machine.
 *
 * A stack moves through its statuses by its events: each operation (a change set executed, a
 * stack deleted, an update cancelled) is a timeline of events, each due some milliseconds after
 * the one before, and an event becomes visible to every call made at or after its due time,
 * stamped with that time, as if CloudFormation had written it then. The stack's own events set
 * its status. Timelines follow the change set's changes: resources start in parallel and finish
 * one by one; a scripted failure cancels the resources still in progress ("Resource update
 * cancelled") and rolls back; CancelUpdateStack rolls back; a nested stack is a resource that
 * finishes before the parent does.
 *
 * Modelled after the API reference: change sets CREATE_PENDING -> CREATE_IN_PROGRESS ->
 * CREATE_COMPLETE, or FAILED with "The submitted information didn't contain changes..." when
 * nothing changes; InsufficientCapabilitiesException for IAM resources without the capability;
 * parameters checked against the template's; ClientToken / ClientRequestToken idempotency;
 * DescribeStackEvents newest first, 100 to a page; a deleted stack known only by its id;
 * "Stack with id X does not exist" as a ValidationError; updates refused while busy or in
 * ROLLBACK_COMPLETE.
 */
const ACCOUNT = '123456789012'
const REGION = 'us-east-1'
export const NO_CHANGES_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set."

interface Resource {
  Type: string
  Properties?: unknown
}
interface Template {
  resources: Record<string, Resource>
  outputs: Record<string, { Value?: unknown }>
  parameters: Record<string, { Default?: unknown }>
  transform: boolean
}

/** One event of a timeline: a resource's (or the stack's own) status change. */
interface EventSpec {
  logicalId: string
  type: string
  status: string
  reason?: string
}

export interface WireEvent {
  StackId: string
  EventId: string
  StackName: string
  LogicalResourceId: string
  PhysicalResourceId: string
  ResourceType: string
  Timestamp: number
  ResourceStatus: string
  ResourceStatusReason?: string
  ClientRequestToken?: string
}

interface Deployed {
  template: Template
  body: string
  parameters: Record<string, string>
  tags: Record<string, string>
}

export interface SimChangeSet {
  readonly id: string
  readonly name: string
  readonly stackId: string
  readonly type: string
  readonly createdAt: number
  readonly readyAt: number
  readonly outcome: { status: 'CREATE_COMPLETE' } | { status: 'FAILED'; reason: string }
  readonly changes: ResourceChange[]
  readonly proposed: Deployed
  readonly clientToken: string | undefined
  readonly input: Record<string, unknown>
  executedToken: string | undefined
  obsolete: boolean
}

interface ResourceChange {
  action: 'Add' | 'Modify' | 'Remove'
  logicalId: string
  type: string
  replacement?: 'True' | 'False'
}

/** How the next operation on a stack goes. */
export interface OperationScript {
  /** Milliseconds between steps (default 10). */
  stepMs?: number
  /** This resource fails with this reason: the others in progress are cancelled, then rollback. */
  fail?: { resource: string; reason: string }
  /** Resources that never finish: the operation runs until it is cancelled. */
  stuck?: string[]
  /** The rollback fails too, at this resource (UPDATE_ROLLBACK_FAILED, or ROLLBACK_FAILED). */
  rollbackFails?: string
  /** Outputs the stack has once the operation succeeds (by default, from the template). */
  outputs?: Record<string, string>
  /** The change set fails with this reason once worked out (a missing export, say). */
  changeSetFails?: string
}

export interface OperationRecord {
  readonly stackName: string
  readonly kind: 'create' | 'update' | 'delete'
  readonly token: string | undefined
  /** When the operation started (ExecuteChangeSet, DeleteStack), and when its last event is due. */
  readonly startedAt: number
  endedAt: number | undefined
  status: string | undefined
}

export interface EventsCall {
  readonly at: number
  readonly stackId: string
  readonly events: number
  readonly withToken: boolean
}

export interface SimStack {
  readonly id: string
  readonly name: string
  status: string
  reason: string | undefined
  readonly createdAt: number
  updatedAt: number | undefined
  deletedAt: number | undefined
  deployed: Deployed | undefined
  outputs: Record<string, string>
  terminationProtection: boolean
  capabilities: string[]
  roleArn: string | undefined
  readonly events: WireEvent[]
  /** Steps still to come, in ms after `anchor`; nothing plays while the anchor is unset. */
  pending: Array<{ offsetMs: number; spec: EventSpec }>
  anchor: number | undefined
  operation:
    | (OperationRecord & {
        token: string | undefined
        changeSet?: SimChangeSet
        script: OperationScript
      })
    | undefined
  readonly changeSets: SimChangeSet[]
}

export interface CfnSimulator {
  readonly query: QuerySimulator
  readonly s3: S3StandIn
  readonly url: string
  readonly calls: QueryCall[]
  readonly eventsCalls: EventsCall[]
  readonly operations: OperationRecord[]
  /** A stack by name (a live one) or id (deleted ones too). */
  stack(nameOrId: string): SimStack | undefined
  /** A stack that exists before the test: deployed with `template`, `history` older events. */
  seedStack(
    name: string,
    options: {
      template?: string
      status?: string
      reason?: string
      history?: number
      outputs?: Record<string, string>
      parameters?: Record<string, string>
    }
  ): SimStack
  /** How the next operation on this stack goes. */
  script(stackName: string, script: OperationScript): void
  /** An update someone else started (a person, another pipeline) that ends after `steps` steps. */
  startExternalUpdate(
    stackName: string,
    options: { token?: string; steps: number; stepMs: number }
  ): OperationRecord
  /**
   * These stacks' operations hold after their first event until all of them have started:
   * none can finish unless every one of them is deploying at the same time.
   */
  holdTogether(stackNames: string[]): void
  /** Milliseconds a change set takes to be worked out (default 15). */
  changeSetMs: number
  eventsPageSize: number
  changesPageSize: number
  /** Calls of one action, in order. */
  callsOf(action: string): QueryCall[]
  close(): Promise<void>
}

/** Matches requests of one action, for FaultPlan.inject. */
export function actionIs(action: string): (request: SimRequest) => boolean {
  return request => new URLSearchParams(request.body).get('Action') === action
}

export async function startCfnSimulator(options: { sdkEnv?: boolean } = {}): Promise<CfnSimulator> {
  const byId = new Map<string, SimStack>()
  const byName = new Map<string, SimStack>()
  const scripts = new Map<string, OperationScript>()
  const operations: OperationRecord[] = []
  const eventsCalls: EventsCall[] = []
  const held = new Set<string>()
  const s3 = await startS3StandIn()

  const find = (nameOrId: unknown): SimStack | undefined => {
    const key = String(nameOrId)
    const stack = byName.get(key) ?? byId.get(key)
    if (stack) materialise(stack, Date.now())
    return stack
  }
  const mustFind = (nameOrId: unknown): SimStack => {
    const stack = find(nameOrId)
    if (!stack)
      throw new QueryFault('ValidationError', `Stack with id ${String(nameOrId)} does not exist`)
    return stack
  }

  function newStack(name: string, at: number): SimStack {
    const id = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/${randomUUID()}`
    const stack: SimStack = {
      id,
      name,
      status: 'REVIEW_IN_PROGRESS',
      reason: undefined,
      createdAt: at,
      updatedAt: undefined,
      deletedAt: undefined,
      deployed: undefined,
      outputs: {},
      terminationProtection: false,
      capabilities: [],
      roleArn: undefined,
      events: [],
      pending: [],
      anchor: undefined,
      operation: undefined,
      changeSets: []
    }
    byId.set(id, stack)
    byName.set(name, stack)
    return stack
  }

  function append(stack: SimStack, spec: EventSpec, at: number, token: string | undefined): void {
    const itself = spec.logicalId === stack.name && spec.type === 'AWS::CloudFormation::Stack'
    stack.events.push({
      StackId: stack.id,
      EventId: itself ? randomUUID() : `${spec.logicalId}-${spec.status}-${randomUUID()}`,
      StackName: stack.name,
      LogicalResourceId: spec.logicalId,
      PhysicalResourceId: itself ? stack.id : physicalId(stack, spec),
      ResourceType: spec.type,
      Timestamp: at,
      ResourceStatus: spec.status,
      ...(spec.reason ? { ResourceStatusReason: spec.reason } : {}),
      ...(token ? { ClientRequestToken: token } : {})
    })
    if (!itself) return
    stack.status = spec.status
    stack.reason = spec.reason
    if (spec.status.endsWith('_IN_PROGRESS')) return
    finishOperation(stack, at)
  }

  function finishOperation(stack: SimStack, at: number): void {
    const operation = stack.operation
    stack.operation = undefined
    stack.pending = []
    stack.anchor = undefined
    if (!operation) return
    operation.endedAt = at
    operation.status = stack.status
    const proposed = operation.changeSet?.proposed
    if ((stack.status === 'UPDATE_COMPLETE' || stack.status === 'CREATE_COMPLETE') && proposed) {
      stack.deployed = proposed
      stack.outputs = operation.script.outputs ?? defaultOutputs(proposed.template)
      stack.capabilities = (operation.changeSet?.input.Capabilities as string[] | undefined) ?? []
      for (const other of stack.changeSets) other.obsolete = true
    }
    if (stack.status === 'ROLLBACK_COMPLETE') stack.outputs = {}
    if (stack.status === 'DELETE_COMPLETE') {
      stack.deletedAt = at
      if (byName.get(stack.name) === stack) byName.delete(stack.name)
    }
  }

  /** Plays the steps that are due; held operations wait for their anchor. */
  function materialise(stack: SimStack, now: number): void {
    if (stack.anchor === undefined) return
    while (stack.pending[0] && stack.anchor + stack.pending[0].offsetMs <= now) {
      const next = stack.pending.shift() as { offsetMs: number; spec: EventSpec }
      append(stack, next.spec, stack.anchor + next.offsetMs, stack.operation?.token)
    }
  }

  /** Starts an operation: its first event now, the rest on the timeline. */
  function begin(
    stack: SimStack,
    kind: OperationRecord['kind'],
    token: string | undefined,
    steps: EventSpec[][],
    script: OperationScript,
    changeSet?: SimChangeSet
  ): void {
    const now = Date.now()
    const record: OperationRecord = {
      stackName: stack.name,
      kind,
      token,
      startedAt: now,
      endedAt: undefined,
      status: undefined
    }
    operations.push(record)
    stack.operation = Object.assign(record, { token, changeSet, script })
    if (kind !== 'create') stack.updatedAt = now
    const [first = [], ...rest] = steps
    const stepMs = script.stepMs ?? 10
    stack.pending = rest.flatMap((events, index) =>
      events.map(spec => ({ offsetMs: (index + 1) * stepMs, spec }))
    )
    for (const spec of first) append(stack, spec, now, token)
    stack.anchor = now
    if (held.has(stack.name)) {
      stack.anchor = undefined
      const waiting = [...held].map(name => byName.get(name))
      if (waiting.every(s => s?.operation)) {
        for (const s of waiting) if (s) s.anchor = now
        held.clear()
      }
    }
  }

  // ---- timelines ------------------------------------------------------------------------------

  function stackEvent(stack: SimStack, status: string, reason?: string): EventSpec {
    return { logicalId: stack.name, type: 'AWS::CloudFormation::Stack', status, reason }
  }

  /** Create or update: resources start together, finish in template order, or fail and roll back. */
  function applyTimeline(
    stack: SimStack,
    changeSet: SimChangeSet,
    script: OperationScript
  ): EventSpec[][] {
    const create = changeSet.type === 'CREATE'
    const verb = create ? 'CREATE' : 'UPDATE'
    const working = changeSet.changes.filter(c => c.action !== 'Remove')
    const removed = changeSet.changes.filter(c => c.action === 'Remove')
    const started = (c: ResourceChange): string => (c.action === 'Add' ? 'CREATE' : 'UPDATE')
    const steps: EventSpec[][] = [[stackEvent(stack, `${verb}_IN_PROGRESS`, 'User Initiated')]]
    steps.push(
      working.map(c => ({
        logicalId: c.logicalId,
        type: c.type,
        status: `${started(c)}_IN_PROGRESS`
      }))
    )
    const stuck = new Set(script.stuck ?? [])
    const done: ResourceChange[] = []
    for (const [index, change] of working.entries()) {
      if (stuck.has(change.logicalId)) continue
      if (script.fail?.resource === change.logicalId) {
        steps.push([
          {
            logicalId: change.logicalId,
            type: change.type,
            status: `${started(change)}_FAILED`,
            reason: script.fail.reason
          }
        ])
        const cancelled = working.slice(index + 1)
        steps.push(
          cancelled.map(c => ({
            logicalId: c.logicalId,
            type: c.type,
            status: `${started(c)}_FAILED`,
            reason: `Resource ${c.action === 'Add' ? 'creation' : 'update'} cancelled`
          }))
        )
        return [
          ...steps,
          ...rollbackSteps(
            stack,
            create,
            [change.logicalId],
            [...done, change, ...cancelled],
            script
          )
        ]
      }
      steps.push([
        { logicalId: change.logicalId, type: change.type, status: `${started(change)}_COMPLETE` }
      ])
      done.push(change)
    }
    if (stuck.size > 0) return steps
    if (create) return [...steps, [stackEvent(stack, 'CREATE_COMPLETE')]]
    steps.push([stackEvent(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')])
    for (const change of removed) {
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'DELETE_IN_PROGRESS' }])
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'DELETE_COMPLETE' }])
    }
    return [...steps, [stackEvent(stack, 'UPDATE_COMPLETE')]]
  }

  function rollbackSteps(
    stack: SimStack,
    create: boolean,
    failed: string[],
    touched: ResourceChange[],
    script: OperationScript
  ): EventSpec[][] {
    if (create) {
      const stuck = touched.find(c => c.logicalId === script.rollbackFails)
      const started: EventSpec[][] = [
        [
          stackEvent(
            stack,
            'ROLLBACK_IN_PROGRESS',
            `The following resource(s) failed to create: [${failed.join(', ')}]. Rollback requested by user.`
          )
        ],
        ...touched.map(c => [
          { logicalId: c.logicalId, type: c.type, status: 'DELETE_IN_PROGRESS' }
        ])
      ]
      if (stuck) {
        return [
          ...started,
          [
            {
              logicalId: stuck.logicalId,
              type: stuck.type,
              status: 'DELETE_FAILED',
              reason: 'Resource handler returned message: "The table is in use"'
            }
          ],
          [
            stackEvent(
              stack,
              'ROLLBACK_FAILED',
              `The following resource(s) failed to delete: [${stuck.logicalId}].`
            )
          ]
        ]
      }
      return [
        ...started,
        touched.map(c => ({ logicalId: c.logicalId, type: c.type, status: 'DELETE_COMPLETE' })),
        [stackEvent(stack, 'ROLLBACK_COMPLETE')]
      ]
    }
    const reason =
      failed.length > 0
        ? `The following resource(s) failed to update: [${failed.join(', ')}]. `
        : 'Stack update cancelled'
    const steps: EventSpec[][] = [[stackEvent(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', reason)]]
    const modified = touched.filter(c => c.action === 'Modify')
    const added = touched.filter(c => c.action === 'Add')
    for (const change of modified) {
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'UPDATE_IN_PROGRESS' }])
      if (script.rollbackFails === change.logicalId) {
        steps.push([
          {
            logicalId: change.logicalId,
            type: change.type,
            status: 'UPDATE_FAILED',
            reason: 'Resource handler returned message: "rollback blocked"'
          }
        ])
        return [
          ...steps,
          [
            stackEvent(
              stack,
              'UPDATE_ROLLBACK_FAILED',
              `The following resource(s) failed to update: [${change.logicalId}].`
            )
          ]
        ]
      }
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'UPDATE_COMPLETE' }])
    }
    steps.push([stackEvent(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS')])
    for (const change of added) {
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'DELETE_IN_PROGRESS' }])
      steps.push([{ logicalId: change.logicalId, type: change.type, status: 'DELETE_COMPLETE' }])
    }
    return [...steps, [stackEvent(stack, 'UPDATE_ROLLBACK_COMPLETE')]]
  }

  function deleteTimeline(stack: SimStack, script: OperationScript): EventSpec[][] {
    const resources =
      stack.status === 'ROLLBACK_COMPLETE'
        ? []
        : Object.entries(stack.deployed?.template.resources ?? {})
    const fail = script.fail
    if (fail) {
      // A resource left behind that cannot be deleted (a bucket with objects in it, say).
      const type = 'AWS::S3::Bucket'
      return [
        [stackEvent(stack, 'DELETE_IN_PROGRESS', 'User Initiated')],
        [{ logicalId: fail.resource, type, status: 'DELETE_IN_PROGRESS' }],
        [{ logicalId: fail.resource, type, status: 'DELETE_FAILED', reason: fail.reason }],
        [
          stackEvent(
            stack,
            'DELETE_FAILED',
            `The following resource(s) failed to delete: [${fail.resource}]. `
          )
        ]
      ]
    }
    return [
      [stackEvent(stack, 'DELETE_IN_PROGRESS', 'User Initiated')],
      ...resources.map(([id, r]) => [
        { logicalId: id, type: r.Type, status: 'DELETE_IN_PROGRESS' }
      ]),
      resources.map(([id, r]) => ({ logicalId: id, type: r.Type, status: 'DELETE_COMPLETE' })),
      [stackEvent(stack, 'DELETE_COMPLETE')]
    ]
  }

  // ---- operations -------------------------------------------------------------------------------

  const operationsByAction: Record<string, (input: Record<string, unknown>) => unknown> = {
    DescribeStacks: input => {
      if (input.StackName === undefined) {
        return { Stacks: [...byName.values()].map(s => (materialise(s, Date.now()), describe(s))) }
      }
      const stack = find(input.StackName)
      const byNameOnly = !String(input.StackName).startsWith('arn:')
      if (!stack || (byNameOnly && stack.status === 'DELETE_COMPLETE')) {
        throw new QueryFault(
          'ValidationError',
          `Stack with id ${String(input.StackName)} does not exist`
        )
      }
      return { Stacks: [describe(stack)] }
    },
    DescribeStackEvents: input => {
      const stack = mustFind(input.StackName)
      if (!String(input.StackName).startsWith('arn:') && stack.status === 'DELETE_COMPLETE') {
        throw new QueryFault('ValidationError', `Stack [${String(input.StackName)}] does not exist`)
      }
      const newestFirst = [...stack.events].reverse()
      let start = 0
      if (input.NextToken !== undefined) start = readToken(input.NextToken, stack, newestFirst)
      const page = newestFirst.slice(start, start + simulator.eventsPageSize)
      const more = start + page.length < newestFirst.length
      eventsCalls.push({
        at: Date.now(),
        stackId: stack.id,
        events: page.length,
        withToken: input.NextToken !== undefined
      })
      return {
        StackEvents: page,
        ...(more ? { NextToken: writeToken(stack, page.at(-1) as WireEvent) } : {})
      }
    },
    CreateChangeSet: input => createChangeSet(input),
    DescribeChangeSet: input => {
      const changeSet = findChangeSet(input.ChangeSetName, input.StackName)
      const stack = byId.get(changeSet.stackId) as SimStack
      const now = Date.now()
      const status =
        now < changeSet.createdAt + simulator.changeSetMs / 2
          ? 'CREATE_PENDING'
          : now < changeSet.readyAt
            ? 'CREATE_IN_PROGRESS'
            : changeSet.outcome.status
      const ready = status === 'CREATE_COMPLETE'
      const start =
        input.NextToken === undefined
          ? 0
          : Number(Buffer.from(String(input.NextToken), 'base64url').toString())
      const changes = ready ? changeSet.changes.slice(start, start + simulator.changesPageSize) : []
      const more = ready && start + simulator.changesPageSize < changeSet.changes.length
      return {
        ChangeSetName: changeSet.name,
        ChangeSetId: changeSet.id,
        StackId: stack.id,
        StackName: stack.name,
        ...(changeSet.input.Description ? { Description: changeSet.input.Description } : {}),
        Parameters: Object.entries(changeSet.proposed.parameters).map(([k, v]) => ({
          ParameterKey: k,
          ParameterValue: v
        })),
        CreationTime: changeSet.createdAt,
        ExecutionStatus: executionStatus(changeSet, status, stack),
        Status: status,
        ...(status === 'FAILED' && changeSet.outcome.status === 'FAILED'
          ? { StatusReason: changeSet.outcome.reason }
          : {}),
        Capabilities: (changeSet.input.Capabilities as string[] | undefined) ?? [],
        Tags: Object.entries(changeSet.proposed.tags).map(([Key, Value]) => ({ Key, Value })),
        Changes: changes.map(c => ({
          Type: 'Resource',
          ResourceChange: {
            Action: c.action,
            LogicalResourceId: c.logicalId,
            ...(c.action === 'Add' ? {} : { PhysicalResourceId: `${stack.name}-${c.logicalId}` }),
            ResourceType: c.type,
            ...(c.replacement ? { Replacement: c.replacement } : {}),
            Scope: c.action === 'Modify' ? ['Properties'] : [],
            Details: []
          }
        })),
        ...(more
          ? {
              NextToken: Buffer.from(String(start + simulator.changesPageSize)).toString(
                'base64url'
              )
            }
          : {}),
        IncludeNestedStacks: false
      }
    },
    DeleteChangeSet: input => {
      const changeSet = findChangeSet(input.ChangeSetName, input.StackName)
      const stack = byId.get(changeSet.stackId) as SimStack
      stack.changeSets.splice(stack.changeSets.indexOf(changeSet), 1)
      return {}
    },
    ExecuteChangeSet: input => {
      const changeSet = findChangeSet(input.ChangeSetName, input.StackName)
      const stack = byId.get(changeSet.stackId) as SimStack
      const token = input.ClientRequestToken as string | undefined
      if (changeSet.executedToken !== undefined) {
        if (token !== undefined && token === changeSet.executedToken) return {}
        throw new QueryFault(
          'InvalidChangeSetStatus',
          `ChangeSet [${changeSet.id}] cannot be executed in its current status of [EXECUTE_IN_PROGRESS]`
        )
      }
      if (
        Date.now() < changeSet.readyAt ||
        changeSet.outcome.status !== 'CREATE_COMPLETE' ||
        changeSet.obsolete
      ) {
        throw new QueryFault(
          'InvalidChangeSetStatus',
          `ChangeSet [${changeSet.id}] cannot be executed in its current execution status of [UNAVAILABLE]`
        )
      }
      if (stack.operation) {
        throw new QueryFault(
          'ValidationError',
          `Stack:${stack.id} is in ${stack.status} state and can not be updated.`
        )
      }
      changeSet.executedToken = token ?? randomUUID()
      const script = scripts.get(stack.name) ?? {}
      scripts.delete(stack.name)
      stack.roleArn = (changeSet.input.RoleARN as string | undefined) ?? stack.roleArn
      begin(
        stack,
        changeSet.type === 'CREATE' ? 'create' : 'update',
        token,
        applyTimeline(stack, changeSet, script),
        script,
        changeSet
      )
      return {}
    },
    DeleteStack: input => {
      const stack = find(input.StackName)
      if (!stack || stack.status === 'DELETE_COMPLETE') return {}
      const token = input.ClientRequestToken as string | undefined
      if (stack.operation?.kind === 'delete' && stack.operation.token === token) return {}
      if (stack.terminationProtection) {
        throw new QueryFault(
          'ValidationError',
          `Stack [${stack.name}] cannot be deleted while TerminationProtection is enabled`
        )
      }
      if (stack.operation) {
        throw new QueryFault(
          'ValidationError',
          `Stack [${stack.name}] cannot be deleted while in status ${stack.status}`
        )
      }
      const script = scripts.get(stack.name) ?? {}
      scripts.delete(stack.name)
      begin(stack, 'delete', token, deleteTimeline(stack, script), script)
      return {}
    },
    CancelUpdateStack: input => {
      const stack = mustFind(input.StackName)
      if (stack.status !== 'UPDATE_IN_PROGRESS' || !stack.operation) {
        throw new QueryFault(
          'ValidationError',
          `CancelUpdateStack cannot be called from current stack status:${stack.status}`
        )
      }
      const operation = stack.operation
      const inProgress = resourcesInProgress(stack, operation.token)
      const now = Date.now()
      stack.pending = []
      append(
        stack,
        stackEvent(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', 'Stack update cancelled'),
        now,
        operation.token
      )
      const touched = operation.changeSet?.changes.filter(c => c.action !== 'Remove') ?? []
      const steps: EventSpec[][] = [
        inProgress.map(c => ({
          logicalId: c.logicalId,
          type: c.type,
          status: 'UPDATE_FAILED',
          reason: 'Resource update cancelled'
        })),
        ...rollbackSteps(stack, false, [], touched, {}).slice(1)
      ]
      const stepMs = operation.script.stepMs ?? 10
      stack.pending = steps.flatMap((events, index) =>
        events.map(spec => ({ offsetMs: (index + 1) * stepMs, spec }))
      )
      stack.anchor = now
      return {}
    },
    UpdateTerminationProtection: input => {
      const stack = mustFind(input.StackName)
      stack.terminationProtection = input.EnableTerminationProtection === true
      return { StackId: stack.id }
    }
  }

  function resourcesInProgress(stack: SimStack, token: string | undefined): ResourceChange[] {
    const latest = new Map<string, WireEvent>()
    for (const event of stack.events) {
      if (event.ClientRequestToken === token && event.PhysicalResourceId !== stack.id)
        latest.set(event.LogicalResourceId, event)
    }
    return [...latest.values()]
      .filter(e => e.ResourceStatus.endsWith('_IN_PROGRESS'))
      .map(e => ({
        action: 'Modify' as const,
        logicalId: e.LogicalResourceId,
        type: e.ResourceType
      }))
  }

  function createChangeSet(input: Record<string, unknown>): unknown {
    const name = String(input.StackName)
    const type = String(input.ChangeSetType ?? 'UPDATE')
    let stack = find(name)
    if (stack?.status === 'DELETE_COMPLETE') stack = undefined
    const existing = stack?.changeSets.find(c => c.name === input.ChangeSetName)
    if (existing) {
      if (input.ClientToken !== undefined && existing.clientToken === input.ClientToken) {
        return { Id: existing.id, StackId: existing.stackId }
      }
      throw new QueryFault(
        'AlreadyExistsException',
        `ChangeSet [${String(input.ChangeSetName)}] already exists`
      )
    }
    if (type === 'UPDATE') {
      if (!stack || stack.status === 'REVIEW_IN_PROGRESS')
        throw new QueryFault('ValidationError', `Stack [${name}] does not exist`)
      if (
        stack.operation ||
        stack.status === 'ROLLBACK_COMPLETE' ||
        (stack.status.endsWith('_FAILED') && stack.status !== 'UPDATE_FAILED')
      ) {
        throw new QueryFault(
          'ValidationError',
          `Stack:${stack.id} is in ${stack.status} state and can not be updated.`
        )
      }
    } else if (type === 'CREATE') {
      if (stack && stack.status !== 'REVIEW_IN_PROGRESS') {
        throw new QueryFault(
          'ValidationError',
          `Stack [${name}] already exists and cannot be created again with the changeSet [${String(input.ChangeSetName)}].`
        )
      }
    } else {
      throw new QueryFault(
        'ValidationError',
        `ChangeSetType ${type} is not modelled by the simulator`
      )
    }
    const body = templateBody(input)
    const template = parseTemplate(body)
    const parameters = checkParameters(template, input.Parameters)
    needCapabilities(template, (input.Capabilities as string[] | undefined) ?? [])
    const tags = Object.fromEntries(
      ((input.Tags as Array<{ Key: string; Value: string }>) ?? []).map(t => [t.Key, t.Value])
    )
    const now = Date.now()
    stack ??= newStack(name, now)
    if (stack.events.length === 0)
      append(stack, stackEvent(stack, 'REVIEW_IN_PROGRESS', 'User Initiated'), now, undefined)
    const proposed: Deployed = { template, body, parameters, tags }
    const old = stack.status === 'REVIEW_IN_PROGRESS' ? undefined : stack.deployed
    const changes = diff(old, proposed)
    const unchanged =
      old !== undefined &&
      old.body === body &&
      same(old.parameters, parameters) &&
      same(old.tags, tags)
    const failing = scripts.get(name)?.changeSetFails
    const outcome: SimChangeSet['outcome'] = failing
      ? { status: 'FAILED', reason: failing }
      : unchanged
        ? { status: 'FAILED', reason: NO_CHANGES_REASON }
        : template.transform &&
            !((input.Capabilities as string[] | undefined) ?? []).includes('CAPABILITY_AUTO_EXPAND')
          ? { status: 'FAILED', reason: 'Requires capabilities : [CAPABILITY_AUTO_EXPAND]' }
          : { status: 'CREATE_COMPLETE' }
    const changeSet: SimChangeSet = {
      id: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:changeSet/${String(input.ChangeSetName)}/${randomUUID()}`,
      name: String(input.ChangeSetName),
      stackId: stack.id,
      type,
      createdAt: now,
      readyAt: now + simulator.changeSetMs,
      outcome,
      changes,
      proposed,
      clientToken: input.ClientToken as string | undefined,
      input,
      executedToken: undefined,
      obsolete: false
    }
    stack.changeSets.push(changeSet)
    return { Id: changeSet.id, StackId: stack.id }
  }

  function templateBody(input: Record<string, unknown>): string {
    if (typeof input.TemplateBody === 'string') {
      if (Buffer.byteLength(input.TemplateBody) > 51_200) {
        throw new QueryFault(
          'ValidationError',
          "1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to 51200"
        )
      }
      return input.TemplateBody
    }
    const url = typeof input.TemplateURL === 'string' ? input.TemplateURL : ''
    const prefix = `${s3.url}/`
    const path = url.startsWith(prefix) ? url.slice(prefix.length).split('/') : []
    const object =
      path.length >= 2
        ? s3.object(
            decodeURIComponent(path[0] as string),
            path.slice(1).map(decodeURIComponent).join('/')
          )
        : undefined
    if (!object) throw new QueryFault('ValidationError', 'TemplateURL must be a supported URL.')
    return object.body
  }

  function findChangeSet(nameOrId: unknown, stackName: unknown): SimChangeSet {
    const key = String(nameOrId)
    for (const stack of byId.values()) {
      const found = stack.changeSets.find(
        c =>
          c.id === key || (c.name === key && (stack.name === stackName || stack.id === stackName))
      )
      if (found) return found
    }
    throw new QueryFault('ChangeSetNotFound', `ChangeSet [${key}] does not exist`, 404)
  }

  function describe(stack: SimStack): Record<string, unknown> {
    return {
      StackId: stack.id,
      StackName: stack.name,
      Parameters: Object.entries(stack.deployed?.parameters ?? {}).map(([k, v]) => ({
        ParameterKey: k,
        ParameterValue: v
      })),
      CreationTime: stack.createdAt,
      ...(stack.updatedAt ? { LastUpdatedTime: stack.updatedAt } : {}),
      ...(stack.deletedAt ? { DeletionTime: stack.deletedAt } : {}),
      StackStatus: stack.status,
      ...(stack.reason ? { StackStatusReason: stack.reason } : {}),
      DisableRollback: false,
      NotificationARNs: [],
      Capabilities: stack.capabilities,
      Outputs: Object.entries(stack.outputs).map(([OutputKey, OutputValue]) => ({
        OutputKey,
        OutputValue
      })),
      ...(stack.roleArn ? { RoleARN: stack.roleArn } : {}),
      Tags: Object.entries(stack.deployed?.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      EnableTerminationProtection: stack.terminationProtection,
      DriftInformation: { StackDriftStatus: 'NOT_CHECKED' }
    }
  }

  const query = await startQuerySimulator(
    'cloudformation-2010-05-15.normal.json',
    operationsByAction,
    // A stack's own events carry its statuses, some of which the model's ResourceStatus (the
    // statuses of resources) does not list: REVIEW_IN_PROGRESS (a stack made by a CREATE change
    // set) and the cleanup phases of an update.
    {
      answerEnumExtras: {
        ResourceStatus: [
          'REVIEW_IN_PROGRESS',
          'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
          'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'
        ]
      }
    }
  )
  const env = options.sdkEnv
    ? { ...awsTestEnv(query.url, ['CLOUDFORMATION']), AWS_ENDPOINT_URL_S3: s3.url }
    : {}
  const before = Object.fromEntries(Object.keys(env).map(key => [key, process.env[key]]))
  Object.assign(process.env, env)

  const simulator: CfnSimulator = {
    query,
    s3,
    url: query.url,
    calls: query.calls,
    eventsCalls,
    operations,
    changeSetMs: 15,
    eventsPageSize: 100,
    changesPageSize: 100,
    stack: nameOrId => find(nameOrId),
    seedStack(name, seed) {
      const now = Date.now()
      const stack = newStack(name, now - 86_400_000)
      stack.events.length = 0
      const history = seed.history ?? 2
      for (let i = 0; i < history; i++) {
        append(
          stack,
          { logicalId: `Old${i}`, type: 'AWS::SNS::Topic', status: 'UPDATE_COMPLETE' },
          now - 86_400_000 + i,
          `earlier-${Math.floor(i / 10)}`
        )
      }
      if (seed.template !== undefined) {
        const template = parseTemplate(seed.template)
        stack.deployed = {
          template,
          body: seed.template,
          parameters: seed.parameters ?? {},
          tags: {}
        }
        stack.outputs = seed.outputs ?? defaultOutputs(template)
      }
      const status = seed.status ?? 'CREATE_COMPLETE'
      append(stack, stackEvent(stack, status, seed.reason), now - 1000, 'earlier-seed')
      return stack
    },
    script(stackName, script) {
      scripts.set(stackName, script)
    },
    startExternalUpdate(stackName, external) {
      const stack = byName.get(stackName)
      if (!stack) throw new Error(`no stack ${stackName}`)
      const steps: EventSpec[][] = [[stackEvent(stack, 'UPDATE_IN_PROGRESS', 'User Initiated')]]
      for (let i = 0; i < external.steps; i++)
        steps.push([
          { logicalId: `Manual${i}`, type: 'AWS::SSM::Parameter', status: 'UPDATE_COMPLETE' }
        ])
      steps.push([stackEvent(stack, 'UPDATE_COMPLETE')])
      begin(stack, 'update', external.token, steps, { stepMs: external.stepMs })
      return operations.at(-1) as OperationRecord
    },
    holdTogether(names) {
      for (const name of names) held.add(name)
    },
    callsOf: action => query.calls.filter(c => c.action === action),
    close: async () => {
      for (const [key, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      await Promise.all([query.close(), s3.close()])
    }
  }
  return simulator
}

function executionStatus(changeSet: SimChangeSet, status: string, stack: SimStack): string {
  if (changeSet.executedToken !== undefined) {
    const running = stack.operation?.changeSet === changeSet
    return running
      ? 'EXECUTE_IN_PROGRESS'
      : stack.status.endsWith('COMPLETE') && !stack.status.includes('ROLLBACK')
        ? 'EXECUTE_COMPLETE'
        : 'EXECUTE_FAILED'
  }
  if (changeSet.obsolete) return 'OBSOLETE'
  return status === 'CREATE_COMPLETE' ? 'AVAILABLE' : 'UNAVAILABLE'
}

function physicalId(stack: SimStack, spec: EventSpec): string {
  if (spec.type === 'AWS::CloudFormation::Stack') {
    return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stack.name}-${spec.logicalId}-NESTED/${spec.logicalId.toLowerCase()}`
  }
  return `${stack.name}-${spec.logicalId}`
}

function writeToken(stack: SimStack, last: WireEvent): string {
  return Buffer.from(JSON.stringify({ stack: stack.id, after: last.EventId })).toString('base64url')
}

function readToken(token: unknown, stack: SimStack, newestFirst: WireEvent[]): number {
  let parsed: { stack?: string; after?: string }
  try {
    parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as typeof parsed
  } catch {
    throw new QueryFault('ValidationError', 'Invalid NextToken')
  }
  if (parsed.stack !== stack.id) throw new QueryFault('ValidationError', 'Invalid NextToken')
  return newestFirst.findIndex(e => e.EventId === parsed.after) + 1
}

// ---- templates ----------------------------------------------------------------------------------

const INTRINSICS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs'
]

/** CloudFormation's short forms (!Ref, !Sub, ...) as the long ones, so YAML templates parse. */
const customTags = INTRINSICS.flatMap(name => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`
  return [
    {
      tag: `!${name}`,
      resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value })
    },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (seq: { toJSON(): unknown }) => ({ [key]: seq.toJSON() })
    },
    {
      tag: `!${name}`,
      collection: 'map' as const,
      resolve: (map: { toJSON(): unknown }) => ({ [key]: map.toJSON() })
    }
  ]
})

export function parseTemplate(body: string): Template {
  let parsed: Record<string, unknown>
  try {
    parsed = parseYaml(body, { customTags: customTags as never }) as Record<string, unknown>
  } catch (error) {
    throw new QueryFault('ValidationError', `Template format error: ${String(error)}`)
  }
  const resources = parsed?.Resources as Template['resources'] | undefined
  if (!resources || typeof resources !== 'object' || Object.keys(resources).length === 0) {
    throw new QueryFault(
      'ValidationError',
      'Template format error: At least one Resources member must be defined.'
    )
  }
  return {
    resources,
    outputs: (parsed.Outputs as Template['outputs']) ?? {},
    parameters: (parsed.Parameters as Template['parameters']) ?? {},
    transform: parsed.Transform !== undefined
  }
}

function checkParameters(template: Template, given: unknown): Record<string, string> {
  const list = (given as Array<{ ParameterKey: string; ParameterValue?: string }> | undefined) ?? []
  const values = Object.fromEntries(list.map(p => [p.ParameterKey, p.ParameterValue ?? '']))
  const unknown = Object.keys(values).filter(key => !(key in template.parameters))
  if (unknown.length > 0)
    throw new QueryFault(
      'ValidationError',
      `Parameters: [${unknown.join(', ')}] do not exist in the template`
    )
  const missing = Object.entries(template.parameters)
    .filter(([key, p]) => p?.Default === undefined && values[key] === undefined)
    .map(([key]) => key)
  if (missing.length > 0)
    throw new QueryFault('ValidationError', `Parameters: [${missing.join(', ')}] must have values`)
  return values
}

const NAMED_IAM = ['RoleName', 'UserName', 'GroupName', 'ManagedPolicyName', 'InstanceProfileName']

function needCapabilities(template: Template, capabilities: string[]): void {
  const iam = Object.values(template.resources).filter(r => r.Type.startsWith('AWS::IAM::'))
  if (iam.length === 0) return
  const named = iam.some(r =>
    NAMED_IAM.some(key => key in ((r.Properties as object | undefined) ?? {}))
  )
  const needed = named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM'
  if (
    capabilities.includes('CAPABILITY_NAMED_IAM') ||
    (!named && capabilities.includes('CAPABILITY_IAM'))
  )
    return
  throw new QueryFault('InsufficientCapabilitiesException', `Requires capabilities : [${needed}]`)
}

/** Properties whose change replaces the resource (a sample of the real list per type). */
const REPLACING = new Set([
  'TableName',
  'KeySchema',
  'BucketName',
  'FunctionName',
  'QueueName',
  'TopicName',
  'RoleName',
  'Name'
])

function diff(old: Deployed | undefined, proposed: Deployed): ResourceChange[] {
  const before = old?.template.resources ?? {}
  const after = proposed.template.resources
  const changedParameters = Object.keys(proposed.parameters).filter(
    k => old?.parameters[k] !== proposed.parameters[k]
  )
  const changes: ResourceChange[] = []
  for (const [id, resource] of Object.entries(after)) {
    const previous = before[id]
    if (!previous) {
      changes.push({ action: 'Add', logicalId: id, type: resource.Type })
      continue
    }
    const props = (resource.Properties ?? {}) as Record<string, unknown>
    const previousProps = (previous.Properties ?? {}) as Record<string, unknown>
    const changedKeys = [...new Set([...Object.keys(props), ...Object.keys(previousProps)])].filter(
      key =>
        JSON.stringify(props[key]) !== JSON.stringify(previousProps[key]) ||
        references(props[key], changedParameters)
    )
    if (changedKeys.length === 0) continue
    changes.push({
      action: 'Modify',
      logicalId: id,
      type: resource.Type,
      replacement: changedKeys.some(key => REPLACING.has(key)) ? 'True' : 'False'
    })
  }
  for (const [id, resource] of Object.entries(before)) {
    if (!(id in after)) changes.push({ action: 'Remove', logicalId: id, type: resource.Type })
  }
  return changes
}

function references(value: unknown, parameters: string[]): boolean {
  const text = JSON.stringify(value ?? null)
  return parameters.some(p => text.includes(`{"Ref":"${p}"}`) || text.includes(`\${${p}}`))
}

function defaultOutputs(template: Template): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.outputs).map(([key, output]) => [
      key,
      typeof output?.Value === 'string' ? output.Value : `sim-${key}`
    ])
  )
}

function same(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())
}
