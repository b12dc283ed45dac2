import { DeployError, errorMessage } from '../errors.js'
import { STOP_GRACE_MS } from '../runtime/deadline.js'
import type { TargetContext } from './types.js'

/**
 * After a TIMEOUT or a cancel, stops what the deploy started in the cloud (a CodeDeploy deployment,
 * an ECS service deployment, a Step Functions execution) so that it does not go on unattended, then
 * rethrows. The run's signal has usually fired already, so the stop gets one of its own, bounded by
 * the grace period the deploy phase grants for this: past it the phase reports without us.
 * `stopped` says what a successful stop did: "stopped CodeDeploy deployment d-1 ...".
 */
export async function stopAbandoned(
  error: unknown,
  stop: ((signal: AbortSignal) => Promise<void>) | undefined,
  stopped: string,
  context: TargetContext
): Promise<never> {
  if (!stop || !(error instanceof DeployError)) throw error
  if (error.code !== 'TIMEOUT' && error.code !== 'CANCELLED') throw error
  const after = error.code === 'TIMEOUT' ? 'the timeout' : 'the cancel'
  try {
    await stop(AbortSignal.timeout(STOP_GRACE_MS))
  } catch (stopError) {
    context.warning(`Could not stop the deployment after ${after}: ${errorMessage(stopError)}`)
    throw error
  }
  context.info(`${stopped.charAt(0).toUpperCase()}${stopped.slice(1)} after ${after}`)
  throw new DeployError(error.code, `${error.message}; ${stopped}`, {
    details: error.details,
    cause: error
  })
}
