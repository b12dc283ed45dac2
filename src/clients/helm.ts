import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { dump, load, loadAll } from 'js-yaml'
import { DeployError } from '../errors.js'
import { runCommand, type CommandResult } from '../runtime/command.js'

/**
 * The helm binary and the files it reads: its version, a run of it, the chart's facts (declared
 * dependencies, custom resource kinds), the 0600 values file that carries secret values, and the
 * workloads a release's manifest holds. helm comes from the workflow (azure/setup-helm); the
 * action never downloads it.
 */

export const SETUP_HELM_HINT =
  'add `- uses: azure/setup-helm@v4` before this action (deploy.helm runs helm upgrade --install)'

export interface HelmVersion {
  /** v3.16.2 */
  readonly version: string
  readonly major: number
}

/** `helm version`; undefined when there is no helm on PATH. */
export async function helmVersion(signal: AbortSignal): Promise<HelmVersion | undefined> {
  let result: CommandResult
  try {
    result = await runCommand('helm', ['version', '--template', '{{.Version}}'], { signal })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined
    throw error
  }
  const text = result.tail.join(' ').trim()
  const match = /v?(\d+)\.(\d+)\.(\d+)\S*/.exec(text)
  if (result.exitCode !== 0 || !match) {
    throw new DeployError(
      'DEPLOY_FAILED',
      `helm version ended with exit code ${result.exitCode}${text ? `: ${text.slice(0, 200)}` : ''}`
    )
  }
  return { version: match[0].startsWith('v') ? match[0] : `v${match[0]}`, major: Number(match[1]) }
}

export async function runHelm(
  args: readonly string[],
  options: { signal: AbortSignal; onLine: (line: string) => void; tailLines?: number }
): Promise<CommandResult> {
  return runCommand('helm', args, {
    signal: options.signal,
    onLine: options.onLine,
    tailLines: options.tailLines ?? 40
  })
}

/** Where the secret values files of a run live; the post step removes the whole directory. */
export function secretValuesDir(tempDir: string): string {
  return join(tempDir, 'deploy-pipeline-helm')
}

/**
 * Writes `values` (chart key -> secret) as a YAML values file only the runner's user can read,
 * under RUNNER_TEMP; returns its path. Dotted keys become nested mappings.
 */
export function writeSecretValues(
  tempDir: string,
  service: string,
  values: Readonly<Record<string, string>>
): string {
  const dir = secretValuesDir(tempDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  // Mappings without a prototype: a chart key such as `__proto__.x` (the config allows it) is a
  // key like any other, not a write to Object.prototype that also drops the value from the file.
  const mapping = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>
  const tree = mapping()
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.')
    let node = tree
    for (const part of parts.slice(0, -1)) {
      const child = node[part]
      node = (node[part] =
        child !== null && typeof child === 'object' ? child : mapping()) as Record<string, unknown>
    }
    node[parts.at(-1) as string] = value
  }
  const path = join(dir, `${service}-${randomUUID()}.yaml`)
  // Created with its mode: never readable by others, not even for a moment.
  writeFileSync(path, dump(tree), { mode: 0o600, flag: 'wx' })
  return path
}

export function removeSecretValues(path: string): void {
  rmSync(path, { force: true })
}

/** The post step's cleanup: every secret values file a run may have left. */
export function removeSecretValuesDir(tempDir: string): void {
  rmSync(secretValuesDir(tempDir), { recursive: true, force: true })
}

export interface ChartFacts {
  readonly dependencies: boolean
  readonly customKinds: readonly string[]
}

/** Kinds Kubernetes itself serves: Helm 4's watcher knows their status. */
const BUILT_IN_KINDS = new Set([
  'APIService',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'CronJob',
  'CSIDriver',
  'CustomResourceDefinition',
  'DaemonSet',
  'Deployment',
  'Endpoints',
  'EndpointSlice',
  'HorizontalPodAutoscaler',
  'Ingress',
  'IngressClass',
  'Job',
  'Lease',
  'LimitRange',
  'List',
  'MutatingWebhookConfiguration',
  'Namespace',
  'NetworkPolicy',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Pod',
  'PodDisruptionBudget',
  'PodTemplate',
  'PriorityClass',
  'ReplicaSet',
  'ReplicationController',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'RuntimeClass',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment'
])

/**
 * What a chart in the repository declares: dependencies in Chart.yaml, and the kinds its
 * templates (and its unpacked subcharts' templates) create. Templates are Go templates, not
 * YAML, so kinds are read from their `kind:` lines; a kind computed by a template is not seen.
 */
export function chartFacts(chartDir: string): ChartFacts {
  const chart = readText(join(chartDir, 'Chart.yaml'))
  let dependencies = false
  if (chart !== undefined) {
    try {
      const parsed = load(chart) as { dependencies?: unknown } | undefined
      dependencies = Array.isArray(parsed?.dependencies) && parsed.dependencies.length > 0
    } catch {
      // helm itself will say what is wrong with Chart.yaml.
    }
  }
  const kinds = new Set<string>()
  for (const file of templateFiles(chartDir, 0)) {
    const text = readText(file)
    if (text === undefined) continue
    for (const match of text.matchAll(/^kind:\s*["']?([A-Za-z][A-Za-z0-9]*)["']?\s*$/gm)) {
      kinds.add(match[1] as string)
    }
  }
  return {
    dependencies,
    customKinds: [...kinds].filter(kind => !BUILT_IN_KINDS.has(kind)).sort()
  }
}

/** A chart's file, when it is a regular file of a sensible size. */
function readText(path: string): string | undefined {
  try {
    const stats = statSync(path)
    if (!stats.isFile() || stats.size > 1024 * 1024) return undefined
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

function templateFiles(chartDir: string, depth: number): string[] {
  const files: string[] = []
  const walk = (dir: string, level: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && level < 4) walk(path, level + 1)
      else if (entry.isFile() && /\.(ya?ml|tpl)$/.test(entry.name)) files.push(path)
    }
  }
  walk(join(chartDir, 'templates'), 0)
  if (depth < 2) {
    try {
      for (const entry of readdirSync(join(chartDir, 'charts'), { withFileTypes: true })) {
        if (entry.isDirectory())
          files.push(...templateFiles(join(chartDir, 'charts', entry.name), depth + 1))
      }
    } catch {
      // No subcharts.
    }
  }
  return files
}

export interface ManifestWorkload {
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'
  readonly name: string
  /** Undefined: the release's namespace. */
  readonly namespace: string | undefined
}

/** The Deployments, StatefulSets and DaemonSets of a release's manifest (`helm get manifest`). */
export function manifestWorkloads(manifest: string): ManifestWorkload[] {
  const found: ManifestWorkload[] = []
  let documents: unknown[]
  try {
    documents = loadAll(manifest)
  } catch {
    return found
  }
  for (const doc of documents) {
    const object = doc as {
      kind?: unknown
      metadata?: { name?: unknown; namespace?: unknown }
    } | null
    const kind = object?.kind
    const name = object?.metadata?.name
    if (
      (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') &&
      typeof name === 'string'
    ) {
      const namespace = object?.metadata?.namespace
      found.push({ kind, name, namespace: typeof namespace === 'string' ? namespace : undefined })
    }
  }
  return found
}
