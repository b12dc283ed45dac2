import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterAll, expect } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { HelmTarget, KubernetesTarget, Settings } from '../../src/settings/types.js'
import type { DeployRequest, RegistryLogin, TargetContext } from '../../src/targets/types.js'
import { testSettings } from '../fixtures/settings.js'

export const TOKEN = 'kube-token-3f9a7c2e1d'
export const DIGEST = `sha256:${'b'.repeat(64)}`
export const OLD_IMAGE = 'ghcr.io/acme/webui:v1.0.0'
export const NEW_IMAGE = `ghcr.io/acme/webui:v1.1.0@${DIGEST}`

/** Everything a deploy said, for assertions and for the secret scan. */
export interface Recorder extends TargetContext {
  readonly lines: string[]
  readonly progressData: Record<string, unknown>[]
  /** When (performance.now) each progress line was told. */
  readonly progressAt: { message: string; at: number }[]
  readonly blocks: { title: string; lines: readonly string[] }[]
}

export function recorder(overrides: Partial<TargetContext> = {}): Recorder {
  const lines: string[] = []
  const progressData: Record<string, unknown>[] = []
  const progressAt: { message: string; at: number }[] = []
  const blocks: { title: string; lines: readonly string[] }[] = []
  return {
    lines,
    progressData,
    progressAt,
    blocks,
    signal: new AbortController().signal,
    timeoutMs: 20_000,
    pollIntervalMs: 50,
    progress: (message, data) => {
      lines.push(`progress: ${message}`)
      progressAt.push({ message, at: performance.now() })
      if (data) progressData.push(data)
    },
    info: message => lines.push(`info: ${message}`),
    warning: message => lines.push(`warning: ${message}`),
    output: block => {
      blocks.push(block)
      lines.push(`block: ${block.title}`, ...block.lines, ...(block.tail?.lines ?? []))
    },
    ...overrides
  }
}

export function kubernetesTarget(extra: Partial<KubernetesTarget> = {}): KubernetesTarget {
  return {
    kind: 'kubernetes',
    context: undefined,
    namespace: 'shop',
    imagePullSecret: undefined,
    workloads: [{ kind: 'Deployment', name: 'webui' }],
    container: undefined,
    rollbackOnFailure: false,
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  }
}

export function helmTarget(extra: Partial<HelmTarget> = {}): HelmTarget {
  return {
    kind: 'helm',
    context: undefined,
    namespace: 'shop',
    imagePullSecret: undefined,
    release: 'webui',
    chart: '/w/charts/webui',
    repoUrl: undefined,
    version: undefined,
    createNamespace: false,
    values: [],
    set: {},
    setSecret: {},
    setImage: { repository: 'image.repository', tag: 'image.tag', digest: undefined },
    dependencyUpdate: undefined,
    helmTimeoutMs: undefined,
    rollbackOnFailure: true,
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  }
}

/** The webui service of the plan, built and pushed to GHCR, deployed to `target`. */
export function plannedService(target: PlannedService['deploy']): PlannedService {
  return {
    name: 'webui',
    dependsOn: [],
    image: {
      registry: 'ghcr',
      host: 'ghcr.io',
      repository: 'acme/webui',
      tag: 'v1.1.0',
      reference: 'ghcr.io/acme/webui:v1.1.0',
      action: 'build',
      promoteFrom: undefined
    },
    deploy: target
  }
}

export function request<T extends KubernetesTarget | HelmTarget>(
  target: T,
  options: {
    kubeconfig?: string
    imageUri?: string
    login?: () => Promise<RegistryLogin>
    settings?: Partial<Settings>
  } = {}
): DeployRequest<T> {
  const planned = plannedService(target)
  const plan = {
    deploymentId: 'dep_77_1',
    environment: 'dev',
    commit: 'c0ffee',
    dryRun: false,
    version: { imageTag: 'v1.1.0', version: '1.1.0' },
    services: [planned]
  } as unknown as Plan
  return {
    service: planned,
    target,
    imageUri: options.imageUri ?? NEW_IMAGE,
    plan,
    settings: testSettings({
      deploy: { kubeconfig: options.kubeconfig },
      ...options.settings
    }),
    ...(options.login ? { pullCredentials: options.login } : {})
  }
}

/**
 * A fresh directory, removed when the test file ends: these hold kubeconfigs with the cluster
 * token and helm values files with secrets, which must not be left behind in the shared tmpdir.
 */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-pipeline-k8s-'))
  scratchDirs.push(dir)
  return dir
}
const scratchDirs: string[] = []
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export async function failure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

/** Every text the deploy produced, errors with their cause chains included. */
export function everythingSaid(context: Recorder, ...errors: unknown[]): string {
  return [
    ...context.lines,
    JSON.stringify(context.progressData),
    ...errors.flatMap(e =>
      e instanceof DeployError ? [e.message, e.details ?? '', inspect(e, { depth: 8 })] : []
    )
  ].join('\n')
}
