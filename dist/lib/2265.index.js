export const id = 2265;
export const ids = [2265,6848];
export const modules = {

/***/ 6848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ createLocalTag),
/* harmony export */   XH: () => (/* binding */ localTagSource),
/* harmony export */   localChangedFiles: () => (/* binding */ localChangedFiles)
/* harmony export */ });
/* unused harmony export headCommit */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, {
            cwd: workspace,
            signal,
            encoding: 'utf8',
            // A long history's messages can be large; the default 1 MiB would cut them off.
            maxBuffer: 256 * 1024 * 1024,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
        }, (error, stdout, stderr) => {
            if (error === null)
                return resolve(stdout);
            if (signal?.aborted === true || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAbortError */ .zf)(error)) {
                return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('CANCELLED', 'the run was cancelled', { cause: error }));
            }
            reject(new GitCommandError(args, error.code ?? undefined, stderr));
        });
    });
}
/** Turns a failed git command into a sentence about the workspace the user can act on. */
function gitFailure(workspace, doing, error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError)
        return error;
    const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
    const hint = error instanceof GitCommandError && error.exitCode === 'ENOENT'
        ? `git is not on PATH, or ${workspace} does not exist`
        : `is GITHUB_WORKSPACE (${workspace}) a git repository with the full history?`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('INVALID_INPUT', `could not ${doing}: ${hint}`, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('INVALID_INPUT', `the repository in ${workspace} is a shallow clone, so the commits since ` +
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
/**
 * The files changed from `base` to `head` in the local repository (a rename counts as both
 * paths); undefined when `base` is not in the clone (a shallow checkout: fetch-depth: 0).
 */
async function localChangedFiles(workspace, base, head, signal) {
    const present = await runGit(workspace, ['cat-file', '-e', '--end-of-options', `${base}^{commit}`], signal).then(() => true, () => false);
    if (!present)
        return undefined;
    try {
        const out = await runGit(workspace, ['diff', '--name-only', '--no-renames', '-z', '--end-of-options', base, head, '--'], signal);
        return out.split('\0').filter(name => name !== '');
    }
    catch (error) {
        throw gitFailure(workspace, `list the files changed from ${base} to ${head}`, error);
    }
}


/***/ }),

/***/ 6435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ githubTagRefs),
/* harmony export */   t: () => (/* binding */ githubTagSource)
/* harmony export */ });
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(705);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);


/**
 * Tags and commits read through the GitHub REST API, so a shallow actions/checkout versions the
 * same as a full clone: every tag (matching-refs, followed page by page: no 100-tag cap), annotated
 * tags peeled to their commits, and the commit messages since the base tag (compare, paginated).
 */
function githubTagSource(api, owner, repo) {
    const reading = (doing) => (error) => {
        throw (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.explainGitHubError)(error, { doing, code: 'RELEASE_FAILED', permission: 'contents: read' });
    };
    return {
        listTags: signal => listVersionTags(api, owner, repo, signal).catch(reading(`reading the tags of ${owner}/${repo}`)),
        commitMessagesSince: (base, head, signal) => commitMessages(api, owner, repo, base, head, signal).catch(reading(`reading the commits from ${base ?? 'the first commit'} to ${head.slice(0, 7)}`))
    };
}
const PEEL_CONCURRENCY = 8;
const MAX_TAG_DEPTH = 5;
/**
 * Names that start like a version (vX.Y.Z...). Only they are worth a request each to peel; the
 * plan parses them properly and ignores the ones that are no version after all.
 */
const VERSION_LIKE = /^v\d+\.\d+\.\d+/;
async function listVersionTags(api, owner, repo, signal) {
    const refs = await api.paginate('list tags', 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { owner, repo, ref: 'tags/v', per_page: 100 }, parseRefs, signal);
    const wanted = refs.filter(ref => VERSION_LIKE.test(ref.name));
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
        throw new _github_js__WEBPACK_IMPORTED_MODULE_0__.MalformedAnswer(describe, 'a list of refs');
    return data.map(item => {
        const ref = (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(item).ref, describe, 'refs with a name');
        const object = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(item).object);
        return {
            name: ref.replace(/^refs\/tags\//, ''),
            type: (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)(object.type, describe, 'refs with an object type'),
            sha: (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)(object.sha, describe, 'refs with an object sha')
        };
    });
}
/** An annotated tag points at a tag object; follow it (and tags of tags) to the commit. */
async function peel(api, owner, repo, ref, signal) {
    let object = { type: ref.type, sha: ref.sha };
    for (let depth = 0; object.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
        const describe = `read tag object ${ref.name}`;
        object = await api.call(describe, (o, s) => o.rest.git.getTag({ owner, repo, tag_sha: object.sha, request: { signal: s } }), data => {
            const target = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(data).object);
            return {
                type: (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)(target.type, describe, 'a tag object pointing at an object'),
                sha: (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)(target.sha, describe, 'a tag object pointing at an object')
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
    return api.paginate(`compare ${base}...${head.slice(0, 7)}`, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}`, per_page: 100 }, (data, describe) => parseCommits((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(data).commits, describe), signal);
}
function parseCommits(data, describe) {
    if (!Array.isArray(data))
        throw new _github_js__WEBPACK_IMPORTED_MODULE_0__.MalformedAnswer(describe, 'a list of commits');
    return data.map(item => {
        const message = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(item).commit).message;
        if (typeof message !== 'string')
            throw new _github_js__WEBPACK_IMPORTED_MODULE_0__.MalformedAnswer(describe, 'commits with a message');
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
                }), data => (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.requireString)((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(data).ref, describe, 'the created ref'), signal);
                return 'created';
            }
            catch (error) {
                // Also what a retry sees after a create whose answer was lost: the re-read sorts it out.
                if ((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error) === 422 && /already exists/i.test((0,_github_js__WEBPACK_IMPORTED_MODULE_0__.githubMessage)(error))) {
                    return 'exists';
                }
                throw (0,_github_js__WEBPACK_IMPORTED_MODULE_0__.explainGitHubError)(error, {
                    doing: `creating tag ${name} on ${sha.slice(0, 7)}`,
                    code: 'RELEASE_FAILED',
                    permission: 'contents: write'
                });
            }
        }
    };
}


/***/ }),

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MalformedAnswer: () => (/* binding */ MalformedAnswer),
/* harmony export */   classifyGitHubError: () => (/* binding */ classifyGitHubError),
/* harmony export */   connectFor: () => (/* binding */ connectFor),
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   explainGitHubError: () => (/* binding */ explainGitHubError),
/* harmony export */   githubMessage: () => (/* binding */ githubMessage),
/* harmony export */   requireNumber: () => (/* binding */ requireNumber),
/* harmony export */   requireString: () => (/* binding */ requireString),
/* harmony export */   usesGitHubApi: () => (/* binding */ usesGitHubApi),
/* harmony export */   validationCodes: () => (/* binding */ validationCodes)
/* harmony export */ });
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
/** Loads Octokit and its plugin (lazily: the action's start-up does not pay for them). */
async function connectGitHub(connection) {
    const [{ getOctokit }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(6752), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 157)),
        __webpack_require__.e(/* import() */ 6856).then(__webpack_require__.bind(__webpack_require__, 6856))
    ]);
    const tuning = connection.tuning ?? {};
    const apiUrl = connection.apiUrl.replace(/\/+$/, '');
    const octokit = getOctokit(connection.token, {
        baseUrl: apiUrl,
        throttle: {
            enabled: tuning.paceWrites ?? true,
            // Pacing is per API host: each run (and each simulator in tests) has its own queue.
            id: `deploy-pipeline ${apiUrl}`,
            onRateLimit: () => false,
            onSecondaryRateLimit: () => false
        },
        log: { debug: noop, info: noop, warn: noop, error: noop }
    }, throttling);
    async function call(describe, request, parse, signal) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async (attemptSignal) => parse((await request(octokit, attemptSignal)).data), {
            describe: `GitHub ${describe}`,
            attempts: tuning.attempts ?? 5,
            baseDelayMs: tuning.baseDelayMs ?? 1000,
            attemptTimeoutMs: tuning.attemptTimeoutMs ?? 30_000,
            maxRetryAfterMs: tuning.maxRetryAfterMs ?? 90_000,
            classify: classifyGitHubError,
            onRetry: connection.onRetry,
            signal,
            sleep: tuning.sleep
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub ${describe} returned more than ${MAX_PAGES} pages`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('RELEASE_FAILED', `GitHub's next-page link leads away from ${apiUrl} to ${url.origin}; it was not followed`);
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
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError)
        return error;
    const { doing, code, permission } = explanation;
    const status = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatus */ .nG)(error);
    const message = githubMessage(error);
    const cause = { cause: error };
    if (error instanceof MalformedAnswer) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `${error.message} while ${doing}; try the run again.`, cause);
    }
    if (status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub rejected the token while ${doing} (401 ${message}); check the github_token input.`, cause);
    }
    if (status === 403 && headerOf(error, 'x-ratelimit-remaining') === '0') {
        const reset = Number(headerOf(error, 'x-ratelimit-reset')) * 1000;
        const when = Number.isFinite(reset) ? ` until ${new Date(reset).toISOString()}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub API rate limit exhausted${when} while ${doing}.`, cause);
    }
    if (status === 403 || status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub refused ${doing} (${status} ${message}). Give the workflow job ` +
            `\`permissions: ${permission}\` and check the repository exists and the token can see it.`, cause);
    }
    if (status === undefined || status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub did not answer while ${doing}: ${message}`, cause);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError(code, `GitHub answered ${status} while ${doing}: ${message}`, cause);
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
        throw (0,github.explainGitHubError)(error, {
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
                throw new github.MalformedAnswer(describe, 'notes with a body');
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
                if ((0,runtime_retry/* httpStatus */.nG)(error) === 422 && (0,github.validationCodes)(error).includes('already_exists')) {
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
        id: (0,github.requireNumber)(release.id, describe, 'a release with an id'),
        url: (0,github.requireString)(release.html_url, describe, 'a release with an html_url'),
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
    if (!(0,github.usesGitHubApi)(settings)) {
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
            throw new errors.DeployError('TAG_CONFLICT', `${claim} tags in a row were taken by concurrent runs while creating ${name}; ` +
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
        throw new errors.DeployError('RELEASE_FAILED', 'create_release needs a GitHub token: pass github_token (default ${{ github.token }}) ' +
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

//# sourceMappingURL=2265.index.js.map