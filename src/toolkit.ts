import type * as actionsCore from '@actions/core'

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
