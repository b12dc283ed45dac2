export const id = 9743;
export const ids = [9743];
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

/***/ 5918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L$: () => (/* binding */ readSmallTextFile),
/* harmony export */   OR: () => (/* binding */ confinedPath),
/* harmony export */   xk: () => (/* binding */ eventsFileProblem)
/* harmony export */ });
/* unused harmony export MAX_CONFIG_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1477);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(535);





/** A deploy config is a page or two of YAML; anything near this size is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_PATH_LENGTH = 4096;
/**
 * The one check for every path the config or an input names (config, events_file, build context
 * and Dockerfile, task definition, AppSpec; CloudFormation templates and Helm charts when they
 * come): `value` is resolved against `base`, symlinks followed, and must stay inside one of
 * `roots` (the workspace; RUNNER_TEMP for events_file). A path that does not exist yet is judged
 * by the real path of its deepest existing ancestor. `path` is the resolved path as the user
 * wrote it (what the run uses and shows), `real` the same with every symlink followed.
 */
function confinedPath(value, base, roots) {
    if (value.length > MAX_PATH_LENGTH) {
        return { ok: false, problem: `expected a path of at most ${MAX_PATH_LENGTH} characters` };
    }
    if (/[\n\r\t]/.test(value) || _values_js__WEBPACK_IMPORTED_MODULE_4__/* .CONTROL_CHARACTER */ .gW.test(value)) {
        return { ok: false, problem: `expected a path without control characters, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(value)}` };
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(base, value);
    const real = realPathOf(path);
    if (!real.ok)
        return { ok: false, problem: `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(value)} ${real.problem}` };
    const realRoots = roots.map(root => realPathOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root)));
    if (!realRoots.some(root => root.ok && isWithin(real.path, root.path))) {
        const inside = roots.length === 1 ? 'the workspace' : 'the workspace or RUNNER_TEMP';
        const via = real.path === path ? '' : ` (symlinks followed: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(real.path, 200)})`;
        return {
            ok: false,
            problem: `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(value)} leads outside ${inside}${via}; paths must stay inside ${inside}`
        };
    }
    return { ok: true, path, real: real.path };
}
/**
 * The real path of `path`: realpath of its deepest existing ancestor, joined with the rest. A
 * symlink that points nowhere is refused: whoever later creates or writes the path would follow
 * it to a place that was never checked.
 */
function realPathOf(path) {
    const rest = [];
    let current = path;
    for (;;) {
        try {
            return { ok: true, path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(current), ...rest) };
        }
        catch (error) {
            const code = errorCode(error);
            if (code !== 'ENOENT' && code !== 'ENOTDIR') {
                return { ok: false, problem: `cannot be resolved (${code ?? 'error'})` };
            }
            if (lstatIfAny(current)?.isSymbolicLink()) {
                return {
                    ok: false,
                    problem: 'is (or passes through) a symlink to a path that does not exist'
                };
            }
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current);
        if (parent === current)
            return { ok: true, path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(current, ...rest) };
        rest.unshift((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(current));
        current = parent;
    }
}
function isWithin(path, root) {
    return path === root || path.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : `${root}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
}
/**
 * Reads a small UTF-8 text file without ever blocking or reading without end: opened
 * non-blocking (a FIFO would otherwise wait for a writer), refused unless fstat says it is a
 * regular file of at most `maxBytes`, and decoded strictly (invalid UTF-8 is an error, not a
 * U+FFFD in a tag or an ARN).
 */
function readSmallTextFile(path, maxBytes = MAX_CONFIG_BYTES) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY);
    }
    catch (error) {
        const code = errorCode(error);
        return {
            ok: false,
            problem: code === 'ENOENT' ? 'file not found' : `cannot be opened (${code ?? 'error'})`
        };
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            return { ok: false, problem: `is ${kindOf(stats)}, not a regular file` };
        if (stats.size > maxBytes) {
            return { ok: false, problem: `is ${stats.size} bytes; at most ${maxBytes} are read` };
        }
        // One byte more than allowed, so a file that grew after fstat is caught too.
        const buffer = Buffer.alloc(stats.size + 1);
        let length = 0;
        for (;;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > maxBytes || length === buffer.length)
                break;
        }
        if (length > stats.size)
            return { ok: false, problem: 'changed while it was read' };
        try {
            return {
                ok: true,
                text: new node_util__WEBPACK_IMPORTED_MODULE_2__.TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length))
            };
        }
        catch {
            return {
                ok: false,
                problem: `is not valid UTF-8 (near byte ${firstInvalidByte(buffer.subarray(0, length))})`
            };
        }
    }
    catch (error) {
        return { ok: false, problem: `cannot be read (${errorCode(error) ?? 'error'})` };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * events_file is truncated at the start of the run, so it may only name a file that is not
 * there yet or an event log this action wrote (a re-run in the same job): never the config, a
 * source file or anything else of value. A git query would tell tracked files apart too, but
 * costs a process per run; "only our own NDJSON" is stricter and needs no git.
 */
function eventsFileProblem(real, configReal) {
    if (configReal !== undefined && real === configReal) {
        return 'is the deploy config; the event log must go to a file of its own';
    }
    const stats = lstatIfAny(real);
    if (!stats)
        return undefined;
    if (!stats.isFile())
        return `is ${kindOf(stats)}, not a file the event log can be written to`;
    if (stats.size === 0)
        return undefined;
    if (isEventLine(firstLineOf(real)))
        return undefined;
    return 'names a file that exists and is not an event log of this action; it would be overwritten';
}
/** The first line of a file, from its first few kilobytes (an event is one short line). */
function firstLineOf(path) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY);
        const buffer = Buffer.alloc(16 * 1024);
        const text = buffer.subarray(0, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, 0, buffer.length, 0)).toString('utf8');
        return text.split('\n', 1)[0] ?? '';
    }
    catch {
        return '';
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function isEventLine(line) {
    try {
        const event = JSON.parse(line);
        return typeof event?.id === 'number' && typeof event.type === 'string';
    }
    catch {
        return false;
    }
}
function lstatIfAny(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isSymbolicLink())
        return 'a symlink';
    return 'not a regular file';
}
function firstInvalidByte(bytes) {
    let low = 0;
    let high = bytes.length;
    // The longest valid prefix, by halving: a handful of decodes even for a megabyte. Streaming
    // mode, so that a prefix cut inside a character is not itself an error.
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        try {
            new node_util__WEBPACK_IMPORTED_MODULE_2__.TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
            low = middle;
        }
        catch {
            high = middle - 1;
        }
    }
    return low;
}
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}


/***/ }),

/***/ 9743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readSettings: () => (/* binding */ readSettings)
});

// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/settings/gate.ts


const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SOAK_RANGE = { minMs: 0, maxMs: 30 * 24 * 3_600_000 };
/**
 * `environments.<env>: {promote_from, soak, windows, deny}` -> the gate, with `override_gate`.
 * The shapes were checked by the schema; here they become days and minutes, and the override is
 * held to carrying a reason, since the reason is what the record and the card keep.
 */
function readGate(config, environment, override, where, problems) {
    if (override.wanted && !override.reason) {
        problems.add(where.overrideGate, `needs ${where.reason}: who overrides the gate says why`);
    }
    const hasWindows = (config?.windows?.length ?? 0) + (config?.deny?.length ?? 0) > 0;
    if (!config || (!config.promote_from && !hasWindows))
        return undefined;
    if (config.promote_from === environment) {
        problems.add(`${where.config}: environments.${environment}.promote_from`, `cannot be ${environment} itself`);
    }
    // A window that ends before it starts would never open (an overnight window is two windows).
    for (const key of ['windows', 'deny']) {
        for (const [i, window] of (config[key] ?? []).entries()) {
            const { startMinute, endMinute } = timeWindow(window);
            if (endMinute <= startMinute) {
                problems.add(`${where.config}: environments.${environment}.${key}.${i}.hours`, 'ends before it starts: split an overnight window in two (22:00-24:00 and 00:00-06:00)');
            }
        }
    }
    return {
        promoteFrom: config.promote_from ?? environment,
        soakMs: config.soak === undefined ? 0 : ((0,values/* parseDuration */.E9)(config.soak, SOAK_RANGE) ?? 0),
        windows: (config.windows ?? []).map(timeWindow),
        deny: (config.deny ?? []).map(timeWindow),
        override: override.wanted && override.reason
            ? { actor: override.actor, reason: override.reason }
            : undefined
    };
}
function timeWindow(window) {
    const days = new Set();
    for (const part of window.days.split(',')) {
        const [first, last] = part.split('-');
        const start = DAY_NAMES.indexOf(first ?? '');
        const end = last === undefined ? start : DAY_NAMES.indexOf(last);
        // mon-fri, and fri-mon across the weekend.
        for (let d = start;; d = (d + 1) % 7) {
            days.add(d);
            if (d === end)
                break;
        }
    }
    const hours = window.hours ?? '00:00-24:00';
    const [from = '00:00', to = '24:00'] = hours.split('-');
    const minutes = (hm) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
    return {
        days: [...days].sort(),
        startMinute: minutes(from),
        endMinute: minutes(to),
        text: `${window.days} ${hours}`
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var dist = __webpack_require__(7934);
// EXTERNAL MODULE: ./src/settings/yaml.ts
var yaml = __webpack_require__(6990);
;// CONCATENATED MODULE: ./src/settings/config-schema.ts



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
const checked = (problem) => dist/* rawCheck */.H0v(({ dataset, addIssue }) => {
    if (!dataset.typed)
        return;
    const message = problem(dataset.value);
    if (message)
        addIssue({ message });
});
/** A single-line name of 1 to `max` characters. */
const config_schema_name = (max, what = 'a non-empty string') => dist/* pipe */.FsL(dist/* string */.YjP(), dist/* minLength */.BpQ(1, `expected ${what}`), dist/* maxLength */.Ru6(max, `expected at most ${max} characters`), dist/* check */.z6Y(value => !/[\n\r\t]/.test(value) && !values/* CONTROL_CHARACTER */.gW.test(value), 'expected no line breaks or control characters'));
/** Any other one-line text value. */
const config_schema_text = config_schema_name(1024);
/** A path inside the workspace: checked (symlinks followed) when settings are made. */
const path = config_schema_name(4096, 'a path');
/** Short name or ARN, the way ECS takes clusters and services (names: 255 characters). */
const ecsName = dist/* pipe */.FsL(config_schema_name(2048), dist/* check */.z6Y(value => value.startsWith('arn:') || value.length <= 255, 'expected a name of at most 255 characters, or an ARN'));
/** Kubernetes object names (Argo CD applications and projects) are DNS subdomains. */
const dnsSubdomain = dist/* pipe */.FsL(config_schema_name(253), dist/* regex */.yGV(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'expected a DNS subdomain name (lower case, digits, "-" and ".")'));
const dnsLabel = dist/* pipe */.FsL(config_schema_name(63), dist/* regex */.yGV(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a DNS label (lower case, digits and "-")'));
const awsRegion = dist/* pipe */.FsL(config_schema_name(63), dist/* regex */.yGV(/^[a-z0-9-]+$/, 'expected an AWS region such as us-east-1'));
/**
 * Valibot's object and record schemas take a list (or a date) for a mapping; a list where a
 * mapping belongs must be an error naming the key, never a silently empty object.
 */
const mapping = (schema) => dist/* pipe */.FsL(dist/* custom */.IeY(yaml/* isPlainObject */.Q, 'expected a mapping'), schema);
const duration = (range = values/* TIMEOUT_RANGE */.Ee) => dist/* pipe */.FsL(dist/* union */.KCZ([dist/* number */.aig(), dist/* string */.YjP()]), dist/* check */.z6Y(value => (0,values/* parseDuration */.E9)(value, range) !== undefined, `expected ${(0,values/* durationExpected */.fv)(range)}`));
const platform = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(64, 'expected at most 64 characters'), dist/* regex */.yGV(values/* PLATFORM */.i9, 'expected os/arch such as linux/amd64'));
const platforms = dist/* pipe */.FsL(dist/* array */.YOg(platform), dist/* minLength */.BpQ(1, 'expected at least one platform'), dist/* maxLength */.Ru6(16, 'expected at most 16 platforms'));
const serviceName = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(128, 'expected a service name of at most 128 characters'), dist/* regex */.yGV(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" and "-"'));
const registry = dist/* pipe */.FsL(dist/* string */.YjP(), checked(values/* registryProblem */.T7));
/** ECR's limit (2 to 256 characters); other registries take as long. */
const repositoryName = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(256, 'expected a repository name of at most 256 characters'), dist/* regex */.yGV(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, 'expected a repository name such as team/api'));
const httpUrl = dist/* pipe */.FsL(dist/* string */.YjP(), checked(values/* httpUrlProblem */.Hv));
const wholeNumber = (min, max = Number.MAX_SAFE_INTEGER) => dist/* pipe */.FsL(dist/* number */.aig(), dist/* integer */.ndf('expected a whole number'), dist/* minValue */.Wwf(min, `expected at least ${min}`), dist/* maxValue */.cGV(max, `expected at most ${max}`));
const optional = dist/* optional */.lqM;
const timing = {
    deploy_timeout: optional(duration(values/* TIMEOUT_RANGE */.Ee)),
    poll_interval: optional(duration(values/* INTERVAL_RANGE */.KJ))
};
/** Step Functions takes at most 256 KiB of input (UTF-8 JSON). */
const STEP_FUNCTIONS_INPUT_BYTES = 256 * 1024;
/** GitHub logins: letters, digits and single hyphens, at most 39; apps end in [bot]. */
const githubLogin = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/, 'expected a GitHub login as the key'));
/** Slack user and channel IDs: U0123ABCD, C0DEPLOYS. */
const SLACK_ID = /^[A-Z0-9]{2,32}$/;
const slackId = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(SLACK_ID, 'expected a Slack ID such as U0123ABCD'));
const build = dist/* strictObject */.rej({
    context: optional(path),
    dockerfile: optional(path),
    target: optional(config_schema_name(256)),
    args: optional(mapping(dist/* record */.g1P(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[A-Za-z_][A-Za-z0-9_]{0,255}$/, 'expected a build argument name')), dist/* union */.KCZ([
        dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(32 * 1024, 'expected at most 32768 characters')),
        dist/* number */.aig(),
        dist/* boolean */.zMY()
    ])))),
    platforms: optional(platforms)
});
const codedeploy = dist/* strictObject */.rej({
    application: config_schema_name(100),
    deployment_group: config_schema_name(100),
    appspec: optional(path),
    auto_rollback: optional(dist/* boolean */.zMY())
});
/** ECS takes traffic percentages in tenths: canaryPercent 0.1-100, stepPercent 3-100. */
const percent = (min) => dist/* pipe */.FsL(dist/* number */.aig(), dist/* minValue */.Wwf(min, `expected at least ${min}`), dist/* maxValue */.cGV(100, 'expected at most 100'), dist/* check */.z6Y(value => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, 'expected tenths of a percent'));
/** ECS bake times are whole minutes from 0 to 1440. */
const bake = dist/* pipe */.FsL(dist/* union */.KCZ([dist/* number */.aig(), dist/* string */.YjP()]), dist/* check */.z6Y(value => (0,values/* parseDuration */.E9)(value, values/* BAKE_RANGE */.Aw) !== undefined, 'expected whole minutes such as 0m, 5m or 2h (ECS bakes in minutes), at most 24h'));
const linear = dist/* strictObject */.rej({
    step_percent: optional(percent(3)),
    step_bake: optional(bake)
});
const canary = dist/* strictObject */.rej({
    percent: optional(percent(0.1)),
    bake: optional(bake)
});
const ecs = dist/* strictObject */.rej({
    cluster: ecsName,
    service: ecsName,
    container: dist/* union */.KCZ([
        config_schema_name(255),
        dist/* pipe */.FsL(dist/* array */.YOg(config_schema_name(255)), dist/* minLength */.BpQ(1, 'expected a container'))
    ]),
    strategy: optional(dist/* picklist */.KIO(['rolling', 'codedeploy', 'blue_green', 'linear', 'canary'])),
    wait_until: optional(dist/* picklist */.KIO(['completed', 'traffic_shifted', 'test_traffic'])),
    codedeploy: optional(mapping(codedeploy)),
    linear: optional(mapping(linear)),
    canary: optional(mapping(canary)),
    /** A file in the workspace, or an ARN. */
    task_definition: optional(path),
    keep_revisions: optional(wholeNumber(1, 1000)),
    region: optional(awsRegion),
    ...timing
});
const stepfunctions = dist/* strictObject */.rej({
    mode: optional(dist/* picklist */.KIO(['start', 'find'])),
    state_machine_arn: optional(dist/* pipe */.FsL(config_schema_name(256), dist/* regex */.yGV(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:.+$/, 'expected a state machine ARN'))),
    input: optional(dist/* pipe */.FsL(mapping(dist/* record */.g1P(dist/* string */.YjP(), dist/* unknown */.L5J())), dist/* check */.z6Y(value => Buffer.byteLength(JSON.stringify(value)) <= STEP_FUNCTIONS_INPUT_BYTES, `expected at most ${STEP_FUNCTIONS_INPUT_BYTES} bytes of JSON (the Step Functions limit)`))),
    /** Secrets Manager names: at most 512 characters. */
    secret_name: optional(config_schema_name(512)),
    secret_tries: optional(wholeNumber(1, 100)),
    secret_interval: optional(duration(values/* INTERVAL_RANGE */.KJ)),
    delete_secret: optional(dist/* boolean */.zMY()),
    stop_on_timeout: optional(dist/* boolean */.zMY()),
    /** State names: at most 80 characters. */
    health_check_states: optional(dist/* array */.YOg(config_schema_name(80))),
    region: optional(awsRegion),
    ...timing
});
const argoServer = {
    server: optional(httpUrl),
    project: optional(dnsSubdomain),
    app_namespace: optional(dnsLabel),
    insecure: optional(dist/* boolean */.zMY())
};
const argocd = dist/* strictObject */.rej({
    app: dnsSubdomain,
    ...argoServer,
    helm_parameter: optional(config_schema_text),
    helm_repository_parameter: optional(config_schema_text),
    kustomize_image: optional(config_schema_text),
    source_index: optional(wholeNumber(0, 1000)),
    source_name: optional(config_schema_text),
    prune: optional(dist/* boolean */.zMY()),
    sync_options: optional(dist/* array */.YOg(config_schema_text)),
    terminate_running: optional(dist/* boolean */.zMY()),
    rollback_on_failure: optional(dist/* boolean */.zMY()),
    degraded_grace: optional(duration(values/* GRACE_RANGE */.Tb)),
    ...timing
});
/** CloudFormation's own limits (API reference): names, tags, parameters, buckets. */
const stackName = dist/* pipe */.FsL(config_schema_name(128), dist/* regex */.yGV(/^([A-Za-z]|\{(environment|service)\})([-A-Za-z0-9]|\{(environment|service)\})*$/, 'expected a stack name: a letter, then letters, digits and "-" (placeholders {environment}, {service})'));
const logicalName = dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[A-Za-z0-9]{1,255}$/, 'expected a CloudFormation logical name (letters and digits)'));
const stackValue = dist/* union */.KCZ([
    dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(4096, 'expected at most 4096 characters'), dist/* check */.z6Y(value => !values/* CONTROL_CHARACTER */.gW.test(value), 'expected no control characters')),
    dist/* number */.aig(),
    dist/* boolean */.zMY()
]);
const cloudformation = dist/* strictObject */.rej({
    stack: stackName,
    /** A file in the workspace, YAML or JSON. */
    template: path,
    parameters: optional(mapping(dist/* record */.g1P(logicalName, stackValue))),
    parameter_overrides_file: optional(path),
    capabilities: optional(dist/* array */.YOg(dist/* picklist */.KIO(['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND']))),
    tags: optional(dist/* pipe */.FsL(mapping(dist/* record */.g1P(dist/* pipe */.FsL(config_schema_name(128), dist/* check */.z6Y(key => !key.startsWith('aws:'), 'expected a tag key not starting with aws:')), dist/* pipe */.FsL(config_schema_name(256, 'a tag value of 1 to 256 characters')))), dist/* check */.z6Y(tags => Object.keys(tags).length <= 50, 'expected at most 50 tags'))),
    role_arn: optional(dist/* pipe */.FsL(config_schema_name(2048), dist/* regex */.yGV(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'expected an IAM role ARN'))),
    region: optional(awsRegion),
    termination_protection: optional(dist/* boolean */.zMY()),
    template_bucket: optional(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name (3 to 63 lower-case letters, digits, "." and "-")'))),
    on_rollback_complete: optional(dist/* picklist */.KIO(['recreate', 'fail'])),
    url_output: optional(logicalName),
    ...timing
});
const verify = dist/* strictObject */.rej({
    /** Checked as an http(s) URL when settings are made, placeholders aside. */
    url: config_schema_name(2048, 'a URL'),
    expect_status: optional(wholeNumber(100, 599)),
    contains: optional(config_schema_name(1024, 'a non-empty text')),
    timeout: optional(duration(values/* TIMEOUT_RANGE */.Ee)),
    interval: optional(duration(values/* INTERVAL_RANGE */.KJ))
});
/** A workspace-relative glob (`*`, `**`, `?`) of files that belong to a service. */
const pathGlob = dist/* pipe */.FsL(config_schema_name(1024, 'a path glob'), dist/* check */.z6Y(value => !value.startsWith('/'), 'expected a path relative to the workspace'));
/** Helm release names: a DNS subdomain of at most 53 characters (Helm's own limit). */
const helmRelease = dist/* pipe */.FsL(config_schema_name(53), dist/* regex */.yGV(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'expected a release name (lower case, digits, "-" and ".")'));
/** A chart key as --set takes it: image.tag, ingress.hosts[0].host. */
const helmKey = dist/* pipe */.FsL(config_schema_name(256), dist/* regex */.yGV(/^[A-Za-z0-9_-]+(\[\d+\])?(\.[A-Za-z0-9_-]+(\[\d+\])?)*$/, 'expected a chart key such as image.tag'));
/** Secret values are written as YAML, so their keys are plain dotted names. */
const helmMapKey = dist/* pipe */.FsL(config_schema_name(256), dist/* regex */.yGV(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected a chart key such as db.password'));
const environmentVariable = dist/* pipe */.FsL(config_schema_name(256), dist/* regex */.yGV(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'));
const chartRepository = dist/* pipe */.FsL(config_schema_name(2048), dist/* regex */.yGV(/^(https?|oci):\/\/[^\s]+$/, 'expected an https://, http:// or oci:// chart repository URL'));
/** kind/name, the way kubectl names a workload: deployment/webui, sts/db. */
const workload = dist/* pipe */.FsL(config_schema_name(300), dist/* regex */.yGV(/^(deployment|deployments|deploy|statefulset|statefulsets|sts|daemonset|daemonsets|ds)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i, 'expected kind/name such as deployment/webui (a Deployment, StatefulSet or DaemonSet)'));
const kubernetesPlace = {
    /** A context of the kubeconfig: names are free text there. */
    context: optional(config_schema_name(253)),
    namespace: optional(dnsLabel),
    image_pull_secret: optional(dist/* union */.KCZ([
        dnsSubdomain,
        mapping(dist/* strictObject */.rej({ name: dnsSubdomain, service_account: optional(dnsSubdomain) }))
    ]))
};
const kubernetes = dist/* strictObject */.rej({
    ...kubernetesPlace,
    workloads: dist/* pipe */.FsL(dist/* array */.YOg(workload), dist/* minLength */.BpQ(1, 'expected at least one workload'), dist/* maxLength */.Ru6(50, 'expected at most 50 workloads')),
    container: optional(dnsLabel),
    rollback_on_failure: optional(dist/* boolean */.zMY()),
    ...timing
});
const helm = dist/* strictObject */.rej({
    ...kubernetesPlace,
    release: helmRelease,
    /** A directory in the repository, or with repo_url the chart's name there. */
    chart: path,
    repo_url: optional(chartRepository),
    version: optional(config_schema_name(128)),
    create_namespace: optional(dist/* boolean */.zMY()),
    values: optional(dist/* pipe */.FsL(dist/* array */.YOg(path), dist/* maxLength */.Ru6(32, 'expected at most 32 values files'))),
    set: optional(mapping(dist/* record */.g1P(helmKey, dist/* union */.KCZ([
        dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(32 * 1024, 'expected at most 32768 characters')),
        dist/* number */.aig(),
        dist/* boolean */.zMY()
    ])))),
    set_secret: optional(mapping(dist/* record */.g1P(helmMapKey, environmentVariable))),
    set_image: optional(dist/* union */.KCZ([
        dist/* literal */.euz(false),
        mapping(dist/* strictObject */.rej({
            repository: optional(dist/* union */.KCZ([helmKey, dist/* literal */.euz(false)])),
            tag: optional(dist/* union */.KCZ([helmKey, dist/* literal */.euz(false)])),
            digest: optional(helmKey)
        }))
    ])),
    dependency_update: optional(dist/* boolean */.zMY()),
    timeout: optional(duration(values/* TIMEOUT_RANGE */.Ee)),
    rollback_on_failure: optional(dist/* boolean */.zMY()),
    ...timing
});
const serviceKeys = {
    registry: optional(registry),
    image: optional(repositoryName),
    build: optional(mapping(build)),
    depends_on: optional(dist/* array */.YOg(serviceName)),
    paths: optional(dist/* pipe */.FsL(dist/* array */.YOg(pathGlob), dist/* minLength */.BpQ(1, 'expected at least one glob'))),
    redeploy_with: optional(dist/* array */.YOg(serviceName))
};
const service = dist/* strictObject */.rej({
    ...serviceKeys,
    deploy: optional(mapping(dist/* strictObject */.rej({
        ecs: optional(mapping(ecs)),
        stepfunctions: optional(mapping(stepfunctions)),
        argocd: optional(mapping(argocd)),
        cloudformation: optional(mapping(cloudformation)),
        verify: optional(mapping(verify)),
        kubernetes: optional(mapping(kubernetes)),
        helm: optional(mapping(helm))
    })))
});
/** An environment's override of a service: the same keys, none of them required. */
const serviceOverride = dist/* strictObject */.rej({
    ...serviceKeys,
    deploy: optional(mapping(dist/* strictObject */.rej({
        ecs: optional(mapping(dist/* strictObject */.rej({
            ...dist/* partial */.OH3(ecs).entries,
            codedeploy: optional(mapping(dist/* partial */.OH3(codedeploy)))
        }))),
        stepfunctions: optional(mapping(stepfunctions)),
        argocd: optional(mapping(dist/* partial */.OH3(argocd))),
        cloudformation: optional(mapping(dist/* partial */.OH3(cloudformation))),
        verify: optional(mapping(dist/* partial */.OH3(verify))),
        kubernetes: optional(mapping(dist/* partial */.OH3(kubernetes))),
        helm: optional(mapping(dist/* partial */.OH3(helm)))
    })))
});
const sharedTopLevel = {
    registry: optional(registry),
    platforms: optional(platforms),
    /** Checked as an IANA name when settings are made, under this key. */
    timezone: optional(config_schema_name(64)),
    slack_users: optional(mapping(dist/* record */.g1P(githubLogin, slackId))),
    argocd: optional(mapping(dist/* strictObject */.rej(argoServer))),
    /** Platform -> runner label of the build matrix (phase: plan). */
    runners: optional(mapping(dist/* record */.g1P(platform, config_schema_name(256, 'a runner label'))))
};
const DAYS = /^(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?(,(sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?)*$/;
const HOURS = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const config_schema_timeWindow = mapping(dist/* strictObject */.rej({
    days: dist/* pipe */.FsL(dist/* string */.YjP(), dist/* maxLength */.Ru6(64), dist/* regex */.yGV(DAYS, 'expected days such as mon-fri or sat,sun')),
    hours: optional(dist/* pipe */.FsL(dist/* string */.YjP(), dist/* regex */.yGV(HOURS, 'expected HH:MM-HH:MM such as 09:00-17:00')))
}));
const windows = dist/* pipe */.FsL(dist/* array */.YOg(config_schema_timeWindow), dist/* maxLength */.Ru6(32, 'expected at most 32 windows'));
const environmentOverride = dist/* strictObject */.rej({
    ...sharedTopLevel,
    /** The promotion gate: take only what this environment ran successfully for `soak`. */
    promote_from: optional(dist/* picklist */.KIO(['dev', 'stage', 'prod'], 'expected dev, stage or prod')),
    soak: optional(duration({ minMs: 0, maxMs: 30 * 24 * 3_600_000 })),
    windows: optional(windows),
    deny: optional(windows),
    services: optional(mapping(dist/* record */.g1P(serviceName, mapping(serviceOverride))))
});
const configSchema = mapping(dist/* strictObject */.rej({
    ...sharedTopLevel,
    services: optional(mapping(dist/* record */.g1P(serviceName, mapping(service)))),
    environments: optional(mapping(dist/* strictObject */.rej({
        dev: optional(mapping(environmentOverride)),
        stage: optional(mapping(environmentOverride)),
        prod: optional(mapping(environmentOverride))
    })))
}));
const serviceConfigSchema = mapping(service);

// EXTERNAL MODULE: ./src/settings/files.ts
var files = __webpack_require__(5918);
;// CONCATENATED MODULE: ./src/settings/config.ts





/**
 * Reads, parses and validates the deploy config, and applies `environments.<environment>` over the
 * defaults. Problems go to `problems` (with the file name and key path); the result is undefined
 * when the file could not be understood at all. `path` must already be checked to lie inside the
 * workspace; the file itself is only read when it is a small regular file of valid UTF-8.
 */
function loadConfig(path, displayName, environment, problems) {
    const file = (0,files/* readSmallTextFile */.L$)(path);
    if (!file.ok) {
        problems.add(displayName, file.problem);
        return undefined;
    }
    // js-yaml rather than yaml: a tenth of the start-up cost, and the config is read on every run.
    // Duplicate keys are an error in both, as they should be: the second would silently win.
    const loaded = (0,yaml/* loadBoundedYaml */.J)(file.text, displayName, keys => `${displayName}: ${keyPath(keys)}`, problems);
    if (!loaded)
        return undefined;
    const raw = loaded.value ?? {};
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
        timezoneKey: override?.timezone === undefined ? 'timezone' : `environments.${environment}.timezone`,
        slackUsers: { ...(config.slack_users ?? {}), ...(override?.slack_users ?? {}) },
        argocd: { ...(config.argocd ?? {}), ...(override?.argocd ?? {}) },
        runners: { ...(config.runners ?? {}), ...(override?.runners ?? {}) },
        services,
        gate: {
            promote_from: override?.promote_from,
            soak: override?.soak,
            windows: override?.windows,
            deny: override?.deny
        }
    };
}
/** Objects merge key by key; anything else (arrays included) is replaced by the override. */
function deepMerge(base, override) {
    if (override === undefined)
        return base;
    if (!(0,yaml/* isPlainObject */.Q)(base) || !(0,yaml/* isPlainObject */.Q)(override))
        return override;
    const result = { ...base };
    for (const [key, value] of Object.entries(override))
        result[key] = deepMerge(base[key], value);
    return result;
}
function reportIssues(issues, displayName, prefix, problems, suffix = '') {
    for (const issue of issues.flatMap(closestIssues)) {
        const path = [...prefix, ...(issue.path ?? []).map(item => String(item.key))];
        // A strict object reports an unknown key as a key whose only allowed value is `never`.
        const unknownKey = issue.type.startsWith('strict_') && issue.expected === 'never';
        const problem = unknownKey ? 'unknown key' : describeIssue(issue);
        problems.add(`${displayName}: ${keyPath(path)}`, `${problem}${suffix}`);
    }
}
/**
 * A union (`container: name | [names]`) says only "expected string | list" when the list's item
 * is wrong; the option that got deeper into the value knows which key and what. Its issues are
 * reported instead.
 */
function closestIssues(issue) {
    // The options' issues have paths relative to the union's own value.
    const deeper = (issue.issues ?? []).filter(sub => (sub.path?.length ?? 0) > 0);
    if (issue.type !== 'union' || deeper.length === 0)
        return [issue];
    return deeper
        .map(sub => ({ ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] }))
        .flatMap(closestIssues);
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
    if (issue.type === 'custom')
        return `${issue.message}, got ${typeName(issue.input)}`;
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
    if (value instanceof Date)
        return 'a date';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `string ${(0,settings_problems/* quote */.hD)(value)}`;
    return `${typeof value} ${String(value)}`;
}

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
    // node:crypto only here: loading it costs a fifth of Node's startup, and runs in Actions never ask.
    return `dep_local_${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}`;
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
// EXTERNAL MODULE: ./src/settings/service-graph.ts
var service_graph = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
// EXTERNAL MODULE: ./src/runtime/hosts.ts
var hosts = __webpack_require__(4087);
// EXTERNAL MODULE: ./src/settings/stack-values.ts
var stack_values = __webpack_require__(5092);
;// CONCATENATED MODULE: ./src/settings/services.ts







/** Registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`) -> where images go. */
function parseRegistry(spec, context, insecure) {
    if ((0,values/* registryProblem */.T7)(spec) !== undefined)
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
        const build = service.build
            ? buildSettings(service.build, context.workspace, defaults.platforms, key => `${where}.build.${key}`, problems)
            : undefined;
        const paths = service.paths?.map(glob => glob.replace(/^(\.\/)+/, ''));
        return {
            name,
            registry,
            repository: repositoryFor(registry, context, name, service.image, false),
            build,
            dependsOn: service.depends_on ?? [],
            deploy: deployTarget(service, name, config, defaults, context.workspace, where, problems),
            paths: paths ?? (build ? buildPaths(build, context.workspace) : undefined),
            redeployWith: service.redeploy_with ?? []
        };
    });
}
/**
 * A built service's default paths: everything under its build context, and its Dockerfile (which
 * may live elsewhere), as workspace-relative globs with forward slashes.
 */
function buildPaths(build, workspace) {
    const posix = (path) => path.split(external_node_path_.sep).join('/');
    const context = posix((0,external_node_path_.relative)(workspace, build.context));
    return [context ? `${context}/**` : '**', posix((0,external_node_path_.relative)(workspace, build.dockerfile))];
}
/**
 * A path from the config or an input that must stay inside the workspace; the problem (under
 * `where`) when it does not. Returns the resolved path either way, so the rest reads on.
 */
function workspacePath(value, workspace, where, problems) {
    const checked = (0,files/* confinedPath */.OR)(value, workspace, [workspace]);
    if (checked.ok)
        return { path: checked.path, inside: true };
    problems.add(where, checked.problem);
    // Only for the rest of the checks to read on: problems stop the run before anything uses it.
    return { path: (0,external_node_path_.resolve)(workspace, value), inside: false };
}
function buildSettings(build, workspace, platforms, where, problems) {
    const context = workspacePath(build.context ?? '.', workspace, where('context'), problems);
    // The default Dockerfile is checked too (a symlink named Dockerfile may point anywhere), unless
    // the context is refused already: its Dockerfile would only repeat the problem.
    const dockerfile = build.dockerfile !== undefined || context.inside
        ? workspacePath(build.dockerfile ?? (0,external_node_path_.join)(context.path, 'Dockerfile'), workspace, where('dockerfile'), problems)
        : context;
    if (context.inside && dockerfile.inside) {
        if (!(0,external_node_fs_.existsSync)(context.path)) {
            problems.add(where('context'), `directory ${context.path} does not exist`);
        }
        else if (!(0,external_node_fs_.existsSync)(dockerfile.path)) {
            problems.add(where('dockerfile'), `file ${dockerfile.path} does not exist`);
        }
    }
    return {
        context: context.path,
        dockerfile: dockerfile.path,
        target: build.target,
        args: Object.fromEntries(Object.entries(build.args ?? {}).map(([k, v]) => [k, String(v)])),
        platforms: build.platforms ?? platforms
    };
}
function deployTarget(service, name, config, defaults, workspace, where, problems) {
    const deploy = service.deploy;
    if (!deploy)
        return undefined;
    const kinds = Object.keys(deploy).filter(k => k !== 'verify' && deploy[k] !== undefined);
    if (kinds.length !== 1) {
        problems.add(`${where}.deploy`, `expected exactly one of ecs, stepfunctions, argocd, cloudformation, kubernetes, helm`);
        return undefined;
    }
    const target = targetOf(service, name, config, defaults, workspace, where, problems);
    if (!target || !deploy.verify)
        return target;
    return { ...target, verify: verifySettings(deploy.verify, `${where}.deploy.verify`, problems) };
}
function targetOf(service, name, config, defaults, workspace, where, problems) {
    const deploy = service.deploy ?? {};
    if (deploy.ecs)
        return ecsTarget(deploy.ecs, workspace, `${where}.deploy.ecs`, problems);
    if (deploy.stepfunctions) {
        return stepFunctionsTarget(deploy.stepfunctions, `${where}.deploy.stepfunctions`, problems);
    }
    if (deploy.argocd)
        return argoTarget(deploy.argocd, config, defaults, `${where}.deploy.argocd`, problems);
    if (deploy.cloudformation) {
        const stack = { service: name, environment: defaults.environment, hasImage: !!service.build };
        return cloudFormationTarget(deploy.cloudformation, stack, workspace, `${where}.deploy.cloudformation`, problems);
    }
    if (deploy.kubernetes)
        return kubernetesTarget(deploy.kubernetes);
    if (deploy.helm) {
        const env = defaults.env ?? process.env;
        return helmTarget(deploy.helm, workspace, env, `${where}.deploy.helm`, problems);
    }
    return undefined;
}
function services_timing(target) {
    return {
        timeoutMs: target.deploy_timeout === undefined ? undefined : (0,values/* parseDuration */.E9)(target.deploy_timeout),
        pollIntervalMs: target.poll_interval === undefined
            ? undefined
            : (0,values/* parseDuration */.E9)(target.poll_interval, values/* INTERVAL_RANGE */.KJ)
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
    for (const [key, wanted] of [
        ['linear', 'linear'],
        ['canary', 'canary']
    ]) {
        if (ecs[key] && strategy !== wanted)
            problems.add(`${where}.${key}`, `only used with strategy: ${wanted} (strategy is ${strategy})`);
    }
    const waitUntil = ecs.wait_until ?? 'completed';
    if (waitUntil === 'traffic_shifted' && strategy === 'rolling') {
        problems.add(`${where}.wait_until`, 'traffic_shifted needs a strategy that shifts traffic (blue_green, linear, canary, codedeploy); strategy is rolling');
    }
    if (waitUntil === 'test_traffic' && strategy !== 'codedeploy') {
        problems.add(`${where}.wait_until`, `test_traffic is for strategy: codedeploy (its test listener); strategy is ${strategy}`);
    }
    const taskDefinition = ecs.task_definition?.startsWith('arn:')
        ? ecs.task_definition
        : existingFile(ecs.task_definition, workspace, `${where}.task_definition`, problems);
    const appspec = existingFile(ecs.codedeploy?.appspec, workspace, `${where}.codedeploy.appspec`, problems);
    const containers = Array.isArray(ecs.container) ? ecs.container : [ecs.container];
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
        ...services_timing(ecs)
    };
}
function bakeMinutes(value) {
    const ms = value === undefined ? undefined : (0,values/* parseDuration */.E9)(value, values/* BAKE_RANGE */.Aw);
    return ms === undefined ? undefined : ms / 60_000;
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
        secretIntervalMs: (0,values/* parseDuration */.E9)(sfn.secret_interval ?? '3s', values/* INTERVAL_RANGE */.KJ) ?? 3000,
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
        degradedGraceMs: (0,values/* parseDuration */.E9)(argo.degraded_grace ?? '60s', values/* GRACE_RANGE */.Tb) ?? 60_000,
        ...services_timing(argo)
    };
}
function cloudFormationTarget(cfn, service, workspace, where, problems) {
    const stack = cfn.stack.replace(/\{(environment|service)\}/g, (_, key) => key === 'service' ? service.service : service.environment);
    if (!/^[A-Za-z][-A-Za-z0-9]{0,127}$/.test(stack)) {
        problems.add(`${where}.stack`, `'${stack}' is not a stack name: a letter, then letters, digits and "-", at most 128`);
    }
    const template = readableFile(cfn.template, workspace, `${where}.template`, problems);
    if (template)
        templateSizeProblem(template, cfn.template_bucket, `${where}.template`, problems);
    const overrides = `${where}.parameter_overrides_file`;
    const file = readableFile(cfn.parameter_overrides_file, workspace, overrides, problems);
    // The config's parameters win over the file's: a value written in the config is the one meant.
    const parameters = file
        ? ((0,stack_values/* readParameterFile */.C5)(file, overrides, problems) ?? {})
        : {};
    for (const [key, value] of Object.entries(cfn.parameters ?? {}))
        parameters[key] = String(value);
    const tags = Object.fromEntries(Object.entries(cfn.tags ?? {}).map(([k, v]) => [k, String(v)]));
    for (const [group, values] of [
        ['parameters', parameters],
        ['tags', tags]
    ]) {
        for (const [key, value] of Object.entries(values)) {
            const problem = (0,stack_values/* stackValueProblem */.N7)(value, service.hasImage);
            if (problem)
                problems.add(`${where}.${group}.${key}`, problem);
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
        ...services_timing(cfn)
    };
}
/**
 * A template over TemplateBody's limit needs template_bucket; one over what CloudFormation reads
 * from S3 cannot be deployed at all. Checked at INIT so the run stops before building anything.
 */
function templateSizeProblem(path, bucket, where, problems) {
    let size;
    try {
        const stats = (0,external_node_fs_.statSync)(path);
        if (!stats.isFile()) {
            problems.add(where, `${path} is not a regular file`);
            return;
        }
        size = stats.size;
    }
    catch {
        return; // readableFile has said why already
    }
    if (size > stack_values/* TEMPLATE_URL_LIMIT */.XH) {
        problems.add(where, `is ${size} bytes; CloudFormation reads templates of at most ${stack_values/* TEMPLATE_URL_LIMIT */.XH} bytes`);
    }
    else if (size > stack_values/* TEMPLATE_BODY_LIMIT */.YN && !bucket) {
        problems.add(where, `is ${size} bytes, over the ${stack_values/* TEMPLATE_BODY_LIMIT */.YN}-byte limit of a template sent inline; set template_bucket to upload it to S3`);
    }
}
function verifySettings(verify, where, problems) {
    // Placeholders stand for URLs and path parts only known after the deploy: checked with stand-ins.
    const unknown = verify.url
        .replace(stack_values/* VERIFY_PLACEHOLDER */.eb, '')
        .match(/\{[^{}]*\}/)
        ?.at(0);
    if (unknown) {
        problems.add(`${where}.url`, `unknown placeholder ${unknown}; known: {deployment_url}, {outputs.<output name>}`);
    }
    else {
        const standIn = verify.url
            .replace(/^\{(deployment_url|outputs\.[A-Za-z0-9]+)\}/, 'https://deployed.invalid')
            .replace(stack_values/* VERIFY_PLACEHOLDER */.eb, 'x');
        const problem = (0,values/* httpUrlProblem */.Hv)(standIn);
        if (problem)
            problems.add(`${where}.url`, problem);
    }
    return {
        url: verify.url,
        expectStatus: verify.expect_status ?? 200,
        contains: verify.contains,
        timeoutMs: (0,values/* parseDuration */.E9)(verify.timeout ?? '2m') ?? 120_000,
        intervalMs: (0,values/* parseDuration */.E9)(verify.interval ?? '5s', values/* INTERVAL_RANGE */.KJ) ?? 5000
    };
}
const WORKLOAD_KINDS = {
    deployment: 'Deployment',
    deployments: 'Deployment',
    deploy: 'Deployment',
    statefulset: 'StatefulSet',
    statefulsets: 'StatefulSet',
    sts: 'StatefulSet',
    daemonset: 'DaemonSet',
    daemonsets: 'DaemonSet',
    ds: 'DaemonSet'
};
function services_kubernetesPlace(config) {
    const secret = config.image_pull_secret;
    return {
        context: config.context,
        namespace: config.namespace ?? 'default',
        imagePullSecret: secret === undefined
            ? undefined
            : typeof secret === 'string'
                ? { name: secret, serviceAccount: 'default' }
                : { name: secret.name, serviceAccount: secret.service_account ?? 'default' }
    };
}
function kubernetesTarget(config) {
    const workloads = config.workloads.map(entry => {
        const slash = entry.indexOf('/');
        const kind = WORKLOAD_KINDS[entry.slice(0, slash).toLowerCase()] ?? 'Deployment';
        return { kind, name: entry.slice(slash + 1) };
    });
    return {
        kind: 'kubernetes',
        ...services_kubernetesPlace(config),
        workloads,
        container: config.container,
        rollbackOnFailure: config.rollback_on_failure ?? false,
        ...services_timing(config)
    };
}
function helmTarget(config, workspace, env, where, problems) {
    let chart = config.chart;
    if (config.repo_url === undefined) {
        // A chart in the repository: confined like every other path, and a chart directory.
        const dir = workspacePath(config.chart, workspace, `${where}.chart`, problems);
        chart = dir.path;
        if (dir.inside && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir.path, 'Chart.yaml'))) {
            problems.add(`${where}.chart`, `${dir.path} has no Chart.yaml: give a chart directory in the repository, or the chart's ` +
                'name with repo_url');
        }
    }
    else if (config.chart.startsWith('/') || config.chart.startsWith('.')) {
        problems.add(`${where}.chart`, 'with repo_url, expected the name of a chart in that repository');
    }
    if (config.version !== undefined && config.repo_url === undefined) {
        problems.add(`${where}.version`, 'only used with repo_url (a chart in the repository has its own)');
    }
    for (const [key, variable] of Object.entries(config.set_secret ?? {})) {
        if (!env[variable]) {
            problems.add(`${where}.set_secret.${key}`, `the environment variable ${variable} is not set or empty: pass it to the step, ` +
                `e.g. env: { ${variable}: \${{ secrets.${variable} }} }`);
        }
        if (config.set && key in config.set) {
            problems.add(`${where}.set_secret.${key}`, 'is also in set; give each key once');
        }
    }
    for (const [key, value] of Object.entries(config.set ?? {})) {
        if (typeof value !== 'string')
            continue;
        for (const [, name] of value.matchAll(/\{([a-z_]+)\}/g)) {
            if (!types/* HELM_PLACEHOLDERS */.Ax.includes(name)) {
                problems.add(`${where}.set.${key}`, `unknown placeholder {${name}}; expected one of ${types/* HELM_PLACEHOLDERS */.Ax.map(p => `{${p}}`).join(', ')}`);
            }
        }
    }
    const image = config.set_image;
    const setImage = image === false
        ? undefined
        : {
            repository: image?.repository === false ? undefined : (image?.repository ?? 'image.repository'),
            tag: image?.tag === false ? undefined : (image?.tag ?? 'image.tag'),
            digest: image?.digest
        };
    return {
        kind: 'helm',
        ...services_kubernetesPlace(config),
        release: config.release,
        chart,
        repoUrl: config.repo_url,
        version: config.version,
        createNamespace: config.create_namespace ?? false,
        values: (config.values ?? []).map((file, index) => existingFile(file, workspace, `${where}.values[${index}]`, problems) ?? file),
        set: config.set ?? {},
        setSecret: config.set_secret ?? {},
        setImage,
        dependencyUpdate: config.dependency_update,
        helmTimeoutMs: config.timeout === undefined ? undefined : (0,values/* parseDuration */.E9)(config.timeout),
        rollbackOnFailure: config.rollback_on_failure ?? true,
        ...services_timing(config)
    };
}
/**
 * A file the deploy reads (a template, a parameter file): its path when it is inside the
 * workspace and there, else undefined with the problem said. Nothing outside is ever opened,
 * not even to learn its size.
 */
function readableFile(value, workspace, where, problems) {
    if (value === undefined)
        return undefined;
    const file = workspacePath(value, workspace, where, problems);
    if (!file.inside)
        return undefined;
    if (!(0,external_node_fs_.existsSync)(file.path)) {
        problems.add(where, `file ${file.path} does not exist`);
        return undefined;
    }
    return file.path;
}
/**
 * A file the config names (task definition, AppSpec): inside the workspace, and there. Its path
 * either way, so the rest of the settings read on; problems stop the run before it is used.
 */
function existingFile(value, workspace, where, problems) {
    if (value === undefined)
        return undefined;
    return readableFile(value, workspace, where, problems) ?? (0,external_node_path_.resolve)(workspace, value);
}
function regionOfArn(arn) {
    return arn?.split(':')[3] || undefined;
}

;// CONCATENATED MODULE: ./src/settings/split.ts



/**
 * The inputs of a workflow split across jobs (docs/scaling.md): which phase this job runs, and
 * what the earlier jobs handed it. Checked here for presence and form; the plan itself is read
 * and checked against this job (commit, environment) when the pipeline takes it over.
 */
/** GitHub-hosted runners whose architecture matches, so no job builds under emulation. */
const DEFAULT_RUNNERS = {
    'linux/amd64': 'ubuntu-24.04',
    'linux/arm64': 'ubuntu-24.04-arm'
};
function readSplitSettings(input, configRunners, problems) {
    const phase = input.oneOf('phase', types/* PHASES */.ZG, 'all');
    const changedOnly = input.bool('changed_only', false);
    const plan = input.optional('plan');
    const service = input.optional('service');
    const platform = input.optional('platform');
    const records = input.optional('records');
    const required = (name, value, what) => {
        if (!value && !input.wasRefused(name)) {
            problems.add((0,settings_problems/* inputName */.yu)(name), `required with phase: ${phase} (${what})`);
        }
    };
    if (phase === 'build' || phase === 'deploy') {
        required('plan', plan, "the plan job's plan output");
    }
    if (phase === 'build') {
        required('service', service, "the matrix entry's service");
        required('platform', platform, "the matrix entry's platform");
    }
    if (phase === 'deploy') {
        required('records', records, "the build jobs' records: a directory or a JSON list");
    }
    if (platform && !values/* PLATFORM */.i9.test(platform)) {
        problems.add((0,settings_problems/* inputName */.yu)('platform'), `expected os/arch such as linux/arm64, got ${(0,settings_problems/* quote */.hD)(platform)}`);
    }
    const planDeploymentId = plan && (phase === 'build' || phase === 'deploy') ? deploymentIdOf(plan, problems) : undefined;
    return {
        settings: {
            phase,
            changedOnly,
            plan,
            service,
            platform,
            records,
            runners: { ...DEFAULT_RUNNERS, ...configRunners }
        },
        planDeploymentId
    };
}
/** The plan's deployment id; a plan that is not even JSON is a problem of the input. */
function deploymentIdOf(plan, problems) {
    let parsed;
    try {
        parsed = JSON.parse(plan);
    }
    catch {
        problems.add((0,settings_problems/* inputName */.yu)('plan'), 'expected the plan output of a phase: plan job, which is JSON');
        return undefined;
    }
    const id = parsed?.deploymentId;
    if (typeof id === 'string' && /^[\w.-]{1,128}$/.test(id))
        return id;
    problems.add((0,settings_problems/* inputName */.yu)('plan'), 'expected the plan output of a phase: plan job (no deploymentId)');
    return undefined;
}

;// CONCATENATED MODULE: ./src/settings/trust.ts


const PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:(\d{1,5}))?$/;
/** `trusted_hosts` entries -> patterns; a malformed entry is a problem, never a silent no-op. */
function parseTrustedHosts(entries, problems) {
    const patterns = [];
    for (const entry of entries) {
        const match = PATTERN.exec(entry.toLowerCase());
        const port = match?.[7] === undefined ? undefined : Number(match[7]);
        if (!match || (port !== undefined && (port < 1 || port > 65535))) {
            problems.add((0,settings_problems/* inputName */.yu)('trusted_hosts'), `expected host[:port] or *.domain[:port] without a scheme, got '${entry}'`);
            continue;
        }
        const wildcard = match[1] !== undefined;
        patterns.push({ host: wildcard ? `.${match[2]}` : match[2], wildcard, port });
    }
    return patterns;
}
function hostMatches(pattern, endpoint) {
    if (pattern.port !== undefined && pattern.port !== endpoint.port)
        return false;
    return pattern.wildcard ? endpoint.host.endsWith(pattern.host) : endpoint.host === pattern.host;
}
/** host[:port] of a URL, the scheme's port when none is written; undefined when not a URL. */
function urlEndpoint(url) {
    if (!URL.canParse(url))
        return undefined;
    const parsed = new URL(url);
    const plain = parsed.protocol === 'http:';
    const port = parsed.port ? Number(parsed.port) : plain ? 80 : 443;
    return { host: parsed.hostname.toLowerCase(), port, plain };
}
/** A registry's `host[:port]`; plain HTTP registries default to 80. */
function registryEndpoint(host, insecure) {
    const colon = host.lastIndexOf(':');
    const port = colon > 0 && !host.endsWith(']') ? Number(host.slice(colon + 1)) : undefined;
    const name = port === undefined ? host : host.slice(0, colon);
    return { host: name.toLowerCase(), port: port ?? (insecure ? 80 : 443), plain: insecure };
}
function display(endpoint) {
    return `${endpoint.host}:${endpoint.port}`;
}
/** Adds a problem for every credential the settings would send where the rules above forbid. */
function checkCredentialRoutes(facts, problems) {
    const patterns = parseTrustedHosts(facts.trustedHosts, problems);
    const trusted = (endpoint, named) => (0,hosts/* isLoopbackHost */.c)(endpoint.host) ||
        (named !== undefined && named.host === endpoint.host && named.port === endpoint.port) ||
        patterns.some(pattern => hostMatches(pattern, endpoint));
    const configKey = (key) => `${facts.config?.name ?? 'config'}: ${key}`;
    // Services sharing a server or registry would repeat the same problem.
    const reported = new Set();
    const add = (key, problem) => {
        if (reported.has(`${key}: ${problem}`))
            return;
        reported.add(`${key}: ${problem}`);
        problems.add(key, problem);
    };
    const serviceConfig = (name) => facts.config?.value.services.find(([n]) => n === name)?.[1];
    if (facts.registryPassword) {
        const named = namedRegistry(facts.registryInput);
        for (const service of facts.services) {
            const registry = service.registry;
            if (!service.build || registry.kind !== 'host')
                continue;
            const endpoint = registryEndpoint(registry.host, registry.insecure);
            const inputEndpoint = named ? registryEndpoint(named, registry.insecure) : undefined;
            if (trusted(endpoint, inputEndpoint))
                continue;
            const key = serviceConfig(service.name)?.registry
                ? configKey(`services.${service.name}.registry`)
                : configKey('registry');
            add(key, untrustedHost('registry_password', display(endpoint), 'registry'));
        }
    }
    if (facts.argocdToken) {
        const named = facts.argocdServerInput ? urlEndpoint(facts.argocdServerInput) : undefined;
        const top = facts.config?.value.argocd;
        for (const service of facts.services) {
            const target = service.deploy;
            if (target?.kind !== 'argocd' || !target.server)
                continue;
            const own = serviceConfig(service.name)?.deploy?.argocd;
            const serverKey = own?.server
                ? configKey(`services.${service.name}.deploy.argocd.server`)
                : top?.server
                    ? configKey('argocd.server')
                    : (0,settings_problems/* inputName */.yu)('argocd_server');
            const endpoint = urlEndpoint(target.server);
            if (endpoint && !trusted(endpoint, named)) {
                add(serverKey, untrustedHost('argocd_token', display(endpoint), 'argocd_server'));
            }
            if (endpoint?.plain && !(0,hosts/* isLoopbackHost */.c)(endpoint.host) && !facts.argocdInsecureInput) {
                add(serverKey, plainHttp('argocd_token', endpoint, 'argocd_insecure'));
            }
            // The target's value is the service's own, else the config's top level, else the input.
            const insecureKey = own?.insecure !== undefined
                ? `services.${service.name}.deploy.argocd.insecure`
                : 'argocd.insecure';
            if (target.insecure && !facts.argocdInsecureInput) {
                add(configKey(insecureKey), 'not taken from the config while argocd_token is given (a config from a fork could ' +
                    'turn off the TLS check the token relies on): set the argocd_insecure input to true instead');
            }
        }
    }
    const slack = urlEndpoint(facts.slackApiUrl);
    if (facts.slackBotToken && slack?.plain && !(0,hosts/* isLoopbackHost */.c)(slack.host)) {
        add((0,settings_problems/* inputName */.yu)('slack_api_url'), plainHttp('slack_bot_token', slack));
    }
}
function plainHttp(credential, endpoint, insecureInput) {
    const allow = insecureInput ? `, or set the ${insecureInput} input to true` : '';
    return `plain HTTP would send ${credential} unencrypted to ${display(endpoint)}: use https${allow}`;
}
function untrustedHost(credential, host, input) {
    return (`would receive ${credential} at ${host}, a host that only the config names (a config can ` +
        `come from a fork): name it in the ${input} input, or add it to the trusted_hosts input`);
}
/** The host of the `registry` input when it names one (not ghcr or ecr). */
function namedRegistry(spec) {
    if (!spec || spec === 'ghcr' || spec === 'ecr')
        return undefined;
    const slash = spec.indexOf('/');
    return slash === -1 ? spec : spec.slice(0, slash);
}

;// CONCATENATED MODULE: ./src/settings/index.ts
















const DEFAULT_CONFIG = '.github/deploy.yml';
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/**
 * Reads every input and the deploy config once, validates all of it, and returns the readonly
 * settings. On any problem it throws one INVALID_INPUT DeployError listing every problem; nothing
 * outside this process has been touched by then (files and git are only read).
 */
async function readSettings(core, env = process.env) {
    const problems = new settings_problems/* Problems */.Zw();
    const input = new inputs/* InputReader */.i(core, problems);
    // Secrets first, so that nothing below can print one before it is masked.
    const githubToken = input.token('github_token');
    // A registry password may be a multi-line JSON key (Google Artifact Registry's _json_key).
    const registryPassword = input.secret('registry_password', { multiline: true });
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
        problems.add((0,settings_problems/* inputName */.yu)('create_release'), 'needs create_tag: true (a release is made of a tag)');
    }
    if (createRelease && !githubToken) {
        problems.add((0,settings_problems/* inputName */.yu)('create_release'), 'needs github_token to create the GitHub Release');
    }
    const versionInput = input.text('version');
    const version = versionInput ? tryNormaliseVersion(versionInput) : undefined;
    if (versionInput && !version) {
        problems.add((0,settings_problems/* inputName */.yu)('version'), `expected X.Y.Z (optionally with a leading v), got ${(0,settings_problems/* quote */.hD)(versionInput)}`);
    }
    const bump = input.oneOf('bump', types/* BUMPS */.ou, 'auto');
    const dryRun = input.bool('dry_run', false);
    const preflight = input.bool('preflight', true);
    const rollback = readRollback(input, context.eventName, githubToken, problems);
    const registryInsecure = input.bool('registry_insecure', false);
    const argocdInsecure = input.bool('argocd_insecure', false);
    const config = readConfig(input, context.workspace, environment, problems);
    const timezoneInput = input.text('timezone');
    const timezone = timezoneInput || config?.value.timezone || 'UTC';
    if (!(0,values/* isValidTimezone */._j)(timezone)) {
        // Named where it was set: the input, or the config key (an environment's own, if that won).
        const where = timezoneInput || !config
            ? (0,settings_problems/* inputName */.yu)('timezone')
            : `${config.name}: ${config.value.timezoneKey}`;
        problems.add(where, `expected an IANA time zone such as Asia/Seoul, got ${(0,settings_problems/* quote */.hD)(timezone)}`);
    }
    const gate = readGate(config?.value.gate, environment, {
        wanted: input.bool('override_gate', false),
        reason: input.text('override_reason'),
        actor: context.actor
    }, {
        config: config?.name ?? 'config',
        overrideGate: (0,settings_problems/* inputName */.yu)('override_gate'),
        reason: (0,settings_problems/* inputName */.yu)('override_reason')
    }, problems);
    if (gate?.promoteFrom !== undefined && gate.promoteFrom !== environment && !githubToken) {
        problems.add(`${config?.name ?? 'config'}: environments.${environment}.promote_from`, 'needs github_token to read what the environment it promotes from ran');
    }
    const platforms = readPlatforms(input, config?.value, problems);
    const registrySpec = readRegistryInput(input, core, problems) || config?.value.registry || 'ghcr';
    const registry = parseRegistry(registrySpec, context, registryInsecure);
    const defaultRegistry = registry ?? parseRegistry('ghcr', context, false);
    let services;
    if (config) {
        services = servicesFromConfig(config.value, config.name, context, {
            registry: defaultRegistry,
            registryInsecure,
            platforms,
            argocdServer: input.absoluteUrl('argocd_server'),
            argocdInsecure,
            environment,
            env
        }, problems);
        checkGraph(services, config.name, problems);
        checkRedeployWith(services, config.name, problems);
        // helm set_secret values come from the step's environment, not only from `secrets.` (which the
        // runner masks itself): an earlier step's output or a fetched secret is masked here, before
        // DEPLOY, or helm failing on it, could print it.
        for (const service of services) {
            if (service.deploy?.kind !== 'helm')
                continue;
            for (const variable of Object.values(service.deploy.setSecret)) {
                input.mask(env[variable] ?? '');
            }
        }
    }
    else {
        services = singleService(input, context, defaultRegistry, platforms, problems);
    }
    const images = readImageSettings(input, registryPassword);
    if (images.registryPassword && !images.registryUsername) {
        problems.add((0,settings_problems/* inputName */.yu)('registry_username'), 'required when registry_password is set');
    }
    const notify = readNotifySettings(input, config?.value, {
        slackBotToken,
        slackWebhookUrl,
        discordWebhookUrl,
        webhookUrl
    }, problems);
    const eventsFile = readEventsFile(input, context, config?.realPath, problems);
    const split = readSplitSettings(input, config?.value.runners ?? {}, problems);
    const deploy = {
        timeoutMs: input.durationMs('deploy_timeout', 30 * 60_000),
        pollIntervalMs: input.optionalDurationMs('poll_interval'),
        argocdToken,
        kubeconfig: readKubeconfig(input, context, problems)
    };
    checkCredentialRoutes({
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
    }, problems);
    problems.throwIfAny();
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
    });
}
/**
 * `false` (or empty) means no rollback. A rollback is a person's decision under pressure, so it is
 * taken only from a workflow_dispatch (or a local run), never from a push or a schedule, and it
 * reads the history from GitHub Deployments, so it needs the token.
 */
function readRollback(input, eventName, githubToken, problems) {
    const value = input.text('rollback');
    if (!value || value === 'false')
        return undefined;
    if (!/^[\w.+-]{1,128}$/.test(value)) {
        problems.add((0,settings_problems/* inputName */.yu)('rollback'), `expected false, previous, a git tag or a deployment id, got ${(0,settings_problems/* quote */.hD)(value)}`);
        return undefined;
    }
    if (eventName !== 'workflow_dispatch') {
        problems.add((0,settings_problems/* inputName */.yu)('rollback'), `is taken only on workflow_dispatch, not on ${eventName}`);
    }
    if (!githubToken) {
        problems.add((0,settings_problems/* inputName */.yu)('rollback'), 'needs github_token to read the deployment history');
    }
    return value;
}
function readEnvironment(input, eventName, problems) {
    const value = input.text('environment');
    if (!value) {
        if (eventName === 'schedule' || input.wasRefused('environment'))
            return 'dev';
        problems.add((0,settings_problems/* inputName */.yu)('environment'), 'required: dev, stage or prod (only a schedule run defaults to dev)');
        return 'dev';
    }
    if (types/* ENVIRONMENTS */.ju.includes(value))
        return value;
    problems.add((0,settings_problems/* inputName */.yu)('environment'), `expected one of dev, stage, prod, got ${(0,settings_problems/* quote */.hD)(value)}`);
    return 'dev';
}
function readConfig(input, workspace, environment, problems) {
    const given = input.text('config');
    if (!given && (input.wasRefused('config') || !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(workspace, DEFAULT_CONFIG)))) {
        return undefined;
    }
    // Checked before it is opened: a config symlinked out of the workspace is never read.
    const checked = (0,files/* confinedPath */.OR)(given || DEFAULT_CONFIG, workspace, [workspace]);
    if (!checked.ok) {
        problems.add(given ? (0,settings_problems/* inputName */.yu)('config') : DEFAULT_CONFIG, checked.problem);
        return undefined;
    }
    const path = checked.path;
    const name = (0,external_node_path_.relative)(workspace, path) || path;
    const value = loadConfig(checked.real, name, environment, problems);
    return value ? { path, realPath: checked.real, name, value } : undefined;
}
/**
 * events_file: inside the workspace or RUNNER_TEMP, and never a file of value (see
 * eventsFileProblem). Empty: a file of its own under RUNNER_TEMP.
 */
function readEventsFile(input, context, configRealPath, problems) {
    const fallback = (0,external_node_path_.join)(context.tempDir, `deploy-pipeline-${process.pid}-events.ndjson`);
    const given = input.text('events_file');
    if (!given)
        return fallback;
    const checked = (0,files/* confinedPath */.OR)(given, context.workspace, [context.workspace, context.tempDir]);
    const problem = checked.ok ? (0,files/* eventsFileProblem */.xk)(checked.real, configRealPath) : checked.problem;
    if (problem)
        problems.add((0,settings_problems/* inputName */.yu)('events_file'), problem);
    return checked.ok ? checked.path : fallback;
}
/**
 * kubeconfig: inside the workspace or RUNNER_TEMP (azure/k8s-set-context writes there), like
 * events_file. Only the input is confined: KUBECONFIG and ~/.kube/config are the workflow's own
 * environment (aws eks update-kubeconfig writes the latter).
 */
function readKubeconfig(input, context, problems) {
    const given = input.text('kubeconfig');
    if (!given)
        return undefined;
    const checked = (0,files/* confinedPath */.OR)(given, context.workspace, [context.workspace, context.tempDir]);
    if (!checked.ok) {
        problems.add((0,settings_problems/* inputName */.yu)('kubeconfig'), checked.problem);
        return undefined;
    }
    if (!(0,external_node_fs_.existsSync)(checked.path)) {
        problems.add((0,settings_problems/* inputName */.yu)('kubeconfig'), `file ${checked.path} does not exist`);
    }
    return checked.path;
}
/**
 * The registry input. Credentials in it (`user:pass@host`) are masked and refused, never echoed:
 * they belong in registry_username and registry_password.
 */
function readRegistryInput(input, core, problems) {
    const spec = input.text('registry');
    if (!spec)
        return '';
    const problem = (0,values/* registryProblem */.T7)(spec);
    if (!problem)
        return spec;
    if (spec.includes('@')) {
        core.setSecret(spec);
        const credentials = spec.slice(0, spec.lastIndexOf('@')).replace(/^[a-z]+:\/\//i, '');
        if (credentials)
            core.setSecret(credentials);
        const password = credentials.slice(credentials.indexOf(':') + 1);
        if (credentials.includes(':') && password)
            core.setSecret(password);
        problems.add((0,settings_problems/* inputName */.yu)('registry'), problem);
    }
    else {
        problems.add((0,settings_problems/* inputName */.yu)('registry'), `${problem}, got ${(0,settings_problems/* quote */.hD)(spec)}`);
    }
    return '';
}
function readPlatforms(input, config, problems) {
    const fromInput = input.list('platforms');
    const platforms = fromInput.length > 0 ? fromInput : [...(config?.platforms ?? DEFAULT_PLATFORMS)];
    for (const platform of fromInput) {
        if (!values/* PLATFORM */.i9.test(platform)) {
            problems.add((0,settings_problems/* inputName */.yu)('platforms'), `expected os/arch such as linux/arm64, got ${(0,settings_problems/* quote */.hD)(platform)}`);
        }
    }
    return platforms;
}
function singleService(input, context, registry, platforms, problems) {
    const image = input.text('image');
    if (!image)
        return [];
    if (image.length > 256 ||
        !/^[a-z0-9]+([._/-][a-z0-9]+)*$/i.test(image) ||
        /[.:]/.test(image.split('/')[0] ?? '')) {
        problems.add((0,settings_problems/* inputName */.yu)('image'), `expected a repository name such as my-app (put the host in registry), got ${(0,settings_problems/* quote */.hD)(image)}`);
    }
    const dockerfile = input.optional('dockerfile');
    const build = buildSettings({ context: input.text('context') || '.', dockerfile }, context.workspace, platforms, settings_problems/* inputName */.yu, problems);
    const name = image.split('/').pop().toLowerCase();
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
    ];
}
function checkGraph(services, configName, problems) {
    for (const problem of (0,service_graph/* deployLayers */.Mp)(services).problems) {
        const { key, message } = (0,service_graph/* describeGraphProblem */.DM)(problem);
        problems.add(`${configName}: ${key}`, message);
    }
}
/** redeploy_with names services of this config, and never the service itself. */
function checkRedeployWith(services, configName, problems) {
    const known = new Set(services.map(s => s.name));
    for (const service of services) {
        for (const other of service.redeployWith ?? []) {
            const key = `${configName}: services.${service.name}.redeploy_with`;
            if (other === service.name)
                problems.add(key, 'names the service itself');
            else if (!known.has(other)) {
                problems.add(key, `names '${other}', which is not a service in this config`);
            }
        }
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
    if (slackChannel && !SLACK_ID.test(slackChannel)) {
        problems.add((0,settings_problems/* inputName */.yu)('slack_channel'), `expected a channel ID such as C0123ABCD, got ${(0,settings_problems/* quote */.hD)(slackChannel)}`);
    }
    if (secrets.slackBotToken && !slackChannel && !input.wasRefused('slack_channel')) {
        problems.add((0,settings_problems/* inputName */.yu)('slack_channel'), 'required with slack_bot_token (the channel ID of the status card)');
    }
    return {
        ...secrets,
        slackChannel,
        slackApiUrl: withTrailingSlash(input.absoluteUrl('slack_api_url') ?? 'https://slack.com/api/'),
        slackUsers: { ...(config?.slackUsers ?? {}), ...readUserMap(input, problems) },
        notifyUser: readNotifyUser(input, problems),
        discordMention: readDiscordMention(input, problems),
        strict: input.bool('notify_strict', false)
    };
}
function readUserMap(input, problems) {
    const text = input.text('slack_users');
    if (!text)
        return {};
    const name = (0,settings_problems/* inputName */.yu)('slack_users');
    // The same bounded parser as the config: an alias bomb in an input is no better.
    const loaded = (0,yaml/* loadBoundedYaml */.J)(text, name, keys => `${name}: ${keys.join('.')}`, problems);
    if (!loaded)
        return {};
    const value = loaded.value;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value);
        if (entries.every(([, v]) => typeof v === 'string' && SLACK_ID.test(v))) {
            return Object.fromEntries(entries);
        }
    }
    problems.add((0,settings_problems/* inputName */.yu)('slack_users'), 'expected a mapping of GitHub login to Slack user ID, e.g. {octocat: U0123ABCD}');
    return {};
}
function readDiscordMention(input, problems) {
    const mention = input.optional('discord_mention');
    if (mention && !/^\d{5,25}$/.test(mention)) {
        problems.add((0,settings_problems/* inputName */.yu)('discord_mention'), `expected a Discord user ID (digits), got ${(0,settings_problems/* quote */.hD)(mention)}`);
    }
    return mention;
}
/** A Slack user ID, or an e-mail address (at most 254 characters, as SMTP allows). */
function readNotifyUser(input, problems) {
    const user = input.optional('notify_user');
    if (user && !SLACK_ID.test(user) && !(user.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(user))) {
        problems.add((0,settings_problems/* inputName */.yu)('notify_user'), `expected a Slack user ID such as U0123ABCD or an e-mail address, got ${(0,settings_problems/* quote */.hD)(user)}`);
    }
    return user;
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


/** Longer than any input has a use for (a slack_users map included); bounds all that follows. */
const MAX_INPUT_LENGTH = 64 * 1024;
/**
 * Lines of a multi-line secret shorter than this are not masked on their own: a JSON key's `{`
 * or `}` would mask every brace in the log, and a line that short gives little away by itself.
 */
const MIN_MASKED_LINE = 4;
/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
class InputReader {
    core;
    problems;
    refused = new Set();
    constructor(core, problems) {
        this.core = core;
        this.problems = problems;
    }
    /**
     * The trimmed value; empty when the input is not text at all (a lone surrogate, a control
     * character, a length past any use), which is reported once and is then read as not given.
     */
    text(name) {
        const value = this.core.getInput(name).trim();
        const problem = textProblem(value);
        if (!problem)
            return value;
        this.refuse(name, problem);
        return '';
    }
    optional(name) {
        return this.text(name) || undefined;
    }
    /** True when the input was given but refused by `text`: then it is not also "required". */
    wasRefused(name) {
        return this.refused.has(name);
    }
    /**
     * Tokens, passwords and webhook URLs: masked before anything else can print them, whole and
     * line by line (the runner masks a value only as a whole, so one line of a two-line secret
     * printed alone would show). Only `multiline` secrets may hold a line break: a registry
     * password may be a JSON key file; a token never is, and one with a line break is two pasted
     * together or a header injection waiting to happen.
     */
    secret(name, options = {}) {
        const value = this.core.getInput(name).trim();
        if (!value)
            return undefined;
        this.mask(value);
        // Said without the value, which is secret.
        const problem = value.length > MAX_INPUT_LENGTH
            ? `longer than ${MAX_INPUT_LENGTH} characters`
            : _values_js__WEBPACK_IMPORTED_MODULE_1__/* .LONE_SURROGATE */ .uG.test(value) || _values_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_CHARACTER */ .gW.test(value.replace(/\t/g, ''))
                ? 'contains characters that are not text'
                : /[\r\n]/.test(value) && !options.multiline
                    ? 'contains a line break; a token is a single line'
                    : undefined;
        if (!problem)
            return value;
        this.refuse(name, problem);
        return undefined;
    }
    /**
     * A token whose action.yml default is an expression (`${{ github.token }}`). The runner
     * evaluates it; a host that does not (@github/local-action, an env file copied from a
     * workflow) passes the expression itself, and that is no token, not one to send.
     */
    token(name) {
        if (/^\$\{\{[\s\S]*\}\}$/.test(this.core.getInput(name).trim()))
            return undefined;
        return this.secret(name);
    }
    bool(name, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        const parsed = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(value);
        if (parsed === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected true or false, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
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
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected one of ${allowed.join(', ')}, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
        return fallback;
    }
    /** A timeout (1 s to 24 h unless `range` says otherwise). */
    durationMs(name, fallbackMs, range = _values_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMEOUT_RANGE */ .Ee) {
        const value = this.text(name);
        if (!value)
            return fallbackMs;
        const ms = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(value, range);
        if (ms === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected ${(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .durationExpected */ .fv)(range)}, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
            return fallbackMs;
        }
        return ms;
    }
    /** An interval (at least 1 s), when given. */
    optionalDurationMs(name, range = _values_js__WEBPACK_IMPORTED_MODULE_1__/* .INTERVAL_RANGE */ .KJ) {
        return this.text(name) ? this.durationMs(name, 0, range) : undefined;
    }
    /** Comma- or newline-separated list. */
    list(name) {
        return this.text(name)
            .split(/[,\n]/)
            .map(item => item.trim())
            .filter(item => item !== '');
    }
    /** Masks a secret that is not an input, whole and line by line as `secret` does. */
    mask(value) {
        const secret = value.trim();
        if (!secret)
            return;
        this.core.setSecret(secret);
        const lines = secret.split(/\r\n|\r|\n/);
        for (const line of lines.length > 1 ? lines : []) {
            if (line.trim().length >= MIN_MASKED_LINE)
                this.core.setSecret(line.trim());
        }
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
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), 'must not carry a user name or password; pass credentials through their own input');
            return undefined;
        }
        const problem = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .httpUrlProblem */ .Hv)(value);
        if (!problem) {
            // A receiver's error page often echoes the path alone; the path is the secret part.
            if (options.secret && url && url.pathname.length + url.search.length > 8) {
                this.core.setSecret(url.pathname + url.search);
            }
            return value;
        }
        // Never echo a secret URL back, even in an error.
        const shown = options.secret ? '(hidden)' : (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value);
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `${problem}, got ${shown}`);
        return undefined;
    }
    refuse(name, problem) {
        this.refused.add(name);
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), problem);
    }
}
/** What makes an input value unusable as text, or undefined. */
function textProblem(value) {
    if (value.length > MAX_INPUT_LENGTH)
        return `longer than ${MAX_INPUT_LENGTH} characters`;
    if (_values_js__WEBPACK_IMPORTED_MODULE_1__/* .LONE_SURROGATE */ .uG.test(value))
        return 'contains a lone UTF-16 surrogate, which is not text';
    if (_values_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_CHARACTER */ .gW.test(value)) {
        return `contains a control character, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`;
    }
    return undefined;
}


/***/ }),

/***/ 1477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   yu: () => (/* binding */ inputName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** More than this many lines and the rest are counted, not listed: a log is read by people. */
const SHOWN_PROBLEMS = 50;
/** Keys and values come from files and inputs we do not control; no line may run on forever. */
const WHERE_LENGTH = 300;
const PROBLEM_LENGTH = 1200;
/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
class Problems {
    lines = [];
    hidden = 0;
    /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
    add(where, problem) {
        // Both halves may carry text from the config (a key, a value): escaped, so that no line break
        // or control character reaches the log, and shortened, so that no line is megabytes long.
        const line = `${printable(where, WHERE_LENGTH)}: ${printable(problem, PROBLEM_LENGTH)}`;
        if (this.lines.includes(line))
            return;
        if (this.lines.length < SHOWN_PROBLEMS)
            this.lines.push(line);
        else
            this.hidden += 1;
    }
    get count() {
        return this.lines.length + this.hidden;
    }
    get all() {
        return this.lines;
    }
    throwIfAny() {
        if (this.count === 0)
            return;
        const noun = this.count === 1 ? 'problem' : 'problems';
        const shown = this.hidden > 0 ? [...this.lines, `(${this.hidden} more not shown)`] : this.lines;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `${this.count} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
            shown.map(line => `  - ${line}`).join('\n'), { details: shown.join('\n') });
    }
}
function inputName(name) {
    return `input '${name}'`;
}
/**
 * A value from a file or an input, shown in a problem: quoted, escaped and cut to a short
 * excerpt, so a bad value can be recognised without the log carrying all of it.
 */
function quote(value, max = 80) {
    return `'${printable(value, max)}'`;
}
// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
const UNPRINTABLE = 
// eslint-disable-next-line no-control-regex -- finding control characters is the point
/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function printable(text, max) {
    const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text;
    return cut.replace(UNPRINTABLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/***/ 5092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ readParameterFile),
/* harmony export */   N7: () => (/* binding */ stackValueProblem),
/* harmony export */   XH: () => (/* binding */ TEMPLATE_URL_LIMIT),
/* harmony export */   YN: () => (/* binding */ TEMPLATE_BODY_LIMIT),
/* harmony export */   eb: () => (/* binding */ VERIFY_PLACEHOLDER)
/* harmony export */ });
/* unused harmony exports STACK_VALUE_PLACEHOLDERS, placeholdersIn */
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6990);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5918);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1477);



/**
 * The values a CloudFormation deploy fills in at deploy time, and the parameter overrides file.
 * Shared by the settings (which check the names at INIT) and the target (which fills them in).
 */
/** Placeholders a stack parameter or tag value may use; known once the images are pushed. */
const STACK_VALUE_PLACEHOLDERS = [
    'image_uri',
    'image_tag',
    'version',
    'environment',
    'commit'
];
/** Placeholders a verify URL may use: what the service's deploy reported. */
const VERIFY_PLACEHOLDER = /\{(deployment_url|outputs\.[A-Za-z0-9]{1,255})\}/g;
/** Every {name} in a text, in order. */
function placeholdersIn(text) {
    return [...text.matchAll(/\{([^{}]*)\}/g)].map(match => match[1]);
}
/** TemplateBody's limit: a bigger template goes through S3 (template_bucket). */
const TEMPLATE_BODY_LIMIT = 51_200;
/** The largest template CloudFormation reads from S3 (CreateChangeSet, TemplateURL). */
const TEMPLATE_URL_LIMIT = 460_800;
/**
 * A parameter overrides file: a mapping of name to value, the AWS CLI's list of
 * {ParameterKey, ParameterValue}, or CodePipeline's template configuration ({Parameters: {...}}).
 * Values become strings, as CloudFormation takes them. Undefined (with problems) when the file is
 * none of these.
 */
function readParameterFile(path, where, problems) {
    const file = (0,_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readSmallTextFile */ .L$)(path);
    if (!file.ok) {
        problems.add(where, `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(path, 200)} ${file.problem}`);
        return undefined;
    }
    const loaded = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .loadBoundedYaml */ .J)(file.text, where, keys => `${where}: ${keys.join('.')}`, problems);
    if (!loaded)
        return undefined;
    const document = loaded.value;
    const entries = Array.isArray(document)
        ? document.map(item => (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(item) ? [item.ParameterKey, item.ParameterValue] : [undefined, undefined])
        : (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(document) &&
            Object.keys(document).length === 1 &&
            (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(document.Parameters)
            ? Object.entries(document.Parameters)
            : (0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(document)
                ? Object.entries(document)
                : [];
    if (!Array.isArray(document) && !(0,_yaml_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(document)) {
        problems.add(where, 'expected a mapping of parameter names to values');
        return undefined;
    }
    const parameters = {};
    let valid = true;
    for (const [key, value] of entries) {
        if (typeof key !== 'string' || !/^[A-Za-z0-9]{1,255}$/.test(key)) {
            problems.add(where, 'expected parameter names of letters and digits (a mapping, or a list of ParameterKey ' +
                `and ParameterValue), got ${typeof key === 'string' ? (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(key) : 'an entry without ParameterKey'}`);
            valid = false;
            continue;
        }
        if (!['string', 'number', 'boolean'].includes(typeof value)) {
            problems.add(`${where}: ${key}`, 'expected a string, number or boolean');
            valid = false;
            continue;
        }
        parameters[key] = String(value);
    }
    return valid ? parameters : undefined;
}
/**
 * What is wrong with a stack value's placeholders, or undefined: an unknown name, or {image_uri}
 * on a service that builds no image.
 */
function stackValueProblem(value, hasImage) {
    for (const name of placeholdersIn(value)) {
        if (!STACK_VALUE_PLACEHOLDERS.includes(name)) {
            return `unknown placeholder {${name}}; known: ${STACK_VALUE_PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`;
        }
        if (name === 'image_uri' && !hasImage) {
            return 'uses {image_uri}, but the service builds no image (add build, or use {image_tag})';
        }
    }
    return undefined;
}


/***/ }),

/***/ 1664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ HELM_PLACEHOLDERS),
/* harmony export */   ZG: () => (/* binding */ PHASES),
/* harmony export */   ju: () => (/* binding */ ENVIRONMENTS),
/* harmony export */   ou: () => (/* binding */ BUMPS)
/* harmony export */ });
/* unused harmony export STACK_CAPABILITIES */
/**
 * The one readonly, validated settings object. Everything the run needs from inputs, the config
 * file and the environment is here, already checked; nothing downstream reads inputs again.
 */
const ENVIRONMENTS = ['dev', 'stage', 'prod'];
const BUMPS = ['major', 'minor', 'patch', 'auto'];
const PHASES = ['all', 'plan', 'build', 'deploy'];
const STACK_CAPABILITIES = (/* unused pure expression or super */ null && ([
    'CAPABILITY_IAM',
    'CAPABILITY_NAMED_IAM',
    'CAPABILITY_AUTO_EXPAND'
]));
/** What a helm `set` value may name: `{image_tag}` becomes the tag being deployed. */
const HELM_PLACEHOLDERS = [
    'image_repository',
    'image_tag',
    'image_digest',
    'image_uri',
    'version',
    'environment'
];


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ BAKE_RANGE),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ee: () => (/* binding */ TIMEOUT_RANGE),
/* harmony export */   Hv: () => (/* binding */ httpUrlProblem),
/* harmony export */   KJ: () => (/* binding */ INTERVAL_RANGE),
/* harmony export */   T7: () => (/* binding */ registryProblem),
/* harmony export */   Tb: () => (/* binding */ GRACE_RANGE),
/* harmony export */   _j: () => (/* binding */ isValidTimezone),
/* harmony export */   fv: () => (/* binding */ durationExpected),
/* harmony export */   gW: () => (/* binding */ CONTROL_CHARACTER),
/* harmony export */   i9: () => (/* binding */ PLATFORM),
/* harmony export */   oC: () => (/* binding */ UTC_NAMES),
/* harmony export */   r8: () => (/* binding */ normaliseVersion),
/* harmony export */   uG: () => (/* binding */ LONE_SURROGATE),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports DURATION_EXPECTED, hostProblem, REGISTRY_PATTERN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Parsers and checks of input values, shared by inputs, the config file and the plan. */
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const SECOND = 1000;
const HOUR = 3_600_000;
/** deploy_timeout, build_timeout, push_timeout. */
const TIMEOUT_RANGE = { minMs: SECOND, maxMs: 24 * HOUR };
/** poll_interval, secret_interval: how often something outside is asked. */
const INTERVAL_RANGE = { minMs: SECOND, maxMs: HOUR };
/** ECS bake times (step_bake, bake): whole minutes, 0 to 24 h. */
const BAKE_RANGE = { minMs: 0, maxMs: 24 * HOUR, stepMs: 60_000 };
/** degraded_grace: may be short, never past the longest deploy. */
const GRACE_RANGE = { minMs: 1, maxMs: 24 * HOUR };
/**
 * "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined when it is not
 * a duration or falls outside `range`. Exponents, `.inf`, `NaN` and signs are not durations.
 */
function parseDuration(value, range = TIMEOUT_RANGE) {
    let ms;
    if (typeof value === 'number') {
        ms = value * SECOND;
    }
    else {
        // Not trimmed: inputs arrive trimmed, and a config value with a line break is not a duration.
        const match = DURATION.exec(value);
        if (!match)
            return undefined;
        const unit = { ms: 1, s: SECOND, m: 60_000, h: HOUR }[match[2] ?? 's'] ?? SECOND;
        ms = Number(match[1]) * unit;
    }
    if (!Number.isFinite(ms) || ms < range.minMs || ms > range.maxMs)
        return undefined;
    if (range.stepMs !== undefined && Math.round(ms) % range.stepMs !== 0)
        return undefined;
    return Math.round(ms);
}
/** What a duration in `range` looks like, for the problem when it is not one. */
function durationExpected(range = TIMEOUT_RANGE) {
    return `a duration such as 90s, 10m or 1h (a bare number is seconds), from ${formatRange(range.minMs)} to ${formatRange(range.maxMs)}`;
}
const DURATION_EXPECTED = durationExpected();
function formatRange(ms) {
    if (ms < SECOND)
        return `${ms}ms`;
    return ms % HOUR === 0 ? `${ms / HOUR}h` : `${ms / SECOND}s`;
}
/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return undefined;
}
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** X.Y.Z as semver reads it: numbers without leading zeros, each a safe integer. */
const VERSION = /^v?((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))$/;
/**
 * Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. Checked here rather than by the semver package,
 * which builds some forty regular expressions when it loads, on every run.
 */
function normaliseVersion(version) {
    const match = VERSION.exec(version.trim());
    if (match === null || !match.slice(2).every(part => Number.isSafeInteger(Number(part)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`);
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
/** A lone UTF-16 surrogate: text that has no UTF-8 form, so no API would receive it intact. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Control characters (C0, DEL, C1) other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * A DNS host name (RFC 1123) with an optional port 1-65535, as in a registry or a URL: at most 253
 * characters, labels of at most 63. Returns what is wrong, or undefined when it is fine.
 */
function hostProblem(hostPort) {
    const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    const host = match?.[1] ?? '';
    const port = match?.[2];
    if (host.length === 0 || host.length > 253)
        return 'expected a host name of 1 to 253 characters';
    if (host.split('.').some(label => label.length === 0 || label.length > 63)) {
        return 'expected a host name made of labels of 1 to 63 characters';
    }
    if (port !== undefined && !/^\d{1,5}$/.test(port))
        return 'expected a port from 1 to 65535';
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
        return 'expected a port from 1 to 65535';
    }
    return undefined;
}
const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/;
/**
 * What is wrong with a registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`), or undefined.
 * Credentials are refused without repeating the value: it would print the password.
 */
function registryProblem(spec) {
    if (spec.includes('@')) {
        return 'must not carry credentials (user:password@host); give them in the registry_username and registry_password inputs';
    }
    if (spec.length > 512 || !REGISTRY_PATTERN.test(spec)) {
        return 'expected ghcr, ecr or host[:port][/namespace] in lower case';
    }
    if (spec === 'ghcr' || spec === 'ecr')
        return undefined;
    return hostProblem(spec.split('/', 1)[0] ?? '');
}
/**
 * What is wrong with an http(s) URL from the config or an input, or undefined. Said without the
 * value where the value may be a password.
 */
function httpUrlProblem(value) {
    if (value.length > 2048)
        return 'expected a URL of at most 2048 characters';
    // The URL parser drops tabs and line breaks silently; what is sent must be what was written.
    if (/\s/.test(value) || CONTROL_CHARACTER.test(value)) {
        return 'expected a URL without spaces or control characters';
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'expected an http(s) URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return 'expected an http(s) URL';
    if (url.username || url.password)
        return 'expected a URL without a user name or password';
    return hostProblem(url.port ? `${url.hostname}:${url.port}` : url.hostname);
}


/***/ }),

/***/ 6990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ loadBoundedYaml),
/* harmony export */   Q: () => (/* binding */ isPlainObject)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1477);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(535);



/**
 * Limits on what a YAML text may become. js-yaml shares an aliased value rather than copying it,
 * so `&a [*b, *b, …]` a few levels deep loads in a millisecond, and a cycle loads at all; but
 * everything that walks the result afterwards (the schema, the environment merge, the JSON of a
 * Step Functions input) expands it. So the loaded value is walked once here, aliases counted
 * each time they are used, and refused beyond these bounds, with the key path where it happened.
 */
const MAX_VALUES = 20_000;
const MAX_TEXT = 2 * 1024 * 1024;
const MAX_DEPTH = 64;
/**
 * What aliases may expand to while parsing (see aliasBudget): above the walk's bound, so that a
 * bomb is usually refused by the walk, which names its key, and this only stops the parser.
 */
const MAX_ALIAS_EXPANSION = 8 * MAX_TEXT;
/** A number written in a form a deploy config has no use for; reported with its key path. */
class RefusedNumber {
    text;
    constructor(text) {
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
// YAML 1.2's float forms (js-yaml's own pattern); those with an exponent, .inf or .nan are kept
// as written, to be refused by the walk below, where the key path is known.
const FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PLAIN_FLOAT = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const strictFloat = new js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .Type */ .ZU('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data) => data !== null && FLOAT.test(data),
    construct: (data) => (PLAIN_FLOAT.test(data) ? Number(data) : new RefusedNumber(data)),
    instanceOf: RefusedNumber
});
// Replaces the float type in place; merge keys, timestamps and the rest stay as they were.
const SCHEMA = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SCHEMA */ .my.extend({ implicit: [strictFloat] });
/**
 * Parses one YAML document within the bounds above. Problems (syntax with line and column, or
 * the key path of a cycle, an alias bomb, a refused number or text) go to `problems`; the
 * result is undefined when there was any.
 */
function loadBoundedYaml(text, displayName, locate, problems) {
    let value;
    try {
        value = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .load */ .Hh)(text, { filename: displayName, schema: SCHEMA, listener: aliasBudget() });
    }
    catch (error) {
        if (error instanceof AliasBudgetExceeded) {
            problems.add(`${displayName}: line ${error.line}`, error.message);
            return undefined;
        }
        if (!(error instanceof js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLException */ .tB))
            throw error;
        // The reason only: the exception's own message quotes the file around the error.
        const line = error.mark ? error.mark.line + 1 : secondDocumentLine(text);
        const column = error.mark ? `, column ${error.mark.column + 1}` : '';
        const where = line ? `${displayName}: line ${line}${column}` : displayName;
        problems.add(where, `YAML syntax: ${error.reason}`);
        return undefined;
    }
    return checkTree(value, locate, problems) ? { value } : undefined;
}
class AliasBudgetExceeded extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
/**
 * Counts what YAML aliases expand to while the parser runs, and stops it past a bound. The walk
 * after the parse is not enough on its own: js-yaml itself turns a list used as a key into one
 * string, so `? [*s, *s, …]` with a long `&s` would build hundreds of megabytes before the walk.
 * An alias is the one node the parser closes without a kind.
 */
function aliasBudget() {
    const sizes = new WeakMap();
    let expanded = 0;
    const sizeOf = (value, depth, line) => {
        if (typeof value === 'string')
            return value.length + 1;
        if (value === null || typeof value !== 'object')
            return 1;
        const known = sizes.get(value);
        if (known !== undefined)
            return known;
        if (depth > MAX_DEPTH) {
            throw new AliasBudgetExceeded(`YAML aliases nest more than ${MAX_DEPTH} levels deep`, line);
        }
        // Counted once while it is measured: an alias inside its own anchor (a cycle, refused by
        // the walk) must not measure it without end.
        sizes.set(value, 1);
        let total = 1;
        for (const [key, child] of Object.entries(value)) {
            total += key.length + sizeOf(child, depth + 1, line);
            if (total > MAX_ALIAS_EXPANSION)
                break;
        }
        sizes.set(value, total);
        return total;
    };
    return (event, state) => {
        if (event !== 'close' || state.kind !== null || state.result == null)
            return;
        expanded += sizeOf(state.result, 0, state.line + 1);
        if (expanded > MAX_ALIAS_EXPANSION) {
            throw new AliasBudgetExceeded(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} characters (an alias bomb?)`, state.line + 1);
        }
    };
}
/**
 * js-yaml reports a second document without a position; this finds the line it starts on: the
 * first content after a `...` end marker, or a `---` marker after the first document's content.
 */
function secondDocumentLine(text) {
    let content = false;
    let ended = false;
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
        const line = lines[index] ?? '';
        if (/^---(\s|$)/.test(line)) {
            if (content || ended)
                return index + 1;
            content = true;
        }
        else if (/^\.\.\.(\s|$)/.test(line)) {
            ended = true;
        }
        else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
            if (ended)
                return index + 1;
            content = true;
        }
    }
    return undefined;
}
/** Walks the loaded value once, aliases expanded; false (with the problems) when it is refused. */
function checkTree(root, locate, problems) {
    let values = 0;
    let characters = 0;
    let refused = 0;
    const open = new Set();
    const refuse = (path, problem) => {
        problems.add(locate(path), problem);
        refused += 1;
    };
    const countText = (path, text) => {
        characters += text.length;
        if (characters > MAX_TEXT) {
            refuse(path, `more than ${MAX_TEXT} characters of text, YAML aliases expanded`);
            return false;
        }
        if (_values_js__WEBPACK_IMPORTED_MODULE_2__/* .LONE_SURROGATE */ .uG.test(text))
            refuse(path, 'contains a lone UTF-16 surrogate, which is not text');
        return true;
    };
    // Returns false to stop the whole walk: past a bound, or at a cycle.
    const visit = (value, path) => {
        values += 1;
        if (values > MAX_VALUES) {
            refuse(path, `more than ${MAX_VALUES} values, counting an alias each time it is used`);
            return false;
        }
        if (path.length > MAX_DEPTH) {
            refuse(path, `nested more than ${MAX_DEPTH} levels deep`);
            return false;
        }
        if (typeof value === 'string')
            return countText(path, value);
        if (value instanceof RefusedNumber) {
            refuse(path, `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(value.text)}: write a plain number (no exponent, .inf or .nan)`);
            return true;
        }
        if (typeof value === 'number') {
            if (!Number.isFinite(value))
                refuse(path, 'expected a finite number');
            return true;
        }
        // undefined: an empty document.
        if (value == null || typeof value === 'boolean' || value instanceof Date)
            return true;
        if (!Array.isArray(value) && !isPlainObject(value)) {
            refuse(path, 'a YAML type a deploy config does not use (such as !!binary)');
            return true;
        }
        if (open.has(value)) {
            refuse(path, 'a YAML alias that refers to a value containing it (a cycle)');
            return false;
        }
        open.add(value);
        const entries = Array.isArray(value)
            ? value.map((item, index) => [String(index), item])
            : Object.entries(value);
        for (const [key, child] of entries) {
            const childPath = [...path, key];
            if (!Array.isArray(value) && !countText(childPath, key))
                return false;
            if (key === '__proto__')
                refuse(childPath, 'a reserved key');
            if (!visit(child, childPath))
                return false;
        }
        open.delete(value);
        return true;
    };
    visit(root, []);
    return refused === 0;
}
function isPlainObject(value) {
    if (value === null || typeof value !== 'object')
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}


/***/ })

};

//# sourceMappingURL=9743.index.js.map