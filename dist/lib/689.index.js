export const id = 689;
export const ids = [689];
export const modules = {

/***/ 689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMPARE_FILE_CAP: () => (/* binding */ COMPARE_FILE_CAP),
/* harmony export */   changedFilesBetween: () => (/* binding */ changedFilesBetween),
/* harmony export */   lastSuccessfulDeployment: () => (/* binding */ lastSuccessfulDeployment)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(705);


/**
 * What changed since the environment's last deployment, through the REST API: the newest
 * deployment of this action to the environment that reached `success` (GitHub Deployments), and
 * the files changed between two commits (compare, every page).
 */
/** Deployments of this action carry the run's deployment_id in their payload. */
const OURS = /^dep_/;
/** Pages of deployments read (newest first) before giving up on finding a successful one. */
const DEPLOYMENT_PAGES = 3;
/** GitHub lists at most this many files of a comparison; a list this long may be cut. */
const COMPARE_FILE_CAP = 300;
/**
 * The newest deployment of this action to `environment` with a `success` status (a later
 * `inactive`, which the next success sets, does not undo that it succeeded); undefined when none.
 */
async function lastSuccessfulDeployment(api, owner, repo, environment, signal) {
    for (let page = 1; page <= DEPLOYMENT_PAGES; page++) {
        const describe = `list deployments to ${environment} (page ${page})`;
        const deployments = await api.call(describe, (o, s) => o.rest.repos.listDeployments({
            owner,
            repo,
            environment,
            per_page: 100,
            page,
            request: { signal: s }
        }), data => parseDeployments(data, describe), signal);
        for (const deployment of deployments.filter(d => d.ours)) {
            if (await succeeded(api, owner, repo, deployment.id, signal)) {
                return { id: deployment.id, sha: deployment.sha };
            }
        }
        if (deployments.length < 100)
            return undefined;
    }
    return undefined;
}
async function succeeded(api, owner, repo, id, signal) {
    const describe = `list the statuses of deployment ${id}`;
    const states = await api.paginate(describe, 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner, repo, deployment_id: id, per_page: 100 }, (data, page) => {
        if (!Array.isArray(data))
            throw new _github_js__WEBPACK_IMPORTED_MODULE_1__.MalformedAnswer(page, 'a list of statuses');
        return data.map(status => (0,_github_js__WEBPACK_IMPORTED_MODULE_1__.requireString)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(status).state, page, 'a status state'));
    }, signal);
    return states.includes('success');
}
function parseDeployments(data, describe) {
    if (!Array.isArray(data))
        throw new _github_js__WEBPACK_IMPORTED_MODULE_1__.MalformedAnswer(describe, 'a list of deployments');
    return data.map(item => {
        const deployment = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(item);
        const payload = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(deployment.payload);
        return {
            id: (0,_github_js__WEBPACK_IMPORTED_MODULE_1__.requireNumber)(deployment.id, describe, 'a deployment id'),
            sha: (0,_github_js__WEBPACK_IMPORTED_MODULE_1__.requireString)(deployment.sha, describe, 'a deployment sha'),
            ours: deployment.task === 'deploy' &&
                typeof payload.deployment_id === 'string' &&
                OURS.test(payload.deployment_id)
        };
    });
}
/**
 * The files changed from `base` to `head` (every page of the comparison; GitHub lists the files
 * with the first); undefined when the list may be cut at GitHub's cap.
 */
async function changedFilesBetween(api, owner, repo, base, head, signal) {
    const files = await api.paginate(`compare ${base.slice(0, 7)}...${head.slice(0, 7)}`, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}`, per_page: 100 }, (data, describe) => {
        const listed = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(data).files ?? [];
        if (!Array.isArray(listed))
            throw new _github_js__WEBPACK_IMPORTED_MODULE_1__.MalformedAnswer(describe, 'a list of files');
        return listed.flatMap(file => {
            const entry = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(file);
            const name = (0,_github_js__WEBPACK_IMPORTED_MODULE_1__.requireString)(entry.filename, describe, 'a file name');
            // A rename changes both places.
            return typeof entry.previous_filename === 'string'
                ? [name, entry.previous_filename]
                : [name];
        });
    }, signal);
    const unique = [...new Set(files)];
    return unique.length >= COMPARE_FILE_CAP ? undefined : unique;
}


/***/ })

};

//# sourceMappingURL=689.index.js.map