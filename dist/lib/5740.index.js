export const id = 5740;
export const ids = [5740,8734];
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

/***/ 8734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ writeEvent),
/* harmony export */   appendEvents: () => (/* binding */ appendEvents),
/* harmony export */   readEventLog: () => (/* binding */ readEventLog),
/* harmony export */   v: () => (/* binding */ startEventLog)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7934);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _runtime_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9972);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6556);






/**
 * Built when a log is first read: main only writes the log, and building this on every start
 * would cost main's dry run a millisecond for nothing.
 */
function buildEventSchema() {
    const text = valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP();
    const optionalText = valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(text);
    const common = {
        id: valibot__WEBPACK_IMPORTED_MODULE_3__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .integer */ .ndf(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .minValue */ .Wwf(1)),
        stage: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_model_js__WEBPACK_IMPORTED_MODULE_4__/* .STAGES */ .a),
        service: optionalText,
        message: text,
        timestamp: text
    };
    // Loose objects: a field this schema does not name is kept, so that an event read back and
    // sent on to the webhook is the event that was written.
    return valibot__WEBPACK_IMPORTED_MODULE_3__/* .variant */ .Oxt('type', [
        valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ ...common, type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('info') }),
        valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ ...common, type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('stage') }),
        valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
            ...common,
            type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('progress'),
            deployment_url: optionalText,
            data: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()))
        }),
        valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
            ...common,
            type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('done'),
            status: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_model_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_STATUSES */ .L),
            image_uri: optionalText,
            image_uris: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), text)),
            deployment_url: optionalText,
            execution_time: valibot__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig())
        }),
        valibot__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
            ...common,
            type: valibot__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('error'),
            error_code: valibot__WEBPACK_IMPORTED_MODULE_3__/* .picklist */ .KIO(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ERROR_CODES */ .OQ),
            error_details: optionalText
        })
    ]);
}
let eventSchema;
/** Creates the log, or empties one left by an earlier run in the same job. */
function startEventLog(path) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, '');
}
function writeEvent(path, event) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${JSON.stringify(event)}\n`);
}
/** Every event in the log, in file order; a missing file is an empty log. */
function readEventLog(path) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return { events: [], problems: [] };
    let content;
    try {
        content = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        return { events: [], problems: [`cannot be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`] };
    }
    return parseEventLog(content);
}
/**
 * Appends events to an existing log, numbering on from its last event: the post step uses this
 * to close the log of a main step that never finished.
 */
function appendEvents(path, events, now = new Date()) {
    const content = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8') : '';
    const lastId = parseEventLog(content).events.reduce((last, event) => Math.max(last, event.id), 0);
    const timestamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const written = events.map((event, index) => ({ id: lastId + index + 1, ...event, timestamp }));
    // A line cut by a kill has no newline: without one, the first new event would join it.
    const cut = content !== '' && !content.endsWith('\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, `${cut ? '\n' : ''}${written.map(e => `${JSON.stringify(e)}\n`).join('')}`);
    return written;
}
function parseEventLog(content) {
    const events = [];
    const problems = [];
    const lines = content.split('\n');
    for (const [index, line] of lines.entries()) {
        if (line.trim() === '')
            continue;
        const parsed = (0,_runtime_json_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .q)((eventSchema ??= buildEventSchema()), line);
        if (parsed.ok) {
            events.push(parsed.value);
            continue;
        }
        // Every line the writer finishes ends in a newline; the last without one was cut short.
        const cut = parsed.notJson && index === lines.length - 1;
        const problem = cut ? 'cut short (the step was killed mid-write?)' : parsed.problem;
        problems.push(`line ${index + 1}: ${problem}`);
    }
    return { events, problems };
}


/***/ }),

/***/ 6556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ RUN_STATUSES),
/* harmony export */   a: () => (/* binding */ STAGES)
/* harmony export */ });
const STAGES = [
    'INIT',
    'VERSION',
    'TAG',
    'RELEASE',
    'BUILD',
    'PUSH',
    'DEPLOY',
    'DONE'
];
const RUN_STATUSES = ['success', 'failure', 'cancelled', 'planned'];


/***/ }),

/***/ 5740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./src/crash.ts
var crash = __webpack_require__(1500);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/events/bus.ts
var events_bus = __webpack_require__(6847);
// EXTERNAL MODULE: ./src/events/event-log.ts
var event_log = __webpack_require__(8734);
;// CONCATENATED MODULE: ./src/events/sinks/file.ts

/** The `events_file` sink: every event goes to the log the moment it is emitted. */
function fileSink(path) {
    (0,event_log/* startEventLog */.v)(path);
    return {
        name: `events file ${path}`,
        handle(event) {
            (0,event_log/* writeEvent */.a)(path, event);
        }
    };
}

;// CONCATENATED MODULE: ./src/events/sinks/log.ts
/**
 * The job log: one collapsible group per phase, a line per event inside it. A log block (one
 * builder's output) is a group of its own: the runner's groups do not nest, so the phase's group
 * ends first, and what follows the block (a failure, the next phase) is outside both.
 */
function logSink(core) {
    let groupOpen = false;
    return {
        name: 'log',
        handle(event) {
            if (event.type === 'stage') {
                if (groupOpen)
                    core.endGroup();
                core.startGroup(`${event.stage}: ${event.message}`);
                groupOpen = true;
                return;
            }
            core.info(formatLine(event));
        },
        aside(block) {
            if (groupOpen)
                core.endGroup();
            groupOpen = false;
            core.startGroup(block.title);
            // Builder lines go in a stop-commands block (the toolkit's), so none runs as a command.
            for (const line of block.lines)
                core.processOutput(line);
            core.endGroup();
            if (block.tail) {
                core.info(block.tail.title);
                for (const line of block.tail.lines)
                    core.processOutput(line);
            }
        },
        close() {
            if (groupOpen)
                core.endGroup();
            groupOpen = false;
        }
    };
}
function formatLine(event) {
    const who = event.service ? `[${event.service}] ` : '';
    const mark = event.type === 'error' ? `✖ ${event.error_code}: ` : event.type === 'done' ? '■ ' : '';
    return `${who}${mark}${event.message}`;
}

// EXTERNAL MODULE: ./src/runtime/duration.ts
var duration = __webpack_require__(1170);
;// CONCATENATED MODULE: ./src/events/summary.ts

const STATUS_EMOJI = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹️',
    planned: '📝'
};
/** The stages a service's own work happens in, and how its chart row names them. */
const SERVICE_STEPS = { BUILD: 'build', PUSH: 'push', DEPLOY: 'deploy' };
function renderSummary(input) {
    const stories = serviceStories(input.events);
    const images = pushedImages(input.outputs.images);
    const lines = [
        `## ${STATUS_EMOJI[input.status]} ${headline(input, stories, images)}`,
        ''
    ];
    const failedAt = failedStage(input);
    if (input.error) {
        lines.push(`**${input.error.code}**: ${escapeCell(firstLine(input.error.message))}`, '');
        // INIT lists every problem with the inputs at once; say each on its own line.
        if (failedAt === 'INIT' && input.error.details) {
            const problems = input.error.details.split(/\r?\n/).filter(line => line.trim() !== '');
            lines.push('### Problems', '', ...problems.map(p => `- ${escapeCell(p)}`), '');
        }
    }
    if (input.services.length > 0) {
        lines.push('### Services', '', '| service | image | target | result | duration | URL |', '| --- | --- | --- | --- | --- | --- |');
        for (const service of input.services) {
            const story = stories.get(service.name);
            const image = images[service.name] ?? service.image;
            lines.push([
                '',
                escapeCell(service.name),
                image ? `\`${escapeCell(shortDigest(image))}\`` : '—',
                service.target ? escapeCell(service.target) : '—',
                escapeCell(result(input.status, service, story, images[service.name] !== undefined)),
                durationOf(story),
                story?.url ? escapeCell(story.url) : '—',
                ''
            ]
                .join(' | ')
                .trim());
        }
        lines.push('');
    }
    const changes = stackChanges(input.events);
    if (changes.length > 0) {
        // What a CloudFormation change set would change, reported before it ran: the review.
        lines.push('### Stack changes', '', '| service | action | resource | type | replacement |', '| --- | --- | --- | --- | --- |', ...changes.map(c => [
            '',
            escapeCell(c.service),
            escapeCell(c.action),
            escapeCell(c.logicalId),
            escapeCell(c.resourceType),
            c.replacement === 'True' ? '⚠️ **True**' : escapeCell(c.replacement || '—'),
            ''
        ]
            .join(' | ')
            .trim()), '');
    }
    const chart = ganttChart(input, stories, failedAt);
    if (chart)
        lines.push('### Where the time went (UTC)', '', ...chart, '');
    const outputs = Object.entries(input.outputs).filter(([n, v]) => n !== 'plan' && v !== '');
    lines.push('### Outputs', '', '| output | value |', '| --- | --- |');
    for (const [name, value] of outputs)
        lines.push(`| ${name} | ${escapeCell(value)} |`);
    lines.push('');
    if (input.planLines) {
        lines.push('### Plan', '', '```text', ...input.planLines, '```', '');
    }
    if (input.warnings.length > 0) {
        lines.push('### Warnings', '', ...input.warnings.map(w => `- ${escapeCell(w)}`), '');
    }
    if (input.events.length > 0) {
        lines.push('### Timeline', '', '| time (UTC) | stage | service | event |', '| --- | --- | --- | --- |');
        for (const event of input.events) {
            const time = event.timestamp.slice(11, 19);
            const text = event.type === 'error' ? `${event.error_code}: ${event.message}` : event.message;
            lines.push(`| ${time} | ${event.stage} | ${event.service ?? ''} | ${escapeCell(text)} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/**
 * One honest sentence: what changed, not what was hoped for. A run that pushed images but has
 * nothing to deploy says so instead of "deployed".
 */
function headline(input, stories, images) {
    const stage = failedStage(input);
    switch (input.status) {
        case 'planned':
            return 'dry run: nothing changed';
        case 'cancelled':
            return `cancelled during ${stage}`;
        case 'failure': {
            const failed = [...stories].filter(([, s]) => s.error).map(([name]) => name);
            return `failed at ${stage}: ${failed.length > 0 ? listed(failed) : (input.error?.code ?? 'DEPLOY_FAILED')}`;
        }
        case 'success': {
            const deployed = [...stories.values()].filter(s => s.deployed).length;
            const environment = input.outputs.environment;
            if (deployed > 0)
                return `deployed ${count(deployed, 'service')} to ${environment}`;
            const pushed = Object.keys(images).length;
            if (pushed > 0)
                return `${count(pushed, 'image')} pushed, nothing deployed`;
            const tag = input.outputs.tag;
            return `${tag ? `tagged ${tag}` : 'versioned'}, nothing built or deployed`;
        }
    }
}
/** The stage of the run's last error; INIT when there is none. */
function failedStage(input) {
    const errors = input.events.filter(e => e.type === 'error');
    return errors.at(-1)?.stage ?? 'INIT';
}
function result(status, service, story, pushed) {
    if (story?.error)
        return `❌ ${story.error.code}: ${story.error.message}`;
    if (story?.skipped)
        return `⏭️ ${story.skipped}`;
    if (story?.deployed)
        return '✅ deployed';
    if (status === 'planned')
        return '📝 planned';
    if (pushed)
        return service.target ? '⏹️ pushed, not deployed' : '✅ pushed';
    if (status === 'success')
        return '✅ done';
    return story && story.steps.size > 0 ? '⏹️ stopped' : '⏹️ not reached';
}
/** Time the service spent in its own steps (build, push, deploy), not waiting between them. */
function durationOf(story) {
    if (!story || story.steps.size === 0)
        return '—';
    const ms = [...story.steps.values()].reduce((sum, s) => sum + (s.end - s.start), 0);
    return ms < 1000 ? '< 1 s' : (0,duration/* formatDuration */.a)(ms);
}
/**
 * Each service's steps from its own events: a step starts at the service's first progress (or
 * error) event in that stage and ends at its last. Info lines do not count: "not deployed" is
 * said of a service that never started.
 */
function serviceStories(events) {
    const stories = new Map();
    for (const event of events) {
        if (!event.service)
            continue;
        let story = stories.get(event.service);
        if (!story) {
            story = {
                steps: new Map(),
                error: undefined,
                skipped: undefined,
                deployed: false,
                url: undefined
            };
            stories.set(event.service, story);
        }
        if (event.type === 'info') {
            if (/^not deployed\b/.test(event.message))
                story.skipped = event.message;
            continue;
        }
        if (event.type === 'error') {
            story.error ??= { stage: event.stage, code: event.error_code, message: event.message };
        }
        if (event.type === 'progress') {
            if (event.deployment_url)
                story.url = event.deployment_url;
            if (event.stage === 'DEPLOY' && /^deployed\b/.test(event.message))
                story.deployed = true;
        }
        if (event.type !== 'progress' && event.type !== 'error')
            continue;
        if (!(event.stage in SERVICE_STEPS))
            continue;
        const stage = event.stage;
        const at = Date.parse(event.timestamp);
        const step = story.steps.get(stage);
        story.steps.set(stage, { start: step?.start ?? at, end: at });
    }
    return stories;
}
/**
 * The change lines of the deploy's progress events (`data.stackChange`), in order. A change set
 * that changed nothing (`data.stackChanges: 0`) is a line too: the reviewer reads that the stack
 * was left as it was, rather than finding nothing and wondering.
 */
function stackChanges(events) {
    const changes = [];
    for (const event of events) {
        if (event.type !== 'progress' || !event.service)
            continue;
        if (event.data?.stackChanges === 0) {
            changes.push({
                service: event.service,
                action: 'no changes',
                logicalId: '—',
                resourceType: '—',
                replacement: ''
            });
            continue;
        }
        const change = event.data?.stackChange;
        if (!change || typeof change !== 'object')
            continue;
        const field = (key) => {
            const value = change[key];
            return typeof value === 'string' ? value : '';
        };
        changes.push({
            service: event.service,
            action: field('action'),
            logicalId: field('logicalId'),
            resourceType: field('resourceType'),
            replacement: field('replacement')
        });
    }
    return changes;
}
/**
 * A Mermaid Gantt chart (GitHub renders it in the summary): a row per phase, then a section per
 * service with its build, push and deploy. Times are written as UTC wall-clock strings, so the
 * axis reads in UTC like the timeline below it. Undefined when there is nothing to draw (a run
 * that ended in INIT).
 */
function ganttChart(input, stories, failedAt) {
    const events = input.events;
    const stages = events.filter(e => e.type === 'stage' && e.stage !== 'DONE');
    const last = events.at(-1);
    if (!last || (stages.length < 2 && ![...stories.values()].some(s => s.steps.size > 0))) {
        return undefined;
    }
    const ended = input.status === 'failure' || input.status === 'cancelled';
    const mark = (failed) => (failed ? 'crit' : 'done');
    const lines = [
        '```mermaid',
        'gantt',
        '  dateFormat YYYY-MM-DD HH:mm:ss',
        '  axisFormat %H:%M:%S',
        '  todayMarker off',
        '  section Phases'
    ];
    stages.forEach((stage, index) => {
        const start = Date.parse(stage.timestamp);
        const end = Date.parse((stages[index + 1] ?? last).timestamp);
        const failed = ended && stage.stage === failedAt && index === stages.length - 1;
        lines.push(task(stage.stage, mark(failed), { start, end }));
    });
    for (const service of input.services) {
        const story = stories.get(service.name);
        if (!story || story.steps.size === 0)
            continue;
        lines.push(`  section ${mermaidText(service.name)}`);
        for (const [stage, word] of Object.entries(SERVICE_STEPS)) {
            const span = story.steps.get(stage);
            if (span)
                lines.push(task(word, mark(story.error?.stage === stage), span));
        }
    }
    lines.push('```');
    return lines;
}
/** One bar: `name :tag, start, Ns`. A bar shorter than the events' 1 s resolution shows as 1 s. */
function task(name, tag, span) {
    const seconds = Math.max(1, Math.round((span.end - span.start) / 1000));
    return `  ${mermaidText(name)} :${tag}, ${mermaidTime(span.start)}, ${seconds}s`;
}
/** `YYYY-MM-DD HH:mm:ss` in UTC, matching the chart's dateFormat. */
function mermaidTime(ms) {
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
/**
 * A name Mermaid's Gantt grammar reads as plain text: `:` ends a task name, `#` and `%%` start
 * comments, `;` ends a statement, and a line break ends the line.
 */
function mermaidText(text) {
    const plain = text
        .replace(/[:#;%\r\n]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return plain || '-';
}
/** service -> registry/repo:tag@sha256:..., from the `images` output (JSON). */
function pushedImages(json) {
    if (!json)
        return {};
    try {
        const parsed = JSON.parse(json);
        if (!parsed || typeof parsed !== 'object')
            return {};
        return Object.fromEntries(Object.entries(parsed).filter((entry) => typeof entry[1] === 'string'));
    }
    catch {
        return {};
    }
}
/** registry/repo:tag@sha256:<12 hex>: enough to tell digests apart, short enough for a table. */
function shortDigest(reference) {
    return reference.replace(/@(sha256:[0-9a-f]{12})[0-9a-f]{52}$/, '@$1');
}
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function listed(names) {
    return names.length <= 4
        ? names.join(', ')
        : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
function firstLine(text) {
    return text.split(/\r?\n/, 1)[0] ?? '';
}
/** Table cells hold one line and no pipes; long texts are cut so the summary stays readable. */
function escapeCell(text) {
    const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}

// EXTERNAL MODULE: ./src/outputs.ts
var src_outputs = __webpack_require__(7729);
;// CONCATENATED MODULE: ./src/phases/context.ts
function emptyRunState() {
    return {
        tag: undefined,
        releaseUrl: undefined,
        images: {},
        deploymentUrl: undefined,
        outputs: {},
        registries: { ecr: undefined, ecrAuth: undefined, targets: new Map() },
        built: new Map()
    };
}

// EXTERNAL MODULE: ./src/settings/service-graph.ts
var service_graph = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/plan/tags.ts
var plan_tags = __webpack_require__(9458);
// EXTERNAL MODULE: ./src/plan/version.ts + 1 modules
var plan_version = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/plan/index.ts




/**
 * The whole plan of a run, computed before anything is changed: version and tags, the release,
 * each service's image and what to do with it, and the deploy order. Reads tags and commits
 * through the source `openTags` gives, opened only when tags matter; everything else is a function
 * of the settings and the clock.
 */
async function buildPlan(settings, openTags, now, signal) {
    // Tags matter only to a git tag and to promotion; a timestamp-tag run reads none (and starts
    // no git process for them).
    const readsTags = settings.createTag || settings.images.mode === 'promote';
    const source = readsTags ? await openTags() : undefined;
    const tags = source ? await source.listTags(signal) : [];
    const versionInput = {
        environment: settings.environment,
        createTag: settings.createTag,
        version: settings.version,
        bump: settings.bump,
        sha: settings.context.sha
    };
    // Commits are read only for an auto bump of a new tag: a re-run works on a shallow checkout.
    const needsCommits = (0,plan_version/* needsCommitMessages */.bk)(versionInput, tags);
    const commitMessages = source && needsCommits
        ? await source.commitMessagesSince((0,plan_tags/* baseTag */.qu)(tags), settings.context.sha, signal)
        : [];
    const version = (0,plan_version/* planVersion */.Uk)({
        ...versionInput,
        timezone: settings.timezone,
        now,
        tags,
        commitMessages
    });
    const promoteFrom = settings.images.promoteFrom ??
        (version.version ? (0,plan_tags/* newestReleaseCandidate */.dA)(tags, version.version) : undefined);
    const action = imageAction(settings, promoteFrom);
    const { layers } = (0,service_graph/* deployLayers */.Mp)(settings.services);
    return {
        deploymentId: settings.deploymentId,
        environment: settings.environment,
        commit: settings.context.sha,
        dryRun: settings.dryRun,
        version,
        release: releasePlan(settings, version),
        services: settings.services.map(service => planService(service, version.imageTag, action, promoteFrom, settings.platforms)),
        layers
    };
}
/**
 * build: auto promotes to prod what stage verified (when a release candidate of the version
 * exists), so prod runs the exact bits; everything else is built.
 */
function imageAction(settings, promoteFrom) {
    const mode = settings.images.mode;
    if (mode === 'always')
        return 'build';
    if (mode === 'skip')
        return 'skip';
    if (mode === 'promote') {
        if (!promoteFrom) {
            throw new errors.DeployError('INVALID_INPUT', 'build: promote needs an image to promote: set promote_from, or create_tag: true with a ' +
                'vX.Y.Z-rc.N tag of the version released');
        }
        return 'promote';
    }
    return settings.environment === 'prod' && settings.createTag && promoteFrom ? 'promote' : 'build';
}
function planService(service, imageTag, action, promoteFrom, platforms) {
    return {
        name: service.name,
        dependsOn: service.dependsOn,
        image: service.build
            ? plannedImage(service, imageTag, action, promoteFrom, platforms)
            : undefined,
        deploy: service.deploy
    };
}
function plannedImage(service, tag, action, promoteFrom, platforms) {
    const host = service.registry.host;
    const built = service.build?.platforms ?? [];
    return {
        registry: service.registry.kind,
        host,
        repository: service.repository,
        tag,
        reference: `${host || 'ecr'}/${service.repository}:${tag}`,
        action,
        promoteFrom: action === 'build' ? undefined : promoteFrom,
        platforms: built.length > 0 ? built : platforms
    };
}
function releasePlan(settings, version) {
    if (!settings.createRelease || !version.gitTag)
        return undefined;
    return {
        tag: version.gitTag,
        name: version.gitTag,
        prerelease: settings.environment !== 'prod',
        makeLatest: settings.environment === 'prod',
        previousTag: version.previousTag
    };
}
/**
 * The plan after the TAG phase had to take another tag (a concurrent run took ours): the image
 * tag follows the git tag, so every image reference moves with it.
 */
function retagPlan(plan, gitTag) {
    if (plan.version.gitTag === gitTag)
        return plan;
    return {
        ...plan,
        version: { ...plan.version, gitTag, imageTag: gitTag },
        release: plan.release ? { ...plan.release, tag: gitTag, name: gitTag } : undefined,
        services: plan.services.map(service => service.image
            ? {
                ...service,
                image: {
                    ...service.image,
                    tag: gitTag,
                    reference: service.image.reference.replace(/:[^:/]+$/, `:${gitTag}`)
                }
            }
            : service)
    };
}

// EXTERNAL MODULE: ./src/phases/deadline.ts
var deadline = __webpack_require__(6958);
;// CONCATENATED MODULE: ./src/phases/pipeline.ts


const MINUTE = 60_000;
const ONE_STEP_AND_PLAN = ['all', 'plan'];
const PIPELINE = [
    {
        stage: 'VERSION',
        message: 'computing the version and tags',
        changes: false,
        phases: ONE_STEP_AND_PLAN,
        when: () => true,
        budgetMs: () => MINUTE,
        run: async (run, signal) => {
            const openTags = async () => (await __webpack_require__.e(/* import() */ 9072).then(__webpack_require__.bind(__webpack_require__, 9072))).tagSourceFor(run.settings, {
                info: m => run.core.info(m)
            });
            const plan = await buildPlan(run.settings, openTags, run.clock(), signal);
            run.plan = plan;
            const v = plan.version;
            run.bus.emit({
                type: 'info',
                stage: 'VERSION',
                message: v.gitTag
                    ? `git tag ${v.gitTag}${v.reused ? ' (already on this commit)' : ''}, image tag ${v.imageTag}`
                    : `image tag ${v.imageTag} (no git tag)`
            });
        }
    },
    {
        // Build and deploy jobs act on the plan job's plan: the same version, tags and services.
        stage: 'VERSION',
        message: "taking over the plan job's plan",
        changes: false,
        phases: ['build', 'deploy'],
        when: () => true,
        budgetMs: () => MINUTE,
        run: async (run) => {
            run.plan = (await __webpack_require__.e(/* import() */ 3102).then(__webpack_require__.bind(__webpack_require__, 3102))).takeOverPlan(run.settings, run.bus);
        }
    },
    {
        stage: 'VERSION',
        message: 'finding the services that changed since the last deployment (changed_only)',
        changes: false,
        phases: ONE_STEP_AND_PLAN,
        when: run => run.settings.split.changedOnly,
        budgetMs: () => 2 * MINUTE,
        run: async (run, signal) => {
            const { planChangedOnly } = await __webpack_require__.e(/* import() */ 4906).then(__webpack_require__.bind(__webpack_require__, 4906));
            run.plan = await planChangedOnly(run.settings, planOf(run), run.bus, signal);
        }
    },
    {
        // Before the preflight, so it checks what the rollback will deploy; reads only.
        stage: 'VERSION',
        message: 'reading the deployment history: what goes back',
        changes: false,
        phases: ONE_STEP_AND_PLAN,
        when: run => run.settings.rollback !== undefined,
        budgetMs: () => 2 * MINUTE,
        run: async (run, signal) => {
            const { readDeploymentHistory } = await Promise.all(/* import() */[__webpack_require__.e(6512), __webpack_require__.e(7348)]).then(__webpack_require__.bind(__webpack_require__, 7348));
            const { planRollback } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6755));
            const plan = planOf(run);
            const history = await readDeploymentHistory(run.settings, plan.environment, signal);
            run.plan = planRollback(plan, history, run.settings.rollback ?? 'previous');
            const rollback = run.plan.rollback;
            // The tag output names what runs: the tag put back, reused as it is.
            if (run.plan.version.gitTag)
                run.state.tag = run.plan.version.gitTag;
            for (const service of run.plan.services) {
                // The digests the DEPLOY phase deploys, as if PUSH had pushed them.
                if (service.image?.action === 'rollback')
                    run.state.images[service.name] = service.image.reference;
            }
            if (rollback) {
                run.bus.emit({
                    type: 'info',
                    stage: 'VERSION',
                    message: `rollback to ${rollback.to.label} (deployment ${rollback.to.id})${rollback.from ? ` from ${rollback.from.label}` : ''}`
                });
                for (const name of rollback.untouched) {
                    run.bus.emit({
                        type: 'info',
                        stage: 'VERSION',
                        service: name,
                        message: `not in ${rollback.to.label}'s record (added since): left as it is`
                    });
                }
            }
        }
    },
    {
        // Before anything changes, and read-only, so a dry run shows the verdict too.
        stage: 'VERSION',
        message: 'checking the promotion gate',
        changes: false,
        phases: ONE_STEP_AND_PLAN,
        when: run => run.settings.gate !== undefined,
        budgetMs: () => 2 * MINUTE,
        run: async (run, signal) => {
            const gate = run.settings.gate;
            if (!gate)
                return;
            const { evaluateGate } = await __webpack_require__.e(/* import() */ 1476).then(__webpack_require__.bind(__webpack_require__, 1476));
            const plan = planOf(run);
            const history = gate.promoteFrom === plan.environment
                ? []
                : await (await Promise.all(/* import() */[__webpack_require__.e(6512), __webpack_require__.e(7348)]).then(__webpack_require__.bind(__webpack_require__, 7348))).readDeploymentHistory(run.settings, gate.promoteFrom, signal);
            const rollbackImages = Object.fromEntries(plan.services.flatMap(s => s.image?.action === 'rollback' ? [[s.name, s.image.reference]] : []));
            const verdict = evaluateGate({
                environment: plan.environment,
                gate,
                timezone: run.settings.timezone,
                history,
                candidate: {
                    version: plan.version.version,
                    commit: plan.commit,
                    ...(Object.keys(rollbackImages).length > 0 ? { images: rollbackImages } : {})
                },
                now: run.clock()
            });
            const overridden = !verdict.open && gate.override !== undefined;
            run.plan = {
                ...plan,
                gate: {
                    lines: [
                        ...verdict.lines,
                        ...verdict.refusals.map(r => `Gate: closed: ${r}`),
                        ...(overridden
                            ? [`Gate: overridden by ${gate.override?.actor}: ${gate.override?.reason}`]
                            : verdict.open
                                ? ['Gate: open']
                                : [])
                    ],
                    ...(overridden ? { override: gate.override } : {})
                }
            };
            for (const line of run.plan.gate?.lines ?? [])
                run.bus.emit({ type: 'info', stage: 'VERSION', message: line });
            if (!verdict.open && !overridden) {
                const { DeployError } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3916));
                throw new DeployError('INVALID_INPUT', `promotion gate: ${verdict.refusals.join('; ')}`, {
                    details: 'override_gate: true with override_reason lets a person take the run past it'
                });
            }
        }
    },
    {
        // The end of INIT: it needs the plan to know what the run will use, and runs before anything
        // is changed; a dry run runs it too.
        stage: 'INIT',
        message: 'preflight: checking what the plan uses, read-only',
        changes: false,
        phases: ONE_STEP_AND_PLAN,
        when: run => run.settings.preflight,
        budgetMs: async () => (await __webpack_require__.e(/* import() */ 3224).then(__webpack_require__.bind(__webpack_require__, 3224))).PREFLIGHT_BUDGET_MS,
        run: async (run, signal) => (await __webpack_require__.e(/* import() */ 3224).then(__webpack_require__.bind(__webpack_require__, 3224))).runPreflight({ settings: run.settings, plan: planOf(run), bus: run.bus, core: run.core, warn: run.warn }, signal)
    },
    {
        stage: 'TAG',
        message: 'creating the git tag',
        changes: true,
        phases: ONE_STEP_AND_PLAN,
        // A rollback puts back a version that has its tag already.
        when: run => run.settings.createTag && !planOf(run).rollback,
        budgetMs: () => 5 * MINUTE,
        run: async (run, signal) => {
            const { runTagPhase } = await __webpack_require__.e(/* import() */ 2265).then(__webpack_require__.bind(__webpack_require__, 2265));
            await runTagPhase(contextOf(run, signal));
            if (run.state.tag && run.plan) {
                run.plan = retagPlan(run.plan, run.state.tag);
            }
        }
    },
    {
        stage: 'RELEASE',
        message: 'publishing the GitHub Release',
        changes: true,
        phases: ONE_STEP_AND_PLAN,
        when: run => planOf(run).release !== undefined,
        budgetMs: () => 5 * MINUTE,
        run: async (run, signal) => (await __webpack_require__.e(/* import() */ 2265).then(__webpack_require__.bind(__webpack_require__, 2265))).runReleasePhase(contextOf(run, signal))
    },
    {
        // The plan of the build jobs: written as the `matrix` output, run by GitHub Actions.
        stage: 'BUILD',
        message: 'planning the build matrix',
        changes: false,
        phases: ['plan'],
        when: () => true,
        budgetMs: () => MINUTE,
        run: async (run) => (await __webpack_require__.e(/* import() */ 3102).then(__webpack_require__.bind(__webpack_require__, 3102))).writeMatrix(run.settings, planOf(run), run.state, run.bus)
    },
    {
        stage: 'BUILD',
        message: 'building images',
        changes: true,
        phases: ['all', 'build'],
        when: run => imagesOf(run, 'build').length > 0,
        budgetMs: async (run) => {
            const image = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(8213)]).then(__webpack_require__.bind(__webpack_require__, 8213));
            const count = imagesOf(run, 'build').length;
            return image.imagePhaseBudget(count, image.BUILD_LANES, run.settings.images.buildTimeoutMs);
        },
        run: async (run, signal) => (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(8213)]).then(__webpack_require__.bind(__webpack_require__, 8213))).runBuildPhase(contextOf(run, signal))
    },
    {
        stage: 'PUSH',
        message: 'pushing images',
        changes: true,
        phases: ['all'],
        when: run => imagesOf(run, 'push').length > 0,
        budgetMs: pushBudget,
        run: async (run, signal) => (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(8213)]).then(__webpack_require__.bind(__webpack_require__, 8213))).runPushPhase(contextOf(run, signal))
    },
    {
        stage: 'PUSH',
        message: 'pushing the image by digest (no tag)',
        changes: true,
        phases: ['build'],
        when: run => imagesOf(run, 'build').length > 0,
        budgetMs: pushBudget,
        run: async (run, signal) => (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(6950)]).then(__webpack_require__.bind(__webpack_require__, 6950))).runDigestPushPhase(contextOf(run, signal))
    },
    {
        // Nothing is tagged before every record is checked against the plan and the registry.
        stage: 'PUSH',
        message: "assembling each image index from the build jobs' digests, then tagging",
        changes: true,
        phases: ['deploy'],
        when: run => imagesOf(run, 'push').length > 0,
        budgetMs: pushBudget,
        run: async (run, signal) => {
            const ctx = contextOf(run, signal);
            await (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(5660)]).then(__webpack_require__.bind(__webpack_require__, 5660))).runMergePhase(ctx);
            // Promoted and existing images were never the build jobs' to push.
            await (await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(8213)]).then(__webpack_require__.bind(__webpack_require__, 8213))).runPushPhase(ctx, {}, ['promote', 'skip']);
        }
    },
    {
        stage: 'DEPLOY',
        message: 'deploying',
        changes: true,
        phases: ['all', 'deploy'],
        when: run => planOf(run).services.some(s => s.deploy),
        budgetMs: run => (0,deadline/* deployPhaseBudget */.iq)(run.settings, planOf(run)),
        run: async (run, signal) => {
            await openGitHubDeployment(run, signal);
            const { runDeployPhase } = await __webpack_require__.e(/* import() */ 2850).then(__webpack_require__.bind(__webpack_require__, 2850));
            await runDeployPhase(contextOf(run, signal));
        }
    }
];
/**
 * Runs each phase that applies, in order, under its own deadline and the run's cancel signal; the
 * first failure ends the walk. A dry run stops before the first phase that changes anything.
 */
async function walkPipeline(run, cancel, phases = PIPELINE) {
    for (const step of phases) {
        if (!step.phases.includes(run.settings.split.phase))
            continue;
        if (step.changes && run.settings.dryRun)
            continue;
        if (!step.when(run))
            continue;
        const budget = await step.budgetMs(run);
        await (0,deadline/* phase */.Oi)(run.bus, step.stage, step.message, budget, cancel, signal => step.run(run, signal));
    }
}
async function pushBudget(run) {
    const image = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(7293), __webpack_require__.e(754), __webpack_require__.e(8213)]).then(__webpack_require__.bind(__webpack_require__, 8213));
    const count = imagesOf(run, 'push').length;
    return image.imagePhaseBudget(count, image.PUSH_LANES, run.settings.images.pushTimeoutMs);
}
/** Every phase after VERSION has a plan; asking for it earlier is a bug in this table. */
function planOf(run) {
    if (!run.plan)
        throw new Error('a phase after VERSION asked for the plan before it existed');
    return run.plan;
}
/** The executors' view of the run. */
function contextOf(run, signal) {
    return {
        settings: run.settings,
        plan: planOf(run),
        bus: run.bus,
        core: run.core,
        signal,
        state: run.state
    };
}
/** build: the images to build; push: every image but those a rollback takes as recorded. */
function imagesOf(run, action) {
    return planOf(run).services.filter(s => action === 'build' ? s.image?.action === 'build' : s.image && s.image.action !== 'rollback');
}
/**
 * The GitHub Deployment is best effort (trouble warns), and its id is saved at once so the post
 * step can close it if this step never does.
 */
async function openGitHubDeployment(run, signal) {
    const { startGitHubDeployment } = await Promise.all(/* import() */[__webpack_require__.e(6512), __webpack_require__.e(5353)]).then(__webpack_require__.bind(__webpack_require__, 5353));
    const { deploymentRecord, recordPayload } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9280));
    const { describeTarget } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8122));
    const plan = planOf(run);
    // Written when the deployment is created: GitHub keeps a payload as it was first given.
    const record = deploymentRecord({
        plan,
        images: run.state.images,
        describeTarget: service => service.deploy && describeTarget(service.deploy),
        gateOverride: plan.gate?.override
    });
    run.githubDeployment = await startGitHubDeployment(run.settings, plan, { warn: run.warn, info: (m) => run.core.info(m) }, signal, undefined, recordPayload(record));
    if (run.githubDeployment)
        run.saveState();
}

// EXTERNAL MODULE: ./src/plan/describe.ts
var describe = __webpack_require__(8122);
// EXTERNAL MODULE: ./src/plan/clock.ts
var clock = __webpack_require__(7997);
// EXTERNAL MODULE: ./src/run-state.ts
var run_state = __webpack_require__(518);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/settings/describe.ts

/** What INIT validated, as the line the log's INIT group opens with. */
function describeValidated(settings) {
    const config = settings.configPath
        ? ` and ${(0,external_node_path_.relative)(settings.context.workspace, settings.configPath) || settings.configPath}`
        : '';
    const names = settings.services.map(service => service.name);
    const services = names.length === 0
        ? 'no services (version, tag and release only)'
        : `${names.length} service${names.length === 1 ? '' : 's'} (${names.join(', ')})`;
    const preflight = settings.preflight ? '' : '; preflight: false, so nothing outside is checked';
    return `validated the inputs${config}: ${services}${preflight}`;
}

// EXTERNAL MODULE: ./src/settings/index.ts + 7 modules
var src_settings = __webpack_require__(9743);
// EXTERNAL MODULE: ./src/toolkit.ts
var src_toolkit = __webpack_require__(7441);
;// CONCATENATED MODULE: ./src/main.ts














/**
 * Runs the pipeline: INIT here, then the phases of src/phases/pipeline.ts in order, then DONE in
 * finish(). Every phase throws a DeployError; only failJob() fails the job. Returns the status.
 */
async function run(toolkit, options = {}) {
    // Everything the run prints passes here: no outside text becomes a workflow command.
    const core = (0,src_toolkit/* safeToolkit */.c)(toolkit);
    const env = options.env ?? process.env;
    const cancel = options.signal ?? new AbortController().signal;
    const started = Date.now();
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        core.warning(message);
    };
    // Notification trouble never holds the run's end past the bus's close budget.
    const bus = new events_bus/* EventBus */.l(warn, undefined, options.notify?.closeBudgetMs);
    bus.attach(logSink(core));
    const ending = { core, bus, warnings, started, run: undefined, notifications: undefined };
    let settings;
    try {
        settings = await (0,src_settings.readSettings)(core, env);
    }
    catch (error) {
        const failure = (0,errors/* asDeployError */.y0)(error, 'INVALID_INPUT');
        bus.emit({ type: 'stage', stage: 'INIT', message: 'reading inputs and the deploy config' });
        bus.emit({ type: 'error', stage: 'INIT', message: failure.message, error_code: failure.code });
        return finish({ ...ending, status: 'failure', failure });
    }
    const pipeline = {
        settings,
        bus,
        core,
        state: emptyRunState(),
        clock: (0,clock/* clockFromEnv */.i)(env),
        warn,
        plan: undefined,
        githubDeployment: undefined,
        saveState: () => (0,run_state/* saveRunState */.iZ)(core, {
            settings,
            finished: false,
            githubDeploymentId: pipeline.githubDeployment?.id
        })
    };
    let notifications;
    // From here on every ending goes through finish(), so the summary and the card are written
    // whatever stops the run: a phase, a cancel, or a crash (an events file that cannot be
    // created, a GITHUB_STATE that cannot be written, an error thrown where nobody awaits).
    try {
        bus.attach(fileSink(settings.eventsFile));
        notifications = settings.dryRun
            ? undefined
            : await attachNotifications(bus, pipeline, warn, options.notify?.call);
        pipeline.saveState();
        const context = settings.context;
        bus.emit({
            type: 'stage',
            stage: 'INIT',
            message: `${context.owner}/${context.repo}@${context.sha.slice(0, 7)} to ${settings.environment}${settings.dryRun ? ' (dry run)' : ''}`
        });
        bus.emit({ type: 'info', stage: 'INIT', message: describeValidated(settings) });
        await walkPipeline(pipeline, cancel);
        // A phase that ignored the signal may have finished anyway; a crash is still a failure.
        const crash = crashOf(cancel);
        if (crash)
            throw crash;
        if (settings.dryRun && pipeline.plan) {
            for (const line of (0,describe/* describePlan */.d)(pipeline.plan))
                core.info(line);
        }
    }
    catch (error) {
        const failure = cancel.aborted
            ? (crashOf(cancel) ??
                new errors.DeployError('CANCELLED', 'the workflow was cancelled', { cause: error }))
            : (0,errors/* asDeployError */.y0)(error, 'DEPLOY_FAILED');
        bus.emit({
            type: 'error',
            stage: currentStage(bus),
            message: failure.message,
            error_code: failure.code,
            error_details: failure.details
        });
        const status = failure.code === 'CANCELLED' ? 'cancelled' : 'failure';
        return finish({ ...ending, run: pipeline, notifications, status, failure });
    }
    const status = settings.dryRun ? 'planned' : 'success';
    return finish({ ...ending, run: pipeline, notifications, status, failure: undefined });
}
/**
 * The failure the run was stopped for, when it was stopped by one rather than cancelled: the
 * entry point aborts the signal with a DeployError when the action crashes (src/crash.ts).
 */
function crashOf(signal) {
    const reason = signal.reason;
    return signal.aborted && reason instanceof errors.DeployError && reason.code !== 'CANCELLED'
        ? reason
        : undefined;
}
/**
 * DONE, for every ending: closes the GitHub Deployment, emits the `done` event, lets the status
 * card and the other sinks finish, then writes the outputs, the saved state and the job summary,
 * and fails the job when the run failed.
 */
async function finish(ending) {
    const { core, bus, run, status, failure } = ending;
    if (run?.githubDeployment) {
        await run.githubDeployment
            .finish(status === 'success' ? 'success' : status === 'cancelled' ? 'inactive' : 'failure', run.state.deploymentUrl)
            .catch((error) => core.warning(`GitHub deployment status: ${String(error)}`));
    }
    if (run) {
        bus.emit({
            type: 'done',
            stage: 'DONE',
            status,
            message: (0,src_outputs/* doneMessage */.IP)(status, run.settings, run.plan, run.state, failure),
            image_uris: run.state.images,
            ...(run.state.deploymentUrl ? { deployment_url: run.state.deploymentUrl } : {}),
            execution_time: Math.round((Date.now() - ending.started) / 1000)
        });
    }
    await bus.close();
    // After the close: the card's handles (its message ids) are known once it has been shown.
    const outputs = run
        ? (0,src_outputs/* outputsFor */.k5)(run.settings, run.plan, run.state, status, ending.notifications?.handover?.())
        : { status: 'failure' };
    let strictFailure;
    if (run && ending.notifications) {
        const notify = await Promise.all(/* import() */[__webpack_require__.e(7569), __webpack_require__.e(9098), __webpack_require__.e(3484)]).then(__webpack_require__.bind(__webpack_require__, 3484));
        // Already annotated by the sinks; here they only join the job summary.
        ending.warnings.push(...ending.notifications.warnings.lines);
        strictFailure = notify.strictNotificationFailure(run.settings, ending.notifications.warnings);
    }
    // The results go out one by one: a GITHUB_OUTPUT that cannot be written must not cost the
    // summary. What could not be written fails the step, unless the run failed already.
    const unwritten = [];
    const attempt = (what, write) => {
        try {
            write();
        }
        catch (error) {
            unwritten.push(`${what} not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
    if (run) {
        attempt('saved state', () => (0,run_state/* saveRunState */.iZ)(core, {
            settings: run.settings,
            finished: true,
            status,
            githubDeploymentId: run.githubDeployment?.id
        }));
    }
    attempt('outputs', () => {
        for (const [name, value] of Object.entries(outputs))
            core.setOutput(name, value);
    });
    let reported = failure;
    if (unwritten.length > 0 && !failure) {
        reported = new errors.DeployError('DEPLOY_FAILED', unwritten.join('; '));
    }
    else {
        for (const problem of unwritten) {
            ending.warnings.push(problem);
            core.warning(problem);
        }
    }
    // Written for every ending, INIT's too: a run that stopped on its inputs lists the problems.
    await core.summary
        .addRaw(renderSummary({
        status,
        outputs,
        planLines: run?.plan && (0,describe/* describePlan */.d)(run.plan),
        services: summaryServices(run),
        events: bus.events,
        warnings: ending.warnings,
        error: reported && {
            code: reported.code,
            message: reported.message,
            details: reported.details
        }
    }))
        .write()
        .catch((error) => core.warning(`job summary not written: ${String(error)}`));
    (0,src_outputs/* failJob */.SG)(core, reported, strictFailure);
    return status;
}
/** The summary's services: the plan's, or the settings' when the run ended before VERSION. */
function summaryServices(run) {
    if (!run)
        return [];
    const services = run.plan?.services ?? run.settings.services;
    return services.map(s => ({
        name: s.name,
        image: run.plan?.services.find(p => p.name === s.name)?.image?.reference,
        target: s.deploy && (0,describe.describeTarget)(s.deploy)
    }));
}
function currentStage(bus) {
    const last = [...bus.events].reverse().find(e => e.type === 'stage');
    return last?.stage ?? 'INIT';
}
/** The status card, DM and event webhook sinks; trouble loading them is a warning. */
async function attachNotifications(bus, run, warn, call) {
    try {
        const { notificationSinks } = await Promise.all(/* import() */[__webpack_require__.e(7569), __webpack_require__.e(9098), __webpack_require__.e(3484)]).then(__webpack_require__.bind(__webpack_require__, 3484));
        const notifications = await notificationSinks(run.settings, () => run.plan, run.core, { call });
        for (const sink of notifications.sinks)
            bus.attach(sink);
        return notifications;
    }
    catch (error) {
        warn(`notifications disabled: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/runtime/inert-output.ts
var inert_output = __webpack_require__(3436);
// EXTERNAL MODULE: ./src/runtime/workflow-commands.ts
var workflow_commands = __webpack_require__(8414);
;// CONCATENATED MODULE: ./src/index.ts







/** The main step (dist/index.js). */
async function runMain(options = {}) {
    const toolkit = (0,src_toolkit/* safeToolkit */.c)(workflow_commands/* workflowCommands */.i);
    await (0,crash/* runStep */.e)('main', toolkit, async ({ crashed }) => {
        // Text that reaches stdout or stderr without passing the toolkit (a library's
        // console.warn) cannot become a workflow command either.
        (0,inert_output/* guardOutputStreams */.Er)();
        // The runner's `node dist/index.js`: fd 1 is ours, and the toolkit writes to it itself.
        if (options.ownsProcess)
            (0,inert_output/* writeStdoutDirectly */["do"])();
        // The runner cancels a job with SIGINT, then SIGTERM, then a kill: the first signal asks
        // every phase to stop (and roll back what it started), so the run can still report itself
        // cancelled.
        const cancel = new AbortController();
        for (const signal of ['SIGINT', 'SIGTERM']) {
            process.once(signal, () => {
                toolkit.saveState(run_state/* CANCEL_STATE_KEY */.JW, 'true');
                toolkit.info(`Received ${signal}: cancelling the deployment`);
                cancel.abort(new errors.DeployError('CANCELLED', `the workflow was cancelled (${signal})`));
            });
        }
        // A crash stops the phases the way a cancel does, but is reported as the failure it is.
        const stop = AbortSignal.any([cancel.signal, crashed]);
        const status = await run(toolkit, { signal: stop });
        // Never back to 0: finish() may have failed the step after a successful run (outputs that
        // could not be written, notify_strict).
        if (status !== 'success' && status !== 'planned')
            process.exitCode = 1;
    }, options);
}


/***/ }),

/***/ 6958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Go: () => (/* binding */ withServiceDeadline),
/* harmony export */   Oi: () => (/* binding */ phase),
/* harmony export */   Wb: () => (/* binding */ withItemDeadline),
/* harmony export */   iq: () => (/* binding */ deployPhaseBudget)
/* harmony export */ });
/* unused harmony export UNDO_GRACE_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4506);
/* harmony import */ var _runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1170);



/**
 * Runs one phase under its own deadline and the run's cancel signal. The work sees both through
 * its signal and gets a grace period to clean up; a phase that overruns its deadline is a
 * TIMEOUT even if the work inside ignores its signal.
 */
async function phase(bus, stage, message, deadlineMs, cancel, work) {
    cancel.throwIfAborted();
    bus.emit({ type: 'stage', stage, message });
    const timedOut = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `${stage} did not finish within ${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(deadlineMs)}`);
    return (0,_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(cancel, deadlineMs, timedOut, work, { graceMs: _runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .STOP_GRACE_MS */ .Ts });
}
/**
 * After a service's deploy_timeout, how long its target may take to undo what it started (stop a
 * deployment, roll an Argo CD application back) before the service is reported without it.
 */
const UNDO_GRACE_MS = 30_000;
/**
 * Layers run one after another, each up to its slowest service's timeout and the grace to undo
 * it, plus a margin (the GitHub Deployment, the phase's own stop).
 */
function deployPhaseBudget(settings, plan) {
    const byName = new Map(plan.services.map(s => [s.name, s]));
    let total = 60_000;
    for (const layer of plan.layers) {
        // A service's verify check runs after its deploy, within the same layer.
        const timeouts = layer.map(name => {
            const deploy = byName.get(name)?.deploy;
            return (deploy?.timeoutMs ?? settings.deploy.timeoutMs) + (deploy?.verify?.timeoutMs ?? 0);
        });
        total += Math.max(0, ...timeouts) + UNDO_GRACE_MS;
    }
    return total;
}
/**
 * Runs one service's deploy under its deploy_timeout: every call the target makes, not only its
 * wait, ends there (a server that accepts the connection and never answers ends the service with
 * TIMEOUT, not the phase minutes later). The target's `signal` fires at the deadline; what undoes a
 * timed-out deploy runs on `undoSignal`, which fires only when the grace after it runs out (or on
 * a cancel, or at the phase's deadline).
 */
async function withServiceDeadline(signal, ms, work) {
    const undo = new AbortController();
    const undoSignal = AbortSignal.any([signal, undo.signal]);
    const timedOut = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `not deployed within ${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(ms)} (deploy_timeout)`);
    try {
        return await (0,_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(signal, ms, timedOut, s => work({ signal: s, undoSignal }), {
            graceMs: UNDO_GRACE_MS
        });
    }
    finally {
        // Settled or abandoned: an undo still under way stops here.
        undo.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', 'the grace to undo a timed-out deploy ran out'));
    }
}
/**
 * Runs one item of a phase (one build, one push) under its own deadline: at the deadline the
 * work's signal is aborted (the builder process is killed) and the item is a TIMEOUT at once, even
 * if the work ignores its signal. A cancel of the run ends it the same way, as CANCELLED (or with
 * the phase's own reason when that is a DeployError: the phase's deadline).
 */
async function withItemDeadline(signal, ms, what, work) {
    const cancelled = () => signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError
        ? signal.reason
        : new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('CANCELLED', `The ${what} was cancelled.`);
    if (signal.aborted)
        throw cancelled();
    const timedOut = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TIMEOUT', `The ${what} did not finish within ${(0,_runtime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(ms)}.`);
    try {
        return await (0,_runtime_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(signal, ms, timedOut, work);
    }
    catch (error) {
        // Whatever the work threw once it was stopped (an AbortError, a killed builder), it was stopped.
        if (signal.aborted)
            throw cancelled();
        throw error;
    }
}


/***/ }),

/***/ 7997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ formatTimestamp),
/* harmony export */   i: () => (/* binding */ clockFromEnv)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _settings_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);


/**
 * The run's clock, read once at the start and handed to everything else, and the timestamp that
 * tags of a run without a version carry.
 */
const timestampFormats = new Map();
/** yyMMddHHmm (24-hour) of an instant, as a wall clock in the IANA time zone shows it. */
function formatTimestamp(at, timezone) {
    if (!(0,_settings_values_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTimezone */ ._j)(timezone)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `timezone '${timezone}' is not an IANA time zone name`);
    }
    if (_settings_values_js__WEBPACK_IMPORTED_MODULE_1__/* .UTC_NAMES */ .oC.has(timezone)) {
        const iso = at.toISOString(); // 2026-11-24T07:00:00.000Z
        return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
    }
    let format = timestampFormats.get(timezone);
    if (format === undefined) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone: timezone,
            year: '2-digit',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23'
        });
        timestampFormats.set(timezone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(at).map(part => [part.type, part.value]));
    return `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}`;
}
/** The run's clock: SOURCE_DATE_EPOCH (seconds) when set, so rebuilds get the same tags; else now. */
function clockFromEnv(env) {
    const raw = env.SOURCE_DATE_EPOCH?.trim();
    if (raw === undefined || raw === '')
        return () => new Date();
    const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Number.NaN;
    if (Number.isNaN(new Date(ms).getTime())) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got '${raw}'`);
    }
    return () => new Date(ms);
}


/***/ }),

/***/ 9280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ recordLabel),
/* harmony export */   L6: () => (/* binding */ readDeploymentRecord),
/* harmony export */   deploymentRecord: () => (/* binding */ deploymentRecord),
/* harmony export */   recordPayload: () => (/* binding */ recordPayload)
/* harmony export */ });
/* unused harmony exports RECORD_SCHEMA_VERSION, RECORD_MAX_BYTES, RECORD_KEY, recordBytes */
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7934);

/**
 * What a successful run leaves in its GitHub Deployment's payload: the project's memory of what
 * runs where. `rollback` reads it back to put the exact digests back; the promotion gate reads a
 * stage record to let prod take only what stage ran. Versioned, so a later action can tell an old
 * record from a new one, and bounded, so GitHub always takes it.
 */
const RECORD_SCHEMA_VERSION = 1;
/**
 * GitHub documents no bound on a deployment's payload (the OpenAPI description says only "JSON
 * payload with extra information"); 65,535 bytes is the limit GitHub enforces on its other free-form
 * JSON payloads (a repository dispatch's client_payload), so a record stays under it.
 */
const RECORD_MAX_BYTES = 65_535;
const MAX_TEXT = 512;
const DIGEST_REF = /@sha256:[0-9a-f]{64}$/;
/**
 * Built when a record is first read: a run that only plans (a dry run) reads none, and building
 * the schema at load cost every start half a millisecond.
 */
function buildRecordSchema() {
    const text = valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(MAX_TEXT));
    const recordedService = valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        /** registry/repo:tag@sha256:..., the exact bits that ran; absent for a service without an image. */
        image: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(text, valibot__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(DIGEST_REF, 'an image reference by digest'))),
        /** Where it deployed, as a person reads it (ECS rolling shop/api, Argo CD app shop-webui). */
        target: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(text),
        /** The target's own identifiers, as it reported them (task_definition_arn, execution_arn). */
        outputs: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(64)), text))
    });
    return valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        schema: valibot__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(RECORD_SCHEMA_VERSION),
        deployment_id: text,
        environment: text,
        version: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(text),
        git_tag: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(text),
        image_tag: text,
        commit: valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[0-9a-f]{7,64}$/)),
        services: valibot__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(valibot__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .FsL(valibot__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), valibot__WEBPACK_IMPORTED_MODULE_0__/* .maxLength */ .Ru6(128)), recordedService),
        /** This run put back an earlier deployment: which one, and what ran before it (rolled back from). */
        rollback_of: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
            deployment: valibot__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
            version: text,
            from: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ deployment: valibot__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), version: text }))
        })),
        /** Who let this run past the promotion gate, and why. */
        gate_override: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ actor: text, reason: text })),
        /** Target outputs were left out to stay under RECORD_MAX_BYTES. */
        truncated: valibot__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .lqM(valibot__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY())
    });
}
let recordSchema;
/** The payload's key: other tools may keep their own keys beside it. */
const RECORD_KEY = 'deploy_pipeline';
/** The record of a run's plan; throws when even without target outputs it passes the bound. */
function deploymentRecord(input) {
    const { plan } = input;
    const clip = (s) => s.slice(0, MAX_TEXT);
    const services = {};
    for (const service of plan.services) {
        if (!service.deploy)
            continue;
        const image = input.images[service.name];
        const outputs = input.outputs?.get(service.name);
        const target = input.describeTarget(service);
        services[service.name] = {
            ...(image && DIGEST_REF.test(image) ? { image } : {}),
            ...(target ? { target: clip(target) } : {}),
            ...(outputs && Object.keys(outputs).length > 0
                ? {
                    outputs: Object.fromEntries(Object.entries(outputs).map(([k, value]) => [k.slice(0, 64), clip(value)]))
                }
                : {})
        };
    }
    const record = {
        schema: RECORD_SCHEMA_VERSION,
        deployment_id: clip(plan.deploymentId),
        environment: plan.environment,
        ...(plan.version.version ? { version: plan.version.version } : {}),
        ...(plan.version.gitTag ? { git_tag: plan.version.gitTag } : {}),
        image_tag: clip(plan.version.imageTag),
        commit: plan.commit,
        services,
        ...(plan.rollback
            ? {
                rollback_of: {
                    deployment: plan.rollback.to.id,
                    version: clip(plan.rollback.to.label),
                    ...(plan.rollback.from
                        ? {
                            from: {
                                deployment: plan.rollback.from.id,
                                version: clip(plan.rollback.from.label)
                            }
                        }
                        : {})
                }
            }
            : {}),
        ...(input.gateOverride
            ? {
                gate_override: {
                    actor: clip(input.gateOverride.actor),
                    reason: clip(input.gateOverride.reason)
                }
            }
            : {})
    };
    if (recordBytes(record) <= RECORD_MAX_BYTES)
        return record;
    const slim = {
        ...record,
        truncated: true,
        services: Object.fromEntries(Object.entries(services).map(([name, { outputs: _dropped, ...rest }]) => [name, rest]))
    };
    if (recordBytes(slim) <= RECORD_MAX_BYTES)
        return slim;
    throw new Error(`the deployment record of ${plan.services.length} services passes ${RECORD_MAX_BYTES} bytes`);
}
/** The payload a GitHub Deployment carries: the run's id (as before) and the record. */
function recordPayload(record) {
    return { deployment_id: record.deployment_id, [RECORD_KEY]: record };
}
function recordBytes(record) {
    return Buffer.byteLength(JSON.stringify(recordPayload(record)), 'utf8');
}
/**
 * The record in a deployment's payload, or undefined when there is none or it is not one this
 * action wrote (another tool's deployment, a newer schema, a hand-made payload): such deployments
 * are history this action cannot put back, never an error.
 */
function readDeploymentRecord(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value[RECORD_KEY];
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_0__/* .safeParse */ .xLC((recordSchema ??= buildRecordSchema()), record);
    return parsed.success ? parsed.output : undefined;
}
/** vX.Y.Z (the git tag) when the run made one, else the image tag: how a person names it. */
function recordLabel(record) {
    return record.git_tag ?? record.image_tag;
}


/***/ }),

/***/ 8122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ describePlan),
/* harmony export */   describeTarget: () => (/* binding */ describeTarget)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _rollback_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6755);


/** The plan as lines a person reads in the log and the job summary of a dry run. */
function describePlan(plan) {
    const v = plan.version;
    const lines = [
        `Environment: ${plan.environment}`,
        `Commit: ${plan.commit}`,
        `Deployment: ${plan.deploymentId}`,
        v.gitTag
            ? `Git tag: ${v.gitTag} (${v.reused ? 'already on this commit: reused' : 'to create'}; ${v.reason})`
            : 'Git tag: none (create_tag is false)',
        `Image tag: ${v.imageTag}`,
        ...(0,_rollback_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRollback */ .s)(plan),
        ...(plan.gate?.lines ?? [])
    ];
    if (plan.release) {
        const kind = plan.release.prerelease ? 'pre-release' : 'release, marked latest';
        const notes = plan.release.previousTag
            ? `notes since ${plan.release.previousTag}`
            : 'notes from the start';
        lines.push(`Release: ${plan.release.tag} (${kind}, ${notes})`);
    }
    if (plan.services.length === 0)
        lines.push('Services: none (version, tag and release only)');
    plan.layers.forEach((layer, index) => {
        lines.push(`Deploy step ${index + 1}: ${layer.join(', ')}`);
    });
    for (const service of plan.services) {
        const image = service.image;
        const imageText = !image
            ? 'no image'
            : image.action === 'promote'
                ? `promote ${image.promoteFrom} -> ${image.reference}`
                : image.action === 'rollback'
                    ? `roll back to ${image.reference}`
                    : image.action === 'skip'
                        ? `use existing ${image.reference}`
                        : `build ${image.reference}`;
        const verify = service.deploy?.verify;
        const check = verify
            ? `; then verify ${verify.url} answers HTTP ${verify.expectStatus}${verify.contains ? ` containing '${verify.contains}'` : ''}`
            : '';
        lines.push(`  ${service.name}: ${imageText}; ${describeTarget(service.deploy)}${check}`);
    }
    if (plan.changes) {
        const base = plan.changes.base ? `${plan.changes.base.slice(0, 7)}, ` : '';
        lines.push(`Changed only: compared with ${base}${plan.changes.baseFrom}`);
        for (const s of plan.changes.changed)
            lines.push(`  ${s.name} runs: ${s.reason}`);
        for (const s of plan.changes.unchanged)
            lines.push(`  ${s.name} left out: ${s.reason}`);
    }
    return lines;
}
/** Where a service deploys, as a person reads it. */
function describeTarget(target) {
    if (!target)
        return 'not deployed';
    switch (target.kind) {
        case 'ecs':
            return `ECS ${target.strategy} ${target.cluster}/${target.service}`;
        case 'stepfunctions':
            return `Step Functions (${target.mode}) ${target.stateMachineArn ?? target.secretName ?? ''}`.trim();
        case 'argocd':
            return `Argo CD app ${target.app}${target.server ? ` on ${target.server}` : ''}`;
        case 'cloudformation': {
            const region = target.region ? ` in ${target.region}` : '';
            const via = target.templateBucket ? `, template through s3://${target.templateBucket}` : '';
            return `CloudFormation stack ${target.stack}${region} (change set from ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(target.template)}${via})`;
        }
        case 'kubernetes': {
            const workloads = target.workloads.map(w => `${w.kind.toLowerCase()}/${w.name}`).join(', ');
            const container = target.container ? ` (container ${target.container})` : '';
            return `Kubernetes ${workloads}${container} in namespace ${target.namespace}${inContext(target.context)}`;
        }
        case 'helm': {
            const chart = target.repoUrl
                ? `${target.chart}${target.version ? ` ${target.version}` : ''} from ${target.repoUrl}`
                : target.chart;
            return `Helm release ${target.release} (chart ${chart}) in namespace ${target.namespace}${inContext(target.context)}`;
        }
    }
}
function inContext(context) {
    return context ? ` of context ${context}` : '';
}


/***/ }),

/***/ 6755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planRollback: () => (/* binding */ planRollback),
/* harmony export */   s: () => (/* binding */ describeRollback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _deployment_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9280);


/**
 * The plan of a rollback: the deployment to put back, chosen from the environment's history
 * (newest first), and each service set to deploy the digest that deployment recorded. Nothing is
 * built, pushed, tagged or released; the version is the one put back.
 */
function planRollback(plan, history, request) {
    const succeeded = history.filter(entry => entry.succeededAt !== undefined);
    const current = succeeded[0];
    const target = pickTarget(succeeded, current, request, plan.environment);
    const record = target.record;
    const untouched = [];
    const services = plan.services.map(service => {
        const recorded = record.services[service.name];
        if (!recorded?.image || !service.image) {
            if (service.deploy)
                untouched.push(service.name);
            return { ...service, deploy: undefined };
        }
        const image = recorded.image;
        return {
            ...service,
            image: {
                ...service.image,
                tag: record.image_tag,
                reference: image,
                action: 'rollback',
                promoteFrom: undefined
            }
        };
    });
    const label = (0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordLabel */ .Gn)(record);
    return {
        ...plan,
        commit: record.commit,
        version: {
            ...plan.version,
            version: record.version,
            gitTag: record.git_tag,
            imageTag: record.image_tag,
            reused: true,
            reason: `rollback to deployment ${target.id}`
        },
        release: undefined,
        services,
        rollback: {
            from: current && { id: current.id, label: (0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordLabel */ .Gn)(current.record) },
            to: { id: target.id, label },
            untouched
        }
    };
}
function pickTarget(succeeded, current, request, environment) {
    if (request === 'previous') {
        const previous = succeeded[1];
        if (previous)
            return previous;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `rollback: previous: ${environment} has ${succeeded.length === 0 ? 'no successful deployment recorded by this action' : `only one successful deployment recorded (${(0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_1__/* .recordLabel */ .Gn)(succeeded[0].record)}, deployment ${succeeded[0].id}), nothing before it`} to roll back to`);
    }
    const named = succeeded.find(entry => String(entry.id) === request ||
        entry.record.deployment_id === request ||
        entry.record.git_tag === request ||
        entry.record.image_tag === request);
    if (!named) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `rollback: no successful deployment to ${environment} matches '${request}' (a git tag, an image tag or a deployment id)`);
    }
    if (named === current) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('INVALID_INPUT', `rollback: '${request}' (deployment ${named.id}) is what ${environment} runs now: nothing to roll back`);
    }
    return named;
}
/** The plan's lines about a rollback. */
function describeRollback(plan) {
    const r = plan.rollback;
    if (!r)
        return [];
    return [
        `Rollback: ${r.from ? `${r.from.label} (deployment ${r.from.id})` : 'nothing recorded'} -> ${r.to.label} (deployment ${r.to.id})`,
        ...r.untouched.map(name => `  ${name}: added since ${r.to.label}, left as it is`)
    ];
}


/***/ }),

/***/ 9458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BR: () => (/* binding */ highest),
/* harmony export */   OP: () => (/* binding */ versionTags),
/* harmony export */   QS: () => (/* binding */ previousInChannel),
/* harmony export */   Y3: () => (/* binding */ reusableTag),
/* harmony export */   _Q: () => (/* binding */ parseVersionTag),
/* harmony export */   bT: () => (/* binding */ nextSequence),
/* harmony export */   d5: () => (/* binding */ nextSequenceTag),
/* harmony export */   dA: () => (/* binding */ newestReleaseCandidate),
/* harmony export */   qu: () => (/* binding */ baseTag),
/* harmony export */   wZ: () => (/* binding */ tagName)
/* harmony export */ });
/* unused harmony export compareTags */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _settings_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(535);


const VERSION_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-(dev|rc)\.(\d+))?$/;
const CHANNEL_ORDER = { dev: 0, rc: 1, stable: 2 };
/** Parses a tag that counts for versioning; every other tag name gives undefined. */
function parseVersionTag(name) {
    const match = VERSION_TAG.exec(name);
    if (match === null)
        return undefined;
    const numbers = [match[1], match[2], match[3], match[5] ?? '0'].map(Number);
    // semver orders only safe integers; a tag with a larger number cannot be ordered, so it is ignored.
    if (!numbers.every(Number.isSafeInteger))
        return undefined;
    const [major, minor, patch, n] = numbers;
    const version = `${major}.${minor}.${patch}`;
    const prerelease = match[4];
    return {
        name,
        version,
        channel: prerelease ?? 'stable',
        n,
        order: [major, minor, patch, CHANNEL_ORDER[prerelease ?? 'stable'], n]
    };
}
/** Negative when `a` comes before `b` in semver order, positive after, 0 for the same version. */
function compareTags(a, b) {
    for (const [index, value] of a.order.entries()) {
        const other = b.order[index] ?? 0;
        if (value !== other)
            return value < other ? -1 : 1;
    }
    return 0;
}
/** The version tags among all tags, lowest first. */
function versionTags(tags) {
    const parsed = [];
    for (const tag of tags) {
        const version = parseVersionTag(tag.name);
        if (version !== undefined)
            parsed.push({ ...version, sha: tag.sha });
    }
    return parsed.sort(compareTags);
}
function highest(tags) {
    return tags.at(-1);
}
/** The highest stable vX.Y.Z in semver order: the base the next version is bumped from. */
function baseTag(tags) {
    return highest(versionTags(tags).filter(tag => tag.channel === 'stable'))?.name;
}
/** The newest vX.Y.Z-rc.N of a version: what a prod deploy of X.Y.Z promotes. */
function newestReleaseCandidate(tags, version) {
    const wanted = (0,_settings_values_js__WEBPACK_IMPORTED_MODULE_1__/* .normaliseVersion */ .r8)(version);
    return highest(versionTags(tags).filter(tag => tag.channel === 'rc' && tag.version === wanted))
        ?.name;
}
/** A tag of the channel (and of the version, when one is asked for) already on the commit. */
function reusableTag(tags, channel, sha, version) {
    return highest(tags.filter(tag => tag.channel === channel &&
        sameCommit(tag.sha, sha) &&
        (version === undefined || tag.version === version)));
}
function sameCommit(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/** The tag of the same channel just before this one: release notes start there. */
function previousInChannel(tags, tag) {
    return highest(tags.filter(other => other.channel === tag.channel && compareTags(other, tag) < 0))
        ?.name;
}
function nextSequence(tags, version, channel) {
    const same = tags.filter(tag => tag.channel === channel && tag.version === version);
    return Math.max(0, ...same.map(tag => tag.n)) + 1;
}
function tagName(version, channel, n) {
    return channel === 'stable' ? `v${version}` : `v${version}-${channel}.${n}`;
}
/**
 * The next free -dev.N / -rc.N tag of the plan's version, given the tags as they are now (re-read
 * after creating the planned tag failed because a concurrent run took it). A stable tag has no
 * sequence: asking for one is a TAG_CONFLICT.
 */
function nextSequenceTag(plan, tags) {
    if (plan.version === undefined || plan.gitTag === undefined || plan.channel === 'stable') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.DeployError('TAG_CONFLICT', `tag ${plan.gitTag ?? plan.imageTag} has no -dev.N or -rc.N sequence to advance`);
    }
    const current = parseVersionTag(plan.gitTag)?.n ?? 0;
    const n = Math.max(current + 1, nextSequence(versionTags(tags), plan.version, plan.channel));
    return tagName(plan.version, plan.channel, n);
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bk: () => (/* binding */ needsCommitMessages),
  Uk: () => (/* binding */ planVersion),
  bC: () => (/* binding */ replanAfterTagCollision)
});

// UNUSED EXPORTS: resolveVersion

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/settings/values.ts
var values = __webpack_require__(535);
;// CONCATENATED MODULE: ./src/plan/bump.ts
// type, optional (scope), optional !, then ": description" (conventionalcommits.org 1.0.0).
const HEADER = /^([A-Za-z][\w-]*)(?:\([^()\r\n]*\))?(!?): \S/;
// The footer token must be upper case; BREAKING-CHANGE is its synonym.
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m;
function commitBump(message) {
    const newline = message.indexOf('\n');
    const header = HEADER.exec(newline === -1 ? message : message.slice(0, newline));
    const body = newline === -1 ? '' : message.slice(newline + 1);
    if (header?.[2] === '!' || BREAKING_FOOTER.test(body))
        return 'major';
    return header?.[1]?.toLowerCase() === 'feat' ? 'minor' : 'patch';
}
const BUMP_RANK = { patch: 0, minor: 1, major: 2 };
/** Conventional Commits: any breaking change bumps major, else any feat minor, else patch. */
function bumpFromCommits(messages) {
    let bump = 'patch';
    for (const message of messages) {
        const next = commitBump(message.trim());
        if (BUMP_RANK[next] > BUMP_RANK[bump])
            bump = next;
        if (bump === 'major')
            break;
    }
    return bump;
}

// EXTERNAL MODULE: ./src/plan/clock.ts
var clock = __webpack_require__(7997);
// EXTERNAL MODULE: ./src/plan/tags.ts
var plan_tags = __webpack_require__(9458);
;// CONCATENATED MODULE: ./src/plan/version.ts





const CHANNELS = { dev: 'dev', stage: 'rc', prod: 'stable' };
const AUTO_REASONS = {
    major: 'a breaking change',
    minor: 'a feat commit and no breaking change',
    patch: 'no feat commit or breaking change'
};
function nextVersion(input, base) {
    if (input.version !== undefined) {
        const version = (0,values/* normaliseVersion */.r8)(input.version);
        return { version, reason: `version input ${version}` };
    }
    const from = base === undefined ? '0.0.0 (no stable tag yet)' : base.name;
    if (input.bump !== 'auto') {
        return {
            version: bumped(base?.version ?? '0.0.0', input.bump),
            reason: `${input.bump} bump of ${from} (bump input)`
        };
    }
    const bump = bumpFromCommits(input.commitMessages);
    const count = input.commitMessages.length;
    const commits = `${count} commit${count === 1 ? '' : 's'}`;
    const range = base === undefined ? `${commits} (the whole history)` : `${commits} since ${base.name}`;
    return {
        version: bumped(base?.version ?? '0.0.0', bump),
        reason: `${bump} bump of ${from}: ${AUTO_REASONS[bump]} among ${range}`
    };
}
/** X.Y.Z bumped, as semver's inc bumps a release (the base is always X.Y.Z, never a prerelease). */
function bumped(version, kind) {
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    if (kind === 'major')
        return `${major + 1}.0.0`;
    if (kind === 'minor')
        return `${major}.${minor + 1}.0`;
    return `${major}.${minor}.${patch + 1}`;
}
function shortSha(sha) {
    return sha.slice(0, 7);
}
/** Computes the version, the git tag and the image tag of a run. */
function planVersion(input) {
    const timestamp = (0,clock/* formatTimestamp */.E)(input.now, input.timezone);
    const channel = CHANNELS[input.environment];
    if (!input.createTag) {
        return {
            version: undefined,
            gitTag: undefined,
            imageTag: `${input.environment === 'dev' ? 'dev' : 'rc'}-${timestamp}`,
            channel,
            reused: false,
            baseTag: undefined,
            reason: 'create_tag is false: the image tag is the time of the run',
            previousTag: undefined,
            timestamp
        };
    }
    const tags = (0,plan_tags/* versionTags */.OP)(input.tags);
    const base = (0,plan_tags/* highest */.BR)(tags.filter(tag => tag.channel === 'stable'));
    const requested = input.version === undefined ? undefined : (0,values/* normaliseVersion */.r8)(input.version);
    const reused = (0,plan_tags/* reusableTag */.Y3)(tags, channel, input.sha, requested);
    if (reused !== undefined) {
        return {
            version: reused.version,
            gitTag: reused.name,
            imageTag: reused.name,
            channel,
            reused: true,
            baseTag: base?.name,
            reason: `${reused.name} already points at ${shortSha(input.sha)}: reused`,
            previousTag: (0,plan_tags/* previousInChannel */.QS)(tags, reused),
            timestamp
        };
    }
    const { version, reason } = nextVersion(input, base);
    const n = (0,plan_tags/* nextSequence */.bT)(tags, version, channel);
    const name = (0,plan_tags/* tagName */.wZ)(version, channel, n);
    const taken = tags.find(tag => tag.name === name);
    if (taken !== undefined)
        throw stableConflict(name, taken.sha, input.sha);
    const planned = (0,plan_tags/* parseVersionTag */._Q)(name);
    return {
        version,
        gitTag: name,
        imageTag: name,
        channel,
        reused: false,
        baseTag: base?.name,
        reason,
        previousTag: (0,plan_tags/* previousInChannel */.QS)(tags, planned),
        timestamp
    };
}
function stableConflict(tag, existing, deployed) {
    return new errors.DeployError('TAG_CONFLICT', `tag ${tag} already exists on commit ${shortSha(existing)}, not on the deployed commit ` +
        `${shortSha(deployed)}; tags are never moved. Deploy ${shortSha(existing)} or choose another version.`);
}
/**
 * Whether planVersion will read commitMessages: only for an auto bump of a new tag. A tag reused on
 * the deployed commit, a version input or an explicit bump need no history (a shallow checkout works).
 */
function needsCommitMessages(input, tags) {
    if (!input.createTag || input.version !== undefined || input.bump !== 'auto')
        return false;
    return ((0,plan_tags/* reusableTag */.Y3)((0,plan_tags/* versionTags */.OP)(tags), CHANNELS[input.environment], input.sha, undefined) === undefined);
}
/** Lists the tags, reads the commits only when an auto bump needs them, and plans the version. */
async function resolveVersion(input) {
    const { source, signal, ...rest } = input;
    if (!rest.createTag)
        return planVersion({ ...rest, tags: [], commitMessages: [] });
    const tags = await source.listTags(signal);
    const commitMessages = needsCommitMessages(rest, tags)
        ? await source.commitMessagesSince(baseTag(tags), rest.sha, signal)
        : [];
    return planVersion({ ...rest, tags, commitMessages });
}
// --- after a lost race -------------------------------------------------------------------------
/**
 * What to do when creating plan.gitTag found it already there, given the re-read tags: a tag of the
 * channel (and version) on the deployed commit is reused; a stable tag on another commit is a
 * TAG_CONFLICT; a -dev.N / -rc.N taken by another commit moves on to the next free N. The caller
 * creates the returned plan's gitTag (unless reused) and repeats on another collision.
 */
function replanAfterTagCollision(plan, tags, sha) {
    const parsed = (0,plan_tags/* versionTags */.OP)(tags);
    const reused = (0,plan_tags/* reusableTag */.Y3)(parsed, plan.channel, sha, plan.version);
    if (reused !== undefined) {
        return {
            ...plan,
            gitTag: reused.name,
            imageTag: reused.name,
            reused: true,
            reason: `${reused.name} was created on ${shortSha(sha)} by a concurrent run: reused`,
            previousTag: (0,plan_tags/* previousInChannel */.QS)(parsed, reused)
        };
    }
    const taken = parsed.find(tag => tag.name === plan.gitTag);
    if (taken === undefined)
        return plan;
    if (plan.channel === 'stable')
        throw stableConflict(taken.name, taken.sha, sha);
    const next = (0,plan_tags/* nextSequenceTag */.d5)(plan, tags);
    return {
        ...plan,
        gitTag: next,
        imageTag: next,
        reason: `${plan.reason}; ${taken.name} was taken by a concurrent run on ${shortSha(taken.sha)}`,
        previousTag: (0,plan_tags/* previousInChannel */.QS)(parsed, (0,plan_tags/* parseVersionTag */._Q)(next))
    };
}


/***/ }),

/***/ 518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ CANCEL_STATE_KEY),
/* harmony export */   iZ: () => (/* binding */ saveRunState),
/* harmony export */   xz: () => (/* binding */ readRunState)
/* harmony export */ });
/* unused harmony export RUN_STATE_KEY */
/* harmony import */ var _events_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6556);

const invalidType = (expected, value) => `Invalid type: Expected ${expected} but received ${shown(value)}`;
const string = value => typeof value === 'string' ? undefined : invalidType('string', value);
const boolean = value => typeof value === 'boolean' ? undefined : invalidType('boolean', value);
const path = value => string(value) ?? (value === '' ? 'expected a path' : undefined);
const status = value => _events_model_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .L.includes(value)
    ? undefined
    : invalidType(`(${_events_model_js__WEBPACK_IMPORTED_MODULE_0__/* .RUN_STATUSES */ .L.map(name => `"${name}"`).join(' | ')})`, value);
const positiveInteger = value => {
    if (typeof value !== 'number')
        return invalidType('number', value);
    if (!Number.isInteger(value))
        return `Invalid integer: Received ${shown(value)}`;
    return value >= 1 ? undefined : `Invalid value: Expected >=1 but received ${shown(value)}`;
};
const optional = (check) => value => value === undefined ? undefined : check(value);
/**
 * The state file is outside the action's control (cut by a full disk, edited), so the post step
 * checks every field before it trusts one (it deletes under tempDir); a new field is one more
 * line here. Checked by hand, in valibot's words: valibot is 200 kB the post step would load
 * after every run, dry runs included, for nine fields.
 */
const savedRunFields = {
    deploymentId: string,
    eventsFile: path,
    tempDir: path,
    environment: string,
    finished: boolean,
    status: optional(status),
    githubDeploymentId: optional(positiveInteger),
    registryAuth: optional(boolean),
    helmValues: optional(boolean)
};
function shown(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
/** The saved run in `json` (its unknown keys left out), or its first problem, with the key. */
function checkSavedRun(json) {
    if (typeof json !== 'object' || json === null) {
        return { problem: invalidType('Object', json) };
    }
    const run = {};
    for (const [key, check] of Object.entries(savedRunFields)) {
        const value = json[key];
        const problem = check(value);
        if (problem)
            return { problem: `${key}: ${problem}` };
        if (value !== undefined)
            run[key] = value;
    }
    return { run: run };
}
const RUN_STATE_KEY = 'deploy_pipeline_run';
function saveRunState(core, run) {
    const saved = {
        deploymentId: run.settings.deploymentId,
        eventsFile: run.settings.eventsFile,
        tempDir: run.settings.context.tempDir,
        environment: run.settings.environment,
        finished: run.finished,
        ...(run.status ? { status: run.status } : {}),
        ...(run.githubDeploymentId ? { githubDeploymentId: run.githubDeploymentId } : {}),
        ...(logsInToRegistries(run.settings) ? { registryAuth: true } : {}),
        ...(writesHelmSecrets(run.settings) ? { helmValues: true } : {})
    };
    core.saveState(RUN_STATE_KEY, JSON.stringify(saved));
}
/** BUILD logs in to registries for the builder; only services with a build do. */
function logsInToRegistries(settings) {
    return !settings.dryRun && settings.services.some(service => service.build);
}
/** DEPLOY writes a 0600 values file for each helm service with set_secret. */
function writesHelmSecrets(settings) {
    return (!settings.dryRun &&
        settings.services.some(service => service.deploy?.kind === 'helm' && Object.keys(service.deploy.setSecret).length > 0));
}
function readRunState(core) {
    const raw = core.getState(RUN_STATE_KEY);
    if (!raw)
        return { run: undefined };
    let json;
    try {
        json = JSON.parse(raw);
    }
    catch {
        return { run: undefined, problem: 'the saved run state is unusable: not JSON' };
    }
    const checked = checkSavedRun(json);
    if ('run' in checked)
        return checked;
    return { run: undefined, problem: `the saved run state is unusable: ${checked.problem}` };
}
/** Set by the main step the moment it receives SIGINT/SIGTERM. */
const CANCEL_STATE_KEY = 'deploy_pipeline_cancel';


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

/***/ 9972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var valibot__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7934);

/** For what the action wrote and reads back later (state, event log), which may come back cut. */
function parseJson(schema, text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, notJson: true, problem: 'not JSON' };
    }
    const parsed = valibot__WEBPACK_IMPORTED_MODULE_0__/* .safeParse */ .xLC(schema, json);
    if (parsed.success)
        return { ok: true, value: parsed.output };
    const issue = parsed.issues[0];
    const path = valibot__WEBPACK_IMPORTED_MODULE_0__/* .getDotPath */ .BuJ(issue);
    return { ok: false, notJson: false, problem: path ? `${path}: ${issue.message}` : issue.message };
}


/***/ })

};

//# sourceMappingURL=5740.index.js.map