import { usesGitHubApi } from '../clients/github.js'
import type { EventBus } from '../events/bus.js'
import { narrowPlan, type ChangedFiles } from '../plan/changes.js'
import { highest, versionTags } from '../plan/tags.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'

/**
 * changed_only: finds the commit the environment last ran (its newest successful deployment of
 * this action; else the previous tag of the channel), lists the files changed since, and narrows
 * the plan to the services they touch (plan/changes.ts). Read-only: GitHub's API when the run has
 * a token, the local repository otherwise.
 */
export async function planChangedOnly(
  settings: Settings,
  plan: Plan,
  bus: EventBus,
  signal: AbortSignal
): Promise<Plan> {
  const changes = await changedFiles(settings, plan, signal).catch(async (error: unknown) => {
    const { explainGitHubError } = await import('../clients/github.js')
    throw explainGitHubError(error, {
      doing: `finding what changed since the last deployment to ${plan.environment}`,
      code: 'DEPLOY_FAILED',
      permission: 'deployments: read, contents: read'
    })
  })
  const narrowed = narrowPlan(plan, settings.services, changes)
  const summary = narrowed.changes
  if (summary) {
    const base = summary.base
      ? `${summary.base.slice(0, 7)} (${summary.baseFrom})`
      : summary.baseFrom
    bus.emit({
      type: 'info',
      stage: 'VERSION',
      message: `changed only: ${summary.changed.length} of ${plan.services.length} services run, compared with ${base}`
    })
    for (const left of summary.unchanged) {
      bus.emit({ type: 'info', stage: 'VERSION', message: `${left.name} left out: ${left.reason}` })
    }
  }
  return narrowed
}

async function changedFiles(
  settings: Settings,
  plan: Plan,
  signal: AbortSignal
): Promise<ChangedFiles> {
  const base = await baseCommit(settings, plan, signal)
  if (!base) {
    const tag = plan.version.channel === 'stable' ? 'stable' : plan.version.channel
    return {
      base: undefined,
      baseFrom: `no successful deployment to ${plan.environment} and no earlier ${tag} tag`,
      files: undefined
    }
  }
  if (base.sha === plan.commit) return { base: base.sha, baseFrom: base.from, files: [] }
  const { owner, repo, workspace } = settings.context
  if (usesGitHubApi(settings)) {
    const [{ connectFor }, { changedFilesBetween, COMPARE_FILE_CAP }] = await Promise.all([
      import('../clients/github.js'),
      import('../clients/github-changes.js')
    ])
    const api = await connectFor(settings)
    const files = await changedFilesBetween(api, owner, repo, base.sha, plan.commit, signal)
    return {
      base: base.sha,
      baseFrom: base.from,
      files,
      unknown: `GitHub lists at most ${COMPARE_FILE_CAP} changed files and this comparison reached that`
    }
  }
  const { localChangedFiles } = await import('../clients/git.js')
  return {
    base: base.sha,
    baseFrom: base.from,
    files: await localChangedFiles(workspace, base.sha, plan.commit, signal),
    unknown: `${base.sha.slice(0, 7)} is not in the local clone (check out with fetch-depth: 0)`
  }
}

/** The environment's last successful deployment of this action, else the channel's previous tag. */
async function baseCommit(
  settings: Settings,
  plan: Plan,
  signal: AbortSignal
): Promise<{ sha: string; from: string } | undefined> {
  const { owner, repo } = settings.context
  if (usesGitHubApi(settings)) {
    const [{ connectFor }, { lastSuccessfulDeployment }] = await Promise.all([
      import('../clients/github.js'),
      import('../clients/github-changes.js')
    ])
    const api = await connectFor(settings)
    const last = await lastSuccessfulDeployment(api, owner, repo, plan.environment, signal)
    if (last) {
      return {
        sha: last.sha,
        from: `the last successful deployment to ${plan.environment}, #${last.id}`
      }
    }
  }
  const { tagSourceFor } = await import('../clients/tag-source.js')
  const tags = await (await tagSourceFor(settings)).listTags(signal)
  const previous = highest(
    versionTags(tags).filter(t => t.channel === plan.version.channel && t.sha !== plan.commit)
  )
  return (
    previous && {
      sha: previous.sha,
      from: `the previous ${plan.version.channel} tag ${previous.name}`
    }
  )
}
