import { DeployError } from '../errors.js'
import type {
  Application,
  ApplicationSource,
  ApplicationSpec,
  HelmParameter
} from '../clients/argocd.js'

/**
 * Pure Argo CD logic, testable without a network: the spec change that points an application at
 * a new image, and the warnings when that change may not last. Whether the application then
 * finished deploying it is judged in argocd-health.ts.
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
