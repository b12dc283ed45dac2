import { readGate } from './gate.js'
import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Toolkit } from '../toolkit.js'
import { SLACK_ID } from './config-schema.js'
import { loadConfig, type EffectiveConfig } from './config.js'
import { deploymentIdFor, readRunContext } from './context.js'
import { confinedPath, eventsFileProblem } from './files.js'
import { InputReader } from './inputs.js'
import { Problems, inputName, quote } from './problems.js'
import { deployLayers, describeGraphProblem } from './service-graph.js'
import {
  buildPaths,
  buildSettings,
  parseRegistry,
  repositoryFor,
  servicesFromConfig
} from './services.js'
import { readSplitSettings } from './split.js'
import { checkCredentialRoutes } from './trust.js'
import {
  BUMPS,
  ENVIRONMENTS,
  type Environment,
  type ImageSettings,
  type NotifySettings,
  type ServiceSettings,
  type Settings
} from './types.js'
import { isValidTimezone, normaliseVersion, PLATFORM, registryProblem } from './values.js'
import { loadBoundedYaml } from './yaml.js'

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
  const githubToken = input.token('github_token')
  // A registry password may be a multi-line JSON key (Google Artifact Registry's _json_key).
  const registryPassword = input.secret('registry_password', { multiline: true })
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
      `expected X.Y.Z (optionally with a leading v), got ${quote(versionInput)}`
    )
  }
  const bump = input.oneOf('bump', BUMPS, 'auto')
  const dryRun = input.bool('dry_run', false)
  const preflight = input.bool('preflight', true)
  const rollback = readRollback(input, context.eventName, githubToken, problems)
  const registryInsecure = input.bool('registry_insecure', false)
  const argocdInsecure = input.bool('argocd_insecure', false)

  const config = readConfig(input, context.workspace, environment, problems)

  const timezoneInput = input.text('timezone')
  const timezone = timezoneInput || config?.value.timezone || 'UTC'
  if (!isValidTimezone(timezone)) {
    // Named where it was set: the input, or the config key (an environment's own, if that won).
    const where =
      timezoneInput || !config
        ? inputName('timezone')
        : `${config.name}: ${config.value.timezoneKey}`
    problems.add(where, `expected an IANA time zone such as Asia/Seoul, got ${quote(timezone)}`)
  }
  const gate = readGate(
    config?.value.gate,
    environment,
    {
      wanted: input.bool('override_gate', false),
      reason: input.text('override_reason'),
      actor: context.actor
    },
    {
      config: config?.name ?? 'config',
      overrideGate: inputName('override_gate'),
      reason: inputName('override_reason')
    },
    problems
  )
  if (gate?.promoteFrom !== undefined && gate.promoteFrom !== environment && !githubToken) {
    problems.add(
      `${config?.name ?? 'config'}: environments.${environment}.promote_from`,
      'needs github_token to read what the environment it promotes from ran'
    )
  }
  const platforms = readPlatforms(input, config?.value, problems)
  const registrySpec = readRegistryInput(input, core, problems) || config?.value.registry || 'ghcr'
  const registry = parseRegistry(registrySpec, context, registryInsecure)
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
        argocdInsecure,
        environment,
        env
      },
      problems
    )
    checkGraph(services, config.name, problems)
    checkRedeployWith(services, config.name, problems)
    // helm set_secret values come from the step's environment, not only from `secrets.` (which the
    // runner masks itself): an earlier step's output or a fetched secret is masked here, before
    // DEPLOY, or helm failing on it, could print it.
    for (const service of services) {
      if (service.deploy?.kind !== 'helm') continue
      for (const variable of Object.values(service.deploy.setSecret)) {
        input.mask(env[variable] ?? '')
      }
    }
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

  const eventsFile = readEventsFile(input, context, config?.realPath, problems)
  const split = readSplitSettings(input, config?.value.runners ?? {}, problems)
  const deploy = {
    timeoutMs: input.durationMs('deploy_timeout', 30 * 60_000),
    pollIntervalMs: input.optionalDurationMs('poll_interval'),
    argocdToken,
    kubeconfig: readKubeconfig(input, context, problems)
  }

  checkCredentialRoutes(
    {
      trustedHosts: input.list('trusted_hosts'),
      registryInput: input.text('registry'),
      argocdServerInput: input.optional('argocd_server'),
      argocdInsecureInput: argocdInsecure,
      registryPassword: images.registryPassword,
      argocdToken,
      slackBotToken,
      slackApiUrl: notify.slackApiUrl,
      services,
      config
    },
    problems
  )

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
    rollback,
    gate,
    githubToken,
    configPath: config?.path,
    eventsFile,
    // Every job of a split workflow reports as the deployment the plan job started: a re-run
    // build job is a new run attempt, not a new deployment.
    deploymentId: split.planDeploymentId ?? deploymentIdFor(context),
    context,
    platforms,
    services,
    images,
    deploy,
    notify,
    split: split.settings
  })
}

/**
 * `false` (or empty) means no rollback. A rollback is a person's decision under pressure, so it is
 * taken only from a workflow_dispatch (or a local run), never from a push or a schedule, and it
 * reads the history from GitHub Deployments, so it needs the token.
 */
function readRollback(
  input: InputReader,
  eventName: string,
  githubToken: string | undefined,
  problems: Problems
): string | undefined {
  const value = input.text('rollback')
  if (!value || value === 'false') return undefined
  if (!/^[\w.+-]{1,128}$/.test(value)) {
    problems.add(
      inputName('rollback'),
      `expected false, previous, a git tag or a deployment id, got ${quote(value)}`
    )
    return undefined
  }
  if (eventName !== 'workflow_dispatch') {
    problems.add(inputName('rollback'), `is taken only on workflow_dispatch, not on ${eventName}`)
  }
  if (!githubToken) {
    problems.add(inputName('rollback'), 'needs github_token to read the deployment history')
  }
  return value
}

function readEnvironment(input: InputReader, eventName: string, problems: Problems): Environment {
  const value = input.text('environment')
  if (!value) {
    if (eventName === 'schedule' || input.wasRefused('environment')) return 'dev'
    problems.add(
      inputName('environment'),
      'required: dev, stage or prod (only a schedule run defaults to dev)'
    )
    return 'dev'
  }
  if ((ENVIRONMENTS as readonly string[]).includes(value)) return value as Environment
  problems.add(inputName('environment'), `expected one of dev, stage, prod, got ${quote(value)}`)
  return 'dev'
}

function readConfig(
  input: InputReader,
  workspace: string,
  environment: Environment,
  problems: Problems
): { path: string; realPath: string; name: string; value: EffectiveConfig } | undefined {
  const given = input.text('config')
  if (!given && (input.wasRefused('config') || !existsSync(resolve(workspace, DEFAULT_CONFIG)))) {
    return undefined
  }
  // Checked before it is opened: a config symlinked out of the workspace is never read.
  const checked = confinedPath(given || DEFAULT_CONFIG, workspace, [workspace])
  if (!checked.ok) {
    problems.add(given ? inputName('config') : DEFAULT_CONFIG, checked.problem)
    return undefined
  }
  const path = checked.path
  const name = relative(workspace, path) || path
  const value = loadConfig(checked.real, name, environment, problems)
  return value ? { path, realPath: checked.real, name, value } : undefined
}

/**
 * events_file: inside the workspace or RUNNER_TEMP, and never a file of value (see
 * eventsFileProblem). Empty: a file of its own under RUNNER_TEMP.
 */
function readEventsFile(
  input: InputReader,
  context: Settings['context'],
  configRealPath: string | undefined,
  problems: Problems
): string {
  const fallback = join(context.tempDir, `deploy-pipeline-${process.pid}-events.ndjson`)
  const given = input.text('events_file')
  if (!given) return fallback
  const checked = confinedPath(given, context.workspace, [context.workspace, context.tempDir])
  const problem = checked.ok ? eventsFileProblem(checked.real, configRealPath) : checked.problem
  if (problem) problems.add(inputName('events_file'), problem)
  return checked.ok ? checked.path : fallback
}

/**
 * kubeconfig: inside the workspace or RUNNER_TEMP (azure/k8s-set-context writes there), like
 * events_file. Only the input is confined: KUBECONFIG and ~/.kube/config are the workflow's own
 * environment (aws eks update-kubeconfig writes the latter).
 */
function readKubeconfig(
  input: InputReader,
  context: Settings['context'],
  problems: Problems
): string | undefined {
  const given = input.text('kubeconfig')
  if (!given) return undefined
  const checked = confinedPath(given, context.workspace, [context.workspace, context.tempDir])
  if (!checked.ok) {
    problems.add(inputName('kubeconfig'), checked.problem)
    return undefined
  }
  if (!existsSync(checked.path)) {
    problems.add(inputName('kubeconfig'), `file ${checked.path} does not exist`)
  }
  return checked.path
}

/**
 * The registry input. Credentials in it (`user:pass@host`) are masked and refused, never echoed:
 * they belong in registry_username and registry_password.
 */
function readRegistryInput(
  input: InputReader,
  core: Pick<Toolkit, 'setSecret'>,
  problems: Problems
): string {
  const spec = input.text('registry')
  if (!spec) return ''
  const problem = registryProblem(spec)
  if (!problem) return spec
  if (spec.includes('@')) {
    core.setSecret(spec)
    const credentials = spec.slice(0, spec.lastIndexOf('@')).replace(/^[a-z]+:\/\//i, '')
    if (credentials) core.setSecret(credentials)
    const password = credentials.slice(credentials.indexOf(':') + 1)
    if (credentials.includes(':') && password) core.setSecret(password)
    problems.add(inputName('registry'), problem)
  } else {
    problems.add(inputName('registry'), `${problem}, got ${quote(spec)}`)
  }
  return ''
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
        `expected os/arch such as linux/arm64, got ${quote(platform)}`
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
  if (
    image.length > 256 ||
    !/^[a-z0-9]+([._/-][a-z0-9]+)*$/i.test(image) ||
    /[.:]/.test(image.split('/')[0] ?? '')
  ) {
    problems.add(
      inputName('image'),
      `expected a repository name such as my-app (put the host in registry), got ${quote(image)}`
    )
  }
  const dockerfile = input.optional('dockerfile')
  const build = buildSettings(
    { context: input.text('context') || '.', dockerfile },
    context.workspace,
    platforms,
    inputName,
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
      deploy: undefined,
      paths: buildPaths(build, context.workspace),
      redeployWith: []
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

/** redeploy_with names services of this config, and never the service itself. */
function checkRedeployWith(
  services: readonly ServiceSettings[],
  configName: string,
  problems: Problems
): void {
  const known = new Set(services.map(s => s.name))
  for (const service of services) {
    for (const other of service.redeployWith ?? []) {
      const key = `${configName}: services.${service.name}.redeploy_with`
      if (other === service.name) problems.add(key, 'names the service itself')
      else if (!known.has(other)) {
        problems.add(key, `names '${other}', which is not a service in this config`)
      }
    }
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
  if (slackChannel && !SLACK_ID.test(slackChannel)) {
    problems.add(
      inputName('slack_channel'),
      `expected a channel ID such as C0123ABCD, got ${quote(slackChannel)}`
    )
  }
  if (secrets.slackBotToken && !slackChannel && !input.wasRefused('slack_channel')) {
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
    notifyUser: readNotifyUser(input, problems),
    discordMention: readDiscordMention(input, problems),
    strict: input.bool('notify_strict', false)
  }
}

function readUserMap(input: InputReader, problems: Problems): Record<string, string> {
  const text = input.text('slack_users')
  if (!text) return {}
  const name = inputName('slack_users')
  // The same bounded parser as the config: an alias bomb in an input is no better.
  const loaded = loadBoundedYaml(text, name, keys => `${name}: ${keys.join('.')}`, problems)
  if (!loaded) return {}
  const value = loaded.value
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.every(([, v]) => typeof v === 'string' && SLACK_ID.test(v))) {
      return Object.fromEntries(entries) as Record<string, string>
    }
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
      `expected a Discord user ID (digits), got ${quote(mention)}`
    )
  }
  return mention
}

/** A Slack user ID, or an e-mail address (at most 254 characters, as SMTP allows). */
function readNotifyUser(input: InputReader, problems: Problems): string | undefined {
  const user = input.optional('notify_user')
  if (user && !SLACK_ID.test(user) && !(user.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(user))) {
    problems.add(
      inputName('notify_user'),
      `expected a Slack user ID such as U0123ABCD or an e-mail address, got ${quote(user)}`
    )
  }
  return user
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
