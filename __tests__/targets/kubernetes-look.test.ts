import { afterEach, describe, expect, it } from '@jest/globals'
import { lookAtService } from '../../src/targets/kubernetes-look.js'
import { describePlan } from '../../src/plan/describe.js'
import type { Plan } from '../../src/plan/types.js'
import { testSettings } from '../fixtures/settings.js'
import { startKubernetesSimulator, type KubernetesSimulator } from '../simulators/kubernetes.js'
import { pathWith } from './helm-stand-in.js'
import {
  OLD_IMAGE,
  TOKEN,
  helmTarget,
  kubernetesTarget,
  plannedService,
  scratch
} from './kubernetes-fixtures.js'

/**
 * The preflight's read-only look (a dry run takes it too): what would change, and every problem
 * the deploy would meet, found before anything is built. Nothing is written to the cluster.
 */
let sim: KubernetesSimulator | undefined
const env = { ...process.env }
afterEach(async () => {
  process.env = { ...env }
  await sim?.close()
  sim = undefined
})

const bounds = {
  signal: new AbortController().signal,
  retry: { attempts: 2, attemptTimeoutMs: 5000, baseDelayMs: 10 }
}

async function cluster(): Promise<ReturnType<typeof testSettings>> {
  sim = await startKubernetesSimulator({ token: TOKEN })
  sim.addDeployment({
    namespace: 'shop',
    name: 'webui',
    containers: [{ name: 'web', image: OLD_IMAGE }]
  })
  return testSettings({ deploy: { kubeconfig: sim.kubeconfig(scratch()) } })
}

describe('the preflight look at Kubernetes and Helm services', () => {
  it('tells what would change, and changes nothing', async () => {
    const settings = await cluster()
    const target = kubernetesTarget()
    const look = await lookAtService(settings, plannedService(target), target, bounds)
    expect(look.problems).toEqual([])
    expect(look.lines).toEqual([
      "webui: kubeconfig context 'sim' (" +
        (sim as KubernetesSimulator).url +
        ') answers (Kubernetes v1.31.4-sim)',
      `webui: deployment/webui container web: ${OLD_IMAGE} -> ghcr.io/acme/webui:v1.1.0 (by digest once pushed)`
    ])
    expect(sim?.patches).toEqual([])
    expect(
      sim?.server.requests.filter(
        r => r.method !== 'GET' && !r.path.endsWith('selfsubjectaccessreviews')
      )
    ).toEqual([])
  })

  it('lists every problem: a missing workload, a permission refused', async () => {
    const settings = await cluster()
    sim?.deny('patch', 'deployments')
    const target = kubernetesTarget({
      workloads: [
        { kind: 'Deployment', name: 'webui' },
        { kind: 'Deployment', name: 'api' }
      ]
    })
    const look = await lookAtService(settings, plannedService(target), target, bounds)
    expect(look.problems).toEqual([
      'webui: deployment/api does not exist in namespace shop',
      expect.stringMatching(
        /^webui: kubeconfig context 'sim' \(.*\) may not patch deployments\.apps in namespace shop: grant the deploy identity the role in docs\/kubernetes\.md$/
      )
    ])
  })

  it('a release left pending by an interrupted helm is a problem, with the way out', async () => {
    const settings = await cluster()
    sim?.addSecret('shop', {
      metadata: {
        name: 'sh.helm.release.v1.webui.v3',
        labels: { owner: 'helm', name: 'webui', status: 'pending-upgrade', version: '3' }
      },
      type: 'helm.sh/release.v1'
    })
    process.env.PATH = pathWith(scratch())
    const target = helmTarget({ chart: '/w/charts/webui' })
    const look = await lookAtService(settings, plannedService(target), target, bounds)
    expect(look.problems).toEqual([
      'webui: helm is not on PATH: add `- uses: azure/setup-helm@v4` before this action (deploy.helm runs helm upgrade --install)',
      'webui: Helm release webui is pending-upgrade (revision 3): an earlier helm run was interrupted; roll it back (helm rollback webui -n shop) before deploying'
    ])
  })

  it('a cluster that does not answer is unreachable, not a config problem', async () => {
    const settings = await cluster()
    sim?.server.faults.inject({ kind: 'status', status: 503 }, { times: 5 })
    const target = kubernetesTarget()
    const look = await lookAtService(settings, plannedService(target), target, bounds)
    expect(look.unreachable).toBe(true)
    expect(look.problems[0]).toMatch(/did not answer: Kubernetes GET \/version answered HTTP 503/)
  })

  it('the dry run plan says where each service goes', () => {
    const plan = {
      environment: 'dev',
      commit: 'c',
      deploymentId: 'd',
      version: { gitTag: undefined, imageTag: 'v1', reused: false, reason: '' },
      release: undefined,
      layers: [['webui', 'api']],
      services: [
        plannedService(
          kubernetesTarget({
            workloads: [
              { kind: 'Deployment', name: 'webui' },
              { kind: 'StatefulSet', name: 'cache' }
            ],
            container: 'web',
            context: 'prod'
          })
        ),
        {
          ...plannedService(
            helmTarget({
              chart: 'bitnami/nginx',
              repoUrl: 'https://charts.bitnami.com/bitnami',
              version: '18.2.4'
            })
          ),
          name: 'api'
        }
      ]
    } as unknown as Plan
    const lines = describePlan(plan)
    expect(lines).toContain(
      '  webui: build ghcr.io/acme/webui:v1.1.0; Kubernetes deployment/webui, statefulset/cache (container web) in namespace shop of context prod'
    )
    expect(lines).toContain(
      '  api: build ghcr.io/acme/webui:v1.1.0; Helm release webui (chart bitnami/nginx 18.2.4 from https://charts.bitnami.com/bitnami) in namespace shop'
    )
  })
})
