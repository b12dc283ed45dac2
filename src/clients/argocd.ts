import { Agent, fetch } from 'undici'
import * as v from 'valibot'
import { DeployError } from '../errors.js'
import {
  asRecord,
  AttemptTimeoutError,
  RetryableError,
  withRetry,
  type RetryNotice,
  type RetryOptions
} from '../runtime/retry.js'

/**
 * A thin adapter to the Argo CD REST API (the grpc-gateway under /api/v1) for one application.
 * Bearer token, TLS verified unless `insecure`, every call through the retry helper. `project` is
 * sent on every call so that a missing application is a 404 rather than Argo CD's deliberately
 * vague 403.
 */

/** The parts of an Application the deploy reads; the rest is carried through untouched. */
export interface Application {
  metadata: {
    name: string
    namespace?: string
    /** Raised by Kubernetes on each change; a watch resumed from it misses nothing. */
    resourceVersion?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    ownerReferences?: { kind: string; name: string }[]
  }
  spec: ApplicationSpec
  /** A requested operation; Argo CD removes it when the operation completes. */
  operation?: Operation
  status?: ApplicationStatus
}

export interface ApplicationSpec {
  project?: string
  source?: ApplicationSource
  sources?: ApplicationSource[]
  syncPolicy?: { automated?: { enabled?: boolean; prune?: boolean; selfHeal?: boolean } }
  [key: string]: unknown
}

export interface ApplicationSource {
  repoURL?: string
  chart?: string
  path?: string
  targetRevision?: string
  name?: string
  ref?: string
  helm?: { parameters?: HelmParameter[]; [key: string]: unknown }
  kustomize?: { images?: string[]; [key: string]: unknown }
  [key: string]: unknown
}

export interface HelmParameter {
  name: string
  value?: string
  forceString?: boolean
}

export interface Operation {
  sync?: { revision?: string; prune?: boolean; syncOptions?: string[]; [key: string]: unknown }
  initiatedBy?: { username?: string; automated?: boolean }
  [key: string]: unknown
}

export type OperationPhase = 'Running' | 'Terminating' | 'Succeeded' | 'Failed' | 'Error'

export interface ResourceResult {
  group?: string
  kind: string
  namespace?: string
  name: string
  status?: string
  message?: string
  hookPhase?: string
}

export interface OperationState {
  operation?: Operation
  phase: OperationPhase
  message?: string
  startedAt?: string
  finishedAt?: string
  syncResult?: { revision?: string; revisions?: string[]; resources?: ResourceResult[] }
}

export interface ResourceStatus {
  group?: string
  kind: string
  namespace?: string
  name: string
  status?: string
  health?: { status?: string; message?: string }
}

export interface HistoryEntry {
  id: number
  revision?: string
  revisions?: string[]
  deployedAt?: string
  source?: ApplicationSource
  sources?: ApplicationSource[]
}

export interface ApplicationStatus {
  sync?: { status?: string; revision?: string; revisions?: string[] }
  health?: { status?: string; message?: string }
  operationState?: OperationState
  reconciledAt?: string
  history?: HistoryEntry[]
  resources?: ResourceStatus[]
  summary?: { images?: string[]; externalURLs?: string[] }
}

export interface SyncRequest {
  prune: boolean
  syncOptions: readonly string[]
}

export interface ArgoCdClientOptions {
  /** https://argocd.example.com, with a path prefix when Argo CD runs under one. */
  server: string
  token: string
  insecure: boolean
  app: string
  project: string | undefined
  appNamespace: string | undefined
  signal?: AbortSignal
  onRetry?: (notice: RetryNotice) => void
  /** Tests shorten the backoff and the attempt timeout; the deploy waits on its context's clock. */
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'attemptTimeoutMs' | 'sleep'>
}

/** One event of the application watch stream. */
export interface WatchEvent {
  /** ADDED (the state the watch joins at), MODIFIED, DELETED. */
  type: string
  application: Application
}

/** An open watch stream: grpc-gateway frames, one JSON object a line. */
export interface ApplicationWatch {
  /**
   * The next event, or undefined once the server has ended the stream. Rejects with an
   * ArgoCdStreamError when the connection drops, on an error frame, or on a line that is not a
   * frame; with an AbortError once closed.
   */
  next(): Promise<WatchEvent | undefined>
  /** Drops the connection. */
  close(): void
}

export interface WatchOptions {
  /** Ends the stream: the wait's deadline and the run's cancel. */
  signal: AbortSignal
  /** The last resourceVersion seen, when resuming. */
  resourceVersion?: string
  /** How long one attempt to open may take before the stream is given up as held back. */
  openTimeoutMs?: number
}

export interface ArgoCdClient {
  readonly app: string
  /** GET the application, retried. */
  getApplication(): Promise<Application>
  /** One GET attempt, for looks inside `follow`, which retries them itself. */
  readApplication(signal: AbortSignal): Promise<Application>
  /** PUT .../spec, retried (idempotent). */
  updateSpec(spec: ApplicationSpec): Promise<void>
  /**
   * One POST .../sync attempt, for a look inside `follow`. Not retried here: a sync whose answer
   * was lost may have started, and only a fresh look at the application can tell.
   */
  requestSync(sync: SyncRequest, signal: AbortSignal): Promise<Application>
  /** DELETE .../operation, retried. */
  terminateOperation(): Promise<void>
  /**
   * POST .../rollback to a history id, one attempt for the same reason as requestSync. Answers the
   * application with the rollback's operation; a 404 or 405 here says the call did not reach
   * Argo CD's rollback, not that the app is missing.
   */
  requestRollback(id: number, prune: boolean, signal: AbortSignal): Promise<Application>
  /**
   * Opens the app's watch stream (GET /api/v1/stream/applications?name=), retried until it
   * answers; the stream then lives until `signal` fires or it is closed.
   */
  watchApplication(options: WatchOptions): Promise<ApplicationWatch>
  close(): Promise<void>
}

/** A non-2xx answer. `status` and `headers` are where classifyError looks for them. */
export class ArgoCdApiError extends Error {
  readonly status: number
  readonly headers: Headers
  readonly grpcCode: number | undefined
  constructor(describe: string, status: number, headers: Headers, body: unknown) {
    const fields = asRecord(body)
    // A stream refused before its first frame answers {"error": {grpc_code, message}} instead.
    const nested = asRecord(fields.error)
    const text = [fields.message, fields.error, nested.message].find(
      v => typeof v === 'string' && v
    ) as string | undefined
    super(`${describe} answered HTTP ${status}${text ? `: ${text}` : ''}`)
    this.name = 'ArgoCdApiError'
    this.status = status
    this.headers = headers
    const code = fields.code ?? nested.grpc_code
    this.grpcCode = typeof code === 'number' ? code : undefined
  }
}

/** The watch stream broke: the connection dropped, Argo CD sent an error, or a line was garbage. */
export class ArgoCdStreamError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ArgoCdStreamError'
  }
}

/** Opening the stream is retried briefly: the wait goes on by polling if it will not open. */
const WATCH_OPEN_ATTEMPTS = 3

/** Argo CD refuses a second operation with FailedPrecondition (400), some proxies say 409. */
export function isOperationInProgress(error: unknown): boolean {
  return (
    error instanceof ArgoCdApiError &&
    (error.status === 400 || error.status === 409) &&
    /another operation is already in progress/i.test(error.message)
  )
}

const applicationShape = v.looseObject({
  metadata: v.looseObject({ name: v.string() }),
  spec: v.looseObject({})
})

export function createArgoCdClient(options: ArgoCdClientOptions): ArgoCdClient {
  // fetch refuses such a URL with an error that repeats it, password and all: stop before that.
  const parsed = URL.canParse(options.server) ? new URL(options.server) : undefined
  if (parsed?.username || parsed?.password) {
    throw new DeployError(
      'INVALID_INPUT',
      `the Argo CD server URL (${shownServer(options.server)}) holds a user name or password; ` +
        'give it without them: the API token goes in argocd_token'
    )
  }
  const base = options.server.replace(/\/+$/, '')
  const app = options.app
  const agent = new Agent({ connect: { rejectUnauthorized: !options.insecure } })
  const scope: Record<string, string> = {}
  if (options.project) scope.project = options.project
  if (options.appNamespace) scope.appNamespace = options.appNamespace
  const appPath = `/api/v1/applications/${encodeURIComponent(app)}`

  async function call(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
    query: Record<string, string> = scope
  ): Promise<unknown> {
    const describe = `Argo CD ${method} ${path}`
    const url = new URL(base + path)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const response = await fetch(url, {
      method,
      dispatcher: agent,
      signal,
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).catch((error: unknown) => {
      throw explainTlsError(error, options.server) ?? error
    })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : {}
    } catch {
      // A proxy's HTML error page or a cut-off answer: worth another attempt, never a crash.
      if (!response.ok) throw new ArgoCdApiError(describe, response.status, response.headers, {})
      throw new RetryableError(`${describe} answered with malformed JSON`)
    }
    if (!response.ok) throw new ArgoCdApiError(describe, response.status, response.headers, parsed)
    return parsed
  }

  function application(value: unknown, describe: string): Application {
    if (!v.is(applicationShape, value)) {
      throw new RetryableError(`${describe} answered without an application`)
    }
    return value as Application
  }

  function retried<T>(
    describe: string,
    operation: (signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    return withRetry(operation, {
      describe,
      signal: options.signal,
      onRetry: options.onRetry,
      ...options.retry
    }).catch((error: unknown) => {
      throw explainArgoCdError(error, options)
    })
  }

  const client: ArgoCdClient = {
    app,
    getApplication: () =>
      retried(`Argo CD GET application ${app}`, signal => client.readApplication(signal)),
    readApplication: async signal =>
      application(await call('GET', appPath, undefined, signal), `Argo CD GET ${appPath}`),
    updateSpec: async spec => {
      await retried(`Argo CD PUT application ${app} spec`, signal =>
        call('PUT', `${appPath}/spec`, spec, signal)
      )
    },
    requestSync: async (sync, signal) => {
      const body = {
        name: app,
        prune: sync.prune,
        ...(sync.syncOptions.length ? { syncOptions: { items: [...sync.syncOptions] } } : {}),
        ...scope
      }
      const answer = await call('POST', `${appPath}/sync`, body, signal, {})
      return application(answer, `Argo CD POST ${appPath}/sync`)
    },
    terminateOperation: async () => {
      await retried(`Argo CD DELETE application ${app} operation`, signal =>
        call('DELETE', `${appPath}/operation`, undefined, signal)
      )
    },
    requestRollback: async (id, prune, signal) => {
      const body = { name: app, id, prune, ...scope }
      const answer = await call('POST', `${appPath}/rollback`, body, signal, {}).catch(
        (error: unknown) => {
          throw explainRollbackError(error, options, id)
        }
      )
      return application(answer, `Argo CD POST ${appPath}/rollback`)
    },
    watchApplication: ({ signal, resourceVersion, openTimeoutMs }) => {
      const path = '/api/v1/stream/applications'
      const describe = `Argo CD GET ${path}`
      const url = new URL(base + path)
      url.searchParams.set('name', app)
      if (options.appNamespace) url.searchParams.set('appNamespace', options.appNamespace)
      if (options.project) url.searchParams.set('projects', options.project)
      if (resourceVersion) url.searchParams.set('resourceVersion', resourceVersion)
      return withRetry(
        async attemptSignal => {
          // The attempt's signal outlives the attempt only as the caller's: the stream ends with
          // it, or with close().
          const closer = new AbortController()
          const response = await fetch(url, {
            dispatcher: agent,
            signal: AbortSignal.any([attemptSignal, closer.signal]),
            headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' }
          }).catch((error: unknown) => {
            throw explainTlsError(error, options.server) ?? error
          })
          if (!response.ok || !response.body) {
            const text = await response.text().catch(() => '')
            throw new ArgoCdApiError(describe, response.status, response.headers, parseOr(text))
          }
          return applicationWatch(response.body, closer, describe)
        },
        {
          describe,
          signal,
          onRetry: options.onRetry,
          attempts: WATCH_OPEN_ATTEMPTS,
          baseDelayMs: options.retry?.baseDelayMs,
          attemptTimeoutMs: openTimeoutMs ?? options.retry?.attemptTimeoutMs,
          // Argo CD sends the head with the first frame, at once for a named app: a stream not
          // open in time is one a proxy holds back, and trying again only delays the polling.
          classify: error => (error instanceof AttemptTimeoutError ? { retry: false } : undefined)
        }
      )
    },
    close: () => agent.close()
  }
  return client
}

/** Reads newline-delimited frames off the stream's body, one event at a time. */
function applicationWatch(
  body: ReadableStream<Uint8Array>,
  closer: AbortController,
  describe: string
): ApplicationWatch {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  let ended = false
  const read = async (): Promise<void> => {
    try {
      const { done, value } = await reader.read()
      if (done) {
        ended = true
        buffered += decoder.decode()
      } else {
        buffered += decoder.decode(value, { stream: true })
      }
    } catch (error) {
      if (closer.signal.aborted) throw error
      const cause = asRecord(asRecord(error).cause).message
      const reason = [asRecord(error).message, cause].filter(Boolean).join(': ')
      throw new ArgoCdStreamError(`the connection dropped (${reason || String(error)})`, {
        cause: error
      })
    }
  }
  return {
    next: async () => {
      for (;;) {
        const newline = buffered.indexOf('\n')
        const line = newline >= 0 ? buffered.slice(0, newline) : ended ? buffered : undefined
        if (line !== undefined) {
          buffered = newline >= 0 ? buffered.slice(newline + 1) : ''
          if (line.trim()) return watchEvent(line, describe)
          if (ended && !buffered) return undefined
          continue
        }
        await read()
      }
    },
    close: () => {
      closer.abort()
      reader.cancel().catch(() => undefined)
    }
  }
}

function watchEvent(line: string, describe: string): WatchEvent {
  const frame = asRecord(parseOr(line, undefined))
  const error = asRecord(frame.error)
  if (frame.error !== undefined) {
    const message = typeof error.message === 'string' ? error.message : 'no message'
    throw new ArgoCdStreamError(`Argo CD sent an error on the stream: ${message}`)
  }
  const result = asRecord(frame.result)
  if (typeof result.type !== 'string' || !v.is(applicationShape, result.application)) {
    throw new ArgoCdStreamError(`${describe} sent a line that is not an application event`)
  }
  return { type: result.type, application: result.application as Application }
}

function parseOr(text: string, fallback: unknown = {}): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return fallback
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** A certificate problem is not worth retrying: it needs a CA, a fixed certificate or `insecure`. */
function explainTlsError(error: unknown, server: string): DeployError | undefined {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  if (typeof code !== 'string' || !TLS_CODES.has(code)) return undefined
  return new DeployError(
    'DEPLOY_FAILED',
    `the TLS certificate of ${shownServer(server)} is not trusted (${code}): give the runner its CA ` +
      '(NODE_EXTRA_CA_CERTS) or, for a self-signed server, set argocd_insecure: true',
    { cause: error }
  )
}

/**
 * The server as messages show it: its origin, never a user name or password written into the URL
 * (nor a path prefix, which says nothing a user needs to find the server).
 */
function shownServer(server: string): string {
  try {
    return new URL(server).origin
  } catch {
    return 'the Argo CD server'
  }
}

/** Turns the answers a user can act on into DeployErrors that say what to do. */
export function explainArgoCdError(
  error: unknown,
  where: Pick<ArgoCdClientOptions, 'app' | 'project' | 'server'>
): unknown {
  if (!(error instanceof ArgoCdApiError)) return error
  const app = `Argo CD application '${where.app}'`
  if (error.status === 401) {
    return new DeployError(
      'DEPLOY_FAILED',
      `${shownServer(where.server)} rejected the Argo CD token (HTTP 401): check that argocd_token holds a ` +
        'valid, unexpired API token for an account with access to the application.',
      { cause: error, details: error.message }
    )
  }
  if (error.status === 403) {
    // Argo CD answers 403 both for "no such app" and for "may not see it" when no project is named.
    const project = where.project
    const scope = project ? ` (project '${project}')` : ''
    const rule = project ? ` (p, <role>, applications, get, ${project}/${where.app}, allow)` : ''
    const hint = project
      ? ''
      : '; or, if it may not exist, set project so that a missing application answers 404'
    return new DeployError(
      'DEPLOY_FAILED',
      `${app}${scope} on ${shownServer(where.server)} is not accessible with this token ` +
        `(HTTP 403): give the token's account get, update and sync on it in Argo CD RBAC${rule}${hint}.`,
      { cause: error, details: error.message }
    )
  }
  if (error.status === 404) {
    const scope = where.project ? ` in project '${where.project}'` : ''
    return new DeployError(
      'DEPLOY_FAILED',
      `${app} does not exist${scope} on ${shownServer(where.server)}: check app, project and app_namespace.`,
      { cause: error, details: error.message }
    )
  }
  return new DeployError('DEPLOY_FAILED', error.message, { cause: error })
}

/**
 * A rollback the server did not route (404, 405, 501) failed in front of Argo CD's rollback, not
 * because the app is missing: we read the app a moment before. Say so, and how to finish by hand.
 */
function explainRollbackError(
  error: unknown,
  where: Pick<ArgoCdClientOptions, 'app' | 'server'>,
  id: number
): unknown {
  if (!(error instanceof ArgoCdApiError) || ![404, 405, 501].includes(error.status)) return error
  const byHand = `roll back by hand: argocd app rollback ${where.app} ${id}`
  const why =
    error.status === 404
      ? 'a proxy in front of Argo CD does not pass the rollback call on, or the application was deleted meanwhile'
      : "the server, or a proxy in front of it, does not take POST on Argo CD's rollback endpoint"
  return new DeployError(
    'DEPLOY_FAILED',
    `${shownServer(where.server)} did not carry out the rollback of '${where.app}' to history ${id} (${error.message}): ${why}; ${byHand}`,
    { cause: error, details: error.message }
  )
}
