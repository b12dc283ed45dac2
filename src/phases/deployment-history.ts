import {
  explainDeploymentError,
  listDeploymentStatuses,
  listDeployments
} from '../clients/github-deployments.js'
import { connectFor, usesGitHubApi } from '../clients/github.js'
import { DeployError } from '../errors.js'
import { readDeploymentRecord, type HistoryEntry } from '../plan/deployment-record.js'
import type { Settings } from '../settings/types.js'

/** Statuses are read this many deployments at a time. */
const STATUS_CONCURRENCY = 8

/**
 * An environment's recorded deployments, newest first: every page of its GitHub Deployments, the
 * ones whose payload holds a record this action wrote, each with when it succeeded or failed.
 * Unlike the best-effort deployment itself, this is what a rollback or the gate stands on: trouble
 * reading it fails the run before anything is changed.
 */
export async function readDeploymentHistory(
  settings: Settings,
  environment: string,
  signal?: AbortSignal
): Promise<HistoryEntry[]> {
  if (!usesGitHubApi(settings)) {
    throw new DeployError(
      'INVALID_INPUT',
      'the deployment history is read from GitHub Deployments: it needs github_token'
    )
  }
  const { owner, repo } = settings.context
  try {
    const api = await connectFor(settings)
    const listed = await listDeployments(api, owner, repo, environment, signal)
    const recorded = listed.flatMap(d => {
      const record = readDeploymentRecord(d.payload)
      return record && record.environment === environment ? [{ ...d, record }] : []
    })
    const entries: HistoryEntry[] = []
    for (let i = 0; i < recorded.length; i += STATUS_CONCURRENCY) {
      const batch = recorded.slice(i, i + STATUS_CONCURRENCY)
      const statuses = await Promise.all(
        batch.map(d => listDeploymentStatuses(api, owner, repo, d.id, signal))
      )
      batch.forEach((d, index) => {
        // Newest first: the first success is the one that counts; a later retry cannot undo it.
        const list = statuses[index] ?? []
        const success = [...list].reverse().find(s => s.state === 'success')
        const failed = [...list].reverse().find(s => s.state === 'failure' || s.state === 'error')
        entries.push({
          id: d.id,
          createdAt: d.createdAt,
          record: d.record,
          succeededAt: success?.createdAt,
          failedAt: failed?.createdAt
        })
      })
    }
    return entries
  } catch (error) {
    if (error instanceof DeployError) throw error
    throw explainDeploymentError(error, `reading the deployment history of ${environment}`)
  }
}
