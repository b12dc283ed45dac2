import { DeployError } from '../errors.js'
import type { Plan } from '../plan/types.js'
import { HELM_PLACEHOLDERS, type HelmTarget, type HelmValue } from '../settings/types.js'

/**
 * The helm command lines of a deploy.helm service: a pure function of the target, the plan's
 * facts and what was learned of helm and the chart, table-tested like the builders' argv. One
 * `helm upgrade --install` (never an upgrade that falls back to an install), with Helm 3's
 * `--atomic` or Helm 4's `--rollback-on-failure`, and Helm 4's `--wait=legacy` for charts whose
 * custom resources its status watcher may not understand. Secret values never appear here: they
 * are in a values file (mode 0600) named by `secretValuesFile`.
 */
export interface HelmFacts {
  /** Helm's major version, from `helm version`. */
  readonly major: number
  /** Chart.yaml of a chart in the repository declares dependencies. */
  readonly chartDependencies: boolean
  /** Kinds the chart's templates create that are not built into Kubernetes. */
  readonly customKinds: readonly string[]
  /** The 0600 values file holding set_secret, when there are secret values. */
  readonly secretValuesFile: string | undefined
}

export interface HelmRun {
  /** What the image placeholders and set_image come from; undefined: the service has no image. */
  readonly imageUri: string | undefined
  readonly plan: Pick<Plan, 'environment' | 'version'>
  /** The kubeconfig input, when given (else helm reads KUBECONFIG or ~/.kube/config as we do). */
  readonly kubeconfig: string | undefined
  /** The service's deploy timeout: helm's own --timeout stays inside it, with room to roll back. */
  readonly deployTimeoutMs: number
}

export interface HelmCommands {
  /** `helm dependency update <chart>`, when the chart's dependencies are to be fetched first. */
  readonly dependencyUpdate: readonly string[] | undefined
  readonly upgrade: readonly string[]
}

export function helmCommands(target: HelmTarget, run: HelmRun, facts: HelmFacts): HelmCommands {
  const values = placeholderValues(run)
  const local = target.repoUrl === undefined
  const update = local && (target.dependencyUpdate ?? facts.chartDependencies)
  const upgrade = [
    'upgrade',
    '--install',
    target.release,
    chartReference(target),
    ...kubeFlags(target, run.kubeconfig),
    ...(target.createNamespace ? ['--create-namespace'] : []),
    ...(target.repoUrl && !isOci(target.repoUrl) ? ['--repo', target.repoUrl] : []),
    ...(target.version ? ['--version', target.version] : []),
    ...target.values.flatMap(file => ['--values', file]),
    ...(facts.secretValuesFile ? ['--values', facts.secretValuesFile] : []),
    ...Object.entries(target.set).flatMap(([key, value]) => setFlag(key, value, values)),
    ...imageFlags(target, values),
    ...waitFlags(target, facts),
    '--timeout',
    `${Math.ceil(helmTimeoutMs(target, run.deployTimeoutMs) / 1000)}s`
  ]
  return {
    dependencyUpdate: update ? ['dependency', 'update', target.chart] : undefined,
    upgrade
  }
}

/** `helm get manifest`: what the release put in the cluster, for the workloads to follow. */
export function manifestArgs(target: HelmTarget, kubeconfig: string | undefined): string[] {
  return ['get', 'manifest', target.release, ...kubeFlags(target, kubeconfig)]
}

function kubeFlags(target: HelmTarget, kubeconfig: string | undefined): string[] {
  return [
    '--namespace',
    target.namespace,
    ...(target.context ? ['--kube-context', target.context] : []),
    ...(kubeconfig ? ['--kubeconfig', kubeconfig] : [])
  ]
}

/**
 * Helm's own --timeout: the one set, or most of the deploy timeout, so that helm ends (and, with
 * --atomic, rolls back) before the deploy's deadline would kill it mid-way and leave the release
 * pending-upgrade, locked against the next run.
 */
export function helmTimeoutMs(target: HelmTarget, deployTimeoutMs: number): number {
  return target.helmTimeoutMs ?? Math.max(30_000, Math.floor(deployTimeoutMs * 0.8))
}

function isOci(url: string): boolean {
  return url.startsWith('oci://')
}

function chartReference(target: HelmTarget): string {
  if (!target.repoUrl) return target.chart
  // `repo/chart` names the chart as `helm repo add` would; with repo_url only the chart counts.
  const name = target.chart.slice(target.chart.lastIndexOf('/') + 1)
  return isOci(target.repoUrl) ? `${target.repoUrl.replace(/\/+$/, '')}/${name}` : name
}

function waitFlags(target: HelmTarget, facts: HelmFacts): string[] {
  if (facts.major < 4) return target.rollbackOnFailure ? ['--atomic'] : ['--wait']
  // Helm 4's default watcher (kstatus) can wait until the timeout on custom resources whose
  // status it does not understand; the legacy wait checks only what Helm 3 checked.
  const wait = facts.customKinds.length > 0 ? '--wait=legacy' : '--wait=watcher'
  return target.rollbackOnFailure ? ['--rollback-on-failure', wait] : [wait]
}

function imageFlags(target: HelmTarget, values: Placeholders): string[] {
  const keys = target.setImage
  if (!keys || values.image_uri === undefined) return []
  return [
    ...(keys.repository ? setFlag(keys.repository, '{image_repository}', values) : []),
    ...(keys.tag ? setFlag(keys.tag, '{image_tag}', values) : []),
    ...(keys.digest ? setFlag(keys.digest, '{image_digest}', values) : [])
  ]
}

/** Strings as --set-string, so that a tag such as 1.10 or a value "true" stays a string. */
function setFlag(key: string, value: HelmValue, values: Placeholders): string[] {
  if (typeof value !== 'string') return ['--set', `${key}=${String(value)}`]
  return ['--set-string', `${key}=${escapeSetValue(substitute(value, values, key))}`]
}

/**
 * A value as helm's --set parser reads it back: a comma would start the next key, a backslash
 * escapes, and a leading `{` would make a list.
 */
export function escapeSetValue(value: string): string {
  return value.replace(/[\\,]/g, match => `\\${match}`).replace(/^\{/, '\\{')
}

type Placeholders = Partial<Record<(typeof HELM_PLACEHOLDERS)[number], string>>

function placeholderValues(run: HelmRun): Placeholders {
  const values: Placeholders = {
    version: run.plan.version.version ?? run.plan.version.imageTag,
    environment: run.plan.environment
  }
  if (!run.imageUri) return values
  const [reference = '', digest = ''] = run.imageUri.split('@')
  const slash = reference.lastIndexOf('/')
  const colon = reference.lastIndexOf(':')
  const tagged = colon > slash
  return {
    ...values,
    image_uri: run.imageUri,
    image_repository: tagged ? reference.slice(0, colon) : reference,
    image_tag: tagged ? reference.slice(colon + 1) : run.plan.version.imageTag,
    image_digest: digest
  }
}

function substitute(text: string, values: Placeholders, key: string): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = values[name as keyof Placeholders]
    if (value !== undefined) return value
    if ((HELM_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new DeployError(
        'INVALID_INPUT',
        `set.${key} uses ${whole}, but the service has no image: give it a build or an image`
      )
    }
    return whole
  })
}
