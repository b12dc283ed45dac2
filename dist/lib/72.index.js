export const id = 72;
export const ids = [72];
export const modules = {

/***/ 9072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tagSourceFor: () => (/* binding */ tagSourceFor)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6848);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(705);
/* harmony import */ var _github_tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6435);




/**
 * The tags the planner reads: through the GitHub API when the run has a token and a GitHub,
 * else from the local repository. `info`, when given, gets a line for each retried call: a
 * throttled GitHub is then visible in the log instead of a silent pause.
 */
async function tagSourceFor(settings, options = {}) {
    if (!(0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .usesGitHubApi */ .ef)(settings))
        return (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .localTagSource */ .XH)(settings.context.workspace);
    const { owner, repo } = settings.context;
    const { info, tuning } = options;
    const onRetry = info ? (retry) => info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRetry */ .eV)(retry)) : undefined;
    return (0,_github_tags_js__WEBPACK_IMPORTED_MODULE_3__/* .githubTagSource */ .t)(await (0,_github_js__WEBPACK_IMPORTED_MODULE_2__.connectFor)(settings, tuning, onRetry), owner, repo);
}


/***/ })

};

//# sourceMappingURL=72.index.js.map