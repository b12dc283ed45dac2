import { asRecord } from '../runtime/retry.js'
import { githubMessage, type GitHubApi } from './github.js'

/**
 * Who a run belongs to, as GitHub knows it: a user's public profile e-mail and a commit's author
 * e-mail (the git commit object: no diff in the answer). Reads only; a failure throws an Error
 * with GitHub's own message.
 */

/** The login's public profile e-mail; undefined when the user keeps it private. */
export async function profileEmail(api: GitHubApi, login: string): Promise<string | undefined> {
  return read(
    api,
    `read ${login}'s profile`,
    (o, s) => o.rest.users.getByUsername({ username: login, request: { signal: s } }),
    data => asRecord(data).email
  )
}

/** The author e-mail of a commit of owner/repo. */
export async function commitAuthorEmail(
  api: GitHubApi,
  owner: string,
  repo: string,
  sha: string
): Promise<string | undefined> {
  return read(
    api,
    `read commit ${sha.slice(0, 7)}`,
    (o, s) => o.rest.git.getCommit({ owner, repo, commit_sha: sha, request: { signal: s } }),
    data => asRecord(asRecord(data).author).email
  )
}

async function read(
  api: GitHubApi,
  describe: string,
  request: Parameters<GitHubApi['call']>[1],
  field: (data: unknown) => unknown
): Promise<string | undefined> {
  try {
    const value = await api.call(describe, request, field)
    return typeof value === 'string' && value !== '' ? value : undefined
  } catch (error) {
    throw new Error(githubMessage(error), { cause: error })
  }
}
