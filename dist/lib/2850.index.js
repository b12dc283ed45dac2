export const id = 2850;
export const ids = [2850];
export const modules = {

/***/ 2850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeployPhase: () => (/* binding */ runDeployPhase)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/settings/service-graph.ts
var service_graph = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/targets/catalog.ts
const TARGETS = {
    ecs: {
        defaultPollMs: 5000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7039)]).then(__webpack_require__.bind(__webpack_require__, 7039))).deploy
    },
    stepfunctions: {
        defaultPollMs: 2000,
        load: async () => (await __webpack_require__.e(/* import() */ 9434).then(__webpack_require__.bind(__webpack_require__, 9434))).deploy
    },
    argocd: {
        defaultPollMs: 5000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(4639)]).then(__webpack_require__.bind(__webpack_require__, 4639))).deploy
    },
    cloudformation: {
        defaultPollMs: 5000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(1497), __webpack_require__.e(5759)]).then(__webpack_require__.bind(__webpack_require__, 5759))).deploy
    },
    // The watch notices the end as it happens; the interval paces only the looks after a watch broke.
    kubernetes: {
        defaultPollMs: 2000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(1485), __webpack_require__.e(288)]).then(__webpack_require__.bind(__webpack_require__, 288))).deploy
    },
    helm: {
        defaultPollMs: 2000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(1485), __webpack_require__.e(288), __webpack_require__.e(5888)]).then(__webpack_require__.bind(__webpack_require__, 5888))).deploy
    }
};

// EXTERNAL MODULE: ./src/phases/deadline.ts
var deadline = __webpack_require__(6958);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/settings/stack-values.ts
var stack_values = __webpack_require__(5092);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/phases/verify.ts




/** Enough of a body to find `contains` in a health page, not a download. */
const BODY_LIMIT = 64 * 1024;
async function verifyDeployment(service, verify, deployed, context) {
    const url = verifyUrl(service, verify.url, deployed);
    const expected = `HTTP ${verify.expectStatus}${verify.contains ? ` containing '${verify.contains}'` : ''}`;
    let last;
    await (0,follow/* follow */.e6)({
        describe: `the verify check of ${service} (${url})`,
        intervalMs: verify.intervalMs,
        timeoutMs: verify.timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        look: async (signal) => {
            last = await ask(url, verify.expectStatus, signal);
            if ('status' in last && passes(last, verify))
                return { done: true, value: last.status };
            return {
                done: false,
                progress: `verify: ${url} ${describeAnswer(last)} (expected ${expected})`
            };
        },
        onProgress: message => context.progress(message)
    }).catch(error => {
        if (!(error instanceof errors.DeployError) || error.code !== 'TIMEOUT')
            throw error;
        throw new errors.DeployError('HEALTH_CHECK_FAILED', `Verify of ${service} failed: ${url} did not answer ${expected} within ` +
            `${(0,follow/* formatDuration */.a3)(verify.timeoutMs)}; ${last ? `the last answer was ${describeAnswer(last)}` : 'no answer came'}`, { cause: error });
    });
    context.progress(`verified: ${url} answered ${expected}`, { verify: { url, passed: true } });
}
/** The URL with what the deploy reported filled in: {deployment_url}, {outputs.Name}. */
function verifyUrl(service, template, deployed) {
    const url = template.replace(stack_values/* VERIFY_PLACEHOLDER */.eb, (placeholder, name) => {
        const value = name === 'deployment_url' ? deployed.deploymentUrl : deployed.outputs?.[name.slice(8)];
        if (value !== undefined)
            return value;
        const reported = Object.keys(deployed.outputs ?? {}).join(', ') || 'none';
        throw new errors.DeployError('INVALID_INPUT', `services.${service}.deploy.verify.url uses ${placeholder}, but the deploy of ${service} ` +
            (name === 'deployment_url'
                ? 'reported no deployment URL'
                : `reported no such output (its outputs: ${reported})`));
    });
    const problem = (0,values/* httpUrlProblem */.Hv)(url);
    if (problem) {
        throw new errors.DeployError('INVALID_INPUT', `services.${service}.deploy.verify.url is '${url}' once filled in: ${problem}`);
    }
    return url;
}
async function ask(url, expectStatus, signal) {
    try {
        // A redirect is followed unless it is what the check expects.
        const redirect = expectStatus >= 300 && expectStatus < 400 ? 'manual' : 'follow';
        const response = await fetch(url, { signal, redirect });
        return { status: response.status, body: await readStart(response) };
    }
    catch (error) {
        // The follower's own deadline or the run's cancel: not an answer, the end of the check.
        if (signal.aborted)
            throw error;
        const cause = error.cause;
        const detail = typeof cause?.message === 'string' ? cause.message : (0,errors/* errorMessage */.gJ)(error);
        return { error: detail };
    }
}
function passes(answer, verify) {
    return (answer.status === verify.expectStatus &&
        (verify.contains === undefined || answer.body.includes(verify.contains)));
}
/** Up to BODY_LIMIT bytes of the body as text; the rest is not read. */
async function readStart(response) {
    const reader = response.body?.getReader();
    if (!reader)
        return '';
    const chunks = [];
    let size = 0;
    try {
        while (size < BODY_LIMIT) {
            const { done, value } = await reader.read();
            if (done)
                break;
            chunks.push(value);
            size += value.length;
        }
    }
    finally {
        await reader.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8');
}
/** `HTTP 503: "Service Unavailable"`: the body's start, on one line and escaped. */
function describeAnswer(answer) {
    if ('error' in answer)
        return `no answer (${answer.error})`;
    const text = answer.body.replace(/\s+/g, ' ').trim();
    const excerpt = text.length > 120 ? `${text.slice(0, 117)}...` : text;
    return `HTTP ${answer.status}${excerpt ? `: ${JSON.stringify(excerpt)}` : ''}`;
}

;// CONCATENATED MODULE: ./src/phases/deploy.ts





const loadTarget = kind => TARGETS[kind].load();
/**
 * DEPLOY: layers in order, the services of a layer in parallel. A failed service stops the
 * services that depend on it; the others still deploy, and every failure is reported.
 */
async function runDeployPhase(ctx, load = loadTarget) {
    const services = new Map(ctx.plan.services.map(s => [s.name, s]));
    const failures = new Map();
    const skipped = new Set();
    const urls = new Map();
    const reports = new Map();
    for (const layer of ctx.plan.layers) {
        const runnable = layer.filter(name => !skipped.has(name));
        await Promise.all(runnable.map(async (name) => {
            const service = services.get(name);
            try {
                const outcome = await deployService(ctx, service, load);
                if (outcome?.deploymentUrl)
                    urls.set(name, outcome.deploymentUrl);
                if (outcome?.outputs)
                    reports.set(name, outcome.outputs);
                // Its dependents are in later layers: they start only once this check has passed.
                const verify = service.deploy?.verify;
                if (outcome && verify)
                    await verifyDeployment(name, verify, outcome, progressOf(ctx, name));
            }
            catch (error) {
                const failure = (0,errors/* asDeployError */.y0)(error, 'DEPLOY_FAILED');
                failures.set(name, failure);
                ctx.bus.emit({
                    type: 'error',
                    stage: 'DEPLOY',
                    service: name,
                    message: failure.message,
                    error_code: failure.code,
                    error_details: failure.details
                });
                for (const dependent of (0,service_graph/* dependentsOf */.yk)(ctx.plan.services, name)) {
                    if (skipped.has(dependent))
                        continue;
                    skipped.add(dependent);
                    ctx.bus.emit({
                        type: 'info',
                        stage: 'DEPLOY',
                        service: dependent,
                        message: `not deployed: it depends on ${name}, which failed`
                    });
                }
            }
        }));
        // Cancellation ends the run at once; later layers must not start.
        ctx.signal.throwIfAborted();
    }
    // The run's address is the one nearest the user: the last service in deploy order with one
    // (a web UI that depends on the API), whichever finished first.
    const order = ctx.plan.layers.flat().reverse();
    const front = order.find(name => urls.has(name));
    if (front)
        ctx.state.deploymentUrl = urls.get(front);
    Object.assign(ctx.state.outputs, targetOutputs(reports, urls));
    if (failures.size > 0)
        throw summariseFailures(failures, skipped);
}
async function deployService(ctx, service, load) {
    const target = service.deploy;
    if (!target)
        return undefined;
    const imageUri = service.image ? ctx.state.images[service.name] : undefined;
    if (service.image && !imageUri) {
        throw new errors.DeployError('DEPLOY_FAILED', `no pushed image is known for ${service.name}`);
    }
    const deploy = await load(target.kind);
    const timeoutMs = target.timeoutMs ?? ctx.settings.deploy.timeoutMs;
    const context = {
        timeoutMs,
        pollIntervalMs: target.pollIntervalMs ??
            ctx.settings.deploy.pollIntervalMs ??
            TARGETS[target.kind].defaultPollMs,
        progress: (message, data) => ctx.bus.emit({ type: 'progress', stage: 'DEPLOY', service: service.name, message, data }),
        info: message => ctx.bus.emit({ type: 'info', stage: 'DEPLOY', service: service.name, message }),
        warning: message => {
            ctx.core.warning(`${service.name}: ${message}`);
            ctx.bus.emit({
                type: 'info',
                stage: 'DEPLOY',
                service: service.name,
                message: `warning: ${message}`
            });
        },
        output: block => ctx.bus.aside(block)
    };
    ctx.bus.emit({
        type: 'progress',
        stage: 'DEPLOY',
        service: service.name,
        message: `deploying${imageUri ? ` ${imageUri}` : ''} (${target.kind})`
    });
    const request = {
        service,
        target,
        imageUri,
        plan: ctx.plan,
        settings: ctx.settings,
        // Loaded on first use: only a target that makes a pull secret needs the registry code.
        ...(service.image
            ? {
                pullCredentials: async () => (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293)]).then(__webpack_require__.bind(__webpack_require__, 7293))).pullCredentials(ctx, service)
            }
            : {})
    };
    const outcome = await (0,deadline/* withServiceDeadline */.Go)(ctx.signal, timeoutMs, signals => deploy(request, { ...context, ...signals }));
    if (outcome.deploymentUrl && !ctx.state.deploymentUrl)
        ctx.state.deploymentUrl = outcome.deploymentUrl;
    ctx.bus.emit({
        type: 'progress',
        stage: 'DEPLOY',
        service: service.name,
        message: `deployed${outcome.deploymentUrl ? `: ${outcome.deploymentUrl}` : ''}`,
        ...(outcome.deploymentUrl ? { deployment_url: outcome.deploymentUrl } : {})
    });
    return outcome;
}
function progressOf(ctx, service) {
    return {
        signal: ctx.signal,
        progress: (message, data) => ctx.bus.emit({ type: 'progress', stage: 'DEPLOY', service, message, data })
    };
}
/**
 * What the targets reported, as outputs: `deployments` maps each service to its URL and
 * outputs; a key only one service reports (a single ECS service's task_definition_arn) is also
 * an output of its own, since with several services a flat key would say nothing of whose it is.
 */
function targetOutputs(reports, urls) {
    const names = [...new Set([...reports.keys(), ...urls.keys()])];
    if (names.length === 0)
        return {};
    const deployments = Object.fromEntries(names.map(name => [
        name,
        { ...(urls.has(name) ? { deployment_url: urls.get(name) } : {}), ...reports.get(name) }
    ]));
    const flat = {};
    const counts = new Map();
    for (const outputs of reports.values()) {
        for (const key of Object.keys(outputs))
            counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const outputs of reports.values()) {
        for (const [key, value] of Object.entries(outputs))
            if (counts.get(key) === 1)
                flat[key] = value;
    }
    return { ...flat, deployments: JSON.stringify(deployments) };
}
/** One error for the run: the first failure's code, every failure and skip in the details. */
function summariseFailures(failures, skipped) {
    const [firstName, first] = [...failures.entries()][0];
    const lines = [...failures.entries()].map(([name, e]) => `${name}: ${e.code}: ${e.message}`);
    if (skipped.size > 0)
        lines.push(`not deployed: ${[...skipped].join(', ')}`);
    const message = failures.size === 1
        ? `${firstName}: ${first.message}`
        : `${failures.size} services failed to deploy`;
    return new errors.DeployError(first.code, message, { details: lines.join('\n'), cause: first });
}


/***/ }),

/***/ 9355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ FIRST_MINUTE),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e6: () => (/* binding */ follow),
/* harmony export */   uG: () => (/* binding */ waitEnded)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






/** What the ECS, CodeDeploy and Step Functions waits use: 1 s looks for the first minute. */
const FIRST_MINUTE = { intervalMs: 1000, periodMs: 60_000 };
async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    let quickLooks = 0;
    let quickLook = false;
    // When the next regular look is due: one interval after the previous regular look started.
    let regularAt = started;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            if (!quickLook)
                regularAt = lookStarted + options.intervalMs;
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            }).catch((error) => {
                // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
                // out, whichever timer noticed first (on an injected clock the deadline's own timer may
                // be far off). A verdict the look reached (a DeployError) stands.
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError);
                throw ranOut ? timeoutError(options) : error;
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            const changed = look.progress !== undefined && look.progress !== lastProgress;
            if (changed) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const quickAt = lookStarted + (options.young?.intervalMs ?? options.intervalMs);
            quickLook =
                quickAt < regularAt &&
                    young(options, lookStarted - started, quickLooks) &&
                    (look.moved ?? changed);
            if (quickLook)
                quickLooks++;
            const wait = (quickLook ? quickAt : regularAt) - now();
            await sleep(Math.min(Math.max(0, wait), Math.max(0, deadline - now())), signal);
            if (now() >= deadline)
                throw timeoutError(options);
        }
    };
    try {
        // Never abandoned: the loop is ours and stops at its next sleep or look once its signal fires
        // (each look is abandoned by the retry helper when it ignores the signal).
        const timedOut = () => timeoutError(options);
        return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_4__/* .withDeadline */ .NE)(options.signal, options.timeoutMs, timedOut, lookUntilDone, {
            graceMs: Infinity
        });
    }
    catch (error) {
        throw waitEnded(error, options.signal, options.describe);
    }
}
/**
 * What a wait throws when it stops: an enclosing deadline (the service's deploy_timeout, the
 * phase's) is a TIMEOUT saying what was being waited for, caused by that deadline so it keeps it;
 * a cancel is CANCELLED; anything else is the wait's own error. Shared by every wait that does not
 * go through follow() alone (the Argo CD watch).
 */
function waitEnded(error, signal, describe) {
    const reason = signal?.reason;
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ }),

/***/ 6390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ readRetryAfter),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dU: () => (/* binding */ AttemptTimeoutError),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   eV: () => (/* binding */ describeRetry),
/* harmony export */   fe: () => (/* binding */ classifyError),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   qY: () => (/* binding */ asRecord)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4506);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3083);




/** A retry as one log line, the same for every client: what, why, and how long until the next try. */
function describeRetry(retry) {
    const throttled = retry.throttled ? ' (throttled)' : '';
    return `${retry.describe}: ${retry.reason}${throttled}; trying again in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(retry.delayMs)}`;
}
/** Thrown by adapters that learn from a body rather than a status that a call may be retried. */
class RetryableError extends Error {
    retryAfterMs;
    throttled;
    constructor(message, options = {}) {
        super(message);
        this.name = 'RetryableError';
        this.retryAfterMs = options.retryAfterMs;
        this.throttled = options.throttled ?? false;
    }
}
/** An attempt that ran past attemptTimeoutMs. */
class AttemptTimeoutError extends Error {
    constructor(describe, ms) {
        super(`${describe} did not answer within ${Math.round(ms / 1000)} s`);
        this.name = 'AttemptTimeoutError';
    }
}
async function withRetry(operation, options) {
    const attempts = options.attempts ?? 5;
    const baseDelayMs = options.baseDelayMs ?? 500;
    const maxDelayMs = options.maxDelayMs ?? 20_000;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .y;
    const random = options.random ?? Math.random;
    const attemptTimedOut = () => new AttemptTimeoutError(options.describe, attemptTimeoutMs);
    for (let attempt = 1;; attempt++) {
        options.signal?.throwIfAborted();
        try {
            // Abandoned at its timeout or a cancel even when the client ignores its signal, so a hung
            // call cannot hang the run.
            return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .withDeadline */ .NE)(options.signal, attemptTimeoutMs, attemptTimedOut, operation);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw stoppedDuring(options.signal.reason ?? error, options);
            const decision = options.classify?.(error) ?? classifyError(error);
            if (!decision.retry || attempt >= attempts)
                throw error;
            const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random();
            if (decision.retryAfterMs !== undefined && decision.retryAfterMs > maxRetryAfterMs)
                throw error;
            const delayMs = Math.max(backoff, decision.retryAfterMs ?? 0);
            options.onRetry?.({
                describe: options.describe,
                attempt,
                delayMs: Math.round(delayMs),
                reason: decision.reason ?? describeError(error),
                throttled: decision.throttled ?? false
            });
            try {
                await sleep(delayMs, options.signal);
            }
            catch (error) {
                // Cancelled while waiting: surface the canceller's reason, not the timer's AbortError.
                throw options.signal?.reason ?? error;
            }
        }
    }
}
/**
 * What a deadline that fired during an attempt ends the call with: its own TIMEOUT, naming the
 * call it found waiting (the server that hung), and caused by it, so that the deadline keeps it.
 */
function stoppedDuring(reason, options) {
    if (!(reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError) || reason.code !== 'TIMEOUT')
        return reason;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${reason.message}: ${options.describe} had not answered`, {
        cause: reason
    });
}
const THROTTLING_NAMES = new Set([
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'ProvisionedThroughputExceededException',
    'SlowDown',
    'LimitExceededException'
]);
const TRANSIENT_NAMES = new Set([
    'AttemptTimeoutError',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'InternalServerError',
    'InternalServiceError',
    'InternalServiceErrorException',
    'ServerException'
]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED'
]);
/** The default judgement: HTTP status, AWS error names, network error codes, Retry-After. */
function classifyError(error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbortError */ .zf)(error))
        return { retry: false };
    if (error instanceof RetryableError) {
        return {
            retry: true,
            throttled: error.throttled,
            retryAfterMs: error.retryAfterMs,
            reason: error.message
        };
    }
    const e = asRecord(error);
    const name = typeof e.name === 'string' ? e.name : '';
    const retryAfterMs = readRetryAfter(error);
    const throttlingFlag = asRecord(e.$retryable).throttling === true;
    if (THROTTLING_NAMES.has(name) || throttlingFlag) {
        return { retry: true, throttled: true, retryAfterMs, reason: `throttled (${name})` };
    }
    const status = httpStatus(error);
    if (status === 429)
        return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 429' };
    if (status === 403 && (retryAfterMs !== undefined || rateLimitExhausted(error))) {
        return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 403 rate limited' };
    }
    if (status !== undefined && (status >= 500 || status === 408)) {
        return { retry: true, retryAfterMs, reason: `HTTP ${status}` };
    }
    if (TRANSIENT_NAMES.has(name))
        return { retry: true, reason: describeError(error) };
    const code = networkCode(error);
    if (code)
        return { retry: true, reason: `connection error ${code}` };
    if (status !== undefined)
        return { retry: false };
    // Connection dropped mid-answer: the AWS SDK and fetch report these without a status.
    const message = typeof e.message === 'string' ? e.message : '';
    if (/socket hang up|fetch failed|other side closed|ECONNRESET/i.test(message)) {
        return { retry: true, reason: message };
    }
    return { retry: false };
}
function httpStatus(error) {
    const e = asRecord(error);
    const candidates = [
        e.status,
        e.statusCode,
        asRecord(e.$metadata).httpStatusCode,
        asRecord(e.response).status,
        asRecord(e.$response).statusCode
    ];
    for (const candidate of candidates) {
        if (typeof candidate === 'number' && candidate >= 100)
            return candidate;
    }
    return undefined;
}
function networkCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current; depth++) {
        const code = asRecord(current).code;
        if (typeof code === 'string' && NETWORK_CODES.has(code))
            return code;
        current = asRecord(current).cause;
    }
    return undefined;
}
/** Retry-After in seconds or as an HTTP date, from any of the places clients keep headers. */
function readRetryAfter(error) {
    const e = asRecord(error);
    const headerBags = [
        e.headers,
        asRecord(e.response).headers,
        asRecord(e.$response).headers,
        asRecord(asRecord(e.response).data).headers
    ];
    for (const bag of headerBags) {
        const value = headerValue(bag, 'retry-after');
        if (value === undefined)
            continue;
        const parsed = parseRetryAfter(value);
        if (parsed !== undefined)
            return parsed;
    }
    return undefined;
}
function parseRetryAfter(value, now = Date.now()) {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
function rateLimitExhausted(error) {
    const e = asRecord(error);
    const bags = [e.headers, asRecord(e.response).headers];
    return bags.some(bag => headerValue(bag, 'x-ratelimit-remaining') === '0');
}
/** A header from any of the shapes clients keep headers in (a Headers object or a plain record). */
function headerValue(bag, name) {
    if (!bag)
        return undefined;
    if (typeof bag.get === 'function') {
        return bag.get(name) ?? undefined;
    }
    for (const [key, value] of Object.entries(bag)) {
        if (key.toLowerCase() === name) {
            if (Array.isArray(value))
                return String(value[0]);
            if (value !== undefined && value !== null)
                return String(value);
        }
    }
    return undefined;
}
function describeError(error) {
    const e = asRecord(error);
    const name = typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : '';
    return `${name}${typeof e.message === 'string' ? e.message : String(error)}`;
}
/** The value as a record to read fields from, or an empty one. */
function asRecord(value) {
    return value !== null && typeof value === 'object' ? value : {};
}


/***/ }),

/***/ 3083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

/** Waits `ms`, ending early (with an AbortError) when the signal fires. */
async function sleep(ms, signal) {
    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : undefined);
}


/***/ })

};

//# sourceMappingURL=2850.index.js.map