export const id = 9098;
export const ids = [9098];
export const modules = {

/***/ 9841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ai: () => (/* binding */ DiscordCardChannel)
/* harmony export */ });
/* unused harmony exports topLevelId, classifyDiscordError */
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6807);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6961);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(385);




/** Discord's JSON error codes that matter here. */
const UNKNOWN_WEBHOOK = 10015;
const UNKNOWN_MESSAGE = 10008;
class DiscordCardChannel {
    mention;
    warnings;
    tuning;
    name = 'Discord';
    messageId;
    idLost;
    finished;
    dead = false;
    base;
    constructor(webhookUrl, mention, warnings, tuning = _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CALL_TUNING */ .f$, saved) {
        this.mention = mention;
        this.warnings = warnings;
        this.tuning = tuning;
        this.base = new URL(webhookUrl);
        this.messageId = saved?.messageId;
        this.idLost = saved?.idLost ?? false;
        this.finished = saved?.finished ?? false;
    }
    handle() {
        return {
            messageId: this.messageId,
            idLost: this.idLost,
            finished: this.finished || this.dead
        };
    }
    async show(card, signal) {
        if (this.dead || this.finished)
            return;
        if (!this.idLost) {
            try {
                await this.showCard(card, signal);
            }
            catch (error) {
                this.fail(this.messageId ? 'could not edit the status card' : 'could not post the status card', error);
                return;
            }
        }
        if (!(0,_card_js__WEBPACK_IMPORTED_MODULE_3__/* .isFinal */ .dR)(card))
            return;
        this.finished = true;
        await this.mentionUser(card, signal);
    }
    async showCard(card, signal) {
        const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .discordCardMessage */ .kj)(card);
        if (this.messageId) {
            await this.send('PATCH', this.url(`/messages/${this.messageId}`), message, true, signal);
            return;
        }
        // wait=true: the answer is the message, whose id every later edit needs.
        const answer = await this.send('POST', this.url('', true), message, true, signal).catch(async (error) => {
            const found = error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .MalformedAnswerError */ .Sz && (await this.readBack(error, signal));
            if (found)
                return found;
            throw error;
        });
        const id = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(answer.body).id;
        if (typeof id !== 'string') {
            throw new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .MalformedAnswerError */ .Sz('Discord webhook POST', answer.status, 'no message id');
        }
        this.messageId = id;
    }
    /**
     * The card an answer cut mid-body was about, read back by the id that arrived before the cut:
     * the message itself when it is this webhook's own, else undefined.
     */
    async readBack(cut, signal) {
        const id = topLevelId(cut.body);
        if (!id)
            return undefined;
        try {
            const answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sendJson */ .jD)('Discord webhook GET message', this.url(`/messages/${id}`), { method: 'GET', expectJson: true, signal }, this.tuning, classifyDiscordError);
            const read = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(answer.body);
            return read.id === id && read.webhook_id === this.webhookId() ? answer : undefined;
        }
        catch {
            return undefined; // not found, or not readable now: the card stays as posted
        }
    }
    /** The webhook's own id: /api/webhooks/{id}/{token}. */
    webhookId() {
        return /\/webhooks\/(\d+)\/[^/]+\/?$/.exec(this.base.pathname)?.[1];
    }
    async mentionUser(card, signal) {
        if (!this.mention)
            return;
        if (!/^\d{5,25}$/.test(this.mention)) {
            this.warnings.warn('Discord', `discord_mention '${this.mention}' is not a Discord user id (digits)`);
            return;
        }
        try {
            const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .discordMentionMessage */ .Cz)(card, this.mention);
            await this.send('POST', this.url(''), message, false, signal);
        }
        catch (error) {
            this.fail('could not mention the person responsible', error);
        }
    }
    url(path, wait = false) {
        const url = new URL(this.base);
        url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
        if (wait)
            url.searchParams.set('wait', 'true');
        return url.toString();
    }
    send(method, url, message, expectJson, signal) {
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sendJson */ .jD)(`Discord webhook ${method}`, url, { method, body: message, expectJson, signal }, this.tuning, classifyDiscordError);
    }
    fail(what, error) {
        const code = error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9 ? error.json().code : undefined;
        let reason = describeDiscordError(error);
        if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .MalformedAnswerError */ .Sz && !this.messageId) {
            // The post went through, but without its id: posting again would show a second card.
            this.idLost = true;
            reason += '; the card cannot be edited, only the final mention will follow';
        }
        else if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9 && code === UNKNOWN_MESSAGE) {
            this.messageId = undefined; // deleted by someone: post a new card next time
        }
        else if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9 &&
            (error.status === 404 || error.status === 401 || code === UNKNOWN_WEBHOOK)) {
            this.dead = true;
            reason +=
                '; the webhook is gone or its token is wrong, no further Discord updates in this run';
        }
        this.warnings.warn('Discord', `${what}: ${reason}`);
    }
}
/**
 * The top-level "id" of a JSON object cut short, when it arrived whole: the message's own id,
 * not its author's or a mention's, which sit deeper.
 */
function topLevelId(text) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']')
            depth--;
        else if (c === '"') {
            const end = stringEnd(text, i);
            if (end < 0)
                return undefined;
            if (depth === 1 && text.slice(i, end + 1) === '"id"') {
                const value = /^\s*:\s*"(\d{1,25})"/.exec(text.slice(end + 1))?.[1];
                if (value)
                    return value;
            }
            i = end;
        }
    }
    return undefined;
}
/** Index of the quote that closes the string opening at `start`; -1 when it was cut. */
function stringEnd(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === '"')
            return i;
    }
    return -1;
}
/** Discord puts the wait in the body (`retry_after`, seconds) as well as in Retry-After. */
function classifyDiscordError(error) {
    if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9) || error.status !== 429)
        return undefined;
    const seconds = Number(error.json().retry_after ?? error.headers.get('retry-after'));
    return {
        retry: true,
        throttled: true,
        retryAfterMs: Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : undefined,
        reason: 'rate limited by Discord'
    };
}
function describeDiscordError(error) {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpStatusError */ .F9) {
        const body = error.json();
        const message = typeof body.message === 'string' ? body.message : '';
        const code = body.code !== undefined ? ` (code ${String(body.code)})` : '';
        if (error.status === 429)
            return `rate limited (HTTP 429) until the retries ran out`;
        return `HTTP ${error.status}${message ? ` ${message}` : ''}${code}`;
    }
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFailure */ .Ic)(error);
}


/***/ }),

/***/ 5089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ SlackWebhookChannel)
/* harmony export */ });
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6807);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6961);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(385);



/** Answers after which the webhook will never work in this run (Slack's plain-text error names). */
const GONE = new Set([403, 404, 410]);
class SlackWebhookChannel {
    webhookUrl;
    warnings;
    tuning;
    name = 'Slack webhook';
    started;
    finished;
    dead = false;
    constructor(webhookUrl, warnings, tuning = _http_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CALL_TUNING */ .f$, saved) {
        this.webhookUrl = webhookUrl;
        this.warnings = warnings;
        this.tuning = tuning;
        this.started = saved?.started ?? false;
        this.finished = saved?.finished ?? false;
    }
    handle() {
        return { started: this.started, finished: this.finished || this.dead };
    }
    async show(card, signal) {
        if (this.dead || this.finished)
            return;
        const final = (0,_card_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(card);
        if (this.started && !final)
            return;
        // Marked before the call: a start message that failed is not sent again at the next phase.
        // The final one is marked after it: if it failed, the post step sends it again.
        this.started = true;
        try {
            await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sendJson */ .jD)('Slack incoming webhook', this.webhookUrl, { method: 'POST', body: (0,_render_js__WEBPACK_IMPORTED_MODULE_1__/* .slackCardMessage */ .Qv)(card), signal }, this.tuning);
            if (final)
                this.finished = true;
        }
        catch (error) {
            if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpStatusError */ .F9 && GONE.has(error.status))
                this.dead = true;
            const after = this.dead ? '; the webhook is gone or revoked' : '';
            const what = final ? 'the final message' : 'the start message';
            this.warnings.warn('Slack webhook', `could not post ${what}: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(error)}${after}`);
        }
    }
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mq: () => (/* binding */ STATE_KEY),
/* harmony export */   Ui: () => (/* binding */ readSavedCard),
/* harmony export */   gU: () => (/* binding */ StatusCardSink)
/* harmony export */ });
/* harmony import */ var _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3083);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6807);


const STATE_KEY = 'notify_card';
/**
 * The event sink that drives the card: posted at the first event (INIT), edited when the phase
 * changes (init, build, deploy, and the end), never more often than once per debounce interval,
 * with events in between folded into the next edit. Handling an event never waits for Slack or
 * Discord: showing runs beside the pipeline, and close() waits for the final state to be shown.
 */
class StatusCardSink {
    channels;
    plan;
    core;
    name = 'status card';
    card;
    requestedPhase;
    shownPhase;
    dirty = false;
    pump;
    lastShownAt = Number.NEGATIVE_INFINITY;
    debounceMs;
    now;
    sleep;
    handOver;
    resumed;
    lastSaved;
    /** The bus's: fires when the run's end will wait no longer. */
    signal;
    constructor(card, channels, plan, core, options = {}) {
        this.channels = channels;
        this.plan = plan;
        this.core = core;
        this.card = card;
        this.debounceMs = options.debounceMs ?? 1000;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y;
        this.handOver = options.handOver ?? false;
        this.resumed = options.resumed ?? false;
    }
    /** The card and each channel's handle as last saved: what a later job re-opens it from. */
    saved() {
        return this.lastSaved;
    }
    get current() {
        return this.card;
    }
    handle(event, signal) {
        this.signal ??= signal;
        if (this.handOver &&
            event.type === 'done' &&
            event.status !== 'failure' &&
            event.status !== 'cancelled') {
            // Not the deployment's end: the next job carries the card on from here, after this job's
            // lines are shown (a phase change is what edits the card, and a build job has none).
            this.card = { ...this.card, lastEventId: event.id, updatedAt: event.timestamp };
            this.request();
            return;
        }
        const next = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .applyEvent */ .Z8)(this.card, event, this.plan());
        const backwards = PHASE_ORDER.indexOf(next.phase) < PHASE_ORDER.indexOf(this.card.phase);
        this.card =
            this.resumed && backwards ? { ...next, phase: this.card.phase, stage: this.card.stage } : next;
        // A new phase is what the card shows; progress lines ride along with the next edit.
        if (this.card.phase === this.requestedPhase)
            return;
        this.requestedPhase = this.card.phase;
        this.request();
    }
    /** Resolves when every requested edit has been shown (or given up on). */
    async settled() {
        while (this.pump)
            await this.pump;
    }
    async close(signal) {
        this.signal ??= signal;
        await this.settled();
        this.save();
    }
    request() {
        this.dirty = true;
        this.save();
        this.pump ??= this.run();
    }
    async run() {
        try {
            while (this.dirty) {
                const wait = this.lastShownAt + this.debounceMs - this.now();
                if (wait > 0)
                    await this.sleep(wait);
                this.dirty = false;
                const card = this.card;
                await Promise.all(this.channels.map(channel => channel.show(card, this.signal)));
                this.shownPhase = card.phase;
                this.lastShownAt = this.now();
                this.save();
            }
        }
        finally {
            this.pump = undefined;
        }
    }
    save() {
        const handles = this.channels.map(c => [c.name, c.handle()]);
        const saved = {
            card: forState(this.card),
            finished: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .isFinal */ .dR)(this.card) &&
                this.shownPhase === this.card.phase &&
                !this.dirty &&
                handles.every(([, handle]) => handle.finished),
            channels: Object.fromEntries(handles)
        };
        this.lastSaved = saved;
        this.core.saveState(STATE_KEY, JSON.stringify(saved));
    }
}
/** A resumed card moves forward only: a build job's INIT does not take it back from build. */
const PHASE_ORDER = [
    'init',
    'build',
    'deploy',
    'completed',
    'failed',
    'cancelled'
];
/** State travels to the post step in an environment variable: keep it small. */
function forState(card) {
    if (!card.error?.details)
        return card;
    return { ...card, error: { ...card.error, details: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(card.error.details, 4000) } };
}
function readSavedCard(raw) {
    if (!raw)
        return undefined;
    try {
        const saved = JSON.parse(raw);
        return saved && typeof saved === 'object' && saved.card ? saved : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 8004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ NotificationWarnings)
/* harmony export */ });
/* unused harmony export redactWebhookUrls */
/**
 * Where notification trouble goes: one warning annotation per channel and reason, kept as lines
 * for the job summary. Every text is scrubbed of the tokens and webhook URLs it was given first:
 * settings masks them for the runner's log, but the summary and test output are not masked.
 */
class NotificationWarnings {
    core;
    lines = [];
    secrets;
    constructor(core, secrets) {
        this.core = core;
        this.secrets = secrets.flatMap(secret => (secret ? secretForms(secret) : []));
    }
    warn(channel, message) {
        const line = this.redact(`${channel}: ${message}`);
        if (this.lines.includes(line))
            return;
        this.lines.push(line);
        this.core.warning(line);
    }
    /** Something the user may want to know that is not trouble (no DM on a schedule run). */
    notice(channel, message) {
        this.core.notice(this.redact(`${channel}: ${message}`));
    }
    redact(text) {
        let out = text;
        for (const secret of this.secrets)
            out = out.split(secret).join('***');
        return redactWebhookUrls(out);
    }
}
/**
 * The secret as given and as URL-encoding would show it (a token inside a form body or URL). For
 * a URL also the parts a receiver echoes on their own: the path and query (Express answers
 * "Cannot POST /path"), and any user:password.
 */
function secretForms(secret) {
    const forms = new Set([secret]);
    const url = URL.canParse(secret) ? new URL(secret) : undefined;
    if (url?.protocol === 'http:' || url?.protocol === 'https:') {
        // Only parts long enough not to match ordinary text ("/" or "/api").
        const path = [`${url.pathname}${url.search}`, url.pathname].filter(part => part.length >= 6);
        path.forEach(part => forms.add(part));
        if (url.password)
            forms.add(`${url.username}:${url.password}`).add(url.password);
    }
    for (const form of [...forms])
        forms.add(encodeURIComponent(form));
    return [...forms].filter(form => form.length >= 4).sort((a, b) => b.length - a.length);
}
/** Webhook URLs carry their credential in the path; hide it wherever a library quoted one. */
function redactWebhookUrls(text) {
    return text
        .replace(/(\/api\/webhooks\/\d+\/)[\w-]+/g, '$1***')
        .replace(/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[\w/-]+/g, '$1***')
        .replace(/xox[abposr]-[\w-]+/g, 'xox*-***');
}


/***/ }),

/***/ 4920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ EventWebhookSink),
/* harmony export */   N: () => (/* binding */ DELIVERED_STATE_KEY)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6961);

/**
 * The event webhook: every event POSTed as JSON, in order (the bus gives each sink its own queue),
 * each retried. A receiver that stays down costs a warning, not the deploy, and not a long wait
 * per event either: after one event fails, the next ones get a single try each until one gets
 * through again.
 */
const DELIVERED_STATE_KEY = 'notify_webhook_delivered';
class EventWebhookSink {
    url;
    warnings;
    tuning;
    delivered;
    name = 'event webhook';
    down = false;
    lost = 0;
    sent = 0;
    constructor(url, warnings, tuning = _http_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CALL_TUNING */ .f$, 
    /** Told each delivered id, so the post step sends on from there after a kill. */
    delivered = () => { }) {
        this.url = url;
        this.warnings = warnings;
        this.tuning = tuning;
        this.delivered = delivered;
    }
    async handle(event, signal) {
        const tuning = this.down ? { ...this.tuning, attempts: 1 } : this.tuning;
        try {
            await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sendJson */ .jD)(`event webhook (event ${event.id})`, this.url, { method: 'POST', body: event, signal }, tuning);
            this.sent++;
            this.down = false;
            this.delivered(event.id);
        }
        catch (error) {
            this.lost++;
            if (!this.down) {
                this.warnings.warn('Event webhook', `event ${event.id} (${event.type} ${event.stage}) was not delivered: ${(0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFailure */ .Ic)(error)}`);
            }
            this.down = true;
        }
    }
    close() {
        if (this.lost > 0) {
            this.warnings.warn('Event webhook', `${this.lost} of ${this.lost + this.sent} events were not delivered`);
        }
    }
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

//# sourceMappingURL=9098.index.js.map