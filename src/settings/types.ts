/**
 * The one readonly, validated settings object. Everything the run needs from inputs, the config
 * file and the environment is here, already checked; nothing downstream reads inputs again.
 */
export const ENVIRONMENTS = ['dev', 'stage', 'prod'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

export const BUMPS = ['major', 'minor', 'patch', 'auto'] as const
export type Bump = (typeof BUMPS)[number]

export interface Settings {
  readonly environment: Environment
  readonly createTag: boolean
  readonly createRelease: boolean
  /** X.Y.Z without a leading v, when the `version` input is given. */
  readonly version: string | undefined
  readonly bump: Bump
  /** IANA time zone of the timestamp tags. */
  readonly timezone: string
  readonly dryRun: boolean
  /** Read-only checks of every external the plan uses, before anything is built or changed. */
  readonly preflight: boolean
  /**
   * `rollback` input: put back an earlier recorded deployment instead of building: 'previous'
   * (the last successful one before what runs now) or a git tag / image tag / deployment id.
   */
  readonly rollback: string | undefined
  /** `environments.<env>.promote_from` and its soak and windows; undefined: no gate. */
  readonly gate: GateSettings | undefined
  readonly githubToken: string | undefined
  /** Absolute path of the deploy config, when one is used. */
  readonly configPath: string | undefined
  readonly eventsFile: string
  readonly deploymentId: string
  readonly context: RunContext
  readonly platforms: readonly string[]
  /** In config order; empty when there is nothing to build or deploy. */
  readonly services: readonly ServiceSettings[]
  readonly images: ImageSettings
  readonly deploy: DeploySettings
  readonly notify: NotifySettings
  /** Which part of the pipeline this job runs, and what the earlier jobs handed it. */
  readonly split: SplitSettings
}

export const PHASES = ['all', 'plan', 'build', 'deploy'] as const
/** `all`: one step; `plan` / `build` / `deploy`: the jobs of a fan-out workflow (docs/scaling.md). */
export type Phase = (typeof PHASES)[number]

export interface SplitSettings {
  readonly phase: Phase
  /** Build and deploy only the services whose paths changed since the last deployment. */
  readonly changedOnly: boolean
  /** The plan job's `plan` output, as given (build and deploy jobs). */
  readonly plan: string | undefined
  /** The matrix entry of a build job. */
  readonly service: string | undefined
  readonly platform: string | undefined
  /** A deploy job's build records: a directory of record files, or a JSON list of records. */
  readonly records: string | undefined
  /** Platform -> runner label of the build matrix. */
  readonly runners: Readonly<Record<string, string>>
}

/** Where the run happens: GitHub's context variables, or the local repository outside Actions. */
export interface RunContext {
  readonly eventName: string
  /** The commit being deployed. */
  readonly sha: string
  readonly refName: string
  readonly owner: string
  readonly repo: string
  readonly actor: string
  readonly runId: string
  readonly runAttempt: string
  readonly serverUrl: string
  readonly apiUrl: string
  /** GITHUB_API_URL was set: a GitHub (or GHES) to talk to even outside Actions. */
  readonly apiUrlGiven: boolean
  /** SOURCE_DATE_EPOCH in seconds, when set: the run's clock and the images' creation time. */
  readonly sourceDateEpoch: number | undefined
  /** The repository checkout the action works in. */
  readonly workspace: string
  /** Per-job scratch space (credentials, build metadata); removed by the runner after the job. */
  readonly tempDir: string
  /** True inside GitHub Actions. */
  readonly actions: boolean
  /** Link to the workflow run, when there is one. */
  readonly runUrl: string | undefined
  /** The head commit's author e-mail from the event payload, when it has one. */
  readonly headCommitAuthorEmail: string | undefined
  readonly headCommitMessage: string | undefined
}

export type RegistryKind = 'ghcr' | 'ecr' | 'host'

export interface RegistrySettings {
  readonly kind: RegistryKind
  /** ghcr.io; host[:port] for `host`; empty for ECR until the account's endpoint is known. */
  readonly host: string
  /** Path prefix inside the registry (GHCR: the lower-cased owner). */
  readonly namespace: string
  /** Plain HTTP: loopback hosts always, other hosts with registry_insecure. */
  readonly insecure: boolean
}

export interface BuildSettings {
  /** Absolute path of the build context. */
  readonly context: string
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string
  readonly target: string | undefined
  readonly args: Readonly<Record<string, string>>
  readonly platforms: readonly string[]
}

export interface ServiceSettings {
  readonly name: string
  readonly registry: RegistrySettings
  /** Repository inside the registry, without host or tag: "acme/shop/webui". */
  readonly repository: string
  /** Absent: the service is deployed, not built (an image that exists, or a chart). */
  readonly build: BuildSettings | undefined
  readonly dependsOn: readonly string[]
  readonly deploy: DeployTarget | undefined
  /**
   * Workspace-relative globs whose change means the service changed (changed_only). Default: its
   * build context and Dockerfile; absent for a service without a build and without paths.
   */
  readonly paths?: readonly string[]
  /** Services whose change deploys this one again, though its own paths did not change. */
  readonly redeployWith?: readonly string[]
}

export type DeployTarget =
  | EcsTarget
  | StepFunctionsTarget
  | ArgoCdTarget
  | CloudFormationTarget
  | KubernetesTarget
  | HelmTarget

export interface TargetTiming {
  /** Overrides the run's deploy_timeout for this service. */
  readonly timeoutMs: number | undefined
  readonly pollIntervalMs: number | undefined
  /** `deploy.verify`: checked after the deploy, before the service's dependents deploy. */
  readonly verify?: VerifySettings
}

/**
 * An HTTP check after a service's deploy (any target): its dependents deploy only once it passes.
 * The URL may name what the deploy reported: {deployment_url}, {outputs.Name}.
 */
export interface VerifySettings {
  readonly url: string
  readonly expectStatus: number
  /** Text the body must contain, when given. */
  readonly contains: string | undefined
  readonly timeoutMs: number
  readonly intervalMs: number
}

export type EcsStrategy = 'rolling' | 'codedeploy' | 'blue_green' | 'linear' | 'canary'
export type WaitUntil = 'completed' | 'traffic_shifted' | 'test_traffic'

export interface EcsTarget extends TargetTiming {
  readonly kind: 'ecs'
  readonly region: string | undefined
  readonly cluster: string
  readonly service: string
  readonly containers: readonly string[]
  readonly strategy: EcsStrategy
  /**
   * When the wait ends: the deployment complete (bake time and clean-up included), production
   * traffic all on the new revision, or (CodeDeploy) the replacement tasks on the test listener.
   */
  readonly waitUntil: WaitUntil
  /** strategy linear: set on the service with the update; absent ones stay as the service has them. */
  readonly linear:
    | { readonly stepPercent: number | undefined; readonly stepBakeMinutes: number | undefined }
    | undefined
  /** strategy canary: likewise. */
  readonly canary:
    { readonly percent: number | undefined; readonly bakeMinutes: number | undefined } | undefined
  /** A task definition file (absolute path) or ARN to start from instead of the service's own. */
  readonly taskDefinition: string | undefined
  readonly keepRevisions: number | undefined
  readonly codedeploy:
    | {
        readonly application: string
        readonly deploymentGroup: string
        /** AppSpec file (absolute path); generated when absent. */
        readonly appspec: string | undefined
        readonly autoRollback: boolean
      }
    | undefined
}

export interface StepFunctionsTarget extends TargetTiming {
  readonly kind: 'stepfunctions'
  readonly region: string | undefined
  /** start: we call StartExecution; find: the push starts it and we look it up. */
  readonly mode: 'start' | 'find'
  readonly stateMachineArn: string | undefined
  readonly input: Readonly<Record<string, unknown>>
  /** Secrets Manager name template holding the execution ARN (find mode); may use {deployment_id}. */
  readonly secretName: string | undefined
  readonly secretTries: number
  readonly secretIntervalMs: number
  readonly deleteSecret: boolean
  readonly stopOnTimeout: boolean
  /** States whose failure means HEALTH_CHECK_FAILED rather than DEPLOY_FAILED. */
  readonly healthCheckStates: readonly string[]
}

export interface ArgoCdTarget extends TargetTiming {
  readonly kind: 'argocd'
  readonly app: string
  /** Resolved from the service, the environment, the config's top level, then the input. */
  readonly server: string | undefined
  readonly project: string | undefined
  readonly appNamespace: string | undefined
  readonly insecure: boolean
  /** Helm parameter set to the image tag; undefined when kustomizeImage is used. */
  readonly helmParameter: string | undefined
  readonly helmRepositoryParameter: string | undefined
  /** Kustomize image name to override, instead of a Helm parameter. */
  readonly kustomizeImage: string | undefined
  readonly sourceIndex: number | undefined
  readonly sourceName: string | undefined
  readonly prune: boolean
  readonly syncOptions: readonly string[]
  readonly terminateRunning: boolean
  readonly rollbackOnFailure: boolean
  readonly degradedGraceMs: number
}

export const STACK_CAPABILITIES = [
  'CAPABILITY_IAM',
  'CAPABILITY_NAMED_IAM',
  'CAPABILITY_AUTO_EXPAND'
] as const
export type StackCapability = (typeof STACK_CAPABILITIES)[number]

export interface CloudFormationTarget extends TargetTiming {
  readonly kind: 'cloudformation'
  readonly region: string | undefined
  /** The stack name, {environment} and {service} already filled in. */
  readonly stack: string
  /** Absolute path of the template (YAML or JSON) in the workspace. */
  readonly template: string
  /**
   * The parameter_overrides_file's parameters with the config's over them. Values may still hold
   * {image_uri}, {image_tag}, {version}, {environment} and {commit}: filled in at deploy time.
   */
  readonly parameters: Readonly<Record<string, string>>
  readonly capabilities: readonly StackCapability[]
  /** Stack tags; values may use the same placeholders as parameters. */
  readonly tags: Readonly<Record<string, string>>
  readonly roleArn: string | undefined
  /** Set the stack's termination protection to this after a deploy; undefined: leave it. */
  readonly terminationProtection: boolean | undefined
  /** S3 bucket for templates over the 51,200-byte TemplateBody limit. */
  readonly templateBucket: string | undefined
  /** A stack whose creation failed (ROLLBACK_COMPLETE): delete and create it again, or fail. */
  readonly onRollbackComplete: 'recreate' | 'fail'
  /** The stack output whose value is the service's deployment_url. */
  readonly urlOutput: string | undefined
}

/** What the Kubernetes targets share: where in the cluster, and the pull secret. */
export interface KubernetesPlace {
  /** The kubeconfig context; undefined: the kubeconfig's current context. */
  readonly context: string | undefined
  readonly namespace: string
  /** A kubernetes.io/dockerconfigjson secret made from the run's registry credentials. */
  readonly imagePullSecret: { readonly name: string; readonly serviceAccount: string } | undefined
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet'

export interface WorkloadRef {
  readonly kind: WorkloadKind
  readonly name: string
}

export interface KubernetesTarget extends TargetTiming, KubernetesPlace {
  readonly kind: 'kubernetes'
  readonly workloads: readonly WorkloadRef[]
  /** The container whose image is set; undefined: the pod template's only container. */
  readonly container: string | undefined
  readonly rollbackOnFailure: boolean
}

/** What a helm `set` value may name: `{image_tag}` becomes the tag being deployed. */
export const HELM_PLACEHOLDERS = [
  'image_repository',
  'image_tag',
  'image_digest',
  'image_uri',
  'version',
  'environment'
] as const

/** A --set value: strings go as --set-string (a tag such as 1.10 stays a string). */
export type HelmValue = string | number | boolean

export interface HelmTarget extends TargetTiming, KubernetesPlace {
  readonly kind: 'helm'
  readonly release: string
  /** An absolute path in the workspace, or a chart name in `repoUrl`. */
  readonly chart: string
  /** Undefined: `chart` is a directory in the repository. */
  readonly repoUrl: string | undefined
  readonly version: string | undefined
  readonly createNamespace: boolean
  /** Absolute paths in the workspace, in order. */
  readonly values: readonly string[]
  /** Chart key -> value; may hold placeholders such as {image_tag}. */
  readonly set: Readonly<Record<string, HelmValue>>
  /** Chart key -> the environment variable holding its value: goes in a 0600 values file. */
  readonly setSecret: Readonly<Record<string, string>>
  /** The chart keys that take the image; undefined: none are set. */
  readonly setImage:
    | {
        readonly repository: string | undefined
        readonly tag: string | undefined
        readonly digest: string | undefined
      }
    | undefined
  /** Undefined: update when Chart.yaml declares dependencies. */
  readonly dependencyUpdate: boolean | undefined
  /** Helm's own --timeout; undefined: most of the service's deploy timeout. */
  readonly helmTimeoutMs: number | undefined
  readonly rollbackOnFailure: boolean
}

export type BuildMode = 'auto' | 'always' | 'promote' | 'skip'

export interface ImageSettings {
  readonly builder: 'auto' | 'buildx' | 'buildah'
  readonly cache: 'registry' | 'gha' | 'none'
  readonly mode: BuildMode
  /** Tag to promote from; default for prod: the newest vX.Y.Z-rc.N of the version released. */
  readonly promoteFrom: string | undefined
  readonly provenance: boolean
  readonly sbom: boolean
  readonly buildTimeoutMs: number
  readonly pushTimeoutMs: number
  readonly registryUsername: string | undefined
  readonly registryPassword: string | undefined
}

export interface DeploySettings {
  readonly timeoutMs: number
  readonly pollIntervalMs: number | undefined
  readonly argocdToken: string | undefined
  /** The kubeconfig input (absolute, confined); undefined: KUBECONFIG or ~/.kube/config. */
  readonly kubeconfig: string | undefined
}

export interface NotifySettings {
  readonly slackBotToken: string | undefined
  readonly slackChannel: string | undefined
  readonly slackApiUrl: string
  readonly slackWebhookUrl: string | undefined
  /** GitHub login -> Slack user ID. */
  readonly slackUsers: Readonly<Record<string, string>>
  /** Slack user ID or e-mail of the person responsible. */
  readonly notifyUser: string | undefined
  readonly discordWebhookUrl: string | undefined
  readonly discordMention: string | undefined
  readonly webhookUrl: string | undefined
  readonly strict: boolean
}

/** The promotion gate of the run's environment (src/plan/gate.ts). */
export interface GateSettings {
  readonly promoteFrom: Environment
  readonly soakMs: number
  /** Allowed times; none means any time. */
  readonly windows: readonly TimeWindow[]
  /** Denied times: a deny window always wins. */
  readonly deny: readonly TimeWindow[]
  /** `override_gate: true` with `override_reason`: let the run past a closed gate. */
  readonly override: { readonly actor: string; readonly reason: string } | undefined
}

/** Days (0 = Sunday) and minutes of the day [start, end), in the config's time zone. */
export interface TimeWindow {
  readonly days: readonly number[]
  readonly startMinute: number
  readonly endMinute: number
  /** As written: "mon-fri 09:00-17:00". */
  readonly text: string
}
