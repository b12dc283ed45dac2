export const id = 6661;
export const ids = [6661];
export const modules = {

/***/ 6556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ RUN_STATUSES),
/* harmony export */   a: () => (/* binding */ STAGES)
/* harmony export */ });
const STAGES = [
    'INIT',
    'VERSION',
    'TAG',
    'RELEASE',
    'BUILD',
    'PUSH',
    'DEPLOY',
    'DONE'
];
const RUN_STATUSES = ['success', 'failure', 'cancelled', 'planned'];


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _crash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1500);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7729);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(518);
/* harmony import */ var _runtime_inert_output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3436);
/* harmony import */ var _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8414);
/* harmony import */ var _toolkit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7441);







// The post step prints what main left (event messages, server errors): the same guard as main.
const core = (0,_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .safeToolkit */ .c)(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .workflowCommands */ .i);
/**
 * The post step (post-if: always()). When main finished, it only cleans up. When main never
 * reached a final state (cancelled, crashed, killed at a timeout), it finishes the story main could
 * not: the event log, the status card and direct message, and the GitHub deployment. It loads only
 * what the saved state says is owed, so after a dry run it costs little more than starting Node.
 */
async function runPost(options = {}) {
    await (0,_crash_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)('post', core, () => finishWhatMainLeft(options), options);
}
async function finishWhatMainLeft(options) {
    (0,_runtime_inert_output_js__WEBPACK_IMPORTED_MODULE_3__/* .guardOutputStreams */ .Er)();
    // The runner's `node dist/post.js`: fd 1 is ours, and the toolkit writes to it itself.
    if (options.ownsProcess)
        (0,_runtime_inert_output_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdoutDirectly */ ["do"])();
    const state = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunState */ .xz)(core);
    if (!state.run) {
        // Nothing saved: main stopped before it read valid settings, and nothing was started.
        if (state.problem)
            core.warning(`${state.problem}; the post step has nothing to go on`);
        return;
    }
    const saved = state.run;
    if (saved.registryAuth) {
        try {
            const { removeRegistryAuth } = await __webpack_require__.e(/* import() */ 6260).then(__webpack_require__.bind(__webpack_require__, 6260));
            await removeRegistryAuth(saved.tempDir);
        }
        catch (error) {
            core.warning(`registry credentials not cleaned up: ${String(error)}`);
        }
    }
    if (saved.helmValues) {
        try {
            const { removeSecretValuesDir } = await Promise.all(/* import() */[__webpack_require__.e(3243), __webpack_require__.e(1830)]).then(__webpack_require__.bind(__webpack_require__, 1830));
            removeSecretValuesDir(saved.tempDir);
        }
        catch (error) {
            core.warning(`helm values files not cleaned up: ${String(error)}`);
        }
    }
    if (saved.finished) {
        // Only in a debug log: the first line written opens stdout, a tenth of this step's startup.
        if (process.env.RUNNER_DEBUG === '1') {
            core.debug(`Deployment ${saved.deploymentId}: main reported it (${saved.status}); nothing left`);
        }
        return;
    }
    const cancelled = core.getState(_run_state_js__WEBPACK_IMPORTED_MODULE_2__/* .CANCEL_STATE_KEY */ .JW) === 'true';
    const status = cancelled ? 'cancelled' : 'failure';
    const reason = cancelled
        ? 'the workflow was cancelled before the deployment finished'
        : 'the main step ended without reporting a result (crashed or killed)';
    core.info(`Deployment ${saved.deploymentId}: ${reason}; reporting it as ${status}`);
    const events = await closeEventLog(saved.eventsFile, [
        {
            type: 'error',
            stage: 'DONE',
            message: reason,
            error_code: cancelled ? 'CANCELLED' : 'DEPLOY_FAILED'
        },
        { type: 'done', stage: 'DONE', status, message: status }
    ]);
    try {
        const { finishFromPost } = await Promise.all(/* import() */[__webpack_require__.e(7569), __webpack_require__.e(9098), __webpack_require__.e(1283)]).then(__webpack_require__.bind(__webpack_require__, 1283));
        await finishFromPost(core, { events, cancelRequested: cancelled }, process.env);
    }
    catch (error) {
        core.warning(`status card not finished: ${String(error)}`);
    }
    if (saved.githubDeploymentId)
        await markDeployment(saved.githubDeploymentId, cancelled);
    if (!cancelled)
        (0,_outputs_js__WEBPACK_IMPORTED_MODULE_6__/* .failJob */ .SG)(core, { code: 'DEPLOY_FAILED', message: reason });
}
/**
 * The log as main left it, plus the end main never wrote, for the status card. A log with bad
 * lines or that cannot be written costs a warning: the card and the deployment still get finished.
 * The reader is loaded only here, for a run main did not finish: it brings valibot with it.
 */
async function closeEventLog(path, end) {
    const { appendEvents, readEventLog } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(8734)]).then(__webpack_require__.bind(__webpack_require__, 8734));
    const log = readEventLog(path);
    if (log.problems.length > 0) {
        const shown = log.problems.slice(0, 5).join('; ');
        core.warning(`events file ${path}: ${log.problems.length} line(s) skipped: ${shown}`);
    }
    try {
        return [...log.events, ...appendEvents(path, end)];
    }
    catch (error) {
        core.warning(`events file ${path} not closed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        return [...log.events];
    }
}
/** The GitHub Deployment main left in_progress: inactive after a cancel, error after a crash. */
async function markDeployment(id, cancelled) {
    try {
        const { readSettings } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(3243), __webpack_require__.e(9743)]).then(__webpack_require__.bind(__webpack_require__, 9743));
        const { markGitHubDeployment } = await Promise.all(/* import() */[__webpack_require__.e(6512), __webpack_require__.e(487)]).then(__webpack_require__.bind(__webpack_require__, 5353));
        const settings = await readSettings(core);
        await markGitHubDeployment(settings, id, cancelled ? 'inactive' : 'error', undefined, message => core.warning(message));
    }
    catch (error) {
        core.warning(`GitHub deployment ${id} not marked: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ }),

/***/ 518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ CANCEL_STATE_KEY),
/* harmony export */   iZ: () => (/* binding */ saveRunState),
/* harmony export */   xz: () => (/* binding */ readRunState)
/* harmony export */ });
/* unused harmony export RUN_STATE_KEY */
/* harmony import */ var _events_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6556);

const invalidType = (expected, value) => `Invalid type: Expected ${expected} but received ${shown(value)}`;
const string = value => typeof value === 'string' ? undefined : invalidType('string', value);
const boolean = value => typeof value === 'boolean' ? undefined : invalidType('boolean', value);
const path = value => string(value) ?? (value === '' ? 'expected a path' : undefined);
const status = value => _events_model_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .L.includes(value)
    ? undefined
    : invalidType(`(${_events_model_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .L.map(name => `"${name}"`).join(' | ')})`, value);
const positiveInteger = value => {
    if (typeof value !== 'number')
        return invalidType('number', value);
    if (!Number.isInteger(value))
        return `Invalid integer: Received ${shown(value)}`;
    return value >= 1 ? undefined : `Invalid value: Expected >=1 but received ${shown(value)}`;
};
const optional = (check) => value => value === undefined ? undefined : check(value);
/**
 * The state file is outside the action's control (cut by a full disk, edited), so the post step
 * checks every field before it trusts one (it deletes under tempDir); a new field is one more
 * line here. Checked by hand, in valibot's words: valibot is 200 kB the post step would load
 * after every run, dry runs included, for nine fields.
 */
const savedRunFields = {
    deploymentId: string,
    eventsFile: path,
    tempDir: path,
    environment: string,
    finished: boolean,
    status: optional(status),
    githubDeploymentId: optional(positiveInteger),
    registryAuth: optional(boolean),
    helmValues: optional(boolean)
};
function shown(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
/** The saved run in `json` (its unknown keys left out), or its first problem, with the key. */
function checkSavedRun(json) {
    if (typeof json !== 'object' || json === null) {
        return { problem: invalidType('Object', json) };
    }
    const run = {};
    for (const [key, check] of Object.entries(savedRunFields)) {
        const value = json[key];
        const problem = check(value);
        if (problem)
            return { problem: `${key}: ${problem}` };
        if (value !== undefined)
            run[key] = value;
    }
    return { run: run };
}
const RUN_STATE_KEY = 'deploy_pipeline_run';
function saveRunState(core, run) {
    const saved = {
        deploymentId: run.settings.deploymentId,
        eventsFile: run.settings.eventsFile,
        tempDir: run.settings.context.tempDir,
        environment: run.settings.environment,
        finished: run.finished,
        ...(run.status ? { status: run.status } : {}),
        ...(run.githubDeploymentId ? { githubDeploymentId: run.githubDeploymentId } : {}),
        ...(logsInToRegistries(run.settings) ? { registryAuth: true } : {}),
        ...(writesHelmSecrets(run.settings) ? { helmValues: true } : {})
    };
    core.saveState(RUN_STATE_KEY, JSON.stringify(saved));
}
/** BUILD logs in to registries for the builder; only services with a build do. */
function logsInToRegistries(settings) {
    return !settings.dryRun && settings.services.some(service => service.build);
}
/** DEPLOY writes a 0600 values file for each helm service with set_secret. */
function writesHelmSecrets(settings) {
    return (!settings.dryRun &&
        settings.services.some(service => service.deploy?.kind === 'helm' && Object.keys(service.deploy.setSecret).length > 0));
}
function readRunState(core) {
    const raw = core.getState(RUN_STATE_KEY);
    if (!raw)
        return { run: undefined };
    let json;
    try {
        json = JSON.parse(raw);
    }
    catch {
        return { run: undefined, problem: 'the saved run state is unusable: not JSON' };
    }
    const checked = checkSavedRun(json);
    if ('run' in checked)
        return checked;
    return { run: undefined, problem: `the saved run state is unusable: ${checked.problem}` };
}
/** Set by the main step the moment it receives SIGINT/SIGTERM. */
const CANCEL_STATE_KEY = 'deploy_pipeline_cancel';


/***/ })

};

//# sourceMappingURL=6661.index.js.map