import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { CLOSE_BUDGET_MS, EventBus } from '../../src/events/bus.js'
import type { EventSink, PipelineEvent } from '../../src/events/model.js'

/** A sink whose deliveries never end by themselves, only when its signal fires (a hung server). */
function hangingSink(name: string): EventSink & { stopped: string[]; handled: number[] } {
  const stopped: string[] = []
  const handled: number[] = []
  return {
    name,
    stopped,
    handled,
    handle: (event: PipelineEvent, signal?: AbortSignal) =>
      new Promise<void>(resolve => {
        handled.push(event.id)
        const stop = (): void => {
          stopped.push(String((signal?.reason as Error).message))
          resolve()
        }
        if (signal?.aborted) stop()
        else signal?.addEventListener('abort', stop, { once: true })
      })
  }
}

describe('EventBus.close', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('waits for the sinks up to its budget, then stops them and ends', async () => {
    jest.useFakeTimers()
    const warnings: string[] = []
    const bus = new EventBus(m => warnings.push(m))
    const hung = hangingSink('event webhook')
    const closed: string[] = []
    bus.attach(hung)
    bus.attach({ name: 'log', handle: () => undefined, close: () => void closed.push('log') })
    bus.emit({ type: 'stage', stage: 'INIT', message: 'starting' })
    bus.emit({ type: 'done', stage: 'DONE', status: 'success', message: 'deployed' })

    let ended = false
    const closing = bus.close().then(() => (ended = true))
    await jest.advanceTimersByTimeAsync(CLOSE_BUDGET_MS - 1)
    expect(ended).toBe(false)
    // The other sinks are not held up by the one that hangs.
    expect(closed).toEqual(['log'])
    expect(hung.stopped).toEqual([])

    await jest.advanceTimersByTimeAsync(1)
    await closing
    expect(ended).toBe(true)
    // Stopped at the budget: the event under way, and the one queued behind it at once.
    expect(hung.handled).toEqual([1, 2])
    expect(hung.stopped).toEqual([
      "the run's end does not wait more than 15 s for it",
      "the run's end does not wait more than 15 s for it"
    ])
    expect(warnings).toEqual([])
  })

  it('warns by name of a sink that does not stop even when told to, and leaves it behind', async () => {
    jest.useFakeTimers()
    const warnings: string[] = []
    const bus = new EventBus(m => warnings.push(m))
    bus.attach({ name: 'status card', handle: () => new Promise<void>(() => undefined) })
    bus.emit({ type: 'stage', stage: 'INIT', message: 'starting' })
    let ended = false
    const closing = bus.close(2000).then(() => (ended = true))
    await jest.advanceTimersByTimeAsync(2000)
    expect(ended).toBe(false) // told to stop; a moment to say what it gave up
    await jest.advanceTimersByTimeAsync(1000)
    await closing
    expect(warnings).toEqual(["status card: the run's end does not wait more than 2 s for it"])
  })
})
