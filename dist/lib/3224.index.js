export const id = 3224;
export const ids = [3224];
export const modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MalformedAnswer: () => (/* binding */ MalformedAnswer),
/* harmony export */   classifyGitHubError: () => (/* binding */ classifyGitHubError),
/* harmony export */   connectFor: () => (/* binding */ connectFor),
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   explainGitHubError: () => (/* binding */ explainGitHubError),
/* harmony export */   githubMessage: () => (/* binding */ githubMessage),
/* harmony export */   requireNumber: () => (/* binding */ requireNumber),
/* harmony export */   requireString: () => (/* binding */ requireString),
/* harmony export */   usesGitHubApi: () => (/* binding */ usesGitHubApi),
/* harmony export */   validationCodes: () => (/* binding */ validationCodes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);


/** A body that is not what the endpoint documents. Retryable: proxies do cut answers short. */
class MalformedAnswer extends _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryableError */ .dw {
    constructor(describe, expected) {
        super(`GitHub answered ${describe} with a malformed body (expected ${expected})`);
        this.name = 'MalformedAnswer';
    }
}
const MAX_PAGES = 1000;
/** Loads Octokit and its plugin (lazily: the action's start-up does not pay for them). */
async function connectGitHub(connection) {
    const [{ getOctokit }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 157)),
        __webpack_require__.e(/* import() */ 6856).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const tuning = connection.tuning ?? {};
    const apiUrl = connection.apiUrl.replace(/\/+$/, '');
    const octokit = getOctokit(connection.token, {
        baseUrl: apiUrl,
        throttle: {
            enabled: tuning.paceWrites ?? true,
            // Pacing is per API host: each run (and each simulator in tests) has its own queue.
            id: `deploy-pipeline ${apiUrl}`,
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false
        },
        log: { debug: noop, info: noop, warn: noop, error: noop }
    }, throttling);
    async function call(describe, request, parse, signal) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (attemptSignal) => parse((await request(octokit, attemptSignal)).data), {
            describe: `GitHub ${describe}`,
            attempts: tuning.attempts ?? 5,
            baseDelayMs: tuning.baseDelayMs ?? 1000,
            attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
            maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
            classify: classifyGitHubError,
            onRetry: connection.onRetry,
            signal,
            sleep: tuning.sleep
        });
    }
    async function paginate(describe, route, params, parsePage, signal) {
        const items = [];
        let next;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const url = next;
            const pageDescribe = `${describe} (page ${page})`;
            const answer = await call(pageDescribe, async (o, s) => {
                const response = url
                    ? await o.request({ method: 'GET', url, request: { signal: s } })
                    : await o.request(route, { ...params, request: { signal: s } });
                return { data: { body: response.data, link: response.headers.link } };
            }, data => {
                const { body, link } = data;
                return { items: parsePage(body, pageDescribe), next: nextLink(link, apiUrl) };
            }, signal);
            items.push(...answer.items);
            next = answer.next;
            if (!next)
                return items;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub ${describe} returned more than ${MAX_PAGES} pages`);
    }
    return { call, paginate };
}
function noop() { }
/** Through the API when there is a token and a GitHub to talk to; else the local repository. */
function usesGitHubApi(settings) {
    return Boolean(settings.githubToken) && (settings.context.actions || settings.context.apiUrlGiven);
}
/** The run's GitHub: its token and GITHUB_API_URL (Settings.context.apiUrl). */
function connectFor(settings, tuning, onRetry) {
    return connectGitHub({
        token: settings.githubToken ?? '',
        apiUrl: settings.context.apiUrl,
        tuning,
        onRetry
    });
}
/** The rel="next" page; only on the API's own origin, since Octokit sends the token along. */
function nextLink(link, apiUrl) {
    const next = link?.match(/<([^>]+)>\s*;\s*rel="next"/)?.[1];
    if (next === undefined)
        return undefined;
    const url = new URL(next, apiUrl);
    if (url.origin !== new URL(apiUrl).origin) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`);
    }
    return url.toString();
}
/**
 * GitHub's throttling signals on top of the default judgement: a 403 or 429 with no requests left
 * waits for x-ratelimit-reset, a secondary rate limit without Retry-After waits a minute (GitHub's
 * advice), and a 403 that is a permission problem is not retried.
 */
function classifyGitHubError(error) {
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfterMs = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .readRetryAfter */ .D$)(error);
    if (headerOf(error, 'x-ratelimit-remaining') === '0') {
        const resetMs = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const untilReset = Number.isFinite(resetMs)
            ? Math.max(0, resetMs - Date.now()) + 1000
            : undefined;
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? untilReset,
            reason: 'GitHub API rate limit exhausted'
        };
    }
    if (/secondary rate limit/i.test(errorText(error))) {
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? 60_000,
            reason: 'GitHub secondary rate limit'
        };
    }
    if (status === 429 || retryAfterMs !== undefined) {
        return { retry: true, throttled: true, retryAfterMs, reason: `HTTP ${status} throttled` };
    }
    return { retry: false };
}
/** GitHub's own message of a failed request ("Reference already exists"), without the doc URL. */
function githubMessage(error) {
    const data = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data);
    if (typeof data.message === 'string')
        return data.message;
    return error instanceof Error ? error.message : String(error);
}
/** The `code` of each entry of a 422's `errors` list (["already_exists"]). */
function validationCodes(error) {
    const errors = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data).errors;
    if (!Array.isArray(errors))
        return [];
    return errors.map(e => (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(e).code).filter((c) => typeof c === 'string');
}
/** Turns a failed GitHub call into a DeployError a user can act on. */
function explainGitHubError(error, explanation) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError)
        return error;
    const { doing, code, permission } = explanation;
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const message = githubMessage(error);
    const cause = { cause: error };
    if (error instanceof MalformedAnswer) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `${error.message} while ${doing}; try the run again.`, cause);
    }
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`, cause);
    }
    if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
        const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause);
    }
    if (status === 403 || status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
            `\`permissions: ${permission}\` and check the repository exists and the token can see it.`, cause);
    }
    if (status === undefined || status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub did not answer while ${doing}: ${message}`, cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub answered ${status} while ${doing}: ${message}`, cause);
}
function errorText(error) {
    return `${githubMessage(error)} ${error instanceof Error ? error.message : ''}`;
}
/** A header of the answer Octokit attached to a failed request. */
function headerOf(error, name) {
    return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .headerValue */ .Z)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).headers, name);
}
/** A field of an answer that must be a string / number, or a MalformedAnswer. */
function requireString(value, describe, expected) {
    if (typeof value !== 'string' || value === '')
        throw new MalformedAnswer(describe, expected);
    return value;
}
function requireNumber(value, describe, expected) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new MalformedAnswer(describe, expected);
    }
    return value;
}


/***/ }),

/***/ 3224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PREFLIGHT_BUDGET_MS: () => (/* binding */ PREFLIGHT_BUDGET_MS),
  runPreflight: () => (/* binding */ runPreflight)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/plan/types.ts
/** Whether the run writes this image to its registry (a skip or a rollback only reads it). */
function pushes(image) {
    return image.action === 'build' || image.action === 'promote';
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
;// CONCATENATED MODULE: ./src/phases/preflight-findings.ts



/** Each check's own short bounds: a few seconds to learn what a build would take minutes to. */
const CHECK_BOUNDS = {
    attempts: 2,
    attemptTimeoutMs: 10_000,
    baseDelayMs: 500,
    maxRetryAfterMs: 10_000
};
function ok(line, service) {
    return { kind: 'ok', line: oneLine(line), service };
}
/** Something the inputs, the config, the credentials or a permission must fix. */
function problem(line) {
    return { kind: 'problem', line: oneLine(line), unreachable: false };
}
function warning(line) {
    return { kind: 'warning', line: oneLine(line) };
}
/**
 * A check that failed: a problem, or, when the failure is one the retry helper would try again
 * (no answer, 5xx, throttled), a service that could not be reached.
 */
function failed(what, error) {
    const code = error?.cause?.code;
    const reason = `${(0,errors/* errorMessage */.gJ)(error)}${typeof code === 'string' ? ` (${code})` : ''}`;
    if (error instanceof errors.DeployError || !(0,retry/* classifyError */.fe)(error).retry) {
        return problem(`${what}: ${reason}`);
    }
    return {
        kind: 'problem',
        line: oneLine(`${what} did not answer: ${reason}; check the address and the network`),
        unreachable: true
    };
}
/** "services.api.deploy.ecs.cluster in .github/deploy.yml": where a user fixes a target's key. */
function configKey(settings, service, path) {
    const file = settings.configPath
        ? (0,external_node_path_.relative)(settings.context.workspace, settings.configPath) || settings.configPath
        : 'the deploy config';
    return `services.${service}.deploy.${path} in ${file}`;
}
/** Server text goes into one log line, never onto a line of its own. */
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/**
 * Every problem at once, as one DeployError. INVALID_INPUT when something must be fixed in what the
 * run was given; DEPLOY_FAILED when all that went wrong is that services did not answer, which a
 * later run may not meet.
 */
function preflightFailure(problems) {
    const lines = problems.filter(f => f.kind === 'problem');
    if (lines.length === 0)
        return undefined;
    const code = lines.every(f => f.unreachable) ? 'DEPLOY_FAILED' : 'INVALID_INPUT';
    const noun = lines.length === 1 ? 'problem' : 'problems';
    return new errors.DeployError(code, `preflight found ${lines.length} ${noun}; nothing was tagged, built or deployed:\n` +
        lines.map(f => `  - ${f.line}`).join('\n'));
}

;// CONCATENATED MODULE: ./src/phases/preflight-aws.ts



function awsChecks(run) {
    const users = awsUsers(run);
    return users.length === 0 ? [] : [signal => checkAws(users, signal)];
}
function awsUsers(run) {
    const { settings, plan } = run;
    const users = [];
    for (const service of plan.services) {
        const target = service.deploy;
        const name = service.name;
        let title;
        let check;
        switch (target?.kind) {
            case 'ecs':
                title = 'ECS';
                check = (where, signal) => checkEcs(settings, name, target, where, signal);
                break;
            case 'stepfunctions':
                title = 'Step Functions';
                check = (where, signal) => checkStateMachine(settings, name, target, where, signal);
                break;
            case 'cloudformation':
                title = 'CloudFormation';
                check = (where, signal) => checkStack(name, target, where, signal);
                break;
            default:
                continue;
        }
        users.push({
            label: `${name} on ${title}`,
            who: `${title} deploy of service '${name}'`,
            service: name,
            region: target.region,
            regionKey: configKey(settings, name, `${target.kind}.region`),
            check
        });
    }
    const pushedToEcr = plan.services
        .filter(s => s.image?.registry === 'ecr' && pushes(s.image))
        .map(s => s.name);
    if (pushedToEcr.length > 0) {
        users.push({
            label: `ECR (${pushedToEcr.join(', ')})`,
            who: `ECR, where ${pushedToEcr.join(', ')} ${pushedToEcr.length === 1 ? 'is' : 'are'} pushed,`,
            service: undefined,
            region: undefined,
            regionKey: undefined,
            check: (where, signal) => checkEcrLogin(run, where, signal)
        });
    }
    return users;
}
async function checkAws(users, signal) {
    const [aws, { StsApi }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5705)]).then(__webpack_require__.bind(__webpack_require__, 5705)),
        Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(1580)]).then(__webpack_require__.bind(__webpack_require__, 1580))
    ]);
    // The region each user's client will resolve, asked of a client made the same way.
    const clients = new Map();
    for (const region of new Set(users.map(u => u.region))) {
        const sts = await StsApi.create(region, CHECK_BOUNDS);
        clients.set(region, { sts, region: await sts.region() });
    }
    const findings = [];
    const regions = new Map();
    for (const user of users) {
        const { sts, region } = clients.get(user.region);
        if (!region) {
            findings.push(problem(aws.missingRegion(user.who, user.regionKey)));
            continue;
        }
        const group = regions.get(region) ?? { sts, users: [] };
        group.users.push(user);
        regions.set(region, group);
    }
    const checked = await Promise.all([...regions].map(([region, group]) => checkRegion(aws, region, group.sts, group.users, signal)));
    return [...findings, ...checked.flat()];
}
/** Who the credentials are in one region, then what each of its users needs there. */
async function checkRegion(aws, region, sts, users, signal) {
    const usedBy = users.map(u => `${u.label} (region from ${regionSource(u)})`).join(', ');
    let where;
    try {
        const identity = await sts.callerIdentity(signal);
        where = { region, ...identity };
    }
    catch (error) {
        return [credentialsProblem(aws, region, users, error)];
    }
    const head = ok(`AWS ${region}: account ${where.account} as ${where.arn}; used by ${usedBy}`);
    const each = await Promise.all(users.map(user => user.check(where, signal).catch((error) => {
        signal.throwIfAborted();
        return [failed(`${user.label} in ${region}`, error)];
    })));
    return [head, ...each.flat()];
}
function regionSource(user) {
    if (user.region)
        return 'the deploy config';
    if (process.env.AWS_REGION)
        return 'AWS_REGION';
    if (process.env.AWS_DEFAULT_REGION)
        return 'AWS_DEFAULT_REGION';
    return 'the AWS config file';
}
function credentialsProblem(aws, region, users, error) {
    const cause = error instanceof errors.DeployError && error.cause !== undefined ? error.cause : error;
    const subject = `AWS credentials for ${region} (used by ${users.map(u => u.label).join(', ')})`;
    switch (aws.credentialTrouble(cause)) {
        case 'missing':
            return problem(`${subject}: none were found; ${aws.CREDENTIALS_STEP}`);
        case 'rejected':
            return problem(`${subject}: AWS rejected them (${errorName(cause)}: ${(0,errors/* errorMessage */.gJ)(cause)}); ` +
                aws.CREDENTIALS_CHECK);
        case 'expired':
            return problem(`${subject}: they have expired; configure them in the same job, right before this step ` +
                '(aws-actions/configure-aws-credentials)');
        default:
            return failed(`STS GetCallerIdentity in ${region}`, error);
    }
}
async function checkEcs(settings, name, target, where, signal) {
    const { EcsApi } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(9289)]).then(__webpack_require__.bind(__webpack_require__, 9289));
    const api = (await EcsApi.create(target.region)).within(CHECK_BOUNDS);
    const place = `${where.region}, account ${where.account}`;
    const what = `ECS service '${target.service}' in cluster '${target.cluster}'`;
    let found;
    try {
        found = await api.findService(target.cluster, target.service, signal);
    }
    catch (error) {
        if (errorName(error) === 'ClusterNotFoundException') {
            return [
                problem(`${name}: ECS cluster '${target.cluster}' was not found in ${place}: check ` +
                    `${configKey(settings, name, 'ecs.cluster')}, and that the credentials and the region ` +
                    "are the cluster's")
            ];
        }
        return [accessProblem(name, `read ${what}`, 'ecs:DescribeServices', where, error)];
    }
    if (!found) {
        return [
            problem(`${name}: ECS service '${target.service}' was not found in cluster '${target.cluster}' ` +
                `(${place}): check ${configKey(settings, name, 'ecs.service')}`)
        ];
    }
    if (found.status !== 'ACTIVE') {
        return [problem(`${name}: ${what} (${place}) is ${found.status}, not ACTIVE`)];
    }
    const findings = [ok(`${what} is ACTIVE (${where.region})`, name)];
    const codedeploy = target.strategy === 'codedeploy' ? target.codedeploy : undefined;
    if (codedeploy) {
        const group = `CodeDeploy deployment group '${codedeploy.deploymentGroup}' of application '${codedeploy.application}'`;
        try {
            await api.getDeploymentGroup(codedeploy.application, codedeploy.deploymentGroup, signal);
            findings.push(ok(`${group} exists (${where.region})`, name));
        }
        catch (error) {
            const missing = /^(DeploymentGroup|Application)DoesNotExistException$/.test(errorName(error));
            findings.push(missing
                ? problem(`${name}: ${group} was not found in ${place}: check ` +
                    configKey(settings, name, 'ecs.codedeploy'))
                : accessProblem(name, `read ${group}`, 'codedeploy:GetDeploymentGroup', where, error));
        }
    }
    return findings;
}
async function checkStateMachine(settings, name, target, where, signal) {
    const arn = target.stateMachineArn;
    if (!arn) {
        return [
            ok(`Step Functions (find mode): the execution is found after the push (${where.region})`, name)
        ];
    }
    const { StepFunctionsApi } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(3293)]).then(__webpack_require__.bind(__webpack_require__, 3293));
    const api = (await StepFunctionsApi.create(target.region)).within(CHECK_BOUNDS);
    const key = configKey(settings, name, 'stepfunctions.state_machine_arn');
    try {
        const machine = await api.describeStateMachine(arn, signal);
        const status = machine.status ?? 'ACTIVE';
        if (status !== 'ACTIVE') {
            return [problem(`${name}: Step Functions state machine ${arn} is ${status}, not ACTIVE`)];
        }
        return [ok(`Step Functions state machine '${machine.name}' is ACTIVE (${where.region})`, name)];
    }
    catch (error) {
        const place = `${where.region}, account ${where.account}`;
        switch (errorName(error)) {
            case 'StateMachineDoesNotExist':
                return [
                    problem(`${name}: Step Functions state machine ${arn} was not found in ${place}: check ${key}`)
                ];
            case 'InvalidArn':
                return [problem(`${name}: ${arn} is not a state machine ARN: check ${key}`)];
            default:
                return [
                    accessProblem(name, `read state machine ${arn}`, 'states:DescribeStateMachine', where, error)
                ];
        }
    }
}
/**
 * What the deploy would do to the stack, read-only (DescribeStacks; no change set): a stack the
 * deploy would stop at is a problem now, before anything is built; the rest is told, so that a
 * dry run shows each stack's planned action.
 */
async function checkStack(name, target, where, signal) {
    const [{ CloudFormationApi }, { describeStackForPlan }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5806)]).then(__webpack_require__.bind(__webpack_require__, 5806)),
        Promise.all(/* import() */[__webpack_require__.e(1497), __webpack_require__.e(8996)]).then(__webpack_require__.bind(__webpack_require__, 7514))
    ]);
    const api = (await CloudFormationApi.create(target.region)).within(CHECK_BOUNDS);
    let planned;
    try {
        planned = await describeStackForPlan(target, signal, api);
    }
    catch (error) {
        return [
            accessProblem(name, `read stack ${target.stack}`, 'cloudformation:DescribeStacks', where, error)
        ];
    }
    const place = `${where.region}, account ${where.account}`;
    if (planned.action === 'blocked') {
        return [problem(`${name}: CloudFormation (${place}): ${planned.line}`)];
    }
    const state = planned.status ? ` (${planned.status})` : '';
    // Create and update say all in a word; a recreate or a wait says why.
    const why = planned.action === 'recreate' || planned.action === 'wait' ? `: ${planned.line}` : '';
    return [ok(`stack ${target.stack}: ${planned.action}${state} in ${where.region}${why}`, name)];
}
async function checkEcrLogin(run, where, signal) {
    const { createEcrClient, ecrAuthorization } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(9874)]).then(__webpack_require__.bind(__webpack_require__, 9874));
    const auth = await ecrAuthorization(await createEcrClient(), {
        signal,
        attempts: CHECK_BOUNDS.attempts,
        attemptTimeoutMs: CHECK_BOUNDS.attemptTimeoutMs
    });
    run.core.setSecret(auth.password);
    return [ok(`ECR: a login token for ${auth.host} was issued (${where.region})`)];
}
/** AccessDenied says which role may not do what; anything else is the call's own failure. */
function accessProblem(name, doing, action, where, error) {
    if (/AccessDenied/.test(errorName(error))) {
        return problem(`${name}: ${where.arn} may not ${doing} (${where.region}, account ${where.account}): ` +
            `allow ${action} for it, with the rest of what the deploy does`);
    }
    return failed(`${name}: ${doing} in ${where.region}`, error);
}
function errorName(error) {
    return error instanceof Error ? error.name : '';
}

// EXTERNAL MODULE: ./src/clients/github.ts
var github = __webpack_require__(705);
// EXTERNAL MODULE: ./src/runtime/hosts.ts
var hosts = __webpack_require__(4087);
;// CONCATENATED MODULE: ./src/phases/preflight-checks.ts





function serviceChecks(run) {
    return [
        ...argoChecks(run),
        ...kubernetesChecks(run),
        ...slackChecks(run),
        ...githubChecks(run),
        ...registryChecks(run)
    ];
}
const RETRY = {
    attempts: CHECK_BOUNDS.attempts,
    attemptTimeoutMs: CHECK_BOUNDS.attemptTimeoutMs,
    baseDelayMs: CHECK_BOUNDS.baseDelayMs
};
function argoChecks({ settings, plan }) {
    const checks = [];
    for (const service of plan.services) {
        const target = service.deploy;
        if (target?.kind === 'argocd') {
            checks.push(signal => checkArgoApp(settings, service.name, target, signal));
        }
    }
    return checks;
}
async function checkArgoApp(settings, name, target, signal) {
    const token = settings.deploy.argocdToken;
    if (!token) {
        return [
            problem(`${name}: argocd_token is empty: deploying Argo CD application '${target.app}' needs an ` +
                'API token (an account or project role with get, update and sync on it)')
        ];
    }
    // Settings refuse an Argo CD target without a server; this keeps the type honest.
    if (!target.server)
        return [problem(`${name}: no Argo CD server for '${target.app}'`)];
    const { createArgoCdClient } = await Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(1660)]).then(__webpack_require__.bind(__webpack_require__, 1660));
    const client = createArgoCdClient({
        server: target.server,
        token,
        insecure: target.insecure,
        app: target.app,
        project: target.project,
        appNamespace: target.appNamespace,
        signal,
        retry: RETRY
    });
    try {
        const app = await client.getApplication();
        const project = app.spec.project ?? target.project ?? 'default';
        const status = [app.status?.sync?.status, app.status?.health?.status].filter(Boolean);
        return [
            ok(`Argo CD application '${target.app}' (project '${project}') is readable on ` +
                `${new URL(target.server).origin}${status.length ? `: ${status.join(', ')}` : ''}`, name)
        ];
    }
    catch (error) {
        signal.throwIfAborted();
        if (error instanceof errors.DeployError)
            return [problem(`${name}: ${error.message}`)];
        return [failed(`${name}: Argo CD at ${new URL(target.server).origin}`, error)];
    }
    finally {
        await client.close();
    }
}
/**
 * Each Kubernetes and Helm service: its cluster answers, namespace and workloads (or release) are
 * there, the identity may do what the deploy does, and what would change (told in a dry run too).
 */
function kubernetesChecks({ settings, plan }) {
    const checks = [];
    for (const service of plan.services) {
        const target = service.deploy;
        if (target?.kind !== 'kubernetes' && target?.kind !== 'helm')
            continue;
        checks.push(async (signal) => {
            const { lookAtService } = await Promise.all(/* import() */[__webpack_require__.e(1485), __webpack_require__.e(288), __webpack_require__.e(9199)]).then(__webpack_require__.bind(__webpack_require__, 8418));
            const look = await lookAtService(settings, service, target, { signal, retry: RETRY });
            return [
                ...look.lines.map(line => ok(line, service.name)),
                ...look.problems.map(line => look.unreachable ? { kind: 'problem', line, unreachable: true } : problem(line))
            ];
        });
    }
    return checks;
}
function slackChecks({ settings }) {
    const { slackBotToken, slackChannel, slackApiUrl } = settings.notify;
    if (!slackBotToken || !slackChannel)
        return [];
    return [signal => checkSlack(slackBotToken, slackChannel, slackApiUrl, signal)];
}
/**
 * The bot token and the card's channel. A wrong token or channel is a problem to fix; Slack not
 * answering is only a warning, as all notification trouble is.
 */
async function checkSlack(token, channel, apiUrl, signal) {
    const { createSlackApi, slackErrorText } = await __webpack_require__.e(/* import() */ 7569).then(__webpack_require__.bind(__webpack_require__, 7569));
    const api = await createSlackApi(token, apiUrl, {
        ...RETRY,
        maxRetryAfterMs: CHECK_BOUNDS.maxRetryAfterMs
    });
    const refused = (error) => error?.code === 'slack_webapi_platform_error';
    let bot;
    try {
        const answer = await api.call('auth.test', {}, signal);
        bot = String(answer.user ?? answer.user_id ?? 'the bot');
    }
    catch (error) {
        signal.throwIfAborted();
        const text = slackErrorText(error);
        return [
            refused(error)
                ? problem(`Slack: auth.test refused slack_bot_token (${text}): give the bot token (xoxb-) of the Slack app installed in the workspace`)
                : warning(`Slack: auth.test could not be asked (${text}); the status card may not be posted`)
        ];
    }
    try {
        const answer = await api.call('conversations.info', { channel }, signal);
        const info = (answer.channel ?? {});
        const shown = info.name ? `#${info.name} (${channel})` : channel;
        if (info.is_archived)
            return [problem(`Slack: channel ${shown} is archived: check slack_channel`)];
        const findings = [ok(`Slack: bot '${bot}' can see channel ${shown}`)];
        if (info.is_member === false) {
            findings.push(warning(`Slack: bot '${bot}' is not a member of ${shown}; unless the app has chat:write.public, ` +
                `invite it with /invite @${bot}`));
        }
        return findings;
    }
    catch (error) {
        signal.throwIfAborted();
        const text = slackErrorText(error);
        if (/^missing_scope/.test(text)) {
            return [ok(`Slack: bot '${bot}' is valid; channel ${channel} not checked: ${text}`)];
        }
        return [
            refused(error)
                ? problem(`Slack: channel ${channel}: ${text}`)
                : warning(`Slack: channel ${channel} could not be checked (${text})`)
        ];
    }
}
function githubChecks({ settings, plan }) {
    if (!(0,github.usesGitHubApi)(settings))
        return [];
    const tag = plan.version.gitTag && !plan.version.reused ? `the tag ${plan.version.gitTag}` : '';
    const release = plan.release ? `the release ${plan.release.tag}` : '';
    const needs = {
        contents: [tag, release].filter(Boolean).join(' and ') || undefined,
        packages: plan.services.some(s => s.image?.registry === 'ghcr' && pushes(s.image)),
        deployments: plan.services.some(s => s.deploy)
    };
    if (!needs.contents && !needs.packages && !needs.deployments)
        return [];
    return [signal => checkGitHub(settings, needs, signal)];
}
/**
 * A scoped (classic) token says its scopes; other tokens (the job's GITHUB_TOKEN, app and
 * fine-grained tokens) do not say what they may write, so only a read they are refused shows.
 */
async function checkGitHub(settings, needs, signal) {
    const { connectFor } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 705));
    const { canReadDeployments, readRepositoryAccess } = await __webpack_require__.e(/* import() */ 9436).then(__webpack_require__.bind(__webpack_require__, 9436));
    const { owner, repo } = settings.context;
    const api = await connectFor(settings, {
        ...RETRY,
        maxRetryAfterMs: CHECK_BOUNDS.maxRetryAfterMs
    });
    const repository = `${owner}/${repo}`;
    let access;
    try {
        access = await readRepositoryAccess(api, owner, repo, signal);
    }
    catch (error) {
        signal.throwIfAborted();
        return [failed(`GitHub: reading ${repository} with github_token`, error)];
    }
    const deploymentsLost = 'the run is not recorded as a GitHub Deployment';
    const deploymentsFix = "give the job's GITHUB_TOKEN `permissions: deployments: write`";
    if (access.scopes) {
        const scopes = new Set(access.scopes);
        const listed = access.scopes.join(', ') || 'none';
        const findings = [];
        if (needs.contents) {
            const enough = scopes.has('repo') || (scopes.has('public_repo') && !access.private);
            if (!enough) {
                const scope = access.private ? 'repo' : 'repo (or public_repo)';
                findings.push(problem(`GitHub: the token's scopes (${listed}) lack ${scope}, which ${needs.contents} need: add it to the token, or use the job's GITHUB_TOKEN with \`permissions: contents: write\``));
            }
            else if (access.userCanPush === false) {
                findings.push(problem(`GitHub: the token's user may not push to ${repository}, which ${needs.contents} need: give the user write access, or use the job's GITHUB_TOKEN with \`permissions: contents: write\``));
            }
        }
        if (needs.packages && !scopes.has('write:packages')) {
            findings.push(problem(`GitHub: the token's scopes (${listed}) lack write:packages, which pushing to GHCR needs: add it, or use the job's GITHUB_TOKEN with \`permissions: packages: write\``));
        }
        if (needs.deployments && !scopes.has('repo') && !scopes.has('repo_deployment')) {
            findings.push(warning(`GitHub: the token's scopes (${listed}) lack repo_deployment, so ${deploymentsLost}: ` +
                `add it to the token, or ${deploymentsFix}`));
        }
        return findings.length > 0
            ? findings
            : [ok(`GitHub: ${repository} with token scopes ${listed}: enough for what the plan writes`)];
    }
    const findings = [];
    if (needs.deployments && !(await canReadDeployments(api, owner, repo, signal))) {
        findings.push(warning(`GitHub: the token may not read the Deployments of ${repository} (403), so ` +
            `${deploymentsLost}: ${deploymentsFix}`));
    }
    const unchecked = [
        needs.contents ? `contents: write (${needs.contents})` : '',
        needs.packages ? 'packages: write (GHCR)' : ''
    ].filter(Boolean);
    findings.unshift(ok(`GitHub: ${repository} is readable with github_token` +
        (unchecked.length
            ? `; a GITHUB_TOKEN (or an app or fine-grained token) does not tell what it may ` +
                `write, so ${unchecked.join(' and ')} is not checked: the job's permissions must grant it`
            : '')));
    return findings;
}
/** The registries the plan pushes to (ECR aside: its login is an AWS check), one login each. */
function registryChecks({ settings, plan }) {
    const logins = new Map();
    for (const service of plan.services) {
        const image = service.image;
        if (!image || image.registry === 'ecr' || !pushes(image))
            continue;
        const key = `${image.registry} ${image.host}`;
        const entry = logins.get(key) ?? { image, services: [] };
        entry.services.push(service.name);
        logins.set(key, entry);
    }
    return [...logins.values()].map(({ image, services }) => signal => checkRegistryLogin(settings, image, services, signal));
}
async function checkRegistryLogin(settings, image, services, signal) {
    const [{ RegistryClient }, { registryCredentials }] = await Promise.all([
        __webpack_require__.e(/* import() */ 5037).then(__webpack_require__.bind(__webpack_require__, 5037)),
        Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293)]).then(__webpack_require__.bind(__webpack_require__, 7293))
    ]);
    const serviceSettings = settings.services.find(s => s.name === services[0]);
    const host = image.host || serviceSettings?.registry.host || '';
    const who = services.join(', ');
    let credentials;
    try {
        credentials = registryCredentials(settings, image);
    }
    catch (error) {
        return [problem(`${who}: ${(0,errors/* errorMessage */.gJ)(error)}`)];
    }
    const client = new RegistryClient({
        host,
        insecure: Boolean(serviceSettings?.registry.insecure) || (0,hosts/* isLoopbackHost */.c)(host),
        ...credentials
    }, { ...RETRY, signal });
    const repository = image.registry === 'ghcr' ? image.repository.toLowerCase() : image.repository;
    try {
        await client.checkLogin(repository, signal);
    }
    catch (error) {
        signal.throwIfAborted();
        if (error instanceof errors.DeployError)
            return [problem(`${who}: ${error.message}`)];
        return [failed(`${who}: registry ${host}`, error)];
    }
    const login = credentials.username ? `the login of ${credentials.username}` : 'no login';
    return [ok(`registry ${host}: accepts ${login} (${who})`)];
}

;// CONCATENATED MODULE: ./src/phases/preflight.ts



/** The phase's own deadline: each check is bounded far below it (CHECK_BOUNDS). */
const PREFLIGHT_BUDGET_MS = 90_000;
async function runPreflight(run, signal) {
    const checks = [...awsChecks(run), ...serviceChecks(run)];
    if (checks.length === 0) {
        run.bus.emit({
            type: 'info',
            stage: 'INIT',
            message: 'preflight: the plan uses nothing outside'
        });
        return;
    }
    const results = await Promise.all(checks.map(check => check(signal).catch((error) => {
        signal.throwIfAborted();
        return [failed('preflight check', error)];
    })));
    // Told in the order of the checks, not of their answers, so the log reads the same every run.
    const findings = results.flat();
    for (const finding of findings) {
        if (finding.kind === 'ok') {
            run.bus.emit({
                type: 'info',
                stage: 'INIT',
                message: finding.line,
                ...(finding.service ? { service: finding.service } : {})
            });
        }
        else if (finding.kind === 'warning') {
            run.warn(`preflight: ${finding.line}`);
        }
    }
    const failure = preflightFailure(findings);
    if (failure)
        throw failure;
}


/***/ }),

/***/ 6390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ readRetryAfter),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dU: () => (/* binding */ AttemptTimeoutError),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   eV: () => (/* binding */ describeRetry),
/* harmony export */   fe: () => (/* binding */ classifyError),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   qY: () => (/* binding */ asRecord)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4506);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3083);




/** A retry as one log line, the same for every client: what, why, and how long until the next try. */
function describeRetry(retry) {
    const throttled = retry.throttled ? ' (throttled)' : '';
    return `${retry.describe}: ${retry.reason}${throttled}; trying again in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(retry.delayMs)}`;
}
/** Thrown by adapters that learn from a body rather than a status that a call may be retried. */
class RetryableError extends Error {
    retryAfterMs;
    throttled;
    constructor(message, options = {}) {
        super(message);
        this.name = 'RetryableError';
        this.retryAfterMs = options.retryAfterMs;
        this.throttled = options.throttled ?? false;
    }
}
/** An attempt that ran past attemptTimeoutMs. */
class AttemptTimeoutError extends Error {
    constructor(describe, ms) {
        super(`${describe} did not answer within ${Math.round(ms / 1000)} s`);
        this.name = 'AttemptTimeoutError';
    }
}
async function withRetry(operation, options) {
    const attempts = options.attempts ?? 5;
    const baseDelayMs = options.baseDelayMs ?? 500;
    const maxDelayMs = options.maxDelayMs ?? 20_000;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .y;
    const random = options.random ?? Math.random;
    const attemptTimedOut = () => new AttemptTimeoutError(options.describe, attemptTimeoutMs);
    for (let attempt = 1;; attempt++) {
        options.signal?.throwIfAborted();
        try {
            // Abandoned at its timeout or a cancel even when the client ignores its signal, so a hung
            // call cannot hang the run.
            return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .withDeadline */ .NE)(options.signal, attemptTimeoutMs, attemptTimedOut, operation);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw stoppedDuring(options.signal.reason ?? error, options);
            const decision = options.classify?.(error) ?? classifyError(error);
            if (!decision.retry || attempt >= attempts)
                throw error;
            const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random();
            if (decision.retryAfterMs !== undefined && decision.retryAfterMs > maxRetryAfterMs)
                throw error;
            const delayMs = Math.max(backoff, decision.retryAfterMs ?? 0);
            options.onRetry?.({
                describe: options.describe,
                attempt,
                delayMs: Math.round(delayMs),
                reason: decision.reason ?? describeError(error),
                throttled: decision.throttled ?? false
            });
            try {
                await sleep(delayMs, options.signal);
            }
            catch (error) {
                // Cancelled while waiting: surface the canceller's reason, not the timer's AbortError.
                throw options.signal?.reason ?? error;
            }
        }
    }
}
/**
 * What a deadline that fired during an attempt ends the call with: its own TIMEOUT, naming the
 * call it found waiting (the server that hung), and caused by it, so that the deadline keeps it.
 */
function stoppedDuring(reason, options) {
    if (!(reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError) || reason.code !== 'TIMEOUT')
        return reason;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${reason.message}: ${options.describe} had not answered`, {
        cause: reason
    });
}
const THROTTLING_NAMES = new Set([
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'ProvisionedThroughputExceededException',
    'SlowDown',
    'LimitExceededException'
]);
const TRANSIENT_NAMES = new Set([
    'AttemptTimeoutError',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'InternalServerError',
    'InternalServiceError',
    'InternalServiceErrorException',
    'ServerException'
]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED'
]);
/** The default judgement: HTTP status, AWS error names, network error codes, Retry-After. */
function classifyError(error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbortError */ .zf)(error))
        return { retry: false };
    if (error instanceof RetryableError) {
        return {
            retry: true,
            throttled: error.throttled,
            retryAfterMs: error.retryAfterMs,
            reason: error.message
        };
    }
    const e = asRecord(error);
    const name = typeof e.name === 'string' ? e.name : '';
    const retryAfterMs = readRetryAfter(error);
    const throttlingFlag = asRecord(e.$retryable).throttling === true;
    if (THROTTLING_NAMES.has(name) || throttlingFlag) {
        return { retry: true, throttled: true, retryAfterMs, reason: `throttled (${name})` };
    }
    const status = httpStatus(error);
    if (status === 429)
        return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 429' };
    if (status === 403 && (retryAfterMs !== undefined || rateLimitExhausted(error))) {
        return { retry: true, throttled: true, retryAfterMs, reason: 'HTTP 403 rate limited' };
    }
    if (status !== undefined && (status >= 500 || status === 408)) {
        return { retry: true, retryAfterMs, reason: `HTTP ${status}` };
    }
    if (TRANSIENT_NAMES.has(name))
        return { retry: true, reason: describeError(error) };
    const code = networkCode(error);
    if (code)
        return { retry: true, reason: `connection error ${code}` };
    if (status !== undefined)
        return { retry: false };
    // Connection dropped mid-answer: the AWS SDK and fetch report these without a status.
    const message = typeof e.message === 'string' ? e.message : '';
    if (/socket hang up|fetch failed|other side closed|ECONNRESET/i.test(message)) {
        return { retry: true, reason: message };
    }
    return { retry: false };
}
function httpStatus(error) {
    const e = asRecord(error);
    const candidates = [
        e.status,
        e.statusCode,
        asRecord(e.$metadata).httpStatusCode,
        asRecord(e.response).status,
        asRecord(e.$response).statusCode
    ];
    for (const candidate of candidates) {
        if (typeof candidate === 'number' && candidate >= 100)
            return candidate;
    }
    return undefined;
}
function networkCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current; depth++) {
        const code = asRecord(current).code;
        if (typeof code === 'string' && NETWORK_CODES.has(code))
            return code;
        current = asRecord(current).cause;
    }
    return undefined;
}
/** Retry-After in seconds or as an HTTP date, from any of the places clients keep headers. */
function readRetryAfter(error) {
    const e = asRecord(error);
    const headerBags = [
        e.headers,
        asRecord(e.response).headers,
        asRecord(e.$response).headers,
        asRecord(asRecord(e.response).data).headers
    ];
    for (const bag of headerBags) {
        const value = headerValue(bag, 'retry-after');
        if (value === undefined)
            continue;
        const parsed = parseRetryAfter(value);
        if (parsed !== undefined)
            return parsed;
    }
    return undefined;
}
function parseRetryAfter(value, now = Date.now()) {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
function rateLimitExhausted(error) {
    const e = asRecord(error);
    const bags = [e.headers, asRecord(e.response).headers];
    return bags.some(bag => headerValue(bag, 'x-ratelimit-remaining') === '0');
}
/** A header from any of the shapes clients keep headers in (a Headers object or a plain record). */
function headerValue(bag, name) {
    if (!bag)
        return undefined;
    if (typeof bag.get === 'function') {
        return bag.get(name) ?? undefined;
    }
    for (const [key, value] of Object.entries(bag)) {
        if (key.toLowerCase() === name) {
            if (Array.isArray(value))
                return String(value[0]);
            if (value !== undefined && value !== null)
                return String(value);
        }
    }
    return undefined;
}
function describeError(error) {
    const e = asRecord(error);
    const name = typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : '';
    return `${name}${typeof e.message === 'string' ? e.message : String(error)}`;
}
/** The value as a record to read fields from, or an empty one. */
function asRecord(value) {
    return value !== null && typeof value === 'object' ? value : {};
}


/***/ }),

/***/ 3083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

/** Waits `ms`, ending early (with an AbortError) when the signal fires. */
async function sleep(ms, signal) {
    await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : undefined);
}


/***/ })

};

//# sourceMappingURL=3224.index.js.map