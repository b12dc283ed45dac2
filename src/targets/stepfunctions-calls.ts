import { DeployError, errorMessage, isAbortError } from '../errors.js'
import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import type { TargetContext } from './types.js'

/**
 * How a failed Step Functions or Secrets Manager call reads to the user: one DeployError with the
 * call named, whichever part of the target (start, find, follow) made it.
 */

/** Retries are worth a log line: a throttled deploy API explains a slow follow. */
export function noticeRetry(context: TargetContext): (retry: RetryNotice) => void {
  return retry => context.info(describeRetry(retry))
}

export async function call<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    throw asFailure(what, error)
  }
}

export function asFailure(what: string, error: unknown): DeployError {
  if (error instanceof DeployError) return error
  if (isAbortError(error))
    return new DeployError('CANCELLED', `cancelled during Step Functions ${what}`, { cause: error })
  const name = errorName(error)
  return new DeployError(
    'DEPLOY_FAILED',
    `Step Functions ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${errorMessage(error)}`,
    { cause: error }
  )
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}
