export const id = 5759;
export const ids = [5759];
export const modules = {

/***/ 5759:
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
// EXTERNAL MODULE: ./src/targets/types.ts
var types = __webpack_require__(6043);
// EXTERNAL MODULE: ./src/targets/cloudformation-calls.ts
var cloudformation_calls = __webpack_require__(2400);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/targets/cloudformation-stack.ts
var cloudformation_stack = __webpack_require__(1497);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    const upload = await (0,cloudformation_calls/* call */.T1)('template upload to S3', () => api.uploadTemplate({ bucket, key, body, contentType }, context.signal));
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
    const { name } = (0,cloudformation_stack/* operationNames */.qj)(plan.deploymentId, service.name);
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
        throw (0,cloudformation_calls/* asFailure */.h_)('CreateChangeSet', error);
    }
    context.info(`Created change set ${name} (${type}) for stack ${target.stack}`);
    const look = api.forLook;
    const { value: described } = await (0,follow/* follow */.e6)({
        describe: `change set ${name} of stack ${target.stack}`,
        ...(0,cloudformation_calls/* waitingIn */.zQ)(context),
        timeoutMs,
        look: async (signal) => {
            const page = await look.changeSetPage(created.id, undefined, signal);
            const status = page.changeSet.Status;
            if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
                return { done: false, progress: `change set ${name}: ${status}` };
            }
            return { done: true, value: page };
        }
    }).catch((0,cloudformation_calls/* failedWaiting */.R5)(`following change set ${name}`, () => `CloudFormation did not finish change set ${name} for stack ${target.stack} within ` +
        `deploy_timeout (${(0,follow/* formatDuration */.a3)(context.timeoutMs)}); nothing was executed.`));
    const status = described.changeSet.Status;
    const reason = (0,cloudformation_calls/* oneLine */.TN)(described.changeSet.StatusReason ?? '');
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
            .catch((error) => Promise.reject((0,cloudformation_calls/* asFailure */.h_)('DescribeChangeSet', error)));
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
        `(${(0,cloudformation_calls/* oneLine */.TN)(reason)}): add ${missing.length > 1 ? 'them' : 'it'} to ` +
        `services.${request.service.name}.deploy.cloudformation.capabilities.`);
}
async function deleteQuietly(api, changeSetId, context) {
    try {
        await api.deleteChangeSet(changeSetId, context.signal);
    }
    catch (error) {
        context.warning(`Could not delete the empty change set: ${(0,cloudformation_calls/* oneLine */.TN)((0,errors/* errorMessage */.gJ)(error))}`);
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

// EXTERNAL MODULE: ./src/targets/cloudformation-events.ts
var cloudformation_events = __webpack_require__(5496);
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
    const api = await CloudFormationApi.create(request.target.region, (0,cloudformation_calls/* noticeRetry */.pS)(context));
    return deployStack(api, request, context);
};
async function deployStack(api, request, context) {
    const { target } = request;
    const remaining = (0,types/* timeLeft */.f)(context);
    const source = await templateSource(api, target, context);
    const before = await (0,cloudformation_stack/* stackAtRest */.Md)(api, request, context, remaining);
    const changeSet = await prepareChangeSet(api, request, before, source, context, remaining());
    if (changeSet.empty) {
        context.progress(`CloudFormation: stack ${target.stack} is up to date; the change set had no changes, nothing was executed`, { stackChanges: 0 });
        const current = await (0,cloudformation_calls/* call */.T1)('DescribeStacks', () => api.describeStack(target.stack, context.signal));
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
        what: changeSet.type === 'CREATE' ? 'creation' : 'update',
        expectedEvents: (0,cloudformation_events/* expectedEvents */.k5)(changeSet.changes.length)
    };
    await (0,cloudformation_calls/* call */.T1)('ExecuteChangeSet', () => api.executeChangeSet({ changeSetId: changeSet.id, token: operation.token }, context.signal));
    context.info(`Executing change set ${changeSet.name}: the ${operation.what} of stack ${name}`);
    return (0,cloudformation_events/* followOperation */.Dn)(api, operation, context, remaining()).catch(error => changeSet.type === 'UPDATE'
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
    const cause = (0,cloudformation_events/* rootCause */.es)(end.events);
    // What the stack itself said along the way ("The following resource(s) failed to update: ...").
    const said = end.events
        .filter(e => (0,cloudformation_events/* isStackItself */.Ke)(e) && e.ResourceStatusReason && e.ResourceStatusReason !== 'User Initiated')
        .map(e => `${e.Timestamp?.toISOString() ?? ''} stack ${target.stack} ${e.ResourceStatus}: ` +
        (0,cloudformation_calls/* oneLine */.TN)(e.ResourceStatusReason ?? ''));
    const stackReason = end.stack.StackStatusReason ? (0,cloudformation_calls/* oneLine */.TN)(end.stack.StackStatusReason) : '';
    const because = cause
        ? (0,cloudformation_stack/* describeCause */.V$)(cause)
        : stackReason || said.at(-1) || 'CloudFormation gave no reason';
    const verb = changeSet.type === 'CREATE' ? 'creation' : 'update';
    const outcome = /ROLLBACK_COMPLETE$/.test(status) ? 'failed and was rolled back' : 'failed';
    const next = status === 'ROLLBACK_COMPLETE'
        ? target.onRollbackComplete === 'recreate'
            ? '; the next deploy deletes the stack and creates it again (on_rollback_complete: recreate)'
            : '; delete the stack before the next deploy (on_rollback_complete: fail)'
        : status === 'UPDATE_ROLLBACK_FAILED'
            ? `; its rollback failed too: once what blocks it is fixed, run \`aws cloudformation continue-update-rollback --stack-name ${target.stack}\``
            : status === 'ROLLBACK_FAILED'
                ? '; its rollback failed too, and CloudFormation will neither update nor create it ' +
                    `again: delete it (\`aws cloudformation delete-stack --stack-name ${target.stack}\`, ` +
                    '--retain-resources for what cannot be deleted), then deploy again'
                : '';
    return new errors.DeployError('DEPLOY_FAILED', `The CloudFormation ${verb} of stack ${target.stack} ${outcome} (${status}): ${because}${next}`, { details: [...(0,cloudformation_events/* failureLines */.w7)(end.events), ...said].join('\n') });
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
        await (0,cloudformation_calls/* call */.T1)('UpdateTerminationProtection', () => api.setTerminationProtection(stack.StackId ?? target.stack, protect, context.signal));
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

//# sourceMappingURL=5759.index.js.map