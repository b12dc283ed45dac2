import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { follow } from '../../src/runtime/follow.js'
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
})
