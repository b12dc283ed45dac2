import type { ErrorCode } from '../errors.js'
import { CLOSE_BUDGET_MS } from '../events/bus.js'
import type { EventInput, PipelineEvent, Stage } from '../events/model.js'
import { withDeadline } from '../runtime/deadline.js'
import { formatDuration } from '../runtime/duration.js'
import { InputReader } from '../settings/inputs.js'
import { Problems } from '../settings/problems.js'
import type { Toolkit } from '../toolkit.js'
import { applyEvent, finish, isFinal, type StatusCard } from './card.js'
import { DiscordCardChannel } from './discord.js'
import { DEFAULT_CALL_TUNING, describeFailure, type CallTuning } from './http.js'
import { createSlackApi, SlackCardChannel, type Recipient } from './slack.js'
import { SlackWebhookChannel } from './slack-webhook.js'
import { readSavedCard, STATE_KEY, type CardChannel, type SavedCard } from './status-card.js'
import { NotificationWarnings } from './warnings.js'
import { DELIVERED_STATE_KEY, EventWebhookSink } from './webhook.js'

/** What the post step knows of the run main left; src/post.ts reads it from main's saved state. */
export interface EndedRun {
  /** The event log as main wrote it (and the post step closed it). */
  events: readonly PipelineEvent[]
  /** Main saw SIGINT/SIGTERM before it stopped. */
  cancelRequested: boolean
}

/**
 * The post step's part: when main never showed a final card (the run was cancelled, crashed or
 * hit the job timeout), finish it from what main saved: edit the card to cancelled or failed,
 * send the direct message and the mention, and send the last events to the event webhook.
 * Secrets are not in the saved state; they are read again from the step's inputs.
 */
export async function finishFromPost(
  core: Toolkit,
  run: EndedRun,
  env: NodeJS.ProcessEnv,
  tuning: { call?: Partial<CallTuning>; closeBudgetMs?: number } = {}
): Promise<void> {
  const saved = readSavedCard(core.getState(STATE_KEY))
  if (!saved) return core.debug('notify: no status card was started; nothing to finish')
  if (saved.finished) return core.debug('notify: the status card already shows the final state')

  const inputs = readPostInputs(core, env)
  const warnings = new NotificationWarnings(core, inputs.secrets)
  // Main read the same inputs and would have stopped on a problem; warn, and do what still can be.
  for (const problem of inputs.problems) warnings.warn('Post step', problem)
  const call: CallTuning = { ...DEFAULT_CALL_TUNING, ...tuning.call }

  // The event log has what happened after main last saved the card, and (when the post step
  // closed the log first) the final error and done: fold them so card, log and webhook agree.
  const logged = run.events
  let card = logged
    .filter(e => e.id > saved.card.lastEventId)
    .reduce((c, e) => applyEvent(c, e), saved.card)
  let closing: PipelineEvent[] = []
  if (!isFinal(card)) {
    const ended = endCard(card, run.cancelRequested, new Date())
    closing = lastEvents(card, ended, Math.max(card.lastEventId, ...logged.map(e => e.id)))
    card = ended
  }
  core.info(`notify: the run ended without showing a final status; marking the card ${card.phase}`)

  const channels = await restoreChannels(saved, inputs, warnings, call)
  const webhookUrl = inputs.webhookUrl
  // As at the end of main: the job does not wait for notifications past the close budget.
  const budgetMs = tuning.closeBudgetMs ?? CLOSE_BUDGET_MS
  const overran = (): Error =>
    new Error(`the post step does not wait more than ${formatDuration(budgetMs)} for it`)
  const send = async (signal: AbortSignal): Promise<void> => {
    const shown = Promise.all(channels.map(channel => channel.show(card, signal)))
    if (webhookUrl) {
      const delivered = Number(core.getState(DELIVERED_STATE_KEY)) || 0
      const sink = new EventWebhookSink(webhookUrl, warnings, call)
      for (const event of [...logged, ...closing]) {
        if (event.id > delivered) await sink.handle(event, signal)
      }
      sink.close()
    }
    await shown
  }
  await withDeadline(undefined, budgetMs, overran, send, { graceMs: 1000 }).catch(error =>
    warnings.warn('Post step', `notifications left unfinished: ${describeFailure(error)}`)
  )
}

/** Cancelled when main saw a signal or a CANCELLED error; failed otherwise (a crash). */
export function endCard(card: StatusCard, cancelRequested: boolean, now: Date): StatusCard {
  const cancelled = cancelRequested || card.error?.code === 'CANCELLED'
  const error = card.error ?? {
    code: cancelled ? 'CANCELLED' : failureCode(card.stage),
    message: cancelled
      ? `the workflow run was cancelled during ${card.stage}`
      : `the run stopped during ${card.stage} without reporting a result (crashed or timed out)`,
    details: undefined
  }
  const ended = { ...card, error, updatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }
  return finish(ended, cancelled ? 'cancelled' : 'failure')
}

function failureCode(stage: Stage): ErrorCode {
  switch (stage) {
    case 'RELEASE':
      return 'RELEASE_FAILED'
    case 'BUILD':
      return 'BUILD_FAILED'
    case 'PUSH':
      return 'PUSH_FAILED'
    default:
      return 'DEPLOY_FAILED'
  }
}

/** When nobody closed the log: the error (unless main got that far) and done. */
export function lastEvents(before: StatusCard, after: StatusCard, lastId: number): PipelineEvent[] {
  const timestamp = after.updatedAt ?? new Date().toISOString()
  const inputs: EventInput[] = []
  if (!before.error && after.error) {
    inputs.push({
      type: 'error',
      stage: after.stage,
      message: after.error.message,
      error_code: after.error.code
    })
  }
  inputs.push({
    type: 'done',
    stage: 'DONE',
    status: after.phase === 'cancelled' ? 'cancelled' : 'failure',
    message: `deployment ${after.phase}`,
    ...(after.deploymentUrl ? { deployment_url: after.deploymentUrl } : {})
  })
  return inputs.map((input, i) => ({ id: lastId + 1 + i, ...input, timestamp }))
}

interface PostInputs {
  slackBotToken: string | undefined
  /** Undefined: Slack's own default. */
  slackApiUrl: string | undefined
  slackWebhookUrl: string | undefined
  discordWebhookUrl: string | undefined
  discordMention: string | undefined
  webhookUrl: string | undefined
  /** Every secret as given, for the warnings to scrub. */
  secrets: (string | undefined)[]
  /** A malformed URL reads as absent, so that one bad input cannot stop the other channels. */
  problems: readonly string[]
}

/** The inputs the post step needs, read (and masked) the way settings reads them for main. */
function readPostInputs(core: Pick<Toolkit, 'setSecret'>, env: NodeJS.ProcessEnv): PostInputs {
  const problems = new Problems()
  const getInput = (name: string): string => env[`INPUT_${name.toUpperCase()}`] ?? ''
  const input = new InputReader({ getInput, setSecret: value => core.setSecret(value) }, problems)
  const slackBotToken = input.secret('slack_bot_token')
  const slackWebhookUrl = input.absoluteUrl('slack_webhook_url', { secret: true })
  const discordWebhookUrl = input.absoluteUrl('discord_webhook_url', { secret: true })
  const webhookUrl = input.absoluteUrl('webhook_url', { secret: true })
  const before = problems.count
  const slackApiUrl = input.absoluteUrl('slack_api_url')
  return {
    // A bot token never goes to Slack's default when the URL the user meant is malformed.
    slackBotToken: problems.count > before ? undefined : slackBotToken,
    slackApiUrl,
    slackWebhookUrl,
    discordWebhookUrl,
    discordMention: input.optional('discord_mention'),
    webhookUrl,
    secrets: [slackBotToken, slackWebhookUrl, discordWebhookUrl, webhookUrl],
    problems: problems.all
  }
}

/** What re-opening a card's channels needs: the secrets and URLs of the step that does it. */
export type ChannelSecrets = Pick<
  PostInputs,
  'slackBotToken' | 'slackApiUrl' | 'slackWebhookUrl' | 'discordWebhookUrl' | 'discordMention'
>

/**
 * The channels of a saved card, set up again from their handles (the Slack message, the Discord
 * message id): the post step finishes a card this way, and a later job of a split workflow edits
 * the card the plan job posted.
 */
export async function restoreChannels(
  saved: SavedCard,
  inputs: ChannelSecrets,
  warnings: NotificationWarnings,
  call: CallTuning
): Promise<CardChannel[]> {
  const restored = await Promise.all([
    restore('Slack', warnings, async () => {
      const slack = saved.channels['Slack'] as
        { channel?: string; ts?: string; finished?: boolean; recipient?: Recipient } | undefined
      if (!slack?.channel || !inputs.slackBotToken) return undefined
      const api = await createSlackApi(inputs.slackBotToken, inputs.slackApiUrl, call)
      const recipient = slack.recipient ?? { kind: 'none', reason: 'no recipient was saved' }
      return new SlackCardChannel(api, slack.channel, recipient, warnings, slack)
    }),
    restore('Slack webhook', warnings, () => {
      const webhook = saved.channels['Slack webhook']
      if (!webhook || !inputs.slackWebhookUrl) return undefined
      return new SlackWebhookChannel(inputs.slackWebhookUrl, warnings, call, webhook)
    }),
    restore('Discord', warnings, () => {
      const discord = saved.channels['Discord']
      if (!discord || !inputs.discordWebhookUrl) return undefined
      const { discordWebhookUrl, discordMention } = inputs
      return new DiscordCardChannel(discordWebhookUrl, discordMention, warnings, call, discord)
    })
  ])
  return restored.filter(channel => channel !== undefined)
}

/** One channel that cannot be set up again is a warning; the others still finish their card. */
async function restore(
  name: string,
  warnings: NotificationWarnings,
  build: () => CardChannel | undefined | Promise<CardChannel | undefined>
): Promise<CardChannel | undefined> {
  try {
    return await build()
  } catch (error) {
    warnings.warn(name, `could not finish the status card: ${describeFailure(error)}`)
    return undefined
  }
}
