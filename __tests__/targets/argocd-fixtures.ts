import { inspect } from 'node:util'
import { expect } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import type { PlannedService, Plan } from '../../src/plan/types.js'
import type { ArgoCdTarget, Settings } from '../../src/settings/types.js'
import type { DeployRequest, TargetContext } from '../../src/targets/types.js'
import type { AppSeed } from '../simulators/argocd.js'

/** Shared by the Argo CD target tests and the Argo CD bench: apps, targets, a recording context. */
export const TOKEN = 'argocd-token-7f3e9b1c'
export const TAG = 'dev-2611210700'
export const REGISTRY = 'ghcr.io/acme'

/** Everything the deploy said, and when, for assertions and for the secret scan. */
export interface Recorder extends TargetContext {
  lines: string[]
  /** Date.now() of each line, in the order of `lines`. */
  times: number[]
  progressData: Record<string, unknown>[]
}

export function recorder(overrides: Partial<TargetContext> = {}): Recorder {
  const lines: string[] = []
  const times: number[] = []
  const progressData: Record<string, unknown>[] = []
  const say = (line: string): void => {
    lines.push(line)
    times.push(Date.now())
  }
  return {
    lines,
    times,
    progressData,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    pollIntervalMs: 15,
    progress: (message, data) => {
      say(`progress: ${message}`)
      if (data) progressData.push(data)
    },
    info: message => say(`info: ${message}`),
    warning: message => say(`warning: ${message}`),
    ...overrides
  }
}

export function helmApp(name: string, extra: Partial<AppSeed> = {}): AppSeed {
  return {
    name,
    project: 'chef',
    spec: {
      project: 'chef',
      source: {
        repoURL: 'https://github.com/acme/charts',
        path: `charts/${name}`,
        targetRevision: 'main',
        helm: {
          parameters: [
            { name: 'replicaCount', value: '2' },
            { name: 'image.tag', value: 'old' }
          ]
        }
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'chef' }
    },
    images: { helm: { tagParameter: 'image.tag', defaultRepository: `${REGISTRY}/${name}` } },
    ...extra
  }
}

export function argoTarget(
  server: string | undefined,
  app: string,
  extra: Partial<ArgoCdTarget> = {}
): ArgoCdTarget {
  return {
    kind: 'argocd',
    app,
    server,
    project: 'chef',
    appNamespace: undefined,
    insecure: false,
    helmParameter: 'image.tag',
    helmRepositoryParameter: undefined,
    kustomizeImage: undefined,
    sourceIndex: undefined,
    sourceName: undefined,
    prune: true,
    syncOptions: ['ApplyOutOfSyncOnly=true'],
    terminateRunning: false,
    rollbackOnFailure: false,
    degradedGraceMs: 5_000,
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  }
}

export function request(
  service: string,
  argo: ArgoCdTarget,
  options: { image?: boolean; tag?: string } = {}
): DeployRequest<ArgoCdTarget> {
  const tag = options.tag ?? TAG
  const withImage = options.image ?? true
  const planned: PlannedService = {
    name: service,
    dependsOn: [],
    image: withImage
      ? {
          registry: 'ghcr',
          host: 'ghcr.io',
          repository: `acme/${service}`,
          tag,
          reference: `${REGISTRY}/${service}:${tag}`,
          action: 'build',
          promoteFrom: undefined
        }
      : undefined,
    deploy: argo
  }
  const plan = { version: { imageTag: tag }, services: [planned] } as unknown as Plan
  // The target reads only the token from settings; the rest of Settings is the lead's fixture.
  const settings = {
    deploy: { argocdToken: TOKEN, timeoutMs: 10_000, pollIntervalMs: undefined }
  } as unknown as Settings
  return {
    service: planned,
    target: argo,
    imageUri: withImage ? `${REGISTRY}/${service}:${tag}@sha256:${'a'.repeat(64)}` : undefined,
    plan,
    settings
  }
}

export async function failure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

export function expectNoToken(context: Recorder, ...errors: DeployError[]): void {
  const said = [
    ...context.lines,
    JSON.stringify(context.progressData),
    // inspect shows the cause chain (the client's errors, their headers) that message hides.
    ...errors.flatMap(e => [e.message, e.details ?? '', inspect(e, { depth: 8 })])
  ].join('\n')
  expect(said).not.toContain(TOKEN)
}
