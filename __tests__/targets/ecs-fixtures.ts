import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { sleep as realSleep } from '../../src/runtime/sleep.js'
import { simulatedClock as sharedClock, type SimulatedClock } from '../fixtures/clock.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { EcsTarget, Settings } from '../../src/settings/types.js'
import type { DeployRequest, TargetContext } from '../../src/targets/types.js'
import { startEcsSimulator, type EcsSimOptions, type EcsSimulator } from '../simulators/ecs.js'

/** Shared by the ECS target tests and the ECS bench: a request, a recording context, a simulator. */
export const NEW_DIGEST = `sha256:${'b'.repeat(64)}`
export const NEW_IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.4.0@${NEW_DIGEST}`
export const PINNED_IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/api@${NEW_DIGEST}`

export function ecsRequest(
  target: Partial<EcsTarget> = {},
  imageUri: string | undefined = NEW_IMAGE
): DeployRequest<EcsTarget> {
  return {
    service: { name: 'api' } as unknown as PlannedService,
    target: {
      kind: 'ecs',
      region: 'us-east-1',
      cluster: 'shop',
      service: 'api',
      containers: ['app'],
      strategy: 'rolling',
      waitUntil: 'completed',
      linear: undefined,
      canary: undefined,
      taskDefinition: undefined,
      keepRevisions: undefined,
      codedeploy: undefined,
      timeoutMs: undefined,
      pollIntervalMs: undefined,
      ...target
    },
    imageUri,
    plan: {} as Plan,
    settings: {} as Settings
  }
}

export interface Recorded {
  kind: 'progress' | 'info' | 'warning'
  message: string
  data?: Record<string, unknown>
  at: number
}

export interface RecordingContext {
  context: TargetContext
  log: Recorded[]
  progress: () => Recorded[]
  /** Every wait the follower asked for, in ms. */
  waits: number[]
}

/** The ECS tests' clock starts at a fixed moment, so messages with times are exact. */
export function simulatedClock(start = Date.UTC(2026, 10, 24, 7, 0, 0)): SimulatedClock {
  return sharedClock(start)
}

/** With a `clock`, the follower waits and reads time on it (the simulator given the same clock). */
export function recordingContext(
  options: {
    intervalMs?: number
    timeoutMs?: number
    signal?: AbortSignal
    clock?: SimulatedClock
  } = {}
): RecordingContext {
  const log: Recorded[] = []
  const waits: number[] = []
  const clock = options.clock
  const sleep = clock?.sleep ?? realSleep
  const now = clock?.now ?? Date.now
  const context: TargetContext = {
    signal: options.signal ?? new AbortController().signal,
    timeoutMs: options.timeoutMs ?? 20_000,
    pollIntervalMs: options.intervalMs ?? 10,
    sleep: async (ms, signal) => {
      waits.push(ms)
      await (clock?.sleep ?? sleep)(ms, signal)
    },
    now,
    progress: (message, data) => log.push({ kind: 'progress', message, data, at: now() }),
    info: message => log.push({ kind: 'info', message, at: now() }),
    warning: message => log.push({ kind: 'warning', message, at: now() })
  }
  return { context, log, progress: () => log.filter(r => r.kind === 'progress'), waits }
}

/**
 * The follower never waited longer than the poll interval between looks. The simulators move only
 * when looked at, so "the first look after the end saw it" alone would also hold for a follower
 * looking ten times too slowly; together they say the end was noticed within one interval.
 */
export function expectPollCadence(recorded: RecordingContext): void {
  expect(recorded.waits.length).toBeGreaterThan(0)
  expect(recorded.waits.filter(ms => ms > recorded.context.pollIntervalMs)).toEqual([])
}

/**
 * For a test file: a function that starts a simulator and points the SDK's endpoint variables at
 * it; everything started in a test is closed after it, and the variables restored.
 */
export function ecsSimulators(): (options: EcsSimOptions) => Promise<EcsSimulator> {
  const open: EcsSimulator[] = []
  afterEach(async () => {
    for (const sim of open.splice(0).reverse()) await sim.close()
  })
  return async options => {
    const sim = await withEcsSimulator(options)
    open.push(sim)
    return sim
  }
}

/** Starts a simulator and points the SDK's endpoint variables at it until `close`. */
export async function withEcsSimulator(options: EcsSimOptions): Promise<EcsSimulator> {
  const sim = await startEcsSimulator(options)
  const saved: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(sim.env)) {
    saved[key] = process.env[key]
    process.env[key] = value
  }
  let closed = false
  const close = sim.close
  sim.close = async () => {
    if (closed) return
    closed = true
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    await close()
  }
  return sim
}

/**
 * Where the deploy noticed the end, counted in looks: the status calls made after the timeline
 * reached its final state (1 means the very next look saw it), and whether a look happened before
 * it (so the one that saw it was at most one interval later).
 */
export function detection(sim: EcsSimulator): { looksAfterFinal: number; lookBefore: boolean } {
  const final = sim.finalAt ?? Number.POSITIVE_INFINITY
  return {
    looksAfterFinal: sim.statusCalls.filter(at => at >= final).length,
    lookBefore: sim.statusCalls.some(at => at < final)
  }
}

/** The DeployError a deploy rejects with; fails the test when it resolves or throws anything else. */
export async function deployFailure(promise: Promise<unknown>): Promise<DeployError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

/** Runs `use` with a file of this content in a fresh temporary directory, removed afterwards. */
export async function withFile<T>(
  name: string,
  content: string,
  use: (path: string) => Promise<T>
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ecs-target-'))
  try {
    const path = join(dir, name)
    await writeFile(path, content)
    return await use(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
