import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import {
  ApiException,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  PatchStrategy,
  VersionApi,
  Watch,
  type Cluster,
  type ConfigurationOptions,
  type RequestContext,
  type ResponseContext,
  type V1Secret
} from '@kubernetes/client-node'
import { DeployError, errorMessage } from '../errors.js'
import { isLoopbackHost } from '../runtime/hosts.js'
import { withRetry, type RetryNotice, type RetryOptions } from '../runtime/retry.js'

/**
 * A thin adapter to the Kubernetes API through @kubernetes/client-node: the kubeconfig as
 * `kubectl` reads it (the kubeconfig input, else KUBECONFIG, else ~/.kube/config, as written by
 * `aws eks update-kubeconfig` or azure/k8s-set-context; exec credential plugins included), every
 * call through the retry helper, patches as strategic merge patches, and watches of one object.
 * Errors become KubernetesApiError (status, Retry-After, the Status reason), so the retry helper
 * judges them like any other HTTP answer.
 */

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet'

export interface WorkloadRef {
  readonly kind: WorkloadKind
  readonly name: string
}

export interface ObjectMeta {
  name?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  creationTimestamp?: Date | string
  ownerReferences?: { kind?: string; name?: string; uid?: string }[]
}

export interface Container {
  name: string
  image?: string
  [key: string]: unknown
}

export interface PodTemplate {
  metadata?: ObjectMeta
  spec?: {
    containers?: Container[]
    initContainers?: Container[]
    serviceAccountName?: string
    imagePullSecrets?: { name?: string }[]
    [key: string]: unknown
  }
}

export interface Condition {
  type?: string
  status?: string
  reason?: string
  message?: string
}

/** The fields of a Deployment, StatefulSet or DaemonSet that a rollout is judged by. */
export interface Workload {
  kind?: string
  metadata?: ObjectMeta
  spec?: {
    replicas?: number
    selector?: { matchLabels?: Record<string, string> }
    template?: PodTemplate
    progressDeadlineSeconds?: number
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
    [key: string]: unknown
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    currentReplicas?: number
    currentRevision?: string
    updateRevision?: string
    desiredNumberScheduled?: number
    currentNumberScheduled?: number
    updatedNumberScheduled?: number
    numberReady?: number
    numberAvailable?: number
    conditions?: Condition[]
  }
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string }
  running?: { startedAt?: Date | string }
  terminated?: { exitCode?: number; reason?: string; message?: string }
}

export interface ContainerStatus {
  name: string
  image?: string
  ready?: boolean
  restartCount?: number
  state?: ContainerState
  lastState?: ContainerState
}

export interface Pod {
  metadata?: ObjectMeta
  spec?: { containers?: Container[]; nodeName?: string }
  status?: {
    phase?: string
    conditions?: Condition[]
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

export interface KubeEvent {
  type?: string
  reason?: string
  message?: string
  count?: number
  involvedObject?: { kind?: string; name?: string }
  lastTimestamp?: Date | string
  eventTime?: Date | string
}

export interface Secret {
  metadata?: ObjectMeta
  type?: string
  data?: Record<string, string>
}

export interface ServiceAccount {
  metadata?: ObjectMeta
  imagePullSecrets?: { name?: string }[]
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'

/** A watch under way: `stop` ends it; `ended` settles when it ends, for whatever reason. */
export interface WatchHandle {
  stop(): void
  readonly ended: Promise<Error | undefined>
}

export interface KubernetesClientOptions {
  /** The kubeconfig file; undefined: KUBECONFIG, else ~/.kube/config, else in-cluster. */
  readonly kubeconfig: string | undefined
  /** A context of that kubeconfig; undefined: its current context. */
  readonly context: string | undefined
  readonly signal?: AbortSignal
  readonly onRetry?: (notice: RetryNotice) => void
  /** Tests and the preflight shorten the backoff and the attempt timeout. */
  readonly retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'attemptTimeoutMs'>
}

export interface KubernetesClient {
  /** The cluster as messages show it: "context 'prod' (https://api.example.com)". */
  readonly where: string
  readonly contextName: string
  /** The context's own namespace, when it names one. */
  readonly contextNamespace: string | undefined
  version(): Promise<string>
  readWorkload(ref: WorkloadRef, namespace: string): Promise<Workload>
  /** One attempt, for the looks of the follower, which retries them itself. */
  lookWorkload(ref: WorkloadRef, namespace: string, signal: AbortSignal): Promise<Workload>
  /** A strategic merge patch, retried: sending the same patch twice changes nothing more. */
  patchWorkload(ref: WorkloadRef, namespace: string, patch: object): Promise<Workload>
  /**
   * Watches one workload from `resourceVersion`: every event for it is handed to `onEvent` as it
   * arrives. Ends when `stop` is called, when the server ends the stream, or when it breaks.
   */
  watchWorkload(
    ref: WorkloadRef,
    namespace: string,
    resourceVersion: string | undefined,
    onEvent: (type: WatchEventType, object: Workload) => void
  ): Promise<WatchHandle>
  listReplicaSets(namespace: string, labelSelector: string): Promise<Workload[]>
  listPods(namespace: string, labelSelector: string): Promise<Pod[]>
  podLog(
    namespace: string,
    pod: string,
    container: string,
    options: { previous: boolean; tailLines: number }
  ): Promise<string>
  listEvents(namespace: string, fieldSelector: string): Promise<KubeEvent[]>
  namespaceExists(name: string): Promise<boolean>
  createNamespace(name: string): Promise<void>
  readSecret(namespace: string, name: string): Promise<Secret | undefined>
  /** Release records of Helm (secrets labelled owner=helm), newest revision first. */
  listHelmReleases(namespace: string, release: string): Promise<HelmReleaseRecord[]>
  createSecret(namespace: string, secret: Secret): Promise<void>
  replaceSecret(namespace: string, secret: Secret): Promise<void>
  readServiceAccount(namespace: string, name: string): Promise<ServiceAccount | undefined>
  patchServiceAccount(namespace: string, name: string, patch: object): Promise<void>
  /** SelfSubjectAccessReview: may the kubeconfig's identity do this? */
  canI(attributes: AccessAttributes): Promise<boolean>
}

export interface AccessAttributes {
  readonly verb: string
  readonly resource: string
  readonly group: string
  readonly namespace: string
  readonly subresource?: string
}

export interface HelmReleaseRecord {
  readonly revision: number
  readonly status: string
}

/** A non-2xx answer of the API server, with what the retry helper and messages look at. */
export class KubernetesApiError extends Error {
  readonly status: number
  readonly headers: Record<string, string>
  /** The Status object's reason: NotFound, AlreadyExists, Conflict, Forbidden, ... */
  readonly reason: string | undefined
  constructor(describe: string, status: number, headers: Record<string, string>, body: unknown) {
    const fields =
      body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {}
    const text = typeof fields.message === 'string' && fields.message ? fields.message : undefined
    super(`${describe} answered HTTP ${status}${text ? `: ${text}` : ''}`)
    this.name = 'KubernetesApiError'
    this.status = status
    this.headers = headers
    this.reason = typeof fields.reason === 'string' ? fields.reason : undefined
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof KubernetesApiError && error.status === 404
}

const PLURALS: Readonly<Record<WorkloadKind, string>> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets'
}

export function workloadName(ref: WorkloadRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`
}

/**
 * The kubeconfig, its context chosen, checked before any call: a missing file, context or server
 * is an error that says where the kubeconfig comes from. A server over plain HTTP is spoken to
 * only on loopback (`kubectl proxy`, a local test cluster): client-node refuses plain HTTP unless
 * TLS checks are "skipped", which on loopback skips nothing.
 */
export function loadKubeConfig(
  path: string | undefined,
  context: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): { config: KubeConfig; cluster: Cluster; contextName: string } {
  const config = new KubeConfig()
  const source = path ?? (env.KUBECONFIG ? `KUBECONFIG (${env.KUBECONFIG})` : '~/.kube/config')
  const inCluster = existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token')
  if (!path && !env.KUBECONFIG && !existsSync(join(homedir(), '.kube', 'config')) && !inCluster) {
    throw new DeployError(
      'DEPLOY_FAILED',
      'no kubeconfig: set the kubeconfig input or KUBECONFIG, or write ~/.kube/config first ' +
        '(aws eks update-kubeconfig, azure/k8s-set-context)'
    )
  }
  try {
    if (path) config.loadFromFile(path)
    else config.loadFromDefault()
  } catch (error) {
    // Never the parser's message: it quotes the file, and a kubeconfig may hold a token.
    const line = (error as { mark?: { line?: number } }).mark?.line
    const at = typeof line === 'number' ? ` (YAML error at line ${line + 1})` : ''
    const code = (error as { code?: unknown }).code
    const why = typeof code === 'string' ? ` (${code})` : at
    throw new DeployError('DEPLOY_FAILED', `the kubeconfig ${source} could not be read${why}`)
  }
  if (context !== undefined) {
    if (!config.getContextObject(context)) {
      const names = config.getContexts().map(c => c.name)
      throw new DeployError(
        'DEPLOY_FAILED',
        `the kubeconfig ${source} has no context '${context}'` +
          (names.length ? ` (it has ${names.map(n => `'${n}'`).join(', ')})` : '')
      )
    }
    config.setCurrentContext(context)
  }
  const contextName = config.getCurrentContext()
  const cluster = config.getCurrentCluster()
  if (!contextName || !cluster) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `the kubeconfig ${source} has no current context with a cluster: set context on the target, or current-context in the kubeconfig`
    )
  }
  const server = URL.canParse(cluster.server) ? new URL(cluster.server) : undefined
  if (!server || (server.protocol !== 'https:' && server.protocol !== 'http:')) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `the cluster of kubeconfig context '${contextName}' has no https:// server`
    )
  }
  if (server.protocol === 'http:') {
    if (!isLoopbackHost(server.host)) {
      throw new DeployError(
        'DEPLOY_FAILED',
        `the cluster of kubeconfig context '${contextName}' is ${server.origin}, plain HTTP: ` +
          'its credentials would cross the network in clear; give its https:// address'
      )
    }
    if (!cluster.skipTLSVerify) {
      const open: Cluster = { ...cluster, skipTLSVerify: true }
      config.loadFromOptions({
        clusters: config.getClusters().map(c => (c.name === cluster.name ? open : c)),
        contexts: config.getContexts(),
        users: config.getUsers(),
        currentContext: contextName
      })
      return { config, cluster: open, contextName }
    }
  }
  return { config, cluster, contextName }
}

export function createKubernetesClient(options: KubernetesClientOptions): KubernetesClient {
  const { config, cluster, contextName } = loadKubeConfig(options.kubeconfig, options.context)
  const where = `kubeconfig context '${contextName}' (${new URL(cluster.server).origin})`
  const apps = config.makeApiClient(AppsV1Api)
  const core = config.makeApiClient(CoreV1Api)
  const authz = config.makeApiClient(AuthorizationV1Api)
  const versions = config.makeApiClient(VersionApi)
  const watcher = new Watch(config)

  /** One attempt: the signal reaches the request, and failures become KubernetesApiError. */
  async function attempt<T>(
    describe: string,
    signal: AbortSignal,
    call: (options: ConfigurationOptions) => Promise<T>,
    contentType?: string
  ): Promise<T> {
    const middleware = {
      pre: (context: RequestContext) => {
        context.setSignal(signal)
        if (contentType) context.setHeaderParam('Content-Type', contentType)
        return new Observable(Promise.resolve(context))
      },
      post: (context: ResponseContext) => new Observable(Promise.resolve(context))
    }
    try {
      return await call({
        middleware: [middleware],
        middlewareMergeStrategy: 'append'
      } as unknown as ConfigurationOptions)
    } catch (error) {
      throw asApiError(describe, error)
    }
  }

  function retried<T>(
    describe: string,
    call: (options: ConfigurationOptions) => Promise<T>,
    contentType?: string
  ): Promise<T> {
    return withRetry(signal => attempt(describe, signal, call, contentType), {
      describe,
      signal: options.signal,
      onRetry: options.onRetry,
      ...options.retry
    })
  }

  function readOnce(
    ref: WorkloadRef,
    namespace: string,
    options: ConfigurationOptions
  ): Promise<Workload> {
    const param = { name: ref.name, namespace }
    switch (ref.kind) {
      case 'Deployment':
        return apps.readNamespacedDeployment(param, options) as Promise<Workload>
      case 'StatefulSet':
        return apps.readNamespacedStatefulSet(param, options) as Promise<Workload>
      case 'DaemonSet':
        return apps.readNamespacedDaemonSet(param, options) as Promise<Workload>
    }
  }

  const smp = PatchStrategy.StrategicMergePatch

  const client: KubernetesClient = {
    where,
    contextName,
    contextNamespace: config.getContextObject(contextName)?.namespace,
    version: async () =>
      (await retried('Kubernetes GET /version', o => versions.getCode(o))).gitVersion,
    readWorkload: (ref, namespace) =>
      retried(`Kubernetes GET ${workloadName(ref)}`, o => readOnce(ref, namespace, o)),
    lookWorkload: (ref, namespace, signal) =>
      attempt(`Kubernetes GET ${workloadName(ref)}`, signal, o => readOnce(ref, namespace, o)),
    patchWorkload: (ref, namespace, patch) =>
      retried(
        `Kubernetes PATCH ${workloadName(ref)}`,
        o => {
          const param = { name: ref.name, namespace, body: patch }
          switch (ref.kind) {
            case 'Deployment':
              return apps.patchNamespacedDeployment(param, o) as Promise<Workload>
            case 'StatefulSet':
              return apps.patchNamespacedStatefulSet(param, o) as Promise<Workload>
            case 'DaemonSet':
              return apps.patchNamespacedDaemonSet(param, o) as Promise<Workload>
          }
        },
        smp
      ),
    watchWorkload: async (ref, namespace, resourceVersion, onEvent) => {
      let settle: (error: Error | undefined) => void = () => undefined
      const ended = new Promise<Error | undefined>(resolve => (settle = resolve))
      const path = `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PLURALS[ref.kind]}`
      const query: Record<string, string | boolean> = {
        fieldSelector: `metadata.name=${ref.name}`,
        allowWatchBookmarks: true
      }
      if (resourceVersion) query.resourceVersion = resourceVersion
      const controller = await watcher.watch(
        path,
        query,
        (type: string, object: unknown) => {
          if (type === 'ERROR') {
            // 410 Gone (the resourceVersion is too old) and the like: this watch is over.
            const status = object as { code?: number; message?: string }
            settle(new Error(`watch error ${status.code ?? '?'}: ${status.message ?? ''}`))
            controller?.abort()
            return
          }
          onEvent(type as WatchEventType, object as Workload)
        },
        (error: unknown) =>
          settle(error ? new Error(errorMessage(error)) : new Error('the server ended the watch'))
      )
      return {
        stop: () => {
          settle(undefined)
          controller.abort()
        },
        ended
      }
    },
    listReplicaSets: async (namespace, labelSelector) =>
      (
        await retried('Kubernetes LIST replicasets', o =>
          apps.listNamespacedReplicaSet({ namespace, labelSelector }, o)
        )
      ).items as Workload[],
    listPods: async (namespace, labelSelector) =>
      (
        await retried('Kubernetes LIST pods', o =>
          core.listNamespacedPod({ namespace, labelSelector }, o)
        )
      ).items as Pod[],
    podLog: (namespace, pod, container, { previous, tailLines }) =>
      retried(`Kubernetes GET pods/${pod}/log`, o =>
        core.readNamespacedPodLog({ name: pod, namespace, container, previous, tailLines }, o)
      ),
    listEvents: async (namespace, fieldSelector) =>
      (
        await retried('Kubernetes LIST events', o =>
          core.listNamespacedEvent({ namespace, fieldSelector }, o)
        )
      ).items as KubeEvent[],
    namespaceExists: async name => {
      try {
        await retried(`Kubernetes GET namespace ${name}`, o => core.readNamespace({ name }, o))
        return true
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
    createNamespace: async name => {
      try {
        await retried(`Kubernetes POST namespace ${name}`, o =>
          core.createNamespace({ body: { metadata: { name } } }, o)
        )
      } catch (error) {
        // Created by our own attempt whose answer was lost, or by someone at the same time.
        if (!(error instanceof KubernetesApiError && error.status === 409)) throw error
      }
    },
    readSecret: async (namespace, name) => {
      try {
        return (await retried(`Kubernetes GET secret ${name}`, o =>
          core.readNamespacedSecret({ name, namespace }, o)
        )) as Secret
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    listHelmReleases: async (namespace, release) => {
      const list = await retried(`Kubernetes LIST secrets of Helm release ${release}`, o =>
        core.listNamespacedSecret({ namespace, labelSelector: `owner=helm,name=${release}` }, o)
      )
      return list.items
        .map(item => ({
          revision: Number(item.metadata?.labels?.version ?? 0),
          status: item.metadata?.labels?.status ?? 'unknown'
        }))
        .sort((a, b) => b.revision - a.revision)
    },
    createSecret: async (namespace, secret) => {
      await retried(`Kubernetes POST secret ${secret.metadata?.name ?? ''}`, o =>
        core.createNamespacedSecret({ namespace, body: secret as V1Secret }, o)
      )
    },
    replaceSecret: async (namespace, secret) => {
      const name = secret.metadata?.name ?? ''
      await retried(`Kubernetes PUT secret ${name}`, o =>
        core.replaceNamespacedSecret({ name, namespace, body: secret as V1Secret }, o)
      )
    },
    readServiceAccount: async (namespace, name) => {
      try {
        return (await retried(`Kubernetes GET serviceaccount ${name}`, o =>
          core.readNamespacedServiceAccount({ name, namespace }, o)
        )) as ServiceAccount
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    patchServiceAccount: async (namespace, name, patch) => {
      await retried(
        `Kubernetes PATCH serviceaccount ${name}`,
        o => core.patchNamespacedServiceAccount({ name, namespace, body: patch }, o),
        smp
      )
    },
    canI: async attributes => {
      const review = await retried('Kubernetes POST selfsubjectaccessreviews', o =>
        authz.createSelfSubjectAccessReview(
          {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: { resourceAttributes: { ...attributes } }
            }
          },
          o
        )
      )
      return review.status?.allowed === true
    }
  }
  return client
}

/** client-node's ApiException (its message repeats the whole answer) as a KubernetesApiError. */
function asApiError(describe: string, error: unknown): unknown {
  if (!(error instanceof ApiException)) return error
  const exception = error as ApiException<unknown>
  let body: unknown = exception.body
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      body = {}
    }
  }
  return new KubernetesApiError(describe, exception.code, exception.headers, body)
}

/** Turns the answers a user can act on into DeployErrors that say what to do. */
export function explainKubernetesError(error: unknown, where: string): unknown {
  if (!(error instanceof KubernetesApiError)) return error
  if (error.status === 401) {
    return new DeployError(
      'DEPLOY_FAILED',
      `the cluster of ${where} refused its credentials (HTTP 401): renew them ` +
        '(aws eks update-kubeconfig, azure/k8s-set-context) or check the kubeconfig user',
      { cause: error, details: error.message }
    )
  }
  if (error.status === 403) {
    return new DeployError(
      'DEPLOY_FAILED',
      `${error.message.replace(/^.*? answered HTTP 403: /, '')} (${where}): grant the deploy ` +
        'identity the role in docs/kubernetes.md',
      { cause: error, details: error.message }
    )
  }
  return new DeployError('DEPLOY_FAILED', `${error.message} (${where})`, { cause: error })
}
