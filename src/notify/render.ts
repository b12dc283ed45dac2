import { formatDuration } from '../runtime/follow.js'
import {
  clip,
  clipMiddle,
  elapsedMs,
  failureSection,
  type CardPhase,
  type CardService,
  type StatusCard
} from './card.js'

/**
 * The card as Slack and Discord JSON. Built field by field in code, never by filling a template,
 * so a commit message or error text can hold quotes, backticks, newlines, mentions or markup and
 * still shows as the text it is. Every length is cut to the service's limit.
 */
const PHASE_WORD: Record<CardPhase, string> = {
  init: 'starting',
  build: 'building',
  deploy: 'deploying',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled'
}

const PHASE_EMOJI: Record<CardPhase, string> = {
  init: '⏳',
  build: '🔨',
  deploy: '🚀',
  completed: '✅',
  failed: '❌',
  cancelled: '⚪'
}

/** Slack attachment colours: green, red, grey, and amber while the run is going. */
const SLACK_COLOUR: Record<CardPhase, string> = {
  init: '#ECB22E',
  build: '#ECB22E',
  deploy: '#ECB22E',
  completed: '#2EB67D',
  failed: '#E01E5A',
  cancelled: '#9E9E9E'
}

const STATE_EMOJI: Record<CardService['state'], string> = {
  waiting: '▫️',
  building: '🔨',
  pushing: '📦',
  pushed: '📦',
  deploying: '🚀',
  deployed: '✅',
  failed: '❌',
  stopped: '⏹️',
  'not run': '▫️'
}

/** Lines of error details shown on the card itself; the rest goes to a thread reply. */
export const ERROR_LINES_ON_CARD = 8

/** Longest error message on the card: past it the middle goes, the end (often the why) stays. */
const ERROR_MESSAGE_ON_CARD = 1000

export function headline(card: StatusCard): string {
  const name = card.repository.split('/').pop() || card.repository || 'deploy'
  const version = card.rollbackTo
    ? `rollback to ${card.rollbackTo}`
    : (card.gitTag ?? card.imageTag)
  return `${PHASE_EMOJI[card.phase]} ${name} → ${card.environment}${version ? ` ${version}` : ''}: ${PHASE_WORD[card.phase]}`
}

/** The failure section, without what the failed services' lines already say. */
export function errorSummary(card: StatusCard): string | undefined {
  const section = failureSection(card)
  if (!section) return undefined
  const lines = section.details
  const shown = lines.slice(0, ERROR_LINES_ON_CARD)
  const more = lines.length > shown.length ? [`… ${lines.length - shown.length} more lines`] : []
  // A long message is cut in its middle: its start says what failed, its end often why.
  const title = clipMiddle(section.title, ERROR_MESSAGE_ON_CARD)
  return [title, ...shown, ...more].join('\n')
}

/** True when the details are longer than what the card shows. */
export function hasMoreDetails(card: StatusCard): boolean {
  const details = card.error?.details
  if (!details) return false
  return details.split(/\r?\n/).filter(line => line.trim() !== '').length > ERROR_LINES_ON_CARD
}

function elapsedText(card: StatusCard): string {
  const ms = elapsedMs(card)
  return ms === undefined ? '—' : formatDuration(ms)
}

function serviceLine(service: CardService, bold: (name: string) => string, escape: Esc): string {
  const detail = service.detail ? ` — ${escape(clip(service.detail, 200))}` : ''
  return `${STATE_EMOJI[service.state]} ${bold(escape(service.name))} ${service.state}${detail}`
}

type Esc = (text: string) => string

/**
 * `escape(text)` in at most `max` units, cut by its middle (see clipMiddle) before escaping, so
 * that no cut falls inside an escape; empty when nothing fits.
 */
function escapedMiddle(text: string, max: number, escape: Esc): string {
  for (let budget = max; budget > 0;) {
    const out = escape(clipMiddle(text, budget))
    if (out.length <= max) return out
    budget -= out.length - max
  }
  return ''
}

// ---------------------------------------------------------------------------------------- Slack

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers. */
  text: string
  attachments: { color: string; fallback: string; blocks: SlackBlock[] }[]
}

export type SlackBlock = Record<string, unknown>

/** Slack mrkdwn needs only &, < and > escaped; anything else shows as typed. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function slackLink(url: string, label: string): string {
  const safe = url
    .replace(/&/g, '&amp;')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\|/g, '%7C')
    .replace(/\s/g, '%20')
  return `<${safe}|${escapeSlack(label)}>`
}

const mrkdwn = (text: string, max = 3000): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, max) }
})

/** Error output, which Slack must not interpret at all; a long one loses its middle. */
const plain = (text: string): SlackBlock => ({
  type: 'section',
  text: { type: 'plain_text', text: clipMiddle(text, 3000), emoji: false }
})

/** `notice`: what this channel adds below the card (no one to send the direct message to). */
export function slackCardMessage(card: StatusCard, notice?: string): SlackMessage {
  const title = headline(card)
  const blocks: SlackBlock[] = [mrkdwn(`*${escapeSlack(title)}*`)]
  blocks.push({
    type: 'section',
    fields: [
      ['Environment', card.environment],
      ['Version', card.gitTag ?? card.version ?? '—'],
      ['Image tag', card.imageTag ?? '—'],
      ['Elapsed', elapsedText(card)]
    ].map(([name, value]) => ({
      type: 'mrkdwn',
      text: clip(`*${name}*\n${escapeSlack(value ?? '—')}`, 2000)
    }))
  })
  if (card.services.length > 0) {
    const lines = card.services.map(s => serviceLine(s, name => `*${name}*`, escapeSlack))
    blocks.push(mrkdwn(lines.join('\n')))
  }
  if (card.notes.length > 0) blocks.push(plain(card.notes.join('\n')))
  const error = errorSummary(card)
  if (error) blocks.push(plain(error))
  if (card.deploymentUrl) {
    blocks.push(mrkdwn(`*Deployment:* ${slackLink(card.deploymentUrl, card.deploymentUrl)}`))
  }
  blocks.push({ type: 'context', elements: slackContext(card) })
  if (notice) {
    const text = clip(`⚠️ ${escapeSlack(notice)}`, 3000)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] })
  }
  if (card.commitTitle) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'plain_text', text: clip(card.commitTitle, 2000), emoji: false }]
    })
  }
  const text = escapeSlack(clip(error ? `${title} (${card.error?.code})` : title, 3000))
  return { text, attachments: [{ color: SLACK_COLOUR[card.phase], fallback: text, blocks }] }
}

function slackContext(card: StatusCard): SlackBlock[] {
  const parts: string[] = []
  if (card.runUrl) parts.push(slackLink(card.runUrl, 'workflow run'))
  const sha = card.commit.slice(0, 7)
  if (sha) parts.push(card.commitUrl ? `commit ${slackLink(card.commitUrl, sha)}` : `commit ${sha}`)
  if (card.actor) parts.push(`by ${escapeSlack(card.actor)}`)
  parts.push(escapeSlack(card.deploymentId))
  return [{ type: 'mrkdwn', text: clip(parts.join(' · '), 3000) }]
}

/** The full error details as a thread reply, plain text (mrkdwn off). */
export function slackThreadDetails(card: StatusCard): string | undefined {
  if (!card.error?.details || !hasMoreDetails(card)) return undefined
  return clipMiddle(`${card.error.code} details:\n${card.error.details}`, 12_000)
}

export function slackDirectMessage(card: StatusCard): { text: string; blocks: SlackBlock[] } {
  const title = headline(card)
  const link = card.runUrl ? ` (${slackLink(card.runUrl, 'workflow run')})` : ''
  const blocks: SlackBlock[] = [mrkdwn(`*${escapeSlack(title)}*${link}`)]
  // The DM has no service list: the failed services' lines carry their reasons.
  const failed = card.services.filter(s => s.state === 'failed')
  if (failed.length > 0) {
    blocks.push(mrkdwn(failed.map(s => serviceLine(s, n => `*${n}*`, escapeSlack)).join('\n')))
  }
  const error = errorSummary(card)
  if (error) blocks.push(plain(error))
  if (card.deploymentUrl) {
    blocks.push(mrkdwn(`Deployment: ${slackLink(card.deploymentUrl, card.deploymentUrl)}`))
  }
  return { text: escapeSlack(title), blocks }
}

// -------------------------------------------------------------------------------------- Discord

/** Discord's documented embed limits. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  content: 2000,
  total: 6000
} as const

const DISCORD_COLOUR: Record<CardPhase, number> = {
  init: 0xecb22e,
  build: 0xecb22e,
  deploy: 0xecb22e,
  completed: 0x2eb67d,
  failed: 0xe01e5a,
  cancelled: 0x9e9e9e
}

export interface DiscordEmbed {
  title: string
  url?: string
  description: string
  color: number
  fields: { name: string; value: string; inline?: boolean }[]
  footer: { text: string }
  timestamp?: string
}

export interface DiscordMessage {
  content?: string
  embeds?: DiscordEmbed[]
  /** Always set: nothing in the card pings anyone except the one user we mean to. */
  allowed_mentions: { parse: string[]; users?: string[] }
}

/** Backslash-escapes Discord markdown (and mention/emoji syntax) so text shows as typed. */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\`*_~|>#[\]()<:-])/g, '\\$1')
}

function discordLink(url: string, label: string): string {
  const safe = url.replace(/[()\s<>]/g, c => encodeURIComponent(c))
  return `[${escapeDiscord(label)}](${safe})`
}

export function discordCardMessage(card: StatusCard): DiscordMessage {
  const description: string[] = card.services.map(s =>
    serviceLine(s, name => `**${name}**`, escapeDiscord)
  )
  description.push(...card.notes.map(escapeDiscord))
  const error = errorSummary(card)
  if (error) {
    const room = DISCORD_LIMITS.description - description.join('\n').length - 2
    description.push('', escapedMiddle(error, room, escapeDiscord))
  }
  const sha = card.commit.slice(0, 7)
  const commit = card.commitUrl ? discordLink(card.commitUrl, sha) : escapeDiscord(sha)
  const fields: DiscordEmbed['fields'] = [
    { name: 'Environment', value: escapeDiscord(card.environment), inline: true },
    { name: 'Version', value: escapeDiscord(card.gitTag ?? card.version ?? '—'), inline: true },
    { name: 'Image tag', value: escapeDiscord(card.imageTag ?? '—'), inline: true },
    { name: 'Elapsed', value: elapsedText(card), inline: true },
    { name: 'Actor', value: escapeDiscord(card.actor || '—'), inline: true },
    {
      name: 'Commit',
      value: card.commitTitle ? `${commit} ${escapeDiscord(card.commitTitle)}` : commit || '—'
    }
  ]
  if (card.runUrl) fields.push({ name: 'Run', value: discordLink(card.runUrl, 'workflow run') })
  if (card.deploymentUrl) {
    fields.push({ name: 'Deployment', value: discordLink(card.deploymentUrl, card.deploymentUrl) })
  }
  const embed: DiscordEmbed = {
    title: clip(headline(card), DISCORD_LIMITS.title),
    description: clip(description.join('\n') || '—', DISCORD_LIMITS.description),
    color: DISCORD_COLOUR[card.phase],
    fields: fields.slice(0, DISCORD_LIMITS.fields).map(f => ({
      ...f,
      name: clip(f.name, DISCORD_LIMITS.fieldName),
      value: clip(f.value, DISCORD_LIMITS.fieldValue)
    })),
    footer: { text: clip(card.deploymentId, DISCORD_LIMITS.footer) }
  }
  if (card.runUrl) embed.url = card.runUrl
  if (card.updatedAt) embed.timestamp = card.updatedAt
  return { embeds: [fitTotal(embed)], allowed_mentions: { parse: [] } }
}

/**
 * The ping on completion or failure: an edit never notifies anyone, so this is a new message. A
 * long error loses its middle, never the headline before it nor the run's link after it.
 */
export function discordMentionMessage(card: StatusCard, userId: string): DiscordMessage {
  const head = `<@${userId}> ${escapeDiscord(headline(card))}`
  const link = card.runUrl ? `\n${card.runUrl}` : ''
  const room = DISCORD_LIMITS.content - head.length - link.length - 1
  const error = card.error
    ? escapedMiddle(`${card.error.code}: ${card.error.message}`, room, escapeDiscord)
    : ''
  const content = clip(`${head}${error ? `\n${error}` : ''}${link}`, DISCORD_LIMITS.content)
  return { content, allowed_mentions: { parse: [], users: [userId] } }
}

export function embedLength(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    embed.description.length +
    embed.footer.text.length +
    embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  )
}

/** Shortens the description, then drops trailing fields, until the embed fits in 6000. */
function fitTotal(embed: DiscordEmbed): DiscordEmbed {
  let fitted = embed
  const over = embedLength(fitted) - DISCORD_LIMITS.total
  if (over > 0) {
    const room = Math.max(1, fitted.description.length - over)
    fitted = { ...fitted, description: clipMiddle(fitted.description, room) }
  }
  while (embedLength(fitted) > DISCORD_LIMITS.total && fitted.fields.length > 0) {
    fitted = { ...fitted, fields: fitted.fields.slice(0, -1) }
  }
  return fitted
}
