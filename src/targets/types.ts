import type { LogBlock } from '../events/model.js'
import type { PlannedService, Plan } from '../plan/types.js'
import type { Sleep } from '../runtime/sleep.js'
import type { DeployTarget, Settings } from '../settings/types.js'

/** One service's deployment, as the DEPLOY phase hands it to its target. */
export interface DeployRequest<T extends DeployTarget = DeployTarget> {
  readonly service: PlannedService
  readonly target: T
  /** registry/repo:tag@sha256:digest when the service has an image, else undefined. */
  readonly imageUri: string | undefined
  readonly plan: Plan
  readonly settings: Settings
  /**
   * The run's own credentials for the service's registry (an ECR token, the registry login), for
   * a target that hands them to a cluster as an image pull secret; absent without an image.
   */
  readonly pullCredentials?: () => Promise<RegistryLogin>
}

export interface RegistryLogin {
  /** host[:port] as image references name it. */
  readonly host: string
  /** Absent for a registry that takes anonymous pulls. */
  readonly username: string | undefined
  readonly password: string | undefined
}

/** The target's view of the run: where to report, when to stop. */
export interface TargetContext {
  /** Fires on a cancel, at the phase's deadline and at the service's own deploy_timeout. */
  readonly signal: AbortSignal
  /**
   * What undoing a timed-out deploy (an Argo CD rollback) runs under, `signal` having fired: a
   * cancel, the phase's deadline, or the end of the grace after deploy_timeout. Absent: `signal`.
   */
  readonly undoSignal?: AbortSignal
  readonly timeoutMs: number
  readonly pollIntervalMs: number
  /** The follower's wait and clock; the real ones when absent (tests record the waits asked for). */
  readonly sleep?: Sleep
  readonly now?: () => number
  /** A change worth showing: goes to the log, the status card and the event stream. */
  progress(message: string, data?: Record<string, unknown>): void
  info(message: string): void
  warning(message: string): void
  /** A tool's own output (helm): its own collapsed log group, shown inert. */
  output?(block: LogBlock): void
}

/**
 * The time left of the service's deploy_timeout, counted from this call: what each wait of a
 * deploy is given. At least 1 ms, so that a wait past the deadline still looks once.
 */
export function timeLeft(context: Pick<TargetContext, 'now' | 'timeoutMs'>): () => number {
  const now = context.now ?? Date.now
  const deadline = now() + context.timeoutMs
  return () => Math.max(1, deadline - now())
}

export interface DeployOutcome {
  /** What the deploy reports as its address (a load balancer DNS name, an app URL). */
  readonly deploymentUrl?: string
  /** Extra action outputs, e.g. task_definition_arn, execution_arn. */
  readonly outputs?: Readonly<Record<string, string>>
}

/** A target module exports `deploy`; failures are thrown as DeployError. */
export type Deploy<T extends DeployTarget> = (
  request: DeployRequest<T>,
  context: TargetContext
) => Promise<DeployOutcome>
