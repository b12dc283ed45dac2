import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { withItemDeadline } from '../../src/phases/deadline.js'

/** One build's or push's deadline: enforced even on work that ignores its signal. */
describe('withItemDeadline', () => {
  const never = (): Promise<never> => new Promise<never>(() => undefined)

  it("is TIMEOUT at the deadline and aborts the work's signal, even when the work ignores it", async () => {
    let seen: AbortSignal | undefined
    const error = (await withItemDeadline(
      new AbortController().signal,
      20,
      'push of api',
      signal => {
        seen = signal
        return never()
      }
    ).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe('The push of api did not finish within 20 ms.')
    expect(seen?.aborted).toBe(true)
  })

  it('a cancel of the run is CANCELLED at once', async () => {
    const run = new AbortController()
    const stopped = withItemDeadline(run.signal, 60_000, 'build of api', never)
    run.abort()
    await expect(stopped).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'The build of api was cancelled.'
    })
  })

  it("the phase's own deadline passes through as it is", async () => {
    const phase = new AbortController()
    const timeout = new DeployError('TIMEOUT', 'PUSH did not finish within 5 min')
    phase.abort(timeout)
    await expect(withItemDeadline(phase.signal, 60_000, 'push of api', never)).rejects.toBe(timeout)
  })

  it("returns the work's result, and passes its own failure on", async () => {
    const signal = new AbortController().signal
    expect(await withItemDeadline(signal, 60_000, 'x', async () => 'sha256:1')).toBe('sha256:1')
    const failure = new DeployError('PUSH_FAILED', 'refused')
    await expect(
      withItemDeadline(signal, 60_000, 'x', async () => Promise.reject(failure))
    ).rejects.toBe(failure)
  })
})
