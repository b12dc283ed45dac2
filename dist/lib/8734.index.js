export const id = 8734;
export const ids = [8734];
export const modules = {

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

//# sourceMappingURL=8734.index.js.map