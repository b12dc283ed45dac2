export const id = 701;
export const ids = [701];
export const modules = {

/***/ 8701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notificationSinks: () => (/* binding */ notificationSinks),
/* harmony export */   strictNotificationFailure: () => (/* binding */ strictNotificationFailure)
/* harmony export */ });
/* harmony import */ var _card_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6807);
/* harmony import */ var _discord_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9841);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6961);
/* harmony import */ var _slack_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7569);
/* harmony import */ var _slack_webhook_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5089);
/* harmony import */ var _status_card_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8862);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8004);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4920);








async function notificationSinks(settings, plan, core, tuning = {}) {
    const notify = settings.notify;
    const call = { ..._http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CALL_TUNING */ .f$, ...tuning.call };
    const warnings = new _warnings_js__WEBPACK_IMPORTED_MODULE_6__/* .NotificationWarnings */ .l(core, [
        notify.slackBotToken,
        notify.slackWebhookUrl,
        notify.discordWebhookUrl,
        notify.webhookUrl
    ]);
    if (settings.dryRun)
        return { sinks: [], warnings };
    const channels = [];
    if (notify.slackBotToken && notify.slackChannel) {
        const api = await (0,_slack_js__WEBPACK_IMPORTED_MODULE_2__/* .createSlackApi */ .hC)(notify.slackBotToken, notify.slackApiUrl, call, m => core.debug(warnings.redact(m)));
        const recipient = (0,_slack_js__WEBPACK_IMPORTED_MODULE_2__/* .chooseRecipient */ .xP)({ ...notify, ...settings.context });
        channels.push(new _slack_js__WEBPACK_IMPORTED_MODULE_2__/* .SlackCardChannel */ .y4(api, notify.slackChannel, recipient, warnings));
    }
    else if (notify.slackBotToken) {
        warnings.warn('Slack', 'slack_bot_token is set but slack_channel is empty: no status card');
    }
    if (notify.slackWebhookUrl) {
        channels.push(new _slack_webhook_js__WEBPACK_IMPORTED_MODULE_3__/* .SlackWebhookChannel */ .b(notify.slackWebhookUrl, warnings, call));
    }
    if (notify.discordWebhookUrl) {
        channels.push(new _discord_js__WEBPACK_IMPORTED_MODULE_0__/* .DiscordCardChannel */ .a(notify.discordWebhookUrl, notify.discordMention, warnings, call));
    }
    const sinks = [];
    if (channels.length > 0 || notify.webhookUrl) {
        // Kept even without a card channel: its saved state lets the post step end the event stream.
        sinks.push(new _status_card_js__WEBPACK_IMPORTED_MODULE_4__/* .StatusCardSink */ .gU((0,_card_js__WEBPACK_IMPORTED_MODULE_7__/* .newCard */ .t5)(cardContext(settings)), channels, plan, core, tuning.card));
    }
    if (notify.webhookUrl) {
        // A few bytes per event in the state file: the post step must know where delivery stopped.
        const delivered = (id) => core.saveState(_webhook_js__WEBPACK_IMPORTED_MODULE_5__/* .DELIVERED_STATE_KEY */ .N, String(id));
        sinks.push(new _webhook_js__WEBPACK_IMPORTED_MODULE_5__/* .EventWebhookSink */ .B(notify.webhookUrl, warnings, call, delivered));
    }
    return { sinks, warnings };
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
