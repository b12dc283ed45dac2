import type { EventBus } from '../events/bus.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'
import type { SafeToolkit } from '../toolkit.js'
import type { Built, RegistrySession } from './image-state.js'

/** What the phases learn as they go; main.ts turns it into outputs. */
export interface RunState {
  /** The git tag created or reused. */
  tag: string | undefined
  releaseUrl: string | undefined
  /** service -> registry/repo:tag@sha256:digest */
  images: Record<string, string>
  deploymentUrl: string | undefined
  /** Extra outputs a target reports (task definition ARN, execution ARN, ...). */
  outputs: Record<string, string>
  /** Where each service's image goes, resolved by the first of BUILD and PUSH to need it. */
  readonly registries: RegistrySession
  /** service -> what BUILD made of it, for PUSH to push. */
  readonly built: Map<string, Built>
}

/** Handed to every phase executor. */
export interface PhaseContext {
  readonly settings: Settings
  readonly plan: Plan
  readonly bus: EventBus
  readonly core: SafeToolkit
  /** Fires on cancellation or when the phase's deadline passes. */
  readonly signal: AbortSignal
  readonly state: RunState
}

export function emptyRunState(): RunState {
  return {
    tag: undefined,
    releaseUrl: undefined,
    images: {},
    deploymentUrl: undefined,
    outputs: {},
    registries: { ecr: undefined, ecrAuth: undefined, targets: new Map() },
    built: new Map()
  }
}
