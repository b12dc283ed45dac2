import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { MAX_TIMER_MS, startTimer, withDeadline } from '../../src/runtime/deadline.js'

class Late extends Error {}
const late = (): Error => new Late('too late')
const never = (): Promise<never> => new Promise<never>(() => undefined)

describe('withDeadline', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it("returns the work's result and passes its own failure on", async () => {
    expect(await withDeadline(undefined, 60_000, late, async () => 'done')).toBe('done')
    const failure = new Error('refused')
    await expect(
      withDeadline(undefined, 60_000, late, async () => Promise.reject(failure))
    ).rejects.toBe(failure)
  })

  it("at the deadline aborts the work's signal and rejects, even when the work ignores it", async () => {
    let seen: AbortSignal | undefined
    const error = await withDeadline(undefined, 20, late, signal => {
      seen = signal
      return never()
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Late)
    expect(seen?.aborted).toBe(true)
    expect(seen?.reason).toBe(error)
  })

  it("makes any failure after the deadline the deadline's", async () => {
    const error = await withDeadline(undefined, 10, late, signal => {
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('AbortError')))
      )
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Late)
  })

  it("ends at once with the cancel's reason, and does not start work already cancelled", async () => {
    const run = new AbortController()
    const reason = new Error('cancelled')
    const stopped = withDeadline(run.signal, 60_000, late, never)
    run.abort(reason)
    await expect(stopped).rejects.toBe(reason)
    let started = false
    await expect(
      withDeadline(run.signal, 60_000, late, async () => {
        started = true
      })
    ).rejects.toBe(reason)
    expect(started).toBe(false)
  })

  it('gives the work its grace period to stop, then abandons it', async () => {
    jest.useFakeTimers()
    const run = new AbortController()
    let settled = false
    const stopped = withDeadline(run.signal, 60_000, late, never, { graceMs: 5000 })
    stopped.catch(() => (settled = true))
    run.abort(new Error('cancelled'))
    await jest.advanceTimersByTimeAsync(4999)
    expect(settled).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    await expect(stopped).rejects.toThrow('cancelled')
  })

  it('lets work that stops within its grace period report how it stopped', async () => {
    const run = new AbortController()
    const result = withDeadline(
      run.signal,
      60_000,
      late,
      signal =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            setTimeout(() => reject(new Error('rolled back')), 10)
          })
        ),
      { graceMs: 5000 }
    )
    run.abort(new Error('cancelled'))
    await expect(result).rejects.toThrow('rolled back')
  })

  it('keeps a failure the work built on the deadline itself (it had more to say)', async () => {
    const error = await withDeadline(
      undefined,
      10,
      late,
      signal =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () =>
            reject(new Error('too late; stopped d-1', { cause: signal.reason }))
          )
        ),
      { graceMs: 5000 }
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ message: 'too late; stopped d-1' })
    expect((error as Error).cause).toBeInstanceOf(Late)
  })

  it('does not fire a deadline longer than a Node timer holds at once, and fires it on time', async () => {
    jest.useFakeTimers()
    const ms = MAX_TIMER_MS + 60_000
    let seen: AbortSignal | undefined
    let settled = false
    const result = withDeadline(undefined, ms, late, signal => {
      seen = signal
      return never()
    })
    result.catch(() => (settled = true))
    await jest.advanceTimersByTimeAsync(1000)
    expect(seen?.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(ms - 1001)
    expect(seen?.aborted).toBe(false)
    expect(settled).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(seen?.aborted).toBe(true)
    await expect(result).rejects.toBeInstanceOf(Late)
  })
})

describe('startTimer', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('waits a real long delay without firing early, and can be cancelled', async () => {
    let fired = false
    const cancel = startTimer(MAX_TIMER_MS + 1, () => (fired = true))
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(fired).toBe(false)
    cancel()
  })

  it('never fires an infinite delay', async () => {
    jest.useFakeTimers()
    let fired = false
    startTimer(Infinity, () => (fired = true))
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS * 3)
    expect(fired).toBe(false)
  })
})
