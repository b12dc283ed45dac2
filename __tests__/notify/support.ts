import { EventBus } from '../../src/events/bus.js'
import type { EventInput, Stage } from '../../src/events/model.js'
import type { ErrorCode } from '../../src/errors.js'
import type { Plan } from '../../src/plan/types.js'
import type { NotifySettings, Settings } from '../../src/settings/types.js'
import { testSettings as baseSettings, type SettingsOverrides } from '../fixtures/settings.js'
import { recordingToolkit, type RecordingToolkit } from '../fixtures/toolkit.js'

/** The shared recording toolkit, optionally starting with saved state (the post step's). */
export function recordingCore(state: Record<string, string> = {}): RecordingToolkit {
  const core = recordingToolkit()
  Object.assign(core.state, state)
  return core
}

export function notices(core: RecordingToolkit): string[] {
  return core.lines.filter(l => l.startsWith('::notice::')).map(l => l.slice('::notice::'.length))
}

export const SERVICES = ['postgresql', 'webui', 'api'] as const

/** A prod release of acme/shop with three Argo CD services, notifying as `notify` says. */
export function testSettings(
  notify: Partial<NotifySettings>,
  extra: SettingsOverrides = {}
): Settings {
  return baseSettings({
    environment: 'prod',
    createTag: true,
    createRelease: true,
    eventsFile: '/tmp/events.ndjson',
    deploymentId: 'dep_4242_1',
    platforms: ['linux/amd64'],
    services: SERVICES.map(name => ({
      name,
      registry: { kind: 'ghcr', host: 'ghcr.io', namespace: 'acme', insecure: false },
      repository: `acme/${name}`,
      build: undefined,
      dependsOn: [],
      deploy: {
        kind: 'argocd',
        app: `shop-${name}`
      } as unknown as Settings['services'][number]['deploy']
    })),
    ...extra,
    context: {
      runId: '4242',
      workspace: '/tmp/ws',
      tempDir: '/tmp',
      actions: true,
      runUrl: 'https://github.com/acme/shop/actions/runs/4242',
      headCommitAuthorEmail: 'octo@example.com',
      headCommitMessage: 'feat: checkout "express" lane',
      ...extra.context
    },
    notify
  })
}

export function testPlan(): Plan {
  return {
    deploymentId: 'dep_4242_1',
    environment: 'prod',
    commit: '0123456789abcdef0123456789abcdef01234567',
    dryRun: false,
    version: {
      version: '1.4.0',
      gitTag: 'v1.4.0',
      imageTag: 'v1.4.0',
      channel: 'stable',
      reused: false,
      baseTag: 'v1.3.2',
      reason: 'feat since v1.3.2',
      previousTag: 'v1.3.2',
      timestamp: '2611240700'
    },
    release: undefined,
    services: SERVICES.map(name => ({
      name,
      dependsOn: [],
      image: {
        registry: 'ghcr',
        host: 'ghcr.io',
        repository: `acme/${name}`,
        tag: 'v1.4.0',
        reference: `ghcr.io/acme/${name}:v1.4.0`,
        action: 'build',
        promoteFrom: undefined
      },
      deploy: { kind: 'argocd' } as unknown as Plan['services'][number]['deploy']
    })),
    layers: [['postgresql'], ['webui', 'api']]
  }
}

/** The pipeline's stages grouped by the card phase they belong to. */
export const PHASE_GROUPS: Stage[][] = [
  ['INIT', 'VERSION', 'TAG', 'RELEASE'],
  ['BUILD', 'PUSH'],
  ['DEPLOY']
]

export interface Scenario {
  /** Stop with this error at this stage; absent: success. */
  failAt?: { stage: Stage; code: ErrorCode; service?: string; message?: string; details?: string }
  /** The run is killed right after this stage's events: no error, no done (the post step's case). */
  stopAfter?: Stage
  /** Called after each phase's events, before the next phase starts. */
  between?: () => Promise<void>
}

/**
 * Emits what a 3-service run emits, phase by phase: a stage event per stage, progress per
 * service, and the end (done, or error then done).
 */
export async function emitRun(bus: EventBus, scenario: Scenario = {}): Promise<void> {
  for (const group of PHASE_GROUPS) {
    for (const stage of group) {
      bus.emit({ type: 'stage', stage, message: `${stage} started` })
      for (const input of progress(stage)) bus.emit(input)
      if (scenario.stopAfter === stage) return scenario.between?.()
      const fail = scenario.failAt
      if (fail?.stage === stage) {
        const reason = fail.message ?? `${stage.toLowerCase()} failed`
        if (fail.service) {
          // As the phases report a service's own failure, before the run's error.
          bus.emit({
            type: 'error',
            stage,
            service: fail.service,
            message: reason,
            error_code: fail.code
          })
        }
        // The run's error as main emits it: DEPLOY names the service and lists it in the details
        // (summariseFailures); BUILD and PUSH pass the first failure on as it is.
        const deploy = fail.service !== undefined && stage === 'DEPLOY'
        bus.emit({
          type: 'error',
          stage,
          message: deploy ? `${fail.service}: ${reason}` : reason,
          error_code: fail.code,
          error_details: deploy
            ? [`${fail.service}: ${fail.code}: ${reason}`, fail.details].filter(Boolean).join('\n')
            : fail.details
        })
        bus.emit({
          type: 'done',
          stage: 'DONE',
          status: fail.code === 'CANCELLED' ? 'cancelled' : 'failure',
          message: 'failed'
        })
        return
      }
    }
    await scenario.between?.()
  }
  bus.emit({ type: 'stage', stage: 'DONE', message: 'done' })
  bus.emit({
    type: 'done',
    stage: 'DONE',
    status: 'success',
    message: 'deployed',
    deployment_url: 'https://shop.example.com/?a=1&b=<2>',
    image_uris: Object.fromEntries(
      SERVICES.map(s => [s, `ghcr.io/acme/${s}:v1.4.0@sha256:${'a'.repeat(64)}`])
    )
  })
}

function progress(stage: Stage): EventInput[] {
  if (stage === 'BUILD' || stage === 'PUSH' || stage === 'DEPLOY') {
    return SERVICES.flatMap(service => [
      {
        type: 'progress' as const,
        stage,
        service,
        message: `${stage.toLowerCase()} ${service} started`
      },
      {
        type: 'progress' as const,
        stage,
        service,
        // As the deploy phase reports a service that finished.
        message:
          stage === 'DEPLOY' ? `deployed ${service}` : `${stage.toLowerCase()} ${service} 100%`
      }
    ])
  }
  return [{ type: 'info', stage, message: `${stage} details` }]
}

/** A bus whose own warnings (a sink that threw) are recorded: notify sinks must never throw. */
export function testBus(): { bus: EventBus; busWarnings: string[] } {
  const busWarnings: string[] = []
  let tick = Date.parse('2026-11-24T07:00:00Z')
  const bus = new EventBus(
    m => busWarnings.push(m),
    () => new Date((tick += 1500))
  )
  return { bus, busWarnings }
}

/** A clock that sleeping moves forward at once: debounce is observed, not waited for. */
export function fakeClock(start = 1_000_000): {
  now: () => number
  sleep: (ms: number) => Promise<void>
  slept: number[]
} {
  let now = start
  const slept: number[] = []
  return {
    now: () => now,
    sleep: async ms => {
      slept.push(ms)
      now += ms
    },
    slept
  }
}

/** Everything a test captured, to scan for secrets. */
export function captured(core: RecordingToolkit, extra: string[] = []): string {
  return [core.rawLog(), ...extra].join('\n')
}
