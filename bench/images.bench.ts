import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runBuildPhase, runPushPhase } from '../src/phases/image.js'
import {
  hostRegistry,
  makeContext,
  tempDir,
  type ServiceSpec
} from '../__tests__/images/fixtures.js'
import {
  missingTools,
  startRegistry,
  type LocalRegistry
} from '../__tests__/simulators/registry.js'
import { recordBench } from './record.js'

/**
 * Images: what a cold build and push costs against an unchanged rebuild (same commit, so the same
 * digest: every blob is already in the registry) and against a promotion (one manifest copied).
 * Real buildah, real docker-registry; figures are ratios within this run.
 */
const USER = 'bench'
const PASSWORD = `pw-${randomUUID()}`
const SERVICES = ['webui', 'api', 'worker']
const runs = Number(process.env.BENCH_IMAGE_RUNS || 3)

let registry: LocalRegistry | undefined
let work: string

beforeAll(async () => {
  if (missingTools().length > 0) return
  registry = await startRegistry({ [USER]: PASSWORD })
  work = await tempDir()
})
afterAll(async () => {
  await registry?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

/** Services with fresh content (a few MB each), so the first build has nothing to reuse. */
async function freshServices(round: number): Promise<ServiceSpec[]> {
  const host = (registry as LocalRegistry).host
  return Promise.all(
    SERVICES.map(async name => {
      const context = join(work, `round-${round}`, name)
      await mkdir(context, { recursive: true })
      await writeFile(join(context, 'payload.bin'), randomBytes(4 * 1024 * 1024))
      await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY payload.bin /payload.bin\n')
      const spec: ServiceSpec = {
        name,
        registry: hostRegistry(host),
        repository: `bench/${name}-${round}`,
        tag: 'dev-cold',
        action: 'build',
        context
      }
      return spec
    })
  )
}

async function timed(services: ServiceSpec[], runnerTemp: string): Promise<number> {
  const { ctx } = makeContext({
    services,
    runnerTemp,
    images: { registryUsername: USER, registryPassword: PASSWORD }
  })
  const started = performance.now()
  await runBuildPhase(ctx)
  await runPushPhase(ctx)
  return performance.now() - started
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

it('images: cold build vs unchanged rebuild vs promotion', async () => {
  if (!registry) {
    const missing = missingTools().join(', ')
    if (process.env.CI === 'true') throw new Error(`images bench needs ${missing}`)
    console.warn(`SKIPPED images bench: ${missing} not installed`)
    recordBench('images', { skipped: `missing ${missing}` })
    return
  }
  const cold: number[] = []
  const rebuild: number[] = []
  const promote: number[] = []
  let rebuildUploads = 0
  let promoteUploads = 0
  for (let round = 0; round < runs; round++) {
    const services = await freshServices(round)
    cold.push(await timed(services, work))
    let uploads = registry.blobUploads()
    rebuild.push(await timed(services, work))
    rebuildUploads += registry.blobUploads() - uploads
    uploads = registry.blobUploads()
    const promotion = services.map(s => ({
      ...s,
      action: 'promote' as const,
      tag: 'v1.0.0',
      promoteFrom: 'dev-cold'
    }))
    promote.push(await timed(promotion, work))
    promoteUploads += registry.blobUploads() - uploads
  }
  expect(cold.length).toBe(runs)
  recordBench('images', {
    services: SERVICES.length,
    platforms: 2,
    runs,
    'cold build+push ms (median)': Math.round(median(cold)),
    'unchanged rebuild+push ms (median)': Math.round(median(rebuild)),
    'rebuild / cold (ratio)': Number((median(rebuild) / median(cold)).toFixed(3)),
    'blobs uploaded by unchanged rebuilds': rebuildUploads,
    'promotion ms (median)': Math.round(median(promote)),
    'promotion / cold build (ratio)': Number((median(promote) / median(cold)).toFixed(3)),
    'promotion / unchanged rebuild (ratio)': Number((median(promote) / median(rebuild)).toFixed(3)),
    'blobs uploaded by promotions': promoteUploads
  })
})
