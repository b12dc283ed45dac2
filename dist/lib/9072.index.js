export const id = 9072;
export const ids = [9072,6848,6691];
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

/***/ 9072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tagSourceFor: () => (/* binding */ tagSourceFor)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6848);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(705);
/* harmony import */ var _github_tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6435);




/**
 * The tags the planner reads: through the GitHub API when the run has a token and a GitHub,
 * else from the local repository. `info`, when given, gets a line for each retried call: a
 * throttled GitHub is then visible in the log instead of a silent pause.
 */
async function tagSourceFor(settings, options = {}) {
    if (!(0,_github_js__WEBPACK_IMPORTED_MODULE_2__.usesGitHubApi)(settings))
        return (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .localTagSource */ .XH)(settings.context.workspace);
    const { owner, repo } = settings.context;
    const { info, tuning } = options;
    const onRetry = info ? (retry) => info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRetry */ .eV)(retry)) : undefined;
    return (0,_github_tags_js__WEBPACK_IMPORTED_MODULE_3__/* .githubTagSource */ .t)(await (0,_github_js__WEBPACK_IMPORTED_MODULE_2__.connectFor)(settings, tuning, onRetry), owner, repo);
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

//# sourceMappingURL=9072.index.js.map