import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { requireRegistryTools } from './simulators/registry.js'

/**
 * `npm run demo` end to end, as a newcomer runs it: the example shop tagged, built and pushed to
 * a real docker-registry, api rolled out on the ECS simulator, webui synced on the Argo CD
 * simulator, the card posted to the Slack and Discord stand-ins, and the HTML page written. What
 * the stand-ins received is read from demo.json, which the demo writes from their own state.
 */
const tools = requireRegistryTools('npm run demo')
const maybe = tools ? describe : describe.skip

const root = resolve(import.meta.dirname, '..')
const TAG = 'v0.1.0-dev.1'

interface Witness {
  status: string
  workspace: string
  tags: string[]
  page: string
  ecs: {
    updateServiceCalls: number
    registeredImages: string[]
    taskDefinition: string
    rollout: string
  }
  argocd: { syncs: number; imageTag: string; sync: string; health: string }
  slack: {
    cards: { channel: string; versions: number }[]
    card: { text: string; attachments: { color: string }[] }
    directMessages: { user: string; text: string }[]
  }
  discord: { messages: { versions: number }[]; embed: { title: string; color: number } }
}

interface DemoRun<T> {
  status: number | null
  output: string
  seen: T
}

/** Runs the demo into `dir` and reads what it says the stand-ins received (demo.json). */
async function runDemo<T>(dir: string, ...args: string[]): Promise<DemoRun<T>> {
  const { status, output } = await spawnDemo(dir, args)
  const witness = join(dir, 'demo.json')
  if (!existsSync(witness)) {
    throw new Error(`the demo wrote no demo.json (exit ${status}):\n${output.slice(-4000)}`)
  }
  return { status, output, seen: JSON.parse(readFileSync(witness, 'utf8')) as T }
}

/** Exit 0 and no warning (a secret written out or credentials left would be one). */
function expectSuccess({ status, output, seen }: DemoRun<{ status: string }>): void {
  // The end of the output, when it failed: what the demo said about why.
  const why = status === 0 ? '' : output.slice(-4000)
  expect({ status, why, warnings: output.match(/^WARNING:.*$/gm) }).toEqual({
    status: 0,
    why: '',
    warnings: null
  })
  expect(seen.status).toBe('success')
}

function spawnDemo(
  dir: string,
  args: string[]
): Promise<{ status: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  // Jest's own flags are not the demo's.
  delete env.NODE_OPTIONS
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'scripts/demo.mjs'), '--dir', dir, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('error', fail)
    child.on('close', status => done({ status, output }))
  })
}

maybe('npm run demo: the whole pipeline on the example project', () => {
  let dir: string
  let run: DemoRun<Witness>
  let output: string
  let seen: Witness

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-test-'))
    run = await runDemo<Witness>(dir)
    ;({ output, seen } = run)
  }, 180_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('exits 0, with no warning (a secret written out or credentials left would be one)', () => {
    expectSuccess(run)
  })

  it('says plainly that ECS, Argo CD, Slack and Discord are local simulators', () => {
    expect(output).toContain(
      'AWS ECS, Argo CD, Slack and Discord on 127.0.0.1: local simulators (__tests__/simulators), not the real services'
    )
  })

  it('creates the git tag in the temporary repository, on the deployed commit', () => {
    const workspace = join(dir, 'shop')
    expect(seen.workspace).toBe(workspace)
    const tags = spawnSync('git', ['tag', '--points-at', 'HEAD'], {
      cwd: workspace,
      encoding: 'utf8'
    })
    expect(tags.stdout.trim()).toBe(TAG)
  })

  it('rolled api out on the ECS simulator, with the pushed image by digest', () => {
    expect(seen.ecs).toMatchObject({
      updateServiceCalls: 1,
      rollout: 'COMPLETED',
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:2'
    })
    expect(seen.ecs.registeredImages).toEqual([
      expect.stringMatching(/^127\.0\.0\.1:\d+\/shop\/api@sha256:[0-9a-f]{64}$/)
    ])
  })

  it('synced webui on the Argo CD simulator to the new tag, ending Synced and Healthy', () => {
    expect(seen.argocd).toMatchObject({
      syncs: 1,
      imageTag: TAG,
      sync: 'Synced',
      health: 'Healthy'
    })
  })

  it('posted one status card to Slack and one to Discord, each ending completed', () => {
    expect(seen.slack.cards).toEqual([{ channel: 'C0DEPLOYS', versions: expect.any(Number) }])
    expect(seen.slack.card.text).toBe(`✅ shop → dev ${TAG}: completed`)
    expect(seen.slack.card.attachments[0]?.color).toBe('#2EB67D')
    expect(seen.slack.directMessages).toEqual([
      { user: 'U0DEMO', text: expect.stringContaining('completed') }
    ])
    expect(seen.discord.messages).toHaveLength(1)
    expect(seen.discord.embed).toMatchObject({
      title: `✅ shop → dev ${TAG}: completed`,
      color: 0x2eb67d
    })
  })

  it('writes the HTML page with the card and the job summary, and prints its path', () => {
    const page = join(dir, 'demo.html')
    expect(seen.page).toBe(page)
    expect(output).toContain(`HTML preview of the status card and the job summary: ${page}`)
    expect(existsSync(page)).toBe(true)
    const html = readFileSync(page, 'utf8')
    // The card, as each stand-in received it.
    expect(html).toContain('<div class="slack" style="--colour: #2EB67D">')
    expect(html).toContain(`<strong>✅ shop → dev ${TAG}: completed</strong>`)
    expect(html).toContain('<div class="discord" style="--colour: #2eb67d">')
    expect(html).toContain(`<div class="title">✅ shop → dev ${TAG}: completed</div>`)
    // The summary, from Markdown: a heading, tables, the plan's code block.
    const summary = html.slice(html.indexOf('<h2>Job summary</h2>'))
    expect(summary).toMatch(/<h2>✅ [^<]+<\/h2>/)
    expect(summary).toContain('<table>')
    expect(summary).toContain(`<td>created tag ${TAG} on `)
    expect(summary).toContain('<pre><code class="language-text">Environment: dev')
    expect(html).toContain('not the real services')
  })
})

interface StacksWitness {
  status: string
  cloudformation: {
    stacks: {
      name: string
      tier: number
      status: string
      changeSetAt: number
      parameters: Record<string, string>
      operations: { kind: string; status: string; startedAt: number; endedAt: number }[]
    }[]
  }
  health: { url: string; checks: number }
  slack: Witness['slack']
  discord: Witness['discord']
}

maybe('npm run demo -- --example stacks: the tiered CloudFormation example', () => {
  it('deploys tier 1 at once, then functions with the pushed image, verifies it and posts the card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-stacks-test-'))
    try {
      const run = await runDemo<StacksWitness>(dir, '--example', 'stacks')
      expectSuccess(run)
      const { output, seen } = run

      // Four stacks, each created once, by the simulator's own record.
      const { stacks } = seen.cloudformation
      expect(
        stacks.map(s => [s.name, s.status, s.operations.map(o => [o.kind, o.status])])
      ).toEqual(
        ['orders-dev-tables', 'orders-dev-api', 'orders-dev-workflow', 'orders-dev-functions'].map(
          name => [name, 'CREATE_COMPLETE', [['create', 'CREATE_COMPLETE']]]
        )
      )
      const tier1 = stacks.filter(s => s.tier === 1).map(s => s.operations[0]!)
      const functions = stacks.find(s => s.name === 'orders-dev-functions')!
      // Tier 1 overlapped: each started before any of them ended.
      const latestStart = Math.max(...tier1.map(o => o.startedAt))
      expect(latestStart).toBeLessThan(Math.min(...tier1.map(o => o.endedAt)))
      // functions began, change set first, only once all three had ended.
      const lastEnd = Math.max(...tier1.map(o => o.endedAt))
      expect(functions.changeSetAt).toBeGreaterThanOrEqual(lastEnd)
      expect(functions.operations[0]!.startedAt).toBeGreaterThanOrEqual(functions.changeSetAt)
      // The image it was given is the one built and pushed to the local registry, by digest.
      expect(functions.parameters).toEqual({
        ImageUri: expect.stringMatching(
          /^127\.0\.0\.1:\d+\/stacks\/functions:v0\.1\.0-dev\.1@sha256:[0-9a-f]{64}$/
        ),
        Environment: 'dev',
        Version: TAG
      })

      // The verify check asked the example's handler through the stack's HealthUrl, and passed.
      expect(seen.health.checks).toBeGreaterThan(0)
      expect(output).toContain(
        `[functions] verified: ${seen.health.url} answered HTTP 200 containing '"status":"ok"'`
      )
      // What the demo prints: the tiers' timings, and the job summary's Stack changes table.
      expect(output).toMatch(/^ {2}tier 1 {2}orders-dev-tables {5}create \+\d+\.\d\d s -> /m)
      expect(output).toMatch(/^ {2}tier 2 {2}orders-dev-functions {2}create \+\d+\.\d\d s -> /m)
      expect(output).toContain(
        '### Stack changes\n\n| service | action | resource | type | replacement |'
      )
      expect(output).toContain('| functions | Add | OrdersFunction | AWS::Lambda::Function | — |')

      expect(seen.slack.card.text).toBe(`✅ stacks → dev ${TAG}: completed`)
      expect(seen.discord.embed).toMatchObject({ title: `✅ stacks → dev ${TAG}: completed` })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
