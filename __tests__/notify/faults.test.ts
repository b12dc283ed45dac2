import { afterEach, describe, expect, it } from '@jest/globals'
import { strictNotificationFailure } from '../../src/notify/index.js'
import { NotificationWarnings } from '../../src/notify/warnings.js'
import { topLevelId } from '../../src/notify/discord.js'
import { EventWebhookSink } from '../../src/notify/webhook.js'
import { ANSWERED_IN_TIME_MS, HANG_TIMEOUT_MS, withDeadlinesHeld } from '../fixtures/deadlines.js'
import { waitUntil } from '../fixtures/wait.js'
import { discordRateLimited } from '../simulators/discord.js'
import { startHttpServer, type SimRequest, type SimResponse } from '../simulators/http.js'
import { slackError, slackMethod, slackRateLimited } from '../simulators/slack.js'
import { expectNoSecrets, startHarness, type Harness } from './harness.js'
import { captured, recordingCore } from './support.js'

/**
 * Notification trouble never changes the deployment: the run ends as it would have, the bus never
 * sees a sink throw, and the warning says what happened, without a token or webhook URL in it.
 */
let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = []
  return { waits, sleep: async ms => void waits.push(ms) }
}

function expectDeployUnchanged(h: Harness): void {
  expect(h.bus.events.at(-1)).toMatchObject({ type: 'done', status: 'success' })
  expect(h.busWarnings).toEqual([])
  expectNoSecrets(h, captured(h.core, h.warnings.lines))
}

describe('Slack trouble', () => {
  it('honours Retry-After on a 429 and still shows every phase', async () => {
    const { sleep, waits } = recordingSleep()
    harness = await startHarness({ tuning: { sleep } })
    harness.slack.faults.inject(slackRateLimited(2), { match: slackMethod('chat.update') })
    await harness.run()
    expect(waits).toContain(2000)
    expect(harness.slack.faultsServed).toEqual(['status'])
    expect(harness.slack.calls.filter(c => c === 'chat.update')).toHaveLength(3)
    expect(harness.core.warnings).toEqual([])
    expectDeployUnchanged(harness)
  })

  it('retries a 5xx', async () => {
    harness = await startHarness()
    harness.slack.faults.inject(
      { kind: 'status', status: 503, body: 'upstream down' },
      { times: 2, match: slackMethod('chat.postMessage') }
    )
    await harness.run()
    // The person responsible was looked up at INIT, before the card.
    expect(harness.slack.calls.slice(0, 2)).toEqual(['users.lookupByEmail', 'chat.postMessage'])
    expect(harness.slack.messages[0]?.versions).toHaveLength(4)
    expect(harness.core.warnings).toEqual([])
    expectDeployUnchanged(harness)
  })

  it('keeps warning by name while the rate limit outlasts the retries', async () => {
    const { sleep } = recordingSleep()
    harness = await startHarness({ tuning: { sleep } })
    harness.slack.faults.inject(slackRateLimited(1), {
      times: 100,
      match: slackMethod('chat.postMessage')
    })
    await harness.run()
    expect(harness.core.warnings).toContainEqual(
      expect.stringMatching(
        /^Slack: could not post the status card: rate limited \(HTTP 429, Retry-After 1 s\)$/
      )
    )
    expect(harness.discord.calls).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'POST'])
    expectDeployUnchanged(harness)
  })

  it.each([
    ['channel_not_found', { slackChannel: 'C0NOWHERE' }, 'check slack_channel'],
    ['not_in_channel', { slackChannel: 'C0OUTSIDE' }, 'invite it with /invite'],
    ['invalid_auth', { slackBotToken: 'xoxb-9999-WRONGtoken' }, 'slack_bot_token is not valid']
  ])('reports ok:false %s by name and stops trying that channel', async (name, notify, hint) => {
    harness = await startHarness({ notify })
    harness.secrets.push('xoxb-9999-WRONGtoken')
    await harness.run()
    expect(harness.core.warnings).toHaveLength(1)
    expect(harness.core.warnings[0]).toMatch(/^Slack: could not post the status card: /)
    expect(harness.core.warnings[0]).toContain(`${name}: `)
    expect(harness.core.warnings[0]).toContain(hint)
    expect(harness.core.warnings[0]).toContain('no further Slack updates in this run')
    expect(harness.slack.requests.filter(r => r.path.startsWith('/api/chat.'))).toHaveLength(1)
    expect(harness.discord.calls).toHaveLength(5)
    expectDeployUnchanged(harness)
  })

  it('an ok:false on one update is reported and the next phase edits again', async () => {
    harness = await startHarness()
    harness.slack.faults.inject(slackError('fatal_error'), {
      times: 3,
      match: slackMethod('chat.update')
    })
    await harness.run()
    expect(harness.core.warnings).toEqual(['Slack: could not update the status card: fatal_error'])
    expect(harness.slack.messages[0]?.versions).toHaveLength(3) // post, deploy, completed
    expectDeployUnchanged(harness)
  })

  it('a hang past the timeout is abandoned; the card is posted at the next phase', async () => {
    // Every call of the run has this timeout (Slack's client keeps timers of its own, so it is
    // not held): one attempt, so the hang is waited out once.
    harness = await startHarness({ tuning: { attemptTimeoutMs: HANG_TIMEOUT_MS, attempts: 1 } })
    harness.slack.faults.inject({ kind: 'hang' }, { match: slackMethod('chat.postMessage') })
    await harness.run()
    expect(harness.core.warnings).toEqual([
      'Slack: could not post the status card: Slack did not answer in time'
    ])
    expect(harness.slack.calls.slice(0, 4)).toEqual([
      'users.lookupByEmail', // the person responsible, at INIT
      'chat.postMessage',
      'chat.update',
      'chat.update'
    ])
    expect(harness.slack.messages[0]?.versions.at(-1)?.text).toContain('completed')
    expectDeployUnchanged(harness)
  })

  it('a DM to an unknown notify_user e-mail is a warning that names it', async () => {
    harness = await startHarness({ users: [], notify: { notifyUser: 'nobody@example.com' } })
    await harness.run()
    expect(harness.core.warnings).toEqual([
      'Slack: could not send the direct message to nobody@example.com (from notify_user): ' +
        'users_not_found: no Slack user has that e-mail address'
    ])
    expectDeployUnchanged(harness)
  })
})

describe('Discord trouble', () => {
  it('honours retry_after from the 429 body', async () => {
    const { sleep, waits } = recordingSleep()
    harness = await startHarness({ tuning: { sleep } })
    harness.discord.faults.inject(discordRateLimited(0.25), { match: r => r.method === 'PATCH' })
    await harness.run()
    // The body says 0.25 s; the Retry-After header (whole seconds) would say 1 s.
    expect(waits).toContain(250)
    expect(waits).not.toContain(1000)
    expect(harness.discord.calls).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'POST'])
    expect(harness.core.warnings).toEqual([])
    expectDeployUnchanged(harness)
  })

  it('retries a dropped connection and a malformed answer', async () => {
    harness = await startHarness()
    harness.discord.faults.inject({ kind: 'reset' }, { match: r => r.method === 'POST' })
    harness.discord.faults.inject({ kind: 'malformed' }, { match: r => r.method === 'PATCH' })
    await harness.run()
    expect(harness.discord.faultsServed).toEqual(['reset', 'malformed'])
    expect(harness.discord.messages[0]?.versions).toHaveLength(4)
    expect(harness.core.warnings).toEqual([])
    expectDeployUnchanged(harness)
  })

  it('a cut answer to the card post is not sent again: one card, and the mention at the end', async () => {
    harness = await startHarness()
    harness.discord.cutAnswers(
      r => r.method === 'POST' && r.url.searchParams.get('wait') === 'true'
    )
    await harness.run()
    const cards = harness.discord.messages.filter(m => m.versions[0]?.embeds.length)
    expect(cards).toHaveLength(1)
    expect(cards[0]?.versions).toHaveLength(1) // its id never came back: not edited
    expect(harness.discord.messages.filter(m => m.pinged.length > 0)).toHaveLength(1)
    expect(harness.discord.calls).toEqual(['POST', 'POST'])
    expect(harness.core.warnings).toEqual([
      'Discord: could not post the status card: Discord webhook POST answered HTTP 200 with a ' +
        'body that is not JSON; the card cannot be edited, only the final mention will follow'
    ])
    expectDeployUnchanged(harness)
  })

  it('an answer cut mid-body after the id: read back by that id, one card, edited to the end', async () => {
    harness = await startHarness()
    const cardPost = (r: SimRequest) =>
      r.method === 'POST' && r.url.searchParams.get('wait') === 'true'
    harness.discord.cutAnswers(cardPost, 1, { at: 'after-id', reset: true })
    await harness.run()
    const cards = harness.discord.messages.filter(m => m.versions[0]?.embeds.length)
    expect(cards).toHaveLength(1)
    expect(cards[0]?.versions.at(-1)?.embeds[0]?.title).toContain('completed')
    expect(harness.discord.faultsServed).toEqual(['cut-body'])
    // Read back by its own id, never posted again; the mention is the only other message.
    const id = cards[0]?.id
    expect(
      harness.discord.requests.map(r => `${r.method} ${r.path.endsWith(`/${id}`) ? 'card' : ''}`)
    ).toEqual(['POST ', 'GET card', 'PATCH card', 'PATCH card', 'PATCH card', 'POST '])
    expect(harness.core.warnings).toEqual([])
    expectDeployUnchanged(harness)
  })

  it.each([
    ['the connection drops', true],
    ['the answer ends short', false]
  ])('an answer cut before the id (%s): one card, not posted again', async (_, reset) => {
    harness = await startHarness()
    harness.discord.cutAnswers(
      r => r.method === 'POST' && r.url.searchParams.get('wait') === 'true',
      1,
      { at: 'before-id', reset }
    )
    await harness.run()
    const cards = harness.discord.messages.filter(m => m.versions[0]?.embeds.length)
    expect(cards).toHaveLength(1)
    expect(harness.discord.calls).toEqual(['POST', 'POST']) // the card, then the mention
    expect(harness.core.warnings).toEqual([
      expect.stringMatching(
        /^Discord: could not post the status card: Discord webhook POST answered HTTP 200 with .*; the card cannot be edited, only the final mention will follow$/
      )
    ])
    expectDeployUnchanged(harness)
  })

  it('a deleted webhook (404) stops further tries after one warning', async () => {
    harness = await startHarness()
    harness.discord.deleteWebhook()
    await harness.run()
    expect(harness.discord.requests).toHaveLength(1)
    expect(harness.core.warnings).toEqual([
      'Discord: could not post the status card: HTTP 404 Unknown Webhook (code 10015); ' +
        'the webhook is gone or its token is wrong, no further Discord updates in this run'
    ])
    expect(harness.slack.messages[0]?.versions).toHaveLength(4)
    expectDeployUnchanged(harness)
  })
})

describe("a cut Discord answer's own id", () => {
  it.each([
    [
      'whole, after the embeds',
      '{"type":0,"embeds":[{"title":"x"}],"id":"1201","author":{"id"',
      '1201'
    ],
    ['cut inside the id', '{"type":0,"embeds":[],"id":"12', undefined],
    ['only the author id arrived', '{"author":{"id":"555"},"mentions":[{"id":"7"}],"co', undefined],
    ['"id" inside a string', '{"content":"\\"id\\":\\"9\\"","id":"42"', '42'],
    ['a value "id", not a key', '{"content":"id","embeds":[', undefined]
  ])('%s', (_, body, id) => {
    expect(topLevelId(body)).toBe(id)
  })
})

describe('webhooks', () => {
  it('a dead event receiver costs warnings, not the deploy, and one try per event', async () => {
    const { sleep, waits } = recordingSleep()
    harness = await startHarness({ tuning: { sleep } })
    await harness.receiver.close()
    await harness.run()
    const total = harness.bus.events.length
    expect(harness.core.warnings).toEqual([
      expect.stringMatching(
        /^Event webhook: event 1 \(stage INIT\) was not delivered: fetch failed \(ECONNREFUSED\)$/
      ),
      `Event webhook: ${total} of ${total} events were not delivered`
    ])
    // Backoff waits (attempts - 1 of them) for the first event only: later events get one try.
    expect(waits).toHaveLength(2)
    expect(harness.slack.messages[0]?.versions).toHaveLength(4)
    expectDeployUnchanged(harness)
  })

  it('delivers every event once, in order, through 5xx and a hang', async () => {
    const bodies: number[] = []
    harness = await startHarness()
    const receiver = await startHttpServer(request => {
      bodies.push(request.json<{ id: number }>().id)
      return { status: 200, body: 'ok' }
    })
    receiver.faults.inject(
      { kind: 'status', status: 502 },
      { times: 2, match: r => r.json<{ id: number }>().id === 3 }
    )
    receiver.faults.inject({ kind: 'hang' }, { match: r => r.json<{ id: number }>().id === 7 })
    const { EventWebhookSink } = await import('../../src/notify/webhook.js')
    const { NotificationWarnings } = await import('../../src/notify/warnings.js')
    const sink = new EventWebhookSink(
      `${receiver.url}/x`,
      new NotificationWarnings(harness.core, []),
      {
        attempts: 3,
        baseDelayMs: 5,
        attemptTimeoutMs: 150,
        maxRetryAfterMs: 1000
      }
    )
    harness.bus.attach(sink)
    // The sink's deadline passes once the hang is seen; the other calls' (30 s) are never reached.
    await withDeadlinesHeld(async pass => {
      const running = harness!.run()
      await waitUntil('the hang', () => receiver.faultsServed.includes('hang'))
      await pass(150)
      await running
    })
    expect(bodies).toEqual(harness.bus.events.map(e => e.id))
    expect(receiver.faultsServed).toEqual(['status', 'status', 'hang'])
    expect(harness.core.warnings).toEqual([])
    await receiver.close()
  })

  it('a revoked Slack incoming webhook (404 no_service) is given up after one warning', async () => {
    harness = await startHarness()
    harness.slackHook.faults.inject(
      { kind: 'status', status: 404, body: 'no_service' },
      { times: 5 }
    )
    await harness.run()
    expect(harness.slackHook.requests).toHaveLength(1)
    expect(harness.core.warnings).toEqual([
      'Slack webhook: could not post the start message: HTTP 404: no_service; the webhook is gone or revoked'
    ])
    expectDeployUnchanged(harness)
  })
})

describe('secrets in error answers', () => {
  const path = '/deploy-events/receiverSECRET42'
  const query = '?sig=QUERYsecret9'

  it.each<[string, (url: string) => SimResponse, string]>([
    [
      'the whole URL in a JSON error',
      url => ({ status: 404, body: { error: `no hook at ${url}` } }),
      'HTTP 404: no hook at ***'
    ],
    [
      'the path and query in a JSON message',
      () => ({ status: 400, body: { message: `bad signature for ${path}${query}` } }),
      'HTTP 400: bad signature for ***'
    ],
    [
      'only the path in a JSON message',
      () => ({ status: 404, body: { message: `Cannot POST ${path}` } }),
      'HTTP 404: Cannot POST ***'
    ],
    [
      'the path in an HTML page (Express)',
      () => ({
        status: 404,
        headers: { 'content-type': 'text/html' },
        body: `<!DOCTYPE html><pre>Cannot POST ${path}</pre>`
      }),
      'HTTP 404'
    ]
  ])('a receiver that echoes %s: the warning has neither', async (_, answer, said) => {
    const core = recordingCore()
    let url = ''
    const receiver = await startHttpServer(() => answer(url))
    url = `${receiver.url}${path}${query}`
    try {
      const warnings = new NotificationWarnings(core, [url])
      const sink = new EventWebhookSink(url, warnings, {
        attempts: 1,
        baseDelayMs: 5,
        attemptTimeoutMs: ANSWERED_IN_TIME_MS,
        maxRetryAfterMs: 1000
      })
      await sink.handle({ id: 1, type: 'stage', stage: 'INIT', message: 'x', timestamp: '' })
      expect(core.warnings).toEqual([
        `Event webhook: event 1 (stage INIT) was not delivered: ${said}`
      ])
      for (const secret of ['receiverSECRET42', 'QUERYsecret9']) {
        expect(core.rawLog()).not.toContain(secret)
      }
    } finally {
      await receiver.close()
    }
  })

  it('scrubs the user:password of a URL, and its encoded forms', () => {
    const core = recordingCore()
    const url = 'https://hooks:PASSsecret77@hooks.example.com/in/HOOKsecret5'
    new NotificationWarnings(core, [url]).warn(
      'Event webhook',
      `login hooks:PASSsecret77 refused; ${encodeURIComponent(url)}; POST /in/HOOKsecret5`
    )
    expect(core.warnings).toEqual(['Event webhook: login *** refused; ***; POST ***'])
  })
})

describe('notify_strict', () => {
  it('turns delivered-or-not into the sentence main fails the run with', async () => {
    harness = await startHarness({ notify: { slackChannel: 'C0NOWHERE', strict: true } })
    await harness.run()
    expect(strictNotificationFailure(harness.settings, harness.warnings)).toMatch(
      /^notify_strict is true and 1 notification problem\(s\) occurred: Slack: could not post the status card: channel_not_found/
    )
    const lenient = { ...harness.settings, notify: { ...harness.settings.notify, strict: false } }
    expect(strictNotificationFailure(lenient, harness.warnings)).toBeUndefined()
  })
})
