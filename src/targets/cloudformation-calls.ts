import { DeployError, errorMessage, isAbortError } from '../errors.js'
import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import type { TargetContext } from './types.js'

/**
 * How a failed CloudFormation or S3 call reads to the user: one DeployError with the call named,
 * whichever step of the deploy made it. Server text is put on one line: it goes into log lines.
 */

/** Retries are worth a log line: a throttled API explains a slow deploy. */
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
