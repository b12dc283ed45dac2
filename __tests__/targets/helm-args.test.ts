import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import type { HelmTarget } from '../../src/settings/types.js'
import {
  escapeSetValue,
  helmCommands,
  helmTimeoutMs,
  manifestArgs,
  type HelmFacts,
  type HelmRun
} from '../../src/targets/helm-args.js'
import { DIGEST, helmTarget } from './kubernetes-fixtures.js'

/** The helm command lines are a pure function of the target, the plan and helm's facts. */
const IMAGE = `ghcr.io/acme/webui:v1.1.0@${DIGEST}`
const run: HelmRun = {
  imageUri: IMAGE,
  plan: {
    environment: 'stage',
    version: { imageTag: 'v1.1.0-rc.2', version: '1.1.0' } as HelmRun['plan']['version']
  },
  kubeconfig: undefined,
  deployTimeoutMs: 600_000
}
const HELM3: HelmFacts = {
  major: 3,
  chartDependencies: false,
  customKinds: [],
  secretValuesFile: undefined
}
const HELM4: HelmFacts = { ...HELM3, major: 4 }

const HEAD = ['upgrade', '--install', 'webui', '/w/charts/webui', '--namespace', 'shop']
const IMAGE_SETS = [
  '--set-string',
  'image.repository=ghcr.io/acme/webui',
  '--set-string',
  'image.tag=v1.1.0'
]
const TIMEOUT = ['--timeout', '480s']

describe('helmCommands', () => {
  // prettier-ignore
  it.each<[string, Partial<HelmTarget>, HelmFacts, Partial<HelmRun>, string[]]>([
    ['Helm 3: --atomic', {}, HELM3, {}, [...HEAD, ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    ['Helm 4: --rollback-on-failure, the watcher', {}, HELM4, {}, [...HEAD, ...IMAGE_SETS, '--rollback-on-failure', '--wait=watcher', ...TIMEOUT]],
    ['Helm 4 with custom resources: --wait=legacy', {}, { ...HELM4, customKinds: ['Certificate'] }, {}, [...HEAD, ...IMAGE_SETS, '--rollback-on-failure', '--wait=legacy', ...TIMEOUT]],
    ['Helm 3 without rollback: --wait', { rollbackOnFailure: false }, HELM3, {}, [...HEAD, ...IMAGE_SETS, '--wait', ...TIMEOUT]],
    ['Helm 4 without rollback', { rollbackOnFailure: false }, { ...HELM4, customKinds: ['Rollout'] }, {}, [...HEAD, ...IMAGE_SETS, '--wait=legacy', ...TIMEOUT]],
    ['context, kubeconfig, create_namespace', { context: 'prod', createNamespace: true }, HELM3, { kubeconfig: '/tmp/kube/config' }, [...HEAD, '--kube-context', 'prod', '--kubeconfig', '/tmp/kube/config', '--create-namespace', ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    ['a repository chart with a version', { chart: 'bitnami/nginx', repoUrl: 'https://charts.bitnami.com/bitnami', version: '18.2.4' }, HELM3, {}, ['upgrade', '--install', 'webui', 'nginx', '--namespace', 'shop', '--repo', 'https://charts.bitnami.com/bitnami', '--version', '18.2.4', ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    ['an OCI chart', { chart: 'webui', repoUrl: 'oci://ghcr.io/acme/charts/', version: '0.3.0' }, HELM4, {}, ['upgrade', '--install', 'webui', 'oci://ghcr.io/acme/charts/webui', '--namespace', 'shop', '--version', '0.3.0', ...IMAGE_SETS, '--rollback-on-failure', '--wait=watcher', ...TIMEOUT]],
    ['values files, then the secret values file', { values: ['/w/values.yaml', '/w/values-stage.yaml'] }, { ...HELM3, secretValuesFile: '/t/deploy-pipeline-helm/webui-1.yaml' }, {}, [...HEAD, '--values', '/w/values.yaml', '--values', '/w/values-stage.yaml', '--values', '/t/deploy-pipeline-helm/webui-1.yaml', ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    [
      'set with placeholders; numbers and booleans as --set',
      { set: { 'app.version': '{version}', 'app.env': '{environment}', 'image.uri': '{image_uri}', replicaCount: 3, 'ingress.enabled': true, 'podAnnotations.digest': '{image_digest}' } },
      HELM3, {},
      [...HEAD, '--set-string', 'app.version=1.1.0', '--set-string', 'app.env=stage', '--set-string', `image.uri=${IMAGE}`, '--set', 'replicaCount=3', '--set', 'ingress.enabled=true', '--set-string', `podAnnotations.digest=${DIGEST}`, ...IMAGE_SETS, '--atomic', ...TIMEOUT]
    ],
    ['set_image with a digest key', { setImage: { repository: 'web.image.repo', tag: undefined, digest: 'web.image.digest' } }, HELM3, {}, [...HEAD, '--set-string', 'web.image.repo=ghcr.io/acme/webui', '--set-string', `web.image.digest=${DIGEST}`, '--atomic', ...TIMEOUT]],
    ['set_image: false', { setImage: undefined }, HELM3, {}, [...HEAD, '--atomic', ...TIMEOUT]],
    ['a chart without an image: no image keys', {}, HELM3, { imageUri: undefined }, [...HEAD, '--atomic', ...TIMEOUT]],
    ['{version} without a git tag is the image tag', { set: { v: '{version}' } }, HELM3, { plan: { environment: 'dev', version: { imageTag: 'dev-2611210700', version: undefined } as HelmRun['plan']['version'] } }, [...HEAD, '--set-string', 'v=dev-2611210700', ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    ['values that would split or become lists are escaped', { set: { hosts: 'a.example.com,b.example.com', json: '{"a":1}', path: 'C:\\dir' } }, HELM3, {}, [...HEAD, '--set-string', 'hosts=a.example.com\\,b.example.com', '--set-string', 'json=\\{"a":1}', '--set-string', 'path=C:\\\\dir', ...IMAGE_SETS, '--atomic', ...TIMEOUT]],
    ['helm timeout given', { helmTimeoutMs: 90_000 }, HELM3, {}, [...HEAD, ...IMAGE_SETS, '--atomic', '--timeout', '90s']]
  ])('%s', (_name, target, facts, overrides, expected) => {
    expect(helmCommands(helmTarget(target), { ...run, ...overrides }, facts).upgrade).toEqual(expected)
  })

  it('updates dependencies first when a local chart declares them, unless told not to', () => {
    expect(
      helmCommands(helmTarget(), run, { ...HELM3, chartDependencies: true }).dependencyUpdate
    ).toEqual(['dependency', 'update', '/w/charts/webui'])
    expect(
      helmCommands(helmTarget({ dependencyUpdate: false }), run, {
        ...HELM3,
        chartDependencies: true
      }).dependencyUpdate
    ).toBeUndefined()
    expect(
      helmCommands(helmTarget({ dependencyUpdate: true }), run, HELM3).dependencyUpdate
    ).toBeDefined()
    expect(
      helmCommands(
        helmTarget({ repoUrl: 'https://x', chart: 'x', dependencyUpdate: true }),
        run,
        HELM3
      ).dependencyUpdate
    ).toBeUndefined()
  })

  it('secret values are never in argv: only the values file that holds them', () => {
    const secret = 's3cr3t-db-password'
    const target = helmTarget({ setSecret: { 'db.password': 'DB_PASSWORD' } })
    // Set as the job would set it, so that a command line built from the environment shows here.
    const before = process.env.DB_PASSWORD
    process.env.DB_PASSWORD = secret
    let argv: readonly string[]
    try {
      argv = helmCommands(target, run, {
        ...HELM4,
        secretValuesFile: '/t/deploy-pipeline-helm/webui.yaml'
      }).upgrade
    } finally {
      if (before === undefined) delete process.env.DB_PASSWORD
      else process.env.DB_PASSWORD = before
    }
    expect(argv.join(' ')).not.toContain(secret)
    expect(argv.join(' ')).not.toContain('DB_PASSWORD')
    expect(argv.join(' ')).not.toContain('db.password')
    expect(argv).toContain('/t/deploy-pipeline-helm/webui.yaml')
  })

  it('a placeholder of the image on a service without one is INVALID_INPUT', () => {
    expect(() =>
      helmCommands(
        helmTarget({ set: { tag: '{image_tag}' } }),
        { ...run, imageUri: undefined },
        HELM3
      )
    ).toThrow(
      new DeployError(
        'INVALID_INPUT',
        'set.tag uses {image_tag}, but the service has no image: give it a build or an image'
      )
    )
  })

  it('helm stops inside the deploy timeout, with room to roll back', () => {
    expect(helmTimeoutMs(helmTarget(), 30 * 60_000)).toBe(24 * 60_000)
    expect(helmTimeoutMs(helmTarget(), 10_000)).toBe(30_000)
    expect(manifestArgs(helmTarget({ context: 'c' }), '/k')).toEqual([
      'get',
      'manifest',
      'webui',
      '--namespace',
      'shop',
      '--kube-context',
      'c',
      '--kubeconfig',
      '/k'
    ])
    expect(escapeSetValue('a,b\\c')).toBe('a\\,b\\\\c')
  })
})
