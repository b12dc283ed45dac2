export const id = 7845;
export const ids = [7845];
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

/***/ 7845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy),
  deployStack: () => (/* binding */ deployStack)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/targets/calls.ts
var calls = __webpack_require__(8559);
;// CONCATENATED MODULE: ./src/targets/cloudformation-calls.ts



/**
 * How a failed CloudFormation or S3 call reads to the user: one DeployError with the call named,
 * whichever step of the deploy made it. Server text is put on one line: it goes into log lines.
 */
const call = (0,calls/* callsFailingAs */.m)(asFailure);
/**
 * For the end of a wait: the follower's TIMEOUT said as `timedOut` (which names deploy_timeout,
 * not what was left of it), anything else as a failure of `what`.
 */
function failedWaiting(what, timedOut) {
    return error => {
        if (error instanceof errors.DeployError && error.code === 'TIMEOUT') {
            throw new errors.DeployError('TIMEOUT', timedOut(), { cause: error });
        }
        throw asFailure(what, error);
    };
}
function asFailure(what, error) {
    if (error instanceof errors.DeployError)
        return error;
    if ((0,errors/* isAbortError */.zf)(error)) {
        return new errors.DeployError('CANCELLED', `cancelled during CloudFormation ${what}`, {
            cause: error
        });
    }
    const name = error instanceof Error ? error.name : '';
    return new errors.DeployError('DEPLOY_FAILED', `CloudFormation ${what} failed: ${name && name !== 'Error' ? `${name}: ` : ''}${oneLine((0,errors/* errorMessage */.gJ)(error))}`, { cause: error });
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
        onRetry: (0,calls/* noticeRetry */.p)(context)
    };
}

// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
// EXTERNAL MODULE: ./src/runtime/duration.ts
var duration = __webpack_require__(1170);
;// CONCATENATED MODULE: ./src/targets/cloudformation-events.ts




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
    const { value: stack } = await (0,follow/* follow */.e6)({
        describe: `the CloudFormation ${operation.what} of stack ${operation.stackName}`,
        ...waitingIn(context),
        timeoutMs,
        look: async (signal) => {
            const stack = await look.describeStack(operation.stackId, signal);
            const status = stack?.StackStatus;
            if (!stack || !status) {
                throw new retry/* RetryableError */.dw(`DescribeStacks did not find stack ${operation.stackId}`);
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
    }).catch(failedWaiting(`following the ${operation.what} of stack ${operation.stackName}`, () => `The CloudFormation ${operation.what} of stack ${operation.stackName} did not finish within ` +
        `deploy_timeout (${(0,duration/* formatDuration */.a)(context.timeoutMs)})`));
    return { stack, events };
}
// ---- events -> progress, root cause ----------------------------------------------------------
/** The stack's own events (its status), as opposed to a resource's or a nested stack's. */
function isStackItself(event) {
    return event.PhysicalResourceId === event.StackId || event.LogicalResourceId === event.StackName;
}
function describeEvent(event) {
    const status = event.ResourceStatus ?? 'UNKNOWN';
    const reason = event.ResourceStatusReason ? oneLine(event.ResourceStatusReason) : undefined;
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
        `${e.ResourceStatus}: ${oneLine(e.ResourceStatusReason ?? '')}`);
}
function shorten(text, max) {
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

;// CONCATENATED MODULE: ./src/targets/cloudformation-stack.ts





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
        id = `${id.slice(0, 79)}-${(0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex').slice(0, 10)}`;
    }
    return { name: `${TOKEN_PREFIX}${id}` };
}
/** Statuses CloudFormation will not start an update from, each with what to do about it. */
function unusable(stack) {
    const name = stack.StackName ?? '';
    const status = stack.StackStatus ?? '';
    const reason = stack.StackStatusReason ? ` (${oneLine(stack.StackStatusReason)})` : '';
    switch (status) {
        case 'UPDATE_ROLLBACK_FAILED':
            return new errors.DeployError('DEPLOY_FAILED', `Stack ${name} is UPDATE_ROLLBACK_FAILED: an earlier update failed and so did its ` +
                `rollback${reason}. CloudFormation accepts no update until the rollback finishes: fix ` +
                `what blocks it, run \`aws cloudformation continue-update-rollback --stack-name ${name}\` ` +
                '(--resources-to-skip for resources that cannot roll back), wait for ' +
                'UPDATE_ROLLBACK_COMPLETE, then deploy again.');
        case 'ROLLBACK_FAILED':
        case 'DELETE_FAILED':
        case 'IMPORT_ROLLBACK_FAILED':
            return new errors.DeployError('DEPLOY_FAILED', `Stack ${name} is ${status}${reason}: CloudFormation cannot update it. Delete it ` +
                `(\`aws cloudformation delete-stack --stack-name ${name}\`, --retain-resources for what ` +
                'cannot be deleted), then deploy again.');
        default:
            return undefined;
    }
}
/** Busy: an operation runs on the stack. REVIEW_IN_PROGRESS is a stack waiting for a change set. */
function isBusy(status) {
    return status !== 'REVIEW_IN_PROGRESS' && !isSettled(status);
}
/**
 * The stack a change set can be made for: undefined when there is none (or no longer one), else
 * a stack at rest. Waits within `remaining()`.
 */
async function stackAtRest(api, request, context, remaining) {
    const { target } = request;
    for (;;) {
        const stack = await call('DescribeStacks', () => api.describeStack(target.stack, context.signal));
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
    const own = page.events.filter(isStackItself);
    const token = own[0]?.ClientRequestToken;
    // The operation's first event on this page: where it began (or as far back as the page goes).
    const started = [...own].reverse().find(e => e.ClientRequestToken === token) ?? own[0];
    return {
        who: describeStarter(token),
        since: started?.Timestamp,
        reason: started?.ResourceStatusReason ? oneLine(started.ResourceStatusReason) : undefined
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
    const running = await call('DescribeStackEvents', () => whoIsRunning(api, stack, context.signal));
    const since = running.since ? ` since ${running.since.toISOString()}` : '';
    const why = running.reason ? ` (${running.reason})` : '';
    const deployTimeout = (0,follow/* formatDuration */.a3)(context.timeoutMs);
    context.info(`Stack ${name} is busy: ${stack.StackStatus}${since}, started by ${running.who}${why}. ` +
        `Waiting for it to finish, within deploy_timeout (${deployTimeout}), before deploying; no ` +
        'second operation is started on it.');
    const look = api.forLook;
    let last = stack.StackStatus;
    await (0,follow/* follow */.e6)({
        describe: `the operation running on stack ${name}`,
        ...waitingIn(context),
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
    }).catch(failedWaiting(`waiting for the operation on stack ${name}`, () => `Stack ${name} was still ${last ?? 'busy'} at the end of deploy_timeout (${deployTimeout}): the ` +
        `operation started by ${running.who} did not finish, and nothing was started on the stack.`));
}
/** ROLLBACK_COMPLETE: the creation failed; the stack holds nothing and cannot be updated. */
async function recreate(api, stack, request, context, remaining) {
    const { target } = request;
    const name = target.stack;
    const reason = stack.StackStatusReason ? ` (${oneLine(stack.StackStatusReason)})` : '';
    if (target.onRollbackComplete === 'fail') {
        throw new errors.DeployError('INVALID_INPUT', `Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason} and CloudFormation ` +
            'cannot update it. on_rollback_complete is fail, so it was left as it is: delete it ' +
            `(\`aws cloudformation delete-stack --stack-name ${name}\`) or set ` +
            'on_rollback_complete: recreate, then deploy again.');
    }
    const stackId = stack.StackId ?? name;
    const token = `${operationNames(request.plan.deploymentId, request.service.name).name}-delete`;
    context.info(`Stack ${name} is ROLLBACK_COMPLETE: its creation failed${reason}. Deleting it to create ` +
        'it again (on_rollback_complete: recreate).');
    await call('DeleteStack', () => api.deleteStack({ stackId, token, roleArn: target.roleArn }, context.signal));
    const end = await followOperation(api, { stackId, stackName: name, token, statusBefore: 'ROLLBACK_COMPLETE', what: 'deletion' }, context, remaining());
    if (end.stack.StackStatus !== 'DELETE_COMPLETE') {
        const cause = rootCause(end.events);
        const why = cause ? `: ${describeCause(cause)}` : '';
        throw new errors.DeployError('DEPLOY_FAILED', `Stack ${name} (ROLLBACK_COMPLETE) could not be deleted to create it again: ` +
            `${end.stack.StackStatus}${why}. Delete it (\`aws cloudformation delete-stack ` +
            `--stack-name ${name}\`) and deploy again.`);
    }
    context.info(`Deleted stack ${name} (the one whose creation failed); creating it again`);
}
/** "ApiFunction (AWS::Lambda::Function) UPDATE_FAILED: reason" */
function describeCause(event) {
    const reason = event.ResourceStatusReason ? `: ${oneLine(event.ResourceStatusReason)}` : '';
    return `${event.LogicalResourceId} (${event.ResourceType}) ${event.ResourceStatus}${reason}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/settings/files.ts
var files = __webpack_require__(5918);
// EXTERNAL MODULE: ./src/settings/stack-values.ts
var stack_values = __webpack_require__(5092);
;// CONCATENATED MODULE: ./src/targets/cloudformation-template.ts






async function templateSource(api, target, context) {
    const file = (0,files/* readSmallTextFile */.L$)(target.template, stack_values/* TEMPLATE_URL_LIMIT */.XH);
    if (!file.ok) {
        throw new errors.DeployError('INVALID_INPUT', `Template ${target.template} ${file.problem}`);
    }
    const body = file.text;
    const bytes = Buffer.byteLength(body);
    if (bytes <= stack_values/* TEMPLATE_BODY_LIMIT */.YN)
        return { TemplateBody: body };
    const bucket = target.templateBucket;
    if (!bucket) {
        throw new errors.DeployError('INVALID_INPUT', `Template ${target.template} is ${bytes} bytes, over the ${stack_values/* TEMPLATE_BODY_LIMIT */.YN}-byte limit ` +
            'of a template sent inline; set template_bucket to upload it to S3.');
    }
    // Content-addressed: the same template is uploaded once, and a key never changes meaning.
    const hash = (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
    const extension = (0,external_node_path_.extname)(target.template).toLowerCase() || '.template';
    const key = `deploy-pipeline/templates/${hash}${extension}`;
    const contentType = extension === '.json' ? 'application/json' : 'text/yaml';
    const upload = await call('template upload to S3', () => api.uploadTemplate({ bucket, key, body, contentType }, context.signal));
    context.info(upload.uploaded
        ? `Uploaded the template (${bytes} bytes) to s3://${bucket}/${key}`
        : `The template (${bytes} bytes) is in s3://${bucket}/${key} already`);
    return { TemplateURL: upload.url };
}
/** What the placeholders of parameters and tags stand for in this deployment. */
function stackValues(request) {
    const { plan } = request;
    return {
        image_uri: request.imageUri,
        image_tag: plan.version.imageTag,
        version: plan.version.gitTag ? plan.version.version : undefined,
        environment: plan.environment,
        commit: plan.commit
    };
}
/** `value` with its placeholders filled in; `where` names the key for the error. */
function fillValue(value, values, where) {
    return value.replace(/\{([^{}]*)\}/g, (_, name) => {
        const filled = values[name];
        if (filled !== undefined)
            return filled;
        const why = name === 'version'
            ? 'this run makes no git tag (create_tag is false); use {image_tag}'
            : name === 'image_uri'
                ? 'the service has no pushed image'
                : 'it is not a known placeholder';
        throw new errors.DeployError('INVALID_INPUT', `${where} uses {${name}}, but ${why}.`);
    });
}
function stackParameters(request) {
    const values = stackValues(request);
    return Object.entries(request.target.parameters).map(([key, value]) => ({
        ParameterKey: key,
        ParameterValue: fillValue(value, values, `services.${request.service.name}.deploy.cloudformation.parameters.${key}`)
    }));
}
function stackTags(request) {
    const values = stackValues(request);
    return Object.entries(request.target.tags).map(([key, value]) => ({
        Key: key,
        Value: fillValue(value, values, `services.${request.service.name}.deploy.cloudformation.tags.${key}`)
    }));
}

;// CONCATENATED MODULE: ./src/targets/cloudformation-changeset.ts





/** What CloudFormation says when the template and parameters change nothing. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;
async function prepareChangeSet(api, request, stack, source, context, timeoutMs) {
    const { target, plan, service } = request;
    // A stack made by an earlier CREATE change set that never ran still needs one of type CREATE.
    const type = stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS' ? 'UPDATE' : 'CREATE';
    const { name } = operationNames(plan.deploymentId, service.name);
    let created;
    try {
        created = await api.createChangeSet({
            StackName: target.stack,
            ChangeSetName: name,
            ClientToken: name,
            ChangeSetType: type,
            Description: `Deploy Pipeline ${plan.deploymentId}: ${service.name} at ${plan.commit.slice(0, 12)}`,
            ...source,
            Parameters: stackParameters(request),
            Capabilities: [...target.capabilities],
            Tags: stackTags(request),
            RoleARN: target.roleArn
        }, context.signal);
    }
    catch (error) {
        if (error instanceof Error && error.name === 'InsufficientCapabilitiesException') {
            throw capabilityError(request, error.message);
        }
        throw asFailure('CreateChangeSet', error);
    }
    context.info(`Created change set ${name} (${type}) for stack ${target.stack}`);
    const look = api.forLook;
    const { value: described } = await (0,follow/* follow */.e6)({
        describe: `change set ${name} of stack ${target.stack}`,
        ...waitingIn(context),
        timeoutMs,
        look: async (signal) => {
            const page = await look.changeSetPage(created.id, undefined, signal);
            const status = page.changeSet.Status;
            if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
                return { done: false, progress: `change set ${name}: ${status}` };
            }
            return { done: true, value: page };
        }
    }).catch(failedWaiting(`following change set ${name}`, () => `CloudFormation did not finish change set ${name} for stack ${target.stack} within ` +
        `deploy_timeout (${(0,follow/* formatDuration */.a3)(context.timeoutMs)}); nothing was executed.`));
    const status = described.changeSet.Status;
    const reason = oneLine(described.changeSet.StatusReason ?? '');
    if (status === 'FAILED' && NO_CHANGES.test(reason)) {
        await deleteQuietly(api, created.id, context);
        return { empty: true, name, reason };
    }
    if (status !== 'CREATE_COMPLETE') {
        if (/Requires capabilities/i.test(reason))
            throw capabilityError(request, reason);
        throw new errors.DeployError('DEPLOY_FAILED', `CloudFormation could not make change set ${name} for stack ${target.stack}: ` +
            `${status}${reason ? `: ${reason}` : ''}`);
    }
    const changes = [...described.changes];
    for (let next = described.nextToken; next;) {
        const page = await api
            .changeSetPage(created.id, next, context.signal)
            .catch((error) => Promise.reject(asFailure('DescribeChangeSet', error)));
        changes.push(...page.changes);
        next = page.nextToken;
    }
    return { empty: false, id: created.id, name, stackId: created.stackId, type, changes };
}
/**
 * CloudFormation asked for a capability the config does not grant: name it and the key to add
 * it to. CreateChangeSet refuses at once for most templates; transforms (SAM) fail the change set
 * with the same words.
 */
function capabilityError(request, reason) {
    const missing = /\[([^\]]*)\]/
        .exec(reason)?.[1]
        ?.split(/[\s,]+/)
        .filter(Boolean) ?? [];
    const what = missing.length > 0 ? missing.join(' and ') : 'a capability';
    return new errors.DeployError('INVALID_INPUT', `CloudFormation needs ${what} to deploy stack ${request.target.stack} ` +
        `(${oneLine(reason)}): add ${missing.length > 1 ? 'them' : 'it'} to ` +
        `services.${request.service.name}.deploy.cloudformation.capabilities.`);
}
async function deleteQuietly(api, changeSetId, context) {
    try {
        await api.deleteChangeSet(changeSetId, context.signal);
    }
    catch (error) {
        context.warning(`Could not delete the empty change set: ${oneLine((0,errors/* errorMessage */.gJ)(error))}`);
    }
}
// ---- reporting the changes ------------------------------------------------------------------
/** One change as a progress line; the job summary builds its table from `data.stackChange`. */
function describeChange(change) {
    const resource = change.ResourceChange ?? {};
    const action = resource.Action ?? 'Change';
    const replacement = resource.Replacement;
    const flag = replacement === 'True' || replacement === 'Conditional' ? ` [Replacement: ${replacement}]` : '';
    return {
        message: `CloudFormation change: ${action} ${resource.LogicalResourceId} (${resource.ResourceType})${flag}`,
        data: {
            stackChange: {
                action,
                logicalId: resource.LogicalResourceId,
                resourceType: resource.ResourceType,
                ...(resource.PhysicalResourceId ? { physicalId: resource.PhysicalResourceId } : {}),
                ...(replacement ? { replacement } : {})
            }
        }
    };
}
/** "3 changes (1 Add, 1 Modify, 1 Remove), 1 replacement" */
function countChanges(changes) {
    const byAction = new Map();
    for (const change of changes) {
        const action = change.ResourceChange?.Action ?? 'Change';
        byAction.set(action, (byAction.get(action) ?? 0) + 1);
    }
    const actions = [...byAction].map(([action, n]) => `${n} ${action}`).join(', ');
    const replaced = changes.filter(c => c.ResourceChange?.Replacement === 'True').length;
    const replacements = replaced > 0 ? `, ${replaced} replacement${replaced === 1 ? '' : 's'}` : '';
    return `${changes.length} change${changes.length === 1 ? '' : 's'} (${actions})${replacements}`;
}

// EXTERNAL MODULE: ./src/targets/stop.ts
var stop = __webpack_require__(8292);
;// CONCATENATED MODULE: ./src/targets/cloudformation.ts







/**
 * CloudFormation deploys: one stack per service, deployed through a change set.
 *
 * 1. The stack as it stands: busy stacks are waited for, a failed creation is deleted and created
 *    again (or refused), a failed rollback explained (cloudformation-stack.ts).
 * 2. A change set, followed until it is ready; its changes reported before anything runs; no
 *    changes is a success with nothing to do (cloudformation-changeset.ts).
 * 3. The change set executed and followed through the stack's events (cloudformation-events.ts).
 * 4. The end: the stack's outputs become the service's, or the failure is explained by its root
 *    cause. A deadline or a cancel during an update cancels it, so it rolls back.
 */
const deploy = async (request, context) => {
    const { CloudFormationApi } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5806)]).then(__webpack_require__.bind(__webpack_require__, 5806));
    const api = await CloudFormationApi.create(request.target.region, (0,calls/* noticeRetry */.p)(context));
    return deployStack(api, request, context);
};
async function deployStack(api, request, context) {
    const { target } = request;
    const now = context.now ?? Date.now;
    const deadline = now() + context.timeoutMs;
    const remaining = () => Math.max(1, deadline - now());
    const source = await templateSource(api, target, context);
    const before = await stackAtRest(api, request, context, remaining);
    const changeSet = await prepareChangeSet(api, request, before, source, context, remaining());
    if (changeSet.empty) {
        context.progress(`CloudFormation: stack ${target.stack} is up to date; the change set had no changes, nothing was executed`, { stackChanges: 0 });
        const current = await call('DescribeStacks', () => api.describeStack(target.stack, context.signal));
        if (!current) {
            throw new errors.DeployError('DEPLOY_FAILED', `Stack ${target.stack} disappeared during the deploy`);
        }
        return finish(api, request, current, context);
    }
    context.info(`Change set ${changeSet.name} for stack ${target.stack}: ${countChanges(changeSet.changes)}`);
    for (const change of changeSet.changes) {
        const { message, data } = describeChange(change);
        context.progress(message, data);
    }
    const end = await execute(api, request, changeSet, before, context, remaining);
    const status = end.stack.StackStatus ?? '';
    if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE') {
        return finish(api, request, end.stack, context);
    }
    throw failure(request, changeSet, end);
}
async function execute(api, request, changeSet, before, context, remaining) {
    const name = request.target.stack;
    const operation = {
        stackId: changeSet.stackId,
        stackName: name,
        token: changeSet.name,
        statusBefore: before?.StackStatus,
        what: changeSet.type === 'CREATE' ? 'creation' : 'update'
    };
    await call('ExecuteChangeSet', () => api.executeChangeSet({ changeSetId: changeSet.id, token: operation.token }, context.signal));
    context.info(`Executing change set ${changeSet.name}: the ${operation.what} of stack ${name}`);
    return followOperation(api, operation, context, remaining()).catch(error => changeSet.type === 'UPDATE'
        ? (0,stop/* stopAbandoned */.x)(error, signal => api.cancelUpdateStack(operation.stackId, `${operation.token}-cancel`, signal), `cancelled the update of stack ${name} (CancelUpdateStack): CloudFormation rolls it back to its previous state`, context)
        : Promise.reject(creationLeftRunning(error, name)));
}
/** A creation cannot be cancelled: say that it goes on, and what happens if it fails. */
function creationLeftRunning(error, name) {
    if (!(error instanceof errors.DeployError))
        return error;
    if (error.code !== 'TIMEOUT' && error.code !== 'CANCELLED')
        return error;
    return new errors.DeployError(error.code, `${error.message}; the creation of stack ${name} goes on (CancelUpdateStack applies to ` +
        'updates only): if it fails, CloudFormation rolls it back and the next deploy creates it again', { cause: error });
}
/** The operation ended without success: why, by its root cause rather than the cascade after it. */
function failure(request, changeSet, end) {
    const { target } = request;
    const status = end.stack.StackStatus ?? 'UNKNOWN';
    const cause = rootCause(end.events);
    // What the stack itself said along the way ("The following resource(s) failed to update: ...").
    const said = end.events
        .filter(e => isStackItself(e) && e.ResourceStatusReason && e.ResourceStatusReason !== 'User Initiated')
        .map(e => `${e.Timestamp?.toISOString() ?? ''} stack ${target.stack} ${e.ResourceStatus}: ` +
        oneLine(e.ResourceStatusReason ?? ''));
    const stackReason = end.stack.StackStatusReason ? oneLine(end.stack.StackStatusReason) : '';
    const because = cause
        ? describeCause(cause)
        : stackReason || said.at(-1) || 'CloudFormation gave no reason';
    const verb = changeSet.type === 'CREATE' ? 'creation' : 'update';
    const outcome = /ROLLBACK_COMPLETE$/.test(status) ? 'failed and was rolled back' : 'failed';
    const next = status === 'ROLLBACK_COMPLETE'
        ? target.onRollbackComplete === 'recreate'
            ? '; the next deploy deletes the stack and creates it again (on_rollback_complete: recreate)'
            : '; delete the stack before the next deploy (on_rollback_complete: fail)'
        : status === 'UPDATE_ROLLBACK_FAILED'
            ? `; its rollback failed too: once what blocks it is fixed, run \`aws cloudformation continue-update-rollback --stack-name ${target.stack}\``
            : '';
    return new errors.DeployError('DEPLOY_FAILED', `The CloudFormation ${verb} of stack ${target.stack} ${outcome} (${status}): ${because}${next}`, { details: [...failureLines(end.events), ...said].join('\n') });
}
/** Outputs, the deployment URL, termination protection: what a deployed stack hands on. */
async function finish(api, request, stack, context) {
    const { target } = request;
    const outputs = {};
    if (stack.StackId)
        outputs.stack_id = stack.StackId;
    for (const output of stack.Outputs ?? []) {
        if (output.OutputKey && output.OutputValue !== undefined) {
            outputs[output.OutputKey] = output.OutputValue;
        }
    }
    const deploymentUrl = target.urlOutput ? outputs[target.urlOutput] : undefined;
    if (target.urlOutput && deploymentUrl === undefined) {
        const names = (stack.Outputs ?? []).map(o => o.OutputKey).join(', ') || 'none';
        context.warning(`url_output ${target.urlOutput} is not an output of stack ${target.stack} (its outputs: ${names})`);
    }
    const protect = target.terminationProtection;
    if (protect !== undefined && (stack.EnableTerminationProtection ?? false) !== protect) {
        await call('UpdateTerminationProtection', () => api.setTerminationProtection(stack.StackId ?? target.stack, protect, context.signal));
        context.info(`Termination protection of stack ${target.stack} turned ${protect ? 'on' : 'off'}`);
    }
    return { ...(deploymentUrl ? { deploymentUrl } : {}), outputs };
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


/***/ })

};

//# sourceMappingURL=7845.index.js.map