export const id = 353;
export const ids = [353];
export const modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ requireNumber),
/* harmony export */   Eb: () => (/* binding */ validationCodes),
/* harmony export */   It: () => (/* binding */ connectFor),
/* harmony export */   Pm: () => (/* binding */ explainGitHubError),
/* harmony export */   VW: () => (/* binding */ requireString),
/* harmony export */   ef: () => (/* binding */ usesGitHubApi),
/* harmony export */   hg: () => (/* binding */ githubMessage),
/* harmony export */   ol: () => (/* binding */ MalformedAnswer)
/* harmony export */ });
/* unused harmony exports connectGitHub, classifyGitHubError */
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
/** Loads Octokit and its plugins (lazily: the action's start-up does not pay for them). */
async function connectGitHub(connection) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const tuning = connection.tuning ?? {};
    const apiUrl = connection.apiUrl.replace(/\/+$/, '');
    const octokit = getOctokit(connection.token, {
        baseUrl: apiUrl,
        retry: { enabled: false },
        throttle: {
            enabled: tuning.paceWrites ?? true,
            // Pacing is per API host: each run (and each simulator in tests) has its own queue.
            id: `deploy-pipeline ${apiUrl}`,
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false
        },
        log: { debug: noop, info: noop, warn: noop, error: noop }
    }, retry, throttling);
    async function call(describe, request, parse, signal) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (attemptSignal) => parse((await request(octokit, attemptSignal)).data), {
            describe: `GitHub ${describe}`,
            attempts: tuning.attempts ?? 5,
            baseDelayMs: tuning.baseDelayMs ?? 1000,
            attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
            maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
            classify: classifyGitHubError,
            onRetry: connection.onRetry,
            signal
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('RELEASE_FAILED', `GitHub ${describe} returned more than ${MAX_PAGES} pages`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('RELEASE_FAILED', `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`);
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
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH)
        return error;
    const { doing, code, permission } = explanation;
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const message = githubMessage(error);
    const cause = { cause: error };
    if (error instanceof MalformedAnswer) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `${error.message} while ${doing}; try the run again.`, cause);
    }
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`, cause);
    }
    if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
        const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause);
    }
    if (status === 403 || status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
            `\`permissions: ${permission}\` and check the repository exists and the token can see it.`, cause);
    }
    if (status === undefined || status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub did not answer while ${doing}: ${message}`, cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub answered ${status} while ${doing}: ${message}`, cause);
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

/***/ 5353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   markGitHubDeployment: () => (/* binding */ markGitHubDeployment),
/* harmony export */   startGitHubDeployment: () => (/* binding */ startGitHubDeployment)
/* harmony export */ });
/* harmony import */ var _clients_github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(705);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6390);



const PERMISSION = 'deployments: write';
/**
 * Bounds of these calls. They run ahead of DEPLOY and after it, outside any phase deadline, and
 * only decorate the run: a throttled GitHub gets one more try after a short wait, never the
 * minutes the default bounds allow (5 attempts, Retry-After up to 90 s).
 */
const BEST_EFFORT = { attempts: 2, maxRetryAfterMs: 10_000, attemptTimeoutMs: 10_000 };
function bestEffort(tuning = {}) {
    return {
        ...tuning,
        attempts: Math.min(tuning.attempts ?? BEST_EFFORT.attempts, BEST_EFFORT.attempts),
        maxRetryAfterMs: Math.min(tuning.maxRetryAfterMs ?? BEST_EFFORT.maxRetryAfterMs, BEST_EFFORT.maxRetryAfterMs),
        attemptTimeoutMs: Math.min(tuning.attemptTimeoutMs ?? BEST_EFFORT.attemptTimeoutMs, BEST_EFFORT.attemptTimeoutMs)
    };
}
/**
 * Creates the deployment and marks it in_progress. `signal` is the run's cancel: a cancel while
 * GitHub is slow ends the wait at once and the deploy phase sees the cancel. Once the deployment
 * exists its handle is returned even if in_progress could not be set, so that it still gets its
 * final status.
 */
async function startGitHubDeployment(settings, plan, log, signal, tuning) {
    if (plan.dryRun || !(0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .usesGitHubApi */ .ef)(settings))
        return undefined;
    const { owner, repo } = settings.context;
    let id;
    let api;
    try {
        api = await (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .connectFor */ .It)(settings, bestEffort(tuning), retry => log.info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRetry */ .eV)(retry)));
        const describe = `create a deployment to ${plan.environment}`;
        id = await api.call(describe, (o, s) => o.rest.repos.createDeployment({
            owner,
            repo,
            ref: plan.commit,
            environment: plan.environment,
            task: 'deploy',
            description: `${plan.version.imageTag} (${plan.deploymentId})`.slice(0, 140),
            payload: { deployment_id: plan.deploymentId },
            // The deploy is decided already: no merging of the default branch, no status checks.
            auto_merge: false,
            required_contexts: [],
            production_environment: plan.environment === 'prod',
            transient_environment: false,
            request: { signal: s }
        }), 
        // 202 answers {message} instead of a deployment (a merge was attempted): malformed for us.
        data => (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .requireNumber */ .Bw)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(data).id, describe, 'a created deployment with an id'), signal);
    }
    catch (error) {
        if (signal?.aborted)
            log.info('GitHub Deployments: cancelled before a deployment was created');
        else
            log.warn(deploymentWarning(error, `creating a deployment to ${plan.environment}`));
        return undefined;
    }
    await postStatus(api, settings, id, 'in_progress', undefined, signal).catch(error => {
        if (!signal?.aborted)
            log.warn(deploymentWarning(error, `marking deployment ${id} in_progress`));
    });
    return {
        id,
        // No cancel signal here: after a cancel this is what marks the deployment inactive.
        finish: async (status, environmentUrl) => {
            await postStatus(api, settings, id, status, environmentUrl).catch(error => log.warn(deploymentWarning(error, `marking deployment ${id} ${status}`)));
        }
    };
}
/**
 * Sets the final status of a deployment a previous step created (the post step after a cancel).
 * Warns through `warn` when given; without it, the failure is thrown to the caller.
 */
async function markGitHubDeployment(settings, deploymentId, status, environmentUrl, warn, tuning) {
    if (!(0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .usesGitHubApi */ .ef)(settings))
        return;
    try {
        const api = await (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .connectFor */ .It)(settings, bestEffort(tuning));
        await postStatus(api, settings, deploymentId, status, environmentUrl);
    }
    catch (error) {
        const message = deploymentWarning(error, `marking deployment ${deploymentId} ${status}`);
        if (!warn)
            throw new Error(message, { cause: error });
        warn(message);
    }
}
async function postStatus(api, settings, deploymentId, state, environmentUrl, signal) {
    const { owner, repo, runUrl } = settings.context;
    const describe = `set deployment ${deploymentId} ${state}`;
    await api.call(describe, (o, s) => o.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: DESCRIPTIONS[state],
        ...(runUrl ? { log_url: runUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        // Only a success supersedes the environment's earlier deployment: after a failure the
        // previous one is still what runs there.
        auto_inactive: state === 'success',
        request: { signal: s }
    }), data => (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .requireNumber */ .Bw)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(data).id, describe, 'a deployment status with an id'), signal);
}
const DESCRIPTIONS = {
    in_progress: 'Deploy Pipeline is deploying',
    success: 'Deployed',
    failure: 'The deployment failed',
    error: 'The deployment could not run',
    inactive: 'The deployment was cancelled or superseded'
};
function deploymentWarning(error, doing) {
    const explained = (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
        doing,
        code: 'DEPLOY_FAILED',
        permission: PERMISSION
    });
    return `GitHub Deployments (best effort, the deploy goes on): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(explained)}`;
}


/***/ })

};
