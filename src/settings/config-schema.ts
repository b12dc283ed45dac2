import * as v from 'valibot'
import { DURATION_EXPECTED, PLATFORM, parseDuration } from './values.js'

/**
 * The shape of `.github/deploy.yml` (DESIGN.md, "Config file"). Shape only: defaults are applied
 * when the validated config becomes Settings, so that an environment override that leaves a key
 * out does not reset it. Every object is strict: an unknown key is an error, not a silent no-op.
 * Valibot rather than a class-based schema library: it builds its schemas in a few
 * milliseconds, and this file runs on every start of the action.
 */
const text = v.pipe(v.string(), v.minLength(1, 'expected a non-empty string'))
const duration = v.pipe(
  v.union([v.number(), v.string()]),
  v.check(value => parseDuration(value) !== undefined, `expected ${DURATION_EXPECTED}`)
)
const platform = v.pipe(v.string(), v.regex(PLATFORM, 'expected os/arch such as linux/amd64'))
const platforms = v.pipe(v.array(platform), v.minLength(1, 'expected at least one platform'))
const serviceName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" and "-"')
)
export const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/
const registry = v.pipe(
  v.string(),
  v.regex(REGISTRY_PATTERN, 'expected ghcr, ecr or host[:port][/namespace] in lower case')
)
const repositoryName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, 'expected a repository name such as team/api')
)
const httpUrl = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[^\s/]+/, 'expected an http(s) URL'),
  // Said without the value: it would print the password.
  v.check(
    value => !/^https?:\/\/[^/]*@/.test(value),
    'expected a URL without a user name or password'
  )
)
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(
    v.number(),
    v.integer('expected a whole number'),
    v.minValue(min, `expected at least ${min}`),
    v.maxValue(max, `expected at most ${max}`)
  )
const optional = v.optional
const timing = { deploy_timeout: optional(duration), poll_interval: optional(duration) }

const build = v.strictObject({
  context: optional(text),
  dockerfile: optional(text),
  target: optional(text),
  args: optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]))),
  platforms: optional(platforms)
})

const codedeploy = v.strictObject({
  application: text,
  deployment_group: text,
  appspec: optional(text),
  auto_rollback: optional(v.boolean())
})

const ecs = v.strictObject({
  cluster: text,
  service: text,
  container: v.union([text, v.pipe(v.array(text), v.minLength(1, 'expected a container'))]),
  strategy: optional(v.picklist(['rolling', 'codedeploy', 'blue_green'])),
  codedeploy: optional(codedeploy),
  task_definition: optional(text),
  keep_revisions: optional(wholeNumber(1)),
  region: optional(text),
  ...timing
})

const stepfunctions = v.strictObject({
  mode: optional(v.picklist(['start', 'find'])),
  state_machine_arn: optional(
    v.pipe(
      v.string(),
      v.regex(
        /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:.+$/,
        'expected a state machine ARN'
      )
    )
  ),
  input: optional(v.record(v.string(), v.unknown())),
  secret_name: optional(text),
  secret_tries: optional(wholeNumber(1, 100)),
  secret_interval: optional(duration),
  delete_secret: optional(v.boolean()),
  stop_on_timeout: optional(v.boolean()),
  health_check_states: optional(v.array(text)),
  region: optional(text),
  ...timing
})

const argoServer = {
  server: optional(httpUrl),
  project: optional(text),
  app_namespace: optional(text),
  insecure: optional(v.boolean())
}

const argocd = v.strictObject({
  app: text,
  ...argoServer,
  helm_parameter: optional(text),
  helm_repository_parameter: optional(text),
  kustomize_image: optional(text),
  source_index: optional(wholeNumber(0)),
  source_name: optional(text),
  prune: optional(v.boolean()),
  sync_options: optional(v.array(text)),
  terminate_running: optional(v.boolean()),
  rollback_on_failure: optional(v.boolean()),
  degraded_grace: optional(duration),
  ...timing
})

const serviceKeys = {
  registry: optional(registry),
  image: optional(repositoryName),
  build: optional(build),
  depends_on: optional(v.array(serviceName))
}

const service = v.strictObject({
  ...serviceKeys,
  deploy: optional(
    v.strictObject({
      ecs: optional(ecs),
      stepfunctions: optional(stepfunctions),
      argocd: optional(argocd)
    })
  )
})

/** An environment's override of a service: the same keys, none of them required. */
const serviceOverride = v.strictObject({
  ...serviceKeys,
  deploy: optional(
    v.strictObject({
      ecs: optional(
        v.strictObject({ ...v.partial(ecs).entries, codedeploy: optional(v.partial(codedeploy)) })
      ),
      stepfunctions: optional(stepfunctions),
      argocd: optional(v.partial(argocd))
    })
  )
})

const sharedTopLevel = {
  registry: optional(registry),
  platforms: optional(platforms),
  timezone: optional(text),
  slack_users: optional(v.record(v.string(), text)),
  argocd: optional(v.strictObject(argoServer))
}

const environmentOverride = v.strictObject({
  ...sharedTopLevel,
  services: optional(v.record(serviceName, serviceOverride))
})

export const configSchema = v.strictObject({
  ...sharedTopLevel,
  services: optional(v.record(serviceName, service)),
  environments: optional(
    v.strictObject({
      dev: optional(environmentOverride),
      stage: optional(environmentOverride),
      prod: optional(environmentOverride)
    })
  )
})

export const serviceConfigSchema = service

export type DeployConfig = v.InferOutput<typeof configSchema>
export type ServiceConfig = v.InferOutput<typeof serviceConfigSchema>
export type EnvironmentOverride = v.InferOutput<typeof environmentOverride>
