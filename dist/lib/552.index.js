export const id = 552;
export const ids = [552];
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

/***/ 6260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ savedLogin),
/* harmony export */   N6: () => (/* binding */ authFile),
/* harmony export */   ZS: () => (/* binding */ loginRegistry),
/* harmony export */   ar: () => (/* binding */ CREDENTIALS_REFUSED),
/* harmony export */   k0: () => (/* binding */ authDirectory),
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
/** Builder or login output that means the registry refused the credentials. */
const CREDENTIALS_REFUSED = /unauthorized|\b401\b|authentication required|incorrect username or password|invalid username\/password|denied/i;
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployError */ .sH('REGISTRY_AUTH_FAILED', `${login.host} rejected the credentials of ${login.username}: check registry_username ` +
                'and registry_password (GHCR: the token needs packages: write).', { details: output });
        }
        throw new _runtime_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .RetryableError */ .dw(`${tool} login to ${login.host} failed: ${output}`);
    }, {
        describe: `${tool} login ${login.host}`,
        attempts: options.attempts ?? 3,
        baseDelayMs: 1000,
        signal: options.signal,
        classify: error => (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployError */ .sH ? { retry: false } : undefined)
    }).catch((error) => {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployError */ .sH)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DeployError */ .sH('PUSH_FAILED', `Cannot log in to ${login.host}.`, {
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

/***/ 9552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUILD_LANES: () => (/* binding */ BUILD_LANES),
  PUSH_LANES: () => (/* binding */ PUSH_LANES),
  cleanupRegistryAuth: () => (/* binding */ cleanupRegistryAuth),
  imagePhaseBudget: () => (/* binding */ imagePhaseBudget),
  runBuildPhase: () => (/* binding */ runBuildPhase),
  runPushPhase: () => (/* binding */ runPushPhase)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runtime/command.ts
var runtime_command = __webpack_require__(2573);
;// CONCATENATED MODULE: ./src/builders/types.ts
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

;// CONCATENATED MODULE: ./src/builders/buildah.ts





/**
 * buildah, for runners without a Docker engine: each platform is built into one local manifest
 * list, then `manifest push --all` sends the list and each platform's image. Images are OCI and
 * stamped with the job's timestamp, so an unchanged commit rebuilds to the same digest (no blob
 * uploaded again, and an immutable tag accepts the re-run).
 */
function localListName(job) {
    const tag = job.reference.slice(job.reference.lastIndexOf(':') + 1);
    // The work directory is per job: two jobs on one machine never share a list.
    const job8 = (0,external_node_crypto_.createHash)('sha256').update(job.workDir).digest('hex').slice(0, 8);
    return `localhost/deploy-pipeline-${job.service}:${tag}-${job8}`;
}
/** `buildah build` argv for one platform of a job. Pure. */
function buildahBuildArgs(job, platform, isolation = 'chroot') {
    const args = ['build', '--isolation', isolation, '--platform', platform];
    args.push('--manifest', localListName(job), '--file', job.dockerfile);
    if (job.target)
        args.push('--target', job.target);
    for (const [key, value] of Object.entries(job.args))
        args.push('--build-arg', `${key}=${value}`);
    for (const [key, value] of Object.entries(job.labels))
        args.push('--label', `${key}=${value}`);
    if (job.timestamp !== undefined)
        args.push('--timestamp', String(job.timestamp));
    args.push(job.context);
    return args;
}
/** `buildah manifest push` argv: to the registry, or to an OCI layout directory (`oci:DIR`). */
function buildahPushArgs(job, digestFile, destination) {
    const args = ['manifest', 'push', '--all', '--format', 'oci', '--digestfile', digestFile];
    if (!destination) {
        args.push('--authfile', job.authFile);
        if (job.insecure)
            args.push('--tls-verify=false');
    }
    args.push(localListName(job), destination ?? `docker://${job.reference}`);
    return args;
}
const SILENT_PUSH_FAILURE = 'buildah wrote no digest: the registry did not accept the image index';
function createBuildah() {
    const isolation = process.env.BUILDAH_ISOLATION || 'chroot';
    async function buildah(args, run) {
        const result = await (0,runtime_command/* runCommand */.d)('buildah', args, { signal: run.signal, onLine: run.onLine });
        const command = `buildah ${args[0]} ${args[1] ?? ''}`.trim();
        if (result.exitCode !== 0)
            throw new CommandFailure(command, result.exitCode, result.tail);
        return result.tail;
    }
    async function pushTo(job, run, destination) {
        await (0,promises_.mkdir)(job.workDir, { recursive: true });
        const digestFile = (0,external_node_path_.join)(job.workDir, destination ? 'local-digest' : 'digest');
        await (0,promises_.rm)(digestFile, { force: true });
        const tail = await buildah(buildahPushArgs(job, digestFile, destination), run);
        const digest = (await (0,promises_.readFile)(digestFile, 'utf8').catch(() => '')).trim();
        // buildah 1.28 exits 0 when the registry refuses the index itself (a 503 on its PUT): only
        // the missing digest tells.
        if (!digest.startsWith('sha256:')) {
            throw new CommandFailure('buildah manifest push', 0, [...tail, SILENT_PUSH_FAILURE]);
        }
        return digest;
    }
    return {
        name: 'buildah',
        async build(job, run) {
            // `--manifest` adds to an existing list: start from an empty one so a re-run does not
            // carry the previous build's images.
            await (0,runtime_command/* runCommand */.d)('buildah', ['manifest', 'rm', localListName(job)], { signal: run.signal });
            // One platform after another, in the order asked for: buildah's own multi-platform build
            // adds them to the list in the order they finish, and the index digest would vary.
            for (const platform of job.platforms) {
                await buildah(buildahBuildArgs(job, platform, isolation), run);
            }
        },
        push: (job, run) => pushTo(job, run),
        async localDigest(job, run) {
            const layout = (0,external_node_path_.join)(job.workDir, 'oci-layout');
            await (0,promises_.rm)(layout, { recursive: true, force: true });
            try {
                return await pushTo(job, run, `oci:${layout}`);
            }
            finally {
                await (0,promises_.rm)(layout, { recursive: true, force: true });
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/builders/buildx.ts





const REGISTRY_CACHE_EXPORT = 'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true';
/** inputs -> `docker` argv. Pure: table-tested. */
function buildxArgs(inputs) {
    const args = ['buildx', 'build'];
    if (inputs.builder)
        args.push('--builder', inputs.builder);
    args.push('--platform', inputs.platforms.join(','), '--file', inputs.dockerfile);
    if (inputs.target)
        args.push('--target', inputs.target);
    for (const [key, value] of Object.entries(inputs.args))
        args.push('--build-arg', `${key}=${value}`);
    if (inputs.timestamp !== undefined && !('SOURCE_DATE_EPOCH' in inputs.args)) {
        // BuildKit stamps layers and the config with it: same commit, same digest.
        args.push('--build-arg', `SOURCE_DATE_EPOCH=${inputs.timestamp}`);
    }
    for (const [key, value] of Object.entries(inputs.labels))
        args.push('--label', `${key}=${value}`);
    args.push(...cacheArgs(inputs));
    args.push(`--provenance=${inputs.provenance ? 'mode=max' : 'false'}`);
    if (inputs.sbom)
        args.push('--sbom=true');
    const insecure = inputs.insecure ? ',registry.insecure=true' : '';
    args.push('--output', `type=image,name=${inputs.reference},push=${inputs.push}${insecure}`);
    args.push('--metadata-file', inputs.metadataFile, inputs.context);
    return args;
}
function cacheArgs(inputs) {
    switch (inputs.cache) {
        case 'none':
            return [];
        case 'gha': {
            const scope = `scope=${inputs.service}`;
            return [
                '--cache-from',
                `type=gha,${scope}`,
                '--cache-to',
                `type=gha,mode=max,${scope},ignore-error=true`
            ];
        }
        case 'registry': {
            const ref = `ref=${inputs.cacheReference}`;
            const insecure = inputs.insecure ? ',registry.insecure=true' : '';
            return [
                '--cache-from',
                `type=registry,${ref}${insecure}`,
                '--cache-to',
                `type=registry,${ref},${REGISTRY_CACHE_EXPORT}${insecure}`
            ];
        }
    }
}
/** Reads `docker buildx inspect` output: the driver and the platforms the builder can build. */
function parseBuildxInspect(text) {
    const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1] ?? '';
    const platformLines = [...text.matchAll(/^Platforms:\s*(.*)$/gm)].map(m => m[1] ?? '');
    const platforms = platformLines
        .join(',')
        .split(',')
        .map(p => p.trim().replace(/\*$/, ''))
        .filter(Boolean);
    return { driver, platforms: [...new Set(platforms)] };
}
/** The architectures of `wanted` a builder lacks, as binfmt names (arm64, riscv64, ...). */
function missingEmulators(wanted, available) {
    const native = `linux/${(0,external_node_os_.arch)() === 'x64' ? 'amd64' : (0,external_node_os_.arch)()}`;
    const missing = wanted.filter(p => p !== native && !available.includes(p));
    return [...new Set(missing.map(p => p.split('/')[1] ?? p))];
}
const JOB_BUILDER = 'deploy-pipeline';
function createBuildx(dockerConfigDir) {
    const env = { ...process.env, DOCKER_CONFIG: dockerConfigDir };
    /** The builder made ready so far, and for which platforms (the union of every job's). */
    let preparation;
    async function docker(args, run) {
        const result = await (0,runtime_command/* runCommand */.d)('docker', args, { env, signal: run.signal, onLine: run.onLine });
        if (result.exitCode !== 0) {
            throw new CommandFailure(`docker ${args.slice(0, 2).join(' ')}`, result.exitCode, result.tail);
        }
        return result.tail;
    }
    async function inspect(builder, run) {
        const args = ['buildx', 'inspect', '--bootstrap', ...(builder ? [builder] : [])];
        const quiet = { ...run, onLine: () => undefined };
        return parseBuildxInspect((await docker(args, quiet)).join('\n'));
    }
    /** The builder to use for these platforms, with emulation for the foreign ones. */
    async function prepare(platforms, run) {
        let builder;
        let info = await inspect(undefined, run);
        if (info.driver === 'docker' && platforms.length > 1) {
            const exists = await (0,runtime_command/* runCommand */.d)('docker', ['buildx', 'inspect', JOB_BUILDER], { env });
            if (exists.exitCode !== 0) {
                await docker(['buildx', 'create', '--name', JOB_BUILDER, '--driver', 'docker-container'], run);
            }
            builder = JOB_BUILDER;
            info = await inspect(builder, run);
        }
        const emulate = missingEmulators(platforms, info.platforms);
        if (emulate.length > 0) {
            run.onLine(`setting up QEMU emulation for ${emulate.join(', ')}`);
            await docker(['run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', emulate.join(',')], run);
        }
        return builder;
    }
    /**
     * Prepares once for the platforms asked so far; a job that asks for more prepares again for the
     * union, after the preparation before it (both would create the same builder).
     */
    function readyFor(job, run) {
        const current = preparation;
        if (current && job.platforms.every(p => current.platforms.includes(p)))
            return current.done;
        const platforms = [...new Set([...(current?.platforms ?? []), ...job.platforms])];
        const before = current?.done.catch(() => undefined);
        const done = (async () => {
            await before;
            return prepare(platforms, run);
        })();
        const entry = { platforms, signal: run.signal, done };
        preparation = entry;
        done.catch(() => {
            if (preparation === entry)
                preparation = undefined;
        });
        return done;
    }
    /** The builder for this job; a preparation stopped with another job's signal is not its end. */
    async function builderFor(job, run) {
        const entry = readyFor(job, run);
        const preparedBy = preparation?.signal;
        try {
            return await entry;
        }
        catch (error) {
            if (run.signal.aborted || !preparedBy?.aborted || preparedBy === run.signal)
                throw error;
            return readyFor(job, run);
        }
    }
    const metadataFile = (job) => (0,external_node_path_.join)(job.workDir, 'buildx-metadata.json');
    async function readDigest(job) {
        const metadata = JSON.parse(await (0,promises_.readFile)(metadataFile(job), 'utf8'));
        const digest = metadata['containerimage.digest'];
        if (typeof digest !== 'string' || !digest.startsWith('sha256:')) {
            throw new Error(`buildx metadata of ${job.service} has no image digest`);
        }
        return digest;
    }
    return {
        name: 'buildx',
        async build(job, run) {
            const builder = await builderFor(job, run);
            await (0,promises_.mkdir)(job.workDir, { recursive: true });
            await docker(buildxArgs({ ...job, builder, metadataFile: metadataFile(job) }), run);
        },
        push: job => readDigest(job),
        localDigest: job => readDigest(job)
    };
}

;// CONCATENATED MODULE: ./src/builders/choose.ts




const machineProbe = {
    // `docker buildx version` passes without an engine; `docker info` needs the daemon.
    buildx: async () => (await (0,runtime_command/* commandWorks */.g)('docker', ['buildx', 'version'])) &&
        (await (0,runtime_command/* commandWorks */.g)('docker', ['info', '--format', '{{.ServerVersion}}'])),
    buildah: () => (0,runtime_command/* commandWorks */.g)('buildah', ['--version'])
};
/** `builder: auto` picks buildx when a Docker engine with buildx is usable, else buildah. */
async function chooseBuilder(requested, probe = machineProbe) {
    if (requested === 'buildx') {
        if (await probe.buildx())
            return { name: 'buildx', reason: 'builder: buildx' };
        throw unavailable('buildx', 'a Docker engine with the buildx plugin (docker/setup-buildx-action)');
    }
    if (requested === 'buildah') {
        if (await probe.buildah())
            return { name: 'buildah', reason: 'builder: buildah' };
        throw unavailable('buildah', 'buildah (apt-get install -y buildah)');
    }
    if (await probe.buildx()) {
        return {
            name: 'buildx',
            reason: 'builder auto: using docker buildx (a Docker engine is running)'
        };
    }
    if (await probe.buildah()) {
        return {
            name: 'buildah',
            reason: 'builder auto: using buildah (no usable Docker engine with buildx)'
        };
    }
    throw new errors/* DeployError */.sH('BUILD_FAILED', 'No image builder found: install Docker with buildx (docker/setup-buildx-action) or buildah ' +
        '(apt-get install -y buildah) on the runner.');
}
function unavailable(name, what) {
    return new errors/* DeployError */.sH('BUILD_FAILED', `builder: ${name} was requested but is not usable here; install ${what}.`);
}
function createBuilder(name, dockerConfigDir) {
    return name === 'buildx' ? createBuildx(dockerConfigDir) : createBuildah();
}

// EXTERNAL MODULE: ./src/clients/registry-auth.ts
var registry_auth = __webpack_require__(6260);
// EXTERNAL MODULE: ./src/phases/deadline.ts
var deadline = __webpack_require__(6958);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/clients/aws.ts
var aws = __webpack_require__(5705);
;// CONCATENATED MODULE: ./src/clients/ecr.ts


async function createEcrClient(region) {
    const config = (0,aws/* awsClientConfig */.rw)(region);
    if (!config.region) {
        throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', 'ECR needs an AWS region: set AWS_REGION (aws-actions/configure-aws-credentials sets it).');
    }
    const { ECRClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    return new ECRClient(config);
}
async function ecrAuthorization(client, options = {}) {
    const { GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const describe = 'ECR GetAuthorizationToken';
    const output = await (0,aws/* sendAws */.Wo)(client, new GetAuthorizationTokenCommand({}), {
        describe,
        ...options
    }).catch((error) => explain(error, describe, 'REGISTRY_AUTH_FAILED', options.signal));
    const data = output.authorizationData?.[0];
    const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (!data?.proxyEndpoint || colon <= 0) {
        throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', 'ECR GetAuthorizationToken answered without a usable token.');
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
    const ecr = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19));
    const call = { signal: options.signal, onRetry: options.onRetry };
    const look = `ECR DescribeRepositories ${name}`;
    try {
        const found = await (0,aws/* sendAws */.Wo)(client, new ecr.DescribeRepositoriesCommand({ repositoryNames: [name] }), { describe: look, ...call });
        const repository = found.repositories?.[0];
        return { name, immutable: isImmutable(repository?.imageTagMutability), created: false };
    }
    catch (error) {
        if (!(error instanceof ecr.RepositoryNotFoundException))
            explain(error, look, 'PUSH_FAILED', options.signal);
    }
    if (!options.create) {
        throw new errors/* DeployError */.sH('PUSH_FAILED', `ECR repository '${name}' does not exist, so there is no image to promote or deploy.`);
    }
    const create = `ECR CreateRepository ${name}`;
    try {
        const made = await (0,aws/* sendAws */.Wo)(client, new ecr.CreateRepositoryCommand({
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
    if (signal?.aborted || (0,errors/* isAbortError */.zf)(error))
        throw error;
    const cause = error instanceof errors/* DeployError */.sH ? error.cause : error;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const details = `${operation}: ${reason}`;
    if (error instanceof errors/* DeployError */.sH) {
        throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', error.message, { details, cause: error });
    }
    if (error instanceof Error && error.name === 'AccessDeniedException') {
        throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', `AWS refused ${operation}. Give the role ecr:GetAuthorizationToken, ` +
            'ecr:DescribeRepositories, ecr:CreateRepository and the push permissions.', { details, cause: error });
    }
    throw new errors/* DeployError */.sH(code, `${operation} failed.`, { details, cause: error });
}

// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
// EXTERNAL MODULE: ./src/runtime/hosts.ts
var hosts = __webpack_require__(4087);
;// CONCATENATED MODULE: ./src/clients/registry.ts




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
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
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
                throw new retry/* RetryableError */.dw(`the manifest of ${repository}:${reference} arrived damaged`);
            }
            try {
                JSON.parse(body.toString('utf8'));
            }
            catch {
                throw new retry/* RetryableError */.dw(`the manifest of ${repository}:${reference} is not JSON`);
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
            throw new errors/* DeployError */.sH('PUSH_FAILED', `${this.endpoint.host} refused the tag ${repository}:${reference} (HTTP ${response.status}).`, {
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
            throw new errors/* DeployError */.sH('PUSH_FAILED', `Cannot promote ${this.endpoint.host}/${repository}:${from}: it does not exist.`);
        }
        const current = await this.headManifest(repository, toTag, signal);
        if (current?.digest === source.digest)
            return { digest: source.digest, copied: false };
        const stored = await this.putManifest(repository, toTag, source, signal);
        if (stored !== source.digest) {
            throw new errors/* DeployError */.sH('PUSH_FAILED', `${this.endpoint.host} stored ${repository}:${toTag} as ${stored}, not ${source.digest}.`);
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
        return (0,retry/* withRetry */.bD)(operation, {
            describe: `${this.endpoint.host} ${describe}`,
            attemptTimeoutMs: 60_000,
            ...this.retry,
            signal: signal ?? this.retry.signal,
            classify: error => (error instanceof errors/* DeployError */.sH ? { retry: false } : undefined)
        });
    }
    async request(method, repository, reference, actions, signal, body) {
        const url = `${this.base}/v2/${repository}/manifests/${reference}`;
        const scope = `repository:${repository}:${actions}`;
        const attempt = async () => {
            const headers = { accept: MANIFEST_TYPES.join(', ') };
            const authorization = this.authorizations.get(scope) ?? this.authorizations.get('');
            if (authorization)
                headers.authorization = authorization;
            if (body)
                headers['content-type'] = body.contentType;
            return fetch(url, { method, headers, body: body?.body, signal, redirect: 'follow' });
        };
        let response = await attempt();
        if (response.status === 401) {
            await response.arrayBuffer().catch(() => undefined);
            await this.authorize(parseChallenge(response.headers.get('www-authenticate')), scope, signal);
            response = await attempt();
            if (response.status === 401)
                throw this.rejected();
        }
        if (response.status === 403)
            throw this.rejected();
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
                throw this.rejected();
            this.authorizations.set('', basic);
            return;
        }
        const realm = challenge?.params.realm;
        if (!realm)
            throw this.rejected();
        const url = new URL(realm);
        // The token service gets the password: never in clear text to another host when the registry
        // itself was reached over TLS.
        if (basic &&
            !this.endpoint.insecure &&
            url.protocol !== 'https:' &&
            !(0,hosts/* isLoopbackHost */.c)(url.host)) {
            throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', `${this.endpoint.host} sends its clients to the token service ${url.origin} over plain ` +
                'HTTP; the credentials were not sent there. The registry must name an https realm.');
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', scope);
        const response = await fetch(url, { headers: basic ? { authorization: basic } : {}, signal });
        if (response.status === 401 || response.status === 403)
            throw this.rejected();
        if (response.status === 429 || response.status >= 500) {
            throw new RegistryHttpError(`token service answered HTTP ${response.status}`, response.status, response.headers);
        }
        const answer = (await response.json().catch(() => undefined));
        const token = answer?.token ?? answer?.access_token;
        if (typeof token !== 'string' || token === '') {
            throw new retry/* RetryableError */.dw(`the token service of ${this.endpoint.host} answered without a token`);
        }
        this.authorizations.set(scope, `Bearer ${token}`);
    }
    rejected() {
        const who = this.endpoint.username ? ` of ${this.endpoint.username}` : '';
        return new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', `${this.endpoint.host} rejected the credentials${who}: check registry_username and ` +
            'registry_password (GHCR: github_token with packages: write; ECR: ecr:* permissions).');
    }
}

;// CONCATENATED MODULE: ./src/phases/image-registries.ts




function serviceSettings(ctx, name) {
    const service = ctx.settings.services.find(s => s.name === name);
    if (!service)
        throw new errors/* DeployError */.sH('INVALID_INPUT', `The plan names service '${name}', which the settings lack.`);
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
            insecure: auth.insecure || (0,hosts/* isLoopbackHost */.c)(auth.host),
            username: auth.username,
            password: auth.password
        };
        session.ecr ??= createEcrClient();
        const repository = await ensureEcrRepository(await session.ecr, image.repository, {
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
            insecure: settings.insecure || (0,hosts/* isLoopbackHost */.c)(host),
            ...credentials(ctx, image)
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
        client: new RegistryClient(endpoint, { signal: ctx.signal }),
        immutable
    };
}
function credentials(ctx, image) {
    if (image.registry === 'ghcr') {
        const token = ctx.settings.githubToken;
        if (!token) {
            throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', 'Pushing to GHCR needs github_token (with packages: write permission).');
        }
        return { username: ctx.settings.context.actor || 'x-access-token', password: token };
    }
    const { registryUsername: username, registryPassword: password } = ctx.settings.images;
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
    session.ecr ??= createEcrClient();
    const client = session.ecr;
    session.ecrAuth ??= client.then(ecr => ecrAuthorization(ecr, { signal: ctx.signal }));
    const auth = await session.ecrAuth.catch((error) => {
        session.ecrAuth = undefined;
        throw error;
    });
    ctx.core.setSecret(auth.password);
    if (auth.expiresAt && auth.expiresAt.getTime() <= Date.now() + 60_000) {
        session.ecrAuth = undefined;
        throw new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', `ECR handed out an authorization token that expired at ${auth.expiresAt.toISOString()}: ` +
            'check the runner clock and the AWS credentials.');
    }
    return auth;
}
function progress(ctx, service, message, stage = 'BUILD') {
    ctx.bus.emit({ type: 'progress', stage, service, message });
}

;// CONCATENATED MODULE: ./src/phases/image-build.ts








/**
 * BUILD, one service: log in to its registry (once per registry and credentials), build every
 * platform with the chosen builder under the build timeout, and remember what was built for PUSH.
 */
async function login(ctx, builder, target) {
    const { username, password } = target.endpoint;
    if (!username || !password)
        return;
    await (0,registry_auth/* loginRegistry */.ZS)(builder === 'buildx' ? 'docker' : 'buildah', { host: target.host, username, password, insecure: target.endpoint.insecure }, ctx.settings.context.tempDir, { signal: ctx.signal });
}
async function buildOne(ctx, builder, service, target, timestamp) {
    const build = serviceSettings(ctx, service.name).build;
    if (!build) {
        const message = `Service ${service.name} is planned to be built but has no build section.`;
        throw new errors/* DeployError */.sH('BUILD_FAILED', message);
    }
    // An immutable tag that exists already: build, but only compare digests instead of pushing.
    const existing = target.immutable
        ? (await target.client.headManifest(target.repository, target.tag))?.digest
        : undefined;
    const images = ctx.settings.images;
    const job = {
        service: service.name,
        reference: `${target.host}/${target.repository}:${target.tag}`,
        context: build.context,
        dockerfile: build.dockerfile,
        target: build.target,
        args: build.args,
        platforms: build.platforms.length > 0 ? build.platforms : ctx.settings.platforms,
        labels: ociLabels(ctx, timestamp),
        timestamp,
        insecure: target.endpoint.insecure,
        authFile: (0,registry_auth/* authFile */.N6)(ctx.settings.context.tempDir),
        workDir: (0,external_node_path_.join)(ctx.settings.context.tempDir, 'deploy-pipeline-images', service.name),
        cache: images.cache,
        cacheReference: `${target.host}/${target.repository}:buildcache`,
        provenance: images.provenance,
        sbom: images.sbom,
        push: existing === undefined
    };
    progress(ctx, service.name, `building ${job.reference} for ${job.platforms.join(', ')} with ${builder.name}`);
    const started = Date.now();
    const what = `build of ${service.name} (build_timeout)`;
    await (0,deadline/* withItemDeadline */.Wb)(ctx.signal, images.buildTimeoutMs, what, signal => builder.build(job, control(ctx, service.name, signal)).catch((error) => {
        throw asBuilderError(error, 'BUILD_FAILED', `Building ${service.name} failed`);
    }));
    ctx.state.built.set(service.name, { builder, job, existing });
    progress(ctx, service.name, `built in ${(0,follow/* formatDuration */.a)(Date.now() - started)}`);
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
    const result = await (0,runtime_command/* runCommand */.d)('git', ['-C', workspace, 'log', '-1', '--format=%ct', sha || 'HEAD'], { signal: ctx.signal }).catch(() => undefined);
    const seconds = Number(result?.tail.at(-1));
    return result?.exitCode === 0 && Number.isInteger(seconds) ? seconds : undefined;
}
function asBuilderError(error, code, message) {
    if (!(error instanceof CommandFailure))
        return (0,errors/* asDeployError */.y0)(error, code);
    const details = error.tail.join('\n');
    if (code === 'PUSH_FAILED' && registry_auth/* CREDENTIALS_REFUSED */.ar.test(details)) {
        return new errors/* DeployError */.sH('REGISTRY_AUTH_FAILED', `${message}: the registry rejected the credentials.`, { details });
    }
    const how = error.exitCode === 0 ? 'reported no digest' : `exited with ${error.exitCode}`;
    return new errors/* DeployError */.sH(code, `${message} (${error.command} ${how}).`, { details });
}
function control(ctx, service, signal) {
    return { signal, onLine: line => ctx.core.info(`[${service}] ${line}`) };
}

;// CONCATENATED MODULE: ./src/phases/image-push.ts







/**
 * PUSH, one service, by its planned action: push what BUILD made (or, for an immutable tag that
 * exists, prove it is the same image), promote by copying a manifest inside the registry, or read
 * the digest of the tag that is deployed as it is. Returns the digest the registry holds.
 */
async function pushOne(ctx, service, target, signal) {
    switch (service.image.action) {
        case 'skip':
            return existingDigest(target, signal);
        case 'promote':
            return promote(ctx, service, target, signal);
        case 'build':
            return pushBuilt(ctx, service, target, signal);
    }
}
async function existingDigest(target, signal) {
    const found = await target.client.headManifest(target.repository, target.tag, signal);
    if (!found) {
        const reference = `${target.host}/${target.repository}:${target.tag}`;
        throw new errors/* DeployError */.sH('PUSH_FAILED', `build: skip, but ${reference} does not exist.`);
    }
    return found.digest;
}
async function promote(ctx, service, target, signal) {
    const from = service.image.promoteFrom;
    if (!from) {
        throw new errors/* DeployError */.sH('PUSH_FAILED', `No image to promote ${service.name} from: set promote_from.`);
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
    progress(ctx, service.name, message, 'PUSH');
    return digest;
}
async function pushBuilt(ctx, service, target, signal) {
    const made = ctx.state.built.get(service.name);
    if (!made) {
        throw new errors/* DeployError */.sH('PUSH_FAILED', `${service.name} was not built, so there is nothing to push.`);
    }
    const reference = `${target.host}/${target.repository}:${target.tag}`;
    if (made.existing !== undefined) {
        const local = await made.builder.localDigest(made.job, control(ctx, service.name, signal));
        await refuseOverwrite(target, local, signal);
        const message = `${target.tag} already holds this exact image (immutable repository): nothing pushed`;
        progress(ctx, service.name, message, 'PUSH');
        return local;
    }
    const pushed = await (0,retry/* withRetry */.bD)(attemptSignal => made.builder
        .push(made.job, control(ctx, service.name, attemptSignal))
        .catch(async (error) => {
        // buildah 1.28 exits 0 without a digest both when the registry fails and when it
        // refuses the credentials: ask the registry whether the builder's still work.
        if (error instanceof CommandFailure && error.exitCode === 0)
            await builderCredentialsWork(ctx, target, attemptSignal);
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
            if (error instanceof errors/* DeployError */.sH)
                return { retry: false };
            if (error instanceof CommandFailure)
                return { retry: TRANSIENT_PUSH.test(error.tail.join('\n')) };
            return undefined;
        }
    }).catch((error) => {
        throw asBuilderError(error, 'PUSH_FAILED', `Pushing ${reference} failed`);
    });
    // Trust what the registry says the tag holds, not only what the builder wrote down.
    const stored = await target.client.headManifest(target.repository, target.tag, signal);
    if (stored?.digest !== pushed) {
        const holds = stored?.digest ?? 'nothing';
        throw new errors/* DeployError */.sH('PUSH_FAILED', `${reference} holds ${holds} after pushing ${pushed}.`);
    }
    return pushed;
}
/**
 * Throws REGISTRY_AUTH_FAILED when the registry refuses the credentials the builder pushed with
 * (those saved in the per-job auth file: an ECR token that expired since BUILD logged in).
 */
async function builderCredentialsWork(ctx, target, signal) {
    const saved = await (0,registry_auth/* savedLogin */.Hp)(ctx.settings.context.tempDir, target.host);
    if (!saved)
        return;
    const client = new RegistryClient({ ...target.endpoint, ...saved }, { attempts: 2 });
    await client.headManifest(target.repository, target.tag, signal).catch((error) => {
        if (error instanceof errors/* DeployError */.sH && error.code === 'REGISTRY_AUTH_FAILED')
            throw error;
    });
}
/** An immutable tag may be "written" again only with the digest it already holds. */
async function refuseOverwrite(target, digest, signal) {
    const current = await target.client.headManifest(target.repository, target.tag, signal);
    if (current && current.digest !== digest) {
        throw new errors/* DeployError */.sH('PUSH_FAILED', `${target.host}/${target.repository}:${target.tag} already holds ${current.digest} and the repository's tags are immutable; ` +
            'deploy a new tag (create_tag makes one per run) or make the repository mutable.');
    }
}
/** Builder output that means the registry had a passing problem: worth another attempt. */
const TRANSIENT_PUSH = /connection reset|broken pipe|EOF|i\/o timeout|TLS handshake timeout|too many requests|\b(429|500|502|503|504)\b|wrote no digest/i;

;// CONCATENATED MODULE: ./src/phases/image.ts








/**
 * BUILD and PUSH: build each service's image for every platform, push it, or promote an image that
 * already exists by giving it the new tag inside the registry (the manifest or index only: no
 * layers move, nothing is rebuilt). Ends with `state.images[service] = host/repo:tag@sha256:...`,
 * the digest read back from the registry. Services run in parallel, bounded; the phase waits for
 * all of them and then reports the first failure.
 */
function imageServices(ctx, action) {
    return ctx.plan.services.filter((s) => s.image !== undefined && (action === undefined || s.image.action === action));
}
async function runBuildPhase(ctx) {
    const services = imageServices(ctx, 'build');
    if (services.length === 0)
        return;
    const choice = await chooseBuilder(ctx.settings.images.builder);
    ctx.bus.emit({ type: 'info', stage: 'BUILD', message: choice.reason });
    const builder = createBuilder(choice.name, (0,registry_auth/* authDirectory */.k0)(ctx.settings.context.tempDir));
    const timestamp = await buildTimestamp(ctx);
    // One login per registry and credentials, shared by the services that push there.
    const logins = new Map();
    const loginOnce = (target) => {
        const { host, username, password } = target.endpoint;
        const key = [host, username, password].join('\0');
        let done = logins.get(key);
        if (!done) {
            done = login(ctx, choice.name, target);
            logins.set(key, done);
            done.catch(() => logins.delete(key));
        }
        return done;
    };
    await settleAll(ctx, services, BUILD_LANES, service => 
    // A fresh token is a new login key, so loginOnce logs in with it.
    onceWithFreshEcrToken(ctx, service, async () => {
        const target = await imageTarget(ctx, service);
        await loginOnce(target);
        await buildOne(ctx, builder, service, target, timestamp);
    }));
}
async function runPushPhase(ctx) {
    await settleAll(ctx, imageServices(ctx), PUSH_LANES, service => onceWithFreshEcrToken(ctx, service, async (fresh) => {
        const target = await imageTarget(ctx, service);
        // The builder pushes with the auth file BUILD logged in with: after a refused token, put
        // the fresh one there before pushing again.
        const made = ctx.state.built.get(service.name);
        if (fresh && made)
            await login(ctx, made.builder.name, target);
        const digest = await (0,deadline/* withItemDeadline */.Wb)(ctx.signal, ctx.settings.images.pushTimeoutMs, `push of ${service.name} (push_timeout)`, signal => pushOne(ctx, service, target, signal));
        const reference = `${target.host}/${target.repository}:${target.tag}@${digest}`;
        ctx.state.images[service.name] = reference;
        progress(ctx, service.name, reference, 'PUSH');
    }));
}
/** Called by the post step: log out of every registry and remove the per-job credentials. */
async function cleanupRegistryAuth(tempDir) {
    await (0,registry_auth.removeRegistryAuth)(tempDir);
}
/**
 * ECR tokens can be refused (expired mid-run): ask for a fresh one once and do the work again;
 * `fresh` tells the work that it runs with a new token, which the builders' auth file lacks.
 */
async function onceWithFreshEcrToken(ctx, service, work) {
    try {
        await work(false);
    }
    catch (error) {
        if (service.image.registry !== 'ecr' ||
            !(error instanceof errors/* DeployError */.sH) ||
            error.code !== 'REGISTRY_AUTH_FAILED')
            throw error;
        ctx.core.warning(`ECR's authorization token did not work for ${service.name} (${error.message}); asking for a fresh one`);
        forgetEcrCredentials(ctx);
        await work(true);
    }
}
/**
 * Runs every item (at most `limit` at once), waits for all, then throws the first failure; once
 * the run is cancelled, any failure is reported as CANCELLED.
 */
async function settleAll(ctx, items, limit, work) {
    const results = [];
    let next = 0;
    const lane = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]).then(() => ({ status: 'fulfilled', value: undefined }), (reason) => ({ status: 'rejected', reason }));
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
    const failures = results
        .filter((r) => r.status === 'rejected')
        .map(r => r.reason);
    if (failures.length === 0)
        return;
    if (ctx.signal.aborted) {
        const reason = ctx.signal.reason;
        if (reason instanceof errors/* DeployError */.sH)
            throw reason; // the phase's own deadline: TIMEOUT
        throw new errors/* DeployError */.sH('CANCELLED', 'Image builds and pushes were cancelled.');
    }
    throw failures[0];
}
/** Builds at once: one per core (builders are CPU-bound), at most four. */
const BUILD_LANES = Math.max(1, Math.min(4, (0,external_node_os_.availableParallelism)()));
/** Pushes at once: network-bound, so not tied to cores. */
const PUSH_LANES = 4;
/**
 * The deadline of a whole BUILD or PUSH phase: build_timeout and push_timeout are per service,
 * and services queue in lanes, so the phase may take one timeout per round of lanes.
 */
function imagePhaseBudget(services, lanes, perServiceMs) {
    return Math.ceil(Math.max(1, services) / lanes) * perServiceMs + 60_000;
}


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
/* harmony export */   a: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e: () => (/* binding */ follow)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            if (look.progress !== undefined && look.progress !== lastProgress) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const wait = options.intervalMs - (now() - lookStarted);
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
        if (options.signal?.aborted) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('CANCELLED', `cancelled while waiting for ${options.describe}`);
        }
        throw error;
    }
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ }),

/***/ 6390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ readRetryAfter),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   eV: () => (/* binding */ describeRetry),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   qY: () => (/* binding */ asRecord)
/* harmony export */ });
/* unused harmony exports AttemptTimeoutError, classifyError, parseRetryAfter */
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
                throw options.signal.reason ?? error;
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
