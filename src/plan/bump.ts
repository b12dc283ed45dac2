import type { Bump } from '../settings/types.js'

/** The bump an auto version takes, read from the commit messages since the base tag. */

export type BumpKind = Exclude<Bump, 'auto'>

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
