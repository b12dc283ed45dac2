import { afterEach, describe, expect, it } from '@jest/globals'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  asOwnOutput,
  guardOutputStreams,
  inert,
  writeStdout,
  writeStdoutDirectly
} from '../../src/runtime/inert-output.js'
import { safeToolkit } from '../../src/toolkit.js'
import {
  captureOutput,
  runnerCommands,
  runnerToolkit,
  type Capture
} from '../fixtures/runner-log.js'
import { SEED, everyTemplate, expectInert, payloads } from '../security/payloads.js'

/**
 * The chokepoint on its own: `inert` for text, safeToolkit over the real @actions/core, the
 * stop-commands blocks around builder output, and the guard on stdout/stderr, each judged by what
 * actions/runner would execute of the bytes written.
 */
let capture: Capture | undefined
afterEach(() => {
  capture?.stop()
  capture = undefined
})

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

describe('inert', () => {
  it.each(payloads(SEED, 200, 3).map(p => [JSON.stringify(p.text), p] as const))(
    'leaves nothing to execute in %s',
    (_, payload) => {
      const text = inert(payload.text)
      expectInert(text, payload, true)
      expect(inert(text)).toBe(text)
    }
  )

  it('every template at once', () => {
    const payload = everyTemplate()
    expectInert(inert(payload.text), payload, true)
  })

  it('leaves ordinary text alone, colons and hashes included', () => {
    const text = 'api: image a::b, see #12 [x]\n  next line ## [not legacy]\r\nhttp://host::8080'
    expect(inert(text)).toBe(text)
  })

  it('marks the command visibly: a backslash before the line, and inside ##[', () => {
    expect(inert('bad key\n  ::add-mask::x')).toBe('bad key\n\\  ::add-mask::x')
    expect(inert('a ##[error]b')).toBe('a ##\\[error]b')
  })
})

describe('safeToolkit over @actions/core', () => {
  const calls = {
    info: (t: ReturnType<typeof safeToolkit>, text: string) => t.info(text),
    warning: (t: ReturnType<typeof safeToolkit>, text: string) => t.warning(text),
    error: (t: ReturnType<typeof safeToolkit>, text: string) => t.error(new Error(text)),
    notice: (t: ReturnType<typeof safeToolkit>, text: string) => t.notice(text),
    debug: (t: ReturnType<typeof safeToolkit>, text: string) => t.debug(text),
    startGroup: (t: ReturnType<typeof safeToolkit>, text: string) => t.startGroup(text),
    setFailed: (t: ReturnType<typeof safeToolkit>, text: string) => t.setFailed(text),
    setOutput: (t: ReturnType<typeof safeToolkit>, text: string) => t.setOutput('plan', text),
    saveState: (t: ReturnType<typeof safeToolkit>, text: string) => t.saveState('run', text),
    processOutput: (t: ReturnType<typeof safeToolkit>, text: string) => t.processOutput(text)
  }
  const cases = Object.entries(calls).flatMap(([name, call]) =>
    payloads(SEED + name.length, 8, 2).map(p => [name, JSON.stringify(p.text), call, p] as const)
  )

  it.each(cases)('%s(%s) writes nothing the runner executes', (_, __, call, payload) => {
    capture = captureOutput()
    call(safeToolkit(runnerToolkit({})), payload.text)
    expectInert(capture.text(), payload, true)
  })

  it('is applied once, however often it is asked for', () => {
    const toolkit = safeToolkit(runnerToolkit({}))
    expect(safeToolkit(toolkit)).toBe(toolkit)
  })
})

describe('builder output', () => {
  it('is shown between stop-commands and a fresh random token, closed before anything else', () => {
    capture = captureOutput()
    const toolkit = safeToolkit(runnerToolkit({}))
    toolkit.processOutput('[api] STEP 1/2: FROM scratch')
    toolkit.processOutput('::error::from the builder')
    toolkit.setSecret('s3cr3t-value')
    toolkit.processOutput('[api] STEP 2/2')
    toolkit.warning('after the build')
    const lines = capture.text().split('\n')

    const opened = lines.filter(line => new RegExp(`^::stop-commands::${UUID}$`).test(line))
    expect(opened).toHaveLength(2)
    const tokens = opened.map(line => line.slice('::stop-commands::'.length))
    expect(new Set(tokens).size).toBe(2)
    for (const token of tokens) {
      const start = lines.indexOf(`::stop-commands::${token}`)
      expect(lines.indexOf(`::${token}::`)).toBeGreaterThan(start)
    }
    // The mask and the warning were issued outside any block, so the runner ran them.
    expect(runnerCommands(capture.text()).map(c => [c.name, c.data])).toEqual([
      ['stop-commands', tokens[0]],
      ['add-mask', 's3cr3t-value'],
      ['stop-commands', tokens[1]],
      ['warning', 'after the build']
    ])
  })

  it('a block alone keeps a raw command line inert', () => {
    const raw = ['::stop-commands::0d2c7a51-1f1e-4c7e-9a3b-6b1d2f3e4a5b']
    raw.push('::add-mask::PWNED1Z', '##[error]PWNED2Z', '::0d2c7a51-1f1e-4c7e-9a3b-6b1d2f3e4a5b::')
    expect(runnerCommands(raw.join('\n')).map(c => c.name)).toEqual(['stop-commands'])
  })
})

describe('the stream guard', () => {
  it('makes stray writes inert and ends them with a line break; our own pass as they are', () => {
    capture = captureOutput()
    const undo = guardOutputStreams()
    try {
      process.stdout.write('  ')
      process.stdout.write('::add-mask::PWNED1Z')
      process.stderr.write(Buffer.from('warning from a library\n##[error]PWNED2Z\n'))
      process.stdout.write('#')
      process.stdout.write('#[warning]PWNED3Z\n')
      process.stdout.write(Buffer.from('\n::add-mask::PWNED4Z\n').toString('hex'), 'hex')
      asOwnOutput(() => process.stdout.write('::notice::ours\n'))
    } finally {
      undo()
    }
    const payload = { text: '', markers: ['PWNED1Z', 'PWNED2Z', 'PWNED3Z', 'PWNED4Z'] }
    expectInert(capture.text(), payload, true)
    expect(runnerCommands(capture.text()).map(c => [c.name, c.data])).toEqual([['notice', 'ours']])
  })

  it('guards stdout from when it is first asked for, without opening it before', () => {
    capture = captureOutput()
    const descriptor = Object.getOwnPropertyDescriptor(process, 'stdout')!
    let opened = 0
    Object.defineProperty(process, 'stdout', {
      ...descriptor,
      get: () => {
        opened++
        return descriptor.get!.call(process)
      }
    })
    const undo = guardOutputStreams()
    try {
      expect(opened).toBe(0)
      process.stdout.write('::add-mask::PWNED1Z')
      process.stdout.write('::add-mask::PWNED2Z')
      expect(opened).toBe(2)
    } finally {
      undo()
      Object.defineProperty(process, 'stdout', descriptor)
    }
    expect(capture.text()).toBe('\\::add-mask::PWNED1Z\n\\::add-mask::PWNED2Z\n')
  })

  it('is undone, and not stacked when installed twice', () => {
    const before = process.stdout.write
    const undo = guardOutputStreams([process.stdout])
    const guarded = process.stdout.write
    const again = guardOutputStreams([process.stdout])
    expect(process.stdout.write).toBe(guarded)
    again()
    undo()
    expect(process.stdout.write).toBe(before)
  })
})

describe("the step's own output, straight to its descriptor", () => {
  /** A file standing in for the runner's pipe on fd 1, opened with `flags`. */
  function descriptor(flags: 'w' | 'r'): { fd: number; text: () => string } {
    const path = join(mkdtempSync(join(tmpdir(), 'inert-output-')), 'stdout')
    writeFileSync(path, '')
    const fd = openSync(path, flags)
    return { fd, text: () => readFileSync(path, 'utf8') }
  }

  it('goes to the descriptor until process.stdout is opened, then through the stream, in order', () => {
    capture = captureOutput()
    const out = descriptor('w')
    const unguard = guardOutputStreams()
    const undirect = writeStdoutDirectly(out.fd)
    try {
      asOwnOutput(() => writeStdout('::notice::ours\n'))
      writeStdout('::add-mask::PWNED1Z')
      expect(out.text()).toBe('::notice::ours\n\\::add-mask::PWNED1Z\n')
      expect(capture.text()).toBe('')
      // A library's console.log opens the stream: from then on everything goes through it.
      process.stdout.write('stray ::add-mask::PWNED2Z\n')
      asOwnOutput(() => writeStdout('::notice::after\n'))
    } finally {
      undirect()
      unguard()
      closeSync(out.fd)
    }
    expect(out.text()).toBe('::notice::ours\n\\::add-mask::PWNED1Z\n')
    expect(capture.text()).toBe('stray ::add-mask::PWNED2Z\n::notice::after\n')
  })

  it('a descriptor that takes no writes hands the text, and all after it, to the stream', () => {
    capture = captureOutput()
    const out = descriptor('r')
    const unguard = guardOutputStreams()
    const undirect = writeStdoutDirectly(out.fd)
    try {
      asOwnOutput(() => writeStdout('::notice::first\n'))
      writeStdout('::add-mask::PWNED1Z')
    } finally {
      undirect()
      unguard()
      closeSync(out.fd)
    }
    expect(out.text()).toBe('')
    expect(capture.text()).toBe('::notice::first\n\\::add-mask::PWNED1Z\n')
  })

  it('is not used unless stdout is watched: the stream would not tell when it opens', () => {
    capture = captureOutput()
    const out = descriptor('w')
    const undirect = writeStdoutDirectly(out.fd)
    try {
      asOwnOutput(() => writeStdout('::notice::ours\n'))
    } finally {
      undirect()
      closeSync(out.fd)
    }
    expect(out.text()).toBe('')
    expect(capture.text()).toBe('::notice::ours\n')
  })
})
