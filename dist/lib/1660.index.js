export const id = 1660;
export const ids = [1660];
export const modules = {

/***/ 1660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SW: () => (/* binding */ explainArgoCdError),
/* harmony export */   XR: () => (/* binding */ ArgoCdApiError),
/* harmony export */   createArgoCdClient: () => (/* binding */ createArgoCdClient),
/* harmony export */   iT: () => (/* binding */ isOperationInProgress)
/* harmony export */ });
/* unused harmony export ArgoCdStreamError */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7934);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6390);




/** A non-2xx answer. `status` and `headers` are where classifyError looks for them. */
class ArgoCdApiError extends Error {
    status;
    headers;
    grpcCode;
    constructor(describe, status, headers, body) {
        const fields = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(body);
        // A stream refused before its first frame answers {"error": {grpc_code, message}} instead.
        const nested = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(fields.error);
        const text = [fields.message, fields.error, nested.message].find(v => typeof v === 'string' && v);
        super(`${describe} answered HTTP ${status}${text ? `: ${text}` : ''}`);
        this.name = 'ArgoCdApiError';
        this.status = status;
        this.headers = headers;
        const code = fields.code ?? nested.grpc_code;
        this.grpcCode = typeof code === 'number' ? code : undefined;
    }
}
/** The watch stream broke: the connection dropped, Argo CD sent an error, or a line was garbage. */
class ArgoCdStreamError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ArgoCdStreamError';
    }
}
/** Opening the stream is retried briefly: the wait goes on by polling if it will not open. */
const WATCH_OPEN_ATTEMPTS = 3;
/** Argo CD refuses a second operation with FailedPrecondition (400), some proxies say 409. */
function isOperationInProgress(error) {
    return (error instanceof ArgoCdApiError &&
        (error.status === 400 || error.status === 409) &&
        /another operation is already in progress/i.test(error.message));
}
const applicationShape = valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    metadata: valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ name: valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }),
    spec: valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({})
});
function createArgoCdClient(options) {
    // fetch refuses such a URL with an error that repeats it, password and all: stop before that.
    const parsed = URL.canParse(options.server) ? new URL(options.server) : undefined;
    if (parsed?.username || parsed?.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('INVALID_INPUT', `the Argo CD server URL (${shownServer(options.server)}) holds a user name or password; ` +
            'give it without them: the API token goes in argocd_token');
    }
    const base = options.server.replace(/\/+$/, '');
    const app = options.app;
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__.Agent({ connect: { rejectUnauthorized: !options.insecure } });
    const scope = {};
    if (options.project)
        scope.project = options.project;
    if (options.appNamespace)
        scope.appNamespace = options.appNamespace;
    const appPath = `/api/v1/applications/${encodeURIComponent(app)}`;
    async function call(method, path, body, signal, query = scope) {
        const describe = `Argo CD ${method} ${path}`;
        const url = new URL(base + path);
        for (const [key, value] of Object.entries(query))
            url.searchParams.set(key, value);
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.fetch)(url, {
            method,
            dispatcher: agent,
            signal,
            headers: {
                authorization: `Bearer ${options.token}`,
                accept: 'application/json',
                ...(body === undefined ? {} : { 'content-type': 'application/json' })
            },
            body: body === undefined ? undefined : JSON.stringify(body)
        }).catch((error) => {
            throw explainTlsError(error, options.server) ?? error;
        });
        const text = await response.text();
        let parsed;
        try {
            parsed = text ? JSON.parse(text) : {};
        }
        catch {
            // A proxy's HTML error page or a cut-off answer: worth another attempt, never a crash.
            if (!response.ok)
                throw new ArgoCdApiError(describe, response.status, response.headers, {});
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`${describe} answered with malformed JSON`);
        }
        if (!response.ok)
            throw new ArgoCdApiError(describe, response.status, response.headers, parsed);
        return parsed;
    }
    function application(value, describe) {
        if (!valibot__WEBPACK_IMPORTED_MODULE_3__.is(applicationShape, value)) {
            throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(`${describe} answered without an application`);
        }
        return value;
    }
    function retried(describe, operation) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(operation, {
            describe,
            signal: options.signal,
            onRetry: options.onRetry,
            ...options.retry
        }).catch((error) => {
            throw explainArgoCdError(error, options);
        });
    }
    const client = {
        app,
        getApplication: () => retried(`Argo CD GET application ${app}`, signal => client.readApplication(signal)),
        readApplication: async (signal) => application(await call('GET', appPath, undefined, signal), `Argo CD GET ${appPath}`),
        updateSpec: async (spec) => {
            await retried(`Argo CD PUT application ${app} spec`, signal => call('PUT', `${appPath}/spec`, spec, signal));
        },
        requestSync: async (sync, signal) => {
            const body = {
                name: app,
                prune: sync.prune,
                ...(sync.syncOptions.length ? { syncOptions: { items: [...sync.syncOptions] } } : {}),
                ...scope
            };
            const answer = await call('POST', `${appPath}/sync`, body, signal, {});
            return application(answer, `Argo CD POST ${appPath}/sync`);
        },
        terminateOperation: async () => {
            await retried(`Argo CD DELETE application ${app} operation`, signal => call('DELETE', `${appPath}/operation`, undefined, signal));
        },
        requestRollback: async (id, prune, signal) => {
            const body = { name: app, id, prune, ...scope };
            const answer = await call('POST', `${appPath}/rollback`, body, signal, {}).catch((error) => {
                throw explainRollbackError(error, options, id);
            });
            return application(answer, `Argo CD POST ${appPath}/rollback`);
        },
        watchApplication: ({ signal, resourceVersion, openTimeoutMs }) => {
            const path = '/api/v1/stream/applications';
            const describe = `Argo CD GET ${path}`;
            const url = new URL(base + path);
            url.searchParams.set('name', app);
            if (options.appNamespace)
                url.searchParams.set('appNamespace', options.appNamespace);
            if (options.project)
                url.searchParams.set('projects', options.project);
            if (resourceVersion)
                url.searchParams.set('resourceVersion', resourceVersion);
            return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(async (attemptSignal) => {
                // The attempt's signal outlives the attempt only as the caller's: the stream ends with
                // it, or with close().
                const closer = new AbortController();
                const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.fetch)(url, {
                    dispatcher: agent,
                    signal: AbortSignal.any([attemptSignal, closer.signal]),
                    headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' }
                }).catch((error) => {
                    throw explainTlsError(error, options.server) ?? error;
                });
                if (!response.ok || !response.body) {
                    const text = await response.text().catch(() => '');
                    throw new ArgoCdApiError(describe, response.status, response.headers, parseOr(text));
                }
                return applicationWatch(response.body, closer, describe);
            }, {
                describe,
                signal,
                onRetry: options.onRetry,
                attempts: WATCH_OPEN_ATTEMPTS,
                baseDelayMs: options.retry?.baseDelayMs,
                attemptTimeoutMs: openTimeoutMs ?? options.retry?.attemptTimeoutMs,
                // Argo CD sends the head with the first frame, at once for a named app: a stream not
                // open in time is one a proxy holds back, and trying again only delays the polling.
                classify: error => (error instanceof _runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .AttemptTimeoutError */ .dU ? { retry: false } : undefined)
            });
        },
        close: () => agent.close()
    };
    return client;
}
/** Reads newline-delimited frames off the stream's body, one event at a time. */
function applicationWatch(body, closer, describe) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    let ended = false;
    const read = async () => {
        try {
            const { done, value } = await reader.read();
            if (done) {
                ended = true;
                buffered += decoder.decode();
            }
            else {
                buffered += decoder.decode(value, { stream: true });
            }
        }
        catch (error) {
            if (closer.signal.aborted)
                throw error;
            const cause = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(error).cause).message;
            const reason = [(0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(error).message, cause].filter(Boolean).join(': ');
            throw new ArgoCdStreamError(`the connection dropped (${reason || String(error)})`, {
                cause: error
            });
        }
    };
    return {
        next: async () => {
            for (;;) {
                const newline = buffered.indexOf('\n');
                const line = newline >= 0 ? buffered.slice(0, newline) : ended ? buffered : undefined;
                if (line !== undefined) {
                    buffered = newline >= 0 ? buffered.slice(newline + 1) : '';
                    if (line.trim())
                        return watchEvent(line, describe);
                    if (ended && !buffered)
                        return undefined;
                    continue;
                }
                await read();
            }
        },
        close: () => {
            closer.abort();
            reader.cancel().catch(() => undefined);
        }
    };
}
function watchEvent(line, describe) {
    const frame = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(parseOr(line, undefined));
    const error = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(frame.error);
    if (frame.error !== undefined) {
        const message = typeof error.message === 'string' ? error.message : 'no message';
        throw new ArgoCdStreamError(`Argo CD sent an error on the stream: ${message}`);
    }
    const result = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .asRecord */ .qY)(frame.result);
    if (typeof result.type !== 'string' || !valibot__WEBPACK_IMPORTED_MODULE_3__.is(applicationShape, result.application)) {
        throw new ArgoCdStreamError(`${describe} sent a line that is not an application event`);
    }
    return { type: result.type, application: result.application };
}
function parseOr(text, fallback = {}) {
    try {
        return JSON.parse(text);
    }
    catch {
        return fallback;
    }
}
const TLS_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID'
]);
/** A certificate problem is not worth retrying: it needs a CA, a fixed certificate or `insecure`. */
function explainTlsError(error, server) {
    const code = error?.cause?.code;
    if (typeof code !== 'string' || !TLS_CODES.has(code))
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `the TLS certificate of ${shownServer(server)} is not trusted (${code}): give the runner its CA ` +
        '(NODE_EXTRA_CA_CERTS) or, for a self-signed server, set argocd_insecure: true', { cause: error });
}
/**
 * The server as messages show it: its origin, never a user name or password written into the URL
 * (nor a path prefix, which says nothing a user needs to find the server).
 */
function shownServer(server) {
    try {
        return new URL(server).origin;
    }
    catch {
        return 'the Argo CD server';
    }
}
/** Turns the answers a user can act on into DeployErrors that say what to do. */
function explainArgoCdError(error, where) {
    if (!(error instanceof ArgoCdApiError))
        return error;
    const app = `Argo CD application '${where.app}'`;
    if (error.status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `${shownServer(where.server)} rejected the Argo CD token (HTTP 401): check that argocd_token holds a ` +
            'valid, unexpired API token for an account with access to the application.', { cause: error, details: error.message });
    }
    if (error.status === 403) {
        // Argo CD answers 403 both for "no such app" and for "may not see it" when no project is named.
        const project = where.project;
        const scope = project ? ` (project '${project}')` : '';
        const rule = project ? ` (p, <role>, applications, get, ${project}/${where.app}, allow)` : '';
        const hint = project
            ? ''
            : '; or, if it may not exist, set project so that a missing application answers 404';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `${app}${scope} on ${shownServer(where.server)} is not accessible with this token ` +
            `(HTTP 403): give the token's account get, update and sync on it in Argo CD RBAC${rule}${hint}.`, { cause: error, details: error.message });
    }
    if (error.status === 404) {
        const scope = where.project ? ` in project '${where.project}'` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `${app} does not exist${scope} on ${shownServer(where.server)}: check app, project and app_namespace.`, { cause: error, details: error.message });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', error.message, { cause: error });
}
/**
 * A rollback the server did not route (404, 405, 501) failed in front of Argo CD's rollback, not
 * because the app is missing: we read the app a moment before. Say so, and how to finish by hand.
 */
function explainRollbackError(error, where, id) {
    if (!(error instanceof ArgoCdApiError) || ![404, 405, 501].includes(error.status))
        return error;
    const byHand = `roll back by hand: argocd app rollback ${where.app} ${id}`;
    const why = error.status === 404
        ? 'a proxy in front of Argo CD does not pass the rollback call on, or the application was deleted meanwhile'
        : "the server, or a proxy in front of it, does not take POST on Argo CD's rollback endpoint";
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('DEPLOY_FAILED', `${shownServer(where.server)} did not carry out the rollback of '${where.app}' to history ${id} (${error.message}): ${why}; ${byHand}`, { cause: error, details: error.message });
}


/***/ })

};

//# sourceMappingURL=1660.index.js.map