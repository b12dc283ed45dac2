export const id = 4639;
export const ids = [4639,1660];
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


/***/ }),

/***/ 4639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy),
  imageChange: () => (/* binding */ imageChange)
});

// EXTERNAL MODULE: ./src/clients/argocd.ts
var argocd = __webpack_require__(1660);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
// EXTERNAL MODULE: ./src/runtime/deadline.ts
var deadline = __webpack_require__(4506);
;// CONCATENATED MODULE: ./src/targets/argocd-follow.ts




/**
 * The settings keep poll_interval at 1 s or more; tests poll faster, and a stream quiet for less
 * than a second says nothing about whether it is broken.
 */
const QUIET_FLOOR_MS = 1000;
/** Streams in a row that broke before their first frame, after which polling is all there is. */
const BARREN_STREAMS = 3;
const RECHECK = Symbol('recheck');
/** A timer of the stream session ran out: no frame for a while, or time to judge again. */
class Quiet extends Error {
    recheck;
    constructor(recheck) {
        super(recheck ? 'time to judge again' : 'no frame');
        this.recheck = recheck;
    }
}
async function followApplication(options) {
    const now = options.now ?? Date.now;
    const quietMs = Math.max(options.intervalMs, QUIET_FLOOR_MS);
    const every = (0,follow/* formatDuration */.a3)(options.intervalMs);
    let lastProgress;
    let lastFallback;
    let resourceVersion;
    let streaming = true;
    let barren = 0;
    let unsteady = 0;
    const say = (progress) => {
        if (progress === lastProgress)
            return;
        lastProgress = progress;
        options.onProgress(progress);
    };
    const fallBack = (message) => {
        if (message === lastFallback)
            return;
        lastFallback = message;
        options.onFallback(message);
    };
    const judge = (app) => {
        if (app.metadata.resourceVersion)
            resourceVersion = app.metadata.resourceVersion;
        const verdict = options.judge(app, now());
        if (!verdict.done)
            say(verdict.progress);
        return verdict;
    };
    /** One stream, from opening to the end, a break, or the deadline. */
    const watchOnce = async (signal) => {
        const openedAt = now();
        let watch;
        try {
            watch = await options.client.watchApplication({
                signal,
                resourceVersion,
                openTimeoutMs: quietMs
            });
        }
        catch (error) {
            if (signal.aborted)
                throw error;
            if (refusesToStream(error))
                return { kind: 'unavailable', reason: reasonOf(error) };
            return { kind: 'broken', reason: reasonOf(error), openedAt, frames: 0 };
        }
        let frames = 0;
        let last;
        let recheckAt;
        // Read ahead, and never left unhandled: the session may end with a read still pending.
        const read = () => {
            const promise = watch.next();
            promise.catch(() => undefined);
            return promise;
        };
        let next = read();
        /** The next frame; RECHECK when the verdict's own time comes first; Quiet when nothing does. */
        const nextFrame = async () => {
            const recheckInMs = recheckAt === undefined ? Infinity : recheckAt - now();
            const pending = next;
            try {
                return await (0,deadline/* withDeadline */.NE)(signal, Math.max(0, Math.min(quietMs, recheckInMs)), () => new Quiet(recheckInMs < quietMs), () => pending);
            }
            catch (error) {
                if (error instanceof Quiet && error.recheck)
                    return RECHECK;
                throw error;
            }
        };
        try {
            for (;;) {
                const event = await nextFrame();
                if (event === RECHECK) {
                    recheckAt = undefined;
                }
                else if (!event) {
                    return { kind: 'broken', reason: 'Argo CD ended the stream', openedAt, frames };
                }
                else {
                    frames++;
                    next = read();
                    if (event.type === 'DELETED') {
                        throw new errors.DeployError('DEPLOY_FAILED', `Argo CD application '${event.application.metadata.name}' was deleted while the deploy waited for it`);
                    }
                    last = event.application;
                }
                if (!last)
                    continue;
                const verdict = judge(last);
                if (verdict.done)
                    return { kind: 'done', value: verdict.value };
                recheckAt = verdict.recheckAt;
            }
        }
        catch (error) {
            if (signal.aborted || error instanceof errors.DeployError)
                throw error;
            const reason = error instanceof Quiet ? `no frame for ${(0,follow/* formatDuration */.a3)(quietMs)}` : reasonOf(error);
            return { kind: 'broken', reason, openedAt, frames };
        }
        finally {
            watch.close();
        }
    };
    /** Looks through the follower until the end, or until `resumeAt` when the stream may resume. */
    const poll = async (signal, resumeAt) => {
        const { value } = await (0,follow/* follow */.e6)({
            describe: options.describe,
            intervalMs: options.intervalMs,
            // The wait's own deadline ends it (and says TIMEOUT): the follower is only its looks.
            timeoutMs: Infinity,
            signal,
            onRetry: options.onRetry,
            sleep: options.sleep,
            now: options.now,
            look: async (lookSignal) => {
                const verdict = judge(await options.client.readApplication(lookSignal));
                if (verdict.done)
                    return { done: true, value: { value: verdict.value } };
                if (resumeAt !== undefined && now() >= resumeAt)
                    return { done: true, value: undefined };
                return { done: false };
            }
        });
        return value;
    };
    const timedOut = () => new errors.DeployError('TIMEOUT', `${options.describe} did not finish within ${(0,follow/* formatDuration */.a3)(options.timeoutMs)}`);
    try {
        return await (0,deadline/* withDeadline */.NE)(options.signal, options.timeoutMs, timedOut, async (signal) => {
            for (;;) {
                let resumeAt;
                if (streaming) {
                    const session = await watchOnce(signal);
                    if (session.kind === 'done')
                        return session.value;
                    if (session.kind === 'unavailable') {
                        streaming = false;
                        fallBack(`no watch stream (${session.reason}); looking every ${every}`);
                    }
                    else {
                        barren = session.frames ? 0 : barren + 1;
                        if (barren >= BARREN_STREAMS) {
                            streaming = false;
                            fallBack(`the watch stream broke ${BARREN_STREAMS} times before its first frame (${session.reason}); looking every ${every}`);
                        }
                        else {
                            fallBack(`the watch stream broke (${session.reason}); looking at the app until it is open again`);
                        }
                        // Opened again right after one look, unless the stream before this one broke
                        // early too: then after an interval of looks, so a stream that keeps breaking
                        // costs no more than polling does.
                        const early = !session.frames || now() - session.openedAt < QUIET_FLOOR_MS;
                        unsteady = early ? unsteady + 1 : 0;
                        resumeAt = unsteady <= 1 ? now() : now() + options.intervalMs;
                    }
                }
                const polled = await poll(signal, streaming ? resumeAt : undefined);
                if (polled)
                    return polled.value;
            }
        }, 
        // Never abandoned: the session closes its stream and the follower stops at its next look.
        { graceMs: Infinity });
    }
    catch (error) {
        throw (0,follow/* waitEnded */.uG)(error, options.signal, options.describe);
    }
}
/** An answer that says this server will not stream, as opposed to a blip worth another try. */
function refusesToStream(error) {
    if (error instanceof errors.DeployError)
        return true; // a certificate the runner does not trust
    if (!(error instanceof argocd/* ArgoCdApiError */.XR))
        return false;
    return error.status < 500 && error.status !== 408 && error.status !== 429;
}
function reasonOf(error) {
    if ((0,errors/* isAbortError */.zf)(error))
        return 'aborted';
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/targets/argocd-image.ts

/** registry/repo:tag@sha256:... -> registry/repo (a registry port is not a tag). */
function repositoryOf(imageUri) {
    const withoutDigest = imageUri.split('@')[0] ?? imageUri;
    const lastSlash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}
/** Returns a new spec with the image set in the chosen source; the input is not modified. */
function setImage(spec, change, choice) {
    const next = structuredClone(spec);
    const { source, label } = chooseSource(next, change, choice);
    if (change.kind === 'helm') {
        source.helm ??= {};
        let parameters = source.helm.parameters ?? [];
        const before = JSON.stringify(parameters);
        // forceString: a tag such as 20261121 or 1.10 must reach the chart as text, not a number.
        parameters = upsertParameter(parameters, change.parameter, change.tag);
        const settings = [`${change.parameter}=${change.tag}`];
        if (change.repositoryParameter && change.repository) {
            parameters = upsertParameter(parameters, change.repositoryParameter, change.repository);
            settings.push(`${change.repositoryParameter}=${change.repository}`);
        }
        source.helm.parameters = parameters;
        return {
            spec: next,
            changed: JSON.stringify(parameters) !== before,
            description: `Helm ${settings.join(', ')} in ${label}`
        };
    }
    source.kustomize ??= {};
    const images = source.kustomize.images ?? [];
    const override = change.repository
        ? `${change.image}=${change.repository}:${change.tag}`
        : `${change.image}:${change.tag}`;
    const index = images.findIndex(entry => kustomizeImageName(entry) === change.image);
    const updated = index >= 0 ? images.map((e, i) => (i === index ? override : e)) : [...images, override];
    source.kustomize.images = updated;
    return {
        spec: next,
        changed: JSON.stringify(updated) !== JSON.stringify(images),
        description: `Kustomize image ${override} in ${label}`
    };
}
function upsertParameter(list, name, value) {
    const index = list.findIndex(p => p.name === name);
    const parameter = { name, value, forceString: true };
    if (index < 0)
        return [...list, parameter];
    const current = list[index];
    if (current?.value === value && current.forceString)
        return list;
    return list.map((p, i) => (i === index ? { ...p, value, forceString: true } : p));
}
/** "name=new:tag", "name:tag", "name@sha256:..." -> name (a registry port stays in the name). */
function kustomizeImageName(entry) {
    const equals = entry.indexOf('=');
    if (equals >= 0)
        return entry.slice(0, equals);
    return repositoryOf(entry);
}
function chooseSource(spec, change, choice) {
    const sources = spec.sources;
    if (!sources?.length) {
        if (!spec.source) {
            throw new errors.DeployError('DEPLOY_FAILED', 'the Argo CD application has no source to set the image in');
        }
        return { source: spec.source, label: 'the source' };
    }
    if (choice.sourceName !== undefined) {
        const index = sources.findIndex(s => s.name === choice.sourceName);
        const source = sources[index];
        if (!source) {
            throw new errors.DeployError('INVALID_INPUT', `source_name '${choice.sourceName}' matches none of the application's sources ` +
                `(${describeSources(sources)})`);
        }
        return { source, label: `source '${choice.sourceName}'` };
    }
    if (choice.sourceIndex !== undefined) {
        const source = sources[choice.sourceIndex];
        if (!source) {
            throw new errors.DeployError('INVALID_INPUT', `source_index ${choice.sourceIndex} is out of range: the application has ${sources.length} sources`);
        }
        return { source, label: `source ${choice.sourceIndex}` };
    }
    // Without a choice, the one source that already carries the setting is the obvious one.
    const carriers = sources
        .map((source, index) => ({ source, index }))
        .filter(({ source }) => change.kind === 'helm'
        ? source.helm?.parameters?.some(p => p.name === change.parameter)
        : source.kustomize?.images?.some(e => kustomizeImageName(e) === change.image));
    if (carriers.length === 1 && carriers[0]) {
        return { source: carriers[0].source, label: `source ${carriers[0].index}` };
    }
    if (sources.length === 1 && sources[0])
        return { source: sources[0], label: 'source 0' };
    throw new errors.DeployError('INVALID_INPUT', `the Argo CD application has ${sources.length} sources (${describeSources(sources)}); ` +
        'set source_index or source_name to say which one takes the image');
}
function describeSources(sources) {
    return sources
        .map((s, i) => `${i}: ${s.name ? `'${s.name}' ` : ''}${s.chart ?? s.path ?? s.repoURL ?? '?'}`)
        .join(', ');
}
/** Why a change we make may not last: auto-sync, or a parent app or ApplicationSet that owns it. */
function ownershipWarnings(app) {
    const name = app.metadata.name;
    const warnings = [];
    const automated = app.spec.syncPolicy?.automated;
    if (automated && automated.enabled !== false) {
        warnings.push(`Argo CD application '${name}' is auto-synced: it may start its own sync of the change ` +
            `before ours${automated.selfHeal ? ' and self-heal reverts manual changes' : ''}.`);
    }
    const owners = (app.metadata.ownerReferences ?? []).map(o => `${o.kind} '${o.name}'`);
    const trackingId = app.metadata.annotations?.['argocd.argoproj.io/tracking-id'];
    const parent = trackingId?.split(':')[0] || app.metadata.labels?.['app.kubernetes.io/instance'];
    if (parent && parent !== name)
        owners.push(`parent application '${parent}'`);
    if (owners.length) {
        warnings.push(`Argo CD application '${name}' is managed by ${owners.join(' and ')}, which may revert the ` +
            'image change; set the image in its source of truth for a lasting change.');
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/targets/argocd-health.ts

/**
 * Pure Argo CD logic, testable without a network: the judgement of whether an application has
 * truly finished deploying our change, and what to say when it has not.
 */
/** An operation is under way: requested and not yet finished, or still running or terminating. */
function operationRunning(app) {
    const phase = app.status?.operationState?.phase;
    return app.operation !== undefined || phase === 'Running' || phase === 'Terminating';
}
function baselineOf(app) {
    const history = app.status?.history ?? [];
    const last = history.at(-1);
    return {
        operation: fingerprint(app.status?.operationState),
        historyId: last?.id ?? 0,
        historyEntry: last
            ? { id: last.id, revision: last.revision ?? last.revisions?.join(',') }
            : undefined
    };
}
function fingerprint(state) {
    if (!state)
        return undefined;
    return JSON.stringify([state.startedAt, state.finishedAt, state.phase, state.message]);
}
/** Whether the operation on the application now is a newer one than the baseline's. */
function isNewOperation(app, baseline) {
    const state = app.status?.operationState;
    if (!state)
        return false;
    const newestHistory = app.status?.history?.at(-1)?.id ?? 0;
    return fingerprint(state) !== baseline.operation || newestHistory > baseline.historyId;
}
/**
 * The verdict on one look after our sync was accepted. Done only when our operation finished
 * Succeeded, the app was reconciled after it, sync is Synced, health is Healthy and the images
 * include the new tag. `degradedSince` carries the first look that saw Degraded (ms, injected
 * clock), so a transient Degraded during a rollout is tolerated for the grace period.
 */
function judgeApplication(app, baseline, expectation, now, degradedSince) {
    const name = app.metadata.name;
    const status = app.status ?? {};
    const state = status.operationState;
    const sync = status.sync?.status ?? 'Unknown';
    const health = status.health?.status ?? 'Unknown';
    const progressing = healthLines(app, 'Progressing');
    const data = {
        app: name,
        operation: state?.phase,
        sync,
        health,
        progressing
    };
    const waiting = (progress, since = undefined) => ({
        kind: 'waiting',
        progress: `${name}: ${progress}`,
        data,
        degradedSince: since
    });
    if (!state || !isNewOperation(app, baseline))
        return waiting('waiting for Argo CD to start the sync');
    if (state.phase === 'Failed' || state.phase === 'Error') {
        return {
            kind: 'failed',
            code: 'DEPLOY_FAILED',
            message: `Argo CD sync of '${name}' ended ${state.phase}: ${state.message ?? 'no message'}`,
            details: failingResources(app).join('\n')
        };
    }
    if (app.operation || state.phase === 'Running' || state.phase === 'Terminating') {
        return waiting(`sync ${state.phase}, ${sync}, ${health}${describeProgressing(progressing)}`);
    }
    if (!reconciledAfter(status.reconciledAt, state.finishedAt)) {
        return waiting(`sync ${state.phase}, waiting for Argo CD to reconcile after it`);
    }
    // Health before the reconciliation describes the old state; only now does Degraded count.
    if (health === 'Degraded') {
        const since = degradedSince ?? now;
        if (now - since >= expectation.degradedGraceMs) {
            const degraded = healthLines(app, 'Degraded');
            return {
                kind: 'failed',
                code: 'HEALTH_CHECK_FAILED',
                message: `Argo CD application '${name}' stayed Degraded for ${Math.round((now - since) / 1000)} s ` +
                    `after the sync${status.health?.message ? `: ${status.health.message}` : ''}`,
                details: (degraded.length ? degraded : failingResources(app)).join('\n')
            };
        }
        return waiting(`Degraded (${withHealth(app, 'Degraded').map(describeResource).join(', ') || 'no resource reported'}), within the grace period`, since);
    }
    if (sync !== 'Synced')
        return waiting(`sync ${state.phase}, ${sync}, ${health}`);
    if (health !== 'Healthy')
        return waiting(`Synced, ${health}${describeProgressing(progressing)}`);
    const images = status.summary?.images ?? [];
    if (expectation.imageTag !== undefined &&
        !images.some(image => hasTag(image, expectation.imageTag ?? ''))) {
        return waiting(`Synced and Healthy, images not yet at ${expectation.imageTag} (${images.join(', ') || 'none'})`);
    }
    const revision = state.syncResult?.revision || state.syncResult?.revisions?.join(',') || status.sync?.revision;
    return { kind: 'healthy', revision, externalUrl: status.summary?.externalURLs?.[0] };
}
/** As `argocd app wait` does: a status reconciled in the same second as the finish counts. */
function reconciledAfter(reconciledAt, finishedAt) {
    if (!reconciledAt)
        return false;
    if (!finishedAt)
        return true;
    return Date.parse(reconciledAt) >= Date.parse(finishedAt);
}
function hasTag(image, tag) {
    const withoutDigest = image.split('@')[0] ?? image;
    return withoutDigest !== repositoryOf(withoutDigest) && withoutDigest.endsWith(`:${tag}`);
}
function withHealth(app, health) {
    return (app.status?.resources ?? []).filter(r => r.health?.status === health);
}
/** "Deployment/chef/webui: readiness probe failed" for each resource in that health. */
function healthLines(app, health) {
    return withHealth(app, health).map(r => describeResource(r) + (r.health?.message ? `: ${r.health.message}` : ''));
}
function describeProgressing(progressing) {
    return progressing.length
        ? `, progressing: ${progressing.length} (${progressing.slice(0, 3).join('; ')})`
        : '';
}
function describeResource(r) {
    return `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}
/** Resources the operation failed on, then unhealthy ones, each with Argo CD's message. */
function failingResources(app) {
    const results = app.status?.operationState?.syncResult?.resources ?? [];
    const failed = results
        .filter(r => (r.status !== undefined && !['Synced', 'PruneSkipped', 'Pruned'].includes(r.status)) ||
        r.hookPhase === 'Failed' ||
        r.hookPhase === 'Error')
        .map(r => {
        const hookFailed = r.hookPhase === 'Failed' || r.hookPhase === 'Error';
        const outcome = hookFailed ? `hook ${r.hookPhase}` : r.status;
        return `${describeResource(r)} ${outcome}: ${r.message ?? 'no message'}`;
    });
    const unhealthy = healthLines(app, 'Degraded').map(line => `${line} (Degraded)`);
    const missing = healthLines(app, 'Missing').map(line => `${line} (Missing)`);
    return [...failed, ...unhealthy, ...missing];
}

;// CONCATENATED MODULE: ./src/targets/argocd.ts







/**
 * Deploys one service through Argo CD: point the application at the new image, sync it, and
 * follow it until our own operation has finished and the app is Synced, Healthy and running the
 * new tag. The order of several apps (depends_on) is the deploy phase's business.
 */
const deploy = async (request, context) => {
    const { target } = request;
    const token = request.settings.deploy.argocdToken;
    if (!target.server) {
        throw new errors.DeployError('INVALID_INPUT', `no Argo CD server for application '${target.app}'`);
    }
    if (!token) {
        throw new errors.DeployError('INVALID_INPUT', `argocd_token is empty: deploying '${target.app}' needs an Argo CD API token`);
    }
    const clientOptions = {
        server: target.server,
        token,
        insecure: target.insecure,
        app: target.app,
        project: target.project,
        appNamespace: target.appNamespace,
        signal: context.signal,
        onRetry: retryNotice(context),
        retry: { sleep: context.sleep }
    };
    const client = (0,argocd.createArgoCdClient)(clientOptions);
    const deadline = (context.now ?? Date.now)() + context.timeoutMs;
    const run = new Deployment(request, context, client, clientOptions, deadline);
    try {
        return await run.deploy();
    }
    catch (error) {
        const failure = (0,errors/* asDeployError */.y0)((0,argocd/* explainArgoCdError */.SW)(error, clientOptions), 'DEPLOY_FAILED');
        if (target.rollbackOnFailure && failure.code !== 'CANCELLED' && run.synced) {
            throw await run.rollBack(failure);
        }
        throw failure;
    }
    finally {
        await client.close();
    }
};
class Deployment {
    request;
    context;
    client;
    where;
    deadline;
    /** Our sync was requested: from here on a failure may be rolled back. */
    synced = false;
    original;
    baseline;
    specChanged = false;
    constructor(request, context, client, where, deadline) {
        this.request = request;
        this.context = context;
        this.client = client;
        this.where = where;
        this.deadline = deadline;
    }
    get app() {
        return this.client.app;
    }
    async deploy() {
        const { target } = this.request;
        let app = await this.client.getApplication();
        for (const warning of ownershipWarnings(app))
            this.context.warning(warning);
        if (operationRunning(app) && target.terminateRunning) {
            this.context.warning(`Terminating the operation running on Argo CD application '${this.app}'`);
            await this.client.terminateOperation();
        }
        app = await this.waitForIdle();
        this.original = app;
        const change = imageChange(this.request);
        if (change) {
            const edit = setImage(app.spec, change, target);
            if (edit.changed) {
                await this.client.updateSpec(edit.spec);
                this.specChanged = true;
                this.context.info(`Argo CD '${this.app}': set ${edit.description}`);
            }
            else {
                this.context.info(`Argo CD '${this.app}': ${edit.description} already set`);
            }
        }
        else {
            this.context.info(`Argo CD '${this.app}': no image to set, syncing as it is`);
        }
        const baseline = await this.sync();
        const done = await this.followSync(baseline, change?.tag);
        this.context.progress(`${this.app}: Synced and Healthy`, {
            app: this.app,
            revision: done.revision
        });
        return {
            ...(done.externalUrl ? { deploymentUrl: done.externalUrl } : {}),
            outputs: done.revision ? { argocd_revision: done.revision } : {}
        };
    }
    /** Waits out an operation under way: someone else's (an auto-sync, a person in the UI) or ours. */
    async waitForIdle(deadline = this.deadline) {
        const { value } = await (0,follow/* follow */.e6)({
            ...this.followOptions(`the running operation on Argo CD application '${this.app}'`, deadline),
            look: async (signal) => {
                const app = await this.client.readApplication(signal);
                if (!operationRunning(app))
                    return { done: true, value: app };
                const by = app.operation?.initiatedBy ?? app.status?.operationState?.operation?.initiatedBy;
                const who = by?.automated ? 'auto-sync' : (by?.username ?? 'someone');
                return { done: false, progress: `${this.app}: waiting for an operation started by ${who}` };
            }
        });
        return value;
    }
    /**
     * Requests our sync, waiting out "another operation is already in progress" (an auto-sync the
     * spec change set off). Returns the state before our sync, by which our operation is told apart
     * from a stale Synced/Healthy status.
     */
    async sync() {
        const { target } = this.request;
        let requested = false;
        const { value } = await (0,follow/* follow */.e6)({
            ...this.followOptions(`a sync of Argo CD application '${this.app}'`),
            look: async (signal) => {
                const app = await this.client.readApplication(signal);
                if (operationRunning(app)) {
                    // Our previous attempt's answer was lost but the sync was accepted: adopt it.
                    if (requested &&
                        app.operation &&
                        !app.operation.initiatedBy?.automated &&
                        this.baseline) {
                        this.synced = true;
                        return { done: true, value: this.baseline };
                    }
                    return { done: false, progress: `${this.app}: another operation is in progress` };
                }
                this.baseline = baselineOf(app);
                requested = true;
                try {
                    await this.client.requestSync({ prune: target.prune, syncOptions: target.syncOptions }, signal);
                }
                catch (error) {
                    if (!(0,argocd/* isOperationInProgress */.iT)(error))
                        throw error;
                    requested = false;
                    return { done: false, progress: `${this.app}: another operation is already in progress` };
                }
                this.synced = true;
                return { done: true, value: this.baseline };
            }
        });
        this.context.progress(`${this.app}: sync requested`, { app: this.app, prune: target.prune });
        return value;
    }
    async followSync(baseline, imageTag) {
        let degradedSince;
        let latest = {};
        const expectation = { imageTag, degradedGraceMs: this.request.target.degradedGraceMs };
        const { describe, intervalMs, timeoutMs, signal, onRetry, sleep, now } = this.followOptions(`Argo CD application '${this.app}' to become Synced and Healthy`);
        return followApplication({
            client: this.client,
            describe,
            intervalMs,
            timeoutMs,
            signal,
            onRetry,
            ...(sleep ? { sleep } : {}),
            ...(now ? { now } : {}),
            onProgress: progress => this.context.progress(progress, latest),
            onFallback: message => this.context.info(`Argo CD '${this.app}': ${message}`),
            judge: (app, now) => {
                const verdict = judgeApplication(app, baseline, expectation, now, degradedSince);
                if (verdict.kind === 'failed') {
                    throw new errors.DeployError(verdict.code, verdict.message, { details: verdict.details });
                }
                if (verdict.kind === 'healthy')
                    return { done: true, value: verdict };
                degradedSince = verdict.degradedSince;
                latest = verdict.data;
                return {
                    done: false,
                    progress: verdict.progress,
                    // Degraded past its grace is a failure even if Argo CD says nothing more.
                    ...(degradedSince === undefined
                        ? {}
                        : { recheckAt: degradedSince + expectation.degradedGraceMs })
                };
            }
        });
    }
    /**
     * Puts back the spec we changed and rolls the app back to the history entry before our sync.
     * Returns the error to throw: a rolled-back deployment is still a failure.
     */
    async rollBack(failure) {
        const entry = this.baseline?.historyEntry;
        if (!entry) {
            this.context.warning(`Argo CD '${this.app}': no earlier history entry to roll back to`);
            return failure;
        }
        this.context.warning(`Argo CD '${this.app}': rolling back to history ${entry.id}`);
        // The deploy's own signal may have fired (deploy_timeout): from here on this deployment works
        // on the undo signal, through a client of its own.
        const signal = this.context.undoSignal ?? this.context.signal;
        this.context = { ...this.context, signal };
        const client = (this.client = (0,argocd.createArgoCdClient)({ ...this.where, signal }));
        const rollbackDeadline = this.now() + this.context.timeoutMs;
        const withDetails = (line) => new errors.DeployError(failure.code, `${failure.message}; ${line}`, {
            details: failure.details,
            cause: failure
        });
        try {
            if (this.specChanged && this.original)
                await this.client.updateSpec(this.original.spec);
            // Our own sync may still be running (a timeout, hooks that never end): it is ours to stop.
            if (operationRunning(await this.client.getApplication())) {
                await this.client.terminateOperation();
            }
            const idle = await this.waitForIdle(rollbackDeadline);
            const before = baselineOf(idle);
            const prune = this.request.target.prune;
            const progress = `${this.app}: rolling back to history ${entry.id}`;
            /** The rollback's own answer: the app with the operation Argo CD started for it. */
            let accepted;
            const { value: after } = await (0,follow/* follow */.e6)({
                ...this.followOptions(`a rollback of '${this.app}'`, rollbackDeadline),
                look: async (signal) => {
                    if (accepted) {
                        const app = await this.client.readApplication(signal);
                        // Over once an operation newer than the one before it has finished: a read that
                        // lags behind the rollback still shows that one.
                        if (!operationRunning(app) && isNewOperation(app, before)) {
                            return { done: true, value: app };
                        }
                        return { done: false, progress };
                    }
                    try {
                        accepted = await this.client.requestRollback(entry.id, prune, signal);
                    }
                    catch (error) {
                        if (!(0,argocd/* isOperationInProgress */.iT)(error))
                            throw error;
                        // Our own rollback whose answer was lost, or another operation to wait out first.
                        const app = await this.client.readApplication(signal);
                        if (!isRollbackTo(app, entry)) {
                            return { done: false, progress: `${this.app}: waiting to roll back` };
                        }
                        accepted = app;
                    }
                    const operation = accepted.operation;
                    if (!operation) {
                        throw new errors.DeployError('DEPLOY_FAILED', `Argo CD answered the rollback to history ${entry.id} without starting an operation`);
                    }
                    const revision = operation.sync?.revision ?? entry.revision;
                    this.context.progress(`${this.app}: rollback to history ${entry.id} started (revision ${revision ?? '?'})`, { app: this.app, history: entry.id, revision });
                    return { done: false, progress };
                }
            });
            const phase = after.status?.operationState?.phase;
            if (phase !== 'Succeeded' || baselineOf(after).historyId === before.historyId) {
                const reasons = failingResources(after).join('; ');
                return withDetails(`the rollback to history ${entry.id} ended ${phase ?? 'without an operation'}` +
                    (reasons ? ` (${reasons})` : ''));
            }
            return withDetails(`rolled back to history ${entry.id} (revision ${entry.revision ?? '?'})`);
        }
        catch (error) {
            if ((0,errors/* isAbortError */.zf)(error) || this.context.signal.aborted)
                return failure;
            const reason = (0,errors/* asDeployError */.y0)((0,argocd/* explainArgoCdError */.SW)(error, this.where), 'DEPLOY_FAILED');
            this.context.warning(`Argo CD '${this.app}': rollback failed: ${reason.message}`);
            return withDetails(`the rollback failed: ${reason.message}`);
        }
        finally {
            await client.close();
        }
    }
    now() {
        return (this.context.now ?? Date.now)();
    }
    followOptions(describe, deadline = this.deadline) {
        const timeoutMs = Math.max(1, deadline - this.now());
        return {
            describe,
            intervalMs: this.context.pollIntervalMs,
            timeoutMs,
            signal: this.context.signal,
            sleep: this.context.sleep,
            now: this.context.now,
            onRetry: retryNotice(this.context),
            onProgress: (progress) => this.context.progress(progress, { app: this.app })
        };
    }
}
/** The operation on the app is a rollback to `entry`: a sync to its revision that no auto-sync set off. */
function isRollbackTo(app, entry) {
    const operation = app.operation;
    return (operation !== undefined &&
        !operation.initiatedBy?.automated &&
        entry.revision !== undefined &&
        operation.sync?.revision === entry.revision);
}
/** The image change for this service, or undefined when it has no image (a chart app). */
function imageChange(request) {
    const image = request.service.image;
    if (!image)
        return undefined;
    const tag = image.tag || request.plan.version.imageTag;
    const repository = request.imageUri
        ? repositoryOf(request.imageUri)
        : image.host
            ? `${image.host}/${image.repository}`
            : undefined;
    const { target } = request;
    if (target.kustomizeImage) {
        return { kind: 'kustomize', image: target.kustomizeImage, tag, repository };
    }
    return {
        kind: 'helm',
        parameter: target.helmParameter ?? 'image.tag',
        tag,
        repositoryParameter: target.helmRepositoryParameter,
        repository
    };
}
function retryNotice(context) {
    return notice => context.info((0,retry/* describeRetry */.eV)(notice));
}


/***/ })

};

//# sourceMappingURL=4639.index.js.map