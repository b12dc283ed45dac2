import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type {
  Application,
  ApplicationSource,
  ApplicationSpec,
  HistoryEntry,
  Operation,
  ResourceResult,
  ResourceStatus
} from '../../src/clients/argocd.js'
import {
  argoCdContract,
  checkedByContract,
  grpcError,
  type CheckedRequest
} from './contracts/argocd.js'
import { ContractLog } from './contracts/violations.js'
import { startHttpServer, type SimResponse, type SimServer } from './http.js'

/**
 * An Argo CD API server (the grpc-gateway under /api/v1) on 127.0.0.1 for one or more
 * applications. It models what the deploy has to get right: an operation is requested (the
 * `operation` field), picked up by the controller after a while (operationState Running,
 * startedAt), finishes Succeeded/Failed/Error (finishedAt, syncResult, history), and only a later
 * reconciliation (reconciledAt) updates sync status, images and health, which then moves from
 * Progressing to Healthy or Degraded. Until then the previous Synced/Healthy status stays, stale,
 * as it does in Argo CD. State advances from timestamps on each request, and on a timer at each
 * step while a watch stream is open, so the stream sends each change (MODIFIED) as it happens.
 *
 * Every request is checked against Argo CD's own swagger first (contracts/argocd.ts): a path,
 * method, parameter or body field it does not have is refused as grpc-gateway refuses it (404,
 * 405, 400) and recorded, and close() fails the test for each one no test took.
 *
 * Errors are grpc-gateway shaped ({error, code, message}): 401 without a valid token, 403 for a
 * missing app asked for without a project, 404 with one, 400 (or 409) "another operation is
 * already in progress".
 */

export interface OperationScript {
  /** Until the controller picks the operation up. Default 40 ms. */
  startDelayMs?: number
  /** Running time. Default 80 ms. */
  runMs?: number
  outcome?: 'Succeeded' | 'Failed' | 'Error'
  message?: string
  failedResources?: { kind: string; name: string; message: string }[]
  /** From the finish to the reconciliation that updates the status. Default 40 ms. */
  reconcileDelayMs?: number
  /** From the reconciliation to the final health. Default 80 ms. */
  healthDelayMs?: number
  finalHealth?: 'Healthy' | 'Degraded'
  healthMessage?: string
  /** The operation runs until terminated. */
  hang?: boolean
  /**
   * GETs after the operation is requested that still answer the state from before it, as Argo
   * CD's API server does when its informer cache lags behind the write. Default 0.
   */
  staleReads?: number
}

/** How the app's manifests turn its spec into running images (status.summary.images). */
export type ImageModel =
  | {
      helm: {
        sourceIndex?: number
        tagParameter: string
        repositoryParameter?: string
        defaultRepository: string
      }
    }
  | { kustomize: { name: string; defaultRepository: string; defaultTag: string } }
  | { fixed: string[] }

export interface AppSeed {
  name: string
  project?: string
  namespace?: string
  spec: ApplicationSpec
  images: ImageModel
  externalURLs?: string[]
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string }[]
  /** An operation someone else started, already running when the test begins. */
  runningOperation?: OperationScript & { automated?: boolean; username?: string }
}

interface Pending {
  operation: Operation
  script: OperationScript
  acceptedAt: number
  startedAt?: number
  terminatedAt?: number
  /** A rollback syncs to a history entry's sources rather than the spec's. */
  rollbackTo?: HistoryEntry
}

interface Settling {
  script: OperationScript
  reconcileAt: number
  healthAt: number
  reconciled: boolean
  sources: Pick<ApplicationSpec, 'source' | 'sources'>
  revision: string
}

interface SimApp {
  app: Application
  model: ImageModel
  pending?: Pending
  settling?: Settling
  scripts: OperationScript[]
  /** What a lagging cache answers, and for how many more GETs. */
  staleView?: { app: Application; left: number }
  revisions: number
  timeline: { at: number; event: string }[]
  /** metadata.resourceVersion, raised on each change, and the state it was raised for. */
  resourceVersion: number
  published: string
  watchers: Set<Watcher>
  watchFaults: WatchFault[]
  timer?: NodeJS.Timeout
}

/** One open watch stream (GET /api/v1/stream/applications). */
interface Watcher {
  response: ServerResponse
  /** Stopped sending (a stalled proxy): open, but no frame gets through. */
  silent: boolean
}

/**
 * How open watch streams break: `reset` drops the connection, `error` sends an error frame and
 * ends the stream, `end` ends it cleanly, `silence` keeps it open but sends nothing more.
 */
export type WatchFaultKind = 'reset' | 'error' | 'end' | 'silence'

interface WatchFault {
  kind: WatchFaultKind
  /** A timeline event (after arming) that sets it off; at once when undefined. */
  after: string | undefined
  armedAt: number
}

/** What happened on the app's watch streams, with how many requests the server had seen. */
export interface WatchRecord {
  at: number
  event: 'opened' | 'frame' | WatchFaultKind | 'closed'
  /** The app's resourceVersion, for frames. */
  resourceVersion?: string
  /** Index into http.requests of the next request after this moment. */
  requestsSoFar: number
}

/** An Argo CD RBAC action on applications, as the API's calls need them. */
export type ArgoAction = 'get' | 'update' | 'sync'

/** Whether the token's account may do `action` on `project/app` (Argo CD RBAC). Default: all. */
export type ArgoPolicy = (action: ArgoAction, project: string, app: string) => boolean

/** The RBAC action Argo CD checks for each operation (terminate and rollback check `sync`). */
const ACTIONS: Record<string, ArgoAction> = {
  ApplicationService_Get: 'get',
  ApplicationService_UpdateSpec: 'update',
  ApplicationService_Sync: 'sync',
  ApplicationService_TerminateOperation: 'sync',
  ApplicationService_Rollback: 'sync'
}

export interface ArgoCdSimulator {
  readonly url: string
  readonly http: SimServer
  /** Scripts for the app's next operations, in order; later ones get the defaults. */
  script(app: string, ...scripts: OperationScript[]): void
  /** The app as the API would answer now. */
  application(app: string): Application
  /** What happened to the app and when (ms since epoch). */
  timeline(app: string): { at: number; event: string }[]
  /** The app's watch streams: opened, each frame sent, broken, closed. */
  watchLog(app: string): WatchRecord[]
  /** Breaks the app's open watch streams now, or once the timeline reaches `after`. */
  breakWatches(app: string, kind: WatchFaultKind, options?: { after?: string }): void
  /** How "another operation is already in progress" is answered. Default 400. */
  conflictStatus: 400 | 409
  /** Requests and answers that break Argo CD's swagger; close() throws for any not taken. */
  readonly contract: ContractLog
  /** Closes the server, then fails if the contract was broken and no test took the violations. */
  close(): Promise<void>
}

const DEFAULT_SCRIPT: Required<
  Omit<OperationScript, 'message' | 'failedResources' | 'healthMessage' | 'staleReads'>
> = {
  startDelayMs: 40,
  runMs: 80,
  outcome: 'Succeeded',
  reconcileDelayMs: 40,
  healthDelayMs: 80,
  finalHealth: 'Healthy',
  hang: false
}

export async function startArgoCdSimulator(options: {
  token: string
  apps: AppSeed[]
  now?: () => number
  /** RBAC of the token's account (subject `deployer`). */
  policy?: ArgoPolicy
}): Promise<ArgoCdSimulator> {
  const now = options.now ?? Date.now
  const apps = new Map<string, SimApp>()
  for (const seed of options.apps) {
    const sim = seedApp(seed, now())
    apps.set(`${sim.app.metadata.namespace}/${seed.name}`, sim)
  }
  const contract = new ContractLog('Argo CD')
  const watchLogs = new Map<SimApp, WatchRecord[]>()

  const http = await startHttpServer(checkedByContract(contract, request => handle(request)))
  const simulator: ArgoCdSimulator = {
    url: http.url,
    http,
    conflictStatus: 400,
    contract,
    script: (name, ...scripts) => find(name).scripts.push(...scripts),
    application: name => {
      const sim = find(name)
      touch(sim, now())
      return structuredClone(sim.app)
    },
    timeline: name => find(name).timeline,
    watchLog: name => watchLogOf(find(name)),
    breakWatches: (name, kind, { after } = {}) => {
      const sim = find(name)
      sim.watchFaults.push({ kind, after, armedAt: sim.timeline.length })
      applyWatchFaults(sim)
    },
    close: async () => {
      for (const sim of apps.values()) clearTimeout(sim.timer)
      await http.close()
      contract.assertNone()
    }
  }
  return simulator

  function find(name: string): SimApp {
    const sim = [...apps.values()].find(a => a.app.metadata.name === name)
    if (!sim) throw new Error(`no simulated app ${name}`)
    return sim
  }

  function handle({ request, operation, params, body }: CheckedRequest): SimResponse {
    const auth = request.headers.authorization
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
      return grpcError(401, 16, 'no session information')
    }
    if (auth.slice('Bearer '.length) !== options.token) {
      return grpcError(401, 16, 'invalid session: token signature is invalid')
    }
    const query = request.url.searchParams
    if (operation.operationId === 'ApplicationService_Watch') return watch(query)
    const name = params.name
    if (name === undefined) {
      return grpcError(501, 12, `${operation.operationId ?? 'this method'} is not simulated`)
    }
    const project = query.get('project') ?? stringField(body, 'project')
    const namespace = query.get('appNamespace') ?? stringField(body, 'appNamespace') ?? 'argocd'
    const sim = apps.get(`${namespace}/${name}`)
    // Argo CD hides whether an app exists from those who can't name its project.
    if (!sim || (project && sim.app.spec.project !== project)) {
      return project
        ? grpcError(404, 5, `applications.argoproj.io "${name}" not found`)
        : grpcError(403, 7, 'permission denied')
    }
    const rbac = ACTIONS[operation.operationId ?? '']
    const appProject = sim.app.spec.project ?? 'default'
    if (rbac && options.policy && !options.policy(rbac, appProject, name)) {
      return grpcError(
        403,
        7,
        `permission denied: applications, ${rbac}, ${appProject}/${name}, sub: deployer, iat: 2026-11-01T00:00:00Z`
      )
    }
    const at = now()
    advance(sim, at)
    const answer = (() => {
      switch (operation.operationId) {
        case 'ApplicationService_Get':
          if (sim.staleView && sim.staleView.left-- > 0) return { body: sim.staleView.app }
          return { body: sim.app }
        case 'ApplicationService_UpdateSpec':
          return updateSpec(sim, body as ApplicationSpec, at)
        case 'ApplicationService_Sync':
          return requestSync(sim, body, at)
        case 'ApplicationService_TerminateOperation':
          return terminate(sim, at)
        case 'ApplicationService_Rollback':
          return rollback(sim, body, at)
        default:
          return grpcError(501, 12, `${operation.operationId ?? 'this method'} is not simulated`)
      }
    })()
    // An answer that shows a change carries the resourceVersion the watchers get.
    publish(sim)
    schedule(sim)
    return structuredClone(answer)
  }

  function updateSpec(sim: SimApp, spec: ApplicationSpec, at: number): SimResponse {
    const before = JSON.stringify(sim.app.spec)
    sim.app.spec = structuredClone(spec)
    if (JSON.stringify(spec) !== before) {
      const status = (sim.app.status ??= {})
      status.sync = { ...status.sync, status: 'OutOfSync' }
      status.reconciledAt = iso(at)
      sim.timeline.push({ at, event: 'spec updated' })
      if (spec.syncPolicy?.automated && !sim.pending) {
        startOperation(sim, { initiatedBy: { automated: true }, sync: { revision: 'HEAD' } }, at)
      }
    }
    return { body: sim.app.spec }
  }

  function requestSync(sim: SimApp, body: Record<string, unknown>, at: number): SimResponse {
    if (sim.pending) return inProgress()
    const syncOptions = (body.syncOptions as { items?: string[] } | undefined)?.items
    startOperation(
      sim,
      {
        initiatedBy: { username: 'deployer' },
        sync: {
          revision: typeof body.revision === 'string' ? body.revision : 'HEAD',
          prune: body.prune === true,
          ...(syncOptions ? { syncOptions } : {})
        }
      },
      at
    )
    return { body: sim.app }
  }

  function rollback(sim: SimApp, body: Record<string, unknown>, at: number): SimResponse {
    if (sim.app.spec.syncPolicy?.automated) {
      return grpcError(400, 9, 'rollback cannot be initiated when auto-sync is enabled')
    }
    if (sim.pending) return inProgress()
    const id = Number(body.id)
    const entry = sim.app.status?.history?.find(h => h.id === id)
    if (!entry) {
      return grpcError(
        400,
        3,
        `application ${sim.app.metadata.name} does not have deployment with id ${id}`
      )
    }
    startOperation(
      sim,
      {
        initiatedBy: { username: 'deployer' },
        sync: {
          revision: entry.revision,
          ...(entry.source ? { source: entry.source } : {}),
          prune: body.prune === true
        }
      },
      at,
      entry
    )
    return { body: sim.app }
  }

  function terminate(sim: SimApp, at: number): SimResponse {
    if (!sim.pending) {
      return grpcError(400, 9, 'Unable to terminate operation. No operation is in progress')
    }
    sim.pending.terminatedAt = at
    if (sim.app.status?.operationState) sim.app.status.operationState.phase = 'Terminating'
    sim.timeline.push({ at, event: 'terminating' })
    return { body: {} }
  }

  function inProgress(): SimResponse {
    return grpcError(simulator.conflictStatus, 9, 'another operation is already in progress')
  }

  /**
   * ApplicationService.Watch for one named app, as Argo CD serves it: the app as it is now
   * (ADDED, even with a resourceVersion, so a named watch never misses the state it joins at),
   * then MODIFIED for each change, as newline-delimited grpc-gateway frames. An app the caller
   * may not see, or that does not exist, sends nothing at all, not even the response head.
   */
  function watch(query: URLSearchParams): SimResponse {
    const name = query.get('name')
    const namespace = query.get('appNamespace') || 'argocd'
    const projects = [...query.getAll('projects'), ...query.getAll('project')]
    const minVersion = Number(query.get('resourceVersion') || 0) || 0
    const sim = name ? apps.get(`${namespace}/${name}`) : undefined
    const visible =
      sim !== undefined &&
      (projects.length === 0 || projects.includes(sim.app.spec.project ?? 'default'))
    return {
      headers: { 'content-type': 'application/json' },
      stream: response => {
        if (!visible || !sim) return
        // Up to date before it joins, so its first frame is the state it joins at.
        advance(sim, now())
        publish(sim)
        const watcher: Watcher = { response, silent: false }
        sim.watchers.add(watcher)
        log(sim, 'opened')
        response.on('close', () => {
          sim.watchers.delete(watcher)
          log(sim, 'closed')
          schedule(sim)
        })
        if (sim.resourceVersion >= minVersion) send(sim, watcher, 'ADDED')
        schedule(sim)
      }
    }
  }

  /** Moves the app to `at`, tells the watchers of any change, and sets the timer for the next. */
  function touch(sim: SimApp, at: number): void {
    advance(sim, at)
    publish(sim)
    schedule(sim)
  }

  function publish(sim: SimApp): void {
    const state = JSON.stringify({
      ...sim.app,
      metadata: { ...sim.app.metadata, resourceVersion: undefined }
    })
    if (state === sim.published) return
    sim.published = state
    sim.resourceVersion++
    sim.app.metadata.resourceVersion = String(sim.resourceVersion)
    for (const watcher of sim.watchers) send(sim, watcher, 'MODIFIED')
    applyWatchFaults(sim)
  }

  function send(sim: SimApp, watcher: Watcher, type: 'ADDED' | 'MODIFIED'): void {
    if (watcher.silent || watcher.response.destroyed) return
    const frame = { result: { type, application: structuredClone(sim.app) } }
    checkFrame(frame)
    watcher.response.write(`${JSON.stringify(frame)}\n`)
    log(sim, 'frame', sim.app.metadata.resourceVersion)
  }

  function checkFrame(frame: unknown): void {
    const route = argoCdContract().route('GET', '/api/v1/stream/applications')
    if (!('operation' in route)) throw new Error('the swagger has no application watch')
    const problems = argoCdContract().checkAnswer(route.operation, 200, frame)
    if (problems.length) {
      contract.record({
        direction: 'answer',
        method: 'GET',
        path: '/api/v1/stream/applications',
        problems
      })
    }
  }

  function applyWatchFaults(sim: SimApp): void {
    for (const fault of [...sim.watchFaults]) {
      const due =
        fault.after === undefined ||
        sim.timeline.slice(fault.armedAt).some(entry => entry.event === fault.after)
      if (!due || sim.watchers.size === 0) continue
      sim.watchFaults.splice(sim.watchFaults.indexOf(fault), 1)
      log(sim, fault.kind)
      for (const watcher of [...sim.watchers]) {
        const { response } = watcher
        if (fault.kind === 'silence') watcher.silent = true
        else if (fault.kind === 'reset') response.socket?.destroy()
        else if (fault.kind === 'end') response.end()
        else {
          const error = {
            grpc_code: 14,
            http_code: 503,
            message: 'rpc error: code = Unavailable desc = transport is closing',
            http_status: 'Service Unavailable'
          }
          checkFrame({ error })
          response.end(`${JSON.stringify({ error })}\n`)
        }
      }
    }
  }

  /** While someone watches, wake up at the app's next step so the change is sent as it happens. */
  function schedule(sim: SimApp): void {
    clearTimeout(sim.timer)
    sim.timer = undefined
    if (sim.watchers.size === 0) return
    const next = nextStep(sim)
    if (next === undefined) return
    sim.timer = setTimeout(() => touch(sim, Math.max(now(), next)), Math.max(0, next - now()))
    sim.timer.unref()
  }

  function log(sim: SimApp, event: WatchRecord['event'], resourceVersion?: string): void {
    watchLogOf(sim).push({
      at: now(),
      event,
      ...(resourceVersion ? { resourceVersion } : {}),
      requestsSoFar: http.requests.length
    })
  }

  function watchLogOf(sim: SimApp): WatchRecord[] {
    let entries = watchLogs.get(sim)
    if (!entries) watchLogs.set(sim, (entries = []))
    return entries
  }
}

function seedApp(seed: AppSeed, at: number): SimApp {
  const namespace = seed.namespace ?? 'argocd'
  const spec = structuredClone({
    ...seed.spec,
    project: seed.project ?? seed.spec.project ?? 'default'
  })
  const hourAgo = at - 3_600_000
  const revision = sha(`${seed.name}-0`)
  const sources = { source: spec.source, sources: spec.sources }
  const app: Application = {
    metadata: {
      name: seed.name,
      namespace,
      ...(seed.labels ? { labels: seed.labels } : {}),
      ...(seed.annotations ? { annotations: seed.annotations } : {}),
      ...(seed.ownerReferences ? { ownerReferences: seed.ownerReferences } : {})
    },
    spec,
    status: {
      sync: { status: 'Synced', revision },
      health: { status: 'Healthy' },
      reconciledAt: iso(hourAgo + 60_000),
      operationState: {
        operation: { initiatedBy: { username: 'admin' }, sync: { revision: 'HEAD' } },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: iso(hourAgo),
        finishedAt: iso(hourAgo + 20_000),
        syncResult: {
          revision,
          resources: resourceResults(
            seed.name,
            destinationNamespace({ spec } as Application),
            'Synced'
          )
        }
      },
      history: [{ id: 1, revision, deployedAt: iso(hourAgo + 20_000), ...clone(sources) }],
      resources: resourceStatuses(
        seed.name,
        destinationNamespace({ spec } as Application),
        'Healthy'
      ),
      summary: {
        images: renderImages(seed.images, sources),
        ...(seed.externalURLs ? { externalURLs: seed.externalURLs } : {})
      }
    }
  }
  const sim: SimApp = {
    app,
    model: seed.images,
    scripts: [],
    revisions: 0,
    timeline: [],
    resourceVersion: 0,
    published: '',
    watchers: new Set(),
    watchFaults: []
  }
  if (seed.runningOperation) {
    const { automated, username, ...script } = seed.runningOperation
    sim.scripts.push(script)
    const initiatedBy = automated ? { automated: true } : { username: username ?? 'someone' }
    startOperation(
      sim,
      { initiatedBy, sync: { revision: 'HEAD' } },
      at - (script.startDelayMs ?? 40)
    )
  }
  return sim
}

function startOperation(
  sim: SimApp,
  operation: Operation,
  at: number,
  rollbackTo?: HistoryEntry
): void {
  const script = { ...DEFAULT_SCRIPT, ...(sim.scripts.shift() ?? {}) }
  if (script.staleReads) sim.staleView = { app: structuredClone(sim.app), left: script.staleReads }
  sim.app.operation = operation
  sim.pending = { operation, script, acceptedAt: at, ...(rollbackTo ? { rollbackTo } : {}) }
  sim.settling = undefined
  sim.timeline.push({
    at,
    event: `operation requested${operation.initiatedBy?.automated ? ' (auto-sync)' : ''}`
  })
}

/** When the app's timeline takes its next step by itself, if it will. */
function nextStep(sim: SimApp): number | undefined {
  const steps: number[] = []
  const pending = sim.pending
  if (pending) {
    const script = { ...DEFAULT_SCRIPT, ...pending.script }
    if (pending.startedAt === undefined) steps.push(pending.acceptedAt + script.startDelayMs)
    if (pending.terminatedAt !== undefined) steps.push(pending.terminatedAt + 20)
    else if (pending.startedAt !== undefined && !script.hang) {
      steps.push(pending.startedAt + script.runMs)
    }
  }
  const settling = sim.settling
  if (settling) steps.push(settling.reconciled ? settling.healthAt : settling.reconcileAt)
  return steps.length ? Math.min(...steps) : undefined
}

/** Moves the app along its timeline up to `at`. */
function advance(sim: SimApp, at: number): void {
  const status = (sim.app.status ??= {})
  const pending = sim.pending
  const name = sim.app.metadata.name
  const namespace = destinationNamespace(sim.app)
  if (pending) {
    const script = { ...DEFAULT_SCRIPT, ...pending.script }
    const pickup = pending.acceptedAt + script.startDelayMs
    if (pending.startedAt === undefined && at >= pickup) {
      pending.startedAt = pickup
      status.operationState = {
        operation: pending.operation,
        phase: 'Running',
        message: 'one or more tasks are running',
        startedAt: iso(pickup)
      }
      status.resources = resourceStatuses(name, namespace, 'Progressing')
      sim.timeline.push({ at: pickup, event: 'operation started' })
    }
    const state = status.operationState
    if (pending.terminatedAt !== undefined && state && at >= pending.terminatedAt + 20) {
      const finished = pending.terminatedAt + 20
      Object.assign(state, {
        phase: 'Failed',
        message: 'Operation terminated',
        finishedAt: iso(finished)
      })
      state.startedAt ??= iso(pending.acceptedAt)
      delete sim.app.operation
      sim.pending = undefined
      sim.timeline.push({ at: finished, event: 'operation terminated' })
    } else if (pending.startedAt !== undefined && state && !script.hang) {
      const finished = pending.startedAt + script.runMs
      if (at >= finished) finish(sim, pending, script, finished)
    }
  }
  const settling = sim.settling
  if (settling && !settling.reconciled && at >= settling.reconcileAt) {
    settling.reconciled = true
    const ok = settling.script.outcome === 'Succeeded'
    status.reconciledAt = iso(settling.reconcileAt)
    status.sync = { status: ok ? 'Synced' : 'OutOfSync', revision: settling.revision }
    if (ok) {
      status.health = { status: 'Progressing' }
      status.resources = resourceStatuses(name, namespace, 'Progressing')
      status.summary = { ...status.summary, images: renderImages(sim.model, settling.sources) }
    }
    sim.timeline.push({ at: settling.reconcileAt, event: `reconciled ${status.sync.status}` })
  }
  if (settling?.reconciled && at >= settling.healthAt) {
    sim.settling = undefined
    if (settling.script.outcome === 'Succeeded') {
      const health = settling.script.finalHealth ?? 'Healthy'
      const message = settling.script.healthMessage
      status.health = { status: health, ...(message ? { message } : {}) }
      status.resources = resourceStatuses(name, namespace, health, message)
      sim.timeline.push({ at: settling.healthAt, event: `health ${health}` })
    }
  }
}

function finish(
  sim: SimApp,
  pending: Pending,
  script: Required<typeof DEFAULT_SCRIPT> & OperationScript,
  at: number
): void {
  const status = (sim.app.status ??= {})
  const name = sim.app.metadata.name
  const namespace = destinationNamespace(sim.app)
  const sources = pending.rollbackTo
    ? { source: pending.rollbackTo.source, sources: pending.rollbackTo.sources }
    : { source: sim.app.spec.source, sources: sim.app.spec.sources }
  sim.revisions++
  const revision = pending.rollbackTo?.revision ?? sha(`${name}-${sim.revisions}`)
  const ok = script.outcome === 'Succeeded'
  const results: ResourceResult[] = resourceResults(name, namespace, 'Synced')
  for (const failed of script.failedResources ?? []) {
    results.push({
      group: 'apps',
      kind: failed.kind,
      namespace,
      name: failed.name,
      status: 'SyncFailed',
      message: failed.message
    })
  }
  const multi = Boolean(sources.sources?.length)
  status.operationState = {
    operation: pending.operation,
    phase: script.outcome,
    message:
      script.message ??
      (ok ? 'successfully synced (all tasks run)' : 'one or more objects failed to apply'),
    startedAt: iso(pending.startedAt ?? at),
    finishedAt: iso(at),
    syncResult: multi
      ? { revisions: (sources.sources ?? []).map(() => revision), resources: results }
      : { revision, resources: results }
  }
  delete sim.app.operation
  sim.pending = undefined
  if (ok) {
    const history = (status.history ??= [])
    history.push({
      id: (history.at(-1)?.id ?? 0) + 1,
      ...(multi ? { revisions: (sources.sources ?? []).map(() => revision) } : { revision }),
      deployedAt: iso(at),
      ...clone(sources)
    })
  } else {
    status.resources = resourceStatuses(
      name,
      namespace,
      'Degraded',
      'the new ReplicaSet failed to apply'
    )
  }
  sim.timeline.push({ at, event: `operation ${script.outcome}` })
  sim.settling = {
    script,
    reconcileAt: at + script.reconcileDelayMs,
    healthAt: at + script.reconcileDelayMs + script.healthDelayMs,
    reconciled: false,
    sources,
    revision
  }
}

function renderImages(
  model: ImageModel,
  spec: Pick<ApplicationSpec, 'source' | 'sources'>
): string[] {
  if ('fixed' in model) return [...model.fixed]
  const all: ApplicationSource[] = spec.sources ?? (spec.source ? [spec.source] : [])
  if ('helm' in model) {
    const source = all[model.helm.sourceIndex ?? 0]
    const parameter = (key: string | undefined) =>
      source?.helm?.parameters?.find(p => p.name === key)?.value
    const repository = parameter(model.helm.repositoryParameter) ?? model.helm.defaultRepository
    return [`${repository}:${parameter(model.helm.tagParameter) ?? 'latest'}`]
  }
  const { name, defaultRepository, defaultTag } = model.kustomize
  for (const source of all) {
    for (const entry of source.kustomize?.images ?? []) {
      const [image, target] = entry.includes('=')
        ? entry.split('=', 2)
        : [entry.replace(/:[^:/]+$/, ''), entry]
      if (image === name && target) {
        return [
          target.includes(':') && target.lastIndexOf(':') > target.lastIndexOf('/')
            ? target
            : `${target}:${defaultTag}`
        ]
      }
    }
  }
  return [`${defaultRepository}:${defaultTag}`]
}

function resourceResults(name: string, namespace: string, status: string): ResourceResult[] {
  return [
    {
      group: 'apps',
      kind: 'Deployment',
      namespace,
      name,
      status,
      message: `deployment.apps/${name} configured`
    },
    { group: '', kind: 'Service', namespace, name, status, message: `service/${name} unchanged` }
  ]
}

function resourceStatuses(
  name: string,
  namespace: string,
  health: string,
  message?: string
): ResourceStatus[] {
  return [
    {
      group: 'apps',
      kind: 'Deployment',
      namespace,
      name,
      status: 'Synced',
      health: { status: health, ...(message ? { message } : {}) }
    },
    { group: '', kind: 'Service', namespace, name, status: 'Synced', health: { status: 'Healthy' } }
  ]
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key]
  return typeof value === 'string' ? value : undefined
}

/** metav1.Time: RFC 3339 in whole seconds, as Argo CD serialises it. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function sha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

/** Where the app's resources live: its destination namespace. */
function destinationNamespace(app: Application): string {
  const destination = app.spec.destination as { namespace?: string } | undefined
  return destination?.namespace ?? 'default'
}
