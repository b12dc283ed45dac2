import { slackServerContract } from './contracts/slack.js'
import {
  startHttpServer,
  type Fault,
  type SimRequest,
  type SimResponse,
  type SimServer
} from './http.js'

/**
 * The Slack Web API as @slack/web-api speaks it: POST {base}/<method>, the token as a Bearer
 * header (or a `token` field), a form-encoded body whose objects (blocks, attachments) are JSON
 * strings, or a JSON body. Every answer is HTTP 200 with `ok`; errors are `ok: false` with the
 * error's name, as Slack does, except rate limiting (HTTP 429 with Retry-After). It keeps the
 * channels' messages with every version they went through, so tests can read what people saw.
 * Every call is checked against Slack's own Web API description first (contracts/slack.ts).
 */
export interface SlackSimMessage {
  channel: string
  ts: string
  threadTs: string | undefined
  /** Every version of the message: the post, then each update. */
  versions: SlackSimContent[]
}

export interface SlackSimContent {
  text: string
  blocks: unknown
  attachments: unknown
}

export interface SlackSimOptions {
  token: string
  /** Channel id -> whether the bot is a member, its name, whether it is archived. */
  channels?: Record<string, SlackSimChannel>
  users?: { id: string; email: string }[]
  /** The bot token's scopes; conversations.info needs channels:read. Default: all it needs. */
  scopes?: string[]
}

export interface SlackSimChannel {
  member: boolean
  name?: string
  archived?: boolean
}

const BOT = {
  user: 'deploy-bot',
  user_id: 'UBOT',
  bot_id: 'B0DEPLOYBOT',
  team: 'Acme',
  team_id: 'T0ACME0001'
}
const DEFAULT_SCOPES = ['chat:write', 'im:write', 'users:read', 'users:read.email', 'channels:read']

export interface SlackSimulator extends SimServer {
  /** The base URL to give the client (slack_api_url). */
  readonly apiUrl: string
  /** Methods answered `ok: true`, in order. */
  readonly calls: string[]
  readonly messages: SlackSimMessage[]
  /** Direct-message channel id -> user id, as conversations.open made them. */
  readonly dmChannels: Map<string, string>
  message(channel: string, ts: string): SlackSimMessage | undefined
}

/** For FaultPlan.inject: Slack's rate limit answer. */
export function slackRateLimited(retryAfterSeconds: number): Fault {
  return {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { ok: false, error: 'ratelimited' }
  }
}

/** For FaultPlan.inject: an `ok: false` answer with that error name. */
export function slackError(error: string): Fault {
  return { kind: 'status', status: 200, body: { ok: false, error } }
}

export function slackMethod(method: string): (request: SimRequest) => boolean {
  return request => request.path.endsWith(`/${method}`)
}

export async function startSlackSimulator(options: SlackSimOptions): Promise<SlackSimulator> {
  const channels = new Map(Object.entries(options.channels ?? { C0DEPLOYS: { member: true } }))
  const users = options.users ?? []
  const calls: string[] = []
  const messages: SlackSimMessage[] = []
  const dmChannels = new Map<string, string>()
  let clock = 1_790_000_000

  const find = (channel: string, ts: string): SlackSimMessage | undefined =>
    messages.find(m => m.channel === channel && m.ts === ts)

  const scopes = options.scopes ?? DEFAULT_SCOPES
  const methods: Record<string, (args: Args) => Record<string, unknown>> = {
    'auth.test': () => ({ url: 'https://acme.slack.example/', ...BOT }),
    'conversations.info': args => {
      if (!scopes.includes('channels:read')) {
        return {
          error: 'missing_scope',
          needed: 'channels:read,groups:read,mpim:read,im:read',
          provided: scopes.join(',')
        }
      }
      const id = args.string('channel')
      const known = channels.get(id)
      if (!known) return { error: 'channel_not_found' }
      const name = known.name ?? id.toLowerCase()
      const about = { value: '', creator: '', last_set: 0 }
      return {
        channel: {
          id,
          name,
          name_normalized: name,
          created: 1_700_000_000,
          creator: 'U0CREATOR',
          is_channel: true,
          is_group: false,
          is_im: false,
          is_mpim: false,
          is_general: false,
          is_shared: false,
          is_org_shared: false,
          is_private: false,
          is_archived: known.archived ?? false,
          is_member: known.member,
          topic: about,
          purpose: about
        }
      }
    },
    'chat.postMessage': args => {
      const channel = args.string('channel')
      const problem = channelProblem(channel)
      if (problem) return { error: problem }
      const content = readContent(args)
      if ('error' in content) return content
      const threadTs = args.optional('thread_ts')
      if (threadTs && !find(channel, threadTs)) return { error: 'thread_not_found' }
      const ts = `${clock++}.000100`
      messages.push({ channel, ts, threadTs, versions: [content] })
      return {
        channel,
        ts,
        message: { type: 'message', ts, text: content.text, bot_id: BOT.bot_id, user: BOT.user_id }
      }
    },
    'chat.update': args => {
      const channel = args.string('channel')
      const problem = channelProblem(channel)
      if (problem) return { error: problem }
      const message = find(channel, args.string('ts'))
      if (!message) return { error: 'message_not_found' }
      const content = readContent(args)
      if ('error' in content) return content
      message.versions.push(content)
      return { channel, ts: message.ts, text: content.text, message: { text: content.text } }
    },
    'users.lookupByEmail': args => {
      const email = args.string('email').toLowerCase()
      const user = users.find(u => u.email.toLowerCase() === email)
      return user ? { user: userJson(user) } : { error: 'users_not_found' }
    },
    'conversations.open': args => {
      const id = args.string('users')
      if (!users.some(u => u.id === id)) return { error: 'user_not_found' }
      // A direct message's channel id, at least as long as Slack's ids are.
      const channel = `D${id}`.padEnd(9, '0')
      dmChannels.set(channel, id)
      return { channel: { id: channel } }
    }
  }

  function channelProblem(channel: string): string | undefined {
    if (dmChannels.has(channel)) return undefined
    const known = channels.get(channel)
    if (!known) return 'channel_not_found'
    if (known.archived) return 'is_archived'
    return known.member ? undefined : 'not_in_channel'
  }

  const server = await startHttpServer(
    (request): SimResponse => {
      const method = request.path.replace(/^\/api\//, '')
      const args = parseArgs(request)
      const auth =
        String(request.headers.authorization ?? '').replace(/^Bearer /, '') ||
        args.optional('token')
      if (!auth) return { body: { ok: false, error: 'not_authed' } }
      if (auth !== options.token) return { body: { ok: false, error: 'invalid_auth' } }
      const handler = methods[method]
      if (!handler) return { body: { ok: false, error: 'unknown_method' } }
      const result = handler(args)
      if ('error' in result) return { body: { ok: false, ...result } }
      calls.push(method)
      return { body: { ok: true, ...result } }
    },
    { contract: slackServerContract() }
  )

  return Object.assign(server, {
    apiUrl: `${server.url}/api/`,
    calls,
    messages,
    dmChannels,
    message: find
  })
}

/** A user as users.lookupByEmail answers one. */
function userJson(user: { id: string; email: string }): Record<string, unknown> {
  const name = user.email.split('@')[0] ?? user.id
  const text = (value: string) => ({ [`${value}`]: name, [`${value}_normalized`]: name })
  return {
    id: user.id,
    name,
    is_bot: false,
    is_app_user: false,
    updated: 1_700_000_000,
    profile: {
      ...text('real_name'),
      ...text('display_name'),
      email: user.email,
      avatar_hash: '',
      title: '',
      phone: '',
      skype: '',
      status_text: '',
      status_emoji: '',
      fields: null
    }
  }
}

interface Args {
  string(name: string): string
  optional(name: string): string | undefined
  json(name: string): unknown
}

/** Form bodies carry objects as JSON strings; JSON bodies carry them as they are. */
function parseArgs(request: SimRequest): Args {
  const type = String(request.headers['content-type'] ?? '')
  const values: Record<string, unknown> = type.includes('application/json')
    ? (request.json<Record<string, unknown>>() ?? {})
    : Object.fromEntries(new URLSearchParams(request.body))
  const optional = (name: string): string | undefined => {
    const value = values[name]
    return value === undefined || value === null || value === '' ? undefined : String(value)
  }
  return {
    optional,
    string: name => optional(name) ?? '',
    json: name => {
      const value = values[name]
      if (typeof value !== 'string') return value
      return JSON.parse(value) as unknown
    }
  }
}

/** Slack's documented limits: text 40,000; section text 3,000; field 2,000; 50 blocks. */
function readContent(args: Args): SlackSimContent | { error: string } {
  let blocks: unknown
  let attachments: unknown
  try {
    blocks = args.json('blocks')
    attachments = args.json('attachments')
  } catch {
    return { error: 'invalid_arguments' }
  }
  const text = args.string('text')
  if (!text && !blocks && !attachments) return { error: 'no_text' }
  if (text.length > 40_000) return { error: 'msg_too_long' }
  const allBlocks = [
    ...asArray(blocks),
    ...asArray(attachments).flatMap(a => asArray((a as { blocks?: unknown }).blocks))
  ]
  if (asArray(blocks).length > 50 || !allBlocks.every(validBlock))
    return { error: 'invalid_blocks' }
  return { text, blocks, attachments }
}

function validBlock(block: unknown): boolean {
  const b = block as {
    type?: string
    text?: { text?: string }
    fields?: { text?: string }[]
    elements?: { text?: string }[]
  }
  if (!b || typeof b.type !== 'string') return false
  if (b.text && (b.text.text ?? '').length > 3000) return false
  if (b.fields && (b.fields.length > 10 || b.fields.some(f => (f.text ?? '').length > 2000)))
    return false
  if (b.elements && (b.elements.length > 10 || b.elements.some(e => (e.text ?? '').length > 3000)))
    return false
  return true
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
