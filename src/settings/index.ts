import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { load as parseYaml } from 'js-yaml'
import type { Toolkit } from '../toolkit.js'
import { loadConfig, type EffectiveConfig } from './config.js'
import { deploymentIdFor, readRunContext } from './context.js'
import { InputReader } from './inputs.js'
import { Problems, inputName } from './problems.js'
import { deployLayers, describeGraphProblem } from './service-graph.js'
import { buildSettings, parseRegistry, repositoryFor, servicesFromConfig } from './services.js'
import {
  BUMPS,
  ENVIRONMENTS,
  type Environment,
  type ImageSettings,
  type NotifySettings,
  type ServiceSettings,
  type Settings
} from './types.js'
import { isValidTimezone, normaliseVersion, PLATFORM } from './values.js'

const DEFAULT_CONFIG = '.github/deploy.yml'
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64']

/**
 * Reads every input and the deploy config once, validates all of it, and returns the readonly
 * settings. On any problem it throws one INVALID_INPUT DeployError listing every problem; nothing
 * outside this process has been touched by then (files and git are only read).
 */
export async function readSettings(
  core: Pick<Toolkit, 'getInput' | 'setSecret'>,
  env: NodeJS.ProcessEnv = process.env
): Promise<Settings> {
  const problems = new Problems()
  const input = new InputReader(core, problems)
  // Secrets first, so that nothing below can print one before it is masked.
  const githubToken = input.secret('github_token')
  const registryPassword = input.secret('registry_password')
  const argocdToken = input.secret('argocd_token')
  const slackBotToken = input.secret('slack_bot_token')
  const slackWebhookUrl = input.absoluteUrl('slack_webhook_url', { secret: true })
  const discordWebhookUrl = input.absoluteUrl('discord_webhook_url', { secret: true })
  const webhookUrl = input.absoluteUrl('webhook_url', { secret: true })

  const context = await readRunContext(env)
  if (!context.sha) {
    problems.add(
      'GITHUB_SHA',
      `not set, and ${context.workspace} is not a git repository with a commit`
    )
  }

  const environment = readEnvironment(input, context.eventName, problems)
  const createTag = input.bool('create_tag', false)
  const createRelease = input.bool('create_release', false)
  if (createRelease && !createTag) {
    problems.add(inputName('create_release'), 'needs create_tag: true (a release is made of a tag)')
  }
  if (createRelease && !githubToken) {
    problems.add(inputName('create_release'), 'needs github_token to create the GitHub Release')
  }
  const versionInput = input.text('version')
  const version = versionInput ? tryNormaliseVersion(versionInput) : undefined
  if (versionInput && !version) {
    problems.add(
      inputName('version'),
      `expected X.Y.Z (optionally with a leading v), got '${versionInput}'`
    )
  }
  const bump = input.oneOf('bump', BUMPS, 'auto')
  const dryRun = input.bool('dry_run', false)
  const preflight = input.bool('preflight', true)
  const registryInsecure = input.bool('registry_insecure', false)
  const argocdInsecure = input.bool('argocd_insecure', false)

  const config = readConfig(input, context.workspace, environment, problems)

  const timezone = input.text('timezone') || config?.value.timezone || 'UTC'
  if (!isValidTimezone(timezone)) {
    problems.add(
      inputName('timezone'),
      `expected an IANA time zone such as Asia/Seoul, got '${timezone}'`
    )
  }
  const platforms = readPlatforms(input, config?.value, problems)
  const registrySpec = input.text('registry') || config?.value.registry || 'ghcr'
  const registry = parseRegistry(registrySpec, context, registryInsecure)
  if (!registry) {
    problems.add(
      inputName('registry'),
      `expected ghcr, ecr or host[:port][/namespace], got '${registrySpec}'`
    )
  }
  const defaultRegistry = registry ?? parseRegistry('ghcr', context, false)!

  let services: ServiceSettings[]
  if (config) {
    services = servicesFromConfig(
      config.value,
      config.name,
      context,
      {
        registry: defaultRegistry,
        registryInsecure,
        platforms,
        argocdServer: input.absoluteUrl('argocd_server'),
        argocdInsecure
      },
      problems
    )
    checkGraph(services, config.name, problems)
  } else {
    services = singleService(input, context, defaultRegistry, platforms, problems)
  }

  const images = readImageSettings(input, registryPassword)
  if (images.registryPassword && !images.registryUsername) {
    problems.add(inputName('registry_username'), 'required when registry_password is set')
  }
  const notify = readNotifySettings(
    input,
    config?.value,
    {
      slackBotToken,
      slackWebhookUrl,
      discordWebhookUrl,
      webhookUrl
    },
    problems
  )

  const eventsFile =
    input.text('events_file') ||
    join(context.tempDir, `deploy-pipeline-${process.pid}-events.ndjson`)
  const deploy = {
    timeoutMs: input.durationMs('deploy_timeout', 30 * 60_000),
    pollIntervalMs: input.optionalDurationMs('poll_interval'),
    argocdToken
  }

  problems.throwIfAny()
  return deepFreeze({
    environment,
    createTag,
    createRelease,
    version,
    bump,
    timezone,
    dryRun,
    preflight,
    githubToken,
    configPath: config?.path,
    eventsFile: resolve(context.workspace, eventsFile),
    deploymentId: deploymentIdFor(context),
    context,
    platforms,
    services,
    images,
    deploy,
    notify
  })
}

function readEnvironment(input: InputReader, eventName: string, problems: Problems): Environment {
  const value = input.text('environment')
  if (!value) {
    if (eventName === 'schedule') return 'dev'
    problems.add(
      inputName('environment'),
      'required: dev, stage or prod (only a schedule run defaults to dev)'
    )
    return 'dev'
  }
  if ((ENVIRONMENTS as readonly string[]).includes(value)) return value as Environment
  problems.add(inputName('environment'), `expected one of dev, stage, prod, got '${value}'`)
  return 'dev'
}

function readConfig(
  input: InputReader,
  workspace: string,
  environment: Environment,
  problems: Problems
): { path: string; name: string; value: EffectiveConfig } | undefined {
  const given = input.text('config')
  const path = resolve(workspace, given || DEFAULT_CONFIG)
  if (!given && !existsSync(path)) return undefined
  const name = relative(workspace, path) || path
  const value = loadConfig(path, name, environment, problems)
  return value ? { path, name, value } : undefined
}

function readPlatforms(
  input: InputReader,
  config: EffectiveConfig | undefined,
  problems: Problems
): string[] {
  const fromInput = input.list('platforms')
  const platforms = fromInput.length > 0 ? fromInput : [...(config?.platforms ?? DEFAULT_PLATFORMS)]
  for (const platform of fromInput) {
    if (!PLATFORM.test(platform)) {
      problems.add(
        inputName('platforms'),
        `expected os/arch such as linux/arm64, got '${platform}'`
      )
    }
  }
  return platforms
}

function singleService(
  input: InputReader,
  context: Settings['context'],
  registry: Settings['services'][number]['registry'],
  platforms: readonly string[],
  problems: Problems
): ServiceSettings[] {
  const image = input.text('image')
  if (!image) return []
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/i.test(image) || /[.:]/.test(image.split('/')[0] ?? '')) {
    problems.add(
      inputName('image'),
      `expected a repository name such as my-app (put the host in registry), got '${image}'`
    )
  }
  const dockerfile = input.optional('dockerfile')
  const build = buildSettings(
    { context: input.text('context') || '.', dockerfile },
    context.workspace,
    platforms,
    inputName('context'),
    problems
  )
  const name = image.split('/').pop()!.toLowerCase()
  return [
    {
      name,
      registry,
      repository: repositoryFor(registry, context, name, image, true),
      build,
      dependsOn: [],
      deploy: undefined
    }
  ]
}

function checkGraph(
  services: readonly ServiceSettings[],
  configName: string,
  problems: Problems
): void {
  for (const problem of deployLayers(services).problems) {
    const { key, message } = describeGraphProblem(problem)
    problems.add(`${configName}: ${key}`, message)
  }
}

function readImageSettings(
  input: InputReader,
  registryPassword: string | undefined
): ImageSettings {
  return {
    builder: input.oneOf('builder', ['auto', 'buildx', 'buildah'] as const, 'auto'),
    cache: input.oneOf('cache', ['registry', 'gha', 'none'] as const, 'registry'),
    mode: input.oneOf('build', ['auto', 'always', 'promote', 'skip'] as const, 'auto'),
    promoteFrom: input.optional('promote_from'),
    provenance: input.bool('provenance', false),
    sbom: input.bool('sbom', false),
    buildTimeoutMs: input.durationMs('build_timeout', 10 * 60_000),
    pushTimeoutMs: input.durationMs('push_timeout', 10 * 60_000),
    registryUsername: input.optional('registry_username'),
    registryPassword
  }
}

function readNotifySettings(
  input: InputReader,
  config: EffectiveConfig | undefined,
  secrets: Pick<
    NotifySettings,
    'slackBotToken' | 'slackWebhookUrl' | 'discordWebhookUrl' | 'webhookUrl'
  >,
  problems: Problems
): NotifySettings {
  const slackChannel = input.optional('slack_channel')
  if (secrets.slackBotToken && !slackChannel) {
    problems.add(
      inputName('slack_channel'),
      'required with slack_bot_token (the channel ID of the status card)'
    )
  }
  return {
    ...secrets,
    slackChannel,
    slackApiUrl: withTrailingSlash(input.absoluteUrl('slack_api_url') ?? 'https://slack.com/api/'),
    slackUsers: { ...(config?.slackUsers ?? {}), ...readUserMap(input, problems) },
    notifyUser: input.optional('notify_user'),
    discordMention: readDiscordMention(input, problems),
    strict: input.bool('notify_strict', false)
  }
}

function readUserMap(input: InputReader, problems: Problems): Record<string, string> {
  const text = input.text('slack_users')
  if (!text) return {}
  try {
    const value: unknown = parseYaml(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>)
      if (entries.every(([, v]) => typeof v === 'string' && v !== '')) {
        return Object.fromEntries(entries) as Record<string, string>
      }
    }
  } catch {
    // reported below
  }
  problems.add(
    inputName('slack_users'),
    'expected a mapping of GitHub login to Slack user ID, e.g. {octocat: U0123ABCD}'
  )
  return {}
}

function readDiscordMention(input: InputReader, problems: Problems): string | undefined {
  const mention = input.optional('discord_mention')
  if (mention && !/^\d{5,25}$/.test(mention)) {
    problems.add(
      inputName('discord_mention'),
      `expected a Discord user ID (digits), got '${mention}'`
    )
  }
  return mention
}

function tryNormaliseVersion(value: string): string | undefined {
  try {
    return normaliseVersion(value)
  } catch {
    return undefined
  }
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
