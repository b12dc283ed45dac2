import type { ECRClient } from '@aws-sdk/client-ecr'
import type { BuildJob, Builder } from '../builders/types.js'
import type { EcrAuthorization } from '../clients/ecr.js'
import type { RegistryClient, RegistryEndpoint } from '../clients/registry.js'
import type { PlannedImage } from '../plan/types.js'

/**
 * What BUILD hands to PUSH through the run state: where each image goes and what was built. Only
 * types live here, so the run state can name them without importing the phases that fill them.
 */

/** Where one service's image lives: resolved once per run, shared by BUILD and PUSH. */
export interface ImageTarget {
  readonly service: string
  readonly image: PlannedImage
  readonly host: string
  readonly repository: string
  readonly tag: string
  readonly endpoint: RegistryEndpoint
  readonly client: RegistryClient
  /** An ECR repository whose tags cannot be overwritten. */
  readonly immutable: boolean
}

/** The registries of one run: one ECR client and token, and each service's target, by name. */
export interface RegistrySession {
  ecr: Promise<ECRClient> | undefined
  ecrAuth: Promise<EcrAuthorization> | undefined
  readonly targets: Map<string, Promise<ImageTarget>>
}

/** What BUILD made of one service, for PUSH to push. */
export interface Built {
  builder: Builder
  job: BuildJob
  /** The digest an immutable tag already holds, when it existed before the build. */
  existing: string | undefined
}
