/** The error codes of the product contract (DESIGN.md, "Events"). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'TAG_CONFLICT',
  'RELEASE_FAILED',
  'BUILD_FAILED',
  'PUSH_FAILED',
  'REGISTRY_AUTH_FAILED',
  'DEPLOY_FAILED',
  'HEALTH_CHECK_FAILED',
  'TIMEOUT',
  'CANCELLED'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * A failure the user can act on: a code for machines, a sentence for people, and optional details
 * (a builder's last lines, a list of invalid inputs). Helpers throw it; only main.ts fails the job.
 */
export class DeployError extends Error {
  readonly code: ErrorCode
  readonly details: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: string; cause?: unknown } = {}
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'DeployError'
    this.code = code
    this.details = options.details
  }
}

/** Wraps anything thrown into a DeployError, keeping a DeployError's own code. */
export function asDeployError(error: unknown, fallback: ErrorCode): DeployError {
  if (error instanceof DeployError) return error
  if (isAbortError(error))
    return new DeployError('CANCELLED', 'the run was cancelled', { cause: error })
  return new DeployError(fallback, errorMessage(error), { cause: error })
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError')
}
