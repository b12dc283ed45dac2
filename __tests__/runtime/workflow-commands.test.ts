import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as actionsCore from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workflowCommands } from '../../src/runtime/workflow-commands.js'
import type { Toolkit } from '../../src/toolkit.js'

/**
 * The light toolkit stands in for @actions/core in dist, so it must say to the runner exactly
 * what @actions/core says: each call is made on both, and stdout, the file commands and the job
 * summary must come out the same (the random delimiters aside).
 */
type Call = (core: Toolkit) => unknown

const FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const saved = { ...process.env }
const exitCode = process.exitCode

afterEach(() => {
  process.env = { ...saved }
  process.exitCode = exitCode
  jest.restoreAllMocks()
})

async function said(core: Toolkit, call: Call, files: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
  for (const name of FILES) {
    if (files) {
      process.env[name] = join(dir, name)
      writeFileSync(join(dir, name), '')
    } else delete process.env[name]
  }
  const stdout: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
  process.exitCode = undefined
  // @actions/core remembers the first summary path it checked; each call here has its own files.
  Reflect.set(actionsCore.summary, '_filePath', undefined)
  let result: unknown
  try {
    result = await call(core)
  } catch (error) {
    result = `threw ${String(error)}`
  }
  jest.restoreAllMocks()
  const written = files ? FILES.map(name => readFileSync(join(dir, name), 'utf8')) : []
  rmSync(dir, { recursive: true, force: true })
  const text = JSON.stringify({ stdout, written, exitCode: process.exitCode })
  return {
    said: text.replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X'),
    result: typeof result === 'string' ? result : typeof result
  }
}

const calls: [string, Call][] = [
  ['info', core => core.info('plain % text\nwith a second line')],
  ['debug', core => core.debug('50% done\r\nnext')],
  ['notice', core => core.notice('a notice')],
  ['warning', core => core.warning('careful: a, b')],
  ['warning from an Error', core => core.warning(new Error('went wrong'))],
  [
    'warning with a location',
    core => core.warning('here', { title: 'T: a,b', file: 'a.ts', startLine: 3, startColumn: 2 })
  ],
  ['warning with empty properties', core => core.warning('x', { title: '' })],
  ['error', core => core.error('bad\nworse')],
  ['setFailed', core => core.setFailed('DEPLOY_FAILED: it broke')],
  ['setSecret', core => core.setSecret('s3cr3t')],
  ['groups', core => (core.startGroup('VERSION'), core.endGroup())],
  ['setOutput', core => core.setOutput('plan', '{"a":1}\nline')],
  ['setOutput of an object', core => core.setOutput('n', { a: [1, 2] })],
  ['setOutput of undefined', core => core.setOutput('u', undefined)],
  ['saveState', core => core.saveState('deploy_pipeline_run', '{"finished":true}')],
  ['summary', core => core.summary.addRaw('# Done', true).addRaw('more').write()],
  ['summary overwritten', core => core.summary.addRaw('only').write({ overwrite: true })]
]

describe('workflowCommands says what @actions/core says', () => {
  for (const files of [true, false]) {
    const where = files ? 'with file commands' : 'without GITHUB_* files'
    it.each(calls)(`%s, ${where}`, async (_name, call) => {
      const expected = await said(actionsCore, call, files)
      expect(await said(workflowCommands, call, files)).toEqual(expected)
    })
  }

  it('reads inputs and state the same way', () => {
    process.env.INPUT_DRY_RUN = '  true \n'
    process.env['INPUT_MY_INPUT'] = 'x'
    process.env.STATE_deploy_pipeline_run = '{}'
    for (const core of [actionsCore, workflowCommands]) {
      expect(core.getInput('dry_run')).toBe('true')
      expect(core.getInput('dry_run', { trimWhitespace: false })).toBe('  true \n')
      expect(core.getInput('my input')).toBe('x')
      expect(core.getInput('absent')).toBe('')
      expect(() => core.getInput('absent', { required: true })).toThrow(
        'Input required and not supplied: absent'
      )
      expect(core.getState('deploy_pipeline_run')).toBe('{}')
      expect(core.getState('absent')).toBe('')
    }
  })
})

describe('workflowCommands outside the runner, where it departs from @actions/core', () => {
  function quiet(): string[] {
    const stdout: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      stdout.push(String(chunk))
      return true
    })
    return stdout
  }

  it('creates a GITHUB_* file that does not exist yet (README, "Running it outside GitHub")', async () => {
    quiet()
    const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
    for (const name of FILES) process.env[name] = join(dir, name)
    workflowCommands.setOutput('status', 'planned')
    workflowCommands.saveState('deploy_pipeline_run', '{}')
    await workflowCommands.summary.addRaw('# Planned').write()
    expect(readFileSync(join(dir, 'GITHUB_OUTPUT'), 'utf8')).toMatch(/^status<<ghadelimiter_/)
    expect(readFileSync(join(dir, 'GITHUB_STATE'), 'utf8')).toMatch(/^deploy_pipeline_run<</)
    // What earlier calls left in the shared buffer comes first: the file was created, not refused.
    expect(readFileSync(join(dir, 'GITHUB_STEP_SUMMARY'), 'utf8')).toMatch(/# Planned$/)
    rmSync(dir, { recursive: true, force: true })
  })

  it('gives every file command a delimiter of its own, 128 random bits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
    process.env.GITHUB_OUTPUT = join(dir, 'GITHUB_OUTPUT')
    for (let i = 0; i < 50; i++) workflowCommands.setOutput(`o${i}`, 'x')
    const text = readFileSync(join(dir, 'GITHUB_OUTPUT'), 'utf8')
    const delimiters = [...text.matchAll(/^o\d+<<(.*)$/gm)].map(match => match[1])
    expect(delimiters).toHaveLength(50)
    expect(new Set(delimiters).size).toBe(50)
    for (const delimiter of delimiters) expect(delimiter).toMatch(/^ghadelimiter_[0-9a-f]{32}$/)
    rmSync(dir, { recursive: true, force: true })
  })

  it.each([
    ['GITHUB_OUTPUT', (core: Toolkit) => core.setOutput('status', 'x'), 'print the outputs'],
    ['GITHUB_STATE', (core: Toolkit) => core.saveState('s', 'x'), 'print the state'],
    ['GITHUB_STEP_SUMMARY', (core: Toolkit) => core.summary.addRaw('x').write(), 'go without']
  ])(
    '%s in a directory that does not exist: names the variable and the way out',
    async (name, call, fix) => {
      quiet()
      const path = join(tmpdir(), 'no-such-directory-for-workflow-commands', 'file')
      process.env[name] = path
      await expect(async () => call(workflowCommands)).rejects.toThrow(
        `${name} is ${path}, in a directory that does not exist (${join(path, '..')}): create the directory, or unset it to ${fix}`
      )
    }
  )

  it('a post step in the same process as main (@github/local-action) reads the state main saved', () => {
    quiet()
    delete process.env.GITHUB_STATE
    workflowCommands.saveState('local_action_state', '{"finished":true}')
    expect(workflowCommands.getState('local_action_state')).toBe('{"finished":true}')
    // The runner's STATE_* variables are what a post step of its own process gets: they come first.
    process.env.STATE_local_action_state = '{"finished":false}'
    expect(workflowCommands.getState('local_action_state')).toBe('{"finished":false}')
  })
})
