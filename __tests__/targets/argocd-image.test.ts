import { describe, expect, it } from '@jest/globals'
import type { Application, ApplicationSpec } from '../../src/clients/argocd.js'
import { DeployError } from '../../src/errors.js'
import {
  baselineOf,
  judgeApplication,
  kustomizeImageName,
  ownershipWarnings,
  repositoryOf,
  setImage,
  type ImageChange
} from '../../src/targets/argocd-image.js'

const helm = (
  tag: string,
  extra: Partial<Extract<ImageChange, { kind: 'helm' }>> = {}
): ImageChange => ({
  kind: 'helm',
  parameter: 'image.tag',
  tag,
  repositoryParameter: undefined,
  repository: 'ghcr.io/acme/webui',
  ...extra
})
const kustomize = (image: string, tag: string, repository?: string): ImageChange => ({
  kind: 'kustomize',
  image,
  tag,
  repository
})
const none = { sourceIndex: undefined, sourceName: undefined }

describe('repositoryOf and kustomizeImageName', () => {
  it.each([
    ['ghcr.io/acme/webui:dev-1@sha256:abc', 'ghcr.io/acme/webui'],
    ['localhost:5000/webui:v1.2.3', 'localhost:5000/webui'],
    ['localhost:5000/webui', 'localhost:5000/webui'],
    ['webui', 'webui']
  ])('repositoryOf(%s) = %s', (uri, repository) => {
    expect(repositoryOf(uri)).toBe(repository)
  })

  it.each([
    ['mcp=ghcr.io/acme/mcp:v1', 'mcp'],
    ['ghcr.io/acme/mcp:v1', 'ghcr.io/acme/mcp'],
    ['registry:5000/mcp', 'registry:5000/mcp'],
    ['mcp@sha256:abc', 'mcp']
  ])('kustomizeImageName(%s) = %s', (entry, name) => {
    expect(kustomizeImageName(entry)).toBe(name)
  })
})

describe('setImage', () => {
  const single = (parameters?: { name: string; value: string }[]): ApplicationSpec => ({
    source: {
      repoURL: 'https://charts',
      chart: 'webui',
      ...(parameters ? { helm: { parameters } } : {})
    }
  })

  it.each([
    {
      name: 'replaces the tag parameter and keeps the others in place',
      spec: single([
        { name: 'image.tag', value: 'old' },
        { name: 'replicaCount', value: '2' }
      ]),
      change: helm('dev-1'),
      parameters: [
        { name: 'image.tag', value: 'dev-1', forceString: true },
        { name: 'replicaCount', value: '2' }
      ]
    },
    {
      name: 'appends the parameter when the app has none yet',
      spec: single(),
      change: helm('20261121'),
      parameters: [{ name: 'image.tag', value: '20261121', forceString: true }]
    },
    {
      name: 'sets the repository parameter too, when configured',
      spec: single([{ name: 'image.repository', value: 'docker.io/old' }]),
      change: helm('v1.2.3', { repositoryParameter: 'image.repository' }),
      parameters: [
        { name: 'image.repository', value: 'ghcr.io/acme/webui', forceString: true },
        { name: 'image.tag', value: 'v1.2.3', forceString: true }
      ]
    }
  ])('$name', ({ spec, change, parameters }) => {
    const before = structuredClone(spec)
    const edit = setImage(spec, change, none)
    expect(edit.changed).toBe(true)
    expect(edit.spec.source?.helm?.parameters).toEqual(parameters)
    expect(spec).toEqual(before)
  })

  it('reports no change when the tag is already set', () => {
    const spec = single([{ name: 'image.tag', value: 'dev-1' }])
    const once = setImage(spec, helm('dev-1'), none).spec
    const again = setImage(once, helm('dev-1'), none)
    expect(again.changed).toBe(false)
    expect(again.description).toBe('Helm image.tag=dev-1 in the source')
  })

  const multi: ApplicationSpec = {
    sources: [
      {
        repoURL: 'https://charts',
        chart: 'webui',
        name: 'chart',
        helm: { parameters: [{ name: 'x', value: '1' }] }
      },
      { repoURL: 'https://git/values', ref: 'values', name: 'values' },
      {
        repoURL: 'https://git/manifests',
        path: 'app',
        name: 'manifests',
        kustomize: { images: ['mcp:old'] }
      }
    ]
  }

  it.each([
    ['by source_name', { sourceIndex: undefined, sourceName: 'chart' }, 0],
    ['by source_index', { sourceIndex: 0, sourceName: undefined }, 0]
  ])('picks the source of a multi-source app %s', (_how, choice, index) => {
    const edit = setImage(multi, helm('dev-2'), choice)
    expect(edit.spec.sources?.[index]?.helm?.parameters).toEqual([
      { name: 'x', value: '1' },
      { name: 'image.tag', value: 'dev-2', forceString: true }
    ])
    expect(edit.spec.sources?.slice(1)).toEqual(multi.sources?.slice(1))
  })

  it('picks the one source that already carries the setting when none is named', () => {
    const edit = setImage(multi, kustomize('mcp', 'dev-3', 'ghcr.io/acme/mcp'), none)
    expect(edit.spec.sources?.[2]?.kustomize?.images).toEqual(['mcp=ghcr.io/acme/mcp:dev-3'])
    expect(edit.description).toBe('Kustomize image mcp=ghcr.io/acme/mcp:dev-3 in source 2')
  })

  it.each([
    [
      helm('dev-4'),
      none,
      /has 3 sources \(0: 'chart' webui, 1: 'values' https:\/\/git\/values, 2: 'manifests' app\); set source_index or source_name/
    ],
    [
      helm('dev-4'),
      { sourceIndex: 5, sourceName: undefined },
      /source_index 5 is out of range: the application has 3 sources/
    ],
    [
      helm('dev-4'),
      { sourceIndex: undefined, sourceName: 'chrat' },
      /source_name 'chrat' matches none/
    ]
  ])('refuses an ambiguous or wrong source choice', (change, choice, message) => {
    let thrown: unknown
    try {
      setImage(multi, change, choice)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DeployError)
    expect((thrown as DeployError).code).toBe('INVALID_INPUT')
    expect((thrown as DeployError).message).toMatch(message)
  })

  it.each([
    [['busybox:1.36'], kustomize('mcp', 'v2'), ['busybox:1.36', 'mcp:v2']],
    [
      ['mcp=ghcr.io/acme/mcp:v1', 'busybox:1'],
      kustomize('mcp', 'v2', 'ghcr.io/acme/mcp'),
      ['mcp=ghcr.io/acme/mcp:v2', 'busybox:1']
    ],
    [['ghcr.io/acme/mcp:v1'], kustomize('ghcr.io/acme/mcp', 'v2'), ['ghcr.io/acme/mcp:v2']]
  ])('Kustomize images %j + %j -> %j', (images, change, expected) => {
    const spec: ApplicationSpec = {
      source: { repoURL: 'https://git', path: 'app', kustomize: { images } }
    }
    expect(setImage(spec, change, none).spec.source?.kustomize?.images).toEqual(expected)
  })
})

describe('ownershipWarnings', () => {
  const app = (
    extra: Partial<Application['metadata']>,
    spec: ApplicationSpec = {}
  ): Application => ({
    metadata: { name: 'chef-webui', ...extra },
    spec
  })

  it('warns about auto-sync, an ApplicationSet owner and a parent app', () => {
    expect(ownershipWarnings(app({}))).toEqual([])
    expect(
      ownershipWarnings(app({}, { syncPolicy: { automated: { selfHeal: true } } }))[0]
    ).toContain(
      'is auto-synced: it may start its own sync of the change before ours and self-heal reverts manual changes'
    )
    expect(ownershipWarnings(app({}, { syncPolicy: { automated: { enabled: false } } }))).toEqual(
      []
    )
    expect(
      ownershipWarnings(app({ ownerReferences: [{ kind: 'ApplicationSet', name: 'chef' }] }))[0]
    ).toContain("is managed by ApplicationSet 'chef'")
    expect(
      ownershipWarnings(
        app({
          annotations: {
            'argocd.argoproj.io/tracking-id': 'root:argoproj.io/Application:argocd/chef-webui'
          }
        })
      )[0]
    ).toContain("parent application 'root'")
    expect(
      ownershipWarnings(app({ labels: { 'app.kubernetes.io/instance': 'chef-webui' } }))
    ).toEqual([])
  })
})

describe('judgeApplication', () => {
  const old = {
    phase: 'Succeeded' as const,
    startedAt: '2026-11-21T22:00:00Z',
    finishedAt: '2026-11-21T22:00:20Z',
    message: 'successfully synced'
  }
  const before: Application = {
    metadata: { name: 'chef-webui' },
    spec: {},
    status: {
      operationState: old,
      reconciledAt: '2026-11-21T22:01:00Z',
      sync: { status: 'Synced', revision: 'aaa' },
      health: { status: 'Healthy' },
      history: [{ id: 4, revision: 'aaa' }],
      summary: { images: ['ghcr.io/acme/webui:dev-1'] }
    }
  }
  const baseline = baselineOf(before)
  const expectation = { imageTag: 'dev-1', degradedGraceMs: 1000 }
  const ours = {
    phase: 'Succeeded' as const,
    startedAt: '2026-11-21T23:00:00Z',
    finishedAt: '2026-11-21T23:00:05Z',
    syncResult: { revision: 'bbb' }
  }
  const after = (
    status: Application['status'],
    operation?: Application['operation']
  ): Application => ({
    ...before,
    ...(operation ? { operation } : {}),
    status: {
      ...before.status,
      operationState: ours,
      reconciledAt: '2026-11-21T23:00:05Z',
      ...status
    }
  })

  it.each([
    [
      'the stale status before our operation starts',
      before,
      'waiting for Argo CD to start the sync'
    ],
    [
      'our sync requested but not picked up',
      { ...before, operation: { sync: {} } },
      'waiting for Argo CD to start the sync'
    ],
    [
      'our operation running',
      after({ operationState: { ...ours, phase: 'Running', finishedAt: undefined } }),
      'sync Running'
    ],
    [
      'finished but not reconciled since',
      after({ reconciledAt: '2026-11-21T23:00:04Z' }),
      'waiting for Argo CD to reconcile'
    ],
    [
      'reconciled, OutOfSync',
      after({ sync: { status: 'OutOfSync' } }),
      'sync Succeeded, OutOfSync'
    ],
    ['Synced, Progressing', after({ health: { status: 'Progressing' } }), 'Synced, Progressing'],
    [
      'Healthy on the old image',
      after({ summary: { images: ['ghcr.io/acme/webui:dev-0'] } }),
      'images not yet at dev-1'
    ]
  ])('waits on %s', (_name, app, progress) => {
    const verdict = judgeApplication(app, baseline, expectation, 0, undefined)
    expect(verdict.kind).toBe('waiting')
    expect(verdict.kind === 'waiting' && verdict.progress).toContain(progress)
  })

  it('passes when our operation succeeded, was reconciled, and the app is Synced, Healthy, on the tag', () => {
    const verdict = judgeApplication(after({}), baseline, expectation, 0, undefined)
    expect(verdict).toEqual({ kind: 'healthy', revision: 'bbb', externalUrl: undefined })
    // A service without an image passes without the image check.
    const chart = after({ summary: { images: ['docker.io/bitnami/postgresql:16'] } })
    expect(
      judgeApplication(chart, baseline, { ...expectation, imageTag: undefined }, 0, undefined).kind
    ).toBe('healthy')
  })

  it('recognises our operation by a new history entry even within the same second', () => {
    const sameSecond = after({
      operationState: old,
      history: [{ id: 4 }, { id: 5, revision: 'ccc' }]
    })
    expect(judgeApplication(sameSecond, baseline, expectation, 0, undefined).kind).toBe('healthy')
  })

  it('fails fast on Failed and Error, listing resources and messages', () => {
    const failed = after({
      operationState: {
        ...ours,
        phase: 'Error',
        message: 'ComparisonError: rpc error',
        syncResult: {
          resources: [
            {
              kind: 'Job',
              namespace: 'chef',
              name: 'migrate',
              status: 'Synced',
              hookPhase: 'Failed',
              message: 'BackoffLimitExceeded'
            },
            { kind: 'Service', name: 'webui', status: 'Synced' }
          ]
        }
      }
    })
    const verdict = judgeApplication(failed, baseline, expectation, 0, undefined)
    expect(verdict).toEqual({
      kind: 'failed',
      code: 'DEPLOY_FAILED',
      message: "Argo CD sync of 'chef-webui' ended Error: ComparisonError: rpc error",
      details: 'Job/chef/migrate hook Failed: BackoffLimitExceeded'
    })
  })

  it('tolerates Degraded for the grace period, then fails with HEALTH_CHECK_FAILED', () => {
    const degraded = after({
      health: { status: 'Degraded', message: 'readiness probe failed' },
      resources: [
        {
          kind: 'Deployment',
          namespace: 'chef',
          name: 'webui',
          health: { status: 'Degraded', message: 'readiness probe failed' }
        }
      ]
    })
    const first = judgeApplication(degraded, baseline, expectation, 10_000, undefined)
    expect(first).toMatchObject({ kind: 'waiting', degradedSince: 10_000 })
    const within = judgeApplication(degraded, baseline, expectation, 10_900, 10_000)
    expect(within).toMatchObject({ kind: 'waiting', degradedSince: 10_000 })
    const past = judgeApplication(degraded, baseline, expectation, 11_000, 10_000)
    expect(past).toMatchObject({
      kind: 'failed',
      code: 'HEALTH_CHECK_FAILED',
      details: 'Deployment/chef/webui: readiness probe failed'
    })
    // Recovering resets the clock.
    const recovered = judgeApplication(
      after({ health: { status: 'Progressing' } }),
      baseline,
      expectation,
      10_500,
      10_000
    )
    expect(recovered).toMatchObject({ kind: 'waiting', degradedSince: undefined })
    // Degraded before the reconciliation after our sync is the old state: not counted.
    const stale = after({ reconciledAt: '2026-11-21T23:00:00Z', health: { status: 'Degraded' } })
    expect(judgeApplication(stale, baseline, expectation, 99_000, 0)).toMatchObject({
      kind: 'waiting'
    })
  })
})
