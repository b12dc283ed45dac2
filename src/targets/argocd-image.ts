import { DeployError } from '../errors.js'
import type {
  Application,
  ApplicationSource,
  ApplicationSpec,
  HelmParameter,
  OperationState,
  ResourceStatus
} from '../clients/argocd.js'

/**
 * Pure Argo CD logic, testable without a network: the spec change that points an application at
 * a new image, and the judgement of whether an application has truly finished deploying it.
 */

export type ImageChange =
  | {
      kind: 'helm'
      parameter: string
      tag: string
      /** Set to `repository` as well, when the chart takes the repository separately. */
      repositoryParameter: string | undefined
      repository: string | undefined
    }
  | {
      kind: 'kustomize'
      /** The image name as the manifests spell it, e.g. "webui" or "ghcr.io/acme/webui". */
      image: string
      tag: string
      repository: string | undefined
    }

export interface SourceChoice {
  sourceIndex: number | undefined
  sourceName: string | undefined
}

export interface SpecEdit {
  spec: ApplicationSpec
  changed: boolean
  /** "image.tag=dev-2611210700 in source 0", for the log. */
  description: string
}

/** registry/repo:tag@sha256:... -> registry/repo (a registry port is not a tag). */
export function repositoryOf(imageUri: string): string {
  const withoutDigest = imageUri.split('@')[0] ?? imageUri
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest
}

/** Returns a new spec with the image set in the chosen source; the input is not modified. */
export function setImage(
  spec: ApplicationSpec,
  change: ImageChange,
  choice: SourceChoice
): SpecEdit {
  const next = structuredClone(spec)
  const { source, label } = chooseSource(next, change, choice)
  if (change.kind === 'helm') {
    source.helm ??= {}
    let parameters = source.helm.parameters ?? []
    const before = JSON.stringify(parameters)
    // forceString: a tag such as 20261121 or 1.10 must reach the chart as text, not a number.
    parameters = upsertParameter(parameters, change.parameter, change.tag)
    const settings = [`${change.parameter}=${change.tag}`]
    if (change.repositoryParameter && change.repository) {
      parameters = upsertParameter(parameters, change.repositoryParameter, change.repository)
      settings.push(`${change.repositoryParameter}=${change.repository}`)
    }
    source.helm.parameters = parameters
    return {
      spec: next,
      changed: JSON.stringify(parameters) !== before,
      description: `Helm ${settings.join(', ')} in ${label}`
    }
  }
  source.kustomize ??= {}
  const images = source.kustomize.images ?? []
  const override = change.repository
    ? `${change.image}=${change.repository}:${change.tag}`
    : `${change.image}:${change.tag}`
  const index = images.findIndex(entry => kustomizeImageName(entry) === change.image)
  const updated =
    index >= 0 ? images.map((e, i) => (i === index ? override : e)) : [...images, override]
  source.kustomize.images = updated
  return {
    spec: next,
    changed: JSON.stringify(updated) !== JSON.stringify(images),
    description: `Kustomize image ${override} in ${label}`
  }
}

function upsertParameter(list: HelmParameter[], name: string, value: string): HelmParameter[] {
  const index = list.findIndex(p => p.name === name)
  const parameter: HelmParameter = { name, value, forceString: true }
  if (index < 0) return [...list, parameter]
  const current = list[index]
  if (current?.value === value && current.forceString) return list
  return list.map((p, i) => (i === index ? { ...p, value, forceString: true } : p))
}

/** "name=new:tag", "name:tag", "name@sha256:..." -> name (a registry port stays in the name). */
export function kustomizeImageName(entry: string): string {
  const equals = entry.indexOf('=')
  if (equals >= 0) return entry.slice(0, equals)
  return repositoryOf(entry)
}

function chooseSource(
  spec: ApplicationSpec,
  change: ImageChange,
  choice: SourceChoice
): { source: ApplicationSource; label: string } {
  const sources = spec.sources
  if (!sources?.length) {
    if (!spec.source) {
      throw new DeployError(
        'DEPLOY_FAILED',
        'the Argo CD application has no source to set the image in'
      )
    }
    return { source: spec.source, label: 'the source' }
  }
  if (choice.sourceName !== undefined) {
    const index = sources.findIndex(s => s.name === choice.sourceName)
    const source = sources[index]
    if (!source) {
      throw new DeployError(
        'INVALID_INPUT',
        `source_name '${choice.sourceName}' matches none of the application's sources ` +
          `(${describeSources(sources)})`
      )
    }
    return { source, label: `source '${choice.sourceName}'` }
  }
  if (choice.sourceIndex !== undefined) {
    const source = sources[choice.sourceIndex]
    if (!source) {
      throw new DeployError(
        'INVALID_INPUT',
        `source_index ${choice.sourceIndex} is out of range: the application has ${sources.length} sources`
      )
    }
    return { source, label: `source ${choice.sourceIndex}` }
  }
  // Without a choice, the one source that already carries the setting is the obvious one.
  const carriers = sources
    .map((source, index) => ({ source, index }))
    .filter(({ source }) =>
      change.kind === 'helm'
        ? source.helm?.parameters?.some(p => p.name === change.parameter)
        : source.kustomize?.images?.some(e => kustomizeImageName(e) === change.image)
    )
  if (carriers.length === 1 && carriers[0]) {
    return { source: carriers[0].source, label: `source ${carriers[0].index}` }
  }
  if (sources.length === 1 && sources[0]) return { source: sources[0], label: 'source 0' }
  throw new DeployError(
    'INVALID_INPUT',
    `the Argo CD application has ${sources.length} sources (${describeSources(sources)}); ` +
      'set source_index or source_name to say which one takes the image'
  )
}

function describeSources(sources: ApplicationSource[]): string {
  return sources
    .map((s, i) => `${i}: ${s.name ? `'${s.name}' ` : ''}${s.chart ?? s.path ?? s.repoURL ?? '?'}`)
    .join(', ')
}

/** Why a change we make may not last: auto-sync, or a parent app or ApplicationSet that owns it. */
export function ownershipWarnings(app: Application): string[] {
  const name = app.metadata.name
  const warnings: string[] = []
  const automated = app.spec.syncPolicy?.automated
  if (automated && automated.enabled !== false) {
    warnings.push(
      `Argo CD application '${name}' is auto-synced: it may start its own sync of the change ` +
        `before ours${automated.selfHeal ? ' and self-heal reverts manual changes' : ''}.`
    )
  }
  const owners = (app.metadata.ownerReferences ?? []).map(o => `${o.kind} '${o.name}'`)
  const trackingId = app.metadata.annotations?.['argocd.argoproj.io/tracking-id']
  const parent = trackingId?.split(':')[0] || app.metadata.labels?.['app.kubernetes.io/instance']
  if (parent && parent !== name) owners.push(`parent application '${parent}'`)
  if (owners.length) {
    warnings.push(
      `Argo CD application '${name}' is managed by ${owners.join(' and ')}, which may revert the ` +
        'image change; set the image in its source of truth for a lasting change.'
    )
  }
  return warnings
}

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
