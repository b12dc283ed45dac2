import { afterEach, describe, expect, it } from '@jest/globals'
import type { Stage } from '../../src/events/model.js'
import type { ErrorCode } from '../../src/errors.js'
import { notificationSinks } from '../../src/notify/index.js'
import { expectNoSecrets, MENTION, slackColours, startHarness, type Harness } from './harness.js'
import { captured, emitRun, notices, recordingCore, testBus, testSettings } from './support.js'

const AMBER = '#ECB22E'
const GREEN = '#2EB67D'
const RED = '#E01E5A'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('status card sequence, real clients against the simulators', () => {
  it('success: one post, an edit per phase, the final state, one DM, one mention', async () => {
    harness = await startHarness()
    await harness.run()
    const { slack, discord, slackHook, receiver, core } = harness

    expect(slack.calls).toEqual([
      'users.lookupByEmail', // the head commit author, found at INIT
      'chat.postMessage', // INIT
      'chat.update', // build
      'chat.update', // deploy
      'chat.update', // completed
      'conversations.open',
      'chat.postMessage' // the DM
    ])
    expect(slackColours(harness)).toEqual([AMBER, AMBER, AMBER, GREEN])
    const final = slack.messages[0]?.versions.at(-1)
    expect(final?.text).toContain('completed')
    const blocks = JSON.stringify(final?.attachments)
    for (const service of ['postgresql', 'webui', 'api'])
      expect(blocks).toContain(`*${service}* deployed`)
    expect(blocks).toContain('v1.4.0')
    expect(blocks).toContain('https://github.com/acme/shop/actions/runs/4242|workflow run')
    expect(blocks).toContain('https://shop.example.com/?a=1&amp;b=%3C2%3E')
    const dm = slack.messages[1]
    expect(dm?.channel).toBe('DU0OCTO00')
    expect(slack.dmChannels.get('DU0OCTO00')).toBe('U0OCTO')

    expect(discord.calls).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH', 'POST'])
    expect(discord.messages[0]?.versions.map(v => v.embeds[0]?.color)).toEqual([
      0xecb22e, 0xecb22e, 0xecb22e, 0x2eb67d
    ])
    expect(discord.messages[0]?.pinged).toEqual([])
    expect(discord.messages[1]?.pinged).toEqual([MENTION])

    // The incoming webhook cannot edit: start and end only.
    expect(slackHook.requests).toHaveLength(2)
    expect(slackHook.requests.map(r => r.json<{ text: string }>().text)).toEqual([
      expect.stringContaining('starting'),
      expect.stringContaining('completed')
    ])

    // Every event, in order, as the bus numbered them.
    const delivered = receiver.requests.map(r => r.json<{ id: number }>())
    expect(delivered).toEqual(harness.bus.events)

    // Edits were debounced: each edit waited for the 1 s since the previous one.
    expect(harness.clock.slept).toEqual([1000, 1000, 1000])
    expect(core.warnings).toEqual([])
    expect(harness.busWarnings).toEqual([])
    expectNoSecrets(harness, captured(core))
  })

  const failures: [Stage, ErrorCode, number, string | undefined][] = [
    ['TAG', 'TAG_CONFLICT', 0, undefined],
    ['RELEASE', 'RELEASE_FAILED', 0, undefined],
    ['BUILD', 'BUILD_FAILED', 1, 'webui'],
    ['PUSH', 'PUSH_FAILED', 1, 'api'],
    ['DEPLOY', 'HEALTH_CHECK_FAILED', 2, 'api']
  ]

  it.each(failures)(
    'failure at %s (%s): post, %i phase edit(s), the failed card, details in the thread, one DM',
    async (stage, code, phaseEdits, service) => {
      harness = await startHarness({ notify: { notifyUser: 'U0RESP' } })
      const details = Array.from({ length: 30 }, (_, i) => `line ${i + 1}: step failed`).join('\n')
      await harness.run({ failAt: { stage, code, service, details } })
      const { slack, discord, core } = harness

      expect(slack.calls).toEqual([
        'chat.postMessage',
        ...Array<string>(phaseEdits).fill('chat.update'),
        'chat.update', // the failed card
        'chat.postMessage', // details as a thread reply
        'conversations.open', // notify_user is a user id: no lookup
        'chat.postMessage'
      ])
      expect(slackColours(harness)).toEqual([...Array<string>(phaseEdits + 1).fill(AMBER), RED])
      const card = JSON.stringify(slack.messages[0]?.versions.at(-1))
      const reason = `${stage.toLowerCase()} failed`
      if (service) {
        // The failed service's line says why; the failure section does not say it again.
        expect(card).toContain(`❌ *${service}* failed — ${reason}`)
        expect(card.split(reason)).toHaveLength(2)
        expect(card).toContain(`"text":"${code}\\nline 1: step failed`)
      } else {
        expect(card).toContain(`${code}: ${reason}`)
      }
      expect(card).toContain('line 8: step failed')
      expect(card).not.toContain('line 9: step failed')
      const thread = slack.messages[1]
      expect(thread?.threadTs).toBe(slack.messages[0]?.ts)
      expect(thread?.versions[0]?.text).toContain('line 30: step failed')
      expect(slack.messages[2]?.channel).toBe('DU0RESP00')
      const dm = JSON.stringify(slack.messages[2]?.versions[0])
      expect(dm).toContain(code)
      // The DM has no service list: the failed service's line comes along, its reason once.
      expect(dm.split(reason)).toHaveLength(2)
      if (service) expect(dm).toContain(`❌ *${service}* failed — ${reason}`)

      expect(discord.calls).toEqual([
        'POST',
        ...Array<string>(phaseEdits + 1).fill('PATCH'),
        'POST'
      ])
      const embed = discord.messages[0]?.versions.at(-1)?.embeds[0]
      expect(embed?.color).toBe(0xe01e5a)
      expect(embed?.description?.split(reason)).toHaveLength(2)
      if (service) expect(embed?.description).toContain(`❌ **${service}** failed — ${reason}`)
      expect(discord.messages[1]?.pinged).toEqual([MENTION])
      expect(harness.receiver.requests.at(-1)?.json()).toMatchObject({
        type: 'done',
        status: 'failure'
      })
      expect(core.warnings).toEqual([])
      expectNoSecrets(harness, captured(core))
    }
  )

  it('a burst of events is folded: one post and one edit to the final state', async () => {
    harness = await startHarness()
    const { bus, card } = harness
    await emitRun(bus) // no pause between phases
    await bus.close()
    expect(harness.slack.calls.slice(1, 3)).toEqual(['chat.postMessage', 'chat.update'])
    expect(harness.slack.messages[0]?.versions).toHaveLength(2)
    expect(slackColours(harness)).toEqual([AMBER, GREEN])
    expect(harness.discord.calls).toEqual(['POST', 'PATCH', 'POST'])
    expect(card?.current.phase).toBe('completed')
  })

  it('maps the actor through slack_users before the commit e-mail', async () => {
    harness = await startHarness({ notify: { slackUsers: { OctoCat: 'U0RESP' } } })
    await harness.run()
    expect(harness.slack.calls.slice(-2)).toEqual(['conversations.open', 'chat.postMessage'])
    expect(harness.slack.calls).not.toContain('users.lookupByEmail')
    expect(harness.slack.messages.at(-1)?.channel).toBe('DU0RESP00')
  })

  it('a schedule run with no one to find sends no DM, and the card and the log say why', async () => {
    harness = await startHarness({
      settings: {
        context: {
          ...testSettings({}).context,
          eventName: 'schedule',
          headCommitAuthorEmail: undefined
        }
      }
    })
    await harness.run()
    expect(harness.slack.calls).toEqual([
      'chat.postMessage',
      'chat.update',
      'chat.update',
      'chat.update'
    ])
    expect(notices(harness.core)).toEqual([
      "Slack: no direct message: notify_user is empty, 'octocat' is not in slack_users, " +
        "octocat's GitHub profile e-mail could not be read (no GitHub API access), " +
        "the commit author's e-mail could not be read (no GitHub API access)"
    ])
    for (const version of harness.slack.messages[0]?.versions ?? []) {
      expect(JSON.stringify(version)).toContain(
        '⚠️ no one to notify: add `octocat: &lt;slack id&gt;` under slack_users'
      )
    }
    expect(harness.core.warnings).toEqual([])
  })

  it('a dry run sends nothing at all', async () => {
    harness = await startHarness()
    const before = harness.slack.requests.length // the harness's own run looked up its person
    const settings = { ...harness.settings, dryRun: true }
    const core = recordingCore()
    const { sinks, warnings } = await notificationSinks(settings, () => undefined, core)
    expect(sinks).toEqual([])
    const { bus } = testBus()
    for (const sink of sinks) bus.attach(sink)
    await emitRun(bus)
    await bus.close()
    const requests =
      harness.slack.requests.length -
      before +
      harness.discord.requests.length +
      harness.slackHook.requests.length +
      harness.receiver.requests.length
    expect(requests).toBe(0)
    expect(core.lines).toEqual([])
    expect(warnings.lines).toEqual([])
  })
})
