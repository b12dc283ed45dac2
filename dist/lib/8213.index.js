export const id = 8213;
export const ids = [8213];
export const modules = {

/***/ 8213:
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
// EXTERNAL MODULE: ./src/builders/types.ts
var types = __webpack_require__(3613);
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
            throw new types/* CommandFailure */.q(command, result.exitCode, result.tail);
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
            throw new types/* CommandFailure */.q('buildah manifest push', 0, [...tail, SILENT_PUSH_FAILURE]);
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
        localDigest: (job, run) => inLayout(job, run, async (_layout, digest) => digest),
        localIndex: (job, run) => inLayout(job, run, readIndex),
        async exportLayout(job, run, directory) {
            await (0,promises_.rm)(directory, { recursive: true, force: true });
            return pushTo(job, run, `oci:${directory}`);
        }
    };
    /** Pushes the list into a scratch OCI layout and reads what is needed from it. */
    async function inLayout(job, run, read) {
        const layout = (0,external_node_path_.join)(job.workDir, 'oci-layout');
        await (0,promises_.rm)(layout, { recursive: true, force: true });
        try {
            return await read(layout, await pushTo(job, run, `oci:${layout}`));
        }
        finally {
            await (0,promises_.rm)(layout, { recursive: true, force: true });
        }
    }
}
/** The index a layout holds under `digest`, with the media type its index.json records. */
async function readIndex(layout, digest) {
    const listed = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(layout, 'index.json'), 'utf8'));
    const entry = listed.manifests?.find(m => m.digest === digest);
    const body = await (0,promises_.readFile)((0,external_node_path_.join)(layout, 'blobs', ...digest.split(':')));
    const mediaType = entry?.mediaType ?? 'application/vnd.oci.image.index.v1+json';
    return { digest, mediaType, size: body.length, body };
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
    if (inputs.byDigest) {
        // The repository only, no tag; OCI media types, as buildah's images are, so that the deploy
        // job's index never mixes Docker and OCI manifests of its own making.
        const repository = inputs.reference.slice(0, inputs.reference.lastIndexOf(':'));
        const byDigest = 'push-by-digest=true,name-canonical=true,oci-mediatypes=true';
        args.push('--output', `type=image,name=${repository},${byDigest},push=true${insecure}`);
    }
    else {
        args.push('--output', `type=image,name=${inputs.reference},push=${inputs.push}${insecure}`);
    }
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
            throw new types/* CommandFailure */.q(`docker ${args.slice(0, 2).join(' ')}`, result.exitCode, result.tail);
        }
        return result.tail;
    }
    async function inspect(builder, run) {
        const args = ['buildx', 'inspect', '--bootstrap', ...(builder ? [builder] : [])];
        const quiet = { ...run, onLine: () => undefined };
        return parseBuildxInspect((await docker(args, quiet)).join('\n'));
    }
    /** The builder to use for these platforms, with emulation for the foreign ones. */
    async function prepare(platforms, run, byDigest) {
        let builder;
        let info = await inspect(undefined, run);
        // The docker driver neither builds several platforms nor pushes by digest.
        if (info.driver === 'docker' && (platforms.length > 1 || byDigest)) {
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
            return prepare(platforms, run, job.byDigest === true);
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
    throw new errors.DeployError('BUILD_FAILED', 'No image builder found: install Docker with buildx (docker/setup-buildx-action) or buildah ' +
        '(apt-get install -y buildah) on the runner.');
}
function unavailable(name, what) {
    return new errors.DeployError('BUILD_FAILED', `builder: ${name} was requested but is not usable here; install ${what}.`);
}
function createBuilder(name, dockerConfigDir) {
    return name === 'buildx' ? createBuildx(dockerConfigDir) : createBuildah();
}

// EXTERNAL MODULE: ./src/clients/registry-auth.ts
var registry_auth = __webpack_require__(6260);
// EXTERNAL MODULE: ./src/runtime/duration.ts
var duration = __webpack_require__(1170);
;// CONCATENATED MODULE: ./src/phases/builder-output.ts

/**
 * Builder output in the log. Services build in parallel, and the runner's log groups neither nest
 * nor interleave: streamed as it comes, every builder's lines braid into one column inside the
 * phase's group, where they were most of the log and buried the phase's story. So each service's
 * output is kept aside while it runs, and when the phase ends each service gets its own collapsed
 * group, `build api (linux/amd64, linux/arm64)`, after the phase's group (the log sink closes that
 * one first), with builder text inside a stop-commands block. A failed service's last lines
 * follow outside its group, where they are seen without opening anything.
 *
 * The price is that a build shows nothing of its own while it runs; so while a service is busy,
 * a heartbeat line every 30 s says how long, how much output so far and how long since the last
 * line: a hung build is visible as one whose line count stops. Streaming one service live and
 * keeping the others aside was the other choice: its lines would still land between the other
 * services' lines in the phase's group, and which service is worth watching is not known first.
 */
const HEARTBEAT_MS = 30_000;
/** Shown again after the group of a service that failed. */
const FAILURE_TAIL_LINES = 30;
/** A service's group keeps its last lines, so a build that prints without end cannot fill memory. */
const KEPT_LINES = 20_000;
/** The builder output of one phase (BUILD or PUSH), per service. */
class BuilderOutput {
    ctx;
    verb;
    transcripts = new Map();
    heartbeatMs;
    now;
    closed = false;
    constructor(ctx, verb, options = {}) {
        this.ctx = ctx;
        this.verb = verb;
        this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
        this.now = options.now ?? Date.now;
    }
    /** The service's output; asked again (a retry with a fresh token), the same one, busy again. */
    of(service, platforms) {
        let transcript = this.transcripts.get(service);
        if (!transcript) {
            transcript = {
                title: `${this.verb} ${service} (${platforms.join(', ')})`,
                lines: [],
                dropped: 0,
                count: 0,
                startedAt: this.now(),
                lastLineAt: undefined,
                failed: false,
                timer: undefined
            };
            this.transcripts.set(service, transcript);
        }
        const entry = transcript;
        if (!entry.timer && !this.closed) {
            entry.timer = setInterval(() => this.ctx.core.info(this.heartbeat(service)), this.heartbeatMs);
            entry.timer.unref();
        }
        const finish = (failed) => {
            entry.failed = failed;
            clearInterval(entry.timer);
            entry.timer = undefined;
        };
        return {
            control: signal => ({ signal, onLine: line => this.record(entry, line) }),
            finish,
            settle: work => work.then(result => {
                finish(false);
                return result;
            }, (error) => {
                finish(true);
                throw error;
            })
        };
    }
    /** `[api] still building (1 min 30 s so far, 212 lines of builder output, the last 45 s ago)` */
    heartbeat(service) {
        const transcript = this.transcripts.get(service);
        if (!transcript)
            return `[${service}] not started`;
        const now = this.now();
        const busy = this.verb === 'build' ? 'building' : 'pushing';
        const elapsed = `${(0,duration/* formatDuration */.a)(now - transcript.startedAt)} so far`;
        if (transcript.lastLineAt === undefined) {
            return `[${service}] still ${busy} (${elapsed}, no builder output yet)`;
        }
        const lines = `${transcript.count} ${transcript.count === 1 ? 'line' : 'lines'} of builder output`;
        const since = now - transcript.lastLineAt;
        const last = since < 1000 ? 'the last just now' : `the last ${(0,duration/* formatDuration */.a)(since)} ago`;
        return `[${service}] still ${busy} (${elapsed}, ${lines}, ${last})`;
    }
    /**
     * Ends the phase's output: every heartbeat stops, and each service that printed anything gets
     * its group, in the order the services started. Lines a killed builder prints later are dropped.
     */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        for (const transcript of this.transcripts.values()) {
            clearInterval(transcript.timer);
            if (transcript.count === 0)
                continue;
            const kept = transcript.dropped
                ? [`(${transcript.dropped} earlier lines not kept)`, ...transcript.lines]
                : transcript.lines;
            const tail = transcript.lines.slice(-FAILURE_TAIL_LINES);
            this.ctx.bus.aside({
                title: transcript.title,
                lines: kept,
                ...(transcript.failed
                    ? {
                        tail: {
                            title: `${transcript.title} failed; its last ${tail.length} lines:`,
                            lines: tail
                        }
                    }
                    : {})
            });
        }
    }
    record(transcript, line) {
        if (this.closed)
            return;
        transcript.count++;
        transcript.lastLineAt = this.now();
        transcript.lines.push(line);
        // Trimmed in batches: shifting one line at a time would copy the array on every line.
        if (transcript.lines.length > KEPT_LINES * 1.5) {
            const excess = transcript.lines.length - KEPT_LINES;
            transcript.lines.splice(0, excess);
            transcript.dropped += excess;
        }
    }
}

// EXTERNAL MODULE: ./src/phases/deadline.ts
var deadline = __webpack_require__(6958);
// EXTERNAL MODULE: ./src/phases/image-build.ts
var image_build = __webpack_require__(1596);
// EXTERNAL MODULE: ./src/phases/image-push.ts
var image_push = __webpack_require__(754);
// EXTERNAL MODULE: ./src/phases/image-registries.ts
var image_registries = __webpack_require__(7293);
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
async function runBuildPhase(ctx, options = {}) {
    const services = imageServices(ctx, 'build');
    if (services.length === 0)
        return;
    const choice = await chooseBuilder(ctx.settings.images.builder);
    ctx.bus.emit({ type: 'info', stage: 'BUILD', message: choice.reason });
    const tempDir = ctx.settings.context.tempDir;
    await (0,registry_auth/* ensureAuthFile */.pP)(tempDir);
    const builder = createBuilder(choice.name, (0,registry_auth/* authDirectory */.k0)(tempDir));
    const timestamp = await (0,image_build/* buildTimestamp */.j3)(ctx);
    // One login per registry and credentials, shared by the services that push there.
    const logins = new Map();
    const loginOnce = (target) => {
        const { host, username, password } = target.endpoint;
        const key = [host, username, password].join('\0');
        let done = logins.get(key);
        if (!done) {
            done = (0,image_build/* login */.iD)(ctx, choice.name, target);
            logins.set(key, done);
            done.catch(() => logins.delete(key));
        }
        return done;
    };
    const output = new BuilderOutput(ctx, 'build', options);
    try {
        await settleAll(ctx, services, BUILD_LANES, service => 
        // A fresh token is a new login key, so loginOnce logs in with it.
        reportedAs(ctx, 'BUILD', service, () => onceWithFreshEcrToken(ctx, service, async () => {
            const target = await (0,image_registries.imageTarget)(ctx, service);
            await loginOnce(target);
            await (0,image_build/* buildOne */.$L)(ctx, builder, service, target, timestamp, output);
        })));
    }
    finally {
        output.close();
    }
}
/** `actions`: only the images of these actions (a deploy job merges what the build jobs built). */
async function runPushPhase(ctx, options = {}, actions) {
    const output = new BuilderOutput(ctx, 'push', options);
    const services = imageServices(ctx).filter(s => !actions || actions.includes(s.image.action));
    try {
        await settleAll(ctx, services, PUSH_LANES, service => reportedAs(ctx, 'PUSH', service, () => onceWithFreshEcrToken(ctx, service, async (fresh) => {
            const target = await (0,image_registries.imageTarget)(ctx, service);
            // The builder pushes with the auth file BUILD logged in with: after a refused token, put
            // the fresh one there before pushing again.
            const made = ctx.state.built.get(service.name);
            if (fresh && made)
                await (0,image_build/* login */.iD)(ctx, made.builder.name, target);
            // Marks when this service's push began: pushes wait for a lane, so the phase's start
            // is not each push's start (the job summary's chart reads it).
            (0,image_registries.progress)(ctx, service.name, PUSH_START[service.image.action](target.tag), 'PUSH');
            const digest = await (0,deadline/* withItemDeadline */.Wb)(ctx.signal, ctx.settings.images.pushTimeoutMs, `push of ${service.name} (push_timeout)`, signal => (0,image_push/* pushOne */.JJ)(ctx, service, target, signal, output));
            const reference = `${target.host}/${target.repository}:${target.tag}@${digest}`;
            ctx.state.images[service.name] = reference;
            (0,image_registries.progress)(ctx, service.name, reference, 'PUSH');
        })));
    }
    finally {
        output.close();
    }
}
const PUSH_START = {
    build: tag => `pushing ${tag}`,
    promote: tag => `promoting to ${tag}`,
    skip: tag => `reading the digest of ${tag}`,
    rollback: tag => `taking ${tag} as recorded`
};
/**
 * A service whose build or push failed says so as its own error event, so the status card and
 * the summary show which service failed and why; the phase still fails with the first failure.
 * After a cancel every item fails with the cancel: that is the run's story, not the service's.
 */
async function reportedAs(ctx, stage, service, work) {
    try {
        await work();
    }
    catch (error) {
        if (!ctx.signal.aborted) {
            const failure = (0,errors/* asDeployError */.y0)(error, stage === 'BUILD' ? 'BUILD_FAILED' : 'PUSH_FAILED');
            ctx.bus.emit({
                type: 'error',
                stage,
                service: service.name,
                message: failure.message,
                // The details (the builder's last lines) travel once, with the run's error.
                error_code: failure.code
            });
        }
        throw error;
    }
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
            !(error instanceof errors.DeployError) ||
            error.code !== 'REGISTRY_AUTH_FAILED')
            throw error;
        ctx.core.warning(`ECR's authorization token did not work for ${service.name} (${error.message}); asking for a fresh one`);
        (0,image_registries.forgetEcrCredentials)(ctx);
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
        if (reason instanceof errors.DeployError)
            throw reason; // the phase's own deadline: TIMEOUT
        throw new errors.DeployError('CANCELLED', 'Image builds and pushes were cancelled.');
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


/***/ })

};

//# sourceMappingURL=8213.index.js.map