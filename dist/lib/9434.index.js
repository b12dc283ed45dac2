export const id = 9434;
export const ids = [9434];
export const modules = {

/***/ 8559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ callsFailingAs),
/* harmony export */   p: () => (/* binding */ noticeRetry)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);

/** What the AWS targets' calls share: a log line per retry, and failures said in their own words. */
/** Retries are worth a log line: a throttled deploy API explains a slow follow. */
function noticeRetry(context) {
    return retry => context.info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRetry */ .eV)(retry));
}
/** `call(what, operation)`: the operation, with any failure turned into the target's DeployError. */
function callsFailingAs(asFailure) {
    return async (what, operation) => {
        try {
            return await operation();
        }
        catch (error) {
            throw asFailure(what, error);
        }
    };
}


/***/ }),

/***/ 9434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  consoleUrl: () => (/* binding */ consoleUrl),
  deploy: () => (/* binding */ deploy),
  judgeEnd: () => (/* binding */ judgeEnd),
  urlFromOutput: () => (/* binding */ urlFromOutput)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/targets/types.ts
var types = __webpack_require__(6043);
// EXTERNAL MODULE: ./src/targets/calls.ts
var calls = __webpack_require__(8559);
;// CONCATENATED MODULE: ./src/targets/stepfunctions-calls.ts



/**
 * How a failed Step Functions or Secrets Manager call reads to the user: one DeployError with the
 * call named, whichever part of the target (start, find, follow) made it.
 */
const call = (0,calls/* callsFailingAs */.m)(asFailure);
function asFailure(what, error) {
    if (error instanceof errors.DeployError)
        return error;
    if ((0,errors/* isAbortError */.zf)(error))
        return new errors.DeployError('CANCELLED', `cancelled during Step Functions ${what}`, { cause: error });
    const name = errorName(error);
    return new errors.DeployError('DEPLOY_FAILED', `Step Functions ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
}
function errorName(error) {
    return error instanceof Error ? error.name : '';
}

;// CONCATENATED MODULE: ./src/targets/stepfunctions-find.ts



/**
 * Find mode: the image push started the execution and we find it, in a Secrets Manager secret the
 * state machine writes, or among the state machine's executions by the image it carries.
 */
/** Fills the secret name template: {deployment_id}, {service}, {environment}, {owner}, {repo}, {commit}. */
function secretNameFor(template, request) {
    const values = {
        deployment_id: request.plan.deploymentId,
        service: request.service.name,
        environment: request.plan.environment,
        owner: request.settings.context.owner,
        repo: request.settings.context.repo,
        commit: request.plan.commit
    };
    return template.replace(/\{([^{}]*)\}/g, (_, key) => {
        const value = values[key];
        if (value === undefined) {
            throw new errors.DeployError('INVALID_INPUT', `secret_name '${template}' uses {${key}}; known placeholders: ` +
                Object.keys(values)
                    .map(k => `{${k}}`)
                    .join(', '));
        }
        return value;
    });
}
/** The execution ARN a secret holds: the ARN itself, or JSON with executionArn / execution_arn. */
function executionArnFromSecret(value) {
    const trimmed = value.trim();
    if (isExecutionArn(trimmed))
        return trimmed;
    try {
        const parsed = JSON.parse(trimmed);
        for (const key of ['executionArn', 'execution_arn', 'ExecutionArn', 'arn']) {
            const candidate = parsed?.[key];
            if (typeof candidate === 'string' && isExecutionArn(candidate))
                return candidate;
        }
    }
    catch {
        // not JSON: nothing else to look in
    }
    return undefined;
}
function isExecutionArn(value) {
    return /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):/.test(value);
}
/**
 * A push-started execution is recognised by our image: the whole reference (with or without its
 * digest), or the digest together with the tag, as an ECR push event carries them. The digest alone
 * is not enough: promoting an image pushes the same digest again under another tag.
 */
function carriesImage(input, imageUri) {
    if (!input)
        return false;
    const [reference = imageUri, digest] = imageUri.split('@');
    if (input.includes(imageUri) || input.includes(reference))
        return true;
    const tag = /:([^/:]+)$/.exec(reference)?.[1];
    return Boolean(digest && tag && input.includes(digest) && input.includes(`"${tag}"`));
}
async function findExecution(api, request, context, timeoutMs) {
    const { target } = request;
    const secretId = secretNameFor(target.secretName ?? 'deploy/{deployment_id}', request);
    const look = api.forLook;
    const unmatched = new Set();
    const since = (context.now ?? Date.now)();
    let tries = 0;
    const { value } = await (0,follow/* follow */.e6)({
        describe: `the Step Functions execution of ${request.service.name}`,
        intervalMs: target.secretIntervalMs,
        timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        onRetry: (0,calls/* noticeRetry */.p)(context),
        onProgress: message => context.info(message),
        look: async (signal) => {
            const secret = await look.secretString(secretId, signal);
            if (secret !== undefined) {
                const executionArn = executionArnFromSecret(secret);
                if (!executionArn) {
                    throw new errors.DeployError('DEPLOY_FAILED', `Secret '${secretId}' does not hold a Step Functions execution ARN.`);
                }
                return { done: true, value: { executionArn, secretId } };
            }
            if (target.stateMachineArn && request.imageUri) {
                const search = {
                    stateMachineArn: target.stateMachineArn,
                    imageUri: request.imageUri,
                    since
                };
                const executionArn = await findByImage(look, search, unmatched, signal);
                if (executionArn)
                    return { done: true, value: { executionArn } };
            }
            tries++;
            if (tries >= target.secretTries)
                return { done: true, value: undefined };
            return {
                done: false,
                progress: `waiting for secret ${secretId} (try ${tries} of ${target.secretTries})`
            };
        }
    }).catch(error => Promise.reject(asFailure('finding the execution', error)));
    if (!value) {
        const alsoListed = target.stateMachineArn && request.imageUri
            ? ` and no recent execution of ${target.stateMachineArn} carries ${request.imageUri}`
            : '';
        throw new errors.DeployError('DEPLOY_FAILED', `No Step Functions execution was found for ${request.service.name}: secret '${secretId}' did not ` +
            `appear after ${target.secretTries} tries ${(0,follow/* formatDuration */.a3)(target.secretIntervalMs)} apart${alsoListed}. ` +
            'Check that the push triggers the state machine and that it writes the secret.');
    }
    if (value.executionArn.includes(':express:')) {
        throw new errors.DeployError('INVALID_INPUT', `Execution ${value.executionArn} belongs to an EXPRESS workflow, which keeps no execution ` +
            'history to follow. Use a STANDARD state machine for deploys.');
    }
    return value;
}
/**
 * The newest executions, each one's input read once however many looks it takes. One that has
 * already ended counts only if it started shortly before this deploy: an older one carrying the
 * same image belongs to an earlier deployment.
 */
const LISTED_EXECUTIONS = 20;
const ENDED_EXECUTION_WINDOW_MS = 15 * 60_000;
async function findByImage(api, search, unmatched, signal) {
    const listed = await api.listExecutions(search.stateMachineArn, LISTED_EXECUTIONS, signal);
    for (const execution of listed) {
        const arn = execution.executionArn;
        if (!arn || unmatched.has(arn))
            continue;
        const started = execution.startDate?.getTime() ?? 0;
        if (execution.status !== 'RUNNING' && started < search.since - ENDED_EXECUTION_WINDOW_MS) {
            unmatched.add(arn);
            continue;
        }
        const described = await api.describeExecution(arn, signal);
        if (carriesImage(described.input, search.imageUri))
            return arn;
        unmatched.add(arn);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/targets/stepfunctions-history.ts
/** The first look reads the whole history so far (an execution we found may be far along). */
const FIRST_CURSOR = { lastEventId: 0, pageSize: 1000 };
const MIN_PAGE = 10;
const MAX_PAGE = 1000;
/**
 * The events newer than the cursor, oldest first. Newest-first pages are read only until the last
 * event already seen. The page asked for is twice the previous look's new events (at least 10), so
 * a quiet execution costs one small call per look; a burst that outgrows it costs one more call for
 * exactly the events still missing (ids count up from 1 without gaps, so the newest id says how many
 * are new). Nothing is ever read twice beyond the small slack of the first page.
 */
async function readNewEvents(api, executionArn, cursor, signal) {
    const fresh = [];
    let nextToken;
    let maxResults = cursor.pageSize;
    for (;;) {
        const page = await api.historyPage({ executionArn, maxResults, nextToken }, signal);
        let caughtUp = false;
        for (const event of page.events) {
            const id = event.id ?? 0;
            if (id <= cursor.lastEventId) {
                caughtUp = true;
                break;
            }
            fresh.push(event);
            if (id === cursor.lastEventId + 1)
                caughtUp = true;
        }
        if (caughtUp || !page.nextToken || !fresh.length)
            break;
        nextToken = page.nextToken;
        const missing = (fresh[0]?.id ?? 0) - cursor.lastEventId - fresh.length;
        maxResults = Math.min(MAX_PAGE, Math.max(1, missing));
    }
    fresh.reverse();
    const lastEventId = fresh.at(-1)?.id ?? cursor.lastEventId;
    const pageSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, 2 * fresh.length));
    return { events: fresh, cursor: { lastEventId, pageSize } };
}
const EMPTY_TRAIL = {
    open: [],
    failedState: undefined,
    failState: undefined,
    end: undefined
};
const END_TYPES = new Set([
    'ExecutionSucceeded',
    'ExecutionFailed',
    'ExecutionAborted',
    'ExecutionTimedOut'
]);
/** Failures inside a state; the state may still retry or catch them, the history will tell. */
const STATE_FAILURES = new Set([
    'TaskFailed',
    'TaskTimedOut',
    'TaskStartFailed',
    'TaskSubmitFailed',
    'ActivityFailed',
    'ActivityTimedOut',
    'ActivityScheduleFailed',
    'LambdaFunctionFailed',
    'LambdaFunctionTimedOut',
    'LambdaFunctionStartFailed',
    'LambdaFunctionScheduleFailed',
    'MapStateFailed',
    'ParallelStateFailed',
    'MapRunFailed'
]);
const STATE_SUCCESSES = new Set([
    'TaskSucceeded',
    'ActivitySucceeded',
    'LambdaFunctionSucceeded',
    'MapStateSucceeded',
    'ParallelStateSucceeded',
    'MapRunSucceeded'
]);
/** Folds events (oldest first) into the trail and the state changes worth reporting. */
function applyEvents(trail, events) {
    let { open, failedState, failState, end } = trail;
    const updates = [];
    const current = () => open[open.length - 1];
    for (const event of events) {
        const type = event.type ?? '';
        const entered = /^(\w+)StateEntered$/.exec(type)?.[1];
        const exited = /^(\w+)StateExited$/.exec(type)?.[1];
        if (entered !== undefined) {
            const name = event.stateEnteredEventDetails?.name ?? entered;
            if (entered === 'Fail') {
                failState = name;
                updates.push({ taskName: name, state: 'FAILED', stateType: 'Fail' });
            }
            else {
                open = [...open, { name, stateType: entered, failed: false }];
                updates.push({ taskName: name, state: 'RUNNING', stateType: entered });
            }
        }
        else if (exited !== undefined) {
            const name = event.stateExitedEventDetails?.name ?? exited;
            const index = open.map(o => o.name).lastIndexOf(name);
            if (index >= 0)
                open = [...open.slice(0, index), ...open.slice(index + 1)];
            updates.push({ taskName: name, state: 'SUCCEEDED', stateType: exited });
        }
        else if (STATE_FAILURES.has(type)) {
            const state = current();
            if (state) {
                const { error } = failureDetails(event);
                failedState = state.name;
                open = [...open.slice(0, -1), { ...state, failed: true }];
                updates.push({ taskName: state.name, state: 'FAILED', stateType: state.stateType, error });
            }
        }
        else if (STATE_SUCCESSES.has(type)) {
            // A retry that worked: the earlier failure is not why the execution ends, if it does.
            const state = current();
            if (state && state.name === failedState)
                failedState = undefined;
            if (state?.failed)
                open = [...open.slice(0, -1), { ...state, failed: false }];
        }
        else if (END_TYPES.has(type)) {
            const details = failureDetails(event);
            const state = type === 'ExecutionSucceeded' ? undefined : (current()?.name ?? failedState ?? failState);
            end = { type: type, ...details, ...(state ? { state } : {}) };
            // States still running when the execution fails or is stopped end with it.
            if (type !== 'ExecutionSucceeded') {
                for (const open_ of [...open].reverse().filter(o => !o.failed)) {
                    updates.push({
                        taskName: open_.name,
                        state: 'FAILED',
                        stateType: open_.stateType,
                        ...(details.error ? { error: details.error } : {})
                    });
                }
            }
            open = [];
        }
        else if (type === 'ExecutionRedriven') {
            // A redriven execution runs again from the failed state: not over after all.
            end = undefined;
            failedState = undefined;
            failState = undefined;
        }
    }
    return { trail: { open, failedState, failState, end }, updates };
}
function failureDetails(event) {
    const details = Object.entries(event).find(([key, value]) => key.endsWith('EventDetails') && value && typeof value === 'object')?.[1];
    return {
        ...(details?.error ? { error: details.error } : {}),
        ...(details?.cause ? { cause: details.cause } : {})
    };
}
function describeUpdate(update) {
    const word = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' }[update.state];
    return `Step Functions: ${update.taskName} ${word}${update.error ? ` (${update.error})` : ''}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/targets/stepfunctions-start.ts



const NAME_LIMIT = 80;
/**
 * The execution name: the deployment id and the service (two services of one deployment may use
 * the same state machine), in the characters every Step Functions feature accepts (CloudWatch
 * logging allows only A-Z a-z 0-9 - _), at most 80 long. A name that must be cut keeps a hash of
 * the whole, so two long ids that share a prefix still differ.
 */
function executionName(deploymentId, service) {
    const raw = `${deploymentId}-${service}`;
    const whole = raw.replace(/[^A-Za-z0-9_-]/g, '-');
    if (whole.length <= NAME_LIMIT)
        return whole;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex').slice(0, 10);
    return `${whole.slice(0, NAME_LIMIT - hash.length - 1)}-${hash}`;
}
/** The execution input: the config's object, with this deployment's identity that it may not override. */
function startInput(request) {
    const { plan, settings } = request;
    return {
        environment: plan.environment,
        owner: settings.context.owner,
        repo: settings.context.repo,
        branch: settings.context.refName,
        commit: plan.commit,
        ...request.target.input,
        ...(request.imageUri === undefined ? {} : { image_uri: request.imageUri }),
        deployment_id: plan.deploymentId
    };
}
async function startExecution(api, request, context) {
    const stateMachineArn = request.target.stateMachineArn;
    if (!stateMachineArn) {
        throw new errors.DeployError('INVALID_INPUT', `service ${request.service.name}: stepfunctions mode start needs state_machine_arn`);
    }
    const machine = await call('DescribeStateMachine', () => api.describeStateMachine(stateMachineArn, context.signal));
    if (machine.type === 'EXPRESS') {
        throw new errors.DeployError('INVALID_INPUT', `State machine ${stateMachineArn} is an EXPRESS workflow: it keeps no execution history, so its ` +
            'deploy cannot be followed. Use a STANDARD state machine for deploys.');
    }
    const name = executionName(request.plan.deploymentId, request.service.name);
    const input = JSON.stringify(startInput(request));
    try {
        const started = await api.startExecution({ stateMachineArn, name, input }, context.signal);
        context.info(`Started Step Functions execution ${name} of ${stateMachineArn}`);
        return { executionArn: started.executionArn };
    }
    catch (error) {
        if (errorName(error) !== 'ExecutionAlreadyExists')
            throw asFailure('StartExecution', error);
    }
    // A closed execution of the same name: ours when it was given the same input (an earlier try of
    // this very deployment), someone else's otherwise.
    const executionArn = executionArnFor(stateMachineArn, name);
    const existing = await call('DescribeExecution', () => api.describeExecution(executionArn, context.signal));
    if (!sameJson(existing.input, input)) {
        throw new errors.DeployError('DEPLOY_FAILED', `Step Functions execution '${name}' already exists on ${stateMachineArn} with a different input; ` +
            'it was not started by this deployment. Re-run the workflow to get a new deployment id.');
    }
    context.info(`Step Functions execution ${name} already exists for this deployment; following it`);
    return { executionArn };
}
/** The ARN StartExecution gives an execution of this name (a version or alias suffix dropped). */
function executionArnFor(stateMachineArn, name) {
    const parts = stateMachineArn.split(':');
    return [...parts.slice(0, 5), 'execution', parts[6], name].join(':');
}
function sameJson(a, b) {
    try {
        return JSON.stringify(JSON.parse(a ?? 'null')) === JSON.stringify(JSON.parse(b));
    }
    catch {
        return a === b;
    }
}

// EXTERNAL MODULE: ./src/targets/stop.ts
var stop = __webpack_require__(8292);
;// CONCATENATED MODULE: ./src/targets/stepfunctions.ts








/**
 * Step Functions deploys: a state machine (EnsureInfra -> RegisterTaskAndDeploy -> CheckDeployment
 * -> DeploymentStatusRouter, say) does the deploy and we follow it. Either we start the execution
 * (named after the deployment, so a retried call cannot start a second one) or the image push
 * started it and we find it: in a Secrets Manager secret, or among the state machine's executions
 * by the image it carries. Following reads only the events that are new since the last look.
 */
const deploy = async (request, context) => {
    const { StepFunctionsApi } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(3293)]).then(__webpack_require__.bind(__webpack_require__, 3293));
    const api = await StepFunctionsApi.create(request.target.region, (0,calls/* noticeRetry */.p)(context), context.sleep);
    if (!(await api.region())) {
        const { missingRegion } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5705)]).then(__webpack_require__.bind(__webpack_require__, 5705));
        const name = request.service.name;
        const key = `services.${name}.deploy.stepfunctions.region in the deploy config`;
        throw new errors.DeployError('INVALID_INPUT', `${missingRegion(`Step Functions deploy of service '${name}'`, key)}.`);
    }
    return deployWith(api, request, context);
};
async function deployWith(api, request, context) {
    const { target } = request;
    const remaining = (0,types/* timeLeft */.f)(context);
    const found = target.mode === 'start'
        ? await startExecution(api, request, context)
        : await findExecution(api, request, context, remaining());
    const link = consoleUrl(found.executionArn);
    context.info(`Following Step Functions execution ${found.executionArn}${link ? ` (${link})` : ''}`);
    const trail = await followExecution(api, found.executionArn, context, remaining()).catch(error => (0,stop/* stopAbandoned */.x)(error, target.stopOnTimeout ? stopExecution(api, found.executionArn, error, context) : undefined, `stopped Step Functions execution ${found.executionArn} (stop_on_timeout)`, context));
    const description = await call('DescribeExecution', () => api.describeExecution(found.executionArn, context.signal));
    if (found.secretId && target.deleteSecret)
        await deleteSecret(api, found.secretId, context);
    const judged = judgeEnd(trail, description, target.healthCheckStates);
    if (judged instanceof errors.DeployError)
        throw judged;
    return judged;
}
// ---- following -----------------------------------------------------------------------------
async function followExecution(api, executionArn, context, timeoutMs) {
    const look = api.forLook;
    let cursor = FIRST_CURSOR;
    let trail = EMPTY_TRAIL;
    const { value } = await (0,follow/* follow */.e6)({
        describe: `Step Functions execution ${executionArn.split(':').pop()}`,
        intervalMs: context.pollIntervalMs,
        young: follow/* FIRST_MINUTE */.SD,
        timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        onRetry: (0,calls/* noticeRetry */.p)(context),
        look: async (signal) => {
            const read = await readNewEvents(look, executionArn, cursor, signal);
            const next = applyEvents(trail, read.events);
            cursor = read.cursor;
            trail = next.trail;
            for (const update of next.updates)
                context.progress(describeUpdate(update), { ...update });
            return trail.end
                ? { done: true, value: trail }
                : { done: false, moved: read.events.length > 0 };
        }
    }).catch(error => Promise.reject(asFailure('following the execution', error)));
    return value;
}
// ---- the end -------------------------------------------------------------------------------
/**
 * The outcome of an ended execution, from what the history said and DescribeExecution's output,
 * error and cause. A failure in a health check state is HEALTH_CHECK_FAILED; the state machine's
 * own timeout is TIMEOUT; any other failure or a stop from outside is DEPLOY_FAILED.
 */
function judgeEnd(trail, execution, healthCheckStates) {
    const name = execution.name ?? execution.executionArn?.split(':').pop() ?? 'execution';
    const outputs = {};
    if (execution.executionArn)
        outputs.execution_arn = execution.executionArn;
    if (execution.startDate && execution.stopDate) {
        outputs.execution_time = String((execution.stopDate.getTime() - execution.startDate.getTime()) / 1000);
    }
    const type = trail.end?.type;
    if (type === 'ExecutionSucceeded') {
        const deploymentUrl = urlFromOutput(execution.output);
        return { ...(deploymentUrl ? { deploymentUrl } : {}), outputs };
    }
    const error = execution.error ?? trail.end?.error;
    const cause = execution.cause ?? trail.end?.cause;
    const state = trail.end?.state;
    const where = state ? ` in state ${state}` : '';
    const why = [error, cause && shorten(cause)].filter(Boolean).join(': ');
    const details = [
        error && `error: ${error}`,
        cause && `cause: ${cause}`,
        `execution: ${execution.executionArn}`
    ]
        .filter(Boolean)
        .join('\n');
    if (type === 'ExecutionAborted') {
        return new errors.DeployError('DEPLOY_FAILED', `Step Functions execution ${name} was stopped${where}${why ? ` (${why})` : ''}.`, { details });
    }
    if (type === 'ExecutionTimedOut') {
        return new errors.DeployError('TIMEOUT', `Step Functions execution ${name} ran past the state machine's own timeout${where}.`, { details });
    }
    const healthCheck = [trail.failedState, trail.failState].some(s => s !== undefined && healthCheckStates.includes(s));
    return new errors.DeployError(healthCheck ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED', `Step Functions execution ${name} failed${where}${why ? `: ${why}` : ''}.`, { details });
}
/** `elb_url` or `url` of the output, at its top level or in a nested object (a Lambda Payload). */
function urlFromOutput(output) {
    if (!output)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(output);
    }
    catch {
        return undefined;
    }
    const queue = [parsed];
    for (let depth = 0; depth < 4 && queue.length; depth++) {
        const level = queue.splice(0);
        for (const key of ['elb_url', 'url']) {
            for (const item of level) {
                const value = item[key];
                if (typeof value === 'string' && value)
                    return value;
            }
        }
        for (const item of level)
            queue.push(...Object.values(item).filter(v => v && typeof v === 'object'));
    }
    return undefined;
}
function shorten(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
// ---- around the follow --------------------------------------------------------------------------
/** Each partition's console has its own host; a partition without a public console gets none. */
const CONSOLE_HOSTS = {
    aws: region => `${region}.console.aws.amazon.com`,
    'aws-us-gov': () => 'console.amazonaws-us-gov.com',
    'aws-cn': () => 'console.amazonaws.cn'
};
/** The execution's page in the AWS console, in the partition and region of its ARN. */
function consoleUrl(executionArn) {
    const [, partition = '', , region = ''] = executionArn.split(':');
    const host = CONSOLE_HOSTS[partition]?.(region);
    if (!host || !region)
        return undefined;
    return `https://${host}/states/home?region=${region}#/v2/executions/details/${executionArn}`;
}
/**
 * stop_on_timeout: an execution the deploy gave up on, at its deadline or because the run was
 * cancelled, is stopped rather than left to go on unattended.
 */
function stopExecution(api, executionArn, error, context) {
    const cancelled = error instanceof errors.DeployError && error.code === 'CANCELLED';
    const request = cancelled
        ? { executionArn, error: 'DeployPipeline.Cancelled', cause: 'the deploy was cancelled' }
        : {
            executionArn,
            error: 'DeployPipeline.Timeout',
            cause: `deploy_timeout of ${(0,follow/* formatDuration */.a3)(context.timeoutMs)} passed`
        };
    return signal => api.stopExecution(request, signal);
}
async function deleteSecret(api, secretId, context) {
    try {
        await api.deleteSecret(secretId, context.signal);
        context.info(`Deleted secret ${secretId}`);
    }
    catch (error) {
        context.warning(`Could not delete secret ${secretId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 8292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ stopAbandoned)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4506);


/**
 * After a TIMEOUT or a cancel, stops what the deploy started in the cloud (a CodeDeploy deployment,
 * an ECS service deployment, a Step Functions execution) so that it does not go on unattended, then
 * rethrows. The run's signal has usually fired already, so the stop gets one of its own, bounded by
 * the grace period the deploy phase grants for this: past it the phase reports without us.
 * `stopped` says what a successful stop did: "stopped CodeDeploy deployment d-1 ...".
 */
async function stopAbandoned(error, stop, stopped, context) {
    if (!stop || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError))
        throw error;
    if (error.code !== 'TIMEOUT' && error.code !== 'CANCELLED')
        throw error;
    const after = error.code === 'TIMEOUT' ? 'the timeout' : 'the cancel';
    try {
        await stop(AbortSignal.timeout(_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_1__/* .STOP_GRACE_MS */ .Ts));
    }
    catch (stopError) {
        context.warning(`Could not stop the deployment after ${after}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(stopError)}`);
        throw error;
    }
    context.info(`${stopped.charAt(0).toUpperCase()}${stopped.slice(1)} after ${after}`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(error.code, `${error.message}; ${stopped}`, {
        details: error.details,
        cause: error
    });
}


/***/ }),

/***/ 6043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ timeLeft)
/* harmony export */ });
/**
 * The time left of the service's deploy_timeout, counted from this call: what each wait of a
 * deploy is given. At least 1 ms, so that a wait past the deadline still looks once.
 */
function timeLeft(context) {
    const now = context.now ?? Date.now;
    const deadline = now() + context.timeoutMs;
    return () => Math.max(1, deadline - now());
}


/***/ })

};

//# sourceMappingURL=9434.index.js.map