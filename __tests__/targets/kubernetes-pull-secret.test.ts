import { afterEach, describe, expect, it } from '@jest/globals'
import { deploy } from '../../src/targets/kubernetes.js'
import { dockerConfigJson } from '../../src/targets/kubernetes-pull-secret.js'
import type { RegistryLogin } from '../../src/targets/types.js'
import { startKubernetesSimulator, type KubernetesSimulator } from '../simulators/kubernetes.js'
import { spawned, recordSpawns } from '../images/spawn-recorder.js'
import {
  OLD_IMAGE,
  TOKEN,
  everythingSaid,
  failure,
  kubernetesTarget,
  recorder,
  request,
  scratch
} from './kubernetes-fixtures.js'

recordSpawns()

/**
 * image_pull_secret: a kubernetes.io/dockerconfigjson secret from the run's own registry
 * credentials (here an ECR-like token that changes between runs), listed once in the service
 * account, refreshed only when the token changes, the token in no log, message or argv.
 */
const ECR_HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const FIRST_TOKEN = 'ecr-token-first-4b8d0c7a9e'
const SECOND_TOKEN = 'ecr-token-second-71f3aa20bd'

let sim: KubernetesSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

function login(password: string): () => Promise<RegistryLogin> {
  return () => Promise.resolve({ host: ECR_HOST, username: 'AWS', password })
}

interface SecretView {
  type: string
  metadata: { resourceVersion: string; labels: Record<string, string> }
  data: Record<string, string>
}

describe('image_pull_secret', () => {
  it('is created, refreshed when the token changes, and the service account patched once', async () => {
    sim = await startKubernetesSimulator({ token: TOKEN })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    const kubeconfig = sim.kubeconfig(scratch())
    const target = kubernetesTarget({
      imagePullSecret: { name: 'ecr-pull', serviceAccount: 'default' }
    })
    const saPatches = (): number =>
      (sim as KubernetesSimulator).patches.filter(p => p.path.endsWith('/serviceaccounts/default'))
        .length
    const secret = (): SecretView =>
      (sim as KubernetesSimulator).get('secrets', 'shop', 'ecr-pull') as unknown as SecretView

    const first = recorder()
    await deploy(request(target, { kubeconfig, login: login(FIRST_TOKEN) }), first)
    expect(secret().type).toBe('kubernetes.io/dockerconfigjson')
    expect(secret().metadata.labels['app.kubernetes.io/managed-by']).toBe('deploy-pipeline')
    const stored = JSON.parse(
      Buffer.from(secret().data['.dockerconfigjson'] ?? '', 'base64').toString()
    ) as {
      auths: Record<string, { username: string; password: string; auth: string }>
    }
    expect(stored.auths[ECR_HOST]).toEqual({
      username: 'AWS',
      password: FIRST_TOKEN,
      auth: Buffer.from(`AWS:${FIRST_TOKEN}`).toString('base64')
    })
    const account = sim.get('serviceaccounts', 'shop', 'default') as unknown as {
      imagePullSecrets: { name: string }[]
    }
    expect(account.imagePullSecrets).toEqual([{ name: 'ecr-pull' }])
    expect(saPatches()).toBe(1)
    expect(first.lines).toContain(
      'info: image pull secret ecr-pull in namespace shop: created; added to service account default'
    )

    // The same token again: nothing written.
    const version = secret().metadata.resourceVersion
    const same = recorder()
    await deploy(request(target, { kubeconfig, login: login(FIRST_TOKEN) }), same)
    expect(secret().metadata.resourceVersion).toBe(version)
    expect(same.lines).toContain('info: image pull secret ecr-pull in namespace shop: unchanged')

    // A new token (ECR's expire after 12 hours): the secret is refreshed, the account left alone.
    const next = recorder()
    await deploy(request(target, { kubeconfig, login: login(SECOND_TOKEN) }), next)
    expect(Buffer.from(secret().data['.dockerconfigjson'] ?? '', 'base64').toString()).toContain(
      SECOND_TOKEN
    )
    expect(saPatches()).toBe(1)
    expect(next.lines).toContain(
      'info: image pull secret ecr-pull in namespace shop: refreshed (the registry credentials changed)'
    )

    // The token went to the API in request bodies only: no log line, message, URL or argv.
    const forms = [
      FIRST_TOKEN,
      SECOND_TOKEN,
      ...[FIRST_TOKEN, SECOND_TOKEN].map(t => Buffer.from(`AWS:${t}`).toString('base64'))
    ]
    const said = [
      everythingSaid(first),
      everythingSaid(same),
      everythingSaid(next),
      JSON.stringify(spawned)
    ].join('\n')
    const urls = sim.server.requests.map(r => r.url.toString()).join('\n')
    for (const form of forms) {
      expect(said).not.toContain(form)
      expect(urls).not.toContain(form)
    }
  })

  it('keeps the secrets the account already lists, and patches with its resourceVersion', async () => {
    sim = await startKubernetesSimulator({ token: TOKEN })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    sim.addNamespace('shop')
    const kubeconfig = sim.kubeconfig(scratch())
    // Someone listed another secret first.
    const before = sim.get('serviceaccounts', 'shop', 'default') as unknown as {
      metadata: { resourceVersion: string }
      imagePullSecrets?: { name: string }[]
    }
    before.imagePullSecrets = [{ name: 'docker-hub' }]
    await deploy(
      request(
        kubernetesTarget({ imagePullSecret: { name: 'ecr-pull', serviceAccount: 'default' } }),
        {
          kubeconfig,
          login: login(FIRST_TOKEN)
        }
      ),
      recorder()
    )
    const patch = sim.patches.find(p => p.path.endsWith('/serviceaccounts/default'))
    expect(patch?.contentType).toBe('application/strategic-merge-patch+json')
    expect(patch?.body).toEqual({
      metadata: { resourceVersion: before.metadata.resourceVersion },
      imagePullSecrets: [{ name: 'docker-hub' }, { name: 'ecr-pull' }]
    })
  })

  it('never overwrites a secret it did not make', async () => {
    sim = await startKubernetesSimulator({ token: TOKEN })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    sim.addSecret('shop', {
      metadata: { name: 'ecr-pull' },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': Buffer.from('{"auths":{}}').toString('base64') }
    })
    const error = await failure(
      deploy(
        request(
          kubernetesTarget({ imagePullSecret: { name: 'ecr-pull', serviceAccount: 'default' } }),
          {
            kubeconfig: sim.kubeconfig(scratch()),
            login: login(FIRST_TOKEN)
          }
        ),
        recorder()
      )
    )
    expect(error.message).toMatch(
      /secret 'ecr-pull' in namespace shop exists and was not made by deploy-pipeline/
    )
    expect(sim.patches).toHaveLength(0)
  })

  it('an anonymous registry has nothing to put in a pull secret: INVALID_INPUT', async () => {
    sim = await startKubernetesSimulator({ token: TOKEN })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    const error = await failure(
      deploy(
        request(
          kubernetesTarget({ imagePullSecret: { name: 'pull', serviceAccount: 'default' } }),
          {
            kubeconfig: sim.kubeconfig(scratch()),
            login: () =>
              Promise.resolve({ host: '127.0.0.1:5000', username: undefined, password: undefined })
          }
        ),
        recorder()
      )
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/the run has no credentials for 127\.0\.0\.1:5000/)
  })

  it('the same login makes the same secret, so a comparison tells a new token', () => {
    const a = dockerConfigJson({ host: ECR_HOST, username: 'AWS', password: 'p' })
    expect(dockerConfigJson({ host: ECR_HOST, username: 'AWS', password: 'p' })).toBe(a)
    expect(dockerConfigJson({ host: ECR_HOST, username: 'AWS', password: 'q' })).not.toBe(a)
  })
})
