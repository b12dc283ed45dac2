import type { DeployError } from '../errors.js'
import { asRecord } from '../runtime/retry.js'
import { MalformedAnswer, explainGitHubError, requireNumber, type GitHubApi } from './github.js'

/**
 * GitHub Deployments through the REST API: a deployment of one commit to one environment, and the
 * statuses that show on the repository's Environments page (in_progress, then success, failure,
 * error or inactive).
 */
export type DeploymentState = 'success' | 'failure' | 'inactive' | 'error'

export interface NewDeployment {
  readonly owner: string
  readonly repo: string
  readonly commit: string
  readonly environment: string
  /** Up to 140 characters. */
  readonly description: string
  /** The run's deployment_id and what else the payload carries (the deployment record). */
  readonly payload: Readonly<Record<string, unknown>>
  readonly production: boolean
}

export interface DeploymentStatus {
  readonly owner: string
  readonly repo: string
  readonly deploymentId: number
  readonly state: DeploymentState | 'in_progress'
  /** The workflow run, linked from the status. */
  readonly logUrl: string | undefined
  /** Where the deployed service answers. */
  readonly environmentUrl: string | undefined
}

/** Creates the deployment; its id. */
export async function createDeployment(
  api: GitHubApi,
  deployment: NewDeployment,
  signal?: AbortSignal
): Promise<number> {
  const { owner, repo, environment } = deployment
  const describe = `create a deployment to ${environment}`
  return api.call(
    describe,
    (o, s) =>
      o.rest.repos.createDeployment({
        owner,
        repo,
        ref: deployment.commit,
        environment,
        task: 'deploy',
        description: deployment.description,
        payload: { ...deployment.payload },
        // The deploy is decided already: no merging of the default branch, no status checks.
        auto_merge: false,
        required_contexts: [],
        production_environment: deployment.production,
        transient_environment: false,
        request: { signal: s }
      }),
    // 202 answers {message} instead of a deployment (a merge was attempted): malformed for us.
    data => requireNumber(asRecord(data).id, describe, 'a created deployment with an id'),
    signal
  )
}

export async function setDeploymentStatus(
  api: GitHubApi,
  status: DeploymentStatus,
  signal?: AbortSignal
): Promise<void> {
  const { owner, repo, deploymentId, state, logUrl, environmentUrl } = status
  const describe = `set deployment ${deploymentId} ${state}`
  await api.call(
    describe,
    (o, s) =>
      o.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: DESCRIPTIONS[state],
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        // Only a success supersedes the environment's earlier deployment: after a failure the
        // previous one is still what runs there.
        auto_inactive: state === 'success',
        request: { signal: s }
      }),
    data => requireNumber(asRecord(data).id, describe, 'a deployment status with an id'),
    signal
  )
}

const DESCRIPTIONS: Record<DeploymentState | 'in_progress', string> = {
  in_progress: 'Deploy Pipeline is deploying',
  success: 'Deployed',
  failure: 'The deployment failed',
  error: 'The deployment could not run',
  inactive: 'The deployment was cancelled or superseded'
}

/** A failed Deployments call as a DeployError naming the permission it needs. */
export function explainDeploymentError(error: unknown, doing: string): DeployError {
  return explainGitHubError(error, {
    doing,
    code: 'DEPLOY_FAILED',
    permission: 'deployments: write'
  })
}

/** One deployment of an environment's history, as GitHub lists it; the payload unread. */
export interface ListedDeployment {
  readonly id: number
  readonly sha: string
  readonly createdAt: string
  readonly payload: unknown
}

export interface ListedStatus {
  readonly state: string
  readonly createdAt: string
}

/** Every deployment of `environment`, newest first, through every page. */
export async function listDeployments(
  api: GitHubApi,
  owner: string,
  repo: string,
  environment: string,
  signal?: AbortSignal
): Promise<ListedDeployment[]> {
  return api.paginate(
    `list deployments to ${environment}`,
    'GET /repos/{owner}/{repo}/deployments',
    { owner, repo, environment, per_page: 100 },
    (data, describe) => listOf(data, describe).map(d => listedDeployment(d, describe)),
    signal
  )
}

/** A deployment's statuses, newest first. */
export async function listDeploymentStatuses(
  api: GitHubApi,
  owner: string,
  repo: string,
  deploymentId: number,
  signal?: AbortSignal
): Promise<ListedStatus[]> {
  return api.paginate(
    `list the statuses of deployment ${deploymentId}`,
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    { owner, repo, deployment_id: deploymentId, per_page: 100 },
    (data, describe) =>
      listOf(data, describe).map(item => {
        const s = asRecord(item)
        return { state: String(s.state), createdAt: String(s.created_at ?? '') }
      }),
    signal
  )
}

function listOf(data: unknown, describe: string): unknown[] {
  if (!Array.isArray(data)) throw new MalformedAnswer(describe, 'a list')
  return data
}

function listedDeployment(item: unknown, describe: string): ListedDeployment {
  const d = asRecord(item)
  return {
    id: requireNumber(d.id, describe, 'deployments with ids'),
    sha: String(d.sha ?? ''),
    createdAt: String(d.created_at ?? ''),
    payload: d.payload
  }
}
