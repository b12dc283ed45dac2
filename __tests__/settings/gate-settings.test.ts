import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import { createTestRepo, type TestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/** The promotion gate keys of `environments.<env>` and the override inputs, as settings read them. */
const repos: TestRepo[] = []
afterAll(() => {
  for (const repo of repos) rmSync(repo.dir, { recursive: true, force: true })
})

function configWith(prod: string): TestRepo {
  const repo = createTestRepo({
    '.github/deploy.yml': `timezone: Asia/Seoul
services:
  webui:
    deploy: {argocd: {app: shop-webui}}
environments:
  prod:
${prod}
`
  })
  repos.push(repo)
  return repo
}

const INPUTS = {
  environment: 'prod',
  github_token: 'ghs_gate',
  argocd_server: 'https://argocd.example.com'
}

async function read(repo: TestRepo, inputs: Record<string, string> = {}) {
  const core = recordingToolkit({ ...INPUTS, ...inputs })
  return readSettings(core, {
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: join(repo.dir, '.tmp'),
    GITHUB_ACTOR: 'octo'
  })
}

async function refusal(repo: TestRepo, inputs: Record<string, string> = {}): Promise<string> {
  const error = await read(repo, inputs).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return (error as DeployError).message
}

describe('gate settings', () => {
  it('reads promote_from, soak, windows and deny; 24:00 ends a window at midnight', async () => {
    const settings = await read(
      configWith(`    promote_from: stage
    soak: 30m
    windows:
      - {days: mon-fri, hours: '09:00-24:00'}
      - {days: 'fri-mon'}
    deny:
      - {days: 'sat,sun', hours: '00:00-06:30'}`)
    )
    expect(settings.gate).toEqual({
      promoteFrom: 'stage',
      soakMs: 30 * 60_000,
      windows: [
        { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1440, text: 'mon-fri 09:00-24:00' },
        { days: [0, 1, 5, 6], startMinute: 0, endMinute: 1440, text: 'fri-mon 00:00-24:00' }
      ],
      deny: [{ days: [0, 6], startMinute: 0, endMinute: 390, text: 'sat,sun 00:00-06:30' }],
      override: undefined
    })
  })

  it.each([
    ['a day name that is none', `{days: mon-fry}`, 'expected days such as mon-fri or sat,sun'],
    ['days in another language', `{days: lundi}`, 'expected days such as mon-fri or sat,sun'],
    ['an hour past 23', `{days: mon, hours: '09:00-25:00'}`, 'expected HH:MM-HH:MM'],
    ['24:00 as a start', `{days: mon, hours: '24:00-24:00'}`, 'expected HH:MM-HH:MM'],
    ['minutes past 59', `{days: mon, hours: '09:60-10:00'}`, 'expected HH:MM-HH:MM'],
    ['one time, not a range', `{days: mon, hours: '09:00'}`, 'expected HH:MM-HH:MM'],
    ['an end before the start', `{days: mon, hours: '18:00-09:00'}`, 'ends before it starts']
  ])('refuses %s', async (_, window, expected) => {
    const message = await refusal(
      configWith(`    promote_from: stage
    windows:
      - ${window}`)
    )
    expect(message).toContain('environments.prod.windows')
    expect(message).toContain(expected)
  })

  it('refuses promote_from equal to the environment itself', async () => {
    const message = await refusal(configWith('    promote_from: prod'))
    expect(message).toContain('environments.prod.promote_from')
    expect(message).toContain('cannot be prod itself')
  })

  it('refuses override_gate without override_reason, and keeps who and why with one', async () => {
    const repo = configWith('    promote_from: stage')
    const message = await refusal(repo, { override_gate: 'true' })
    expect(message).toContain('override_gate')
    expect(message).toContain("needs input 'override_reason'")
    const settings = await read(repo, { override_gate: 'true', override_reason: 'INC-4411' })
    expect(settings.gate?.override).toEqual({ actor: 'octo', reason: 'INC-4411' })
  })
})
