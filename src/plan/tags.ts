import { DeployError } from '../errors.js'
import { normaliseVersion } from '../settings/values.js'
import type { Channel, VersionPlan } from './types.js'

/**
 * The version tags (DESIGN.md, "Versioning rules"): which tags count, how they are ordered, and
 * the name of the next one. Pure: the tags are handed in.
 */

export interface TagRef {
  readonly name: string
  /** The commit the tag points at (peeled, for annotated tags). */
  readonly sha: string
}

/** Where tags and commits come from: the local repository or the GitHub API. */
export interface TagSource {
  listTags(signal?: AbortSignal): Promise<TagRef[]>
  /** Commit messages (full: subject + body) reachable from head and not from baseTag (all of them when baseTag is undefined). */
  commitMessagesSince(
    baseTag: string | undefined,
    head: string,
    signal?: AbortSignal
  ): Promise<string[]>
}

export interface ParsedTag {
  readonly name: string
  /** X.Y.Z */
  readonly version: string
  readonly channel: Channel
  /** The sequence number of a -dev.N or -rc.N tag; 0 for a stable tag. */
  readonly n: number
  /**
   * What tags sort by, in semver's order: X, Y and Z, then the prereleases of a version before
   * it (dev before rc), then N. Numbers rather than a semver string: the semver package builds
   * some forty regular expressions when it loads, and every run loads this module.
   */
  readonly order: readonly number[]
}

const VERSION_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-(dev|rc)\.(\d+))?$/
const CHANNEL_ORDER: Record<Channel, number> = { dev: 0, rc: 1, stable: 2 }

/** Parses a tag that counts for versioning; every other tag name gives undefined. */
export function parseVersionTag(name: string): ParsedTag | undefined {
  const match = VERSION_TAG.exec(name)
  if (match === null) return undefined
  const numbers = [match[1], match[2], match[3], match[5] ?? '0'].map(Number)
  // semver orders only safe integers; a tag with a larger number cannot be ordered, so it is ignored.
  if (!numbers.every(Number.isSafeInteger)) return undefined
  const [major, minor, patch, n] = numbers as [number, number, number, number]
  const version = `${major}.${minor}.${patch}`
  const prerelease = match[4] as 'dev' | 'rc' | undefined
  return {
    name,
    version,
    channel: prerelease ?? 'stable',
    n,
    order: [major, minor, patch, CHANNEL_ORDER[prerelease ?? 'stable'], n]
  }
}

/** Negative when `a` comes before `b` in semver order, positive after, 0 for the same version. */
export function compareTags(a: ParsedTag, b: ParsedTag): number {
  for (const [index, value] of a.order.entries()) {
    const other = b.order[index] ?? 0
    if (value !== other) return value < other ? -1 : 1
  }
  return 0
}

export interface VersionTag extends ParsedTag {
  readonly sha: string
}

/** The version tags among all tags, lowest first. */
export function versionTags(tags: readonly TagRef[]): VersionTag[] {
  const parsed: VersionTag[] = []
  for (const tag of tags) {
    const version = parseVersionTag(tag.name)
    if (version !== undefined) parsed.push({ ...version, sha: tag.sha })
  }
  return parsed.sort(compareTags)
}

export function highest<T extends ParsedTag>(tags: readonly T[]): T | undefined {
  return tags.at(-1)
}

/** The highest stable vX.Y.Z in semver order: the base the next version is bumped from. */
export function baseTag(tags: readonly TagRef[]): string | undefined {
  return highest(versionTags(tags).filter(tag => tag.channel === 'stable'))?.name
}

/** The newest vX.Y.Z-rc.N of a version: what a prod deploy of X.Y.Z promotes. */
export function newestReleaseCandidate(
  tags: readonly TagRef[],
  version: string
): string | undefined {
  const wanted = normaliseVersion(version)
  return highest(versionTags(tags).filter(tag => tag.channel === 'rc' && tag.version === wanted))
    ?.name
}

/** A tag of the channel (and of the version, when one is asked for) already on the commit. */
export function reusableTag(
  tags: readonly VersionTag[],
  channel: Channel,
  sha: string,
  version: string | undefined
): VersionTag | undefined {
  return highest(
    tags.filter(
      tag =>
        tag.channel === channel &&
        sameCommit(tag.sha, sha) &&
        (version === undefined || tag.version === version)
    )
  )
}

function sameCommit(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The tag of the same channel just before this one: release notes start there. */
export function previousInChannel(tags: readonly ParsedTag[], tag: ParsedTag): string | undefined {
  return highest(tags.filter(other => other.channel === tag.channel && compareTags(other, tag) < 0))
    ?.name
}

export function nextSequence(
  tags: readonly ParsedTag[],
  version: string,
  channel: Channel
): number {
  const same = tags.filter(tag => tag.channel === channel && tag.version === version)
  return Math.max(0, ...same.map(tag => tag.n)) + 1
}

export function tagName(version: string, channel: Channel, n: number): string {
  return channel === 'stable' ? `v${version}` : `v${version}-${channel}.${n}`
}

/**
 * The next free -dev.N / -rc.N tag of the plan's version, given the tags as they are now (re-read
 * after creating the planned tag failed because a concurrent run took it). A stable tag has no
 * sequence: asking for one is a TAG_CONFLICT.
 */
export function nextSequenceTag(plan: VersionPlan, tags: readonly TagRef[]): string {
  if (plan.version === undefined || plan.gitTag === undefined || plan.channel === 'stable') {
    throw new DeployError(
      'TAG_CONFLICT',
      `tag ${plan.gitTag ?? plan.imageTag} has no -dev.N or -rc.N sequence to advance`
    )
  }
  const current = parseVersionTag(plan.gitTag)?.n ?? 0
  const n = Math.max(current + 1, nextSequence(versionTags(tags), plan.version, plan.channel))
  return tagName(plan.version, plan.channel, n)
}
