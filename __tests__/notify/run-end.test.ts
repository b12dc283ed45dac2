import { afterEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { run } from '../../src/main.js'
import { createTestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'
import { startHarness, type Harness } from './harness.js'

/**
 * Notifications never hold up the deploy: with the Slack API and the event webhook accepting
 * connections and never answering, a whole run ends with the status it earned, each channel
 * warns by name, and nothing is still being sent once the run has ended. The budgets are the
 * action's own mechanism, shortened: a call is 2 attempts of 300 ms, the last notifications
 * together get 2 s.
 */
const CALL = { attempts: 2, baseDelayMs: 10, attemptTimeoutMs: 300, maxRetryAfterMs: 1000 }
const CLOSE_BUDGET_MS = 2000
const SLACK_TOKEN = 'xoxb-1111-2222-RUNENDsecret'

let slack: SlackSimulator | undefined
let receiver: SimServer | undefined
let harness: Harness | undefined
afterEach(async () => {
  await slack?.close()
  await receiver?.close()
  await harness?.close()
  slack = receiver = harness = undefined
})

describe('the run, with every notification server hanging', () => {
  it('ends with success within the close budget, warning of each channel by name', async () => {
    slack = await startSlackSimulator({ token: SLACK_TOKEN, users: [] })
    slack.faults.inject({ kind: 'hang' }, { times: 1000 })
    receiver = await startHttpServer(() => ({ status: 204 }))
    receiver.faults.inject({ kind: 'hang' }, { times: 1000 })
    const repo = createTestRepo()
    repo.tag('v0.3.0')
    repo.commit('fix: handle empty input')
    const core = recordingToolkit({
      environment: 'dev',
      create_tag: 'true',
      slack_bot_token: SLACK_TOKEN,
      slack_channel: 'C0DEPLOYS',
      slack_api_url: slack.apiUrl,
      notify_user: 'U0OCTO',
      webhook_url: `${receiver.url}/events`
    })

    const status = await run(core, {
      env: {
        GITHUB_WORKSPACE: repo.dir,
        RUNNER_TEMP: join(repo.dir, '.runner-temp'),
        SOURCE_DATE_EPOCH: String(Date.parse('2026-11-23T22:00:00Z') / 1000)
      },
      notify: { call: CALL, closeBudgetMs: CLOSE_BUDGET_MS }
    })

    expect(status).toBe('success')
    expect(core.failures).toEqual([])
    expect(core.outputs.status).toBe('success')
    expect(core.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Slack: could not (post|update) the status card: /),
        expect.stringMatching(/^Event webhook: event 1 \(stage INIT\) was not delivered: /),
        expect.stringMatching(/^Event webhook: \d+ of \d+ events were not delivered$/)
      ])
    )
    // The job summary lists them too.
    expect(core.summaries.join('\n')).toContain('Event webhook: ')
    // Nothing is still being sent once the run has ended: no request arrives after it, though
    // there was time for several more attempts.
    const seen = { slack: slack.requests.length, receiver: receiver.requests.length }
    await delay(3 * CALL.attemptTimeoutMs)
    expect({ slack: slack.requests.length, receiver: receiver.requests.length }).toEqual(seen)
  })
})

describe('Discord and the Slack incoming webhook hanging', () => {
  it('each call ends after its attempts, the channel warns by name, the deploy is unchanged', async () => {
    harness = await startHarness({ tuning: { attempts: 2, attemptTimeoutMs: 200 } })
    harness.discord.faults.inject({ kind: 'hang' }, { times: 1000 })
    harness.slackHook.faults.inject({ kind: 'hang' }, { times: 1000 })
    await harness.run()
    expect(harness.core.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Discord: could not post the status card: .*did not answer/),
        expect.stringMatching(/^Slack webhook: could not post the start message: .*did not answer/)
      ])
    )
    expect(harness.bus.events.at(-1)).toMatchObject({ type: 'done', status: 'success' })
    expect(harness.busWarnings).toEqual([])
    // The Slack card, on a server that answers, went through every phase all the same.
    expect(harness.slack.messages[0]?.versions.at(-1)?.text).toContain('completed')
  })
})
