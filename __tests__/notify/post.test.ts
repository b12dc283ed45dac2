import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appendEvents, readEventLog } from '../../src/events/event-log.js'
import { fileSink } from '../../src/events/sinks/file.js'
import { finishFromPost, type EndedRun } from '../../src/notify/post.js'
import { STATE_KEY } from '../../src/notify/status-card.js'
import {
  expectNoSecrets,
  MENTION,
  SLACK_TOKEN,
  slackColours,
  startHarness,
  type Harness
} from './harness.js'
import { ANSWERED_IN_TIME_MS } from '../fixtures/deadlines.js'
import { slackMethod } from '../simulators/slack.js'
import { captured, recordingCore } from './support.js'

/**
 * Main was stopped before it showed a final state (cancelled, crashed, timed out): the post step
 * finishes the card from the state main saved, and sends what main could not.
 */
let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

function postEnv(h: Harness): NodeJS.ProcessEnv {
  const n = h.settings.notify
  return {
    INPUT_SLACK_BOT_TOKEN: SLACK_TOKEN,
    INPUT_SLACK_CHANNEL: n.slackChannel,
    INPUT_SLACK_API_URL: n.slackApiUrl,
    INPUT_SLACK_WEBHOOK_URL: n.slackWebhookUrl,
    INPUT_DISCORD_WEBHOOK_URL: n.discordWebhookUrl,
    INPUT_DISCORD_MENTION: MENTION,
    INPUT_WEBHOOK_URL: n.webhookUrl
  }
}

const tuning = { call: { attempts: 2, baseDelayMs: 5, attemptTimeoutMs: ANSWERED_IN_TIME_MS } }

/** Main writes the event log, as src/main.ts does. */
function withEventLog(h: Harness): string {
  const path = join(mkdtempSync(join(tmpdir(), 'notify-post-')), 'events.ndjson')
  h.bus.attach(fileSink(path))
  return path
}

/** What src/post.ts hands over from main's saved state: the event log, and a signal seen. */
function endedRun(log?: string, cancelRequested = false): EndedRun {
  return { events: log ? readEventLog(log).events : [], cancelRequested }
}

describe('the post step finishes a card main left unfinished', () => {
  it('cancelled by a signal during DEPLOY: the card says cancelled, one DM, the last events', async () => {
    harness = await startHarness()
    const log = withEventLog(harness)
    await harness.run({ stopAfter: 'DEPLOY' })
    const seen = harness.bus.events.length
    expect(harness.slack.calls).toEqual([
      'users.lookupByEmail', // the person responsible, found at INIT and saved for the post step
      'chat.postMessage',
      'chat.update',
      'chat.update'
    ])

    // What src/post.ts does before calling us: close the event log.
    const closing = appendEvents(log, [
      {
        type: 'error',
        stage: 'DONE',
        message: 'the workflow was cancelled',
        error_code: 'CANCELLED'
      },
      { type: 'done', stage: 'DONE', status: 'cancelled', message: 'cancelled' }
    ])
    const post = recordingCore(harness.core.state)
    // Main's signal handler saved the cancel.
    await finishFromPost(post, endedRun(log, true), postEnv(harness), tuning)

    expect(harness.slack.calls).toEqual([
      'users.lookupByEmail',
      'chat.postMessage',
      'chat.update',
      'chat.update',
      'chat.update', // cancelled
      'conversations.open', // to the user main found: no lookup again
      'chat.postMessage'
    ])
    expect(slackColours(harness).at(-1)).toBe('#9E9E9E')
    const card = JSON.stringify(harness.slack.messages[0]?.versions.at(-1))
    expect(card).toContain('cancelled')
    expect(card).toContain('CANCELLED: the workflow was cancelled')
    // Lines main logged after it last saved the card are folded in from the event log.
    expect(card).toContain('✅ *api* deployed')
    expect(harness.discord.calls).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'POST'])
    expect(harness.discord.messages[1]?.pinged).toEqual([MENTION])
    expect(harness.slackHook.requests).toHaveLength(2)
    // Main delivered everything it emitted; the post step sends the log's closing events.
    const delivered = harness.receiver.requests.map(r => r.json<Record<string, unknown>>())
    expect(delivered.slice(seen)).toEqual(closing)
    expect(closing.map(e => e.id)).toEqual([seen + 1, seen + 2])
    // Tokens and URLs read from the inputs are masked before anything else happens.
    expect(post.secrets).toEqual(
      expect.arrayContaining([SLACK_TOKEN, harness.settings.notify.webhookUrl])
    )
    expect(post.warnings).toEqual([])
    expectNoSecrets(harness, captured(post))
  })

  it('sends the event webhook every event main could not deliver, once, in order', async () => {
    harness = await startHarness({ tuning: { attempts: 1 } })
    const log = withEventLog(harness)
    let answering = true
    harness.receiver.faults.inject(
      { kind: 'status', status: 503 },
      { times: 1000, match: () => !answering }
    )
    await harness.run({
      stopAfter: 'DEPLOY',
      between: async () => {
        answering = false // the receiver goes down after INIT
      }
    })
    answering = true
    const delivered = Number(harness.core.state['notify_webhook_delivered'])
    expect(delivered).toBe(8) // INIT, VERSION, TAG, RELEASE: a stage and an info event each
    appendEvents(log, [{ type: 'done', stage: 'DONE', status: 'failure', message: 'crashed' }])
    const before = harness.receiver.requests.length
    await finishFromPost(recordingCore(harness.core.state), endedRun(log), postEnv(harness), tuning)
    const sent = harness.receiver.requests.slice(before).map(r => r.json<{ id: number }>().id)
    const all = harness.bus.events.length + 1
    expect(sent).toEqual(Array.from({ length: all - delivered }, (_, i) => delivered + 1 + i))
  })

  it('crashed without a signal during BUILD: the card says failed with the phase code', async () => {
    harness = await startHarness({
      notify: { discordWebhookUrl: undefined, webhookUrl: undefined }
    })
    await harness.run({ stopAfter: 'BUILD' })
    const post = recordingCore(harness.core.state)
    await finishFromPost(post, endedRun(), postEnv(harness), tuning)
    expect(slackColours(harness)).toEqual(['#ECB22E', '#ECB22E', '#E01E5A'])
    expect(JSON.stringify(harness.slack.messages[0]?.versions.at(-1))).toContain(
      'BUILD_FAILED: the run stopped during BUILD without reporting a result (crashed or timed out)'
    )
    expect(harness.slack.calls.slice(-2)).toEqual(['conversations.open', 'chat.postMessage'])
  })

  it('repairs a card whose final edit failed in main (503 on the last chat.update)', async () => {
    const h = (harness = await startHarness())
    const updates = (): number => h.slack.calls.filter(c => c === 'chat.update').length
    h.slack.faults.inject(
      { kind: 'status', status: 503, body: 'upstream down' },
      { times: 3, match: r => slackMethod('chat.update')(r) && updates() === 2 }
    )
    await h.run()
    expect(h.core.warnings).toEqual(['Slack: could not update the status card: HTTP 503'])
    expect(JSON.parse(h.core.state[STATE_KEY] ?? '{}')).toMatchObject({ finished: false })
    expect(h.slack.messages[0]?.versions.at(-1)?.text).not.toContain('completed')
    const others = [h.discord, h.slackHook, h.receiver].map(s => s.requests.length)

    const post = recordingCore(h.core.state)
    await finishFromPost(post, endedRun(), postEnv(h), tuning)
    expect(h.slack.calls.slice(-3)).toEqual([
      'chat.update', // completed
      'conversations.open',
      'chat.postMessage' // the DM main never sent
    ])
    expect(h.slack.messages[0]?.versions.at(-1)?.text).toContain('completed')
    // The channels that had shown the final card are left alone.
    expect([h.discord, h.slackHook, h.receiver].map(s => s.requests.length)).toEqual(others)
    expect(post.warnings).toEqual([])
  })

  it('a malformed discord_webhook_url costs a warning; the other channels still finish', async () => {
    harness = await startHarness()
    await harness.run({ stopAfter: 'DEPLOY' })
    const discordCalls = harness.discord.requests.length
    const post = recordingCore(harness.core.state)
    const env = { ...postEnv(harness), INPUT_DISCORD_WEBHOOK_URL: 'discord.com/api/webhooks/1/x' }
    await finishFromPost(post, endedRun(), env, tuning)
    expect(post.warnings).toEqual([
      "Post step: input 'discord_webhook_url': expected an http(s) URL, got (hidden)"
    ])
    expect(post.secrets).toContain('discord.com/api/webhooks/1/x')
    expect(harness.discord.requests).toHaveLength(discordCalls)
    expect(JSON.stringify(harness.slack.messages[0]?.versions.at(-1))).toContain('DEPLOY_FAILED')
    expect(harness.slackHook.requests).toHaveLength(2)
    expect(harness.receiver.requests.at(-1)?.json()).toMatchObject({ type: 'done' })
  })

  it('with every server hanging, ends at its close budget and warns of each channel', async () => {
    harness = await startHarness()
    withEventLog(harness)
    await harness.run({ stopAfter: 'DEPLOY' })
    for (const server of [harness.slack, harness.discord, harness.slackHook, harness.receiver]) {
      server.faults.inject({ kind: 'hang' }, { times: 1000 })
    }
    const post = recordingCore(harness.core.state)
    // Attempts of a minute: only the close budget can end this before jest's timeout.
    const hanging = { call: { attempts: 3, attemptTimeoutMs: 60_000 }, closeBudgetMs: 500 }
    await finishFromPost(post, endedRun(), postEnv(harness), hanging)
    const budget = 'the post step does not wait more than 500 ms for it'
    expect(post.warnings).toEqual(
      expect.arrayContaining([
        `Slack: could not update the status card: ${budget}`,
        `Discord: could not edit the status card: ${budget}`,
        `Slack webhook: could not post the final message: ${budget}`,
        expect.stringMatching(
          new RegExp(`^Event webhook: event \\d+ .*was not delivered: ${budget}$`)
        )
      ])
    )
  })

  it('does nothing when main already showed the final state', async () => {
    harness = await startHarness()
    await harness.run()
    const before = [harness.slack, harness.discord, harness.slackHook, harness.receiver].map(
      s => s.requests.length
    )
    const post = recordingCore(harness.core.state)
    await finishFromPost(post, endedRun(), postEnv(harness), tuning)
    const after = [harness.slack, harness.discord, harness.slackHook, harness.receiver].map(
      s => s.requests.length
    )
    expect(after).toEqual(before)
    expect(post.lines).toEqual(['::debug::notify: the status card already shows the final state'])
  })

  it('does nothing when main saved no card (a dry run, nothing configured, or INIT failed)', async () => {
    const post = recordingCore()
    await finishFromPost(post, endedRun(), {}, tuning)
    expect(post.lines).toEqual(['::debug::notify: no status card was started; nothing to finish'])
  })
})
