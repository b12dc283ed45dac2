import * as v from 'valibot'
import {
  BAKE_RANGE,
  CONTROL_CHARACTER,
  GRACE_RANGE,
  INTERVAL_RANGE,
  PLATFORM,
  TIMEOUT_RANGE,
  durationExpected,
  httpUrlProblem,
  parseDuration,
  registryProblem,
  type DurationRange
} from './values.js'
import { isPlainObject } from './yaml.js'

/**
 * The shape of `.github/deploy.yml` (DESIGN.md, "Config file"). Shape only: defaults are applied
 * when the validated config becomes Settings, so that an environment override that leaves a key
 * out does not reset it. Every object is strict: an unknown key is an error, not a silent no-op.
 * Valibot rather than a class-based schema library: it builds its schemas in a few
 * milliseconds, and this file runs on every start of the action.
 *
 * Every name is bounded by what its own service accepts (AWS API models, Kubernetes object
 * names), so a value that could never work is refused here rather than by a cloud mid-deploy.
 */

/** Runs `problem` on the value; its sentence, when there is one, is the issue. */
const checked = <T>(problem: (value: T) => string | undefined) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const message = problem(dataset.value)
    if (message) addIssue({ message })
  })

/** A single-line name of 1 to `max` characters. */
const name = (max: number, what = 'a non-empty string') =>
  v.pipe(
    v.string(),
    v.minLength(1, `expected ${what}`),
    v.maxLength(max, `expected at most ${max} characters`),
    v.check(
      value => !/[\n\r\t]/.test(value) && !CONTROL_CHARACTER.test(value),
      'expected no line breaks or control characters'
    )
  )
/** Any other one-line text value. */
const text = name(1024)
/** A path inside the workspace: checked (symlinks followed) when settings are made. */
const path = name(4096, 'a path')
/** Short name or ARN, the way ECS takes clusters and services (names: 255 characters). */
const ecsName = v.pipe(
  name(2048),
  v.check(
    value => value.startsWith('arn:') || value.length <= 255,
    'expected a name of at most 255 characters, or an ARN'
  )
)
/** Kubernetes object names (Argo CD applications and projects) are DNS subdomains. */
const dnsSubdomain = v.pipe(
  name(253),
  v.regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    'expected a DNS subdomain name (lower case, digits, "-" and ".")'
  )
)
const dnsLabel = v.pipe(
  name(63),
  v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a DNS label (lower case, digits and "-")')
)
const awsRegion = v.pipe(
  name(63),
  v.regex(/^[a-z0-9-]+$/, 'expected an AWS region such as us-east-1')
)

/**
 * Valibot's object and record schemas take a list (or a date) for a mapping; a list where a
 * mapping belongs must be an error naming the key, never a silently empty object.
 */
const mapping = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.custom<v.InferInput<T>>(isPlainObject, 'expected a mapping'), schema)

const duration = (range: DurationRange = TIMEOUT_RANGE) =>
  v.pipe(
    v.union([v.number(), v.string()]),
    v.check(
      value => parseDuration(value, range) !== undefined,
      `expected ${durationExpected(range)}`
    )
  )
const platform = v.pipe(
  v.string(),
  v.maxLength(64, 'expected at most 64 characters'),
  v.regex(PLATFORM, 'expected os/arch such as linux/amd64')
)
const platforms = v.pipe(
  v.array(platform),
  v.minLength(1, 'expected at least one platform'),
  v.maxLength(16, 'expected at most 16 platforms')
)
const serviceName = v.pipe(
  v.string(),
  v.maxLength(128, 'expected a service name of at most 128 characters'),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" and "-"')
)
const registry = v.pipe(v.string(), checked<string>(registryProblem))
/** ECR's limit (2 to 256 characters); other registries take as long. */
const repositoryName = v.pipe(
  v.string(),
  v.maxLength(256, 'expected a repository name of at most 256 characters'),
  v.regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, 'expected a repository name such as team/api')
)
const httpUrl = v.pipe(v.string(), checked<string>(httpUrlProblem))
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(
    v.number(),
    v.integer('expected a whole number'),
    v.minValue(min, `expected at least ${min}`),
    v.maxValue(max, `expected at most ${max}`)
  )
const optional = v.optional
const timing = {
  deploy_timeout: optional(duration(TIMEOUT_RANGE)),
  poll_interval: optional(duration(INTERVAL_RANGE))
}
/** Step Functions takes at most 256 KiB of input (UTF-8 JSON). */
const STEP_FUNCTIONS_INPUT_BYTES = 256 * 1024
/** GitHub logins: letters, digits and single hyphens, at most 39; apps end in [bot]. */
const githubLogin = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/, 'expected a GitHub login as the key')
)
/** Slack user and channel IDs: U0123ABCD, C0DEPLOYS. */
export const SLACK_ID = /^[A-Z0-9]{2,32}$/
const slackId = v.pipe(v.string(), v.regex(SLACK_ID, 'expected a Slack ID such as U0123ABCD'))

const build = v.strictObject({
  context: optional(path),
  dockerfile: optional(path),
  target: optional(name(256)),
  args: optional(
    mapping(
      v.record(
        v.pipe(
          v.string(),
          v.regex(/^[A-Za-z_][A-Za-z0-9_]{0,255}$/, 'expected a build argument name')
        ),
        v.union([
          v.pipe(v.string(), v.maxLength(32 * 1024, 'expected at most 32768 characters')),
          v.number(),
          v.boolean()
        ])
      )
    )
  ),
  platforms: optional(platforms)
})

const codedeploy = v.strictObject({
  application: name(100),
  deployment_group: name(100),
  appspec: optional(path),
  auto_rollback: optional(v.boolean())
})

/** ECS takes traffic percentages in tenths: canaryPercent 0.1-100, stepPercent 3-100. */
const percent = (min: number) =>
  v.pipe(
    v.number(),
    v.minValue(min, `expected at least ${min}`),
    v.maxValue(100, 'expected at most 100'),
    v.check(
      value => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9,
      'expected tenths of a percent'
    )
  )
/** ECS bake times are whole minutes from 0 to 1440. */
const bake = v.pipe(
  v.union([v.number(), v.string()]),
  v.check(
    value => parseDuration(value, BAKE_RANGE) !== undefined,
    'expected whole minutes such as 0m, 5m or 2h (ECS bakes in minutes), at most 24h'
  )
)

const linear = v.strictObject({
  step_percent: optional(percent(3)),
  step_bake: optional(bake)
})

const canary = v.strictObject({
  percent: optional(percent(0.1)),
  bake: optional(bake)
})

const ecs = v.strictObject({
  cluster: ecsName,
  service: ecsName,
  container: v.union([
    name(255),
    v.pipe(v.array(name(255)), v.minLength(1, 'expected a container'))
  ]),
  strategy: optional(v.picklist(['rolling', 'codedeploy', 'blue_green', 'linear', 'canary'])),
  wait_until: optional(v.picklist(['completed', 'traffic_shifted', 'test_traffic'])),
  codedeploy: optional(mapping(codedeploy)),
  linear: optional(mapping(linear)),
  canary: optional(mapping(canary)),
  /** A file in the workspace, or an ARN. */
  task_definition: optional(path),
  keep_revisions: optional(wholeNumber(1, 1000)),
  region: optional(awsRegion),
  ...timing
})

const stepfunctions = v.strictObject({
  mode: optional(v.picklist(['start', 'find'])),
  state_machine_arn: optional(
    v.pipe(
      name(256),
      v.regex(
        /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:.+$/,
        'expected a state machine ARN'
      )
    )
  ),
  input: optional(
    v.pipe(
      mapping(v.record(v.string(), v.unknown())),
      v.check(
        value => Buffer.byteLength(JSON.stringify(value)) <= STEP_FUNCTIONS_INPUT_BYTES,
        `expected at most ${STEP_FUNCTIONS_INPUT_BYTES} bytes of JSON (the Step Functions limit)`
      )
    )
  ),
  /** Secrets Manager names: at most 512 characters. */
  secret_name: optional(name(512)),
  secret_tries: optional(wholeNumber(1, 100)),
  secret_interval: optional(duration(INTERVAL_RANGE)),
  delete_secret: optional(v.boolean()),
  stop_on_timeout: optional(v.boolean()),
  /** State names: at most 80 characters. */
  health_check_states: optional(v.array(name(80))),
  region: optional(awsRegion),
  ...timing
})

const argoServer = {
  server: optional(httpUrl),
  project: optional(dnsSubdomain),
  app_namespace: optional(dnsLabel),
  insecure: optional(v.boolean())
}

const argocd = v.strictObject({
  app: dnsSubdomain,
  ...argoServer,
  helm_parameter: optional(text),
  helm_repository_parameter: optional(text),
  kustomize_image: optional(text),
  source_index: optional(wholeNumber(0, 1000)),
  source_name: optional(text),
  prune: optional(v.boolean()),
  sync_options: optional(v.array(text)),
  terminate_running: optional(v.boolean()),
  rollback_on_failure: optional(v.boolean()),
  degraded_grace: optional(duration(GRACE_RANGE)),
  ...timing
})

/** CloudFormation's own limits (API reference): names, tags, parameters, buckets. */
const stackName = v.pipe(
  name(128),
  v.regex(
    /^([A-Za-z]|\{(environment|service)\})([-A-Za-z0-9]|\{(environment|service)\})*$/,
    'expected a stack name: a letter, then letters, digits and "-" (placeholders {environment}, {service})'
  )
)
const logicalName = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9]{1,255}$/, 'expected a CloudFormation logical name (letters and digits)')
)
const stackValue = v.union([
  v.pipe(
    v.string(),
    v.maxLength(4096, 'expected at most 4096 characters'),
    v.check(value => !CONTROL_CHARACTER.test(value), 'expected no control characters')
  ),
  v.number(),
  v.boolean()
])
const cloudformation = v.strictObject({
  stack: stackName,
  /** A file in the workspace, YAML or JSON. */
  template: path,
  parameters: optional(mapping(v.record(logicalName, stackValue))),
  parameter_overrides_file: optional(path),
  capabilities: optional(
    v.array(v.picklist(['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND']))
  ),
  tags: optional(
    v.pipe(
      mapping(
        v.record(
          v.pipe(
            name(128),
            v.check(key => !key.startsWith('aws:'), 'expected a tag key not starting with aws:')
          ),
          v.pipe(name(256, 'a tag value of 1 to 256 characters'))
        )
      ),
      v.check(tags => Object.keys(tags).length <= 50, 'expected at most 50 tags')
    )
  ),
  role_arn: optional(
    v.pipe(name(2048), v.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN'))
  ),
  region: optional(awsRegion),
  termination_protection: optional(v.boolean()),
  template_bucket: optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'expected an S3 bucket name (3 to 63 lower-case letters, digits, "." and "-")'
      )
    )
  ),
  on_rollback_complete: optional(v.picklist(['recreate', 'fail'])),
  url_output: optional(logicalName),
  ...timing
})

const verify = v.strictObject({
  /** Checked as an http(s) URL when settings are made, placeholders aside. */
  url: name(2048, 'a URL'),
  expect_status: optional(wholeNumber(100, 599)),
  contains: optional(name(1024, 'a non-empty text')),
  timeout: optional(duration(TIMEOUT_RANGE)),
  interval: optional(duration(INTERVAL_RANGE))
})

/** A workspace-relative glob (`*`, `**`, `?`) of files that belong to a service. */
const pathGlob = v.pipe(
  name(1024, 'a path glob'),
  v.check(value => !value.startsWith('/'), 'expected a path relative to the workspace')
)

/** Helm release names: a DNS subdomain of at most 53 characters (Helm's own limit). */
const helmRelease = v.pipe(
  name(53),
  v.regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'expected a release name (lower case, digits, "-" and ".")'
  )
)
/** A chart key as --set takes it: image.tag, ingress.hosts[0].host. */
const helmKey = v.pipe(
  name(256),
  v.regex(
    /^[A-Za-z0-9_-]+(\[\d+\])?(\.[A-Za-z0-9_-]+(\[\d+\])?)*$/,
    'expected a chart key such as image.tag'
  )
)
/** Secret values are written as YAML, so their keys are plain dotted names. */
const helmMapKey = v.pipe(
  name(256),
  v.regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected a chart key such as db.password')
)
const environmentVariable = v.pipe(
  name(256),
  v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')
)
const chartRepository = v.pipe(
  name(2048),
  v.regex(
    /^(https?|oci):\/\/[^\s]+$/,
    'expected an https://, http:// or oci:// chart repository URL'
  )
)
/** kind/name, the way kubectl names a workload: deployment/webui, sts/db. */
const workload = v.pipe(
  name(300),
  v.regex(
    /^(deployment|deployments|deploy|statefulset|statefulsets|sts|daemonset|daemonsets|ds)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i,
    'expected kind/name such as deployment/webui (a Deployment, StatefulSet or DaemonSet)'
  )
)

const kubernetesPlace = {
  /** A context of the kubeconfig: names are free text there. */
  context: optional(name(253)),
  namespace: optional(dnsLabel),
  image_pull_secret: optional(
    v.union([
      dnsSubdomain,
      mapping(v.strictObject({ name: dnsSubdomain, service_account: optional(dnsSubdomain) }))
    ])
  )
}

const kubernetes = v.strictObject({
  ...kubernetesPlace,
  workloads: v.pipe(
    v.array(workload),
    v.minLength(1, 'expected at least one workload'),
    v.maxLength(50, 'expected at most 50 workloads')
  ),
  container: optional(dnsLabel),
  rollback_on_failure: optional(v.boolean()),
  ...timing
})

const helm = v.strictObject({
  ...kubernetesPlace,
  release: helmRelease,
  /** A directory in the repository, or with repo_url the chart's name there. */
  chart: path,
  repo_url: optional(chartRepository),
  version: optional(name(128)),
  create_namespace: optional(v.boolean()),
  values: optional(v.pipe(v.array(path), v.maxLength(32, 'expected at most 32 values files'))),
  set: optional(
    mapping(
      v.record(
        helmKey,
        v.union([
          v.pipe(v.string(), v.maxLength(32 * 1024, 'expected at most 32768 characters')),
          v.number(),
          v.boolean()
        ])
      )
    )
  ),
  set_secret: optional(mapping(v.record(helmMapKey, environmentVariable))),
  set_image: optional(
    v.union([
      v.literal(false),
      mapping(
        v.strictObject({
          repository: optional(v.union([helmKey, v.literal(false)])),
          tag: optional(v.union([helmKey, v.literal(false)])),
          digest: optional(helmKey)
        })
      )
    ])
  ),
  dependency_update: optional(v.boolean()),
  timeout: optional(duration(TIMEOUT_RANGE)),
  rollback_on_failure: optional(v.boolean()),
  ...timing
})

const serviceKeys = {
  registry: optional(registry),
  image: optional(repositoryName),
  build: optional(mapping(build)),
  depends_on: optional(v.array(serviceName)),
  paths: optional(v.pipe(v.array(pathGlob), v.minLength(1, 'expected at least one glob'))),
  redeploy_with: optional(v.array(serviceName))
}

const service = v.strictObject({
  ...serviceKeys,
  deploy: optional(
    mapping(
      v.strictObject({
        ecs: optional(mapping(ecs)),
        stepfunctions: optional(mapping(stepfunctions)),
        argocd: optional(mapping(argocd)),
        cloudformation: optional(mapping(cloudformation)),
        verify: optional(mapping(verify)),
        kubernetes: optional(mapping(kubernetes)),
        helm: optional(mapping(helm))
      })
    )
  )
})

/** An environment's override of a service: the same keys, none of them required. */
const serviceOverride = v.strictObject({
  ...serviceKeys,
  deploy: optional(
    mapping(
      v.strictObject({
        ecs: optional(
          mapping(
            v.strictObject({
              ...v.partial(ecs).entries,
              codedeploy: optional(mapping(v.partial(codedeploy)))
            })
          )
        ),
        stepfunctions: optional(mapping(stepfunctions)),
        argocd: optional(mapping(v.partial(argocd))),
        cloudformation: optional(mapping(v.partial(cloudformation))),
        verify: optional(mapping(v.partial(verify))),
        kubernetes: optional(mapping(v.partial(kubernetes))),
        helm: optional(mapping(v.partial(helm)))
      })
    )
  )
})

const sharedTopLevel = {
  registry: optional(registry),
  platforms: optional(platforms),
  /** Checked as an IANA name when settings are made, under this key. */
  timezone: optional(name(64)),
  slack_users: optional(mapping(v.record(githubLogin, slackId))),
  argocd: optional(mapping(v.strictObject(argoServer))),
  /** Platform -> runner label of the build matrix (phase: plan). */
  runners: optional(mapping(v.record(platform, name(256, 'a runner label'))))
}

const DAYS =
  /^(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?(,(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?)*$/
const HOURS = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/
const timeWindow = mapping(
  v.strictObject({
    days: v.pipe(
      v.string(),
      v.maxLength(64),
      v.regex(DAYS, 'expected days such as mon-fri or sat,sun')
    ),
    hours: optional(v.pipe(v.string(), v.regex(HOURS, 'expected HH:MM-HH:MM such as 09:00-17:00')))
  })
)
const windows = v.pipe(v.array(timeWindow), v.maxLength(32, 'expected at most 32 windows'))

const environmentOverride = v.strictObject({
  ...sharedTopLevel,
  /** The promotion gate: take only what this environment ran successfully for `soak`. */
  promote_from: optional(v.picklist(['dev', 'stage', 'prod'], 'expected dev, stage or prod')),
  soak: optional(duration({ minMs: 0, maxMs: 30 * 24 * 3_600_000 })),
  windows: optional(windows),
  deny: optional(windows),
  services: optional(mapping(v.record(serviceName, mapping(serviceOverride))))
})

export const configSchema = mapping(
  v.strictObject({
    ...sharedTopLevel,
    services: optional(mapping(v.record(serviceName, mapping(service)))),
    environments: optional(
      mapping(
        v.strictObject({
          dev: optional(mapping(environmentOverride)),
          stage: optional(mapping(environmentOverride)),
          prod: optional(mapping(environmentOverride))
        })
      )
    )
  })
)

export const serviceConfigSchema = mapping(service)

export type DeployConfig = v.InferOutput<typeof configSchema>
export type ServiceConfig = v.InferOutput<typeof serviceConfigSchema>
export type EnvironmentOverride = v.InferOutput<typeof environmentOverride>
