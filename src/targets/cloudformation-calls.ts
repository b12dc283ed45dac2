import { DeployError, errorMessage, isAbortError } from '../errors.js'
import { callsFailingAs, noticeRetry } from './calls.js'
import type { TargetContext } from './types.js'

export { noticeRetry }

/**
 * How a failed CloudFormation or S3 call reads to the user: one DeployError with the call named,
 * whichever step of the deploy made it. Server text is put on one line: it goes into log lines.
 */

export const call = callsFailingAs(asFailure)

/**
 * For the end of a wait: the follower's TIMEOUT said as `timedOut` (which names deploy_timeout,
 * not what was left of it), anything else as a failure of `what`.
 */
export function failedWaiting(what: string, timedOut: () => string): (error: unknown) => never {
  return error => {
    if (error instanceof DeployError && error.code === 'TIMEOUT') {
      throw new DeployError('TIMEOUT', timedOut(), { cause: error })
    }
    throw asFailure(what, error)
  }
}

export function asFailure(what: string, error: unknown): DeployError {
  if (error instanceof DeployError) return error
  if (isAbortError(error)) {
    return new DeployError('CANCELLED', `cancelled during CloudFormation ${what}`, {
      cause: error
    })
  }
  const name = error instanceof Error ? error.name : ''
  return new DeployError(
    'DEPLOY_FAILED',
    `CloudFormation ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${oneLine(errorMessage(error))}`,
    { cause: error }
  )
}

/** Text from the server on one line: reasons may hold line breaks, and they become log lines. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** What every wait of the deploy takes from its context: cadence, cancel, clock, retry lines. */
export function waitingIn(context: TargetContext) {
  return {
    intervalMs: context.pollIntervalMs,
    signal: context.signal,
    sleep: context.sleep,
    now: context.now,
    onRetry: noticeRetry(context)
  }
}
