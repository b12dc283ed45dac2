import { DeployError, errorMessage, isAbortError } from '../errors.js'
import { callsFailingAs } from './calls.js'

export { noticeRetry } from './calls.js'

/**
 * How a failed Step Functions or Secrets Manager call reads to the user: one DeployError with the
 * call named, whichever part of the target (start, find, follow) made it.
 */

export const call = callsFailingAs(asFailure)

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
