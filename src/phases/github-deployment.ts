import {
  createDeployment,
  explainDeploymentError,
  setDeploymentStatus,
  type DeploymentState
} from '../clients/github-deployments.js'
import { connectFor, type GitHubApi, type GitHubTuning, usesGitHubApi } from '../clients/github.js'
import { errorMessage } from '../errors.js'
import { describeRetry } from '../runtime/retry.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'

/**
 * A GitHub Deployment per run, so the repository's Environments page shows what runs where: created
 * for the environment on the deployed commit, then in_progress, then success (with the URL the
 * deploy reports), failure, error or inactive. Best effort throughout: a token without
 * `deployments: write`, or GitHub having a bad minute, costs a warning, never the deploy.
 */
export interface GitHubDeployment {
  readonly id: number
  finish(status: DeploymentState, environmentUrl?: string): Promise<void>
}

/** Where the best-effort calls report: warnings for what was lost, info for each retry. */
export interface DeploymentLog {
  warn(message: string): void
  info(message: string): void
}

/**
 * Bounds of these calls. They run ahead of DEPLOY and after it, outside any phase deadline, and
 * only decorate the run: a throttled GitHub gets one more try after a short wait, never the
 * minutes the default bounds allow (5 attempts, Retry-After up to 90 s).
 */
const BEST_EFFORT = { attempts: 2, maxRetryAfterMs: 10_000, attemptTimeoutMs: 10_000 }

function bestEffort(tuning: GitHubTuning = {}): GitHubTuning {
  return {
    ...tuning,
    attempts: Math.min(tuning.attempts ?? BEST_EFFORT.attempts, BEST_EFFORT.attempts),
    maxRetryAfterMs: Math.min(
      tuning.maxRetryAfterMs ?? BEST_EFFORT.maxRetryAfterMs,
      BEST_EFFORT.maxRetryAfterMs
    ),
    attemptTimeoutMs: Math.min(
      tuning.attemptTimeoutMs ?? BEST_EFFORT.attemptTimeoutMs,
      BEST_EFFORT.attemptTimeoutMs
    )
  }
}

/**
 * Creates the deployment and marks it in_progress. `signal` is the run's cancel: a cancel while
 * GitHub is slow ends the wait at once and the deploy phase sees the cancel. Once the deployment
 * exists its handle is returned even if in_progress could not be set, so that it still gets its
 * final status.
 */
export async function startGitHubDeployment(
  settings: Settings,
  plan: Plan,
  log: DeploymentLog,
  signal?: AbortSignal,
  tuning?: GitHubTuning,
  /** The deployment record (src/plan/deployment-record.ts); without it, only the run's id. */
  payload: Readonly<Record<string, unknown>> = { deployment_id: plan.deploymentId }
): Promise<GitHubDeployment | undefined> {
  if (plan.dryRun || !usesGitHubApi(settings)) return undefined
  const { owner, repo } = settings.context
  let id: number
  let api: GitHubApi
  try {
    api = await connectFor(settings, bestEffort(tuning), retry => log.info(describeRetry(retry)))
    id = await createDeployment(
      api,
      {
        owner,
        repo,
        commit: plan.commit,
        environment: plan.environment,
        description: deploymentDescription(plan),
        payload,
        production: plan.environment === 'prod'
      },
      signal
    )
  } catch (error) {
    if (signal?.aborted) log.info('GitHub Deployments: cancelled before a deployment was created')
    else log.warn(deploymentWarning(error, `creating a deployment to ${plan.environment}`))
    return undefined
  }
  await postStatus(api, settings, id, 'in_progress', undefined, signal).catch(error => {
    if (!signal?.aborted) log.warn(deploymentWarning(error, `marking deployment ${id} in_progress`))
  })
  return {
    id,
    // No cancel signal here: after a cancel this is what marks the deployment inactive.
    finish: async (status, environmentUrl) => {
      await postStatus(api, settings, id, status, environmentUrl).catch(error =>
        log.warn(deploymentWarning(error, `marking deployment ${id} ${status}`))
      )
    }
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
    const api = await connectFor(settings, bestEffort(tuning))
    await postStatus(api, settings, deploymentId, status, environmentUrl)
  } catch (error) {
    const message = deploymentWarning(error, `marking deployment ${deploymentId} ${status}`)
    if (!warn) throw new Error(message, { cause: error })
    warn(message)
  }
}

function postStatus(
  api: GitHubApi,
  settings: Settings,
  deploymentId: number,
  state: DeploymentState | 'in_progress',
  environmentUrl: string | undefined,
  signal?: AbortSignal
): Promise<void> {
  const { owner, repo, runUrl } = settings.context
  return setDeploymentStatus(
    api,
    { owner, repo, deploymentId, state, logUrl: runUrl, environmentUrl },
    signal
  )
}

function deploymentWarning(error: unknown, doing: string): string {
  const explained = explainDeploymentError(error, doing)
  return `GitHub Deployments (best effort, the deploy goes on): ${errorMessage(explained)}`
}

/** What GitHub's deployments list shows of this run: the image tag, or what a rollback did. */
function deploymentDescription(plan: Plan): string {
  const r = plan.rollback
  const what = r
    ? `rollback to ${r.to.label}${r.from ? `, rolled back from ${r.from.label}` : ''}`
    : plan.version.imageTag
  return `${what} (${plan.deploymentId})`.slice(0, 140)
}
