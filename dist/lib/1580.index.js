export const id = 1580;
export const ids = [1580,5705];
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

//# sourceMappingURL=1580.index.js.map