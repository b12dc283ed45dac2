export const id = 5353;
export const ids = [5353];
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


/***/ })

};

//# sourceMappingURL=5353.index.js.map