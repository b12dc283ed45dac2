import {
  startHttpServer,
  type Fault,
  type SimRequest,
  type SimResponse,
  type SimServer
} from './http.js'

/**
 * Discord webhooks as the REST API defines them: execute with POST /api/webhooks/{id}/{token}
 * (`?wait=true` returns the message, else 204), edit with PATCH .../messages/{message_id}, read
 * one of the webhook's own messages with GET .../messages/{message_id}. The message comes back
 * with its fields in Discord's order: the id after the embeds, the author (whose id is the
 * webhook's) after it.
 * Errors are JSON `{message, code}`: 404 10015 Unknown Webhook, 401 50027 Invalid Webhook Token,
 * 404 10008 Unknown Message, 400 50035 Invalid Form Body when an embed breaks a limit. A message
 * pings only the users its allowed_mentions let through, and only when it is created.
 */
export interface DiscordSimMessage {
  id: string
  /** Every version: the post, then each edit. */
  versions: { content: string | undefined; embeds: DiscordSimEmbed[] }[]
  /** Users notified when the message was created. */
  pinged: string[]
  pingedEveryone: boolean
}

export interface DiscordSimEmbed {
  title?: string
  description?: string
  color?: number
  fields?: { name: string; value: string }[]
  footer?: { text: string }
}

export interface DiscordSimulator extends SimServer {
  /** The webhook URL to configure (discord_webhook_url). */
  readonly webhookUrl: string
  /** "POST" and "PATCH" answered with success, in order. */
  readonly calls: string[]
  readonly messages: DiscordSimMessage[]
  /** The webhook is deleted: every later call is a 404 Unknown Webhook. */
  deleteWebhook(): void
  /**
   * The next `times` matching calls are carried out, but their answer is cut mid-body, as when a
   * proxy in between breaks it or the connection drops (`reset`): the message exists. Cut before
   * the message's id (the default), the client cannot know it; cut after it, the id arrived.
   */
  cutAnswers(
    match: (request: SimRequest) => boolean,
    times?: number,
    how?: { at?: 'before-id' | 'after-id'; reset?: boolean }
  ): void
}

export function discordRateLimited(retryAfterSeconds: number): Fault {
  return {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': String(Math.ceil(retryAfterSeconds)) },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false }
  }
}

export async function startDiscordSimulator(): Promise<DiscordSimulator> {
  const webhookId = '112233445566778899'
  const token = 'sim-WEBHOOK-token_0123456789abcdef'
  const calls: string[] = []
  const messages: DiscordSimMessage[] = []
  let deleted = false
  let nextId = 1_200_000_000_000_000_000n

  const handle = (request: SimRequest): SimResponse => {
    const match = /^\/api\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(\d+))?$/.exec(request.path)
    if (!match || match[1] !== webhookId || deleted) return error(404, 10015, 'Unknown Webhook')
    if (match[2] !== token) return error(401, 50027, 'Invalid Webhook Token')
    if (request.method === 'GET' && match[3]) {
      const message = messages.find(m => m.id === match[3])
      if (!message) return error(404, 10008, 'Unknown Message')
      return { status: 200, body: answer(message, webhookId) }
    }
    const body = request.json<Record<string, unknown>>() ?? {}
    const invalid = validate(body)
    if (invalid) return invalid
    if (request.method === 'POST' && !match[3]) {
      const message: DiscordSimMessage = {
        id: String(nextId++),
        versions: [content(body)],
        ...pings(body)
      }
      messages.push(message)
      calls.push('POST')
      return request.url.searchParams.get('wait') === 'true'
        ? { status: 200, body: answer(message, webhookId) }
        : { status: 204 }
    }
    if (request.method === 'PATCH' && match[3]) {
      const message = messages.find(m => m.id === match[3])
      if (!message) return error(404, 10008, 'Unknown Message')
      const last = message.versions[message.versions.length - 1]
      message.versions.push({ ...last, ...content(body) })
      calls.push('PATCH')
      return { status: 200, body: answer(message, webhookId) }
    }
    return error(405, 0, '405: Method Not Allowed')
  }

  const server = await startHttpServer(handle)

  return Object.assign(server, {
    webhookUrl: `${server.url}/api/webhooks/${webhookId}/${token}`,
    calls,
    messages,
    deleteWebhook: () => {
      deleted = true
    },
    cutAnswers: (match, times = 1, how = {}) => {
      // Just before the message's own "id", or partway into the author that follows it.
      const keep = (body: string): string =>
        how.at === 'after-id'
          ? body.slice(0, body.indexOf('"author"') + 14)
          : body.slice(0, body.indexOf('"id"'))
      server.faults.inject({ kind: 'cut-body', keep, reset: how.reset }, { match, times })
    }
  } satisfies Omit<DiscordSimulator, keyof SimServer>)
}

function error(status: number, code: number, message: string): SimResponse {
  return { status, body: { message, code } }
}

function content(body: Record<string, unknown>): DiscordSimMessage['versions'][number] {
  return {
    content: typeof body.content === 'string' ? body.content : undefined,
    embeds: Array.isArray(body.embeds) ? (body.embeds as DiscordSimEmbed[]) : []
  }
}

/** Who a new message notifies: mentions in content, filtered through allowed_mentions. */
function pings(
  body: Record<string, unknown>
): Pick<DiscordSimMessage, 'pinged' | 'pingedEveryone'> {
  const text = typeof body.content === 'string' ? body.content : ''
  const allowed = body.allowed_mentions as { parse?: string[]; users?: string[] } | undefined
  const mentioned = [...text.matchAll(/<@!?(\d+)>/g)].map(m => m[1] as string)
  const pinged = mentioned.filter(id =>
    allowed === undefined
      ? true
      : (allowed.parse ?? []).includes('users') || (allowed.users ?? []).includes(id)
  )
  const everyone =
    /@(everyone|here)/.test(text) &&
    (allowed === undefined || (allowed.parse ?? []).includes('everyone'))
  return { pinged, pingedEveryone: everyone }
}

/** Discord's documented limits; a breach is 400 Invalid Form Body as Discord answers it. */
function validate(body: Record<string, unknown>): SimResponse | undefined {
  const embeds = Array.isArray(body.embeds) ? (body.embeds as DiscordSimEmbed[]) : []
  const text = typeof body.content === 'string' ? body.content : ''
  if (!text && embeds.length === 0) return error(400, 50006, 'Cannot send an empty message')
  const problems: string[] = []
  if (text.length > 2000) problems.push('content: Must be 2000 or fewer in length.')
  if (embeds.length > 10) problems.push('embeds: Must be 10 or fewer in length.')
  let total = 0
  embeds.forEach((embed, i) => {
    const fields = embed.fields ?? []
    if ((embed.title ?? '').length > 256) problems.push(`embeds.${i}.title`)
    if ((embed.description ?? '').length > 4096) problems.push(`embeds.${i}.description`)
    if (fields.length > 25) problems.push(`embeds.${i}.fields`)
    fields.forEach((f, j) => {
      if (!f.name || f.name.length > 256) problems.push(`embeds.${i}.fields.${j}.name`)
      if (!f.value || f.value.length > 1024) problems.push(`embeds.${i}.fields.${j}.value`)
    })
    if ((embed.footer?.text ?? '').length > 2048) problems.push(`embeds.${i}.footer.text`)
    total +=
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  })
  if (total > 6000) problems.push('embeds: Embed size exceeds maximum size of 6000')
  if (problems.length === 0) return undefined
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problems } }
}

function answer(message: DiscordSimMessage, webhookId: string): Record<string, unknown> {
  const last = message.versions[message.versions.length - 1]
  return {
    type: 0,
    channel_id: '998877665544332211',
    content: last?.content ?? '',
    embeds: last?.embeds ?? [],
    id: message.id,
    author: { id: webhookId, username: 'Deploy Pipeline', bot: true },
    mentions: message.pinged.map(id => ({ id })),
    webhook_id: webhookId
  }
}
