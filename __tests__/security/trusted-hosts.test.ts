import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { run } from '../../src/main.js'
import { readSettings } from '../../src/settings/index.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { startGitHubSimulator } from '../simulators/github.js'

/**
 * A config can come from a fork (pull_request_target, or a workflow that checks out the PR head):
 * the credentials the workflow gives as inputs go only to the hosts the inputs name, to loopback,
 * or to trusted_hosts; never over plain HTTP unless to loopback or by an `*_insecure` input; and a
 * config cannot switch TLS checks off for them. Anything else is INVALID_INPUT before any call.
 */
const repo = createTestRepo({ 'web/Dockerfile': 'FROM scratch\n' })
const env = { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }

async function settle(config: string, inputs: Record<string, string>): Promise<string[]> {
  writeFileSync(join(repo.dir, '.github-deploy.yml'), config)
  const core = recordingToolkit({ environment: 'dev', config: '.github-deploy.yml', ...inputs })
  return readSettings(core, env).then(
    () => [],
    (error: unknown) => {
      expect(error).toBeInstanceOf(DeployError)
      expect((error as DeployError).code).toBe('INVALID_INPUT')
      return (error as DeployError).details?.split('\n') ?? []
    }
  )
}

interface Credential {
  readonly name: string
  readonly host: string
  readonly credentials: Record<string, string>
  /** Where the config names the host, and the key a refusal must name. */
  readonly places: Record<string, { config: (host: string) => string; key: string }>
  /** The input that names the host itself. */
  readonly named: (host: string) => Record<string, string>
  /** Places whose host that input replaces (the registry input wins over the config's). */
  readonly inputWinsOver: readonly string[]
}

const ARGO: Credential = {
  name: 'argocd_token',
  host: 'argocd.example.com',
  credentials: { argocd_token: 'argo-token-1' },
  places: {
    'the top level': {
      config: h =>
        `argocd: {server: 'https://${h}'}\nservices: {web: {deploy: {argocd: {app: web}}}}`,
      key: 'argocd.server'
    },
    'the service': {
      config: h => `services: {web: {deploy: {argocd: {app: web, server: 'https://${h}'}}}}`,
      key: 'services.web.deploy.argocd.server'
    },
    'an environment': {
      config: h =>
        `services: {web: {deploy: {argocd: {app: web}}}}\nenvironments: {dev: {argocd: {server: 'https://${h}'}}}`,
      key: 'argocd.server'
    }
  },
  named: h => ({ argocd_server: `https://${h}` }),
  inputWinsOver: []
}

const REGISTRY: Credential = {
  name: 'registry_password',
  host: 'reg.example.com:5000',
  credentials: { registry_username: 'ci', registry_password: 'reg-pass-1' },
  places: {
    'the top level': {
      config: h => `registry: ${h}/acme\nservices: {web: {build: {context: web}}}`,
      key: 'registry'
    },
    'the service': {
      config: h => `services: {web: {registry: ${h}/acme, build: {context: web}}}`,
      key: 'services.web.registry'
    },
    'an environment': {
      config: h =>
        `services: {web: {build: {context: web}}}\nenvironments: {dev: {registry: ${h}/acme}}`,
      key: 'registry'
    }
  },
  named: h => ({ registry: `${h}/other` }),
  inputWinsOver: ['the top level', 'an environment']
}

/** How the workflow vouches for the host (or does not), and whether that is enough. */
const TRUST: Array<[string, (c: Credential) => Record<string, string>, boolean]> = [
  ['nothing', () => ({}), false],
  ['the input naming the same host', c => c.named(c.host), true],
  ['the input naming another host', c => c.named('other.example.com'), false],
  ['trusted_hosts: the host', c => ({ trusted_hosts: c.host.split(':')[0] as string }), true],
  ['trusted_hosts: host and port', c => ({ trusted_hosts: withPort(c.host) }), true],
  ['trusted_hosts: another port', c => ({ trusted_hosts: `${hostOf(c)}:1234` }), false],
  ['trusted_hosts: *.example.com', () => ({ trusted_hosts: '*.example.com' }), true],
  [
    'trusted_hosts: *.the-host (not the host itself)',
    c => ({ trusted_hosts: `*.${hostOf(c)}` }),
    false
  ],
  ['trusted_hosts: a list', c => ({ trusted_hosts: `a.example.org,\n ${hostOf(c)} ` }), true],
  ['trusted_hosts: a look-alike', c => ({ trusted_hosts: `${hostOf(c)}.evil.test` }), false]
]

function hostOf(c: Credential): string {
  return c.host.split(':')[0] as string
}

function withPort(host: string): string {
  return host.includes(':') ? host : `${host}:443`
}

describe.each([ARGO, REGISTRY])('$name to a host the config names', credential => {
  const cases = Object.entries(credential.places).flatMap(([place, spec]) =>
    TRUST.map(([trust, inputs, allowed]) => [place, trust, spec, inputs, allowed] as const)
  )

  it.each(cases)('in %s, vouched for by %s', async (place, trust, spec, inputs, vouched) => {
    // An input that replaces the config's host leaves nothing of the config's to send to.
    const replaced = trust.startsWith('the input') && credential.inputWinsOver.includes(place)
    const allowed = vouched || replaced
    const problems = await settle(spec.config(credential.host), {
      ...credential.credentials,
      ...inputs(credential)
    })
    if (allowed) {
      expect(problems).toEqual([])
      return
    }
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\.github-deploy\\.yml: ${spec.key.replaceAll('.', '\\.')}: would receive ${credential.name} at `
        )
      )
    ])
    expect(problems[0]).toContain('trusted_hosts')
  })

  it.each(Object.entries(credential.places))(
    'in %s, without the credential: allowed',
    async (_, spec) => {
      expect(await settle(spec.config(credential.host), {})).toEqual([])
    }
  )

  it.each(Object.entries(credential.places))('in %s, on loopback: allowed', async (_, spec) => {
    const loopback = credential === ARGO ? '127.0.0.1:8080' : 'localhost:5000'
    expect(await settle(spec.config(loopback), credential.credentials)).toEqual([])
  })
})

describe('plain HTTP and TLS checks for argocd_token', () => {
  const app = 'services: {web: {deploy: {argocd: {app: web}}}}'

  it.each([
    [
      'an http server from the input',
      `${app}`,
      { argocd_server: 'http://argocd.example.com' },
      "input 'argocd_server'"
    ],
    [
      'an http server from the config (trusted host)',
      `argocd: {server: 'http://argocd.example.com'}\n${app}`,
      { trusted_hosts: 'argocd.example.com' },
      '.github-deploy.yml: argocd.server'
    ]
  ])('%s is refused, naming the key and argocd_insecure', async (_, config, inputs, key) => {
    const problems = await settle(config, { argocd_token: 't', ...inputs })
    expect(problems).toEqual([
      `${key}: plain HTTP would send argocd_token unencrypted to argocd.example.com:80: use https, or set the argocd_insecure input to true`
    ])
  })

  it('http is allowed by the argocd_insecure input, and to loopback', async () => {
    const inputs = { argocd_token: 't', argocd_server: 'http://argocd.example.com' }
    expect(await settle(app, { ...inputs, argocd_insecure: 'true' })).toEqual([])
    expect(await settle(app, { ...inputs, argocd_server: 'http://127.0.0.1:8080' })).toEqual([])
    expect(await settle(app, { ...inputs, argocd_server: 'http://[::1]:8080' })).toEqual([])
  })

  it.each([
    ['the top level', `argocd: {insecure: true}\n${app}`, 'argocd.insecure'],
    [
      'the service',
      'services: {web: {deploy: {argocd: {app: web, insecure: true}}}}',
      'services.web.deploy.argocd.insecure'
    ],
    ['an environment', `${app}\nenvironments: {dev: {argocd: {insecure: true}}}`, 'argocd.insecure']
  ])('insecure: true from %s is refused while the token is set', async (_, config, key) => {
    const inputs = { argocd_server: 'https://argocd.example.com' }
    expect(await settle(config, { ...inputs, argocd_token: 't' })).toEqual([
      `.github-deploy.yml: ${key}: not taken from the config while argocd_token is given (a config from a fork could turn off the TLS check the token relies on): set the argocd_insecure input to true instead`
    ])
    expect(await settle(config, { ...inputs, argocd_token: 't', argocd_insecure: 'true' })).toEqual(
      []
    )
    expect(await settle(config, inputs)).toEqual([])
  })

  it('a config that turns insecure off again is fine', async () => {
    const config = `argocd: {insecure: true}\nservices: {web: {deploy: {argocd: {app: web, insecure: false}}}}`
    expect(
      await settle(config, { argocd_token: 't', argocd_server: 'https://argocd.example.com' })
    ).toEqual([])
  })
})

describe('slack_bot_token', () => {
  it('is not sent over plain HTTP except to loopback', async () => {
    const inputs = { slack_bot_token: 'xoxb-1', slack_channel: 'C1' }
    expect(
      await settle('{}', { ...inputs, slack_api_url: 'http://slack.example.com/api/' })
    ).toEqual([
      "input 'slack_api_url': plain HTTP would send slack_bot_token unencrypted to slack.example.com:80: use https"
    ])
    expect(await settle('{}', { ...inputs, slack_api_url: 'http://127.0.0.1:9/api/' })).toEqual([])
    expect(await settle('{}', { slack_api_url: 'http://slack.example.com/api/' })).toEqual([])
  })
})

describe('trusted_hosts itself', () => {
  it.each([
    'https://argocd.example.com',
    '*',
    '*.',
    'host:0',
    'host:99999',
    'a b',
    'user@host',
    'ho_st'
  ])("'%s' is refused, not ignored", async entry => {
    expect(await settle('{}', { trusted_hosts: `ok.example.com,${entry}` })).toEqual([
      `input 'trusted_hosts': expected host[:port] or *.domain[:port] without a scheme, got '${entry}'`
    ])
  })

  it('takes IPv6 literals and upper case', async () => {
    expect(await settle('{}', { trusted_hosts: '[fd00::1]:8443, Argo.Example.COM' })).toEqual([])
  })
})

describe('refusals are listed with the other problems, before anything is touched', () => {
  it('one INVALID_INPUT for all of them, and GitHub never asked', async () => {
    const github = await startGitHubSimulator()
    try {
      writeFileSync(
        join(repo.dir, '.github-deploy.yml'),
        `argocd: {server: 'https://argocd.attacker.test'}\n` +
          `services: {web: {registry: reg.attacker.test/x, build: {context: web}, deploy: {argocd: {app: web}}}}`
      )
      const core = recordingToolkit({
        environment: 'dev',
        bump: 'huge',
        config: '.github-deploy.yml',
        create_tag: 'true',
        github_token: github.token,
        argocd_token: 'argo-token-2',
        registry_username: 'ci',
        registry_password: 'reg-pass-2'
      })
      const status = await run(core, {
        env: { ...env, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/shop' }
      })
      expect(status).toBe('failure')
      expect(core.failures).toHaveLength(1)
      const failure = core.failures[0] as string
      expect(failure).toContain('INVALID_INPUT')
      expect(failure).toContain("input 'bump'")
      expect(failure).toContain(
        'argocd.server: would receive argocd_token at argocd.attacker.test:443'
      )
      expect(failure).toContain(
        'services.web.registry: would receive registry_password at reg.attacker.test:443'
      )
      expect(github.requests).toEqual([])
      expect(core.maskedLog()).not.toContain('argo-token-2')
      expect(core.maskedLog()).not.toContain('reg-pass-2')
    } finally {
      await github.close()
    }
  })
})
