// The services the demo deploys to and notifies, played on 127.0.0.1 by the simulators the tests
// use (__tests__/simulators): AWS ECS (with the ELB in front of it), an Argo CD API server, the
// Slack Web API and a Discord webhook. They speak the real wire protocols, so the action's real
// clients talk to them unchanged; they are not AWS, Argo CD, Slack or Discord. Loaded through
// ./ts-hooks.mjs, which must be registered first.
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { randomUUID } from 'node:crypto'
import { startArgoCdSimulator } from '../../__tests__/simulators/argocd.ts'
import { startDiscordSimulator } from '../../__tests__/simulators/discord.ts'
import { startEcsSimulator } from '../../__tests__/simulators/ecs.ts'
import { startSlackSimulator } from '../../__tests__/simulators/slack.ts'

/** What examples/shop/.github/deploy.yml names, and the simulators are seeded with. */
export const ECS_TARGET = { cluster: 'shop', service: 'api', container: 'app' }
export const ARGO_APP = 'shop-webui'
// The example config's region for the ECS service (examples/shop/.github/deploy.yml).
const ECS_REGION = 'us-east-1'
export const SLACK_CHANNEL = 'C0DEPLOYS'
const SLACK_USER = 'U0DEMO'

/**
 * @param {{ registryHost: string, actor: string, authorEmail: string }} options
 */
export async function startStandIns({ registryHost, actor, authorEmail }) {
  const opened = []
  const open = started => {
    opened.push(started)
    return started
  }
  const close = async () => {
    for (const item of opened.splice(0).reverse()) await item.close()
  }
  try {
    const argocdToken = `argocd-demo-${randomUUID()}`
    const slackToken = `xoxb-demo-${randomUUID()}`
    // One rollout step every 300 ms, as ECS moves on its own: a rolling update in about 1.5 s.
    const ecs = await open(
      await startEcsSimulator({ controller: 'rolling', scenario: 'success', stepMs: 300 })
    )
    const argocd = await open(
      await startArgoCdSimulator({
        token: argocdToken,
        apps: [
          {
            name: ARGO_APP,
            project: 'shop',
            spec: {
              project: 'shop',
              source: {
                repoURL: 'https://github.com/demo/shop-charts',
                path: 'charts/webui',
                targetRevision: 'main',
                helm: { parameters: [{ name: 'image.tag', value: 'v0.0.1' }] }
              },
              destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }
            },
            images: {
              helm: { tagParameter: 'image.tag', defaultRepository: `${registryHost}/shop/webui` }
            },
            externalURLs: ['https://shop.dev.example.com']
          }
        ]
      })
    )
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
      argocdUrl: argocd.url,
      inputs: {
        argocd_token: argocdToken,
        slack_bot_token: slackToken,
        slack_channel: SLACK_CHANNEL,
        slack_api_url: slack.apiUrl,
        slack_users: JSON.stringify({ [actor]: SLACK_USER }),
        discord_webhook_url: discord.webhookUrl
      },
      // Every AWS client the run makes reaches the simulator, never an AWS endpoint: the services
      // it does not play answer with an error.
      env: { ...ecs.env, AWS_ENDPOINT_URL: ecs.aws.url },
      secrets: {
        argocd_token: argocdToken,
        slack_bot_token: slackToken,
        discord_webhook_url: discord.webhookUrl,
        discord_webhook_token: discord.webhookUrl.split('/').pop(),
        AWS_SECRET_ACCESS_KEY: ecs.env.AWS_SECRET_ACCESS_KEY
      },
      witness: () => witness({ ecs, argocd, slack, discord }),
      close
    }
  } catch (error) {
    await close()
    throw error
  }
}

/** What each stand-in received, from its own state: the demo reports this, its test asserts it. */
async function witness({ ecs, argocd, slack, discord }) {
  const service = await describeEcsService(ecs)
  const registered = ecs.registered.map(
    input => input.containerDefinitions?.find(c => c.name === ECS_TARGET.container)?.image
  )
  const app = argocd.application(ARGO_APP)
  const cards = slack.messages.filter(m => m.channel === SLACK_CHANNEL && !m.threadTs)
  const directMessages = slack.messages.filter(m => slack.dmChannels.has(m.channel))
  return {
    ecs: {
      cluster: ECS_TARGET.cluster,
      service: ECS_TARGET.service,
      updateServiceCalls: ecs.aws.operations.filter(op => op === 'UpdateService').length,
      registeredImages: registered,
      taskDefinition: service?.taskDefinition,
      rollout: service?.deployments?.[0]?.rolloutState,
      runningCount: service?.runningCount
    },
    argocd: {
      app: ARGO_APP,
      syncs: argocd.http.requests.filter(r => r.method === 'POST' && r.path.endsWith('/sync'))
        .length,
      imageTag: app.spec.source?.helm?.parameters?.find(p => p.name === 'image.tag')?.value,
      images: app.status?.summary?.images ?? [],
      sync: app.status?.sync?.status,
      health: app.status?.health?.status
    },
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

/** DescribeServices, asked of the ECS simulator the way the SDK asks AWS (JSON 1.1). */
async function describeEcsService(ecs) {
  // Through the real SDK: the simulator, like ECS, answers only signed calls from a known key.
  const client = new ECSClient({
    region: ECS_REGION,
    endpoint: ecs.aws.url,
    credentials: {
      accessKeyId: ecs.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: ecs.env.AWS_SECRET_ACCESS_KEY
    }
  })
  try {
    const answer = await client.send(
      new DescribeServicesCommand({ cluster: ECS_TARGET.cluster, services: [ECS_TARGET.service] })
    )
    return answer.services?.[0]
  } finally {
    client.destroy()
  }
}
