import { usesGitHubApi } from '../clients/github.js'
import { isLoopbackHost } from '../runtime/hosts.js'
import { DeployError, errorMessage } from '../errors.js'
import { pushes, type Plan, type PlannedImage } from '../plan/types.js'
import type { ArgoCdTarget, Settings } from '../settings/types.js'
import {
  CHECK_BOUNDS,
  failed,
  ok,
  problem,
  warning,
  type Check,
  type Finding
} from './preflight-findings.js'

/**
 * The preflight's checks of everything that is not AWS: each Argo CD application, the Slack bot and
 * its channel, what the GitHub token may do, and each registry's login. Read-only, each within
 * CHECK_BOUNDS; clients are loaded only for what the plan uses.
 */
export interface ServicePreflight {
  readonly settings: Settings
  readonly plan: Plan
}

export function serviceChecks(run: ServicePreflight): Check[] {
  return [
    ...argoChecks(run),
    ...kubernetesChecks(run),
    ...slackChecks(run),
    ...githubChecks(run),
    ...registryChecks(run)
  ]
}

const RETRY = {
  attempts: CHECK_BOUNDS.attempts,
  attemptTimeoutMs: CHECK_BOUNDS.attemptTimeoutMs,
  baseDelayMs: CHECK_BOUNDS.baseDelayMs
}

function argoChecks({ settings, plan }: ServicePreflight): Check[] {
  const checks: Check[] = []
  for (const service of plan.services) {
    const target = service.deploy
    if (target?.kind === 'argocd') {
      checks.push(signal => checkArgoApp(settings, service.name, target, signal))
    }
  }
  return checks
}

async function checkArgoApp(
  settings: Settings,
  name: string,
  target: ArgoCdTarget,
  signal: AbortSignal
): Promise<Finding[]> {
  const token = settings.deploy.argocdToken
  if (!token) {
    return [
      problem(
        `${name}: argocd_token is empty: deploying Argo CD application '${target.app}' needs an ` +
          'API token (an account or project role with get, update and sync on it)'
      )
    ]
  }
  // Settings refuse an Argo CD target without a server; this keeps the type honest.
  if (!target.server) return [problem(`${name}: no Argo CD server for '${target.app}'`)]
  const { createArgoCdClient } = await import('../clients/argocd.js')
  const client = createArgoCdClient({
    server: target.server,
    token,
    insecure: target.insecure,
    app: target.app,
    project: target.project,
    appNamespace: target.appNamespace,
    signal,
    retry: RETRY
  })
  try {
    const app = await client.getApplication()
    const project = app.spec.project ?? target.project ?? 'default'
    const status = [app.status?.sync?.status, app.status?.health?.status].filter(Boolean)
    return [
      ok(
        `Argo CD application '${target.app}' (project '${project}') is readable on ` +
          `${new URL(target.server).origin}${status.length ? `: ${status.join(', ')}` : ''}`,
        name
      )
    ]
  } catch (error) {
    signal.throwIfAborted()
    if (error instanceof DeployError) return [problem(`${name}: ${error.message}`)]
    return [failed(`${name}: Argo CD at ${new URL(target.server).origin}`, error)]
  } finally {
    await client.close()
  }
}

/**
 * Each Kubernetes and Helm service: its cluster answers, namespace and workloads (or release) are
 * there, the identity may do what the deploy does, and what would change (told in a dry run too).
 */
function kubernetesChecks({ settings, plan }: ServicePreflight): Check[] {
  const checks: Check[] = []
  for (const service of plan.services) {
    const target = service.deploy
    if (target?.kind !== 'kubernetes' && target?.kind !== 'helm') continue
    checks.push(async signal => {
      const { lookAtService } = await import('../targets/kubernetes-look.js')
      const look = await lookAtService(settings, service, target, { signal, retry: RETRY })
      return [
        ...look.lines.map(line => ok(line, service.name)),
        ...look.problems.map(line =>
          look.unreachable ? { kind: 'problem' as const, line, unreachable: true } : problem(line)
        )
      ]
    })
  }
  return checks
}

function slackChecks({ settings }: ServicePreflight): Check[] {
  const { slackBotToken, slackChannel, slackApiUrl } = settings.notify
  if (!slackBotToken || !slackChannel) return []
  return [signal => checkSlack(slackBotToken, slackChannel, slackApiUrl, signal)]
}

/**
 * The bot token and the card's channel. A wrong token or channel is a problem to fix; Slack not
 * answering is only a warning, as all notification trouble is.
 */
async function checkSlack(
  token: string,
  channel: string,
  apiUrl: string,
  signal: AbortSignal
): Promise<Finding[]> {
  const { createSlackApi, slackErrorText } = await import('../notify/slack.js')
  const api = await createSlackApi(token, apiUrl, {
    ...RETRY,
    maxRetryAfterMs: CHECK_BOUNDS.maxRetryAfterMs
  })
  const refused = (error: unknown): boolean =>
    (error as { code?: string } | undefined)?.code === 'slack_webapi_platform_error'
  let bot: string
  try {
    const answer = await api.call('auth.test', {}, signal)
    bot = String(answer.user ?? answer.user_id ?? 'the bot')
  } catch (error) {
    signal.throwIfAborted()
    const text = slackErrorText(error)
    return [
      refused(error)
        ? problem(
            `Slack: auth.test refused slack_bot_token (${text}): give the bot token (xoxb-) of the Slack app installed in the workspace`
          )
        : warning(
            `Slack: auth.test could not be asked (${text}); the status card may not be posted`
          )
    ]
  }
  try {
    const answer = await api.call('conversations.info', { channel }, signal)
    const info = (answer.channel ?? {}) as {
      name?: string
      is_member?: boolean
      is_archived?: boolean
    }
    const shown = info.name ? `#${info.name} (${channel})` : channel
    if (info.is_archived)
      return [problem(`Slack: channel ${shown} is archived: check slack_channel`)]
    const findings = [ok(`Slack: bot '${bot}' can see channel ${shown}`)]
    if (info.is_member === false) {
      findings.push(
        warning(
          `Slack: bot '${bot}' is not a member of ${shown}; unless the app has chat:write.public, ` +
            `invite it with /invite @${bot}`
        )
      )
    }
    return findings
  } catch (error) {
    signal.throwIfAborted()
    const text = slackErrorText(error)
    if (/^missing_scope/.test(text)) {
      return [ok(`Slack: bot '${bot}' is valid; channel ${channel} not checked: ${text}`)]
    }
    return [
      refused(error)
        ? problem(`Slack: channel ${channel}: ${text}`)
        : warning(`Slack: channel ${channel} could not be checked (${text})`)
    ]
  }
}

/** What of GitHub the plan writes to, and the permission each needs. */
interface GitHubNeeds {
  /** "the tag v1.5.0 and its release", when contents: write is needed. */
  readonly contents: string | undefined
  readonly packages: boolean
  readonly deployments: boolean
}

function githubChecks({ settings, plan }: ServicePreflight): Check[] {
  if (!usesGitHubApi(settings)) return []
  const tag = plan.version.gitTag && !plan.version.reused ? `the tag ${plan.version.gitTag}` : ''
  const release = plan.release ? `the release ${plan.release.tag}` : ''
  const needs: GitHubNeeds = {
    contents: [tag, release].filter(Boolean).join(' and ') || undefined,
    packages: plan.services.some(s => s.image?.registry === 'ghcr' && pushes(s.image)),
    deployments: plan.services.some(s => s.deploy)
  }
  if (!needs.contents && !needs.packages && !needs.deployments) return []
  return [signal => checkGitHub(settings, needs, signal)]
}

/**
 * A scoped (classic) token says its scopes; other tokens (the job's GITHUB_TOKEN, app and
 * fine-grained tokens) do not say what they may write, so only a read they are refused shows.
 */
async function checkGitHub(
  settings: Settings,
  needs: GitHubNeeds,
  signal: AbortSignal
): Promise<Finding[]> {
  const { connectFor } = await import('../clients/github.js')
  const { canReadDeployments, readRepositoryAccess } = await import('../clients/github-access.js')
  const { owner, repo } = settings.context
  const api = await connectFor(settings, {
    ...RETRY,
    maxRetryAfterMs: CHECK_BOUNDS.maxRetryAfterMs
  })
  const repository = `${owner}/${repo}`
  let access
  try {
    access = await readRepositoryAccess(api, owner, repo, signal)
  } catch (error) {
    signal.throwIfAborted()
    return [failed(`GitHub: reading ${repository} with github_token`, error)]
  }
  const deploymentsLost = 'the run is not recorded as a GitHub Deployment'
  const deploymentsFix = "give the job's GITHUB_TOKEN `permissions: deployments: write`"
  if (access.scopes) {
    const scopes = new Set(access.scopes)
    const listed = access.scopes.join(', ') || 'none'
    const findings: Finding[] = []
    if (needs.contents) {
      const enough = scopes.has('repo') || (scopes.has('public_repo') && !access.private)
      if (!enough) {
        const scope = access.private ? 'repo' : 'repo (or public_repo)'
        findings.push(
          problem(
            `GitHub: the token's scopes (${listed}) lack ${scope}, which ${needs.contents} need: add it to the token, or use the job's GITHUB_TOKEN with \`permissions: contents: write\``
          )
        )
      } else if (access.userCanPush === false) {
        findings.push(
          problem(
            `GitHub: the token's user may not push to ${repository}, which ${needs.contents} need: give the user write access, or use the job's GITHUB_TOKEN with \`permissions: contents: write\``
          )
        )
      }
    }
    if (needs.packages && !scopes.has('write:packages')) {
      findings.push(
        problem(
          `GitHub: the token's scopes (${listed}) lack write:packages, which pushing to GHCR needs: add it, or use the job's GITHUB_TOKEN with \`permissions: packages: write\``
        )
      )
    }
    if (needs.deployments && !scopes.has('repo') && !scopes.has('repo_deployment')) {
      findings.push(
        warning(
          `GitHub: the token's scopes (${listed}) lack repo_deployment, so ${deploymentsLost}: ` +
            `add it to the token, or ${deploymentsFix}`
        )
      )
    }
    return findings.length > 0
      ? findings
      : [ok(`GitHub: ${repository} with token scopes ${listed}: enough for what the plan writes`)]
  }
  const findings: Finding[] = []
  if (needs.deployments && !(await canReadDeployments(api, owner, repo, signal))) {
    findings.push(
      warning(
        `GitHub: the token may not read the Deployments of ${repository} (403), so ` +
          `${deploymentsLost}: ${deploymentsFix}`
      )
    )
  }
  const unchecked = [
    needs.contents ? `contents: write (${needs.contents})` : '',
    needs.packages ? 'packages: write (GHCR)' : ''
  ].filter(Boolean)
  findings.unshift(
    ok(
      `GitHub: ${repository} is readable with github_token` +
        (unchecked.length
          ? `; a GITHUB_TOKEN (or an app or fine-grained token) does not tell what it may ` +
            `write, so ${unchecked.join(' and ')} is not checked: the job's permissions must grant it`
          : '')
    )
  )
  return findings
}

/** The registries the plan pushes to (ECR aside: its login is an AWS check), one login each. */
function registryChecks({ settings, plan }: ServicePreflight): Check[] {
  const logins = new Map<string, { image: PlannedImage; services: string[] }>()
  for (const service of plan.services) {
    const image = service.image
    if (!image || image.registry === 'ecr' || !pushes(image)) continue
    const key = `${image.registry} ${image.host}`
    const entry = logins.get(key) ?? { image, services: [] }
    entry.services.push(service.name)
    logins.set(key, entry)
  }
  return [...logins.values()].map(
    ({ image, services }) =>
      signal =>
        checkRegistryLogin(settings, image, services, signal)
  )
}

async function checkRegistryLogin(
  settings: Settings,
  image: PlannedImage,
  services: readonly string[],
  signal: AbortSignal
): Promise<Finding[]> {
  const [{ RegistryClient }, { registryCredentials }] = await Promise.all([
    import('../clients/registry.js'),
    import('./image-registries.js')
  ])
  const serviceSettings = settings.services.find(s => s.name === services[0])
  const host = image.host || serviceSettings?.registry.host || ''
  const who = services.join(', ')
  let credentials
  try {
    credentials = registryCredentials(settings, image)
  } catch (error) {
    return [problem(`${who}: ${errorMessage(error)}`)]
  }
  const client = new RegistryClient(
    {
      host,
      insecure: Boolean(serviceSettings?.registry.insecure) || isLoopbackHost(host),
      ...credentials
    },
    { ...RETRY, signal }
  )
  const repository = image.registry === 'ghcr' ? image.repository.toLowerCase() : image.repository
  try {
    await client.checkLogin(repository, signal)
  } catch (error) {
    signal.throwIfAborted()
    if (error instanceof DeployError) return [problem(`${who}: ${error.message}`)]
    return [failed(`${who}: registry ${host}`, error)]
  }
  const login = credentials.username ? `the login of ${credentials.username}` : 'no login'
  return [ok(`registry ${host}: accepts ${login} (${who})`)]
}
