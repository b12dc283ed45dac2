import { createLocalTag, localTagSource } from '../clients/git.js'
import {
  connectFor,
  explainGitHubError,
  MalformedAnswer,
  requireNumber,
  requireString,
  validationCodes,
  type GitHubApi,
  type GitHubTuning,
  usesGitHubApi
} from '../clients/github.js'
import { githubTagRefs, githubTagSource, type TagRefs } from '../clients/github-tags.js'
import { DeployError } from '../errors.js'
import type { TagSource } from '../plan/tags.js'
import type { VersionPlan } from '../plan/types.js'
import { replanAfterTagCollision } from '../plan/version.js'
import { follow } from '../runtime/follow.js'
import { asRecord, describeRetry, httpStatus, type RetryNotice } from '../runtime/retry.js'
import type { Settings } from '../settings/types.js'
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

/**
 * The tags the planner reads. `info`, when given, gets a line for each retried call: a throttled
 * GitHub is then visible in the log instead of a silent pause.
 */
export async function tagSourceFor(
  settings: Settings,
  options: { info?: (line: string) => void; tuning?: GitHubTuning } = {}
): Promise<TagSource> {
  if (!usesGitHubApi(settings)) return localTagSource(settings.context.workspace)
  const { owner, repo } = settings.context
  const { info, tuning } = options
  const onRetry = info ? (retry: RetryNotice) => info(describeRetry(retry)) : undefined
  return githubTagSource(await connectFor(settings, tuning, onRetry), owner, repo)
}

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

interface ReleaseRequest {
  owner: string
  repo: string
  tag: string
  commit: string
  name: string
  prerelease: boolean
  makeLatest: boolean
  previousTag: string | undefined
  signal: AbortSignal
  /** A line for the event log about something that did not go the plain way. */
  note: (message: string) => void
}

interface Release {
  readonly id: number
  readonly url: string
  readonly body: string
}

/**
 * Find by tag, else create; a create that answers "already_exists" (a concurrent run, or our own
 * create whose answer was lost and retried) waits until that release is readable and updates it.
 */
async function upsertRelease(
  api: GitHubApi,
  request: ReleaseRequest,
  tuning: GitHubTuning | undefined
): Promise<{ url: string; outcome: 'created' | 'updated' }> {
  const calls = releaseCalls(api, request)
  let existing = await calls.find(request.signal)
  if (existing === undefined) {
    const body = await calls.notes()
    const created = await calls.create(body)
    if (created !== 'exists') return { url: created.url, outcome: 'created' }
    request.note(`the release of ${request.tag} was created concurrently; updating it instead`)
    existing = await waitForRelease(calls, request, tuning)
  }
  // Notes someone wrote or edited by hand stay; an empty body gets generated notes.
  const body = existing.body.trim() === '' ? await calls.notes() : undefined
  const updated = await calls.update(existing.id, body)
  return { url: updated.url, outcome: 'updated' }
}

async function waitForRelease(
  calls: ReleaseCalls,
  request: ReleaseRequest,
  tuning: GitHubTuning | undefined
): Promise<Release> {
  const { value } = await follow<Release>({
    describe: `the release of ${request.tag} to become readable`,
    look: async signal => {
      const found = await calls.find(signal)
      return found ? { done: true, value: found } : { done: false }
    },
    intervalMs: tuning?.settleIntervalMs ?? 1000,
    timeoutMs: tuning?.settleTimeoutMs ?? 30_000,
    attemptsPerLook: 1,
    signal: request.signal
  })
  return value
}

type ReleaseCalls = ReturnType<typeof releaseCalls>

function releaseCalls(api: GitHubApi, request: ReleaseRequest) {
  const { owner, repo, tag } = request
  const failed = (doing: string) => (error: unknown) => {
    throw explainGitHubError(error, {
      doing,
      code: 'RELEASE_FAILED',
      permission: 'contents: write'
    })
  }
  const fields = {
    name: request.name,
    prerelease: request.prerelease,
    make_latest: request.makeLatest ? ('true' as const) : ('false' as const),
    draft: false
  }

  const notesFrom = async (previous: string | undefined, signal: AbortSignal): Promise<string> => {
    const describe = `generate release notes for ${tag}`
    return api.call(
      describe,
      (o, s) =>
        o.rest.repos.generateReleaseNotes({
          owner,
          repo,
          tag_name: tag,
          target_commitish: request.commit,
          ...(previous ? { previous_tag_name: previous } : {}),
          request: { signal: s }
        }),
      data => {
        const body = asRecord(data).body
        if (typeof body !== 'string') throw new MalformedAnswer(describe, 'notes with a body')
        return body
      },
      signal
    )
  }

  return {
    async find(signal: AbortSignal): Promise<Release | undefined> {
      const describe = `read the release of ${tag}`
      try {
        return await api.call(
          describe,
          (o, s) => o.rest.repos.getReleaseByTag({ owner, repo, tag, request: { signal: s } }),
          data => parseRelease(data, describe),
          signal
        )
      } catch (error) {
        if (httpStatus(error) === 404) return undefined
        return failed(`reading the release of ${tag}`)(error)
      }
    },

    async notes(): Promise<string> {
      try {
        return await notesFrom(request.previousTag, request.signal)
      } catch (error) {
        const status = httpStatus(error)
        if (!request.previousTag || (status !== 404 && status !== 422)) {
          return failed(`generating the release notes of ${tag}`)(error)
        }
        // The previous tag may have been deleted since planning; GitHub then picks the start.
        request.note(`release notes: ${request.previousTag} not found; generated without it`)
        return notesFrom(undefined, request.signal).catch(failed(`generating notes for ${tag}`))
      }
    },

    async create(body: string): Promise<Release | 'exists'> {
      const describe = `create the release of ${tag}`
      try {
        return await api.call(
          describe,
          (o, s) =>
            o.rest.repos.createRelease({
              owner,
              repo,
              tag_name: tag,
              target_commitish: request.commit,
              body,
              ...fields,
              request: { signal: s }
            }),
          data => parseRelease(data, describe),
          request.signal
        )
      } catch (error) {
        if (httpStatus(error) === 422 && validationCodes(error).includes('already_exists')) {
          return 'exists'
        }
        return failed(`creating the release of ${tag}`)(error)
      }
    },

    async update(id: number, body: string | undefined): Promise<Release> {
      const describe = `update the release of ${tag}`
      return api
        .call(
          describe,
          (o, s) =>
            o.rest.repos.updateRelease({
              owner,
              repo,
              release_id: id,
              ...fields,
              ...(body === undefined ? {} : { body }),
              request: { signal: s }
            }),
          data => parseRelease(data, describe),
          request.signal
        )
        .catch(failed(`updating the release of ${tag}`))
    }
  }
}

function parseRelease(data: unknown, describe: string): Release {
  const release = asRecord(data)
  const body = release.body
  return {
    id: requireNumber(release.id, describe, 'a release with an id'),
    url: requireString(release.html_url, describe, 'a release with an html_url'),
    body: typeof body === 'string' ? body : ''
  }
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
