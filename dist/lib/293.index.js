export const id = 293;
export const ids = [293];
export const modules = {

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vl: () => (/* binding */ AwsCalls),
/* harmony export */   Wo: () => (/* binding */ sendAws),
/* harmony export */   rw: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* unused harmony export explainCredentialError */
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
    const { describe, signal, onRetry, attempts, idempotent = false } = options;
    try {
        return await (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(attemptSignal => client
            .send(command, { abortSignal: attemptSignal })
            .catch((error) => Promise.reject(unreadableAnswer(error, describe, idempotent))), { describe, signal, onRetry, attempts });
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('DEPLOY_FAILED', `${what}; it may have taken effect, so it was not sent again. Check its result in the AWS console.`);
}
/**
 * How an API adapter sends: every call through `sendAws`, reads as idempotent, changes not. Inside
 * a follower's look (`forLook`) each call is a single attempt: the follower retries the whole look,
 * and retrying inside it as well would multiply the attempts and blur the poll cadence.
 */
class AwsCalls {
    onRetry;
    attempts;
    constructor(onRetry, attempts) {
        this.onRetry = onRetry;
        this.attempts = attempts;
    }
    get forLook() {
        return new AwsCalls(this.onRetry, 1);
    }
    read = (client, command, describe, signal) => this.send(client, command, { describe, signal, idempotent: true });
    change = (client, command, describe, signal) => this.send(client, command, { describe, signal, idempotent: false });
    send = (client, command, options) => sendAws(client, command, { ...options, onRetry: this.onRetry, attempts: this.attempts });
}
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const UNAUTHORISED = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'CredentialsProviderError'
]);
/** A DeployError for credential trouble, or undefined when the error is something else. */
function explainCredentialError(error) {
    const name = error instanceof Error ? error.name : '';
    if (EXPIRED.has(name)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('DEPLOY_FAILED', 'AWS credentials expired while the action was running. Raise the role session duration ' +
            "(role-duration-seconds of aws-actions/configure-aws-credentials, and the role's " +
            'MaxSessionDuration) above the deploy timeout.', { cause: error });
    }
    if (UNAUTHORISED.has(name)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('DEPLOY_FAILED', `AWS rejected the credentials (${name}). Configure them with ` +
            'aws-actions/configure-aws-credentials (OIDC) or the AWS_* environment variables.', { cause: error });
    }
    return undefined;
}


/***/ }),

/***/ 3293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StepFunctionsApi: () => (/* binding */ StepFunctionsApi)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5705);


class StepFunctionsApi {
    sdk;
    calls;
    constructor(sdk, calls) {
        this.sdk = sdk;
        this.calls = calls;
    }
    static async create(region, onRetry) {
        const [sfn, secrets] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(476)]).then(__webpack_require__.t.bind(__webpack_require__, 8476, 19)),
            Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(994)]).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19))
        ]);
        const sdk = {
            sfn,
            secrets,
            sfnClient: new sfn.SFNClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)(region)),
            secretsClient: new secrets.SecretsManagerClient((0,_aws_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)(region))
        };
        return new StepFunctionsApi(sdk, new _aws_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsCalls */ .Vl(onRetry));
    }
    /** The same clients, sending single attempts: for looks inside `follow`. */
    get forLook() {
        return new StepFunctionsApi(this.sdk, this.calls.forLook);
    }
    async describeStateMachine(stateMachineArn, signal) {
        const { sfn, sfnClient } = this.sdk;
        return this.calls.read(sfnClient, new sfn.DescribeStateMachineCommand({ stateMachineArn }), 'Step Functions DescribeStateMachine', signal);
    }
    /** Idempotent by name: the same name and input while it runs answers the same execution. */
    async startExecution(input, signal) {
        const { sfn, sfnClient } = this.sdk;
        const output = await this.calls.send(sfnClient, new sfn.StartExecutionCommand(input), {
            describe: 'Step Functions StartExecution',
            signal,
            idempotent: true
        });
        if (!output.executionArn)
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryableError */ .dw('StartExecution answered without an ARN');
        return { executionArn: output.executionArn, startDate: output.startDate };
    }
    async describeExecution(executionArn, signal) {
        const { sfn, sfnClient } = this.sdk;
        return this.calls.read(sfnClient, new sfn.DescribeExecutionCommand({ executionArn }), 'Step Functions DescribeExecution', signal);
    }
    /** One page of the history, newest first, without inputs and outputs. */
    async historyPage(request, signal) {
        const { sfn, sfnClient } = this.sdk;
        const output = await this.calls.read(sfnClient, new sfn.GetExecutionHistoryCommand({
            ...request,
            reverseOrder: true,
            includeExecutionData: false
        }), 'Step Functions GetExecutionHistory', signal);
        if (!Array.isArray(output.events)) {
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryableError */ .dw('GetExecutionHistory answered without events');
        }
        return { events: output.events, nextToken: output.nextToken };
    }
    /** The newest executions of a state machine, newest first. */
    async listExecutions(stateMachineArn, maxResults, signal) {
        const { sfn, sfnClient } = this.sdk;
        const output = await this.calls.read(sfnClient, new sfn.ListExecutionsCommand({ stateMachineArn, maxResults }), 'Step Functions ListExecutions', signal);
        return output.executions ?? [];
    }
    async stopExecution(request, signal) {
        const { sfn, sfnClient } = this.sdk;
        await this.calls.change(sfnClient, new sfn.StopExecutionCommand(request), 'Step Functions StopExecution', signal);
    }
    /** The secret's string, or undefined while it does not exist (yet). */
    async secretString(secretId, signal) {
        const { secrets, secretsClient } = this.sdk;
        try {
            const output = await this.calls.read(secretsClient, new secrets.GetSecretValueCommand({ SecretId: secretId }), 'Secrets Manager GetSecretValue', signal);
            return output.SecretString;
        }
        catch (error) {
            if (errorName(error) === 'ResourceNotFoundException')
                return undefined;
            throw error;
        }
    }
    /** Deletes at once: the secret names one deployment and is of no use after it. */
    async deleteSecret(secretId, signal) {
        const { secrets, secretsClient } = this.sdk;
        await this.calls.change(secretsClient, new secrets.DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true }), 'Secrets Manager DeleteSecret', signal);
    }
}
function errorName(error) {
    return error instanceof Error ? error.name : '';
}


/***/ })

};
