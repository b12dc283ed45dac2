export const id = 1476;
export const ids = [1476];
export const modules = {

/***/ 1476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   evaluateGate: () => (/* binding */ evaluateGate)
/* harmony export */ });
/* unused harmony export stamp */
/* harmony import */ var _deployment_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9280);

function evaluateGate(input) {
    const { gate, candidate, now, timezone, environment } = input;
    const from = gate.promoteFrom;
    const refusals = [];
    const lines = [];
    const name = candidate.version ? `v${candidate.version}` : candidate.commit.slice(0, 7);
    const matches = input.history.filter(entry => sameBits(entry, candidate));
    // Oldest success first: the soak counts from the first time it ran there.
    const ran = matches.filter(e => e.succeededAt !== undefined).reverse()[0];
    if (!ran) {
        refusals.push(`${name} (commit ${candidate.commit.slice(0, 7)}) was never deployed successfully to ${from}: ${environment} takes only what ${from} ran`);
    }
    else {
        const since = new Date(ran.succeededAt);
        const eligible = new Date(since.getTime() + gate.soakMs);
        lines.push(`Gate: ${name} ran on ${from} since ${stamp(since, timezone)} (${(0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_0__/* .recordLabel */ .Gn)(ran.record)}, deployment ${ran.id})`);
        if (eligible.getTime() > now.getTime()) {
            refusals.push(`${name} has run on ${from} since ${stamp(since, timezone)} (deployment ${ran.id}), less than the soak of ${duration(gate.soakMs)}: eligible at ${stamp(eligible, timezone)}`);
        }
        const spoiled = input.history.find(e => e.id !== ran.id &&
            e.createdAt >= ran.createdAt &&
            ((sameVersion(e, candidate) && e.failedAt !== undefined) ||
                e.record.rollback_of?.from?.version === (0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_0__/* .recordLabel */ .Gn)(ran.record)));
        if (spoiled) {
            const what = spoiled.failedAt !== undefined ? 'failed' : 'was rolled back';
            refusals.push(`a later ${from} deployment of ${name} ${what} (${(0,_deployment_record_js__WEBPACK_IMPORTED_MODULE_0__/* .recordLabel */ .Gn)(spoiled.record)}, deployment ${spoiled.id}, ${stamp(new Date(spoiled.failedAt ?? spoiled.createdAt), timezone)}): not eligible until ${from} runs it successfully again`);
        }
    }
    const window = windowState(gate, now, timezone);
    if (!window.open) {
        refusals.push(`${environment} is closed at ${stamp(now, timezone)} (${window.why}): next open time ${window.next ? stamp(window.next, timezone) : 'none within 8 days'}`);
    }
    return { open: refusals.length === 0, refusals, lines };
}
/** The same images (by digest, when the candidate knows them), else the same version and commit. */
function sameBits(entry, candidate) {
    if (candidate.images) {
        const recorded = Object.values(entry.record.services).map(s => s.image && digestOf(s.image));
        return Object.values(candidate.images).every(image => recorded.includes(digestOf(image)));
    }
    return sameVersion(entry, candidate) && entry.record.commit === candidate.commit;
}
function sameVersion(entry, candidate) {
    return candidate.version !== undefined && entry.record.version === candidate.version;
}
function digestOf(image) {
    return image.slice(image.lastIndexOf('@') + 1);
}
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
function windowState(gate, now, timezone) {
    if (gate.windows.length === 0 && gate.deny.length === 0) {
        return { open: true, why: '', next: undefined };
    }
    const at = localTime(timezone);
    const openAt = (t) => {
        const local = at(t);
        if (gate.deny.some(w => inWindow(w, local)))
            return false;
        return gate.windows.length === 0 || gate.windows.some(w => inWindow(w, local));
    };
    if (openAt(now))
        return { open: true, why: '', next: undefined };
    const local = at(now);
    const deny = gate.deny.find(w => inWindow(w, local));
    const why = deny
        ? `deny window ${deny.text} ${timezone}`
        : `outside ${gate.windows.map(w => w.text).join(', ')} ${timezone}`;
    // Minute by minute from the next whole minute: windows are given in minutes.
    const start = Math.floor(now.getTime() / 60_000) * 60_000 + 60_000;
    for (let t = start; t < start + 8 * 24 * 60 * 60_000; t += 60_000) {
        if (openAt(new Date(t)))
            return { open: false, why, next: new Date(t) };
    }
    return { open: false, why, next: undefined };
}
function inWindow(window, local) {
    return (window.days.includes(local.day) &&
        local.minute >= window.startMinute &&
        local.minute < window.endMinute);
}
function localTime(timezone) {
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23'
    });
    return t => {
        const parts = Object.fromEntries(format.formatToParts(t).map(p => [p.type, p.value]));
        return {
            day: DAY_NAMES.indexOf(String(parts.weekday).toLowerCase().slice(0, 3)),
            minute: Number(parts.hour) * 60 + Number(parts.minute)
        };
    };
}
/** 2026-11-24 09:00 Asia/Seoul (2026-11-24T00:00Z): both, so no one converts under pressure. */
function stamp(t, timezone) {
    const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23'
    }).format(t);
    return `${local} ${timezone} (${t.toISOString().slice(0, 16)}Z)`;
}
function duration(ms) {
    const minutes = Math.round(ms / 60_000);
    if (minutes % 60 === 0)
        return `${minutes / 60}h`;
    return `${minutes}m`;
}


/***/ })

};

//# sourceMappingURL=1476.index.js.map