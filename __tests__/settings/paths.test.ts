import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import type { Settings } from '../../src/settings/types.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'

/**
 * Every path-like key, with real symlinks and `..`: a path that leads outside the workspace
 * (RUNNER_TEMP too, for events_file) is refused under its key, however it gets there; the same
 * path written another way that stays inside is accepted.
 */
const OUTSIDE_SECRET = 'outside-secret-7c1d'
const outside = mkdtempSync(join(tmpdir(), 'paths-outside-'))
mkdirSync(join(outside, 'dir'))
writeFileSync(join(outside, 'dir', 'Dockerfile'), 'FROM scratch\n')
writeFileSync(join(outside, 'Dockerfile'), `FROM scratch\n# ${OUTSIDE_SECRET}\n`)
writeFileSync(join(outside, 'task.json'), `{"secret": "${OUTSIDE_SECRET}"}\n`)
writeFileSync(join(outside, 'appspec.yml'), `# ${OUTSIDE_SECRET}\n`)
writeFileSync(join(outside, 'deploy.yml'), `services: {${OUTSIDE_SECRET}: [unclosed\n`)

const repo = createTestRepo({
  'api/Dockerfile': 'FROM scratch\n',
  'deploy/task.json': '{"family": "api"}\n',
  'deploy/appspec.yml': 'version: 0.0\n',
  '.github/valid.yml': 'services: {api: {build: {context: api}}}\n'
})
const runnerTemp = mkdtempSync(join(tmpdir(), 'paths-runner-'))
symlinkSync(outside, join(repo.dir, 'out-link'))
symlinkSync(join(outside, 'missing', 'x'), join(repo.dir, 'dangling-link'))
symlinkSync('api', join(repo.dir, 'in-link'))
symlinkSync('deploy', join(repo.dir, 'deploy-link'))
symlinkSync('.github', join(repo.dir, 'github-link'))

afterAll(() => {
  for (const dir of [outside, repo.dir, runnerTemp]) rmSync(dir, { recursive: true, force: true })
})

interface PathKey {
  /** What the refusal names. */
  readonly where: (configName: string) => string
  /** The file or directory (in `outside`) the key takes, so only its place can be wrong. */
  readonly target: string
  /** The same kind of thing inside the workspace, reached through `..` and through a symlink. */
  readonly inside: readonly string[]
  /** Inputs (and a config, when the key is in the config) that set the key to `value`. */
  readonly set: (value: string) => { inputs: Record<string, string>; config?: string }
}

const service = (build: string, deploy = ''): string =>
  `services:\n  api:\n    build: {${build}}\n${deploy}`
const ecs = (extra: string): string =>
  `    deploy:\n      ecs: {cluster: c, service: s, container: app, ${extra}}\n`
const stack = (extra: string): string =>
  `    deploy:\n      cloudformation: {stack: api, ${extra}}\n`

const KEYS: Record<string, PathKey> = {
  "input 'config'": {
    where: () => "input 'config'",
    target: 'deploy.yml',
    inside: ['api/../.github/valid.yml', 'github-link/valid.yml'],
    set: value => ({ inputs: { config: value } })
  },
  "input 'events_file'": {
    where: () => "input 'events_file'",
    target: 'events.ndjson',
    inside: ['api/../events.ndjson', 'in-link/events.ndjson'],
    set: value => ({ inputs: { events_file: value } })
  },
  "input 'context'": {
    where: () => "input 'context'",
    target: 'dir',
    inside: ['deploy/../api', 'in-link'],
    set: value => ({ inputs: { image: 'app', context: value } })
  },
  "input 'dockerfile'": {
    where: () => "input 'dockerfile'",
    target: 'Dockerfile',
    inside: ['deploy/../api/Dockerfile', 'in-link/Dockerfile'],
    set: value => ({ inputs: { image: 'app', context: 'api', dockerfile: value } })
  },
  'build.context': {
    where: name => `${name}: services.api.build.context`,
    target: 'dir',
    inside: ['deploy/../api', 'in-link'],
    set: value => ({ inputs: {}, config: service(`context: '${value}'`) })
  },
  'build.dockerfile': {
    where: name => `${name}: services.api.build.dockerfile`,
    target: 'Dockerfile',
    inside: ['deploy/../api/Dockerfile', 'in-link/Dockerfile'],
    set: value => ({ inputs: {}, config: service(`context: api, dockerfile: '${value}'`) })
  },
  'deploy.ecs.task_definition': {
    where: name => `${name}: services.api.deploy.ecs.task_definition`,
    target: 'task.json',
    inside: ['api/../deploy/task.json', 'deploy-link/task.json'],
    set: value => ({
      inputs: {},
      config: service('context: api', ecs(`task_definition: '${value}'`))
    })
  },
  'deploy.ecs.codedeploy.appspec': {
    where: name => `${name}: services.api.deploy.ecs.codedeploy.appspec`,
    target: 'appspec.yml',
    inside: ['api/../deploy/appspec.yml', 'deploy-link/appspec.yml'],
    set: value => ({
      inputs: {},
      config: service(
        'context: api',
        ecs(
          `strategy: codedeploy, codedeploy: {application: a, deployment_group: g, appspec: '${value}'}`
        )
      )
    })
  },
  'deploy.cloudformation.template': {
    where: name => `${name}: services.api.deploy.cloudformation.template`,
    target: 'appspec.yml',
    inside: ['api/../deploy/appspec.yml', 'deploy-link/appspec.yml'],
    set: value => ({ inputs: {}, config: service('context: api', stack(`template: '${value}'`)) })
  },
  'deploy.cloudformation.parameter_overrides_file': {
    where: name => `${name}: services.api.deploy.cloudformation.parameter_overrides_file`,
    // Holds the secret: a parameter file outside must never be read, so never echoed.
    target: 'task.json',
    inside: ['api/../deploy/task.json', 'deploy-link/task.json'],
    set: value => ({
      inputs: {},
      config: service(
        'context: api',
        stack(`template: deploy/appspec.yml, parameter_overrides_file: '${value}'`)
      )
    })
  }
}

/** Ways out of the workspace to `target`: `..`, absolute, a symlinked directory, a symlink. */
function escapes(target: string): Record<string, string> {
  return {
    '..': `../${basename(outside)}/${target}`,
    'deep ..': `api/../../../../../../..${outside}/${target}`,
    absolute: join(outside, target),
    'symlinked directory': `out-link/${target}`,
    'symlinked directory, then ..': `out-link/dir/../${target}`,
    'dangling symlink': 'dangling-link'
  }
}

let configCount = 0

async function attempt(
  key: PathKey,
  value: string
): Promise<{ core: RecordingToolkit; error?: DeployError; settings?: Settings; name: string }> {
  const { inputs, config } = key.set(value)
  const name = `.github/paths-${(configCount += 1)}.yml`
  if (config !== undefined) writeFileSync(join(repo.dir, name), config)
  const core = recordingToolkit({
    environment: 'dev',
    ...(config === undefined ? {} : { config: name }),
    ...inputs
  })
  const env = {
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_SHA: 'abc',
    GITHUB_REF_NAME: 'main'
  }
  try {
    return { core, settings: await readSettings(core, env), name }
  } catch (error) {
    return { core, error: error as DeployError, name }
  }
}

describe.each(Object.entries(KEYS))('%s', (_label, key) => {
  it.each(Object.entries(escapes(key.target)))(
    'is refused when it leads out by %s',
    async (_how, value) => {
      const { core, error, name } = await attempt(key, value)
      expect(error?.code).toBe('INVALID_INPUT')
      expect(error?.message).toContain(`${key.where(name)}: `)
      expect(error?.message).toMatch(
        /leads outside the workspace|symlink to a path that does not exist/
      )
      // What is outside is never read, so never shown.
      expect(core.rawLog() + error?.message).not.toContain(OUTSIDE_SECRET)
    }
  )

  it.each(key.inside)('is accepted as %s, which stays inside', async value => {
    const { error } = await attempt(key, value)
    expect(error?.message).toBeUndefined()
  })
})

describe('events_file', () => {
  it('may live under RUNNER_TEMP', async () => {
    const { settings } = await attempt(
      KEYS["input 'events_file'"]!,
      join(runnerTemp, 'log', 'events.ndjson')
    )
    expect(settings?.eventsFile).toBe(join(runnerTemp, 'log', 'events.ndjson'))
  })

  it('never overwrites the config, a file of the repository or a directory', async () => {
    for (const [value, problem] of [
      ['.github/valid.yml', 'is the deploy config'],
      ['deploy/task.json', 'is not an event log of this action'],
      ['api', 'is a directory']
    ] as const) {
      const { error } = await attempt(
        {
          ...KEYS["input 'events_file'"]!,
          set: v => ({ inputs: { events_file: v, config: '.github/valid.yml' } })
        },
        value
      )
      expect(error?.message).toContain(`input 'events_file': `)
      expect(error?.message).toContain(problem)
    }
  })

  it('may name the event log of an earlier attempt in the same job', async () => {
    writeFileSync(join(repo.dir, 'earlier.ndjson'), '{"id":1,"type":"stage","stage":"INIT"}\n')
    const { error } = await attempt(KEYS["input 'events_file'"]!, 'earlier.ndjson')
    expect(error?.message).toBeUndefined()
  })
})

describe('the config file itself', () => {
  const withConfigFile = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    readSettings(recordingToolkit({ environment: 'dev', ...inputs }), {
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: runnerTemp,
      GITHUB_SHA: 'abc',
      GITHUB_REF_NAME: 'main',
      ...env
    }).then(
      () => undefined,
      (error: DeployError) => error.message
    )

  it('is refused at once when it is a FIFO (no writer needed), a directory or a device', async () => {
    execFileSync('mkfifo', [join(repo.dir, 'config.fifo')])
    mkdirSync(join(repo.dir, 'config.dir'))
    expect(await withConfigFile({ config: 'config.fifo' })).toContain(
      'config.fifo: is a named pipe'
    )
    expect(await withConfigFile({ config: 'config.dir' })).toContain('config.dir: is a directory')
    // A device inside the workspace: the workspace is /dev itself.
    expect(await withConfigFile({ config: 'zero' }, { GITHUB_WORKSPACE: '/dev' })).toContain(
      'zero: is a device, not a regular file'
    )
  })

  it('is refused over 1 MiB, before it is parsed', async () => {
    writeFileSync(join(repo.dir, 'big.yml'), `services: {}\n# ${'x'.repeat(1024 * 1024)}\n`)
    expect(await withConfigFile({ config: 'big.yml' })).toMatch(
      /big\.yml: is \d+ bytes; at most 1048576/
    )
  })

  it('is refused when it is not valid UTF-8, rather than read with replacement characters', async () => {
    writeFileSync(
      join(repo.dir, 'latin1.yml'),
      Buffer.from('timezone: Europe/Z\xfcrich\n', 'latin1')
    )
    expect(await withConfigFile({ config: 'latin1.yml' })).toContain(
      'latin1.yml: is not valid UTF-8 (near byte 18)'
    )
  })

  it('is never shown beyond the reason when it does not parse', async () => {
    const secretLine = `  password: ${OUTSIDE_SECRET}-inline`
    writeFileSync(join(repo.dir, 'broken.yml'), `services:\n${secretLine}\n  api: [unclosed\n`)
    const message = await withConfigFile({ config: 'broken.yml' })
    expect(message).toContain('broken.yml: line')
    expect(message).not.toContain(OUTSIDE_SECRET)
  })
})
