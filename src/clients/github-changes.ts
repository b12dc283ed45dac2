import { asRecord } from '../runtime/retry.js'
import { MalformedAnswer, requireNumber, requireString, type GitHubApi } from './github.js'

/**
 * What changed since the environment's last deployment, through the REST API: the newest
 * deployment of this action to the environment that reached `success` (GitHub Deployments), and
 * the files changed between two commits (compare, every page).
 */

/** Deployments of this action carry the run's deployment_id in their payload. */
const OURS = /^dep_/
/** Pages of deployments read (newest first) before giving up on finding a successful one. */
const DEPLOYMENT_PAGES = 3
/** GitHub lists at most this many files of a comparison; a list this long may be cut. */
export const COMPARE_FILE_CAP = 300

export interface LastDeployment {
  readonly id: number
  readonly sha: string
}

/**
 * The newest deployment of this action to `environment` with a `success` status (a later
 * `inactive`, which the next success sets, does not undo that it succeeded); undefined when none.
 */
export async function lastSuccessfulDeployment(
  api: GitHubApi,
  owner: string,
  repo: string,
  environment: string,
  signal?: AbortSignal
): Promise<LastDeployment | undefined> {
  for (let page = 1; page <= DEPLOYMENT_PAGES; page++) {
    const describe = `list deployments to ${environment} (page ${page})`
    const deployments = await api.call(
      describe,
      (o, s) =>
        o.rest.repos.listDeployments({
          owner,
          repo,
          environment,
          per_page: 100,
          page,
          request: { signal: s }
        }),
      data => parseDeployments(data, describe),
      signal
    )
    for (const deployment of deployments.filter(d => d.ours)) {
      if (await succeeded(api, owner, repo, deployment.id, signal)) {
        return { id: deployment.id, sha: deployment.sha }
      }
    }
    if (deployments.length < 100) return undefined
  }
  return undefined
}

async function succeeded(
  api: GitHubApi,
  owner: string,
  repo: string,
  id: number,
  signal?: AbortSignal
): Promise<boolean> {
  const describe = `list the statuses of deployment ${id}`
  const states = await api.paginate(
    describe,
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    { owner, repo, deployment_id: id, per_page: 100 },
    (data, page) => {
      if (!Array.isArray(data)) throw new MalformedAnswer(page, 'a list of statuses')
      return data.map(status => requireString(asRecord(status).state, page, 'a status state'))
    },
    signal
  )
  return states.includes('success')
}

function parseDeployments(
  data: unknown,
  describe: string
): Array<{ id: number; sha: string; ours: boolean }> {
  if (!Array.isArray(data)) throw new MalformedAnswer(describe, 'a list of deployments')
  return data.map(item => {
    const deployment = asRecord(item)
    const payload = asRecord(deployment.payload)
    return {
      id: requireNumber(deployment.id, describe, 'a deployment id'),
      sha: requireString(deployment.sha, describe, 'a deployment sha'),
      ours:
        deployment.task === 'deploy' &&
        typeof payload.deployment_id === 'string' &&
        OURS.test(payload.deployment_id)
    }
  })
}

/**
 * The files changed from `base` to `head` (every page of the comparison; GitHub lists the files
 * with the first); undefined when the list may be cut at GitHub's cap.
 */
export async function changedFilesBetween(
  api: GitHubApi,
  owner: string,
  repo: string,
  base: string,
  head: string,
  signal?: AbortSignal
): Promise<string[] | undefined> {
  const files = await api.paginate(
    `compare ${base.slice(0, 7)}...${head.slice(0, 7)}`,
    'GET /repos/{owner}/{repo}/compare/{basehead}',
    { owner, repo, basehead: `${base}...${head}`, per_page: 100 },
    (data, describe) => {
      const listed = asRecord(data).files ?? []
      if (!Array.isArray(listed)) throw new MalformedAnswer(describe, 'a list of files')
      return listed.flatMap(file => {
        const entry = asRecord(file)
        const name = requireString(entry.filename, describe, 'a file name')
        // A rename changes both places.
        return typeof entry.previous_filename === 'string'
          ? [name, entry.previous_filename]
          : [name]
      })
    },
    signal
  )
  const unique = [...new Set(files)]
  return unique.length >= COMPARE_FILE_CAP ? undefined : unique
}
