import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import type { Settings } from '../../src/settings/types.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'

/** Numbers that make sense, secrets masked in every shape, config errors under their own key. */
const repo = createTestRepo({ 'api/Dockerfile': 'FROM scratch\n' })
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }))

let count = 0

async function read(
  inputs: Record<string, string>,
  config?: string
): Promise<{ core: RecordingToolkit; settings?: Settings; error?: DeployError }> {
  const name = `deploy-${(count += 1)}.yml`
  if (config !== undefined) repo.commit(`config ${count}`, { [name]: config })
  const core = recordingToolkit({
    environment: 'dev',
    ...(config === undefined ? {} : { config: name }),
    ...inputs
  })
  const env = { GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: 'abc', GITHUB_REF_NAME: 'main' }
  try {
    return { core, settings: await readSettings(core, env) }
  } catch (error) {
    return { core, error: error as DeployError }
  }
}

describe('durations', () => {
  it.each([
    ['deploy_timeout', '1s', 1000],
    ['deploy_timeout', '24h', 86_400_000],
    ['build_timeout', '86400', 86_400_000],
    ['push_timeout', '1000ms', 1000],
    ['poll_interval', '1s', 1000],
    ['poll_interval', '1h', 3_600_000]
  ])('%s %s is accepted', async (name, value, ms) => {
    const { settings } = await read({ [name]: value })
    const readBack = {
      deploy_timeout: settings?.deploy.timeoutMs,
      build_timeout: settings?.images.buildTimeoutMs,
      push_timeout: settings?.images.pushTimeoutMs,
      poll_interval: settings?.deploy.pollIntervalMs
    }[name]
    expect(readBack).toBe(ms)
  })

  it.each([
    // Past Node's 2^31-1 ms a timer fires at once: 1000000h timed out immediately.
    ['deploy_timeout', '1000000h'],
    ['deploy_timeout', '86401'],
    ['build_timeout', '999ms'],
    ['push_timeout', '0'],
    ['deploy_timeout', '-5m'],
    ['deploy_timeout', '1e3'],
    ['deploy_timeout', '.inf'],
    ['deploy_timeout', 'NaN'],
    // 0.0001 ms made 300 API calls in 12 s.
    ['poll_interval', '0.0001ms'],
    ['poll_interval', '999ms'],
    ['poll_interval', '2h']
  ])('%s %s is refused', async (name, value) => {
    const { error } = await read({ [name]: value })
    expect(error?.message).toContain(`input '${name}': expected a duration`)
  })

  it.each([
    ['deploy_timeout: .inf', "'.inf': write a plain number"],
    ['deploy_timeout: 1e3', "'1e3': write a plain number"],
    ['deploy_timeout: -1', 'from 1s to 24h'],
    ['deploy_timeout: 86401', 'from 1s to 24h'],
    ['poll_interval: 0.5', 'from 1s to 1h'],
    ['keep_revisions: 1001', 'expected at most 1000']
  ])('in the config, %s is refused under its key', async (line, problem) => {
    const { error } = await read(
      {},
      `services:\n  api:\n    deploy:\n      ecs: {cluster: c, service: s, container: app, ${line}}\n`
    )
    expect(error?.message).toContain(`services.api.deploy.ecs.${line.split(':')[0]}: `)
    expect(error?.message).toContain(problem)
  })
})

describe('names, hosts and ports', () => {
  it.each([
    ['registry: reg.example:65536', 'registry: expected a port from 1 to 65535'],
    ['registry: reg.example:0', 'registry: expected a port from 1 to 65535'],
    [`registry: ${'a'.repeat(64)}.example`, 'registry: expected a host name made of labels'],
    [
      `services: {api: {deploy: {ecs: {cluster: ${'c'.repeat(256)}, service: s, container: app}}}}`,
      'services.api.deploy.ecs.cluster: expected a name of at most 255 characters'
    ],
    [
      `services: {api: {deploy: {argocd: {app: ${'a'.repeat(254)}, server: 'https://argo.example'}}}}`,
      'services.api.deploy.argocd.app: expected at most 253 characters'
    ],
    [
      `services: {api: {deploy: {argocd: {app: a, server: 'https://argo.example:0'}}}}`,
      'services.api.deploy.argocd.server: expected a port from 1 to 65535'
    ],
    [
      `services: {api: {image: ${'i'.repeat(257)}}}`,
      'services.api.image: expected a repository name of at most 256'
    ],
    ['slack_users: {octo: not-an-id}', 'slack_users.octo: expected a Slack ID']
  ])('%#: refused under its key', async (config, where) => {
    const { error } = await read({}, `${config}\n`)
    expect(error?.message).toContain(where)
  })

  it.each([
    ['slack_channel', '#deploys'],
    ['notify_user', 'not a user'],
    ['registry', 'reg.example:70000']
  ])('input %s %s is refused', async (name, value) => {
    const { error } = await read({ [name]: value })
    expect(error?.message).toContain(`input '${name}': `)
  })
})

describe('secrets in every shape', () => {
  it('masks a token with a line break line by line, and refuses it', async () => {
    const { core, error } = await read({ argocd_token: 'first-half-abc\r\nsecond-half-def' })
    expect(core.secrets).toEqual(
      expect.arrayContaining([
        'first-half-abc\r\nsecond-half-def',
        'first-half-abc',
        'second-half-def'
      ])
    )
    expect(error?.message).toContain("input 'argocd_token': contains a line break")
    expect(error?.message).not.toContain('half')
  })

  it('takes a multi-line registry password (a JSON key), masking each line', async () => {
    const password = '{\n  "private_key_id": "abc123def456",\n  "private_key": "-----KEY-----"\n}'
    const { core, settings } = await read({
      registry_username: '_json_key',
      registry_password: password
    })
    expect(settings?.images.registryPassword).toBe(password)
    expect(core.secrets).toEqual(
      expect.arrayContaining([
        password,
        '"private_key_id": "abc123def456",',
        '"private_key": "-----KEY-----"'
      ])
    )
  })

  it.each(['bot:hunter2-reg@reg.example/team', 'https://bot:hunter2-reg@reg.example'])(
    'refuses credentials in the registry input %s, says where they go, never echoes them',
    async registry => {
      const { core, error } = await read({ registry })
      expect(error?.message).toContain(
        "input 'registry': must not carry credentials (user:password@host); give them in the registry_username and registry_password inputs"
      )
      expect(error?.message).not.toContain('hunter2')
      expect(core.rawLog()).not.toContain('hunter2')
      expect(core.secrets).toContain('hunter2-reg')
    }
  )

  it('refuses credentials in the config registry without echoing them', async () => {
    const { error } = await read({}, 'registry: bot:hunter2-reg@reg.example\n')
    expect(error?.message).toContain('registry: must not carry credentials')
    expect(error?.message).not.toContain('hunter2')
  })
})

describe('text that is not text', () => {
  it('refuses a lone surrogate or a control character in an input, escaped', async () => {
    const { error } = await read({ version: '1.2.3\ud800', bump: 'minor\u001b[2J' })
    expect(error?.message).toContain("input 'version': contains a lone UTF-16 surrogate")
    expect(error?.message).toContain(
      "input 'bump': contains a control character, got 'minor\\u001b[2J'"
    )
  })

  it('escapes a config key that would be a workflow command, and cuts a long one short', async () => {
    const { error } = await read(
      {},
      `services:\n  "x\\n::notice::pwned": {}\n  ${'k'.repeat(5000)}: {}\n`
    )
    expect(error?.message).toContain('services.x\\u000a::notice::pwned')
    expect(error?.message.split('\n').some(line => line.startsWith('::'))).toBe(false)
    expect(Math.max(...(error?.message.split('\n').map(line => line.length) ?? []))).toBeLessThan(
      2000
    )
  })
})

describe('the time zone', () => {
  it('is named by its config key when the config set it', async () => {
    const top = await read({}, 'timezone: Mars/Olympus\n')
    expect(top.error?.message).toMatch(/deploy-\d+\.yml: timezone: expected an IANA time zone/)
    const env = await read({}, 'environments:\n  dev: {timezone: Mars/Olympus}\n')
    expect(env.error?.message).toMatch(/deploy-\d+\.yml: environments\.dev\.timezone: expected/)
  })

  it('is named by the input when the input set it', async () => {
    const { error } = await read({ timezone: 'Mars/Olympus' }, 'timezone: Asia/Seoul\n')
    expect(error?.message).toContain("input 'timezone': expected an IANA time zone")
  })
})
