export const id = 288;
export const ids = [288];
export const modules = {

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dp: () => (/* binding */ KubernetesApiError),
/* harmony export */   gA: () => (/* binding */ explainKubernetesError),
/* harmony export */   vO: () => (/* binding */ workloadName),
/* harmony export */   yd: () => (/* binding */ createKubernetesClient)
/* harmony export */ });
/* unused harmony exports isNotFound, loadKubeConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1485);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _runtime_hosts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4087);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6390);







/** A non-2xx answer of the API server, with what the retry helper and messages look at. */
class KubernetesApiError extends Error {
    status;
    headers;
    /** The Status object's reason: NotFound, AlreadyExists, Conflict, Forbidden, ... */
    reason;
    constructor(describe, status, headers, body) {
        const fields = body !== null && typeof body === 'object' ? body : {};
        const text = typeof fields.message === 'string' && fields.message ? fields.message : undefined;
        super(`${describe} answered HTTP ${status}${text ? `: ${text}` : ''}`);
        this.name = 'KubernetesApiError';
        this.status = status;
        this.headers = headers;
        this.reason = typeof fields.reason === 'string' ? fields.reason : undefined;
    }
}
function isNotFound(error) {
    return error instanceof KubernetesApiError && error.status === 404;
}
const PLURALS = {
    Deployment: 'deployments',
    StatefulSet: 'statefulsets',
    DaemonSet: 'daemonsets'
};
function workloadName(ref) {
    return `${ref.kind.toLowerCase()}/${ref.name}`;
}
/**
 * The kubeconfig, its context chosen, checked before any call: a missing file, context or server
 * is an error that says where the kubeconfig comes from. A server over plain HTTP is spoken to
 * only on loopback (`kubectl proxy`, a local test cluster): client-node refuses plain HTTP unless
 * TLS checks are "skipped", which on loopback skips nothing.
 */
function loadKubeConfig(path, context, env = process.env) {
    const config = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .KubeConfig */ .ypW();
    const source = path ?? (env.KUBECONFIG ? `KUBECONFIG (${env.KUBECONFIG})` : '~/.kube/config');
    const inCluster = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)('/var/run/secrets/kubernetes.io/serviceaccount/token');
    if (!path && !env.KUBECONFIG && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.kube', 'config')) && !inCluster) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', 'no kubeconfig: set the kubeconfig input or KUBECONFIG, or write ~/.kube/config first ' +
            '(aws eks update-kubeconfig, azure/k8s-set-context)');
    }
    try {
        if (path)
            config.loadFromFile(path);
        else
            config.loadFromDefault();
    }
    catch (error) {
        // Never the parser's message: it quotes the file, and a kubeconfig may hold a token.
        const line = error.mark?.line;
        const at = typeof line === 'number' ? ` (YAML error at line ${line + 1})` : '';
        const code = error.code;
        const why = typeof code === 'string' ? ` (${code})` : at;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the kubeconfig ${source} could not be read${why}`);
    }
    if (context !== undefined) {
        if (!config.getContextObject(context)) {
            const names = config.getContexts().map(c => c.name);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the kubeconfig ${source} has no context '${context}'` +
                (names.length ? ` (it has ${names.map(n => `'${n}'`).join(', ')})` : ''));
        }
        config.setCurrentContext(context);
    }
    const contextName = config.getCurrentContext();
    const cluster = config.getCurrentCluster();
    if (!contextName || !cluster) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the kubeconfig ${source} has no current context with a cluster: set context on the target, or current-context in the kubeconfig`);
    }
    const server = URL.canParse(cluster.server) ? new URL(cluster.server) : undefined;
    if (!server || (server.protocol !== 'https:' && server.protocol !== 'http:')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the cluster of kubeconfig context '${contextName}' has no https:// server`);
    }
    if (server.protocol === 'http:') {
        if (!(0,_runtime_hosts_js__WEBPACK_IMPORTED_MODULE_6__/* .isLoopbackHost */ .c)(server.host)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the cluster of kubeconfig context '${contextName}' is ${server.origin}, plain HTTP: ` +
                'its credentials would cross the network in clear; give its https:// address');
        }
        if (!cluster.skipTLSVerify) {
            const open = { ...cluster, skipTLSVerify: true };
            config.loadFromOptions({
                clusters: config.getClusters().map(c => (c.name === cluster.name ? open : c)),
                contexts: config.getContexts(),
                users: config.getUsers(),
                currentContext: contextName
            });
            return { config, cluster: open, contextName };
        }
    }
    return { config, cluster, contextName };
}
function createKubernetesClient(options) {
    const { config, cluster, contextName } = loadKubeConfig(options.kubeconfig, options.context);
    const where = `kubeconfig context '${contextName}' (${new URL(cluster.server).origin})`;
    const apps = config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .AppsV1Api */ .eY6);
    const core = config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .CoreV1Api */ .f5Y);
    const authz = config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .AuthorizationV1Api */ .NwU);
    const versions = config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .VersionApi */ .Nq_);
    const watcher = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .Watch */ .ox1(config);
    /** One attempt: the signal reaches the request, and failures become KubernetesApiError. */
    async function attempt(describe, signal, call, contentType) {
        const middleware = {
            pre: (context) => {
                context.setSignal(signal);
                if (contentType)
                    context.setHeaderParam('Content-Type', contentType);
                return new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .Observable */ .cPK(Promise.resolve(context));
            },
            post: (context) => new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .Observable */ .cPK(Promise.resolve(context))
        };
        try {
            return await call({
                middleware: [middleware],
                middlewareMergeStrategy: 'append'
            });
        }
        catch (error) {
            throw asApiError(describe, error);
        }
    }
    function retried(describe, call, contentType) {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(signal => attempt(describe, signal, call, contentType), {
            describe,
            signal: options.signal,
            onRetry: options.onRetry,
            ...options.retry
        });
    }
    function readOnce(ref, namespace, options) {
        const param = { name: ref.name, namespace };
        switch (ref.kind) {
            case 'Deployment':
                return apps.readNamespacedDeployment(param, options);
            case 'StatefulSet':
                return apps.readNamespacedStatefulSet(param, options);
            case 'DaemonSet':
                return apps.readNamespacedDaemonSet(param, options);
        }
    }
    const smp = _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .PatchStrategy */ .Qve.StrategicMergePatch;
    const client = {
        where,
        contextName,
        contextNamespace: config.getContextObject(contextName)?.namespace,
        version: async () => (await retried('Kubernetes GET /version', o => versions.getCode(o))).gitVersion,
        readWorkload: (ref, namespace) => retried(`Kubernetes GET ${workloadName(ref)}`, o => readOnce(ref, namespace, o)),
        lookWorkload: (ref, namespace, signal) => attempt(`Kubernetes GET ${workloadName(ref)}`, signal, o => readOnce(ref, namespace, o)),
        patchWorkload: (ref, namespace, patch) => retried(`Kubernetes PATCH ${workloadName(ref)}`, o => {
            const param = { name: ref.name, namespace, body: patch };
            switch (ref.kind) {
                case 'Deployment':
                    return apps.patchNamespacedDeployment(param, o);
                case 'StatefulSet':
                    return apps.patchNamespacedStatefulSet(param, o);
                case 'DaemonSet':
                    return apps.patchNamespacedDaemonSet(param, o);
            }
        }, smp),
        watchWorkload: async (ref, namespace, resourceVersion, onEvent) => {
            let settle = () => undefined;
            const ended = new Promise(resolve => (settle = resolve));
            const path = `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PLURALS[ref.kind]}`;
            const query = {
                fieldSelector: `metadata.name=${ref.name}`,
                allowWatchBookmarks: true
            };
            if (resourceVersion)
                query.resourceVersion = resourceVersion;
            const controller = await watcher.watch(path, query, (type, object) => {
                if (type === 'ERROR') {
                    // 410 Gone (the resourceVersion is too old) and the like: this watch is over.
                    const status = object;
                    settle(new Error(`watch error ${status.code ?? '?'}: ${status.message ?? ''}`));
                    controller?.abort();
                    return;
                }
                onEvent(type, object);
            }, (error) => settle(error ? new Error((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)) : new Error('the server ended the watch')));
            return {
                stop: () => {
                    settle(undefined);
                    controller.abort();
                },
                ended
            };
        },
        listReplicaSets: async (namespace, labelSelector) => (await retried('Kubernetes LIST replicasets', o => apps.listNamespacedReplicaSet({ namespace, labelSelector }, o))).items,
        listPods: async (namespace, labelSelector) => (await retried('Kubernetes LIST pods', o => core.listNamespacedPod({ namespace, labelSelector }, o))).items,
        podLog: (namespace, pod, container, { previous, tailLines }) => retried(`Kubernetes GET pods/${pod}/log`, o => core.readNamespacedPodLog({ name: pod, namespace, container, previous, tailLines }, o)),
        listEvents: async (namespace, fieldSelector) => (await retried('Kubernetes LIST events', o => core.listNamespacedEvent({ namespace, fieldSelector }, o))).items,
        namespaceExists: async (name) => {
            try {
                await retried(`Kubernetes GET namespace ${name}`, o => core.readNamespace({ name }, o));
                return true;
            }
            catch (error) {
                if (isNotFound(error))
                    return false;
                throw error;
            }
        },
        createNamespace: async (name) => {
            try {
                await retried(`Kubernetes POST namespace ${name}`, o => core.createNamespace({ body: { metadata: { name } } }, o));
            }
            catch (error) {
                // Created by our own attempt whose answer was lost, or by someone at the same time.
                if (!(error instanceof KubernetesApiError && error.status === 409))
                    throw error;
            }
        },
        readSecret: async (namespace, name) => {
            try {
                return (await retried(`Kubernetes GET secret ${name}`, o => core.readNamespacedSecret({ name, namespace }, o)));
            }
            catch (error) {
                if (isNotFound(error))
                    return undefined;
                throw error;
            }
        },
        listHelmReleases: async (namespace, release) => {
            const list = await retried(`Kubernetes LIST secrets of Helm release ${release}`, o => core.listNamespacedSecret({ namespace, labelSelector: `owner=helm,name=${release}` }, o));
            return list.items
                .map(item => ({
                revision: Number(item.metadata?.labels?.version ?? 0),
                status: item.metadata?.labels?.status ?? 'unknown'
            }))
                .sort((a, b) => b.revision - a.revision);
        },
        createSecret: async (namespace, secret) => {
            await retried(`Kubernetes POST secret ${secret.metadata?.name ?? ''}`, o => core.createNamespacedSecret({ namespace, body: secret }, o));
        },
        replaceSecret: async (namespace, secret) => {
            const name = secret.metadata?.name ?? '';
            await retried(`Kubernetes PUT secret ${name}`, o => core.replaceNamespacedSecret({ name, namespace, body: secret }, o));
        },
        readServiceAccount: async (namespace, name) => {
            try {
                return (await retried(`Kubernetes GET serviceaccount ${name}`, o => core.readNamespacedServiceAccount({ name, namespace }, o)));
            }
            catch (error) {
                if (isNotFound(error))
                    return undefined;
                throw error;
            }
        },
        patchServiceAccount: async (namespace, name, patch) => {
            await retried(`Kubernetes PATCH serviceaccount ${name}`, o => core.patchNamespacedServiceAccount({ name, namespace, body: patch }, o), smp);
        },
        canI: async (attributes) => {
            const review = await retried('Kubernetes POST selfsubjectaccessreviews', o => authz.createSelfSubjectAccessReview({
                body: {
                    apiVersion: 'authorization.k8s.io/v1',
                    kind: 'SelfSubjectAccessReview',
                    spec: { resourceAttributes: { ...attributes } }
                }
            }, o));
            return review.status?.allowed === true;
        }
    };
    return client;
}
/** client-node's ApiException (its message repeats the whole answer) as a KubernetesApiError. */
function asApiError(describe, error) {
    if (!(error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_3__/* .ApiException */ .UJ4))
        return error;
    const exception = error;
    let body = exception.body;
    if (typeof body === 'string') {
        try {
            body = JSON.parse(body);
        }
        catch {
            body = {};
        }
    }
    return new KubernetesApiError(describe, exception.code, exception.headers, body);
}
/** Turns the answers a user can act on into DeployErrors that say what to do. */
function explainKubernetesError(error, where) {
    if (!(error instanceof KubernetesApiError))
        return error;
    if (error.status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `the cluster of ${where} refused its credentials (HTTP 401): renew them ` +
            '(aws eks update-kubeconfig, azure/k8s-set-context) or check the kubeconfig user', { cause: error, details: error.message });
    }
    if (error.status === 403) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `${error.message.replace(/^.*? answered HTTP 403: /, '')} (${where}): grant the deploy ` +
            'identity the role in docs/kubernetes.md', { cause: error, details: error.message });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__.DeployError('DEPLOY_FAILED', `${error.message} (${where})`, { cause: error });
}


/***/ }),

/***/ 2198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OI: () => (/* binding */ withExplanation)
/* harmony export */ });
/* unused harmony exports LOG_TAIL_LINES, explainRollout, podFindings */
/* harmony import */ var _clients_kubernetes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1670);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _kubernetes_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8387);



/** Pods looked at: enough to tell a pattern, few enough to stay quick. */
const MAX_PODS = 5;
const LOG_TAIL_LINES = 20;
/** Waiting reasons that mean the pod will not become ready by waiting. */
const STUCK_REASONS = new Set([
    'ImagePullBackOff',
    'ErrImagePull',
    'CrashLoopBackOff',
    'CreateContainerConfigError',
    'CreateContainerError',
    'InvalidImageName',
    'ErrImageNeverPull',
    'RunContainerError'
]);
async function explainRollout(client, namespace, ref, workload) {
    const findings = [];
    const logs = [];
    let pods;
    try {
        pods = await newPods(client, namespace, ref, workload);
    }
    catch (error) {
        return {
            findings: [`the pods of ${(0,_clients_kubernetes_js__WEBPACK_IMPORTED_MODULE_0__/* .workloadName */ .vO)(ref)} could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`],
            details: []
        };
    }
    const unready = pods.filter(pod => !podReady(pod)).slice(0, MAX_PODS);
    for (const pod of unready) {
        const podName = pod.metadata?.name ?? '?';
        let events = [];
        try {
            events = warnings(await client.listEvents(namespace, `involvedObject.name=${podName}`));
        }
        catch {
            // The pod's own status still says most of it.
        }
        const said = podFindings(pod, events);
        findings.push(...said.map(line => `pod ${podName}: ${line}`));
        for (const status of pod.status?.containerStatuses ?? []) {
            if (status.state?.waiting?.reason !== 'CrashLoopBackOff' && !status.lastState?.terminated)
                continue;
            try {
                const text = await client.podLog(namespace, podName, status.name, {
                    previous: true,
                    tailLines: LOG_TAIL_LINES
                });
                const lines = text.split(/\r?\n/).filter(line => line.length > 0);
                if (lines.length > 0) {
                    logs.push(`last ${lines.length} log lines of ${podName}/${status.name}:`, ...lines);
                }
            }
            catch (error) {
                logs.push(`the log of ${podName}/${status.name} could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
            }
        }
    }
    if (findings.length === 0 && pods.length === 0) {
        findings.push(`no pods of the new revision of ${(0,_clients_kubernetes_js__WEBPACK_IMPORTED_MODULE_0__/* .workloadName */ .vO)(ref)} exist yet`);
    }
    // The same finding on every pod of a ReplicaSet is one finding.
    const unique = [...new Set(findings)];
    return { findings: unique, details: [...unique, ...logs] };
}
/** What one pod's status and events say is wrong with it, most telling first. */
function podFindings(pod, events) {
    const lines = [];
    const pullError = events.find(e => e.reason === 'Failed' && /pull/i.test(e.message ?? ''));
    const statuses = [
        ...(pod.status?.initContainerStatuses ?? []),
        ...(pod.status?.containerStatuses ?? [])
    ];
    for (const status of statuses) {
        const line = containerFinding(status, pullError);
        if (line)
            lines.push(line);
    }
    const scheduled = pod.status?.conditions?.find(c => c.type === 'PodScheduled');
    if (scheduled?.status === 'False') {
        const event = events.find(e => e.reason === 'FailedScheduling');
        lines.push(`not scheduled: ${event?.message ?? scheduled.message ?? scheduled.reason ?? 'Unschedulable'}`);
    }
    const probe = events.find(e => e.reason === 'Unhealthy');
    if (probe?.message)
        lines.push(`${probe.message}${probe.count && probe.count > 1 ? ` (${probe.count} times)` : ''}`);
    if (lines.length === 0) {
        const other = events.find(e => e.reason !== 'Pulling' && e.reason !== 'Scheduled');
        if (other?.message)
            lines.push(`${other.reason ?? 'Warning'}: ${other.message}`);
    }
    return lines;
}
function containerFinding(status, pullError) {
    const waiting = status.state?.waiting;
    const reason = waiting?.reason;
    if (!reason || !STUCK_REASONS.has(reason))
        return '';
    const where = `container ${status.name}: ${reason}`;
    if (reason === 'ImagePullBackOff' || reason === 'ErrImagePull') {
        const image = status.image ? ` image ${status.image}` : '';
        const why = pullError?.message ?? waiting.message ?? '';
        return `${where}:${image}${why ? `: ${why}` : ''}`;
    }
    if (reason === 'CrashLoopBackOff') {
        const last = status.lastState?.terminated;
        const exit = last?.exitCode !== undefined
            ? `last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}`
            : 'crashing';
        const restarts = status.restartCount ? `, restarted ${status.restartCount} times` : '';
        return `${where}: ${exit}${restarts}`;
    }
    return `${where}${waiting.message ? `: ${waiting.message}` : ''}`;
}
function podReady(pod) {
    return pod.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') ?? false;
}
/** Warning events, newest first. */
function warnings(events) {
    const time = (e) => {
        const at = e.lastTimestamp ?? e.eventTime;
        return at ? new Date(at).getTime() : 0;
    };
    return events.filter(e => e.type === 'Warning').sort((a, b) => time(b) - time(a));
}
function selectorOf(labels) {
    return Object.entries(labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
}
/**
 * The pods of the revision being rolled out: a Deployment's newest ReplicaSet (the one whose
 * revision annotation is the Deployment's), a StatefulSet's update revision, a DaemonSet's pods.
 */
async function newPods(client, namespace, ref, workload) {
    const labels = workload.spec?.selector?.matchLabels ?? {};
    const selector = selectorOf(labels);
    if (ref.kind === 'Deployment') {
        const revision = workload.metadata?.annotations?.['deployment.kubernetes.io/revision'];
        const uid = workload.metadata?.uid;
        const sets = (await client.listReplicaSets(namespace, selector)).filter(rs => !uid || rs.metadata?.ownerReferences?.some(owner => owner.uid === uid));
        const current = sets.find(rs => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision) ?? sets.at(-1);
        const hash = current?.metadata?.labels?.['pod-template-hash'];
        if (!hash)
            return [];
        return client.listPods(namespace, selectorOf({ ...labels, 'pod-template-hash': hash }));
    }
    if (ref.kind === 'StatefulSet' && workload.status?.updateRevision) {
        return client.listPods(namespace, selectorOf({ ...labels, 'controller-revision-hash': workload.status.updateRevision }));
    }
    return client.listPods(namespace, selector);
}
/**
 * The failure with what the cluster says about it: for a failed rollout, its new pods; otherwise
 * (a TIMEOUT, a helm that gave up) every workload whose rollout had not finished. `client` must still be usable (after a TIMEOUT,
 * one on the undo signal).
 */
async function withExplanation(failure, client, namespace, refs, failed) {
    const stuck = [];
    if (failed) {
        stuck.push({ ...failed });
    }
    else {
        for (const ref of refs) {
            try {
                const workload = await client.readWorkload(ref, namespace);
                if ((0,_kubernetes_status_js__WEBPACK_IMPORTED_MODULE_2__/* .rolloutStatus */ .O)(ref.kind, workload).kind !== 'done')
                    stuck.push({ ref, workload });
            }
            catch {
                // Unreadable now: nothing to add about it.
            }
        }
    }
    if (stuck.length === 0)
        return failure;
    const findings = [];
    const details = [];
    for (const { ref, workload } of stuck) {
        const explanation = await explainRollout(client, namespace, ref, workload);
        findings.push(...explanation.findings);
        details.push(...explanation.details);
    }
    if (findings.length === 0)
        return failure;
    const shown = findings.slice(0, 3).join('; ');
    const more = findings.length > 3 ? ` (and ${findings.length - 3} more in the details)` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError(failure.code, `${failure.message}: ${shown}${more}`, {
        details: [failure.details, ...details].filter(Boolean).join('\n'),
        cause: failure
    });
}


/***/ }),

/***/ 5756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ay: () => (/* binding */ RolloutFailure),
/* harmony export */   sG: () => (/* binding */ followWorkloads)
/* harmony export */ });
/* unused harmony export followRollout */
/* harmony import */ var _clients_kubernetes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1670);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runtime_follow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9355);
/* harmony import */ var _runtime_duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1170);
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6390);
/* harmony import */ var _kubernetes_status_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8387);






/** While a watch is open, every this many looks one reads the workload all the same. */
const RESYNC_LOOKS = 15;
/** A server that ends every watch at once is not asked again more often than this. */
const MAX_WATCHES = 5;
async function followRollout(options) {
    const { client, namespace, ref, context } = options;
    const name = (0,_clients_kubernetes_js__WEBPACK_IMPORTED_MODULE_0__/* .workloadName */ .vO)(ref);
    const first = judge(ref, options.start);
    if (first.kind === 'done') {
        return { workload: options.start, progress: first.progress, via: 'patch', polls: 0, watches: 0 };
    }
    let outcome;
    const ended = new AbortController();
    let lastProgress;
    const report = (verdict) => {
        if (verdict.kind !== 'waiting' || verdict.progress === lastProgress)
            return;
        lastProgress = verdict.progress;
        context.progress(verdict.progress, { workload: name, ...verdict.counts });
    };
    const settle = (workload, verdict, via) => {
        report(verdict);
        if (verdict.kind === 'waiting')
            return false;
        outcome ??= { workload, verdict, via };
        ended.abort();
        return true;
    };
    report(first);
    let watch;
    let watchOpen = false;
    let watches = 0;
    let polls = 0;
    let quietLooks = 0;
    let toldBroken = false;
    const openWatch = async (from) => {
        if (watches >= MAX_WATCHES || ended.signal.aborted)
            return;
        watches++;
        try {
            const handle = await client.watchWorkload(ref, namespace, from.metadata?.resourceVersion, (type, object) => {
                if (outcome)
                    return;
                if (type === 'DELETED') {
                    settle(object, {
                        kind: 'failed',
                        reason: 'Deleted',
                        message: `${name} was deleted during the rollout`
                    }, 'watch');
                    return;
                }
                if (type === 'ADDED' || type === 'MODIFIED')
                    settle(object, judge(ref, object), 'watch');
            });
            watch = handle;
            watchOpen = true;
            void handle.ended.then(error => {
                if (watch !== handle)
                    return;
                watchOpen = false;
                if (error && !outcome && !toldBroken) {
                    toldBroken = true;
                    context.info(`${name}: the watch ended (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}); following by reading it every ` +
                        (0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(context.pollIntervalMs));
                }
            });
        }
        catch (error) {
            watchOpen = false;
            if (!toldBroken) {
                toldBroken = true;
                context.info(`${name}: no watch (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}); following by reading it`);
            }
        }
    };
    await openWatch(options.start);
    const signal = AbortSignal.any([
        context.signal,
        ended.signal,
        ...(options.stop ? [options.stop] : [])
    ]);
    try {
        await (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_2__/* .follow */ .e6)({
            describe: `the rollout of ${name} in namespace ${namespace}`,
            intervalMs: context.pollIntervalMs,
            timeoutMs: Math.max(1, options.deadline - (context.now ?? Date.now)()),
            signal,
            sleep: context.sleep,
            now: context.now,
            onRetry: notice => context.info((0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRetry */ .eV)(notice)),
            look: async (lookSignal) => {
                if (outcome)
                    return { done: true, value: true };
                // A connection can die without a word (a NAT that forgets it): now and then a look
                // reads the workload even while the watch is open.
                if (watchOpen && ++quietLooks % RESYNC_LOOKS !== 0)
                    return { done: false };
                polls++;
                const workload = await client.lookWorkload(ref, namespace, lookSignal);
                if (settle(workload, judge(ref, workload), 'poll'))
                    return { done: true, value: true };
                if (!watchOpen)
                    await openWatch(workload);
                return { done: false };
            }
        });
    }
    catch (error) {
        if (!outcome)
            throw error;
    }
    finally {
        watch?.stop();
    }
    if (!outcome) {
        // The follower ended without a verdict only when another workload's failure stopped it.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError('CANCELLED', `stopped following ${name}`);
    }
    const { verdict, workload, via } = outcome;
    if (verdict.kind === 'failed') {
        throw new RolloutFailure(ref, workload, verdict.reason, verdict.message);
    }
    return {
        workload,
        progress: verdict.kind === 'done' ? verdict.progress : '',
        via,
        polls,
        watches
    };
}
/** A rollout the cluster says has failed; the target explains it from the pods and events. */
class RolloutFailure extends _errors_js__WEBPACK_IMPORTED_MODULE_1__.DeployError {
    ref;
    workload;
    reason;
    constructor(ref, workload, reason, message) {
        super('DEPLOY_FAILED', message);
        this.ref = ref;
        this.workload = workload;
        this.reason = reason;
    }
}
function judge(ref, workload) {
    return (0,_kubernetes_status_js__WEBPACK_IMPORTED_MODULE_4__/* .rolloutStatus */ .O)(ref.kind, workload);
}
/**
 * Follows several workloads at once. The first failure stops the others' waits (their rollouts go
 * on in the cluster; a rollback, if asked for, puts them back) and is thrown.
 */
async function followWorkloads(client, namespace, starts, context, deadline) {
    const stop = new AbortController();
    // The first failure is the one to tell: the waits it stopped say nothing of their own.
    let first;
    const settled = await Promise.allSettled(starts.map(({ ref, workload }) => followRollout({
        client,
        namespace,
        ref,
        start: workload,
        context,
        deadline,
        stop: stop.signal
    }).catch((error) => {
        first ??= { error };
        stop.abort();
        throw error;
    })));
    if (first)
        throw first.error;
    return settled.map(s => s.value);
}


/***/ }),

/***/ 8387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ rolloutStatus)
/* harmony export */ });
function rolloutStatus(kind, workload) {
    switch (kind) {
        case 'Deployment':
            return deploymentStatus(workload);
        case 'StatefulSet':
            return statefulSetStatus(workload);
        case 'DaemonSet':
            return daemonSetStatus(workload);
    }
}
function nameOf(workload) {
    return workload.metadata?.name ?? '?';
}
/** The controller has not yet acted on the latest spec: nothing in status is about it yet. */
function specUnseen(workload) {
    const generation = workload.metadata?.generation ?? 0;
    const observed = workload.status?.observedGeneration ?? 0;
    return generation > observed;
}
function waiting(workload, detail, counts) {
    return { kind: 'waiting', progress: `${nameOf(workload)}: ${detail}`, counts };
}
/** OnDelete (StatefulSets, DaemonSets) replaces pods only when someone deletes them. */
function notRolling(workload) {
    const type = workload.spec?.updateStrategy?.type;
    if (!type || type === 'RollingUpdate')
        return undefined;
    return {
        kind: 'failed',
        reason: 'OnDelete',
        message: `${nameOf(workload)}: update strategy ${type} replaces pods only when they are deleted; use RollingUpdate to follow a rollout`
    };
}
const NONE = { desired: 0, updated: 0, ready: 0, available: 0 };
function deploymentStatus(workload) {
    const name = nameOf(workload);
    if (specUnseen(workload))
        return waiting(workload, 'waiting for the rollout to start', NONE);
    const status = workload.status ?? {};
    const progressing = status.conditions?.find(c => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
            kind: 'failed',
            reason: 'ProgressDeadlineExceeded',
            message: `${name}: ${progressing.message ?? 'the rollout exceeded its progress deadline'}`
        };
    }
    const desired = workload.spec?.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const total = status.replicas ?? 0;
    const ready = status.readyReplicas ?? 0;
    const available = status.availableReplicas ?? 0;
    const counts = { desired, updated, ready, available };
    if (updated < desired) {
        return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts);
    }
    if (total > updated) {
        const old = total - updated;
        return waiting(workload, `${updated}/${desired} pods updated, ${old} old ${old === 1 ? 'pod' : 'pods'} terminating`, counts);
    }
    if (available < updated) {
        return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts);
    }
    return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and available` };
}
function statefulSetStatus(workload) {
    const name = nameOf(workload);
    const strategy = workload.spec?.updateStrategy;
    const unfollowable = notRolling(workload);
    if (unfollowable)
        return unfollowable;
    if (!workload.status?.observedGeneration || specUnseen(workload)) {
        return waiting(workload, 'waiting for the rollout to start', NONE);
    }
    const status = workload.status;
    const desired = workload.spec?.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const ready = status.readyReplicas ?? 0;
    const available = status.availableReplicas ?? ready;
    const counts = { desired, updated, ready, available };
    if (ready < desired) {
        return waiting(workload, `${updated}/${desired} pods updated, ${ready} ready`, counts);
    }
    const partition = strategy?.rollingUpdate?.partition ?? 0;
    if (partition > 0) {
        const expected = desired - partition;
        if (updated < expected) {
            return waiting(workload, `${updated}/${expected} pods updated (partition ${partition}), ${ready} ready`, counts);
        }
        return {
            kind: 'done',
            progress: `${name}: ${updated}/${expected} pods updated (partition ${partition})`
        };
    }
    if (status.updateRevision !== status.currentRevision) {
        return waiting(workload, `${updated}/${desired} pods updated, ${ready} ready`, counts);
    }
    return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and ready` };
}
function daemonSetStatus(workload) {
    const name = nameOf(workload);
    const unfollowable = notRolling(workload);
    if (unfollowable)
        return unfollowable;
    if (specUnseen(workload))
        return waiting(workload, 'waiting for the rollout to start', NONE);
    const status = workload.status ?? {};
    const desired = status.desiredNumberScheduled ?? 0;
    const updated = status.updatedNumberScheduled ?? 0;
    const ready = status.numberReady ?? 0;
    const available = status.numberAvailable ?? 0;
    const counts = { desired, updated, ready, available };
    if (updated < desired) {
        return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts);
    }
    if (available < desired) {
        return waiting(workload, `${updated}/${desired} pods updated, ${available} available`, counts);
    }
    return { kind: 'done', progress: `${name}: ${desired}/${desired} pods updated and available` };
}


/***/ }),

/***/ 288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHANGE_CAUSE: () => (/* binding */ CHANGE_CAUSE),
  changeCause: () => (/* binding */ changeCause),
  chooseContainer: () => (/* binding */ chooseContainer),
  deploy: () => (/* binding */ deploy),
  imageOf: () => (/* binding */ imageOf),
  imagePatch: () => (/* binding */ imagePatch),
  openCluster: () => (/* binding */ openCluster),
  preparePullSecret: () => (/* binding */ preparePullSecret)
});

// EXTERNAL MODULE: ./src/clients/kubernetes.ts
var kubernetes = __webpack_require__(1670);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
// EXTERNAL MODULE: ./src/targets/kubernetes-explain.ts
var kubernetes_explain = __webpack_require__(2198);
;// CONCATENATED MODULE: ./src/targets/kubernetes-pull-secret.ts


/**
 * The image pull secret: a kubernetes.io/dockerconfigjson secret holding the run's own
 * credentials for the service's registry (for ECR, the 12-hour token), listed in the service
 * account's imagePullSecrets so that every pod of the account can pull. Idempotent: the secret is
 * written only when its content changes (a new token), the service account patched only when the
 * secret is not listed yet. The credentials travel only in the API request's body: never in a
 * log line, a message or a command line.
 */
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'deploy-pipeline' };
/** What the secret holds: the same JSON for the same login, so a comparison tells a change. */
function dockerConfigJson(login) {
    const { host, username = '', password = '' } = login;
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    return JSON.stringify({ auths: { [host]: { username, password, auth } } });
}
async function ensurePullSecret(client, namespace, wanted, login) {
    if (!login.username || !login.password) {
        throw new errors.DeployError('INVALID_INPUT', `image_pull_secret '${wanted.name}': the run has no credentials for ${login.host} (it pushes ` +
            'there anonymously); give registry_username and registry_password, or remove image_pull_secret');
    }
    const encoded = Buffer.from(dockerConfigJson(login)).toString('base64');
    const secret = await writeSecret(client, namespace, wanted.name, encoded);
    const serviceAccountPatched = await listInServiceAccount(client, namespace, wanted);
    return { secret, serviceAccountPatched };
}
async function writeSecret(client, namespace, name, encoded) {
    const desired = (resourceVersion) => ({
        metadata: { name, labels: { ...MANAGED_BY }, ...(resourceVersion ? { resourceVersion } : {}) },
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': encoded }
    });
    // Two rounds: a secret created or changed by someone else between our read and our write.
    for (let round = 0;; round++) {
        const existing = await client.readSecret(namespace, name);
        try {
            if (!existing) {
                await client.createSecret(namespace, desired());
                return 'created';
            }
            refuseForeign(existing, name, namespace);
            if (existing.data?.['.dockerconfigjson'] === encoded)
                return 'unchanged';
            await client.replaceSecret(namespace, desired(existing.metadata?.resourceVersion));
            return 'refreshed';
        }
        catch (error) {
            if (round === 0 && error instanceof kubernetes/* KubernetesApiError */.dp && error.status === 409)
                continue;
            throw error;
        }
    }
}
/** A secret of that name that this action did not make is someone else's: never overwritten. */
function refuseForeign(existing, name, namespace) {
    if (existing.type !== 'kubernetes.io/dockerconfigjson') {
        throw new errors.DeployError('DEPLOY_FAILED', `image_pull_secret: secret '${name}' in namespace ${namespace} exists with type ` +
            `${existing.type ?? '?'}; choose another name (it is not overwritten)`);
    }
    const managedBy = existing.metadata?.labels?.['app.kubernetes.io/managed-by'];
    if (managedBy !== MANAGED_BY['app.kubernetes.io/managed-by']) {
        throw new errors.DeployError('DEPLOY_FAILED', `image_pull_secret: secret '${name}' in namespace ${namespace} exists and was not made by ` +
            'deploy-pipeline (no app.kubernetes.io/managed-by: deploy-pipeline label); choose another ' +
            'name, or delete it once so that the action manages it');
    }
}
async function listInServiceAccount(client, namespace, wanted) {
    for (let round = 0;; round++) {
        const account = await client.readServiceAccount(namespace, wanted.serviceAccount);
        if (!account) {
            throw new errors.DeployError('DEPLOY_FAILED', `image_pull_secret: service account '${wanted.serviceAccount}' does not exist in namespace ` +
                `${namespace}; create it, or set image_pull_secret.service_account`);
        }
        const listed = account.imagePullSecrets ?? [];
        if (listed.some(ref => ref.name === wanted.name))
            return false;
        // imagePullSecrets of a service account is an atomic list: the patch carries all of it, and
        // the resourceVersion, so that an entry someone adds meanwhile is a conflict, not lost.
        const patch = {
            metadata: { resourceVersion: account.metadata?.resourceVersion },
            imagePullSecrets: [...listed.map(ref => ({ name: ref.name })), { name: wanted.name }]
        };
        try {
            await client.patchServiceAccount(namespace, wanted.serviceAccount, patch);
            return true;
        }
        catch (error) {
            if (round < 2 && error instanceof kubernetes/* KubernetesApiError */.dp && error.status === 409)
                continue;
            throw error;
        }
    }
}

// EXTERNAL MODULE: ./src/targets/kubernetes-rollout.ts
var kubernetes_rollout = __webpack_require__(5756);
;// CONCATENATED MODULE: ./src/targets/kubernetes.ts






/**
 * deploy.kubernetes: sets the service's image, by digest, on the pod template of each workload
 * (a strategic merge patch of one container's image, recorded with kubernetes.io/change-cause so
 * that `kubectl rollout history` tells who and what), then follows every rollout through the
 * watch API until `kubectl rollout status` would say it is done. A failed or timed-out rollout is
 * explained from its pods and events; with rollback_on_failure the previous images are patched
 * back and that rollout is followed too.
 */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const deploy = async (request, context) => {
    const { target, service } = request;
    const imageUri = request.imageUri;
    if (!imageUri) {
        throw new errors.DeployError('INVALID_INPUT', `${service.name} has no image: deploy.kubernetes sets a workload's image, so the service needs a build or an image`);
    }
    const client = openCluster(request, context, context.signal);
    const deadline = (context.now ?? Date.now)() + context.timeoutMs;
    const patched = [];
    try {
        await preparePullSecret(client, request, context);
        const changes = await Promise.all(target.workloads.map(async (ref) => {
            const workload = await client.readWorkload(ref, target.namespace);
            return {
                ref,
                before: workload,
                container: chooseContainer(ref, workload, target.container)
            };
        }));
        const cause = changeCause(request, imageUri);
        const starts = [];
        for (const change of changes) {
            const previous = imageOf(change.before, change.container);
            const workload = await client.patchWorkload(change.ref, target.namespace, imagePatch(change.container, imageUri, cause));
            patched.push({ ...change, previousImage: previous });
            starts.push({ ref: change.ref, workload });
            context.info(previous === imageUri
                ? `${(0,kubernetes/* workloadName */.vO)(change.ref)}: container ${change.container} already runs ${imageUri}`
                : `${(0,kubernetes/* workloadName */.vO)(change.ref)}: container ${change.container}: ${previous ?? '(none)'} -> ${imageUri}`);
        }
        const results = await (0,kubernetes_rollout/* followWorkloads */.sG)(client, target.namespace, starts, context, deadline);
        for (const result of results)
            context.progress(result.progress);
        return outcome(target);
    }
    catch (error) {
        const failure = (0,errors/* asDeployError */.y0)((0,kubernetes/* explainKubernetesError */.gA)(error, client.where), 'DEPLOY_FAILED');
        // Nothing was changed: nothing to explain or undo.
        if (patched.length === 0)
            throw failure;
        if (failure.code === 'CANCELLED' && !(error instanceof kubernetes_rollout/* RolloutFailure */.ay))
            throw failure;
        // After a TIMEOUT the deploy's own signal has fired: explain and undo on the undo signal.
        const undo = openCluster(request, context, context.undoSignal ?? context.signal);
        const explained = await (0,kubernetes_explain/* withExplanation */.OI)(failure, undo, target.namespace, target.workloads, error instanceof kubernetes_rollout/* RolloutFailure */.ay ? { ref: error.ref, workload: error.workload } : undefined).catch(() => failure);
        if (!target.rollbackOnFailure)
            throw explained;
        throw await rollBack(undo, request, context, patched, explained);
    }
};
/** The client for this target's cluster: its kubeconfig context, calls bounded by `signal`. */
function openCluster(request, context, signal) {
    return (0,kubernetes/* createKubernetesClient */.yd)({
        kubeconfig: request.settings.deploy.kubeconfig,
        context: request.target.context,
        signal,
        onRetry: notice => context.info((0,retry/* describeRetry */.eV)(notice))
    });
}
/** Creates or refreshes the image pull secret, when the target asks for one. */
async function preparePullSecret(client, request, context) {
    const wanted = request.target.imagePullSecret;
    if (!wanted)
        return;
    if (!request.pullCredentials) {
        throw new errors.DeployError('INVALID_INPUT', `image_pull_secret '${wanted.name}': ${request.service.name} has no image whose registry it could pull from`);
    }
    const namespace = request.target.namespace;
    const result = await ensurePullSecret(client, namespace, wanted, await request.pullCredentials());
    const secret = result.secret === 'created'
        ? 'created'
        : result.secret === 'refreshed'
            ? 'refreshed (the registry credentials changed)'
            : 'unchanged';
    const account = result.serviceAccountPatched
        ? `; added to service account ${wanted.serviceAccount}`
        : '';
    context.info(`image pull secret ${wanted.name} in namespace ${namespace}: ${secret}${account}`);
}
/**
 * The container whose image is set: the one named, or the pod template's only one. A wrong or
 * missing name is a config problem, told with the containers there are.
 */
function chooseContainer(ref, workload, wanted) {
    const names = (workload.spec?.template?.spec?.containers ?? []).map(c => c.name);
    const list = names.map(n => `'${n}'`).join(', ');
    if (wanted !== undefined) {
        if (names.includes(wanted))
            return wanted;
        throw new errors.DeployError('INVALID_INPUT', `${(0,kubernetes/* workloadName */.vO)(ref)} has no container '${wanted}' (it has ${list || 'none'}): check container`);
    }
    if (names.length === 1)
        return names[0];
    throw new errors.DeployError('INVALID_INPUT', `${(0,kubernetes/* workloadName */.vO)(ref)} has ${names.length} containers (${list}): set container to the one that runs the image`);
}
function imageOf(workload, container) {
    return workload.spec?.template?.spec?.containers?.find(c => c.name === container)?.image;
}
/**
 * The strategic merge patch of one container's image: containers merge by name, so the other
 * containers and every other field of the template stay as they are.
 */
function imagePatch(container, image, cause) {
    return {
        metadata: { annotations: { [CHANGE_CAUSE]: cause } },
        spec: { template: { spec: { containers: [{ name: container, image }] } } }
    };
}
function changeCause(request, imageUri) {
    const { plan } = request;
    return `deploy-pipeline ${plan.deploymentId}: ${request.service.name} ${plan.version.imageTag} (${imageUri})`;
}
function outcome(target) {
    return {
        outputs: { kubernetes_workloads: target.workloads.map(kubernetes/* workloadName */.vO).join(',') }
    };
}
/**
 * Patches each workload's previous image back (the only field the deploy changed, so the pod
 * template is the previous one again, and a Deployment scales its old ReplicaSet back up), then
 * follows that rollout too. Returns the error to throw: a rolled-back deployment still failed.
 */
async function rollBack(client, request, context, patched, failure) {
    const { target } = request;
    const signal = context.undoSignal ?? context.signal;
    const undoContext = { ...context, signal };
    const names = patched.map(p => (0,kubernetes/* workloadName */.vO)(p.ref)).join(', ');
    context.warning(`rolling back ${names} to the previous images`);
    const withLine = (line) => new errors.DeployError(failure.code, `${failure.message}; ${line}`, {
        details: failure.details,
        cause: failure
    });
    try {
        const starts = [];
        for (const entry of patched) {
            if (!entry.previousImage)
                continue;
            const cause = `deploy-pipeline ${request.plan.deploymentId}: rollback to ${entry.previousImage}`;
            const workload = await client.patchWorkload(entry.ref, target.namespace, imagePatch(entry.container, entry.previousImage, cause));
            starts.push({ ref: entry.ref, workload });
        }
        const deadline = (context.now ?? Date.now)() + context.timeoutMs;
        await (0,kubernetes_rollout/* followWorkloads */.sG)(client, target.namespace, starts, undoContext, deadline);
        return withLine(`rolled back ${names} to the previous images`);
    }
    catch (error) {
        if ((0,errors/* isAbortError */.zf)(error) || signal.aborted)
            return withLine('the rollback did not finish in time');
        const reason = (0,errors/* asDeployError */.y0)((0,kubernetes/* explainKubernetesError */.gA)(error, client.where), 'DEPLOY_FAILED');
        context.warning(`the rollback failed: ${(0,errors/* errorMessage */.gJ)(reason)}`);
        return withLine(`the rollback failed: ${reason.message}`);
    }
}


/***/ })

};

//# sourceMappingURL=288.index.js.map