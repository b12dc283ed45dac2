import { afterEach, describe, expect, it } from '@jest/globals'
import type { EventInput, PipelineEvent } from '../../src/events/model.js'
import {
  applyEvent,
  clip,
  clipMiddle,
  elapsedMs,
  failureSection,
  newCard,
  type StatusCard
} from '../../src/notify/card.js'
import {
  DISCORD_LIMITS,
  discordCardMessage,
  discordMentionMessage,
  embedLength,
  escapeDiscord,
  escapeSlack,
  slackCardMessage,
  slackDirectMessage,
  slackThreadDetails
} from '../../src/notify/render.js'
import { expectNoSecrets, startHarness, type Harness } from './harness.js'
import { captured, testPlan, testSettings } from './support.js'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const context = {
  deploymentId: 'dep_1_1',
  environment: 'stage',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  actor: 'octocat',
  runUrl: 'https://github.com/acme/shop/actions/runs/1',
  sha: 'abcdef0123456789',
  commitMessage: 'feat: one\n\nbody',
  services: [
    { name: 'api', deploys: true },
    { name: 'worker', deploys: false }
  ]
}

let id = 0
function event(input: EventInput, second: number): PipelineEvent {
  return {
    id: ++id,
    timestamp: new Date(Date.UTC(2026, 10, 24, 7, 0, second)).toISOString(),
    ...input
  }
}

function fold(events: PipelineEvent[], card: StatusCard = newCard(context)): StatusCard {
  return events.reduce((c, e) => applyEvent(c, e), card)
}

describe('the card model (pure)', () => {
  it('moves init -> build -> deploy -> completed and settles every service', () => {
    const card = fold([
      event({ type: 'stage', stage: 'INIT', message: '' }, 0),
      event({ type: 'stage', stage: 'BUILD', message: '' }, 5),
      event({ type: 'progress', stage: 'BUILD', service: 'api', message: 'step 3/9' }, 6),
      event({ type: 'stage', stage: 'DEPLOY', message: '' }, 20),
      event({ type: 'progress', stage: 'DEPLOY', service: 'api', message: 'traffic 50%' }, 30)
    ])
    expect(card.phase).toBe('deploy')
    expect(card.services).toEqual([
      { name: 'api', state: 'deploying', detail: 'traffic 50%', deploys: true },
      { name: 'worker', state: 'waiting', detail: undefined, deploys: false }
    ])
    const done = applyEvent(
      card,
      event(
        {
          type: 'done',
          stage: 'DONE',
          status: 'success',
          message: '',
          deployment_url: 'https://x'
        },
        95
      )
    )
    const skipped = applyEvent(
      card,
      event(
        {
          type: 'info',
          stage: 'DEPLOY',
          service: 'worker',
          message: 'not deployed: it depends on api, which failed'
        },
        31
      )
    )
    expect(skipped.services[1]?.state).toBe('not run')
    const declared = applyEvent(
      card,
      event(
        {
          type: 'progress',
          stage: 'DEPLOY',
          service: 'api',
          message: 'all good',
          data: { service_state: 'deployed' }
        },
        32
      )
    )
    expect(declared.services[0]?.state).toBe('deployed')
    expect(done.phase).toBe('completed')
    expect(done.services.map(s => s.state)).toEqual(['deployed', 'pushed'])
    expect(done.deploymentUrl).toBe('https://x')
    expect(elapsedMs(done)).toBe(95_000)
    expect(done.commitTitle).toBe('feat: one')
    // Nothing changes a final card.
    const after = applyEvent(
      done,
      event({ type: 'error', stage: 'DONE', message: 'late', error_code: 'TIMEOUT' }, 99)
    )
    expect(after.phase).toBe('completed')
    expect(after.error).toBeUndefined()
  })

  it('a failure keeps the code and details, marks the service, and stops the others', () => {
    const card = fold([
      event({ type: 'stage', stage: 'INIT', message: '' }, 0),
      event({ type: 'stage', stage: 'BUILD', message: '' }, 1),
      event({ type: 'progress', stage: 'BUILD', service: 'api', message: 'building' }, 2),
      event({ type: 'progress', stage: 'BUILD', service: 'worker', message: 'building' }, 2),
      event(
        {
          type: 'error',
          stage: 'BUILD',
          service: 'api',
          message: 'build failed',
          error_code: 'BUILD_FAILED',
          error_details: 'a\nb'
        },
        3
      ),
      event({ type: 'done', stage: 'DONE', status: 'failure', message: '' }, 4)
    ])
    expect(card.phase).toBe('failed')
    expect(card.error).toEqual({ code: 'BUILD_FAILED', message: 'build failed', details: 'a\nb' })
    expect(card.services.map(s => s.state)).toEqual(['failed', 'stopped'])
  })

  it('a failed service shows its reason, not its last progress, and the failure section does not repeat it', () => {
    const reason = 'app chef-api: sync Failed: one or more objects failed to apply'
    const card = fold([
      event({ type: 'stage', stage: 'DEPLOY', message: '' }, 1),
      event(
        {
          type: 'progress',
          stage: 'DEPLOY',
          service: 'api',
          message: 'sync Running, OutOfSync, Progressing'
        },
        2
      ),
      event(
        {
          type: 'error',
          stage: 'DEPLOY',
          service: 'api',
          message: reason,
          error_code: 'DEPLOY_FAILED'
        },
        3
      ),
      // A line the target reports afterwards (its rollback) does not replace the reason.
      event({ type: 'progress', stage: 'DEPLOY', service: 'api', message: 'rolling back' }, 4),
      event(
        {
          type: 'info',
          stage: 'DEPLOY',
          service: 'worker',
          message: 'not deployed: it depends on api, which failed'
        },
        4
      ),
      event(
        {
          type: 'error',
          stage: 'DEPLOY',
          message: `api: ${reason}`,
          error_code: 'DEPLOY_FAILED',
          error_details: `api: DEPLOY_FAILED: ${reason}\nnot deployed: worker`
        },
        5
      ),
      event({ type: 'done', stage: 'DONE', status: 'failure', message: '' }, 6)
    ])
    expect(card.services[0]).toMatchObject({ state: 'failed', detail: reason })
    expect(failureSection(card)).toEqual({
      title: 'DEPLOY_FAILED',
      details: ['not deployed: worker']
    })
    const slack = JSON.stringify(slackCardMessage(card))
    expect(slack).toContain(`❌ *api* failed — ${reason}`)
    expect(slack.split(reason)).toHaveLength(2)
    expect(slack).not.toContain('OutOfSync')
    const discord = discordCardMessage(card).embeds?.[0]?.description ?? ''
    expect(discord.split(escapeDiscord(reason))).toHaveLength(2)

    // Two services failed: each line has its own reason; the section keeps the run's sentence.
    const two = fold(
      [
        event(
          {
            type: 'error',
            stage: 'DEPLOY',
            service: 'worker',
            message: 'timed out',
            error_code: 'TIMEOUT'
          },
          7
        ),
        event(
          {
            type: 'error',
            stage: 'DEPLOY',
            message: '2 services failed to deploy',
            error_code: 'DEPLOY_FAILED',
            error_details: `api: DEPLOY_FAILED: ${reason}\nworker: TIMEOUT: timed out`
          },
          8
        )
      ],
      { ...card, phase: 'deploy' } // as if still running, so the events still apply
    )
    expect(failureSection(two)).toEqual({
      title: 'DEPLOY_FAILED: 2 services failed to deploy',
      details: []
    })
  })

  it('takes version, tags and services from the plan once it exists', () => {
    const card = applyEvent(
      newCard(context),
      event({ type: 'stage', stage: 'VERSION', message: '' }, 1),
      testPlan()
    )
    expect([card.version, card.gitTag, card.imageTag]).toEqual(['1.4.0', 'v1.4.0', 'v1.4.0'])
    expect(card.services.map(s => s.name)).toEqual(['postgresql', 'webui', 'api'])
  })

  it('clips by UTF-16 length without splitting an emoji', () => {
    expect(clip('ab🚀cd', 4)).toBe('ab…')
    expect(clip('ab🚀cd', 5)).toBe('ab🚀…')
    expect(clip('short', 10)).toBe('short')
  })
})

describe('rendering text people typed', () => {
  const hostile =
    'fix: "quoted" \'single\' `rm -rf /` ```block``` <!channel> @everyone <@123456789012> *bold* _it_ ' +
    '[link](https://evil.example) & <b>tag</b> 🚀👩‍👩‍👧 '

  it('escapes Slack mrkdwn control characters and Discord markdown', () => {
    expect(escapeSlack('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;')
    expect(escapeDiscord('*a* `b` <@1> [x](y)')).toBe('\\*a\\* \\`b\\` \\<@1\\> \\[x\\]\\(y\\)')
  })

  it('a 10 kB commit message with quotes, backticks, newlines and emoji renders safely', async () => {
    const message = `${hostile.repeat(60)}\nsecond line\n${'x'.repeat(10_000)}`
    expect(message.length).toBeGreaterThan(10_000)
    const base = testSettings({})
    harness = await startHarness({
      settings: { context: { ...base.context, headCommitMessage: message } }
    })
    const details = `${'`'.repeat(3)}\n${'error: "x" <@1> @here 🚀\n'.repeat(500)}`
    await harness.run({
      failAt: { stage: 'DEPLOY', code: 'DEPLOY_FAILED', service: 'api', details }
    })

    // The simulators reject anything over Slack's or Discord's limits, so no warning means it fit.
    expect(harness.core.warnings).toEqual([])
    const slackCard = harness.slack.messages[0]?.versions.at(-1)
    const blocks =
      (slackCard?.attachments as { blocks: Record<string, unknown>[] }[])[0]?.blocks ?? []
    const plainTexts = JSON.stringify(blocks.filter(b => b.type === 'context'))
    expect(plainTexts).toContain(
      '"type":"plain_text","text":"fix: \\"quoted\\" \'single\' `rm -rf /`'
    )
    // Only plain_text (never interpreted) carries the commit; no mrkdwn text holds a raw mention.
    for (const block of blocks) {
      const texts = JSON.stringify(block).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g) ?? []
      for (const text of texts) expect(text).not.toMatch(/<!channel>|<@\d/)
    }
    const discordMessage = harness.discord.messages[0]
    expect(discordMessage?.pingedEveryone).toBe(false)
    expect(discordMessage?.pinged).toEqual([])
    const embed = discordMessage?.versions.at(-1)?.embeds[0]
    expect(JSON.stringify(embed)).toContain('\\\\`rm \\\\-rf /\\\\`')
    // The thread reply carries the long details as plain text, cut to a readable size.
    const thread = harness.slack.messages.find(m => m.threadTs)
    expect(thread?.versions[0]?.text.length).toBeLessThanOrEqual(12_000)
    expectNoSecrets(harness, captured(harness.core))
  })

  it('a Discord embed fits every limit however much there is to say', () => {
    const services = Array.from({ length: 60 }, (_, i) => ({ name: `service-${i}`, deploys: true }))
    let card = newCard({ ...context, services, commitMessage: 'y'.repeat(5000) })
    card = {
      ...card,
      phase: 'failed',
      error: { code: 'DEPLOY_FAILED', message: 'm'.repeat(3000), details: 'd'.repeat(9000) },
      services: card.services.map(s => ({ ...s, state: 'failed', detail: '🚀'.repeat(150) }))
    }
    const embed = discordCardMessage(card).embeds?.[0]
    if (!embed) throw new Error('no embed')
    expect(embed.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title)
    expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description)
    for (const field of embed.fields)
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue)
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.total)
    const slack = slackCardMessage(card)
    for (const block of slack.attachments[0]?.blocks ?? []) {
      const text = (block.text as { text?: string } | undefined)?.text ?? ''
      expect(text.length).toBeLessThanOrEqual(3000)
    }
  })
})

describe('limits of chat messages keep what matters', () => {
  // What failed comes first, why comes last: a 10,000-character error, as a cloud can return.
  const message = `ECS deployment failed to start: ${'x'.repeat(10_000)} exit code 137 (OOM)`
  const details = ['step 1', ...Array.from({ length: 3000 }, (_, i) => `log ${i}`), 'last line']
  const failed: StatusCard = {
    ...newCard(context),
    phase: 'failed',
    error: { code: 'DEPLOY_FAILED', message, details: details.join('\n') }
  }
  const runUrl = context.runUrl

  it('clips by the middle: both ends stay, within the limit, no emoji split', () => {
    const text = `start ${'🚀'.repeat(100)} end`
    const out = clipMiddle(text, 41)
    expect(out.length).toBeLessThanOrEqual(41)
    expect(out).toMatch(/^start (?:🚀)+ … (?:🚀)+ end$/)
    expect(clipMiddle('short', 10)).toBe('short')
  })

  it('the Discord mention stays within 2000 characters and still ends with the run link', () => {
    const content = discordMentionMessage(failed, '555000111222333444').content ?? ''
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content)
    expect(content.endsWith(`\n${runUrl}`)).toBe(true)
    expect(content).toMatch(/^<@555000111222333444> ❌ shop → stage\\: failed\n/)
    expect(content).toContain('DEPLOY\\_FAILED\\: ECS deployment failed to start')
    expect(content).toContain('exit code 137 \\(OOM\\)\n')
  })

  it('the Discord card keeps the run link and both ends of the error', () => {
    const embed = discordCardMessage(failed).embeds?.[0]
    if (!embed) throw new Error('no embed')
    expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description)
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.total)
    expect(embed.description).toContain('DEPLOY\\_FAILED\\: ECS deployment failed to start')
    expect(embed.description).toContain('exit code 137 \\(OOM\\)')
    expect(embed.description).toContain('… 2994 more lines')
    expect(embed.fields.find(f => f.name === 'Run')?.value).toContain(runUrl)
  })

  it('Slack keeps the run link and both ends of the error in every message', () => {
    const blocks = slackCardMessage(failed).attachments[0]?.blocks ?? []
    for (const block of blocks) {
      const text = (block.text as { text?: string } | undefined)?.text ?? ''
      expect(text.length).toBeLessThanOrEqual(3000)
    }
    const texts = blocks.map(b => JSON.stringify(b))
    const error = texts.find(t => t.includes('DEPLOY_FAILED: ECS deployment failed')) ?? ''
    expect(error).toContain('exit code 137 (OOM)')
    expect(texts.some(t => t.includes(`<${runUrl}|workflow run>`))).toBe(true)

    const dm = slackDirectMessage(failed)
    expect(JSON.stringify(dm.blocks[0])).toContain(`<${runUrl}|workflow run>`)
    const dmError = (dm.blocks[1]?.text as { text: string }).text
    expect(dmError.length).toBeLessThanOrEqual(3000)
    expect(dmError).toMatch(/^DEPLOY_FAILED: ECS deployment failed.* … .*exit code 137 \(OOM\)\n/s)

    const thread = slackThreadDetails(failed) ?? ''
    expect(thread.length).toBeLessThanOrEqual(12_000)
    expect(thread).toMatch(/^DEPLOY_FAILED details:\nstep 1\n.* … .*\nlast line$/s)
  })

  it('a whole failed run with it: Discord and Slack take every message, the mention ends with the link', async () => {
    harness = await startHarness()
    await harness.run({
      failAt: { stage: 'DEPLOY', code: 'DEPLOY_FAILED', service: 'api', message }
    })
    // The simulators refuse what breaks Slack's or Discord's limits: no warning means all fit.
    expect(harness.core.warnings).toEqual([])
    const mention = harness.discord.messages.find(m => m.pinged.length > 0)
    const content = mention?.versions[0]?.content ?? ''
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content)
    expect(content.endsWith(`\n${harness.settings.context.runUrl}`)).toBe(true)
  })
})
