import { createHash, randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { startHttpServer, type SimRequest, type SimResponse, type SimServer } from './http.js'

/**
 * A kube-apiserver on 127.0.0.1 that speaks enough of the real protocol for
 * @kubernetes/client-node and for the real kubectl: discovery (/api, /apis, the resource lists,
 * /version), Deployments, StatefulSets, DaemonSets, ReplicaSets, Pods (and their logs), Events,
 * Secrets, ServiceAccounts and Namespaces (GET, LIST with label and field selectors, POST, PUT,
 * strategic merge and merge PATCH with resourceVersion preconditions), watch streams
 * (`?watch=true`, newline-delimited events from a resourceVersion), Table answers for `kubectl
 * get`, and SelfSubjectAccessReviews.
 *
 * Its controllers play scripted rollouts: a change of a workload's pod template is picked up
 * (observedGeneration), new pods come up one step at a time (updated, ready, available replicas,
 * old pods terminating), or get stuck the way real pods do (ImagePullBackOff with a pull error
 * event, CrashLoopBackOff with an exit code and a log, CreateContainerConfigError, a failing
 * readiness probe, FailedScheduling), and a Deployment stuck long enough gets
 * ProgressDeadlineExceeded. Which script a rollout plays is chosen by the image it rolls out.
 * Watches can be dropped mid-rollout or refused; faults (429, 5xx, resets) come from the base.
 */

export type PodTrouble =
  | 'image-pull-backoff'
  | 'crash-loop'
  | 'create-container-config-error'
  | 'probe-failure'
  | 'unschedulable'

export interface Scenario {
  /** What goes wrong with the new pods; none: the rollout succeeds. */
  readonly trouble?: PodTrouble
  /** Steps after the first stuck pod before the Deployment says ProgressDeadlineExceeded. */
  readonly progressDeadlineAfter?: number
  /** Before this step the simulator drops every open watch (a connection reset). */
  readonly dropWatchesAtStep?: number
  /** Log lines of the crashing container (its previous instance). */
  readonly log?: readonly string[]
}

export interface WorkloadSeed {
  readonly namespace: string
  readonly name: string
  readonly replicas?: number
  readonly containers: readonly { readonly name: string; readonly image: string }[]
  readonly serviceAccountName?: string
  /** StatefulSet and DaemonSet update strategy; RollingUpdate when absent. */
  readonly updateStrategy?: string
}

export interface KubernetesSimOptions {
  /** The bearer token every request must carry. */
  readonly token: string
  readonly tls?: { key: string; cert: string }
  /** How long each step of a scripted rollout takes. */
  readonly stepMs?: number
}

type Obj = Record<string, unknown> & {
  apiVersion: string
  kind: string
  metadata: Meta
  spec?: Record<string, unknown>
  status?: Record<string, unknown>
}

interface Meta {
  name: string
  namespace?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: {
    apiVersion: string
    kind: string
    name: string
    uid: string
    controller?: boolean
  }[]
  [key: string]: unknown
}

interface ResourceType {
  readonly group: '' | 'apps'
  readonly plural: string
  readonly kind: string
  readonly namespaced: boolean
  readonly shortNames: readonly string[]
  readonly verbs: readonly string[]
}

const ALL_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']
const TYPES: readonly ResourceType[] = [
  {
    group: '',
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ALL_VERBS
  },
  {
    group: '',
    plural: 'pods',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: ALL_VERBS
  },
  {
    group: '',
    plural: 'events',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: ALL_VERBS
  },
  {
    group: '',
    plural: 'secrets',
    kind: 'Secret',
    namespaced: true,
    shortNames: [],
    verbs: ALL_VERBS
  },
  {
    group: '',
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
    verbs: ALL_VERBS
  },
  {
    group: 'apps',
    plural: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: ALL_VERBS
  },
  {
    group: 'apps',
    plural: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    verbs: ALL_VERBS
  },
  {
    group: 'apps',
    plural: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    verbs: ALL_VERBS
  },
  {
    group: 'apps',
    plural: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    verbs: ALL_VERBS
  }
]

interface WatchEvent {
  readonly rv: number
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly plural: string
  readonly object: Obj
}

interface Watcher {
  readonly plural: string
  readonly namespace: string | undefined
  readonly name: string | undefined
  readonly res: ServerResponse
}

export interface KubernetesSimulator {
  readonly url: string
  readonly server: SimServer
  /** Writes a kubeconfig for this simulator and returns its path. */
  kubeconfig(
    dir: string,
    options?: { context?: string; namespace?: string; token?: string }
  ): string
  addNamespace(name: string): void
  addDeployment(seed: WorkloadSeed): void
  addStatefulSet(seed: WorkloadSeed): void
  addDaemonSet(seed: WorkloadSeed): void
  addSecret(namespace: string, secret: Record<string, unknown>): void
  /** The script a rollout to a pod template running `image` plays. */
  scenario(image: string, scenario: Scenario): void
  /** New watches are answered 503 (a proxy that does not pass them), or served again. */
  refuseWatches(refuse: boolean): void
  /** New watches are answered and then say nothing, ever (a connection a NAT forgot). */
  silenceWatches(silent: boolean): void
  /** Resets every open watch connection. */
  dropWatches(): void
  /** SelfSubjectAccessReview answers no for this verb on this resource. */
  deny(verb: string, resource: string): void
  get(plural: string, namespace: string | undefined, name: string): Obj | undefined
  list(plural: string, namespace?: string): Obj[]
  /** GETs of one object (not lists, not watches), e.g. the looks of a poller, with when they came. */
  reads(plural: string, namespace: string, name: string): { at: number }[]
  /** Watch requests served so far. */
  readonly watchRequests: SimRequest[]
  /** When (performance.now) a workload's latest rollout reached its end, if it has. */
  rolloutEndedAt(plural: string, namespace: string, name: string): number | undefined
  /** PATCH bodies received, in order, with their content type. */
  readonly patches: { path: string; contentType: string; body: unknown }[]
  close(): Promise<void>
}

export async function startKubernetesSimulator(
  options: KubernetesSimOptions
): Promise<KubernetesSimulator> {
  const stepMs = options.stepMs ?? 15
  const objects = new Map<string, Obj>()
  const log: WatchEvent[] = []
  const watchers = new Set<Watcher>()
  const scenarios = new Map<string, Scenario>()
  const denied = new Set<string>()
  const endedAt = new Map<string, number>()
  const timers = new Set<NodeJS.Timeout>()
  const patches: KubernetesSimulator['patches'] = []
  const watchRequests: SimRequest[] = []
  const objectReads: { key: string; at: number }[] = []
  let refuse = false
  let silent = false
  let revision = 100
  let closed = false

  const key = (plural: string, namespace: string | undefined, name: string): string =>
    `${plural}|${namespace ?? ''}|${name}`
  const typeOf = (plural: string): ResourceType | undefined => TYPES.find(t => t.plural === plural)
  const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

  function store(plural: string, object: Obj, type: 'ADDED' | 'MODIFIED' | 'DELETED'): Obj {
    revision++
    object.metadata.resourceVersion = String(revision)
    const k = key(plural, object.metadata.namespace, object.metadata.name)
    if (type === 'DELETED') objects.delete(k)
    else objects.set(k, object)
    const event: WatchEvent = { rv: revision, type, plural, object: structuredClone(object) }
    log.push(event)
    for (const watcher of watchers) {
      if (matches(watcher, event)) writeEvent(watcher.res, event)
    }
    return object
  }

  function create(
    plural: string,
    object: Record<string, unknown> & { metadata: Partial<Meta> & { name: string } }
  ): Obj {
    const type = typeOf(plural) as ResourceType
    const full = {
      ...object,
      apiVersion: type.group ? `${type.group}/v1` : 'v1',
      kind: type.kind,
      metadata: {
        uid: randomUUID(),
        creationTimestamp: now(),
        ...object.metadata,
        resourceVersion: '0'
      }
    } as Obj
    return store(plural, full, 'ADDED')
  }

  const matches = (watcher: Watcher, event: WatchEvent): boolean =>
    watcher.plural === event.plural &&
    (watcher.namespace === undefined || watcher.namespace === event.object.metadata.namespace) &&
    (watcher.name === undefined || watcher.name === event.object.metadata.name)

  function writeEvent(res: ServerResponse, event: WatchEvent): void {
    res.write(`${JSON.stringify({ type: event.type, object: event.object })}\n`)
  }

  function later(fn: () => void, ms = stepMs): void {
    if (closed) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!closed) fn()
    }, ms)
    timer.unref()
    timers.add(timer)
  }

  // ---- the controllers ----------------------------------------------------------------------

  const templateHash = (template: unknown): string =>
    createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 10)

  function firstImage(workload: Obj): string {
    const template = (
      workload.spec as { template?: { spec?: { containers?: { image?: string }[] } } }
    ).template
    return template?.spec?.containers?.[0]?.image ?? ''
  }

  function makePod(
    namespace: string,
    name: string,
    owner: Obj,
    template: {
      metadata?: { labels?: Record<string, string> }
      spec?: { containers?: { name: string; image: string }[] }
    },
    labels: Record<string, string>,
    trouble: PodTrouble | undefined,
    scenario: Scenario | undefined
  ): Obj {
    const containers = template.spec?.containers ?? []
    const ready = trouble === undefined
    const containerStatuses = containers.map(c => containerStatus(c, trouble))
    const conditions = [
      {
        type: 'PodScheduled',
        status: trouble === 'unschedulable' ? 'False' : 'True',
        ...(trouble === 'unschedulable'
          ? { reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }
          : {})
      },
      { type: 'Ready', status: ready ? 'True' : 'False' }
    ]
    const pod = create('pods', {
      metadata: {
        name,
        namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...labels },
        ownerReferences: [
          {
            apiVersion: owner.apiVersion,
            kind: owner.kind,
            name: owner.metadata.name,
            uid: owner.metadata.uid,
            controller: true
          }
        ]
      },
      spec: { containers },
      status: {
        phase:
          trouble === undefined || trouble === 'probe-failure' || trouble === 'crash-loop'
            ? 'Running'
            : 'Pending',
        conditions,
        ...(trouble === 'unschedulable' ? {} : { containerStatuses })
      }
    })
    if (trouble) podEvents(pod, trouble, containers[0]?.image ?? '')
    if (scenario?.log)
      logs.set(`${namespace}/${name}/${containers[0]?.name ?? ''}`, [...scenario.log])
    return pod
  }

  function containerStatus(
    c: { name: string; image: string },
    trouble: PodTrouble | undefined
  ): Record<string, unknown> {
    const base = {
      name: c.name,
      image: c.image,
      imageID: '',
      restartCount: 0,
      started: false,
      ready: false
    }
    switch (trouble) {
      case undefined:
        return { ...base, ready: true, started: true, state: { running: { startedAt: now() } } }
      case 'image-pull-backoff':
        return {
          ...base,
          state: {
            waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` }
          }
        }
      case 'crash-loop':
        return {
          ...base,
          restartCount: 4,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 1m20s restarting failed container=${c.name}`
            }
          },
          lastState: {
            terminated: { exitCode: 1, reason: 'Error', startedAt: now(), finishedAt: now() }
          }
        }
      case 'create-container-config-error':
        return {
          ...base,
          state: {
            waiting: {
              reason: 'CreateContainerConfigError',
              message: 'secret "db-credentials" not found'
            }
          }
        }
      case 'probe-failure':
        return { ...base, started: true, state: { running: { startedAt: now() } } }
      case 'unschedulable':
        return base
    }
  }

  function podEvents(pod: Obj, trouble: PodTrouble, image: string): void {
    const event = (type: string, reason: string, message: string): void => {
      create('events', {
        metadata: {
          name: `${pod.metadata.name}.${randomUUID().slice(0, 8)}`,
          namespace: pod.metadata.namespace
        },
        type,
        reason,
        message,
        count: 3,
        involvedObject: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace },
        lastTimestamp: now(),
        source: { component: 'kubelet' }
      } as unknown as Obj)
    }
    event(
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to node-1`
    )
    switch (trouble) {
      case 'image-pull-backoff':
        event('Normal', 'Pulling', `Pulling image "${image}"`)
        event(
          'Warning',
          'Failed',
          `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to resolve reference "${image}": not found`
        )
        event('Warning', 'Failed', 'Error: ImagePullBackOff')
        break
      case 'crash-loop':
        event('Warning', 'BackOff', 'Back-off restarting failed container')
        break
      case 'create-container-config-error':
        event('Warning', 'Failed', 'Error: secret "db-credentials" not found')
        break
      case 'probe-failure':
        event(
          'Warning',
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 503'
        )
        break
      case 'unschedulable':
        objects.delete(key('events', pod.metadata.namespace, '')) // nothing was scheduled
        create('events', {
          metadata: { name: `${pod.metadata.name}.sched`, namespace: pod.metadata.namespace },
          type: 'Warning',
          reason: 'FailedScheduling',
          message:
            '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
          count: 5,
          involvedObject: {
            kind: 'Pod',
            name: pod.metadata.name,
            namespace: pod.metadata.namespace
          },
          lastTimestamp: now(),
          source: { component: 'default-scheduler' }
        } as unknown as Obj)
        break
    }
  }

  const logs = new Map<string, string[]>()

  function update(plural: string, object: Obj, change: (o: Obj) => void): Obj {
    const current = objects.get(key(plural, object.metadata.namespace, object.metadata.name))
    if (!current) return object
    change(current)
    return store(plural, current, 'MODIFIED')
  }

  function replicaSetsOf(deployment: Obj): Obj[] {
    return [...objects.values()].filter(
      o =>
        o.kind === 'ReplicaSet' && o.metadata.ownerReferences?.[0]?.uid === deployment.metadata.uid
    )
  }

  /** A Deployment's template changed: a new (or an old) ReplicaSet takes over, step by step. */
  function rollDeployment(deployment: Obj): void {
    const spec = deployment.spec as {
      replicas?: number
      template: Record<string, unknown>
      selector: { matchLabels: Record<string, string> }
    }
    const replicas = spec.replicas ?? 1
    const hash = templateHash(spec.template)
    const namespace = deployment.metadata.namespace as string
    const rsName = `${deployment.metadata.name}-${hash}`
    const number = String(
      Math.max(
        0,
        ...replicaSetsOf(deployment).map(rs =>
          Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)
        )
      ) + 1
    )
    let rs = objects.get(key('replicasets', namespace, rsName))
    if (rs) {
      rs = update(
        'replicasets',
        rs,
        o =>
          (o.metadata.annotations = {
            ...o.metadata.annotations,
            'deployment.kubernetes.io/revision': number
          })
      )
    } else {
      rs = create('replicasets', {
        metadata: {
          name: rsName,
          namespace,
          labels: { ...spec.selector.matchLabels, 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/revision': number },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: deployment.metadata.name,
              uid: deployment.metadata.uid,
              controller: true
            }
          ]
        },
        spec: {
          replicas: 0,
          selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } },
          template: spec.template
        },
        status: { replicas: 0 }
      })
    }
    const generation = deployment.metadata.generation ?? 1
    const scenario = scenarios.get(firstImage(deployment))
    const trouble = scenario?.trouble
    const steps: Array<() => void> = []
    const setStatus = (status: Record<string, unknown>): void => {
      const current = objects.get(key('deployments', namespace, deployment.metadata.name))
      // A newer change took over: this script is over.
      if (!current || current.metadata.generation !== generation) return
      update('deployments', current, o => {
        o.status = { ...(o.status ?? {}), ...status }
        o.metadata.annotations = {
          ...o.metadata.annotations,
          'deployment.kubernetes.io/revision': number
        }
      })
    }
    const progressing = (reason: string, message: string, status = 'True') => ({
      type: 'Progressing',
      status,
      reason,
      message,
      lastUpdateTime: now(),
      lastTransitionTime: now()
    })
    const available = {
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.'
    }
    steps.push(() =>
      setStatus({
        observedGeneration: generation,
        replicas,
        updatedReplicas: 0,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          available,
          progressing('ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`)
        ]
      })
    )
    if (trouble) {
      steps.push(() => {
        makePod(
          namespace,
          `${rsName}-0`,
          rs,
          spec.template as never,
          { 'pod-template-hash': hash },
          trouble,
          scenario
        )
        setStatus({
          replicas: replicas + 1,
          updatedReplicas: 1,
          readyReplicas: replicas,
          availableReplicas: replicas,
          unavailableReplicas: 1
        })
      })
      const deadline = scenario?.progressDeadlineAfter
      if (deadline !== undefined) {
        for (let i = 0; i < deadline; i++) steps.push(() => undefined)
        steps.push(() =>
          setStatus({
            conditions: [
              available,
              progressing(
                'ProgressDeadlineExceeded',
                `ReplicaSet "${rsName}" has timed out progressing.`,
                'False'
              )
            ]
          })
        )
      }
    } else {
      for (let i = 1; i <= replicas; i++) {
        steps.push(() => {
          makePod(
            namespace,
            `${rsName}-${i - 1}`,
            rs,
            spec.template as never,
            { 'pod-template-hash': hash },
            undefined,
            scenario
          )
          setStatus({
            replicas: replicas + 1,
            updatedReplicas: i,
            readyReplicas: replicas,
            availableReplicas: replicas
          })
        })
      }
      steps.push(() => {
        setStatus({
          replicas,
          updatedReplicas: replicas,
          readyReplicas: replicas,
          availableReplicas: replicas,
          conditions: [
            available,
            progressing(
              'NewReplicaSetAvailable',
              `ReplicaSet "${rsName}" has successfully progressed.`
            )
          ]
        })
        endedAt.set(key('deployments', namespace, deployment.metadata.name), performance.now())
      })
    }
    play(steps, scenario)
  }

  function play(steps: Array<() => void>, scenario: Scenario | undefined): void {
    let index = 0
    const next = (): void => {
      const step = steps[index]
      if (!step) return
      if (scenario?.dropWatchesAtStep === index) dropAll()
      index++
      step()
      later(next)
    }
    later(next)
  }

  function rollStatefulSet(set: Obj): void {
    const spec = set.spec as { replicas?: number; template: Record<string, unknown> }
    const replicas = spec.replicas ?? 1
    const namespace = set.metadata.namespace as string
    const updateRevision = `${set.metadata.name}-${templateHash(spec.template)}`
    const generation = set.metadata.generation ?? 1
    const scenario = scenarios.get(firstImage(set))
    const setStatus = (status: Record<string, unknown>): void => {
      const current = objects.get(key('statefulsets', namespace, set.metadata.name))
      if (!current || current.metadata.generation !== generation) return
      update('statefulsets', current, o => (o.status = { ...(o.status ?? {}), ...status }))
    }
    const steps: Array<() => void> = [
      () => setStatus({ observedGeneration: generation, updateRevision, updatedReplicas: 0 })
    ]
    if (scenario?.trouble) {
      steps.push(() => {
        makePod(
          namespace,
          `${set.metadata.name}-${replicas - 1}`,
          set,
          spec.template as never,
          { 'controller-revision-hash': updateRevision },
          scenario.trouble,
          scenario
        )
        setStatus({
          updatedReplicas: 1,
          readyReplicas: replicas - 1,
          availableReplicas: replicas - 1
        })
      })
    } else {
      for (let i = 1; i <= replicas; i++) {
        steps.push(() => {
          makePod(
            namespace,
            `${set.metadata.name}-${replicas - i}`,
            set,
            spec.template as never,
            { 'controller-revision-hash': updateRevision },
            undefined,
            scenario
          )
          setStatus({ updatedReplicas: i, readyReplicas: replicas, availableReplicas: replicas })
        })
      }
      steps.push(() => {
        setStatus({ currentRevision: updateRevision, currentReplicas: replicas })
        endedAt.set(key('statefulsets', namespace, set.metadata.name), performance.now())
      })
    }
    play(steps, scenario)
  }

  function rollDaemonSet(set: Obj): void {
    const namespace = set.metadata.namespace as string
    const nodes = 3
    const generation = set.metadata.generation ?? 1
    const scenario = scenarios.get(firstImage(set))
    const setStatus = (status: Record<string, unknown>): void => {
      const current = objects.get(key('daemonsets', namespace, set.metadata.name))
      if (!current || current.metadata.generation !== generation) return
      update('daemonsets', current, o => (o.status = { ...(o.status ?? {}), ...status }))
    }
    const steps: Array<() => void> = [
      () =>
        setStatus({
          observedGeneration: generation,
          updatedNumberScheduled: 0,
          desiredNumberScheduled: nodes
        })
    ]
    if (!scenario?.trouble) {
      for (let i = 1; i <= nodes; i++) {
        steps.push(() =>
          setStatus({
            updatedNumberScheduled: i,
            numberAvailable: i === nodes ? nodes : nodes - 1,
            numberReady: nodes
          })
        )
      }
      steps.push(() =>
        endedAt.set(key('daemonsets', namespace, set.metadata.name), performance.now())
      )
    }
    play(steps, scenario)
  }

  // ---- seeds --------------------------------------------------------------------------------

  function addNamespace(name: string): void {
    if (objects.has(key('namespaces', undefined, name))) return
    create('namespaces', { metadata: { name }, status: { phase: 'Active' } })
    create('serviceaccounts', { metadata: { name: 'default', namespace: name } })
  }

  function workloadObject(plural: string, seed: WorkloadSeed, extra: Record<string, unknown>): Obj {
    addNamespace(seed.namespace)
    const labels = { app: seed.name }
    return create(plural, {
      metadata: { name: seed.name, namespace: seed.namespace, generation: 1, labels },
      spec: {
        ...(plural === 'daemonsets' ? {} : { replicas: seed.replicas ?? 3 }),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: seed.containers.map(c => ({ name: c.name, image: c.image })),
            ...(seed.serviceAccountName ? { serviceAccountName: seed.serviceAccountName } : {})
          }
        },
        ...(plural === 'deployments'
          ? { progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate' } }
          : {}),
        ...(plural !== 'deployments'
          ? { updateStrategy: { type: seed.updateStrategy ?? 'RollingUpdate' } }
          : {})
      },
      status: { observedGeneration: 1, ...extra }
    })
  }

  // ---- the API ------------------------------------------------------------------------------

  const server = await startHttpServer(handle, options.tls ? { tls: options.tls } : {})

  function handle(request: SimRequest): SimResponse | Promise<SimResponse> {
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return status(401, 'Unauthorized', 'Unauthorized')
    }
    const path = request.path.replace(/\/+$/, '')
    if (path === '/version') {
      return json({ major: '1', minor: '31', gitVersion: 'v1.31.4-sim', platform: 'linux/amd64' })
    }
    if (path === '/api')
      return json({
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          { clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${server.port}` }
        ]
      })
    if (path === '/apis') return json(groupList())
    if (path === '/api/v1') return json(resourceList(''))
    if (path === '/apis/apps/v1') return json(resourceList('apps'))
    if (path === '/apis/apps') return json(groupList().groups[0])
    if (path === '/apis/authorization.k8s.io/v1') {
      return json({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'authorization.k8s.io/v1',
        resources: [
          {
            name: 'selfsubjectaccessreviews',
            singularName: 'selfsubjectaccessreview',
            namespaced: false,
            kind: 'SelfSubjectAccessReview',
            verbs: ['create']
          }
        ]
      })
    }
    if (
      path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' &&
      request.method === 'POST'
    ) {
      const review = request.json<{
        spec?: { resourceAttributes?: { verb?: string; resource?: string } }
      }>()
      const attributes = review.spec?.resourceAttributes ?? {}
      const allowed = !denied.has(`${attributes.verb ?? ''} ${attributes.resource ?? ''}`)
      return json(
        {
          ...review,
          status: { allowed, ...(allowed ? {} : { reason: 'no RBAC policy matched' }) }
        },
        201
      )
    }
    const prefix = ['/api/v1', '/apis/apps/v1'].find(p => path.startsWith(`${p}/`))
    if (!prefix)
      return status(404, 'NotFound', `the server could not find the requested resource (${path})`)
    const segments = path.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent)
    const namespaces = typeOf('namespaces') as ResourceType
    if (segments[0] === 'namespaces' && segments.length <= 2) {
      return segments[1] === undefined
        ? collection(request, namespaces, undefined)
        : single(request, namespaces, undefined, segments[1])
    }
    const [namespace, plural, name, subresource] =
      segments[0] === 'namespaces'
        ? [segments[1], segments[2], segments[3], segments[4]]
        : [undefined, segments[0], segments[1], segments[2]]
    const type = plural === undefined ? undefined : typeOf(plural)
    const group = prefix === '/api/v1' ? '' : 'apps'
    if (!type || type.group !== group) {
      return status(404, 'NotFound', `the server could not find the requested resource (${path})`)
    }
    if (name === undefined) return collection(request, type, namespace)
    if (subresource === 'log' && type.plural === 'pods' && namespace)
      return podLog(request, namespace, name)
    if (subresource !== undefined && subresource !== 'status') {
      return status(404, 'NotFound', `the server could not find the requested resource (${path})`)
    }
    return single(request, type, namespace, name)
  }

  function groupList() {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        {
          name: 'apps',
          versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
          preferredVersion: { groupVersion: 'apps/v1', version: 'v1' }
        },
        {
          name: 'authorization.k8s.io',
          versions: [{ groupVersion: 'authorization.k8s.io/v1', version: 'v1' }],
          preferredVersion: { groupVersion: 'authorization.k8s.io/v1', version: 'v1' }
        }
      ]
    }
  }

  function resourceList(group: '' | 'apps') {
    const resources = TYPES.filter(t => t.group === group).flatMap(t => [
      {
        name: t.plural,
        singularName: t.kind.toLowerCase(),
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: [...t.verbs],
        ...(t.shortNames.length ? { shortNames: [...t.shortNames] } : {})
      },
      ...(t.plural === 'pods'
        ? [{ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }]
        : []),
      ...(t.group === 'apps'
        ? [
            {
              name: `${t.plural}/status`,
              singularName: '',
              namespaced: true,
              kind: t.kind,
              verbs: ['get', 'patch', 'update']
            }
          ]
        : [])
    ])
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/v1` : 'v1',
      resources
    }
  }

  function collection(
    request: SimRequest,
    type: ResourceType,
    namespace: string | undefined
  ): SimResponse {
    const params = request.url.searchParams
    if (request.method === 'POST') return createFrom(request, type, namespace)
    if (request.method !== 'GET')
      return status(405, 'MethodNotAllowed', `${request.method} is not allowed on a collection`)
    const fieldName = /(?:^|,)metadata\.name=([^,]+)/.exec(params.get('fieldSelector') ?? '')?.[1]
    if (params.get('watch') === 'true' || params.get('watch') === '1') {
      watchRequests.push(request)
      if (refuse)
        return status(503, 'ServiceUnavailable', 'watch is not available through this proxy')
      return { stream: res => startWatch(res, type.plural, namespace, fieldName, params) }
    }
    const items = [...objects.values()].filter(
      o =>
        o.kind === type.kind &&
        (namespace === undefined || o.metadata.namespace === namespace) &&
        labelsMatch(o, params.get('labelSelector')) &&
        fieldsMatch(o, params.get('fieldSelector'))
    )
    if (String(request.headers.accept ?? '').includes('as=Table')) return json(table(type, items))
    return json({
      kind: `${type.kind}List`,
      apiVersion: type.group ? `${type.group}/v1` : 'v1',
      metadata: { resourceVersion: String(revision) },
      items
    })
  }

  function startWatch(
    res: ServerResponse,
    plural: string,
    namespace: string | undefined,
    name: string | undefined,
    params: URLSearchParams
  ): void {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
    // As the API server does: the answer starts at once, events follow as they happen.
    res.flushHeaders()
    if (silent) return
    const watcher: Watcher = { plural, namespace, name, res }
    const from = params.get('resourceVersion')
    if (from && from !== '0') {
      for (const event of log)
        if (event.rv > Number(from) && matches(watcher, event)) writeEvent(res, event)
    } else {
      for (const object of objects.values()) {
        const event: WatchEvent = { rv: revision, type: 'ADDED', plural, object }
        if (object.kind === typeOf(plural)?.kind && matches(watcher, event)) writeEvent(res, event)
      }
    }
    watchers.add(watcher)
    const timeout = Number(params.get('timeoutSeconds') ?? 0)
    if (timeout > 0) later(() => res.end(), timeout * 1000)
    res.on('close', () => watchers.delete(watcher))
  }

  function dropAll(): void {
    for (const watcher of watchers) watcher.res.socket?.destroy()
    watchers.clear()
  }

  function single(
    request: SimRequest,
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): SimResponse {
    const k = key(type.plural, namespace, name)
    const current = objects.get(k)
    if (request.method === 'GET') {
      objectReads.push({ key: k, at: performance.now() })
      if (!current) return notFound(type, name)
      if (String(request.headers.accept ?? '').includes('as=Table'))
        return json(table(type, [current]))
      return json(current)
    }
    if (request.method === 'PUT') {
      if (!current) return notFound(type, name)
      const body = request.json<Obj>()
      if (
        body.metadata?.resourceVersion &&
        body.metadata.resourceVersion !== current.metadata.resourceVersion
      ) {
        return conflict(type, name)
      }
      const next = {
        ...body,
        apiVersion: current.apiVersion,
        kind: current.kind,
        metadata: {
          ...body.metadata,
          uid: current.metadata.uid,
          creationTimestamp: current.metadata.creationTimestamp,
          namespace,
          name
        }
      } as Obj
      return json(store(type.plural, next, 'MODIFIED'))
    }
    if (request.method === 'PATCH') {
      if (!current) return notFound(type, name)
      const contentType = String(request.headers['content-type'] ?? '').split(';')[0] ?? ''
      const body = request.json<Record<string, unknown>>()
      patches.push({ path: request.path, contentType, body })
      if (
        contentType !== 'application/strategic-merge-patch+json' &&
        contentType !== 'application/merge-patch+json'
      ) {
        return status(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/strategic-merge-patch+json, application/merge-patch+json (got ${contentType})`
        )
      }
      const precondition = (body.metadata as { resourceVersion?: string } | undefined)
        ?.resourceVersion
      if (precondition && precondition !== current.metadata.resourceVersion)
        return conflict(type, name)
      const strategic = contentType === 'application/strategic-merge-patch+json'
      const next = mergePatch(structuredClone(current), body, strategic ? [] : undefined) as Obj
      next.metadata.name = name
      next.metadata.uid = current.metadata.uid
      const specChanged = JSON.stringify(next.spec) !== JSON.stringify(current.spec)
      const templateChanged =
        JSON.stringify((next.spec as { template?: unknown } | undefined)?.template) !==
        JSON.stringify((current.spec as { template?: unknown } | undefined)?.template)
      if (specChanged && next.metadata.generation !== undefined) next.metadata.generation += 1
      const stored = store(type.plural, next, 'MODIFIED')
      if (templateChanged && type.plural === 'deployments') rollDeployment(stored)
      if (templateChanged && type.plural === 'statefulsets') rollStatefulSet(stored)
      if (templateChanged && type.plural === 'daemonsets') rollDaemonSet(stored)
      return json(stored)
    }
    return status(405, 'MethodNotAllowed', `${request.method} is not supported here`)
  }

  function createFrom(
    request: SimRequest,
    type: ResourceType,
    namespace: string | undefined
  ): SimResponse {
    const body = request.json<Obj>()
    const name = body.metadata?.name
    if (!name) return status(422, 'Invalid', 'metadata.name: Required value')
    if (namespace !== undefined && !objects.has(key('namespaces', undefined, namespace))) {
      return status(404, 'NotFound', `namespaces "${namespace}" not found`)
    }
    if (objects.has(key(type.plural, namespace, name))) {
      return status(409, 'AlreadyExists', `${type.plural} "${name}" already exists`)
    }
    const { resourceVersion: _ignored, ...metadata } = body.metadata
    void _ignored
    const created = create(type.plural, {
      ...body,
      metadata: { ...metadata, name, ...(namespace ? { namespace } : {}) }
    })
    if (type.plural === 'namespaces')
      create('serviceaccounts', { metadata: { name: 'default', namespace: name } })
    return json(created, 201)
  }

  function podLog(request: SimRequest, namespace: string, name: string): SimResponse {
    const pod = objects.get(key('pods', namespace, name))
    if (!pod) return notFound(typeOf('pods') as ResourceType, name)
    const params = request.url.searchParams
    const container =
      params.get('container') ??
      (pod.spec as { containers?: { name: string }[] }).containers?.[0]?.name ??
      ''
    let lines = logs.get(`${namespace}/${name}/${container}`) ?? []
    const tail = params.get('tailLines')
    if (tail) lines = lines.slice(-Number(tail))
    return {
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: lines.map(l => `${l}\n`).join('')
    }
  }

  function table(type: ResourceType, items: Obj[]) {
    const age = (o: Obj): string =>
      `${Math.max(0, Math.round((Date.now() - Date.parse(o.metadata.creationTimestamp)) / 1000))}s`
    const isDeployment = type.kind === 'Deployment'
    const columns = isDeployment
      ? [
          { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
          { name: 'Ready', type: 'string', format: '', description: 'Ready', priority: 0 },
          {
            name: 'Up-to-date',
            type: 'integer',
            format: '',
            description: 'Up-to-date',
            priority: 0
          },
          { name: 'Available', type: 'integer', format: '', description: 'Available', priority: 0 },
          { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 }
        ]
      : [
          { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
          { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 }
        ]
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: String(revision) },
      columnDefinitions: columns,
      rows: items.map(o => {
        const s = (o.status ?? {}) as Record<string, number>
        const replicas = (o.spec as { replicas?: number } | undefined)?.replicas ?? 0
        const cells = isDeployment
          ? [
              o.metadata.name,
              `${s.readyReplicas ?? 0}/${replicas}`,
              s.updatedReplicas ?? 0,
              s.availableReplicas ?? 0,
              age(o)
            ]
          : [o.metadata.name, age(o)]
        return {
          cells,
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: o.metadata
          }
        }
      })
    }
  }

  const simulator: KubernetesSimulator = {
    url: server.url,
    server,
    kubeconfig(dir, config = {}) {
      const context = config.context ?? 'sim'
      const file = join(dir, `kubeconfig-${context}-${randomUUID().slice(0, 6)}.yaml`)
      const cluster = options.tls
        ? `    server: ${server.url}\n    certificate-authority-data: ${Buffer.from(options.tls.cert).toString('base64')}\n`
        : `    server: ${server.url}\n`
      writeFileSync(
        file,
        [
          'apiVersion: v1',
          'kind: Config',
          'clusters:',
          `- name: ${context}-cluster`,
          '  cluster:',
          cluster.trimEnd(),
          'contexts:',
          `- name: ${context}`,
          '  context:',
          `    cluster: ${context}-cluster`,
          `    user: ${context}-user`,
          ...(config.namespace ? [`    namespace: ${config.namespace}`] : []),
          `current-context: ${context}`,
          'users:',
          `- name: ${context}-user`,
          '  user:',
          `    token: ${config.token ?? options.token}`,
          ''
        ].join('\n'),
        { mode: 0o600 }
      )
      return file
    },
    addNamespace,
    addDeployment(seed) {
      const replicas = seed.replicas ?? 3
      const deployment = workloadObject('deployments', seed, {
        replicas,
        updatedReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }
        ]
      })
      const spec = deployment.spec as {
        template: Record<string, unknown>
        selector: { matchLabels: Record<string, string> }
      }
      const hash = templateHash(spec.template)
      update(
        'deployments',
        deployment,
        o => (o.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' })
      )
      const rs = create('replicasets', {
        metadata: {
          name: `${seed.name}-${hash}`,
          namespace: seed.namespace,
          labels: { ...spec.selector.matchLabels, 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/revision': '1' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: seed.name,
              uid: deployment.metadata.uid,
              controller: true
            }
          ]
        },
        spec: {
          replicas,
          selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } },
          template: spec.template
        },
        status: { replicas, readyReplicas: replicas, availableReplicas: replicas }
      })
      for (let i = 0; i < replicas; i++) {
        makePod(
          seed.namespace,
          `${rs.metadata.name}-old${i}`,
          rs,
          spec.template as never,
          { 'pod-template-hash': hash },
          undefined,
          undefined
        )
      }
    },
    addStatefulSet(seed) {
      const replicas = seed.replicas ?? 3
      const set = workloadObject('statefulsets', seed, {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        updatedReplicas: replicas,
        currentReplicas: replicas
      })
      const revisionName = `${seed.name}-${templateHash((set.spec as { template: unknown }).template)}`
      update(
        'statefulsets',
        set,
        o =>
          (o.status = {
            ...(o.status ?? {}),
            currentRevision: revisionName,
            updateRevision: revisionName
          })
      )
    },
    addDaemonSet(seed) {
      workloadObject('daemonsets', seed, {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        updatedNumberScheduled: 3,
        numberReady: 3,
        numberAvailable: 3
      })
    },
    addSecret(namespace, secret) {
      addNamespace(namespace)
      const metadata = (secret.metadata ?? {}) as Meta
      create('secrets', { ...secret, metadata: { ...metadata, namespace } })
    },
    scenario(image, scenario) {
      scenarios.set(image, scenario)
    },
    refuseWatches(value) {
      refuse = value
    },
    silenceWatches(value) {
      silent = value
    },
    dropWatches: dropAll,
    deny(verb, resource) {
      denied.add(`${verb} ${resource}`)
    },
    get: (plural, namespace, name) => objects.get(key(plural, namespace, name)),
    list: (plural, namespace) =>
      [...objects.values()].filter(
        o =>
          o.kind === typeOf(plural)?.kind &&
          (namespace === undefined || o.metadata.namespace === namespace)
      ),
    reads(plural, namespace, name) {
      return objectReads.filter(r => r.key === key(plural, namespace, name))
    },
    watchRequests,
    rolloutEndedAt: (plural, namespace, name) => endedAt.get(key(plural, namespace, name)),
    patches,
    async close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      dropAll()
      await server.close()
    }
  }
  return simulator
}

/**
 * A JSON merge patch (RFC 7386), or with `strategic` a strategic merge patch of the lists the
 * targets patch: containers, init containers, env and imagePullSecrets of a pod spec merge by
 * name, volume mounts by mount path, ports by container port. Every other list (a service
 * account's imagePullSecrets among them: an atomic list) is replaced whole; null deletes.
 */
export function mergePatch(target: unknown, patch: unknown, path?: string[]): unknown {
  if (!isObject(patch)) return patch
  const base: Record<string, unknown> = isObject(target) ? { ...target } : {}
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) {
      delete base[field]
      continue
    }
    const here = path ? [...path, field] : undefined
    const mergeKey = here ? strategicKey(here) : undefined
    if (mergeKey && Array.isArray(value) && Array.isArray(base[field])) {
      base[field] = mergeList(base[field] as unknown[], value, mergeKey, here as string[])
    } else {
      base[field] = mergePatch(base[field], value, here)
    }
  }
  return base
}

function strategicKey(path: readonly string[]): string | undefined {
  const last = path.at(-1)
  const inPodSpec = path.includes('spec') && path.includes('template')
  if (!inPodSpec) return undefined
  if (
    last === 'containers' ||
    last === 'initContainers' ||
    last === 'env' ||
    last === 'imagePullSecrets'
  )
    return 'name'
  if (last === 'volumeMounts') return 'mountPath'
  if (last === 'ports') return 'containerPort'
  return undefined
}

function mergeList(base: unknown[], patch: unknown[], mergeKey: string, path: string[]): unknown[] {
  const result = [...base]
  for (const item of patch) {
    if (!isObject(item)) continue
    const index = result.findIndex(
      existing => isObject(existing) && existing[mergeKey] === item[mergeKey]
    )
    if (index === -1) result.push(item)
    else result[index] = mergePatch(result[index], item, path)
  }
  return result
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function labelsMatch(object: Obj, selector: string | null): boolean {
  if (!selector) return true
  const labels = object.metadata.labels ?? {}
  return selector.split(',').every(term => {
    const [k, v] = term.split('=') as [string, string | undefined]
    return v === undefined ? k in labels : labels[k] === v
  })
}

function fieldsMatch(object: Obj, selector: string | null): boolean {
  if (!selector) return true
  return selector.split(',').every(term => {
    const [field, value] = term.split('=') as [string, string]
    let current: unknown = object
    for (const part of field.split('.')) current = isObject(current) ? current[part] : undefined
    return String(current ?? '') === value
  })
}

function json(body: unknown, status = 200): SimResponse {
  return { status, headers: { 'content-type': 'application/json' }, body }
}

function status(code: number, reason: string, message: string): SimResponse {
  return json(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code },
    code
  )
}

function notFound(type: ResourceType, name: string): SimResponse {
  const group = type.group ? `.${type.group}` : ''
  return status(404, 'NotFound', `${type.plural}${group} "${name}" not found`)
}

function conflict(type: ResourceType, name: string): SimResponse {
  const group = type.group ? `.${type.group}` : ''
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${type.plural}${group} "${name}": the object has been modified; please apply your changes to the latest version and try again`
  )
}
