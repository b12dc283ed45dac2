export const id = 7039;
export const ids = [7039,5705,1580,9289];
export const modules = {

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsCalls: () => (/* binding */ AwsCalls),
/* harmony export */   CREDENTIALS_CHECK: () => (/* binding */ CREDENTIALS_CHECK),
/* harmony export */   CREDENTIALS_STEP: () => (/* binding */ CREDENTIALS_STEP),
/* harmony export */   awsClientConfig: () => (/* binding */ awsClientConfig),
/* harmony export */   credentialTrouble: () => (/* binding */ credentialTrouble),
/* harmony export */   explainCredentialError: () => (/* binding */ explainCredentialError),
/* harmony export */   missingRegion: () => (/* binding */ missingRegion),
/* harmony export */   resolvedRegion: () => (/* binding */ resolvedRegion),
/* harmony export */   sendAws: () => (/* binding */ sendAws)
/* harmony export */ });
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);



/**
 * Shared setup of the modular AWS SDK v3 clients. The SDK's own retries are turned off
 * (maxAttempts: 1) so that every call goes through the one retry helper, which honours AWS
 * throttling errors and is bounded the same way for every client. Endpoints and credentials come
 * the standard way: AWS_ENDPOINT_URL(_<SERVICE>), AWS_REGION, the default credential chain.
 */
function awsClientConfig(region) {
    return {
        region: region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION,
        maxAttempts: 1,
        requestHandler: new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_2__.NodeHttpHandler({ connectionTimeout: 10_000, requestTimeout: 30_000 })
    };
}
/**
 * Sends one AWS command through the retry helper. Expired or missing credentials become a
 * DeployError that says how to fix them rather than a raw SDK message.
 */
const sendAws = async (client, command, options) => {
    const { describe, signal, onRetry, attempts, attemptTimeoutMs, idempotent = false, sleep } = options;
    try {
        return await (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(attemptSignal => client
            .send(command, { abortSignal: attemptSignal })
            .catch((error) => Promise.reject(unreadableAnswer(error, describe, idempotent))), { describe, signal, onRetry, attempts, attemptTimeoutMs, sleep });
    }
    catch (error) {
        throw explainCredentialError(error) ?? error;
    }
};
/**
 * A 2xx answer the SDK could not parse, as an error that names the call but not the body (which may
 * hold a secret; the SDK's error keeps it on a hidden field, so it is not kept as the cause).
 */
function unreadableAnswer(error, describe, idempotent) {
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const garbled = error instanceof Error &&
        status !== undefined &&
        status < 300 &&
        (error.name === 'SyntaxError' || /Deserialization error/.test(error.message));
    if (!garbled)
        return error;
    const what = `${describe} answered HTTP ${status} with a malformed body that could not be read`;
    if (idempotent)
        return new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryableError */ .dw(what);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `${what}; it may have taken effect, so it was not sent again. Check its result in the AWS console.`);
}
/**
 * How an API adapter sends: every call through `sendAws`, reads as idempotent, changes not. Inside
 * a follower's look (`forLook`) each call is a single attempt: the follower retries the whole look,
 * and retrying inside it as well would multiply the attempts and blur the poll cadence.
 */
class AwsCalls {
    onRetry;
    attempts;
    attemptTimeoutMs;
    sleep;
    constructor(onRetry, attempts, attemptTimeoutMs, sleep) {
        this.onRetry = onRetry;
        this.attempts = attempts;
        this.attemptTimeoutMs = attemptTimeoutMs;
        this.sleep = sleep;
    }
    get forLook() {
        return new AwsCalls(this.onRetry, 1, this.attemptTimeoutMs, this.sleep);
    }
    /** The same calls within other bounds: the preflight's few, short attempts. */
    within(bounds) {
        return new AwsCalls(this.onRetry, bounds.attempts, bounds.attemptTimeoutMs, this.sleep);
    }
    read = (client, command, describe, signal) => this.send(client, command, { describe, signal, idempotent: true });
    change = (client, command, describe, signal) => this.send(client, command, { describe, signal, idempotent: false });
    send = (client, command, options) => sendAws(client, command, {
        ...options,
        onRetry: this.onRetry,
        attempts: this.attempts,
        attemptTimeoutMs: this.attemptTimeoutMs,
        sleep: this.sleep
    });
}
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const UNAUTHORISED = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch'
]);
/** The SDK's default credential chain found nothing at all. */
const NO_CREDENTIALS = 'CredentialsProviderError';
/** Which step provides AWS credentials to a job, said the same way in every message. */
const CREDENTIALS_STEP = 'add a step before this one: aws-actions/configure-aws-credentials with role-to-assume and ' +
    'aws-region, and give the job `permissions: id-token: write` (or set AWS_ACCESS_KEY_ID and ' +
    'AWS_SECRET_ACCESS_KEY)';
/** What to check when AWS refuses the credentials a job was given. */
const CREDENTIALS_CHECK = 'check the role or keys the job is given (aws-actions/configure-aws-credentials with ' +
    'role-to-assume and `permissions: id-token: write`, or AWS_ACCESS_KEY_ID and ' +
    'AWS_SECRET_ACCESS_KEY)';
/** What kind of credential trouble an AWS error is, if it is one. */
function credentialTrouble(error) {
    const name = error instanceof Error ? error.name : '';
    if (EXPIRED.has(name))
        return 'expired';
    if (UNAUTHORISED.has(name))
        return 'rejected';
    if (name === NO_CREDENTIALS)
        return 'missing';
    return undefined;
}
/** A DeployError for credential trouble, or undefined when the error is something else. */
function explainCredentialError(error) {
    const trouble = credentialTrouble(error);
    if (trouble === 'expired') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', 'AWS credentials expired while the action was running. Raise the role session duration ' +
            "(role-duration-seconds of aws-actions/configure-aws-credentials, and the role's " +
            'MaxSessionDuration) above the deploy timeout.', { cause: error });
    }
    if (trouble === 'rejected') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `AWS rejected the credentials (${error.name}): ${CREDENTIALS_CHECK}.`, { cause: error });
    }
    if (trouble === 'missing') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `No AWS credentials were found: ${CREDENTIALS_STEP}.`, {
            cause: error
        });
    }
    return undefined;
}
/**
 * "Region is missing", said for the one who needs the region: `who` ("ECS deploy of service
 * 'api'") and where its own region is set ("services.api.deploy.ecs.region in the deploy
 * config"), when it has one.
 */
function missingRegion(who, configKey) {
    const key = configKey ? `set ${configKey}, or ` : 'set ';
    return (`${who} has no AWS region: ${key}AWS_REGION for the job ` +
        '(aws-actions/configure-aws-credentials sets it from its aws-region input)');
}
/** The region an SDK client resolved (its own, AWS_REGION, the config file), or undefined. */
async function resolvedRegion(client) {
    return client.config.region().then(region => region || undefined, () => undefined);
}


/***/ }),

/***/ 9289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EcsApi: () => (/* binding */ EcsApi)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5705);
/* harmony import */ var _sts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1580);



class EcsApi {
    sdk;
    calls;
    constructor(sdk, calls) {
        this.sdk = sdk;
        this.calls = calls;
    }
    static async create(region, onRetry, sleep) {
        const [ecs, codedeploy, elb] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19)),
            Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(7507)]).then(__webpack_require__.t.bind(__webpack_require__, 7507, 19)),
            Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(586)]).then(__webpack_require__.t.bind(__webpack_require__, 586, 19))
        ]);
        const sdk = {
            ecs,
            codedeploy,
            elb,
            ecsClient: new ecs.ECSClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(region)),
            codedeployClient: new codedeploy.CodeDeployClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(region)),
            elbClient: new elb.ElasticLoadBalancingV2Client((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(region))
        };
        return new EcsApi(sdk, new _aws_js__WEBPACK_IMPORTED_MODULE_1__.AwsCalls(onRetry, undefined, undefined, sleep));
    }
    /** The same clients, sending single attempts: for looks inside `follow`. */
    get forLook() {
        return new EcsApi(this.sdk, this.calls.forLook);
    }
    /** The same clients within other bounds: the preflight's few, short attempts. */
    within(bounds) {
        return new EcsApi(this.sdk, this.calls.within(bounds));
    }
    /** The region the clients resolved, or undefined when none is set anywhere. */
    region() {
        return (0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.resolvedRegion)(this.sdk.ecsClient);
    }
    /** Member lists read from the SDK's own schemas; undefined when their shape is not known. */
    registerKeys() {
        const request = memberNames(this.sdk.ecs['RegisterTaskDefinitionRequest$']);
        const container = memberNames(this.sdk.ecs['ContainerDefinition$']);
        return request && container ? { taskDefinition: request, container } : undefined;
    }
    /** The service, or undefined when the cluster has no service of that name. */
    async findService(cluster, service, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.read(ecsClient, new ecs.DescribeServicesCommand({ cluster, services: [service] }), 'ECS DescribeServices', signal);
        return output.services?.[0];
    }
    /**
     * The service; a DeployError naming the cluster, the region and the account when the cluster or
     * the service is not there (the usual cause: another region or account than the one meant).
     */
    async describeService(cluster, service, signal) {
        const found = await this.findService(cluster, service, signal).catch(async (error) => {
            if (!(error instanceof this.sdk.ecs.ClusterNotFoundException))
                throw error;
            const where = await (0,_sts_js__WEBPACK_IMPORTED_MODULE_2__.whereInAws)(await this.region(), signal);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `ECS cluster '${cluster}' was not found ${where}: check the cluster name, and that the ` +
                'credentials and the region are the ones of the account that has it.', { cause: error });
        });
        if (!found) {
            const where = await (0,_sts_js__WEBPACK_IMPORTED_MODULE_2__.whereInAws)(await this.region(), signal);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `ECS service '${service}' was not found in cluster '${cluster}' ${where}.`);
        }
        return found;
    }
    async describeTaskDefinition(taskDefinition, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.read(ecsClient, new ecs.DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }), 'ECS DescribeTaskDefinition', signal);
        if (!output.taskDefinition) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `ECS has no task definition '${taskDefinition}'.`);
        }
        return { taskDefinition: output.taskDefinition, tags: output.tags ?? [] };
    }
    async registerTaskDefinition(input, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.change(ecsClient, new ecs.RegisterTaskDefinitionCommand(input), 'ECS RegisterTaskDefinition', signal);
        if (!output.taskDefinition?.taskDefinitionArn) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', 'ECS RegisterTaskDefinition answered without a task definition.');
        }
        return output.taskDefinition;
    }
    /** ACTIVE revisions of one family, newest first. */
    async listRevisions(family, signal) {
        const { ecs, ecsClient } = this.sdk;
        const arns = [];
        let nextToken;
        do {
            const output = await this.calls.read(ecsClient, new ecs.ListTaskDefinitionsCommand({
                familyPrefix: family,
                status: 'ACTIVE',
                sort: 'DESC',
                nextToken
            }), 'ECS ListTaskDefinitions', signal);
            arns.push(...(output.taskDefinitionArns ?? []));
            nextToken = output.nextToken;
        } while (nextToken);
        return arns;
    }
    async deregisterTaskDefinition(taskDefinition, signal) {
        const { ecs, ecsClient } = this.sdk;
        await this.calls.change(ecsClient, new ecs.DeregisterTaskDefinitionCommand({ taskDefinition }), 'ECS DeregisterTaskDefinition', signal);
    }
    async updateService(input, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.change(ecsClient, new ecs.UpdateServiceCommand(input), 'ECS UpdateService', signal);
        if (!output.service)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', 'ECS UpdateService answered without the service.');
        return output.service;
    }
    /** The newest stopped tasks of a service, for explaining a failed deployment. */
    async stoppedTasks(cluster, service, signal) {
        const { ecs, ecsClient } = this.sdk;
        const listed = await this.calls.read(ecsClient, new ecs.ListTasksCommand({
            cluster,
            serviceName: service,
            desiredStatus: 'STOPPED',
            maxResults: 100
        }), 'ECS ListTasks', signal);
        const taskArns = listed.taskArns ?? [];
        if (taskArns.length === 0)
            return [];
        const described = await this.calls.read(ecsClient, new ecs.DescribeTasksCommand({ cluster, tasks: taskArns }), 'ECS DescribeTasks', signal);
        return described.tasks ?? [];
    }
    async listServiceDeployments(cluster, service, createdAfter, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.read(ecsClient, new ecs.ListServiceDeploymentsCommand({
            cluster,
            service,
            createdAt: { after: createdAfter }
        }), 'ECS ListServiceDeployments', signal);
        return output.serviceDeployments ?? [];
    }
    async describeServiceDeployment(arn, signal) {
        const { ecs, ecsClient } = this.sdk;
        const output = await this.calls.read(ecsClient, new ecs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), 'ECS DescribeServiceDeployments', signal);
        return output.serviceDeployments?.[0];
    }
    async stopServiceDeployment(arn, signal) {
        const { ecs, ecsClient } = this.sdk;
        await this.calls.change(ecsClient, new ecs.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }), 'ECS StopServiceDeployment', signal);
    }
    async getDeploymentGroup(application, group, signal) {
        const { codedeploy, codedeployClient } = this.sdk;
        const output = await this.calls.read(codedeployClient, new codedeploy.GetDeploymentGroupCommand({
            applicationName: application,
            deploymentGroupName: group
        }), 'CodeDeploy GetDeploymentGroup', signal);
        if (!output.deploymentGroupInfo) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `CodeDeploy has no deployment group '${group}' in application '${application}'.`);
        }
        return output.deploymentGroupInfo;
    }
    async createDeployment(input, signal) {
        const { codedeploy, codedeployClient } = this.sdk;
        const output = await this.calls.change(codedeployClient, new codedeploy.CreateDeploymentCommand({
            applicationName: input.application,
            deploymentGroupName: input.group,
            description: input.description,
            revision: {
                revisionType: 'AppSpecContent',
                appSpecContent: { content: input.appspec, sha256: input.sha256 }
            }
        }), 'CodeDeploy CreateDeployment', signal);
        if (!output.deploymentId) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', 'CodeDeploy CreateDeployment answered without a deployment id.');
        }
        return output.deploymentId;
    }
    async getDeployment(deploymentId, signal) {
        const { codedeploy, codedeployClient } = this.sdk;
        const output = await this.calls.read(codedeployClient, new codedeploy.GetDeploymentCommand({ deploymentId }), 'CodeDeploy GetDeployment', signal);
        if (!output.deploymentInfo) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('DEPLOY_FAILED', `CodeDeploy has no deployment ${deploymentId}.`);
        }
        return output.deploymentInfo;
    }
    /** The deployment's ECS targets: lifecycle events and task sets with their traffic weight. */
    async deploymentTargets(deploymentId, targetIds, signal) {
        const { codedeploy, codedeployClient } = this.sdk;
        let ids = targetIds ? [...targetIds] : [];
        if (ids.length === 0) {
            const listed = await this.calls.read(codedeployClient, new codedeploy.ListDeploymentTargetsCommand({ deploymentId }), 'CodeDeploy ListDeploymentTargets', signal);
            ids = listed.targetIds ?? [];
        }
        if (ids.length === 0)
            return { targetIds: [], targets: [] };
        const output = await this.calls.read(codedeployClient, new codedeploy.BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids }), 'CodeDeploy BatchGetDeploymentTargets', signal);
        return { targetIds: ids, targets: output.deploymentTargets ?? [] };
    }
    async stopDeployment(deploymentId, autoRollbackEnabled, signal) {
        const { codedeploy, codedeployClient } = this.sdk;
        await this.calls.change(codedeployClient, new codedeploy.StopDeploymentCommand({ deploymentId, autoRollbackEnabled }), 'CodeDeploy StopDeployment', signal);
    }
    /** DNS name of the load balancer in front of a target group, when there is one. */
    async loadBalancerDns(targetGroupArn, signal) {
        const { elb, elbClient } = this.sdk;
        const groups = await this.calls.read(elbClient, new elb.DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] }), 'ELBv2 DescribeTargetGroups', signal);
        const loadBalancerArn = groups.TargetGroups?.[0]?.LoadBalancerArns?.[0];
        if (!loadBalancerArn)
            return undefined;
        const balancers = await this.calls.read(elbClient, new elb.DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] }), 'ELBv2 DescribeLoadBalancers', signal);
        return balancers.LoadBalancers?.[0]?.DNSName;
    }
}
/** Member names of an SDK structure schema: `[3, namespace, name, traits, members, schemas]`. */
function memberNames(schema) {
    if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4]))
        return undefined;
    const names = schema[4];
    return names.every(name => typeof name === 'string') ? names : undefined;
}


/***/ }),

/***/ 1580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StsApi: () => (/* binding */ StsApi),
/* harmony export */   whereInAws: () => (/* binding */ whereInAws)
/* harmony export */ });
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5705);

class StsApi {
    client;
    sdk;
    calls;
    constructor(client, sdk, calls) {
        this.client = client;
        this.sdk = sdk;
        this.calls = calls;
    }
    static async create(region, bounds) {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(1695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
        const calls = bounds ? new _aws_js__WEBPACK_IMPORTED_MODULE_0__.AwsCalls().within(bounds) : new _aws_js__WEBPACK_IMPORTED_MODULE_0__.AwsCalls();
        return new StsApi(new sdk.STSClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_0__.awsClientConfig)(region)), sdk, calls);
    }
    /** The region the client resolved, or undefined when none is set anywhere. */
    region() {
        return (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__.resolvedRegion)(this.client);
    }
    async callerIdentity(signal) {
        const output = await this.calls.read(this.client, new this.sdk.GetCallerIdentityCommand({}), 'STS GetCallerIdentity', signal);
        return { account: output.Account ?? '?', arn: output.Arn ?? '?' };
    }
}
/**
 * "in us-east-1, account 123456789012" for an error message, asking STS briefly; just the region
 * when STS cannot say. Only error paths use it, so a healthy run never pays for the lookup.
 */
async function whereInAws(region, signal) {
    const sts = await StsApi.create(region, { attempts: 1, attemptTimeoutMs: 5_000 });
    const resolved = (await sts.region()) ?? 'no region';
    const identity = await sts.callerIdentity(signal).catch(() => undefined);
    return `in ${resolved}${identity ? `, account ${identity.account}` : ''}`;
}


/***/ }),

/***/ 7039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./src/clients/aws.ts
var aws = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/clients/ecs.ts
var ecs = __webpack_require__(9289);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var runtime_retry = __webpack_require__(6390);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/targets/ecs-taskdef.ts


/**
 * Pure task definition work: from the definition a deploy starts from to the RegisterTaskDefinition
 * input with the pushed image, and whether registering it would change anything; reading the files
 * the config names. No network here.
 */
/** Keys DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY_KEYS = new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt'
]);
function prepareTaskDefinition(options) {
    const source = unwrap(options.source);
    const input = withoutReadOnlyKeys(source);
    const definitions = input.containerDefinitions;
    if (!Array.isArray(definitions) || definitions.length === 0) {
        throw new errors.DeployError('INVALID_INPUT', `${options.origin} has no containerDefinitions.`);
    }
    const containers = definitions.map(c => ({ ...c }));
    const images = {};
    if (options.imageUri !== undefined) {
        const image = pinnedImage(options.imageUri);
        for (const name of targetContainers(containers, options.containers, options.origin)) {
            const container = containers.find(c => c.name === name);
            images[name] = [String(container.image ?? ''), image];
            container.image = image;
        }
    }
    input.containerDefinitions = containers;
    if (options.tags && options.tags.length > 0 && input.tags === undefined)
        input.tags = [...options.tags];
    const current = options.current ? withoutReadOnlyKeys(unwrap(options.current)) : undefined;
    const changed = current === undefined || canonical(withoutTags(input)) !== canonical(withoutTags(current));
    return {
        input,
        changed,
        images,
        warnings: droppedKeyWarnings(input, options.registerKeys, options.origin)
    };
}
/** `registry/repo:tag@sha256:d` -> `registry/repo@sha256:d`: the digest alone names the image. */
function pinnedImage(imageUri) {
    const at = imageUri.indexOf('@');
    if (at < 0)
        return imageUri;
    const name = imageUri.slice(0, at);
    const digest = imageUri.slice(at);
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    // A colon after the last slash is a tag; before it, a registry port.
    return `${colon > slash ? name.slice(0, colon) : name}${digest}`;
}
function targetContainers(containers, wanted, origin) {
    const names = containers.map(c => String(c.name));
    if (wanted.length === 0) {
        if (names.length === 1)
            return names;
        throw new errors.DeployError('INVALID_INPUT', `${origin} has ${names.length} containers (${names.join(', ')}); ` +
            'set deploy.ecs.container to the one that runs the image.');
    }
    const missing = wanted.filter(name => !names.includes(name));
    if (missing.length > 0) {
        throw new errors.DeployError('INVALID_INPUT', `${origin} has no container named ${missing.map(m => `'${m}'`).join(', ')}; ` +
            `its containers are ${names.join(', ')}.`);
    }
    return wanted;
}
/** A file may hold the bare definition or DescribeTaskDefinition's whole answer. */
function unwrap(json) {
    const inner = json.taskDefinition;
    if (json.containerDefinitions === undefined && inner && typeof inner === 'object') {
        return inner;
    }
    return json;
}
function withoutReadOnlyKeys(definition) {
    return Object.fromEntries(Object.entries(definition).filter(([key]) => !READ_ONLY_KEYS.has(key)));
}
function withoutTags(definition) {
    const copy = { ...definition };
    delete copy.tags;
    return copy;
}
function droppedKeyWarnings(input, keys, origin) {
    if (!keys)
        return [];
    const warnings = [];
    const unknownTop = Object.keys(input).filter(key => !keys.taskDefinition.includes(key));
    if (unknownTop.length > 0) {
        warnings.push(`${origin}: ${unknownTop.join(', ')} ${unknownTop.length === 1 ? 'is' : 'are'} not part of ` +
            'RegisterTaskDefinition in the installed AWS SDK and will not be sent (a typo, or a newer field).');
    }
    for (const container of input.containerDefinitions) {
        const unknown = Object.keys(container).filter(key => !keys.container.includes(key));
        if (unknown.length > 0) {
            warnings.push(`${origin}: container '${String(container.name)}' has ${unknown.join(', ')}, which the ` +
                'installed AWS SDK does not send (a typo, or a newer field).');
        }
    }
    return warnings;
}
/**
 * One string per meaning: keys sorted, and empty values dropped, since ECS answers `[]` for lists
 * a file simply leaves out.
 */
function canonical(value) {
    return JSON.stringify(normalise(value)) ?? 'null';
}
function normalise(value) {
    if (value instanceof Date)
        return value.toISOString();
    if (Array.isArray(value)) {
        const items = value.map(normalise).filter(item => item !== undefined);
        return items.length > 0 ? items : undefined;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .map(([key, item]) => [key, normalise(item)])
            .filter(([, item]) => item !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    return value === null ? undefined : value;
}
/** `arn:aws:ecs:r:a:task-definition/api:12` -> `api`. */
function familyOf(arn) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    return name.includes(':') ? name.slice(0, name.lastIndexOf(':')) : name;
}
/** `...task-definition/api:12` -> 12. */
function revisionOf(arn) {
    const match = /:(\d+)$/.exec(arn);
    return match ? Number(match[1]) : undefined;
}
/** `arn:...:task-definition/api:13` -> `api:13`. */
function shortName(taskDefinitionArn) {
    if (!taskDefinitionArn)
        return 'unknown task definition';
    return `${familyOf(taskDefinitionArn)}:${revisionOf(taskDefinitionArn) ?? '?'}`;
}
/**
 * Which ACTIVE revisions to deregister so that only the newest `keep` remain. Revisions still in
 * use (the new one, the one the service can roll back to) are never deregistered.
 */
function revisionsToDeregister(newestFirst, keep, family, inUse) {
    const ofFamily = newestFirst
        .filter(arn => familyOf(arn) === family)
        .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
    return ofFamily.slice(Math.max(1, keep)).filter(arn => !inUse.includes(arn));
}
/**
 * Where JSON that does not parse goes wrong, as "line L, column C", found without quoting it: the
 * parser's own message may quote the text. The longest prefix that fails only for ending early
 * ends at the error (a prefix of a broken text is broken at the same place or not at all).
 */
function jsonSyntaxErrorAt(text) {
    const endsEarly = (length) => {
        try {
            JSON.parse(text.slice(0, length));
            return true;
        }
        catch (error) {
            const message = error instanceof Error ? error.message : '';
            const position = /at position (\d+)/.exec(message)?.[1];
            return /end of JSON input/.test(message) || Number(position ?? -1) >= length;
        }
    };
    let good = 0;
    let bad = text.length;
    while (bad - good > 1) {
        const middle = Math.floor((good + bad) / 2);
        if (endsEarly(middle))
            good = middle;
        else
            bad = middle;
    }
    const before = text.slice(0, good).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}
/** A file the config names (a task definition, an AppSpec), or INVALID_INPUT naming it. */
async function readUserFile(path, what) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors.DeployError('INVALID_INPUT', `Cannot read ${what} ${path}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

// EXTERNAL MODULE: ./src/runtime/deadline.ts
var deadline = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
;// CONCATENATED MODULE: ./src/targets/ecs-watch.ts



/**
 * Follows a deployment through the one follower, turning every change of its progress line into a
 * progress event (with the structured data of the look that produced it). Looks come every second
 * while the deployment is young and moving (FIRST_MINUTE), then every poll interval.
 */
async function watch(rollout, describe, look) {
    const { context } = rollout;
    const api = rollout.api.forLook;
    let data;
    const followed = await (0,follow/* follow */.e6)({
        describe,
        intervalMs: context.pollIntervalMs,
        young: follow/* FIRST_MINUTE */.SD,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
        sleep: context.sleep,
        now: context.now,
        look: async (signal) => {
            const step = await look(api, signal);
            if (step.done)
                return step;
            if ('moved' in step)
                return step;
            data = step.data;
            return { done: false, progress: step.progress };
        },
        onProgress: message => context.progress(message, data),
        onRetry: retry => context.info((0,runtime_retry/* describeRetry */.eV)(retry))
    });
    return followed.value;
}
/**
 * Why tasks of the new task definition stopped, and what the service said last: the lines a
 * person would otherwise dig out of the console.
 */
async function explainFailure(rollout, service) {
    const { api, target } = rollout;
    // Often after a timeout, the deploy's signal fired: explaining gets the grace a stop gets.
    const signal = AbortSignal.timeout(deadline/* STOP_GRACE_MS */.Ts);
    const tasks = await api.stoppedTasks(target.cluster, target.service, signal);
    const ours = tasks
        .filter(task => task.taskDefinitionArn === rollout.taskDefinitionArn)
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
        .slice(0, 3);
    const current = service ?? (await api.describeService(target.cluster, target.service, signal));
    const events = (current.events ?? [])
        .slice(0, 5)
        .map(e => `${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`);
    return [
        ...ours.map(describeStoppedTask),
        ...(events.length > 0 ? ['latest service events:', ...events] : [])
    ].join('\n');
}
function describeStoppedTask(task) {
    const id = task.taskArn?.slice(task.taskArn.lastIndexOf('/') + 1) ?? 'unknown';
    const containers = (task.containers ?? [])
        .filter(c => c.exitCode !== undefined || c.reason)
        .map(c => `container ${c.name}: exit code ${c.exitCode ?? 'none'}${c.reason ? ` (${c.reason})` : ''}`);
    return [`task ${id}: ${task.stoppedReason ?? 'stopped'}`, ...containers].join('; ');
}

// EXTERNAL MODULE: ./src/targets/stop.ts
var stop = __webpack_require__(8292);
;// CONCATENATED MODULE: ./src/targets/codedeploy.ts






/**
 * strategy: codedeploy (CODE_DEPLOY deployment controller): CodeDeploy shifts traffic from the
 * blue task set to the green one. We hand it an AppSpec, then follow the deployment's lifecycle
 * events and traffic weights until CodeDeploy calls it Succeeded, Failed or Stopped, or, with
 * wait_until, until the replacement task set takes test traffic or all production traffic.
 */
/** CodeDeploy error codes that mean "the new version was judged unhealthy", not "it broke". */
const HEALTH_CODES = new Set([
    'HEALTH_CONSTRAINTS',
    'HEALTH_CONSTRAINTS_INVALID',
    'ALARM_ACTIVE',
    'HOOK_EXECUTION_FAILURE',
    'CUSTOMER_APPLICATION_UNHEALTHY'
]);
/**
 * The lifecycle event whose success ends an early wait: test traffic reaches the replacement task
 * set once AllowTestTraffic has succeeded (AfterAllowTestTraffic hooks then test it), production
 * traffic once AllowTraffic has.
 */
const REACHED_WHEN = {
    test_traffic: 'AllowTestTraffic',
    traffic_shifted: 'AllowTraffic'
};
async function deployCodeDeploy(rollout, settings) {
    const { api, target, context } = rollout;
    const group = await api.getDeploymentGroup(settings.application, settings.deploymentGroup, context.signal);
    const testListeners = (group.loadBalancerInfo?.targetGroupPairInfoList ?? []).flatMap(pair => pair.testTrafficRoute?.listenerArns ?? []);
    if (target.waitUntil === 'test_traffic' && testListeners.length === 0) {
        throw new errors.DeployError('INVALID_INPUT', `wait_until is test_traffic for '${target.service}', but CodeDeploy deployment group ` +
            `'${settings.deploymentGroup}' has no test listener (testTrafficRoute), so nothing ever ` +
            'sends test traffic to the replacement tasks; add one or wait for traffic_shifted.');
    }
    const appspec = settings.appspec
        ? await appSpecFromFile(settings.appspec, rollout.taskDefinitionArn)
        : generateAppSpec(rollout.taskDefinitionArn, rollout.service.loadBalancers ?? [], target.service);
    const id = await api.createDeployment({
        application: settings.application,
        group: settings.deploymentGroup,
        appspec,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(appspec).digest('hex'),
        description: `Deploy Pipeline: ${rollout.taskDefinitionArn}`
    }, context.signal);
    context.progress(`CodeDeploy deployment ${id} created (${group.deploymentConfigName ?? 'default config'})`, {
        codedeploy_deployment_id: id,
        deployment_config: group.deploymentConfigName
    });
    let targetIds;
    const end = await watch(rollout, `CodeDeploy deployment ${id}`, async (look, signal) => {
        // Side by side, so that a look takes one round trip and the end is seen that much sooner.
        const [info, found] = await Promise.all([
            look.getDeployment(id, signal),
            look.deploymentTargets(id, targetIds, signal)
        ]);
        if (found.targetIds.length > 0)
            targetIds = found.targetIds;
        if (info.status === 'Succeeded')
            return { done: true, value: { ok: true } };
        if (info.status === 'Failed' || info.status === 'Stopped') {
            return { done: true, value: { ok: false, info, targets: found.targets } };
        }
        if (reached(target.waitUntil, found.targets)) {
            return { done: true, value: { ok: true, reached: target.waitUntil } };
        }
        return {
            done: false,
            progress: describeProgress(info, found.targets),
            data: progressData(info, found.targets)
        };
    }).catch(error => (0,stop/* stopAbandoned */.x)(error, signal => api.stopDeployment(id, settings.autoRollback, signal), settings.autoRollback
        ? `stopped CodeDeploy deployment ${id}; CodeDeploy rolls back to the original task set`
        : `stopped CodeDeploy deployment ${id} without rollback (auto_rollback is false)`, context));
    if (!end.ok)
        throw failure(id, end.info, end.targets);
    if (end.reached === 'test_traffic') {
        context.progress(`the replacement task set takes test traffic on the test listener (${testListeners.join(', ')}); ` +
            'returning now (wait_until: test_traffic). CodeDeploy goes on with the AfterAllowTestTraffic ' +
            'hooks and the production traffic shift, and can still roll back; watch it with: ' +
            `aws deploy get-deployment --deployment-id ${id}`, { codedeploy_deployment_id: id, wait_until: end.reached, test_listeners: testListeners });
    }
    else if (end.reached === 'traffic_shifted') {
        context.progress('production traffic is all on the replacement task set; returning now (wait_until: ' +
            'traffic_shifted). CodeDeploy goes on with the AfterAllowTraffic hooks and ends the ' +
            'original task set after its termination wait, and can still roll back; watch it with: ' +
            `aws deploy get-deployment --deployment-id ${id}`, { codedeploy_deployment_id: id, wait_until: end.reached });
    }
    return id;
}
/** Whether the lifecycle event that ends a wait_until short of completion has succeeded. */
function reached(waitUntil, targets) {
    const event = REACHED_WHEN[waitUntil];
    if (!event)
        return false;
    return targets.some(t => (t.ecsTarget?.lifecycleEvents ?? []).some(e => e.lifecycleEventName === event && e.status === 'Succeeded'));
}
/** The AppSpec CodeDeploy needs for ECS: which task definition, and where the load balancer sends traffic. */
function generateAppSpec(taskDefinitionArn, loadBalancers, service) {
    const balancer = loadBalancers.find(lb => lb.containerName && lb.containerPort !== undefined);
    if (!balancer) {
        throw new errors.DeployError('INVALID_INPUT', `ECS service '${service}' has no load balancer with a container name and port, which ` +
            'CodeDeploy blue/green needs; give deploy.ecs.codedeploy.appspec instead.');
    }
    return JSON.stringify({
        version: 0.0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: taskDefinitionArn,
                        LoadBalancerInfo: {
                            ContainerName: balancer.containerName,
                            ContainerPort: balancer.containerPort
                        }
                    }
                }
            }
        ]
    });
}
/** A user's AppSpec (YAML or JSON) with its ECS service's TaskDefinition set to the new revision. */
async function appSpecFromFile(path, taskDefinitionArn) {
    const text = await readUserFile(path, 'the AppSpec');
    let spec;
    try {
        spec = (0,js_yaml/* load */.Hh)(text);
    }
    catch (error) {
        // The parser's message quotes the offending line, which may hold a secret: say only where.
        const mark = error.mark;
        const where = typeof mark?.line === 'number'
            ? ` (at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1})`
            : '';
        throw new errors.DeployError('INVALID_INPUT', `The AppSpec ${path} is not valid YAML or JSON${where}.`);
    }
    const resources = spec?.Resources;
    const services = Array.isArray(resources)
        ? resources.flatMap(r => Object.values((r ?? {})))
        : [];
    const ecsServices = services.filter(s => s?.Type === 'AWS::ECS::Service');
    if (ecsServices.length !== 1) {
        throw new errors.DeployError('INVALID_INPUT', `The AppSpec ${path} must have exactly one AWS::ECS::Service resource; it has ${ecsServices.length}.`);
    }
    const service = ecsServices[0];
    service.Properties = { ...(service.Properties ?? {}), TaskDefinition: taskDefinitionArn };
    return JSON.stringify(spec);
}
function failure(id, info, targets) {
    const code = HEALTH_CODES.has(info.errorInformation?.code ?? '')
        ? 'HEALTH_CHECK_FAILED'
        : 'DEPLOY_FAILED';
    const own = info.errorInformation?.message ?? `CodeDeploy reports ${info.status ?? 'a failure'}`;
    const rollback = info.rollbackInfo?.rollbackMessage;
    const failedEvents = targets
        .flatMap(t => t.ecsTarget?.lifecycleEvents ?? [])
        .filter(e => e.status === 'Failed')
        .map(e => `${e.lifecycleEventName}: ${e.diagnostics?.message ?? e.diagnostics?.errorCode ?? 'failed'}`);
    const rollbackId = info.rollbackInfo?.rollbackDeploymentId;
    return new errors.DeployError(code, `CodeDeploy deployment ${id} ${info.status === 'Stopped' ? 'was stopped' : 'failed'}: ` +
        `${info.errorInformation?.code ? `${info.errorInformation.code}: ` : ''}${own}` +
        (rollbackId ? ` Rolled back by ${rollbackId}.` : ''), { details: [...failedEvents, ...(rollback ? [rollback] : [])].join('\n') || undefined });
}
function describeProgress(info, targets) {
    const ecs = targets.map(t => t.ecsTarget).find(t => t !== undefined);
    const events = ecs?.lifecycleEvents ?? [];
    const current = events.find(e => e.status === 'InProgress') ??
        events.filter(e => e.status === 'Succeeded').at(-1);
    const sets = (ecs?.taskSetsInfo ?? [])
        .map(s => `${s.taskSetLabel ?? 'task set'} ${s.trafficWeight ?? 0}% traffic, ` +
        `${s.runningCount ?? 0}/${s.desiredCount ?? 0} running`)
        .join(' · ');
    const parts = [`CodeDeploy ${info.status ?? 'unknown'}`];
    if (current)
        parts.push(`${current.lifecycleEventName} ${current.status}`);
    if (sets)
        parts.push(sets);
    return parts.join(': ');
}
function progressData(info, targets) {
    const ecs = targets.map(t => t.ecsTarget).find(t => t !== undefined);
    const green = ecs?.taskSetsInfo?.find(s => s.taskSetLabel === 'Green');
    return {
        status: info.status,
        lifecycle_events: (ecs?.lifecycleEvents ?? []).map(e => ({
            name: e.lifecycleEventName,
            status: e.status
        })),
        traffic_percent: green?.trafficWeight,
        task_sets: (ecs?.taskSetsInfo ?? []).map(s => ({
            label: s.taskSetLabel,
            traffic_percent: s.trafficWeight,
            desired: s.desiredCount,
            running: s.runningCount,
            pending: s.pendingCount
        }))
    };
}

;// CONCATENATED MODULE: ./src/targets/ecs-bluegreen-story.ts
const STRATEGY_LABEL = {
    blue_green: 'blue/green',
    linear: 'linear',
    canary: 'canary'
};
const WAITING = new Set(['IN_PROGRESS', 'AWAITING_ACTION']);
const SCALING = new Set(['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP']);
/** ECS's defaults for what a service leaves out (DeploymentConfiguration in the SDK's model). */
const DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6, canaryPercent: 5, canaryBake: 10 };
/** How the strategy will move production traffic: "in steps of 25%, 5 min apart, then bake 10 min". */
function describePlan(strategy, config) {
    const bake = config?.bakeTimeInMinutes;
    const then = bake === undefined ? '' : `, then bake ${bake} min`;
    if (strategy === 'linear') {
        return `production traffic in steps of ${percent(stepPercent(config))}, ${stepBake(strategy, config)} min apart${then}`;
    }
    if (strategy === 'canary') {
        const canary = config?.canaryConfiguration?.canaryPercent ?? DEFAULTS.canaryPercent;
        return `${percent(canary)} of production traffic for ${stepBake(strategy, config)} min, then all of it${then}`;
    }
    return `all production traffic at once${then}`;
}
class DeploymentStory {
    strategy;
    serviceConfig;
    /** The last thing told about each fact: a stage line, a traffic weight, a hook's status. */
    told = new Map();
    constructor(strategy, 
    /** The service's configuration, for a deployment that does not carry its own. */
    serviceConfig) {
        this.strategy = strategy;
        this.serviceConfig = serviceConfig;
    }
    /** The lines this look adds: each stage, traffic step and hook state not told before. */
    tell(d, now) {
        const config = d.deploymentConfiguration ?? this.serviceConfig;
        const lines = [];
        const say = (fact, state, line) => {
            if (this.told.get(fact) === state)
                return;
            this.told.set(fact, state);
            lines.push(line());
        };
        // A hook's outcome belongs to the stage it ran in, so it comes before the next stage's lines;
        // a hook that starts belongs to the stage it holds, so it comes after.
        const hooks = d.lifecycleHookDetails ?? [];
        const tellHook = (hook) => say(`hook ${hook.hookId ?? hook.targetArn}`, hook.status ?? '', () => describeHook(hook, d, now));
        for (const hook of hooks.filter(h => !WAITING.has(h.status ?? '')))
            tellHook(hook);
        const target = d.targetServiceRevision;
        if (d.lifecycleStage) {
            const bake = d.lifecycleStage === 'BAKE_TIME' && config?.bakeTimeInMinutes !== undefined
                ? ` (${config.bakeTimeInMinutes} min)`
                : '';
            // Task counts while the new revision starts, or when some of it is not running.
            const running = target?.runningTaskCount ?? 0;
            const requested = target?.requestedTaskCount ?? 0;
            const tasks = target && (SCALING.has(d.lifecycleStage) || running < requested)
                ? `: new revision ${running}/${requested} running` +
                    (target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : '')
                : '';
            const line = `stage ${d.lifecycleStage}${bake}${tasks}`;
            say('stage', line, () => line);
        }
        const test = target?.requestedTestTrafficWeight;
        if (test)
            say('test', String(test), () => `${percent(test)} of test traffic on the new revision`);
        const production = target?.requestedProductionTrafficWeight;
        if (production) {
            say('production', String(production), () => {
                const bake = production < 100 ? stepBake(this.strategy, config) : 0;
                return (`${percent(production)} of production traffic on the new revision` +
                    (bake ? `, bake ${bake} min` : ''));
            });
        }
        for (const hook of hooks.filter(h => WAITING.has(h.status ?? '')))
            tellHook(hook);
        return lines;
    }
}
/**
 * A hook's line: which one, where, and for how long ECS waits on it (told once, when it starts),
 * or its outcome.
 */
function describeHook(hook, d, now) {
    const id = hook.hookId ?? hook.targetArn ?? 'hook';
    const pause = hook.targetType === 'PAUSE';
    const name = pause ? `hook ${id} (pause)` : `hook ${id} (Lambda ${lambdaName(hook.targetArn)})`;
    const at = d.lifecycleStage ? ` at ${d.lifecycleStage}` : '';
    const limit = hook.expiresAt === undefined
        ? ''
        : `, up to ${left(hook.expiresAt.getTime() - now)} before ECS ` +
            (hook.timeoutAction === 'CONTINUE' ? 'goes on without it' : 'rolls back');
    if (hook.status === 'IN_PROGRESS')
        return `waiting on ${name}${at}${limit}`;
    if (hook.status === 'AWAITING_ACTION') {
        return (`paused${at} by ${name} for an outside decision${limit}: ` +
            `aws ecs continue-service-deployment --service-deployment-arn ${d.serviceDeploymentArn ?? ''} ` +
            `--hook-id ${id} --action CONTINUE (or ROLLBACK)`);
    }
    return `${name} ${hook.status ?? 'status unknown'}`;
}
function stepPercent(config) {
    return config?.linearConfiguration?.stepPercent ?? DEFAULTS.stepPercent;
}
/** The bake between traffic steps: a linear step's, or the canary's. */
function stepBake(strategy, config) {
    if (strategy === 'linear')
        return config?.linearConfiguration?.stepBakeTimeInMinutes ?? DEFAULTS.stepBakeTimeInMinutes;
    if (strategy === 'canary')
        return config?.canaryConfiguration?.canaryBakeTimeInMinutes ?? DEFAULTS.canaryBake;
    return 0;
}
/** ECS weights come in tenths; 25 -> "25%", 12.5 -> "12.5%". */
function percent(weight) {
    return `${Math.round(weight * 10) / 10}%`;
}
function lambdaName(arn) {
    const match = /:function:([^:]+)/.exec(arn ?? '');
    return match?.[1] ?? arn ?? 'unknown';
}
/** Time left, rounded up to the minute: "60 min", past two hours "24 h". */
function left(ms) {
    const minutes = Math.max(0, Math.ceil(ms / 60_000));
    return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
}

;// CONCATENATED MODULE: ./src/targets/ecs-bluegreen.ts





/**
 * The ECS native strategies (deployment controller ECS with deploymentConfiguration.strategy
 * BLUE_GREEN, LINEAR or CANARY; LINEAR and CANARY are blue/green that moves production traffic in
 * steps): UpdateService, then follow the service deployment through its lifecycle stages
 * (scale up, test traffic, production traffic, bake time, clean up) and hooks. Any rollback is a
 * failure. With wait_until: traffic_shifted the wait ends once production traffic is all on the
 * new revision, leaving ECS to bake and clean up.
 */
const FAILED = new Set([
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED'
]);
const STOPPED = new Set(['STOPPED', 'STOP_REQUESTED']);
/** Stages after the production traffic shift is complete. */
const SHIFTED = new Set(['POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']);
async function deployNative(rollout, strategy) {
    const { api, target, context, service } = rollout;
    const label = STRATEGY_LABEL[strategy];
    const deploymentConfiguration = configurationFor(target, service.deploymentConfiguration);
    const config = deploymentConfiguration ?? service.deploymentConfiguration;
    const updated = await api.updateService({
        cluster: target.cluster,
        service: target.service,
        taskDefinition: rollout.taskDefinitionArn,
        ...(deploymentConfiguration ? { deploymentConfiguration } : {})
    }, context.signal);
    // ECS's own clock bounds the search, so a skewed runner clock cannot hide the deployment.
    const primary = updated.deployments?.find(d => d.status === 'PRIMARY');
    const createdAfter = new Date((primary?.createdAt?.getTime() ?? Date.now()) - 1000);
    context.progress(`ECS ${label} deployment of ${shortName(rollout.taskDefinitionArn)} requested: ` +
        describePlan(strategy, config), { task_definition_arn: rollout.taskDefinitionArn, strategy });
    const story = new DeploymentStory(strategy, config);
    const now = context.now ?? Date.now;
    let arn;
    const end = await watch(rollout, `ECS ${label} deployment of ${target.service}`, async (look, signal) => {
        if (!arn) {
            const listed = await look.listServiceDeployments(target.cluster, target.service, createdAfter, signal);
            const newest = [...listed].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
            arn = newest?.serviceDeploymentArn;
            if (!arn)
                return {
                    done: false,
                    progress: `ECS ${label}: waiting for the service deployment to be listed`
                };
        }
        const deployment = await look.describeServiceDeployment(arn, signal);
        if (!deployment)
            return { done: false, progress: `ECS ${label}: ${arn} not visible yet` };
        const lines = story.tell(deployment, now());
        const data = ecs_bluegreen_progressData(deployment, strategy, config);
        for (const line of lines)
            context.progress(line, data);
        const status = deployment.status ?? '';
        if (status === 'SUCCESSFUL')
            return { done: true, value: { ok: true } };
        if (FAILED.has(status) || STOPPED.has(status)) {
            return { done: true, value: { ok: false, deployment } };
        }
        if (target.waitUntil === 'traffic_shifted' && SHIFTED.has(deployment.lifecycleStage ?? '')) {
            return { done: true, value: { ok: true, shifted: deployment } };
        }
        return { done: false, moved: lines.length > 0 };
    }).catch(error => (0,stop/* stopAbandoned */.x)(error, arn ? signal => api.stopServiceDeployment(arn, signal) : undefined, `stopped ECS service deployment ${arn ?? ''} with ROLLBACK`, context));
    if (!end.ok)
        throw await ecs_bluegreen_failure(rollout, label, end.deployment);
    if (end.shifted) {
        const bake = config?.bakeTimeInMinutes;
        context.progress('production traffic is all on the new revision; returning ' +
            (bake ? `before the ${bake} min bake ends` : 'before ECS cleans up') +
            ' (wait_until: traffic_shifted). ECS goes on and can still roll back; watch it with: ' +
            `aws ecs describe-service-deployments --service-deployment-arns ${arn ?? ''}`, ecs_bluegreen_progressData(end.shifted, strategy, config));
    }
    return arn;
}
/**
 * The service's deployment configuration with the configured linear or canary settings, when
 * they change it; undefined when there is nothing to change. The whole configuration goes back,
 * so that hooks, alarms and bake time stay as they are.
 */
function configurationFor(target, current) {
    if (target.strategy === 'linear' && target.linear) {
        const linear = {
            ...current?.linearConfiguration,
            ...defined({
                stepPercent: target.linear.stepPercent,
                stepBakeTimeInMinutes: target.linear.stepBakeMinutes
            })
        };
        if (same(linear, current?.linearConfiguration))
            return undefined;
        return { ...current, linearConfiguration: linear };
    }
    if (target.strategy === 'canary' && target.canary) {
        const canary = {
            ...current?.canaryConfiguration,
            ...defined({
                canaryPercent: target.canary.percent,
                canaryBakeTimeInMinutes: target.canary.bakeMinutes
            })
        };
        if (same(canary, current?.canaryConfiguration))
            return undefined;
        return { ...current, canaryConfiguration: canary };
    }
    return undefined;
}
function defined(values) {
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
function same(a, b) {
    return Object.entries(a).every(([key, value]) => b?.[key] === value);
}
async function ecs_bluegreen_failure(rollout, label, deployment) {
    const triggered = deployment.alarms?.triggeredAlarmNames ?? [];
    const failedHooks = (deployment.lifecycleHookDetails ?? []).filter(h => h.status === 'FAILED' || h.status === 'TIMED_OUT');
    const judged = triggered.length > 0 || failedHooks.length > 0;
    const reason = deployment.rollback?.reason ?? deployment.statusReason ?? `status ${deployment.status}`;
    const weight = deployment.targetServiceRevision?.requestedProductionTrafficWeight ?? 0;
    const stage = (deployment.lifecycleStage ? ` during ${deployment.lifecycleStage}` : '') +
        (weight > 0 && weight < 100 ? ` at ${weight}% of production traffic` : '');
    const facts = [
        ...(triggered.length > 0 ? [`alarms in ALARM: ${triggered.join(', ')}`] : []),
        ...failedHooks.map(h => `hook ${h.hookId ?? ''} (${h.targetArn ?? h.targetType ?? ''}) ${h.status}`)
    ];
    const tasks = await explainFailure(rollout).catch(() => '');
    const what = STOPPED.has(deployment.status ?? '') ? 'was stopped' : 'rolled back';
    return new errors.DeployError(judged ? 'HEALTH_CHECK_FAILED' : 'DEPLOY_FAILED', `ECS ${label} deployment ${deployment.serviceDeploymentArn ?? ''} ${what}${stage} ` +
        `(${deployment.status}): ${reason}`, { details: [...facts, tasks].filter(Boolean).join('\n') || undefined });
}
function ecs_bluegreen_progressData(d, strategy, config) {
    const target = d.targetServiceRevision;
    return {
        service_deployment_arn: d.serviceDeploymentArn,
        strategy,
        status: d.status,
        lifecycle_stage: d.lifecycleStage,
        bake_time_minutes: config?.bakeTimeInMinutes,
        traffic_percent: target?.requestedProductionTrafficWeight,
        test_traffic_percent: target?.requestedTestTrafficWeight,
        target: target && {
            requested: target.requestedTaskCount,
            running: target.runningTaskCount,
            pending: target.pendingTaskCount
        },
        sources: (d.sourceServiceRevisions ?? []).map(s => ({
            requested: s.requestedTaskCount,
            running: s.runningTaskCount
        })),
        hooks: (d.lifecycleHookDetails ?? []).map(h => ({
            id: h.hookId,
            type: h.targetType,
            target: h.targetArn,
            status: h.status,
            expires_at: h.expiresAt?.toISOString()
        }))
    };
}

;// CONCATENATED MODULE: ./src/targets/ecs-rolling.ts



/** strategy: rolling (ECS deployment controller): UpdateService, then follow the new deployment. */
async function deployRolling(rollout) {
    const { api, target, context } = rollout;
    const updated = await api.updateService({ cluster: target.cluster, service: target.service, taskDefinition: rollout.taskDefinitionArn }, context.signal);
    const ours = updated.deployments?.find(d => d.status === 'PRIMARY' && d.taskDefinition === rollout.taskDefinitionArn);
    if (!ours?.id) {
        throw new errors.DeployError('DEPLOY_FAILED', `ECS UpdateService of '${target.service}' started no deployment.`);
    }
    const id = ours.id;
    context.progress(`ECS deployment ${id} started: ${shortName(rollout.taskDefinitionArn)}`, {
        deployment_id: id,
        task_definition_arn: rollout.taskDefinitionArn
    });
    const end = await watch(rollout, `ECS deployment ${id} of ${target.service}`, async (look, signal) => {
        const service = await look.describeService(target.cluster, target.service, signal);
        const deployments = service.deployments ?? [];
        const mine = deployments.find(d => d.id === id);
        if (!mine)
            return {
                done: true,
                value: { ok: false, reason: 'it disappeared from the service', service }
            };
        if (mine.rolloutState === 'FAILED') {
            const reason = mine.rolloutStateReason ?? 'its rollout failed';
            return { done: true, value: { ok: false, reason, service } };
        }
        if (mine.status !== 'PRIMARY') {
            const primary = deployments.find(d => d.status === 'PRIMARY');
            const by = primary
                ? `${primary.id} (${shortName(primary.taskDefinition)})`
                : 'another deployment';
            return { done: true, value: { ok: false, reason: `it was replaced by ${by}`, service } };
        }
        if (mine.rolloutState === 'COMPLETED')
            return { done: true, value: { ok: true } };
        // Without a rollout state (older agents), steady is: only ours left, all of it running.
        const steady = deployments.length === 1 && mine.runningCount === mine.desiredCount;
        if (mine.rolloutState === undefined && steady)
            return { done: true, value: { ok: true } };
        return {
            done: false,
            progress: `ECS rolling: ${deployments.map(d => describeDeployment(d, id)).join(' · ')}`,
            data: { deployments: deployments.map(deploymentData) }
        };
    }).catch(async (error) => {
        if (error instanceof errors.DeployError && error.code === 'TIMEOUT') {
            const details = await explainFailure(rollout).catch(() => undefined);
            throw new errors.DeployError('TIMEOUT', error.message, { details, cause: error });
        }
        throw error;
    });
    if (!end.ok) {
        const details = await explainFailure(rollout, end.service).catch(() => undefined);
        const firstStop = details?.split('\n').find(line => line.startsWith('task '));
        throw new errors.DeployError('DEPLOY_FAILED', `ECS deployment ${id} of ${shortName(rollout.taskDefinitionArn)} to '${target.service}' failed: ` +
            // ECS's own rolloutStateReason already ends its sentence.
            `${end.reason.replace(/\.$/, '')}.${firstStop ? ` Last stopped ${firstStop}.` : ''}`, { details });
    }
    return id;
}
function describeDeployment(d, ours) {
    const role = d.id === ours ? 'new' : d.status === 'PRIMARY' ? 'primary' : 'old';
    const parts = [`${d.runningCount ?? 0}/${d.desiredCount ?? 0} running`];
    if (d.pendingCount)
        parts.push(`${d.pendingCount} pending`);
    if (d.failedTasks)
        parts.push(`${d.failedTasks} failed`);
    return `${shortName(d.taskDefinition)} (${role}) ${parts.join(', ')}`;
}
function deploymentData(d) {
    return {
        id: d.id,
        status: d.status,
        task_definition: d.taskDefinition,
        revision: d.taskDefinition ? revisionOf(d.taskDefinition) : undefined,
        rollout_state: d.rolloutState,
        desired: d.desiredCount ?? 0,
        running: d.runningCount ?? 0,
        pending: d.pendingCount ?? 0,
        failed: d.failedTasks ?? 0
    };
}

;// CONCATENATED MODULE: ./src/targets/ecs.ts








/**
 * Deploys a service's image to ECS: a new task definition revision with the pushed image (by
 * digest), then the strategy's rollout, followed until it truly ends. Rolled back is failed.
 */
const deploy = async (request, context) => {
    const { target } = request;
    const api = await ecs.EcsApi.create(target.region, retry => context.info((0,runtime_retry/* describeRetry */.eV)(retry)), context.sleep);
    if (!(await api.region())) {
        const name = request.service.name;
        throw new errors.DeployError('INVALID_INPUT', `${(0,aws.missingRegion)(`ECS deploy of service '${name}'`, `services.${name}.deploy.ecs.region in the deploy config`)}.`);
    }
    try {
        return await deployWith(api, request, context);
    }
    catch (error) {
        const failure = (0,errors/* asDeployError */.y0)(error, 'DEPLOY_FAILED');
        // However the cancellation surfaced (an SDK abort, a stop that failed), it is a cancellation.
        if (context.signal.aborted && failure.code !== 'CANCELLED' && failure.code !== 'TIMEOUT') {
            throw new errors.DeployError('CANCELLED', `ECS deploy of '${target.service}' was cancelled`, {
                cause: error
            });
        }
        throw failure;
    }
};
async function deployWith(api, request, context) {
    const { target } = request;
    const service = await api.describeService(target.cluster, target.service, context.signal);
    if (service.status !== 'ACTIVE') {
        throw new errors.DeployError('DEPLOY_FAILED', `ECS service '${target.service}' is ${service.status}, not ACTIVE.`);
    }
    checkController(target, service);
    const prepared = await prepare(api, request, service, context);
    for (const warning of prepared.warnings)
        context.warning(warning);
    const taskDefinitionArn = await register(api, prepared, service, context);
    const outputs = { task_definition_arn: taskDefinitionArn };
    const deploymentUrl = await loadBalancerUrl(api, service, context);
    if (!prepared.changed && service.taskDefinition === taskDefinitionArn) {
        context.info(`ECS service '${target.service}' already runs ${shortName(taskDefinitionArn)}; nothing to deploy.`);
        return { deploymentUrl, outputs };
    }
    const rollout = { api, target, service, taskDefinitionArn, context };
    // checkController has refused codedeploy without its settings, so the second test always holds.
    if (target.strategy === 'codedeploy' && target.codedeploy) {
        outputs.codedeploy_deployment_id = await deployCodeDeploy(rollout, target.codedeploy);
    }
    else if (target.strategy !== 'rolling' && target.strategy !== 'codedeploy') {
        outputs.ecs_deployment_id = await deployNative(rollout, target.strategy);
    }
    else {
        outputs.ecs_deployment_id = await deployRolling(rollout);
    }
    await pruneRevisions(api, target, taskDefinitionArn, service, context);
    return { deploymentUrl, outputs };
}
/** The ECS controller's strategies past ROLLING, as deploy.ecs.strategy names them. */
const NATIVE = {
    BLUE_GREEN: 'blue_green',
    LINEAR: 'linear',
    CANARY: 'canary'
};
/**
 * The strategy must match how the service is deployed; checked before anything is registered, so
 * a wrong setting changes nothing.
 */
function checkController(target, service) {
    const controller = service.deploymentController?.type ?? 'ECS';
    const strategy = service.deploymentConfiguration?.strategy ?? 'ROLLING';
    const actual = controller === 'CODE_DEPLOY'
        ? 'codedeploy'
        : controller === 'ECS'
            ? (NATIVE[strategy] ?? 'rolling')
            : undefined;
    if (target.strategy === 'codedeploy' && !target.codedeploy) {
        throw new errors.DeployError('INVALID_INPUT', `deploy.ecs.strategy is codedeploy for '${target.service}' but deploy.ecs.codedeploy ` +
            '(application, deployment_group) is missing.');
    }
    if (actual === target.strategy)
        return;
    throw new errors.DeployError('INVALID_INPUT', `ECS service '${target.service}' uses the ${controller} deployment controller` +
        (controller === 'ECS' ? ` with the ${strategy} strategy` : '') +
        `, so deploy.ecs.strategy ${target.strategy} cannot deploy it; ` +
        (actual
            ? `set deploy.ecs.strategy to ${actual}.`
            : 'this action deploys services of the ECS (rolling, blue/green, linear, canary) and CODE_DEPLOY controllers only.'));
}
/** Start from the configured file or ARN, else from what the service runs now. */
async function prepare(api, request, service, context) {
    const { target } = request;
    const currentArn = service.taskDefinition;
    const current = currentArn
        ? await api.describeTaskDefinition(currentArn, context.signal)
        : undefined;
    let source;
    let tags = current?.tags ?? [];
    let origin = `task definition ${shortName(currentArn)}`;
    const configured = target.taskDefinition;
    if (configured && configured.startsWith('arn:')) {
        const named = await api.describeTaskDefinition(configured, context.signal);
        source = named.taskDefinition;
        tags = named.tags;
        origin = `task definition ${shortName(configured)}`;
    }
    else if (configured) {
        source = await readTaskDefinitionFile(configured);
        origin = `task definition file ${configured}`;
    }
    else if (current) {
        source = current.taskDefinition;
    }
    else {
        throw new errors.DeployError('INVALID_INPUT', `ECS service '${target.service}' has no task definition to start from; set deploy.ecs.task_definition.`);
    }
    const prepared = prepareTaskDefinition({
        source,
        current: current?.taskDefinition,
        containers: target.containers,
        imageUri: request.imageUri,
        tags,
        registerKeys: api.registerKeys(),
        origin
    });
    for (const [container, [from, to]] of Object.entries(prepared.images)) {
        context.info(`container ${container}: ${from || '(no image)'} -> ${to}`);
    }
    return prepared;
}
async function readTaskDefinitionFile(path) {
    const text = await readUserFile(path, 'the task definition file');
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        // The parser's message quotes the file, which may hold plaintext environment values.
        throw new errors.DeployError('INVALID_INPUT', `The task definition file ${path} is not valid JSON (at ${jsonSyntaxErrorAt(text)}).`);
    }
    if (json && typeof json === 'object' && !Array.isArray(json))
        return json;
    throw new errors.DeployError('INVALID_INPUT', `The task definition file ${path} must hold a JSON object.`);
}
/** A new revision only when something changed; otherwise the service's own. */
async function register(api, prepared, service, context) {
    if (!prepared.changed && service.taskDefinition)
        return service.taskDefinition;
    const registered = await api.registerTaskDefinition(prepared.input, context.signal);
    const arn = registered.taskDefinitionArn;
    context.progress(`registered task definition ${shortName(arn)}`, { task_definition_arn: arn });
    return arn;
}
/** keep_revisions: deregister older ACTIVE revisions, never the new one nor the one replaced. */
async function pruneRevisions(api, target, taskDefinitionArn, previous, context) {
    if (target.keepRevisions === undefined)
        return;
    const family = familyOf(taskDefinitionArn);
    try {
        const revisions = await api.listRevisions(family, context.signal);
        const inUse = [taskDefinitionArn, ...(previous.taskDefinition ? [previous.taskDefinition] : [])];
        const old = revisionsToDeregister(revisions, target.keepRevisions, family, inUse);
        for (const arn of old)
            await api.deregisterTaskDefinition(arn, context.signal);
        if (old.length > 0)
            context.info(`deregistered ${old.length} old revision(s) of ${family}: ${old.map(shortName).join(', ')}`);
    }
    catch (error) {
        // The deploy succeeded; tidying up after it is not worth failing it.
        context.warning(`Could not deregister old revisions of ${family}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** http://<load balancer DNS name> of the service's first target group, when it has one. */
async function loadBalancerUrl(api, service, context) {
    const targetGroupArn = service.loadBalancers?.find(lb => lb.targetGroupArn)?.targetGroupArn;
    if (!targetGroupArn)
        return undefined;
    try {
        const dns = await api.loadBalancerDns(targetGroupArn, context.signal);
        return dns ? `http://${dns}` : undefined;
    }
    catch (error) {
        context.warning(`Could not read the load balancer of ${targetGroupArn} for deployment_url: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
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


/***/ })

};

//# sourceMappingURL=7039.index.js.map