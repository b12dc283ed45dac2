export const id = 6661;
export const ids = [6661];
export const modules = {

/***/ 8734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ readEventLog),
/* harmony export */   Ib: () => (/* binding */ appendEvents),
/* harmony export */   as: () => (/* binding */ writeEvent),
/* harmony export */   vH: () => (/* binding */ startEventLog)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7934);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _runtime_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9972);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6556);






const text = valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP();
const optionalText = valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(text);
const common = {
    id: valibot__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .minValue */ .Wwf(1)),
    stage: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_model_js__WEBPACK_IMPORTED_MODULE_4__/* .STAGES */ .a),
    service: optionalText,
    message: text,
    timestamp: text
};
// Loose objects: a field this schema does not name is kept, so that an event read back and sent
// on to the webhook is the event that was written.
const eventSchema = valibot__WEBPACK_IMPORTED_MODULE_3__/* .variant */ .Oxt('type', [
    valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ ...common, type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('info') }),
    valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ ...common, type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('stage') }),
    valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
        ...common,
        type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('progress'),
        deployment_url: optionalText,
        data: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()))
    }),
    valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
        ...common,
        type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('done'),
        status: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_model_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_STATUSES */ .L),
        image_uri: optionalText,
        image_uris: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), text)),
        deployment_url: optionalText,
        execution_time: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig())
    }),
    valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
        ...common,
        type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('error'),
        error_code: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ERROR_CODES */ .OQ),
        error_details: optionalText
    })
]);
/** Creates the log, or empties one left by an earlier run in the same job. */
function startEventLog(path) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, '');
}
function writeEvent(path, event) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${JSON.stringify(event)}\n`);
}
/** Every event in the log, in file order; a missing file is an empty log. */
function readEventLog(path) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return { events: [], problems: [] };
    let content;
    try {
        content = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        return { events: [], problems: [`cannot be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`] };
    }
    return parseEventLog(content);
}
/**
 * Appends events to an existing log, numbering on from its last event: the post step uses this
 * to close the log of a main step that never finished.
 */
function appendEvents(path, events, now = new Date()) {
    const content = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8') : '';
    const lastId = parseEventLog(content).events.reduce((last, event) => Math.max(last, event.id), 0);
    const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const written = events.map((event, index) => ({ id: lastId + index + 1, ...event, timestamp }));
    // A line cut by a kill has no newline: without one, the first new event would join it.
    const cut = content !== '' && !content.endsWith('\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${cut ? '\n' : ''}${written.map(e => `${JSON.stringify(e)}\n`).join('')}`);
    return written;
}
function parseEventLog(content) {
    const events = [];
    const problems = [];
    const lines = content.split('\n');
    for (const [index, line] of lines.entries()) {
        if (line.trim() === '')
            continue;
        const parsed = (0,_runtime_json_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .q)(eventSchema, line);
        if (parsed.ok) {
            events.push(parsed.value);
            continue;
        }
        // Every line the writer finishes ends in a newline; the last without one was cut short.
        const cut = parsed.notJson && index === lines.length - 1;
        const problem = cut ? 'cut short (the step was killed mid-write?)' : parsed.problem;
        problems.push(`line ${index + 1}: ${problem}`);
    }
    return { events, problems };
}


/***/ }),

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
/* harmony import */ var _events_event_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8734);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7729);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(518);
/* harmony import */ var _runtime_inert_output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3436);
/* harmony import */ var _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8414);
/* harmony import */ var _toolkit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7441);








// The post step prints what main left (event messages, server errors): the same guard as main.
const core = (0,_toolkit_js__WEBPACK_IMPORTED_MODULE_6__/* .safeToolkit */ .c)(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .workflowCommands */ .i);
/**
 * The post step (post-if: always()). When main finished, it only cleans up. When main never
 * reached a final state (cancelled, crashed, killed at a timeout), it finishes the story main could
 * not: the event log, the status card and direct message, and the GitHub deployment. It loads only
 * what the saved state says is owed, so after a dry run it costs little more than starting Node.
 */
async function runPost(options = {}) {
    await (0,_crash_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)('post', core, finishWhatMainLeft, options);
}
async function finishWhatMainLeft() {
    (0,_runtime_inert_output_js__WEBPACK_IMPORTED_MODULE_4__/* .guardOutputStreams */ .Er)();
    const state = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunState */ .xz)(core);
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
    const cancelled = core.getState(_run_state_js__WEBPACK_IMPORTED_MODULE_3__/* .CANCEL_STATE_KEY */ .JW) === 'true';
    const status = cancelled ? 'cancelled' : 'failure';
    const reason = cancelled
        ? 'the workflow was cancelled before the deployment finished'
        : 'the main step ended without reporting a result (crashed or killed)';
    core.info(`Deployment ${saved.deploymentId}: ${reason}; reporting it as ${status}`);
    const events = closeEventLog(saved.eventsFile, [
        {
            type: 'error',
            stage: 'DONE',
            message: reason,
            error_code: cancelled ? 'CANCELLED' : 'DEPLOY_FAILED'
        },
        { type: 'done', stage: 'DONE', status, message: status }
    ]);
    try {
        const { finishFromPost } = await Promise.all(/* import() */[__webpack_require__.e(2088), __webpack_require__.e(7569), __webpack_require__.e(9098), __webpack_require__.e(1283)]).then(__webpack_require__.bind(__webpack_require__, 1283));
        await finishFromPost(core, { events, cancelRequested: cancelled }, process.env);
    }
    catch (error) {
        core.warning(`status card not finished: ${String(error)}`);
    }
    if (saved.githubDeploymentId)
        await markDeployment(saved.githubDeploymentId, cancelled);
    if (!cancelled)
        (0,_outputs_js__WEBPACK_IMPORTED_MODULE_7__/* .failJob */ .SG)(core, { code: 'DEPLOY_FAILED', message: reason });
}
/**
 * The log as main left it, plus the end main never wrote, for the status card. A log with bad
 * lines or that cannot be written costs a warning: the card and the deployment still get finished.
 */
function closeEventLog(path, end) {
    const log = (0,_events_event_log_js__WEBPACK_IMPORTED_MODULE_1__/* .readEventLog */ .HI)(path);
    if (log.problems.length > 0) {
        const shown = log.problems.slice(0, 5).join('; ');
        core.warning(`events file ${path}: ${log.problems.length} line(s) skipped: ${shown}`);
    }
    try {
        return [...log.events, ...(0,_events_event_log_js__WEBPACK_IMPORTED_MODULE_1__/* .appendEvents */ .Ib)(path, end)];
    }
    catch (error) {
        core.warning(`events file ${path} not closed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
        return [...log.events];
    }
}
/** The GitHub Deployment main left in_progress: inactive after a cancel, error after a crash. */
async function markDeployment(id, cancelled) {
    try {
        const { readSettings } = await Promise.all(/* import() */[__webpack_require__.e(3243), __webpack_require__.e(2088), __webpack_require__.e(9743)]).then(__webpack_require__.bind(__webpack_require__, 9743));
        const { markGitHubDeployment } = await Promise.all(/* import() */[__webpack_require__.e(6512), __webpack_require__.e(487)]).then(__webpack_require__.bind(__webpack_require__, 5353));
        const settings = await readSettings(core);
        await markGitHubDeployment(settings, id, cancelled ? 'inactive' : 'error', undefined, message => core.warning(message));
    }
    catch (error) {
        core.warning(`GitHub deployment ${id} not marked: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
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
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7934);
/* harmony import */ var _events_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6556);
/* harmony import */ var _runtime_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9972);



const path = valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .minLength */ .BpQ(1, 'expected a path'));
/**
 * What the main step leaves for the post step (core.saveState): enough to finish honestly when
 * main never did (cancelled, crashed, killed): where the events are, which deployment this is.
 * The state file is outside the action's control (cut by a full disk, edited), so the post step
 * validates it; a new field is one more line here.
 */
const savedRunSchema = valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    deploymentId: valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    eventsFile: path,
    /** Where main left registry credentials for the post step to remove. */
    tempDir: path,
    environment: valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    finished: valibot__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    status: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .picklist */ .KIO(_events_model_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_STATUSES */ .L)),
    /** The GitHub Deployment main created, for the post step to mark if main never could. */
    githubDeploymentId: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .minValue */ .Wwf(1))),
    /** Main may log in to registries (credentials under tempDir), which the post step removes. */
    registryAuth: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()),
    /** Main may write helm values files holding secrets (under tempDir), which the post step removes. */
    helmValues: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY())
});
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
    const parsed = (0,_runtime_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .q)(savedRunSchema, raw);
    if (parsed.ok)
        return { run: parsed.value };
    return { run: undefined, problem: `the saved run state is unusable: ${parsed.problem}` };
}
/** Set by the main step the moment it receives SIGINT/SIGTERM. */
const CANCEL_STATE_KEY = 'deploy_pipeline_cancel';


/***/ }),

/***/ 9972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7934);

/** For what the action wrote and reads back later (state, event log), which may come back cut. */
function parseJson(schema, text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, notJson: true, problem: 'not JSON' };
    }
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_0__/* .safeParse */ .xLC(schema, json);
    if (parsed.success)
        return { ok: true, value: parsed.output };
    const issue = parsed.issues[0];
    const path = valibot__WEBPACK_IMPORTED_MODULE_0__/* .getDotPath */ .BuJ(issue);
    return { ok: false, notJson: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}


/***/ })

};

//# sourceMappingURL=6661.index.js.map