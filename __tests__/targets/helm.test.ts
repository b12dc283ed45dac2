import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import {
  chartFacts,
  manifestWorkloads,
  secretValuesDir,
  writeSecretValues
} from '../../src/clients/helm.js'
import { EventBus } from '../../src/events/bus.js'
import { logSink } from '../../src/events/sinks/log.js'
import { emptyRunState } from '../../src/phases/context.js'
import { runDeployPhase } from '../../src/phases/deploy.js'
import { runPost } from '../../src/post.js'
import { safeToolkit } from '../../src/toolkit.js'
import { RUN_STATE_KEY, readRunState, saveRunState, type SavedRun } from '../../src/run-state.js'
import type { ServiceSettings } from '../../src/settings/types.js'
import { helmCommands } from '../../src/targets/helm-args.js'
import { deploy } from '../../src/targets/helm.js'
import { testSettings } from '../fixtures/settings.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { startKubernetesSimulator, type KubernetesSimulator } from '../simulators/kubernetes.js'
import { helmStandIn, pathWith } from './helm-stand-in.js'
import {
  DIGEST,
  OLD_IMAGE,
  TOKEN,
  everythingSaid,
  failure,
  helmTarget,
  recorder,
  request,
  scratch
} from './kubernetes-fixtures.js'

const CHART = resolve(import.meta.dirname, '../../examples/shop/charts/webui')
const SECRET = 'session-secret-9c1e55d2a7'
const env = { ...process.env }
let sim: KubernetesSimulator | undefined

beforeEach(() => {
  process.env.SESSION_SECRET = SECRET
})
afterEach(async () => {
  process.env = { ...env }
  await sim?.close()
  sim = undefined
})

async function cluster(): Promise<{ sim: KubernetesSimulator; kubeconfig: string }> {
  // Slow enough that the rollout helm started is still under way when helm has ended.
  sim = await startKubernetesSimulator({ token: TOKEN, stepMs: 150 })
  sim.addDeployment({
    namespace: 'shop',
    name: 'webui',
    containers: [{ name: 'web', image: OLD_IMAGE }]
  })
  return { sim, kubeconfig: sim.kubeconfig(scratch()) }
}

describe('deploy.helm', () => {
  it('without helm on PATH: DEPLOY_FAILED naming azure/setup-helm', async () => {
    process.env.PATH = pathWith(scratch())
    const error = await failure(deploy(request(helmTarget({ chart: CHART })), recorder()))
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toBe(
      'helm is not on PATH: add `- uses: azure/setup-helm@v4` before this action (deploy.helm runs helm upgrade --install)'
    )
  })

  it.each([
    ['v3.16.2', '--atomic'],
    ['v4.0.1', '--rollback-on-failure']
  ])(
    'helm %s: one upgrade --install, secret values in a 0600 file removed after, then the watch follows the release',
    async (version, rollbackFlag) => {
      const { sim, kubeconfig } = await cluster()
      const temp = scratch()
      const helm = helmStandIn(scratch(), {
        version,
        cluster: { url: sim.url, token: TOKEN, namespace: 'shop', name: 'webui', container: 'web' }
      })
      process.env.PATH = pathWith(helm.dir)
      const target = helmTarget({ chart: CHART, setSecret: { 'session.secret': 'SESSION_SECRET' } })
      const context = recorder()
      const outcome = await deploy(
        request(target, {
          kubeconfig,
          settings: { context: { ...testSettings().context, tempDir: temp } }
        }),
        context
      )

      const calls = helm.calls()
      const upgrades = calls.filter(c => c.argv[0] === 'upgrade')
      expect(upgrades).toHaveLength(1)
      const upgrade = upgrades[0]?.argv ?? []
      expect(upgrade.slice(0, 4)).toEqual(['upgrade', '--install', 'webui', CHART])
      expect(upgrade).toContain(rollbackFlag)
      expect(upgrade).toContain('image.tag=v1.1.0')
      // The secret reached helm in a file only the runner's user could read, and nowhere else.
      expect(upgrades[0]?.valuesFiles).toEqual([
        expect.objectContaining({ mode: 0o600, text: `session:\n  secret: ${SECRET}\n` })
      ])
      expect(JSON.stringify(calls.map(c => c.argv))).not.toContain(SECRET)
      expect(readdirSync(secretValuesDir(temp))).toEqual([])
      // helm's output is its own log group; the release's Deployment was followed to its end.
      expect(context.blocks[0]?.title).toBe(`helm upgrade --install webui (webui, helm ${version})`)
      expect(context.blocks[0]?.lines).toContain(
        '::error::a chart NOTES.txt that prints a workflow command'
      )
      expect(context.lines).toContain('progress: webui: 3/3 pods updated and available')
      expect(sim.watchRequests.length).toBeGreaterThan(0)
      expect(outcome.outputs?.helm_release).toBe('webui')
      expect(everythingSaid(context)).not.toContain(SECRET)
    }
  )

  it("helm's output reaches the log through the deploy phase inside a stop-commands block", async () => {
    const { sim, kubeconfig } = await cluster()
    const helm = helmStandIn(scratch(), {
      version: 'v3.16.2',
      cluster: { url: sim.url, token: TOKEN, namespace: 'shop', name: 'webui', container: 'web' }
    })
    process.env.PATH = pathWith(helm.dir)
    const recorded = recordingToolkit()
    const core = safeToolkit(recorded)
    const bus = new EventBus(() => undefined)
    bus.attach(logSink(core))
    const { plan, settings, imageUri } = request(helmTarget({ chart: CHART }), {
      kubeconfig
    })
    const state = emptyRunState()
    state.images.webui = imageUri as string
    await runDeployPhase({
      settings,
      plan: { ...plan, layers: [['webui']] },
      bus,
      core,
      signal: new AbortController().signal,
      state
    })
    await bus.close()
    const lines = recorded.lines
    const notes = lines.findIndex(line => line.includes('a chart NOTES.txt that prints'))
    expect(lines[notes]?.startsWith('::')).toBe(false)
    const opened = lines.findLastIndex(
      (line, i) => i < notes && line.startsWith('::stop-commands::')
    )
    const token = lines[opened]?.slice('::stop-commands::'.length) ?? 'none'
    expect(opened).toBeGreaterThan(-1)
    expect(lines.indexOf(`::${token}::`)).toBeGreaterThan(notes)
    expect(lines).toContain(`::group::helm upgrade --install webui (webui, helm v3.16.2)`)
  })

  it('a rollout that helm called ready but fails after is DEPLOY_FAILED, explained from the pods', async () => {
    const { sim, kubeconfig } = await cluster()
    // The image the stand-in sets: image.repository:image.tag.
    sim.scenario('ghcr.io/acme/webui:v1.1.0', { trouble: 'crash-loop', progressDeadlineAfter: 1 })
    const helm = helmStandIn(scratch(), {
      version: 'v4.0.1',
      cluster: { url: sim.url, token: TOKEN, namespace: 'shop', name: 'webui', container: 'web' }
    })
    process.env.PATH = pathWith(helm.dir)
    const error = await failure(
      deploy(request(helmTarget({ chart: CHART }), { kubeconfig }), recorder())
    )
    expect(error.code).toBe('DEPLOY_FAILED')
    expect(error.message).toMatch(
      /has timed out progressing\.: pod webui-\w+-0: container web: CrashLoopBackOff: last exit code 1/
    )
  })

  it('a failed helm is DEPLOY_FAILED with its Error line, the values file still removed', async () => {
    const { sim, kubeconfig } = await cluster()
    const temp = scratch()
    const helm = helmStandIn(scratch(), {
      version: 'v3.16.2',
      cluster: { url: sim.url, token: TOKEN, namespace: 'shop', name: 'webui', container: 'web' },
      fail: 'Error: UPGRADE FAILED: release webui failed, and has been rolled back due to atomic being set: timed out waiting for the condition'
    })
    process.env.PATH = pathWith(helm.dir)
    const context = recorder()
    const error = await failure(
      deploy(
        request(helmTarget({ chart: CHART, setSecret: { 'session.secret': 'SESSION_SECRET' } }), {
          kubeconfig,
          settings: { context: { ...testSettings().context, tempDir: temp } }
        }),
        context
      )
    )
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(
      /^helm upgrade --install webui failed \(exit code 1\): UPGRADE FAILED: .*timed out waiting for the condition; helm rolled the release back/
    )
    expect(context.blocks[0]?.lines.at(-1)).toContain('UPGRADE FAILED')
    expect(readdirSync(secretValuesDir(temp))).toEqual([])
  })
})

/**
 * The real helm, where it is on PATH: the same command line, as `helm template`, renders the
 * example chart with the pushed image and the secret from the values file. Where it is not, the
 * test says so in its name and is counted as skipped, never as passed.
 */
const helmOnPath =
  spawnSync('helm', ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).status === 0
const withHelm = helmOnPath ? it : it.skip
describe('the real helm', () => {
  withHelm(
    `${helmOnPath ? '' : 'helm not on PATH: '}renders the example chart from the argv of deploy.helm`,
    () => {
      const major = Number(
        /v(\d+)/.exec(
          spawnSync('helm', ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).stdout
        )?.[1] ?? 3
      )
      const dir = join(scratch(), 'deploy-pipeline-helm')
      mkdirSync(dir)
      const values = join(dir, 'webui.yaml')
      writeFileSync(values, `session:\n  secret: ${SECRET}\n`, { mode: 0o600 })
      const target = helmTarget({
        chart: CHART,
        setImage: { repository: 'image.repository', tag: 'image.tag', digest: 'image.digest' }
      })
      const argv = helmCommands(
        target,
        {
          imageUri: `ghcr.io/acme/webui:v1.1.0@${DIGEST}`,
          plan: { environment: 'dev', version: { imageTag: 'v1.1.0', version: '1.1.0' } } as never,
          kubeconfig: undefined,
          deployTimeoutMs: 600_000
        },
        { major, chartDependencies: false, customKinds: [], secretValuesFile: values }
      ).upgrade
      const rendered = spawnSync('helm', ['template', ...argv.slice(2)], { encoding: 'utf8' })
      expect(rendered.stderr).toBe('')
      expect(rendered.stdout).toContain(`image: "ghcr.io/acme/webui@${DIGEST}"`)
      expect(rendered.stdout).toContain(`secret: "${Buffer.from(SECRET).toString('base64')}"`)
    }
  )
})

describe('the chart and the release, read', () => {
  it('knows the example chart has no dependencies and no custom resources', () => {
    expect(chartFacts(CHART)).toEqual({ dependencies: false, customKinds: [] })
    const chart = scratch()
    mkdirSync(join(chart, 'templates'))
    writeFileSync(
      join(chart, 'Chart.yaml'),
      'name: x\ndependencies:\n  - name: redis\n    version: 19.x\n'
    )
    writeFileSync(
      join(chart, 'templates', 'cert.yaml'),
      'apiVersion: cert-manager.io/v1\nkind: Certificate\n---\nkind: Deployment\n'
    )
    expect(chartFacts(chart)).toEqual({ dependencies: true, customKinds: ['Certificate'] })
  })

  it('writes every secret value into the values file, whatever its chart key is called', () => {
    const file = writeSecretValues(scratch(), 'webui', {
      '__proto__.token': SECRET,
      'constructor.key': SECRET,
      'db.password': SECRET
    })
    expect(load(readFileSync(file, 'utf8'))).toEqual({
      ['__proto__']: { token: SECRET },
      constructor: { key: SECRET },
      db: { password: SECRET }
    })
    expect(Object.prototype).not.toHaveProperty('token')
  })

  it('finds the workloads of a manifest', () => {
    const manifest =
      '---\nkind: Service\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: web}\n---\nkind: StatefulSet\nmetadata: {name: db, namespace: data}\n'
    expect(manifestWorkloads(manifest)).toEqual([
      { kind: 'Deployment', name: 'web', namespace: undefined },
      { kind: 'StatefulSet', name: 'db', namespace: 'data' }
    ])
  })
})

describe('the post step', () => {
  function helmService(setSecret: Record<string, string>): ServiceSettings {
    return {
      name: 'webui',
      registry: { kind: 'ghcr', host: 'ghcr.io', namespace: 'acme', insecure: false },
      repository: 'acme/webui',
      build: undefined,
      dependsOn: [],
      deploy: helmTarget({ setSecret })
    }
  }

  it('owes the helm values cleanup only when a helm service has secret values', () => {
    const saved = (services: ServiceSettings[], dryRun = false): SavedRun | undefined => {
      const core = recordingToolkit()
      saveRunState(core, { settings: testSettings({ services, dryRun }), finished: false })
      return readRunState(core).run
    }
    expect(saved([helmService({ 'a.b': 'X' })])?.helmValues).toBe(true)
    expect(saved([helmService({ 'a.b': 'X' })], true)?.helmValues).toBeUndefined()
    expect(saved([helmService({})])?.helmValues).toBeUndefined()
  })

  it('removes the values files main left', async () => {
    const tempDir = scratch()
    mkdirSync(secretValuesDir(tempDir))
    writeFileSync(join(secretValuesDir(tempDir), 'webui-1.yaml'), 'secret: x\n', { mode: 0o600 })
    const state: SavedRun = {
      deploymentId: 'dep_1_1',
      eventsFile: join(tempDir, 'events.ndjson'),
      tempDir,
      environment: 'dev',
      finished: true,
      status: 'failure',
      helmValues: true
    }
    process.env[`STATE_${RUN_STATE_KEY}`] = JSON.stringify(state)
    await runPost()
    expect(existsSync(secretValuesDir(tempDir))).toBe(false)
  })
})
