export const id = 601;
export const ids = [601];
export const modules = {

/***/ 1283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   finishFromPost: () => (/* binding */ finishFromPost)
/* harmony export */ });
/* unused harmony exports endCard, lastEvents */
/* harmony import */ var _settings_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7428);
/* harmony import */ var _settings_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1477);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6807);
/* harmony import */ var _discord_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9841);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6961);
/* harmony import */ var _slack_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7569);
/* harmony import */ var _slack_webhook_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5089);
/* harmony import */ var _status_card_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8862);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8004);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4920);










/**
 * The post step's part: when main never showed a final card (the run was cancelled, crashed or
 * hit the job timeout), finish it from what main saved: edit the card to cancelled or failed,
 * send the direct message and the mention, and send the last events to the event webhook.
 * Secrets are not in the saved state; they are read again from the step's inputs.
 */
async function finishFromPost(core, run, env, tuning = {}) {
    const saved = (0,_status_card_js__WEBPACK_IMPORTED_MODULE_6__/* .readSavedCard */ .Ui)(core.getState(_status_card_js__WEBPACK_IMPORTED_MODULE_6__/* .STATE_KEY */ .Mq));
    if (!saved)
        return core.debug('notify: no status card was started; nothing to finish');
    if (saved.finished)
        return core.debug('notify: the status card already shows the final state');
    const inputs = readPostInputs(core, env);
    const warnings = new _warnings_js__WEBPACK_IMPORTED_MODULE_8__/* .NotificationWarnings */ .l(core, inputs.secrets);
    // Main read the same inputs and would have stopped on a problem; warn, and do what still can be.
    for (const problem of inputs.problems)
        warnings.warn('Post step', problem);
    const call = { ..._http_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_CALL_TUNING */ .f$, ...tuning.call };
    // The event log has what happened after main last saved the card, and (when the post step
    // closed the log first) the final error and done: fold them so card, log and webhook agree.
    const logged = run.events;
    let card = logged
        .filter(e => e.id > saved.card.lastEventId)
        .reduce((c, e) => (0,_card_js__WEBPACK_IMPORTED_MODULE_9__/* .applyEvent */ .Z8)(c, e), saved.card);
    let closing = [];
    if (!(0,_card_js__WEBPACK_IMPORTED_MODULE_9__/* .isFinal */ .dR)(card)) {
        const ended = endCard(card, run.cancelRequested, new Date());
        closing = lastEvents(card, ended, Math.max(card.lastEventId, ...logged.map(e => e.id)));
        card = ended;
    }
    core.info(`notify: the run ended without showing a final status; marking the card ${card.phase}`);
    const channels = await restoreChannels(saved, inputs, warnings, call);
    await Promise.all(channels.map(channel => channel.show(card)));
    if (inputs.webhookUrl) {
        const delivered = Number(core.getState(_webhook_js__WEBPACK_IMPORTED_MODULE_7__/* .DELIVERED_STATE_KEY */ .N)) || 0;
        const sink = new _webhook_js__WEBPACK_IMPORTED_MODULE_7__/* .EventWebhookSink */ .B(inputs.webhookUrl, warnings, call);
        for (const event of [...logged, ...closing])
            if (event.id > delivered)
                await sink.handle(event);
        sink.close();
    }
}
/** Cancelled when main saw a signal or a CANCELLED error; failed otherwise (a crash). */
function endCard(card, cancelRequested, now) {
    const cancelled = cancelRequested || card.error?.code === 'CANCELLED';
    const error = card.error ?? {
        code: cancelled ? 'CANCELLED' : failureCode(card.stage),
        message: cancelled
            ? `the workflow run was cancelled during ${card.stage}`
            : `the run stopped during ${card.stage} without reporting a result (crashed or timed out)`,
        details: undefined
    };
    const ended = { ...card, error, updatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return (0,_card_js__WEBPACK_IMPORTED_MODULE_9__/* .finish */ .O9)(ended, cancelled ? 'cancelled' : 'failure');
}
function failureCode(stage) {
    switch (stage) {
        case 'RELEASE':
            return 'RELEASE_FAILED';
        case 'BUILD':
            return 'BUILD_FAILED';
        case 'PUSH':
            return 'PUSH_FAILED';
        default:
            return 'DEPLOY_FAILED';
    }
}
/** When nobody closed the log: the error (unless main got that far) and done. */
function lastEvents(before, after, lastId) {
    const timestamp = after.updatedAt ?? new Date().toISOString();
    const inputs = [];
    if (!before.error && after.error) {
        inputs.push({
            type: 'error',
            stage: after.stage,
            message: after.error.message,
            error_code: after.error.code
        });
    }
    inputs.push({
        type: 'done',
        stage: 'DONE',
        status: after.phase === 'cancelled' ? 'cancelled' : 'failure',
        message: `deployment ${after.phase}`,
        ...(after.deploymentUrl ? { deployment_url: after.deploymentUrl } : {})
    });
    return inputs.map((input, i) => ({ id: lastId + 1 + i, ...input, timestamp }));
}
/** The inputs the post step needs, read (and masked) the way settings reads them for main. */
function readPostInputs(core, env) {
    const problems = new _settings_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .Problems */ .Z();
    const getInput = (name) => env[`INPUT_${name.toUpperCase()}`] ?? '';
    const input = new _settings_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i({ getInput, setSecret: value => core.setSecret(value) }, problems);
    const slackBotToken = input.secret('slack_bot_token');
    const slackWebhookUrl = input.absoluteUrl('slack_webhook_url', { secret: true });
    const discordWebhookUrl = input.absoluteUrl('discord_webhook_url', { secret: true });
    const webhookUrl = input.absoluteUrl('webhook_url', { secret: true });
    const before = problems.count;
    const slackApiUrl = input.absoluteUrl('slack_api_url');
    return {
        // A bot token never goes to Slack's default when the URL the user meant is malformed.
        slackBotToken: problems.count > before ? undefined : slackBotToken,
        slackApiUrl,
        slackWebhookUrl,
        discordWebhookUrl,
        discordMention: input.optional('discord_mention'),
        webhookUrl,
        secrets: [slackBotToken, slackWebhookUrl, discordWebhookUrl, webhookUrl],
        problems: problems.all
    };
}
async function restoreChannels(saved, inputs, warnings, call) {
    const restored = await Promise.all([
        restore('Slack', warnings, async () => {
            const slack = saved.channels['Slack'];
            if (!slack?.channel || !inputs.slackBotToken)
                return undefined;
            const api = await (0,_slack_js__WEBPACK_IMPORTED_MODULE_4__/* .createSlackApi */ .hC)(inputs.slackBotToken, inputs.slackApiUrl, call);
            const recipient = slack.recipient ?? { kind: 'none', reason: 'no recipient was saved' };
            return new _slack_js__WEBPACK_IMPORTED_MODULE_4__/* .SlackCardChannel */ .y4(api, slack.channel, recipient, warnings, slack);
        }),
        restore('Slack webhook', warnings, () => {
            const webhook = saved.channels['Slack webhook'];
            if (!webhook || !inputs.slackWebhookUrl)
                return undefined;
            return new _slack_webhook_js__WEBPACK_IMPORTED_MODULE_5__/* .SlackWebhookChannel */ .b(inputs.slackWebhookUrl, warnings, call, webhook);
        }),
        restore('Discord', warnings, () => {
            const discord = saved.channels['Discord'];
            if (!discord || !inputs.discordWebhookUrl)
                return undefined;
            const { discordWebhookUrl, discordMention } = inputs;
            return new _discord_js__WEBPACK_IMPORTED_MODULE_2__/* .DiscordCardChannel */ .a(discordWebhookUrl, discordMention, warnings, call, discord);
        })
    ]);
    return restored.filter(channel => channel !== undefined);
}
/** One channel that cannot be set up again is a warning; the others still finish their card. */
async function restore(name, warnings, build) {
    try {
        return await build();
    }
    catch (error) {
        warnings.warn(name, `could not finish the status card: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .describeFailure */ .Ic)(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 4506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   Ts: () => (/* binding */ STOP_GRACE_MS)
/* harmony export */ });
/* unused harmony exports MAX_TIMER_MS, startTimer */
/**
 * After a cancel or a missed deadline, how long a phase may take to stop what it started (stop a
 * CodeDeploy deployment with rollback, stop an execution) before the run reports without it. The
 * runner leaves 7.5 s between its SIGINT and its SIGTERM.
 */
const STOP_GRACE_MS = 5000;
/** The longest delay a Node timer holds: a longer one fires at once (with a warning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Runs `work` until it settles or `ms` pass, whichever comes first: the one "timer + abort + race
 * + cleanup" every deadline in the action goes through (a phase, one build or push, a wait, one
 * attempt of a call). The work's signal fires at the deadline, with `onTimeout()` as its reason,
 * and when `signal` (the run's cancel) fires. Once the deadline has passed, and nothing cancelled
 * the work first, any failure of the work is the deadline's: the AbortError or half-finished
 * command it left behind is only the way it stopped. Callers turn a cancel into their own error.
 */
async function withDeadline(signal, ms, onTimeout, work, options = {}) {
    signal?.throwIfAborted();
    const deadline = new AbortController();
    const both = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    const stopTimer = startTimer(ms, () => deadline.abort(onTimeout()));
    const graceMs = options.graceMs ?? 0;
    let stopGrace;
    let onAbort;
    const abandoned = new Promise((_, reject) => {
        onAbort = () => {
            const giveUp = () => reject(both.reason);
            if (graceMs > 0)
                stopGrace = startTimer(graceMs, giveUp);
            else
                giveUp();
        };
        both.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([work(both), abandoned]);
    }
    catch (error) {
        if (deadline.signal.aborted && !signal?.aborted)
            throw deadline.signal.reason;
        throw error;
    }
    finally {
        stopTimer();
        stopGrace?.();
        if (onAbort)
            both.removeEventListener('abort', onAbort);
    }
}
/**
 * Calls `fire` after `ms`, in steps a Node timer can hold, so a deadline weeks away does not fire
 * at once; an infinite one never fires. Returns the function that cancels it.
 */
function startTimer(ms, fire) {
    let timer;
    const arm = (left) => {
        if (left === Infinity)
            return;
        const step = Math.min(left, MAX_TIMER_MS);
        timer = setTimeout(() => (left > step ? arm(left - step) : fire()), step);
    };
    arm(ms);
    return () => clearTimeout(timer);
}


/***/ }),

/***/ 1170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** A duration the way a person reads it in a log line: 250 ms, 42 s, 3 min 5 s. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 120)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1477);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);


/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
class InputReader {
    core;
    problems;
    constructor(core, problems) {
        this.core = core;
        this.problems = problems;
    }
    text(name) {
        return this.core.getInput(name).trim();
    }
    optional(name) {
        return this.text(name) || undefined;
    }
    /** Tokens, passwords and webhook URLs: masked before anything else can print them. */
    secret(name) {
        const value = this.core.getInput(name).trim();
        if (!value)
            return undefined;
        this.core.setSecret(value);
        return value;
    }
    bool(name, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        const parsed = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(value);
        if (parsed === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected true or false, got '${value}'`);
            return fallback;
        }
        return parsed;
    }
    oneOf(name, allowed, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        if (allowed.includes(value))
            return value;
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected one of ${allowed.join(', ')}, got '${value}'`);
        return fallback;
    }
    durationMs(name, fallbackMs) {
        const value = this.text(name);
        if (!value)
            return fallbackMs;
        const ms = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(value);
        if (ms === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected ${_values_js__WEBPACK_IMPORTED_MODULE_1__/* .DURATION_EXPECTED */ .om}, got '${value}'`);
            return fallbackMs;
        }
        return ms;
    }
    optionalDurationMs(name) {
        return this.text(name) ? this.durationMs(name, 0) : undefined;
    }
    /** Comma- or newline-separated list. */
    list(name) {
        return this.text(name)
            .split(/[,\n]/)
            .map(item => item.trim())
            .filter(item => item !== '');
    }
    absoluteUrl(name, options = {}) {
        const value = options.secret ? this.secret(name) : this.optional(name);
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            // reported below
        }
        if (url && (url.username || url.password)) {
            // A password in a URL would be printed wherever the URL is: mask it, and refuse it.
            if (url.password)
                this.core.setSecret(decodeURIComponent(url.password));
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), 'must not carry a user name or password; pass credentials through their own input');
            return undefined;
        }
        if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
            // A receiver's error page often echoes the path alone; the path is the secret part.
            if (options.secret && url.pathname.length + url.search.length > 8) {
                this.core.setSecret(url.pathname + url.search);
            }
            return value;
        }
        // Never echo a secret URL back, even in an error.
        const shown = options.secret ? '(hidden)' : `'${value}'`;
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .y)(name), `expected an http(s) URL, got ${shown}`);
        return undefined;
    }
}


/***/ }),

/***/ 1477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ Problems),
/* harmony export */   y: () => (/* binding */ inputName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
class Problems {
    lines = [];
    /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
    add(where, problem) {
        this.lines.push(`${where}: ${problem}`);
    }
    get count() {
        return this.lines.length;
    }
    get all() {
        return this.lines;
    }
    throwIfAny() {
        if (this.lines.length === 0)
            return;
        const noun = this.lines.length === 1 ? 'problem' : 'problems';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('INVALID_INPUT', `${this.lines.length} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
            this.lines.map(line => `  - ${line}`).join('\n'), { details: this.lines.join('\n') });
    }
}
function inputName(name) {
    return `input '${name}'`;
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   _j: () => (/* binding */ isValidTimezone),
/* harmony export */   i9: () => (/* binding */ PLATFORM),
/* harmony export */   oC: () => (/* binding */ UTC_NAMES),
/* harmony export */   om: () => (/* binding */ DURATION_EXPECTED),
/* harmony export */   r8: () => (/* binding */ normaliseVersion),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Parsers and checks of input values, shared by inputs, the config file and the plan. */
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
/** "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined if invalid. */
function parseDuration(value) {
    if (typeof value === 'number')
        return value > 0 ? value * 1000 : undefined;
    const match = DURATION.exec(value.trim());
    if (!match)
        return undefined;
    const amount = Number(match[1]);
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
    const ms = amount * unit;
    return ms > 0 ? ms : undefined;
}
const DURATION_EXPECTED = 'a duration such as 90s, 10m or 1h (a bare number is seconds)';
/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return undefined;
}
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. */
function normaliseVersion(version) {
    const match = /^v?(\d+\.\d+\.\d+)$/.exec(version.trim());
    if (match === null || semver__WEBPACK_IMPORTED_MODULE_0___default().valid(match[1]) === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH('INVALID_INPUT', `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`);
    }
    return match[1];
}
/**
 * UTC (the default) needs no time zone data. The first Intl.DateTimeFormat with a time zone loads
 * ICU's zone data, about 20 ms of a start that is budgeted at 100 ms, so UTC goes around it.
 */
const UTC_NAMES = new Set([
    'UTC',
    'Etc/UTC',
    'Etc/Universal',
    'Etc/Zulu',
    'Universal',
    'Zulu'
]);
function isValidTimezone(name) {
    if (UTC_NAMES.has(name))
        return true;
    // Newer Intl also takes offsets such as +09:00; they are not IANA names, so reject them everywhere.
    if (!/^[A-Za-z]/.test(name))
        return false;
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
