import type * as actionsCore from '@actions/core'
import { StopCommandsBlock, asOwnOutput, inert } from './runtime/inert-output.js'

/**
 * The part of @actions/core the action uses. Passed in rather than imported where it is used, so
 * tests hand in a recording fake instead of mocking modules (the slack-github-action habit).
 */
export type Toolkit = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setOutput'
  | 'setSecret'
  | 'setFailed'
  | 'info'
  | 'debug'
  | 'notice'
  | 'warning'
  | 'error'
  | 'startGroup'
  | 'endGroup'
  | 'saveState'
  | 'getState'
> & { readonly summary: JobSummary }

/** The job summary as the action writes it: raw markdown, appended. @actions/core's fits. */
export interface JobSummary {
  addRaw(text: string, addEOL?: boolean): JobSummary
  write(options?: { overwrite?: boolean }): Promise<JobSummary>
}

/** The toolkit the run works with: whatever it prints, the runner executes only our commands. */
export interface SafeToolkit extends Toolkit {
  /** One line of a process we do not control (a builder), shown inside a stop-commands block. */
  processOutput(line: string): void
}

const safe = new WeakSet<SafeToolkit>()

/**
 * The one chokepoint between the run's text and the runner. `info` is the only @actions/core call
 * that writes text raw (annotations, debug and groups escape their data onto one line), so it
 * makes each line inert; builder output goes into stop-commands blocks, and every other call
 * closes the open block first. Calls into core are marked as our own output for the stream guard
 * (runtime/inert-output.ts). Wrapping twice is wrapping once.
 */
export function safeToolkit(core: Toolkit): SafeToolkit {
  if (safe.has(core as SafeToolkit)) return core as SafeToolkit
  const block = new StopCommandsBlock(line => asOwnOutput(() => core.info(line)))
  const own =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      block.close()
      return asOwnOutput(() => call(...args))
    }
  const wrapped: SafeToolkit = {
    getInput: (...args) => core.getInput(...args),
    getState: (...args) => core.getState(...args),
    summary: core.summary,
    setOutput: own(core.setOutput.bind(core)),
    setSecret: own(core.setSecret.bind(core)),
    setFailed: own(core.setFailed.bind(core)),
    info: own((message: string) => core.info(inert(message))),
    debug: own(core.debug.bind(core)),
    notice: own(core.notice.bind(core)),
    warning: own(core.warning.bind(core)),
    error: own(core.error.bind(core)),
    startGroup: own(core.startGroup.bind(core)),
    endGroup: own(core.endGroup.bind(core)),
    saveState: own(core.saveState.bind(core)),
    processOutput: line => block.line(line)
  }
  safe.add(wrapped)
  return wrapped
}
