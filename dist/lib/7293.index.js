export const id = 7293;
export const ids = [7293,5705,9874,5037];
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

/***/ 9874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createEcrClient: () => (/* binding */ createEcrClient),
/* harmony export */   ecrAuthorization: () => (/* binding */ ecrAuthorization),
/* harmony export */   l: () => (/* binding */ ensureEcrRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5705);


async function createEcrClient(region) {
    const config = (0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.awsClientConfig)(region);
    if (!config.region) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('REGISTRY_AUTH_FAILED', 'ECR needs an AWS region: set AWS_REGION (aws-actions/configure-aws-credentials sets it).');
    }
    const { ECRClient } = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(8249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    return new ECRClient(config);
}
async function ecrAuthorization(client, options = {}) {
    const { GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(8249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const describe = 'ECR GetAuthorizationToken';
    const output = await (0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.sendAws)(client, new GetAuthorizationTokenCommand({}), {
        describe,
        ...options
    }).catch((error) => explain(error, describe, 'REGISTRY_AUTH_FAILED', options.signal));
    const data = output.authorizationData?.[0];
    const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (!data?.proxyEndpoint || colon <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('REGISTRY_AUTH_FAILED', 'ECR GetAuthorizationToken answered without a usable token.');
    }
    const endpoint = new URL(data.proxyEndpoint.includes('://') ? data.proxyEndpoint : `https://${data.proxyEndpoint}`);
    return {
        host: endpoint.host,
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        expiresAt: data.expiresAt,
        insecure: endpoint.protocol === 'http:'
    };
}
/** The repository, created (scan on push, tags mutable) when it does not exist yet. */
async function ensureEcrRepository(client, name, options) {
    const ecr = await Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(8249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const call = { signal: options.signal, onRetry: options.onRetry };
    const look = `ECR DescribeRepositories ${name}`;
    try {
        const found = await (0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.sendAws)(client, new ecr.DescribeRepositoriesCommand({ repositoryNames: [name] }), { describe: look, ...call });
        const repository = found.repositories?.[0];
        return { name, immutable: isImmutable(repository?.imageTagMutability), created: false };
    }
    catch (error) {
        if (!(error instanceof ecr.RepositoryNotFoundException))
            explain(error, look, 'PUSH_FAILED', options.signal);
    }
    if (!options.create) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('PUSH_FAILED', `ECR repository '${name}' does not exist, so there is no image to promote or deploy.`);
    }
    const create = `ECR CreateRepository ${name}`;
    try {
        const made = await (0,_aws_js__WEBPACK_IMPORTED_MODULE_1__.sendAws)(client, new ecr.CreateRepositoryCommand({
            repositoryName: name,
            imageScanningConfiguration: { scanOnPush: true },
            imageTagMutability: 'MUTABLE'
        }), { describe: create, ...call });
        return { name, immutable: isImmutable(made.repository?.imageTagMutability), created: true };
    }
    catch (error) {
        // Another job created it between our look and our create: use theirs.
        if (error instanceof ecr.RepositoryAlreadyExistsException) {
            return ensureEcrRepository(client, name, { ...options, create: false });
        }
        return explain(error, create, 'PUSH_FAILED', options.signal);
    }
}
function isImmutable(mutability) {
    return mutability?.startsWith('IMMUTABLE') ?? false;
}
/**
 * Every ECR failure as a DeployError naming the operation (in its details). sendAws has already
 * explained credentials the SDK could not use: that explanation stays, as REGISTRY_AUTH_FAILED.
 */
function explain(error, operation, code, signal) {
    // Stopped by the caller (a cancel, a deadline): its reason, not an ECR failure.
    if (signal?.aborted || (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbortError */ .zf)(error))
        throw error;
    const cause = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError ? error.cause : error;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const details = `${operation}: ${reason}`;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('REGISTRY_AUTH_FAILED', error.message, { details, cause: error });
    }
    if (error instanceof Error && error.name === 'AccessDeniedException') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('REGISTRY_AUTH_FAILED', `AWS refused ${operation}. Give the role ecr:GetAuthorizationToken, ` +
            'ecr:DescribeRepositories, ecr:CreateRepository and the push permissions.', { details, cause: error });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `${operation} failed.`, { details, cause: error });
}


/***/ }),

/***/ 5037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INDEX_TYPES: () => (/* binding */ INDEX_TYPES),
/* harmony export */   MANIFEST_TYPES: () => (/* binding */ MANIFEST_TYPES),
/* harmony export */   RegistryClient: () => (/* binding */ RegistryClient),
/* harmony export */   RegistryHttpError: () => (/* binding */ RegistryHttpError),
/* harmony export */   RegistryRefusal: () => (/* binding */ RegistryRefusal),
/* harmony export */   parseChallenge: () => (/* binding */ parseChallenge),
/* harmony export */   sha256Digest: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6390);
/* harmony import */ var _runtime_hosts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4087);




/**
 * The OCI distribution API, for what needs no builder: the digest a tag holds (HEAD), and
 * promotion, which copies a manifest or index to a new tag inside the repository (GET + PUT of the
 * same bytes): the layers are already there, nothing is rebuilt or uploaded. Speaks Basic auth
 * (htpasswd registries) and the token flow (GHCR, Docker Hub). Every request goes through the
 * retry helper.
 */
const INDEX_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
];
const MANIFEST_TYPES = [
    ...INDEX_TYPES,
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
/** An answer the retry helper judges by status and Retry-After. */
class RegistryHttpError extends Error {
    status;
    headers;
    constructor(message, status, headers) {
        super(message);
        this.status = status;
        this.headers = headers;
        this.name = 'RegistryHttpError';
    }
}
function sha256Digest(body) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}`;
}
/** Parses `WWW-Authenticate: Bearer realm="...",service="...",scope="..."`. */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/.exec(header);
    if (!match)
        return undefined;
    const scheme = match[1]?.toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    for (const m of (match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g))
        params[m[1]] = m[2];
    return { scheme, params };
}
class RegistryClient {
    endpoint;
    retry;
    base;
    /** Authorization header per scope ("" for Basic, which covers every scope). */
    authorizations = new Map();
    constructor(endpoint, retry = {}) {
        this.endpoint = endpoint;
        this.retry = retry;
        this.base = `${endpoint.insecure ? 'http' : 'https'}://${endpoint.host}`;
    }
    /**
     * The digest and type a tag or digest points at; undefined when it does not exist. Every method
     * takes the caller's signal (a push's deadline); without one, the client's own.
     */
    async headManifest(repository, reference, signal) {
        const { response } = await this.call('HEAD', repository, reference, 'pull', signal);
        if (response.status === 404)
            return undefined;
        const digest = response.headers.get('docker-content-digest');
        // Some registries leave the digest out of HEAD answers: read the manifest and hash it.
        if (!digest)
            return this.getManifest(repository, reference, signal);
        return {
            digest,
            mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '',
            size: Number(response.headers.get('content-length') ?? 0)
        };
    }
    async getManifest(repository, reference, signal) {
        return this.send(`GET manifest ${repository}:${reference}`, signal, async (attemptSignal) => {
            const response = await this.request('GET', repository, reference, 'pull', attemptSignal);
            if (response.status === 404)
                return undefined;
            const body = Buffer.from(await response.arrayBuffer());
            const digest = sha256Digest(body);
            const claimed = response.headers.get('docker-content-digest');
            const mediaType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
            if ((claimed && claimed !== digest) || !MANIFEST_TYPES.includes(mediaType)) {
                throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`the manifest of ${repository}:${reference} arrived damaged`);
            }
            try {
                JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`the manifest of ${repository}:${reference} is not JSON`);
            }
            return { digest, mediaType, size: body.length, body };
        });
    }
    /** Stores the manifest bytes under `reference`; returns the digest the registry reports. */
    async putManifest(repository, reference, manifest, signal) {
        const { response, text } = await this.call('PUT', repository, reference, 'pull,push', signal, {
            body: manifest.body,
            contentType: manifest.mediaType
        });
        if (response.status !== 201 && response.status !== 200) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('PUSH_FAILED', `${this.endpoint.host} refused the tag ${repository}:${reference} (HTTP ${response.status}).`, {
                details: text.slice(0, 2000)
            });
        }
        return response.headers.get('docker-content-digest') ?? manifest.digest;
    }
    /**
     * Gives `toTag` the manifest or index `from` points at: the same bytes, so the same digest. A tag
     * that already holds that digest is left alone.
     */
    async copyTag(repository, from, toTag, signal) {
        const source = await this.getManifest(repository, from, signal);
        if (!source) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('PUSH_FAILED', `Cannot promote ${this.endpoint.host}/${repository}:${from}: it does not exist.`);
        }
        const current = await this.headManifest(repository, toTag, signal);
        if (current?.digest === source.digest)
            return { digest: source.digest, copied: false };
        const stored = await this.putManifest(repository, toTag, source, signal);
        if (stored !== source.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('PUSH_FAILED', `${this.endpoint.host} stored ${repository}:${toTag} as ${stored}, not ${source.digest}.`);
        }
        return { digest: source.digest, copied: true };
    }
    /** One request whose answer is read whole: its text (a refusal's explanation) comes along. */
    async call(method, repository, reference, actions, signal, body) {
        return this.send(`${method} manifest ${repository}:${reference}`, signal, async (attempt) => {
            const response = await this.request(method, repository, reference, actions, attempt, body);
            return { response, text: await response.text() };
        });
    }
    async send(describe, signal, operation) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(operation, {
            describe: `${this.endpoint.host} ${describe}`,
            attemptTimeoutMs: 60_000,
            ...this.retry,
            signal: signal ?? this.retry.signal,
            classify: error => (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError ? { retry: false } : undefined)
        });
    }
    async request(method, repository, reference, actions, signal, body) {
        const url = `${this.base}/v2/${repository}/manifests/${reference}`;
        return this.authorized(method, url, `repository:${repository}:${actions}`, signal, body);
    }
    /** Whether the repository holds the blob (a layer or a config). */
    async hasBlob(repository, digest, signal) {
        const url = `${this.base}/v2/${repository}/blobs/${digest}`;
        return this.send(`HEAD blob ${repository}@${digest}`, signal, async (attempt) => {
            const response = await this.authorized('HEAD', url, `repository:${repository}:pull`, attempt);
            await response.arrayBuffer().catch(() => undefined);
            if (response.status === 404)
                return false;
            if (response.ok)
                return true;
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`${this.endpoint.host} answered HEAD blob with HTTP ${response.status}`);
        });
    }
    /**
     * Uploads one blob in one piece (POST an upload, PUT its bytes with the digest), unless the
     * repository holds it already. `open` gives the bytes, again for each attempt.
     */
    async uploadBlob(repository, blob, signal) {
        if (await this.hasBlob(repository, blob.digest, signal))
            return 'present';
        const scope = `repository:${repository}:pull,push`;
        await this.send(`upload blob ${repository}@${blob.digest}`, signal, async (attempt) => {
            const started = await this.authorized('POST', `${this.base}/v2/${repository}/blobs/uploads/`, scope, attempt);
            const startText = await started.text();
            const location = started.headers.get('location');
            if (started.status !== 202 || !location) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('PUSH_FAILED', `${this.endpoint.host} did not start an upload to ${repository} (HTTP ${started.status}).`, { details: startText.slice(0, 2000) });
            }
            const target = new URL(location, this.base);
            target.searchParams.set('digest', blob.digest);
            const put = await this.authorized('PUT', target.toString(), scope, attempt, {
                body: blob.open,
                contentType: 'application/octet-stream',
                length: blob.size
            });
            const putText = await put.text();
            if (put.status !== 201) {
                throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`${this.endpoint.host} answered the upload of ${blob.digest} with HTTP ${put.status}: ${putText.slice(0, 200)}`);
            }
        });
        return 'uploaded';
    }
    /**
     * Whether the registry lets these credentials (or none) in, asked without changing anything:
     * GET /v2/, logging in the way its challenge asks, for a token service with the push scope of
     * `repository`. A refusal is REGISTRY_AUTH_FAILED naming the registry and the user.
     */
    async checkLogin(repository, signal) {
        const scope = `repository:${repository}:pull,push`;
        await this.send('GET /v2/', signal, async (attempt) => {
            const response = await this.authorized('GET', `${this.base}/v2/`, scope, attempt);
            await response.arrayBuffer().catch(() => undefined);
            if (!response.ok) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('REGISTRY_AUTH_FAILED', `${this.endpoint.host} answered GET /v2/ with HTTP ${response.status}: is it an OCI registry?`);
            }
        });
    }
    /** One request, logging in once when the registry challenges it (401), refused on 401 or 403. */
    async authorized(method, url, scope, signal, body) {
        const attempt = async () => {
            const headers = { accept: MANIFEST_TYPES.join(', ') };
            const authorization = this.authorizations.get(scope) ?? this.authorizations.get('');
            if (authorization)
                headers.authorization = authorization;
            if (body)
                headers['content-type'] = body.contentType;
            if (body?.length !== undefined)
                headers['content-length'] = String(body.length);
            // A stream is opened anew for each attempt: one that was sent cannot be sent again.
            const payload = typeof body?.body === 'function' ? body.body() : body?.body;
            const init = { method, headers, body: payload, signal };
            if (typeof body?.body === 'function')
                init.duplex = 'half';
            return fetch(url, { ...init, redirect: 'follow' });
        };
        let response = await attempt();
        if (response.status === 401) {
            await response.arrayBuffer().catch(() => undefined);
            await this.authorize(parseChallenge(response.headers.get('www-authenticate')), scope, signal);
            response = await attempt();
            if (response.status === 401)
                throw this.rejected(response.status, await answerText(response));
        }
        if (response.status === 403)
            throw this.rejected(response.status, await answerText(response));
        if (response.status === 429 || response.status >= 500) {
            await response.arrayBuffer().catch(() => undefined);
            throw new RegistryHttpError(`${this.endpoint.host} answered HTTP ${response.status}`, response.status, response.headers);
        }
        return response;
    }
    async authorize(challenge, scope, signal) {
        const { username, password } = this.endpoint;
        const basic = username !== undefined && password !== undefined
            ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
            : undefined;
        if (challenge?.scheme === 'basic') {
            if (!basic)
                throw this.rejected(401);
            this.authorizations.set('', basic);
            return;
        }
        const realm = challenge?.params.realm;
        if (!realm)
            throw this.rejected(401);
        const url = new URL(realm);
        // The token service gets the password: never in clear text to another host when the registry
        // itself was reached over TLS.
        if (basic &&
            !this.endpoint.insecure &&
            url.protocol !== 'https:' &&
            !(0,_runtime_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackHost */ .c)(url.host)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('REGISTRY_AUTH_FAILED', `${this.endpoint.host} sends its clients to the token service ${url.origin} over plain ` +
                'HTTP; the credentials were not sent there. The registry must name an https realm.');
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', scope);
        const response = await fetch(url, { headers: basic ? { authorization: basic } : {}, signal });
        if (response.status === 401 || response.status === 403)
            throw this.rejected(response.status, await answerText(response));
        if (response.status === 429 || response.status >= 500) {
            throw new RegistryHttpError(`token service answered HTTP ${response.status}`, response.status, response.headers);
        }
        const answer = (await response.json().catch(() => undefined));
        const token = answer?.token ?? answer?.access_token;
        if (typeof token !== 'string' || token === '') {
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`the token service of ${this.endpoint.host} answered without a token`);
        }
        this.authorizations.set(scope, `Bearer ${token}`);
    }
    rejected(status, answer = '') {
        if (this.endpoint.username === undefined) {
            return new RegistryRefusal(`${this.endpoint.host} asks for credentials and none were given: set registry_username ` +
                'and registry_password.', status, answer);
        }
        const who = this.endpoint.username ? ` of ${this.endpoint.username}` : '';
        return new RegistryRefusal(`${this.endpoint.host} rejected the credentials${who}: check registry_username and ` +
            'registry_password (GHCR: github_token with packages: write; ECR: ecr:* permissions).', status, answer);
    }
}
/**
 * REGISTRY_AUTH_FAILED as the registry (or its token service) answered it: the status, and in the
 * details what it said (GHCR names the missing permission there).
 */
class RegistryRefusal extends _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError {
    status;
    constructor(message, status, answer) {
        const said = status ? `HTTP ${status}${answer ? `: ${answer}` : ''}` : undefined;
        super('REGISTRY_AUTH_FAILED', message, said ? { details: said } : {});
        this.status = status;
        this.name = 'RegistryRefusal';
    }
}
/** The first part of a refusal's body: a registry's reason, never a whole HTML page. */
async function answerText(response) {
    const text = await response.text().catch(() => '');
    return text.trim().slice(0, 500);
}


/***/ }),

/***/ 7293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   forgetEcrCredentials: () => (/* binding */ forgetEcrCredentials),
/* harmony export */   imageTarget: () => (/* binding */ imageTarget),
/* harmony export */   progress: () => (/* binding */ progress),
/* harmony export */   pullCredentials: () => (/* binding */ pullCredentials),
/* harmony export */   registryCredentials: () => (/* binding */ registryCredentials),
/* harmony export */   serviceSettings: () => (/* binding */ serviceSettings)
/* harmony export */ });
/* harmony import */ var _clients_ecr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9874);
/* harmony import */ var _clients_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5037);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _runtime_hosts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4087);




function serviceSettings(ctx, name) {
    const service = ctx.settings.services.find(s => s.name === name);
    if (!service)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError('INVALID_INPUT', `The plan names service '${name}', which the settings lack.`);
    return service;
}
function imageTarget(ctx, planned) {
    const session = ctx.state.registries;
    let target = session.targets.get(planned.name);
    if (!target) {
        target = resolveTarget(ctx, session, planned);
        session.targets.set(planned.name, target);
        // A failed resolution (expired token) may be tried again with fresh credentials.
        target.catch(() => session.targets.delete(planned.name));
    }
    return target;
}
/** Drops the cached ECR token and targets, so the next look asks for a fresh token. */
function forgetEcrCredentials(ctx) {
    const session = ctx.state.registries;
    session.ecrAuth = undefined;
    for (const service of ctx.plan.services) {
        if (service.image?.registry === 'ecr')
            session.targets.delete(service.name);
    }
}
async function resolveTarget(ctx, session, planned) {
    const image = planned.image;
    const settings = serviceSettings(ctx, planned.name).registry;
    let endpoint;
    let immutable = false;
    if (image.registry === 'ecr') {
        const auth = await ecrCredentials(ctx, session);
        endpoint = {
            host: auth.host,
            insecure: auth.insecure || (0,_runtime_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackHost */ .c)(auth.host),
            username: auth.username,
            password: auth.password
        };
        session.ecr ??= (0,_clients_ecr_js__WEBPACK_IMPORTED_MODULE_0__.createEcrClient)();
        const repository = await (0,_clients_ecr_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureEcrRepository */ .l)(await session.ecr, image.repository, {
            create: image.action === 'build',
            signal: ctx.signal
        });
        if (repository.created)
            progress(ctx, planned.name, `created ECR repository ${image.repository} (scan on push)`);
        immutable = repository.immutable;
    }
    else {
        const host = image.host || settings.host;
        endpoint = {
            host,
            insecure: settings.insecure || (0,_runtime_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackHost */ .c)(host),
            ...registryCredentials(ctx.settings, image)
        };
    }
    return {
        service: planned.name,
        image,
        host: endpoint.host,
        repository: image.registry === 'ghcr' ? image.repository.toLowerCase() : image.repository,
        tag: image.tag,
        endpoint,
        // The run's signal by default; PUSH passes each call its push's deadline.
        client: new _clients_registry_js__WEBPACK_IMPORTED_MODULE_1__.RegistryClient(endpoint, { signal: ctx.signal }),
        immutable
    };
}
/**
 * What a cluster needs to pull the service's image: the same registry and login the push used
 * (for ECR, the run's one authorization token), for an image pull secret.
 */
async function pullCredentials(ctx, planned) {
    if (!planned.image) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError('DEPLOY_FAILED', `${planned.name} has no image to pull`);
    }
    const target = await imageTarget(ctx, { ...planned, image: planned.image });
    return {
        host: target.host,
        username: target.endpoint.username,
        password: target.endpoint.password
    };
}
/** The credentials a push to a GHCR or other (not ECR) registry uses; none for an open registry. */
function registryCredentials(settings, image) {
    if (image.registry === 'ghcr') {
        const token = settings.githubToken;
        if (!token) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError('REGISTRY_AUTH_FAILED', 'Pushing to GHCR needs github_token (with packages: write permission).');
        }
        return { username: settings.context.actor || 'x-access-token', password: token };
    }
    const { registryUsername: username, registryPassword: password } = settings.images;
    if (username && password)
        return { username, password };
    return {};
}
/**
 * One ECR token per run. A token that is already expired when it arrives (a skewed clock, a stale
 * cache in a proxy) is refused like one the registry rejects: the caller's one fresh-token retry
 * covers both.
 */
async function ecrCredentials(ctx, session) {
    session.ecr ??= (0,_clients_ecr_js__WEBPACK_IMPORTED_MODULE_0__.createEcrClient)();
    const client = session.ecr;
    session.ecrAuth ??= client.then(ecr => (0,_clients_ecr_js__WEBPACK_IMPORTED_MODULE_0__.ecrAuthorization)(ecr, { signal: ctx.signal }));
    const auth = await session.ecrAuth.catch((error) => {
        session.ecrAuth = undefined;
        throw error;
    });
    ctx.core.setSecret(auth.password);
    if (auth.expiresAt && auth.expiresAt.getTime() <= Date.now() + 60_000) {
        session.ecrAuth = undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.DeployError('REGISTRY_AUTH_FAILED', `ECR handed out an authorization token that expired at ${auth.expiresAt.toISOString()}: ` +
            'check the runner clock and the AWS credentials.');
    }
    return auth;
}
function progress(ctx, service, message, stage = 'BUILD') {
    ctx.bus.emit({ type: 'progress', stage, service, message });
}


/***/ })

};

//# sourceMappingURL=7293.index.js.map