import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { FIRST_MINUTE, follow } from '../../src/runtime/follow.js'

describe('follow', () => {
  it('looks until done, reporting each new progress line once', async () => {
    const states = ['starting', 'starting', 'half', 'half', 'done']
    let look = 0
    const progress: string[] = []
    const result = await follow({
      describe: 'a test deployment',
      intervalMs: 5,
      timeoutMs: 10_000,
      look: async () => {
        const state = states[look++] as string
        return state === 'done' ? { done: true, value: look } : { done: false, progress: state }
      },
      onProgress: p => progress.push(p)
    })
    expect(result.value).toBe(5)
    expect(result.looks).toBe(5)
    expect(progress).toEqual(['starting', 'half'])
  })

  it('keeps following through a throttled or failed look', async () => {
    let look = 0
    const retries: string[] = []
    const result = await follow({
      describe: 'x',
      intervalMs: 1,
      timeoutMs: 10_000,
      look: async () => {
        look++
        if (look === 2)
          throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })
        if (look === 3) throw Object.assign(new Error('bad gateway'), { status: 502 })
        return look >= 4 ? { done: true, value: 'ok' } : { done: false }
      },
      onRetry: r => retries.push(r.reason),
      sleep: async () => undefined
    })
    expect(result.value).toBe('ok')
    expect(retries).toEqual(['throttled (ThrottlingException)', 'HTTP 502'])
  })

  it('ends with TIMEOUT at the deadline', async () => {
    const error = await follow({
      describe: 'a slow rollout',
      intervalMs: 10,
      timeoutMs: 80,
      look: async () => ({ done: false })
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeployError)
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      message: 'a slow rollout did not finish within 80 ms'
    })
  })

  it('ends with CANCELLED when the run is cancelled mid-wait', async () => {
    const controller = new AbortController()
    let looks = 0
    const error = await follow({
      describe: 'a rollout',
      intervalMs: 10,
      timeoutMs: 60_000,
      signal: controller.signal,
      look: async () => {
        if (++looks === 3) controller.abort()
        return { done: false }
      }
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'CANCELLED' })
    expect(looks).toBe(3)
  })

  it('fails with the error of a look that cannot be retried', async () => {
    const error = await follow({
      describe: 'x',
      intervalMs: 1,
      timeoutMs: 1000,
      look: async () => {
        throw new DeployError('DEPLOY_FAILED', 'rolled back')
      }
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'DEPLOY_FAILED', message: 'rolled back' })
  })

  describe('while the wait is young', () => {
    /** A wait on a simulated clock: every sleep moves it on, and is recorded. */
    function simulated(): {
      now: () => number
      sleep: (ms: number) => Promise<void>
      waits: number[]
    } {
      let clock = 0
      const waits: number[] = []
      return {
        now: () => clock,
        sleep: async ms => {
          waits.push(ms)
          clock += ms
        },
        waits
      }
    }

    it('looks again after 1 s when a look saw the deployment move, never twice in a row', async () => {
      // What each look sees: a move is a progress line that differs from the one before.
      const seen = ['pending', 'pending', '1/2 running', '2/2 running', '2/2 running', 'draining']
      const time = simulated()
      let look = 0
      const result = await follow({
        describe: 'a rollout',
        intervalMs: 5000,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...time,
        look: async () => {
          const state = seen[look++]
          return state === undefined
            ? { done: true, value: look }
            : { done: false, progress: state }
        }
      })
      expect(result.looks).toBe(7)
      // pending (new: quick), pending, 1/2 (moved: quick), 2/2 (moved, but after a quick look),
      // 2/2, draining (moved: quick).
      expect(time.waits).toEqual([1000, 5000, 1000, 5000, 5000, 1000])
    })

    it('keeps the configured cadence once the first minute is over, and when it is already quicker', async () => {
      const time = simulated()
      let look = 0
      await follow({
        describe: 'a long rollout',
        intervalMs: 5000,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...time,
        // Moves on every look.
        look: async () =>
          ++look > 30 ? { done: true, value: look } : { done: false, progress: `${look}` }
      })
      const firstMinute = time.waits.slice(0, 20)
      expect(firstMinute).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 5000 : 1000)))
      // 20 looks in 60 s (quick and whole intervals alternating); from then on, the interval.
      expect(time.waits.slice(20)).toEqual(Array(10).fill(5000))

      const fast = simulated()
      let fastLook = 0
      await follow({
        describe: 'x',
        intervalMs: 500,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...fast,
        look: async () =>
          ++fastLook > 4 ? { done: true, value: 1 } : { done: false, progress: `${fastLook}` }
      })
      expect(fast.waits).toEqual([500, 500, 500, 500])
    })

    it('counts an explicit move of a look without a progress line', async () => {
      const time = simulated()
      let look = 0
      await follow({
        describe: 'x',
        intervalMs: 2000,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...time,
        look: async () =>
          ++look > 4 ? { done: true, value: 1 } : { done: false, moved: look % 2 === 0 }
      })
      expect(time.waits).toEqual([2000, 1000, 2000, 1000])
    })
  })
})
