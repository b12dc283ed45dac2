import type { Workload, WorkloadKind } from '../clients/kubernetes.js'

/**
 * Where a rollout stands, judged the way `kubectl rollout status` judges it (its
 * DeploymentStatusViewer, StatefulSetStatusViewer, DaemonSetStatusViewer): the controller has
 * seen the change (observedGeneration caught up), then every replica is updated, the old ones are
 * gone and the new ones available. A Deployment whose Progressing condition says
 * ProgressDeadlineExceeded has failed. Pure: the watch and the polls both hand it what they read.
 */
export type RolloutVerdict =
  | { readonly kind: 'done'; readonly progress: string }
  | { readonly kind: 'waiting'; readonly progress: string; readonly counts: RolloutCounts }
  | { readonly kind: 'failed'; readonly reason: string; readonly message: string }

export interface RolloutCounts {
  readonly desired: number
  readonly updated: number
  readonly ready: number
  readonly available: number
}

export function rolloutStatus(kind: WorkloadKind, workload: Workload): RolloutVerdict {
  switch (kind) {
    case 'Deployment':
      return deploymentStatus(workload)
    case 'StatefulSet':
      return statefulSetStatus(workload)
    case 'DaemonSet':
      return daemonSetStatus(workload)
  }
}

function nameOf(workload: Workload): string {
  return workload.metadata?.name ?? '?'
}

/** The controller has not yet acted on the latest spec: nothing in status is about it yet. */
function specUnseen(workload: Workload): boolean {
  const generation = workload.metadata?.generation ?? 0
  const observed = workload.status?.observedGeneration ?? 0
  return generation > observed
}

function waiting(workload: Workload, detail: string, counts: RolloutCounts): RolloutVerdict {
  return { kind: 'waiting', progress: `${nameOf(workload)}: ${detail}`, counts }
}

/** OnDelete (StatefulSets, DaemonSets) replaces pods only when someone deletes them. */
function notRolling(workload: Workload): RolloutVerdict | undefined {
  const type = workload.spec?.updateStrategy?.type
  if (!type || type === 'RollingUpdate') return undefined
  return {
    kind: 'failed',
    reason: 'OnDelete',
    message: `${nameOf(workload)}: update strategy ${type} replaces pods only when they are deleted; use RollingUpdate to follow a rollout`
  }
}

const NONE: RolloutCounts = { desired: 0, updated: 0, ready: 0, available: 0 }

function deploymentStatus(workload: Workload): RolloutVerdict {
  const name = nameOf(workload)
  if (specUnseen(workload)) return waiting(workload, 'waiting for the rollout to start', NONE)
  const status = workload.status ?? {}
  const progressing = status.conditions?.find(c => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      kind: 'failed',
      reason: 'ProgressDeadlineExceeded',
      message: `${name}: ${progressing.message ?? 'the rollout exceeded its progress deadline'}`
    }
  }
  const desired = workload.spec?.replicas ?? 1
  const updated = status.updatedReplicas ?? 0
  const total = status.replicas ?? 0
  const ready = status.readyReplicas ?? 0
  const available = status.availableReplicas ?? 0
  const counts = { desired, updated, ready, available }
  if (updated < desired) {
    return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts)
  }
  if (total > updated) {
    const old = total - updated
    return waiting(
      workload,
      `${updated}/${desired} pods updated, ${old} old ${old === 1 ? 'pod' : 'pods'} terminating`,
      counts
    )
  }
  if (available < updated) {
    return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts)
  }
  return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and available` }
}

function statefulSetStatus(workload: Workload): RolloutVerdict {
  const name = nameOf(workload)
  const strategy = workload.spec?.updateStrategy
  const unfollowable = notRolling(workload)
  if (unfollowable) return unfollowable
  if (!workload.status?.observedGeneration || specUnseen(workload)) {
    return waiting(workload, 'waiting for the rollout to start', NONE)
  }
  const status = workload.status
  const desired = workload.spec?.replicas ?? 1
  const updated = status.updatedReplicas ?? 0
  const ready = status.readyReplicas ?? 0
  const available = status.availableReplicas ?? ready
  const counts = { desired, updated, ready, available }
  if (ready < desired) {
    return waiting(workload, `${updated}/${desired} pods updated, ${ready} ready`, counts)
  }
  const partition = strategy?.rollingUpdate?.partition ?? 0
  if (partition > 0) {
    const expected = desired - partition
    if (updated < expected) {
      return waiting(
        workload,
        `${updated}/${expected} pods updated (partition ${partition}), ${ready} ready`,
        counts
      )
    }
    return {
      kind: 'done',
      progress: `${name}: ${updated}/${expected} pods updated (partition ${partition})`
    }
  }
  if (status.updateRevision !== status.currentRevision) {
    return waiting(workload, `${updated}/${desired} pods updated, ${ready} ready`, counts)
  }
  return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and ready` }
}

function daemonSetStatus(workload: Workload): RolloutVerdict {
  const name = nameOf(workload)
  const unfollowable = notRolling(workload)
  if (unfollowable) return unfollowable
  if (specUnseen(workload)) return waiting(workload, 'waiting for the rollout to start', NONE)
  const status = workload.status ?? {}
  const desired = status.desiredNumberScheduled ?? 0
  const updated = status.updatedNumberScheduled ?? 0
  const ready = status.numberReady ?? 0
  const available = status.numberAvailable ?? 0
  const counts = { desired, updated, ready, available }
  if (updated < desired) {
    return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts)
  }
  if (available < desired) {
    return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts)
  }
  return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and available` }
}
