export const id = 754;
export const ids = [754];
export const modules = {

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ CommandFailure)
/* harmony export */ });
/** What a failed builder command left: the exit code and its last lines. */
class CommandFailure extends Error {
    command;
    exitCode;
    tail;
    constructor(command, exitCode, tail) {
        super(`${command} exited with ${exitCode}`);
        this.command = command;
        this.exitCode = exitCode;
        this.tail = tail;
        this.name = 'CommandFailure';
    }
}


/***/ }),

/***/ 6260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ savedLogin),
/* harmony export */   N6: () => (/* binding */ authFile),
/* harmony export */   ZS: () => (/* binding */ loginRegistry),
/* harmony export */   ar: () => (/* binding */ CREDENTIALS_REFUSED),
/* harmony export */   k0: () => (/* binding */ authDirectory),
/* harmony export */   kA: () => (/* binding */ pushRefusedMessage),
/* harmony export */   pP: () => (/* binding */ ensureAuthFile),
/* harmony export */   removeRegistryAuth: () => (/* binding */ removeRegistryAuth)
/* harmony export */ });
/* unused harmony export loginArgs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2573);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6390);





function authDirectory(tempDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempDir, 'deploy-pipeline-registry-auth');
}
function authFile(tempDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(authDirectory(tempDir), 'config.json');
}
/** Login argv: the password is never in it. Pure. */
function loginArgs(tool, login, file) {
    if (tool === 'docker')
        return ['login', '--username', login.username, '--password-stdin', login.host];
    const args = ['login', '--authfile', file, '--username', login.username, '--password-stdin'];
    if (login.insecure)
        args.push('--tls-verify=false');
    return [...args, login.host];
}
/** Builder or login output that means the registry refused the credentials or the access. */
const CREDENTIALS_REFUSED = /unauthorized|\b40[13]\b|forbidden|insufficient_scope|authentication required|incorrect username or password|invalid username\/password|denied/i;
/**
 * The per-job auth file, empty when no login writes to it: a registry without authentication (a
 * `registry:2` service container, a mirror) is pushed to anonymously, and the builders still
 * find the file they are pointed at (buildah refuses a missing `--authfile`; buildx gets its
 * DOCKER_CONFIG). A login adds its entry to this file; an existing file is left as it is.
 */
async function ensureAuthFile(tempDir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(authDirectory(tempDir), { recursive: true, mode: 0o700 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(authFile(tempDir), '{"auths":{}}\n', { flag: 'wx', mode: 0o600 }).catch((error) => {
        if (error.code !== 'EEXIST')
            throw error;
    });
}
/** The REGISTRY_AUTH_FAILED sentence for a refused push: the registry, then the permission. */
function pushRefusedMessage(refusal) {
    const status = refusal.status ? ` (HTTP ${refusal.status})` : '';
    const refused = `${refusal.host} refused the push of ${refusal.repository}:${refusal.tag}${status}`;
    switch (refusal.kind) {
        case 'ghcr':
            return (`${refused}: github_token needs packages: write (add \`permissions: packages: write\` to the ` +
                "job; a package that already exists must also give this repository write access in the package's settings).");
        case 'ecr':
            return (`${refused}: the AWS role needs ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ` +
                `ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on ${refusal.repository}.`);
        case 'host':
            return refusal.anonymous
                ? `${refused}: it takes no anonymous push; set registry_username and registry_password.`
                : `${refused}: the registry_username account needs push permission on ${refusal.repository}.`;
    }
}
async function loginRegistry(tool, login, tempDir, options = {}) {
    const file = authFile(tempDir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(authDirectory(tempDir), { recursive: true, mode: 0o700 });
    const env = { ...process.env, DOCKER_CONFIG: authDirectory(tempDir), REGISTRY_AUTH_FILE: file };
    await (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(async (signal) => {
        const result = await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)(tool, loginArgs(tool, login, file), {
            stdin: login.password,
            env,
            signal
        });
        if (result.exitCode === 0)
            return;
        const output = result.tail.join('\n');
        if (CREDENTIALS_REFUSED.test(output)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('REGISTRY_AUTH_FAILED', `${login.host} rejected the credentials of ${login.username}: check registry_username ` +
                'and registry_password (GHCR: the token needs packages: write).', { details: output });
        }
        throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .RetryableError */ .dw(`${tool} login to ${login.host} failed: ${output}`);
    }, {
        describe: `${tool} login ${login.host}`,
        attempts: options.attempts ?? 3,
        baseDelayMs: 1000,
        signal: options.signal,
        classify: error => (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError ? { retry: false } : undefined)
    }).catch((error) => {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `Cannot log in to ${login.host}.`, {
            details: error instanceof Error ? error.message : String(error),
            cause: error
        });
    });
}
/** The credentials a login saved for `host` in the per-job auth file, if there are any. */
async function savedLogin(tempDir, host) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(authFile(tempDir), 'utf8').catch(() => '');
    let saved;
    try {
        saved = JSON.parse(text).auths?.[host]?.auth;
    }
    catch {
        return undefined;
    }
    if (typeof saved !== 'string')
        return undefined;
    const decoded = Buffer.from(saved, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/** Logs out of every registry and removes the credentials. Safe to call when nothing was made. */
async function removeRegistryAuth(tempDir) {
    const directory = authDirectory(tempDir);
    const exists = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(directory).then(() => true, () => false);
    if (!exists)
        return;
    const file = authFile(tempDir);
    // Best effort: the file is removed below either way, the logout only tidies helper state.
    await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)('buildah', ['logout', '--authfile', file, '--all'], {
        signal: AbortSignal.timeout(15_000)
    }).catch(() => undefined);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(directory, { recursive: true, force: true });
}


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ buildOne),
/* harmony export */   Jt: () => (/* binding */ pushRefusal),
/* harmony export */   Kz: () => (/* binding */ asBuilderError),
/* harmony export */   iD: () => (/* binding */ login),
/* harmony export */   j3: () => (/* binding */ buildTimestamp)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runtime_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2573);
/* harmony import */ var _builders_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3613);
/* harmony import */ var _clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6260);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _runtime_follow_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9355);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6958);
/* harmony import */ var _image_registries_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7293);








/**
 * BUILD, one service: log in to its registry (once per registry and credentials), build every
 * platform with the chosen builder under the build timeout, and remember what was built for PUSH.
 */
async function login(ctx, builder, target) {
    const { username, password } = target.endpoint;
    if (!username || !password)
        return;
    await (0,_clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .loginRegistry */ .ZS)(builder === 'buildx' ? 'docker' : 'buildah', { host: target.host, username, password, insecure: target.endpoint.insecure }, ctx.settings.context.tempDir, { signal: ctx.signal });
}
async function buildOne(ctx, builder, service, target, timestamp, output) {
    const build = (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_7__.serviceSettings)(ctx, service.name).build;
    if (!build) {
        const message = `Service ${service.name} is planned to be built but has no build section.`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('BUILD_FAILED', message);
    }
    // A build job pushes by digest and tags nothing: the deploy job tags (phases/image-merge.ts).
    const byDigest = ctx.settings.split.phase === 'build';
    // An immutable tag that exists already: build, but only compare digests instead of pushing.
    const existing = target.immutable && !byDigest
        ? (await target.client.headManifest(target.repository, target.tag, ctx.signal))?.digest
        : undefined;
    const images = ctx.settings.images;
    const job = {
        service: service.name,
        reference: `${target.host}/${target.repository}:${target.tag}`,
        context: build.context,
        dockerfile: build.dockerfile,
        target: build.target,
        args: build.args,
        platforms: service.image.platforms ??
            (build.platforms.length > 0 ? build.platforms : ctx.settings.platforms),
        labels: ociLabels(ctx, timestamp),
        timestamp,
        insecure: target.endpoint.insecure,
        authFile: (0,_clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .authFile */ .N6)(ctx.settings.context.tempDir),
        workDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.settings.context.tempDir, 'deploy-pipeline-images', service.name),
        cache: images.cache,
        cacheReference: `${target.host}/${target.repository}:buildcache`,
        provenance: images.provenance,
        sbom: images.sbom,
        push: existing === undefined,
        byDigest
    };
    (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_7__.progress)(ctx, service.name, `building ${job.reference} for ${job.platforms.join(', ')} with ${builder.name}`);
    const started = Date.now();
    const what = `build of ${service.name} (build_timeout)`;
    const out = output.of(service.name, job.platforms);
    // buildx pushes while it builds: a refused push ends the build.
    const refusal = builder.name === 'buildx' && job.push
        ? (status) => pushRefusal(target, status)
        : undefined;
    await out.settle((0,_deadline_js__WEBPACK_IMPORTED_MODULE_6__/* .withItemDeadline */ .Wb)(ctx.signal, images.buildTimeoutMs, what, signal => builder.build(job, out.control(signal)).catch((error) => {
        throw asBuilderError(error, 'BUILD_FAILED', `Building ${service.name} failed`, refusal);
    })));
    ctx.state.built.set(service.name, { builder, job, existing });
    (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_7__.progress)(ctx, service.name, `built in ${(0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(Date.now() - started)}`);
}
function ociLabels(ctx, timestamp) {
    const { context } = ctx.settings;
    const labels = {};
    if (context.owner && context.repo)
        labels['org.opencontainers.image.source'] =
            `${context.serverUrl}/${context.owner}/${context.repo}`;
    if (context.sha)
        labels['org.opencontainers.image.revision'] = context.sha;
    labels['org.opencontainers.image.version'] = ctx.plan.version.gitTag ?? ctx.plan.version.imageTag;
    labels['org.opencontainers.image.created'] = new Date((timestamp ?? Date.now() / 1000) * 1000).toISOString();
    return labels;
}
/**
 * The time stamped into images: SOURCE_DATE_EPOCH, else the commit's time, so the same commit
 * builds to the same digest (an unchanged rebuild uploads nothing; an immutable tag accepts it).
 */
async function buildTimestamp(ctx) {
    if (ctx.settings.context.sourceDateEpoch !== undefined)
        return ctx.settings.context.sourceDateEpoch;
    const { workspace, sha } = ctx.settings.context;
    const result = await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommand */ .d)('git', ['-C', workspace, 'log', '-1', '--format=%ct', sha || 'HEAD'], { signal: ctx.signal }).catch(() => undefined);
    const seconds = Number(result?.tail.at(-1));
    return result?.exitCode === 0 && Number.isInteger(seconds) ? seconds : undefined;
}
/**
 * A failed builder command as a DeployError. `refusedPush` words a push the registry refused,
 * given the HTTP status when the output names one: output that says the registry refused the push
 * (buildx: `failed to push ...: 403 Forbidden`) makes it REGISTRY_AUTH_FAILED.
 */
function asBuilderError(error, code, message, refusedPush) {
    if (!(error instanceof _builders_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CommandFailure */ .q))
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .asDeployError */ .y0)(error, code);
    const details = error.tail.join('\n');
    const refused = error.tail.filter(line => _clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .CREDENTIALS_REFUSED */ .ar.test(line));
    // buildx says which step failed; a build whose base image was refused is not a refused push.
    const pushing = code === 'PUSH_FAILED' || error.tail.some(line => PUSH_STEP.test(line));
    if (refusedPush && refused.length > 0 && pushing) {
        const status = refused.map(line => /\b(401|403)\b/.exec(line)?.[1]).find(Boolean);
        const sentence = refusedPush(status ? Number(status) : undefined);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('REGISTRY_AUTH_FAILED', sentence, { details });
    }
    const how = error.exitCode === 0 ? 'reported no digest' : `exited with ${error.exitCode}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError(code, `${message} (${error.command} ${how}).`, { details });
}
const PUSH_STEP = /failed to push|exporting to image|pushing layers|pushing manifest/i;
/** The refusal sentence for the push of `target`: the registry, then the permission it needs. */
function pushRefusal(target, status) {
    return (0,_clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_3__/* .pushRefusedMessage */ .kA)({
        kind: target.image.registry,
        host: target.host,
        repository: target.repository,
        tag: target.tag,
        anonymous: !target.endpoint.username || !target.endpoint.password,
        ...(status ? { status } : {})
    });
}


/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ pushOne),
/* harmony export */   i: () => (/* binding */ builtImage),
/* harmony export */   q5: () => (/* binding */ refuseOverwrite)
/* harmony export */ });
/* harmony import */ var _builders_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3613);
/* harmony import */ var _clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6260);
/* harmony import */ var _clients_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5037);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6390);
/* harmony import */ var _image_build_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1596);
/* harmony import */ var _image_registries_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7293);







/**
 * PUSH, one service, by its planned action: push what BUILD made (or, for an immutable tag that
 * exists, prove it is the same image), promote by copying a manifest inside the registry, or read
 * the digest of the tag that is deployed as it is. Returns the digest the registry holds.
 */
async function pushOne(ctx, service, target, signal, output) {
    switch (service.image.action) {
        case 'skip':
            return existingDigest(target, signal);
        case 'promote':
            return promote(ctx, service, target, signal);
        case 'build':
            return pushBuilt(ctx, service, target, signal, output);
        case 'rollback':
            // The PUSH entry of the pipeline leaves rollback images out: they are deployed as recorded.
            throw new Error(`${service.name}: a rollback image reached PUSH`);
    }
}
async function existingDigest(target, signal) {
    const found = await target.client.headManifest(target.repository, target.tag, signal);
    if (!found) {
        const reference = `${target.host}/${target.repository}:${target.tag}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `build: skip, but ${reference} does not exist.`);
    }
    return found.digest;
}
async function promote(ctx, service, target, signal) {
    const from = service.image.promoteFrom;
    if (!from) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `No image to promote ${service.name} from: set promote_from.`);
    }
    if (target.immutable) {
        const source = await target.client.headManifest(target.repository, from, signal);
        await refuseOverwrite(target, source?.digest, signal);
    }
    const { client, repository, tag } = target;
    const { digest, copied } = await client.copyTag(repository, from, tag, signal);
    const message = copied
        ? `promoted ${from} to ${target.tag} (manifest copied, no layers moved)`
        : `${target.tag} already holds ${from}`;
    (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_6__.progress)(ctx, service.name, message, 'PUSH');
    return digest;
}
async function pushBuilt(ctx, service, target, signal, output) {
    const made = builtImage(ctx, service.name);
    const out = output.of(service.name, made.job.platforms);
    return out.settle(pushMade(ctx, service, target, signal, made, attempt => out.control(attempt)));
}
/** What BUILD made of a service, for its push. */
function builtImage(ctx, service) {
    const made = ctx.state.built.get(service);
    if (!made) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `${service} was not built, so there is nothing to push.`);
    }
    return made;
}
async function pushMade(ctx, service, target, signal, made, control) {
    const reference = `${target.host}/${target.repository}:${target.tag}`;
    if (made.existing !== undefined) {
        const local = await made.builder.localDigest(made.job, control(signal));
        await refuseOverwrite(target, local, signal);
        const message = `${target.tag} already holds this exact image (immutable repository): nothing pushed`;
        (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_6__.progress)(ctx, service.name, message, 'PUSH');
        return local;
    }
    const pushed = await (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(attemptSignal => made.builder.push(made.job, control(attemptSignal)).catch(async (error) => {
        if (error instanceof _builders_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandFailure */ .q && error.exitCode === 0) {
            return sendIndexAgain(ctx, service, target, made, control(attemptSignal), error);
        }
        throw error;
    }), {
        describe: `push of ${service.name}`,
        attempts: 3,
        baseDelayMs: 1000,
        // A third of push_timeout, so a hung attempt is killed and tried again within it. Not a
        // fixed few minutes: a large image on a slow link may need most of push_timeout, and the
        // blobs a killed attempt finished stay in the registry, so the next attempt resumes.
        attemptTimeoutMs: Math.ceil(ctx.settings.images.pushTimeoutMs / 3),
        signal,
        onRetry: retry => ctx.core.warning(`${retry.describe} failed (${retry.reason.split('\n')[0]}); trying again`),
        classify: error => {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError)
                return { retry: false };
            if (error instanceof _builders_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandFailure */ .q)
                return { retry: TRANSIENT_PUSH.test(error.tail.join('\n')) };
            return undefined;
        }
    }).catch((error) => {
        throw (0,_image_build_js__WEBPACK_IMPORTED_MODULE_5__/* .asBuilderError */ .Kz)(error, 'PUSH_FAILED', `Pushing ${reference} failed`, status => (0,_image_build_js__WEBPACK_IMPORTED_MODULE_5__/* .pushRefusal */ .Jt)(target, status));
    });
    // Trust what the registry says the tag holds, not only what the builder wrote down.
    const stored = await target.client.headManifest(target.repository, target.tag, signal);
    if (stored?.digest !== pushed) {
        const holds = stored?.digest ?? 'nothing';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `${reference} holds ${holds} after pushing ${pushed}.`);
    }
    return pushed;
}
/**
 * buildah 1.28 exits 0 and writes no digest whatever the registry answered to a manifest PUT: a
 * 503, a 401 and a 403 look the same. So the index buildah made is sent again, by tag, through the
 * registry client, with the credentials buildah pushed with (those in the auth file: an ECR token
 * may have expired since BUILD logged in), and the registry's answer decides:
 * - refused (401/403): REGISTRY_AUTH_FAILED, naming the registry and the permission;
 * - accepted, and every image it names is in the registry: the push is done;
 * - anything else (a 503; a 400 for images the registry does not know, because buildah's upload
 *   compressed the layers differently from its local copy): `silent` again, with that answer, for
 *   the retry to judge. A retry by buildah also replaces an index the registry took without
 *   checking what it names.
 */
async function sendIndexAgain(ctx, service, target, made, run, silent) {
    let answer;
    try {
        if (!made.builder.localIndex)
            throw new Error(`${made.builder.name} keeps no local index`);
        const index = await made.builder.localIndex(made.job, run);
        const saved = await (0,_clients_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .savedLogin */ .Hp)(ctx.settings.context.tempDir, target.host);
        const client = new _clients_registry_js__WEBPACK_IMPORTED_MODULE_2__.RegistryClient({ ...target.endpoint, ...saved }, { attempts: 1 });
        const digest = await client.putManifest(target.repository, target.tag, index, run.signal);
        for (const named of namedImages(index.body)) {
            if (!(await client.headManifest(target.repository, named, run.signal))) {
                throw new Error(`the registry took the index, but not the image ${named} it names`);
            }
        }
        const message = `${made.builder.name} reported no digest; the registry accepted the index sent again`;
        (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_6__.progress)(ctx, service.name, message, 'PUSH');
        return digest;
    }
    catch (error) {
        if (error instanceof _clients_registry_js__WEBPACK_IMPORTED_MODULE_2__.RegistryRefusal) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('REGISTRY_AUTH_FAILED', (0,_image_build_js__WEBPACK_IMPORTED_MODULE_5__/* .pushRefusal */ .Jt)(target, error.status), {
                details: [...silent.tail, error.details ?? ''].join('\n').trim(),
                cause: error
            });
        }
        if (run.signal.aborted)
            throw error;
        answer = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    }
    const tail = [...silent.tail, `the index sent again through the registry API: ${answer}`];
    throw new _builders_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandFailure */ .q(silent.command, silent.exitCode, tail);
}
/** The digests of the images an index names. */
function namedImages(body) {
    const index = JSON.parse(body.toString('utf8'));
    return (index.manifests ?? []).flatMap(m => (typeof m.digest === 'string' ? [m.digest] : []));
}
/** An immutable tag may be "written" again only with the digest it already holds. */
async function refuseOverwrite(target, digest, signal) {
    const current = await target.client.headManifest(target.repository, target.tag, signal);
    if (current && current.digest !== digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.DeployError('PUSH_FAILED', `${target.host}/${target.repository}:${target.tag} already holds ${current.digest} and the repository's tags are immutable; ` +
            'deploy a new tag (create_tag makes one per run) or make the repository mutable.');
    }
}
/** Builder output that means the registry had a passing problem: worth another attempt. */
const TRANSIENT_PUSH = /connection reset|broken pipe|EOF|i\/o timeout|TLS handshake timeout|too many requests|\b(429|500|502|503|504)\b|wrote no digest/i;


/***/ }),

/***/ 2573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runCommand),
/* harmony export */   g: () => (/* binding */ commandWorks)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

async function runCommand(command, args, options = {}) {
    const keep = options.tailLines ?? 30;
    const tail = [];
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['pipe', 'pipe', 'pipe']
    });
    const onAbort = () => {
        child.kill('SIGTERM');
        // A builder that ignores SIGTERM (mid-layer commit) still has to go.
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (stream) => {
        let partial = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
            const lines = (partial + chunk).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines)
                record(line);
        });
        stream.on('end', () => {
            if (partial)
                record(partial);
        });
    };
    const record = (line) => {
        tail.push(line);
        if (tail.length > keep)
            tail.shift();
        options.onLine?.(line);
    };
    collect(child.stdout);
    collect(child.stderr);
    child.stdin.on('error', () => undefined); // a child that exits before reading stdin
    child.stdin.end(options.stdin ?? '');
    try {
        const exitCode = await new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
        });
        if (options.signal?.aborted)
            throw options.signal.reason ?? new Error('aborted');
        return { exitCode, tail };
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
    }
}
/** True when `command` can be started and exits 0 (a probe: `buildah --version`). */
async function commandWorks(command, args) {
    try {
        const result = await runCommand(command, args, { signal: AbortSignal.timeout(15_000) });
        return result.exitCode === 0;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ FIRST_MINUTE),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e6: () => (/* binding */ follow),
/* harmony export */   uG: () => (/* binding */ waitEnded)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






/** What the ECS, CodeDeploy and Step Functions waits use: 1 s looks for the first minute. */
const FIRST_MINUTE = { intervalMs: 1000, periodMs: 60_000 };
async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    let quickLooks = 0;
    let quickLook = false;
    // When the next regular look is due: one interval after the previous regular look started.
    let regularAt = started;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            if (!quickLook)
                regularAt = lookStarted + options.intervalMs;
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            }).catch((error) => {
                // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
                // out, whichever timer noticed first (on an injected clock the deadline's own timer may
                // be far off). A verdict the look reached (a DeployError) stands.
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError);
                throw ranOut ? timeoutError(options) : error;
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            const changed = look.progress !== undefined && look.progress !== lastProgress;
            if (changed) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const quickAt = lookStarted + (options.young?.intervalMs ?? options.intervalMs);
            quickLook =
                quickAt < regularAt &&
                    young(options, lookStarted - started, quickLooks) &&
                    (look.moved ?? changed);
            if (quickLook)
                quickLooks++;
            const wait = (quickLook ? quickAt : regularAt) - now();
            await sleep(Math.min(Math.max(0, wait), Math.max(0, deadline - now())), signal);
            if (now() >= deadline)
                throw timeoutError(options);
        }
    };
    try {
        // Never abandoned: the loop is ours and stops at its next sleep or look once its signal fires
        // (each look is abandoned by the retry helper when it ignores the signal).
        const timedOut = () => timeoutError(options);
        return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_4__/* .withDeadline */ .NE)(options.signal, options.timeoutMs, timedOut, lookUntilDone, {
            graceMs: Infinity
        });
    }
    catch (error) {
        throw waitEnded(error, options.signal, options.describe);
    }
}
/**
 * What a wait throws when it stops: an enclosing deadline (the service's deploy_timeout, the
 * phase's) is a TIMEOUT saying what was being waited for, caused by that deadline so it keeps it;
 * a cancel is CANCELLED; anything else is the wait's own error. Shared by every wait that does not
 * go through follow() alone (the Argo CD watch).
 */
function waitEnded(error, signal, describe) {
    const reason = signal?.reason;
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
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

//# sourceMappingURL=754.index.js.map