export const id = 9289;
export const ids = [9289,5705,1580];
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


/***/ })

};

//# sourceMappingURL=9289.index.js.map