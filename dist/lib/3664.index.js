export const id = 3664;
export const ids = [3664];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=3664.index.js.map