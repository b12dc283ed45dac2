import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { reportCrash, runStep } from '../src/crash.js'
import { workflowCommands } from '../src/runtime/workflow-commands.js'
import { safeToolkit } from '../src/toolkit.js'

/**
 * What a crash prints, whatever the error holds: an error page of 50 kB, a server's message that
 * starts a line with `::`. The dist tests (dist-crash.test.ts) make each entry point crash for real.
 */
let stdout: string[]
const core = safeToolkit(workflowCommands)

beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.exitCode = undefined
})

const lines = (): string[] => stdout.join('').split('\n').filter(Boolean)

describe('a step that crashes', () => {
  it('fails once, in one line, with a stack no line of which is long or a command', async () => {
    const page = `<html>${'x'.repeat(50_000)}</html>`
    await runStep('post', core, async () => {
      throw new Error(`registry answered ${page}\n::add-mask::not-a-secret\n  ::stop-commands::x`, {
        cause: new Error('socket hang up')
      })
    })
    const printed = lines()
    expect(printed.filter(line => line.length > 2_000)).toEqual([])
    expect(printed.filter(line => /^\s*::/.test(line))).toEqual([
      expect.stringMatching(
        /^::error::DEPLOY_FAILED: the post step crashed: registry answered <html>x+… \(\d+ more characters\)$/
      )
    ])
    expect(printed).toContain('\\::add-mask::not-a-secret')
    expect(printed).toContain('\\  ::stop-commands::x')
    expect(printed).toContain('Caused by:')
    expect(printed).toContain('Error: socket hang up')
    expect(printed.some(line => /^\s+at .*crash\.test\.ts/.test(line))).toBe(true)
    expect(process.exitCode).toBe(1)
  })

  it('that has already failed the job keeps its one ::error::, and adds the stack', async () => {
    await runStep('main', core, async () => {
      core.setFailed('DEPLOY_FAILED: api: the deployment rolled back')
      throw new TypeError("Cannot read properties of undefined (reading 'id')")
    })
    const printed = lines()
    expect(printed.filter(line => line.startsWith('::error'))).toEqual([
      '::error::DEPLOY_FAILED: api: the deployment rolled back'
    ])
    expect(printed).toContain("TypeError: Cannot read properties of undefined (reading 'id')")
  })

  it('whose chunks would not load fails in one line too', () => {
    reportCrash('post', core, new SyntaxError('Unexpected token'))
    expect(lines().filter(line => line.startsWith('::error'))).toEqual([
      '::error::DEPLOY_FAILED: the post step crashed: Unexpected token'
    ])
  })

  it('that ends well prints nothing of its own', async () => {
    await runStep('post', core, async () => undefined)
    expect(stdout).toEqual([])
    expect(process.exitCode).toBeUndefined()
  })
})
