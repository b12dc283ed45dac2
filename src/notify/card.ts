import type { ErrorCode } from '../errors.js'
import type { PipelineEvent, Stage } from '../events/model.js'
import type { Plan } from '../plan/types.js'

/**
 * The status card as data: what every channel shows, folded from the events and the plan. Pure:
 * no clock (times come from the events), no I/O; the renderers turn it into Slack or Discord JSON.
 */
export type CardPhase = 'init' | 'build' | 'deploy' | 'completed' | 'failed' | 'cancelled'

export type ServiceState =
  | 'waiting'
  | 'building'
  | 'pushing'
  | 'pushed'
  | 'deploying'
  | 'deployed'
  | 'failed'
  | 'stopped'
  | 'not run'

export interface CardService {
  readonly name: string
  readonly state: ServiceState
  /** The last progress line the service reported. */
  readonly detail: string | undefined
  readonly deploys: boolean
}

export interface CardError {
  readonly code: ErrorCode
  readonly message: string
  readonly details: string | undefined
}

export interface StatusCard {
  readonly deploymentId: string
  readonly environment: string
  /** owner/name */
  readonly repository: string
  readonly phase: CardPhase
  readonly stage: Stage
  readonly version: string | undefined
  readonly gitTag: string | undefined
  readonly imageTag: string | undefined
  /** The version a rollback puts back (the headline says "rollback to" it). */
  readonly rollbackTo: string | undefined
  /** Lines the plan adds under the services: what a rollback replaces, a gate override. */
  readonly notes: readonly string[]
  readonly services: readonly CardService[]
  readonly runUrl: string | undefined
  readonly commit: string
  readonly commitUrl: string | undefined
  /** First line of the head commit message, at most COMMIT_TITLE_MAX characters. */
  readonly commitTitle: string | undefined
  readonly actor: string
  readonly deploymentUrl: string | undefined
  /** ISO timestamps of the first and the latest event. */
  readonly startedAt: string | undefined
  readonly updatedAt: string | undefined
  readonly error: CardError | undefined
  readonly lastEventId: number
}

export interface CardContext {
  readonly deploymentId: string
  readonly environment: string
  readonly repository: string
  readonly serverUrl: string
  readonly actor: string
  readonly runUrl: string | undefined
  readonly sha: string
  readonly commitMessage: string | undefined
  /** Service names from the settings, before the plan exists. */
  readonly services: readonly { name: string; deploys: boolean }[]
}

export const COMMIT_TITLE_MAX = 200
/** A service line's detail (its last progress, or why it failed) is cut here. */
const SERVICE_DETAIL_MAX = 300
export const FINAL_PHASES: readonly CardPhase[] = ['completed', 'failed', 'cancelled']

export function isFinal(card: StatusCard): boolean {
  return FINAL_PHASES.includes(card.phase)
}

export function newCard(context: CardContext): StatusCard {
  const title = context.commitMessage?.split(/\r?\n/, 1)[0]?.trim()
  return {
    deploymentId: context.deploymentId,
    environment: context.environment,
    repository: context.repository,
    phase: 'init',
    stage: 'INIT',
    version: undefined,
    gitTag: undefined,
    imageTag: undefined,
    rollbackTo: undefined,
    notes: [],
    services: context.services.map(s => waiting(s.name, s.deploys)),
    runUrl: context.runUrl,
    commit: context.sha,
    commitUrl:
      context.repository && context.sha
        ? `${context.serverUrl.replace(/\/$/, '')}/${context.repository}/commit/${context.sha}`
        : undefined,
    commitTitle: title ? clip(title, COMMIT_TITLE_MAX) : undefined,
    actor: context.actor,
    deploymentUrl: undefined,
    startedAt: undefined,
    updatedAt: undefined,
    error: undefined,
    lastEventId: 0
  }
}

/** The card after one more event. The plan, once computed, supplies version, tags and services. */
export function applyEvent(card: StatusCard, event: PipelineEvent, plan?: Plan): StatusCard {
  let next: StatusCard = {
    ...withPlan(card, plan),
    startedAt: card.startedAt ?? event.timestamp,
    updatedAt: event.timestamp,
    lastEventId: event.id,
    deploymentUrl: deploymentUrlOf(event) ?? card.deploymentUrl
  }
  if (isFinal(card)) return next
  switch (event.type) {
    case 'stage':
      next = { ...next, stage: event.stage, phase: phaseOf(event.stage) }
      if (event.stage === 'DEPLOY')
        next = mapServices(next, s => (isBuilding(s) ? 'pushed' : s.state))
      return next
    case 'progress':
    case 'info': {
      const state = serviceStateOf(event)
      if (!event.service || !state) return next
      // A failed service's line keeps its reason; a later line (a rollback's) does not replace it.
      return mapServices(next, s =>
        s.name === event.service && s.state !== 'failed' ? [state, event.message] : s.state
      )
    }
    case 'error':
      return {
        // The line shows why it failed, not the last thing it was doing.
        ...mapServices(next, s => (s.name === event.service ? ['failed', event.message] : s.state)),
        error: {
          code: event.error_code,
          message: event.message,
          details: event.error_details
        }
      }
    case 'done':
      return finish(next, event.status, event.stage)
    default:
      return next
  }
}

function deploymentUrlOf(event: PipelineEvent): string | undefined {
  return event.type === 'progress' || event.type === 'done' ? event.deployment_url : undefined
}

/** Ends the card: every service still moving is settled by how the run ended. */
export function finish(
  card: StatusCard,
  status: 'success' | 'failure' | 'cancelled' | 'planned',
  stage: Stage = card.stage
): StatusCard {
  const phase: CardPhase =
    status === 'success' || status === 'planned'
      ? 'completed'
      : status === 'cancelled'
        ? 'cancelled'
        : 'failed'
  return {
    ...mapServices(card, s => settle(s, phase)),
    phase,
    stage
  }
}

/**
 * The card's failure section: the run's error less what the service lines already say, so each
 * reason is read once. The run's error repeats a failed service's reason ("api: <reason>", or a
 * build's message as it is) and its details list every failed service ("api: CODE: <reason>");
 * those are left to the service lines. What remains (the code, the services not deployed, the
 * builder's last lines) stays.
 */
export function failureSection(card: StatusCard): { title: string; details: string[] } | undefined {
  const error = card.error
  if (!error) return undefined
  const reasons = new Map(
    card.services.filter(s => s.state === 'failed' && s.detail).map(s => [s.name, s.detail])
  )
  // Service lines hold their reason clipped (mapServices); compare clipped.
  const onLine = (name: string, reason: string): boolean =>
    reasons.get(name) === clip(reason, SERVICE_DETAIL_MAX)
  const repeated = (message: string): boolean =>
    [...reasons.keys()].some(
      name =>
        onLine(name, message) ||
        (message.startsWith(`${name}: `) && onLine(name, message.slice(name.length + 2)))
    )
  const details = (error.details ?? '').split(/\r?\n/).filter(line => {
    if (line.trim() === '') return false
    const listed = /^(.+?): [A-Z_]+: (.*)$/.exec(line)
    return !(listed && onLine(listed[1] as string, listed[2] as string))
  })
  return {
    title: repeated(error.message) ? error.code : `${error.code}: ${error.message}`,
    details
  }
}

/** Milliseconds from the first to the latest event. */
export function elapsedMs(card: StatusCard): number | undefined {
  if (!card.startedAt || !card.updatedAt) return undefined
  return Math.max(0, Date.parse(card.updatedAt) - Date.parse(card.startedAt))
}

export function phaseOf(stage: Stage): CardPhase {
  if (stage === 'BUILD' || stage === 'PUSH') return 'build'
  if (stage === 'DEPLOY' || stage === 'DONE') return 'deploy'
  return 'init'
}

function withPlan(card: StatusCard, plan: Plan | undefined): StatusCard {
  if (!plan) return card
  const known = new Map(card.services.map(s => [s.name, s]))
  return {
    ...card,
    version: plan.version.version,
    gitTag: plan.version.gitTag,
    imageTag: plan.version.imageTag,
    rollbackTo: plan.rollback?.to.label,
    notes: planNotes(plan),
    services: plan.services.map(s => known.get(s.name) ?? waiting(s.name, s.deploy !== undefined))
  }
}

function planNotes(plan: Plan): string[] {
  const notes: string[] = []
  const r = plan.rollback
  if (r) {
    notes.push(
      `rollback to ${r.to.label} (deployment ${r.to.id})${r.from ? `, rolled back from ${r.from.label}` : ''}`
    )
  }
  const override = plan.gate?.override
  if (override) notes.push(`promotion gate overridden by ${override.actor}: ${override.reason}`)
  return notes
}

function settle(service: CardService, phase: CardPhase): ServiceState {
  if (phase === 'completed') {
    if (service.state === 'failed') return 'failed'
    return service.deploys ? 'deployed' : 'pushed'
  }
  if (service.state === 'waiting') return 'not run'
  if (isBuilding(service) || service.state === 'deploying') return 'stopped'
  return service.state
}

const SERVICE_STATES: readonly string[] = [
  'waiting',
  'building',
  'pushing',
  'pushed',
  'deploying',
  'deployed',
  'failed',
  'stopped',
  'not run'
]

/**
 * What an event says about its service: `data.service_state` when the emitter states it, else
 * read from the deploy phase's own lines ("deployed", "not deployed: ..."), else the stage.
 * Undefined: the event does not change the service's line.
 */
function serviceStateOf(event: PipelineEvent): ServiceState | undefined {
  const declared = event.type === 'progress' ? event.data?.service_state : undefined
  if (typeof declared === 'string' && SERVICE_STATES.includes(declared)) {
    return declared as ServiceState
  }
  if (event.type === 'info') return /^not deployed\b/.test(event.message) ? 'not run' : undefined
  if (event.stage === 'BUILD') return 'building'
  if (event.stage === 'PUSH') return 'pushing'
  if (event.stage === 'DEPLOY') return /^deployed\b/.test(event.message) ? 'deployed' : 'deploying'
  return undefined
}

function isBuilding(service: CardService): boolean {
  return service.state === 'building' || service.state === 'pushing'
}

function mapServices(
  card: StatusCard,
  change: (service: CardService) => ServiceState | [ServiceState, string]
): StatusCard {
  return {
    ...card,
    services: card.services.map(service => {
      const changed = change(service)
      const [state, detail] = Array.isArray(changed) ? changed : [changed, service.detail]
      return state === service.state && detail === service.detail
        ? service
        : {
            ...service,
            state,
            detail: detail === undefined ? undefined : clip(detail, SERVICE_DETAIL_MAX)
          }
    })
  }
}

function waiting(name: string, deploys: boolean): CardService {
  return { name, state: 'waiting', detail: undefined, deploys }
}

/**
 * Cuts text to at most `max` UTF-16 units (the strictest way Slack and Discord count), never
 * splitting an emoji's surrogate pair, and marks the cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const char of text) {
    if (out.length + char.length > max - 1) break
    out += char
  }
  return `${out}…`
}

const MIDDLE_MARK = ' … '

/**
 * Cuts text to at most `max` UTF-16 units by taking out its middle: the beginning (what failed)
 * and the end (why, and the link after it) stay. Never splits an emoji; marks the cut.
 */
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text
  const room = max - MIDDLE_MARK.length
  if (room < 2) return clip(text, max)
  const chars = [...text]
  let head = ''
  for (const char of chars) {
    if (head.length + char.length > Math.ceil(room / 2)) break
    head += char
  }
  let tail = ''
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i] as string
    if (head.length + tail.length + char.length > room) break
    tail = char + tail
  }
  return `${head}${MIDDLE_MARK}${tail}`
}
