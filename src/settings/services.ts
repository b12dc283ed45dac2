import { existsSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { ServiceConfig } from './config-schema.js'
import type { EffectiveConfig } from './config.js'
import { confinedPath } from './files.js'
import type { Problems } from './problems.js'
import {
  HELM_PLACEHOLDERS,
  type ArgoCdTarget,
  type BuildSettings,
  type CloudFormationTarget,
  type DeployTarget,
  type EcsTarget,
  type Environment,
  type HelmTarget,
  type KubernetesPlace,
  type KubernetesTarget,
  type RegistrySettings,
  type RunContext,
  type ServiceSettings,
  type StepFunctionsTarget,
  type VerifySettings,
  type WorkloadKind
} from './types.js'
import { isLoopbackHost } from '../runtime/hosts.js'
import {
  TEMPLATE_BODY_LIMIT,
  TEMPLATE_URL_LIMIT,
  VERIFY_PLACEHOLDER,
  readParameterFile,
  stackValueProblem
} from './stack-values.js'
import {
  BAKE_RANGE,
  INTERVAL_RANGE,
  GRACE_RANGE,
  httpUrlProblem,
  parseDuration,
  registryProblem
} from './values.js'

/** Registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`) -> where images go. */
export function parseRegistry(
  spec: string,
  context: RunContext,
  insecure: boolean
): RegistrySettings | undefined {
  if (registryProblem(spec) !== undefined) return undefined
  if (spec === 'ghcr') {
    return {
      kind: 'ghcr',
      host: 'ghcr.io',
      namespace: context.owner.toLowerCase(),
      insecure: false
    }
  }
  if (spec === 'ecr') return { kind: 'ecr', host: '', namespace: '', insecure: false }
  const slash = spec.indexOf('/')
  const host = slash === -1 ? spec : spec.slice(0, slash)
  const namespace = slash === -1 ? '' : spec.slice(slash + 1)
  return { kind: 'host', host, namespace, insecure: insecure || isLoopbackHost(host) }
}

/** Where a service's image lives inside its registry. GHCR names are always lower case. */
export function repositoryFor(
  registry: RegistrySettings,
  context: RunContext,
  service: string,
  image: string | undefined,
  single: boolean
): string {
  let name: string
  if (registry.kind === 'ghcr') {
    const base = image ?? (single ? context.repo : `${context.repo}/${service}`)
    name = `${registry.namespace}/${base}`
  } else if (registry.kind === 'ecr') {
    name = image ?? service
  } else {
    const base = image ?? service
    name = registry.namespace ? `${registry.namespace}/${base}` : base
  }
  return name.toLowerCase()
}

export interface ServiceDefaults {
  readonly registry: RegistrySettings
  readonly registryInsecure: boolean
  readonly platforms: readonly string[]
  readonly argocdServer: string | undefined
  readonly argocdInsecure: boolean
  /** The environment deployed to: CloudFormation stack names may say {environment}. */
  readonly environment: Environment
  /** Where helm set_secret values are read from (the step's environment). */
  readonly env?: NodeJS.ProcessEnv
}

/** Config services -> ServiceSettings, resolving paths, registries and target defaults. */
export function servicesFromConfig(
  config: EffectiveConfig,
  configName: string,
  context: RunContext,
  defaults: ServiceDefaults,
  problems: Problems
): ServiceSettings[] {
  return config.services.map(([name, service]) => {
    const where = `${configName}: services.${name}`
    const registry = service.registry
      ? (parseRegistry(service.registry, context, defaults.registryInsecure) ?? defaults.registry)
      : defaults.registry
    const build = service.build
      ? buildSettings(
          service.build,
          context.workspace,
          defaults.platforms,
          key => `${where}.build.${key}`,
          problems
        )
      : undefined
    const paths = service.paths?.map(glob => glob.replace(/^(\.\/)+/, ''))
    return {
      name,
      registry,
      repository: repositoryFor(registry, context, name, service.image, false),
      build,
      dependsOn: service.depends_on ?? [],
      deploy: deployTarget(service, name, config, defaults, context.workspace, where, problems),
      paths: paths ?? (build ? buildPaths(build, context.workspace) : undefined),
      redeployWith: service.redeploy_with ?? []
    }
  })
}

/**
 * A built service's default paths: everything under its build context, and its Dockerfile (which
 * may live elsewhere), as workspace-relative globs with forward slashes.
 */
export function buildPaths(build: BuildSettings, workspace: string): string[] {
  const posix = (path: string): string => path.split(sep).join('/')
  const context = posix(relative(workspace, build.context))
  return [context ? `${context}/**` : '**', posix(relative(workspace, build.dockerfile))]
}

/**
 * A path from the config or an input that must stay inside the workspace; the problem (under
 * `where`) when it does not. Returns the resolved path either way, so the rest reads on.
 */
export function workspacePath(
  value: string,
  workspace: string,
  where: string,
  problems: Problems
): { path: string; inside: boolean } {
  const checked = confinedPath(value, workspace, [workspace])
  if (checked.ok) return { path: checked.path, inside: true }
  problems.add(where, checked.problem)
  // Only for the rest of the checks to read on: problems stop the run before anything uses it.
  return { path: resolve(workspace, value), inside: false }
}

export function buildSettings(
  build: NonNullable<ServiceConfig['build']>,
  workspace: string,
  platforms: readonly string[],
  where: (key: 'context' | 'dockerfile') => string,
  problems: Problems
): BuildSettings {
  const context = workspacePath(build.context ?? '.', workspace, where('context'), problems)
  // The default Dockerfile is checked too (a symlink named Dockerfile may point anywhere), unless
  // the context is refused already: its Dockerfile would only repeat the problem.
  const dockerfile =
    build.dockerfile !== undefined || context.inside
      ? workspacePath(
          build.dockerfile ?? join(context.path, 'Dockerfile'),
          workspace,
          where('dockerfile'),
          problems
        )
      : context
  if (context.inside && dockerfile.inside) {
    if (!existsSync(context.path)) {
      problems.add(where('context'), `directory ${context.path} does not exist`)
    } else if (!existsSync(dockerfile.path)) {
      problems.add(where('dockerfile'), `file ${dockerfile.path} does not exist`)
    }
  }
  return {
    context: context.path,
    dockerfile: dockerfile.path,
    target: build.target,
    args: Object.fromEntries(Object.entries(build.args ?? {}).map(([k, v]) => [k, String(v)])),
    platforms: build.platforms ?? platforms
  }
}

function deployTarget(
  service: ServiceConfig,
  name: string,
  config: EffectiveConfig,
  defaults: ServiceDefaults,
  workspace: string,
  where: string,
  problems: Problems
): DeployTarget | undefined {
  const deploy = service.deploy
  if (!deploy) return undefined
  const kinds = Object.keys(deploy).filter(
    k => k !== 'verify' && deploy[k as keyof typeof deploy] !== undefined
  )
  if (kinds.length !== 1) {
    problems.add(
      `${where}.deploy`,
      `expected exactly one of ecs, stepfunctions, argocd, cloudformation, kubernetes, helm`
    )
    return undefined
  }
  const target = targetOf(service, name, config, defaults, workspace, where, problems)
  if (!target || !deploy.verify) return target
  return { ...target, verify: verifySettings(deploy.verify, `${where}.deploy.verify`, problems) }
}

function targetOf(
  service: ServiceConfig,
  name: string,
  config: EffectiveConfig,
  defaults: ServiceDefaults,
  workspace: string,
  where: string,
  problems: Problems
): DeployTarget | undefined {
  const deploy = service.deploy ?? {}
  if (deploy.ecs) return ecsTarget(deploy.ecs, workspace, `${where}.deploy.ecs`, problems)
  if (deploy.stepfunctions) {
    return stepFunctionsTarget(deploy.stepfunctions, `${where}.deploy.stepfunctions`, problems)
  }
  if (deploy.argocd)
    return argoTarget(deploy.argocd, config, defaults, `${where}.deploy.argocd`, problems)
  if (deploy.cloudformation) {
    const stack = { service: name, environment: defaults.environment, hasImage: !!service.build }
    return cloudFormationTarget(
      deploy.cloudformation,
      stack,
      workspace,
      `${where}.deploy.cloudformation`,
      problems
    )
  }
  if (deploy.kubernetes) return kubernetesTarget(deploy.kubernetes)
  if (deploy.helm) {
    const env = defaults.env ?? process.env
    return helmTarget(deploy.helm, workspace, env, `${where}.deploy.helm`, problems)
  }
  return undefined
}

function timing(target: { deploy_timeout?: string | number; poll_interval?: string | number }) {
  return {
    timeoutMs:
      target.deploy_timeout === undefined ? undefined : parseDuration(target.deploy_timeout),
    pollIntervalMs:
      target.poll_interval === undefined
        ? undefined
        : parseDuration(target.poll_interval, INTERVAL_RANGE)
  }
}

function ecsTarget(
  ecs: NonNullable<NonNullable<ServiceConfig['deploy']>['ecs']>,
  workspace: string,
  where: string,
  problems: Problems
): EcsTarget | undefined {
  const strategy = ecs.strategy ?? 'rolling'
  if (strategy === 'codedeploy' && !ecs.codedeploy) {
    problems.add(
      `${where}.codedeploy`,
      'required when strategy is codedeploy (application, deployment_group)'
    )
  }
  if (strategy !== 'codedeploy' && ecs.codedeploy) {
    problems.add(
      `${where}.codedeploy`,
      `only used with strategy: codedeploy (strategy is ${strategy})`
    )
  }
  for (const [key, wanted] of [
    ['linear', 'linear'],
    ['canary', 'canary']
  ] as const) {
    if (ecs[key] && strategy !== wanted)
      problems.add(
        `${where}.${key}`,
        `only used with strategy: ${wanted} (strategy is ${strategy})`
      )
  }
  const waitUntil = ecs.wait_until ?? 'completed'
  if (waitUntil === 'traffic_shifted' && strategy === 'rolling') {
    problems.add(
      `${where}.wait_until`,
      'traffic_shifted needs a strategy that shifts traffic (blue_green, linear, canary, codedeploy); strategy is rolling'
    )
  }
  if (waitUntil === 'test_traffic' && strategy !== 'codedeploy') {
    problems.add(
      `${where}.wait_until`,
      `test_traffic is for strategy: codedeploy (its test listener); strategy is ${strategy}`
    )
  }
  const taskDefinition = ecs.task_definition?.startsWith('arn:')
    ? ecs.task_definition
    : existingFile(ecs.task_definition, workspace, `${where}.task_definition`, problems)
  const appspec = existingFile(
    ecs.codedeploy?.appspec,
    workspace,
    `${where}.codedeploy.appspec`,
    problems
  )
  const containers = Array.isArray(ecs.container) ? ecs.container : [ecs.container]
  return {
    kind: 'ecs',
    region: ecs.region,
    cluster: ecs.cluster,
    service: ecs.service,
    containers,
    strategy,
    waitUntil,
    linear: ecs.linear && {
      stepPercent: ecs.linear.step_percent,
      stepBakeMinutes: bakeMinutes(ecs.linear.step_bake)
    },
    canary: ecs.canary && {
      percent: ecs.canary.percent,
      bakeMinutes: bakeMinutes(ecs.canary.bake)
    },
    taskDefinition,
    keepRevisions: ecs.keep_revisions,
    codedeploy: ecs.codedeploy
      ? {
          application: ecs.codedeploy.application,
          deploymentGroup: ecs.codedeploy.deployment_group,
          appspec,
          autoRollback: ecs.codedeploy.auto_rollback ?? true
        }
      : undefined,
    ...timing(ecs)
  }
}

function bakeMinutes(value: string | number | undefined): number | undefined {
  const ms = value === undefined ? undefined : parseDuration(value, BAKE_RANGE)
  return ms === undefined ? undefined : ms / 60_000
}

function stepFunctionsTarget(
  sfn: NonNullable<NonNullable<ServiceConfig['deploy']>['stepfunctions']>,
  where: string,
  problems: Problems
): StepFunctionsTarget {
  // Start when we know the state machine and were not told where the push-started run is noted.
  const mode = sfn.mode ?? (sfn.state_machine_arn && !sfn.secret_name ? 'start' : 'find')
  if (mode === 'start' && !sfn.state_machine_arn) {
    problems.add(`${where}.state_machine_arn`, 'required with mode: start')
  }
  if (mode === 'find' && !sfn.state_machine_arn && !sfn.secret_name) {
    problems.add(where, 'mode find needs secret_name or state_machine_arn to find the execution')
  }
  return {
    kind: 'stepfunctions',
    region: sfn.region ?? regionOfArn(sfn.state_machine_arn),
    mode,
    stateMachineArn: sfn.state_machine_arn,
    input: sfn.input ?? {},
    secretName: sfn.secret_name ?? (mode === 'find' ? 'deploy/{deployment_id}' : undefined),
    secretTries: sfn.secret_tries ?? 3,
    secretIntervalMs: parseDuration(sfn.secret_interval ?? '3s', INTERVAL_RANGE) ?? 3000,
    deleteSecret: sfn.delete_secret ?? false,
    stopOnTimeout: sfn.stop_on_timeout ?? false,
    healthCheckStates: sfn.health_check_states ?? ['CheckDeployment'],
    ...timing(sfn)
  }
}

function argoTarget(
  argo: NonNullable<NonNullable<ServiceConfig['deploy']>['argocd']>,
  config: EffectiveConfig,
  defaults: ServiceDefaults,
  where: string,
  problems: Problems
): ArgoCdTarget {
  const server = argo.server ?? config.argocd.server ?? defaults.argocdServer
  if (!server) {
    problems.add(
      `${where}.server`,
      'no Argo CD server: set it here, in argocd.server or environments.<env>.argocd.server, or the argocd_server input'
    )
  }
  if (argo.kustomize_image && argo.helm_parameter) {
    problems.add(where, 'set helm_parameter or kustomize_image, not both')
  }
  return {
    kind: 'argocd',
    app: argo.app,
    server,
    project: argo.project ?? config.argocd.project,
    appNamespace: argo.app_namespace ?? config.argocd.app_namespace,
    insecure: argo.insecure ?? config.argocd.insecure ?? defaults.argocdInsecure,
    helmParameter: argo.kustomize_image ? undefined : (argo.helm_parameter ?? 'image.tag'),
    helmRepositoryParameter: argo.helm_repository_parameter,
    kustomizeImage: argo.kustomize_image,
    sourceIndex: argo.source_index,
    sourceName: argo.source_name,
    prune: argo.prune ?? false,
    syncOptions: argo.sync_options ?? [],
    terminateRunning: argo.terminate_running ?? false,
    rollbackOnFailure: argo.rollback_on_failure ?? false,
    degradedGraceMs: parseDuration(argo.degraded_grace ?? '60s', GRACE_RANGE) ?? 60_000,
    ...timing(argo)
  }
}

function cloudFormationTarget(
  cfn: NonNullable<NonNullable<ServiceConfig['deploy']>['cloudformation']>,
  service: { service: string; environment: Environment; hasImage: boolean },
  workspace: string,
  where: string,
  problems: Problems
): CloudFormationTarget {
  const stack = cfn.stack.replace(/\{(environment|service)\}/g, (_, key: string) =>
    key === 'service' ? service.service : service.environment
  )
  if (!/^[A-Za-z][-A-Za-z0-9]{0,127}$/.test(stack)) {
    problems.add(
      `${where}.stack`,
      `'${stack}' is not a stack name: a letter, then letters, digits and "-", at most 128`
    )
  }
  const template = readableFile(cfn.template, workspace, `${where}.template`, problems)
  if (template) templateSizeProblem(template, cfn.template_bucket, `${where}.template`, problems)
  const overrides = `${where}.parameter_overrides_file`
  const file = readableFile(cfn.parameter_overrides_file, workspace, overrides, problems)
  // The config's parameters win over the file's: a value written in the config is the one meant.
  const parameters: Record<string, string> = file
    ? (readParameterFile(file, overrides, problems) ?? {})
    : {}
  for (const [key, value] of Object.entries(cfn.parameters ?? {})) parameters[key] = String(value)
  const tags = Object.fromEntries(Object.entries(cfn.tags ?? {}).map(([k, v]) => [k, String(v)]))
  for (const [group, values] of [
    ['parameters', parameters],
    ['tags', tags]
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      const problem = stackValueProblem(value, service.hasImage)
      if (problem) problems.add(`${where}.${group}.${key}`, problem)
    }
  }
  return {
    kind: 'cloudformation',
    region: cfn.region,
    stack,
    template: template ?? '',
    parameters,
    capabilities: cfn.capabilities ?? [],
    tags,
    roleArn: cfn.role_arn,
    terminationProtection: cfn.termination_protection,
    templateBucket: cfn.template_bucket,
    onRollbackComplete: cfn.on_rollback_complete ?? 'recreate',
    urlOutput: cfn.url_output,
    ...timing(cfn)
  }
}

/**
 * A template over TemplateBody's limit needs template_bucket; one over what CloudFormation reads
 * from S3 cannot be deployed at all. Checked at INIT so the run stops before building anything.
 */
function templateSizeProblem(
  path: string,
  bucket: string | undefined,
  where: string,
  problems: Problems
): void {
  let size: number
  try {
    const stats = statSync(path)
    if (!stats.isFile()) {
      problems.add(where, `${path} is not a regular file`)
      return
    }
    size = stats.size
  } catch {
    return // readableFile has said why already
  }
  if (size > TEMPLATE_URL_LIMIT) {
    problems.add(
      where,
      `is ${size} bytes; CloudFormation reads templates of at most ${TEMPLATE_URL_LIMIT} bytes`
    )
  } else if (size > TEMPLATE_BODY_LIMIT && !bucket) {
    problems.add(
      where,
      `is ${size} bytes, over the ${TEMPLATE_BODY_LIMIT}-byte limit of a template sent inline; set template_bucket to upload it to S3`
    )
  }
}

function verifySettings(
  verify: NonNullable<NonNullable<ServiceConfig['deploy']>['verify']>,
  where: string,
  problems: Problems
): VerifySettings {
  // Placeholders stand for URLs and path parts only known after the deploy: checked with stand-ins.
  const unknown = verify.url
    .replace(VERIFY_PLACEHOLDER, '')
    .match(/\{[^{}]*\}/)
    ?.at(0)
  if (unknown) {
    problems.add(
      `${where}.url`,
      `unknown placeholder ${unknown}; known: {deployment_url}, {outputs.<output name>}`
    )
  } else {
    const standIn = verify.url
      .replace(/^\{(deployment_url|outputs\.[A-Za-z0-9]+)\}/, 'https://deployed.invalid')
      .replace(VERIFY_PLACEHOLDER, 'x')
    const problem = httpUrlProblem(standIn)
    if (problem) problems.add(`${where}.url`, problem)
  }
  return {
    url: verify.url,
    expectStatus: verify.expect_status ?? 200,
    contains: verify.contains,
    timeoutMs: parseDuration(verify.timeout ?? '2m') ?? 120_000,
    intervalMs: parseDuration(verify.interval ?? '5s', INTERVAL_RANGE) ?? 5000
  }
}

type KubernetesConfig = NonNullable<NonNullable<ServiceConfig['deploy']>['kubernetes']>
type HelmConfig = NonNullable<NonNullable<ServiceConfig['deploy']>['helm']>

const WORKLOAD_KINDS: Readonly<Record<string, WorkloadKind>> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet'
}

function kubernetesPlace(config: KubernetesConfig | HelmConfig): KubernetesPlace {
  const secret = config.image_pull_secret
  return {
    context: config.context,
    namespace: config.namespace ?? 'default',
    imagePullSecret:
      secret === undefined
        ? undefined
        : typeof secret === 'string'
          ? { name: secret, serviceAccount: 'default' }
          : { name: secret.name, serviceAccount: secret.service_account ?? 'default' }
  }
}

function kubernetesTarget(config: KubernetesConfig): KubernetesTarget {
  const workloads = config.workloads.map(entry => {
    const slash = entry.indexOf('/')
    const kind = WORKLOAD_KINDS[entry.slice(0, slash).toLowerCase()] ?? 'Deployment'
    return { kind, name: entry.slice(slash + 1) }
  })
  return {
    kind: 'kubernetes',
    ...kubernetesPlace(config),
    workloads,
    container: config.container,
    rollbackOnFailure: config.rollback_on_failure ?? false,
    ...timing(config)
  }
}

function helmTarget(
  config: HelmConfig,
  workspace: string,
  env: NodeJS.ProcessEnv,
  where: string,
  problems: Problems
): HelmTarget {
  let chart = config.chart
  if (config.repo_url === undefined) {
    // A chart in the repository: confined like every other path, and a chart directory.
    const dir = workspacePath(config.chart, workspace, `${where}.chart`, problems)
    chart = dir.path
    if (dir.inside && !existsSync(join(dir.path, 'Chart.yaml'))) {
      problems.add(
        `${where}.chart`,
        `${dir.path} has no Chart.yaml: give a chart directory in the repository, or the chart's ` +
          'name with repo_url'
      )
    }
  } else if (config.chart.startsWith('/') || config.chart.startsWith('.')) {
    problems.add(`${where}.chart`, 'with repo_url, expected the name of a chart in that repository')
  }
  if (config.version !== undefined && config.repo_url === undefined) {
    problems.add(
      `${where}.version`,
      'only used with repo_url (a chart in the repository has its own)'
    )
  }
  for (const [key, variable] of Object.entries(config.set_secret ?? {})) {
    if (!env[variable]) {
      problems.add(
        `${where}.set_secret.${key}`,
        `the environment variable ${variable} is not set or empty: pass it to the step, ` +
          `e.g. env: { ${variable}: \${{ secrets.${variable} }} }`
      )
    }
    if (config.set && key in config.set) {
      problems.add(`${where}.set_secret.${key}`, 'is also in set; give each key once')
    }
  }
  for (const [key, value] of Object.entries(config.set ?? {})) {
    if (typeof value !== 'string') continue
    for (const [, name] of value.matchAll(/\{([a-z_]+)\}/g)) {
      if (!(HELM_PLACEHOLDERS as readonly string[]).includes(name as string)) {
        problems.add(
          `${where}.set.${key}`,
          `unknown placeholder {${name}}; expected one of ${HELM_PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`
        )
      }
    }
  }
  const image = config.set_image
  const setImage =
    image === false
      ? undefined
      : {
          repository:
            image?.repository === false ? undefined : (image?.repository ?? 'image.repository'),
          tag: image?.tag === false ? undefined : (image?.tag ?? 'image.tag'),
          digest: image?.digest
        }
  return {
    kind: 'helm',
    ...kubernetesPlace(config),
    release: config.release,
    chart,
    repoUrl: config.repo_url,
    version: config.version,
    createNamespace: config.create_namespace ?? false,
    values: (config.values ?? []).map(
      (file, index) => existingFile(file, workspace, `${where}.values[${index}]`, problems) ?? file
    ),
    set: config.set ?? {},
    setSecret: config.set_secret ?? {},
    setImage,
    dependencyUpdate: config.dependency_update,
    helmTimeoutMs: config.timeout === undefined ? undefined : parseDuration(config.timeout),
    rollbackOnFailure: config.rollback_on_failure ?? true,
    ...timing(config)
  }
}

/**
 * A file the deploy reads (a template, a parameter file): its path when it is inside the
 * workspace and there, else undefined with the problem said. Nothing outside is ever opened,
 * not even to learn its size.
 */
function readableFile(
  value: string | undefined,
  workspace: string,
  where: string,
  problems: Problems
): string | undefined {
  if (value === undefined) return undefined
  const file = workspacePath(value, workspace, where, problems)
  if (!file.inside) return undefined
  if (!existsSync(file.path)) {
    problems.add(where, `file ${file.path} does not exist`)
    return undefined
  }
  return file.path
}

/**
 * A file the config names (task definition, AppSpec): inside the workspace, and there. Its path
 * either way, so the rest of the settings read on; problems stop the run before it is used.
 */
function existingFile(
  value: string | undefined,
  workspace: string,
  where: string,
  problems: Problems
): string | undefined {
  if (value === undefined) return undefined
  return readableFile(value, workspace, where, problems) ?? resolve(workspace, value)
}

function regionOfArn(arn: string | undefined): string | undefined {
  return arn?.split(':')[3] || undefined
}
