import { afterEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../../src/targets/kubernetes.js'
import { selfSignedCertificate } from '../fixtures/tls.js'
import { waitUntil } from '../fixtures/wait.js'
import { startKubernetesSimulator, type KubernetesSimulator } from '../simulators/kubernetes.js'
import {
  NEW_IMAGE,
  OLD_IMAGE,
  TOKEN,
  everythingSaid,
  failure,
  kubernetesTarget,
  recorder,
  request,
  scratch
} from './kubernetes-fixtures.js'

/**
 * deploy.kubernetes against the kube-apiserver simulator, through the real
 * @kubernetes/client-node: the image patch, the rollout followed through the watch API (and by
 * polling once a watch breaks), the failures explained from pods and events, the rollback.
 */
let sim: KubernetesSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function cluster(options: { stepMs?: number; tls?: boolean } = {}): Promise<{
  sim: KubernetesSimulator
  kubeconfig: string
}> {
  const tls = options.tls ? selfSignedCertificate() : undefined
  sim = await startKubernetesSimulator({
    token: TOKEN,
    stepMs: options.stepMs ?? 10,
    ...(tls ? { tls } : {})
  })
  sim.addDeployment({
    namespace: 'shop',
    name: 'webui',
    containers: [{ name: 'web', image: OLD_IMAGE }]
  })
  return { sim, kubeconfig: sim.kubeconfig(scratch()) }
}

const DEPLOY = ['deployments', 'shop', 'webui'] as const

describe('deploy.kubernetes rollouts', () => {
  it('patches the image by digest with a change cause and hears the end through the watch, before any poll', async () => {
    const { sim, kubeconfig } = await cluster()
    // A poll interval far longer than the test: a poll could not have noticed the end.
    const context = recorder({ pollIntervalMs: 3_600_000, timeoutMs: 7_200_000 })
    const outcome = await deploy(request(kubernetesTarget(), { kubeconfig }), context)

    const patch = sim.patches[0]
    expect(patch?.contentType).toBe('application/strategic-merge-patch+json')
    expect(patch?.body).toEqual({
      metadata: {
        annotations: {
          'kubernetes.io/change-cause': `deploy-pipeline dep_77_1: webui v1.1.0 (${NEW_IMAGE})`
        }
      },
      spec: { template: { spec: { containers: [{ name: 'web', image: NEW_IMAGE }] } } }
    })
    expect(containersOf(sim, 'webui')[0]?.image).toBe(NEW_IMAGE)
    // One read before the patch; the rest came through the watch.
    expect(sim.reads(...DEPLOY)).toHaveLength(1)
    expect(sim.watchRequests).toHaveLength(1)
    expect(sim.watchRequests[0]?.url.searchParams.get('fieldSelector')).toBe('metadata.name=webui')
    const progress = context.lines.filter(l => l.startsWith('progress: '))
    expect(progress).toEqual([
      'progress: webui: waiting for the rollout to start',
      'progress: webui: 0/3 pods updated, 3 available',
      'progress: webui: 1/3 pods updated, 3 available',
      'progress: webui: 2/3 pods updated, 3 available',
      'progress: webui: 3/3 pods updated, 1 old pod terminating',
      'progress: webui: 3/3 pods updated and available'
    ])
    expect(context.progressData).toContainEqual({
      workload: 'deployment/webui',
      desired: 3,
      updated: 2,
      ready: 3,
      available: 3
    })
    expect(outcome.outputs).toEqual({
      kubernetes_workloads: 'deployment/webui'
    })
    expect(everythingSaid(context)).not.toContain(TOKEN)
  })

  it('falls back to polling when the watch drops mid-rollout, and notices the end at the first look after it', async () => {
    const { sim, kubeconfig } = await cluster({ stepMs: 25 })
    sim.scenario(NEW_IMAGE, { dropWatchesAtStep: 2 })
    const context = recorder({ pollIntervalMs: 40 })
    const running = deploy(request(kubernetesTarget(), { kubeconfig }), context)
    // The first watch is served; every later one is refused, so the rest is polled.
    await waitUntil('the first watch', () => sim.watchRequests.length === 1)
    sim.refuseWatches(true)
    await running

    const ended = sim.rolloutEndedAt(...DEPLOY)
    expect(ended).toBeDefined()
    const reads = sim.reads(...DEPLOY)
    expect(reads.length).toBeGreaterThan(2)
    // The end was seen by the first read after it: within one poll interval.
    expect(reads.filter(r => r.at >= (ended as number))).toHaveLength(1)
    expect(
      context.lines.some(l => /the watch ended .*following by reading it every 40 ms/.test(l))
    ).toBe(true)
    expect(context.lines.at(-1)).toBe('progress: webui: 3/3 pods updated and available')
  })

  it('a watch that goes silent without closing is caught by the occasional read', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.silenceWatches(true)
    const context = recorder({ pollIntervalMs: 20 })
    await deploy(request(kubernetesTarget(), { kubeconfig }), context)
    expect(sim.watchRequests).toHaveLength(1)
    expect(sim.reads(...DEPLOY).length).toBeGreaterThan(1)
    expect(context.lines.at(-1)).toBe('progress: webui: 3/3 pods updated and available')
  })

  it('a patch that changes nothing ends at once, without a watch', async () => {
    const { sim, kubeconfig } = await cluster()
    const context = recorder()
    await deploy(request(kubernetesTarget(), { kubeconfig, imageUri: OLD_IMAGE }), context)
    expect(sim.watchRequests).toHaveLength(0)
    expect(context.lines).toContain(
      `info: deployment/webui: container web already runs ${OLD_IMAGE}`
    )
  })

  it('ProgressDeadlineExceeded with ImagePullBackOff: DEPLOY_FAILED with the image and the pull error', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.scenario(NEW_IMAGE, { trouble: 'image-pull-backoff', progressDeadlineAfter: 2 })
    const context = recorder()
    const error = await failure(deploy(request(kubernetesTarget(), { kubeconfig }), context))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('webui: ReplicaSet "webui-')
    expect(error.message).toContain('has timed out progressing.')
    expect(error.message).toMatch(
      new RegExp(
        `pod webui-\\w+-0: container web: ImagePullBackOff: image ${escape(NEW_IMAGE)}: Failed to pull image "${escape(NEW_IMAGE)}": rpc error: code = NotFound`
      )
    )
  })

  it('CrashLoopBackOff: the last exit code and the last lines of the container log', async () => {
    const { sim, kubeconfig } = await cluster()
    const log = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`)
    sim.scenario(NEW_IMAGE, {
      trouble: 'crash-loop',
      progressDeadlineAfter: 1,
      log: [...log, 'Error: DATABASE_URL is not set']
    })
    const context = recorder()
    const error = await failure(deploy(request(kubernetesTarget(), { kubeconfig }), context))
    expect(error.message).toMatch(
      /container web: CrashLoopBackOff: last exit code 1 \(Error\), restarted 4 times/
    )
    const details = error.details ?? ''
    expect(details).toContain('last 20 log lines of webui-')
    expect(details).toContain('Error: DATABASE_URL is not set')
    expect(details).not.toContain('line 11\n')
  })

  it.each([
    [
      'create-container-config-error',
      /container web: CreateContainerConfigError: secret "db-credentials" not found/
    ],
    ['probe-failure', /Readiness probe failed: HTTP probe failed with statuscode: 503 \(3 times\)/],
    ['unschedulable', /not scheduled: 0\/3 nodes are available: 3 Insufficient cpu/]
  ] as const)('%s is explained from the pod and its events', async (trouble, said) => {
    const { sim, kubeconfig } = await cluster()
    sim.scenario(NEW_IMAGE, { trouble, progressDeadlineAfter: 1 })
    const error = await failure(deploy(request(kubernetesTarget(), { kubeconfig }), recorder()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toMatch(said)
  })

  it('a rollout that outlives the timeout is a TIMEOUT, explained', async () => {
    const { sim, kubeconfig } = await cluster()
    // No progress deadline: only our own deadline ends it.
    sim.scenario(NEW_IMAGE, { trouble: 'image-pull-backoff' })
    const context = recorder({ timeoutMs: 400, pollIntervalMs: 50 })
    const error = await failure(deploy(request(kubernetesTarget(), { kubeconfig }), context))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(
      /the rollout of deployment\/webui in namespace shop did not finish within \d+ ms: pod webui-/
    )
    expect(error.message).toContain('ImagePullBackOff')
  })

  it('rollback_on_failure patches the previous image back and follows that rollout too', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.scenario(NEW_IMAGE, { trouble: 'crash-loop', progressDeadlineAfter: 1 })
    const context = recorder()
    const error = await failure(
      deploy(request(kubernetesTarget({ rollbackOnFailure: true }), { kubeconfig }), context)
    )
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('CrashLoopBackOff')
    expect(error.message).toMatch(/; rolled back deployment\/webui to the previous images$/)
    expect(sim.patches).toHaveLength(2)
    expect(sim.patches[1]?.body).toMatchObject({
      metadata: {
        annotations: {
          'kubernetes.io/change-cause': `deploy-pipeline dep_77_1: rollback to ${OLD_IMAGE}`
        }
      },
      spec: { template: { spec: { containers: [{ name: 'web', image: OLD_IMAGE }] } } }
    })
    expect(containersOf(sim, 'webui')[0]?.image).toBe(OLD_IMAGE)
    expect(sim.rolloutEndedAt(...DEPLOY)).toBeDefined()
    expect(context.lines).toContain('warning: rolling back deployment/webui to the previous images')
  })

  it('follows a StatefulSet and a DaemonSet beside the Deployment', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.addStatefulSet({
      namespace: 'shop',
      name: 'cache',
      replicas: 2,
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    sim.addDaemonSet({
      namespace: 'shop',
      name: 'agent',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    const context = recorder()
    const target = kubernetesTarget({
      workloads: [
        { kind: 'Deployment', name: 'webui' },
        { kind: 'StatefulSet', name: 'cache' },
        { kind: 'DaemonSet', name: 'agent' }
      ]
    })
    const outcome = await deploy(request(target, { kubeconfig }), context)
    expect(context.lines).toEqual(
      expect.arrayContaining([
        'progress: cache: 1/2 pods updated, 2 ready',
        'progress: cache: 2/2 pods updated and ready',
        'progress: agent: 3/3 pods updated and available',
        'progress: webui: 3/3 pods updated and available'
      ])
    )
    expect(outcome.outputs?.kubernetes_workloads).toBe(
      'deployment/webui,statefulset/cache,daemonset/agent'
    )
  })

  it('a StatefulSet with OnDelete cannot be followed: DEPLOY_FAILED that says why', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.addStatefulSet({
      namespace: 'shop',
      name: 'db',
      updateStrategy: 'OnDelete',
      containers: [{ name: 'db', image: OLD_IMAGE }]
    })
    const error = await failure(
      deploy(
        request(kubernetesTarget({ workloads: [{ kind: 'StatefulSet', name: 'db' }] }), {
          kubeconfig
        }),
        recorder()
      )
    )
    expect(error.message).toContain(
      'update strategy OnDelete replaces pods only when they are deleted'
    )
  })
})

describe('deploy.kubernetes containers and errors', () => {
  it('names the containers when the template has several and none is chosen', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.addDeployment({
      namespace: 'shop',
      name: 'api',
      containers: [
        { name: 'app', image: OLD_IMAGE },
        { name: 'proxy', image: 'envoy:1' }
      ]
    })
    const target = kubernetesTarget({ workloads: [{ kind: 'Deployment', name: 'api' }] })
    const unset = await failure(deploy(request(target, { kubeconfig }), recorder()))
    expect(unset.code).toBe('INVALID_INPUT')
    expect(unset.message).toBe(
      "deployment/api has 2 containers ('app', 'proxy'): set container to the one that runs the image"
    )
    const wrong = await failure(
      deploy(request({ ...target, container: 'web' }, { kubeconfig }), recorder())
    )
    expect(wrong.message).toBe(
      "deployment/api has no container 'web' (it has 'app', 'proxy'): check container"
    )
    await deploy(request({ ...target, container: 'proxy' }, { kubeconfig }), recorder())
    expect(containersOf(sim, 'api')).toEqual([
      { name: 'app', image: OLD_IMAGE },
      { name: 'proxy', image: NEW_IMAGE }
    ])
    expect(sim.patches).toHaveLength(1)
  })

  it('a missing workload is DEPLOY_FAILED naming it, and nothing is patched', async () => {
    const { sim, kubeconfig } = await cluster()
    const error = await failure(
      deploy(
        request(kubernetesTarget({ workloads: [{ kind: 'Deployment', name: 'nope' }] }), {
          kubeconfig
        }),
        recorder()
      )
    )
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain('deployments.apps "nope" not found')
    expect(error.message).toContain("kubeconfig context 'sim'")
    expect(sim.patches).toHaveLength(0)
  })

  it('429 and 5xx answers are tried again, honouring Retry-After', async () => {
    const { sim, kubeconfig } = await cluster()
    sim.server.faults.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '0' },
        body: { kind: 'Status', code: 429, reason: 'TooManyRequests' }
      },
      { times: 1, match: r => r.method === 'GET' }
    )
    sim.server.faults.inject(
      { kind: 'status', status: 503 },
      { times: 1, match: r => r.method === 'PATCH' }
    )
    sim.server.faults.inject({ kind: 'reset' }, { times: 1, match: r => r.method === 'GET' })
    const context = recorder()
    await deploy(request(kubernetesTarget(), { kubeconfig }), context)
    expect([...sim.server.faultsServed].sort()).toEqual(['reset', 'status', 'status'])
    expect(context.lines.filter(l => /trying again/.test(l))).toHaveLength(3)
    expect(context.lines.at(-1)).toBe('progress: webui: 3/3 pods updated and available')
  })

  it('a refused token is DEPLOY_FAILED that says where the credentials come from, token unsaid', async () => {
    const { sim } = await cluster()
    const kubeconfig = sim.kubeconfig(scratch(), { token: 'revoked-token-0000' })
    const context = recorder()
    const error = await failure(deploy(request(kubernetesTarget(), { kubeconfig }), context))
    expect(error.message).toMatch(/refused its credentials \(HTTP 401\): renew them/)
    expect(everythingSaid(context, error)).not.toContain('revoked-token-0000')
  })

  it('speaks HTTPS with the kubeconfig CA, and plain HTTP only to loopback', async () => {
    const { sim, kubeconfig } = await cluster({ tls: true })
    await deploy(request(kubernetesTarget(), { kubeconfig }), recorder())
    expect(sim.url.startsWith('https://127.0.0.1:')).toBe(true)

    const remote = join(scratch(), 'remote.yaml')
    writeFileSync(
      remote,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://k8s.example.com:8080\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\nusers:\n- name: u\n  user: {token: t}\n'
    )
    const error = await failure(
      deploy(request(kubernetesTarget(), { kubeconfig: remote }), recorder())
    )
    expect(error.message).toBe(
      "the cluster of kubeconfig context 'x' is http://k8s.example.com:8080, plain HTTP: its credentials would cross the network in clear; give its https:// address"
    )
  })

  it('a kubeconfig that is not YAML, or lacks the context, is told without quoting it', async () => {
    const broken = join(scratch(), 'broken.yaml')
    writeFileSync(broken, 'users:\n- name: u\n  user: {token: secret-in-a-broken-file\n')
    const error = await failure(
      deploy(request(kubernetesTarget(), { kubeconfig: broken }), recorder())
    )
    expect(error.message).toMatch(
      /^the kubeconfig .*broken\.yaml could not be read \(YAML error at line \d+\)$/
    )
    expect(error.message).not.toContain('secret-in-a-broken-file')

    const { kubeconfig } = await cluster()
    const missing = await failure(
      deploy(request(kubernetesTarget({ context: 'prod' }), { kubeconfig }), recorder())
    )
    expect(missing.message).toMatch(/has no context 'prod' \(it has 'sim'\)$/)
  })
})

/** The containers of a workload's pod template, as the simulator holds them. */
function containersOf(sim: KubernetesSimulator, name: string): { name: string; image: string }[] {
  const workload = sim.get('deployments', 'shop', name) as unknown as {
    spec: { template: { spec: { containers: { name: string; image: string }[] } } }
  }
  return workload.spec.template.spec.containers
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
