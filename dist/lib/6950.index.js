export const id = 6950;
export const ids = [6950];
export const modules = {

/***/ 6950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordFileName: () => (/* binding */ recordFileName),
/* harmony export */   runDigestPushPhase: () => (/* binding */ runDigestPushPhase)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6958);
/* harmony import */ var _image_build_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1596);
/* harmony import */ var _image_push_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(754);
/* harmony import */ var _image_registries_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7293);









/**
 * PUSH of a build job (phase: build): the one image BUILD made, for one platform, goes to its
 * repository by digest and under no tag (the deploy job tags the index of every platform), and
 * the job leaves a record of it for the deploy job: a file, and the `digest` / `record` outputs.
 * buildah's image is sent from an OCI layout by the registry client (layers the repository holds
 * are not sent again); buildx pushed it by digest while it built.
 */
async function runDigestPushPhase(ctx) {
    const service = ctx.plan.services[0];
    const platform = service?.image?.platforms?.[0];
    if (!service?.image || !platform) {
        throw new Error('a build job plan has one service and one platform');
    }
    const planned = service;
    const target = await (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_8__.imageTarget)(ctx, planned);
    (0,_image_registries_js__WEBPACK_IMPORTED_MODULE_8__.progress)(ctx, service.name, `pushing ${platform} by digest`, 'PUSH');
    const pushed = await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_5__/* .withItemDeadline */ .Wb)(ctx.signal, ctx.settings.images.pushTimeoutMs, `push of ${service.name} (push_timeout)`, signal => pushByDigest(ctx, planned, target, signal)).catch((error) => {
        throw (0,_image_build_js__WEBPACK_IMPORTED_MODULE_6__/* .asBuilderError */ .Kz)(error, 'PUSH_FAILED', `Pushing ${service.name} ${platform} failed`, s => (0,_image_build_js__WEBPACK_IMPORTED_MODULE_6__/* .pushRefusal */ .Jt)(target, s));
    });
    const record = {
        service: service.name,
        platform,
        image: `${target.host}/${target.repository}`,
        digest: pushed.digest,
        mediaType: pushed.mediaType,
        size: pushed.size,
        deploymentId: ctx.plan.deploymentId,
        commit: ctx.plan.commit
    };
    const file = await writeRecord(ctx.settings.context.tempDir, record);
    ctx.state.images[service.name] = `${record.image}@${record.digest}`;
    ctx.state.outputs.digest = record.digest;
    ctx.state.outputs.record = JSON.stringify(record);
    ctx.state.outputs.record_file = file;
    // The card's line of this service says pushed, as the build job hands the card on.
    ctx.bus.emit({
        type: 'progress',
        stage: 'PUSH',
        service: service.name,
        message: `pushed ${platform} as ${record.image}@${record.digest}`,
        data: { service_state: 'pushed' }
    });
}
/** Where a build job leaves its record: one file per service and platform, for upload-artifact. */
function recordFileName(service, platform) {
    return `${service}--${platform.replace(/\//g, '-')}.json`;
}
async function writeRecord(tempDir, record) {
    const directory = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir, 'deploy-pipeline-records');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(directory, { recursive: true });
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, recordFileName(record.service, record.platform));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, `${JSON.stringify(record, null, 2)}\n`);
    return file;
}
async function pushByDigest(ctx, service, target, signal) {
    const made = (0,_image_push_js__WEBPACK_IMPORTED_MODULE_7__/* .builtImage */ .i)(ctx, service.name);
    const run = { signal, onLine: () => undefined };
    if (!made.builder.exportLayout) {
        // buildx pushed by digest while it built; its metadata names what it pushed.
        const digest = await made.builder.push(made.job, run);
        const stored = await target.client.headManifest(target.repository, digest, signal);
        if (!stored) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('PUSH_FAILED', `${target.host}/${target.repository}@${digest} is not in the registry after the push.`);
        }
        return { digest, mediaType: stored.mediaType, size: stored.size };
    }
    const layout = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(made.job.workDir, 'by-digest');
    const indexDigest = await made.builder.exportLayout(made.job, run, layout);
    return uploadLayout(target.client, target.repository, layout, indexDigest, signal);
}
/**
 * Sends the one image of a layout's index: its config and layers (each unless present), then its
 * manifest under its digest. The index itself stays behind: it names one platform only.
 */
async function uploadLayout(client, repository, layout, indexDigest, signal) {
    const blob = (digest) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout, 'blobs', ...digest.split(':'));
    const index = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(blob(indexDigest), 'utf8'));
    const entry = index.manifests?.[0];
    if (index.manifests?.length !== 1 || !entry) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('PUSH_FAILED', `the build made ${index.manifests?.length ?? 0} images; a build job makes one`);
    }
    const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(blob(entry.digest));
    const manifest = JSON.parse(body.toString('utf8'));
    for (const part of [manifest.config, ...manifest.layers]) {
        await client.uploadBlob(repository, {
            digest: part.digest,
            size: part.size,
            open: () => node_stream__WEBPACK_IMPORTED_MODULE_3__.Readable.toWeb((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(blob(part.digest)))
        }, signal);
    }
    const stored = await client.putManifest(repository, entry.digest, { digest: entry.digest, mediaType: entry.mediaType, size: body.length, body }, signal);
    if (stored !== entry.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('PUSH_FAILED', `the registry stored the image as ${stored}, not ${entry.digest}`);
    }
    return { digest: entry.digest, mediaType: entry.mediaType, size: body.length };
}


/***/ })

};

//# sourceMappingURL=6950.index.js.map