import { afterEach, expect, it } from '@jest/globals'
import { emitRun } from '../__tests__/notify/support.js'
import { startHarness, type Harness } from '../__tests__/notify/harness.js'
import { recordBench } from './record.js'

/**
 * API calls per deployment, per channel, for a 3-service deploy (postgresql, webui, api) through
 * every stage, with the real clients against the Slack and Discord simulators. Target: one post
 * plus at most one edit per phase change. Baselines from the same run: a card edited on every
 * event, and the "message per step" habit (one message per stage event).
 */
let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

function count(calls: readonly string[], name: string): number {
  return calls.filter(c => c === name).length
}

async function measure(paced: boolean): Promise<Record<string, number>> {
  harness = await startHarness({ notify: { notifyUser: 'U0RESP' } })
  if (paced) await harness.run()
  else {
    await emitRun(harness.bus) // every event inside one debounce interval
    await harness.bus.close()
  }
  const { slack, discord, slackHook, receiver, bus } = harness
  const events = bus.events.length
  const stageEvents = bus.events.filter(e => e.type === 'stage').length
  const phaseChanges = 3 // init -> build -> deploy -> completed
  const slackUpdates = count(slack.calls, 'chat.update')
  const discordPatches = count(discord.calls, 'PATCH')
  const discordMentions = discord.messages.filter(m => m.pinged.length > 0).length
  expect(harness.core.warnings).toEqual([])
  return {
    events,
    phase_changes: phaseChanges,
    slack_posts: slack.messages.filter(m => m.channel === 'C0DEPLOYS' && !m.threadTs).length,
    slack_updates: slackUpdates,
    slack_dm_calls:
      count(slack.calls, 'conversations.open') +
      slack.messages.filter(m => m.channel.startsWith('D')).length,
    slack_calls_total: slack.requests.length,
    discord_posts: count(discord.calls, 'POST') - discordMentions,
    discord_patches: discordPatches,
    discord_mentions: discordMentions,
    discord_calls_total: discord.requests.length,
    slack_webhook_posts: slackHook.requests.length,
    event_webhook_posts: receiver.requests.length,
    edits_per_phase_change: Number(
      (Math.max(slackUpdates, discordPatches) / phaseChanges).toFixed(2)
    ),
    baseline_edit_per_event_calls: events,
    baseline_message_per_stage_calls: stageEvents,
    card_calls_vs_edit_per_event: Number(((1 + slackUpdates) / events).toFixed(3))
  }
}

it('counts API calls per deployment and channel', async () => {
  const paced = await measure(true)
  await harness?.close()
  harness = undefined
  const flood = await measure(false)
  recordBench('notify', {
    ...paced,
    flood_slack_updates: flood.slack_updates ?? 0,
    flood_discord_patches: flood.discord_patches ?? 0
  })
  expect(paced.slack_posts).toBe(1)
  // The stated goal: at most one edit per phase change on every card channel.
  expect(paced.edits_per_phase_change).toBeLessThanOrEqual(1)
})
