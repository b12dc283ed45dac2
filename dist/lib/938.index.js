export const id = 938;
export const ids = [938];
export const modules = {

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bw: () => (/* binding */ requireNumber),
/* harmony export */   Eb: () => (/* binding */ validationCodes),
/* harmony export */   It: () => (/* binding */ connectFor),
/* harmony export */   Pm: () => (/* binding */ explainGitHubError),
/* harmony export */   VW: () => (/* binding */ requireString),
/* harmony export */   ef: () => (/* binding */ usesGitHubApi),
/* harmony export */   hg: () => (/* binding */ githubMessage),
/* harmony export */   ol: () => (/* binding */ MalformedAnswer)
/* harmony export */ });
/* unused harmony exports connectGitHub, classifyGitHubError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);


/** A body that is not what the endpoint documents. Retryable: proxies do cut answers short. */
class MalformedAnswer extends _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RetryableError */ .dw {
    constructor(describe, expected) {
        super(`GitHub answered ${describe} with a malformed body (expected ${expected})`);
        this.name = 'MalformedAnswer';
    }
}
const MAX_PAGES = 1000;
/** Loads Octokit and its plugins (lazily: the action's start-up does not pay for them). */
async function connectGitHub(connection) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const tuning = connection.tuning ?? {};
    const apiUrl = connection.apiUrl.replace(/\/+$/, '');
    const octokit = getOctokit(connection.token, {
        baseUrl: apiUrl,
        retry: { enabled: false },
        throttle: {
            enabled: tuning.paceWrites ?? true,
            // Pacing is per API host: each run (and each simulator in tests) has its own queue.
            id: `deploy-pipeline ${apiUrl}`,
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false
        },
        log: { debug: noop, info: noop, warn: noop, error: noop }
    }, retry, throttling);
    async function call(describe, request, parse, signal) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (attemptSignal) => parse((await request(octokit, attemptSignal)).data), {
            describe: `GitHub ${describe}`,
            attempts: tuning.attempts ?? 5,
            baseDelayMs: tuning.baseDelayMs ?? 1000,
            attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
            maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
            classify: classifyGitHubError,
            onRetry: connection.onRetry,
            signal
        });
    }
    async function paginate(describe, route, params, parsePage, signal) {
        const items = [];
        let next;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const url = next;
            const pageDescribe = `${describe} (page ${page})`;
            const answer = await call(pageDescribe, async (o, s) => {
                const response = url
                    ? await o.request({ method: 'GET', url, request: { signal: s } })
                    : await o.request(route, { ...params, request: { signal: s } });
                return { data: { body: response.data, link: response.headers.link } };
            }, data => {
                const { body, link } = data;
                return { items: parsePage(body, pageDescribe), next: nextLink(link, apiUrl) };
            }, signal);
            items.push(...answer.items);
            next = answer.next;
            if (!next)
                return items;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('RELEASE_FAILED', `GitHub ${describe} returned more than ${MAX_PAGES} pages`);
    }
    return { call, paginate };
}
function noop() { }
/** Through the API when there is a token and a GitHub to talk to; else the local repository. */
function usesGitHubApi(settings) {
    return Boolean(settings.githubToken) && (settings.context.actions || settings.context.apiUrlGiven);
}
/** The run's GitHub: its token and GITHUB_API_URL (Settings.context.apiUrl). */
function connectFor(settings, tuning, onRetry) {
    return connectGitHub({
        token: settings.githubToken ?? '',
        apiUrl: settings.context.apiUrl,
        tuning,
        onRetry
    });
}
/** The rel="next" page; only on the API's own origin, since Octokit sends the token along. */
function nextLink(link, apiUrl) {
    const next = link?.match(/<([^>]+)>\s*;\s*rel="next"/)?.[1];
    if (next === undefined)
        return undefined;
    const url = new URL(next, apiUrl);
    if (url.origin !== new URL(apiUrl).origin) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('RELEASE_FAILED', `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`);
    }
    return url.toString();
}
/**
 * GitHub's throttling signals on top of the default judgement: a 403 or 429 with no requests left
 * waits for x-ratelimit-reset, a secondary rate limit without Retry-After waits a minute (GitHub's
 * advice), and a 403 that is a permission problem is not retried.
 */
function classifyGitHubError(error) {
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfterMs = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .readRetryAfter */ .D$)(error);
    if (headerOf(error, 'x-ratelimit-remaining') === '0') {
        const resetMs = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const untilReset = Number.isFinite(resetMs)
            ? Math.max(0, resetMs - Date.now()) + 1000
            : undefined;
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? untilReset,
            reason: 'GitHub API rate limit exhausted'
        };
    }
    if (/secondary rate limit/i.test(errorText(error))) {
        return {
            retry: true,
            throttled: true,
            retryAfterMs: retryAfterMs ?? 60_000,
            reason: 'GitHub secondary rate limit'
        };
    }
    if (status === 429 || retryAfterMs !== undefined) {
        return { retry: true, throttled: true, retryAfterMs, reason: `HTTP ${status} throttled` };
    }
    return { retry: false };
}
/** GitHub's own message of a failed request ("Reference already exists"), without the doc URL. */
function githubMessage(error) {
    const data = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data);
    if (typeof data.message === 'string')
        return data.message;
    return error instanceof Error ? error.message : String(error);
}
/** The `code` of each entry of a 422's `errors` list (["already_exists"]). */
function validationCodes(error) {
    const errors = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).data).errors;
    if (!Array.isArray(errors))
        return [];
    return errors.map(e => (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(e).code).filter((c) => typeof c === 'string');
}
/** Turns a failed GitHub call into a DeployError a user can act on. */
function explainGitHubError(error, explanation) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH)
        return error;
    const { doing, code, permission } = explanation;
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const message = githubMessage(error);
    const cause = { cause: error };
    if (error instanceof MalformedAnswer) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `${error.message} while ${doing}; try the run again.`, cause);
    }
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`, cause);
    }
    if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
        const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause);
    }
    if (status === 403 || status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
            `\`permissions: ${permission}\` and check the repository exists and the token can see it.`, cause);
    }
    if (status === undefined || status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub did not answer while ${doing}: ${message}`, cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(code, `GitHub answered ${status} while ${doing}: ${message}`, cause);
}
function errorText(error) {
    return `${githubMessage(error)} ${error instanceof Error ? error.message : ''}`;
}
/** A header of the answer Octokit attached to a failed request. */
function headerOf(error, name) {
    return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .headerValue */ .Z)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(error).response).headers, name);
}
/** A field of an answer that must be a string / number, or a MalformedAnswer. */
function requireString(value, describe, expected) {
    if (typeof value !== 'string' || value === '')
        throw new MalformedAnswer(describe, expected);
    return value;
}
function requireNumber(value, describe, expected) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new MalformedAnswer(describe, expected);
    }
    return value;
}


/***/ }),

/***/ 9938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReleasePhase: () => (/* binding */ runReleasePhase),
  runTagPhase: () => (/* binding */ runTagPhase),
  tagSourceFor: () => (/* binding */ tagSourceFor)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/clients/git.ts


/**
 * The local git repository as a tag and commit source, for runs without a GitHub token. git is
 * started directly (no shell), so tag names and commits are never interpreted by one.
 */
class GitCommandError extends Error {
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        super(`git ${args.join(' ')} failed: ${stderr.trim() || `exit code ${String(exitCode)}`}`);
        this.name = 'GitCommandError';
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
function runGit(workspace, args, signal) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', args, {
            cwd: workspace,
            signal,
            encoding: 'utf8',
            // A long history's messages can be large; the default 1 MiB would cut them off.
            maxBuffer: 256 * 1024 * 1024,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
        }, (error, stdout, stderr) => {
            if (error === null)
                return resolve(stdout);
            if (signal?.aborted === true || (0,errors/* isAbortError */.zf)(error)) {
                return reject(new errors/* DeployError */.sH('CANCELLED', 'the run was cancelled', { cause: error }));
            }
            reject(new GitCommandError(args, error.code ?? undefined, stderr));
        });
    });
}
/** Turns a failed git command into a sentence about the workspace the user can act on. */
function gitFailure(workspace, doing, error) {
    if (error instanceof errors/* DeployError */.sH)
        return error;
    const reason = (0,errors/* errorMessage */.gJ)(error);
    const hint = error instanceof GitCommandError && error.exitCode === 'ENOENT'
        ? `git is not on PATH, or ${workspace} does not exist`
        : `is GITHUB_WORKSPACE (${workspace}) a git repository with the full history?`;
    return new errors/* DeployError */.sH('INVALID_INPUT', `could not ${doing}: ${hint}`, {
        details: reason,
        cause: error
    });
}
const FIELDS = ['%(refname)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)'];
async function listLocalTags(workspace, signal) {
    const out = await runGit(workspace, ['for-each-ref', `--format=${FIELDS.join('%00')}`, 'refs/tags'], signal);
    const tags = [];
    const nested = [];
    for (const line of out.split('\n')) {
        if (line === '')
            continue;
        const [ref = '', type, object = '', peeledType, peeled = ''] = line.split('\0');
        const name = ref.slice('refs/tags/'.length);
        if (type === 'commit')
            tags.push({ name, sha: object });
        else if (peeledType === 'commit')
            tags.push({ name, sha: peeled });
        // A tag of a tag: %(*objectname) peels one level only, so let rev-parse peel it fully.
        else if (peeledType === 'tag')
            nested.push(name);
        // Tags of trees or blobs name no commit and cannot be versions.
    }
    for (const name of nested) {
        const sha = await runGit(workspace, ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`], signal).catch(() => '');
        if (sha.trim() !== '')
            tags.push({ name, sha: sha.trim() });
    }
    return tags;
}
async function isShallow(workspace, signal) {
    const out = await runGit(workspace, ['rev-parse', '--is-shallow-repository'], signal);
    return out.trim() === 'true';
}
async function localCommitMessages(workspace, base, head, signal) {
    // A shallow clone ends the walk early: an auto bump would be guessed from part of the history.
    if (await isShallow(workspace, signal)) {
        throw new errors/* DeployError */.sH('INVALID_INPUT', `the repository in ${workspace} is a shallow clone, so the commits since ` +
            `${base ?? 'the first commit'} cannot be read: check out with fetch-depth: 0, ` +
            'give a github_token, or set the version or bump input');
    }
    const range = base === undefined ? head : `refs/tags/${base}..${head}`;
    const out = await runGit(workspace, ['log', '--format=%B%x00', '--end-of-options', range, '--'], signal);
    return out
        .split('\0')
        .map(message => message.trim())
        .filter(message => message !== '');
}
function localTagSource(workspace) {
    return {
        async listTags(signal) {
            try {
                return await listLocalTags(workspace, signal);
            }
            catch (error) {
                throw gitFailure(workspace, 'list the tags of the local repository', error);
            }
        },
        async commitMessagesSince(base, head, signal) {
            try {
                return await localCommitMessages(workspace, base, head, signal);
            }
            catch (error) {
                throw gitFailure(workspace, `read the commits from ${base ?? 'the start'} to ${head}`, error);
            }
        }
    };
}
/** The commit checked out in the workspace. */
async function headCommit(workspace) {
    try {
        return (await runGit(workspace, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    }
    catch (error) {
        throw gitFailure(workspace, 'read the checked-out commit (HEAD)', error);
    }
}
/**
 * Creates a lightweight tag; never moves one. 'exists' when the name is already taken, whatever
 * commit it points at: the caller re-reads the tags and decides (reuse, next N or TAG_CONFLICT).
 */
async function createLocalTag(workspace, name, sha) {
    try {
        // tag.gpgSign=true in someone's config would turn a lightweight tag into a signed one.
        await runGit(workspace, ['-c', 'tag.gpgSign=false', 'tag', '--', name, sha]);
        return 'created';
    }
    catch (error) {
        const existing = await runGit(workspace, [
            'rev-parse',
            '--verify',
            '--quiet',
            `refs/tags/${name}`
        ]).catch(() => '');
        if (existing.trim() !== '')
            return 'exists';
        throw gitFailure(workspace, `create tag ${name} on ${sha}`, error);
    }
}

// EXTERNAL MODULE: ./src/clients/github.ts
var github = __webpack_require__(705);
// EXTERNAL MODULE: ./src/plan/version.ts
var version = __webpack_require__(5671);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var runtime_retry = __webpack_require__(6390);
;// CONCATENATED MODULE: ./src/clients/github-tags.ts



/**
 * Tags and commits read through the GitHub REST API, so a shallow actions/checkout versions the
 * same as a full clone: every tag (matching-refs, followed page by page: no 100-tag cap), annotated
 * tags peeled to their commits, and the commit messages since the base tag (compare, paginated).
 */
function githubTagSource(api, owner, repo) {
    const reading = (doing) => (error) => {
        throw (0,github/* explainGitHubError */.Pm)(error, { doing, code: 'RELEASE_FAILED', permission: 'contents: read' });
    };
    return {
        listTags: signal => listVersionTags(api, owner, repo, signal).catch(reading(`reading the tags of ${owner}/${repo}`)),
        commitMessagesSince: (base, head, signal) => commitMessages(api, owner, repo, base, head, signal).catch(reading(`reading the commits from ${base ?? 'the first commit'} to ${head.slice(0, 7)}`))
    };
}
const PEEL_CONCURRENCY = 8;
const MAX_TAG_DEPTH = 5;
async function listVersionTags(api, owner, repo, signal) {
    const refs = await api.paginate('list tags', 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner, repo, ref: 'tags/v', per_page: 100 }, parseRefs, signal);
    // Only version tags count, so only they are worth a request each to peel.
    const wanted = refs.filter(ref => (0,version/* parseVersionTag */._Q)(ref.name) !== undefined);
    const tags = [];
    for (let i = 0; i < wanted.length; i += PEEL_CONCURRENCY) {
        const batch = wanted.slice(i, i + PEEL_CONCURRENCY);
        const peeled = await Promise.all(batch.map(ref => peel(api, owner, repo, ref, signal)));
        for (const tag of peeled)
            if (tag)
                tags.push(tag);
    }
    return tags;
}
function parseRefs(data, describe) {
    if (!Array.isArray(data))
        throw new github/* MalformedAnswer */.ol(describe, 'a list of refs');
    return data.map(item => {
        const ref = (0,github/* requireString */.VW)((0,runtime_retry/* asRecord */.qY)(item).ref, describe, 'refs with a name');
        const object = (0,runtime_retry/* asRecord */.qY)((0,runtime_retry/* asRecord */.qY)(item).object);
        return {
            name: ref.replace(/^refs\/tags\//, ''),
            type: (0,github/* requireString */.VW)(object.type, describe, 'refs with an object type'),
            sha: (0,github/* requireString */.VW)(object.sha, describe, 'refs with an object sha')
        };
    });
}
/** An annotated tag points at a tag object; follow it (and tags of tags) to the commit. */
async function peel(api, owner, repo, ref, signal) {
    let object = { type: ref.type, sha: ref.sha };
    for (let depth = 0; object.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
        const describe = `read tag object ${ref.name}`;
        object = await api.call(describe, (o, s) => o.rest.git.getTag({ owner, repo, tag_sha: object.sha, request: { signal: s } }), data => {
            const target = (0,runtime_retry/* asRecord */.qY)((0,runtime_retry/* asRecord */.qY)(data).object);
            return {
                type: (0,github/* requireString */.VW)(target.type, describe, 'a tag object pointing at an object'),
                sha: (0,github/* requireString */.VW)(target.sha, describe, 'a tag object pointing at an object')
            };
        }, signal);
    }
    // A tag of a tree or a blob names no commit and cannot be a version.
    return object.type === 'commit' ? { name: ref.name, sha: object.sha } : undefined;
}
async function commitMessages(api, owner, repo, base, head, signal) {
    if (base === undefined) {
        // No stable tag yet: every commit reachable from head counts.
        return api.paginate('list commits', 'GET /repos/{owner}/{repo}/commits', { owner, repo, sha: head, per_page: 100 }, parseCommits, signal);
    }
    return api.paginate(`compare ${base}...${head.slice(0, 7)}`, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}`, per_page: 100 }, (data, describe) => parseCommits((0,runtime_retry/* asRecord */.qY)(data).commits, describe), signal);
}
function parseCommits(data, describe) {
    if (!Array.isArray(data))
        throw new github/* MalformedAnswer */.ol(describe, 'a list of commits');
    return data.map(item => {
        const message = (0,runtime_retry/* asRecord */.qY)((0,runtime_retry/* asRecord */.qY)(item).commit).message;
        if (typeof message !== 'string')
            throw new github/* MalformedAnswer */.ol(describe, 'commits with a message');
        return message;
    });
}
function githubTagRefs(api, owner, repo) {
    return {
        async create(name, sha, signal) {
            const describe = `create tag ${name}`;
            try {
                await api.call(describe, (o, s) => o.rest.git.createRef({
                    owner,
                    repo,
                    ref: `refs/tags/${name}`,
                    sha,
                    request: { signal: s }
                }), data => (0,github/* requireString */.VW)((0,runtime_retry/* asRecord */.qY)(data).ref, describe, 'the created ref'), signal);
                return 'created';
            }
            catch (error) {
                // Also what a retry sees after a create whose answer was lost: the re-read sorts it out.
                if ((0,runtime_retry/* httpStatus */.nG)(error) === 422 && /already exists/i.test((0,github/* githubMessage */.hg)(error))) {
                    return 'exists';
                }
                throw (0,github/* explainGitHubError */.Pm)(error, {
                    doing: `creating tag ${name} on ${sha.slice(0, 7)}`,
                    code: 'RELEASE_FAILED',
                    permission: 'contents: write'
                });
            }
        }
    };
}

// EXTERNAL MODULE: ./src/runtime/follow.ts
var follow = __webpack_require__(9355);
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
/**
 * The tags the planner reads. `info`, when given, gets a line for each retried call: a throttled
 * GitHub is then visible in the log instead of a silent pause.
 */
async function tagSourceFor(settings, options = {}) {
    if (!(0,github/* usesGitHubApi */.ef)(settings))
        return localTagSource(settings.context.workspace);
    const { owner, repo } = settings.context;
    const { info, tuning } = options;
    const onRetry = info ? (retry) => info((0,runtime_retry/* describeRetry */.eV)(retry)) : undefined;
    return githubTagSource(await (0,github/* connectFor */.It)(settings, tuning, onRetry), owner, repo);
}
async function tagStoreFor(ctx, tuning) {
    const { settings } = ctx;
    const { owner, repo, workspace } = settings.context;
    if (!(0,github/* usesGitHubApi */.ef)(settings)) {
        return {
            source: localTagSource(workspace),
            refs: { create: (name, sha) => createLocalTag(workspace, name, sha) },
            where: `the local repository ${workspace} (no github_token: the tag is not pushed)`
        };
    }
    const api = await (0,github/* connectFor */.It)(settings, tuning, retryLogger(ctx));
    return {
        source: githubTagSource(api, owner, repo),
        refs: githubTagRefs(api, owner, repo),
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
    const { value } = await (0,follow/* follow */.e)({
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
    const api = await (0,github/* connectFor */.It)(settings, tuning, retryLogger(ctx));
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
    const { value } = await (0,follow/* follow */.e)({
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
function retryLogger(ctx) {
    return retry => ctx.core.info((0,runtime_retry/* describeRetry */.eV)(retry));
}
function emit(ctx, stage, message, type = 'info') {
    ctx.bus.emit({ type, stage, message });
}
function release_short(sha) {
    return sha.slice(0, 7);
}


/***/ })

};
