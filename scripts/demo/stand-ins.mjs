// The services the demo deploys to and notifies, played on 127.0.0.1 by the simulators the tests
// use (__tests__/simulators): AWS ECS (with the ELB in front of it), an Argo CD API server, the
// Slack Web API and a Discord webhook. They speak the real wire protocols, so the action's real
// clients talk to them unchanged; they are not AWS, Argo CD, Slack or Discord. Loaded through
// ./ts-hooks.mjs, which must be registered first.
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { startArgoCdSimulator } from '../../__tests__/simulators/argocd.ts'
import { startEcsSimulator } from '../../__tests__/simulators/ecs.ts'
import { startGroup, startNotifiers } from './notifiers.mjs'

/** What examples/shop/.github/deploy.yml names, and the simulators are seeded with. */
const ECS_TARGET = { cluster: 'shop', service: 'api', container: 'app' }
const ARGO_APP = 'shop-webui'
// The example config's region for the ECS service (examples/shop/.github/deploy.yml).
const ECS_REGION = 'us-east-1'

/** What `npm run demo` (the default example, shop) starts, rewrites and reports. */
export const example = {
  simulators: 'ECS, Argo CD, Slack and Discord',
  start: startStandIns,
  localize,
  report,
  facts,
  notice: [
    'AWS ECS, Argo CD, Slack and Discord in this run were local simulators on 127.0.0.1 ' +
      '(__tests__/simulators in this repository), not the real services.',
    'The registry was a real docker-registry, the images were built by buildah, and the git ' +
      'tag was created in a temporary local repository.'
  ]
}

/**
 * @param {{ registryHost: string, actor: string, authorEmail: string }} options
 */
export async function startStandIns({ registryHost, actor, authorEmail }) {
  return startGroup(async (open, close) => {
    const argocdToken = `argocd-demo-${randomUUID()}`
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
    const notifiers = await startNotifiers(open, { actor, authorEmail })

    return {
      argocdUrl: argocd.url,
      inputs: { argocd_token: argocdToken, ...notifiers.inputs },
      // Every AWS client the run makes reaches the simulator, never an AWS endpoint: the services
      // it does not play answer with an error.
      env: { ...ecs.env, AWS_ENDPOINT_URL: ecs.aws.url },
      secrets: {
        argocd_token: argocdToken,
        ...notifiers.secrets,
        AWS_SECRET_ACCESS_KEY: ecs.env.AWS_SECRET_ACCESS_KEY
      },
      witness: async () => ({
        ...(await witness({ ecs, argocd })),
        ...notifiers.witness()
      }),
      close
    }
  })
}

/**
 * The example's config, pointed at what runs here: the registry, and every Argo CD server (the
 * top-level one and each environment's) at the Argo CD simulator. Comments are kept.
 */
function localize(workspace, { registrySpec, standIns }) {
  const configFile = join(workspace, '.github', 'deploy.yml')
  const doc = parseDocument(readFileSync(configFile, 'utf8'))
  doc.set('registry', registrySpec)
  if (doc.hasIn(['argocd', 'server'])) doc.setIn(['argocd', 'server'], standIns.argocdUrl)
  for (const name of ['dev', 'stage', 'prod']) {
    if (doc.hasIn(['environments', name, 'argocd', 'server'])) {
      doc.setIn(['environments', name, 'argocd', 'server'], standIns.argocdUrl)
    }
  }
  writeFileSync(configFile, doc.toString())
  return []
}

function report(seen) {
  return [
    `ECS simulator, cluster ${ECS_TARGET.cluster}, service ${ECS_TARGET.service}: ` +
      (seen.ecs.updateServiceCalls > 0
        ? `task definition ${seen.ecs.taskDefinition}, container ${ECS_TARGET.container} on ` +
          `${seen.ecs.registeredImages.at(-1)}, rollout ${seen.ecs.rollout}`
        : 'not deployed'),
    `Argo CD simulator, app ${ARGO_APP}: ` +
      (seen.argocd.syncs > 0
        ? `image.tag ${seen.argocd.imageTag}, images ${seen.argocd.images.join(', ')}, ` +
          `${seen.argocd.sync}, ${seen.argocd.health}`
        : 'not synced')
  ]
}

function facts(seen) {
  return [
    `ECS (simulator): ${seen.ecs.updateServiceCalls > 0 ? `${ECS_TARGET.service} rolled out, ${seen.ecs.rollout}` : 'not deployed'}`,
    `Argo CD (simulator): ${seen.argocd.syncs > 0 ? `${ARGO_APP} synced to ${seen.argocd.imageTag}, ${seen.argocd.health}` : 'not synced'}`
  ]
}

/** What each stand-in received, from its own state: the demo reports this, its test asserts it. */
async function witness({ ecs, argocd }) {
  const service = await describeEcsService(ecs)
  const registered = ecs.registered.map(
    input => input.containerDefinitions?.find(c => c.name === ECS_TARGET.container)?.image
  )
  const app = argocd.application(ARGO_APP)
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
