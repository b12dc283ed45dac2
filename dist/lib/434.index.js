export const id = 434;
export const ids = [434];
export const modules = {

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
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH);
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
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
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
    if (!(reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH) || reason.code !== 'TIMEOUT')
        return reason;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${reason.message}: ${options.describe} had not answered`, {
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


/***/ }),

/***/ 9434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy),
  judgeEnd: () => (/* binding */ judgeEnd),
  urlFromOutput: () => (/* binding */ urlFromOutput)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var runtime_retry = __webpack_require__(6390);
;// CONCATENATED MODULE: ./src/targets/stepfunctions-calls.ts


/**
 * How a failed Step Functions or Secrets Manager call reads to the user: one DeployError with the
 * call named, whichever part of the target (start, find, follow) made it.
 */
/** Retries are worth a log line: a throttled deploy API explains a slow follow. */
function noticeRetry(context) {
    return retry => context.info((0,runtime_retry/* describeRetry */.eV)(retry));
}
async function call(what, operation) {
    try {
        return await operation();
    }
    catch (error) {
        throw asFailure(what, error);
    }
}
function asFailure(what, error) {
    if (error instanceof errors/* DeployError */.sH)
        return error;
    if ((0,errors/* isAbortError */.zf)(error))
        return new errors/* DeployError */.sH('CANCELLED', `cancelled during Step Functions ${what}`, { cause: error });
    const name = errorName(error);
    return new errors/* DeployError */.sH('DEPLOY_FAILED', `Step Functions ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
}
function errorName(error) {
    return error instanceof Error ? error.name : '';
}

;// CONCATENATED MODULE: ./src/targets/stepfunctions-find.ts



/**
 * Find mode: the image push started the execution and we find it, in a Secrets Manager secret the
 * state machine writes, or among the state machine's executions by the image it carries.
 */
/** Fills the secret name template: {deployment_id}, {service}, {environment}, {owner}, {repo}, {commit}. */
function secretNameFor(template, request) {
    const values = {
        deployment_id: request.plan.deploymentId,
        service: request.service.name,
        environment: request.plan.environment,
        owner: request.settings.context.owner,
        repo: request.settings.context.repo,
        commit: request.plan.commit
    };
    return template.replace(/\{([^{}]*)\}/g, (_, key) => {
        const value = values[key];
        if (value === undefined) {
            throw new errors/* DeployError */.sH('INVALID_INPUT', `secret_name '${template}' uses {${key}}; known placeholders: ` +
                Object.keys(values)
                    .map(k => `{${k}}`)
                    .join(', '));
        }
        return value;
    });
}
/** The execution ARN a secret holds: the ARN itself, or JSON with executionArn / execution_arn. */
function executionArnFromSecret(value) {
    const trimmed = value.trim();
    if (isExecutionArn(trimmed))
        return trimmed;
    try {
        const parsed = JSON.parse(trimmed);
        for (const key of ['executionArn', 'execution_arn', 'ExecutionArn', 'arn']) {
            const candidate = parsed?.[key];
            if (typeof candidate === 'string' && isExecutionArn(candidate))
                return candidate;
        }
    }
    catch {
        // not JSON: nothing else to look in
    }
    return undefined;
}
function isExecutionArn(value) {
    return /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):/.test(value);
}
/**
 * A push-started execution is recognised by our image: the whole reference (with or without its
 * digest), or the digest together with the tag, as an ECR push event carries them. The digest alone
 * is not enough: promoting an image pushes the same digest again under another tag.
 */
function carriesImage(input, imageUri) {
    if (!input)
        return false;
    const [reference = imageUri, digest] = imageUri.split('@');
    if (input.includes(imageUri) || input.includes(reference))
        return true;
    const tag = /:([^/:]+)$/.exec(reference)?.[1];
    return Boolean(digest && tag && input.includes(digest) && input.includes(`"${tag}"`));
}
async function findExecution(api, request, context, timeoutMs) {
    const { target } = request;
    const secretId = secretNameFor(target.secretName ?? 'deploy/{deployment_id}', request);
    const look = api.forLook;
    const unmatched = new Set();
    const since = (context.now ?? Date.now)();
    let tries = 0;
    const { value } = await (0,follow/* follow */.e6)({
        describe: `the Step Functions execution of ${request.service.name}`,
        intervalMs: target.secretIntervalMs,
        timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        onRetry: noticeRetry(context),
        onProgress: message => context.info(message),
        look: async (signal) => {
            const secret = await look.secretString(secretId, signal);
            if (secret !== undefined) {
                const executionArn = executionArnFromSecret(secret);
                if (!executionArn) {
                    throw new errors/* DeployError */.sH('DEPLOY_FAILED', `Secret '${secretId}' does not hold a Step Functions execution ARN.`);
                }
                return { done: true, value: { executionArn, secretId } };
            }
            if (target.stateMachineArn && request.imageUri) {
                const search = {
                    stateMachineArn: target.stateMachineArn,
                    imageUri: request.imageUri,
                    since
                };
                const executionArn = await findByImage(look, search, unmatched, signal);
                if (executionArn)
                    return { done: true, value: { executionArn } };
            }
            tries++;
            if (tries >= target.secretTries)
                return { done: true, value: undefined };
            return {
                done: false,
                progress: `waiting for secret ${secretId} (try ${tries} of ${target.secretTries})`
            };
        }
    }).catch(error => Promise.reject(asFailure('finding the execution', error)));
    if (!value) {
        const alsoListed = target.stateMachineArn && request.imageUri
            ? ` and no recent execution of ${target.stateMachineArn} carries ${request.imageUri}`
            : '';
        throw new errors/* DeployError */.sH('DEPLOY_FAILED', `No Step Functions execution was found for ${request.service.name}: secret '${secretId}' did not ` +
            `appear after ${target.secretTries} tries ${(0,follow/* formatDuration */.a3)(target.secretIntervalMs)} apart${alsoListed}. ` +
            'Check that the push triggers the state machine and that it writes the secret.');
    }
    if (value.executionArn.includes(':express:')) {
        throw new errors/* DeployError */.sH('INVALID_INPUT', `Execution ${value.executionArn} belongs to an EXPRESS workflow, which keeps no execution ` +
            'history to follow. Use a STANDARD state machine for deploys.');
    }
    return value;
}
/**
 * The newest executions, each one's input read once however many looks it takes. One that has
 * already ended counts only if it started shortly before this deploy: an older one carrying the
 * same image belongs to an earlier deployment.
 */
const LISTED_EXECUTIONS = 20;
const ENDED_EXECUTION_WINDOW_MS = 15 * 60_000;
async function findByImage(api, search, unmatched, signal) {
    const listed = await api.listExecutions(search.stateMachineArn, LISTED_EXECUTIONS, signal);
    for (const execution of listed) {
        const arn = execution.executionArn;
        if (!arn || unmatched.has(arn))
            continue;
        const started = execution.startDate?.getTime() ?? 0;
        if (execution.status !== 'RUNNING' && started < search.since - ENDED_EXECUTION_WINDOW_MS) {
            unmatched.add(arn);
            continue;
        }
        const described = await api.describeExecution(arn, signal);
        if (carriesImage(described.input, search.imageUri))
            return arn;
        unmatched.add(arn);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/targets/stepfunctions-history.ts
/** The first look reads the whole history so far (an execution we found may be far along). */
const FIRST_CURSOR = { lastEventId: 0, pageSize: 1000 };
const MIN_PAGE = 10;
const MAX_PAGE = 1000;
/**
 * The events newer than the cursor, oldest first. Newest-first pages are read only until the last
 * event already seen. The page asked for is twice the previous look's new events (at least 10), so
 * a quiet execution costs one small call per look; a burst that outgrows it costs one more call for
 * exactly the events still missing (ids count up from 1 without gaps, so the newest id says how many
 * are new). Nothing is ever read twice beyond the small slack of the first page.
 */
async function readNewEvents(api, executionArn, cursor, signal) {
    const fresh = [];
    let nextToken;
    let maxResults = cursor.pageSize;
    for (;;) {
        const page = await api.historyPage({ executionArn, maxResults, nextToken }, signal);
        let caughtUp = false;
        for (const event of page.events) {
            const id = event.id ?? 0;
            if (id <= cursor.lastEventId) {
                caughtUp = true;
                break;
            }
            fresh.push(event);
            if (id === cursor.lastEventId + 1)
                caughtUp = true;
        }
        if (caughtUp || !page.nextToken || !fresh.length)
            break;
        nextToken = page.nextToken;
        const missing = (fresh[0]?.id ?? 0) - cursor.lastEventId - fresh.length;
        maxResults = Math.min(MAX_PAGE, Math.max(1, missing));
    }
    fresh.reverse();
    const lastEventId = fresh.at(-1)?.id ?? cursor.lastEventId;
    const pageSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, 2 * fresh.length));
    return { events: fresh, cursor: { lastEventId, pageSize } };
}
const EMPTY_TRAIL = {
    open: [],
    failedState: undefined,
    failState: undefined,
    end: undefined
};
const END_TYPES = new Set([
    'ExecutionSucceeded',
    'ExecutionFailed',
    'ExecutionAborted',
    'ExecutionTimedOut'
]);
/** Failures inside a state; the state may still retry or catch them, the history will tell. */
const STATE_FAILURES = new Set([
    'TaskFailed',
    'TaskTimedOut',
    'TaskStartFailed',
    'TaskSubmitFailed',
    'ActivityFailed',
    'ActivityTimedOut',
    'ActivityScheduleFailed',
    'LambdaFunctionFailed',
    'LambdaFunctionTimedOut',
    'LambdaFunctionStartFailed',
    'LambdaFunctionScheduleFailed',
    'MapStateFailed',
    'ParallelStateFailed',
    'MapRunFailed'
]);
const STATE_SUCCESSES = new Set([
    'TaskSucceeded',
    'ActivitySucceeded',
    'LambdaFunctionSucceeded',
    'MapStateSucceeded',
    'ParallelStateSucceeded',
    'MapRunSucceeded'
]);
/** Folds events (oldest first) into the trail and the state changes worth reporting. */
function applyEvents(trail, events) {
    let { open, failedState, failState, end } = trail;
    const updates = [];
    const current = () => open[open.length - 1];
    for (const event of events) {
        const type = event.type ?? '';
        const entered = /^(\w+)StateEntered$/.exec(type)?.[1];
        const exited = /^(\w+)StateExited$/.exec(type)?.[1];
        if (entered !== undefined) {
            const name = event.stateEnteredEventDetails?.name ?? entered;
            if (entered === 'Fail') {
                failState = name;
                updates.push({ taskName: name, state: 'FAILED', stateType: 'Fail' });
            }
            else {
                open = [...open, { name, stateType: entered, failed: false }];
                updates.push({ taskName: name, state: 'RUNNING', stateType: entered });
            }
        }
        else if (exited !== undefined) {
            const name = event.stateExitedEventDetails?.name ?? exited;
            const index = open.map(o => o.name).lastIndexOf(name);
            if (index >= 0)
                open = [...open.slice(0, index), ...open.slice(index + 1)];
            updates.push({ taskName: name, state: 'SUCCEEDED', stateType: exited });
        }
        else if (STATE_FAILURES.has(type)) {
            const state = current();
            if (state) {
                const { error } = failureDetails(event);
                failedState = state.name;
                open = [...open.slice(0, -1), { ...state, failed: true }];
                updates.push({ taskName: state.name, state: 'FAILED', stateType: state.stateType, error });
            }
        }
        else if (STATE_SUCCESSES.has(type)) {
            // A retry that worked: the earlier failure is not why the execution ends, if it does.
            const state = current();
            if (state && state.name === failedState)
                failedState = undefined;
            if (state?.failed)
                open = [...open.slice(0, -1), { ...state, failed: false }];
        }
        else if (END_TYPES.has(type)) {
            const details = failureDetails(event);
            const state = type === 'ExecutionSucceeded' ? undefined : (current()?.name ?? failedState ?? failState);
            end = { type: type, ...details, ...(state ? { state } : {}) };
            // States still running when the execution fails or is stopped end with it.
            if (type !== 'ExecutionSucceeded') {
                for (const open_ of [...open].reverse().filter(o => !o.failed)) {
                    updates.push({
                        taskName: open_.name,
                        state: 'FAILED',
                        stateType: open_.stateType,
                        ...(details.error ? { error: details.error } : {})
                    });
                }
            }
            open = [];
        }
        else if (type === 'ExecutionRedriven') {
            // A redriven execution runs again from the failed state: not over after all.
            end = undefined;
            failedState = undefined;
            failState = undefined;
        }
    }
    return { trail: { open, failedState, failState, end }, updates };
}
function failureDetails(event) {
    const details = Object.entries(event).find(([key, value]) => key.endsWith('EventDetails') && value && typeof value === 'object')?.[1];
    return {
        ...(details?.error ? { error: details.error } : {}),
        ...(details?.cause ? { cause: details.cause } : {})
    };
}
function describeUpdate(update) {
    const word = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' }[update.state];
    return `Step Functions: ${update.taskName} ${word}${update.error ? ` (${update.error})` : ''}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/targets/stepfunctions-start.ts



const NAME_LIMIT = 80;
/**
 * The execution name: the deployment id and the service (two services of one deployment may use
 * the same state machine), in the characters every Step Functions feature accepts (CloudWatch
 * logging allows only A-Z a-z 0-9 - _), at most 80 long. A name that must be cut keeps a hash of
 * the whole, so two long ids that share a prefix still differ.
 */
function executionName(deploymentId, service) {
    const raw = `${deploymentId}-${service}`;
    const whole = raw.replace(/[^A-Za-z0-9_-]/g, '-');
    if (whole.length <= NAME_LIMIT)
        return whole;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex').slice(0, 10);
    return `${whole.slice(0, NAME_LIMIT - hash.length - 1)}-${hash}`;
}
/** The execution input: the config's object, with this deployment's identity that it may not override. */
function startInput(request) {
    const { plan, settings } = request;
    return {
        environment: plan.environment,
        owner: settings.context.owner,
        repo: settings.context.repo,
        branch: settings.context.refName,
        commit: plan.commit,
        ...request.target.input,
        ...(request.imageUri === undefined ? {} : { image_uri: request.imageUri }),
        deployment_id: plan.deploymentId
    };
}
async function startExecution(api, request, context) {
    const stateMachineArn = request.target.stateMachineArn;
    if (!stateMachineArn) {
        throw new errors/* DeployError */.sH('INVALID_INPUT', `service ${request.service.name}: stepfunctions mode start needs state_machine_arn`);
    }
    const machine = await call('DescribeStateMachine', () => api.describeStateMachine(stateMachineArn, context.signal));
    if (machine.type === 'EXPRESS') {
        throw new errors/* DeployError */.sH('INVALID_INPUT', `State machine ${stateMachineArn} is an EXPRESS workflow: it keeps no execution history, so its ` +
            'deploy cannot be followed. Use a STANDARD state machine for deploys.');
    }
    const name = executionName(request.plan.deploymentId, request.service.name);
    const input = JSON.stringify(startInput(request));
    try {
        const started = await api.startExecution({ stateMachineArn, name, input }, context.signal);
        context.info(`Started Step Functions execution ${name} of ${stateMachineArn}`);
        return { executionArn: started.executionArn };
    }
    catch (error) {
        if (errorName(error) !== 'ExecutionAlreadyExists')
            throw asFailure('StartExecution', error);
    }
    // A closed execution of the same name: ours when it was given the same input (an earlier try of
    // this very deployment), someone else's otherwise.
    const executionArn = executionArnFor(stateMachineArn, name);
    const existing = await call('DescribeExecution', () => api.describeExecution(executionArn, context.signal));
    if (!sameJson(existing.input, input)) {
        throw new errors/* DeployError */.sH('DEPLOY_FAILED', `Step Functions execution '${name}' already exists on ${stateMachineArn} with a different input; ` +
            'it was not started by this deployment. Re-run the workflow to get a new deployment id.');
    }
    context.info(`Step Functions execution ${name} already exists for this deployment; following it`);
    return { executionArn };
}
/** The ARN StartExecution gives an execution of this name (a version or alias suffix dropped). */
function executionArnFor(stateMachineArn, name) {
    const parts = stateMachineArn.split(':');
    return [...parts.slice(0, 5), 'execution', parts[6], name].join(':');
}
function sameJson(a, b) {
    try {
        return JSON.stringify(JSON.parse(a ?? 'null')) === JSON.stringify(JSON.parse(b));
    }
    catch {
        return a === b;
    }
}

// EXTERNAL MODULE: ./src/targets/stop.ts
var stop = __webpack_require__(8292);
;// CONCATENATED MODULE: ./src/targets/stepfunctions.ts







/**
 * Step Functions deploys: a state machine (EnsureInfra -> RegisterTaskAndDeploy -> CheckDeployment
 * -> DeploymentStatusRouter, say) does the deploy and we follow it. Either we start the execution
 * (named after the deployment, so a retried call cannot start a second one) or the image push
 * started it and we find it: in a Secrets Manager secret, or among the state machine's executions
 * by the image it carries. Following reads only the events that are new since the last look.
 */
const deploy = async (request, context) => {
    const { StepFunctionsApi } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(293)]).then(__webpack_require__.bind(__webpack_require__, 3293));
    const api = await StepFunctionsApi.create(request.target.region, noticeRetry(context), context.sleep);
    if (!(await api.region())) {
        const { missingRegion } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(705)]).then(__webpack_require__.bind(__webpack_require__, 5705));
        const name = request.service.name;
        const key = `services.${name}.deploy.stepfunctions.region in the deploy config`;
        throw new errors/* DeployError */.sH('INVALID_INPUT', `${missingRegion(`Step Functions deploy of service '${name}'`, key)}.`);
    }
    return deployWith(api, request, context);
};
async function deployWith(api, request, context) {
    const { target } = request;
    const now = context.now ?? Date.now;
    const deadline = now() + context.timeoutMs;
    const remaining = () => Math.max(1, deadline - now());
    const found = target.mode === 'start'
        ? await startExecution(api, request, context)
        : await findExecution(api, request, context, remaining());
    context.info(`Following Step Functions execution ${found.executionArn} (${consoleUrl(found.executionArn)})`);
    const trail = await followExecution(api, found.executionArn, context, remaining()).catch(error => (0,stop/* stopAbandoned */.x)(error, target.stopOnTimeout ? stopExecution(api, found.executionArn, error, context) : undefined, `stopped Step Functions execution ${found.executionArn} (stop_on_timeout)`, context));
    const description = await call('DescribeExecution', () => api.describeExecution(found.executionArn, context.signal));
    if (found.secretId && target.deleteSecret)
        await deleteSecret(api, found.secretId, context);
    const judged = judgeEnd(trail, description, target.healthCheckStates);
    if (judged instanceof errors/* DeployError */.sH)
        throw judged;
    return judged;
}
// ---- following -----------------------------------------------------------------------------
async function followExecution(api, executionArn, context, timeoutMs) {
    const look = api.forLook;
    let cursor = FIRST_CURSOR;
    let trail = EMPTY_TRAIL;
    const { value } = await (0,follow/* follow */.e6)({
        describe: `Step Functions execution ${executionArn.split(':').pop()}`,
        intervalMs: context.pollIntervalMs,
        young: follow/* FIRST_MINUTE */.SD,
        timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        onRetry: noticeRetry(context),
        look: async (signal) => {
            const read = await readNewEvents(look, executionArn, cursor, signal);
            const next = applyEvents(trail, read.events);
            cursor = read.cursor;
            trail = next.trail;
            for (const update of next.updates)
                context.progress(describeUpdate(update), { ...update });
            return trail.end
                ? { done: true, value: trail }
                : { done: false, moved: read.events.length > 0 };
        }
    }).catch(error => Promise.reject(asFailure('following the execution', error)));
    return value;
}
// ---- the end -------------------------------------------------------------------------------
/**
 * The outcome of an ended execution, from what the history said and DescribeExecution's output,
 * error and cause. A failure in a health check state is HEALTH_CHECK_FAILED; the state machine's
 * own timeout is TIMEOUT; any other failure or a stop from outside is DEPLOY_FAILED.
 */
function judgeEnd(trail, execution, healthCheckStates) {
    const name = execution.name ?? execution.executionArn?.split(':').pop() ?? 'execution';
    const outputs = {};
    if (execution.executionArn)
        outputs.execution_arn = execution.executionArn;
    if (execution.startDate && execution.stopDate) {
        outputs.execution_time = String((execution.stopDate.getTime() - execution.startDate.getTime()) / 1000);
    }
    const type = trail.end?.type;
    if (type === 'ExecutionSucceeded') {
        const deploymentUrl = urlFromOutput(execution.output);
        return { ...(deploymentUrl ? { deploymentUrl } : {}), outputs };
    }
    const error = execution.error ?? trail.end?.error;
    const cause = execution.cause ?? trail.end?.cause;
    const state = trail.end?.state;
    const where = state ? ` in state ${state}` : '';
    const why = [error, cause && shorten(cause)].filter(Boolean).join(': ');
    const details = [
        error && `error: ${error}`,
        cause && `cause: ${cause}`,
        `execution: ${execution.executionArn}`
    ]
        .filter(Boolean)
        .join('\n');
    if (type === 'ExecutionAborted') {
        return new errors/* DeployError */.sH('DEPLOY_FAILED', `Step Functions execution ${name} was stopped${where}${why ? ` (${why})` : ''}.`, { details });
    }
    if (type === 'ExecutionTimedOut') {
        return new errors/* DeployError */.sH('TIMEOUT', `Step Functions execution ${name} ran past the state machine's own timeout${where}.`, { details });
    }
    const healthCheck = [trail.failedState, trail.failState].some(s => s !== undefined && healthCheckStates.includes(s));
    return new errors/* DeployError */.sH(healthCheck ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED', `Step Functions execution ${name} failed${where}${why ? `: ${why}` : ''}.`, { details });
}
/** `elb_url` or `url` of the output, at its top level or in a nested object (a Lambda Payload). */
function urlFromOutput(output) {
    if (!output)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(output);
    }
    catch {
        return undefined;
    }
    const queue = [parsed];
    for (let depth = 0; depth < 4 && queue.length; depth++) {
        const level = queue.splice(0);
        for (const key of ['elb_url', 'url']) {
            for (const item of level) {
                const value = item[key];
                if (typeof value === 'string' && value)
                    return value;
            }
        }
        for (const item of level)
            queue.push(...Object.values(item).filter(v => v && typeof v === 'object'));
    }
    return undefined;
}
function shorten(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
// ---- around the follow --------------------------------------------------------------------------
function consoleUrl(executionArn) {
    const region = executionArn.split(':')[3];
    return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${executionArn}`;
}
/**
 * stop_on_timeout: an execution the deploy gave up on, at its deadline or because the run was
 * cancelled, is stopped rather than left to go on unattended.
 */
function stopExecution(api, executionArn, error, context) {
    const cancelled = error instanceof errors/* DeployError */.sH && error.code === 'CANCELLED';
    const request = cancelled
        ? { executionArn, error: 'DeployPipeline.Cancelled', cause: 'the deploy was cancelled' }
        : {
            executionArn,
            error: 'DeployPipeline.Timeout',
            cause: `deploy_timeout of ${(0,follow/* formatDuration */.a3)(context.timeoutMs)} passed`
        };
    return signal => api.stopExecution(request, signal);
}
async function deleteSecret(api, secretId, context) {
    try {
        await api.deleteSecret(secretId, context.signal);
        context.info(`Deleted secret ${secretId}`);
    }
    catch (error) {
        context.warning(`Could not delete secret ${secretId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 8292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ stopAbandoned)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4506);


/**
 * After a TIMEOUT or a cancel, stops what the deploy started in the cloud (a CodeDeploy deployment,
 * an ECS service deployment, a Step Functions execution) so that it does not go on unattended, then
 * rethrows. The run's signal has usually fired already, so the stop gets one of its own, bounded by
 * the grace period the deploy phase grants for this: past it the phase reports without us.
 * `stopped` says what a successful stop did: "stopped CodeDeploy deployment d-1 ...".
 */
async function stopAbandoned(error, stop, stopped, context) {
    if (!stop || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH))
        throw error;
    if (error.code !== 'TIMEOUT' && error.code !== 'CANCELLED')
        throw error;
    const after = error.code === 'TIMEOUT' ? 'the timeout' : 'the cancel';
    try {
        await stop(AbortSignal.timeout(_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_1__/* .STOP_GRACE_MS */ .Ts));
    }
    catch (stopError) {
        context.warning(`Could not stop the deployment after ${after}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(stopError)}`);
        throw error;
    }
    context.info(`${stopped.charAt(0).toUpperCase()}${stopped.slice(1)} after ${after}`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(error.code, `${error.message}; ${stopped}`, {
        details: error.details,
        cause: error
    });
}


/***/ })

};

//# sourceMappingURL=434.index.js.map