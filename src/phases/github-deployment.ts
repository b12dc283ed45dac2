import {
  asRecord,
  connectFor,
  explainGitHubError,
  requireNumber,
  type GitHubApi,
  type GitHubTuning,
  usesGitHubApi
} from '../clients/github.js'
import { errorMessage } from '../errors.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'

/**
 * A GitHub Deployment per run, so the repository's Environments page shows what runs where: created
 * for the environment on the deployed commit, then in_progress, then success (with the URL the
 * deploy reports), failure, error or inactive. Best effort throughout: a token without
 * `deployments: write`, or GitHub having a bad minute, costs a warning, never the deploy.
 */
export type DeploymentState = 'success' | 'failure' | 'inactive' | 'error'

export interface GitHubDeployment {
  readonly id: number
  finish(status: DeploymentState, environmentUrl?: string): Promise<void>
}

const PERMISSION = 'deployments: write'

export async function startGitHubDeployment(
  settings: Settings,
  plan: Plan,
  warn: (message: string) => void,
  tuning?: GitHubTuning
): Promise<GitHubDeployment | undefined> {
  if (plan.dryRun || !usesGitHubApi(settings)) return undefined
  const { owner, repo } = settings.context
  try {
    const api = await connectFor(settings, tuning)
    const describe = `create a deployment to ${plan.environment}`
    const id = await api.call(
      describe,
      (o, s) =>
        o.rest.repos.createDeployment({
          owner,
          repo,
          ref: plan.commit,
          environment: plan.environment,
          task: 'deploy',
          description: `${plan.version.imageTag} (${plan.deploymentId})`.slice(0, 140),
          payload: { deployment_id: plan.deploymentId },
          // The deploy is decided already: no merging of the default branch, no status checks.
          auto_merge: false,
          required_contexts: [],
          production_environment: plan.environment === 'prod',
          transient_environment: false,
          request: { signal: s }
        }),
      // 202 answers {message} instead of a deployment (a merge was attempted): malformed for us.
      data => requireNumber(asRecord(data).id, describe, 'a created deployment with an id'),
      undefined
    )
    await postStatus(api, settings, id, 'in_progress', undefined)
    return {
      id,
      finish: async (status, environmentUrl) => {
        await postStatus(api, settings, id, status, environmentUrl).catch(error =>
          warn(deploymentWarning(error, `marking deployment ${id} ${status}`))
        )
      }
    }
  } catch (error) {
    warn(deploymentWarning(error, `creating a deployment to ${plan.environment}`))
    return undefined
  }
}

/**
 * Sets the final status of a deployment a previous step created (the post step after a cancel).
 * Warns through `warn` when given; without it, the failure is thrown to the caller.
 */
export async function markGitHubDeployment(
  settings: Settings,
  deploymentId: number,
  status: DeploymentState,
  environmentUrl?: string,
  warn?: (message: string) => void,
  tuning?: GitHubTuning
): Promise<void> {
  if (!usesGitHubApi(settings)) return
  try {
    const api = await connectFor(settings, tuning)
    await postStatus(api, settings, deploymentId, status, environmentUrl)
  } catch (error) {
    const message = deploymentWarning(error, `marking deployment ${deploymentId} ${status}`)
    if (!warn) throw new Error(message, { cause: error })
    warn(message)
  }
}

async function postStatus(
  api: GitHubApi,
  settings: Settings,
  deploymentId: number,
  state: DeploymentState | 'in_progress',
  environmentUrl: string | undefined
): Promise<void> {
  const { owner, repo, runUrl } = settings.context
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
        ...(runUrl ? { log_url: runUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        // Only a success supersedes the environment's earlier deployment: after a failure the
        // previous one is still what runs there.
        auto_inactive: state === 'success',
        request: { signal: s }
      }),
    data => requireNumber(asRecord(data).id, describe, 'a deployment status with an id'),
    undefined
  )
}

const DESCRIPTIONS: Record<DeploymentState | 'in_progress', string> = {
  in_progress: 'Deploy Pipeline is deploying',
  success: 'Deployed',
  failure: 'The deployment failed',
  error: 'The deployment could not run',
  inactive: 'The deployment was cancelled or superseded'
}

function deploymentWarning(error: unknown, doing: string): string {
  const explained = explainGitHubError(error, {
    doing,
    code: 'DEPLOY_FAILED',
    permission: PERMISSION
  })
  return `GitHub Deployments (best effort, the deploy goes on): ${errorMessage(explained)}`
}
