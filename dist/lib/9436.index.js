export const id = 9436;
export const ids = [9436];
export const modules = {

/***/ 9436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canReadDeployments: () => (/* binding */ canReadDeployments),
/* harmony export */   readRepositoryAccess: () => (/* binding */ readRepositoryAccess)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(705);


async function readRepositoryAccess(api, owner, repo, signal) {
    const describe = `GET /repos/${owner}/${repo}`;
    return api.call(describe, async (octokit, s) => {
        const response = await octokit.request('GET /repos/{owner}/{repo}', {
            owner,
            repo,
            request: { signal: s }
        });
        return {
            data: { body: response.data, scopes: (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .headerValue */ .Z)(response.headers, 'x-oauth-scopes') }
        };
    }, data => {
        const { body, scopes } = data;
        const fields = body;
        if (!fields || typeof fields.private !== 'boolean') {
            throw new _github_js__WEBPACK_IMPORTED_MODULE_1__.MalformedAnswer(describe, 'a repository');
        }
        const scoped = scopes !== undefined;
        return {
            scopes: scoped ? splitScopes(scopes) : undefined,
            private: fields.private,
            userCanPush: scoped ? fields.permissions?.push === true : undefined
        };
    }, signal);
}
/** Whether the token may list the repository's deployments: false on a 403, true on an answer. */
async function canReadDeployments(api, owner, repo, signal) {
    try {
        await api.call(`GET /repos/${owner}/${repo}/deployments`, (octokit, s) => octokit.request('GET /repos/{owner}/{repo}/deployments', {
            owner,
            repo,
            per_page: 1,
            request: { signal: s }
        }), () => undefined, signal);
        return true;
    }
    catch (error) {
        // A rate limit is a 403 too, and says nothing about the permission.
        if ((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(error) === 403 && !/rate limit/i.test((0,_github_js__WEBPACK_IMPORTED_MODULE_1__.githubMessage)(error)))
            return false;
        throw error;
    }
}
function splitScopes(header) {
    return header
        .split(',')
        .map(scope => scope.trim())
        .filter(scope => scope !== '');
}


/***/ })

};

//# sourceMappingURL=9436.index.js.map