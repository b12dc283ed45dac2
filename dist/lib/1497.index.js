export const id = 1497;
export const ids = [1497];
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
/* harmony export */   k5: () => (/* binding */ expectedEvents),
/* harmony export */   w7: () => (/* binding */ failureLines)
/* harmony export */ });
/* unused harmony exports MAX_GAP, LONG_GAP, firstCursor, readNewEvents, readDue, afterRead, skipped, describeEvent, shorten */
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
 * so a read costs a page however few events are new. The events are always read when the status
 * changes (the operation starts, starts to roll back, ends; not when the cleanup after an update
 * starts); in between, when it pays:
 *
 * - A stack with more events than a page: on a cadence that follows the stack's own pace. After a
 *   read that re-read more events than it found, the next waits twice as many looks (at most
 *   MAX_GAP); after one that found at least twice as many as it re-read, half as many. Each read
 *   re-reads at most one page.
 * - A stack whose every event fits on one page (a new or small stack): every read re-reads all of
 *   them, so reads in between must earn their keep. One is made only when the stack is expected to
 *   have at least twice the events it had at the last read (at the pace seen so far), and only
 *   while the events re-read so far, by this read and by the read at the end, still fit in the
 *   events the operation is expected to leave (its change set's size). Events re-read then stay
 *   within the stack's events, and all events carried within twice as many. An operation that
 *   drags on is still read every LONG_GAP looks (five minutes at the default interval): a
 *   resource that holds it up is worth a page.
 *
 * Nothing is missed by waiting: a read continues page by page down to the last event seen.
 */
/** The longest a read waits, in looks: a minute at the 5 s default interval. */
const MAX_GAP = 12;
/** The longest any read waits, in looks: five minutes at the 5 s default interval. */
const LONG_GAP = 60;
/** A read that goes this many pages back has lost its way; the rest is left unread. */
const MAX_PAGES = 50;
function firstCursor(token, expectedOurs) {
    return {
        lastSeenId: undefined,
        token,
        gap: 1,
        looksSinceRead: 0,
        looks: 0,
        status: undefined,
        ours: 0,
        known: 0,
        reread: 0,
        wholeStackOnPage: false,
        expectedOurs
    };
}
/**
 * The least a create or update writes: its start and end, and a start and an end for each change.
 * Replacements, cleanup and rollbacks write more; a low estimate only makes reads rarer.
 */
function expectedEvents(changes) {
    return 2 * changes + 2;
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
        nextToken = page.nextToken;
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
        if (caughtUp || !nextToken || calls >= MAX_PAGES)
            break;
    }
    return {
        events: inTimeOrder(fresh.reverse()),
        transferred,
        calls,
        reachedOldest: nextToken === undefined
    };
}
/** Whether this look reads the events: the status moved, the stack settled, or it pays now. */
function readDue(cursor, status, settled) {
    if (settled || statusWorthARead(cursor.status, status))
        return true;
    if (cursor.looksSinceRead + 1 < cursor.gap)
        return false;
    return !cursor.wholeStackOnPage || smallStackReadPays(cursor) || longWaitRead(cursor);
}
/**
 * However little a read pays, one is made every LONG_GAP looks, so that a resource holding the
 * operation up (stuck stabilizing, waiting on a signal) is named while it does, not at the end.
 */
function longWaitRead(cursor) {
    return cursor.looksSinceRead + 1 >= LONG_GAP;
}
/**
 * A new status is read at once when it says something: the operation took hold, or it started to
 * roll back (the failure that caused it is shown then, not at the end of the rollback, which may
 * take as long as the update). The cleanup after an update or a rollback is routine: it waits for
 * the next read like any resource's progress.
 */
function statusWorthARead(before, status) {
    return status !== before && !status.endsWith('_CLEANUP_IN_PROGRESS');
}
/**
 * For a stack whose events all fit on one page: this read re-reads the `known` events, the read at
 * the end re-reads those and the ones this read finds; both must fit in the expected events, and
 * this read must find at least as many as it re-reads.
 */
function smallStackReadPays(cursor) {
    const looksRead = cursor.looks - cursor.looksSinceRead;
    if (cursor.expectedOurs === undefined || looksRead === 0)
        return false;
    // The pace up to the last read; the looks since have not been read.
    const fresh = (cursor.ours / looksRead) * (cursor.looksSinceRead + 1);
    const older = cursor.known - cursor.ours;
    const expected = Math.max(cursor.known, older + cursor.expectedOurs);
    return fresh >= cursor.known && cursor.reread + 2 * cursor.known + fresh <= expected;
}
function afterRead(cursor, read, status) {
    const fresh = read.events.length;
    const stale = read.transferred - fresh;
    // The first read to carry anything meets the older events once; later reads carry them again.
    const first = cursor.known === 0;
    const gap = fresh < stale
        ? Math.min(MAX_GAP, cursor.gap * 2)
        : fresh >= 2 * stale
            ? Math.max(1, Math.floor(cursor.gap / 2))
            : cursor.gap;
    return {
        ...cursor,
        lastSeenId: read.events.at(-1)?.EventId ?? cursor.lastSeenId,
        gap,
        looksSinceRead: 0,
        looks: cursor.looks + 1,
        status,
        ours: cursor.ours + fresh,
        known: cursor.known + (first ? read.transferred : fresh),
        reread: cursor.reread + (first ? 0 : stale),
        wholeStackOnPage: read.reachedOldest
    };
}
function skipped(cursor) {
    return { ...cursor, looksSinceRead: cursor.looksSinceRead + 1, looks: cursor.looks + 1 };
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
    let cursor = firstCursor(operation.token, operation.expectedEvents);
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

//# sourceMappingURL=1497.index.js.map