import { describe, expect, it } from '@jest/globals'
import { EventBus } from '../../src/events/bus.js'
import type { LogBlock } from '../../src/events/model.js'
import { BuilderOutput, FAILURE_TAIL_LINES, KEPT_LINES } from '../../src/phases/builder-output.js'
import { waitUntil } from '../fixtures/wait.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/** Builder output kept per service while the phase runs, shown as one block per service after. */
function output(options: { heartbeatMs?: number; now?: () => number } = {}) {
  const core = recordingToolkit()
  const bus = new EventBus(message => core.warning(message))
  const blocks: LogBlock[] = []
  bus.attach({ name: 'blocks', handle: () => undefined, aside: block => void blocks.push(block) })
  return { core, bus, blocks, out: new BuilderOutput({ core, bus }, 'build', options) }
}

const signal = new AbortController().signal

describe('BuilderOutput', () => {
  it('gives each service that printed a block, in the order they started; a failed one its tail', async () => {
    const { bus, blocks, out } = output()
    const api = out.of('api', ['linux/amd64', 'linux/arm64'])
    const web = out.of('web', ['linux/amd64'])
    const idle = out.of('idle', ['linux/amd64'])
    const lines = Array.from({ length: 40 }, (_, i) => `web line ${i + 1}`)
    for (const line of lines) web.control(signal).onLine(line)
    api.control(signal).onLine('STEP 1/1: FROM scratch')
    api.finish(false)
    web.finish(true)
    idle.finish(false)
    out.close()
    web.control(signal).onLine('printed by a killed builder after the end')
    await bus.flush()
    expect(blocks).toEqual([
      { title: 'build api (linux/amd64, linux/arm64)', lines: ['STEP 1/1: FROM scratch'] },
      {
        title: 'build web (linux/amd64)',
        lines,
        tail: {
          title: `build web (linux/amd64) failed; its last ${FAILURE_TAIL_LINES} lines:`,
          lines: lines.slice(-FAILURE_TAIL_LINES)
        }
      }
    ])
  })

  it('keeps the last lines of a builder that prints without end, and says how many went', async () => {
    const { bus, blocks, out } = output()
    const api = out.of('api', ['linux/amd64']).control(signal)
    const total = Math.ceil(KEPT_LINES * 1.5) + 1
    for (let i = 1; i <= total; i++) api.onLine(`line ${i}`)
    out.close()
    await bus.flush()
    const kept = blocks[0]?.lines ?? []
    const dropped = total - (kept.length - 1)
    expect(kept[0]).toBe(`(${dropped} earlier lines not kept)`)
    expect(kept.at(-1)).toBe(`line ${total}`)
    expect(kept.length - 1).toBeLessThanOrEqual(KEPT_LINES * 1.5)
  })

  it('says how long a busy service has run, how much it printed and when it last did', () => {
    let now = 0
    const { out } = output({ now: () => now })
    const api = out.of('api', ['linux/amd64']).control(signal)
    now = 5_000
    expect(out.heartbeat('api')).toBe('[api] still building (5 s so far, no builder output yet)')
    api.onLine('STEP 1/2: FROM 127.0.0.1:5000/base:1')
    now = 150_000
    expect(out.heartbeat('api')).toBe(
      '[api] still building (2 min 30 s so far, 1 line of builder output, the last 2 min 25 s ago)'
    )
    api.onLine('STEP 2/2: COPY . /')
    expect(out.heartbeat('api')).toBe(
      '[api] still building (2 min 30 s so far, 2 lines of builder output, the last just now)'
    )
    out.close()
  })

  it('writes the heartbeat into the log while a service is busy', async () => {
    const { core, out } = output({ heartbeatMs: 5 })
    out.of('api', ['linux/amd64']).control(signal).onLine('STEP 1/2: FROM scratch')
    await waitUntil('a heartbeat', () => core.lines.some(l => /^\[api\] still building \(/.test(l)))
    out.close()
  })
})
