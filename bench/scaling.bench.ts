import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createTestRepo, type TestRepo } from '../__tests__/fixtures/git-repo.js'
import { jobDirectory, runJob, type JobResult } from '../__tests__/fixtures/job-process.js'
import {
  missingTools,
  startAnonymousRegistry,
  type LocalRegistry
} from '../__tests__/simulators/registry.js'
import { recordBench } from './record.js'

/**
 * Past one runner: N services x 2 platforms built as one step (phase: all) against the same work
 * as a simulated workflow: the plan job, every build job at once (each its own process, temp dir
 * and builder storage, as matrix jobs on their own runners), then the deploy job. Wall times of
 * both, their ratio, and the workflow's critical path (plan + slowest build + deploy), which is
 * what the workflow would take with one runner per build job. This machine has few cores and no
 * emulation to avoid (scratch images build the same on any platform), so the ratio here shows the
 * split's own overhead against parallel building; the native-runner gain comes on top.
 */
const SERVICES = Number(process.env.BENCH_SCALING_SERVICES || 3)
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const EPOCH = String(Date.parse('2026-11-23T22:00:00Z') / 1000)

let registry: LocalRegistry | undefined
let root: string

beforeAll(async () => {
  if (missingTools().length > 0) return
  registry = await startAnonymousRegistry()
  root = mkdtempSync(join(tmpdir(), 'scaling-bench-'))
})
afterAll(async () => {
  await registry?.stop()
  if (root) rmSync(root, { recursive: true, force: true })
})

function repoFor(host: string, round: string): TestRepo {
  const names = Array.from({ length: SERVICES }, (_, i) => `svc${i + 1}`)
  const files: Record<string, string> = {
    '.github/deploy.yml': [
      `registry: ${host}/${round}`,
      'services:',
      ...names.map(name => `  ${name}:\n    build: {context: ${name}}`)
    ].join('\n')
  }
  for (const name of names) {
    // A few MB of fresh content per service: real layers to compress and upload.
    files[`${name}/payload.b64`] = randomBytes(3 * 1024 * 1024).toString('base64')
    files[`${name}/Dockerfile`] = 'FROM scratch\nCOPY payload.b64 /payload.b64\n'
  }
  return createTestRepo(files)
}

function succeeded(job: JobResult): JobResult {
  if (job.code !== 0) throw new Error(`job failed:\n${job.stdout}\n${job.stderr}`)
  return job
}

it(`${SERVICES} services x ${PLATFORMS.length} platforms: one step against a matrix of jobs`, async () => {
  if (!registry) {
    console.warn('SKIPPED scaling bench: buildah or docker-registry missing')
    return
  }
  const host = registry.host
  const inputs = { environment: 'dev', builder: 'buildah', cache: 'none', preflight: 'false' }
  const envOf = (repo: TestRepo): Record<string, string> => ({
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'acme/shop',
    SOURCE_DATE_EPOCH: EPOCH
  })

  const single = repoFor(host, 'single')
  const started = Date.now()
  succeeded(await runJob(jobDirectory(root, 'all'), envOf(single), inputs))
  const oneStep = (Date.now() - started) / 1000

  /** The workflow: plan, the build jobs (all at once, or one after another), deploy. */
  const workflow = async (round: string, together: boolean) => {
    const env = envOf(repoFor(host, round))
    const started = Date.now()
    const plan = succeeded(
      await runJob(jobDirectory(root, `${round}-plan`), env, { ...inputs, phase: 'plan' })
    )
    const entries = (
      JSON.parse(plan.outputs.matrix as string) as {
        include: Array<{ service: string; platform: string }>
      }
    ).include
    const build = (entry: { service: string; platform: string }, i: number) =>
      runJob(jobDirectory(root, `${round}-build-${i}`), env, {
        ...inputs,
        phase: 'build',
        plan: plan.outputs.plan as string,
        service: entry.service,
        platform: entry.platform
      }).then(succeeded)
    const builds: JobResult[] = []
    if (together) builds.push(...(await Promise.all(entries.map(build))))
    else for (const [i, entry] of entries.entries()) builds.push(await build(entry, i))
    const records = join(root, `${round}-records`)
    mkdirSync(records, { recursive: true })
    for (const job of builds) {
      const file = job.outputs.record_file as string
      copyFileSync(file, join(records, basename(file)))
    }
    const deploy = succeeded(
      await runJob(jobDirectory(root, `${round}-deploy`), env, {
        ...inputs,
        phase: 'deploy',
        plan: plan.outputs.plan as string,
        records
      })
    )
    const slowest = Math.max(...builds.map(b => b.seconds))
    return {
      entries,
      wall: (Date.now() - started) / 1000,
      critical: plan.seconds + slowest + deploy.seconds,
      path: `${plan.seconds.toFixed(1)} + ${slowest.toFixed(1)} + ${deploy.seconds.toFixed(1)}`,
      runnerSeconds: plan.seconds + deploy.seconds + builds.reduce((sum, b) => sum + b.seconds, 0)
    }
  }
  // All build jobs at once on this machine: the matrix as one machine can play it.
  const together = await workflow('together', true)
  // Each build job alone: how long it takes on a runner of its own, for the critical path.
  const alone = await workflow('alone', false)
  const entries = together.entries
  const matrix = together.wall
  const critical = alone.critical
  expect(entries).toHaveLength(SERVICES * PLATFORMS.length)
  recordBench('scaling: one step vs a matrix of jobs (wall seconds, this machine)', {
    'services x platforms': `${SERVICES} x ${PLATFORMS.length}`,
    'one step (phase: all), s': oneStep.toFixed(1),
    'matrix, every job on this machine at once, s': matrix.toFixed(1),
    'ratio matrix on one machine / one step': (matrix / oneStep).toFixed(2),
    'critical path, a runner per job (plan + slowest build + deploy), s': `${critical.toFixed(1)} (${alone.path})`,
    'ratio critical path / one step': (critical / oneStep).toFixed(2),
    'runner time, every job added up, s': alone.runnerSeconds.toFixed(1)
  })
})
