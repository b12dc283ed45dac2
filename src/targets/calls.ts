import type { DeployError } from '../errors.js'
import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import type { TargetContext } from './types.js'

/** What the AWS targets' calls share: a log line per retry, and failures said in their own words. */

/** Retries are worth a log line: a throttled deploy API explains a slow follow. */
export function noticeRetry(context: TargetContext): (retry: RetryNotice) => void {
  return retry => context.info(describeRetry(retry))
}

/** `call(what, operation)`: the operation, with any failure turned into the target's DeployError. */
export function callsFailingAs(
  asFailure: (what: string, error: unknown) => DeployError
): <T>(what: string, operation: () => Promise<T>) => Promise<T> {
  return async (what, operation) => {
    try {
      return await operation()
    } catch (error) {
      throw asFailure(what, error)
    }
  }
}
