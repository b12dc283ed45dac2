import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import { createTestRepo, type TestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

const CONFIG = `registry: 127.0.0.1:5000/acme
platforms: [linux/amd64, linux/arm64]
timezone: Asia/Seoul
services:
  postgresql:
    deploy: {argocd: {app: chef-postgresql}}
  webui:
    build: {context: webui}
    depends_on: [postgresql]
    deploy: {argocd: {app: chef-webui, helm_parameter: image.tag}}
  api:
    registry: ecr
    build: {context: api}
    deploy:
      ecs:
        cluster: library
        service: library-service
        container: app
        strategy: codedeploy
        codedeploy: {application: AppECS-library, deployment_group: DgpECS-library}
  pipeline:
    build: {context: api}
    deploy:
      stepfunctions:
        state_machine_arn: arn:aws:states:us-east-1:123456789012:stateMachine:deploy
        input: {owner: panda}
environments:
  dev: {argocd: {server: https://argocd.dev.example.com}}
  prod:
    argocd: {server: https://argocd.example.com}
    services: {webui: {deploy: {argocd: {app: chef-webui-prod}}}}
`

function repoWithConfig(config = CONFIG): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': config,
    'webui/Dockerfile': 'FROM scratch\n',
    'api/Dockerfile': 'FROM scratch\n'
  })
}

function envFor(repo: TestRepo, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp'), ...extra }
}

async function settingsError(
  inputs: Record<string, string>,
  repo: TestRepo,
  env: Record<string, string> = {}
): Promise<DeployError> {
  const core = recordingToolkit(inputs)
  const error = await readSettings(core, envFor(repo, env)).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

describe('readSettings', () => {
  const repo = repoWithConfig()

  it.each(['${{ github.token }}', '${{github.token}}', '${{ secrets.GITHUB_TOKEN }}'])(
    'github_token %s, passed verbatim where expressions are not evaluated, is no token',
    async expression => {
      const core = recordingToolkit({ environment: 'dev', github_token: expression })
      const settings = await readSettings(core, envFor(repo))
      expect(settings.githubToken).toBeUndefined()
      expect(core.secrets).toEqual([])
    }
  )

  it('reads the config, merges the environment override and resolves every service', async () => {
    const core = recordingToolkit({ environment: 'prod', github_token: 'ghs_secret' })
    const settings = await readSettings(core, envFor(repo))
    expect(settings.environment).toBe('prod')
    expect(settings.timezone).toBe('Asia/Seoul')
    expect(settings.services.map(s => s.name)).toEqual(['postgresql', 'webui', 'api', 'pipeline'])
    const webui = settings.services[1]
    expect(webui?.deploy).toMatchObject({
      kind: 'argocd',
      app: 'chef-webui-prod',
      server: 'https://argocd.example.com',
      helmParameter: 'image.tag'
    })
    expect(webui?.registry).toEqual({
      kind: 'host',
      host: '127.0.0.1:5000',
      namespace: 'acme',
      insecure: true
    })
    expect(webui?.repository).toBe('acme/webui')
    expect(webui?.build?.platforms).toEqual(['linux/amd64', 'linux/arm64'])
    expect(settings.services[2]).toMatchObject({
      registry: { kind: 'ecr' },
      repository: 'api',
      deploy: { kind: 'ecs', strategy: 'codedeploy', containers: ['app'] }
    })
    expect(settings.services[3]?.deploy).toMatchObject({
      kind: 'stepfunctions',
      mode: 'start',
      region: 'us-east-1',
      input: { owner: 'panda' }
    })
    expect(core.secrets).toContain('ghs_secret')
    expect(Object.isFrozen(settings.services)).toBe(true)
  })

  it('reads linear and canary settings (bakes in minutes) and wait_until, per environment', async () => {
    const repo = repoWithConfig(`services:
  api:
    deploy:
      ecs:
        cluster: shop
        service: api
        container: app
        strategy: canary
        canary: {percent: 12.5, bake: 15m}
  web:
    deploy:
      ecs: {cluster: shop, service: web, container: app, strategy: linear, linear: {step_percent: 25}}
environments:
  prod:
    services:
      api: {deploy: {ecs: {wait_until: traffic_shifted, canary: {bake: 1h}}}}
`)
    const prod = await readSettings(recordingToolkit({ environment: 'prod' }), envFor(repo))
    const [api, web] = prod.services.map(s => s.deploy)
    expect(api).toMatchObject({
      strategy: 'canary',
      waitUntil: 'traffic_shifted',
      canary: { percent: 12.5, bakeMinutes: 60 },
      linear: undefined
    })
    expect(web).toMatchObject({
      strategy: 'linear',
      waitUntil: 'completed',
      linear: { stepPercent: 25, stepBakeMinutes: undefined }
    })
    const dev = await readSettings(recordingToolkit({ environment: 'dev' }), envFor(repo))
    expect(dev.services[0]?.deploy).toMatchObject({
      waitUntil: 'completed',
      canary: { percent: 12.5, bakeMinutes: 15 }
    })
  })

  it('defaults the environment to dev on a schedule run, and only there', async () => {
    const scheduled = await readSettings(
      recordingToolkit({}),
      envFor(repo, { GITHUB_EVENT_NAME: 'schedule' })
    )
    expect(scheduled.environment).toBe('dev')
    const error = await settingsError({}, repo, { GITHUB_EVENT_NAME: 'workflow_dispatch' })
    expect(error.message).toContain("input 'environment'")
  })

  it('uses dep_{run id}_{attempt} as the deployment id inside Actions', async () => {
    const settings = await readSettings(
      recordingToolkit({ environment: 'dev' }),
      envFor(repo, { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '991', GITHUB_RUN_ATTEMPT: '2' })
    )
    expect(settings.deploymentId).toBe('dep_991_2')
  })

  it("takes GitHub's API and the clock from the run's environment, not the process's", async () => {
    const settings = await readSettings(
      recordingToolkit({ environment: 'dev' }),
      envFor(repo, {
        GITHUB_API_URL: 'https://ghes.example/api/v3/',
        SOURCE_DATE_EPOCH: '1795500000'
      })
    )
    expect(settings.context).toMatchObject({
      apiUrl: 'https://ghes.example/api/v3',
      apiUrlGiven: true,
      sourceDateEpoch: 1795500000
    })
    const plain = await readSettings(recordingToolkit({ environment: 'dev' }), envFor(repo))
    expect(plain.context).toMatchObject({ apiUrlGiven: false, sourceDateEpoch: undefined })
  })

  it('describes one service from inputs when there is no config file', async () => {
    const bare = createTestRepo({ Dockerfile: 'FROM scratch\n' })
    const settings = await readSettings(
      recordingToolkit({ environment: 'dev', image: 'My-App', registry: 'ghcr' }),
      envFor(bare, { GITHUB_REPOSITORY: 'Acme/Shop' })
    )
    expect(settings.services).toHaveLength(1)
    expect(settings.services[0]).toMatchObject({
      name: 'my-app',
      repository: 'acme/my-app',
      registry: { kind: 'ghcr', host: 'ghcr.io' }
    })
  })

  it('has no services without a config file or an image input (a library release)', async () => {
    const bare = createTestRepo()
    const settings = await readSettings(recordingToolkit({ environment: 'stage' }), envFor(bare))
    expect(settings.services).toEqual([])
  })

  it('masks every secret input the moment it is read', async () => {
    const core = recordingToolkit({
      environment: 'dev',
      registry_username: 'bot',
      registry_password: 'reg-pass-123',
      argocd_token: 'argo-token-456',
      // The config names the Argo CD server: the token may go there only when the inputs say so.
      trusted_hosts: 'argocd.dev.example.com',
      slack_bot_token: 'xoxb-789',
      slack_channel: 'C123',
      slack_webhook_url: 'https://hooks.slack.example/T/B/x',
      discord_webhook_url: 'https://discord.example/api/webhooks/1/abc',
      webhook_url: 'https://events.example/hook?key=k'
    })
    await readSettings(core, envFor(repo))
    expect(core.secrets).toEqual(
      expect.arrayContaining([
        'reg-pass-123',
        'argo-token-456',
        'xoxb-789',
        'https://hooks.slack.example/T/B/x',
        'https://discord.example/api/webhooks/1/abc',
        'https://events.example/hook?key=k'
      ])
    )
  })
})

/** Each row: what is wrong, and the input name or config key path the error must name. */
const BAD_INPUTS: Array<[string, Record<string, string>, string | undefined, string]> = [
  ['unknown environment', { environment: 'qa' }, undefined, "input 'environment'"],
  ['non-boolean create_tag', { create_tag: 'yes' }, undefined, "input 'create_tag'"],
  ['non-boolean dry_run', { dry_run: '1' }, undefined, "input 'dry_run'"],
  ['bad version', { version: '1.2' }, undefined, "input 'version'"],
  ['bad bump', { bump: 'huge' }, undefined, "input 'bump'"],
  ['unknown time zone', { timezone: 'Mars/Olympus' }, undefined, "input 'timezone'"],
  ['bad platform', { platforms: 'linux/amd64,windows' }, undefined, "input 'platforms'"],
  [
    'create_release without create_tag',
    { create_release: 'true', github_token: 't' },
    undefined,
    "input 'create_release'"
  ],
  ['bad duration', { deploy_timeout: 'soon' }, undefined, "input 'deploy_timeout'"],
  ['bad registry', { registry: 'HTTP://Registry' }, undefined, "input 'registry'"],
  ['YAML syntax error', {}, 'services:\n  api: [unclosed\n', '.github/deploy.yml: line'],
  [
    'a duplicated key',
    {},
    'services:\n  api: {}\n  api: {image: x}\n',
    '.github/deploy.yml: line 3, column 3: YAML syntax: duplicated mapping key'
  ],
  [
    'unknown config key',
    {},
    'services:\n  api:\n    deploi: {}\n',
    '.github/deploy.yml: services.api.deploi: unknown key'
  ],
  [
    'wrong type',
    {},
    'services:\n  api:\n    depends_on: webui\n',
    '.github/deploy.yml: services.api.depends_on'
  ],
  [
    'unknown depends_on',
    {},
    'services:\n  api:\n    depends_on: [ghost]\n',
    "services.api.depends_on: names 'ghost'"
  ],
  [
    'a dependency cycle',
    {},
    'services:\n  a: {depends_on: [b]}\n  b: {depends_on: [c]}\n  c: {depends_on: [a]}\n',
    'dependency cycle: a -> b -> c -> a'
  ],
  [
    'bad ECS strategy',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: blue-green}}\n',
    'services.api.deploy.ecs.strategy'
  ],
  [
    'a linear step under ECS minimum',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: linear, linear: {step_percent: 2}}}\n',
    'services.api.deploy.ecs.linear.step_percent: expected at least 3'
  ],
  [
    'a canary percent finer than tenths',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: canary, canary: {percent: 2.55}}}\n',
    'services.api.deploy.ecs.canary.percent: expected tenths of a percent'
  ],
  [
    'a bake that is not whole minutes',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: canary, canary: {bake: 90s}}}\n',
    'services.api.deploy.ecs.canary.bake: expected whole minutes'
  ],
  [
    'canary settings on a linear service',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: linear, canary: {percent: 10}}}\n',
    'services.api.deploy.ecs.canary: only used with strategy: canary (strategy is linear)'
  ],
  [
    'wait_until traffic_shifted on a rolling service',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, wait_until: traffic_shifted}}\n',
    'services.api.deploy.ecs.wait_until: traffic_shifted needs a strategy that shifts traffic'
  ],
  [
    'wait_until test_traffic without CodeDeploy',
    {},
    'services:\n  api:\n    deploy: {ecs: {cluster: c, service: s, container: app, strategy: blue_green, wait_until: test_traffic}}\n',
    'services.api.deploy.ecs.wait_until: test_traffic is for strategy: codedeploy'
  ],
  [
    'override of an unknown service',
    {},
    'services:\n  api: {}\nenvironments:\n  dev: {services: {web: {image: web}}}\n',
    'environments.dev.services.web'
  ],
  [
    'two deploy targets',
    {},
    'services:\n  api:\n    deploy:\n      ecs: {cluster: c, service: s, container: app}\n      argocd: {app: a, server: "https://argo.example"}\n',
    'services.api.deploy: expected exactly one'
  ]
]

describe('invalid input', () => {
  it.each(BAD_INPUTS)(
    '%s is INVALID_INPUT naming the key',
    async (_what, inputs, config, where) => {
      const repo = config === undefined ? repoWithConfig() : repoWithConfig(config)
      const error = await settingsError({ environment: 'dev', ...inputs }, repo)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toContain(where)
    }
  )

  it('lists every problem at once', async () => {
    const repo = repoWithConfig('services:\n  api:\n    depends_on: [ghost]\n    colour: blue\n')
    const error = await settingsError(
      { environment: 'qa', create_tag: 'maybe', bump: 'huge', timezone: 'Nowhere/Land' },
      repo
    )
    const lines = error.details?.split('\n') ?? []
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining("input 'environment'"),
        expect.stringContaining("input 'create_tag'"),
        expect.stringContaining("input 'bump'"),
        expect.stringContaining("input 'timezone'"),
        expect.stringContaining('services.api.colour: unknown key')
      ])
    )
    expect(error.message).toMatch(/^\d+ problems with the inputs or the deploy config/)
  })

  it('never echoes a secret webhook URL in its error', async () => {
    const repo = repoWithConfig()
    const error = await settingsError(
      { environment: 'dev', slack_webhook_url: 'not a url but secret-ish' },
      repo
    )
    expect(error.message).toContain("input 'slack_webhook_url'")
    expect(error.message).not.toContain('secret-ish')
  })

  it('refuses credentials inside an Argo CD URL without printing them', async () => {
    const fromInput = await settingsError(
      { environment: 'dev', argocd_server: 'https://admin:hunter2-secret@argocd.example' },
      repoWithConfig()
    )
    expect(fromInput.message).toContain(
      "input 'argocd_server': must not carry a user name or password"
    )
    expect(fromInput.message).not.toContain('hunter2-secret')
    const fromConfig = await settingsError(
      { environment: 'dev' },
      repoWithConfig(
        'services:\n  web:\n    deploy: {argocd: {app: web, server: "https://admin:hunter2-secret@argo.example"}}\n'
      )
    )
    expect(fromConfig.message).toContain(
      'services.web.deploy.argocd.server: expected a URL without a user name or password'
    )
    expect(fromConfig.message).not.toContain('hunter2-secret')
  })

  it('masks the path of a secret webhook URL too: error pages echo the path alone', async () => {
    const core = recordingToolkit({
      environment: 'dev',
      webhook_url: 'https://events.example/hooks/receiver-SECRET42?key=k'
    })
    await readSettings(core, envFor(repoWithConfig()))
    expect(core.secrets).toContain('/hooks/receiver-SECRET42?key=k')
  })

  it('reports a missing explicit config file', async () => {
    const repo = repoWithConfig()
    writeFileSync(join(repo.dir, 'other.yml'), 'services: {}\n')
    const error = await settingsError({ environment: 'dev', config: 'missing.yml' }, repo)
    expect(error.message).toContain('missing.yml: file not found')
  })
})
