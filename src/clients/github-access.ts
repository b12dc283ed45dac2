import { headerValue, httpStatus } from '../runtime/retry.js'
import { githubMessage, MalformedAnswer, type GitHubApi } from './github.js'

/**
 * What a token may do in a repository, as far as GitHub tells it without a write.
 *
 * Only classic personal access tokens and OAuth tokens say it: every answer carries their scopes
 * in `X-OAuth-Scopes`, and `permissions` in the repository is their user's. A GITHUB_TOKEN, an app
 * token or a fine-grained token sends no scopes, and `permissions` there describes a user, not the
 * token (all false for a GITHUB_TOKEN), so it is not read. For those, a 403 on a read is the only
 * read-only signal (a `deployments: none` token cannot list deployments); write permissions cannot
 * be told apart from read ones without writing.
 */
export interface RepositoryAccess {
  /** The token's OAuth scopes; undefined for a token that has permissions instead of scopes. */
  readonly scopes: readonly string[] | undefined
  readonly private: boolean
  /** Whether the token's user may push; only known for scoped tokens. */
  readonly userCanPush: boolean | undefined
}

export async function readRepositoryAccess(
  api: GitHubApi,
  owner: string,
  repo: string,
  signal?: AbortSignal
): Promise<RepositoryAccess> {
  const describe = `GET /repos/${owner}/${repo}`
  return api.call(
    describe,
    async (octokit, s) => {
      const response = await octokit.request('GET /repos/{owner}/{repo}', {
        owner,
        repo,
        request: { signal: s }
      })
      return {
        data: { body: response.data, scopes: headerValue(response.headers, 'x-oauth-scopes') }
      }
    },
    data => {
      const { body, scopes } = data as { body: unknown; scopes: string | undefined }
      const fields = body as { private?: unknown; permissions?: { push?: unknown } } | null
      if (!fields || typeof fields.private !== 'boolean') {
        throw new MalformedAnswer(describe, 'a repository')
      }
      const scoped = scopes !== undefined
      return {
        scopes: scoped ? splitScopes(scopes) : undefined,
        private: fields.private,
        userCanPush: scoped ? fields.permissions?.push === true : undefined
      }
    },
    signal
  )
}

/** Whether the token may list the repository's deployments: false on a 403, true on an answer. */
export async function canReadDeployments(
  api: GitHubApi,
  owner: string,
  repo: string,
  signal?: AbortSignal
): Promise<boolean> {
  try {
    await api.call(
      `GET /repos/${owner}/${repo}/deployments`,
      (octokit, s) =>
        octokit.request('GET /repos/{owner}/{repo}/deployments', {
          owner,
          repo,
          per_page: 1,
          request: { signal: s }
        }),
      () => undefined,
      signal
    )
    return true
  } catch (error) {
    // A rate limit is a 403 too, and says nothing about the permission.
    if (httpStatus(error) === 403 && !/rate limit/i.test(githubMessage(error))) return false
    throw error
  }
}

function splitScopes(header: string): string[] {
  return header
    .split(',')
    .map(scope => scope.trim())
    .filter(scope => scope !== '')
}
