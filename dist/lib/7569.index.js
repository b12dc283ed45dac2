export const id = 7569;
export const ids = [7569];
export const modules = {

/***/ 6807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   O9: () => (/* binding */ finish),
/* harmony export */   Z8: () => (/* binding */ applyEvent),
/* harmony export */   d5: () => (/* binding */ elapsedMs),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   e9: () => (/* binding */ clipMiddle),
/* harmony export */   mo: () => (/* binding */ failureSection),
/* harmony export */   t5: () => (/* binding */ newCard)
/* harmony export */ });
/* unused harmony exports COMMIT_TITLE_MAX, FINAL_PHASES, phaseOf */
const COMMIT_TITLE_MAX = 200;
/** A service line's detail (its last progress, or why it failed) is cut here. */
const SERVICE_DETAIL_MAX = 300;
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
        rollbackTo: undefined,
        notes: [],
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
            // A failed service's line keeps its reason; a later line (a rollback's) does not replace it.
            return mapServices(next, s => s.name === event.service && s.state !== 'failed' ? [state, event.message] : s.state);
        }
        case 'error':
            return {
                // The line shows why it failed, not the last thing it was doing.
                ...mapServices(next, s => (s.name === event.service ? ['failed', event.message] : s.state)),
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
/**
 * The card's failure section: the run's error less what the service lines already say, so each
 * reason is read once. The run's error repeats a failed service's reason ("api: <reason>", or a
 * build's message as it is) and its details list every failed service ("api: CODE: <reason>");
 * those are left to the service lines. What remains (the code, the services not deployed, the
 * builder's last lines) stays.
 */
function failureSection(card) {
    const error = card.error;
    if (!error)
        return undefined;
    const reasons = new Map(card.services.filter(s => s.state === 'failed' && s.detail).map(s => [s.name, s.detail]));
    // Service lines hold their reason clipped (mapServices); compare clipped.
    const onLine = (name, reason) => reasons.get(name) === clip(reason, SERVICE_DETAIL_MAX);
    const repeated = (message) => [...reasons.keys()].some(name => onLine(name, message) ||
        (message.startsWith(`${name}: `) && onLine(name, message.slice(name.length + 2))));
    const details = (error.details ?? '').split(/\r?\n/).filter(line => {
        if (line.trim() === '')
            return false;
        const listed = /^(.+?): [A-Z_]+: (.*)$/.exec(line);
        return !(listed && onLine(listed[1], listed[2]));
    });
    return {
        title: repeated(error.message) ? error.code : `${error.code}: ${error.message}`,
        details
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
        rollbackTo: plan.rollback?.to.label,
        notes: planNotes(plan),
        services: plan.services.map(s => known.get(s.name) ?? waiting(s.name, s.deploy !== undefined))
    };
}
function planNotes(plan) {
    const notes = [];
    const r = plan.rollback;
    if (r) {
        notes.push(`rollback to ${r.to.label} (deployment ${r.to.id})${r.from ? `, rolled back from ${r.from.label}` : ''}`);
    }
    const override = plan.gate?.override;
    if (override)
        notes.push(`promotion gate overridden by ${override.actor}: ${override.reason}`);
    return notes;
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
                : {
                    ...service,
                    state,
                    detail: detail === undefined ? undefined : clip(detail, SERVICE_DETAIL_MAX)
                };
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
const MIDDLE_MARK = ' … ';
/**
 * Cuts text to at most `max` UTF-16 units by taking out its middle: the beginning (what failed)
 * and the end (why, and the link after it) stay. Never splits an emoji; marks the cut.
 */
function clipMiddle(text, max) {
    if (text.length <= max)
        return text;
    const room = max - MIDDLE_MARK.length;
    if (room < 2)
        return clip(text, max);
    const chars = [...text];
    let head = '';
    for (const char of chars) {
        if (head.length + char.length > Math.ceil(room / 2))
            break;
        head += char;
    }
    let tail = '';
    for (let i = chars.length - 1; i >= 0; i--) {
        const char = chars[i];
        if (head.length + tail.length + char.length > room)
            break;
        tail = char + tail;
    }
    return `${head}${MIDDLE_MARK}${tail}`;
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
    attempts: 3,
    baseDelayMs: 500,
    attemptTimeoutMs: 5_000,
    maxRetryAfterMs: 5_000
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
 * One JSON request through the retry helper; with expectJson, a 2xx answer that is not JSON (or
 * whose connection dropped mid-body) is retried like a dropped connection, but only for a read or
 * an edit: a POST that was answered did its work, and sending it again would post a second
 * message. Without expectJson a 2xx status is all that counts, whatever became of the body.
 * `classify` may add what a service says in its body (Discord's retry_after); everything else is
 * the shared judgement.
 */
async function sendJson(describe, url, request, tuning, classify) {
    return (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(async (signal) => {
        const sending = request.body !== undefined;
        const response = await fetch(url, {
            method: request.method,
            headers: {
                ...(sending ? { 'content-type': 'application/json' } : {}),
                'user-agent': 'deploy-pipeline-action'
            },
            body: sending ? JSON.stringify(request.body) : undefined,
            signal,
            redirect: 'error'
        });
        const { text, cut } = await readBody(response, signal);
        if (!response.ok)
            throw new HttpStatusError(response.status, response.headers, text);
        // Receivers may answer "ok" as plain text; only an answer we need must be JSON.
        if (!request.expectJson)
            return { status: response.status, body: text || undefined };
        if (cut)
            throw new MalformedAnswerError(describe, response.status, CUT, text);
        try {
            return { status: response.status, body: JSON.parse(text) };
        }
        catch {
            throw new MalformedAnswerError(describe, response.status, undefined, text);
        }
    }, {
        describe,
        attempts: tuning.attempts,
        baseDelayMs: tuning.baseDelayMs,
        attemptTimeoutMs: tuning.attemptTimeoutMs,
        maxRetryAfterMs: tuning.maxRetryAfterMs,
        sleep: tuning.sleep,
        signal: request.signal,
        classify: error => error instanceof MalformedAnswerError
            ? { retry: request.method !== 'POST', reason: error.message }
            : classify?.(error)
    });
}
const CUT = 'an answer cut off mid-body';
/**
 * The body as far as it arrived: a connection that drops mid-body leaves what came before it
 * (in which a caller may still find what it needs, such as the id of what it created).
 */
async function readBody(response, signal) {
    const decoder = new TextDecoder();
    let text = '';
    if (!response.body)
        return { text, cut: false };
    const reader = response.body.getReader();
    try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            text += decoder.decode(chunk.value, { stream: true });
        }
        return { text: text + decoder.decode(), cut: false };
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return { text, cut: true };
    }
}
/** A 2xx answer that is not what was asked for: a proxy's error page or a cut connection. */
class MalformedAnswerError extends Error {
    body;
    constructor(describe, status, what = 'a body that is not JSON', 
    /** What arrived of the body; kept out of the message, which goes to the log. */
    body = '') {
        super(`${describe} answered HTTP ${status} with ${what}`);
        this.body = body;
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
/** Longest error message on the card: past it the middle goes, the end (often the why) stays. */
const ERROR_MESSAGE_ON_CARD = 1000;
function headline(card) {
    const name = card.repository.split('/').pop() || card.repository || 'deploy';
    const version = card.rollbackTo
        ? `rollback to ${card.rollbackTo}`
        : (card.gitTag ?? card.imageTag);
    return `${PHASE_EMOJI[card.phase]} ${name} → ${card.environment}${version ? ` ${version}` : ''}: ${PHASE_WORD[card.phase]}`;
}
/** The failure section, without what the failed services' lines already say. */
function errorSummary(card) {
    const section = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .failureSection */ .mo)(card);
    if (!section)
        return undefined;
    const lines = section.details;
    const shown = lines.slice(0, ERROR_LINES_ON_CARD);
    const more = lines.length > shown.length ? [`… ${lines.length - shown.length} more lines`] : [];
    // A long message is cut in its middle: its start says what failed, its end often why.
    const title = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clipMiddle */ .e9)(section.title, ERROR_MESSAGE_ON_CARD);
    return [title, ...shown, ...more].join('\n');
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
    return ms === undefined ? '—' : (0,_runtime_follow_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms);
}
function serviceLine(service, bold, escape) {
    const detail = service.detail ? ` — ${escape((0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(service.detail, 200))}` : '';
    return `${STATE_EMOJI[service.state]} ${bold(escape(service.name))} ${service.state}${detail}`;
}
/**
 * `escape(text)` in at most `max` units, cut by its middle (see clipMiddle) before escaping, so
 * that no cut falls inside an escape; empty when nothing fits.
 */
function escapedMiddle(text, max, escape) {
    for (let budget = max; budget > 0;) {
        const out = escape((0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clipMiddle */ .e9)(text, budget));
        if (out.length <= max)
            return out;
        budget -= out.length - max;
    }
    return '';
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
/** Error output, which Slack must not interpret at all; a long one loses its middle. */
const plain = (text) => ({
    type: 'section',
    text: { type: 'plain_text', text: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clipMiddle */ .e9)(text, 3000), emoji: false }
});
/** `notice`: what this channel adds below the card (no one to send the direct message to). */
function slackCardMessage(card, notice) {
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
    if (card.notes.length > 0)
        blocks.push(plain(card.notes.join('\n')));
    const error = errorSummary(card);
    if (error)
        blocks.push(plain(error));
    if (card.deploymentUrl) {
        blocks.push(mrkdwn(`*Deployment:* ${slackLink(card.deploymentUrl, card.deploymentUrl)}`));
    }
    blocks.push({ type: 'context', elements: slackContext(card) });
    if (notice) {
        const text = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`⚠️ ${escapeSlack(notice)}`, 3000);
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
    }
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
    return (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clipMiddle */ .e9)(`${card.error.code} details:\n${card.error.details}`, 12_000);
}
function slackDirectMessage(card) {
    const title = headline(card);
    const link = card.runUrl ? ` (${slackLink(card.runUrl, 'workflow run')})` : '';
    const blocks = [mrkdwn(`*${escapeSlack(title)}*${link}`)];
    // The DM has no service list: the failed services' lines carry their reasons.
    const failed = card.services.filter(s => s.state === 'failed');
    if (failed.length > 0) {
        blocks.push(mrkdwn(failed.map(s => serviceLine(s, n => `*${n}*`, escapeSlack)).join('\n')));
    }
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
    description.push(...card.notes.map(escapeDiscord));
    const error = errorSummary(card);
    if (error) {
        const room = DISCORD_LIMITS.description - description.join('\n').length - 2;
        description.push('', escapedMiddle(error, room, escapeDiscord));
    }
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
/**
 * The ping on completion or failure: an edit never notifies anyone, so this is a new message. A
 * long error loses its middle, never the headline before it nor the run's link after it.
 */
function discordMentionMessage(card, userId) {
    const head = `<@${userId}> ${escapeDiscord(headline(card))}`;
    const link = card.runUrl ? `\n${card.runUrl}` : '';
    const room = DISCORD_LIMITS.content - head.length - link.length - 1;
    const error = card.error
        ? escapedMiddle(`${card.error.code}: ${card.error.message}`, room, escapeDiscord)
        : '';
    const content = (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${head}${error ? `\n${error}` : ''}${link}`, DISCORD_LIMITS.content);
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
        fitted = { ...fitted, description: (0,_card_js__WEBPACK_IMPORTED_MODULE_1__/* .clipMiddle */ .e9)(fitted.description, room) };
    }
    while (embedLength(fitted) > DISCORD_LIMITS.total && fitted.fields.length > 0) {
        fitted = { ...fitted, fields: fitted.fields.slice(0, -1) };
    }
    return fitted;
}


/***/ }),

/***/ 7569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSlackApi: () => (/* binding */ createSlackApi),
/* harmony export */   slackErrorText: () => (/* binding */ slackErrorText),
/* harmony export */   tj: () => (/* binding */ slackUserByEmail),
/* harmony export */   y4: () => (/* binding */ SlackCardChannel)
/* harmony export */ });
/* unused harmony export classifySlackError */
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
    const { WebClient, LogLevel } = await __webpack_require__.e(/* import() */ 5105).then(__webpack_require__.t.bind(__webpack_require__, 5105, 23));
    const client = new WebClient(token, {
        slackApiUrl: apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: tuning.attemptTimeoutMs,
        allowAbsoluteUrls: false,
        logger: quietLogger(debug, LogLevel.WARN)
    });
    return {
        call: (method, args, signal) => (0,_runtime_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(() => client.apiCall(method, args).then(answer => answer), {
            describe: `Slack ${method}`,
            attempts: tuning.attempts,
            baseDelayMs: tuning.baseDelayMs,
            attemptTimeoutMs: tuning.attemptTimeoutMs + 1000,
            maxRetryAfterMs: tuning.maxRetryAfterMs,
            sleep: tuning.sleep,
            signal,
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
/** The Slack user with this e-mail (users.lookupByEmail); undefined when Slack knows none. */
async function slackUserByEmail(api, email) {
    try {
        const found = await api.call('users.lookupByEmail', { email });
        return found.user?.id;
    }
    catch (error) {
        if (slackErrorName(error) === 'users_not_found')
            return undefined;
        throw new Error(slackErrorText(error), { cause: error });
    }
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
    async show(card, signal) {
        if (this.dead || this.finished)
            return;
        const recipient = this.recipient;
        const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackCardMessage */ .Qv)(card, recipient.kind === 'none' ? recipient.notice : undefined);
        try {
            if (this.ts) {
                const update = { channel: this.channel, ts: this.ts, ...message };
                await this.api.call('chat.update', update, signal);
            }
            else {
                const post = { channel: this.channel, ...message, unfurl_links: false, unfurl_media: false };
                const posted = await this.api.call('chat.postMessage', post, signal);
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
        await this.threadDetails(card, signal);
        await this.directMessage(card, signal);
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
    async threadDetails(card, signal) {
        const details = (0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackThreadDetails */ .NP)(card);
        if (!details || !this.ts)
            return;
        try {
            const reply = {
                channel: this.channel,
                thread_ts: this.ts,
                text: details,
                mrkdwn: false,
                unfurl_links: false
            };
            await this.api.call('chat.postMessage', reply, signal);
        }
        catch (error) {
            this.warnings.warn('Slack', `could not post the error details: ${slackErrorText(error)}`);
        }
    }
    async directMessage(card, signal) {
        const recipient = this.recipient;
        if (recipient.kind === 'none') {
            this.warnings.notice('Slack', recipient.reason);
            return;
        }
        try {
            const user = recipient.kind === 'user' ? recipient.id : await this.lookup(recipient.email, signal);
            const opened = await this.api.call('conversations.open', { users: user }, signal);
            const dm = opened.channel?.id;
            if (!dm)
                throw new Error('conversations.open returned no channel');
            await this.api.call('chat.postMessage', { channel: dm, ...(0,_render_js__WEBPACK_IMPORTED_MODULE_2__/* .slackDirectMessage */ .F8)(card) }, signal);
        }
        catch (error) {
            const who = recipient.kind === 'user' ? recipient.id : recipient.email;
            this.warnings.warn('Slack', `could not send the direct message to ${who} (from ${recipient.source}): ${slackErrorText(error)}`);
        }
    }
    async lookup(email, signal) {
        const found = await this.api.call('users.lookupByEmail', { email }, signal);
        const id = found.user?.id;
        if (!id)
            throw new Error('users.lookupByEmail returned no user');
        return id;
    }
}


/***/ }),

/***/ 9355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SD: () => (/* binding */ FIRST_MINUTE),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_3__.a),
/* harmony export */   e6: () => (/* binding */ follow),
/* harmony export */   uG: () => (/* binding */ waitEnded)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4506);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6390);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3083);






/** What the ECS, CodeDeploy and Step Functions waits use: 1 s looks for the first minute. */
const FIRST_MINUTE = { intervalMs: 1000, periodMs: 60_000 };
async function follow(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const started = now();
    // Checked against `now` as well as by the timer, so a wait on simulated time ends on time too.
    const deadline = started + options.timeoutMs;
    let looks = 0;
    let lastProgress;
    let quickLooks = 0;
    let quickLook = false;
    // When the next regular look is due: one interval after the previous regular look started.
    let regularAt = started;
    const lookUntilDone = async (signal) => {
        for (;;) {
            const lookStarted = now();
            if (!quickLook)
                regularAt = lookStarted + options.intervalMs;
            looks++;
            const look = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(s => options.look(s), {
                describe: options.describe,
                attempts: options.attemptsPerLook ?? 6,
                attemptTimeoutMs: Math.max(1, Math.min(30_000, deadline - lookStarted)),
                signal,
                onRetry: options.onRetry,
                sleep
            }).catch((error) => {
                // Attempts that failed (cut short, unanswered) once the deadline had passed: the wait ran
                // out, whichever timer noticed first (on an injected clock the deadline's own timer may
                // be far off). A verdict the look reached (a DeployError) stands.
                const ranOut = now() >= deadline && !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError);
                throw ranOut ? timeoutError(options) : error;
            });
            if (look.done)
                return { value: look.value, looks, elapsedMs: now() - started };
            const changed = look.progress !== undefined && look.progress !== lastProgress;
            if (changed) {
                lastProgress = look.progress;
                options.onProgress?.(look.progress);
            }
            const quickAt = lookStarted + (options.young?.intervalMs ?? options.intervalMs);
            quickLook =
                quickAt < regularAt &&
                    young(options, lookStarted - started, quickLooks) &&
                    (look.moved ?? changed);
            if (quickLook)
                quickLooks++;
            const wait = (quickLook ? quickAt : regularAt) - now();
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
        throw waitEnded(error, options.signal, options.describe);
    }
}
/**
 * What a wait throws when it stops: an enclosing deadline (the service's deploy_timeout, the
 * phase's) is a TIMEOUT saying what was being waited for, caused by that deadline so it keeps it;
 * a cancel is CANCELLED; anything else is the wait's own error. Shared by every wait that does not
 * go through follow() alone (the Argo CD watch).
 */
function waitEnded(error, signal, describe) {
    const reason = signal?.reason;
    if (reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError && reason.code === 'TIMEOUT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${describe} did not finish: ${reason.message}`, {
            cause: reason
        });
    }
    if (signal?.aborted)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `cancelled while waiting for ${describe}`);
    return error;
}
function young(options, elapsedMs, quickLooks) {
    const young = options.young;
    if (!young || elapsedMs >= young.periodMs)
        return false;
    return quickLooks < Math.floor(young.periodMs / options.intervalMs);
}
function timeoutError(options) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${options.describe} did not finish within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(options.timeoutMs)}`);
}


/***/ })

};

//# sourceMappingURL=7569.index.js.map