import type { Toolkit } from '../toolkit.js'

/**
 * Where notification trouble goes: one warning annotation per channel and reason, kept as lines
 * for the job summary. Every text is scrubbed of the tokens and webhook URLs it was given first:
 * settings masks them for the runner's log, but the summary and test output are not masked.
 */
export class NotificationWarnings {
  readonly lines: string[] = []
  private readonly secrets: string[]

  constructor(
    private readonly core: Pick<Toolkit, 'warning' | 'notice'>,
    secrets: readonly (string | undefined)[]
  ) {
    this.secrets = secrets.flatMap(secret => (secret ? secretForms(secret) : []))
  }

  warn(channel: string, message: string): void {
    const line = this.redact(`${channel}: ${message}`)
    if (this.lines.includes(line)) return
    this.lines.push(line)
    this.core.warning(line)
  }

  /** Something the user may want to know that is not trouble (no DM on a schedule run). */
  notice(channel: string, message: string): void {
    this.core.notice(this.redact(`${channel}: ${message}`))
  }

  redact(text: string): string {
    let out = text
    for (const secret of this.secrets) out = out.split(secret).join('***')
    return redactWebhookUrls(out)
  }
}

/**
 * The secret as given and as URL-encoding would show it (a token inside a form body or URL). For
 * a URL also the parts a receiver echoes on their own: the path and query (Express answers
 * "Cannot POST /path"), and any user:password.
 */
function secretForms(secret: string): string[] {
  const forms = new Set([secret])
  const url = URL.canParse(secret) ? new URL(secret) : undefined
  if (url?.protocol === 'http:' || url?.protocol === 'https:') {
    // Only parts long enough not to match ordinary text ("/" or "/api").
    const path = [`${url.pathname}${url.search}`, url.pathname].filter(part => part.length >= 6)
    path.forEach(part => forms.add(part))
    if (url.password) forms.add(`${url.username}:${url.password}`).add(url.password)
  }
  for (const form of [...forms]) forms.add(encodeURIComponent(form))
  return [...forms].filter(form => form.length >= 4).sort((a, b) => b.length - a.length)
}

/** Webhook URLs carry their credential in the path; hide it wherever a library quoted one. */
export function redactWebhookUrls(text: string): string {
  return text
    .replace(/(\/api\/webhooks\/\d+\/)[\w-]+/g, '$1***')
    .replace(/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[\w/-]+/g, '$1***')
    .replace(/xox[abposr]-[\w-]+/g, 'xox*-***')
}
