import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { selfSignedCertificate } from '../fixtures/tls.js'
import { startKubernetesSimulator, type KubernetesSimulator } from '../simulators/kubernetes.js'
import { NEW_IMAGE, OLD_IMAGE, TOKEN, scratch } from './kubernetes-fixtures.js'

/**
 * The simulator read by the real kubectl, so that it is held to the real client's reading of the
 * protocol (discovery, Table answers, list-then-watch from a resourceVersion), not only to ours.
 * Where a local machine has no kubectl the test says so in its name and counts as skipped;
 * under CI it fails.
 */
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0
// This machine's image has kubectl: under CI its absence is a broken machine, not a skip.
if (!kubectl && process.env.CI === 'true') {
  throw new Error('kubectl is not on PATH: the kube-apiserver simulator cannot be held to it')
}
const maybe = kubectl ? it : it.skip
const named = (title: string): string => (kubectl ? title : `kubectl not on PATH: ${title}`)

/** kubectl sends a bearer token only over HTTPS: the simulator serves it with a test CA. */
const tls = kubectl ? selfSignedCertificate() : undefined
let sim: KubernetesSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

function run(args: string[], kubeconfig: string): Promise<{ code: number | null; out: string }> {
  return new Promise(resolve => {
    const child = spawn('kubectl', ['--kubeconfig', kubeconfig, ...args], {
      env: { ...process.env, KUBECACHEDIR: scratch(), HOME: scratch() }
    })
    let out = ''
    child.stdout.on('data', chunk => (out += String(chunk)))
    child.stderr.on('data', chunk => (out += String(chunk)))
    child.on('close', code => resolve({ code, out }))
  })
}

describe('the simulator, read by the real kubectl', () => {
  maybe(named('kubectl get deploy lists the deployment with its replicas'), async () => {
    sim = await startKubernetesSimulator({ token: TOKEN, tls })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    const kubeconfig = sim.kubeconfig(scratch(), { namespace: 'shop' })
    const { code, out } = await run(['get', 'deploy'], kubeconfig)
    expect(out).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nwebui\s+3\/3\s+3\s+3\s+\d+s/)
    expect(code).toBe(0)
  })

  maybe(
    named('kubectl rollout status follows a scripted rollout to its end through the watch'),
    async () => {
      // Slow enough that kubectl, a second after the patch, finds the rollout under way.
      sim = await startKubernetesSimulator({ token: TOKEN, stepMs: 400, tls })
      sim.addDeployment({
        namespace: 'shop',
        name: 'webui',
        containers: [{ name: 'web', image: OLD_IMAGE }]
      })
      const kubeconfig = sim.kubeconfig(scratch(), { namespace: 'shop' })
      const set = await run(['set', 'image', 'deployment/webui', `web=${NEW_IMAGE}`], kubeconfig)
      expect(set.out).toContain('deployment.apps/webui image updated')
      const { code, out } = await run(
        ['rollout', 'status', 'deployment/webui', '--timeout=60s'],
        kubeconfig
      )
      expect(out).toMatch(
        /Waiting for deployment "webui" rollout to finish: (\d out of 3 new replicas have been updated|1 old replicas are pending termination)\.\.\./
      )
      expect(out).toContain('deployment "webui" successfully rolled out')
      expect(code).toBe(0)
      expect(sim.watchRequests.length).toBeGreaterThan(0)
    }
  )

  maybe(named('kubectl rollout status fails on ProgressDeadlineExceeded'), async () => {
    sim = await startKubernetesSimulator({ token: TOKEN, tls })
    sim.addDeployment({
      namespace: 'shop',
      name: 'webui',
      containers: [{ name: 'web', image: OLD_IMAGE }]
    })
    sim.scenario(NEW_IMAGE, { trouble: 'image-pull-backoff', progressDeadlineAfter: 2 })
    const kubeconfig = sim.kubeconfig(scratch(), { namespace: 'shop' })
    await run(['set', 'image', 'deployment/webui', `web=${NEW_IMAGE}`], kubeconfig)
    const { code, out } = await run(
      ['rollout', 'status', 'deployment/webui', '--timeout=60s'],
      kubeconfig
    )
    expect(out).toMatch(/deployment "webui" exceeded its progress deadline/)
    expect(code).not.toBe(0)
  })
})
