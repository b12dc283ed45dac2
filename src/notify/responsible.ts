import { errorMessage } from '../errors.js'
import { withDeadline } from '../runtime/deadline.js'
import { formatDuration } from '../runtime/duration.js'

/**
 * Who gets the direct message: the person responsible for the run, found once at INIT (so the
 * first card can already say when nobody was found, and the post step gets the answer in the
 * saved state). In order: `notify_user`; the actor through `slack_users`; the actor's public
 * GitHub profile e-mail; the deployed commit's author e-mail; each e-mail matched to a Slack user.
 * `schedule` and `workflow_dispatch` runs have no head commit in their event, so the profile and
 * the commit as the API shows it are what finds their person.
 */
export type Recipient =
  | { kind: 'user'; id: string; source: string }
  /** notify_user given as an e-mail: looked up when the message is sent, and warned about then. */
  | { kind: 'email'; email: string; source: string }
  /** `reason`: what was tried, for the log; `notice`: what the card says, with the fix. */
  | { kind: 'none'; reason: string; notice?: string }

export interface ResponsibleFacts {
  readonly notifyUser: string | undefined
  /** GitHub login -> Slack user id. */
  readonly slackUsers: Readonly<Record<string, string>>
  readonly actor: string
  /** From the event payload (push); absent on schedule and workflow_dispatch. */
  readonly headCommitAuthorEmail: string | undefined
}

export interface ResponsibleLookups {
  /** The login's public profile e-mail (null on GitHub when private). Absent: no GitHub to ask. */
  readonly profileEmail?: (login: string) => Promise<string | undefined>
  /** The deployed commit's author e-mail as the API shows it. Absent: no GitHub to ask. */
  readonly commitEmail?: () => Promise<string | undefined>
  /** The Slack user with this e-mail; undefined when there is none. */
  readonly slackUserByEmail: (email: string) => Promise<string | undefined>
}

/** The lookups must not hold the run's start up for long. */
export const RESPONSIBLE_BUDGET_MS = 15_000

/** GitHub's no-reply addresses belong to no Slack account: not worth a lookup. */
const NOREPLY = /@users\.noreply\.github\.com$|^noreply@github\.com$/i

export async function findResponsible(
  facts: ResponsibleFacts,
  lookups: ResponsibleLookups,
  budgetMs = RESPONSIBLE_BUDGET_MS
): Promise<Recipient> {
  const notifyUser = facts.notifyUser?.trim()
  if (notifyUser) {
    return notifyUser.includes('@')
      ? { kind: 'email', email: notifyUser, source: 'notify_user' }
      : { kind: 'user', id: notifyUser, source: 'notify_user' }
  }
  const login = facts.actor
  const mapped = Object.entries(facts.slackUsers).find(
    ([key]) => key.toLowerCase() === login.toLowerCase()
  )
  if (mapped) return { kind: 'user', id: mapped[1], source: `slack_users[${login}]` }

  const tried = [`'${login}' is not in slack_users`]
  const nobody = (): Recipient => ({
    kind: 'none',
    reason: `no direct message: notify_user is empty, ${tried.join(', ')}`,
    notice: `no one to notify: add \`${login}: <slack id>\` under slack_users`
  })
  try {
    return await withDeadline(
      undefined,
      budgetMs,
      () => new Error(`the lookups took longer than ${formatDuration(budgetMs)}`),
      () => byEmail(facts, lookups, tried)
    ).then(found => found ?? nobody())
  } catch (error) {
    tried.push(errorMessage(error))
    return nobody()
  }
}

/** The profile e-mail, then the commit author's, each matched to a Slack user. */
async function byEmail(
  facts: ResponsibleFacts,
  lookups: ResponsibleLookups,
  tried: string[]
): Promise<Recipient | undefined> {
  const login = facts.actor
  const { profileEmail, commitEmail } = lookups
  const sources: { what: string; read: (() => Promise<string | undefined>) | undefined }[] = [
    {
      what: `${login}'s GitHub profile e-mail`,
      // A bot (github-actions[bot], dependabot[bot]) has no profile e-mail.
      read: profileEmail && !/\[bot\]$/.test(login) ? () => profileEmail(login) : undefined
    },
    {
      what: "the commit author's e-mail",
      read: facts.headCommitAuthorEmail
        ? () => Promise.resolve(facts.headCommitAuthorEmail)
        : commitEmail
    }
  ]
  const looked = new Set<string>()
  for (const { what, read } of sources) {
    if (!read) {
      tried.push(`${what} could not be read (no GitHub API access)`)
      continue
    }
    let email: string | undefined
    try {
      email = (await read())?.trim()
    } catch (error) {
      tried.push(`${what} could not be read (${errorMessage(error)})`)
      continue
    }
    if (!email) {
      tried.push(`${what} is not public`)
      continue
    }
    if (NOREPLY.test(email)) {
      tried.push(`${what} is GitHub's no-reply address`)
      continue
    }
    if (looked.has(email.toLowerCase())) continue
    looked.add(email.toLowerCase())
    try {
      const id = await lookups.slackUserByEmail(email)
      if (id) return { kind: 'user', id, source: `${what} ${email}` }
      tried.push(`no Slack user has ${what} ${email}`)
    } catch (error) {
      tried.push(`Slack could not look up ${what} ${email} (${errorMessage(error)})`)
    }
  }
  return undefined
}
