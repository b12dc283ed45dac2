import { describe, expect, it } from '@jest/globals'
import { EventBus } from '../../src/events/bus.js'
import { logSink } from '../../src/events/sinks/log.js'
import { inert } from '../../src/runtime/inert-output.js'
import { safeToolkit } from '../../src/toolkit.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/**
 * The log as the runner reads it: one group per phase, a builder's output in a group of its own
 * after the phase's (groups do not nest), and builder text between stop-commands markers whose
 * token the text cannot know.
 */
function logged() {
  const core = recordingToolkit()
  const bus = new EventBus(message => core.warning(message))
  // The run's toolkit: builder lines go through its stop-commands blocks.
  bus.attach(logSink(safeToolkit(core)))
  return { core, bus }
}

/** The lines between `::stop-commands::TOKEN` at `at` and `::TOKEN::`, and the token. */
function inertAt(lines: readonly string[], at: number): { token: string; text: string[] } {
  const token = /^::stop-commands::(.+)$/.exec(lines[at] ?? '')?.[1] ?? ''
  expect(token).toMatch(/^[0-9a-f-]{36}$/)
  const end = lines.indexOf(`::${token}::`, at)
  expect(end).toBeGreaterThan(at)
  return { token, text: lines.slice(at + 1, end) }
}

describe('logSink', () => {
  it('ends the phase group before a builder group, and opens no group the builder did not end', async () => {
    const { core, bus } = logged()
    bus.emit({ type: 'stage', stage: 'BUILD', message: 'building images' })
    bus.emit({ type: 'progress', stage: 'BUILD', service: 'api', message: 'built in 3 s' })
    bus.aside({ title: 'build api (linux/amd64)', lines: ['STEP 1/2: FROM scratch', 'COMMIT'] })
    bus.emit({ type: 'stage', stage: 'PUSH', message: 'pushing images' })
    await bus.close()
    const token = inertAt(core.lines, 4).token
    expect(core.lines).toEqual([
      '::group::BUILD: building images',
      '[api] built in 3 s',
      '::endgroup::',
      '::group::build api (linux/amd64)',
      `::stop-commands::${token}`,
      'STEP 1/2: FROM scratch',
      'COMMIT',
      `::${token}::`,
      '::endgroup::',
      '::group::PUSH: pushing images',
      '::endgroup::'
    ])
  })

  it("shows a failed builder's last lines again outside its group, and the failure after them", async () => {
    const { core, bus } = logged()
    bus.emit({ type: 'stage', stage: 'BUILD', message: 'building images' })
    bus.aside({
      title: 'build api (linux/amd64)',
      lines: ['STEP 1/2: FROM scratch', 'Error: no such file'],
      tail: {
        title: 'build api (linux/amd64) failed; its last 1 lines:',
        lines: ['Error: no such file']
      }
    })
    bus.emit({
      type: 'error',
      stage: 'BUILD',
      message: 'Building api failed',
      error_code: 'BUILD_FAILED'
    })
    await bus.close()
    const lines = core.lines
    const groupEnd = lines.indexOf('::endgroup::', 2)
    expect(lines[groupEnd + 1]).toBe('build api (linux/amd64) failed; its last 1 lines:')
    expect(inertAt(lines, groupEnd + 2).text).toEqual(['Error: no such file'])
    expect(lines.at(-1)).toBe('✖ BUILD_FAILED: Building api failed')
    // The failure is outside every group: no group is open after the builder's.
    expect(lines.filter(l => l === '::endgroup::')).toHaveLength(2)
  })

  it('builder text that looks like workflow commands stays between markers it cannot close', async () => {
    const { core, bus } = logged()
    const hostile = [
      '::set-output name=image::evil',
      '::error::forged',
      '::stop-commands::abc',
      '::abc::'
    ]
    bus.aside({ title: 'build a (linux/amd64)', lines: hostile })
    bus.aside({ title: 'build b (linux/amd64)', lines: hostile })
    await bus.close()
    const first = inertAt(core.lines, 1)
    const second = inertAt(core.lines, core.lines.indexOf('::group::build b (linux/amd64)') + 1)
    // Inside the block each line is made inert as well: a second guard, at the cost of a backslash.
    expect(first.text).toEqual(hostile.map(inert))
    expect(second.text).toEqual(hostile.map(inert))
    expect(first.token).not.toBe(second.token)
    expect(hostile.some(l => l.includes(first.token))).toBe(false)
  })

  it('a block goes to the log only: not an event, not numbered', async () => {
    const { bus } = logged()
    bus.aside({ title: 'build api (linux/amd64)', lines: ['COMMIT'] })
    await bus.close()
    expect(bus.events).toEqual([])
  })
})
