import { discordServerContract } from './contracts/discord.js'
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
 * 404 10008 Unknown Message, 400 50035 Invalid Form Body when the embeds together break the
 * 6000-character limit. Every request is checked against Discord's own OpenAPI description first
 * (contracts/discord.ts): a request off it, a field over its documented limit included, is
 * refused as Discord refuses it and fails the test at close. A message pings only the users its
 * allowed_mentions let through, and only when it is created.
 */
export interface DiscordSimMessage {
  id: string
  /** Every version: the post, then each edit. */
  versions: { content: string | undefined; embeds: DiscordSimEmbed[] }[]
  /** Users notified when the message was created. */
  pinged: string[]
  pingedEveryone: boolean
  /** When it was posted and last edited, as Discord's ISO timestamps. */
  postedAt: string
  editedAt: string | undefined
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
        postedAt: new Date().toISOString(),
        editedAt: undefined,
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
      message.editedAt = new Date().toISOString()
      calls.push('PATCH')
      return { status: 200, body: answer(message, webhookId) }
    }
    return error(405, 0, '405: Method Not Allowed')
  }

  const server = await startHttpServer(handle, { contract: discordServerContract() })

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

/**
 * What the description cannot say: a message needs content or an embed, and the embeds together
 * hold at most 6000 characters. Each field's own limit is in the description (the contract).
 */
function validate(body: Record<string, unknown>): SimResponse | undefined {
  const embeds = Array.isArray(body.embeds) ? (body.embeds as DiscordSimEmbed[]) : []
  const text = typeof body.content === 'string' ? body.content : ''
  if (!text && embeds.length === 0) return error(400, 50006, 'Cannot send an empty message')
  const total = embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title ?? '').length +
      (embed.description ?? '').length +
      (embed.footer?.text ?? '').length +
      (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0),
    0
  )
  if (total <= 6000) return undefined
  const tooLong = [
    { code: 'BASE_TYPE_MAX_LENGTH', message: 'Embed size exceeds maximum size of 6000' }
  ]
  return {
    status: 400,
    body: { message: 'Invalid Form Body', code: 50035, errors: { embeds: { _errors: tooLong } } }
  }
}

/** The message as Discord answers it, its fields in Discord's order. */
function answer(message: DiscordSimMessage, webhookId: string): Record<string, unknown> {
  const last = message.versions[message.versions.length - 1]
  return {
    type: 0,
    content: last?.content ?? '',
    mentions: message.pinged.map(id => user(id, `user${id.slice(-4)}`)),
    mention_roles: [],
    attachments: [],
    embeds: (last?.embeds ?? []).map(embed => ({
      type: 'rich',
      ...embed,
      ...(embed.fields ? { fields: embed.fields.map(f => ({ inline: false, ...f })) } : {})
    })),
    timestamp: message.postedAt,
    edited_timestamp: message.editedAt ?? null,
    flags: 0,
    components: [],
    id: message.id,
    channel_id: '998877665544332211',
    author: { ...user(webhookId, 'Deploy Pipeline'), bot: true },
    pinned: false,
    mention_everyone: message.pingedEveryone,
    tts: false,
    webhook_id: webhookId
  }
}

/** A user as Discord shows one in a message (a webhook's author is one too). */
function user(id: string, username: string): Record<string, unknown> {
  return {
    id,
    username,
    avatar: null,
    discriminator: '0000',
    public_flags: 0,
    flags: 0,
    global_name: null,
    primary_guild: null
  }
}
