export const id = 754;
export const ids = [754];
export const modules = {

/***/ 6807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   O9: () => (/* binding */ finish),
/* harmony export */   Z8: () => (/* binding */ applyEvent),
/* harmony export */   d5: () => (/* binding */ elapsedMs),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   t5: () => (/* binding */ newCard)
/* harmony export */ });
/* unused harmony exports COMMIT_TITLE_MAX, FINAL_PHASES, phaseOf */
const COMMIT_TITLE_MAX = 200;
const FINAL_PHASES = ['completed', 'failed', 'cancelled'];
function isFinal(card) {
    return FINAL_PHASES.includes(card.phase);
}
function newCard(context) {
    const title = context.commitMessage?.split(/\r?\n/, 1)[0]?.trim();
    return {
        deploymentId: context.deploymentId,
        environment: context.environment,
        repository: context.repository,
        phase: 'init',
        stage: 'INIT',
        version: undefined,
        gitTag: undefined,
        imageTag: undefined,
        services: context.services.map(s => waiting(s.name, s.deploys)),
        runUrl: context.runUrl,
        commit: context.sha,
        commitUrl: context.repository && context.sha
            ? `${context.serverUrl.replace(/\/$/, '')}/${context.repository}/commit/${context.sha}`
            : undefined,
        commitTitle: title ? clip(title, COMMIT_TITLE_MAX) : undefined,
        actor: context.actor,
        deploymentUrl: undefined,
        startedAt: undefined,
        updatedAt: undefined,
        error: undefined,
        lastEventId: 0
    };
}
/** The card after one more event. The plan, once computed, supplies version, tags and services. */
function applyEvent(card, event, plan) {
    let next = {
        ...withPlan(card, plan),
        startedAt: card.startedAt ?? event.timestamp,
        updatedAt: event.timestamp,
        lastEventId: event.id,
        deploymentUrl: deploymentUrlOf(event) ?? card.deploymentUrl
    };
    if (isFinal(card))
        return next;
    switch (event.type) {
        case 'stage':
            next = { ...next, stage: event.stage, phase: phaseOf(event.stage) };
            if (event.stage === 'DEPLOY')
                next = mapServices(next, s => (isBuilding(s) ? 'pushed' : s.state));
            return next;
        case 'progress':
        case 'info': {
            const state = serviceStateOf(event);
            if (!event.service || !state)
                return next;
            return mapServices(next, s => (s.name === event.service ? [state, event.message] : s.state));
        }
        case 'error':
            return {
                ...mapServices(next, s => (s.name === event.service ? 'failed' : s.state)),
                error: {
                    code: event.error_code,
                    message: event.message,
                    details: event.error_details
                }
            };
        case 'done':
            return finish(next, event.status, event.stage);
        default:
            return next;
    }
}
function deploymentUrlOf(event) {
    return event.type === 'progress' || event.type === 'done' ? event.deployment_url : undefined;
}
/** Ends the card: every service still moving is settled by how the run ended. */
function finish(card, status, stage = card.stage) {
    const phase = status === 'success' || status === 'planned'
        ? 'completed'
        : status === 'cancelled'
            ? 'cancelled'
            : 'failed';
    return {
        ...mapServices(card, s => settle(s, phase)),
        phase,
        stage
    };
}
/** Milliseconds from the first to the latest event. */
function elapsedMs(card) {
    if (!card.startedAt || !card.updatedAt)
        return undefined;
    return Math.max(0, Date.parse(card.updatedAt) - Date.parse(card.startedAt));
}
function phaseOf(stage) {
    if (stage === 'BUILD' || stage === 'PUSH')
        return 'build';
    if (stage === 'DEPLOY' || stage === 'DONE')
        return 'deploy';
    return 'init';
}
function withPlan(card, plan) {
    if (!plan)
        return card;
    const known = new Map(card.services.map(s => [s.name, s]));
    return {
        ...card,
        version: plan.version.version,
        gitTag: plan.version.gitTag,
        imageTag: plan.version.imageTag,
        services: plan.services.map(s => known.get(s.name) ?? waiting(s.name, s.deploy !== undefined))
    };
}
function settle(service, phase) {
    if (phase === 'completed') {
        if (service.state === 'failed')
            return 'failed';
        return service.deploys ? 'deployed' : 'pushed';
    }
    if (service.state === 'waiting')
        return 'not run';
    if (isBuilding(service) || service.state === 'deploying')
        return 'stopped';
    return service.state;
}
const SERVICE_STATES = [
    'waiting',
    'building',
    'pushing',
    'pushed',
    'deploying',
    'deployed',
    'failed',
    'stopped',
    'not run'
];
/**
 * What an event says about its service: `data.service_state` when the emitter states it, else
 * read from the deploy phase's own lines ("deployed", "not deployed: ..."), else the stage.
 * Undefined: the event does not change the service's line.
 */
function serviceStateOf(event) {
    const declared = event.type === 'progress' ? event.data?.service_state : undefined;
    if (typeof declared === 'string' && SERVICE_STATES.includes(declared)) {
        return declared;
    }
    if (event.type === 'info')
        return /^not deployed\b/.test(event.message) ? 'not run' : undefined;
    if (event.stage === 'BUILD')
        return 'building';
    if (event.stage === 'PUSH')
        return 'pushing';
    if (event.stage === 'DEPLOY')
        return /^deployed\b/.test(event.message) ? 'deployed' : 'deploying';
    return undefined;
}
function isBuilding(service) {
    return service.state === 'building' || service.state === 'pushing';
}
function mapServices(card, change) {
    return {
        ...card,
        services: card.services.map(service => {
            const changed = change(service);
            const [state, detail] = Array.isArray(changed) ? changed : [changed, service.detail];
            return state === service.state && detail === service.detail
                ? service
                : { ...service, state, detail: detail === undefined ? undefined : clip(detail, 300) };
        })
    };
}
function waiting(name, deploys) {
    return { name, state: 'waiting', detail: undefined, deploys };
}
/**
 * Cuts text to at most `max` UTF-16 units (the strictest way Slack and Discord count), never
 * splitting an emoji's surrogate pair, and marks the cut.
 */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let out = '';
    for (const char of text) {
        if (out.length + char.length > max - 1)
            break;
        out += char;
    }
    return `${out}…`;
}


/***/ }),

/***/ 9841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ DiscordCardChannel)
/* harmony export */ });
/* unused harmony export classifyDiscordError */
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
    async show(card) {
        if (this.dead || this.finished)
            return;
        if (!this.idLost) {
            try {
                await this.showCard(card);
            }
            catch (error) {
                this.fail(this.messageId ? 'could not edit the status card' : 'could not post the status card', error);
                return;
            }
        }
        if (!(0,_card_js__WEBPACK_IMPORTED_MODULE_3__/* .isFinal */ .dR)(card))
            return;
        this.finished = true;
        await this.mentionUser(card);
    }
    async showCard(card) {
        const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .discordCardMessage */ .kj)(card);
        if (this.messageId) {
            await this.send('PATCH', this.url(`/messages/${this.messageId}`), message, true);
            return;
        }
        // wait=true: the answer is the message, whose id every later edit needs.
        const answer = await this.send('POST', this.url('', true), message, true);
        const id = (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(answer.body).id;
        if (typeof id !== 'string') {
            throw new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .MalformedAnswerError */ .Sz('Discord webhook POST', answer.status, 'no message id');
        }
        this.messageId = id;
    }
    async mentionUser(card) {
        if (!this.mention)
            return;
        if (!/^\d{5,25}$/.test(this.mention)) {
            this.warnings.warn('Discord', `discord_mention '${this.mention}' is not a Discord user id (digits)`);
            return;
        }
        try {
            const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .discordMentionMessage */ .Cz)(card, this.mention);
            await this.send('POST', this.url(''), message, false);
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
    send(method, url, message, expectJson) {
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sendJson */ .jD)(`Discord webhook ${method}`, url, { method, body: message, expectJson }, this.tuning, classifyDiscordError);
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

/***/ 6961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ HttpStatusError),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Sz: () => (/* binding */ MalformedAnswerError),
/* harmony export */   f$: () => (/* binding */ DEFAULT_CALL_TUNING),
/* harmony export */   jD: () => (/* binding */ sendJson)
/* harmony export */ });
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);

const DEFAULT_CALL_TUNING = {
    attempts: 4,
    baseDelayMs: 500,
    attemptTimeoutMs: 10_000,
    maxRetryAfterMs: 30_000
};
/**
 * A non-2xx answer. The message never contains the URL, nor the answer's text: a receiver may
 * echo the request line (Express's "Cannot POST /path"), and webhook URLs are credentials. Only a
 * short error name the receiver chose to give is kept (see knownError).
 */
class HttpStatusError extends Error {
    status;
    headers;
    body;
    constructor(status, headers, body) {
        const known = knownError(body);
        super(`HTTP ${status}${known ? `: ${known}` : ''}`);
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.name = 'HttpStatusError';
    }
    json() {
        return jsonRecord(this.body);
    }
}
/**
 * What an error answer says, when it says it in a known, short form: a JSON `error` or `message`
 * field, or a bare error name such as Slack's webhook answers (`no_service`, `invalid_token`).
 * Anything else (an HTML page, a stack trace, an echo of the request) stays out of the warning.
 */
function knownError(body) {
    const text = body.trim();
    if (/^[a-z][a-z_]{2,59}$/.test(text))
        return text;
    const { error, message } = jsonRecord(text);
    const said = typeof error === 'string' ? error : message;
    return typeof said === 'string' && said.length <= 120 ? said.replace(/\s+/g, ' ') : undefined;
}
function jsonRecord(text) {
    try {
        return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(JSON.parse(text));
    }
    catch {
        return {};
    }
}
/**
 * One JSON request through the retry helper; with expectJson, a 2xx answer that is not JSON is
 * retried like a dropped connection, but only for an edit: a POST that was answered did its work,
 * and sending it again would post a second message. `classify` may add what a service says in its
 * body (Discord's retry_after); everything else is the shared judgement.
 */
async function sendJson(describe, url, request, tuning, classify) {
    return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(async (signal) => {
        const response = await fetch(url, {
            method: request.method,
            headers: { 'content-type': 'application/json', 'user-agent': 'deploy-pipeline-action' },
            body: JSON.stringify(request.body),
            signal,
            redirect: 'error'
        });
        const text = await response.text();
        if (!response.ok)
            throw new HttpStatusError(response.status, response.headers, text);
        // Receivers may answer "ok" as plain text; only an answer we need must be JSON.
        if (!request.expectJson)
            return { status: response.status, body: text || undefined };
        try {
            return { status: response.status, body: JSON.parse(text) };
        }
        catch {
            throw new MalformedAnswerError(describe, response.status);
        }
    }, {
        describe,
        attempts: tuning.attempts,
        baseDelayMs: tuning.baseDelayMs,
        attemptTimeoutMs: tuning.attemptTimeoutMs,
        maxRetryAfterMs: tuning.maxRetryAfterMs,
        sleep: tuning.sleep,
        classify: error => error instanceof MalformedAnswerError
            ? { retry: request.method !== 'POST', reason: error.message }
            : classify?.(error)
    });
}
/** A 2xx answer that is not what was asked for: a proxy's error page or a cut connection. */
class MalformedAnswerError extends Error {
    constructor(describe, status, what = 'a body that is not JSON') {
        super(`${describe} answered HTTP ${status} with ${what}`);
        this.name = 'MalformedAnswerError';
    }
}
/**
 * Why a call finally failed, in words, for the warning. Duck-typed: errors from fetch may come
 * from another realm (a bundler, a test VM), where instanceof Error is false.
 */
function describeFailure(error) {
    const e = (error ?? {});
    if (typeof e.message !== 'string')
        return String(error);
    const code = typeof e.cause?.code === 'string' ? ` (${e.cause.code})` : '';
    return `${e.message}${code}`;
}


/***/ }),

/***/ 385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ discordMentionMessage),
/* harmony export */   F8: () => (/* binding */ slackDirectMessage),
/* harmony export */   NP: () => (/* binding */ slackThreadDetails),
/* harmony export */   Qv: () => (/* binding */ slackCardMessage),
/* harmony export */   kj: () => (/* binding */ discordCardMessage)
/* harmony export */ });
/* unused harmony exports ERROR_LINES_ON_CARD, headline, errorSummary, hasMoreDetails, escapeSlack, DISCORD_LIMITS, escapeDiscord, embedLength */
/* harmony import */ var _runtime_follow_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9355);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6807);


/**
 * The card as Slack and Discord JSON. Built field by field in code, never by filling a template,
 * so a commit message or error text can hold quotes, backticks, newlines, mentions or markup and
 * still shows as the text it is. Every length is cut to the service's limit.
 */
const PHASE_WORD = {
    init: 'starting',
    build: 'building',
    deploy: 'deploying',
    completed: 'completed',
    failed: 'failed',
    cancelled: 'cancelled'
};
const PHASE_EMOJI = {
    init: '⏳',
    build: '🔨',
    deploy: '🚀',
    completed: '✅',
    failed: '❌',
    cancelled: '⚪'
};
/** Slack attachment colours: green, red, grey, and amber while the run is going. */
const SLACK_COLOUR = {
    init: '#ECB22E',
    build: '#ECB22E',
    deploy: '#ECB22E',
    completed: '#2EB67D',
    failed: '#E01E5A',
    cancelled: '#9E9E9E'
};
const STATE_EMOJI = {
    waiting: '▫️',
    building: '🔨',
    pushing: '📦',
    pushed: '📦',
    deploying: '🚀',
    deployed: '✅',
    failed: '❌',
    stopped: '⏹️',
    'not run': '▫️'
};
/** Lines of error details shown on the card itself; the rest goes to a thread reply. */
const ERROR_LINES_ON_CARD = 8;
function headline(card) {
    const name = card.repository.split('/').pop() || card.repository || 'deploy';
    const version = card.gitTag ?? card.imageTag;
    return `${PHASE_EMOJI[card.phase]} ${name} → ${card.environment}${version ? ` ${version}` : ''}: ${PHASE_WORD[card.phase]}`;
}
function errorSummary(card) {
    if (!card.error)
        return undefined;
    const lines = (card.error.details ?? '').split(/\r?\n/).filter(line => line.trim() !== '');
    const shown = lines.slice(0, ERROR_LINES_ON_CARD);
    const more = lines.length > shown.length ? [`… ${lines.length - shown.length} more lines`] : [];
    return [`${card.error.code}: ${card.error.message}`, ...shown, ...more].join('\n');
}
/** True when the details are longer than what the card shows. */
function hasMoreDetails(card) {
    const details = card.error?.details;
    if (!details)
        return false;
    return details.split(/\r?\n/).filter(line => line.trim() !== '').length > ERROR_LINES_ON_CARD;
}
function elapsedText(card) {
    const ms = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .elapsedMs */ .d5)(card);
    return ms === undefined ? '—' : (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms);
}
function serviceLine(service, bold, escape) {
    const detail = service.detail ? ` — ${escape((0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(service.detail, 200))}` : '';
    return `${STATE_EMOJI[service.state]} ${bold(escape(service.name))} ${service.state}${detail}`;
}
/** Slack mrkdwn needs only &, < and > escaped; anything else shows as typed. */
function escapeSlack(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function slackLink(url, label) {
    const safe = url
        .replace(/&/g, '&amp;')
        .replace(/</g, '%3C')
        .replace(/>/g, '%3E')
        .replace(/\|/g, '%7C')
        .replace(/\s/g, '%20');
    return `<${safe}|${escapeSlack(label)}>`;
}
const mrkdwn = (text, max = 3000) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(text, max) }
});
/** Text Slack must not interpret at all: commit messages and error output. */
const plain = (text) => ({
    type: 'section',
    text: { type: 'plain_text', text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(text, 3000), emoji: false }
});
function slackCardMessage(card) {
    const title = headline(card);
    const blocks = [mrkdwn(`*${escapeSlack(title)}*`)];
    blocks.push({
        type: 'section',
        fields: [
            ['Environment', card.environment],
            ['Version', card.gitTag ?? card.version ?? '—'],
            ['Image tag', card.imageTag ?? '—'],
            ['Elapsed', elapsedText(card)]
        ].map(([name, value]) => ({
            type: 'mrkdwn',
            text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`*${name}*\n${escapeSlack(value ?? '—')}`, 2000)
        }))
    });
    if (card.services.length > 0) {
        const lines = card.services.map(s => serviceLine(s, name => `*${name}*`, escapeSlack));
        blocks.push(mrkdwn(lines.join('\n')));
    }
    const error = errorSummary(card);
    if (error)
        blocks.push(plain(error));
    if (card.deploymentUrl) {
        blocks.push(mrkdwn(`*Deployment:* ${slackLink(card.deploymentUrl, card.deploymentUrl)}`));
    }
    blocks.push({ type: 'context', elements: slackContext(card) });
    if (card.commitTitle) {
        blocks.push({
            type: 'context',
            elements: [{ type: 'plain_text', text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(card.commitTitle, 2000), emoji: false }]
        });
    }
    const text = escapeSlack((0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(error ? `${title} (${card.error?.code})` : title, 3000));
    return { text, attachments: [{ color: SLACK_COLOUR[card.phase], fallback: text, blocks }] };
}
function slackContext(card) {
    const parts = [];
    if (card.runUrl)
        parts.push(slackLink(card.runUrl, 'workflow run'));
    const sha = card.commit.slice(0, 7);
    if (sha)
        parts.push(card.commitUrl ? `commit ${slackLink(card.commitUrl, sha)}` : `commit ${sha}`);
    if (card.actor)
        parts.push(`by ${escapeSlack(card.actor)}`);
    parts.push(escapeSlack(card.deploymentId));
    return [{ type: 'mrkdwn', text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(parts.join(' · '), 3000) }];
}
/** The full error details as a thread reply, plain text (mrkdwn off). */
function slackThreadDetails(card) {
    if (!card.error?.details || !hasMoreDetails(card))
        return undefined;
    return (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${card.error.code} details:\n${card.error.details}`, 12_000);
}
function slackDirectMessage(card) {
    const title = headline(card);
    const link = card.runUrl ? ` (${slackLink(card.runUrl, 'workflow run')})` : '';
    const blocks = [mrkdwn(`*${escapeSlack(title)}*${link}`)];
    const error = errorSummary(card);
    if (error)
        blocks.push(plain(error));
    if (card.deploymentUrl) {
        blocks.push(mrkdwn(`Deployment: ${slackLink(card.deploymentUrl, card.deploymentUrl)}`));
    }
    return { text: escapeSlack(title), blocks };
}
// -------------------------------------------------------------------------------------- Discord
/** Discord's documented embed limits. */
const DISCORD_LIMITS = {
    title: 256,
    description: 4096,
    fieldName: 256,
    fieldValue: 1024,
    fields: 25,
    footer: 2048,
    content: 2000,
    total: 6000
};
const DISCORD_COLOUR = {
    init: 0xecb22e,
    build: 0xecb22e,
    deploy: 0xecb22e,
    completed: 0x2eb67d,
    failed: 0xe01e5a,
    cancelled: 0x9e9e9e
};
/** Backslash-escapes Discord markdown (and mention/emoji syntax) so text shows as typed. */
function escapeDiscord(text) {
    return text.replace(/([\\`*_~|>#[\]()<:-])/g, '\\$1');
}
function discordLink(url, label) {
    const safe = url.replace(/[()\s<>]/g, c => encodeURIComponent(c));
    return `[${escapeDiscord(label)}](${safe})`;
}
function discordCardMessage(card) {
    const description = card.services.map(s => serviceLine(s, name => `**${name}**`, escapeDiscord));
    const error = errorSummary(card);
    if (error)
        description.push('', escapeDiscord(error));
    const sha = card.commit.slice(0, 7);
    const commit = card.commitUrl ? discordLink(card.commitUrl, sha) : escapeDiscord(sha);
    const fields = [
        { name: 'Environment', value: escapeDiscord(card.environment), inline: true },
        { name: 'Version', value: escapeDiscord(card.gitTag ?? card.version ?? '—'), inline: true },
        { name: 'Image tag', value: escapeDiscord(card.imageTag ?? '—'), inline: true },
        { name: 'Elapsed', value: elapsedText(card), inline: true },
        { name: 'Actor', value: escapeDiscord(card.actor || '—'), inline: true },
        {
            name: 'Commit',
            value: card.commitTitle ? `${commit} ${escapeDiscord(card.commitTitle)}` : commit || '—'
        }
    ];
    if (card.runUrl)
        fields.push({ name: 'Run', value: discordLink(card.runUrl, 'workflow run') });
    if (card.deploymentUrl) {
        fields.push({ name: 'Deployment', value: discordLink(card.deploymentUrl, card.deploymentUrl) });
    }
    const embed = {
        title: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(headline(card), DISCORD_LIMITS.title),
        description: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(description.join('\n') || '—', DISCORD_LIMITS.description),
        color: DISCORD_COLOUR[card.phase],
        fields: fields.slice(0, DISCORD_LIMITS.fields).map(f => ({
            ...f,
            name: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(f.name, DISCORD_LIMITS.fieldName),
            value: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(f.value, DISCORD_LIMITS.fieldValue)
        })),
        footer: { text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(card.deploymentId, DISCORD_LIMITS.footer) }
    };
    if (card.runUrl)
        embed.url = card.runUrl;
    if (card.updatedAt)
        embed.timestamp = card.updatedAt;
    return { embeds: [fitTotal(embed)], allowed_mentions: { parse: [] } };
}
/** The ping on completion or failure: an edit never notifies anyone, so this is a new message. */
function discordMentionMessage(card, userId) {
    const error = card.error ? `\n${card.error.code}: ${card.error.message}` : '';
    const link = card.runUrl ? `\n${card.runUrl}` : '';
    const content = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`<@${userId}> ${escapeDiscord(headline(card) + error)}${link}`, 2000);
    return { content, allowed_mentions: { parse: [], users: [userId] } };
}
function embedLength(embed) {
    return (embed.title.length +
        embed.description.length +
        embed.footer.text.length +
        embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0));
}
/** Shortens the description, then drops trailing fields, until the embed fits in 6000. */
function fitTotal(embed) {
    let fitted = embed;
    const over = embedLength(fitted) - DISCORD_LIMITS.total;
    if (over > 0) {
        const room = Math.max(1, fitted.description.length - over);
        fitted = { ...fitted, description: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(fitted.description, room) };
    }
    while (embedLength(fitted) > DISCORD_LIMITS.total && fitted.fields.length > 0) {
        fitted = { ...fitted, fields: fitted.fields.slice(0, -1) };
    }
    return fitted;
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
    async show(card) {
        if (this.dead || this.finished)
            return;
        const final = (0,_card_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(card);
        if (this.started && !final)
            return;
        // Marked before the call: a start message that failed is not sent again at the next phase.
        // The final one is marked after it: if it failed, the post step sends it again.
        this.started = true;
        try {
            await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sendJson */ .jD)('Slack incoming webhook', this.webhookUrl, { method: 'POST', body: (0,_render_js__WEBPACK_IMPORTED_MODULE_1__/* .slackCardMessage */ .Qv)(card) }, this.tuning);
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

/***/ 7569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hC: () => (/* binding */ createSlackApi),
/* harmony export */   xP: () => (/* binding */ chooseRecipient),
/* harmony export */   y4: () => (/* binding */ SlackCardChannel)
/* harmony export */ });
/* unused harmony exports classifySlackError, slackErrorText */
/* harmony import */ var _runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6390);
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6807);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6961);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(385);




/**
 * The real @slack/web-api client with its own retries and queue-pausing off, so that every call
 * goes through the one retry helper; a 429 comes back at once with its Retry-After. Without an
 * apiUrl the client uses Slack's own.
 */
async function createSlackApi(token, apiUrl, tuning = _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CALL_TUNING */ .f$, debug = () => { }) {
    const { WebClient, LogLevel } = await __webpack_require__.e(/* import() */ 105).then(__webpack_require__.t.bind(__webpack_require__, 5105, 23));
    const client = new WebClient(token, {
        slackApiUrl: apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: tuning.attemptTimeoutMs,
        allowAbsoluteUrls: false,
        logger: quietLogger(debug, LogLevel.WARN)
    });
    return {
        call: (method, args) => (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(() => client.apiCall(method, args).then(answer => answer), {
            describe: `Slack ${method}`,
            attempts: tuning.attempts,
            baseDelayMs: tuning.baseDelayMs,
            attemptTimeoutMs: tuning.attemptTimeoutMs + 1000,
            maxRetryAfterMs: tuning.maxRetryAfterMs,
            sleep: tuning.sleep,
            classify: classifySlackError
        })
    };
}
/** The client logs through us (to debug), never to the console. */
function quietLogger(debug, level) {
    let current = level;
    const log = (...parts) => debug(`Slack client: ${parts.map(String).join(' ')}`);
    return {
        debug: () => { },
        info: () => { },
        warn: log,
        error: log,
        setLevel: l => {
            current = l;
        },
        getLevel: () => current,
        setName: () => { }
    };
}
/** Slack error names that are worth another try: the platform's own transient trouble. */
const TRANSIENT_SLACK_ERRORS = new Set([
    'ratelimited',
    'internal_error',
    'fatal_error',
    'service_unavailable',
    'request_timeout'
]);
function classifySlackError(error) {
    const e = error;
    switch (e?.code) {
        case 'slack_webapi_rate_limited_error':
            return {
                retry: true,
                throttled: true,
                retryAfterMs: (e.retryAfter ?? 1) * 1000,
                reason: 'rate limited by Slack'
            };
        case 'slack_webapi_platform_error': {
            const name = e.data?.error ?? '';
            return TRANSIENT_SLACK_ERRORS.has(name)
                ? { retry: true, throttled: name === 'ratelimited', reason: `Slack error ${name}` }
                : { retry: false };
        }
        case 'slack_webapi_request_error':
            // fetch failed, the connection dropped, or the client's own timeout fired.
            return { retry: true, reason: slackErrorText(error) };
        default:
            return undefined; // HTTP errors: the shared judgement reads status and Retry-After
    }
}
const SLACK_HINTS = {
    channel_not_found: 'the channel does not exist or the bot cannot see it; check slack_channel',
    not_in_channel: 'the bot is not a member of the channel; invite it with /invite',
    is_archived: 'the channel is archived',
    invalid_auth: 'slack_bot_token is not valid',
    not_authed: 'no token reached Slack',
    account_inactive: 'the token belongs to a deactivated bot or user',
    token_revoked: 'slack_bot_token was revoked',
    missing_scope: 'the bot token lacks a scope',
    users_not_found: 'no Slack user has that e-mail address',
    user_not_found: 'no such Slack user',
    message_not_found: 'the card message was deleted'
};
/** Errors after which this channel can do nothing more in this run. */
const FATAL_SLACK_ERRORS = new Set([
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'missing_scope'
]);
/** Slack's error by name, with what to do about it. */
function slackErrorText(error) {
    const e = error;
    if (e?.code === 'slack_webapi_platform_error') {
        const name = e.data?.error ?? 'unknown_error';
        const needed = e.data?.needed ? ` (needs ${e.data.needed})` : '';
        const hint = SLACK_HINTS[name];
        return `${name}${hint ? `: ${hint}` : ''}${needed}`;
    }
    if (e?.code === 'slack_webapi_rate_limited_error') {
        return `rate limited (HTTP 429, Retry-After ${e.retryAfter ?? '?'} s)`;
    }
    if (e?.code === 'slack_webapi_http_error')
        return `HTTP ${e.statusCode ?? '?'}`;
    if (e?.code === 'slack_webapi_request_error' && e.original) {
        const original = e.original;
        // The client re-wraps a foreign-realm DOMException as Error("TimeoutError: ..."); match both.
        if (/TimeoutError|AbortError|aborted due to timeout/.test(`${original.name} ${original.message}`)) {
            return 'Slack did not answer in time';
        }
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFailure */ .Ic)(original);
    }
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeFailure */ .Ic)(error);
}
function slackErrorName(error) {
    const e = error;
    return e?.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}
function chooseRecipient(input) {
    const notifyUser = input.notifyUser?.trim();
    if (notifyUser) {
        return notifyUser.includes('@')
            ? { kind: 'email', email: notifyUser, source: 'notify_user' }
            : { kind: 'user', id: notifyUser, source: 'notify_user' };
    }
    const login = input.actor.toLowerCase();
    const mapped = Object.entries(input.slackUsers).find(([key]) => key.toLowerCase() === login);
    if (mapped)
        return { kind: 'user', id: mapped[1], source: `slack_users[${input.actor}]` };
    if (input.eventName === 'schedule') {
        return {
            kind: 'none',
            reason: `no direct message: this is a schedule run, notify_user is empty and slack_users has ` +
                `no entry for '${input.actor}'`
        };
    }
    if (input.headCommitAuthorEmail) {
        return { kind: 'email', email: input.headCommitAuthorEmail, source: 'the head commit author' };
    }
    return {
        kind: 'none',
        reason: `no direct message: notify_user is empty, slack_users has no entry for '${input.actor}' ` +
            `and the event has no head commit author e-mail`
    };
}
class SlackCardChannel {
    api;
    recipient;
    warnings;
    name = 'Slack';
    channel;
    ts;
    finished;
    dead = false;
    constructor(api, channel, recipient, warnings, saved) {
        this.api = api;
        this.recipient = recipient;
        this.warnings = warnings;
        this.channel = saved?.channel ?? channel;
        this.ts = saved?.ts;
        this.finished = saved?.finished ?? false;
    }
    handle() {
        return {
            channel: this.channel,
            ts: this.ts,
            finished: this.finished || this.dead,
            recipient: this.recipient
        };
    }
    async show(card) {
        if (this.dead || this.finished)
            return;
        const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackCardMessage */ .Qv)(card);
        try {
            if (this.ts) {
                await this.api.call('chat.update', { channel: this.channel, ts: this.ts, ...message });
            }
            else {
                const posted = await this.api.call('chat.postMessage', {
                    channel: this.channel,
                    ...message,
                    unfurl_links: false,
                    unfurl_media: false
                });
                this.ts = String(posted.ts);
                this.channel = String(posted.channel ?? this.channel);
            }
        }
        catch (error) {
            this.fail(this.ts ? 'could not update the status card' : 'could not post the status card', error);
            return;
        }
        if (!(0,_card_js__WEBPACK_IMPORTED_MODULE_3__/* .isFinal */ .dR)(card))
            return;
        this.finished = true;
        await this.threadDetails(card);
        await this.directMessage(card);
    }
    fail(what, error) {
        const name = slackErrorName(error);
        if (name === 'message_not_found')
            this.ts = undefined; // deleted: post a new card next time
        if (name && FATAL_SLACK_ERRORS.has(name))
            this.dead = true;
        const after = this.dead ? '; no further Slack updates in this run' : '';
        this.warnings.warn('Slack', `${what}: ${slackErrorText(error)}${after}`);
    }
    async threadDetails(card) {
        const details = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackThreadDetails */ .NP)(card);
        if (!details || !this.ts)
            return;
        try {
            await this.api.call('chat.postMessage', {
                channel: this.channel,
                thread_ts: this.ts,
                text: details,
                mrkdwn: false,
                unfurl_links: false
            });
        }
        catch (error) {
            this.warnings.warn('Slack', `could not post the error details: ${slackErrorText(error)}`);
        }
    }
    async directMessage(card) {
        const recipient = this.recipient;
        if (recipient.kind === 'none') {
            this.warnings.notice('Slack', recipient.reason);
            return;
        }
        try {
            const user = recipient.kind === 'user' ? recipient.id : await this.lookup(recipient.email);
            const opened = await this.api.call('conversations.open', { users: user });
            const dm = opened.channel?.id;
            if (!dm)
                throw new Error('conversations.open returned no channel');
            await this.api.call('chat.postMessage', { channel: dm, ...(0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackDirectMessage */ .F8)(card) });
        }
        catch (error) {
            const who = recipient.kind === 'user' ? recipient.id : recipient.email;
            this.warnings.warn('Slack', `could not send the direct message to ${who} (from ${recipient.source}): ${slackErrorText(error)}`);
        }
    }
    async lookup(email) {
        const found = await this.api.call('users.lookupByEmail', { email });
        const id = found.user?.id;
        if (!id)
            throw new Error('users.lookupByEmail returned no user');
        return id;
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
    constructor(card, channels, plan, core, options = {}) {
        this.channels = channels;
        this.plan = plan;
        this.core = core;
        this.card = card;
        this.debounceMs = options.debounceMs ?? 1000;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? _runtime_sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y;
    }
    get current() {
        return this.card;
    }
    handle(event) {
        this.card = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .applyEvent */ .Z8)(this.card, event, this.plan());
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
    async close() {
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
                await Promise.all(this.channels.map(channel => channel.show(card)));
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
        this.core.saveState(STATE_KEY, JSON.stringify(saved));
    }
}
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
    async handle(event) {
        const tuning = this.down ? { ...this.tuning, attempts: 1 } : this.tuning;
        try {
            await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .sendJson */ .jD)(`event webhook (event ${event.id})`, this.url, { method: 'POST', body: event }, tuning);
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

/***/ 9355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e: () => (/* binding */ follow)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            if (look.progress !== undefined && look.progress !== lastProgress) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const wait = options.intervalMs - (now() - lookStarted);
            await sleep(Math.min(Math.max(0, wait), Math.max(0, deadline - now())), signal);
            if (now() >= deadline)
                throw timeoutError(options);
        }
    };
    try {
        // Never abandoned: the loop is ours and stops at its next sleep or look once its signal fires
        // (each look is abandoned by the retry helper when it ignores the signal).
        const timedOut = () => timeoutError(options);
        return await (0,_deadline_js__WEBPACK_IMPORTED_MODULE_4__/* .withDeadline */ .NE)(options.signal, options.timeoutMs, timedOut, lookUntilDone, {
            graceMs: Infinity
        });
    }
    catch (error) {
        if (options.signal?.aborted) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('CANCELLED', `cancelled while waiting for ${options.describe}`);
        }
        throw error;
    }
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ }),

/***/ 6390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ readRetryAfter),
/* harmony export */   Z: () => (/* binding */ headerValue),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   eV: () => (/* binding */ describeRetry),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   qY: () => (/* binding */ asRecord)
/* harmony export */ });
/* unused harmony exports AttemptTimeoutError, classifyError, parseRetryAfter */
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
                throw options.signal.reason ?? error;
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
