import { z } from 'zod'
import { DURATION_EXPECTED, PLATFORM, parseDuration } from './values.js'

/**
 * The shape of `.github/deploy.yml` (DESIGN.md, "Config file"). Shape only: defaults are applied
 * when the validated config becomes Settings, so that an environment override that leaves a key
 * out does not reset it. Every object is strict: an unknown key is an error, not a silent no-op.
 */
const text = z.string().min(1, 'a non-empty string')
const duration = z.union([z.number(), z.string()]).refine(v => parseDuration(v) !== undefined, {
  message: `expected ${DURATION_EXPECTED}`
})
const platform = z.string().regex(PLATFORM, 'expected os/arch such as linux/amd64')
const platforms = z.array(platform).min(1, 'at least one platform')
const serviceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-"')
export const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/
const registry = z
  .string()
  .regex(REGISTRY_PATTERN, 'expected ghcr, ecr or host[:port][/namespace] in lower case')
const repositoryName = z
  .string()
  .regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, 'expected a repository name such as team/api')
const timing = { deploy_timeout: duration.optional(), poll_interval: duration.optional() }

const build = z.strictObject({
  context: text.optional(),
  dockerfile: text.optional(),
  target: text.optional(),
  args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  platforms: platforms.optional()
})

const codedeploy = z.strictObject({
  application: text,
  deployment_group: text,
  appspec: text.optional(),
  auto_rollback: z.boolean().optional()
})

const ecs = z.strictObject({
  cluster: text,
  service: text,
  container: z.union([text, z.array(text).min(1)]),
  strategy: z.enum(['rolling', 'codedeploy', 'blue_green']).optional(),
  codedeploy: codedeploy.optional(),
  task_definition: text.optional(),
  keep_revisions: z.number().int().min(1).optional(),
  region: text.optional(),
  ...timing
})

const stepfunctions = z.strictObject({
  mode: z.enum(['start', 'find']).optional(),
  state_machine_arn: z
    .string()
    .regex(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:.+$/, 'a state machine ARN')
    .optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  secret_name: text.optional(),
  secret_tries: z.number().int().min(1).max(100).optional(),
  secret_interval: duration.optional(),
  delete_secret: z.boolean().optional(),
  stop_on_timeout: z.boolean().optional(),
  health_check_states: z.array(text).optional(),
  region: text.optional(),
  ...timing
})

const argoServer = {
  server: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  project: text.optional(),
  app_namespace: text.optional(),
  insecure: z.boolean().optional()
}

const argocd = z.strictObject({
  app: text,
  ...argoServer,
  helm_parameter: text.optional(),
  helm_repository_parameter: text.optional(),
  kustomize_image: text.optional(),
  source_index: z.number().int().min(0).optional(),
  source_name: text.optional(),
  prune: z.boolean().optional(),
  sync_options: z.array(text).optional(),
  terminate_running: z.boolean().optional(),
  rollback_on_failure: z.boolean().optional(),
  degraded_grace: duration.optional(),
  ...timing
})

const service = z.strictObject({
  registry: registry.optional(),
  image: repositoryName.optional(),
  build: build.optional(),
  depends_on: z.array(serviceName).optional(),
  deploy: z
    .strictObject({
      ecs: ecs.optional(),
      stepfunctions: stepfunctions.optional(),
      argocd: argocd.optional()
    })
    .optional()
})

/** An environment's override of a service: the same keys, none of them required. */
const serviceOverride = service.extend({
  deploy: z
    .strictObject({
      ecs: ecs.partial().extend({ codedeploy: codedeploy.partial().optional() }).optional(),
      stepfunctions: stepfunctions.optional(),
      argocd: argocd.partial().optional()
    })
    .optional()
})

const slackUsers = z.record(z.string(), text)

const sharedTopLevel = {
  registry: registry.optional(),
  platforms: platforms.optional(),
  timezone: text.optional(),
  slack_users: slackUsers.optional(),
  argocd: z.strictObject(argoServer).optional()
}

const environmentOverride = z.strictObject({
  ...sharedTopLevel,
  services: z.record(serviceName, serviceOverride).optional()
})

export const configSchema = z.strictObject({
  ...sharedTopLevel,
  services: z.record(serviceName, service).optional(),
  environments: z
    .strictObject({
      dev: environmentOverride.optional(),
      stage: environmentOverride.optional(),
      prod: environmentOverride.optional()
    })
    .optional()
})

export const serviceConfigSchema = service

export type DeployConfig = z.infer<typeof configSchema>
export type ServiceConfig = z.infer<typeof serviceConfigSchema>
export type EnvironmentOverride = z.infer<typeof environmentOverride>
