export const id = 4906;
export const ids = [4906];
export const modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MalformedAnswer: () => (/* binding */ MalformedAnswer),
/* harmony export */   classifyGitHubError: () => (/* binding */ classifyGitHubError),
/* harmony export */   connectFor: () => (/* binding */ connectFor),
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   explainGitHubError: () => (/* binding */ explainGitHubError),
/* harmony export */   githubMessage: () => (/* binding */ githubMessage),
/* harmony export */   requireNumber: () => (/* binding */ requireNumber),
/* harmony export */   requireString: () => (/* binding */ requireString),
/* harmony export */   usesGitHubApi: () => (/* binding */ usesGitHubApi),
/* harmony export */   validationCodes: () => (/* binding */ validationCodes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);


/** A body that is not what the endpoint documents. Retryable: proxies do cut answers short. */
class MalformedAnswer extends _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryableError */ .dw {
    constructor(describe, expected) {
        super(`GitHub answered ${describe} with a malformed body (expected ${expected})`);
        this.name = 'MalformedAnswer';
    }
}
const MAX_PAGES = 1000;
/** Loads Octokit and its plugin (lazily: the action's start-up does not pay for them). */
async function connectGitHub(connection) {
    const [{ getOctokit }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 157)),
        __webpack_require__.e(/* import() */ 6856).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const tuning = connection.tuning ?? {};
    const apiUrl = connection.apiUrl.replace(/\/+$/, '');
    const octokit = getOctokit(connection.token, {
        baseUrl: apiUrl,
        throttle: {
            enabled: tuning.paceWrites ?? true,
            // Pacing is per API host: each run (and each simulator in tests) has its own queue.
            id: `deploy-pipeline ${apiUrl}`,
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false
        },
        log: { debug: noop, info: noop, warn: noop, error: noop }
    }, throttling);
    async function call(describe, request, parse, signal) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (attemptSignal) => parse((await request(octokit, attemptSignal)).data), {
            describe: `GitHub ${describe}`,
            attempts: tuning.attempts ?? 5,
            baseDelayMs: tuning.baseDelayMs ?? 1000,
            attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
            maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
            classify: classifyGitHubError,
            onRetry: connection.onRetry,
            signal,
            sleep: tuning.sleep
        });
    }
    async function paginate(describe, route, params, parsePage, signal) {
        const items = [];
        let next;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const url = next;
            const pageDescribe = `${describe} (page ${page})`;
            const answer = await call(pageDescribe, async (o, s) => {
                const response = url
                    ? await o.request({ method: 'GET', url, request: { signal: s } })
                    : await o.request(route, { ...params, request: { signal: s } });
                return { data: { body: response.data, link: response.headers.link } };
            }, data => {
                const { body, link } = data;
                return { items: parsePage(body, pageDescribe), next: nextLink(link, apiUrl) };
            }, signal);
            items.push(...answer.items);
            next = answer.next;
            if (!next)
                return items;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub ${describe} returned more than ${MAX_PAGES} pages`);
    }
    return { call, paginate };
}
function noop() { }
/** Through the API when there is a token and a GitHub to talk to; else the local repository. */
function usesGitHubApi(settings) {
    return Boolean(settings.githubToken) && (settings.context.actions || settings.context.apiUrlGiven);
}
/** The run's GitHub: its token and GITHUB_API_URL (Settings.context.apiUrl). */
function connectFor(settings, tuning, onRetry) {
    return connectGitHub({
        token: settings.githubToken ?? '',
        apiUrl: settings.context.apiUrl,
        tuning,
        onRetry
    });
}
/** The rel="next" page; only on the API's own origin, since Octokit sends the token along. */
function nextLink(link, apiUrl) {
    const next = link?.match(/<([^>]+)>\s*;\s*rel="next"/)?.[1];
    if (next === undefined)
        return undefined;
    const url = new URL(next, apiUrl);
    if (url.origin !== new URL(apiUrl).origin) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`);
    }
    return url.toString();
}
/**
 * GitHub's throttling signals on top of the default judgement: a 403 or 429 with no requests left
 * waits for x-ratelimit-reset, a secondary rate limit without Retry-After waits a minute (GitHub's
 * advice), and a 403 that is a permission problem is not retried.
 */
function classifyGitHubError(error) {
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfterMs = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .readRetryAfter */ .D$)(error);
    if (headerOf(error, 'x-ratelimit-remaining') === '0') {
        const resetMs = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const untilReset = Number.isFinite(resetMs)
            ? Math.max(0, resetMs - Date.now()) + 1000
            : undefined;
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? untilReset,
            reason: 'GitHub API rate limit exhausted'
        };
    }
    if (/secondary rate limit/i.test(errorText(error))) {
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? 60_000,
            reason: 'GitHub secondary rate limit'
        };
    }
    if (status === 429 || retryAfterMs !== undefined) {
        return { retry: true, throttled: true, retryAfterMs, reason: `HTTP ${status} throttled` };
    }
    return { retry: false };
}
/** GitHub's own message of a failed request ("Reference already exists"), without the doc URL. */
function githubMessage(error) {
    const data = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data);
    if (typeof data.message === 'string')
        return data.message;
    return error instanceof Error ? error.message : String(error);
}
/** The `code` of each entry of a 422's `errors` list (["already_exists"]). */
function validationCodes(error) {
    const errors = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data).errors;
    if (!Array.isArray(errors))
        return [];
    return errors.map(e => (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(e).code).filter((c) => typeof c === 'string');
}
/** Turns a failed GitHub call into a DeployError a user can act on. */
function explainGitHubError(error, explanation) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError)
        return error;
    const { doing, code, permission } = explanation;
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const message = githubMessage(error);
    const cause = { cause: error };
    if (error instanceof MalformedAnswer) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `${error.message} while ${doing}; try the run again.`, cause);
    }
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`, cause);
    }
    if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
        const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause);
    }
    if (status === 403 || status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
            `\`permissions: ${permission}\` and check the repository exists and the token can see it.`, cause);
    }
    if (status === undefined || status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub did not answer while ${doing}: ${message}`, cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub answered ${status} while ${doing}: ${message}`, cause);
}
function errorText(error) {
    return `${githubMessage(error)} ${error instanceof Error ? error.message : ''}`;
}
/** A header of the answer Octokit attached to a failed request. */
function headerOf(error, name) {
    return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .headerValue */ .Z)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).headers, name);
}
/** A field of an answer that must be a string / number, or a MalformedAnswer. */
function requireString(value, describe, expected) {
    if (typeof value !== 'string' || value === '')
        throw new MalformedAnswer(describe, expected);
    return value;
}
function requireNumber(value, describe, expected) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new MalformedAnswer(describe, expected);
    }
    return value;
}


/***/ }),

/***/ 4906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planChangedOnly: () => (/* binding */ planChangedOnly)
});

// EXTERNAL MODULE: ./src/clients/github.ts
var github = __webpack_require__(705);
;// CONCATENATED MODULE: ./src/plan/globs.ts
/**
 * Path globs of `services.<name>.paths`, matched against workspace-relative paths with forward
 * slashes. Small on purpose (no dependency for three operators): `*` is any run of characters
 * inside one path segment, `?` one character of a segment, `**` any number of whole segments
 * (none included), and a trailing `/` means everything under that directory. Every other
 * character stands for itself. A glob matches the whole path: `Dockerfile` is the Dockerfile at
 * the top, `**\/Dockerfile` any of them.
 */
function globToRegExp(glob) {
    const pattern = glob.endsWith('/') ? `${glob}**` : glob;
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            const atStart = i === 0 || pattern[i - 1] === '/';
            const slashAfter = pattern[i + 2] === '/';
            if (atStart && slashAfter) {
                // `**/`: zero or more directories.
                source += '(?:[^/]+/)*';
                i += 2;
            }
            else if (atStart && i + 2 === pattern.length) {
                // a trailing `**`: everything below.
                source += '.*';
                i += 1;
            }
            else {
                // `**` inside a segment is two stars.
                source += '[^/]*';
                i += 1;
            }
        }
        else if (char === '*') {
            source += '[^/]*';
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else {
            source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}
/** Whether any of `globs` matches `path`. */
function matchesAny(globs, path) {
    return globs.some(glob => glob.test(path));
}

;// CONCATENATED MODULE: ./src/plan/changes.ts

function narrowPlan(plan, services, changes) {
    const reasons = new Map();
    const settingsOf = new Map(services.map(s => [s.name, s]));
    const everything = everythingRuns(changes);
    for (const planned of plan.services) {
        const reason = everything ?? ownChange(settingsOf.get(planned.name)?.paths, changes.files ?? []);
        if (reason)
            reasons.set(planned.name, reason);
    }
    // redeploy_with follows chains (a -> b -> c): repeat until nothing more runs.
    for (let grew = true; grew;) {
        grew = false;
        for (const planned of plan.services) {
            if (reasons.has(planned.name))
                continue;
            const cause = settingsOf.get(planned.name)?.redeployWith?.find(name => reasons.has(name));
            if (cause) {
                reasons.set(planned.name, `redeploy_with: ${cause} runs`);
                grew = true;
            }
        }
    }
    const runs = (name) => reasons.has(name);
    const changed = [];
    const unchanged = [];
    for (const planned of plan.services) {
        const reason = reasons.get(planned.name);
        if (reason)
            changed.push({ name: planned.name, reason });
        else
            unchanged.push({
                name: planned.name,
                reason: unchangedReason(settingsOf.get(planned.name)?.paths, changes)
            });
    }
    return {
        ...plan,
        services: plan.services
            .filter(s => runs(s.name))
            .map(s => ({ ...s, dependsOn: s.dependsOn.filter(runs) })),
        layers: plan.layers.map(layer => layer.filter(runs)).filter(layer => layer.length > 0),
        changes: { base: changes.base, baseFrom: changes.baseFrom, changed, unchanged }
    };
}
function everythingRuns(changes) {
    if (!changes.base)
        return `nothing to compare with (${changes.baseFrom}): every service runs`;
    if (!changes.files)
        return `${changes.unknown ?? 'the changed files are unknown'}: every service runs`;
    return undefined;
}
/** Why a service's own files make it run, or undefined when none of them changed. */
function ownChange(paths, files) {
    if (!paths)
        return 'it has neither a build nor paths to compare: always deployed';
    const globs = paths.map(globToRegExp);
    const hits = files.filter(file => matchesAny(globs, file));
    if (hits.length === 0)
        return undefined;
    const shown = hits.slice(0, 3).join(', ');
    const more = hits.length > 3 ? ` and ${hits.length - 3} more` : '';
    return `${hits.length} changed file${hits.length === 1 ? '' : 's'} under its paths: ${shown}${more}`;
}
function unchangedReason(paths, changes) {
    const base = changes.base?.slice(0, 7) ?? '?';
    return `no change under ${(paths ?? []).join(', ')} since ${base} (${changes.baseFrom})`;
}

// EXTERNAL MODULE: ./src/plan/tags.ts
var plan_tags = __webpack_require__(9458);
;// CONCATENATED MODULE: ./src/phases/changes.ts



/**
 * changed_only: finds the commit the environment last ran (its newest successful deployment of
 * this action; else the previous tag of the channel), lists the files changed since, and narrows
 * the plan to the services they touch (plan/changes.ts). Read-only: GitHub's API when the run has
 * a token, the local repository otherwise.
 */
async function planChangedOnly(settings, plan, bus, signal) {
    const changes = await changedFiles(settings, plan, signal).catch(async (error) => {
        const { explainGitHubError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 705));
        throw explainGitHubError(error, {
            doing: `finding what changed since the last deployment to ${plan.environment}`,
            code: 'DEPLOY_FAILED',
            permission: 'deployments: read, contents: read'
        });
    });
    const narrowed = narrowPlan(plan, settings.services, changes);
    const summary = narrowed.changes;
    if (summary) {
        const base = summary.base
            ? `${summary.base.slice(0, 7)} (${summary.baseFrom})`
            : summary.baseFrom;
        bus.emit({
            type: 'info',
            stage: 'VERSION',
            message: `changed only: ${summary.changed.length} of ${plan.services.length} services run, compared with ${base}`
        });
        for (const left of summary.unchanged) {
            bus.emit({ type: 'info', stage: 'VERSION', message: `${left.name} left out: ${left.reason}` });
        }
    }
    return narrowed;
}
async function changedFiles(settings, plan, signal) {
    const base = await baseCommit(settings, plan, signal);
    if (!base) {
        const tag = plan.version.channel === 'stable' ? 'stable' : plan.version.channel;
        return {
            base: undefined,
            baseFrom: `no successful deployment to ${plan.environment} and no earlier ${tag} tag`,
            files: undefined
        };
    }
    if (base.sha === plan.commit)
        return { base: base.sha, baseFrom: base.from, files: [] };
    const { owner, repo, workspace } = settings.context;
    if ((0,github.usesGitHubApi)(settings)) {
        const [{ connectFor }, { changedFilesBetween, COMPARE_FILE_CAP }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 705)),
            __webpack_require__.e(/* import() */ 689).then(__webpack_require__.bind(__webpack_require__, 689))
        ]);
        const api = await connectFor(settings);
        const files = await changedFilesBetween(api, owner, repo, base.sha, plan.commit, signal);
        return {
            base: base.sha,
            baseFrom: base.from,
            files,
            unknown: `GitHub lists at most ${COMPARE_FILE_CAP} changed files and this comparison reached that`
        };
    }
    const { localChangedFiles } = await __webpack_require__.e(/* import() */ 6848).then(__webpack_require__.bind(__webpack_require__, 6848));
    return {
        base: base.sha,
        baseFrom: base.from,
        files: await localChangedFiles(workspace, base.sha, plan.commit, signal),
        unknown: `${base.sha.slice(0, 7)} is not in the local clone (check out with fetch-depth: 0)`
    };
}
/** The environment's last successful deployment of this action, else the channel's previous tag. */
async function baseCommit(settings, plan, signal) {
    const { owner, repo } = settings.context;
    if ((0,github.usesGitHubApi)(settings)) {
        const [{ connectFor }, { lastSuccessfulDeployment }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 705)),
            __webpack_require__.e(/* import() */ 689).then(__webpack_require__.bind(__webpack_require__, 689))
        ]);
        const api = await connectFor(settings);
        const last = await lastSuccessfulDeployment(api, owner, repo, plan.environment, signal);
        if (last) {
            return {
                sha: last.sha,
                from: `the last successful deployment to ${plan.environment}, #${last.id}`
            };
        }
    }
    const { tagSourceFor } = await __webpack_require__.e(/* import() */ 6691).then(__webpack_require__.bind(__webpack_require__, 9072));
    const tags = await (await tagSourceFor(settings)).listTags(signal);
    const previous = (0,plan_tags/* highest */.BR)((0,plan_tags/* versionTags */.OP)(tags).filter(t => t.channel === plan.version.channel && t.sha !== plan.commit));
    return (previous && {
        sha: previous.sha,
        from: `the previous ${plan.version.channel} tag ${previous.name}`
    });
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

//# sourceMappingURL=4906.index.js.map