import { DeployError, asDeployError, errorMessage } from './errors.js'
import { EventBus } from './events/bus.js'
import type { RunStatus, Stage } from './events/model.js'
import { fileSink } from './events/sinks/file.js'
import { logSink } from './events/sinks/log.js'
import { renderSummary } from './events/summary.js'
import { runDeployPhase } from './phases/deploy.js'
import { emptyRunState, type PhaseContext } from './phases/context.js'
import { describePlan } from './plan/describe.js'
import { buildPlan, retagPlan } from './plan/index.js'
import type { Notifications } from './notify/index.js'
import type { Plan } from './plan/types.js'
import { clockFromEnv } from './plan/version.js'
import { readSettings } from './settings/index.js'
import type { Settings } from './settings/types.js'
import type { Toolkit } from './toolkit.js'
import type { GitHubDeployment } from './phases/github-deployment.js'
import { saveRunState } from './run-state.js'
import { doneMessage, outputsFor } from './outputs.js'
import { deployPhaseBudget, phase } from './phases/deadline.js'

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Fires when the workflow is cancelled (SIGINT/SIGTERM from the runner). */
  signal?: AbortSignal
}

/**
 * Runs the pipeline: INIT, VERSION, TAG, RELEASE, BUILD, PUSH, DEPLOY, DONE. The one place that
 * fails the job; every phase before it throws a DeployError. Returns the final status.
 */
export async function run(core: Toolkit, options: RunOptions = {}): Promise<RunStatus> {
  const env = options.env ?? process.env
  const cancel = options.signal ?? new AbortController().signal
  const clock = clockFromEnv(env)
  const started = Date.now()
  const warnings: string[] = []
  const bus = new EventBus(message => {
    warnings.push(message)
    core.warning(message)
  })
  bus.attach(logSink(core))

  let settings: Settings
  try {
    settings = await readSettings(core, env)
  } catch (error) {
    const failure = asDeployError(error, 'INVALID_INPUT')
    bus.emit({ type: 'stage', stage: 'INIT', message: 'reading inputs and the deploy config' })
    bus.emit({ type: 'error', stage: 'INIT', message: failure.message, error_code: failure.code })
    await bus.close()
    core.setOutput('status', 'failure')
    core.setFailed(`${failure.code}: ${failure.message}`)
    return 'failure'
  }

  bus.attach(fileSink(settings.eventsFile))
  const notifications = settings.dryRun
    ? undefined
    : await attachNotifications(bus, settings, () => plan, core, warnings)
  saveRunState(core, { settings, finished: false })

  const state = emptyRunState()
  let plan: Plan | undefined
  let status: RunStatus = 'success'
  let failure: DeployError | undefined
  let githubDeployment: GitHubDeployment | undefined

  const context = settings.context
  bus.emit({
    type: 'stage',
    stage: 'INIT',
    message: `${context.owner}/${context.repo}@${context.sha.slice(0, 7)} to ${settings.environment}${settings.dryRun ? ' (dry run)' : ''}`
  })

  try {
    plan = await phase(
      bus,
      'VERSION',
      'computing the version and tags',
      60_000,
      cancel,
      async signal => {
        const openTags = async () =>
          (await import('./phases/release.js')).tagSourceFor(settings, { info: m => core.info(m) })
        return buildPlan(settings, openTags, clock(), signal)
      }
    )
    const v = plan.version
    bus.emit({
      type: 'info',
      stage: 'VERSION',
      message: v.gitTag
        ? `git tag ${v.gitTag}${v.reused ? ' (already on this commit)' : ''}, image tag ${v.imageTag}`
        : `image tag ${v.imageTag} (no git tag)`
    })

    if (settings.dryRun) {
      for (const line of describePlan(plan)) core.info(line)
      status = 'planned'
    } else {
      await runChangingPhases()
    }
  } catch (error) {
    failure = cancel.aborted
      ? new DeployError('CANCELLED', 'the workflow was cancelled', { cause: error })
      : asDeployError(error, 'DEPLOY_FAILED')
    status = failure.code === 'CANCELLED' ? 'cancelled' : 'failure'
    bus.emit({
      type: 'error',
      stage: currentStage(bus),
      message: failure.message,
      error_code: failure.code,
      error_details: failure.details
    })
  }

  async function runChangingPhases(): Promise<void> {
    if (!plan) return
    const ctx = (signal: AbortSignal): PhaseContext => ({
      settings,
      plan: plan as Plan,
      bus,
      core,
      signal,
      state
    })
    const release = await import('./phases/release.js')
    if (settings.createTag) {
      await phase(bus, 'TAG', 'creating the git tag', 5 * 60_000, cancel, s =>
        release.runTagPhase(ctx(s))
      )
      if (state.tag) plan = retagPlan(plan, state.tag)
    }
    if (plan.release) {
      await phase(bus, 'RELEASE', 'publishing the GitHub Release', 5 * 60_000, cancel, s =>
        release.runReleasePhase(ctx(s))
      )
    }
    const images = plan.services.filter(s => s.image)
    if (images.length > 0) {
      const image = await import('./phases/image.js')
      if (images.some(s => s.image?.action === 'build')) {
        await phase(
          bus,
          'BUILD',
          'building images',
          image.imagePhaseBudget(
            images.filter(s => s.image?.action === 'build').length,
            image.BUILD_LANES,
            settings.images.buildTimeoutMs
          ),
          cancel,
          s => image.runBuildPhase(ctx(s))
        )
      }
      await phase(
        bus,
        'PUSH',
        'pushing images',
        image.imagePhaseBudget(images.length, image.PUSH_LANES, settings.images.pushTimeoutMs),
        cancel,
        s => image.runPushPhase(ctx(s))
      )
    }
    if (plan.services.some(s => s.deploy)) {
      const deployments = await import('./phases/github-deployment.js')
      githubDeployment = await deployments.startGitHubDeployment(
        settings,
        plan,
        {
          warn: (m: string) => {
            warnings.push(m)
            core.warning(m)
          },
          info: (m: string) => core.info(m)
        },
        cancel
      )
      if (githubDeployment) {
        saveRunState(core, { settings, finished: false, githubDeploymentId: githubDeployment.id })
      }
      await phase(bus, 'DEPLOY', 'deploying', deployPhaseBudget(settings, plan), cancel, s =>
        runDeployPhase(ctx(s))
      )
    }
  }

  if (githubDeployment) {
    await githubDeployment
      .finish(
        status === 'success' ? 'success' : status === 'cancelled' ? 'inactive' : 'failure',
        state.deploymentUrl
      )
      .catch((error: unknown) => core.warning(`GitHub deployment status: ${String(error)}`))
  }

  const outputs = outputsFor(settings, plan, state, status)
  bus.emit({
    type: 'done',
    stage: 'DONE',
    status,
    message: doneMessage(status, settings, plan, state, failure),
    image_uris: state.images,
    ...(state.deploymentUrl ? { deployment_url: state.deploymentUrl } : {}),
    execution_time: Math.round((Date.now() - started) / 1000)
  })
  await bus.close()
  let strictFailure: string | undefined
  if (notifications) {
    const notify = await import('./notify/index.js')
    // Already annotated by the sinks; here they only join the job summary.
    warnings.push(...notifications.warnings.lines)
    strictFailure = notify.strictNotificationFailure(settings, notifications.warnings)
  }
  saveRunState(core, { settings, finished: true, status, githubDeploymentId: githubDeployment?.id })

  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  await core.summary
    .addRaw(
      renderSummary({
        status,
        outputs,
        planLines: plan && describePlan(plan),
        events: bus.events,
        warnings,
        error: failure ? { code: failure.code, message: failure.message } : undefined
      })
    )
    .write()
    .catch((error: unknown) => core.warning(`job summary not written: ${String(error)}`))

  // notify_strict fails the job, but the status output stays the deployment's own result.
  if (strictFailure && !failure) core.setFailed(strictFailure)
  if (failure) {
    core.setFailed(
      `${failure.code}: ${failure.message}${failure.details ? `\n${failure.details}` : ''}`
    )
  }
  return status
}

function currentStage(bus: EventBus): Stage {
  const last = [...bus.events].reverse().find(e => e.type === 'stage')
  return last?.stage ?? 'INIT'
}

/** The status card, DM and event webhook sinks; trouble loading them is a warning. */
async function attachNotifications(
  bus: EventBus,
  settings: Settings,
  plan: () => Plan | undefined,
  core: Toolkit,
  warnings: string[]
): Promise<Notifications | undefined> {
  try {
    const { notificationSinks } = await import('./notify/index.js')
    const notifications = await notificationSinks(settings, plan, core)
    for (const sink of notifications.sinks) bus.attach(sink)
    return notifications
  } catch (error) {
    const message = `notifications disabled: ${errorMessage(error)}`
    warnings.push(message)
    core.warning(message)
    return undefined
  }
}
