import { describe, expect, it } from '@jest/globals'
import type { Application, ApplicationSpec } from '../../src/clients/argocd.js'
import { DeployError } from '../../src/errors.js'
import {
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
