import { DeployError, asDeployError, errorMessage } from './errors.js'
import { EventBus } from './events/bus.js'
import type { RunStatus, Stage } from './events/model.js'
import { fileSink } from './events/sinks/file.js'
import { logSink } from './events/sinks/log.js'
import { renderSummary, type SummaryService } from './events/summary.js'
import type { Notifications, NotifyTuning } from './notify/index.js'
import { doneMessage, failJob, outputsFor } from './outputs.js'
import { emptyRunState } from './phases/context.js'
import { walkPipeline, type PipelineRun } from './phases/pipeline.js'
import { describePlan, describeTarget } from './plan/describe.js'
import { clockFromEnv } from './plan/clock.js'
import { saveRunState } from './run-state.js'
import { describeValidated } from './settings/describe.js'
import { readSettings } from './settings/index.js'
import { safeToolkit, type SafeToolkit, type Toolkit } from './toolkit.js'

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Fires when the workflow is cancelled (SIGINT/SIGTERM from the runner). */
  signal?: AbortSignal
  /**
   * How long notifications may take: each call, and the last ones together (the bus's close
   * budget). Tests shorten them; the defaults are the action's.
   */
  notify?: { call?: NotifyTuning['call']; closeBudgetMs?: number }
}

/** What finish() reports: the run as far as it got, and how it ended. */
interface Ending {
  readonly core: SafeToolkit
  readonly bus: EventBus
  readonly warnings: string[]
  readonly started: number
  /** Absent when INIT failed: there are no settings to report against. */
  readonly run: PipelineRun | undefined
  readonly notifications: Notifications | undefined
  readonly status: RunStatus
  readonly failure: DeployError | undefined
}

/**
 * Runs the pipeline: INIT here, then the phases of src/phases/pipeline.ts in order, then DONE in
 * finish(). Every phase throws a DeployError; only failJob() fails the job. Returns the status.
 */
export async function run(toolkit: Toolkit, options: RunOptions = {}): Promise<RunStatus> {
  // Everything the run prints passes here: no outside text becomes a workflow command.
  const core = safeToolkit(toolkit)
  const env = options.env ?? process.env
  const cancel = options.signal ?? new AbortController().signal
  const started = Date.now()
  const warnings: string[] = []
  const warn = (message: string): void => {
    warnings.push(message)
    core.warning(message)
  }
  // Notification trouble never holds the run's end past the bus's close budget.
  const bus = new EventBus(warn, undefined, options.notify?.closeBudgetMs)
  bus.attach(logSink(core))
  const ending = { core, bus, warnings, started, run: undefined, notifications: undefined }

  let settings
  try {
    settings = await readSettings(core, env)
  } catch (error) {
    const failure = asDeployError(error, 'INVALID_INPUT')
    bus.emit({ type: 'stage', stage: 'INIT', message: 'reading inputs and the deploy config' })
    bus.emit({ type: 'error', stage: 'INIT', message: failure.message, error_code: failure.code })
    return finish({ ...ending, status: 'failure', failure })
  }

  const pipeline: PipelineRun = {
    settings,
    bus,
    core,
    state: emptyRunState(),
    clock: clockFromEnv(env),
    warn,
    plan: undefined,
    githubDeployment: undefined,
    saveState: () =>
      saveRunState(core, {
        settings,
        finished: false,
        githubDeploymentId: pipeline.githubDeployment?.id
      })
  }
  let notifications: Notifications | undefined
  // From here on every ending goes through finish(), so the summary and the card are written
  // whatever stops the run: a phase, a cancel, or a crash (an events file that cannot be
  // created, a GITHUB_STATE that cannot be written, an error thrown where nobody awaits).
  try {
    bus.attach(fileSink(settings.eventsFile))
    notifications = settings.dryRun
      ? undefined
      : await attachNotifications(bus, pipeline, warn, options.notify?.call)
    pipeline.saveState()

    const context = settings.context
    bus.emit({
      type: 'stage',
      stage: 'INIT',
      message: `${context.owner}/${context.repo}@${context.sha.slice(0, 7)} to ${settings.environment}${settings.dryRun ? ' (dry run)' : ''}`
    })
    bus.emit({ type: 'info', stage: 'INIT', message: describeValidated(settings) })

    await walkPipeline(pipeline, cancel)
    // A phase that ignored the signal may have finished anyway; a crash is still a failure.
    const crash = crashOf(cancel)
    if (crash) throw crash
    if (settings.dryRun && pipeline.plan) {
      for (const line of describePlan(pipeline.plan)) core.info(line)
    }
  } catch (error) {
    const failure = cancel.aborted
      ? (crashOf(cancel) ??
        new DeployError('CANCELLED', 'the workflow was cancelled', { cause: error }))
      : asDeployError(error, 'DEPLOY_FAILED')
    bus.emit({
      type: 'error',
      stage: currentStage(bus),
      message: failure.message,
      error_code: failure.code,
      error_details: failure.details
    })
    const status = failure.code === 'CANCELLED' ? 'cancelled' : 'failure'
    return finish({ ...ending, run: pipeline, notifications, status, failure })
  }
  const status = settings.dryRun ? 'planned' : 'success'
  return finish({ ...ending, run: pipeline, notifications, status, failure: undefined })
}

/**
 * The failure the run was stopped for, when it was stopped by one rather than cancelled: the
 * entry point aborts the signal with a DeployError when the action crashes (src/crash.ts).
 */
function crashOf(signal: AbortSignal): DeployError | undefined {
  const reason: unknown = signal.reason
  return signal.aborted && reason instanceof DeployError && reason.code !== 'CANCELLED'
    ? reason
    : undefined
}

/**
 * DONE, for every ending: closes the GitHub Deployment, emits the `done` event, lets the status
 * card and the other sinks finish, then writes the outputs, the saved state and the job summary,
 * and fails the job when the run failed.
 */
async function finish(ending: Ending): Promise<RunStatus> {
  const { core, bus, run, status, failure } = ending
  if (run?.githubDeployment) {
    await run.githubDeployment
      .finish(
        status === 'success' ? 'success' : status === 'cancelled' ? 'inactive' : 'failure',
        run.state.deploymentUrl
      )
      .catch((error: unknown) => core.warning(`GitHub deployment status: ${String(error)}`))
  }

  if (run) {
    bus.emit({
      type: 'done',
      stage: 'DONE',
      status,
      message: doneMessage(status, run.settings, run.plan, run.state, failure),
      image_uris: run.state.images,
      ...(run.state.deploymentUrl ? { deployment_url: run.state.deploymentUrl } : {}),
      execution_time: Math.round((Date.now() - ending.started) / 1000)
    })
  }
  await bus.close()
  // After the close: the card's handles (its message ids) are known once it has been shown.
  const outputs = run
    ? outputsFor(run.settings, run.plan, run.state, status, ending.notifications?.handover?.())
    : { status: 'failure' as const }

  let strictFailure: string | undefined
  if (run && ending.notifications) {
    const notify = await import('./notify/index.js')
    // Already annotated by the sinks; here they only join the job summary.
    ending.warnings.push(...ending.notifications.warnings.lines)
    strictFailure = notify.strictNotificationFailure(run.settings, ending.notifications.warnings)
  }
  // The results go out one by one: a GITHUB_OUTPUT that cannot be written must not cost the
  // summary. What could not be written fails the step, unless the run failed already.
  const unwritten: string[] = []
  const attempt = (what: string, write: () => void): void => {
    try {
      write()
    } catch (error) {
      unwritten.push(`${what} not written: ${errorMessage(error)}`)
    }
  }
  if (run) {
    attempt('saved state', () =>
      saveRunState(core, {
        settings: run.settings,
        finished: true,
        status,
        githubDeploymentId: run.githubDeployment?.id
      })
    )
  }
  attempt('outputs', () => {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  })
  let reported = failure
  if (unwritten.length > 0 && !failure) {
    reported = new DeployError('DEPLOY_FAILED', unwritten.join('; '))
  } else {
    for (const problem of unwritten) {
      ending.warnings.push(problem)
      core.warning(problem)
    }
  }

  // Written for every ending, INIT's too: a run that stopped on its inputs lists the problems.
  await core.summary
    .addRaw(
      renderSummary({
        status,
        outputs,
        planLines: run?.plan && describePlan(run.plan),
        services: summaryServices(run),
        events: bus.events,
        warnings: ending.warnings,
        error: reported && {
          code: reported.code,
          message: reported.message,
          details: reported.details
        }
      })
    )
    .write()
    .catch((error: unknown) => core.warning(`job summary not written: ${String(error)}`))
  failJob(core, reported, strictFailure)
  return status
}

/** The summary's services: the plan's, or the settings' when the run ended before VERSION. */
function summaryServices(run: PipelineRun | undefined): SummaryService[] {
  if (!run) return []
  const services = run.plan?.services ?? run.settings.services
  return services.map(s => ({
    name: s.name,
    image: run.plan?.services.find(p => p.name === s.name)?.image?.reference,
    target: s.deploy && describeTarget(s.deploy)
  }))
}

function currentStage(bus: EventBus): Stage {
  const last = [...bus.events].reverse().find(e => e.type === 'stage')
  return last?.stage ?? 'INIT'
}

/** The status card, DM and event webhook sinks; trouble loading them is a warning. */
async function attachNotifications(
  bus: EventBus,
  run: PipelineRun,
  warn: (message: string) => void,
  call: NotifyTuning['call']
): Promise<Notifications | undefined> {
  try {
    const { notificationSinks } = await import('./notify/index.js')
    const notifications = await notificationSinks(run.settings, () => run.plan, run.core, { call })
    for (const sink of notifications.sinks) bus.attach(sink)
    return notifications
  } catch (error) {
    warn(`notifications disabled: ${errorMessage(error)}`)
    return undefined
  }
}
