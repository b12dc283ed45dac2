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
import { StatusCardSink, type CardChannel, type StatusCardOptions } from './status-card.js'
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
  if (channels.length > 0 || notify.webhookUrl) {
    // Kept even without a card channel: its saved state lets the post step end the event stream.
    sinks.push(
      new StatusCardSink(newCard(cardContext(settings)), channels, plan, core, tuning.card)
    )
  }
  if (notify.webhookUrl) {
    // A few bytes per event in the state file: the post step must know where delivery stopped.
    const delivered = (id: number): void => core.saveState(DELIVERED_STATE_KEY, String(id))
    sinks.push(new EventWebhookSink(notify.webhookUrl, warnings, call, delivered))
  }
  return { sinks, warnings }
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
