export const id = 7514;
export const ids = [7514];
export const modules = {

/***/ 9355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ FIRST_MINUTE),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e6: () => (/* binding */ follow),
/* harmony export */   uG: () => (/* binding */ waitEnded)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






/** What the ECS, CodeDeploy and Step Functions waits use: 1 s looks for the first minute. */
const FIRST_MINUTE = { intervalMs: 1000, periodMs: 60_000 };
async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    let quickLooks = 0;
    let quickLook = false;
    // When the next regular look is due: one interval after the previous regular look started.
    let regularAt = started;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            if (!quickLook)
                regularAt = lookStarted + options.intervalMs;
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            }).catch((error) => {
                // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
                // out, whichever timer noticed first (on an injected clock the deadline's own timer may
                // be far off). A verdict the look reached (a DeployError) stands.
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError);
                throw ranOut ? timeoutError(options) : error;
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            const changed = look.progress !== undefined && look.progress !== lastProgress;
            if (changed) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const quickAt = lookStarted + (options.young?.intervalMs ?? options.intervalMs);
            quickLook =
                quickAt < regularAt &&
                    young(options, lookStarted - started, quickLooks) &&
                    (look.moved ?? changed);
            if (quickLook)
                quickLooks++;
            const wait = (quickLook ? quickAt : regularAt) - now();
            await sleep(Math.min(Math.max(0, wait), Math.max(0, deadline - now())), signal);
            if (now() >= deadline)
                throw timeoutError(options);
        }
    };
    try {
        // Never abandoned: the loop is ours and stops at its next sleep or look once its signal fires
        // (each look is abandoned by the retry helper when it ignores the signal).
        const timedOut = () => timeoutError(options);
        return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_4__/* .withDeadline */ .NE)(options.signal, options.timeoutMs, timedOut, lookUntilDone, {
            graceMs: Infinity
        });
    }
    catch (error) {
        throw waitEnded(error, options.signal, options.describe);
    }
}
/**
 * What a wait throws when it stops: an enclosing deadline (the service's deploy_timeout, the
 * phase's) is a TIMEOUT saying what was being waited for, caused by that deadline so it keeps it;
 * a cancel is CANCELLED; anything else is the wait's own error. Shared by every wait that does not
 * go through follow() alone (the Argo CD watch).
 */
function waitEnded(error, signal, describe) {
    const reason = signal?.reason;
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ }),

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

/***/ 2400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R5: () => (/* binding */ failedWaiting),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   h_: () => (/* binding */ asFailure),
/* harmony export */   pS: () => (/* reexport safe */ _calls_js__WEBPACK_IMPORTED_MODULE_1__.p),
/* harmony export */   zQ: () => (/* binding */ waitingIn)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8559);



/**
 * How a failed CloudFormation or S3 call reads to the user: one DeployError with the call named,
 * whichever step of the deploy made it. Server text is put on one line: it goes into log lines.
 */
const call = (0,_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .callsFailingAs */ .m)(asFailure);
/**
 * For the end of a wait: the follower's TIMEOUT said as `timedOut` (which names deploy_timeout,
 * not what was left of it), anything else as a failure of `what`.
 */
function failedWaiting(what, timedOut) {
    return error => {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError && error.code === 'TIMEOUT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', timedOut(), { cause: error });
        }
        throw asFailure(what, error);
    };
}
function asFailure(what, error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError)
        return error;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbortError */ .zf)(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `cancelled during CloudFormation ${what}`, {
            cause: error
        });
    }
    const name = error instanceof Error ? error.name : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `CloudFormation ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${oneLine((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error))}`, { cause: error });
}
/** Text from the server on one line: reasons may hold line breaks, and they become log lines. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** What every wait of the deploy takes from its context: cadence, cancel, clock, retry lines. */
function waitingIn(context) {
    return {
        intervalMs: context.pollIntervalMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        onRetry: (0,_calls_js__WEBPACK_IMPORTED_MODULE_1__/* .noticeRetry */ .p)(context)
    };
}


/***/ }),

/***/ 5496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ followOperation),
/* harmony export */   Is: () => (/* binding */ isSettled),
/* harmony export */   Ke: () => (/* binding */ isStackItself),
/* harmony export */   es: () => (/* binding */ rootCause),
/* harmony export */   w7: () => (/* binding */ failureLines)
/* harmony export */ });
/* unused harmony exports MAX_GAP, firstCursor, readNewEvents, readDue, afterRead, skipped, describeEvent, shorten */
/* harmony import */ var _runtime_follow_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9355);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _runtime_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2400);




/**
 * Following one stack operation (a change set executed, a stack deleted) to its end, and reading
 * its events without reading any twice beyond one page.
 *
 * Each look asks DescribeStacks for the stack's status: one small answer, so the end is noticed by
 * the first look after it. The events are read from DescribeStackEvents, newest first, down to the
 * last event already seen (or, before any, to the first event of an older operation: one whose
 * ClientRequestToken is not ours). CloudFormation pages them by a hundred and takes no page size,
 * so a read costs a page however few events are new: the events are read when the status changes
 * (the operation starts, starts to roll back, ends) and otherwise on a cadence that follows the
 * stack's own pace: after a read that re-read more events than it found, the next waits twice as
 * many looks (at most MAX_GAP); after one that found at least twice as many as it re-read, half as
 * many. Nothing is missed by waiting: a read continues page by page down to the last event seen.
 */
/** The longest a read waits, in looks: a minute at the 5 s default interval. */
const MAX_GAP = 12;
/** A read that goes this many pages back has lost its way; the rest is left unread. */
const MAX_PAGES = 50;
function firstCursor(token) {
    return { lastSeenId: undefined, token, gap: 1, looksSinceRead: 0, status: undefined };
}
/** The events newer than the cursor, oldest first. */
async function readNewEvents(api, stackId, cursor, signal) {
    const fresh = [];
    let transferred = 0;
    let calls = 0;
    let nextToken;
    for (;;) {
        const page = await api.eventsPage(stackId, nextToken, signal);
        calls++;
        transferred += page.events.length;
        let caughtUp = false;
        for (const event of page.events) {
            const seen = cursor.lastSeenId === undefined
                ? event.ClientRequestToken !== cursor.token
                : event.EventId === cursor.lastSeenId;
            if (seen) {
                caughtUp = true;
                break;
            }
            fresh.push(event);
        }
        if (caughtUp || !page.nextToken || calls >= MAX_PAGES)
            break;
        nextToken = page.nextToken;
    }
    return { events: inTimeOrder(fresh.reverse()), transferred, calls };
}
/** Whether this look reads the events: the status moved, the stack settled, or the cadence says so. */
function readDue(cursor, status, settled) {
    return settled || status !== cursor.status || cursor.looksSinceRead + 1 >= cursor.gap;
}
function afterRead(cursor, read, status) {
    const fresh = read.events.length;
    const stale = read.transferred - fresh;
    const gap = fresh < stale
        ? Math.min(MAX_GAP, cursor.gap * 2)
        : fresh >= 2 * stale
            ? Math.max(1, Math.floor(cursor.gap / 2))
            : cursor.gap;
    return {
        lastSeenId: read.events.at(-1)?.EventId ?? cursor.lastSeenId,
        token: cursor.token,
        gap,
        looksSinceRead: 0,
        status
    };
}
function skipped(cursor) {
    return { ...cursor, looksSinceRead: cursor.looksSinceRead + 1 };
}
/** Oldest first; events of one instant keep the order CloudFormation gave them. */
function inTimeOrder(events) {
    return events
        .map((event, index) => ({ event, index }))
        .sort((a, b) => time(a.event) - time(b.event) || a.index - b.index)
        .map(({ event }) => event);
}
function time(event) {
    return event.Timestamp?.getTime() ?? 0;
}
/** A status an operation ends in: anything but *_IN_PROGRESS (REVIEW_IN_PROGRESS included). */
function isSettled(status) {
    return status !== undefined && !status.endsWith('_IN_PROGRESS');
}
/**
 * Follows the operation until the stack settles, one progress event per resource status change.
 * A nested stack finishing is one of those changes: only the stack's own status ends the wait.
 */
async function followOperation(api, operation, context, timeoutMs) {
    const look = api.forLook;
    const events = [];
    let cursor = firstCursor(operation.token);
    const { value: stack } = await (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_0__/* .follow */ .e6)({
        describe: `the CloudFormation ${operation.what} of stack ${operation.stackName}`,
        ...(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .waitingIn */ .zQ)(context),
        timeoutMs,
        look: async (signal) => {
            const stack = await look.describeStack(operation.stackId, signal);
            const status = stack?.StackStatus;
            if (!stack || !status) {
                throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryableError */ .dw(`DescribeStacks did not find stack ${operation.stackId}`);
            }
            const settled = isSettled(status);
            if (!readDue(cursor, status, settled)) {
                cursor = skipped(cursor);
                return { done: false };
            }
            const read = await readNewEvents(look, operation.stackId, cursor, signal);
            cursor = afterRead(cursor, read, status);
            for (const event of read.events) {
                events.push(event);
                const { message, data } = describeEvent(event);
                context.progress(message, data);
            }
            // A status read a moment before the operation took hold is the old one: the end is the
            // stack's own event of that status, written by this operation.
            const ours = events.some(e => isStackItself(e) && e.ResourceStatus === status);
            return settled && (ours || status !== operation.statusBefore)
                ? { done: true, value: stack }
                : { done: false };
        }
    }).catch((0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .failedWaiting */ .R5)(`following the ${operation.what} of stack ${operation.stackName}`, () => `The CloudFormation ${operation.what} of stack ${operation.stackName} did not finish within ` +
        `deploy_timeout (${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(context.timeoutMs)})`));
    return { stack, events };
}
// ---- events -> progress, root cause ----------------------------------------------------------
/** The stack's own events (its status), as opposed to a resource's or a nested stack's. */
function isStackItself(event) {
    return event.PhysicalResourceId === event.StackId || event.LogicalResourceId === event.StackName;
}
function describeEvent(event) {
    const status = event.ResourceStatus ?? 'UNKNOWN';
    const reason = event.ResourceStatusReason ? (0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(event.ResourceStatusReason) : undefined;
    const stack = isStackItself(event);
    const nested = !stack && event.ResourceType === 'AWS::CloudFormation::Stack';
    const subject = stack
        ? `stack ${event.StackName}`
        : `${event.LogicalResourceId} (${event.ResourceType}${nested ? ', nested stack' : ''})`;
    return {
        message: `CloudFormation: ${subject} ${status}${reason ? `: ${shorten(reason, 300)}` : ''}`,
        data: {
            logicalId: event.LogicalResourceId,
            resourceType: event.ResourceType,
            status,
            ...(reason ? { reason } : {}),
            ...(nested ? { nested: true } : {}),
            ...(stack ? { stack: true } : {})
        }
    };
}
const CANCELLED = /^Resource (creation|update|deletion|import) cancelled/i;
/**
 * Why the operation failed: the first resource to fail, in time order. Once one fails,
 * CloudFormation cancels the others still in progress ("Resource update cancelled"); those say
 * nothing of the cause and are passed over, unless nothing else failed.
 */
function rootCause(events) {
    const failed = events.filter(e => e.ResourceStatus?.endsWith('_FAILED') && !isStackItself(e));
    return failed.find(e => !CANCELLED.test(e.ResourceStatusReason ?? '')) ?? failed[0];
}
/** The failed resources in time order, the cascade included: for the error's details. */
function failureLines(events) {
    return events
        .filter(e => e.ResourceStatus?.endsWith('_FAILED') && !isStackItself(e))
        .map(e => `${e.Timestamp?.toISOString() ?? ''} ${e.LogicalResourceId} (${e.ResourceType}) ` +
        `${e.ResourceStatus}: ${(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(e.ResourceStatusReason ?? '')}`);
}
function shorten(text, max) {
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}


/***/ }),

/***/ 7514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeStackForPlan: () => (/* binding */ describeStackForPlan)
/* harmony export */ });
/* harmony import */ var _cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2400);
/* harmony import */ var _cloudformation_events_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5496);
/* harmony import */ var _cloudformation_stack_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1497);



async function describeStackForPlan(target, signal, given) {
    const api = given ??
        (await (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5806)]).then(__webpack_require__.bind(__webpack_require__, 5806))).CloudFormationApi.create(target.region));
    const name = target.stack;
    const stack = await api.describeStack(name, signal);
    const status = stack?.StackStatus;
    if (!stack || !status) {
        return {
            action: 'create',
            status,
            line: `stack ${name} does not exist: a CREATE change set would create it`
        };
    }
    if (status === 'REVIEW_IN_PROGRESS') {
        return {
            action: 'create',
            status,
            line: `stack ${name} exists without resources (REVIEW_IN_PROGRESS): a CREATE change set would create it`
        };
    }
    if (!(0,_cloudformation_events_js__WEBPACK_IMPORTED_MODULE_1__/* .isSettled */ .Is)(status)) {
        const running = await (0,_cloudformation_stack_js__WEBPACK_IMPORTED_MODULE_2__/* .whoIsRunning */ .MO)(api, stack, signal);
        return {
            action: 'wait',
            status,
            line: `stack ${name} is busy (${status}, started by ${running.who}): the deploy would wait for it to finish, then make a change set`
        };
    }
    if (status === 'ROLLBACK_COMPLETE') {
        const reason = stack.StackStatusReason ? `: ${(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(stack.StackStatusReason)}` : '';
        return target.onRollbackComplete === 'recreate'
            ? {
                action: 'recreate',
                status,
                line: `stack ${name} is ROLLBACK_COMPLETE (its creation failed${reason}): it would be deleted and created again (on_rollback_complete: recreate)`
            }
            : {
                action: 'blocked',
                status,
                line: `stack ${name} is ROLLBACK_COMPLETE (its creation failed${reason}): the deploy would stop (on_rollback_complete: fail)`
            };
    }
    const refused = (0,_cloudformation_stack_js__WEBPACK_IMPORTED_MODULE_2__/* .unusable */ ._P)(stack);
    if (refused)
        return { action: 'blocked', status, line: refused.message };
    return {
        action: 'update',
        status,
        line: `stack ${name} is ${status}: an UPDATE change set would show the changes, then apply them`
    };
}


/***/ }),

/***/ 1497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ whoIsRunning),
/* harmony export */   Md: () => (/* binding */ stackAtRest),
/* harmony export */   V$: () => (/* binding */ describeCause),
/* harmony export */   _P: () => (/* binding */ unusable),
/* harmony export */   qj: () => (/* binding */ operationNames)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runtime_follow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9355);
/* harmony import */ var _cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2400);
/* harmony import */ var _cloudformation_events_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5496);





/**
 * Step 1 of a CloudFormation deploy: the stack as it stands, made ready for a change set. A stack
 * busy with another operation (another run, a person) is waited for, never joined by a second
 * one; a stack whose creation failed (ROLLBACK_COMPLETE) is deleted and created again, or
 * refused; a stack CloudFormation will not update (a failed rollback) is explained.
 */
const TOKEN_PREFIX = 'deploy-pipeline-';
/**
 * The change set's name and the operation's ClientRequestToken: the deployment and the service,
 * in the characters both accept ([a-zA-Z][-a-zA-Z0-9]*), short enough for the suffixes of the
 * deletion and the cancel (128 at most). Another run that finds the stack busy reads the token
 * back from the stack's events, so it can say which deployment is running.
 */
function operationNames(deploymentId, service) {
    const raw = `${deploymentId}-${service}`;
    let id = raw.replace(/[^A-Za-z0-9-]/g, '-');
    if (id.length > 90) {
        id = `${id.slice(0, 79)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(raw).digest('hex').slice(0, 10)}`;
    }
    return { name: `${TOKEN_PREFIX}${id}` };
}
/** Statuses CloudFormation will not start an update from, each with what to do about it. */
function unusable(stack) {
    const name = stack.StackName ?? '';
    const status = stack.StackStatus ?? '';
    const reason = stack.StackStatusReason ? ` (${(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(stack.StackStatusReason)})` : '';
    switch (status) {
        case 'UPDATE_ROLLBACK_FAILED':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `Stack ${name} is UPDATE_ROLLBACK_FAILED: an earlier update failed and so did its ` +
                `rollback${reason}. CloudFormation accepts no update until the rollback finishes: fix ` +
                `what blocks it, run \`aws cloudformation continue-update-rollback --stack-name ${name}\` ` +
                '(--resources-to-skip for resources that cannot roll back), wait for ' +
                'UPDATE_ROLLBACK_COMPLETE, then deploy again.');
        case 'ROLLBACK_FAILED':
        case 'DELETE_FAILED':
        case 'IMPORT_ROLLBACK_FAILED':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `Stack ${name} is ${status}${reason}: CloudFormation cannot update it. Delete it ` +
                `(\`aws cloudformation delete-stack --stack-name ${name}\`, --retain-resources for what ` +
                'cannot be deleted), then deploy again.');
        default:
            return undefined;
    }
}
/** Busy: an operation runs on the stack. REVIEW_IN_PROGRESS is a stack waiting for a change set. */
function isBusy(status) {
    return status !== 'REVIEW_IN_PROGRESS' && !(0,_cloudformation_events_js__WEBPACK_IMPORTED_MODULE_4__/* .isSettled */ .Is)(status);
}
/**
 * The stack a change set can be made for: undefined when there is none (or no longer one), else
 * a stack at rest. Waits within `remaining()`.
 */
async function stackAtRest(api, request, context, remaining) {
    const { target } = request;
    for (;;) {
        const stack = await (0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)('DescribeStacks', () => api.describeStack(target.stack, context.signal));
        if (!stack)
            return undefined;
        if (isBusy(stack.StackStatus)) {
            await waitForOther(api, stack, context, remaining);
            continue;
        }
        if (stack.StackStatus === 'ROLLBACK_COMPLETE') {
            await recreate(api, stack, request, context, remaining);
            continue;
        }
        const refused = unusable(stack);
        if (refused)
            throw refused;
        return stack;
    }
}
/** Who started the operation running on a stack, and when: from its newest events. */
async function whoIsRunning(api, stack, signal) {
    const page = await api.eventsPage(stack.StackId ?? stack.StackName ?? '', undefined, signal);
    const own = page.events.filter(_cloudformation_events_js__WEBPACK_IMPORTED_MODULE_4__/* .isStackItself */ .Ke);
    const token = own[0]?.ClientRequestToken;
    // The operation's first event on this page: where it began (or as far back as the page goes).
    const started = [...own].reverse().find(e => e.ClientRequestToken === token) ?? own[0];
    return {
        who: describeStarter(token),
        since: started?.Timestamp,
        reason: started?.ResourceStatusReason ? (0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(started.ResourceStatusReason) : undefined
    };
}
function describeStarter(token) {
    if (!token)
        return 'a client that gave no request token (outside this action)';
    if (token.startsWith(TOKEN_PREFIX)) {
        return `another run of this action (${token.slice(TOKEN_PREFIX.length)})`;
    }
    if (token.startsWith('Console-'))
        return `someone in the AWS console (${token})`;
    return `a client outside this action (request token ${token})`;
}
async function waitForOther(api, stack, context, remaining) {
    const name = stack.StackName ?? '';
    const running = await (0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)('DescribeStackEvents', () => whoIsRunning(api, stack, context.signal));
    const since = running.since ? ` since ${running.since.toISOString()}` : '';
    const why = running.reason ? ` (${running.reason})` : '';
    const deployTimeout = (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(context.timeoutMs);
    context.info(`Stack ${name} is busy: ${stack.StackStatus}${since}, started by ${running.who}${why}. ` +
        `Waiting for it to finish, within deploy_timeout (${deployTimeout}), before deploying; no ` +
        'second operation is started on it.');
    const look = api.forLook;
    let last = stack.StackStatus;
    await (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_2__/* .follow */ .e6)({
        describe: `the operation running on stack ${name}`,
        ...(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .waitingIn */ .zQ)(context),
        timeoutMs: remaining(),
        onProgress: progress => context.info(progress),
        look: async (signal) => {
            const now = await look.describeStack(stack.StackId ?? name, signal);
            last = now?.StackStatus;
            if (!now || !isBusy(last) || now.StackStatus === 'DELETE_COMPLETE') {
                return { done: true, value: true };
            }
            return { done: false, progress: `Stack ${name} (the other operation): ${last}` };
        }
    }).catch((0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .failedWaiting */ .R5)(`waiting for the operation on stack ${name}`, () => `Stack ${name} was still ${last ?? 'busy'} at the end of deploy_timeout (${deployTimeout}): the ` +
        `operation started by ${running.who} did not finish, and nothing was started on the stack.`));
}
/** ROLLBACK_COMPLETE: the creation failed; the stack holds nothing and cannot be updated. */
async function recreate(api, stack, request, context, remaining) {
    const { target } = request;
    const name = target.stack;
    const reason = stack.StackStatusReason ? ` (${(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(stack.StackStatusReason)})` : '';
    if (target.onRollbackComplete === 'fail') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('INVALID_INPUT', `Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason} and CloudFormation ` +
            'cannot update it. on_rollback_complete is fail, so it was left as it is: delete it ' +
            `(\`aws cloudformation delete-stack --stack-name ${name}\`) or set ` +
            'on_rollback_complete: recreate, then deploy again.');
    }
    const stackId = stack.StackId ?? name;
    const token = `${operationNames(request.plan.deploymentId, request.service.name).name}-delete`;
    context.info(`Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason}. Deleting it to create ` +
        'it again (on_rollback_complete: recreate).');
    await (0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .call */ .T1)('DeleteStack', () => api.deleteStack({ stackId, token, roleArn: target.roleArn }, context.signal));
    const end = await (0,_cloudformation_events_js__WEBPACK_IMPORTED_MODULE_4__/* .followOperation */ .Dn)(api, { stackId, stackName: name, token, statusBefore: 'ROLLBACK_COMPLETE', what: 'deletion' }, context, remaining());
    if (end.stack.StackStatus !== 'DELETE_COMPLETE') {
        const cause = (0,_cloudformation_events_js__WEBPACK_IMPORTED_MODULE_4__/* .rootCause */ .es)(end.events);
        const why = cause ? `: ${describeCause(cause)}` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `Stack ${name} (ROLLBACK_COMPLETE) could not be deleted to create it again: ` +
            `${end.stack.StackStatus}${why}. Delete it (\`aws cloudformation delete-stack ` +
            `--stack-name ${name}\`) and deploy again.`);
    }
    context.info(`Deleted stack ${name} (the one whose creation failed); creating it again`);
}
/** "ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: reason" */
function describeCause(event) {
    const reason = event.ResourceStatusReason ? `: ${(0,_cloudformation_calls_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(event.ResourceStatusReason)}` : '';
    return `${event.LogicalResourceId} (${event.ResourceType}) ${event.ResourceStatus}${reason}`;
}


/***/ })

};

//# sourceMappingURL=7514.index.js.map