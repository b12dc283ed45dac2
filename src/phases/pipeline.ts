import type { EventBus } from '../events/bus.js'
import type { Stage } from '../events/model.js'
import { buildPlan, retagPlan } from '../plan/index.js'
import type { Plan, PlannedService } from '../plan/types.js'
import type { Phase, Settings } from '../settings/types.js'
import type { SafeToolkit } from '../toolkit.js'
import type { PhaseContext, RunState } from './context.js'
import { deployPhaseBudget, phase } from './deadline.js'
import type { GitHubDeployment } from './github-deployment.js'

/**
 * The pipeline as data: the phases after INIT's validation, in order, each with the jobs that run
 * it, when it applies, its budget and what it runs. `walkPipeline` is the only loop over them; a
 * new phase or a partial pipeline (plan / build / deploy jobs) is an entry or a condition here,
 * not a branch in main.ts. `phase: all` runs today's single step; a split workflow
 * (docs/scaling.md) runs the same table in three kinds of job:
 * - plan: VERSION (and changed_only), preflight, TAG, RELEASE, and the build matrix;
 * - build: the plan taken over, one service built for one platform, pushed by digest;
 * - deploy: the plan taken over, each service's index assembled from the digests and tagged,
 *   DEPLOY.
 */

/** What a run carries from phase to phase. The plan exists from VERSION on. */
export interface PipelineRun {
  readonly settings: Settings
  readonly bus: EventBus
  readonly core: SafeToolkit
  readonly state: RunState
  readonly clock: () => Date
  /** A warning that also belongs in the job summary. */
  readonly warn: (message: string) => void
  plan: Plan | undefined
  /** The GitHub Deployment DEPLOY opened; finish() closes it with the run's result. */
  githubDeployment: GitHubDeployment | undefined
  /** Saves what the post step needs to finish this run if the main step never does. */
  readonly saveState: () => void
}

export interface PipelinePhase {
  readonly stage: Stage
  /** The stage event's message: what the phase does. */
  readonly message: string
  /** A phase that changes something outside is skipped by a dry run. */
  readonly changes: boolean
  /** The jobs that run it: the `phase` input (all: one step; plan, build, deploy: split). */
  readonly phases: readonly Phase[]
  /** Whether this run needs the phase at all. */
  readonly when: (run: PipelineRun) => boolean
  readonly budgetMs: (run: PipelineRun) => number | Promise<number>
  readonly run: (run: PipelineRun, signal: AbortSignal) => Promise<void>
}

const MINUTE = 60_000
const ONE_STEP_AND_PLAN: readonly Phase[] = ['all', 'plan']

export const PIPELINE: readonly PipelinePhase[] = [
  {
    stage: 'VERSION',
    message: 'computing the version and tags',
    changes: false,
    phases: ONE_STEP_AND_PLAN,
    when: () => true,
    budgetMs: () => MINUTE,
    run: async (run, signal) => {
      const openTags = async () =>
        (await import('../clients/tag-source.js')).tagSourceFor(run.settings, {
          info: m => run.core.info(m)
        })
      const plan = await buildPlan(run.settings, openTags, run.clock(), signal)
      run.plan = plan
      const v = plan.version
      run.bus.emit({
        type: 'info',
        stage: 'VERSION',
        message: v.gitTag
          ? `git tag ${v.gitTag}${v.reused ? ' (already on this commit)' : ''}, image tag ${v.imageTag}`
          : `image tag ${v.imageTag} (no git tag)`
      })
    }
  },
  {
    // Build and deploy jobs act on the plan job's plan: the same version, tags and services.
    stage: 'VERSION',
    message: "taking over the plan job's plan",
    changes: false,
    phases: ['build', 'deploy'],
    when: () => true,
    budgetMs: () => MINUTE,
    run: async run => {
      run.plan = (await import('./handoff.js')).takeOverPlan(run.settings, run.bus)
    }
  },
  {
    stage: 'VERSION',
    message: 'finding the services that changed since the last deployment (changed_only)',
    changes: false,
    phases: ONE_STEP_AND_PLAN,
    when: run => run.settings.split.changedOnly,
    budgetMs: () => 2 * MINUTE,
    run: async (run, signal) => {
      const { planChangedOnly } = await import('./changes.js')
      run.plan = await planChangedOnly(run.settings, planOf(run), run.bus, signal)
    }
  },
  {
    // Before the preflight, so it checks what the rollback will deploy; reads only.
    stage: 'VERSION',
    message: 'reading the deployment history: what goes back',
    changes: false,
    phases: ONE_STEP_AND_PLAN,
    when: run => run.settings.rollback !== undefined,
    budgetMs: () => 2 * MINUTE,
    run: async (run, signal) => {
      const { readDeploymentHistory } = await import('./deployment-history.js')
      const { planRollback } = await import('../plan/rollback.js')
      const plan = planOf(run)
      const history = await readDeploymentHistory(run.settings, plan.environment, signal)
      run.plan = planRollback(plan, history, run.settings.rollback ?? 'previous')
      const rollback = run.plan.rollback
      // The tag output names what runs: the tag put back, reused as it is.
      if (run.plan.version.gitTag) run.state.tag = run.plan.version.gitTag
      for (const service of run.plan.services) {
        // The digests the DEPLOY phase deploys, as if PUSH had pushed them.
        if (service.image?.action === 'rollback')
          run.state.images[service.name] = service.image.reference
      }
      if (rollback) {
        run.bus.emit({
          type: 'info',
          stage: 'VERSION',
          message: `rollback to ${rollback.to.label} (deployment ${rollback.to.id})${rollback.from ? ` from ${rollback.from.label}` : ''}`
        })
        for (const name of rollback.untouched) {
          run.bus.emit({
            type: 'info',
            stage: 'VERSION',
            service: name,
            message: `not in ${rollback.to.label}'s record (added since): left as it is`
          })
        }
      }
    }
  },
  {
    // Before anything changes, and read-only, so a dry run shows the verdict too.
    stage: 'VERSION',
    message: 'checking the promotion gate',
    changes: false,
    phases: ONE_STEP_AND_PLAN,
    when: run => run.settings.gate !== undefined,
    budgetMs: () => 2 * MINUTE,
    run: async (run, signal) => {
      const gate = run.settings.gate
      if (!gate) return
      const { evaluateGate } = await import('../plan/gate.js')
      const plan = planOf(run)
      const history =
        gate.promoteFrom === plan.environment
          ? []
          : await (
              await import('./deployment-history.js')
            ).readDeploymentHistory(run.settings, gate.promoteFrom, signal)
      const rollbackImages = Object.fromEntries(
        plan.services.flatMap(s =>
          s.image?.action === 'rollback' ? [[s.name, s.image.reference]] : []
        )
      )
      const verdict = evaluateGate({
        environment: plan.environment,
        gate,
        timezone: run.settings.timezone,
        history,
        candidate: {
          version: plan.version.version,
          commit: plan.commit,
          ...(Object.keys(rollbackImages).length > 0 ? { images: rollbackImages } : {})
        },
        now: run.clock()
      })
      const overridden = !verdict.open && gate.override !== undefined
      run.plan = {
        ...plan,
        gate: {
          lines: [
            ...verdict.lines,
            ...verdict.refusals.map(r => `Gate: closed: ${r}`),
            ...(overridden
              ? [`Gate: overridden by ${gate.override?.actor}: ${gate.override?.reason}`]
              : verdict.open
                ? ['Gate: open']
                : [])
          ],
          ...(overridden ? { override: gate.override } : {})
        }
      }
      for (const line of run.plan.gate?.lines ?? [])
        run.bus.emit({ type: 'info', stage: 'VERSION', message: line })
      if (!verdict.open && !overridden) {
        const { DeployError } = await import('../errors.js')
        throw new DeployError('INVALID_INPUT', `promotion gate: ${verdict.refusals.join('; ')}`, {
          details: 'override_gate: true with override_reason lets a person take the run past it'
        })
      }
    }
  },
  {
    // The end of INIT: it needs the plan to know what the run will use, and runs before anything
    // is changed; a dry run runs it too.
    stage: 'INIT',
    message: 'preflight: checking what the plan uses, read-only',
    changes: false,
    phases: ONE_STEP_AND_PLAN,
    when: run => run.settings.preflight,
    budgetMs: async () => (await import('./preflight.js')).PREFLIGHT_BUDGET_MS,
    run: async (run, signal) =>
      (await import('./preflight.js')).runPreflight(
        { settings: run.settings, plan: planOf(run), bus: run.bus, core: run.core, warn: run.warn },
        signal
      )
  },
  {
    stage: 'TAG',
    message: 'creating the git tag',
    changes: true,
    phases: ONE_STEP_AND_PLAN,
    // A rollback puts back a version that has its tag already.
    when: run => run.settings.createTag && !planOf(run).rollback,
    budgetMs: () => 5 * MINUTE,
    run: async (run, signal) => {
      const { runTagPhase } = await import('./release.js')
      await runTagPhase(contextOf(run, signal))
      if (run.state.tag && run.plan) {
        run.plan = retagPlan(run.plan, run.state.tag)
      }
    }
  },
  {
    stage: 'RELEASE',
    message: 'publishing the GitHub Release',
    changes: true,
    phases: ONE_STEP_AND_PLAN,
    when: run => planOf(run).release !== undefined,
    budgetMs: () => 5 * MINUTE,
    run: async (run, signal) =>
      (await import('./release.js')).runReleasePhase(contextOf(run, signal))
  },
  {
    // The plan of the build jobs: written as the `matrix` output, run by GitHub Actions.
    stage: 'BUILD',
    message: 'planning the build matrix',
    changes: false,
    phases: ['plan'],
    when: () => true,
    budgetMs: () => MINUTE,
    run: async run =>
      (await import('./handoff.js')).writeMatrix(run.settings, planOf(run), run.state, run.bus)
  },
  {
    stage: 'BUILD',
    message: 'building images',
    changes: true,
    phases: ['all', 'build'],
    when: run => imagesOf(run, 'build').length > 0,
    budgetMs: async run => {
      const image = await import('./image.js')
      const count = imagesOf(run, 'build').length
      return image.imagePhaseBudget(count, image.BUILD_LANES, run.settings.images.buildTimeoutMs)
    },
    run: async (run, signal) => (await import('./image.js')).runBuildPhase(contextOf(run, signal))
  },
  {
    stage: 'PUSH',
    message: 'pushing images',
    changes: true,
    phases: ['all'],
    when: run => imagesOf(run, 'push').length > 0,
    budgetMs: pushBudget,
    run: async (run, signal) => (await import('./image.js')).runPushPhase(contextOf(run, signal))
  },
  {
    stage: 'PUSH',
    message: 'pushing the image by digest (no tag)',
    changes: true,
    phases: ['build'],
    when: run => imagesOf(run, 'build').length > 0,
    budgetMs: pushBudget,
    run: async (run, signal) =>
      (await import('./image-digest.js')).runDigestPushPhase(contextOf(run, signal))
  },
  {
    // Nothing is tagged before every record is checked against the plan and the registry.
    stage: 'PUSH',
    message: "assembling each image index from the build jobs' digests, then tagging",
    changes: true,
    phases: ['deploy'],
    when: run => imagesOf(run, 'push').length > 0,
    budgetMs: pushBudget,
    run: async (run, signal) => {
      const ctx = contextOf(run, signal)
      await (await import('./image-merge.js')).runMergePhase(ctx)
      // Promoted and existing images were never the build jobs' to push.
      await (await import('./image.js')).runPushPhase(ctx, {}, ['promote', 'skip'])
    }
  },
  {
    stage: 'DEPLOY',
    message: 'deploying',
    changes: true,
    phases: ['all', 'deploy'],
    when: run => planOf(run).services.some(s => s.deploy),
    budgetMs: run => deployPhaseBudget(run.settings, planOf(run)),
    run: async (run, signal) => {
      await openGitHubDeployment(run, signal)
      const { runDeployPhase } = await import('./deploy.js')
      await runDeployPhase(contextOf(run, signal))
    }
  }
]

/**
 * Runs each phase that applies, in order, under its own deadline and the run's cancel signal; the
 * first failure ends the walk. A dry run stops before the first phase that changes anything.
 */
export async function walkPipeline(
  run: PipelineRun,
  cancel: AbortSignal,
  phases: readonly PipelinePhase[] = PIPELINE
): Promise<void> {
  for (const step of phases) {
    if (!step.phases.includes(run.settings.split.phase)) continue
    if (step.changes && run.settings.dryRun) continue
    if (!step.when(run)) continue
    const budget = await step.budgetMs(run)
    await phase(run.bus, step.stage, step.message, budget, cancel, signal => step.run(run, signal))
  }
}

async function pushBudget(run: PipelineRun): Promise<number> {
  const image = await import('./image.js')
  const count = imagesOf(run, 'push').length
  return image.imagePhaseBudget(count, image.PUSH_LANES, run.settings.images.pushTimeoutMs)
}

/** Every phase after VERSION has a plan; asking for it earlier is a bug in this table. */
function planOf(run: PipelineRun): Plan {
  if (!run.plan) throw new Error('a phase after VERSION asked for the plan before it existed')
  return run.plan
}

/** The executors' view of the run. */
function contextOf(run: PipelineRun, signal: AbortSignal): PhaseContext {
  return {
    settings: run.settings,
    plan: planOf(run),
    bus: run.bus,
    core: run.core,
    signal,
    state: run.state
  }
}

/** build: the images to build; push: every image but those a rollback takes as recorded. */
function imagesOf(run: PipelineRun, action: 'build' | 'push'): PlannedService[] {
  return planOf(run).services.filter(s =>
    action === 'build' ? s.image?.action === 'build' : s.image && s.image.action !== 'rollback'
  )
}

/**
 * The GitHub Deployment is best effort (trouble warns), and its id is saved at once so the post
 * step can close it if this step never does.
 */
async function openGitHubDeployment(run: PipelineRun, signal: AbortSignal): Promise<void> {
  const { startGitHubDeployment } = await import('./github-deployment.js')
  const { deploymentRecord, recordPayload } = await import('../plan/deployment-record.js')
  const { describeTarget } = await import('../plan/describe.js')
  const plan = planOf(run)
  // Written when the deployment is created: GitHub keeps a payload as it was first given.
  const record = deploymentRecord({
    plan,
    images: run.state.images,
    describeTarget: service => service.deploy && describeTarget(service.deploy),
    gateOverride: plan.gate?.override
  })
  run.githubDeployment = await startGitHubDeployment(
    run.settings,
    plan,
    { warn: run.warn, info: (m: string) => run.core.info(m) },
    signal,
    undefined,
    recordPayload(record)
  )
  if (run.githubDeployment) run.saveState()
}
