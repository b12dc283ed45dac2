import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { EventBus } from '../../src/events/bus.js'
import { emptyRunState, type PhaseContext, type RunState } from '../../src/phases/context.js'
import { testSettings } from '../fixtures/settings.js'
import type { Plan, PlannedImage, PlannedService } from '../../src/plan/types.js'
import type {
  ImageSettings,
  RegistrySettings,
  ServiceSettings,
  Settings
} from '../../src/settings/types.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'

/** Settings and plans for the image phase tests, with the shared recording toolkit. */
export const SHOP = resolve('examples/shop')
export const SHOP_SERVICES = ['webui', 'api', 'worker'] as const
export const PLATFORMS = ['linux/amd64', 'linux/arm64']

export interface ServiceSpec {
  name: string
  registry: RegistrySettings
  repository: string
  tag: string
  action: PlannedImage['action']
  promoteFrom?: string
  /** Build context: absolute, or inside examples/shop (default: the service name). */
  context?: string
  args?: Record<string, string>
}

export function hostRegistry(host: string): RegistrySettings {
  return { kind: 'host', host, namespace: 'shop', insecure: true }
}

export const ECR_REGISTRY: RegistrySettings = {
  kind: 'ecr',
  host: '',
  namespace: '',
  insecure: false
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'images-test-'))
}

export function makeContext(options: {
  services: ServiceSpec[]
  runnerTemp: string
  images?: Partial<ImageSettings>
  imageTag?: string
  state?: RunState
  signal?: AbortSignal
  githubToken?: string
}): { ctx: PhaseContext; core: RecordingToolkit; bus: EventBus } {
  const core = recordingToolkit()
  const bus = new EventBus(message => core.warning(message))
  const images: Partial<ImageSettings> = {
    builder: 'buildah',
    cache: 'registry',
    buildTimeoutMs: 300_000,
    pushTimeoutMs: 300_000,
    ...options.images
  }
  const contextOf = (spec: ServiceSpec): string =>
    spec.context && isAbsolute(spec.context) ? spec.context : join(SHOP, spec.context ?? spec.name)
  const services: ServiceSettings[] = options.services.map(spec => ({
    name: spec.name,
    registry: spec.registry,
    repository: spec.repository,
    build:
      spec.action === 'build'
        ? {
            context: contextOf(spec),
            dockerfile: join(contextOf(spec), 'Dockerfile'),
            target: undefined,
            args: spec.args ?? {},
            platforms: []
          }
        : undefined,
    dependsOn: [],
    deploy: undefined
  }))
  const settings: Settings = testSettings({
    githubToken: options.githubToken,
    eventsFile: join(options.runnerTemp, 'events.ndjson'),
    context: { sha: 'HEAD', workspace: resolve('.'), tempDir: options.runnerTemp },
    platforms: PLATFORMS,
    services,
    images
  })
  const imageTag = options.imageTag ?? 'dev-2611212300'
  const planned: PlannedService[] = options.services.map(spec => {
    const host = spec.registry.kind === 'ecr' ? '' : spec.registry.host
    return {
      name: spec.name,
      dependsOn: [],
      deploy: undefined,
      image: {
        registry: spec.registry.kind,
        host,
        repository: spec.repository,
        tag: spec.tag,
        reference: `${host || 'ecr'}/${spec.repository}:${spec.tag}`,
        action: spec.action,
        promoteFrom: spec.promoteFrom
      }
    }
  })
  const plan: Plan = {
    deploymentId: 'dep_test_1',
    environment: 'dev',
    commit: 'HEAD',
    dryRun: false,
    version: {
      version: undefined,
      gitTag: undefined,
      imageTag,
      channel: 'dev',
      reused: false,
      baseTag: undefined,
      reason: 'test',
      previousTag: undefined,
      timestamp: '2611212300'
    },
    release: undefined,
    services: planned,
    layers: [planned.map(s => s.name)]
  }
  const ctx: PhaseContext = {
    settings,
    plan,
    bus,
    core,
    signal: options.signal ?? new AbortController().signal,
    state: options.state ?? emptyRunState()
  }
  return { ctx, core, bus }
}

/** Every place a secret could leak to: toolkit lines, events, spawned argv. */
export function leakedSecrets(
  secrets: readonly string[],
  places: { core: RecordingToolkit; bus: EventBus; argv: readonly string[][] }
): string[] {
  const haystack = [
    ...places.core.lines,
    ...places.bus.events.map(e => JSON.stringify(e)),
    ...places.argv.map(a => a.join(' '))
  ].join('\n')
  return secrets.filter(secret => haystack.includes(secret))
}
