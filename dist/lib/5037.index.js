export const id = 5037;
export const ids = [5037];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=5037.index.js.map