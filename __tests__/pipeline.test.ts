import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { PipelineEvent } from '../src/events/model.js'
import { run } from '../src/main.js'
import {
  ARGO_APP,
  ARGO_URL,
  REGISTRY_USER,
  RUN_ID,
  SLACK_CHANNEL,
  WORKER_URL,
  indexOf,
  preflightReport,
  readEvents,
  startPipelineWorld,
  type PipelineWorld
} from './fixtures/pipeline.js'
import { recordingToolkit, type RecordingToolkit } from './fixtures/toolkit.js'
import { LB_DNS, OLD_IMAGE } from './simulators/ecs.js'
import type { SimRequest } from './simulators/http.js'
import { requireRegistryTools, startRegistry, type LocalRegistry } from './simulators/registry.js'

/**
 * The whole pipeline through run(), in process, as one workflow_dispatch to stage: the version
 * from the GitHub API, the tag and the release created there, three services of the example shop
 * built by real buildah and pushed to a real docker-registry with htpasswd, then deployed in
 * depends_on order to ECS (rolling), and in parallel to Argo CD and Step Functions, with the
 * GitHub deployment and the Slack status card following along. Each simulator is the witness of
 * what arrived.
 */
const tools = requireRegistryTools('whole pipeline')
const maybe = tools ? describe : describe.skip

const PASSWORD = `pw-${randomUUID()}`
const TAG = 'v1.5.0-rc.1'
const SERVICES = ['api', 'webui', 'worker']
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

maybe('pipeline: run() from INIT to DONE against the registry and every simulator', () => {
  let registry: LocalRegistry
  let world: PipelineWorld | undefined

  beforeAll(async () => {
    registry = await startRegistry({ [REGISTRY_USER]: PASSWORD })
  })
  afterAll(async () => {
    await registry?.stop()
  })
  afterEach(async () => {
    await world?.close()
    world = undefined
  })

  async function runPipeline(ecsScenario: 'success' | 'circuit-breaker'): Promise<{
    w: PipelineWorld
    core: RecordingToolkit
    status: string
    events: PipelineEvent[]
  }> {
    world = await startPipelineWorld(registry, PASSWORD, { ecsScenario })
    const core = recordingToolkit(world.inputs)
    const status = await run(core, { env: world.env })
    const events = readEvents(core.outputs.events_file as string)
    return { w: world, core, status, events }
  }

  /**
   * No secret in anything the run wrote (log, events, Slack) nor in anything it sent: the request
   * lines and bodies that reached GitHub (release, deployment), Argo CD (the spec), ECS and Step
   * Functions. Returns what was scanned, so a test can check the scan saw the real traffic.
   */
  function expectNoSecrets(w: PipelineWorld, core: RecordingToolkit): Record<string, string> {
    const eventsText = readFileSync(core.outputs.events_file as string, 'utf8')
    const slackText = JSON.stringify(w.slack.messages)
    const places: Record<string, string> = {
      log: core.rawLog(),
      events: eventsText,
      slack: slackText,
      'GitHub requests': sent(w.github.requests),
      'Argo CD requests': sent(w.argocd.http.requests),
      'ECS requests': sent([...w.ecs.aws.requests, ...w.ecs.elb.requests]),
      'Step Functions requests': sent(w.sfn.aws.requests)
    }
    const leaks: string[] = []
    for (const [name, secret] of Object.entries(w.secrets)) {
      expect(secret.length).toBeGreaterThan(8)
      for (const [place, text] of Object.entries(places)) {
        if (text.includes(secret)) leaks.push(`${name} in the ${place}`)
      }
    }
    expect(leaks).toEqual([])
    return places
  }

  /** What a client sent, as the server saw it: method, path and query, body (headers aside). */
  function sent(requests: readonly SimRequest[]): string {
    return requests.map(r => `${r.method} ${r.url.pathname}${r.url.search}\n${r.body}`).join('\n')
  }

  function stagesInOrder(events: readonly PipelineEvent[]): string[] {
    return events.filter(e => e.type === 'stage' || e.type === 'done').map(e => e.stage)
  }

  function cardMessages(w: PipelineWorld) {
    return w.slack.messages.filter(m => m.channel === SLACK_CHANNEL && !m.threadTs)
  }

  it('tags, releases, builds, pushes and deploys in dependency order, and every system agrees', async () => {
    const { w, core, status, events } = await runPipeline('success')

    expect(core.failures).toEqual([])
    expect(core.warnings).toEqual([])
    expect(status).toBe('success')

    // The log: the phase groups carry the story; each service's builder output is a group of its
    // own after its phase's group, inert inside stop-commands markers.
    const lines = core.lines
    for (const [phase, verb] of [
      ['BUILD: building images', 'build'],
      ['PUSH: pushing images', 'push']
    ] as const) {
      const start = lines.indexOf(`::group::${phase}`)
      const story = lines.slice(start, lines.indexOf('::endgroup::', start))
      expect(story.some(l => /STEP \d+\/\d+|Copying (blob|config)|Writing manifest/.test(l))).toBe(
        false
      )
      for (const name of SERVICES) {
        const group = lines.indexOf(`::group::${verb} ${name} (linux/amd64, linux/arm64)`, start)
        expect(group).toBeGreaterThan(start + story.length)
        expect(lines[group + 1]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/)
      }
    }

    // Outputs.
    expect(core.outputs).toMatchObject({
      status: 'success',
      environment: 'stage',
      version: '1.5.0',
      tag: TAG,
      image_tag: TAG,
      deployment_id: `dep_${RUN_ID}_1`
    })
    const images = JSON.parse(core.outputs.images as string) as Record<string, string>
    expect(Object.keys(images).sort()).toEqual(SERVICES)
    for (const name of SERVICES) {
      const match = new RegExp(
        `^${registry.host.replace(/\./g, '\\.')}/shop/${name}:${TAG.replace(/\./g, '\\.')}@(sha256:[0-9a-f]{64})$`
      ).exec(images[name] as string)
      expect(match).not.toBeNull()
      // The registry itself names the same digest for the tag.
      const response = await registry.api(`/v2/shop/${name}/manifests/${TAG}`, {
        user: REGISTRY_USER,
        headers: { accept: ACCEPT }
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('docker-content-digest')).toBe(match?.[1])
    }
    expect(core.outputs.release_url).toBe(
      `https://github.example/${w.github.owner}/${w.github.repo}/releases/tag/${TAG}`
    )
    const deployments = JSON.parse(core.outputs.deployments as string) as Record<
      string,
      Record<string, string>
    >
    expect(Object.keys(deployments).sort()).toEqual(SERVICES)
    expect(deployments.api).toMatchObject({ deployment_url: expect.stringContaining(LB_DNS) })
    expect(deployments.webui).toMatchObject({ deployment_url: ARGO_URL })
    expect(deployments.worker).toMatchObject({ deployment_url: WORKER_URL })
    expect([ARGO_URL, WORKER_URL]).toContain(core.outputs.deployment_url)
    expect(core.outputs.task_definition_arn).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:task-definition\/api:2$/
    )
    expect(deployments.api?.task_definition_arn).toBe(core.outputs.task_definition_arn)
    const executionArn = core.outputs.execution_arn as string
    expect(executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:shop-deploy:/)
    expect(deployments.worker?.execution_arn).toBe(executionArn)

    // GitHub: the tag on the deployed commit, one pre-release, one deployment ending in success.
    expect(w.github.refs.get(`refs/tags/${TAG}`)?.object).toEqual({ type: 'commit', sha: w.head })
    expect(w.github.releases).toHaveLength(1)
    expect(w.github.releases[0]).toMatchObject({ tag_name: TAG, prerelease: true, draft: false })
    expect(w.github.latestReleaseId()).toBeUndefined()
    expect(w.github.deployments).toHaveLength(1)
    const deployment = w.github.deployments[0]
    expect(deployment).toMatchObject({ sha: w.head, environment: 'stage' })
    expect(deployment?.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    expect(deployment?.statuses.at(-1)?.environment_url).toBe(core.outputs.deployment_url)

    // Argo CD: the helm parameter now carries the new tag, and the running images show it.
    const app = w.argocd.application(ARGO_APP)
    expect(app.spec.source?.helm?.parameters).toContainEqual(
      expect.objectContaining({ name: 'image.tag', value: TAG })
    )
    expect(app.status?.summary?.images).toContain(`${registry.host}/shop/webui:${TAG}`)
    expect(app.status?.health?.status).toBe('Healthy')

    // ECS: the service runs the new task definition, its app container on the image by digest.
    expect(w.ecs.registered).toHaveLength(1)
    const container = (
      w.ecs.registered[0]?.containerDefinitions as { name: string; image: string }[]
    ).find(c => c.name === 'app')
    const apiDigest = (images.api as string).split('@')[1]
    expect(container?.image).toBe(`${registry.host}/shop/api@${apiDigest}`)
    expect(container?.image).not.toBe(OLD_IMAGE)
    const described = await describeEcsService(w)
    expect(described.taskDefinition).toBe(core.outputs.task_definition_arn)

    // Step Functions: one execution, started with the image by tag and digest.
    const execution = w.sfn.execution(executionArn)
    expect(execution.status).toBe('SUCCEEDED')
    expect(JSON.parse(execution.input)).toMatchObject({
      image_uri: images.worker,
      deployment_id: `dep_${RUN_ID}_1`,
      environment: 'stage',
      owner: 'acme',
      stage_name: 'blue-green',
      commit: w.head
    })

    // The event file: numbered in order, phases in pipeline order, layers in depends_on order.
    expect(events.map(e => e.id)).toEqual(events.map((_, i) => i + 1))
    expect(stagesInOrder(events)).toEqual([
      'INIT',
      'VERSION',
      'INIT',
      'TAG',
      'RELEASE',
      'BUILD',
      'PUSH',
      'DEPLOY',
      'DONE'
    ])
    // The preflight ends INIT once VERSION has made the plan; the other stages follow the order.
    const preflight = indexOf(events, e => e.type === 'stage' && e.message.startsWith('preflight'))
    const stageOf = events.filter((e, i) => i < preflight || e.stage !== 'INIT').map(e => e.stage)
    for (let i = 1; i < stageOf.length; i++) {
      expect(order(stageOf[i] as string)).toBeGreaterThanOrEqual(order(stageOf[i - 1] as string))
    }
    // The preflight checked, read-only, everything the run then used, and said so.
    expect(
      events
        .slice(preflight)
        .filter(e => e.type === 'info' && e.stage === 'INIT')
        .map(e => `${e.service ? `[${e.service}] ` : ''}${e.message}`)
    ).toEqual(preflightReport(w, registry.host, TAG))
    const apiDeployed = indexOf(
      events,
      e => e.stage === 'DEPLOY' && e.service === 'api' && e.message.startsWith('deployed')
    )
    for (const name of ['webui', 'worker']) {
      const started = indexOf(
        events,
        e => e.stage === 'DEPLOY' && e.service === name && e.message.startsWith('deploying')
      )
      expect(started).toBeGreaterThan(apiDeployed)
    }
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      stage: 'DONE',
      status: 'success',
      image_uris: images,
      deployment_url: core.outputs.deployment_url
    })

    // Slack: one card, posted once and edited in place to completed; the DM to the person.
    const cards = cardMessages(w)
    expect(cards).toHaveLength(1)
    const versions = cards[0]?.versions ?? []
    expect(versions.length).toBeGreaterThanOrEqual(3)
    expect(versions[0]?.text).toContain('starting')
    expect(versions.at(-1)?.text).toContain('completed')
    expect(versions.at(-1)?.text).toContain(TAG)
    const finalCard = JSON.stringify(versions.at(-1)?.attachments)
    for (const name of SERVICES) expect(finalCard).toContain(`*${name}* deployed`)
    expect(w.slack.calls.filter(c => c === 'chat.postMessage')).toHaveLength(2)
    expect(w.slack.calls.filter(c => c === 'chat.update')).toHaveLength(versions.length - 1)
    expect(w.slack.messages.find(m => m.channel === 'DU0OCTO00')).toBeDefined()

    // The job summary: what changed, a row per service with its digest, and the chart.
    const summary = core.summaries[0] ?? ''
    expect(summary.split('\n')[0]).toBe('## ✅ deployed 3 services to stage')
    for (const name of SERVICES) {
      const row = summary.split('\n').find(line => line.startsWith(`| ${name} |`)) ?? ''
      expect(row).toContain(`| \`${(images[name] as string).slice(0, -52)}\` |`)
      expect(row).toContain('| ✅ deployed |')
      expect(summary).toContain(`  section ${name}\n  build :done, `)
    }
    expect(summary).toContain('```mermaid\ngantt\n')
    const scanned = expectNoSecrets(w, core)
    // The scan covered the bodies that carry run data: release, deployment, spec, execution input.
    expect(scanned['GitHub requests']).toContain(`"tag_name":"${TAG}"`)
    expect(scanned['GitHub requests']).toContain(`"deployment_id":"dep_${RUN_ID}_1"`)
    expect(scanned['Argo CD requests']).toContain(`"value":"${TAG}"`)
    expect(scanned['ECS requests']).toContain('"containerDefinitions"')
    expect(scanned['Step Functions requests']).toContain('image_uri')
  })

  it('fails the run when ECS rolls back, skips what depends on it, and says so everywhere', async () => {
    const { w, core, status, events } = await runPipeline('circuit-breaker')

    expect(status).toBe('failure')
    expect(core.outputs.status).toBe('failure')
    expect(core.warnings).toEqual([])
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^DEPLOY_FAILED: api: /)
    expect(core.failures[0]).toContain('circuit breaker: tasks failed to start. Last stopped task')
    expect(core.failures[0]).toContain('not deployed: ')

    // Everything before DEPLOY happened: tag, release and images are real.
    expect(core.outputs.tag).toBe(TAG)
    expect(w.github.refs.get(`refs/tags/${TAG}`)?.object.sha).toBe(w.head)
    expect(Object.keys(JSON.parse(core.outputs.images as string)).sort()).toEqual(SERVICES)

    // The services depending on api were never deployed.
    expect(w.sfn.executions.size).toBe(0)
    const app = w.argocd.application(ARGO_APP)
    expect(app.spec.source?.helm?.parameters).toContainEqual({
      name: 'image.tag',
      value: 'v1.4.0'
    })
    expect(w.argocd.timeline(ARGO_APP)).toEqual([])
    for (const name of ['webui', 'worker']) {
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'info',
          stage: 'DEPLOY',
          service: name,
          message: 'not deployed: it depends on api, which failed'
        })
      )
      expect(
        events.some(e => e.service === name && e.stage === 'DEPLOY' && e.type === 'progress')
      ).toBe(false)
    }
    // ECS itself went back to the previous task definition.
    expect(w.ecs.registered).toHaveLength(1)
    const described = await describeEcsService(w)
    expect(described.taskDefinition).toMatch(/task-definition\/api:1$/)

    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'error',
        stage: 'DEPLOY',
        service: 'api',
        error_code: 'DEPLOY_FAILED'
      })
    )
    expect(events.map(e => e.id)).toEqual(events.map((_, i) => i + 1))
    expect(stagesInOrder(events)).toEqual([
      'INIT',
      'VERSION',
      'INIT',
      'TAG',
      'RELEASE',
      'BUILD',
      'PUSH',
      'DEPLOY',
      'DONE'
    ])
    expect(events.at(-1)).toMatchObject({ type: 'done', stage: 'DONE', status: 'failure' })

    // GitHub shows the deployment failed.
    expect(w.github.deployments).toHaveLength(1)
    expect(w.github.deployments[0]?.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])

    // The card ends failed, naming the code and the service.
    const cards = cardMessages(w)
    expect(cards).toHaveLength(1)
    const final = cards[0]?.versions.at(-1)
    expect(final?.text).toContain('failed')
    const finalCard = JSON.stringify(final?.attachments)
    expect(finalCard).toContain('DEPLOY_FAILED')
    expect(finalCard).toContain('*api* failed')
    expect(finalCard).toContain('*webui* not run')
    expect(finalCard).toContain('*worker* not run')
    // A failed deployment is always told to the person responsible.
    expect(w.slack.messages.find(m => m.channel === 'DU0OCTO00')).toBeDefined()

    const summary = core.summaries[0] ?? ''
    expect(summary.split('\n')[0]).toBe('## ❌ failed at DEPLOY: api')
    const rows = summary.split('\n').filter(line => /^\| (api|webui|worker) \|/.test(line))
    expect(rows[0]).toContain('| ❌ DEPLOY_FAILED: ')
    expect(rows.slice(1).map(row => row.includes('| ⏭️ not deployed: it depends on api'))).toEqual([
      true,
      true
    ])
    expect(summary).toMatch(/\n {2}DEPLOY :crit, /)

    expectNoSecrets(w, core)
  })
})

const STAGE_ORDER = ['INIT', 'VERSION', 'TAG', 'RELEASE', 'BUILD', 'PUSH', 'DEPLOY', 'DONE']
function order(stage: string): number {
  return STAGE_ORDER.indexOf(stage)
}

/** The service as ECS answers DescribeServices now, through the real SDK client. */
async function describeEcsService(w: PipelineWorld): Promise<{ taskDefinition: string }> {
  const { ECSClient, DescribeServicesCommand } = await import('@aws-sdk/client-ecs')
  const client = new ECSClient({ region: 'us-east-1' })
  try {
    const out = await client.send(
      new DescribeServicesCommand({ cluster: w.ecs.cluster, services: [w.ecs.service] })
    )
    return { taskDefinition: String(out.services?.[0]?.taskDefinition) }
  } finally {
    client.destroy()
  }
}
