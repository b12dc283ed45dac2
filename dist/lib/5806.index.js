export const id = 5806;
export const ids = [5806,5705];
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

/***/ 5806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CloudFormationApi: () => (/* binding */ CloudFormationApi)
/* harmony export */ });
/* unused harmony export isMissingStack */
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5705);


class CloudFormationApi {
    sdk;
    client;
    calls;
    region;
    s3;
    constructor(sdk, client, calls, region) {
        this.sdk = sdk;
        this.client = client;
        this.calls = calls;
        this.region = region;
    }
    static async create(region, onRetry) {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(3805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
        const client = new sdk.CloudFormationClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(region));
        return new CloudFormationApi(sdk, client, new _aws_js__WEBPACK_IMPORTED_MODULE_1__.AwsCalls(onRetry), region);
    }
    /** The same client, sending single attempts: for looks inside `follow`. */
    get forLook() {
        const look = new CloudFormationApi(this.sdk, this.client, this.calls.forLook, this.region);
        look.s3 = this.s3;
        return look;
    }
    /** The stack by name or id, or undefined when there is none (a deleted one only by id). */
    async describeStack(stackName, signal) {
        try {
            const output = await this.calls.read(this.client, new this.sdk.DescribeStacksCommand({ StackName: stackName }), 'CloudFormation DescribeStacks', signal);
            const stack = output.Stacks?.[0];
            if (!stack?.StackStatus)
                throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryableError */ .dw('DescribeStacks answered without a stack');
            return stack;
        }
        catch (error) {
            if (isMissingStack(error))
                return undefined;
            throw error;
        }
    }
    /** One page of the stack's events, newest first. */
    async eventsPage(stackName, nextToken, signal) {
        const output = await this.calls.read(this.client, new this.sdk.DescribeStackEventsCommand({ StackName: stackName, NextToken: nextToken }), 'CloudFormation DescribeStackEvents', signal);
        if (!Array.isArray(output.StackEvents)) {
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryableError */ .dw('DescribeStackEvents answered without events');
        }
        return { events: output.StackEvents, nextToken: output.NextToken };
    }
    /** Idempotent by ClientToken: a retried call answers the same change set. */
    async createChangeSet(input, signal) {
        const output = await this.calls.send(this.client, new this.sdk.CreateChangeSetCommand(input), {
            describe: 'CloudFormation CreateChangeSet',
            signal,
            idempotent: true
        });
        if (!output.Id || !output.StackId) {
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryableError */ .dw('CreateChangeSet answered without the change set or stack id');
        }
        return { id: output.Id, stackId: output.StackId };
    }
    async changeSetPage(changeSetId, nextToken, signal) {
        const changeSet = await this.calls.read(this.client, new this.sdk.DescribeChangeSetCommand({ ChangeSetName: changeSetId, NextToken: nextToken }), 'CloudFormation DescribeChangeSet', signal);
        return { changeSet, changes: changeSet.Changes ?? [], nextToken: changeSet.NextToken };
    }
    async deleteChangeSet(changeSetId, signal) {
        await this.calls.change(this.client, new this.sdk.DeleteChangeSetCommand({ ChangeSetName: changeSetId }), 'CloudFormation DeleteChangeSet', signal);
    }
    /** Idempotent by ClientRequestToken: a retry does not start a second operation. */
    async executeChangeSet(input, signal) {
        await this.calls.send(this.client, new this.sdk.ExecuteChangeSetCommand({
            ChangeSetName: input.changeSetId,
            ClientRequestToken: input.token
        }), { describe: 'CloudFormation ExecuteChangeSet', signal, idempotent: true });
    }
    /** Idempotent by ClientRequestToken. */
    async deleteStack(input, signal) {
        await this.calls.send(this.client, new this.sdk.DeleteStackCommand({
            StackName: input.stackId,
            ClientRequestToken: input.token,
            RoleARN: input.roleArn
        }), { describe: 'CloudFormation DeleteStack', signal, idempotent: true });
    }
    async cancelUpdateStack(stackId, token, signal) {
        await this.calls.change(this.client, new this.sdk.CancelUpdateStackCommand({ StackName: stackId, ClientRequestToken: token }), 'CloudFormation CancelUpdateStack', signal);
    }
    async setTerminationProtection(stackId, enable, signal) {
        await this.calls.change(this.client, new this.sdk.UpdateTerminationProtectionCommand({
            StackName: stackId,
            EnableTerminationProtection: enable
        }), 'CloudFormation UpdateTerminationProtection', signal);
    }
    /**
     * Puts a template into the bucket under its content-addressed key, unless it is there already,
     * and returns the URL CloudFormation reads it from.
     */
    async uploadTemplate(input, signal) {
        const { sdk, client } = await this.s3Client();
        const { bucket, key } = input;
        const url = await templateUrl(client, bucket, key);
        try {
            await this.calls.read(client, new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }), 'S3 HeadObject', signal);
            return { url, uploaded: false };
        }
        catch (error) {
            if (!(error instanceof Error) || error.name !== 'NotFound')
                throw error;
        }
        // The key is the body's hash, so sending the same body twice is harmless.
        await this.calls.send(client, new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: input.body,
            ContentType: input.contentType
        }), { describe: 'S3 PutObject', signal, idempotent: true });
        return { url, uploaded: true };
    }
    s3Client() {
        this.s3 ??= Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(3711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)).then(sdk => ({
            sdk,
            client: new sdk.S3Client({
                ...(0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(this.region),
                // An endpoint of our own (a VPC endpoint, a local stand-in) has no bucket sub-domains.
                forcePathStyle: Boolean(customS3Endpoint())
            })
        }));
        return this.s3;
    }
}
/** CloudFormation says a stack is missing with a ValidationError, not a code of its own. */
function isMissingStack(error) {
    return (error instanceof Error &&
        error.name === 'ValidationError' &&
        /does not exist/.test(error.message));
}
function customS3Endpoint() {
    return process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined;
}
/**
 * Where CloudFormation reads the template: path style, which works for every bucket name (dots
 * included), on the endpoint the SDK uses when one is configured.
 */
async function templateUrl(client, bucket, key) {
    const path = `${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const custom = customS3Endpoint();
    if (custom)
        return `${custom.replace(/\/+$/, '')}/${path}`;
    const region = await client.config.region();
    const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `https://s3.${region}.${domain}/${path}`;
}


/***/ })

};

//# sourceMappingURL=5806.index.js.map