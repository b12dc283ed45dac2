export const id = 8996;
export const ids = [8996];
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


/***/ })

};

//# sourceMappingURL=8996.index.js.map