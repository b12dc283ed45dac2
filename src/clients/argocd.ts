import { Agent, fetch } from 'undici'
import * as v from 'valibot'
import { DeployError } from '../errors.js'
import { RetryableError, withRetry, type RetryNotice, type RetryOptions } from '../runtime/retry.js'

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
  /** PUT .../rollback to a history id, one attempt for the same reason as requestSync. */
  requestRollback(id: number, prune: boolean, signal: AbortSignal): Promise<Application>
  close(): Promise<void>
}

/** A non-2xx answer. `status` and `headers` are where classifyError looks for them. */
export class ArgoCdApiError extends Error {
  readonly status: number
  readonly headers: Headers
  readonly grpcCode: number | undefined
  constructor(describe: string, status: number, headers: Headers, body: unknown) {
    const fields =
      body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {}
    const text = [fields.message, fields.error].find(v => typeof v === 'string' && v) as
      string | undefined
    super(`${describe} answered HTTP ${status}${text ? `: ${text}` : ''}`)
    this.name = 'ArgoCdApiError'
    this.status = status
    this.headers = headers
    this.grpcCode = typeof fields.code === 'number' ? fields.code : undefined
  }
}

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
      const answer = await call('PUT', `${appPath}/rollback`, body, signal, {})
      return application(answer, `Argo CD PUT ${appPath}/rollback`)
    },
    close: () => agent.close()
  }
  return client
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
    return new DeployError(
      'DEPLOY_FAILED',
      `${app} is not accessible with this token (HTTP 403): grant the account get, update and ` +
        `sync on it in Argo CD RBAC${where.project ? '' : ', or set project so a missing app shows as 404'}.`,
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
