import { DeployError } from '../errors.js'
import type { Bump, Environment } from '../settings/types.js'
import { normaliseVersion } from '../settings/values.js'
import { bumpFromCommits, type BumpKind } from './bump.js'
import { formatTimestamp } from './clock.js'
import {
  baseTag,
  highest,
  nextSequence,
  nextSequenceTag,
  parseVersionTag,
  previousInChannel,
  reusableTag,
  tagName,
  versionTags,
  type ParsedTag,
  type TagRef,
  type TagSource,
  type VersionTag
} from './tags.js'
import type { Channel, VersionPlan } from './types.js'

/**
 * The version plan of DESIGN.md ("Versioning rules"), as pure functions: the clock, the tags and
 * the commit messages are handed in, so every rule can be tested without a repository or a network.
 * The tag rules are in tags.ts, the bump in bump.ts, the timestamp in clock.ts.
 */

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

const AUTO_REASONS: Record<BumpKind, string> = {
  major: 'a breaking change',
  minor: 'a feat commit and no breaking change',
  patch: 'no feat commit or breaking change'
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
      version: bumped(base?.version ?? '0.0.0', input.bump),
      reason: `${input.bump} bump of ${from} (bump input)`
    }
  }
  const bump = bumpFromCommits(input.commitMessages)
  const count = input.commitMessages.length
  const commits = `${count} commit${count === 1 ? '' : 's'}`
  const range =
    base === undefined ? `${commits} (the whole history)` : `${commits} since ${base.name}`
  return {
    version: bumped(base?.version ?? '0.0.0', bump),
    reason: `${bump} bump of ${from}: ${AUTO_REASONS[bump]} among ${range}`
  }
}

/** X.Y.Z bumped, as semver's inc bumps a release (the base is always X.Y.Z, never a prerelease). */
function bumped(version: string, kind: BumpKind): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number)
  if (kind === 'major') return `${major + 1}.0.0`
  if (kind === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
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
