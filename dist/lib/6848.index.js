export const id = 6848;
export const ids = [6848];
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


/***/ })

};

//# sourceMappingURL=6848.index.js.map