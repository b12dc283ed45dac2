export const id = 1830;
export const ids = [1830];
export const modules = {

/***/ 1830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ SETUP_HELM_HINT),
/* harmony export */   RT: () => (/* binding */ helmVersion),
/* harmony export */   _F: () => (/* binding */ manifestWorkloads),
/* harmony export */   cE: () => (/* binding */ chartFacts),
/* harmony export */   eD: () => (/* binding */ writeSecretValues),
/* harmony export */   oU: () => (/* binding */ runHelm),
/* harmony export */   rI: () => (/* binding */ removeSecretValues),
/* harmony export */   removeSecretValuesDir: () => (/* binding */ removeSecretValuesDir)
/* harmony export */ });
/* unused harmony export secretValuesDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _runtime_command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2573);






/**
 * The helm binary and the files it reads: its version, a run of it, the chart's facts (declared
 * dependencies, custom resource kinds), the 0600 values file that carries secret values, and the
 * workloads a release's manifest holds. helm comes from the workflow (azure/setup-helm); the
 * action never downloads it.
 */
const SETUP_HELM_HINT = 'add `- uses: azure/setup-helm@v4` before this action (deploy.helm runs helm upgrade --install)';
/** `helm version`; undefined when there is no helm on PATH. */
async function helmVersion(signal) {
    let result;
    try {
        result = await (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_5__/* .runCommand */ .d)('helm', ['version', '--template', '{{.Version}}'], { signal });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    const text = result.tail.join(' ').trim();
    const match = /v?(\d+)\.(\d+)\.(\d+)\S*/.exec(text);
    if (result.exitCode !== 0 || !match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `helm version ended with exit code ${result.exitCode}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
    return { version: match[0].startsWith('v') ? match[0] : `v${match[0]}`, major: Number(match[1]) };
}
async function runHelm(args, options) {
    return (0,_runtime_command_js__WEBPACK_IMPORTED_MODULE_5__/* .runCommand */ .d)('helm', args, {
        signal: options.signal,
        onLine: options.onLine,
        tailLines: options.tailLines ?? 40
    });
}
/** Where the secret values files of a run live; the post step removes the whole directory. */
function secretValuesDir(tempDir) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir, 'deploy-pipeline-helm');
}
/**
 * Writes `values` (chart key -> secret) as a YAML values file only the runner's user can read,
 * under RUNNER_TEMP; returns its path. Dotted keys become nested mappings.
 */
function writeSecretValues(tempDir, service, values) {
    const dir = secretValuesDir(tempDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    // Mappings without a prototype: a chart key such as `__proto__.x` (the config allows it) is a
    // key like any other, not a write to Object.prototype that also drops the value from the file.
    const mapping = () => Object.create(null);
    const tree = mapping();
    for (const [key, value] of Object.entries(values)) {
        const parts = key.split('.');
        let node = tree;
        for (const part of parts.slice(0, -1)) {
            const child = node[part];
            node = (node[part] =
                child !== null && typeof child === 'object' ? child : mapping());
        }
        node[parts.at(-1)] = value;
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${service}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}.yaml`);
    // Created with its mode: never readable by others, not even for a moment.
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, (0,js_yaml__WEBPACK_IMPORTED_MODULE_3__/* .dump */ .Bh)(tree), { mode: 0o600, flag: 'wx' });
    return path;
}
function removeSecretValues(path) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
}
/** The post step's cleanup: every secret values file a run may have left. */
function removeSecretValuesDir(tempDir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(secretValuesDir(tempDir), { recursive: true, force: true });
}
/** Kinds Kubernetes itself serves: Helm 4's watcher knows their status. */
const BUILT_IN_KINDS = new Set([
    'APIService',
    'ClusterRole',
    'ClusterRoleBinding',
    'ConfigMap',
    'CronJob',
    'CSIDriver',
    'CustomResourceDefinition',
    'DaemonSet',
    'Deployment',
    'Endpoints',
    'EndpointSlice',
    'HorizontalPodAutoscaler',
    'Ingress',
    'IngressClass',
    'Job',
    'Lease',
    'LimitRange',
    'List',
    'MutatingWebhookConfiguration',
    'Namespace',
    'NetworkPolicy',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Pod',
    'PodDisruptionBudget',
    'PodTemplate',
    'PriorityClass',
    'ReplicaSet',
    'ReplicationController',
    'ResourceQuota',
    'Role',
    'RoleBinding',
    'RuntimeClass',
    'Secret',
    'Service',
    'ServiceAccount',
    'StatefulSet',
    'StorageClass',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
    'VolumeAttachment'
]);
/**
 * What a chart in the repository declares: dependencies in Chart.yaml, and the kinds its
 * templates (and its unpacked subcharts' templates) create. Templates are Go templates, not
 * YAML, so kinds are read from their `kind:` lines; a kind computed by a template is not seen.
 */
function chartFacts(chartDir) {
    const chart = readText((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(chartDir, 'Chart.yaml'));
    let dependencies = false;
    if (chart !== undefined) {
        try {
            const parsed = (0,js_yaml__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)(chart);
            dependencies = Array.isArray(parsed?.dependencies) && parsed.dependencies.length > 0;
        }
        catch {
            // helm itself will say what is wrong with Chart.yaml.
        }
    }
    const kinds = new Set();
    for (const file of templateFiles(chartDir, 0)) {
        const text = readText(file);
        if (text === undefined)
            continue;
        for (const match of text.matchAll(/^kind:\s*["']?([A-Za-z][A-Za-z0-9]*)["']?\s*$/gm)) {
            kinds.add(match[1]);
        }
    }
    return {
        dependencies,
        customKinds: [...kinds].filter(kind => !BUILT_IN_KINDS.has(kind)).sort()
    };
}
/** A chart's file, when it is a regular file of a sensible size. */
function readText(path) {
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        if (!stats.isFile() || stats.size > 1024 * 1024)
            return undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
function templateFiles(chartDir, depth) {
    const files = [];
    const walk = (dir, level) => {
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name);
            if (entry.isDirectory() && level < 4)
                walk(path, level + 1);
            else if (entry.isFile() && /\.(ya?ml|tpl)$/.test(entry.name))
                files.push(path);
        }
    };
    walk((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(chartDir, 'templates'), 0);
    if (depth < 2) {
        try {
            for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(chartDir, 'charts'), { withFileTypes: true })) {
                if (entry.isDirectory())
                    files.push(...templateFiles((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(chartDir, 'charts', entry.name), depth + 1));
            }
        }
        catch {
            // No subcharts.
        }
    }
    return files;
}
/** The Deployments, StatefulSets and DaemonSets of a release's manifest (`helm get manifest`). */
function manifestWorkloads(manifest) {
    const found = [];
    let documents;
    try {
        documents = (0,js_yaml__WEBPACK_IMPORTED_MODULE_3__/* .loadAll */ .gh)(manifest);
    }
    catch {
        return found;
    }
    for (const doc of documents) {
        const object = doc;
        const kind = object?.kind;
        const name = object?.metadata?.name;
        if ((kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') &&
            typeof name === 'string') {
            const namespace = object?.metadata?.namespace;
            found.push({ kind, name, namespace: typeof namespace === 'string' ? namespace : undefined });
        }
    }
    return found;
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


/***/ })

};

//# sourceMappingURL=1830.index.js.map