import { runStep, type StepOptions } from './crash.js'
import { DeployError } from './errors.js'
import { run } from './main.js'
import { CANCEL_STATE_KEY } from './run-state.js'
import { guardOutputStreams, writeStdoutDirectly } from './runtime/inert-output.js'
import { workflowCommands as core } from './runtime/workflow-commands.js'
import { safeToolkit } from './toolkit.js'

/** The main step (dist/index.js). */
export async function runMain(options: StepOptions = {}): Promise<void> {
  const toolkit = safeToolkit(core)
  await runStep(
    'main',
    toolkit,
    async ({ crashed }) => {
      // Text that reaches stdout or stderr without passing the toolkit (a library's
      // console.warn) cannot become a workflow command either.
      guardOutputStreams()
      // The runner's `node dist/index.js`: fd 1 is ours, and the toolkit writes to it itself.
      if (options.ownsProcess) writeStdoutDirectly()
      // The runner cancels a job with SIGINT, then SIGTERM, then a kill: the first signal asks
      // every phase to stop (and roll back what it started), so the run can still report itself
      // cancelled.
      const cancel = new AbortController()
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          toolkit.saveState(CANCEL_STATE_KEY, 'true')
          toolkit.info(`Received ${signal}: cancelling the deployment`)
          cancel.abort(new DeployError('CANCELLED', `the workflow was cancelled (${signal})`))
        })
      }
      // A crash stops the phases the way a cancel does, but is reported as the failure it is.
      const stop = AbortSignal.any([cancel.signal, crashed])
      const status = await run(toolkit, { signal: stop })
      // Never back to 0: finish() may have failed the step after a successful run (outputs that
      // could not be written, notify_strict).
      if (status !== 'success' && status !== 'planned') process.exitCode = 1
    },
    options
  )
}
