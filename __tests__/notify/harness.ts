import type { EventBus } from '../../src/events/bus.js'
import type { EventSink } from '../../src/events/model.js'
import { notificationSinks, type NotifyTuning } from '../../src/notify/index.js'
import type { StatusCardSink } from '../../src/notify/status-card.js'
import type { NotificationWarnings } from '../../src/notify/warnings.js'
import type { NotifySettings, Settings } from '../../src/settings/types.js'
import { ANSWERED_IN_TIME_MS } from '../fixtures/deadlines.js'
import type { RecordingToolkit } from '../fixtures/toolkit.js'
import { startDiscordSimulator, type DiscordSimulator } from '../simulators/discord.js'
import { startGitHubSimulator, type GitHubSimulator, type SimUser } from '../simulators/github.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { startSlackSimulator, type SlackSimulator } from '../simulators/slack.js'
import {
  emitRun,
  fakeClock,
  recordingCore,
  testBus,
  testPlan,
  testSettings,
  type Scenario
} from './support.js'

export const SLACK_TOKEN = 'xoxb-1111-2222-SIMSECRETtoken'
export const MENTION = '555000111222333444'

/** Every simulator a notification test talks to, and the sinks wired to them. */
export interface Harness {
  slack: SlackSimulator
  discord: DiscordSimulator
  /** Started when the options ask for GitHub: the run's token and API then reach it. */
  github: GitHubSimulator | undefined
  /** Slack incoming webhook receiver. */
  slackHook: SimServer
  /** Event webhook receiver. */
  receiver: SimServer
  settings: Settings
  core: RecordingToolkit
  clock: ReturnType<typeof fakeClock>
  bus: EventBus
  busWarnings: string[]
  sinks: EventSink[]
  /** What the sinks reported: the job summary's lines and notify_strict's input. */
  warnings: NotificationWarnings
  card: StatusCardSink | undefined
  /** Secrets a test must never find in captured output. */
  secrets: string[]
  /** Emits a run phase by phase, letting the card show each phase, then closes the bus. */
  run(scenario?: Scenario): Promise<void>
  close(): Promise<void>
}

export interface HarnessOptions {
  notify?: Partial<NotifySettings>
  settings?: Partial<Settings>
  tuning?: NotifyTuning['call']
  /** Slack users the simulator knows. */
  users?: { id: string; email: string }[]
  /** A GitHub to ask about the actor and the deployed commit (authored by `commitAuthor`). */
  github?: {
    users?: SimUser[]
    commitAuthor?: { name: string; email: string }
    /** The token the run holds, when not the one GitHub accepts. */
    runToken?: string
  }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = await startSlackSimulator({
    token: SLACK_TOKEN,
    channels: { C0DEPLOYS: { member: true }, C0OUTSIDE: { member: false } },
    users: options.users ?? [
      { id: 'U0OCTO', email: 'octo@example.com' },
      { id: 'U0RESP', email: 'resp@example.com' }
    ]
  })
  const discord = await startDiscordSimulator()
  const github = options.github && (await startGitHubSimulator({ users: options.github.users }))
  const githubSettings: Partial<Settings> = github
    ? {
        githubToken: options.github?.runToken ?? github.token,
        context: {
          ...testSettings({}).context,
          ...options.settings?.context,
          apiUrl: github.url,
          apiUrlGiven: true,
          sha: github.commit('feat: checkout', undefined, options.github?.commitAuthor)
        }
      }
    : {}
  const slackHook = await startHttpServer(() => ({
    status: 200,
    headers: { 'content-type': 'text/plain' },
    body: 'ok'
  }))
  const receiver = await startHttpServer(() => ({ status: 204 }))
  const slackHookUrl = `${slackHook.url}/services/T0SIM/B0SIM/hookSECRETxyz`
  const receiverUrl = `${receiver.url}/deploy-events/receiverSECRET42`
  const settings = testSettings(
    {
      slackBotToken: SLACK_TOKEN,
      slackChannel: 'C0DEPLOYS',
      slackApiUrl: slack.apiUrl,
      slackWebhookUrl: slackHookUrl,
      discordWebhookUrl: discord.webhookUrl,
      discordMention: MENTION,
      webhookUrl: receiverUrl,
      ...options.notify
    },
    { ...options.settings, ...githubSettings }
  )
  const core = recordingCore()
  const clock = fakeClock()
  const { bus, busWarnings } = testBus()
  const plan = testPlan()
  let planReady = false
  const { sinks, warnings } = await notificationSinks(
    settings,
    () => (planReady ? plan : undefined),
    core,
    {
      call: {
        attempts: 3,
        baseDelayMs: 5,
        attemptTimeoutMs: ANSWERED_IN_TIME_MS,
        maxRetryAfterMs: 5000,
        ...options.tuning
      },
      card: { debounceMs: 1000, now: clock.now, sleep: clock.sleep }
    }
  )
  for (const sink of sinks) bus.attach(sink)
  const card = sinks.find(s => s.name === 'status card') as StatusCardSink | undefined
  const discordToken = new URL(discord.webhookUrl).pathname.split('/').pop() ?? ''
  return {
    slack,
    discord,
    github,
    slackHook,
    receiver,
    settings,
    core,
    clock,
    bus,
    busWarnings,
    sinks,
    warnings,
    card,
    secrets: [
      SLACK_TOKEN,
      discordToken,
      discord.webhookUrl,
      slackHookUrl,
      'hookSECRETxyz',
      receiverUrl,
      'receiverSECRET42'
    ],
    async run(scenario: Scenario = {}) {
      await emitRun(bus, {
        ...scenario,
        between: async () => {
          planReady = true // the plan exists once VERSION ran
          await bus.flush()
          await card?.settled()
          await scenario.between?.()
        }
      })
      await bus.close()
    },
    async close() {
      await Promise.all([
        slack.close(),
        discord.close(),
        slackHook.close(),
        receiver.close(),
        github?.close()
      ])
    }
  }
}

/** The colour of each version the Slack card went through. */
export function slackColours(harness: Harness): string[] {
  const card = harness.slack.messages[0]
  return (card?.versions ?? []).map(v => (v.attachments as { color: string }[])[0]?.color ?? '')
}

export function expectNoSecrets(harness: Harness, text: string): void {
  for (const secret of harness.secrets) {
    if (text.includes(secret))
      throw new Error(`captured output contains a secret: ${secret.slice(0, 12)}…`)
  }
}
