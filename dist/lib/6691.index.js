export const id = 6691;
export const ids = [6691,6848];
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


/***/ })

};

//# sourceMappingURL=6691.index.js.map