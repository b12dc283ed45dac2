import type { Application, OperationState, ResourceStatus } from '../clients/argocd.js'
import { repositoryOf } from './argocd-image.js'

/**
 * Pure Argo CD logic, testable without a network: the judgement of whether an application has
 * truly finished deploying our change, and what to say when it has not.
 */

/** An operation is under way: requested and not yet finished, or still running or terminating. */
export function operationRunning(app: Application): boolean {
  const phase = app.status?.operationState?.phase
  return app.operation !== undefined || phase === 'Running' || phase === 'Terminating'
}

/** What identifies the last operation before ours, so a stale status can't pass for ours. */
export interface Baseline {
  readonly operation: string | undefined
  readonly historyId: number
  readonly historyEntry: { id: number; revision: string | undefined } | undefined
}

export function baselineOf(app: Application): Baseline {
  const history = app.status?.history ?? []
  const last = history.at(-1)
  return {
    operation: fingerprint(app.status?.operationState),
    historyId: last?.id ?? 0,
    historyEntry: last
      ? { id: last.id, revision: last.revision ?? last.revisions?.join(',') }
      : undefined
  }
}

function fingerprint(state: OperationState | undefined): string | undefined {
  if (!state) return undefined
  return JSON.stringify([state.startedAt, state.finishedAt, state.phase, state.message])
}

/** Whether the operation on the application now is a newer one than the baseline's. */
export function isNewOperation(app: Application, baseline: Baseline): boolean {
  const state = app.status?.operationState
  if (!state) return false
  const newestHistory = app.status?.history?.at(-1)?.id ?? 0
  return fingerprint(state) !== baseline.operation || newestHistory > baseline.historyId
}

export interface Expectation {
  /** The tag the app's images must include; undefined for a service without an image. */
  readonly imageTag: string | undefined
  readonly degradedGraceMs: number
}

export type Judgement =
  | {
      kind: 'waiting'
      progress: string
      data: Record<string, unknown>
      degradedSince: number | undefined
    }
  | { kind: 'healthy'; revision: string | undefined; externalUrl: string | undefined }
  | {
      kind: 'failed'
      code: 'DEPLOY_FAILED' | 'HEALTH_CHECK_FAILED'
      message: string
      details: string
    }

/**
 * The verdict on one look after our sync was accepted. Done only when our operation finished
 * Succeeded, the app was reconciled after it, sync is Synced, health is Healthy and the images
 * include the new tag. `degradedSince` carries the first look that saw Degraded (ms, injected
 * clock), so a transient Degraded during a rollout is tolerated for the grace period.
 */
export function judgeApplication(
  app: Application,
  baseline: Baseline,
  expectation: Expectation,
  now: number,
  degradedSince: number | undefined
): Judgement {
  const name = app.metadata.name
  const status = app.status ?? {}
  const state = status.operationState
  const sync = status.sync?.status ?? 'Unknown'
  const health = status.health?.status ?? 'Unknown'
  const progressing = healthLines(app, 'Progressing')
  const data = {
    app: name,
    operation: state?.phase,
    sync,
    health,
    progressing
  }
  const waiting = (progress: string, since: number | undefined = undefined): Judgement => ({
    kind: 'waiting',
    progress: `${name}: ${progress}`,
    data,
    degradedSince: since
  })

  if (!state || !isNewOperation(app, baseline))
    return waiting('waiting for Argo CD to start the sync')
  if (state.phase === 'Failed' || state.phase === 'Error') {
    return {
      kind: 'failed',
      code: 'DEPLOY_FAILED',
      message: `Argo CD sync of '${name}' ended ${state.phase}: ${state.message ?? 'no message'}`,
      details: failingResources(app).join('\n')
    }
  }
  if (app.operation || state.phase === 'Running' || state.phase === 'Terminating') {
    return waiting(`sync ${state.phase}, ${sync}, ${health}${describeProgressing(progressing)}`)
  }
  if (!reconciledAfter(status.reconciledAt, state.finishedAt)) {
    return waiting(`sync ${state.phase}, waiting for Argo CD to reconcile after it`)
  }
  // Health before the reconciliation describes the old state; only now does Degraded count.
  if (health === 'Degraded') {
    const since = degradedSince ?? now
    if (now - since >= expectation.degradedGraceMs) {
      const degraded = healthLines(app, 'Degraded')
      return {
        kind: 'failed',
        code: 'HEALTH_CHECK_FAILED',
        message:
          `Argo CD application '${name}' stayed Degraded for ${Math.round((now - since) / 1000)} s ` +
          `after the sync${status.health?.message ? `: ${status.health.message}` : ''}`,
        details: (degraded.length ? degraded : failingResources(app)).join('\n')
      }
    }
    return waiting(
      `Degraded (${withHealth(app, 'Degraded').map(describeResource).join(', ') || 'no resource reported'}), within the grace period`,
      since
    )
  }
  if (sync !== 'Synced') return waiting(`sync ${state.phase}, ${sync}, ${health}`)
  if (health !== 'Healthy') return waiting(`Synced, ${health}${describeProgressing(progressing)}`)
  const images = status.summary?.images ?? []
  if (
    expectation.imageTag !== undefined &&
    !images.some(image => hasTag(image, expectation.imageTag ?? ''))
  ) {
    return waiting(
      `Synced and Healthy, images not yet at ${expectation.imageTag} (${images.join(', ') || 'none'})`
    )
  }
  const revision =
    state.syncResult?.revision || state.syncResult?.revisions?.join(',') || status.sync?.revision
  return { kind: 'healthy', revision, externalUrl: status.summary?.externalURLs?.[0] }
}

/** As `argocd app wait` does: a status reconciled in the same second as the finish counts. */
function reconciledAfter(
  reconciledAt: string | undefined,
  finishedAt: string | undefined
): boolean {
  if (!reconciledAt) return false
  if (!finishedAt) return true
  return Date.parse(reconciledAt) >= Date.parse(finishedAt)
}

function hasTag(image: string, tag: string): boolean {
  const withoutDigest = image.split('@')[0] ?? image
  return withoutDigest !== repositoryOf(withoutDigest) && withoutDigest.endsWith(`:${tag}`)
}

function withHealth(app: Application, health: string): ResourceStatus[] {
  return (app.status?.resources ?? []).filter(r => r.health?.status === health)
}

/** "Deployment/chef/webui: readiness probe failed" for each resource in that health. */
function healthLines(app: Application, health: string): string[] {
  return withHealth(app, health).map(
    r => describeResource(r) + (r.health?.message ? `: ${r.health.message}` : '')
  )
}

function describeProgressing(progressing: string[]): string {
  return progressing.length
    ? `, progressing: ${progressing.length} (${progressing.slice(0, 3).join('; ')})`
    : ''
}

function describeResource(r: { kind: string; name: string; namespace?: string }): string {
  return `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`
}

/** Resources the operation failed on, then unhealthy ones, each with Argo CD's message. */
export function failingResources(app: Application): string[] {
  const results = app.status?.operationState?.syncResult?.resources ?? []
  const failed = results
    .filter(
      r =>
        (r.status !== undefined && !['Synced', 'PruneSkipped', 'Pruned'].includes(r.status)) ||
        r.hookPhase === 'Failed' ||
        r.hookPhase === 'Error'
    )
    .map(r => {
      const hookFailed = r.hookPhase === 'Failed' || r.hookPhase === 'Error'
      const outcome = hookFailed ? `hook ${r.hookPhase}` : r.status
      return `${describeResource(r)} ${outcome}: ${r.message ?? 'no message'}`
    })
  const unhealthy = healthLines(app, 'Degraded').map(line => `${line} (Degraded)`)
  const missing = healthLines(app, 'Missing').map(line => `${line} (Missing)`)
  return [...failed, ...unhealthy, ...missing]
}
