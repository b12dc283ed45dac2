export const id = 487;
export const ids = [487,5353];
export const modules = {

/***/ 5353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   markGitHubDeployment: () => (/* binding */ markGitHubDeployment),
/* harmony export */   startGitHubDeployment: () => (/* binding */ startGitHubDeployment)
/* harmony export */ });
/* harmony import */ var _clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _clients_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(705);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6390);




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
async function startGitHubDeployment(settings, plan, log, signal, tuning, 
/** The deployment record (src/plan/deployment-record.ts); without it, only the run's id. */
payload = { deployment_id: plan.deploymentId }) {
    if (plan.dryRun || !(0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.usesGitHubApi)(settings))
        return undefined;
    const { owner, repo } = settings.context;
    let id;
    let api;
    try {
        api = await (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.connectFor)(settings, bestEffort(tuning), retry => log.info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRetry */ .eV)(retry)));
        id = await (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .createDeployment */ .Yy)(api, {
            owner,
            repo,
            commit: plan.commit,
            environment: plan.environment,
            description: deploymentDescription(plan),
            payload,
            production: plan.environment === 'prod'
        }, signal);
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
    if (!(0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.usesGitHubApi)(settings))
        return;
    try {
        const api = await (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.connectFor)(settings, bestEffort(tuning));
        await postStatus(api, settings, deploymentId, status, environmentUrl);
    }
    catch (error) {
        const message = deploymentWarning(error, `marking deployment ${deploymentId} ${status}`);
        if (!warn)
            throw new Error(message, { cause: error });
        warn(message);
    }
}
function postStatus(api, settings, deploymentId, state, environmentUrl, signal) {
    const { owner, repo, runUrl } = settings.context;
    return (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .setDeploymentStatus */ .e9)(api, { owner, repo, deploymentId, state, logUrl: runUrl, environmentUrl }, signal);
}
function deploymentWarning(error, doing) {
    const explained = (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .explainDeploymentError */ .Jf)(error, doing);
    return `GitHub Deployments (best effort, the deploy goes on): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(explained)}`;
}
/** What GitHub's deployments list shows of this run: the image tag, or what a rollback did. */
function deploymentDescription(plan) {
    const r = plan.rollback;
    const what = r
        ? `rollback to ${r.to.label}${r.from ? `, rolled back from ${r.from.label}` : ''}`
        : plan.version.imageTag;
    return `${what} (${plan.deploymentId})`.slice(0, 140);
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


/***/ })

};

//# sourceMappingURL=487.index.js.map