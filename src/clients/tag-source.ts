import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import { localTagSource, type TagSource } from './git.js'
import { connectFor, usesGitHubApi, type GitHubAccess, type GitHubTuning } from './github.js'
import { githubTagSource } from './github-tags.js'

/** What of the run's settings picks the tag source: GitHub's access, the repository, the checkout. */
export interface TagSourceSettings extends GitHubAccess {
  readonly context: GitHubAccess['context'] & {
    readonly owner: string
    readonly repo: string
    readonly workspace: string
  }
}

/**
 * The tags the planner reads: through the GitHub API when the run has a token and a GitHub,
 * else from the local repository. `info`, when given, gets a line for each retried call: a
 * throttled GitHub is then visible in the log instead of a silent pause.
 */
export async function tagSourceFor(
  settings: TagSourceSettings,
  options: { info?: (line: string) => void; tuning?: GitHubTuning } = {}
): Promise<TagSource> {
  if (!usesGitHubApi(settings)) return localTagSource(settings.context.workspace)
  const { owner, repo } = settings.context
  const { info, tuning } = options
  const onRetry = info ? (retry: RetryNotice) => info(describeRetry(retry)) : undefined
  return githubTagSource(await connectFor(settings, tuning, onRetry), owner, repo)
}
