export const id = 661;
export const ids = [661];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OQ: () => (/* binding */ ERROR_CODES),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   sH: () => (/* binding */ DeployError),
/* harmony export */   y0: () => (/* binding */ asDeployError),
/* harmony export */   zf: () => (/* binding */ isAbortError)
/* harmony export */ });
/** The error codes of the product contract (DESIGN.md, "Events"). */
const ERROR_CODES = [
    'INVALID_INPUT',
    'TAG_CONFLICT',
    'RELEASE_FAILED',
    'BUILD_FAILED',
    'PUSH_FAILED',
    'REGISTRY_AUTH_FAILED',
    'DEPLOY_FAILED',
    'HEALTH_CHECK_FAILED',
    'TIMEOUT',
    'CANCELLED'
];
/**
 * A failure the user can act on: a code for machines, a sentence for people, and optional details
 * (a builder's last lines, a list of invalid inputs). Helpers throw it; only main.ts fails the job.
 */
class DeployError extends Error {
    code;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DeployError';
        this.code = code;
        this.details = options.details;
    }
}
/** Wraps anything thrown into a DeployError, keeping a DeployError's own code. */
function asDeployError(error, fallback) {
    if (error instanceof DeployError)
        return error;
    if (isAbortError(error))
        return new DeployError('CANCELLED', 'the run was cancelled', { cause: error });
    return new DeployError(fallback, errorMessage(error), { cause: error });
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
function isAbortError(error) {
    return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError');
}


/***/ }),

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

/***/ 7729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IP: () => (/* binding */ doneMessage),
/* harmony export */   SG: () => (/* binding */ failJob),
/* harmony export */   k5: () => (/* binding */ outputsFor)
/* harmony export */ });
/** What the run reports: the action's outputs and the message of its `done` event. */
function outputsFor(settings, plan, state, status) {
    return {
        environment: settings.environment,
        version: plan?.version.gitTag ? (plan.version.version ?? '') : '',
        // A dry run shows what it would create; a real run what it created or reused.
        tag: status === 'planned' ? (plan?.version.gitTag ?? '') : (state.tag ?? ''),
        image_tag: plan?.version.imageTag ?? '',
        images: JSON.stringify(state.images),
        release_url: state.releaseUrl ?? '',
        deployment_id: settings.deploymentId,
        deployment_url: state.deploymentUrl ?? '',
        status,
        plan: plan ? JSON.stringify(plan) : '',
        events_file: settings.eventsFile,
        ...state.outputs
    };
}
function doneMessage(status, settings, plan, state, failure) {
    switch (status) {
        case 'success': {
            const deployed = plan?.services.some(s => s.deploy);
            const images = Object.keys(state.images).length;
            if (deployed) {
                return `deployed to ${settings.environment}${state.deploymentUrl ? `: ${state.deploymentUrl}` : ''}`;
            }
            // Say what was done, not "deployed", when the config has no deploy targets.
            return images > 0
                ? `${images} image${images === 1 ? '' : 's'} pushed for ${settings.environment}; nothing to deploy`
                : `${state.tag ? `tagged ${state.tag}` : 'versioned'}; nothing to build or deploy`;
        }
        case 'planned':
            return 'dry run: nothing was changed';
        case 'cancelled':
            return 'cancelled';
        case 'failure':
            return `failed: ${failure?.code ?? 'DEPLOY_FAILED'}`;
    }
}
/**
 * The one place that fails the job. notify_strict fails it too when notifications were lost, but
 * the status output stays the deployment's own result.
 */
function failJob(core, failure, strictFailure) {
    if (failure) {
        core.setFailed(`${failure.code}: ${failure.message}${failure.details ? `\n${failure.details}` : ''}`);
    }
    else if (strictFailure) {
        core.setFailed(strictFailure);
    }
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _events_event_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8734);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7729);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(518);
/* harmony import */ var _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8414);





/**
 * The post step (post-if: always()). When main finished, it only cleans up. When main never
 * reached a final state (cancelled, crashed, killed at a timeout), it finishes the story main could
 * not: the event log, the status card and direct message, and the GitHub deployment. It loads only
 * what the saved state says is owed, so after a dry run it costs little more than starting Node.
 */
async function runPost() {
    const state = (0,_run_state_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunState */ .xz)(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i);
    if (!state.run) {
        // Nothing saved: main stopped before it read valid settings, and nothing was started.
        if (state.problem)
            _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`${state.problem}; the post step has nothing to go on`);
        return;
    }
    const saved = state.run;
    if (saved.registryAuth) {
        try {
            const { removeRegistryAuth } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 6260));
            await removeRegistryAuth(saved.tempDir);
        }
        catch (error) {
            _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`registry credentials not cleaned up: ${String(error)}`);
        }
    }
    if (saved.finished)
        return;
    const cancelled = _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.getState(_run_state_js__WEBPACK_IMPORTED_MODULE_2__/* .CANCEL_STATE_KEY */ .JW) === 'true';
    const status = cancelled ? 'cancelled' : 'failure';
    const reason = cancelled
        ? 'the workflow was cancelled before the deployment finished'
        : 'the main step ended without reporting a result (crashed or killed)';
    _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.info(`Deployment ${saved.deploymentId}: ${reason}; reporting it as ${status}`);
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
        const { finishFromPost } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(754), __webpack_require__.e(601)]).then(__webpack_require__.bind(__webpack_require__, 1283));
        await finishFromPost(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i, { events, cancelRequested: cancelled }, process.env);
    }
    catch (error) {
        _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`status card not finished: ${String(error)}`);
    }
    if (saved.githubDeploymentId)
        await markDeployment(saved.githubDeploymentId, cancelled);
    if (!cancelled)
        (0,_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .failJob */ .SG)(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i, { code: 'DEPLOY_FAILED', message: reason });
}
/**
 * The log as main left it, plus the end main never wrote, for the status card. A log with bad
 * lines or that cannot be written costs a warning: the card and the deployment still get finished.
 */
function closeEventLog(path, end) {
    const log = (0,_events_event_log_js__WEBPACK_IMPORTED_MODULE_0__/* .readEventLog */ .HI)(path);
    if (log.problems.length > 0) {
        const shown = log.problems.slice(0, 5).join('; ');
        _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`events file ${path}: ${log.problems.length} line(s) skipped: ${shown}`);
    }
    try {
        return [...log.events, ...(0,_events_event_log_js__WEBPACK_IMPORTED_MODULE_0__/* .appendEvents */ .Ib)(path, end)];
    }
    catch (error) {
        _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`events file ${path} not closed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        return [...log.events];
    }
}
/** The GitHub Deployment main left in_progress: inactive after a cancel, error after a crash. */
async function markDeployment(id, cancelled) {
    try {
        const { readSettings } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(243), __webpack_require__.e(867)]).then(__webpack_require__.bind(__webpack_require__, 9867));
        const { markGitHubDeployment } = await __webpack_require__.e(/* import() */ 214).then(__webpack_require__.bind(__webpack_require__, 6214));
        const settings = await readSettings(_runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i);
        await markGitHubDeployment(settings, id, cancelled ? 'inactive' : 'error', undefined, message => _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(message));
    }
    catch (error) {
        _runtime_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowCommands */ .i.warning(`GitHub deployment ${id} not marked: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
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
    registryAuth: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY())
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
        ...(logsInToRegistries(run.settings) ? { registryAuth: true } : {})
    };
    core.saveState(RUN_STATE_KEY, JSON.stringify(saved));
}
/** BUILD logs in to registries for the builder; only services with a build do. */
function logsInToRegistries(settings) {
    return !settings.dryRun && settings.services.some(service => service.build);
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


/***/ }),

/***/ 8414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ workflowCommands)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The runner's side of the Toolkit: workflow commands on stdout, file commands (GITHUB_OUTPUT,
 * GITHUB_STATE, GITHUB_STEP_SUMMARY), inputs and state from the environment, byte for byte as
 * @actions/core 3 writes them. Not @actions/core itself because its entry point loads an HTTP
 * client (undici, for OIDC tokens) and @actions/exec at import: three times the startup of bare
 * Node, for a dry run that needs none of it.
 */
const workflowCommands = {
    getInput(name, options) {
        const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
        if (options?.required && !value)
            throw new Error(`Input required and not supplied: ${name}`);
        return options?.trimWhitespace === false ? value : value.trim();
    },
    setOutput(name, value) {
        if (process.env.GITHUB_OUTPUT)
            return fileCommand('OUTPUT', keyValue(name, value));
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
        command('set-output', { name }, commandValue(value));
    },
    setSecret: secret => command('add-mask', {}, secret),
    setFailed(message) {
        process.exitCode = 1;
        workflowCommands.error(message);
    },
    info: message => void process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL),
    debug: message => command('debug', {}, message),
    notice: (message, properties) => annotation('notice', message, properties),
    warning: (message, properties) => annotation('warning', message, properties),
    error: (message, properties) => annotation('error', message, properties),
    startGroup: name => command('group', {}, name),
    endGroup: () => command('endgroup', {}, ''),
    saveState(name, value) {
        if (process.env.GITHUB_STATE)
            return fileCommand('STATE', keyValue(name, value));
        command('save-state', { name }, commandValue(value));
    },
    getState: name => process.env[`STATE_${name}`] || '',
    summary: stepSummary()
};
function annotation(kind, message, properties = {}) {
    const located = Object.keys(properties).length === 0
        ? {}
        : {
            title: properties.title,
            file: properties.file,
            line: properties.startLine,
            endLine: properties.endLine,
            col: properties.startColumn,
            endColumn: properties.endColumn
        };
    command(kind, located, message instanceof Error ? message.toString() : message);
}
/** `::name key=value,key=value::message`, the properties and message escaped. */
function command(name, properties, message) {
    const given = Object.entries(properties).filter(([, value]) => value);
    const list = given.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
    // A space even when every property is empty: @actions/core writes `::warning ::message` then.
    const spaced = Object.keys(properties).length > 0 ? ` ${list}` : '';
    process.stdout.write(`::${name}${spaced}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
function commandValue(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string' || value instanceof String)
        return String(value);
    return JSON.stringify(value);
}
function escapeData(value) {
    return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function fileCommand(name, message) {
    const path = process.env[`GITHUB_${name}`];
    if (!path)
        throw new Error(`Unable to find environment variable for file command ${name}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${message}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, { encoding: 'utf8' });
}
/** name<<DELIMITER, the value, DELIMITER: a random delimiter the value cannot end early. */
function keyValue(name, value) {
    // node:crypto on first use: a post step with nothing to do writes no file command, and loading
    // it costs about a tenth of Node's own startup.
    const delimiter = `ghadelimiter_${process.getBuiltinModule('node:crypto').randomUUID()}`;
    const text = commandValue(value);
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (text.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${text}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}`;
}
/** The summary buffer, appended to (or, with overwrite, replacing) GITHUB_STEP_SUMMARY. */
function stepSummary() {
    let buffer = '';
    const summary = {
        addRaw(text, addEOL = false) {
            buffer += addEOL ? text + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL : text;
            return summary;
        },
        async write(options) {
            const path = process.env.GITHUB_STEP_SUMMARY;
            if (!path) {
                throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime ' +
                    'environment supports job summaries.');
            }
            // Synchronous: node:fs/promises is one more module to load, for one small write at the end.
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
            }
            catch {
                throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
            }
            if (options?.overwrite)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, buffer, 'utf8');
            else
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, buffer, 'utf8');
            buffer = '';
            return summary;
        }
    };
    return summary;
}


/***/ })

};
