import { afterEach, describe, expect, it } from '@jest/globals'
import { startHarness, type Harness, type HarnessOptions } from './harness.js'
import { notices, testSettings } from './support.js'

/**
 * Who gets the direct message, step by step, with the real Slack and GitHub clients against their
 * simulators: the actor through slack_users, then the actor's public GitHub profile e-mail, then
 * the deployed commit's author e-mail, each matched to a Slack user; and when no step finds
 * anyone, the card and the log say so and how to fix it. Runs without a head commit in the event
 * (schedule, workflow_dispatch) are the ones that need the GitHub steps.
 */
let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const SLACK_USERS = [
  { id: 'U0OCTO', email: 'octo@example.com' },
  { id: 'U0RESP', email: 'resp@example.com' }
]

/** A run whose event carries no head commit, with a GitHub to ask. */
function dispatched(
  eventName: 'schedule' | 'workflow_dispatch',
  github: HarnessOptions['github'],
  notify: HarnessOptions['notify'] = {}
): HarnessOptions {
  return {
    users: SLACK_USERS,
    notify,
    github,
    settings: {
      context: { ...testSettings({}).context, eventName, headCommitAuthorEmail: undefined }
    }
  }
}

function githubReads(h: Harness): string[] {
  return (h.github?.requests ?? []).map(r => `${r.method} ${r.path}`)
}

function directMessages(h: Harness): string[] {
  return h.slack.messages.filter(m => m.channel.startsWith('D')).map(m => m.channel)
}

describe('the person responsible', () => {
  it('1. the actor through slack_users: nothing else is asked', async () => {
    harness = await startHarness(
      dispatched(
        'schedule',
        { users: [{ login: 'octocat', email: 'octo@example.com' }] },
        { slackUsers: { OctoCat: 'U0RESP' } }
      )
    )
    await harness.run()
    expect(githubReads(harness)).toEqual([])
    expect(harness.slack.calls).not.toContain('users.lookupByEmail')
    expect(directMessages(harness)).toEqual(['DU0RESP00'])
    expect(harness.core.warnings).toEqual([])
  })

  it('2. the actor’s public GitHub profile e-mail, matched to a Slack user', async () => {
    harness = await startHarness(
      dispatched('workflow_dispatch', {
        users: [{ login: 'octocat', email: 'octo@example.com' }],
        commitAuthor: { name: 'Resp', email: 'resp@example.com' }
      })
    )
    await harness.run()
    expect(githubReads(harness)).toEqual(['GET /users/octocat'])
    expect(harness.slack.calls.slice(0, 2)).toEqual(['users.lookupByEmail', 'chat.postMessage'])
    expect(directMessages(harness)).toEqual(['DU0OCTO00'])
    expect(harness.core.warnings).toEqual([])
  })

  it('3. the commit author’s e-mail from the API when the profile e-mail is private or unknown', async () => {
    const sha = (h: Harness): string => h.settings.context.sha
    harness = await startHarness(
      dispatched('schedule', {
        users: [{ login: 'octocat', email: null }],
        commitAuthor: { name: 'Resp', email: 'resp@example.com' }
      })
    )
    await harness.run()
    expect(githubReads(harness)).toEqual([
      'GET /users/octocat',
      `GET /repos/acme/shop/git/commits/${sha(harness)}`
    ])
    expect(directMessages(harness)).toEqual(['DU0RESP00'])
    await harness.close()

    // A public profile e-mail Slack does not know: on to the commit author.
    harness = await startHarness(
      dispatched('workflow_dispatch', {
        users: [{ login: 'octocat', email: 'octo@personal.example' }],
        commitAuthor: { name: 'Resp', email: 'resp@example.com' }
      })
    )
    await harness.run()
    expect(harness.slack.calls.slice(0, 3)).toEqual([
      'users.lookupByEmail', // only answered lookups are counted: this is the second one
      'chat.postMessage',
      'chat.update'
    ])
    expect(
      harness.slack.requests.filter(r => r.path.endsWith('/users.lookupByEmail'))
    ).toHaveLength(2)
    expect(directMessages(harness)).toEqual(['DU0RESP00'])
    expect(harness.core.warnings).toEqual([])
  })

  it('4. no one found: no DM; the card says how to fix it and the log what was tried', async () => {
    harness = await startHarness(
      dispatched('schedule', {
        users: [{ login: 'octocat', email: null }],
        commitAuthor: { name: 'Octo', email: '583231+octocat@users.noreply.github.com' }
      })
    )
    await harness.run({ failAt: { stage: 'DEPLOY', code: 'DEPLOY_FAILED', service: 'api' } })
    expect(harness.slack.requests.filter(r => r.path.endsWith('/users.lookupByEmail'))).toEqual([])
    expect(directMessages(harness)).toEqual([])
    expect(notices(harness.core)).toEqual([
      "Slack: no direct message: notify_user is empty, 'octocat' is not in slack_users, " +
        "octocat's GitHub profile e-mail is not public, " +
        "the commit author's e-mail is GitHub's no-reply address"
    ])
    const card = JSON.stringify(harness.slack.messages[0]?.versions.at(-1))
    expect(card).toContain('⚠️ no one to notify: add `octocat: &lt;slack id&gt;` under slack_users')
    expect(harness.core.warnings).toEqual([])
  })

  it('a GitHub that refuses the token is a step that found nothing, not a failure', async () => {
    harness = await startHarness(
      dispatched('workflow_dispatch', {
        users: [{ login: 'octocat', email: 'octo@example.com' }],
        runToken: 'ghs_revokedTokenValue000000000000'
      })
    )
    await harness.run()
    expect(githubReads(harness)).toHaveLength(2) // one try each: a 401 is not retried
    expect(directMessages(harness)).toEqual([])
    expect(notices(harness.core)).toEqual([
      expect.stringContaining(
        "octocat's GitHub profile e-mail could not be read (Bad credentials), " +
          "the commit author's e-mail could not be read (Bad credentials)"
      )
    ])
    expect(harness.core.warnings).toEqual([])
  })
})
