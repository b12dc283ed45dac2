export const id = 63;
export const ids = [63];
export const modules = {

/***/ 9063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeployPhase: () => (/* binding */ runDeployPhase)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/settings/service-graph.ts
var service_graph = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/targets/catalog.ts
const TARGETS = {
    ecs: {
        defaultPollMs: 5000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 7039))).deploy
    },
    stepfunctions: {
        defaultPollMs: 2000,
        load: async () => (await __webpack_require__.e(/* import() */ 434).then(__webpack_require__.bind(__webpack_require__, 9434))).deploy
    },
    argocd: {
        defaultPollMs: 5000,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(639)]).then(__webpack_require__.bind(__webpack_require__, 4639))).deploy
    }
};

// EXTERNAL MODULE: ./src/phases/deadline.ts
var deadline = __webpack_require__(6958);
;// CONCATENATED MODULE: ./src/phases/deploy.ts




const loadTarget = kind => TARGETS[kind].load();
/**
 * DEPLOY: layers in order, the services of a layer in parallel. A failed service stops the
 * services that depend on it; the others still deploy, and every failure is reported.
 */
async function runDeployPhase(ctx, load = loadTarget) {
    const services = new Map(ctx.plan.services.map(s => [s.name, s]));
    const failures = new Map();
    const skipped = new Set();
    const urls = new Map();
    const reports = new Map();
    for (const layer of ctx.plan.layers) {
        const runnable = layer.filter(name => !skipped.has(name));
        await Promise.all(runnable.map(async (name) => {
            const service = services.get(name);
            try {
                const outcome = await deployService(ctx, service, load);
                if (outcome?.deploymentUrl)
                    urls.set(name, outcome.deploymentUrl);
                if (outcome?.outputs)
                    reports.set(name, outcome.outputs);
            }
            catch (error) {
                const failure = (0,errors/* asDeployError */.y0)(error, 'DEPLOY_FAILED');
                failures.set(name, failure);
                ctx.bus.emit({
                    type: 'error',
                    stage: 'DEPLOY',
                    service: name,
                    message: failure.message,
                    error_code: failure.code,
                    error_details: failure.details
                });
                for (const dependent of (0,service_graph/* dependentsOf */.yk)(ctx.plan.services, name)) {
                    if (skipped.has(dependent))
                        continue;
                    skipped.add(dependent);
                    ctx.bus.emit({
                        type: 'info',
                        stage: 'DEPLOY',
                        service: dependent,
                        message: `not deployed: it depends on ${name}, which failed`
                    });
                }
            }
        }));
        // Cancellation ends the run at once; later layers must not start.
        ctx.signal.throwIfAborted();
    }
    // The run's address is the one nearest the user: the last service in deploy order with one
    // (a web UI that depends on the API), whichever finished first.
    const order = ctx.plan.layers.flat().reverse();
    const front = order.find(name => urls.has(name));
    if (front)
        ctx.state.deploymentUrl = urls.get(front);
    Object.assign(ctx.state.outputs, targetOutputs(reports, urls));
    if (failures.size > 0)
        throw summariseFailures(failures, skipped);
}
async function deployService(ctx, service, load) {
    const target = service.deploy;
    if (!target)
        return undefined;
    const imageUri = service.image ? ctx.state.images[service.name] : undefined;
    if (service.image && !imageUri) {
        throw new errors/* DeployError */.sH('DEPLOY_FAILED', `no pushed image is known for ${service.name}`);
    }
    const deploy = await load(target.kind);
    const timeoutMs = target.timeoutMs ?? ctx.settings.deploy.timeoutMs;
    const context = {
        timeoutMs,
        pollIntervalMs: target.pollIntervalMs ??
            ctx.settings.deploy.pollIntervalMs ??
            TARGETS[target.kind].defaultPollMs,
        progress: (message, data) => ctx.bus.emit({ type: 'progress', stage: 'DEPLOY', service: service.name, message, data }),
        info: message => ctx.bus.emit({ type: 'info', stage: 'DEPLOY', service: service.name, message }),
        warning: message => {
            ctx.core.warning(`${service.name}: ${message}`);
            ctx.bus.emit({
                type: 'info',
                stage: 'DEPLOY',
                service: service.name,
                message: `warning: ${message}`
            });
        }
    };
    ctx.bus.emit({
        type: 'progress',
        stage: 'DEPLOY',
        service: service.name,
        message: `deploying${imageUri ? ` ${imageUri}` : ''} (${target.kind})`
    });
    const request = { service, target, imageUri, plan: ctx.plan, settings: ctx.settings };
    const outcome = await (0,deadline/* withServiceDeadline */.Go)(ctx.signal, timeoutMs, signals => deploy(request, { ...context, ...signals }));
    if (outcome.deploymentUrl && !ctx.state.deploymentUrl)
        ctx.state.deploymentUrl = outcome.deploymentUrl;
    ctx.bus.emit({
        type: 'progress',
        stage: 'DEPLOY',
        service: service.name,
        message: `deployed${outcome.deploymentUrl ? `: ${outcome.deploymentUrl}` : ''}`,
        ...(outcome.deploymentUrl ? { deployment_url: outcome.deploymentUrl } : {})
    });
    return outcome;
}
/**
 * What the targets reported, as outputs: `deployments` maps each service to its URL and
 * outputs; a key only one service reports (a single ECS service's task_definition_arn) is also
 * an output of its own, since with several services a flat key would say nothing of whose it is.
 */
function targetOutputs(reports, urls) {
    const names = [...new Set([...reports.keys(), ...urls.keys()])];
    if (names.length === 0)
        return {};
    const deployments = Object.fromEntries(names.map(name => [
        name,
        { ...(urls.has(name) ? { deployment_url: urls.get(name) } : {}), ...reports.get(name) }
    ]));
    const flat = {};
    const counts = new Map();
    for (const outputs of reports.values()) {
        for (const key of Object.keys(outputs))
            counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const outputs of reports.values()) {
        for (const [key, value] of Object.entries(outputs))
            if (counts.get(key) === 1)
                flat[key] = value;
    }
    return { ...flat, deployments: JSON.stringify(deployments) };
}
/** One error for the run: the first failure's code, every failure and skip in the details. */
function summariseFailures(failures, skipped) {
    const [firstName, first] = [...failures.entries()][0];
    const lines = [...failures.entries()].map(([name, e]) => `${name}: ${e.code}: ${e.message}`);
    if (skipped.size > 0)
        lines.push(`not deployed: ${[...skipped].join(', ')}`);
    const message = failures.size === 1
        ? `${firstName}: ${first.message}`
        : `${failures.size} services failed to deploy`;
    return new errors/* DeployError */.sH(first.code, message, { details: lines.join('\n'), cause: first });
}


/***/ })

};

//# sourceMappingURL=63.index.js.map