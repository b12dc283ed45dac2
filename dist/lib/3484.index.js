export const id = 3484;
export const ids = [3484];
export const modules = {

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

/***/ 3484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notificationSinks: () => (/* binding */ notificationSinks),
  strictNotificationFailure: () => (/* binding */ strictNotificationFailure)
});

// EXTERNAL MODULE: ./src/clients/github.ts
var clients_github = __webpack_require__(705);
// EXTERNAL MODULE: ./src/runtime/retry.ts
var retry = __webpack_require__(6390);
;// CONCATENATED MODULE: ./src/clients/github-people.ts


/**
 * Who a run belongs to, as GitHub knows it: a user's public profile e-mail and a commit's author
 * e-mail (the git commit object: no diff in the answer). Reads only; a failure throws an Error
 * with GitHub's own message.
 */
/** The login's public profile e-mail; undefined when the user keeps it private. */
async function profileEmail(api, login) {
    return read(api, `read ${login}'s profile`, (o, s) => o.rest.users.getByUsername({ username: login, request: { signal: s } }), data => (0,retry/* asRecord */.qY)(data).email);
}
/** The author e-mail of a commit of owner/repo. */
async function commitAuthorEmail(api, owner, repo, sha) {
    return read(api, `read commit ${sha.slice(0, 7)}`, (o, s) => o.rest.git.getCommit({ owner, repo, commit_sha: sha, request: { signal: s } }), data => (0,retry/* asRecord */.qY)((0,retry/* asRecord */.qY)(data).author).email);
}
async function read(api, describe, request, field) {
    try {
        const value = await api.call(describe, request, field);
        return typeof value === 'string' && value !== '' ? value : undefined;
    }
    catch (error) {
        throw new Error((0,clients_github.githubMessage)(error), { cause: error });
    }
}

// EXTERNAL MODULE: ./src/notify/card.ts
var notify_card = __webpack_require__(6807);
// EXTERNAL MODULE: ./src/notify/discord.ts
var discord = __webpack_require__(9841);
// EXTERNAL MODULE: ./src/notify/http.ts
var http = __webpack_require__(6961);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/deadline.ts
var deadline = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/runtime/duration.ts
var duration = __webpack_require__(1170);
;// CONCATENATED MODULE: ./src/notify/responsible.ts



/** The lookups must not hold the run's start up for long. */
const RESPONSIBLE_BUDGET_MS = 15_000;
/** GitHub's no-reply addresses belong to no Slack account: not worth a lookup. */
const NOREPLY = /@users\.noreply\.github\.com$|^noreply@github\.com$/i;
async function findResponsible(facts, lookups, budgetMs = RESPONSIBLE_BUDGET_MS) {
    const notifyUser = facts.notifyUser?.trim();
    if (notifyUser) {
        return notifyUser.includes('@')
            ? { kind: 'email', email: notifyUser, source: 'notify_user' }
            : { kind: 'user', id: notifyUser, source: 'notify_user' };
    }
    const login = facts.actor;
    const mapped = Object.entries(facts.slackUsers).find(([key]) => key.toLowerCase() === login.toLowerCase());
    if (mapped)
        return { kind: 'user', id: mapped[1], source: `slack_users[${login}]` };
    const tried = [`'${login}' is not in slack_users`];
    const nobody = () => ({
        kind: 'none',
        reason: `no direct message: notify_user is empty, ${tried.join(', ')}`,
        notice: `no one to notify: add \`${login}: <slack id>\` under slack_users`
    });
    try {
        return await (0,deadline/* withDeadline */.NE)(undefined, budgetMs, () => new Error(`the lookups took longer than ${(0,duration/* formatDuration */.a)(budgetMs)}`), () => byEmail(facts, lookups, tried)).then(found => found ?? nobody());
    }
    catch (error) {
        tried.push((0,errors/* errorMessage */.gJ)(error));
        return nobody();
    }
}
/** The profile e-mail, then the commit author's, each matched to a Slack user. */
async function byEmail(facts, lookups, tried) {
    const login = facts.actor;
    const { profileEmail, commitEmail } = lookups;
    const sources = [
        {
            what: `${login}'s GitHub profile e-mail`,
            // A bot (github-actions[bot], dependabot[bot]) has no profile e-mail.
            read: profileEmail && !/\[bot\]$/.test(login) ? () => profileEmail(login) : undefined
        },
        {
            what: "the commit author's e-mail",
            read: facts.headCommitAuthorEmail
                ? () => Promise.resolve(facts.headCommitAuthorEmail)
                : commitEmail
        }
    ];
    const looked = new Set();
    for (const { what, read } of sources) {
        if (!read) {
            tried.push(`${what} could not be read (no GitHub API access)`);
            continue;
        }
        let email;
        try {
            email = (await read())?.trim();
        }
        catch (error) {
            tried.push(`${what} could not be read (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        if (!email) {
            tried.push(`${what} is not public`);
            continue;
        }
        if (NOREPLY.test(email)) {
            tried.push(`${what} is GitHub's no-reply address`);
            continue;
        }
        if (looked.has(email.toLowerCase()))
            continue;
        looked.add(email.toLowerCase());
        try {
            const id = await lookups.slackUserByEmail(email);
            if (id)
                return { kind: 'user', id, source: `${what} ${email}` };
            tried.push(`no Slack user has ${what} ${email}`);
        }
        catch (error) {
            tried.push(`Slack could not look up ${what} ${email} (${(0,errors/* errorMessage */.gJ)(error)})`);
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/notify/slack.ts
var slack = __webpack_require__(7569);
// EXTERNAL MODULE: ./src/notify/slack-webhook.ts
var slack_webhook = __webpack_require__(5089);
// EXTERNAL MODULE: ./src/notify/status-card.ts
var status_card = __webpack_require__(8862);
// EXTERNAL MODULE: ./src/notify/warnings.ts
var notify_warnings = __webpack_require__(8004);
// EXTERNAL MODULE: ./src/notify/webhook.ts
var webhook = __webpack_require__(4920);
;// CONCATENATED MODULE: ./src/notify/index.ts











async function notificationSinks(settings, plan, core, tuning = {}) {
    const notify = settings.notify;
    const call = { ...http/* DEFAULT_CALL_TUNING */.f$, ...tuning.call };
    const warnings = new notify_warnings/* NotificationWarnings */.l(core, [
        notify.slackBotToken,
        notify.slackWebhookUrl,
        notify.discordWebhookUrl,
        notify.webhookUrl
    ]);
    if (settings.dryRun)
        return { sinks: [], warnings };
    const phase = settings.split.phase;
    if (phase === 'build' || phase === 'deploy') {
        return resumedSinks(settings, core, warnings, call, tuning);
    }
    const channels = [];
    if (notify.slackBotToken && notify.slackChannel) {
        const api = await (0,slack.createSlackApi)(notify.slackBotToken, notify.slackApiUrl, call, m => core.debug(warnings.redact(m)));
        const recipient = await findResponsible({ ...notify, ...settings.context }, { ...githubLookups(settings), slackUserByEmail: email => (0,slack/* slackUserByEmail */.tj)(api, email) });
        channels.push(new slack/* SlackCardChannel */.y4(api, notify.slackChannel, recipient, warnings));
    }
    else if (notify.slackBotToken) {
        warnings.warn('Slack', 'slack_bot_token is set but slack_channel is empty: no status card');
    }
    if (notify.slackWebhookUrl) {
        channels.push(new slack_webhook/* SlackWebhookChannel */.b(notify.slackWebhookUrl, warnings, call));
    }
    if (notify.discordWebhookUrl) {
        channels.push(new discord/* DiscordCardChannel */.ai(notify.discordWebhookUrl, notify.discordMention, warnings, call));
    }
    const sinks = [];
    let card;
    if (channels.length > 0 || notify.webhookUrl) {
        // Kept even without a card channel: its saved state lets the post step end the event stream.
        const options = { ...tuning.card, handOver: phase === 'plan' };
        card = new status_card/* StatusCardSink */.gU((0,notify_card/* newCard */.t5)(cardContext(settings)), channels, plan, core, options);
        sinks.push(card);
    }
    sinks.push(...eventWebhook(settings, core, warnings, call));
    return { sinks, warnings, handover: () => card?.saved() };
}
function eventWebhook(settings, core, warnings, call) {
    const url = settings.notify.webhookUrl;
    if (!url)
        return [];
    // A few bytes per event in the state file: the post step must know where delivery stopped.
    const delivered = (id) => core.saveState(webhook/* DELIVERED_STATE_KEY */.N, String(id));
    return [new webhook/* EventWebhookSink */.B(url, warnings, call, delivered)];
}
/**
 * A build or deploy job edits the card the plan job posted (its id travels in the plan) and never
 * posts one: a channel whose message the plan job could not post stays without a card. A build
 * job hands the card on; the deploy job ends it. Each edit shows the plan job's card with this
 * job's lines: build jobs running at once may each show only their own until the deploy job
 * shows them all.
 */
async function resumedSinks(settings, core, warnings, call, tuning) {
    const saved = savedCardOf(settings.split.plan);
    const sinks = eventWebhook(settings, core, warnings, call);
    if (!saved)
        return { sinks, warnings };
    const posted = Object.fromEntries(Object.entries(saved.channels).filter(([name, handle]) => wasPosted(name, handle)));
    const notify = settings.notify;
    const { restoreChannels } = await __webpack_require__.e(/* import() */ 3664).then(__webpack_require__.bind(__webpack_require__, 1283));
    const channels = await restoreChannels({ ...saved, channels: posted }, notify, warnings, call);
    const options = { ...tuning.card, handOver: settings.split.phase === 'build', resumed: true };
    // The card already holds the plan's services and version: the job's own (narrowed) plan
    // would drop the other services' lines.
    const card = new status_card/* StatusCardSink */.gU(saved.card, channels, () => undefined, core, options);
    return { sinks: [card, ...sinks], warnings, handover: () => card.saved() };
}
function savedCardOf(plan) {
    if (!plan)
        return undefined;
    try {
        const card = JSON.parse(plan).card;
        return card === undefined ? undefined : (0,status_card/* readSavedCard */.Ui)(JSON.stringify(card));
    }
    catch {
        return undefined;
    }
}
/** Whether the plan job's message exists in this channel, so that editing it posts nothing new. */
function wasPosted(name, handle) {
    if (name === 'Slack')
        return typeof handle.ts === 'string';
    if (name === 'Discord')
        return typeof handle.messageId === 'string' || handle.idLost === true;
    if (name === 'Slack webhook')
        return handle.started === true;
    return false;
}
/**
 * With notify_strict, the sentence to fail the run with when a notification was not delivered;
 * undefined otherwise. The deployment's own status output stays what it was.
 */
function strictNotificationFailure(settings, warnings) {
    const lines = warnings.lines;
    if (!settings.notify.strict || lines.length === 0)
        return undefined;
    return `notify_strict is true and ${lines.length} notification problem(s) occurred: ${lines.join('; ')}`;
}
/**
 * GitHub's side of finding the person responsible: the actor's profile and the deployed commit,
 * read with the run's token. Short retries: this runs at INIT, before anything is built.
 */
function githubLookups(settings) {
    if (!(0,clients_github.usesGitHubApi)(settings))
        return {};
    let connected;
    const github = () => (connected ??= (0,clients_github.connectFor)(settings, {
        attempts: 2,
        baseDelayMs: 500,
        attemptTimeoutMs: 5000,
        maxRetryAfterMs: 5000
    }));
    const { owner, repo, sha } = settings.context;
    return {
        profileEmail: async (login) => profileEmail(await github(), login),
        commitEmail: sha ? async () => commitAuthorEmail(await github(), owner, repo, sha) : undefined
    };
}
function cardContext(settings) {
    const c = settings.context;
    return {
        deploymentId: settings.deploymentId,
        environment: settings.environment,
        repository: c.owner && c.repo ? `${c.owner}/${c.repo}` : c.repo,
        serverUrl: c.serverUrl,
        actor: c.actor,
        runUrl: c.runUrl,
        sha: c.sha,
        commitMessage: c.headCommitMessage,
        services: settings.services.map(s => ({ name: s.name, deploys: s.deploy !== undefined }))
    };
}


/***/ })

};

//# sourceMappingURL=3484.index.js.map