export const id = 6260;
export const ids = [6260];
export const modules = {

/***/ 6260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ savedLogin),
/* harmony export */   N6: () => (/* binding */ authFile),
/* harmony export */   ZS: () => (/* binding */ loginRegistry),
/* harmony export */   ar: () => (/* binding */ CREDENTIALS_REFUSED),
/* harmony export */   k0: () => (/* binding */ authDirectory),
/* harmony export */   kA: () => (/* binding */ pushRefusedMessage),
/* harmony export */   pP: () => (/* binding */ ensureAuthFile),
/* harmony export */   removeRegistryAuth: () => (/* binding */ removeRegistryAuth)
/* harmony export */ });
/* unused harmony export loginArgs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2573);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6390);





function authDirectory(tempDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempDir, 'deploy-pipeline-registry-auth');
}
function authFile(tempDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(authDirectory(tempDir), 'config.json');
}
/** Login argv: the password is never in it. Pure. */
function loginArgs(tool, login, file) {
    if (tool === 'docker')
        return ['login', '--username', login.username, '--password-stdin', login.host];
    const args = ['login', '--authfile', file, '--username', login.username, '--password-stdin'];
    if (login.insecure)
        args.push('--tls-verify=false');
    return [...args, login.host];
}
/** Builder or login output that means the registry refused the credentials or the access. */
const CREDENTIALS_REFUSED = /unauthorized|\b40[13]\b|forbidden|insufficient_scope|authentication required|incorrect username or password|invalid username\/password|denied/i;
/**
 * The per-job auth file, empty when no login writes to it: a registry without authentication (a
 * `registry:2` service container, a mirror) is pushed to anonymously, and the builders still
 * find the file they are pointed at (buildah refuses a missing `--authfile`; buildx gets its
 * DOCKER_CONFIG). A login adds its entry to this file; an existing file is left as it is.
 */
async function ensureAuthFile(tempDir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(authDirectory(tempDir), { recursive: true, mode: 0o700 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(authFile(tempDir), '{"auths":{}}\n', { flag: 'wx', mode: 0o600 }).catch((error) => {
        if (error.code !== 'EEXIST')
            throw error;
    });
}
/** The REGISTRY_AUTH_FAILED sentence for a refused push: the registry, then the permission. */
function pushRefusedMessage(refusal) {
    const status = refusal.status ? ` (HTTP ${refusal.status})` : '';
    const refused = `${refusal.host} refused the push of ${refusal.repository}:${refusal.tag}${status}`;
    switch (refusal.kind) {
        case 'ghcr':
            return (`${refused}: github_token needs packages: write (add \`permissions: packages: write\` to the ` +
                "job; a package that already exists must also give this repository write access in the package's settings).");
        case 'ecr':
            return (`${refused}: the AWS role needs ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ` +
                `ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on ${refusal.repository}.`);
        case 'host':
            return refusal.anonymous
                ? `${refused}: it takes no anonymous push; set registry_username and registry_password.`
                : `${refused}: the registry_username account needs push permission on ${refusal.repository}.`;
    }
}
async function loginRegistry(tool, login, tempDir, options = {}) {
    const file = authFile(tempDir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(authDirectory(tempDir), { recursive: true, mode: 0o700 });
    const env = { ...process.env, DOCKER_CONFIG: authDirectory(tempDir), REGISTRY_AUTH_FILE: file };
    await (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(async (signal) => {
        const result = await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)(tool, loginArgs(tool, login, file), {
            stdin: login.password,
            env,
            signal
        });
        if (result.exitCode === 0)
            return;
        const output = result.tail.join('\n');
        if (CREDENTIALS_REFUSED.test(output)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('REGISTRY_AUTH_FAILED', `${login.host} rejected the credentials of ${login.username}: check registry_username ` +
                'and registry_password (GHCR: the token needs packages: write).', { details: output });
        }
        throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .RetryableError */ .dw(`${tool} login to ${login.host} failed: ${output}`);
    }, {
        describe: `${tool} login ${login.host}`,
        attempts: options.attempts ?? 3,
        baseDelayMs: 1000,
        signal: options.signal,
        classify: error => (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError ? { retry: false } : undefined)
    }).catch((error) => {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `Cannot log in to ${login.host}.`, {
            details: error instanceof Error ? error.message : String(error),
            cause: error
        });
    });
}
/** The credentials a login saved for `host` in the per-job auth file, if there are any. */
async function savedLogin(tempDir, host) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(authFile(tempDir), 'utf8').catch(() => '');
    let saved;
    try {
        saved = JSON.parse(text).auths?.[host]?.auth;
    }
    catch {
        return undefined;
    }
    if (typeof saved !== 'string')
        return undefined;
    const decoded = Buffer.from(saved, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/** Logs out of every registry and removes the credentials. Safe to call when nothing was made. */
async function removeRegistryAuth(tempDir) {
    const directory = authDirectory(tempDir);
    const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(directory).then(() => true, () => false);
    if (!exists)
        return;
    const file = authFile(tempDir);
    // Best effort: the file is removed below either way, the logout only tidies helper state.
    await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)('buildah', ['logout', '--authfile', file, '--all'], {
        signal: AbortSignal.timeout(15_000)
    }).catch(() => undefined);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(directory, { recursive: true, force: true });
}


/***/ }),

/***/ 2573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runCommand),
/* harmony export */   g: () => (/* binding */ commandWorks)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

async function runCommand(command, args, options = {}) {
    const keep = options.tailLines ?? 30;
    const tail = [];
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['pipe', 'pipe', 'pipe']
    });
    const onAbort = () => {
        child.kill('SIGTERM');
        // A builder that ignores SIGTERM (mid-layer commit) still has to go.
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (stream) => {
        let partial = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
            const lines = (partial + chunk).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines)
                record(line);
        });
        stream.on('end', () => {
            if (partial)
                record(partial);
        });
    };
    const record = (line) => {
        tail.push(line);
        if (tail.length > keep)
            tail.shift();
        options.onLine?.(line);
    };
    collect(child.stdout);
    collect(child.stderr);
    child.stdin.on('error', () => undefined); // a child that exits before reading stdin
    child.stdin.end(options.stdin ?? '');
    try {
        const exitCode = await new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
        });
        if (options.signal?.aborted)
            throw options.signal.reason ?? new Error('aborted');
        return { exitCode, tail };
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
    }
}
/** True when `command` can be started and exits 0 (a probe: `buildah --version`). */
async function commandWorks(command, args) {
    try {
        const result = await runCommand(command, args, { signal: AbortSignal.timeout(15_000) });
        return result.exitCode === 0;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   Ts: () => (/* binding */ STOP_GRACE_MS)
/* harmony export */ });
/* unused harmony exports MAX_TIMER_MS, startTimer */
/**
 * After a cancel or a missed deadline, how long a phase may take to stop what it started (stop a
 * CodeDeploy deployment with rollback, stop an execution) before the run reports without it. The
 * runner leaves 7.5 s between its SIGINT and its SIGTERM.
 */
const STOP_GRACE_MS = 5000;
/** The longest delay a Node timer holds: a longer one fires at once (with a warning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Runs `work` until it settles or `ms` pass, whichever comes first: the one "timer + abort + race
 * + cleanup" every deadline in the action goes through (a phase, one service's deploy, one build
 * or push, a wait, one attempt of a call). The work's signal fires at the deadline, with
 * `onTimeout()` as its reason, and when `signal` (the run's cancel) fires. Once the deadline has
 * passed, and nothing cancelled the work first, any failure of the work is the deadline's: the
 * AbortError or half-finished command it left behind is only the way it stopped. The exception is
 * a failure caused by the deadline's own reason (its `cause` chain holds it) with the same code:
 * the work reported the deadline itself, with more to say ("...; stopped deployment d-1").
 * Callers turn a cancel into their own error.
 */
async function withDeadline(signal, ms, onTimeout, work, options = {}) {
    signal?.throwIfAborted();
    const deadline = new AbortController();
    const both = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    const stopTimer = startTimer(ms, () => deadline.abort(onTimeout()));
    const graceMs = options.graceMs ?? 0;
    let stopGrace;
    let onAbort;
    const abandoned = new Promise((_, reject) => {
        onAbort = () => {
            const giveUp = () => reject(both.reason);
            if (graceMs > 0)
                stopGrace = startTimer(graceMs, giveUp);
            else
                giveUp();
        };
        both.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([work(both), abandoned]);
    }
    catch (error) {
        if (deadline.signal.aborted && !signal?.aborted && !reportsDeadline(error, deadline.signal)) {
            throw deadline.signal.reason;
        }
        throw error;
    }
    finally {
        stopTimer();
        stopGrace?.();
        if (onAbort)
            both.removeEventListener('abort', onAbort);
    }
}
/** Whether `error` is the deadline's reason, or says the same with more (a cause, same code). */
function reportsDeadline(error, deadline) {
    const reason = deadline.reason;
    const code = (e) => e?.code;
    if (code(error) !== code(reason))
        return false;
    let current = error;
    for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
        if (current === reason)
            return true;
        current = current.cause;
    }
    return current === reason;
}
/**
 * Calls `fire` after `ms`, in steps a Node timer can hold, so a deadline weeks away does not fire
 * at once; an infinite one never fires. Returns the function that cancels it.
 */
function startTimer(ms, fire) {
    let timer;
    const arm = (left) => {
        if (left === Infinity)
            return;
        const step = Math.min(left, MAX_TIMER_MS);
        timer = setTimeout(() => (left > step ? arm(left - step) : fire()), step);
    };
    arm(ms);
    return () => clearTimeout(timer);
}


/***/ }),

/***/ 1170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** A duration the way a person reads it in a log line: 250 ms, 42 s, 3 min 5 s. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 120)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
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

//# sourceMappingURL=6260.index.js.map