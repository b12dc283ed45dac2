import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { FIRST_MINUTE, follow } from '../../src/runtime/follow.js'
import { simulatedClock } from '../fixtures/clock.js'

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

  it("ends with an enclosing deadline's TIMEOUT, saying what it was waiting for", async () => {
    const controller = new AbortController()
    const deadline = new DeployError('TIMEOUT', 'not deployed within 2 s (deploy_timeout)')
    let looks = 0
    const error = await follow({
      describe: 'a rollout',
      intervalMs: 10,
      timeoutMs: 60_000,
      signal: controller.signal,
      look: async () => {
        if (++looks === 2) controller.abort(deadline)
        return { done: false }
      }
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      message: 'a rollout did not finish: not deployed within 2 s (deploy_timeout)'
    })
    expect((error as Error).cause).toBe(deadline)
  })

  it('ends with TIMEOUT when the deadline passes while a look is being retried', async () => {
    // Simulated time: the deadline's real timer is far off, only the clock says it has passed.
    const clock = simulatedClock()
    const error = await follow({
      describe: 'a rollout',
      intervalMs: 10,
      timeoutMs: 1000,
      attemptsPerLook: 3,
      now: clock.now,
      sleep: clock.sleep,
      look: async () => {
        clock.advance(600)
        throw Object.assign(new Error('bad gateway'), { status: 502 })
      }
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      message: 'a rollout did not finish within 1 s'
    })
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
    it('looks again after 1 s while the deployment moves, back on the regular looks once it does not', async () => {
      // What each look sees: a move is a progress line that differs from the one before.
      const seen = ['pending', 'pending', '1/2 running', '2/2 running', '2/2 running', 'draining']
      const time = simulatedClock(0)
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
      // Looks at 0 s pending (new), 1 s pending (still: back to the 5 s grid), 5 s 1/2 (moved),
      // 6 s 2/2 (moved), 7 s 2/2 (still), 10 s draining (moved), 11 s done.
      expect(time.waits).toEqual([1000, 4000, 1000, 1000, 3000, 1000])
    })

    it('spends at most a minute of the interval on quick looks, and none after the first minute', async () => {
      const time = simulatedClock(0)
      let look = 0
      await follow({
        describe: 'a busy rollout',
        intervalMs: 5000,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...time,
        // Moves on every look.
        look: async () =>
          ++look > 30 ? { done: true, value: look } : { done: false, progress: `${look}` }
      })
      // Every second: the regular look of each 5 s and four quick ones between, until 12 quick
      // looks (what 5 s looks cost in a minute) are spent; then the interval.
      expect(time.waits).toEqual([...Array(15).fill(1000), ...Array(15).fill(5000)])

      const late = simulatedClock(0)
      let lateLook = 0
      await follow({
        describe: 'a rollout that starts moving late',
        intervalMs: 5000,
        young: FIRST_MINUTE,
        timeoutMs: 600_000,
        ...late,
        // Still for 65 s, then moving on every look.
        look: async () =>
          ++lateLook > 16 ? { done: true, value: 1 } : { done: false, moved: lateLook > 14 }
      })
      expect(late.waits).toEqual(Array(16).fill(5000))

      const fast = simulatedClock(0)
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
      // An interval already under a second is kept.
      expect(fast.waits).toEqual([500, 500, 500, 500])
    })

    it('counts an explicit move of a look without a progress line', async () => {
      const time = simulatedClock(0)
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
      // 0 s still, 2 s moved, 3 s (quick) still, 4 s moved, 5 s done.
      expect(time.waits).toEqual([2000, 1000, 1000, 1000])
    })
  })
})
