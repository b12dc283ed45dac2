// Where the status card goes, whatever the example deploys: the Slack Web API and a Discord
// webhook, played on 127.0.0.1 by the simulators the tests use (__tests__/simulators). Loaded
// through ./ts-hooks.mjs, which must be registered first.
import { randomUUID } from 'node:crypto'
import { startDiscordSimulator } from '../../__tests__/simulators/discord.ts'
import { startSlackSimulator } from '../../__tests__/simulators/slack.ts'

export const SLACK_CHANNEL = 'C0DEPLOYS'
const SLACK_USER = 'U0DEMO'

/**
 * Runs `start(open, close)`, where `open` keeps each started stand-in for `close`; when `start`
 * fails, what it had started is closed before the error goes on.
 */
export async function startGroup(start) {
  const opened = []
  const open = started => {
    opened.push(started)
    return started
  }
  const close = async () => {
    for (const item of opened.splice(0).reverse()) await item.close()
  }
  try {
    return await start(open, close)
  } catch (error) {
    await close()
    throw error
  }
}

/**
 * The Slack Web API (a bot that can post in SLACK_CHANNEL, and the person the direct message goes
 * to) and a Discord webhook: where the status card goes, whatever the example deploys.
 * @param {(started: {close(): Promise<void>}) => any} open
 * @param {{ actor: string, authorEmail: string }} options
 */
export async function startNotifiers(open, { actor, authorEmail }) {
  const slackToken = `xoxb-demo-${randomUUID()}`
  const slack = await open(
    await startSlackSimulator({
      token: slackToken,
      channels: { [SLACK_CHANNEL]: { member: true } },
      // The person the direct message goes to: the actor, and the commit's author by e-mail.
      users: [{ id: SLACK_USER, email: authorEmail }]
    })
  )
  const discord = await open(await startDiscordSimulator())
  return {
    inputs: {
      slack_bot_token: slackToken,
      slack_channel: SLACK_CHANNEL,
      slack_api_url: slack.apiUrl,
      slack_users: JSON.stringify({ [actor]: SLACK_USER }),
      discord_webhook_url: discord.webhookUrl
    },
    secrets: {
      slack_bot_token: slackToken,
      discord_webhook_url: discord.webhookUrl,
      discord_webhook_token: discord.webhookUrl.split('/').pop()
    },
    witness: () => notifierWitness({ slack, discord })
  }
}

/** The status card as the Slack and Discord stand-ins hold it, and the direct message. */
function notifierWitness({ slack, discord }) {
  const cards = slack.messages.filter(m => m.channel === SLACK_CHANNEL && !m.threadTs)
  const directMessages = slack.messages.filter(m => slack.dmChannels.has(m.channel))
  return {
    slack: {
      calls: slack.calls,
      cards: cards.map(m => ({ channel: m.channel, versions: m.versions.length })),
      card: cards.at(-1)?.versions.at(-1),
      directMessages: directMessages.map(m => ({
        user: slack.dmChannels.get(m.channel),
        text: m.versions.at(-1)?.text
      }))
    },
    discord: {
      calls: discord.calls,
      messages: discord.messages.map(m => ({ id: m.id, versions: m.versions.length })),
      embed: discord.messages[0]?.versions.at(-1)?.embeds?.[0]
    }
  }
}
