import { runStep, type StepOptions } from './crash.js'
import type { EventInput, PipelineEvent } from './events/model.js'
import { errorMessage } from './errors.js'
import { failJob } from './outputs.js'
import { CANCEL_STATE_KEY, readRunState } from './run-state.js'
import { guardOutputStreams, writeStdoutDirectly } from './runtime/inert-output.js'
import { workflowCommands } from './runtime/workflow-commands.js'
import { safeToolkit } from './toolkit.js'

// The post step prints what main left (event messages, server errors): the same guard as main.
const core = safeToolkit(workflowCommands)

/**
 * The post step (post-if: always()). When main finished, it only cleans up. When main never
 * reached a final state (cancelled, crashed, killed at a timeout), it finishes the story main could
 * not: the event log, the status card and direct message, and the GitHub deployment. It loads only
 * what the saved state says is owed, so after a dry run it costs little more than starting Node.
 */
export async function runPost(options: StepOptions = {}): Promise<void> {
  await runStep('post', core, () => finishWhatMainLeft(options), options)
}

async function finishWhatMainLeft(options: StepOptions): Promise<void> {
  guardOutputStreams()
  // The runner's `node dist/post.js`: fd 1 is ours, and the toolkit writes to it itself.
  if (options.ownsProcess) writeStdoutDirectly()
  const state = readRunState(core)
  if (!state.run) {
    // Nothing saved: main stopped before it read valid settings, and nothing was started.
    if (state.problem) core.warning(`${state.problem}; the post step has nothing to go on`)
    return
  }
  const saved = state.run
  if (saved.registryAuth) {
    try {
      const { removeRegistryAuth } = await import('./clients/registry-auth.js')
      await removeRegistryAuth(saved.tempDir)
    } catch (error) {
      core.warning(`registry credentials not cleaned up: ${String(error)}`)
    }
  }
  if (saved.helmValues) {
    try {
      const { removeSecretValuesDir } = await import('./clients/helm.js')
      removeSecretValuesDir(saved.tempDir)
    } catch (error) {
      core.warning(`helm values files not cleaned up: ${String(error)}`)
    }
  }
  if (saved.finished) {
    // Only in a debug log: the first line written opens stdout, a tenth of this step's startup.
    if (process.env.RUNNER_DEBUG === '1') {
      core.debug(
        `Deployment ${saved.deploymentId}: main reported it (${saved.status}); nothing left`
      )
    }
    return
  }

  const cancelled = core.getState(CANCEL_STATE_KEY) === 'true'
  const status = cancelled ? 'cancelled' : 'failure'
  const reason = cancelled
    ? 'the workflow was cancelled before the deployment finished'
    : 'the main step ended without reporting a result (crashed or killed)'
  core.info(`Deployment ${saved.deploymentId}: ${reason}; reporting it as ${status}`)
  const events = await closeEventLog(saved.eventsFile, [
    {
      type: 'error',
      stage: 'DONE',
      message: reason,
      error_code: cancelled ? 'CANCELLED' : 'DEPLOY_FAILED'
    },
    { type: 'done', stage: 'DONE', status, message: status }
  ])
  try {
    const { finishFromPost } = await import('./notify/post.js')
    await finishFromPost(core, { events, cancelRequested: cancelled }, process.env)
  } catch (error) {
    core.warning(`status card not finished: ${String(error)}`)
  }
  if (saved.githubDeploymentId) await markDeployment(saved.githubDeploymentId, cancelled)
  if (!cancelled) failJob(core, { code: 'DEPLOY_FAILED', message: reason })
}

/**
 * The log as main left it, plus the end main never wrote, for the status card. A log with bad
 * lines or that cannot be written costs a warning: the card and the deployment still get finished.
 * The reader is loaded only here, for a run main did not finish: it brings valibot with it.
 */
async function closeEventLog(path: string, end: readonly EventInput[]): Promise<PipelineEvent[]> {
  const { appendEvents, readEventLog } = await import('./events/event-log.js')
  const log = readEventLog(path)
  if (log.problems.length > 0) {
    const shown = log.problems.slice(0, 5).join('; ')
    core.warning(`events file ${path}: ${log.problems.length} line(s) skipped: ${shown}`)
  }
  try {
    return [...log.events, ...appendEvents(path, end)]
  } catch (error) {
    core.warning(`events file ${path} not closed: ${errorMessage(error)}`)
    return [...log.events]
  }
}

/** The GitHub Deployment main left in_progress: inactive after a cancel, error after a crash. */
async function markDeployment(id: number, cancelled: boolean): Promise<void> {
  try {
    const { readSettings } = await import('./settings/index.js')
    const { markGitHubDeployment } = await import('./phases/github-deployment.js')
    const settings = await readSettings(core)
    await markGitHubDeployment(settings, id, cancelled ? 'inactive' : 'error', undefined, message =>
      core.warning(message)
    )
  } catch (error) {
    core.warning(`GitHub deployment ${id} not marked: ${errorMessage(error)}`)
  }
}
