import semver from 'semver'
import { DeployError } from '../errors.js'
import type { Bump, Environment } from '../settings/types.js'
import type { Channel, VersionPlan } from './types.js'

/**
 * The versioning rules of DESIGN.md ("Versioning rules"), as pure functions: the clock, the tags and
 * the commit messages are handed in, so every rule can be tested without a repository or a network.
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
  /** A semver string for ordering: X.Y.Z or X.Y.Z-dev.N. */
  readonly order: string
}

export type BumpKind = Exclude<Bump, 'auto'>

export interface VersionInput {
  environment: Environment
  createTag: boolean
  /** X.Y.Z (a leading v is tolerated). */
  version: string | undefined
  bump: Bump
  timezone: string
  now: Date
  /** The commit being deployed. */
  sha: string
  tags: readonly TagRef[]
  /** Messages of the commits since the base tag; read only for an auto bump. */
  commitMessages: readonly string[]
}

const CHANNELS: Record<Environment, Channel> = { dev: 'dev', stage: 'rc', prod: 'stable' }
const VERSION_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-(dev|rc)\.(\d+))?$/

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
    order: prerelease === undefined ? version : `${version}-${prerelease}.${n}`
  }
}

interface VersionTag extends ParsedTag {
  readonly sha: string
}

/** The version tags among all tags, lowest first. */
function versionTags(tags: readonly TagRef[]): VersionTag[] {
  const parsed: VersionTag[] = []
  for (const tag of tags) {
    const version = parseVersionTag(tag.name)
    if (version !== undefined) parsed.push({ ...version, sha: tag.sha })
  }
  return parsed.sort((a, b) => semver.compare(a.order, b.order))
}

function highest<T extends ParsedTag>(tags: readonly T[]): T | undefined {
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

/** Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. */
export function normaliseVersion(version: string): string {
  const match = /^v?(\d+\.\d+\.\d+)$/.exec(version.trim())
  if (match === null || semver.valid(match[1]) === null) {
    throw new DeployError(
      'INVALID_INPUT',
      `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`
    )
  }
  return match[1] as string
}

// --- the clock ---------------------------------------------------------------------------------

/**
 * UTC (the default) needs no time zone data. The first Intl.DateTimeFormat with a time zone loads
 * ICU's zone data, about 20 ms of a start that is budgeted at 100 ms, so UTC goes around it.
 */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu'])

export function isValidTimezone(name: string): boolean {
  if (UTC_NAMES.has(name)) return true
  // Newer Intl also takes offsets such as +09:00; they are not IANA names, so reject them everywhere.
  if (!/^[A-Za-z]/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const timestampFormats = new Map<string, Intl.DateTimeFormat>()

/** yyMMddHHmm (24-hour) of an instant, as a wall clock in the IANA time zone shows it. */
export function formatTimestamp(at: Date, timezone: string): string {
  if (!isValidTimezone(timezone)) {
    throw new DeployError('INVALID_INPUT', `timezone '${timezone}' is not an IANA time zone name`)
  }
  if (UTC_NAMES.has(timezone)) {
    const iso = at.toISOString() // 2026-11-24T07:00:00.000Z
    return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`
  }
  let format = timestampFormats.get(timezone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    timestampFormats.set(timezone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(at).map(part => [part.type, part.value]))
  return `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}`
}

/** The run's clock: SOURCE_DATE_EPOCH (seconds) when set, so rebuilds get the same tags; else now. */
export function clockFromEnv(env: NodeJS.ProcessEnv): () => Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim()
  if (raw === undefined || raw === '') return () => new Date()
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Number.NaN
  if (Number.isNaN(new Date(ms).getTime())) {
    throw new DeployError(
      'INVALID_INPUT',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got '${raw}'`
    )
  }
  return () => new Date(ms)
}

// --- the bump ----------------------------------------------------------------------------------

// type, optional (scope), optional !, then ": description" (conventionalcommits.org 1.0.0).
const HEADER = /^([A-Za-z][\w-]*)(?:\([^()\r\n]*\))?(!?): \S/
// The footer token must be upper case; BREAKING-CHANGE is its synonym.
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m

function commitBump(message: string): BumpKind {
  const newline = message.indexOf('\n')
  const header = HEADER.exec(newline === -1 ? message : message.slice(0, newline))
  const body = newline === -1 ? '' : message.slice(newline + 1)
  if (header?.[2] === '!' || BREAKING_FOOTER.test(body)) return 'major'
  return header?.[1]?.toLowerCase() === 'feat' ? 'minor' : 'patch'
}

const BUMP_RANK: Record<BumpKind, number> = { patch: 0, minor: 1, major: 2 }

/** Conventional Commits: any breaking change bumps major, else any feat minor, else patch. */
export function bumpFromCommits(messages: readonly string[]): BumpKind {
  let bump: BumpKind = 'patch'
  for (const message of messages) {
    const next = commitBump(message.trim())
    if (BUMP_RANK[next] > BUMP_RANK[bump]) bump = next
    if (bump === 'major') break
  }
  return bump
}

const AUTO_REASONS: Record<BumpKind, string> = {
  major: 'a breaking change',
  minor: 'a feat commit and no breaking change',
  patch: 'no feat commit or breaking change'
}

// --- the plan ----------------------------------------------------------------------------------

/** A tag of the channel (and of the version, when one is asked for) already on the commit. */
function reusableTag(
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
function previousInChannel(tags: readonly ParsedTag[], tag: ParsedTag): string | undefined {
  return highest(
    tags.filter(
      other => other.channel === tag.channel && semver.compare(other.order, tag.order) < 0
    )
  )?.name
}

function nextSequence(tags: readonly ParsedTag[], version: string, channel: Channel): number {
  const same = tags.filter(tag => tag.channel === channel && tag.version === version)
  return Math.max(0, ...same.map(tag => tag.n)) + 1
}

function tagName(version: string, channel: Channel, n: number): string {
  return channel === 'stable' ? `v${version}` : `v${version}-${channel}.${n}`
}

function nextVersion(
  input: VersionInput,
  base: VersionTag | undefined
): { version: string; reason: string } {
  if (input.version !== undefined) {
    const version = normaliseVersion(input.version)
    return { version, reason: `version input ${version}` }
  }
  const from = base === undefined ? '0.0.0 (no stable tag yet)' : base.name
  if (input.bump !== 'auto') {
    return {
      version: semver.inc(base?.version ?? '0.0.0', input.bump) as string,
      reason: `${input.bump} bump of ${from} (bump input)`
    }
  }
  const bump = bumpFromCommits(input.commitMessages)
  const count = input.commitMessages.length
  const commits = `${count} commit${count === 1 ? '' : 's'}`
  const range =
    base === undefined ? `${commits} (the whole history)` : `${commits} since ${base.name}`
  return {
    version: semver.inc(base?.version ?? '0.0.0', bump) as string,
    reason: `${bump} bump of ${from}: ${AUTO_REASONS[bump]} among ${range}`
  }
}

function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

/** Computes the version, the git tag and the image tag of a run. */
export function planVersion(input: VersionInput): VersionPlan {
  const timestamp = formatTimestamp(input.now, input.timezone)
  const channel = CHANNELS[input.environment]
  if (!input.createTag) {
    return {
      version: undefined,
      gitTag: undefined,
      imageTag: `${input.environment === 'dev' ? 'dev' : 'rc'}-${timestamp}`,
      channel,
      reused: false,
      baseTag: undefined,
      reason: 'create_tag is false: the image tag is the time of the run',
      previousTag: undefined,
      timestamp
    }
  }

  const tags = versionTags(input.tags)
  const base = highest(tags.filter(tag => tag.channel === 'stable'))
  const requested = input.version === undefined ? undefined : normaliseVersion(input.version)
  const reused = reusableTag(tags, channel, input.sha, requested)
  if (reused !== undefined) {
    return {
      version: reused.version,
      gitTag: reused.name,
      imageTag: reused.name,
      channel,
      reused: true,
      baseTag: base?.name,
      reason: `${reused.name} already points at ${shortSha(input.sha)}: reused`,
      previousTag: previousInChannel(tags, reused),
      timestamp
    }
  }

  const { version, reason } = nextVersion(input, base)
  const n = nextSequence(tags, version, channel)
  const name = tagName(version, channel, n)
  const taken = tags.find(tag => tag.name === name)
  if (taken !== undefined) throw stableConflict(name, taken.sha, input.sha)
  const planned = parseVersionTag(name) as ParsedTag
  return {
    version,
    gitTag: name,
    imageTag: name,
    channel,
    reused: false,
    baseTag: base?.name,
    reason,
    previousTag: previousInChannel(tags, planned),
    timestamp
  }
}

function stableConflict(tag: string, existing: string, deployed: string): DeployError {
  return new DeployError(
    'TAG_CONFLICT',
    `tag ${tag} already exists on commit ${shortSha(existing)}, not on the deployed commit ` +
      `${shortSha(deployed)}; tags are never moved. Deploy ${shortSha(existing)} or choose another version.`
  )
}

/**
 * Whether planVersion will read commitMessages: only for an auto bump of a new tag. A tag reused on
 * the deployed commit, a version input or an explicit bump need no history (a shallow checkout works).
 */
export function needsCommitMessages(
  input: Pick<VersionInput, 'environment' | 'createTag' | 'version' | 'bump' | 'sha'>,
  tags: readonly TagRef[]
): boolean {
  if (!input.createTag || input.version !== undefined || input.bump !== 'auto') return false
  return (
    reusableTag(versionTags(tags), CHANNELS[input.environment], input.sha, undefined) === undefined
  )
}

/** Lists the tags, reads the commits only when an auto bump needs them, and plans the version. */
export async function resolveVersion(
  input: Omit<VersionInput, 'tags' | 'commitMessages'> & {
    source: TagSource
    signal?: AbortSignal
  }
): Promise<VersionPlan> {
  const { source, signal, ...rest } = input
  if (!rest.createTag) return planVersion({ ...rest, tags: [], commitMessages: [] })
  const tags = await source.listTags(signal)
  const commitMessages = needsCommitMessages(rest, tags)
    ? await source.commitMessagesSince(baseTag(tags), rest.sha, signal)
    : []
  return planVersion({ ...rest, tags, commitMessages })
}

// --- after a lost race -------------------------------------------------------------------------

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

/**
 * What to do when creating plan.gitTag found it already there, given the re-read tags: a tag of the
 * channel (and version) on the deployed commit is reused; a stable tag on another commit is a
 * TAG_CONFLICT; a -dev.N / -rc.N taken by another commit moves on to the next free N. The caller
 * creates the returned plan's gitTag (unless reused) and repeats on another collision.
 */
export function replanAfterTagCollision(
  plan: VersionPlan,
  tags: readonly TagRef[],
  sha: string
): VersionPlan {
  const parsed = versionTags(tags)
  const reused = reusableTag(parsed, plan.channel, sha, plan.version)
  if (reused !== undefined) {
    return {
      ...plan,
      gitTag: reused.name,
      imageTag: reused.name,
      reused: true,
      reason: `${reused.name} was created on ${shortSha(sha)} by a concurrent run: reused`,
      previousTag: previousInChannel(parsed, reused)
    }
  }
  const taken = parsed.find(tag => tag.name === plan.gitTag)
  if (taken === undefined) return plan
  if (plan.channel === 'stable') throw stableConflict(taken.name, taken.sha, sha)
  const next = nextSequenceTag(plan, tags)
  return {
    ...plan,
    gitTag: next,
    imageTag: next,
    reason: `${plan.reason}; ${taken.name} was taken by a concurrent run on ${shortSha(taken.sha)}`,
    previousTag: previousInChannel(parsed, parseVersionTag(next) as ParsedTag)
  }
}
