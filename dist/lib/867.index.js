export const id = 867;
export const ids = [867];
export const modules = {

/***/ 4087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/** Docker treats loopback registries as plain HTTP; so do we. */
function isLoopbackHost(host) {
    const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1';
}


/***/ }),

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readSettings: () => (/* binding */ readSettings)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(7934);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/settings/config-schema.ts


/**
 * The shape of `.github/deploy.yml` (DESIGN.md, "Config file"). Shape only: defaults are applied
 * when the validated config becomes Settings, so that an environment override that leaves a key
 * out does not reset it. Every object is strict: an unknown key is an error, not a silent no-op.
 * Valibot rather than a class-based schema library: it builds its schemas in a few
 * milliseconds, and this file runs on every start of the action.
 */
const config_schema_text = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* minLength */.BpQ(1, 'expected a non-empty string'));
const duration = dist/* pipe */.FsL(dist/* union */.KCZ([dist/* number */.aig(), dist/* string */.YjP()]), dist/* check */.z6Y(value => (0,values/* parseDuration */.E9)(value) !== undefined, `expected ${values/* DURATION_EXPECTED */.om}`));
const platform = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(values/* PLATFORM */.i9, 'expected os/arch such as linux/amd64'));
const platforms = dist/* pipe */.FsL(dist/* array */.YOg(platform), dist/* minLength */.BpQ(1, 'expected at least one platform'));
const serviceName = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" and "-"'));
const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/;
const registry = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(REGISTRY_PATTERN, 'expected ghcr, ecr or host[:port][/namespace] in lower case'));
const repositoryName = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, 'expected a repository name such as team/api'));
const httpUrl = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^https?:\/\/[^\s/]+/, 'expected an http(s) URL'), 
// Said without the value: it would print the password.
dist/* check */.z6Y(value => !/^https?:\/\/[^/]*@/.test(value), 'expected a URL without a user name or password'));
const wholeNumber = (min, max = Number.MAX_SAFE_INTEGER) => dist/* pipe */.FsL(dist/* number */.aig(), dist/* integer */.ndf('expected a whole number'), dist/* minValue */.Wwf(min, `expected at least ${min}`), dist/* maxValue */.cGV(max, `expected at most ${max}`));
const optional = dist/* optional */.lqM;
const timing = { deploy_timeout: optional(duration), poll_interval: optional(duration) };
const build = dist/* strictObject */.rej({
    context: optional(config_schema_text),
    dockerfile: optional(config_schema_text),
    target: optional(config_schema_text),
    args: optional(dist/* record */.g1P(dist/* string */.YjP(), dist/* union */.KCZ([dist/* string */.YjP(), dist/* number */.aig(), dist/* boolean */.zMY()]))),
    platforms: optional(platforms)
});
const codedeploy = dist/* strictObject */.rej({
    application: config_schema_text,
    deployment_group: config_schema_text,
    appspec: optional(config_schema_text),
    auto_rollback: optional(dist/* boolean */.zMY())
});
const ecs = dist/* strictObject */.rej({
    cluster: config_schema_text,
    service: config_schema_text,
    container: dist/* union */.KCZ([config_schema_text, dist/* pipe */.FsL(dist/* array */.YOg(config_schema_text), dist/* minLength */.BpQ(1, 'expected a container'))]),
    strategy: optional(dist/* picklist */.KIO(['rolling', 'codedeploy', 'blue_green'])),
    codedeploy: optional(codedeploy),
    task_definition: optional(config_schema_text),
    keep_revisions: optional(wholeNumber(1)),
    region: optional(config_schema_text),
    ...timing
});
const stepfunctions = dist/* strictObject */.rej({
    mode: optional(dist/* picklist */.KIO(['start', 'find'])),
    state_machine_arn: optional(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:.+$/, 'expected a state machine ARN'))),
    input: optional(dist/* record */.g1P(dist/* string */.YjP(), dist/* unknown */.L5J())),
    secret_name: optional(config_schema_text),
    secret_tries: optional(wholeNumber(1, 100)),
    secret_interval: optional(duration),
    delete_secret: optional(dist/* boolean */.zMY()),
    stop_on_timeout: optional(dist/* boolean */.zMY()),
    health_check_states: optional(dist/* array */.YOg(config_schema_text)),
    region: optional(config_schema_text),
    ...timing
});
const argoServer = {
    server: optional(httpUrl),
    project: optional(config_schema_text),
    app_namespace: optional(config_schema_text),
    insecure: optional(dist/* boolean */.zMY())
};
const argocd = dist/* strictObject */.rej({
    app: config_schema_text,
    ...argoServer,
    helm_parameter: optional(config_schema_text),
    helm_repository_parameter: optional(config_schema_text),
    kustomize_image: optional(config_schema_text),
    source_index: optional(wholeNumber(0)),
    source_name: optional(config_schema_text),
    prune: optional(dist/* boolean */.zMY()),
    sync_options: optional(dist/* array */.YOg(config_schema_text)),
    terminate_running: optional(dist/* boolean */.zMY()),
    rollback_on_failure: optional(dist/* boolean */.zMY()),
    degraded_grace: optional(duration),
    ...timing
});
const serviceKeys = {
    registry: optional(registry),
    image: optional(repositoryName),
    build: optional(build),
    depends_on: optional(dist/* array */.YOg(serviceName))
};
const service = dist/* strictObject */.rej({
    ...serviceKeys,
    deploy: optional(dist/* strictObject */.rej({
        ecs: optional(ecs),
        stepfunctions: optional(stepfunctions),
        argocd: optional(argocd)
    }))
});
/** An environment's override of a service: the same keys, none of them required. */
const serviceOverride = dist/* strictObject */.rej({
    ...serviceKeys,
    deploy: optional(dist/* strictObject */.rej({
        ecs: optional(dist/* strictObject */.rej({ ...dist/* partial */.OH3(ecs).entries, codedeploy: optional(dist/* partial */.OH3(codedeploy)) })),
        stepfunctions: optional(stepfunctions),
        argocd: optional(dist/* partial */.OH3(argocd))
    }))
});
const sharedTopLevel = {
    registry: optional(registry),
    platforms: optional(platforms),
    timezone: optional(config_schema_text),
    slack_users: optional(dist/* record */.g1P(dist/* string */.YjP(), config_schema_text)),
    argocd: optional(dist/* strictObject */.rej(argoServer))
};
const environmentOverride = dist/* strictObject */.rej({
    ...sharedTopLevel,
    services: optional(dist/* record */.g1P(serviceName, serviceOverride))
});
const configSchema = dist/* strictObject */.rej({
    ...sharedTopLevel,
    services: optional(dist/* record */.g1P(serviceName, service)),
    environments: optional(dist/* strictObject */.rej({
        dev: optional(environmentOverride),
        stage: optional(environmentOverride),
        prod: optional(environmentOverride)
    }))
});
const serviceConfigSchema = service;

;// CONCATENATED MODULE: ./src/settings/config.ts




/**
 * Reads, parses and validates the deploy config, and applies `environments.<environment>` over the
 * defaults. Problems go to `problems` (with the file name and key path); the result is undefined
 * when the file could not be understood at all.
 */
function loadConfig(path, displayName, environment, problems) {
    if (!(0,external_node_fs_.existsSync)(path)) {
        problems.add(displayName, 'file not found');
        return undefined;
    }
    // js-yaml rather than yaml: a tenth of the start-up cost, and the config is read on every run.
    // Duplicate keys are an error in both, as they should be: the second would silently win.
    let raw;
    try {
        raw = (0,js_yaml/* load */.Hh)((0,external_node_fs_.readFileSync)(path, 'utf8'), { filename: displayName }) ?? {};
    }
    catch (error) {
        if (!(error instanceof js_yaml/* YAMLException */.tB))
            throw error;
        const where = `${displayName}: line ${error.mark.line + 1}, column ${error.mark.column + 1}`;
        problems.add(where, `YAML syntax: ${error.reason}`);
        return undefined;
    }
    const parsed = dist/* safeParse */.xLC(configSchema, raw);
    if (!parsed.success) {
        reportIssues(parsed.issues, displayName, [], problems);
        return undefined;
    }
    return applyEnvironment(parsed.output, raw, displayName, environment, problems);
}
function applyEnvironment(config, raw, displayName, environment, problems) {
    const override = environment ? config.environments?.[environment] : undefined;
    const rawOverride = environment ? (raw.environments?.[environment] ?? {}) : {};
    const rawOverrideServices = (rawOverride.services ?? {});
    const baseServices = raw.services ?? {};
    const services = [];
    let valid = true;
    for (const name of Object.keys(rawOverrideServices)) {
        if (!(name in baseServices)) {
            problems.add(`${displayName}: environments.${environment}.services.${name}`, 'overrides a service that is not defined under services');
            valid = false;
        }
    }
    for (const [name, base] of Object.entries(baseServices)) {
        const merged = deepMerge(base, rawOverrideServices[name]);
        const result = dist/* safeParse */.xLC(serviceConfigSchema, merged);
        if (!result.success) {
            const suffix = rawOverrideServices[name] ? ` (with environments.${environment} applied)` : '';
            reportIssues(result.issues, displayName, ['services', name], problems, suffix);
            valid = false;
            continue;
        }
        services.push([name, result.output]);
    }
    if (!valid)
        return undefined;
    return {
        registry: override?.registry ?? config.registry,
        platforms: override?.platforms ?? config.platforms,
        timezone: override?.timezone ?? config.timezone,
        slackUsers: { ...(config.slack_users ?? {}), ...(override?.slack_users ?? {}) },
        argocd: { ...(config.argocd ?? {}), ...(override?.argocd ?? {}) },
        services
    };
}
/** Objects merge key by key; anything else (arrays included) is replaced by the override. */
function deepMerge(base, override) {
    if (override === undefined)
        return base;
    if (!isPlainObject(base) || !isPlainObject(override))
        return override;
    const result = { ...base };
    for (const [key, value] of Object.entries(override))
        result[key] = deepMerge(base[key], value);
    return result;
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function reportIssues(issues, displayName, prefix, problems, suffix = '') {
    for (const issue of issues) {
        const path = [...prefix, ...(issue.path ?? []).map(item => String(item.key))];
        // A strict object reports an unknown key as a key whose only allowed value is `never`.
        const unknownKey = issue.type.startsWith('strict_') && issue.expected === 'never';
        const problem = unknownKey ? 'unknown key' : describeIssue(issue);
        problems.add(`${displayName}: ${keyPath(path)}`, `${problem}${suffix}`);
    }
}
function keyPath(path) {
    return path.length === 0 ? '(top level)' : path.join('.');
}
function describeIssue(issue) {
    // Our own checks (patterns, ranges, durations) already say what was expected.
    if (issue.kind === 'validation')
        return issue.message;
    if (issue.input === undefined)
        return 'required';
    if (issue.type === 'picklist') {
        return `expected one of ${(issue.expected ?? '')
            .replace(/^\(|\)$/g, '')
            .split(' | ')
            .join(', ')}, got ${typeName(issue.input)}`;
    }
    return `expected ${(issue.expected ?? 'another value').replace(/Object/g, 'mapping').replace(/Array/g, 'list')}, got ${typeName(issue.input)}`;
}
function typeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${JSON.stringify(value)}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/settings/context.ts





/**
 * Where the run happens. Inside Actions every value comes from GitHub's variables; outside, from
 * the local repository, so `node dist/index.js` works against any git checkout.
 */
async function readRunContext(env) {
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const actions = env.GITHUB_ACTIONS === 'true';
    const [owner, repo] = (env.GITHUB_REPOSITORY || `local/${(0,external_node_path_.basename)(workspace)}`).split('/', 2);
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
    const runId = env.GITHUB_RUN_ID || '';
    const payload = readEventPayload(env.GITHUB_EVENT_PATH);
    const headCommit = record(payload.head_commit);
    const local = env.GITHUB_SHA && env.GITHUB_REF_NAME ? undefined : await localHead(workspace);
    return {
        eventName: env.GITHUB_EVENT_NAME || 'workflow_dispatch',
        sha: env.GITHUB_SHA || local?.sha || '',
        refName: env.GITHUB_REF_NAME || local?.branch || '',
        owner: owner ?? 'local',
        repo: repo ?? (0,external_node_path_.basename)(workspace),
        actor: env.GITHUB_ACTOR || env.USER || 'local',
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
        apiUrlGiven: Boolean(env.GITHUB_API_URL),
        sourceDateEpoch: /^\d+$/.test(env.SOURCE_DATE_EPOCH?.trim() ?? '')
            ? Number(env.SOURCE_DATE_EPOCH)
            : undefined,
        workspace,
        tempDir: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        actions,
        runUrl: runId && env.GITHUB_REPOSITORY
            ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${runId}`
            : undefined,
        headCommitAuthorEmail: stringOrUndefined(record(headCommit.author).email),
        headCommitMessage: stringOrUndefined(headCommit.message)
    };
}
/** dep_{run id}_{attempt} in Actions, so a re-run attempt is a new deployment; random elsewhere. */
function deploymentIdFor(context) {
    if (context.actions && context.runId)
        return `dep_${context.runId}_${context.runAttempt}`;
    return `dep_local_${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
}
/** The checked-out commit and branch of a local repository, in one git call. */
async function localHead(workspace) {
    try {
        // Loaded here: a run that is given GITHUB_SHA (every run in Actions) starts no process.
        const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
        const out = await (0,external_node_util_.promisify)(execFile)('git', ['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD'], {
            cwd: workspace
        });
        const [sha = '', branch = ''] = out.stdout.trim().split('\n');
        return { sha, branch };
    }
    catch {
        return undefined;
    }
}
function readEventPayload(path) {
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    try {
        return record(JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
    }
    catch {
        return {};
    }
}
function record(value) {
    return value !== null && typeof value === 'object' ? value : {};
}
function stringOrUndefined(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

// EXTERNAL MODULE: ./src/settings/inputs.ts
var inputs = __webpack_require__(7428);
// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/settings/service-graph.ts
var service_graph = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/runtime/hosts.ts
var hosts = __webpack_require__(4087);
;// CONCATENATED MODULE: ./src/settings/services.ts





/** Registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`) -> where images go. */
function parseRegistry(spec, context, insecure) {
    if (!REGISTRY_PATTERN.test(spec))
        return undefined;
    if (spec === 'ghcr') {
        return {
            kind: 'ghcr',
            host: 'ghcr.io',
            namespace: context.owner.toLowerCase(),
            insecure: false
        };
    }
    if (spec === 'ecr')
        return { kind: 'ecr', host: '', namespace: '', insecure: false };
    const slash = spec.indexOf('/');
    const host = slash === -1 ? spec : spec.slice(0, slash);
    const namespace = slash === -1 ? '' : spec.slice(slash + 1);
    return { kind: 'host', host, namespace, insecure: insecure || (0,hosts/* isLoopbackHost */.c)(host) };
}
/** Where a service's image lives inside its registry. GHCR names are always lower case. */
function repositoryFor(registry, context, service, image, single) {
    let name;
    if (registry.kind === 'ghcr') {
        const base = image ?? (single ? context.repo : `${context.repo}/${service}`);
        name = `${registry.namespace}/${base}`;
    }
    else if (registry.kind === 'ecr') {
        name = image ?? service;
    }
    else {
        const base = image ?? service;
        name = registry.namespace ? `${registry.namespace}/${base}` : base;
    }
    return name.toLowerCase();
}
/** Config services -> ServiceSettings, resolving paths, registries and target defaults. */
function servicesFromConfig(config, configName, context, defaults, problems) {
    return config.services.map(([name, service]) => {
        const where = `${configName}: services.${name}`;
        const registry = service.registry
            ? (parseRegistry(service.registry, context, defaults.registryInsecure) ?? defaults.registry)
            : defaults.registry;
        return {
            name,
            registry,
            repository: repositoryFor(registry, context, name, service.image, false),
            build: service.build
                ? buildSettings(service.build, context.workspace, defaults.platforms, `${where}.build`, problems)
                : undefined,
            dependsOn: service.depends_on ?? [],
            deploy: deployTarget(service, config, defaults, context.workspace, where, problems)
        };
    });
}
function buildSettings(build, workspace, platforms, where, problems) {
    const context = (0,external_node_path_.resolve)(workspace, build.context ?? '.');
    const dockerfile = build.dockerfile
        ? (0,external_node_path_.resolve)(workspace, build.dockerfile)
        : (0,external_node_path_.join)(context, 'Dockerfile');
    if (!(0,external_node_fs_.existsSync)(context))
        problems.add(`${where}.context`, `directory ${context} does not exist`);
    else if (!(0,external_node_fs_.existsSync)(dockerfile)) {
        problems.add(`${where}.dockerfile`, `file ${dockerfile} does not exist`);
    }
    return {
        context,
        dockerfile,
        target: build.target,
        args: Object.fromEntries(Object.entries(build.args ?? {}).map(([k, v]) => [k, String(v)])),
        platforms: build.platforms ?? platforms
    };
}
function deployTarget(service, config, defaults, workspace, where, problems) {
    const deploy = service.deploy;
    if (!deploy)
        return undefined;
    const kinds = Object.keys(deploy).filter(k => deploy[k] !== undefined);
    if (kinds.length !== 1) {
        problems.add(`${where}.deploy`, `expected exactly one of ecs, stepfunctions, argocd`);
        return undefined;
    }
    if (deploy.ecs)
        return ecsTarget(deploy.ecs, workspace, `${where}.deploy.ecs`, problems);
    if (deploy.stepfunctions) {
        return stepFunctionsTarget(deploy.stepfunctions, `${where}.deploy.stepfunctions`, problems);
    }
    if (deploy.argocd)
        return argoTarget(deploy.argocd, config, defaults, `${where}.deploy.argocd`, problems);
    return undefined;
}
function services_timing(target) {
    return {
        timeoutMs: target.deploy_timeout === undefined ? undefined : (0,values/* parseDuration */.E9)(target.deploy_timeout),
        pollIntervalMs: target.poll_interval === undefined ? undefined : (0,values/* parseDuration */.E9)(target.poll_interval)
    };
}
function ecsTarget(ecs, workspace, where, problems) {
    const strategy = ecs.strategy ?? 'rolling';
    if (strategy === 'codedeploy' && !ecs.codedeploy) {
        problems.add(`${where}.codedeploy`, 'required when strategy is codedeploy (application, deployment_group)');
    }
    if (strategy !== 'codedeploy' && ecs.codedeploy) {
        problems.add(`${where}.codedeploy`, `only used with strategy: codedeploy (strategy is ${strategy})`);
    }
    const taskDefinition = ecs.task_definition && !ecs.task_definition.startsWith('arn:')
        ? (0,external_node_path_.resolve)(workspace, ecs.task_definition)
        : ecs.task_definition;
    if (taskDefinition && !taskDefinition.startsWith('arn:') && !(0,external_node_fs_.existsSync)(taskDefinition)) {
        problems.add(`${where}.task_definition`, `file ${taskDefinition} does not exist`);
    }
    const containers = Array.isArray(ecs.container) ? ecs.container : [ecs.container];
    return {
        kind: 'ecs',
        region: ecs.region,
        cluster: ecs.cluster,
        service: ecs.service,
        containers,
        strategy,
        taskDefinition,
        keepRevisions: ecs.keep_revisions,
        codedeploy: ecs.codedeploy
            ? {
                application: ecs.codedeploy.application,
                deploymentGroup: ecs.codedeploy.deployment_group,
                appspec: ecs.codedeploy.appspec ? (0,external_node_path_.resolve)(workspace, ecs.codedeploy.appspec) : undefined,
                autoRollback: ecs.codedeploy.auto_rollback ?? true
            }
            : undefined,
        ...services_timing(ecs)
    };
}
function stepFunctionsTarget(sfn, where, problems) {
    // Start when we know the state machine and were not told where the push-started run is noted.
    const mode = sfn.mode ?? (sfn.state_machine_arn && !sfn.secret_name ? 'start' : 'find');
    if (mode === 'start' && !sfn.state_machine_arn) {
        problems.add(`${where}.state_machine_arn`, 'required with mode: start');
    }
    if (mode === 'find' && !sfn.state_machine_arn && !sfn.secret_name) {
        problems.add(where, 'mode find needs secret_name or state_machine_arn to find the execution');
    }
    return {
        kind: 'stepfunctions',
        region: sfn.region ?? regionOfArn(sfn.state_machine_arn),
        mode,
        stateMachineArn: sfn.state_machine_arn,
        input: sfn.input ?? {},
        secretName: sfn.secret_name ?? (mode === 'find' ? 'deploy/{deployment_id}' : undefined),
        secretTries: sfn.secret_tries ?? 3,
        secretIntervalMs: (0,values/* parseDuration */.E9)(sfn.secret_interval ?? '3s') ?? 3000,
        deleteSecret: sfn.delete_secret ?? false,
        stopOnTimeout: sfn.stop_on_timeout ?? false,
        healthCheckStates: sfn.health_check_states ?? ['CheckDeployment'],
        ...services_timing(sfn)
    };
}
function argoTarget(argo, config, defaults, where, problems) {
    const server = argo.server ?? config.argocd.server ?? defaults.argocdServer;
    if (!server) {
        problems.add(`${where}.server`, 'no Argo CD server: set it here, in argocd.server or environments.<env>.argocd.server, or the argocd_server input');
    }
    if (argo.kustomize_image && argo.helm_parameter) {
        problems.add(where, 'set helm_parameter or kustomize_image, not both');
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
        degradedGraceMs: (0,values/* parseDuration */.E9)(argo.degraded_grace ?? '60s') ?? 60_000,
        ...services_timing(argo)
    };
}
function regionOfArn(arn) {
    return arn?.split(':')[3] || undefined;
}

;// CONCATENATED MODULE: ./src/settings/types.ts
/**
 * The one readonly, validated settings object. Everything the run needs from inputs, the config
 * file and the environment is here, already checked; nothing downstream reads inputs again.
 */
const ENVIRONMENTS = ['dev', 'stage', 'prod'];
const BUMPS = ['major', 'minor', 'patch', 'auto'];

;// CONCATENATED MODULE: ./src/settings/index.ts











const DEFAULT_CONFIG = '.github/deploy.yml';
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/**
 * Reads every input and the deploy config once, validates all of it, and returns the readonly
 * settings. On any problem it throws one INVALID_INPUT DeployError listing every problem; nothing
 * outside this process has been touched by then (files and git are only read).
 */
async function readSettings(core, env = process.env) {
    const problems = new settings_problems/* Problems */.Z();
    const input = new inputs/* InputReader */.i(core, problems);
    // Secrets first, so that nothing below can print one before it is masked.
    const githubToken = input.secret('github_token');
    const registryPassword = input.secret('registry_password');
    const argocdToken = input.secret('argocd_token');
    const slackBotToken = input.secret('slack_bot_token');
    const slackWebhookUrl = input.absoluteUrl('slack_webhook_url', { secret: true });
    const discordWebhookUrl = input.absoluteUrl('discord_webhook_url', { secret: true });
    const webhookUrl = input.absoluteUrl('webhook_url', { secret: true });
    const context = await readRunContext(env);
    if (!context.sha) {
        problems.add('GITHUB_SHA', `not set, and ${context.workspace} is not a git repository with a commit`);
    }
    const environment = readEnvironment(input, context.eventName, problems);
    const createTag = input.bool('create_tag', false);
    const createRelease = input.bool('create_release', false);
    if (createRelease && !createTag) {
        problems.add((0,settings_problems/* inputName */.y)('create_release'), 'needs create_tag: true (a release is made of a tag)');
    }
    if (createRelease && !githubToken) {
        problems.add((0,settings_problems/* inputName */.y)('create_release'), 'needs github_token to create the GitHub Release');
    }
    const versionInput = input.text('version');
    const version = versionInput ? tryNormaliseVersion(versionInput) : undefined;
    if (versionInput && !version) {
        problems.add((0,settings_problems/* inputName */.y)('version'), `expected X.Y.Z (optionally with a leading v), got '${versionInput}'`);
    }
    const bump = input.oneOf('bump', BUMPS, 'auto');
    const dryRun = input.bool('dry_run', false);
    const registryInsecure = input.bool('registry_insecure', false);
    const argocdInsecure = input.bool('argocd_insecure', false);
    const config = readConfig(input, context.workspace, environment, problems);
    const timezone = input.text('timezone') || config?.value.timezone || 'UTC';
    if (!(0,values/* isValidTimezone */._j)(timezone)) {
        problems.add((0,settings_problems/* inputName */.y)('timezone'), `expected an IANA time zone such as Asia/Seoul, got '${timezone}'`);
    }
    const platforms = readPlatforms(input, config?.value, problems);
    const registrySpec = input.text('registry') || config?.value.registry || 'ghcr';
    const registry = parseRegistry(registrySpec, context, registryInsecure);
    if (!registry) {
        problems.add((0,settings_problems/* inputName */.y)('registry'), `expected ghcr, ecr or host[:port][/namespace], got '${registrySpec}'`);
    }
    const defaultRegistry = registry ?? parseRegistry('ghcr', context, false);
    let services;
    if (config) {
        services = servicesFromConfig(config.value, config.name, context, {
            registry: defaultRegistry,
            registryInsecure,
            platforms,
            argocdServer: input.absoluteUrl('argocd_server'),
            argocdInsecure
        }, problems);
        checkGraph(services, config.name, problems);
    }
    else {
        services = singleService(input, context, defaultRegistry, platforms, problems);
    }
    const images = readImageSettings(input, registryPassword);
    if (images.registryPassword && !images.registryUsername) {
        problems.add((0,settings_problems/* inputName */.y)('registry_username'), 'required when registry_password is set');
    }
    const notify = readNotifySettings(input, config?.value, {
        slackBotToken,
        slackWebhookUrl,
        discordWebhookUrl,
        webhookUrl
    }, problems);
    const eventsFile = input.text('events_file') ||
        (0,external_node_path_.join)(context.tempDir, `deploy-pipeline-${process.pid}-events.ndjson`);
    const deploy = {
        timeoutMs: input.durationMs('deploy_timeout', 30 * 60_000),
        pollIntervalMs: input.optionalDurationMs('poll_interval'),
        argocdToken
    };
    problems.throwIfAny();
    return deepFreeze({
        environment,
        createTag,
        createRelease,
        version,
        bump,
        timezone,
        dryRun,
        githubToken,
        configPath: config?.path,
        eventsFile: (0,external_node_path_.resolve)(context.workspace, eventsFile),
        deploymentId: deploymentIdFor(context),
        context,
        platforms,
        services,
        images,
        deploy,
        notify
    });
}
function readEnvironment(input, eventName, problems) {
    const value = input.text('environment');
    if (!value) {
        if (eventName === 'schedule')
            return 'dev';
        problems.add((0,settings_problems/* inputName */.y)('environment'), 'required: dev, stage or prod (only a schedule run defaults to dev)');
        return 'dev';
    }
    if (ENVIRONMENTS.includes(value))
        return value;
    problems.add((0,settings_problems/* inputName */.y)('environment'), `expected one of dev, stage, prod, got '${value}'`);
    return 'dev';
}
function readConfig(input, workspace, environment, problems) {
    const given = input.text('config');
    const path = (0,external_node_path_.resolve)(workspace, given || DEFAULT_CONFIG);
    if (!given && !(0,external_node_fs_.existsSync)(path))
        return undefined;
    const name = (0,external_node_path_.relative)(workspace, path) || path;
    const value = loadConfig(path, name, environment, problems);
    return value ? { path, name, value } : undefined;
}
function readPlatforms(input, config, problems) {
    const fromInput = input.list('platforms');
    const platforms = fromInput.length > 0 ? fromInput : [...(config?.platforms ?? DEFAULT_PLATFORMS)];
    for (const platform of fromInput) {
        if (!values/* PLATFORM */.i9.test(platform)) {
            problems.add((0,settings_problems/* inputName */.y)('platforms'), `expected os/arch such as linux/arm64, got '${platform}'`);
        }
    }
    return platforms;
}
function singleService(input, context, registry, platforms, problems) {
    const image = input.text('image');
    if (!image)
        return [];
    if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/i.test(image) || /[.:]/.test(image.split('/')[0] ?? '')) {
        problems.add((0,settings_problems/* inputName */.y)('image'), `expected a repository name such as my-app (put the host in registry), got '${image}'`);
    }
    const dockerfile = input.optional('dockerfile');
    const build = buildSettings({ context: input.text('context') || '.', dockerfile }, context.workspace, platforms, (0,settings_problems/* inputName */.y)('context'), problems);
    const name = image.split('/').pop().toLowerCase();
    return [
        {
            name,
            registry,
            repository: repositoryFor(registry, context, name, image, true),
            build,
            dependsOn: [],
            deploy: undefined
        }
    ];
}
function checkGraph(services, configName, problems) {
    for (const problem of (0,service_graph/* deployLayers */.Mp)(services).problems) {
        const { key, message } = (0,service_graph/* describeGraphProblem */.DM)(problem);
        problems.add(`${configName}: ${key}`, message);
    }
}
function readImageSettings(input, registryPassword) {
    return {
        builder: input.oneOf('builder', ['auto', 'buildx', 'buildah'], 'auto'),
        cache: input.oneOf('cache', ['registry', 'gha', 'none'], 'registry'),
        mode: input.oneOf('build', ['auto', 'always', 'promote', 'skip'], 'auto'),
        promoteFrom: input.optional('promote_from'),
        provenance: input.bool('provenance', false),
        sbom: input.bool('sbom', false),
        buildTimeoutMs: input.durationMs('build_timeout', 10 * 60_000),
        pushTimeoutMs: input.durationMs('push_timeout', 10 * 60_000),
        registryUsername: input.optional('registry_username'),
        registryPassword
    };
}
function readNotifySettings(input, config, secrets, problems) {
    const slackChannel = input.optional('slack_channel');
    if (secrets.slackBotToken && !slackChannel) {
        problems.add((0,settings_problems/* inputName */.y)('slack_channel'), 'required with slack_bot_token (the channel ID of the status card)');
    }
    return {
        ...secrets,
        slackChannel,
        slackApiUrl: withTrailingSlash(input.absoluteUrl('slack_api_url') ?? 'https://slack.com/api/'),
        slackUsers: { ...(config?.slackUsers ?? {}), ...readUserMap(input, problems) },
        notifyUser: input.optional('notify_user'),
        discordMention: readDiscordMention(input, problems),
        strict: input.bool('notify_strict', false)
    };
}
function readUserMap(input, problems) {
    const text = input.text('slack_users');
    if (!text)
        return {};
    try {
        const value = (0,js_yaml/* load */.Hh)(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
            const entries = Object.entries(value);
            if (entries.every(([, v]) => typeof v === 'string' && v !== '')) {
                return Object.fromEntries(entries);
            }
        }
    }
    catch {
        // reported below
    }
    problems.add((0,settings_problems/* inputName */.y)('slack_users'), 'expected a mapping of GitHub login to Slack user ID, e.g. {octocat: U0123ABCD}');
    return {};
}
function readDiscordMention(input, problems) {
    const mention = input.optional('discord_mention');
    if (mention && !/^\d{5,25}$/.test(mention)) {
        problems.add((0,settings_problems/* inputName */.y)('discord_mention'), `expected a Discord user ID (digits), got '${mention}'`);
    }
    return mention;
}
function tryNormaliseVersion(value) {
    try {
        return (0,values/* normaliseVersion */.r8)(value);
    }
    catch {
        return undefined;
    }
}
function withTrailingSlash(url) {
    return url.endsWith('/') ? url : `${url}/`;
}
function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1477);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);


/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
class InputReader {
    core;
    problems;
    constructor(core, problems) {
        this.core = core;
        this.problems = problems;
    }
    text(name) {
        return this.core.getInput(name).trim();
    }
    optional(name) {
        return this.text(name) || undefined;
    }
    /** Tokens, passwords and webhook URLs: masked before anything else can print them. */
    secret(name) {
        const value = this.core.getInput(name).trim();
        if (!value)
            return undefined;
        this.core.setSecret(value);
        return value;
    }
    bool(name, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        const parsed = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(value);
        if (parsed === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected true or false, got '${value}'`);
            return fallback;
        }
        return parsed;
    }
    oneOf(name, allowed, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        if (allowed.includes(value))
            return value;
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected one of ${allowed.join(', ')}, got '${value}'`);
        return fallback;
    }
    durationMs(name, fallbackMs) {
        const value = this.text(name);
        if (!value)
            return fallbackMs;
        const ms = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(value);
        if (ms === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected ${_values_js__WEBPACK_IMPORTED_MODULE_1__/* .DURATION_EXPECTED */ .om}, got '${value}'`);
            return fallbackMs;
        }
        return ms;
    }
    optionalDurationMs(name) {
        return this.text(name) ? this.durationMs(name, 0) : undefined;
    }
    /** Comma- or newline-separated list. */
    list(name) {
        return this.text(name)
            .split(/[,\n]/)
            .map(item => item.trim())
            .filter(item => item !== '');
    }
    absoluteUrl(name, options = {}) {
        const value = options.secret ? this.secret(name) : this.optional(name);
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            // reported below
        }
        if (url && (url.username || url.password)) {
            // A password in a URL would be printed wherever the URL is: mask it, and refuse it.
            if (url.password)
                this.core.setSecret(decodeURIComponent(url.password));
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), 'must not carry a user name or password; pass credentials through their own input');
            return undefined;
        }
        if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
            // A receiver's error page often echoes the path alone; the path is the secret part.
            if (options.secret && url.pathname.length + url.search.length > 8) {
                this.core.setSecret(url.pathname + url.search);
            }
            return value;
        }
        // Never echo a secret URL back, even in an error.
        const shown = options.secret ? '(hidden)' : `'${value}'`;
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected an http(s) URL, got ${shown}`);
        return undefined;
    }
}


/***/ }),

/***/ 1477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ Problems),
/* harmony export */   y: () => (/* binding */ inputName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
class Problems {
    lines = [];
    /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
    add(where, problem) {
        this.lines.push(`${where}: ${problem}`);
    }
    get count() {
        return this.lines.length;
    }
    get all() {
        return this.lines;
    }
    throwIfAny() {
        if (this.lines.length === 0)
            return;
        const noun = this.lines.length === 1 ? 'problem' : 'problems';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('INVALID_INPUT', `${this.lines.length} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
            this.lines.map(line => `  - ${line}`).join('\n'), { details: this.lines.join('\n') });
    }
}
function inputName(name) {
    return `input '${name}'`;
}


/***/ }),

/***/ 2563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ describeGraphProblem),
/* harmony export */   Mp: () => (/* binding */ deployLayers),
/* harmony export */   yk: () => (/* binding */ dependentsOf)
/* harmony export */ });
function deployLayers(nodes) {
    const known = new Set(nodes.map(n => n.name));
    const problems = [];
    for (const node of nodes) {
        for (const dependency of node.dependsOn) {
            if (dependency === node.name)
                problems.push({ kind: 'self', service: node.name });
            else if (!known.has(dependency)) {
                problems.push({ kind: 'unknown', service: node.name, dependency });
            }
        }
    }
    if (problems.length > 0)
        return { layers: [], problems };
    const placed = new Set();
    const layers = [];
    let remaining = [...nodes];
    while (remaining.length > 0) {
        // Config order is kept inside a layer so plans and logs read the way the file does.
        const ready = remaining.filter(n => n.dependsOn.every(d => placed.has(d)));
        if (ready.length === 0) {
            problems.push({ kind: 'cycle', cycle: findCycle(remaining) });
            return { layers: [], problems };
        }
        layers.push(ready.map(n => n.name));
        for (const n of ready)
            placed.add(n.name);
        remaining = remaining.filter(n => !placed.has(n.name));
    }
    return { layers, problems };
}
/** One cycle among nodes that could not be placed, as a path that ends where it starts. */
function findCycle(nodes) {
    const byName = new Map(nodes.map(n => [n.name, n]));
    const start = nodes[0];
    if (!start)
        return [];
    const path = [];
    const seen = new Map();
    let current = start;
    while (current && !seen.has(current.name)) {
        seen.set(current.name, path.length);
        path.push(current.name);
        current = current.dependsOn.map(d => byName.get(d)).find(n => n !== undefined);
    }
    if (!current)
        return path;
    return [...path.slice(seen.get(current.name)), current.name];
}
/** Every service that depends on `name`, directly or not. */
function dependentsOf(nodes, name) {
    const result = new Set();
    const queue = [name];
    while (queue.length > 0) {
        const current = queue.shift();
        for (const node of nodes) {
            if (node.dependsOn.includes(current) && !result.has(node.name)) {
                result.add(node.name);
                queue.push(node.name);
            }
        }
    }
    return result;
}
function describeGraphProblem(problem) {
    switch (problem.kind) {
        case 'unknown':
            return {
                key: `services.${problem.service}.depends_on`,
                message: `names '${problem.dependency}', which is not a service in this config`
            };
        case 'self':
            return { key: `services.${problem.service}.depends_on`, message: 'names the service itself' };
        case 'cycle':
            return {
                key: `services.${problem.cycle[0]}.depends_on`,
                message: `dependency cycle: ${problem.cycle.join(' -> ')}`
            };
    }
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   _j: () => (/* binding */ isValidTimezone),
/* harmony export */   i9: () => (/* binding */ PLATFORM),
/* harmony export */   oC: () => (/* binding */ UTC_NAMES),
/* harmony export */   om: () => (/* binding */ DURATION_EXPECTED),
/* harmony export */   r8: () => (/* binding */ normaliseVersion),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Parsers and checks of input values, shared by inputs, the config file and the plan. */
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
/** "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined if invalid. */
function parseDuration(value) {
    if (typeof value === 'number')
        return value > 0 ? value * 1000 : undefined;
    const match = DURATION.exec(value.trim());
    if (!match)
        return undefined;
    const amount = Number(match[1]);
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
    const ms = amount * unit;
    return ms > 0 ? ms : undefined;
}
const DURATION_EXPECTED = 'a duration such as 90s, 10m or 1h (a bare number is seconds)';
/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return undefined;
}
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. */
function normaliseVersion(version) {
    const match = /^v?(\d+\.\d+\.\d+)$/.exec(version.trim());
    if (match === null || semver__WEBPACK_IMPORTED_MODULE_0___default().valid(match[1]) === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH('INVALID_INPUT', `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`);
    }
    return match[1];
}
/**
 * UTC (the default) needs no time zone data. The first Intl.DateTimeFormat with a time zone loads
 * ICU's zone data, about 20 ms of a start that is budgeted at 100 ms, so UTC goes around it.
 */
const UTC_NAMES = new Set([
    'UTC',
    'Etc/UTC',
    'Etc/Universal',
    'Etc/Zulu',
    'Universal',
    'Zulu'
]);
function isValidTimezone(name) {
    if (UTC_NAMES.has(name))
        return true;
    // Newer Intl also takes offsets such as +09:00; they are not IANA names, so reject them everywhere.
    if (!/^[A-Za-z]/.test(name))
        return false;
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
