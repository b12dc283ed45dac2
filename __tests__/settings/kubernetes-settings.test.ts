import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import { createTestRepo, type TestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/** deploy.kubernetes and deploy.helm in the config: defaults, environment overrides, problems. */
const CONFIG = `registry: 127.0.0.1:5000/acme
services:
  webui:
    build: {context: webui}
    deploy:
      helm:
        release: webui
        chart: charts/webui
        namespace: shop
        values: [charts/webui/values.yaml]
        set: {replicaCount: 2, app.env: '{environment}', podAnnotations.tag: '{image_tag}'}
        set_secret: {session.secret: SESSION_SECRET}
        image_pull_secret: {name: ecr-pull, service_account: webui}
  api:
    build: {context: webui}
    deploy:
      kubernetes:
        namespace: shop
        workloads: [deployment/api, sts/api-cache, DaemonSet/api-agent]
        container: app
        image_pull_secret: ghcr-pull
environments:
  prod:
    services:
      webui: {deploy: {helm: {context: prod, create_namespace: true, set: {replicaCount: 4}}}}
      api: {deploy: {kubernetes: {context: prod, rollback_on_failure: true}}}
`

function repo(config = CONFIG): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': config,
    'webui/Dockerfile': 'FROM scratch\n',
    'charts/webui/Chart.yaml': 'apiVersion: v2\nname: webui\nversion: 0.1.0\n',
    'charts/webui/values.yaml': 'replicaCount: 1\n',
    'kube/config': 'apiVersion: v1\nkind: Config\n'
  })
}

async function read(r: TestRepo, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const core = recordingToolkit({ environment: 'dev', ...inputs })
  return readSettings(core, {
    GITHUB_WORKSPACE: r.dir,
    RUNNER_TEMP: join(r.dir, '.tmp'),
    SESSION_SECRET: 's',
    ...env
  })
}

async function problems(
  r: TestRepo,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<string> {
  const error = await read(r, inputs, env).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return (error as DeployError).message
}

describe('Kubernetes and Helm settings', () => {
  it('masks the set_secret values, which may come from a step output rather than secrets.', async () => {
    const r = repo()
    const core = recordingToolkit({ environment: 'dev' })
    await readSettings(core, {
      GITHUB_WORKSPACE: r.dir,
      RUNNER_TEMP: join(r.dir, '.tmp'),
      SESSION_SECRET: 'first-line\nsecond-line\n'
    })
    expect(core.secrets).toEqual(
      expect.arrayContaining(['first-line\nsecond-line', 'first-line', 'second-line'])
    )
  })

  it('reads both targets with their defaults, and the kubeconfig input confined to the workspace', async () => {
    const r = repo()
    const settings = await read(r, { kubeconfig: 'kube/config' })
    expect(settings.deploy.kubeconfig).toBe(join(r.dir, 'kube/config'))
    const [webui, api] = settings.services
    expect(webui?.deploy).toEqual({
      kind: 'helm',
      context: undefined,
      namespace: 'shop',
      imagePullSecret: { name: 'ecr-pull', serviceAccount: 'webui' },
      release: 'webui',
      chart: join(r.dir, 'charts/webui'),
      repoUrl: undefined,
      version: undefined,
      createNamespace: false,
      values: [join(r.dir, 'charts/webui/values.yaml')],
      set: { replicaCount: 2, 'app.env': '{environment}', 'podAnnotations.tag': '{image_tag}' },
      setSecret: { 'session.secret': 'SESSION_SECRET' },
      setImage: { repository: 'image.repository', tag: 'image.tag', digest: undefined },
      dependencyUpdate: undefined,
      helmTimeoutMs: undefined,
      rollbackOnFailure: true,
      timeoutMs: undefined,
      pollIntervalMs: undefined
    })
    expect(api?.deploy).toEqual({
      kind: 'kubernetes',
      context: undefined,
      namespace: 'shop',
      imagePullSecret: { name: 'ghcr-pull', serviceAccount: 'default' },
      workloads: [
        { kind: 'Deployment', name: 'api' },
        { kind: 'StatefulSet', name: 'api-cache' },
        { kind: 'DaemonSet', name: 'api-agent' }
      ],
      container: 'app',
      rollbackOnFailure: false,
      timeoutMs: undefined,
      pollIntervalMs: undefined
    })
  })

  it('merges an environment over the service, key by key', async () => {
    const settings = await read(repo(), { environment: 'prod' })
    const [webui, api] = settings.services
    expect(webui?.deploy).toMatchObject({
      context: 'prod',
      createNamespace: true,
      set: { replicaCount: 4, 'app.env': '{environment}' }
    })
    expect(api?.deploy).toMatchObject({
      context: 'prod',
      rollbackOnFailure: true,
      container: 'app'
    })
  })

  it('a workload that is not kind/name is refused by the schema, naming the key', async () => {
    const message = await problems(repo(CONFIG.replace('deployment/api,', 'pod/api,')))
    expect(message).toContain(
      'services.api.deploy.kubernetes.workloads.0: expected kind/name such as deployment/webui'
    )
  })

  it('lists every other problem at once', async () => {
    const bad = CONFIG.replace('chart: charts/webui', 'chart: ../outside').replace(
      "podAnnotations.tag: '{image_tag}'",
      "podAnnotations.tag: '{git_sha}'"
    )
    const message = await problems(
      repo(bad),
      { kubeconfig: '/etc/kubernetes/admin.conf' },
      { SESSION_SECRET: '' }
    )
    expect(message).toContain(
      "services.webui.deploy.helm.chart: '../outside' leads outside the workspace"
    )
    expect(message).toContain(
      'services.webui.deploy.helm.set.podAnnotations.tag: unknown placeholder {git_sha}'
    )
    expect(message).toContain(
      'services.webui.deploy.helm.set_secret.session.secret: the environment variable SESSION_SECRET is not set or empty'
    )
    expect(message).toMatch(
      /input 'kubeconfig': '\/etc\/kubernetes\/admin\.conf' leads outside the workspace or RUNNER_TEMP/
    )
  })

  it('a chart directory without Chart.yaml, and version without repo_url, are problems', async () => {
    const bad = CONFIG.replace('chart: charts/webui', 'chart: webui\n        version: 1.0.0')
    const message = await problems(repo(bad))
    expect(message).toContain('has no Chart.yaml: give a chart directory in the repository')
    expect(message).toContain('services.webui.deploy.helm.version: only used with repo_url')
  })

  it('the Kubernetes example config of examples/shop is valid, with its chart', async () => {
    const example = resolve(import.meta.dirname, '../../examples/shop')
    const file = (path: string): string => readFileSync(join(example, path), 'utf8')
    const r = createTestRepo({
      '.github/deploy-kubernetes.yml': file('.github/deploy-kubernetes.yml'),
      'webui/Dockerfile': file('webui/Dockerfile'),
      'api/Dockerfile': file('api/Dockerfile'),
      'worker/Dockerfile': file('worker/Dockerfile'),
      'charts/webui/Chart.yaml': file('charts/webui/Chart.yaml')
    })
    const settings = await read(r, { config: '.github/deploy-kubernetes.yml', environment: 'prod' })
    expect(settings.services.map(s => s.deploy?.kind)).toEqual(['helm', 'kubernetes', undefined])
    expect(settings.services[0]?.deploy).toMatchObject({
      context: 'shop-prod',
      set: { replicaCount: 4 }
    })
  })
})
