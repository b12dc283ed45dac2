export const id = 1283;
export const ids = [1283,3664];
export const modules = {

/***/ 6847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ CLOSE_BUDGET_MS),
/* harmony export */   l: () => (/* binding */ EventBus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4506);
/* harmony import */ var _runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1170);



/**
 * How long the run's end waits for the sinks' last deliveries together (the final status card,
 * the direct message, the last events to the webhook) before it stops them and ends without.
 */
const CLOSE_BUDGET_MS = 15_000;
/** Once stopped, how long sinks get to give up and say so before the bus stops waiting. */
const STOPPING_GRACE_MS = 1000;
/**
 * Numbers events, stamps them, and hands each to every sink in order. Each sink has its own queue:
 * a slow webhook neither delays the log nor reorders its own events, and a failing sink costs a
 * warning (once per sink and reason), never the deployment.
 */
class EventBus {
    warn;
    now;
    closeBudgetMs;
    nextId = 1;
    sinks = [];
    history = [];
    warned = new Set();
    /** Handed to every sink: fires when close's budget runs out. */
    stopping = new AbortController();
    constructor(warn, now = () => new Date(), 
    /** close()'s budget; tests shorten it. */
    closeBudgetMs = CLOSE_BUDGET_MS) {
        this.warn = warn;
        this.now = now;
        this.closeBudgetMs = closeBudgetMs;
    }
    attach(sink) {
        this.sinks.push({ sink, queue: Promise.resolve() });
    }
    emit(input) {
        const event = {
            id: this.nextId++,
            ...input,
            timestamp: this.now()
                .toISOString()
                .replace(/\.\d{3}Z$/, 'Z')
        };
        this.history.push(event);
        for (const entry of this.sinks) {
            entry.queue = entry.queue.then(() => this.deliver(entry.sink, event));
        }
        return event;
    }
    /** Hands a log block to the sinks that show text, after the events emitted before it. */
    aside(block) {
        for (const entry of this.sinks) {
            const { sink } = entry;
            if (!sink.aside)
                continue;
            entry.queue = entry.queue.then(async () => {
                try {
                    await sink.aside?.(block);
                }
                catch (error) {
                    this.warnOnce(sink.name, error);
                }
            });
        }
    }
    /** Every event emitted so far, in order. */
    get events() {
        return this.history;
    }
    /** Waits until every sink has handled every event emitted so far. */
    async flush() {
        await Promise.all(this.sinks.map(entry => entry.queue));
    }
    /**
     * Lets each sink handle what is queued for it, then closes it; all of it within `budgetMs`.
     * Past the budget the sinks' signal fires, so that what they are still sending stops (and they
     * warn of what was lost); a sink that does not stop even then is warned about and left behind.
     */
    async close(budgetMs = this.closeBudgetMs) {
        const open = new Set(this.sinks);
        const overran = () => new Error(`the run's end does not wait more than ${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(budgetMs)} for it`);
        const closeAll = async (signal) => {
            signal.addEventListener('abort', () => this.stopping.abort(signal.reason), { once: true });
            await Promise.all([...open].map(async (entry) => {
                await entry.queue;
                try {
                    await entry.sink.close?.(this.stopping.signal);
                }
                catch (error) {
                    this.warnOnce(entry.sink.name, error);
                }
                open.delete(entry);
            }));
        };
        try {
            await (0,_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(undefined, budgetMs, overran, closeAll, { graceMs: STOPPING_GRACE_MS });
        }
        catch (error) {
            for (const { sink } of open)
                this.warnOnce(sink.name, error);
        }
    }
    async deliver(sink, event) {
        try {
            await sink.handle(event, this.stopping.signal);
        }
        catch (error) {
            this.warnOnce(sink.name, error);
        }
    }
    warnOnce(sinkName, error) {
        const message = `${sinkName}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`;
        if (this.warned.has(message))
            return;
        this.warned.add(message);
        this.warn(message);
    }
}


/***/ }),

/***/ 1283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   finishFromPost: () => (/* binding */ finishFromPost),
/* harmony export */   restoreChannels: () => (/* binding */ restoreChannels)
/* harmony export */ });
/* unused harmony exports endCard, lastEvents */
/* harmony import */ var _events_bus_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6847);
/* harmony import */ var _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4506);
/* harmony import */ var _runtime_duration_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1170);
/* harmony import */ var _settings_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7428);
/* harmony import */ var _settings_problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1477);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6807);
/* harmony import */ var _discord_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9841);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6961);
/* harmony import */ var _slack_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7569);
/* harmony import */ var _slack_webhook_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5089);
/* harmony import */ var _status_card_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8862);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8004);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4920);













/**
 * The post step's part: when main never showed a final card (the run was cancelled, crashed or
 * hit the job timeout), finish it from what main saved: edit the card to cancelled or failed,
 * send the direct message and the mention, and send the last events to the event webhook.
 * Secrets are not in the saved state; they are read again from the step's inputs.
 */
async function finishFromPost(core, run, env, tuning = {}) {
    const saved = (0,_status_card_js__WEBPACK_IMPORTED_MODULE_7__/* .readSavedCard */ .Ui)(core.getState(_status_card_js__WEBPACK_IMPORTED_MODULE_7__/* .STATE_KEY */ .Mq));
    if (!saved)
        return core.debug('notify: no status card was started; nothing to finish');
    if (saved.finished)
        return core.debug('notify: the status card already shows the final state');
    const inputs = readPostInputs(core, env);
    const warnings = new _warnings_js__WEBPACK_IMPORTED_MODULE_9__/* .NotificationWarnings */ .l(core, inputs.secrets);
    // Main read the same inputs and would have stopped on a problem; warn, and do what still can be.
    for (const problem of inputs.problems)
        warnings.warn('Post step', problem);
    const call = { ..._http_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CALL_TUNING */ .f$, ...tuning.call };
    // The event log has what happened after main last saved the card, and (when the post step
    // closed the log first) the final error and done: fold them so card, log and webhook agree.
    const logged = run.events;
    let card = logged
        .filter(e => e.id > saved.card.lastEventId)
        .reduce((c, e) => (0,_card_js__WEBPACK_IMPORTED_MODULE_10__/* .applyEvent */ .Z8)(c, e), saved.card);
    let closing = [];
    if (!(0,_card_js__WEBPACK_IMPORTED_MODULE_10__/* .isFinal */ .dR)(card)) {
        const ended = endCard(card, run.cancelRequested, new Date());
        closing = lastEvents(card, ended, Math.max(card.lastEventId, ...logged.map(e => e.id)));
        card = ended;
    }
    core.info(`notify: the run ended without showing a final status; marking the card ${card.phase}`);
    const channels = await restoreChannels(saved, inputs, warnings, call);
    const webhookUrl = inputs.webhookUrl;
    // As at the end of main: the job does not wait for notifications past the close budget.
    const budgetMs = tuning.closeBudgetMs ?? _events_bus_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOSE_BUDGET_MS */ .k;
    const overran = () => new Error(`the post step does not wait more than ${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_11__/* .formatDuration */ .a)(budgetMs)} for it`);
    const send = async (signal) => {
        const shown = Promise.all(channels.map(channel => channel.show(card, signal)));
        if (webhookUrl) {
            const delivered = Number(core.getState(_webhook_js__WEBPACK_IMPORTED_MODULE_8__/* .DELIVERED_STATE_KEY */ .N)) || 0;
            const sink = new _webhook_js__WEBPACK_IMPORTED_MODULE_8__/* .EventWebhookSink */ .B(webhookUrl, warnings, call);
            for (const event of [...logged, ...closing]) {
                if (event.id > delivered)
                    await sink.handle(event, signal);
            }
            sink.close();
        }
        await shown;
    };
    await (0,_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_12__/* .withDeadline */ .NE)(undefined, budgetMs, overran, send, { graceMs: 1000 }).catch(error => warnings.warn('Post step', `notifications left unfinished: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .describeFailure */ .Ic)(error)}`));
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
    return (0,_card_js__WEBPACK_IMPORTED_MODULE_10__/* .finish */ .O9)(ended, cancelled ? 'cancelled' : 'failure');
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
    const problems = new _settings_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .Problems */ .Zw();
    const getInput = (name) => env[`INPUT_${name.toUpperCase()}`] ?? '';
    const input = new _settings_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i({ getInput, setSecret: value => core.setSecret(value) }, problems);
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
/**
 * The channels of a saved card, set up again from their handles (the Slack message, the Discord
 * message id): the post step finishes a card this way, and a later job of a split workflow edits
 * the card the plan job posted.
 */
async function restoreChannels(saved, inputs, warnings, call) {
    const restored = await Promise.all([
        restore('Slack', warnings, async () => {
            const slack = saved.channels['Slack'];
            if (!slack?.channel || !inputs.slackBotToken)
                return undefined;
            const api = await (0,_slack_js__WEBPACK_IMPORTED_MODULE_5__.createSlackApi)(inputs.slackBotToken, inputs.slackApiUrl, call);
            const recipient = slack.recipient ?? { kind: 'none', reason: 'no recipient was saved' };
            return new _slack_js__WEBPACK_IMPORTED_MODULE_5__/* .SlackCardChannel */ .y4(api, slack.channel, recipient, warnings, slack);
        }),
        restore('Slack webhook', warnings, () => {
            const webhook = saved.channels['Slack webhook'];
            if (!webhook || !inputs.slackWebhookUrl)
                return undefined;
            return new _slack_webhook_js__WEBPACK_IMPORTED_MODULE_6__/* .SlackWebhookChannel */ .b(inputs.slackWebhookUrl, warnings, call, webhook);
        }),
        restore('Discord', warnings, () => {
            const discord = saved.channels['Discord'];
            if (!discord || !inputs.discordWebhookUrl)
                return undefined;
            const { discordWebhookUrl, discordMention } = inputs;
            return new _discord_js__WEBPACK_IMPORTED_MODULE_3__/* .DiscordCardChannel */ .ai(discordWebhookUrl, discordMention, warnings, call, discord);
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
        warnings.warn(name, `could not finish the status card: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_4__/* .describeFailure */ .Ic)(error)}`);
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
 * + cleanup" every deadline in the action goes through (a phase, one service's deploy, one build
 * or push, a wait, one attempt of a call). The work's signal fires at the deadline, with
 * `onTimeout()` as its reason, and when `signal` (the run's cancel) fires. Once the deadline has
 * passed, and nothing cancelled the work first, any failure of the work is the deadline's: the
 * AbortError or half-finished command it left behind is only the way it stopped. The exception is
 * a failure caused by the deadline's own reason (its `cause` chain holds it) with the same code:
 * the work reported the deadline itself, with more to say ("...; stopped deployment d-1").
 * Callers turn a cancel into their own error.
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
        if (deadline.signal.aborted && !signal?.aborted && !reportsDeadline(error, deadline.signal)) {
            throw deadline.signal.reason;
        }
        throw error;
    }
    finally {
        stopTimer();
        stopGrace?.();
        if (onAbort)
            both.removeEventListener('abort', onAbort);
    }
}
/** Whether `error` is the deadline's reason, or says the same with more (a cause, same code). */
function reportsDeadline(error, deadline) {
    const reason = deadline.reason;
    const code = (e) => e?.code;
    if (code(error) !== code(reason))
        return false;
    let current = error;
    for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
        if (current === reason)
            return true;
        current = current.cause;
    }
    return current === reason;
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


/** Longer than any input has a use for (a slack_users map included); bounds all that follows. */
const MAX_INPUT_LENGTH = 64 * 1024;
/**
 * Lines of a multi-line secret shorter than this are not masked on their own: a JSON key's `{`
 * or `}` would mask every brace in the log, and a line that short gives little away by itself.
 */
const MIN_MASKED_LINE = 4;
/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
class InputReader {
    core;
    problems;
    refused = new Set();
    constructor(core, problems) {
        this.core = core;
        this.problems = problems;
    }
    /**
     * The trimmed value; empty when the input is not text at all (a lone surrogate, a control
     * character, a length past any use), which is reported once and is then read as not given.
     */
    text(name) {
        const value = this.core.getInput(name).trim();
        const problem = textProblem(value);
        if (!problem)
            return value;
        this.refuse(name, problem);
        return '';
    }
    optional(name) {
        return this.text(name) || undefined;
    }
    /** True when the input was given but refused by `text`: then it is not also "required". */
    wasRefused(name) {
        return this.refused.has(name);
    }
    /**
     * Tokens, passwords and webhook URLs: masked before anything else can print them, whole and
     * line by line (the runner masks a value only as a whole, so one line of a two-line secret
     * printed alone would show). Only `multiline` secrets may hold a line break: a registry
     * password may be a JSON key file; a token never is, and one with a line break is two pasted
     * together or a header injection waiting to happen.
     */
    secret(name, options = {}) {
        const value = this.core.getInput(name).trim();
        if (!value)
            return undefined;
        this.mask(value);
        // Said without the value, which is secret.
        const problem = value.length > MAX_INPUT_LENGTH
            ? `longer than ${MAX_INPUT_LENGTH} characters`
            : _values_js__WEBPACK_IMPORTED_MODULE_1__/* .LONE_SURROGATE */ .uG.test(value) || _values_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_CHARACTER */ .gW.test(value.replace(/\t/g, ''))
                ? 'contains characters that are not text'
                : /[\r\n]/.test(value) && !options.multiline
                    ? 'contains a line break; a token is a single line'
                    : undefined;
        if (!problem)
            return value;
        this.refuse(name, problem);
        return undefined;
    }
    /**
     * A token whose action.yml default is an expression (`${{ github.token }}`). The runner
     * evaluates it; a host that does not (@github/local-action, an env file copied from a
     * workflow) passes the expression itself, and that is no token, not one to send.
     */
    token(name) {
        if (/^\$\{\{[\s\S]*\}\}$/.test(this.core.getInput(name).trim()))
            return undefined;
        return this.secret(name);
    }
    bool(name, fallback) {
        const value = this.text(name);
        if (!value)
            return fallback;
        const parsed = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBoolean */ .yG)(value);
        if (parsed === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected true or false, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
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
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected one of ${allowed.join(', ')}, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
        return fallback;
    }
    /** A timeout (1 s to 24 h unless `range` says otherwise). */
    durationMs(name, fallbackMs, range = _values_js__WEBPACK_IMPORTED_MODULE_1__/* .TIMEOUT_RANGE */ .Ee) {
        const value = this.text(name);
        if (!value)
            return fallbackMs;
        const ms = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(value, range);
        if (ms === undefined) {
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `expected ${(0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .durationExpected */ .fv)(range)}, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`);
            return fallbackMs;
        }
        return ms;
    }
    /** An interval (at least 1 s), when given. */
    optionalDurationMs(name, range = _values_js__WEBPACK_IMPORTED_MODULE_1__/* .INTERVAL_RANGE */ .KJ) {
        return this.text(name) ? this.durationMs(name, 0, range) : undefined;
    }
    /** Comma- or newline-separated list. */
    list(name) {
        return this.text(name)
            .split(/[,\n]/)
            .map(item => item.trim())
            .filter(item => item !== '');
    }
    /** Masks a secret that is not an input, whole and line by line as `secret` does. */
    mask(value) {
        const secret = value.trim();
        if (!secret)
            return;
        this.core.setSecret(secret);
        const lines = secret.split(/\r\n|\r|\n/);
        for (const line of lines.length > 1 ? lines : []) {
            if (line.trim().length >= MIN_MASKED_LINE)
                this.core.setSecret(line.trim());
        }
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
            this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), 'must not carry a user name or password; pass credentials through their own input');
            return undefined;
        }
        const problem = (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .httpUrlProblem */ .Hv)(value);
        if (!problem) {
            // A receiver's error page often echoes the path alone; the path is the secret part.
            if (options.secret && url && url.pathname.length + url.search.length > 8) {
                this.core.setSecret(url.pathname + url.search);
            }
            return value;
        }
        // Never echo a secret URL back, even in an error.
        const shown = options.secret ? '(hidden)' : (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value);
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), `${problem}, got ${shown}`);
        return undefined;
    }
    refuse(name, problem) {
        this.refused.add(name);
        this.problems.add((0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)(name), problem);
    }
}
/** What makes an input value unusable as text, or undefined. */
function textProblem(value) {
    if (value.length > MAX_INPUT_LENGTH)
        return `longer than ${MAX_INPUT_LENGTH} characters`;
    if (_values_js__WEBPACK_IMPORTED_MODULE_1__/* .LONE_SURROGATE */ .uG.test(value))
        return 'contains a lone UTF-16 surrogate, which is not text';
    if (_values_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_CHARACTER */ .gW.test(value)) {
        return `contains a control character, got ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(value)}`;
    }
    return undefined;
}


/***/ }),

/***/ 1477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   yu: () => (/* binding */ inputName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** More than this many lines and the rest are counted, not listed: a log is read by people. */
const SHOWN_PROBLEMS = 50;
/** Keys and values come from files and inputs we do not control; no line may run on forever. */
const WHERE_LENGTH = 300;
const PROBLEM_LENGTH = 1200;
/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
class Problems {
    lines = [];
    hidden = 0;
    /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
    add(where, problem) {
        // Both halves may carry text from the config (a key, a value): escaped, so that no line break
        // or control character reaches the log, and shortened, so that no line is megabytes long.
        const line = `${printable(where, WHERE_LENGTH)}: ${printable(problem, PROBLEM_LENGTH)}`;
        if (this.lines.includes(line))
            return;
        if (this.lines.length < SHOWN_PROBLEMS)
            this.lines.push(line);
        else
            this.hidden += 1;
    }
    get count() {
        return this.lines.length + this.hidden;
    }
    get all() {
        return this.lines;
    }
    throwIfAny() {
        if (this.count === 0)
            return;
        const noun = this.count === 1 ? 'problem' : 'problems';
        const shown = this.hidden > 0 ? [...this.lines, `(${this.hidden} more not shown)`] : this.lines;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `${this.count} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
            shown.map(line => `  - ${line}`).join('\n'), { details: shown.join('\n') });
    }
}
function inputName(name) {
    return `input '${name}'`;
}
/**
 * A value from a file or an input, shown in a problem: quoted, escaped and cut to a short
 * excerpt, so a bad value can be recognised without the log carrying all of it.
 */
function quote(value, max = 80) {
    return `'${printable(value, max)}'`;
}
// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
const UNPRINTABLE = 
// eslint-disable-next-line no-control-regex -- finding control characters is the point
/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function printable(text, max) {
    const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text;
    return cut.replace(UNPRINTABLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ BAKE_RANGE),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ee: () => (/* binding */ TIMEOUT_RANGE),
/* harmony export */   Hv: () => (/* binding */ httpUrlProblem),
/* harmony export */   KJ: () => (/* binding */ INTERVAL_RANGE),
/* harmony export */   T7: () => (/* binding */ registryProblem),
/* harmony export */   Tb: () => (/* binding */ GRACE_RANGE),
/* harmony export */   _j: () => (/* binding */ isValidTimezone),
/* harmony export */   fv: () => (/* binding */ durationExpected),
/* harmony export */   gW: () => (/* binding */ CONTROL_CHARACTER),
/* harmony export */   i9: () => (/* binding */ PLATFORM),
/* harmony export */   oC: () => (/* binding */ UTC_NAMES),
/* harmony export */   r8: () => (/* binding */ normaliseVersion),
/* harmony export */   uG: () => (/* binding */ LONE_SURROGATE),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports DURATION_EXPECTED, hostProblem, REGISTRY_PATTERN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Parsers and checks of input values, shared by inputs, the config file and the plan. */
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const SECOND = 1000;
const HOUR = 3_600_000;
/** deploy_timeout, build_timeout, push_timeout. */
const TIMEOUT_RANGE = { minMs: SECOND, maxMs: 24 * HOUR };
/** poll_interval, secret_interval: how often something outside is asked. */
const INTERVAL_RANGE = { minMs: SECOND, maxMs: HOUR };
/** ECS bake times (step_bake, bake): whole minutes, 0 to 24 h. */
const BAKE_RANGE = { minMs: 0, maxMs: 24 * HOUR, stepMs: 60_000 };
/** degraded_grace: may be short, never past the longest deploy. */
const GRACE_RANGE = { minMs: 1, maxMs: 24 * HOUR };
/**
 * "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined when it is not
 * a duration or falls outside `range`. Exponents, `.inf`, `NaN` and signs are not durations.
 */
function parseDuration(value, range = TIMEOUT_RANGE) {
    let ms;
    if (typeof value === 'number') {
        ms = value * SECOND;
    }
    else {
        // Not trimmed: inputs arrive trimmed, and a config value with a line break is not a duration.
        const match = DURATION.exec(value);
        if (!match)
            return undefined;
        const unit = { ms: 1, s: SECOND, m: 60_000, h: HOUR }[match[2] ?? 's'] ?? SECOND;
        ms = Number(match[1]) * unit;
    }
    if (!Number.isFinite(ms) || ms < range.minMs || ms > range.maxMs)
        return undefined;
    if (range.stepMs !== undefined && Math.round(ms) % range.stepMs !== 0)
        return undefined;
    return Math.round(ms);
}
/** What a duration in `range` looks like, for the problem when it is not one. */
function durationExpected(range = TIMEOUT_RANGE) {
    return `a duration such as 90s, 10m or 1h (a bare number is seconds), from ${formatRange(range.minMs)} to ${formatRange(range.maxMs)}`;
}
const DURATION_EXPECTED = durationExpected();
function formatRange(ms) {
    if (ms < SECOND)
        return `${ms}ms`;
    return ms % HOUR === 0 ? `${ms / HOUR}h` : `${ms / SECOND}s`;
}
/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return undefined;
}
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** X.Y.Z as semver reads it: numbers without leading zeros, each a safe integer. */
const VERSION = /^v?((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))$/;
/**
 * Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. Checked here rather than by the semver package,
 * which builds some forty regular expressions when it loads, on every run.
 */
function normaliseVersion(version) {
    const match = VERSION.exec(version.trim());
    if (match === null || !match.slice(2).every(part => Number.isSafeInteger(Number(part)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`);
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
/** A lone UTF-16 surrogate: text that has no UTF-8 form, so no API would receive it intact. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Control characters (C0, DEL, C1) other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * A DNS host name (RFC 1123) with an optional port 1-65535, as in a registry or a URL: at most 253
 * characters, labels of at most 63. Returns what is wrong, or undefined when it is fine.
 */
function hostProblem(hostPort) {
    const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    const host = match?.[1] ?? '';
    const port = match?.[2];
    if (host.length === 0 || host.length > 253)
        return 'expected a host name of 1 to 253 characters';
    if (host.split('.').some(label => label.length === 0 || label.length > 63)) {
        return 'expected a host name made of labels of 1 to 63 characters';
    }
    if (port !== undefined && !/^\d{1,5}$/.test(port))
        return 'expected a port from 1 to 65535';
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
        return 'expected a port from 1 to 65535';
    }
    return undefined;
}
const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/;
/**
 * What is wrong with a registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`), or undefined.
 * Credentials are refused without repeating the value: it would print the password.
 */
function registryProblem(spec) {
    if (spec.includes('@')) {
        return 'must not carry credentials (user:password@host); give them in the registry_username and registry_password inputs';
    }
    if (spec.length > 512 || !REGISTRY_PATTERN.test(spec)) {
        return 'expected ghcr, ecr or host[:port][/namespace] in lower case';
    }
    if (spec === 'ghcr' || spec === 'ecr')
        return undefined;
    return hostProblem(spec.split('/', 1)[0] ?? '');
}
/**
 * What is wrong with an http(s) URL from the config or an input, or undefined. Said without the
 * value where the value may be a password.
 */
function httpUrlProblem(value) {
    if (value.length > 2048)
        return 'expected a URL of at most 2048 characters';
    // The URL parser drops tabs and line breaks silently; what is sent must be what was written.
    if (/\s/.test(value) || CONTROL_CHARACTER.test(value)) {
        return 'expected a URL without spaces or control characters';
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'expected an http(s) URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return 'expected an http(s) URL';
    if (url.username || url.password)
        return 'expected a URL without a user name or password';
    return hostProblem(url.port ? `${url.hostname}:${url.port}` : url.hostname);
}


/***/ })

};

//# sourceMappingURL=1283.index.js.map