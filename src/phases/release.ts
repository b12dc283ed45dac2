import { createLocalTag, localTagSource } from '../clients/git.js'
import { connectFor, type GitHubTuning, usesGitHubApi } from '../clients/github.js'
import { upsertRelease } from '../clients/github-releases.js'
import { githubTagRefs, githubTagSource, type TagRefs } from '../clients/github-tags.js'
import { DeployError } from '../errors.js'
import type { TagSource } from '../plan/tags.js'
import type { VersionPlan } from '../plan/types.js'
import { replanAfterTagCollision } from '../plan/version.js'
import { follow } from '../runtime/follow.js'
import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import type { PhaseContext } from './context.js'

/**
 * TAG and RELEASE: the git tag is created (or reused) through the GitHub API on the deployed
 * commit, never forced and never moved, and the GitHub Release is upserted on it. Both are safe
 * against concurrent runs and re-runs: a tag another run took is re-read and either reused (same
 * commit) or passed over for the next -dev.N / -rc.N; a release another run created is updated,
 * never duplicated.
 */

/** Tags another run may take in a row before we give up: each loss costs one create and one read. */
const MAX_TAG_CLAIMS = 5

interface TagStore {
  readonly source: TagSource
  readonly refs: TagRefs
  readonly where: string
}

async function tagStoreFor(ctx: PhaseContext, tuning?: GitHubTuning): Promise<TagStore> {
  const { settings } = ctx
  const { owner, repo, workspace } = settings.context
  if (!usesGitHubApi(settings)) {
    return {
      source: localTagSource(workspace),
      refs: { create: (name, sha) => createLocalTag(workspace, name, sha) },
      where: `the local repository ${workspace} (no github_token: the tag is not pushed)`
    }
  }
  const api = await connectFor(settings, tuning, retryLogger(ctx))
  return {
    source: githubTagSource(api, owner, repo),
    refs: githubTagRefs(api, owner, repo),
    where: `${owner}/${repo}`
  }
}

/**
 * create_tag: claims plan.version.gitTag on plan.commit. Sets ctx.state.tag to the tag actually
 * created or reused; after a lost race that is a later -dev.N / -rc.N than the plan's, and the
 * image tag must follow it (retagPlan(plan, ctx.state.tag)).
 */
export async function runTagPhase(ctx: PhaseContext, tuning?: GitHubTuning): Promise<void> {
  const { plan } = ctx
  let version = plan.version
  if (version.gitTag === undefined) return
  if (plan.dryRun) {
    emit(ctx, 'TAG', `dry run: would create tag ${version.gitTag} on ${short(plan.commit)}`)
    return
  }
  const store = await tagStoreFor(ctx, tuning)
  for (let claim = 1; ; claim++) {
    const name = version.gitTag as string
    if (version.reused) {
      ctx.state.tag = name
      emit(ctx, 'TAG', `tag ${name} already points at ${short(plan.commit)}: reused`)
      return
    }
    const outcome = await store.refs.create(name, plan.commit, ctx.signal)
    if (outcome === 'created') {
      ctx.state.tag = name
      emit(ctx, 'TAG', `created tag ${name} on ${short(plan.commit)} in ${store.where}`)
      return
    }
    if (claim >= MAX_TAG_CLAIMS) {
      throw new DeployError(
        'TAG_CONFLICT',
        `${claim} tags in a row were taken by concurrent runs while creating ${name}; ` +
          'run again, or serialise deployments with a workflow `concurrency` group.'
      )
    }
    version = await replanAfterLoss(ctx, store.source, version, tuning)
    if (!version.reused) {
      emit(ctx, 'TAG', `${name} was taken by another commit; trying ${version.gitTag}`, 'progress')
    }
  }
}

/** Re-reads the tags until the one we lost is visible (replicas lag), then replans. */
async function replanAfterLoss(
  ctx: PhaseContext,
  source: TagSource,
  lost: VersionPlan,
  tuning?: GitHubTuning
): Promise<VersionPlan> {
  const { value } = await follow<VersionPlan>({
    describe: `tag ${lost.gitTag} to become readable after "already exists"`,
    look: async signal => {
      const next = replanAfterTagCollision(lost, await source.listTags(signal), ctx.plan.commit)
      return next === lost ? { done: false } : { done: true, value: next }
    },
    intervalMs: tuning?.settleIntervalMs ?? 1000,
    timeoutMs: tuning?.settleTimeoutMs ?? 30_000,
    // Each listing is already retried call by call; a second loop around it would multiply tries.
    attemptsPerLook: 1,
    signal: ctx.signal
  })
  return value
}

/**
 * create_release: creates the Release of the tag, or updates the one that exists (a re-run, or a
 * concurrent run that got there first). Sets ctx.state.releaseUrl.
 */
export async function runReleasePhase(ctx: PhaseContext, tuning?: GitHubTuning): Promise<void> {
  const { plan, settings } = ctx
  const planned = plan.release
  if (planned === undefined) return
  const tag = ctx.state.tag ?? planned.tag
  if (plan.dryRun) {
    emit(ctx, 'RELEASE', `dry run: would create or update the release of ${tag}`)
    return
  }
  if (!settings.githubToken) {
    throw new DeployError(
      'RELEASE_FAILED',
      'create_release needs a GitHub token: pass github_token (default ${{ github.token }}) ' +
        'and give the job `permissions: contents: write`.'
    )
  }
  const api = await connectFor(settings, tuning, retryLogger(ctx))
  const release = await upsertRelease(
    api,
    {
      owner: settings.context.owner,
      repo: settings.context.repo,
      tag,
      commit: plan.commit,
      // The name follows the tag when a lost race moved it.
      name: planned.name.split(planned.tag).join(tag),
      prerelease: planned.prerelease,
      makeLatest: planned.makeLatest,
      previousTag: planned.previousTag,
      signal: ctx.signal,
      note: message => emit(ctx, 'RELEASE', message, 'progress')
    },
    tuning
  )
  ctx.state.releaseUrl = release.url
  const kind = planned.prerelease ? 'pre-release' : 'release (latest)'
  emit(ctx, 'RELEASE', `${release.outcome} ${kind} ${tag}: ${release.url}`)
}

function retryLogger(ctx: PhaseContext): (retry: RetryNotice) => void {
  return retry => ctx.core.info(describeRetry(retry))
}

function emit(
  ctx: PhaseContext,
  stage: 'TAG' | 'RELEASE',
  message: string,
  type: 'info' | 'progress' = 'info'
): void {
  ctx.bus.emit({ type, stage, message })
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
