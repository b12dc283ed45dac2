import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/main.js'
import { readSettings } from '../../src/settings/index.js'
import { createTestRepo, type TestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../simulators/argocd.js'
import type { EcsSimulator } from '../simulators/ecs.js'
import { startGitHubSimulator, type GitHubSimulator } from '../simulators/github.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'
import { startSfnSimulator, type SfnSimulator } from '../simulators/stepfunctions.js'
import { withEcsSimulator } from '../targets/ecs-fixtures.js'
import {
  ACCEPTED,
  CONFIG_FAMILIES,
  INPUT_FAMILIES,
  seededRng,
  toYaml,
  type ConfigCase,
  type InputCase
} from './hostile-cases.js'

/**
 * The hostile suite: a few hundred random mutations of a valid deploy config and of valid inputs,
 * each run through run() against the simulators of every outside system. Every case must end in
 * status failure with INVALID_INPUT naming the key (or the line, for YAML syntax), with no stack
 * trace, no line over 2,000 characters, no outside call, no secret in the log and bounded heap
 * growth. HOSTILE_SEED replays (or explores) a run; HOSTILE_CASES sets cases per family.
 */
const SEED = Number(process.env.HOSTILE_SEED || 20261124)
const CASES_PER_FAMILY = Number(process.env.HOSTILE_CASES || 20)
const MAX_LINE = 2000
/** An alias bomb expanded even once would take gigabytes; a refused config takes kilobytes. */
const MAX_HEAP_GROWTH = 64 * 1024 * 1024
const REGISTRY_PASSWORD = 'reg-pass-hostile-7f3a'
const ARGOCD_TOKEN = 'argocd-token-hostile-91c2'
const SLACK_TOKEN = 'xoxb-hostile-5e6f'

interface World {
  readonly repo: TestRepo
  readonly env: NodeJS.ProcessEnv
  readonly inputs: Record<string, string>
  readonly config: Record<string, unknown>
  /** Requests every outside system has received so far. */
  calls(): number
  close(): Promise<void>
}

async function startWorld(): Promise<World> {
  const opened: { close(): Promise<void> }[] = []
  const github: GitHubSimulator = await startGitHubSimulator()
  opened.push(github)
  const head = github.commit('feat: hostile')
  const argocd: ArgoCdSimulator = await startArgoCdSimulator({ token: ARGOCD_TOKEN, apps: [] })
  opened.push(argocd)
  const slack: SlackSimulator = await startSlackSimulator({ token: SLACK_TOKEN })
  opened.push(slack)
  const ecs: EcsSimulator = await withEcsSimulator({ controller: 'rolling', scenario: 'success' })
  opened.push(ecs)
  const sfn: SfnSimulator = await startSfnSimulator({ sdkEnv: true })
  opened.push(sfn)
  // Stands in for the registry and every webhook: nothing may reach it either.
  const receiver: SimServer = await startHttpServer(() => ({ status: 200, body: {} }))
  opened.push(receiver)

  const repo = createTestRepo({
    'api/Dockerfile': 'FROM scratch\n',
    'webui/Dockerfile': 'FROM scratch\n',
    'worker/Dockerfile': 'FROM scratch\n',
    'deploy/api-task.json': '{"family": "api"}\n',
    'deploy/appspec.yml': 'version: 0.0\n',
    'README.md': '# shop\n'
  })
  symlinkSync('/etc', join(repo.dir, 'escape-link'))
  symlinkSync('/nonexistent-deploy-pipeline/x', join(repo.dir, 'dangling-link'))
  symlinkSync('/dev/zero', join(repo.dir, 'dev-zero'))
  symlinkSync('api', join(repo.dir, 'inside-link'))
  execFileSync('mkfifo', [join(repo.dir, 'hostile.fifo')])
  mkdirSync(join(repo.dir, 'a-directory'))
  mkdirSync(join(repo.dir, '.github'))
  writeFileSync(join(repo.dir, 'oversized.yml'), `# ${'x'.repeat(1024 * 1024)}\n`)
  const runnerTemp = mkdtempSync(join(tmpdir(), 'hostile-runner-'))
  opened.push({
    close: async () => {
      rmSync(runnerTemp, { recursive: true, force: true })
      rmSync(repo.dir, { recursive: true, force: true })
    }
  })

  const config = {
    registry: `${receiver.url.replace(/^http:\/\//, '')}/shop`,
    platforms: ['linux/amd64', 'linux/arm64'],
    timezone: 'Asia/Seoul',
    slack_users: { octo: 'U0OCTO' },
    argocd: { server: argocd.url },
    services: {
      api: {
        build: { context: 'api', args: { NODE_ENV: 'production' } },
        deploy: {
          ecs: {
            cluster: 'shop',
            service: 'api',
            container: 'app',
            region: 'us-east-1',
            task_definition: 'deploy/api-task.json',
            keep_revisions: 5,
            deploy_timeout: '10m',
            poll_interval: '5s'
          }
        }
      },
      billing: {
        image: 'shop/billing',
        build: { context: 'api', dockerfile: 'api/Dockerfile' },
        deploy: {
          ecs: {
            cluster: 'shop',
            service: 'billing',
            container: ['app'],
            strategy: 'codedeploy',
            codedeploy: {
              application: 'AppECS-billing',
              deployment_group: 'DgpECS-billing',
              appspec: 'deploy/appspec.yml',
              auto_rollback: true
            }
          }
        }
      },
      webui: {
        build: { context: 'webui' },
        depends_on: ['api'],
        deploy: {
          argocd: {
            app: 'shop-webui',
            project: 'shop',
            app_namespace: 'argocd',
            helm_parameter: 'image.tag',
            sync_options: ['ServerSideApply=true'],
            degraded_grace: '2m'
          }
        }
      },
      worker: {
        build: { context: 'worker' },
        depends_on: ['api'],
        deploy: {
          stepfunctions: {
            mode: 'start',
            state_machine_arn: sfn.createStateMachine('shop-deploy'),
            input: { owner: 'acme', stage_name: 'blue-green', nested: { list: [1, 'two'] } },
            secret_tries: 3,
            secret_interval: '3s',
            stop_on_timeout: true,
            health_check_states: ['CheckDeployment']
          }
        }
      }
    },
    environments: {
      prod: {
        timezone: 'UTC',
        services: { webui: { deploy: { argocd: { app: 'shop-webui-prod' } } } }
      }
    }
  }

  const inputs: Record<string, string> = {
    environment: 'stage',
    create_tag: 'true',
    create_release: 'true',
    github_token: github.token,
    registry_username: 'ci',
    registry_password: REGISTRY_PASSWORD,
    argocd_server: argocd.url,
    argocd_token: ARGOCD_TOKEN,
    slack_bot_token: SLACK_TOKEN,
    slack_channel: 'C0DEPLOYS',
    slack_api_url: slack.apiUrl,
    webhook_url: `${receiver.url}/hook/hostile-secret`,
    notify_user: 'U0OCTO',
    deploy_timeout: '60s',
    poll_interval: '1s'
  }
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    GITHUB_SHA: head,
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_API_URL: github.url
  }
  const servers: SimServer[] = [github, slack, argocd.http, ecs.aws, ecs.elb, sfn.aws, receiver]
  return {
    repo,
    env,
    inputs,
    config,
    calls: () => servers.reduce((sum, server) => sum + server.requests.length, 0),
    close: async () => {
      for (const item of opened.reverse()) await item.close()
    }
  }
}

let world: World
let caseNumber = 0

beforeAll(async () => {
  world = await startWorld()
})
afterAll(async () => {
  await world?.close()
})

/** Runs one case through run(); returns what is wrong with how it ended (empty: all good). */
async function runCase(
  inputs: Record<string, string>,
  where: string
): Promise<{ faults: string[]; core: RecordingToolkit }> {
  const core = recordingToolkit({ ...world.inputs, ...inputs })
  const callsBefore = world.calls()
  const heapBefore = process.memoryUsage().heapUsed
  const status = await run(core, { env: world.env })
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore
  const faults: string[] = []
  const failure = core.failures[0] ?? ''
  if (status !== 'failure') faults.push(`ended ${status}`)
  if (!failure.startsWith('INVALID_INPUT: ')) faults.push(`failed with ${failure.slice(0, 200)}`)
  if (!failure.includes(where))
    faults.push(`does not name ${JSON.stringify(where)}: ${failure.slice(0, 600)}`)
  const lines = core.rawLog().split('\n')
  const long = lines.find(line => line.length > MAX_LINE)
  if (long) faults.push(`a line of ${long.length} characters`)
  const frame = lines.find(line => /^\s+at .+:\d+:\d+\)?$/.test(line))
  if (frame) faults.push(`a stack trace: ${frame}`)
  const injected = lines.find(line => /^::(warning|notice)::pwned/.test(line))
  if (injected) faults.push(`a workflow command from the config: ${injected}`)
  if (world.calls() !== callsBefore) faults.push('an outside system was called')
  if (heapGrowth > MAX_HEAP_GROWTH) faults.push(`heap grew by ${heapGrowth} bytes`)
  return { faults, core }
}

async function runConfigCase(item: ConfigCase): Promise<string[]> {
  const name = `.github/case-${(caseNumber += 1)}.yml`
  writeFileSync(join(world.repo.dir, name), item.file)
  const { faults } = await runCase({ config: name }, `${name}: ${item.where}`)
  rmSync(join(world.repo.dir, name))
  return faults
}

async function runInputCase(item: InputCase): Promise<string[]> {
  const name = `.github/case-${(caseNumber += 1)}.yml`
  writeFileSync(join(world.repo.dir, name), toYaml(world.config as never))
  const { faults, core } = await runCase({ config: name, ...item.inputs }, item.where)
  rmSync(join(world.repo.dir, name))
  // Every line of every secret given is masked; a secret in the registry value is never printed.
  for (const [input, value] of Object.entries(item.inputs)) {
    if (!/token|password|webhook_url/.test(input)) continue
    for (const line of value.split(/\r?\n/).filter(l => l.trim().length >= 4)) {
      if (!core.secrets.includes(line.trim()))
        faults.push(`${input}: a line of the secret is not masked`)
    }
  }
  if (item.inputs.registry?.includes('@') && core.rawLog().includes(':p@')) {
    faults.push('the registry credentials were printed')
  }
  return faults
}

function expectNoFaults(found: Array<{ what: string; faults: string[] }>): void {
  const failed = found.filter(f => f.faults.length > 0)
  expect(failed.map(f => `${f.what}: ${f.faults.join('; ')}`)).toEqual([])
}

describe(`hostile configs and inputs (seed ${SEED}, HOSTILE_SEED to replay)`, () => {
  it('starts from a config and inputs that are valid', async () => {
    const name = '.github/base.yml'
    writeFileSync(join(world.repo.dir, name), toYaml(world.config as never))
    const core = recordingToolkit({ ...world.inputs, config: name })
    const settings = await readSettings(core, world.env)
    expect(settings.services.map(s => s.name)).toEqual(['api', 'billing', 'webui', 'worker'])
  })

  it.each(Object.keys(CONFIG_FAMILIES))(
    `config: %s (seed ${SEED}, ${CASES_PER_FAMILY} cases)`,
    async family => {
      const rng = seededRng(SEED ^ hash(family))
      const found: Array<{ what: string; faults: string[] }> = []
      for (let i = 0; i < CASES_PER_FAMILY; i += 1) {
        const item = CONFIG_FAMILIES[family]!(world.config as never, rng)
        found.push({ what: `#${i} ${item.what}`, faults: await runConfigCase(item) })
      }
      expectNoFaults(found)
    }
  )

  it.each(Object.keys(INPUT_FAMILIES))(
    `inputs: %s (seed ${SEED}, ${CASES_PER_FAMILY * 4} cases)`,
    async family => {
      const rng = seededRng(SEED ^ hash(family))
      const found: Array<{ what: string; faults: string[] }> = []
      for (let i = 0; i < CASES_PER_FAMILY * 4; i += 1) {
        const item = INPUT_FAMILIES[family]!(rng)
        found.push({ what: `#${i} ${item.what}`, faults: await runInputCase(item) })
      }
      expectNoFaults(found)
    }
  )

  it.each(Object.keys(ACCEPTED))(
    `accepted: %s (seed ${SEED}, ${CASES_PER_FAMILY} cases)`,
    async family => {
      const rng = seededRng(SEED ^ hash(family))
      const refused: string[] = []
      for (let i = 0; i < CASES_PER_FAMILY; i += 1) {
        const item = ACCEPTED[family]!(world.config as never, rng)
        const name = `.github/case-${(caseNumber += 1)}.yml`
        writeFileSync(join(world.repo.dir, name), item.file)
        const core = recordingToolkit({ ...world.inputs, ...item.inputs, config: name })
        // readSettings alone: a valid run would go on to call the simulators.
        await readSettings(core, world.env).catch((error: Error) => {
          refused.push(`#${i} ${item.what}: ${error.message.slice(0, 400)}`)
        })
        const password = item.inputs.registry_password
        for (const line of password?.split('\n').filter(l => l.trim().length >= 4) ?? []) {
          if (!core.secrets.includes(line.trim()))
            refused.push(`#${i}: a password line is not masked`)
        }
        rmSync(join(world.repo.dir, name))
      }
      expect(refused).toEqual([])
    }
  )

  it('no outside system was called by any case', () => {
    expect(world.calls()).toBe(0)
  })
})

/** A family's own stream of cases, so adding a family does not change the others'. */
function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
