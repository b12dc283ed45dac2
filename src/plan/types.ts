import type { DeployTarget, Environment, RegistryKind } from '../settings/types.js'

/** Release channel of a tag: vX.Y.Z-dev.N, vX.Y.Z-rc.N or vX.Y.Z. */
export type Channel = 'dev' | 'rc' | 'stable'

/** Everything the run will do, computed before anything is changed. A dry run prints this. */
export interface Plan {
  readonly deploymentId: string
  readonly environment: Environment
  readonly commit: string
  readonly dryRun: boolean
  readonly version: VersionPlan
  readonly release: ReleasePlan | undefined
  readonly services: readonly PlannedService[]
  /** Service names in deploy order: each layer after the layers it depends on. */
  readonly layers: readonly (readonly string[])[]
  /** Present when the run puts back an earlier deployment instead of building. */
  readonly rollback?: RollbackPlan
  /** The promotion gate's verdict, when the environment has one (src/plan/gate.ts). */
  readonly gate?: GatePlan
  /**
   * changed_only: what the services were compared against, and each service left out (neither
   * built nor deployed) with why. Absent when every service runs.
   */
  readonly changes?: ChangePlan
}

export interface GatePlan {
  /** What the gate checked and found, as lines a person reads in the plan. */
  readonly lines: readonly string[]
  /** Present when a person let the run past a closed gate. */
  readonly override?: { readonly actor: string; readonly reason: string }
}

/** A deployment of the history, as a person names it: its GitHub id and its version or tag. */
export interface RecordedDeploymentRef {
  readonly id: number
  /** vX.Y.Z, else the image tag. */
  readonly label: string
}

export interface RollbackPlan {
  /** What runs now (the environment's last successful deployment), when there is one. */
  readonly from: RecordedDeploymentRef | undefined
  readonly to: RecordedDeploymentRef
  /** Services the record does not know (added since): left as they are. */
  readonly untouched: readonly string[]
}

export interface ChangePlan {
  /** The commit compared against; undefined when there was none (everything runs). */
  readonly base: string | undefined
  /** Where the base came from, in words: "the last successful deployment to dev (#12)". */
  readonly baseFrom: string
  /** Services that run, with why. */
  readonly changed: readonly ServiceChange[]
  /** Services left out, with why. */
  readonly unchanged: readonly ServiceChange[]
}

export interface ServiceChange {
  readonly name: string
  readonly reason: string
}

export interface VersionPlan {
  /** X.Y.Z when a git tag is made, else undefined. */
  readonly version: string | undefined
  /** The git tag to create or reuse, else undefined (create_tag: false). */
  readonly gitTag: string | undefined
  readonly imageTag: string
  readonly channel: Channel
  /** True when gitTag already points at the deployed commit: nothing new is created. */
  readonly reused: boolean
  /** Highest stable tag the version was computed from; undefined when there is none. */
  readonly baseTag: string | undefined
  /** How X.Y.Z was chosen: the version input, or the bump applied to the base. */
  readonly reason: string
  /** The previous tag of the same channel: release notes start there. */
  readonly previousTag: string | undefined
  /** yyMMddHHmm in the run's time zone. */
  readonly timestamp: string
}

export interface ReleasePlan {
  readonly tag: string
  readonly name: string
  readonly prerelease: boolean
  readonly makeLatest: boolean
  readonly previousTag: string | undefined
}

/** rollback: deploy the digest an earlier deployment recorded; nothing is built or pushed. */
export type ImageAction = 'build' | 'promote' | 'skip' | 'rollback'

/** Whether the run writes this image to its registry (a skip or a rollback only reads it). */
export function pushes(image: Pick<PlannedImage, 'action'>): boolean {
  return image.action === 'build' || image.action === 'promote'
}

export interface PlannedImage {
  readonly registry: RegistryKind
  /** Registry host; empty for ECR until the account's endpoint is known at push time. */
  readonly host: string
  readonly repository: string
  readonly tag: string
  /** host/repository:tag (for ECR before login: ecr/repository:tag). */
  readonly reference: string
  readonly action: ImageAction
  /** promote: the existing tag the new tag is copied from. */
  readonly promoteFrom: string | undefined
  /** build: the platforms built, in order (a build job's plan holds its one platform). */
  readonly platforms?: readonly string[]
}

export interface PlannedService {
  readonly name: string
  readonly dependsOn: readonly string[]
  /** Absent for a service with neither a build nor an image to deploy (an Argo CD chart app). */
  readonly image: PlannedImage | undefined
  readonly deploy: DeployTarget | undefined
}
