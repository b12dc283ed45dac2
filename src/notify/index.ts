import type { EventSink } from '../events/model.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'
import { connectFor, usesGitHubApi, type GitHubApi } from '../clients/github.js'
import { commitAuthorEmail, profileEmail } from '../clients/github-people.js'
import type { Toolkit } from '../toolkit.js'
import { newCard, type CardContext } from './card.js'
import { DiscordCardChannel } from './discord.js'
import { DEFAULT_CALL_TUNING, type CallTuning } from './http.js'
import { findResponsible, type ResponsibleLookups } from './responsible.js'
import { createSlackApi, SlackCardChannel, slackUserByEmail } from './slack.js'
import { SlackWebhookChannel } from './slack-webhook.js'
import {
  readSavedCard,
  StatusCardSink,
  type CardChannel,
  type SavedCard,
  type StatusCardOptions
} from './status-card.js'
import { NotificationWarnings } from './warnings.js'
import { DELIVERED_STATE_KEY, EventWebhookSink } from './webhook.js'

/**
 * Notifications as event sinks: the status card on Slack (bot token or incoming webhook) and
 * Discord, and the event webhook. Nothing is sent in a dry run. @slack/web-api is imported only
 * when a bot token is configured (createSlackApi); Discord and webhooks use the built-in fetch.
 */
export interface NotifyTuning {
  call?: Partial<CallTuning>
  card?: StatusCardOptions
}

/** The notification sinks to attach to the bus, and the warnings they report into. */
export interface Notifications {
  sinks: EventSink[]
  warnings: NotificationWarnings
  /** The status card as a later job of a split workflow re-opens it; undefined without one. */
  handover?: () => SavedCard | undefined
}

export async function notificationSinks(
  settings: Settings,
  plan: () => Plan | undefined,
  core: Toolkit,
  tuning: NotifyTuning = {}
): Promise<Notifications> {
  const notify = settings.notify
  const call: CallTuning = { ...DEFAULT_CALL_TUNING, ...tuning.call }
  const warnings = new NotificationWarnings(core, [
    notify.slackBotToken,
    notify.slackWebhookUrl,
    notify.discordWebhookUrl,
    notify.webhookUrl
  ])
  if (settings.dryRun) return { sinks: [], warnings }
  const phase = settings.split.phase
  if (phase === 'build' || phase === 'deploy') {
    return resumedSinks(settings, core, warnings, call, tuning)
  }
  const channels: CardChannel[] = []
  if (notify.slackBotToken && notify.slackChannel) {
    const api = await createSlackApi(notify.slackBotToken, notify.slackApiUrl, call, m =>
      core.debug(warnings.redact(m))
    )
    const recipient = await findResponsible(
      { ...notify, ...settings.context },
      { ...githubLookups(settings), slackUserByEmail: email => slackUserByEmail(api, email) }
    )
    channels.push(new SlackCardChannel(api, notify.slackChannel, recipient, warnings))
  } else if (notify.slackBotToken) {
    warnings.warn('Slack', 'slack_bot_token is set but slack_channel is empty: no status card')
  }
  if (notify.slackWebhookUrl) {
    channels.push(new SlackWebhookChannel(notify.slackWebhookUrl, warnings, call))
  }
  if (notify.discordWebhookUrl) {
    channels.push(
      new DiscordCardChannel(notify.discordWebhookUrl, notify.discordMention, warnings, call)
    )
  }
  const sinks: EventSink[] = []
  let card: StatusCardSink | undefined
  if (channels.length > 0 || notify.webhookUrl) {
    // Kept even without a card channel: its saved state lets the post step end the event stream.
    const options = { ...tuning.card, handOver: phase === 'plan' }
    card = new StatusCardSink(newCard(cardContext(settings)), channels, plan, core, options)
    sinks.push(card)
  }
  sinks.push(...eventWebhook(settings, core, warnings, call))
  return { sinks, warnings, handover: () => card?.saved() }
}

function eventWebhook(
  settings: Settings,
  core: Toolkit,
  warnings: NotificationWarnings,
  call: CallTuning
): EventSink[] {
  const url = settings.notify.webhookUrl
  if (!url) return []
  // A few bytes per event in the state file: the post step must know where delivery stopped.
  const delivered = (id: number): void => core.saveState(DELIVERED_STATE_KEY, String(id))
  return [new EventWebhookSink(url, warnings, call, delivered)]
}

/**
 * A build or deploy job edits the card the plan job posted (its id travels in the plan) and never
 * posts one: a channel whose message the plan job could not post stays without a card. A build
 * job hands the card on; the deploy job ends it. Each edit shows the plan job's card with this
 * job's lines: build jobs running at once may each show only their own until the deploy job
 * shows them all.
 */
async function resumedSinks(
  settings: Settings,
  core: Toolkit,
  warnings: NotificationWarnings,
  call: CallTuning,
  tuning: NotifyTuning
): Promise<Notifications> {
  const saved = savedCardOf(settings.split.plan)
  const sinks = eventWebhook(settings, core, warnings, call)
  if (!saved) return { sinks, warnings }
  const posted = Object.fromEntries(
    Object.entries(saved.channels).filter(([name, handle]) => wasPosted(name, handle))
  )
  const notify = settings.notify
  const { restoreChannels } = await import('./post.js')
  const channels = await restoreChannels({ ...saved, channels: posted }, notify, warnings, call)
  const options = { ...tuning.card, handOver: settings.split.phase === 'build', resumed: true }
  // The card already holds the plan's services and version: the job's own (narrowed) plan
  // would drop the other services' lines.
  const card = new StatusCardSink(saved.card, channels, () => undefined, core, options)
  return { sinks: [card, ...sinks], warnings, handover: () => card.saved() }
}

function savedCardOf(plan: string | undefined): SavedCard | undefined {
  if (!plan) return undefined
  try {
    const card = (JSON.parse(plan) as { card?: unknown }).card
    return card === undefined ? undefined : readSavedCard(JSON.stringify(card))
  } catch {
    return undefined
  }
}

/** Whether the plan job's message exists in this channel, so that editing it posts nothing new. */
function wasPosted(name: string, handle: Record<string, unknown>): boolean {
  if (name === 'Slack') return typeof handle.ts === 'string'
  if (name === 'Discord') return typeof handle.messageId === 'string' || handle.idLost === true
  if (name === 'Slack webhook') return handle.started === true
  return false
}

/**
 * With notify_strict, the sentence to fail the run with when a notification was not delivered;
 * undefined otherwise. The deployment's own status output stays what it was.
 */
export function strictNotificationFailure(
  settings: Settings,
  warnings: NotificationWarnings
): string | undefined {
  const lines = warnings.lines
  if (!settings.notify.strict || lines.length === 0) return undefined
  return `notify_strict is true and ${lines.length} notification problem(s) occurred: ${lines.join('; ')}`
}

/**
 * GitHub's side of finding the person responsible: the actor's profile and the deployed commit,
 * read with the run's token. Short retries: this runs at INIT, before anything is built.
 */
function githubLookups(settings: Settings): Partial<ResponsibleLookups> {
  if (!usesGitHubApi(settings)) return {}
  let connected: Promise<GitHubApi> | undefined
  const github = (): Promise<GitHubApi> =>
    (connected ??= connectFor(settings, {
      attempts: 2,
      baseDelayMs: 500,
      attemptTimeoutMs: 5000,
      maxRetryAfterMs: 5000
    }))
  const { owner, repo, sha } = settings.context
  return {
    profileEmail: async login => profileEmail(await github(), login),
    commitEmail: sha ? async () => commitAuthorEmail(await github(), owner, repo, sha) : undefined
  }
}

function cardContext(settings: Settings): CardContext {
  const c = settings.context
  return {
    deploymentId: settings.deploymentId,
    environment: settings.environment,
    repository: c.owner && c.repo ? `${c.owner}/${c.repo}` : c.repo,
    serverUrl: c.serverUrl,
    actor: c.actor,
    runUrl: c.runUrl,
    sha: c.sha,
    commitMessage: c.headCommitMessage,
    services: settings.services.map(s => ({ name: s.name, deploys: s.deploy !== undefined }))
  }
}
