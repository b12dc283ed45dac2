export const id = 5888;
export const ids = [5888,1830];
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


/***/ }),

/***/ 5888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HelmFailure: () => (/* binding */ HelmFailure),
  deploy: () => (/* binding */ deploy),
  helmFailure: () => (/* binding */ helmFailure)
});

// EXTERNAL MODULE: ./src/clients/helm.ts
var clients_helm = __webpack_require__(1830);
// EXTERNAL MODULE: ./src/clients/kubernetes.ts
var kubernetes = __webpack_require__(1670);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
;// CONCATENATED MODULE: ./src/targets/helm-args.ts


function helmCommands(target, run, facts) {
    const values = placeholderValues(run);
    const local = target.repoUrl === undefined;
    const update = local && (target.dependencyUpdate ?? facts.chartDependencies);
    const upgrade = [
        'upgrade',
        '--install',
        target.release,
        chartReference(target),
        ...kubeFlags(target, run.kubeconfig),
        ...(target.createNamespace ? ['--create-namespace'] : []),
        ...(target.repoUrl && !isOci(target.repoUrl) ? ['--repo', target.repoUrl] : []),
        ...(target.version ? ['--version', target.version] : []),
        ...target.values.flatMap(file => ['--values', file]),
        ...(facts.secretValuesFile ? ['--values', facts.secretValuesFile] : []),
        ...Object.entries(target.set).flatMap(([key, value]) => setFlag(key, value, values)),
        ...imageFlags(target, values),
        ...waitFlags(target, facts),
        '--timeout',
        `${Math.ceil(helmTimeoutMs(target, run.deployTimeoutMs) / 1000)}s`
    ];
    return {
        dependencyUpdate: update ? ['dependency', 'update', target.chart] : undefined,
        upgrade
    };
}
/** `helm get manifest`: what the release put in the cluster, for the workloads to follow. */
function manifestArgs(target, kubeconfig) {
    return ['get', 'manifest', target.release, ...kubeFlags(target, kubeconfig)];
}
function kubeFlags(target, kubeconfig) {
    return [
        '--namespace',
        target.namespace,
        ...(target.context ? ['--kube-context', target.context] : []),
        ...(kubeconfig ? ['--kubeconfig', kubeconfig] : [])
    ];
}
/**
 * Helm's own --timeout: the one set, or most of the deploy timeout, so that helm ends (and, with
 * --atomic, rolls back) before the deploy's deadline would kill it mid-way and leave the release
 * pending-upgrade, locked against the next run.
 */
function helmTimeoutMs(target, deployTimeoutMs) {
    return target.helmTimeoutMs ?? Math.max(30_000, Math.floor(deployTimeoutMs * 0.8));
}
function isOci(url) {
    return url.startsWith('oci://');
}
function chartReference(target) {
    if (!target.repoUrl)
        return target.chart;
    // `repo/chart` names the chart as `helm repo add` would; with repo_url only the chart counts.
    const name = target.chart.slice(target.chart.lastIndexOf('/') + 1);
    return isOci(target.repoUrl) ? `${target.repoUrl.replace(/\/+$/, '')}/${name}` : name;
}
function waitFlags(target, facts) {
    if (facts.major < 4)
        return target.rollbackOnFailure ? ['--atomic'] : ['--wait'];
    // Helm 4's default watcher (kstatus) can wait until the timeout on custom resources whose
    // status it does not understand; the legacy wait checks only what Helm 3 checked.
    const wait = facts.customKinds.length > 0 ? '--wait=legacy' : '--wait=watcher';
    return target.rollbackOnFailure ? ['--rollback-on-failure', wait] : [wait];
}
function imageFlags(target, values) {
    const keys = target.setImage;
    if (!keys || values.image_uri === undefined)
        return [];
    return [
        ...(keys.repository ? setFlag(keys.repository, '{image_repository}', values) : []),
        ...(keys.tag ? setFlag(keys.tag, '{image_tag}', values) : []),
        ...(keys.digest ? setFlag(keys.digest, '{image_digest}', values) : [])
    ];
}
/** Strings as --set-string, so that a tag such as 1.10 or a value "true" stays a string. */
function setFlag(key, value, values) {
    if (typeof value !== 'string')
        return ['--set', `${key}=${String(value)}`];
    return ['--set-string', `${key}=${escapeSetValue(substitute(value, values, key))}`];
}
/**
 * A value as helm's --set parser reads it back: a comma would start the next key, a backslash
 * escapes, and a leading `{` would make a list.
 */
function escapeSetValue(value) {
    return value.replace(/[\\,]/g, match => `\\${match}`).replace(/^\{/, '\\{');
}
function placeholderValues(run) {
    const values = {
        version: run.plan.version.version ?? run.plan.version.imageTag,
        environment: run.plan.environment
    };
    if (!run.imageUri)
        return values;
    const [reference = '', digest = ''] = run.imageUri.split('@');
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    const tagged = colon > slash;
    return {
        ...values,
        image_uri: run.imageUri,
        image_repository: tagged ? reference.slice(0, colon) : reference,
        image_tag: tagged ? reference.slice(colon + 1) : run.plan.version.imageTag,
        image_digest: digest
    };
}
function substitute(text, values, key) {
    return text.replace(/\{([a-z_]+)\}/g, (whole, name) => {
        const value = values[name];
        if (value !== undefined)
            return value;
        if (types/* HELM_PLACEHOLDERS */.Ax.includes(name)) {
            throw new errors.DeployError('INVALID_INPUT', `set.${key} uses ${whole}, but the service has no image: give it a build or an image`);
        }
        return whole;
    });
}

// EXTERNAL MODULE: ./src/targets/kubernetes-explain.ts
var kubernetes_explain = __webpack_require__(2198);
// EXTERNAL MODULE: ./src/targets/kubernetes-rollout.ts
var kubernetes_rollout = __webpack_require__(5756);
// EXTERNAL MODULE: ./src/targets/kubernetes.ts + 1 modules
var targets_kubernetes = __webpack_require__(288);
;// CONCATENATED MODULE: ./src/targets/helm.ts







/**
 * deploy.helm: one `helm upgrade --install` of the release with the new image (set_image, set
 * with placeholders, values files; secret values through a 0600 values file that is removed when
 * helm ends, and by the post step if the run dies first), Helm 3's --atomic or Helm 4's
 * --rollback-on-failure. helm's wait is not the end of it: its readiness check is weaker than
 * `kubectl rollout status` (a Deployment counts as ready with old pods still terminating), so the
 * release's Deployments, StatefulSets and DaemonSets are then followed through the same watch as
 * deploy.kubernetes. helm's own output goes to its own log group, inert.
 */
const deploy = async (request, context) => {
    const { target } = request;
    const helm = await (0,clients_helm/* helmVersion */.RT)(context.signal);
    if (!helm) {
        throw new errors.DeployError('DEPLOY_FAILED', `helm is not on PATH: ${clients_helm/* SETUP_HELM_HINT */.BO}`);
    }
    const client = (0,targets_kubernetes.openCluster)(request, context, context.signal);
    const deadline = (context.now ?? Date.now)() + context.timeoutMs;
    try {
        if (target.createNamespace && target.imagePullSecret) {
            // The pull secret goes in before helm runs, so its namespace must exist first.
            if (!(await client.namespaceExists(target.namespace))) {
                await client.createNamespace(target.namespace);
                context.info(`namespace ${target.namespace} created`);
            }
        }
        await (0,targets_kubernetes.preparePullSecret)(client, request, context);
        await upgrade(request, context, helm);
        const workloads = await releaseWorkloads(request, context);
        const starts = await Promise.all(workloads.map(async (ref) => ({
            ref,
            workload: await client.readWorkload(ref, target.namespace)
        })));
        const results = await (0,kubernetes_rollout/* followWorkloads */.sG)(client, target.namespace, starts, context, deadline);
        for (const result of results)
            context.progress(result.progress);
        const revision = (await client.listHelmReleases(target.namespace, target.release)).find(r => r.status === 'deployed')?.revision;
        return {
            outputs: {
                helm_release: target.release,
                ...(revision ? { helm_revision: String(revision) } : {})
            }
        };
    }
    catch (error) {
        const failure = (0,errors/* asDeployError */.y0)((0,kubernetes/* explainKubernetesError */.gA)(error, client.where), 'DEPLOY_FAILED');
        const rollout = error instanceof kubernetes_rollout/* RolloutFailure */.ay ? error : undefined;
        const explainable = error instanceof HelmFailure || rollout || failure.code === 'TIMEOUT';
        if (failure.code === 'CANCELLED' || !explainable)
            throw failure;
        // What the cluster says about the release's workloads, on a client of the undo signal.
        const undo = (0,targets_kubernetes.openCluster)(request, context, context.undoSignal ?? context.signal);
        const refs = rollout
            ? [rollout.ref]
            : await releaseWorkloads(request, context, context.undoSignal).catch(() => []);
        const failed = rollout ? { ref: rollout.ref, workload: rollout.workload } : undefined;
        throw await (0,kubernetes_explain/* withExplanation */.OI)(failure, undo, target.namespace, refs, failed).catch(() => failure);
    }
};
/** helm ended unsuccessfully; its last lines are in the details. */
class HelmFailure extends errors.DeployError {
}
async function upgrade(request, context, helm) {
    const { target, settings, service } = request;
    const facts = target.repoUrl === undefined ? (0,clients_helm/* chartFacts */.cE)(target.chart) : undefined;
    const secrets = Object.entries(target.setSecret).map(([key, variable]) => [key, process.env[variable] ?? '']);
    const secretFile = secrets.length
        ? (0,clients_helm/* writeSecretValues */.eD)(settings.context.tempDir, service.name, Object.fromEntries(secrets))
        : undefined;
    try {
        const helmFacts = {
            major: helm.major,
            chartDependencies: facts?.dependencies ?? false,
            customKinds: facts?.customKinds ?? [],
            secretValuesFile: secretFile
        };
        const commands = helmCommands(target, {
            imageUri: request.imageUri,
            plan: request.plan,
            kubeconfig: settings.deploy.kubeconfig,
            deployTimeoutMs: context.timeoutMs
        }, helmFacts);
        if (helm.major >= 4 && helmFacts.customKinds.length > 0) {
            context.info(`the chart creates ${helmFacts.customKinds.join(', ')}: helm waits with --wait=legacy`);
        }
        if (commands.dependencyUpdate) {
            await runStep(context, `helm dependency update ${service.name}`, commands.dependencyUpdate);
        }
        context.progress(`helm upgrade --install ${target.release} (helm ${helm.version})`, {
            release: target.release,
            namespace: target.namespace
        });
        await runStep(context, `helm upgrade --install ${target.release} (${service.name}, helm ${helm.version})`, commands.upgrade);
    }
    finally {
        if (secretFile)
            (0,clients_helm/* removeSecretValues */.rI)(secretFile);
    }
}
/** Runs one helm command; its output becomes its own log group, its failure a HelmFailure. */
async function runStep(context, title, args) {
    const lines = [];
    let result;
    try {
        result = await (0,clients_helm/* runHelm */.oU)(args, { signal: context.signal, onLine: line => lines.push(line) });
    }
    finally {
        // Shown whatever happened, the last lines again outside the group when it failed.
        const failed = result === undefined || result.exitCode !== 0;
        if (lines.length > 0) {
            context.output?.({
                title,
                lines,
                ...(failed
                    ? { tail: { title: `${title} failed; its last lines:`, lines: lines.slice(-20) } }
                    : {})
            });
        }
    }
    if (result.exitCode !== 0)
        throw helmFailure(title, result.exitCode, result.tail);
    return lines;
}
/**
 * helm's own words, made into an error: the `Error:` line says what; a wait that ran out is a
 * TIMEOUT; with --atomic / --rollback-on-failure helm has already rolled the release back.
 */
function helmFailure(title, exitCode, tail) {
    const text = tail.join('\n');
    const errorLine = [...tail]
        .reverse()
        .find(line => /^Error:/.test(line))
        ?.replace(/^Error:\s*/, '') ??
        tail.at(-1) ??
        '';
    const timedOut = /timed out waiting for the condition|context deadline exceeded/i.test(text);
    const rolledBack = /has been rolled back|rolled back due to|rollback-on-failure|atomic/i.test(errorLine);
    const message = `${title.replace(/ \(.*$/, '')} failed (exit code ${exitCode})` +
        (errorLine ? `: ${errorLine.slice(0, 500)}` : '') +
        (rolledBack ? '; helm rolled the release back' : '');
    return new HelmFailure(timedOut ? 'TIMEOUT' : 'DEPLOY_FAILED', message, { details: text });
}
/** The workloads of the release, from `helm get manifest`; none when it cannot be read. */
async function releaseWorkloads(request, context, signal = context.signal) {
    const { target } = request;
    const lines = [];
    const result = await (0,clients_helm/* runHelm */.oU)(manifestArgs(target, request.settings.deploy.kubeconfig), {
        signal,
        onLine: line => lines.push(line),
        tailLines: 0
    });
    if (result.exitCode !== 0)
        return [];
    return (0,clients_helm/* manifestWorkloads */._F)(lines.join('\n'))
        .filter(w => w.namespace === undefined || w.namespace === target.namespace)
        .map(w => ({ kind: w.kind, name: w.name }));
}


/***/ })

};

//# sourceMappingURL=5888.index.js.map