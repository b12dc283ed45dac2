export const id = 5660;
export const ids = [5660];
export const modules = {

/***/ 5660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMergePhase: () => (/* binding */ runMergePhase)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/clients/registry.ts
var registry = __webpack_require__(5037);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/handoff.ts
var handoff = __webpack_require__(3253);
;// CONCATENATED MODULE: ./src/phases/image-index.ts

/**
 * The multi-platform index the deploy job assembles from the build jobs' images (pure). One media
 * type family for the index and everything it names, because registries and policy checks reject
 * a mix (Docker v2 manifests in an OCI index, or the other way round):
 * - every image a Docker v2 schema 2 manifest: a Docker manifest list of them, digests unchanged;
 * - otherwise an OCI image index of OCI manifests: a Docker v2 manifest among them is rewritten as
 *   an OCI manifest (the same config and layer bytes, only media types change), which gives it a
 *   new digest; the caller pushes it and says so.
 * An image that is itself an index (buildx with provenance: the image and its attestation) has
 * its entries listed in the new index.
 */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** Docker v2 media types of configs and layers, and their OCI names. */
const DOCKER_TO_OCI = {
    'application/vnd.docker.container.image.v1+json': 'application/vnd.oci.image.config.v1+json',
    'application/vnd.docker.image.rootfs.diff.tar.gzip': 'application/vnd.oci.image.layer.v1.tar+gzip',
    'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip': 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip'
};
function platformOf(platform) {
    const [os = '', architecture = '', variant] = platform.split('/');
    return { architecture, os, ...(variant ? { variant } : {}) };
}
function assembleIndex(images, digestOf) {
    const docker = images.every(image => image.mediaType === DOCKER_MANIFEST);
    const converted = [];
    const entries = [];
    for (const image of images) {
        if (image.mediaType === OCI_INDEX || image.mediaType === DOCKER_LIST) {
            const nested = JSON.parse(image.body.toString('utf8'));
            for (const entry of nested.manifests ?? []) {
                if (!docker && entry.mediaType === DOCKER_MANIFEST) {
                    throw new errors.DeployError('PUSH_FAILED', `The ${image.platform} image ${image.digest} is an index naming a Docker v2 manifest; ` +
                        'build with OCI media types (buildah, or buildx with oci-mediatypes=true).');
                }
                entries.push(entry);
            }
            continue;
        }
        if (image.mediaType === DOCKER_MANIFEST && !docker) {
            const body = toOciManifest(image);
            const digest = digestOf(body);
            converted.push({
                platform: image.platform,
                from: image.digest,
                mediaType: OCI_MANIFEST,
                digest,
                body
            });
            entries.push({
                mediaType: OCI_MANIFEST,
                digest,
                size: body.length,
                platform: platformOf(image.platform)
            });
            continue;
        }
        entries.push({
            mediaType: image.mediaType,
            digest: image.digest,
            size: image.body.length,
            platform: platformOf(image.platform)
        });
    }
    const mediaType = docker ? DOCKER_LIST : OCI_INDEX;
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: entries }));
    return { mediaType, body, converted };
}
/** A Docker v2 schema 2 manifest as an OCI image manifest of the same blobs. */
function toOciManifest(image) {
    const manifest = JSON.parse(image.body.toString('utf8'));
    const rename = (entry) => {
        const mediaType = DOCKER_TO_OCI[entry.mediaType];
        if (!mediaType) {
            throw new errors.DeployError('PUSH_FAILED', `The ${image.platform} image ${image.digest} has a part of type ${entry.mediaType}, which ` +
                'has no OCI equivalent; build every platform with OCI media types.');
        }
        return { ...entry, mediaType };
    };
    const oci = {
        ...manifest,
        mediaType: OCI_MANIFEST,
        config: rename(manifest.config),
        layers: manifest.layers.map(rename)
    };
    return Buffer.from(JSON.stringify(oci));
}

// EXTERNAL MODULE: ./src/phases/image-push.ts
var image_push = __webpack_require__(754);
// EXTERNAL MODULE: ./src/phases/image-registries.ts
var image_registries = __webpack_require__(7293);
;// CONCATENATED MODULE: ./src/phases/image-merge.ts








/**
 * PUSH of the deploy job (phase: deploy): every built service's multi-platform index, assembled
 * from the images the build jobs pushed by digest, and given the run's tag. Everything is checked
 * before the first tag is written: each planned service and platform has exactly one record, of
 * this plan (deployment id and commit), and the registry holds the image the record names. Any
 * problem stops the job with every problem listed and nothing tagged.
 */
async function runMergePhase(ctx) {
    // Nothing was built (only promotions, or nothing changed): no build job ran, no records exist.
    if ((0,handoff/* builtServices */.vm)(ctx.plan).length === 0)
        return;
    const records = await readRecords(ctx);
    const chosen = checkRecords(ctx, records);
    const services = (0,handoff/* builtServices */.vm)(ctx.plan);
    const fetched = await Promise.all(services.map(service => fetchImages(ctx, service, chosen)));
    const absent = fetched.flatMap(f => f.absent);
    if (absent.length > 0) {
        throw new errors.DeployError('PUSH_FAILED', `${absent.length} image${absent.length === 1 ? '' : 's'} the build records name ${absent.length === 1 ? 'is' : 'are'} not in the registry; nothing was tagged.`, { details: absent.join('\n') });
    }
    for (const { service, target, images } of fetched) {
        await tagIndex(ctx, service, target, images);
    }
}
/** The `records` input: a directory of record files (download-artifact), or a JSON list. */
async function readRecords(ctx) {
    const given = ctx.settings.split.records ?? '';
    if (given.startsWith('[')) {
        let list;
        try {
            list = JSON.parse(given);
        }
        catch {
            throw new errors.DeployError('INVALID_INPUT', 'Input records starts like a JSON list but is not JSON.');
        }
        if (!Array.isArray(list))
            throw new errors.DeployError('INVALID_INPUT', 'Input records is not a JSON list.');
        return list.map((item, i) => {
            const from = `records[${i}]`;
            const value = typeof item === 'string' ? parseOrKeep(item) : item;
            return { record: (0,handoff/* readBuildRecord */.mx)(value, from), from };
        });
    }
    const workspace = ctx.settings.context.workspace;
    const directory = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(workspace, given);
    const names = await (0,promises_.readdir)(directory, { recursive: true }).catch((error) => {
        throw new errors.DeployError('INVALID_INPUT', `Input records: ${directory} is not a directory of build records (${String(error)}); ` +
            "download the build jobs' record artifacts there first.");
    });
    const files = names.filter(name => name.endsWith('.json')).sort();
    return Promise.all(files.map(async (name) => {
        const from = (0,external_node_path_.join)(directory, name);
        const text = await (0,promises_.readFile)(from, 'utf8');
        return { record: (0,handoff/* readBuildRecord */.mx)(parseOrKeep(text), from), from };
    }));
}
function parseOrKeep(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** One record per planned service and platform, all of this plan: else every problem at once. */
function checkRecords(ctx, records) {
    const plan = ctx.plan;
    const expected = new Map();
    for (const service of (0,handoff/* builtServices */.vm)(plan)) {
        for (const platform of service.image.platforms ?? [])
            expected.set(key(service.name, platform), service);
    }
    const problems = [];
    const chosen = new Map();
    for (const { record, from } of records) {
        const what = `${from} (${record.service} ${record.platform})`;
        if (record.deploymentId !== plan.deploymentId || record.commit !== plan.commit) {
            problems.push(`${what} belongs to another plan: deployment ${record.deploymentId} of ${record.commit.slice(0, 7)}, ` +
                `not ${plan.deploymentId} of ${plan.commit.slice(0, 7)}`);
            continue;
        }
        const service = expected.get(key(record.service, record.platform));
        if (!service) {
            problems.push(`${what}: this plan builds no such service and platform`);
            continue;
        }
        if (!record.image.endsWith(`/${service.image.repository}`)) {
            problems.push(`${what} names ${record.image}, not the planned repository ${service.image.repository}`);
            continue;
        }
        if (chosen.has(key(record.service, record.platform))) {
            problems.push(`${what} is a second record of the same service and platform`);
            continue;
        }
        chosen.set(key(record.service, record.platform), record);
    }
    for (const [wanted, service] of expected) {
        if (!chosen.has(wanted) && !problems.some(p => p.includes(`(${wanted})`))) {
            problems.push(`no record of ${wanted}: its build job did not succeed, or its record was not handed to this job (service ${service.name})`);
        }
    }
    if (problems.length > 0) {
        throw new errors.DeployError('INVALID_INPUT', `The build records do not match the plan (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was tagged.`, { details: problems.join('\n') });
    }
    return chosen;
}
function key(service, platform) {
    return `${service} ${platform}`;
}
async function fetchImages(ctx, service, records) {
    const target = await (0,image_registries.imageTarget)(ctx, service);
    const images = [];
    const absent = [];
    for (const platform of service.image.platforms ?? []) {
        const record = records.get(key(service.name, platform));
        const manifest = await target.client.getManifest(target.repository, record.digest, ctx.signal);
        if (!manifest) {
            absent.push(`${service.name} ${platform}: ${target.host}/${target.repository}@${record.digest}`);
            continue;
        }
        images.push({
            platform,
            mediaType: manifest.mediaType,
            digest: record.digest,
            body: manifest.body
        });
    }
    return { service, target, images, absent };
}
async function tagIndex(ctx, service, target, images) {
    const index = assembleIndex(images, registry.sha256Digest);
    for (const converted of index.converted) {
        const manifest = { ...converted, size: converted.body.length };
        await target.client.putManifest(target.repository, converted.digest, manifest, ctx.signal);
        (0,image_registries.progress)(ctx, service.name, `${converted.platform}: Docker v2 manifest ${converted.from} rewritten as OCI ${converted.digest} (the index is OCI)`, 'PUSH');
    }
    const digest = (0,registry.sha256Digest)(index.body);
    const reference = `${target.host}/${target.repository}:${target.tag}`;
    if (target.immutable)
        await (0,image_push/* refuseOverwrite */.q5)(target, digest, ctx.signal);
    const manifest = {
        digest,
        mediaType: index.mediaType,
        size: index.body.length,
        body: index.body
    };
    const stored = await target.client.putManifest(target.repository, target.tag, manifest, ctx.signal);
    ctx.state.images[service.name] = `${reference}@${stored}`;
    const platforms = images.map(i => i.platform).join(', ');
    (0,image_registries.progress)(ctx, service.name, `tagged ${reference}@${stored} (${platforms})`, 'PUSH');
}


/***/ }),

/***/ 3253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ buildMatrix),
/* harmony export */   UE: () => (/* binding */ planForBuildJob),
/* harmony export */   YC: () => (/* binding */ readHandedPlan),
/* harmony export */   mx: () => (/* binding */ readBuildRecord),
/* harmony export */   vm: () => (/* binding */ builtServices)
/* harmony export */ });
/* unused harmony export buildRecordSchema */
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7934);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9972);



/**
 * What the jobs of a split workflow hand each other (docs/scaling.md): the plan job's `plan` (the
 * Plan, plus the status card to carry on) and `matrix`, and one record per build job. Pure: the
 * text comes in, checked data or an error that says which input is wrong goes out.
 */
const digest = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .regex */ .yGV(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex>'));
const text = valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .maxLength */ .Ru6(4096));
/**
 * The parts of a Plan the later jobs act on, checked; the plan job wrote it, but it travels
 * through the workflow file, where a hand may have cut or edited it.
 */
const plannedImage = valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    registry: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['ghcr', 'ecr', 'host']),
    host: valibot__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    repository: text,
    tag: text,
    reference: text,
    action: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['build', 'promote', 'skip']),
    platforms: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text))
});
const handedPlan = valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    deploymentId: text,
    environment: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['dev', 'stage', 'prod']),
    commit: text,
    dryRun: valibot__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    version: valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ imageTag: text, channel: valibot__WEBPACK_IMPORTED_MODULE_1__/* .picklist */ .KIO(['dev', 'rc', 'stable']) }),
    services: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
        name: text,
        dependsOn: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text),
        image: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(plannedImage)
    })),
    layers: valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(valibot__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text)),
    /** The status card the plan job posted, for the later jobs to edit (never to post again). */
    card: valibot__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J())
});
/** The `plan` input of a build or deploy job. */
function readHandedPlan(raw) {
    const parsed = (0,_runtime_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .q)(handedPlan, raw);
    if (!parsed.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input plan is not the plan output of a phase: plan job (${parsed.problem}); pass ` +
            '`plan: ${{ needs.plan.outputs.plan }}` unchanged.');
    }
    const { card, ...plan } = parsed.value;
    // Checked above for what the later jobs act on; the rest is the plan job's own output.
    return { plan: plan, card };
}
/** `strategy.matrix` for `fromJSON`: one entry per built service and platform. */
function buildMatrix(plan, runners) {
    const include = [];
    const unknown = new Set();
    for (const service of builtServices(plan)) {
        for (const platform of service.image.platforms ?? []) {
            const runner = runners[platform];
            if (runner)
                include.push({ service: service.name, platform, runner });
            else
                unknown.add(platform);
        }
    }
    if (unknown.size > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `No runner label for ${[...unknown].join(', ')}: add it under runners: in the deploy ` +
            'config (platform: runner label), so its build job runs on a machine of that architecture.');
    }
    return { include };
}
function builtServices(plan) {
    return plan.services.filter((s) => s.image?.action === 'build');
}
/** A build job's plan: its one service, built for its one platform, and nothing to deploy. */
function planForBuildJob(plan, service, platform) {
    const planned = plan.services.find(s => s.name === service);
    const left = plan.changes?.unchanged.find(s => s.name === service);
    if (!planned) {
        const why = left ? `it is unchanged: ${left.reason}` : 'no service of that name is planned';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input service '${service}' is not in the plan: ${why}.`);
    }
    if (planned.image?.action !== 'build') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input service '${service}' is not built by this plan (image: ${planned.image?.action ?? 'none'}); ` +
            'build jobs take their service and platform from the matrix output.');
    }
    const platforms = planned.image.platforms ?? [];
    if (!platforms.includes(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `Input platform '${platform}' is not planned for ${service} (${platforms.join(', ')}).`);
    }
    return {
        ...plan,
        services: [
            {
                ...planned,
                dependsOn: [],
                deploy: undefined,
                image: { ...planned.image, platforms: [platform] }
            }
        ],
        layers: [[service]]
    };
}
const buildRecordSchema = valibot__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    service: text,
    platform: text,
    image: text,
    digest,
    mediaType: text,
    size: valibot__WEBPACK_IMPORTED_MODULE_1__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_1__/* .minValue */ .Wwf(1)),
    deploymentId: text,
    commit: text
});
/** A record's text, checked; `where` names the file or the list entry for the error. */
function readBuildRecord(raw, where) {
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_1__/* .safeParse */ .xLC(buildRecordSchema, raw);
    if (parsed.success)
        return parsed.output;
    const issue = parsed.issues[0];
    const path = valibot__WEBPACK_IMPORTED_MODULE_1__/* .getDotPath */ .BuJ(issue);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `${where} is not a build record (${path ? `${path}: ` : ''}${issue.message}).`);
}


/***/ })

};

//# sourceMappingURL=5660.index.js.map