export const id = 7348;
export const ids = [7348];
export const modules = {

/***/ 7348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readDeploymentHistory: () => (/* binding */ readDeploymentHistory)
/* harmony export */ });
/* harmony import */ var _clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _clients_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(705);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _plan_deployment_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9280);




/** Statuses are read this many deployments at a time. */
const STATUS_CONCURRENCY = 8;
/**
 * An environment's recorded deployments, newest first: every page of its GitHub Deployments, the
 * ones whose payload holds a record this action wrote, each with when it succeeded or failed.
 * Unlike the best-effort deployment itself, this is what a rollback or the gate stands on: trouble
 * reading it fails the run before anything is changed.
 */
async function readDeploymentHistory(settings, environment, signal) {
    if (!(0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.usesGitHubApi)(settings)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError('INVALID_INPUT', 'the deployment history is read from GitHub Deployments: it needs github_token');
    }
    const { owner, repo } = settings.context;
    try {
        const api = await (0,_clients_github_js__WEBPACK_IMPORTED_MODULE_1__.connectFor)(settings);
        const listed = await (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .listDeployments */ .Jn)(api, owner, repo, environment, signal);
        const recorded = listed.flatMap(d => {
            const record = (0,_plan_deployment_record_js__WEBPACK_IMPORTED_MODULE_3__/* .readDeploymentRecord */ .L6)(d.payload);
            return record && record.environment === environment ? [{ ...d, record }] : [];
        });
        const entries = [];
        for (let i = 0; i < recorded.length; i += STATUS_CONCURRENCY) {
            const batch = recorded.slice(i, i + STATUS_CONCURRENCY);
            const statuses = await Promise.all(batch.map(d => (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .listDeploymentStatuses */ .oJ)(api, owner, repo, d.id, signal)));
            batch.forEach((d, index) => {
                // Newest first: the first success is the one that counts; a later retry cannot undo it.
                const list = statuses[index] ?? [];
                const success = [...list].reverse().find(s => s.state === 'success');
                const failed = [...list].reverse().find(s => s.state === 'failure' || s.state === 'error');
                entries.push({
                    id: d.id,
                    createdAt: d.createdAt,
                    record: d.record,
                    succeededAt: success?.createdAt,
                    failedAt: failed?.createdAt
                });
            });
        }
        return entries;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError)
            throw error;
        throw (0,_clients_github_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .explainDeploymentError */ .Jf)(error, `reading the deployment history of ${environment}`);
    }
}


/***/ })

};

//# sourceMappingURL=7348.index.js.map