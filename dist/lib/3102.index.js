export const id = 3102;
export const ids = [3102];
export const modules = {

/***/ 3102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   takeOverPlan: () => (/* binding */ takeOverPlan),
/* harmony export */   writeMatrix: () => (/* binding */ writeMatrix)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_handoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3253);


/**
 * The two ends of a split workflow's plan: the plan job writes the build matrix, and the build
 * and deploy jobs take the plan over, after checking that it is for this job's commit and
 * environment (a plan of another run or another environment is refused before anything runs).
 */
function takeOverPlan(settings, bus) {
    const { plan } = (0,_plan_handoff_js__WEBPACK_IMPORTED_MODULE_1__/* .readHandedPlan */ .YC)(settings.split.plan ?? '');
    const problems = [];
    if (plan.commit !== settings.context.sha) {
        problems.push(`it is for commit ${plan.commit}, and this job runs at ${settings.context.sha}`);
    }
    if (plan.environment !== settings.environment) {
        problems.push(`it deploys to ${plan.environment}, and this job's environment is ${settings.environment}`);
    }
    if (plan.dryRun)
        problems.push('it is the plan of a dry run');
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input plan is not this run's: ${problems.join('; ')}.`);
    }
    const { phase, service, platform } = settings.split;
    const taken = phase === 'build' ? (0,_plan_handoff_js__WEBPACK_IMPORTED_MODULE_1__/* .planForBuildJob */ .UE)(plan, service ?? '', platform ?? '') : plan;
    const what = phase === 'build' ? `${service} for ${platform}` : `${plan.services.length} services`;
    bus.emit({
        type: 'info',
        stage: 'VERSION',
        message: `plan ${plan.deploymentId}: image tag ${plan.version.imageTag}, ${what}`
    });
    return taken;
}
/** The `matrix` output: one build job per built service and platform, on a runner of its own. */
function writeMatrix(settings, plan, state, bus) {
    const matrix = (0,_plan_handoff_js__WEBPACK_IMPORTED_MODULE_1__/* .buildMatrix */ .Kn)(plan, settings.split.runners);
    state.outputs.matrix = JSON.stringify(matrix);
    const runners = [...new Set(matrix.include.map(entry => entry.runner))].join(', ');
    bus.emit({
        type: 'info',
        stage: 'BUILD',
        message: matrix.include.length === 0
            ? 'no build jobs: nothing is built'
            : `${matrix.include.length} build jobs on ${runners}`
    });
}


/***/ }),

/***/ 3253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ buildMatrix),
/* harmony export */   UE: () => (/* binding */ planForBuildJob),
/* harmony export */   YC: () => (/* binding */ readHandedPlan),
/* harmony export */   mx: () => (/* binding */ readBuildRecord),
/* harmony export */   vm: () => (/* binding */ builtServices)
/* harmony export */ });
/* unused harmony export buildRecordSchema */
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7934);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9972);



/**
 * What the jobs of a split workflow hand each other (docs/scaling.md): the plan job's `plan` (the
 * Plan, plus the status card to carry on) and `matrix`, and one record per build job. Pure: the
 * text comes in, checked data or an error that says which input is wrong goes out.
 */
const digest = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .regex */ .yGV(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex>'));
const text = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(4096));
/**
 * The parts of a Plan the later jobs act on, checked; the plan job wrote it, but it travels
 * through the workflow file, where a hand may have cut or edited it.
 */
const plannedImage = valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    registry: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['ghcr', 'ecr', 'host']),
    host: valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    repository: text,
    tag: text,
    reference: text,
    action: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['build', 'promote', 'skip']),
    platforms: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text))
});
const handedPlan = valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    deploymentId: text,
    environment: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['dev', 'stage', 'prod']),
    commit: text,
    dryRun: valibot__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    version: valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ imageTag: text, channel: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['dev', 'rc', 'stable']) }),
    services: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
        name: text,
        dependsOn: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text),
        image: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(plannedImage)
    })),
    layers: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text)),
    /** The status card the plan job posted, for the later jobs to edit (never to post again). */
    card: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())
});
/** The `plan` input of a build or deploy job. */
function readHandedPlan(raw) {
    const parsed = (0,_runtime_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .q)(handedPlan, raw);
    if (!parsed.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input plan is not the plan output of a phase: plan job (${parsed.problem}); pass ` +
            '`plan: ${{ needs.plan.outputs.plan }}` unchanged.');
    }
    const { card, ...plan } = parsed.value;
    // Checked above for what the later jobs act on; the rest is the plan job's own output.
    return { plan: plan, card };
}
/** `strategy.matrix` for `fromJSON`: one entry per built service and platform. */
function buildMatrix(plan, runners) {
    const include = [];
    const unknown = new Set();
    for (const service of builtServices(plan)) {
        for (const platform of service.image.platforms ?? []) {
            const runner = runners[platform];
            if (runner)
                include.push({ service: service.name, platform, runner });
            else
                unknown.add(platform);
        }
    }
    if (unknown.size > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `No runner label for ${[...unknown].join(', ')}: add it under runners: in the deploy ` +
            'config (platform: runner label), so its build job runs on a machine of that architecture.');
    }
    return { include };
}
function builtServices(plan) {
    return plan.services.filter((s) => s.image?.action === 'build');
}
/** A build job's plan: its one service, built for its one platform, and nothing to deploy. */
function planForBuildJob(plan, service, platform) {
    const planned = plan.services.find(s => s.name === service);
    const left = plan.changes?.unchanged.find(s => s.name === service);
    if (!planned) {
        const why = left ? `it is unchanged: ${left.reason}` : 'no service of that name is planned';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input service '${service}' is not in the plan: ${why}.`);
    }
    if (planned.image?.action !== 'build') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input service '${service}' is not built by this plan (image: ${planned.image?.action ?? 'none'}); ` +
            'build jobs take their service and platform from the matrix output.');
    }
    const platforms = planned.image.platforms ?? [];
    if (!platforms.includes(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input platform '${platform}' is not planned for ${service} (${platforms.join(', ')}).`);
    }
    return {
        ...plan,
        services: [
            {
                ...planned,
                dependsOn: [],
                deploy: undefined,
                image: { ...planned.image, platforms: [platform] }
            }
        ],
        layers: [[service]]
    };
}
const buildRecordSchema = valibot__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    service: text,
    platform: text,
    image: text,
    digest,
    mediaType: text,
    size: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(1)),
    deploymentId: text,
    commit: text
});
/** A record's text, checked; `where` names the file or the list entry for the error. */
function readBuildRecord(raw, where) {
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_1__/* .safeParse */ .xLC(buildRecordSchema, raw);
    if (parsed.success)
        return parsed.output;
    const issue = parsed.issues[0];
    const path = valibot__WEBPACK_IMPORTED_MODULE_1__/* .getDotPath */ .BuJ(issue);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `${where} is not a build record (${path ? `${path}: ` : ''}${issue.message}).`);
}


/***/ })

};

//# sourceMappingURL=3102.index.js.map