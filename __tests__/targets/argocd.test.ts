import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import type { PlannedService, Plan } from '../../src/plan/types.js'
import type { ArgoCdTarget, Settings } from '../../src/settings/types.js'
import { deploy } from '../../src/targets/argocd.js'
import type { DeployRequest, TargetContext } from '../../src/targets/types.js'
import { simulatedClock } from '../fixtures/clock.js'
import { waitUntil } from '../fixtures/wait.js'
import { startArgoCdSimulator, type AppSeed, type ArgoCdSimulator } from '../simulators/argocd.js'

const TOKEN = 'argocd-token-7f3e9b1c'
const TAG = 'dev-2611210700'
const REGISTRY = 'ghcr.io/acme'

/**
 * Argo CD moves on a simulated clock that the deploy's own waits move (its polls and its retries'
 * backoffs), so the order of what it sees never depends on how busy the machine is.
 */
const clock = simulatedClock()

let sim: ArgoCdSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

/** Everything the deploy said, for assertions and for the secret scan. */
interface Recorder extends TargetContext {
  lines: string[]
  progressData: Record<string, unknown>[]
}

function recorder(overrides: Partial<TargetContext> = {}): Recorder {
  const lines: string[] = []
  const progressData: Record<string, unknown>[] = []
  return {
    lines,
    progressData,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    pollIntervalMs: 15,
    sleep: clock.sleep,
    now: clock.now,
    progress: (message, data) => {
      lines.push(`progress: ${message}`)
      if (data) progressData.push(data)
    },
    info: message => lines.push(`info: ${message}`),
    warning: message => lines.push(`warning: ${message}`),
    ...overrides
  }
}

function helmApp(name: string, extra: Partial<AppSeed> = {}): AppSeed {
  return {
    name,
    project: 'chef',
    spec: {
      project: 'chef',
      source: {
        repoURL: 'https://github.com/acme/charts',
        path: `charts/${name}`,
        targetRevision: 'main',
        helm: {
          parameters: [
            { name: 'replicaCount', value: '2' },
            { name: 'image.tag', value: 'old' }
          ]
        }
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'chef' }
    },
    images: { helm: { tagParameter: 'image.tag', defaultRepository: `${REGISTRY}/${name}` } },
    ...extra
  }
}

function target(app: string, extra: Partial<ArgoCdTarget> = {}): ArgoCdTarget {
  return {
    kind: 'argocd',
    app,
    server: sim?.url,
    project: 'chef',
    appNamespace: undefined,
    insecure: false,
    helmParameter: 'image.tag',
    helmRepositoryParameter: undefined,
    kustomizeImage: undefined,
    sourceIndex: undefined,
    sourceName: undefined,
    prune: true,
    syncOptions: ['ApplyOutOfSyncOnly=true'],
    terminateRunning: false,
    rollbackOnFailure: false,
    degradedGraceMs: 5_000,
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  }
}

function request(
  service: string,
  argo: ArgoCdTarget,
  options: { image?: boolean; tag?: string } = {}
): DeployRequest<ArgoCdTarget> {
  const tag = options.tag ?? TAG
  const withImage = options.image ?? true
  const planned: PlannedService = {
    name: service,
    dependsOn: [],
    image: withImage
      ? {
          registry: 'ghcr',
          host: 'ghcr.io',
          repository: `acme/${service}`,
          tag,
          reference: `${REGISTRY}/${service}:${tag}`,
          action: 'build',
          promoteFrom: undefined
        }
      : undefined,
    deploy: argo
  }
  const plan = { version: { imageTag: tag }, services: [planned] } as unknown as Plan
  // The target reads only the token from settings; the rest of Settings is the lead's fixture.
  const settings = {
    deploy: { argocdToken: TOKEN, timeoutMs: 10_000, pollIntervalMs: undefined }
  } as unknown as Settings
  return {
    service: planned,
    target: argo,
    imageUri: withImage ? `${REGISTRY}/${service}:${tag}@sha256:${'a'.repeat(64)}` : undefined,
    plan,
    settings
  }
}

async function failure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

function expectNoToken(context: Recorder, ...errors: DeployError[]): void {
  const said = [
    ...context.lines,
    JSON.stringify(context.progressData),
    // inspect shows the cause chain (the client's errors, their headers) that message hides.
    ...errors.flatMap(e => [e.message, e.details ?? '', inspect(e, { depth: 8 })])
  ].join('\n')
  expect(said).not.toContain(TOKEN)
}

function at(app: string, event: string): number {
  const entry = sim?.timeline(app).find(e => e.event === event)
  if (!entry) throw new Error(`${app} never had ${event}`)
  return entry.at
}

describe('Argo CD deploy', () => {
  it('deploys three apps in order: a chart without an image, a Helm app, a multi-source Kustomize app', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [
        {
          ...helmApp('chef-postgresql'),
          images: { fixed: ['docker.io/bitnami/postgresql:16.4.0'] }
        },
        helmApp('chef-webui', { externalURLs: ['https://webui.dev.example.com'] }),
        {
          name: 'chef-mcp',
          project: 'chef',
          spec: {
            project: 'chef',
            sources: [
              { repoURL: 'https://github.com/acme/values', ref: 'values', name: 'values' },
              {
                repoURL: 'https://github.com/acme/deploy',
                path: 'mcp/overlays/dev',
                name: 'manifests',
                kustomize: { images: ['busybox:1.36', 'mcp=ghcr.io/acme/mcp:old'] }
              }
            ]
          },
          images: {
            kustomize: { name: 'mcp', defaultRepository: `${REGISTRY}/mcp`, defaultTag: 'latest' }
          }
        }
      ]
    })
    const context = recorder()
    const results = []
    results.push(
      await deploy(request('postgresql', target('chef-postgresql'), { image: false }), context)
    )
    results.push(await deploy(request('webui', target('chef-webui')), context))
    results.push(
      await deploy(
        request(
          'mcp',
          target('chef-mcp', {
            kustomizeImage: 'mcp',
            helmParameter: undefined,
            sourceName: 'manifests'
          })
        ),
        context
      )
    )

    // Each app finished (Healthy) before the next one's sync was requested.
    expect(at('chef-postgresql', 'health Healthy')).toBeLessThanOrEqual(
      at('chef-webui', 'operation requested')
    )
    expect(at('chef-webui', 'health Healthy')).toBeLessThanOrEqual(
      at('chef-mcp', 'operation requested')
    )

    const [postgres, webui, mcp] = ['chef-postgresql', 'chef-webui', 'chef-mcp'].map(name =>
      sim!.application(name)
    )
    expect(postgres?.spec.source?.helm?.parameters).toEqual([
      { name: 'replicaCount', value: '2' },
      { name: 'image.tag', value: 'old' }
    ])
    expect(sim.http.requests.filter(r => r.path.endsWith('/chef-postgresql/spec'))).toHaveLength(0)
    expect(webui?.spec.source?.helm?.parameters).toEqual([
      { name: 'replicaCount', value: '2' },
      { name: 'image.tag', value: TAG, forceString: true }
    ])
    expect(webui?.status?.summary?.images).toEqual([`${REGISTRY}/chef-webui:${TAG}`])
    expect(mcp?.spec.sources?.[1]?.kustomize?.images).toEqual([
      'busybox:1.36',
      `mcp=${REGISTRY}/mcp:${TAG}`
    ])
    expect(mcp?.spec.sources?.[0]).toEqual({
      repoURL: 'https://github.com/acme/values',
      ref: 'values',
      name: 'values'
    })

    expect(results[0]).toEqual({
      outputs: { argocd_revision: postgres?.status?.history?.at(-1)?.revision }
    })
    expect(results[1]).toEqual({
      deploymentUrl: 'https://webui.dev.example.com',
      outputs: { argocd_revision: webui?.status?.history?.at(-1)?.revision }
    })
    const mcpRevisions = mcp?.status?.history?.at(-1)?.revisions
    expect(results[2]).toEqual({ outputs: { argocd_revision: mcpRevisions?.join(',') } })

    const syncs = sim.http.requests.filter(r => r.method === 'POST')
    expect(syncs.map(r => r.path)).toEqual([
      '/api/v1/applications/chef-postgresql/sync',
      '/api/v1/applications/chef-webui/sync',
      '/api/v1/applications/chef-mcp/sync'
    ])
    expect(syncs[0]?.json()).toEqual({
      name: 'chef-postgresql',
      prune: true,
      syncOptions: { items: ['ApplyOutOfSyncOnly=true'] },
      project: 'chef'
    })
    expect(
      sim.http.requests
        .filter(r => r.method === 'GET')
        .every(r => r.url.searchParams.get('project') === 'chef')
    ).toBe(true)
    expect(context.lines.some(l => l.includes('chef-webui: Synced and Healthy'))).toBe(true)
    expect(context.progressData.some(d => d.health === 'Progressing')).toBe(true)
    expectNoToken(context)
  })

  it('fails a sync that ends Failed with DEPLOY_FAILED naming the failing resources', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', {
      outcome: 'Failed',
      message: 'one or more objects failed to apply, reason: admission webhook denied the request',
      failedResources: [
        {
          kind: 'Deployment',
          name: 'webui-worker',
          message: 'spec.template.spec.containers[0].image: Invalid value'
        }
      ]
    })
    const context = recorder()
    const error = await failure(deploy(request('webui', target('chef-webui')), context))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toContain("Argo CD sync of 'chef-webui' ended Failed")
    expect(error.message).toContain('admission webhook denied the request')
    expect(error.details).toContain(
      'Deployment/chef/webui-worker SyncFailed: spec.template.spec.containers[0].image: Invalid value'
    )
    expectNoToken(context, error)
  })

  it('fails an app that stays Degraded past the grace period with HEALTH_CHECK_FAILED', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', {
      finalHealth: 'Degraded',
      healthMessage: 'Deployment "chef-webui" exceeded its progress deadline'
    })
    const context = recorder()
    const error = await failure(
      deploy(request('webui', target('chef-webui', { degradedGraceMs: 150 })), context)
    )
    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toContain("'chef-webui' stayed Degraded")
    expect(error.details).toContain(
      'Deployment/chef/chef-webui: Deployment "chef-webui" exceeded its progress deadline'
    )
    expect(context.lines.some(l => l.includes('within the grace period'))).toBe(true)
    expectNoToken(context, error)
  })

  it('rolls back to the previous history entry and still fails, when asked to', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script(
      'chef-webui',
      { finalHealth: 'Degraded', healthMessage: 'CrashLoopBackOff' },
      { runMs: 30 }
    )
    const context = recorder()
    const error = await failure(
      deploy(
        request('webui', target('chef-webui', { degradedGraceMs: 100, rollbackOnFailure: true })),
        context
      )
    )
    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toMatch(/rolled back to history 1 \(revision [0-9a-f]{40}\)/)
    const app = sim.application('chef-webui')
    expect(sim.http.requests.find(r => r.path.endsWith('/rollback'))?.json()).toEqual({
      name: 'chef-webui',
      id: 1,
      prune: true,
      project: 'chef'
    })
    expect(app.status?.history?.map(h => h.id)).toEqual([1, 2, 3])
    expect(app.status?.history?.at(-1)?.revision).toBe(app.status?.history?.[0]?.revision)
    expect(app.spec.source?.helm?.parameters?.find(p => p.name === 'image.tag')?.value).toBe('old')
    expectNoToken(context, error)
  })

  it('waits for an operation already running before it syncs', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui', { runningOperation: { username: 'alice', runMs: 250 } })]
    })
    const context = recorder()
    await deploy(request('webui', target('chef-webui')), context)
    const events = sim.timeline('chef-webui').map(e => e.event)
    expect(events.filter(e => e === 'operation Succeeded')).toHaveLength(2)
    const ourSync = sim.http.requests.find(r => r.method === 'POST')
    expect(ourSync).toBeDefined()
    // Alice's operation had finished before ours was requested.
    const timeline = sim.timeline('chef-webui')
    const firstFinish = timeline.find(e => e.event === 'operation Succeeded')?.at ?? Infinity
    const ourRequest = timeline.filter(e => e.event === 'operation requested')[1]?.at ?? 0
    expect(ourRequest).toBeGreaterThanOrEqual(firstFinish)
    expect(context.lines).toContain(
      'progress: chef-webui: waiting for an operation started by alice'
    )
    expectNoToken(context)
  })

  it('terminates a running operation first when terminate_running is set', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui', { runningOperation: { username: 'alice', hang: true } })]
    })
    const context = recorder()
    await deploy(request('webui', target('chef-webui', { terminateRunning: true })), context)
    expect(sim.http.requests.filter(r => r.method === 'DELETE').map(r => r.path)).toEqual([
      '/api/v1/applications/chef-webui/operation'
    ])
    expect(sim.timeline('chef-webui').map(e => e.event)).toContain('operation terminated')
    expect(sim.application('chef-webui').status?.summary?.images).toEqual([
      `${REGISTRY}/chef-webui:${TAG}`
    ])
    expect(context.lines.some(l => l.startsWith('warning: Terminating the operation'))).toBe(true)
  })

  it.each([400, 409] as const)(
    'retries "another operation is already in progress" (HTTP %i) after the auto-sync it raced ends',
    async status => {
      sim = await startArgoCdSimulator({
        now: clock.now,
        token: TOKEN,
        apps: [
          helmApp('chef-webui', {
            labels: { 'app.kubernetes.io/instance': 'chef-apps' }
          })
        ]
      })
      sim.conflictStatus = status
      // Auto-sync on: the spec change starts Argo CD's own sync before ours.
      const seeded = sim.application('chef-webui')
      await fetch(`${sim.url}/api/v1/applications/chef-webui/spec?project=chef`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ ...seeded.spec, syncPolicy: { automated: { prune: true } } })
      })
      clock.advance(1_000)
      expect(sim.application('chef-webui').operation).toBeUndefined()
      // The API server's cache lags: our GET still shows no operation, so our POST races it.
      sim.script('chef-webui', { runMs: 200, staleReads: 2 })
      const context = recorder()
      await deploy(request('webui', target('chef-webui')), context)

      const posts = sim.http.requests.filter(r => r.method === 'POST')
      expect(posts.length).toBeGreaterThanOrEqual(2)
      const events = sim.timeline('chef-webui').map(e => e.event)
      expect(events.filter(e => e === 'operation requested (auto-sync)')).toHaveLength(2)
      expect(events.at(-1)).toBe('health Healthy')
      expect(context.lines.some(l => l.includes('is auto-synced'))).toBe(true)
      expect(context.lines.some(l => l.includes("parent application 'chef-apps'"))).toBe(true)
      expect(context.lines).toContain(
        'progress: chef-webui: another operation is already in progress'
      )
      expectNoToken(context)
    }
  )

  it('does not pass on the stale Synced/Healthy status before our operation starts', async () => {
    // A re-run: the app already runs the tag, so only our operation's identity tells old from new.
    const seed = helmApp('chef-webui')
    seed.spec.source = {
      ...seed.spec.source,
      helm: { parameters: [{ name: 'image.tag', value: TAG, forceString: true }] }
    }
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [seed]
    })
    const seeded = sim.application('chef-webui')
    expect(seeded.status?.sync?.status).toBe('Synced')
    expect(seeded.status?.health?.status).toBe('Healthy')
    expect(seeded.status?.summary?.images).toEqual([`${REGISTRY}/chef-webui:${TAG}`])
    const staleRevision = seeded.status?.sync?.revision
    sim.script('chef-webui', { staleReads: 3, startDelayMs: 300, reconcileDelayMs: 250 })
    const context = recorder()
    const outcome = await deploy(request('webui', target('chef-webui')), context)
    const resolved = clock.now()

    expect(resolved).toBeGreaterThanOrEqual(at('chef-webui', 'health Healthy'))
    const app = sim.application('chef-webui')
    expect(outcome.outputs?.argocd_revision).toBe(app.status?.history?.at(-1)?.revision)
    expect(outcome.outputs?.argocd_revision).not.toBe(staleRevision)
    expect(context.lines).toContain('progress: chef-webui: waiting for Argo CD to start the sync')
    expect(context.lines).toContain(
      'progress: chef-webui: sync Succeeded, waiting for Argo CD to reconcile after it'
    )
    expect(sim.http.requests.filter(r => r.method === 'PUT')).toHaveLength(0)
  })

  it('gives TIMEOUT when the sync never ends', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', { hang: true })
    const context = recorder({ timeoutMs: 400 })
    const error = await failure(deploy(request('webui', target('chef-webui')), context))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain("Argo CD application 'chef-webui' to become Synced and Healthy")
    expect(sim.application('chef-webui').status?.operationState?.phase).toBe('Running')
  })

  it('on a timeout with rollback_on_failure, terminates its own sync and rolls back', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', { hang: true })
    const context = recorder({ timeoutMs: 400 })
    const error = await failure(
      deploy(request('webui', target('chef-webui', { rollbackOnFailure: true })), context)
    )
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(/; rolled back to history 1 \(revision [0-9a-f]{40}\)$/)
    expect(sim.timeline('chef-webui').map(e => e.event)).toEqual([
      'spec updated',
      'operation requested',
      'operation started',
      'spec updated',
      'terminating',
      'operation terminated',
      'operation requested',
      'operation started',
      'operation Succeeded'
    ])
    const tag = sim
      .application('chef-webui')
      .spec.source?.helm?.parameters?.find(p => p.name === 'image.tag')
    expect(tag?.value).toBe('old')
  })

  it('stops with CANCELLED when the run is cancelled mid-wait, without rolling back', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', { hang: true })
    const cancel = new AbortController()
    const context = recorder({ signal: cancel.signal })
    const pending = deploy(
      request('webui', target('chef-webui', { rollbackOnFailure: true })),
      context
    )
    await waitUntil('the sync to run', () => context.lines.some(l => l.includes('sync Running')))
    cancel.abort()
    const error = await failure(pending)
    expect(error.code).toBe('CANCELLED')
    expect(sim.http.requests.some(r => r.path.endsWith('/rollback'))).toBe(false)
  })

  it('rides out a dropped sync request, then 5xx answers and dropped connections while it waits', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    sim.script('chef-webui', { runMs: 200 })
    const server = sim.http
    // The first sync request is dropped before Argo CD sees it; the faults after it hit the wait.
    server.faults.inject({ kind: 'reset' }, { times: 1, match: r => r.method === 'POST' })
    const afterSync = (r: { method: string }) =>
      r.method === 'GET' && server.requests.filter(q => q.method === 'POST').length >= 2
    server.faults.inject(
      { kind: 'status', status: 502, body: '<html>Bad Gateway</html>' },
      { times: 1, match: afterSync }
    )
    server.faults.inject({ kind: 'reset' }, { times: 1, match: afterSync })
    server.faults.inject(
      { kind: 'status', status: 503, headers: { 'retry-after': '0' } },
      { times: 1, match: afterSync }
    )
    const context = recorder()
    const outcome = await deploy(request('webui', target('chef-webui')), context)
    expect(server.faultsServed).toEqual(['reset', 'status', 'reset', 'status'])
    expect(sim.timeline('chef-webui').filter(e => e.event === 'operation requested')).toHaveLength(
      1
    )
    expect(outcome.outputs?.argocd_revision).toBe(
      sim.application('chef-webui').status?.history?.at(-1)?.revision
    )
    expect(context.lines.filter(l => l.includes('trying again'))).toHaveLength(4)
    expectNoToken(context)
  })

  it('adopts its own sync when Argo CD applied it but the answer was lost: one sync, no second', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    // Long enough that the retried look (backoff under 500 ms) still finds our operation running.
    sim.script('chef-webui', { runMs: 1000 })
    sim.http.faults.inject({ kind: 'lost-answer' }, { match: r => r.method === 'POST' })
    const context = recorder()
    const outcome = await deploy(request('webui', target('chef-webui')), context)

    expect(sim.http.faultsServed).toEqual(['lost-answer'])
    expect(sim.http.requests.filter(r => r.method === 'POST')).toHaveLength(1)
    const events = sim.timeline('chef-webui').map(e => e.event)
    expect(events.filter(e => e.startsWith('operation requested'))).toEqual(['operation requested'])
    expect(events.at(-1)).toBe('health Healthy')
    expect(outcome.outputs?.argocd_revision).toBe(
      sim.application('chef-webui').status?.history?.at(-1)?.revision
    )
    expect(context.lines.filter(l => l.includes('trying again'))).toHaveLength(1)
    expect(context.lines).toContain('progress: chef-webui: sync requested')
    expectNoToken(context)
  })

  it('says a missing app does not exist in its project, and a bad token is rejected, without the token', async () => {
    sim = await startArgoCdSimulator({
      now: clock.now,
      token: TOKEN,
      apps: [helmApp('chef-webui')]
    })
    const context = recorder()
    const missing = await failure(deploy(request('webui', target('chef-webiu')), context))
    expect(missing.message).toBe(
      `Argo CD application 'chef-webiu' does not exist in project 'chef' on ${sim.url}: check app, project and app_namespace.`
    )
    const wrongToken = request('webui', target('chef-webui'))
    const rejected = await failure(
      deploy(
        {
          ...wrongToken,
          settings: { deploy: { argocdToken: `${TOKEN}-revoked` } } as unknown as Settings
        },
        context
      )
    )
    expect(rejected.code).toBe('DEPLOY_FAILED')
    expect(rejected.message).toContain('rejected the Argo CD token (HTTP 401)')
    expectNoToken(context, missing, rejected)
    expect(`${rejected.message}${rejected.details}`).not.toContain(`${TOKEN}-revoked`)
  })
})
