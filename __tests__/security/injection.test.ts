import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { run } from '../../src/main.js'
import { guardOutputStreams } from '../../src/runtime/inert-output.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { captureOutput, runnerToolkit } from '../fixtures/runner-log.js'
import { startArgoCdSimulator } from '../simulators/argocd.js'
import { startGitHubSimulator } from '../simulators/github.js'
import { slackError, slackMethod, startSlackSimulator } from '../simulators/slack.js'
import { withEcsSimulator } from '../targets/ecs-fixtures.js'
import { SEED, expectInert, payloads, type Payload } from './payloads.js'

/**
 * Workflow-command injection, source by source: outside text carrying generated commands enters
 * the run through a config key, a service name, an input, an environment variable, the git
 * history, or an answer of GitHub, Argo CD, AWS, Slack or a builder; the run goes through run()
 * behind the stream guard, as the entry point does, with the real @actions/core writing to a
 * captured stdout. The runner, as simulated by runnerCommands, must execute none of it, and where
 * the text is shown the markers must be in the output (the check saw the payload).
 */
const CHEAP = 10
const COSTLY = 2
const COMMANDS_PER_PAYLOAD = 4

async function runCaptured(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv
): Promise<string> {
  const capture = captureOutput()
  const unguard = guardOutputStreams()
  try {
    await run(runnerToolkit(inputs), { env })
  } finally {
    unguard()
    capture.stop()
  }
  return capture.text()
}

/** A YAML double-quoted scalar that holds any text, control characters and all. */
function yamlString(text: string): string {
  const escaped = [...text].map(ch => {
    const code = ch.codePointAt(0) as number
    if (code >= 0x20 && code < 0x7f && ch !== '"' && ch !== '\\') return ch
    return code > 0xffff
      ? `\\U${code.toString(16).padStart(8, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
  return `"${escaped.join('')}"`
}

/** Generated payloads, after the issue's own example for the source when it has one. */
const cases = (salt: number, count: number, example?: string): Array<[string, Payload]> =>
  [
    ...(example ? [{ text: example, markers: ['PWNED0Z'] }] : []),
    ...payloads(SEED + salt, count, COMMANDS_PER_PAYLOAD)
  ].map(p => [JSON.stringify(p.text), p])

describe('text from the repository and the inputs', () => {
  const repo = createTestRepo({ 'web/Dockerfile': 'FROM scratch\n' })
  const env = { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }
  let configs = 0
  const withConfig = (text: string): string => {
    const name = `deploy-${++configs}.yml`
    writeFileSync(join(repo.dir, name), text)
    return name
  }

  it.each(cases(1, CHEAP, '\n::notice::PWNED0Z'))('a config key %s', async (_, payload) => {
    const config = withConfig(
      `services:\n  web:\n    build: {context: web}\n    ${yamlString(`x${payload.text}`)}: 1\n`
    )
    const output = await runCaptured({ environment: 'dev', config }, env)
    expectInert(output, payload, true)
  })

  it.each(cases(2, CHEAP))('a service name %s', async (_, payload) => {
    const config = withConfig(
      `services:\n  ${yamlString(`web${payload.text}`)}:\n    build: {context: web}\n`
    )
    const output = await runCaptured({ environment: 'dev', config }, env)
    expectInert(output, payload, true)
  })

  // Inputs whose bad value the error quotes.
  const QUOTED = [
    'environment',
    'bump',
    'version',
    'timezone',
    'platforms',
    'registry',
    'builder',
    'build',
    'cache',
    'deploy_timeout',
    'discord_mention',
    'image',
    'config',
    'trusted_hosts'
  ]
  it.each(cases(3, QUOTED.length).map(([text, p], i) => [QUOTED[i] as string, text, p] as const))(
    'the input %s: %s',
    async (name, _, payload) => {
      const output = await runCaptured({ environment: 'dev', [name]: `x${payload.text}` }, env)
      expectInert(output, payload, true)
    }
  )

  it('the environment input, as the issue found it', async () => {
    const payload = { text: 'dev\r\n::add-mask::PWNED0Z', markers: ['PWNED0Z'] }
    const output = await runCaptured({ environment: payload.text }, env)
    expectInert(output, payload, true)
  })

  it.each(cases(4, CHEAP))('the environment variable GITHUB_REPOSITORY %s', async (_, payload) => {
    const output = await runCaptured(
      { environment: 'dev', dry_run: 'true' },
      { ...env, GITHUB_REPOSITORY: `acme/shop${payload.text}` }
    )
    expectInert(output, payload, true)
  })
})

describe('text from servers and processes', () => {
  it.each(cases(5, COSTLY))('commit messages and tag names from GitHub %s', async (_, payload) => {
    const github = await startGitHubSimulator()
    try {
      github.tag('v1.0.0', github.commit('chore: initial commit'))
      github.tag(`v1.1.0${payload.text}`, github.commit(`feat: search${payload.text}`))
      const head = github.commit(`fix: typo${payload.text}\n\nBREAKING CHANGE: ${payload.text}`)
      const repo = createTestRepo()
      const event = join(repo.dir, 'event.json')
      writeFileSync(event, JSON.stringify({ head_commit: { message: payload.text } }))
      const output = await runCaptured(
        { environment: 'dev', create_tag: 'true', dry_run: 'true', github_token: github.token },
        {
          GITHUB_WORKSPACE: repo.dir,
          RUNNER_TEMP: join(repo.dir, '.tmp'),
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
          GITHUB_SHA: head,
          GITHUB_REF_NAME: 'main',
          GITHUB_EVENT_PATH: event
        }
      )
      // Neither reaches the log (the tag does not match a version, messages only decide the bump).
      expectInert(output, payload, false)
    } finally {
      await github.close()
    }
  })

  it.each(cases(6, COSTLY))('an error message from GitHub %s', async (_, payload) => {
    const github = await startGitHubSimulator()
    try {
      const head = github.commit('feat: search')
      github.faults.inject(
        { kind: 'status', status: 422, body: { message: `Validation Failed${payload.text}` } },
        { match: r => r.method === 'POST' && r.path.endsWith('/git/refs'), times: 10 }
      )
      const repo = createTestRepo()
      const output = await runCaptured(
        { environment: 'dev', create_tag: 'true', github_token: github.token },
        {
          GITHUB_WORKSPACE: repo.dir,
          RUNNER_TEMP: join(repo.dir, '.tmp'),
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
          GITHUB_SHA: head,
          GITHUB_REF_NAME: 'main'
        }
      )
      expectInert(output, payload, true)
    } finally {
      await github.close()
    }
  })

  it.each(cases(7, COSTLY, '\n::add-mask::PWNED0Z'))(
    'an Argo CD failure message %s',
    async (_, payload) => {
      const argocd = await startArgoCdSimulator({
        token: 'argo-token',
        apps: [
          {
            name: 'shop-web',
            project: 'shop',
            spec: {
              project: 'shop',
              source: {
                repoURL: 'https://github.com/acme/charts',
                path: 'web',
                targetRevision: 'main'
              },
              destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }
            },
            images: { fixed: ['ghcr.io/acme/web:1'] }
          }
        ]
      })
      try {
        argocd.script('shop-web', {
          outcome: 'Failed',
          message: `one or more objects failed to apply${payload.text}`,
          failedResources: [{ kind: 'Deployment', name: 'web', message: payload.text }]
        })
        const repo = createTestRepo({
          '.github/deploy.yml':
            'services:\n  web:\n    deploy: {argocd: {app: shop-web, project: shop}}\n'
        })
        const output = await runCaptured(
          {
            environment: 'dev',
            argocd_server: argocd.url,
            argocd_token: 'argo-token',
            poll_interval: '1s'
          },
          { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }
        )
        expectInert(output, payload, true)
      } finally {
        await argocd.close()
      }
    }
  )

  it.each(cases(8, COSTLY))('an AWS error message from ECS %s', async (_, payload) => {
    const ecs = await withEcsSimulator({ controller: 'rolling', scenario: 'success' })
    try {
      ecs.aws.faults.inject(
        {
          kind: 'status',
          status: 400,
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'ClientException'
          },
          body: { __type: 'ClientException', message: `Access denied${payload.text}` }
        },
        { times: 10 }
      )
      const repo = createTestRepo({
        '.github/deploy.yml':
          'services:\n  api:\n    deploy:\n      ecs: {cluster: shop, service: api, container: app, region: us-east-1}\n'
      })
      // The deploy's own error path: the preflight would stop the run at its first look.
      const output = await runCaptured(
        { environment: 'dev', poll_interval: '1s', preflight: 'false' },
        { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }
      )
      expectInert(output, payload, true)
    } finally {
      await ecs.close()
    }
  })

  it.each(cases(9, COSTLY))('a Slack error %s', async (_, payload) => {
    const slack = await startSlackSimulator({ token: 'xoxb-1' })
    try {
      slack.faults.inject(slackError(`channel_not_found${payload.text}`), {
        match: slackMethod('chat.postMessage'),
        times: 10
      })
      const repo = createTestRepo()
      const output = await runCaptured(
        {
          environment: 'dev',
          slack_bot_token: 'xoxb-1',
          slack_channel: 'C0DEPLOYS',
          slack_api_url: slack.apiUrl
        },
        { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }
      )
      expectInert(output, payload, true)
    } finally {
      await slack.close()
    }
  })

  describe('builder output', () => {
    // A buildah on PATH that prints what it is given and fails the build, as a Dockerfile's RUN
    // echo would.
    const bin = mkdtempSync(join(tmpdir(), 'fake-buildah-'))
    const printed = join(bin, 'output.txt')
    const path = process.env.PATH
    beforeAll(() => {
      writeFileSync(
        join(bin, 'buildah'),
        `#!/bin/sh\nif [ "$1" = build ]; then echo 'STEP 1/2: FROM scratch'; cat '${printed}'; exit 1; fi\nexit 0\n`
      )
      chmodSync(join(bin, 'buildah'), 0o755)
      process.env.PATH = `${bin}${delimiter}${path ?? ''}`
    })
    afterAll(() => {
      process.env.PATH = path
      rmSync(bin, { recursive: true, force: true })
    })

    it.each(cases(10, COSTLY))('%s', async (_, payload) => {
      writeFileSync(printed, `${payload.text}\n::error::PWNED0Z\n##[warning]PWNED0Z\n`)
      const repo = createTestRepo({
        '.github/deploy.yml':
          'registry: 127.0.0.1:9/shop\nservices:\n  web:\n    build: {context: web}\n',
        'web/Dockerfile': 'FROM scratch\n'
      })
      // No registry answers at 127.0.0.1:9: without the preflight the build still runs.
      const output = await runCaptured(
        { environment: 'dev', builder: 'buildah', preflight: 'false' },
        { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') }
      )
      expectInert(output, { ...payload, markers: [...payload.markers, 'PWNED0Z'] }, true)
      // Streamed inside a stop-commands block, prefixed with the service.
      expect(output).toMatch(
        /::group::build web \(linux\/amd64, linux\/arm64\)\n::stop-commands::[0-9a-f-]{36}\nSTEP 1\/2: FROM scratch/
      )
    })
  })
})
