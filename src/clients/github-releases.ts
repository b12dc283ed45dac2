import { follow } from '../runtime/follow.js'
import { asRecord, httpStatus } from '../runtime/retry.js'
import {
  explainGitHubError,
  MalformedAnswer,
  requireNumber,
  requireString,
  validationCodes,
  type GitHubApi,
  type GitHubTuning
} from './github.js'

/**
 * GitHub Releases through the REST API: the Release of a tag upserted, safe against concurrent
 * runs and re-runs (a release another run created is updated, never duplicated), with notes
 * GitHub generates from the previous tag when the release has none.
 */

export interface ReleaseRequest {
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
export async function upsertRelease(
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
