export const id = 265;
export const ids = [265];
export const modules = {

/***/ 2265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReleasePhase: () => (/* binding */ runReleasePhase),
  runTagPhase: () => (/* binding */ runTagPhase)
});

// EXTERNAL MODULE: ./src/clients/git.ts
var git = __webpack_require__(6848);
// EXTERNAL MODULE: ./src/clients/github.ts
var github = __webpack_require__(705);
// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var runtime_retry = __webpack_require__(6390);
;// CONCATENATED MODULE: ./src/clients/github-releases.ts



/**
 * Find by tag, else create; a create that answers "already_exists" (a concurrent run, or our own
 * create whose answer was lost and retried) waits until that release is readable and updates it.
 */
async function upsertRelease(api, request, tuning) {
    const calls = releaseCalls(api, request);
    let existing = await calls.find(request.signal);
    if (existing === undefined) {
        const body = await calls.notes();
        const created = await calls.create(body);
        if (created !== 'exists')
            return { url: created.url, outcome: 'created' };
        request.note(`the release of ${request.tag} was created concurrently; updating it instead`);
        existing = await waitForRelease(calls, request, tuning);
    }
    // Notes someone wrote or edited by hand stay; an empty body gets generated notes.
    const body = existing.body.trim() === '' ? await calls.notes() : undefined;
    const updated = await calls.update(existing.id, body);
    return { url: updated.url, outcome: 'updated' };
}
async function waitForRelease(calls, request, tuning) {
    const { value } = await (0,follow/* follow */.e6)({
        describe: `the release of ${request.tag} to become readable`,
        look: async (signal) => {
            const found = await calls.find(signal);
            return found ? { done: true, value: found } : { done: false };
        },
        intervalMs: tuning?.settleIntervalMs ?? 1000,
        timeoutMs: tuning?.settleTimeoutMs ?? 30_000,
        attemptsPerLook: 1,
        signal: request.signal
    });
    return value;
}
function releaseCalls(api, request) {
    const { owner, repo, tag } = request;
    const failed = (doing) => (error) => {
        throw (0,github/* explainGitHubError */.Pm)(error, {
            doing,
            code: 'RELEASE_FAILED',
            permission: 'contents: write'
        });
    };
    const fields = {
        name: request.name,
        prerelease: request.prerelease,
        make_latest: request.makeLatest ? 'true' : 'false',
        draft: false
    };
    const notesFrom = async (previous, signal) => {
        const describe = `generate release notes for ${tag}`;
        return api.call(describe, (o, s) => o.rest.repos.generateReleaseNotes({
            owner,
            repo,
            tag_name: tag,
            target_commitish: request.commit,
            ...(previous ? { previous_tag_name: previous } : {}),
            request: { signal: s }
        }), data => {
            const body = (0,runtime_retry/* asRecord */.qY)(data).body;
            if (typeof body !== 'string')
                throw new github/* MalformedAnswer */.ol(describe, 'notes with a body');
            return body;
        }, signal);
    };
    return {
        async find(signal) {
            const describe = `read the release of ${tag}`;
            try {
                return await api.call(describe, (o, s) => o.rest.repos.getReleaseByTag({ owner, repo, tag, request: { signal: s } }), data => parseRelease(data, describe), signal);
            }
            catch (error) {
                if ((0,runtime_retry/* httpStatus */.nG)(error) === 404)
                    return undefined;
                return failed(`reading the release of ${tag}`)(error);
            }
        },
        async notes() {
            try {
                return await notesFrom(request.previousTag, request.signal);
            }
            catch (error) {
                const status = (0,runtime_retry/* httpStatus */.nG)(error);
                if (!request.previousTag || (status !== 404 && status !== 422)) {
                    return failed(`generating the release notes of ${tag}`)(error);
                }
                // The previous tag may have been deleted since planning; GitHub then picks the start.
                request.note(`release notes: ${request.previousTag} not found; generated without it`);
                return notesFrom(undefined, request.signal).catch(failed(`generating notes for ${tag}`));
            }
        },
        async create(body) {
            const describe = `create the release of ${tag}`;
            try {
                return await api.call(describe, (o, s) => o.rest.repos.createRelease({
                    owner,
                    repo,
                    tag_name: tag,
                    target_commitish: request.commit,
                    body,
                    ...fields,
                    request: { signal: s }
                }), data => parseRelease(data, describe), request.signal);
            }
            catch (error) {
                if ((0,runtime_retry/* httpStatus */.nG)(error) === 422 && (0,github/* validationCodes */.Eb)(error).includes('already_exists')) {
                    return 'exists';
                }
                return failed(`creating the release of ${tag}`)(error);
            }
        },
        async update(id, body) {
            const describe = `update the release of ${tag}`;
            return api
                .call(describe, (o, s) => o.rest.repos.updateRelease({
                owner,
                repo,
                release_id: id,
                ...fields,
                ...(body === undefined ? {} : { body }),
                request: { signal: s }
            }), data => parseRelease(data, describe), request.signal)
                .catch(failed(`updating the release of ${tag}`));
        }
    };
}
function parseRelease(data, describe) {
    const release = (0,runtime_retry/* asRecord */.qY)(data);
    const body = release.body;
    return {
        id: (0,github/* requireNumber */.Bw)(release.id, describe, 'a release with an id'),
        url: (0,github/* requireString */.VW)(release.html_url, describe, 'a release with an html_url'),
        body: typeof body === 'string' ? body : ''
    };
}

// EXTERNAL MODULE: ./src/clients/github-tags.ts
var github_tags = __webpack_require__(6435);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/version.ts + 1 modules
var version = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/phases/release.ts








/**
 * TAG and RELEASE: the git tag is created (or reused) through the GitHub API on the deployed
 * commit, never forced and never moved, and the GitHub Release is upserted on it. Both are safe
 * against concurrent runs and re-runs: a tag another run took is re-read and either reused (same
 * commit) or passed over for the next -dev.N / -rc.N; a release another run created is updated,
 * never duplicated.
 */
/** Tags another run may take in a row before we give up: each loss costs one create and one read. */
const MAX_TAG_CLAIMS = 5;
async function tagStoreFor(ctx, tuning) {
    const { settings } = ctx;
    const { owner, repo, workspace } = settings.context;
    if (!(0,github/* usesGitHubApi */.ef)(settings)) {
        return {
            source: (0,git/* localTagSource */.XH)(workspace),
            refs: { create: (name, sha) => (0,git/* createLocalTag */.Ar)(workspace, name, sha) },
            where: `the local repository ${workspace} (no github_token: the tag is not pushed)`
        };
    }
    const api = await (0,github.connectFor)(settings, tuning, retryLogger(ctx));
    return {
        source: (0,github_tags/* githubTagSource */.t)(api, owner, repo),
        refs: (0,github_tags/* githubTagRefs */.A)(api, owner, repo),
        where: `${owner}/${repo}`
    };
}
/**
 * create_tag: claims plan.version.gitTag on plan.commit. Sets ctx.state.tag to the tag actually
 * created or reused; after a lost race that is a later -dev.N / -rc.N than the plan's, and the
 * image tag must follow it (retagPlan(plan, ctx.state.tag)).
 */
async function runTagPhase(ctx, tuning) {
    const { plan } = ctx;
    let version = plan.version;
    if (version.gitTag === undefined)
        return;
    if (plan.dryRun) {
        emit(ctx, 'TAG', `dry run: would create tag ${version.gitTag} on ${release_short(plan.commit)}`);
        return;
    }
    const store = await tagStoreFor(ctx, tuning);
    for (let claim = 1;; claim++) {
        const name = version.gitTag;
        if (version.reused) {
            ctx.state.tag = name;
            emit(ctx, 'TAG', `tag ${name} already points at ${release_short(plan.commit)}: reused`);
            return;
        }
        const outcome = await store.refs.create(name, plan.commit, ctx.signal);
        if (outcome === 'created') {
            ctx.state.tag = name;
            emit(ctx, 'TAG', `created tag ${name} on ${release_short(plan.commit)} in ${store.where}`);
            return;
        }
        if (claim >= MAX_TAG_CLAIMS) {
            throw new errors/* DeployError */.sH('TAG_CONFLICT', `${claim} tags in a row were taken by concurrent runs while creating ${name}; ` +
                'run again, or serialise deployments with a workflow `concurrency` group.');
        }
        version = await replanAfterLoss(ctx, store.source, version, tuning);
        if (!version.reused) {
            emit(ctx, 'TAG', `${name} was taken by another commit; trying ${version.gitTag}`, 'progress');
        }
    }
}
/** Re-reads the tags until the one we lost is visible (replicas lag), then replans. */
async function replanAfterLoss(ctx, source, lost, tuning) {
    const { value } = await (0,follow/* follow */.e6)({
        describe: `tag ${lost.gitTag} to become readable after "already exists"`,
        look: async (signal) => {
            const next = (0,version/* replanAfterTagCollision */.bC)(lost, await source.listTags(signal), ctx.plan.commit);
            return next === lost ? { done: false } : { done: true, value: next };
        },
        intervalMs: tuning?.settleIntervalMs ?? 1000,
        timeoutMs: tuning?.settleTimeoutMs ?? 30_000,
        // Each listing is already retried call by call; a second loop around it would multiply tries.
        attemptsPerLook: 1,
        signal: ctx.signal
    });
    return value;
}
/**
 * create_release: creates the Release of the tag, or updates the one that exists (a re-run, or a
 * concurrent run that got there first). Sets ctx.state.releaseUrl.
 */
async function runReleasePhase(ctx, tuning) {
    const { plan, settings } = ctx;
    const planned = plan.release;
    if (planned === undefined)
        return;
    const tag = ctx.state.tag ?? planned.tag;
    if (plan.dryRun) {
        emit(ctx, 'RELEASE', `dry run: would create or update the release of ${tag}`);
        return;
    }
    if (!settings.githubToken) {
        throw new errors/* DeployError */.sH('RELEASE_FAILED', 'create_release needs a GitHub token: pass github_token (default ${{ github.token }}) ' +
            'and give the job `permissions: contents: write`.');
    }
    const api = await (0,github.connectFor)(settings, tuning, retryLogger(ctx));
    const release = await upsertRelease(api, {
        owner: settings.context.owner,
        repo: settings.context.repo,
        tag,
        commit: plan.commit,
        // The name follows the tag when a lost race moved it.
        name: planned.name.split(planned.tag).join(tag),
        prerelease: planned.prerelease,
        makeLatest: planned.makeLatest,
        previousTag: planned.previousTag,
        signal: ctx.signal,
        note: message => emit(ctx, 'RELEASE', message, 'progress')
    }, tuning);
    ctx.state.releaseUrl = release.url;
    const kind = planned.prerelease ? 'pre-release' : 'release (latest)';
    emit(ctx, 'RELEASE', `${release.outcome} ${kind} ${tag}: ${release.url}`);
}
function retryLogger(ctx) {
    return retry => ctx.core.info((0,runtime_retry/* describeRetry */.eV)(retry));
}
function emit(ctx, stage, message, type = 'info') {
    ctx.bus.emit({ type, stage, message });
}
function release_short(sha) {
    return sha.slice(0, 7);
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
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH);
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
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ })

};

//# sourceMappingURL=265.index.js.map