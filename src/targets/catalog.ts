import type { DeployTarget } from '../settings/types.js'
import type { Deploy } from './types.js'

/**
 * Every deploy target, by the config key that selects it. A new target is one entry here (and its
 * settings); the DEPLOY phase needs no new branch. Modules load only when a run deploys to them,
 * so their SDKs stay out of startup.
 */
export interface TargetEntry {
  /** The poll interval when neither the service nor the run sets one: what the API comfortably serves. */
  readonly defaultPollMs: number
  readonly load: () => Promise<Deploy<DeployTarget>>
}

export const TARGETS: { readonly [K in DeployTarget['kind']]: TargetEntry } = {
  ecs: {
    defaultPollMs: 5000,
    load: async () => (await import('./ecs.js')).deploy as Deploy<DeployTarget>
  },
  stepfunctions: {
    defaultPollMs: 2000,
    load: async () => (await import('./stepfunctions.js')).deploy as Deploy<DeployTarget>
  },
  argocd: {
    defaultPollMs: 5000,
    load: async () => (await import('./argocd.js')).deploy as Deploy<DeployTarget>
  },
  cloudformation: {
    defaultPollMs: 5000,
    load: async () => (await import('./cloudformation.js')).deploy as Deploy<DeployTarget>
  },
  // The watch notices the end as it happens; the interval paces only the looks after a watch broke.
  kubernetes: {
    defaultPollMs: 2000,
    load: async () => (await import('./kubernetes.js')).deploy as Deploy<DeployTarget>
  },
  helm: {
    defaultPollMs: 2000,
    load: async () => (await import('./helm.js')).deploy as Deploy<DeployTarget>
  }
}
