import type { TagRef, TagSource } from './git.js'
import {
  explainGitHubError,
  githubMessage,
  MalformedAnswer,
  requireString,
  type GitHubApi
} from './github.js'
import { asRecord, httpStatus } from '../runtime/retry.js'

/**
 * Tags and commits read through the GitHub REST API, so a shallow actions/checkout versions the
 * same as a full clone: every tag (matching-refs answers all of them at once: its description has
 * no per_page, and GitHub ignores one; a next-page link would still be followed), annotated
 * tags peeled to their commits, and the commit messages since the base tag (compare, paginated).
 */
export function githubTagSource(api: GitHubApi, owner: string, repo: string): TagSource {
  const reading = (doing: string) => (error: unknown) => {
    throw explainGitHubError(error, { doing, code: 'RELEASE_FAILED', permission: 'contents: read' })
  }
  return {
    listTags: signal =>
      listVersionTags(api, owner, repo, signal).catch(
        reading(`reading the tags of ${owner}/${repo}`)
      ),
    commitMessagesSince: (base, head, signal) =>
      commitMessages(api, owner, repo, base, head, signal).catch(
        reading(`reading the commits from ${base ?? 'the first commit'} to ${head.slice(0, 7)}`)
      )
  }
}

interface RawRef {
  readonly name: string
  readonly type: string
  readonly sha: string
}

const PEEL_CONCURRENCY = 8
const MAX_TAG_DEPTH = 5
/**
 * Names that start like a version (vX.Y.Z...). Only they are worth a request each to peel; the
 * plan parses them properly and ignores the ones that are no version after all.
 */
const VERSION_LIKE = /^v\d+\.\d+\.\d+/

async function listVersionTags(
  api: GitHubApi,
  owner: string,
  repo: string,
  signal?: AbortSignal
): Promise<TagRef[]> {
  const refs = await api.paginate(
    'list tags',
    'GET /repos/{owner}/{repo}/git/matching-refs/{ref}',
    { owner, repo, ref: 'tags/v' },
    parseRefs,
    signal
  )
  const wanted = refs.filter(ref => VERSION_LIKE.test(ref.name))
  const tags: TagRef[] = []
  for (let i = 0; i < wanted.length; i += PEEL_CONCURRENCY) {
    const batch = wanted.slice(i, i + PEEL_CONCURRENCY)
    const peeled = await Promise.all(batch.map(ref => peel(api, owner, repo, ref, signal)))
    for (const tag of peeled) if (tag) tags.push(tag)
  }
  return tags
}

function parseRefs(data: unknown, describe: string): RawRef[] {
  if (!Array.isArray(data)) throw new MalformedAnswer(describe, 'a list of refs')
  return data.map(item => {
    const ref = requireString(asRecord(item).ref, describe, 'refs with a name')
    const object = asRecord(asRecord(item).object)
    return {
      name: ref.replace(/^refs\/tags\//, ''),
      type: requireString(object.type, describe, 'refs with an object type'),
      sha: requireString(object.sha, describe, 'refs with an object sha')
    }
  })
}

/** An annotated tag points at a tag object; follow it (and tags of tags) to the commit. */
async function peel(
  api: GitHubApi,
  owner: string,
  repo: string,
  ref: RawRef,
  signal?: AbortSignal
): Promise<TagRef | undefined> {
  let object = { type: ref.type, sha: ref.sha }
  for (let depth = 0; object.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
    const describe = `read tag object ${ref.name}`
    object = await api.call(
      describe,
      (o, s) => o.rest.git.getTag({ owner, repo, tag_sha: object.sha, request: { signal: s } }),
      data => {
        const target = asRecord(asRecord(data).object)
        return {
          type: requireString(target.type, describe, 'a tag object pointing at an object'),
          sha: requireString(target.sha, describe, 'a tag object pointing at an object')
        }
      },
      signal
    )
  }
  // A tag of a tree or a blob names no commit and cannot be a version.
  return object.type === 'commit' ? { name: ref.name, sha: object.sha } : undefined
}

async function commitMessages(
  api: GitHubApi,
  owner: string,
  repo: string,
  base: string | undefined,
  head: string,
  signal?: AbortSignal
): Promise<string[]> {
  if (base === undefined) {
    // No stable tag yet: every commit reachable from head counts.
    return api.paginate(
      'list commits',
      'GET /repos/{owner}/{repo}/commits',
      { owner, repo, sha: head, per_page: 100 },
      parseCommits,
      signal
    )
  }
  return api.paginate(
    `compare ${base}...${head.slice(0, 7)}`,
    'GET /repos/{owner}/{repo}/compare/{basehead}',
    { owner, repo, basehead: `${base}...${head}`, per_page: 100 },
    (data, describe) => parseCommits(asRecord(data).commits, describe),
    signal
  )
}

function parseCommits(data: unknown, describe: string): string[] {
  if (!Array.isArray(data)) throw new MalformedAnswer(describe, 'a list of commits')
  return data.map(item => {
    const message = asRecord(asRecord(item).commit).message
    if (typeof message !== 'string') throw new MalformedAnswer(describe, 'commits with a message')
    return message
  })
}

/** Creating and reading one tag ref: the two moves the TAG phase makes through the API. */
export interface TagRefs {
  /** Creates refs/tags/<name> on sha; never forces, never moves. 'exists' when the name is taken. */
  create(name: string, sha: string, signal?: AbortSignal): Promise<'created' | 'exists'>
}

export function githubTagRefs(api: GitHubApi, owner: string, repo: string): TagRefs {
  return {
    async create(name, sha, signal) {
      const describe = `create tag ${name}`
      try {
        await api.call(
          describe,
          (o, s) =>
            o.rest.git.createRef({
              owner,
              repo,
              ref: `refs/tags/${name}`,
              sha,
              request: { signal: s }
            }),
          data => requireString(asRecord(data).ref, describe, 'the created ref'),
          signal
        )
        return 'created'
      } catch (error) {
        // Also what a retry sees after a create whose answer was lost: the re-read sorts it out.
        if (httpStatus(error) === 422 && /already exists/i.test(githubMessage(error))) {
          return 'exists'
        }
        throw explainGitHubError(error, {
          doing: `creating tag ${name} on ${sha.slice(0, 7)}`,
          code: 'RELEASE_FAILED',
          permission: 'contents: write'
        })
      }
    }
  }
}
