import { formatDuration } from '../runtime/duration.js'
import type { PipelineEvent, RunStatus, Stage } from './model.js'

/**
 * The job summary: what people read first after a run. A headline that says what happened, a
 * line per service, a Gantt chart of where the time went, then the outputs, the plan and every
 * event. Everything is derived from the events and what main hands in (this layer knows no plan).
 */

export interface SummaryService {
  readonly name: string
  /** The image the plan names (host/repo:tag); undefined: the service has no image. */
  readonly image: string | undefined
  /** Where it deploys, as a person reads it; undefined: it is not deployed. */
  readonly target: string | undefined
}

export interface SummaryInput {
  readonly status: RunStatus
  readonly outputs: Readonly<Record<string, string>>
  /** The plan as the dry run prints it (describePlan); undefined: no plan was made. */
  readonly planLines: readonly string[] | undefined
  /** The services of the plan (or of the settings, when the run ended before the plan). */
  readonly services: readonly SummaryService[]
  readonly events: readonly PipelineEvent[]
  readonly warnings: readonly string[]
  readonly error: { code: string; message: string; details?: string } | undefined
}

const STATUS_EMOJI: Record<RunStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  planned: '📝'
}

/** The stages a service's own work happens in, and how its chart row names them. */
const SERVICE_STEPS = { BUILD: 'build', PUSH: 'push', DEPLOY: 'deploy' } as const
type ServiceStage = keyof typeof SERVICE_STEPS

interface Span {
  readonly start: number
  readonly end: number
}

/** What the events say about one service. */
interface ServiceStory {
  readonly steps: Map<ServiceStage, Span>
  error: { stage: Stage; code: string; message: string } | undefined
  /** "not deployed: it depends on api, which failed" */
  skipped: string | undefined
  deployed: boolean
  url: string | undefined
}

export function renderSummary(input: SummaryInput): string {
  const stories = serviceStories(input.events)
  const images = pushedImages(input.outputs.images)
  const lines: string[] = [
    `## ${STATUS_EMOJI[input.status]} ${headline(input, stories, images)}`,
    ''
  ]
  const failedAt = failedStage(input)
  if (input.error) {
    lines.push(`**${input.error.code}**: ${escapeCell(firstLine(input.error.message))}`, '')
    // INIT lists every problem with the inputs at once; say each on its own line.
    if (failedAt === 'INIT' && input.error.details) {
      const problems = input.error.details.split(/\r?\n/).filter(line => line.trim() !== '')
      lines.push('### Problems', '', ...problems.map(p => `- ${escapeCell(p)}`), '')
    }
  }

  if (input.services.length > 0) {
    lines.push(
      '### Services',
      '',
      '| service | image | target | result | duration | URL |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const service of input.services) {
      const story = stories.get(service.name)
      const image = images[service.name] ?? service.image
      lines.push(
        [
          '',
          escapeCell(service.name),
          image ? `\`${escapeCell(shortDigest(image))}\`` : '—',
          service.target ? escapeCell(service.target) : '—',
          escapeCell(result(input.status, service, story, images[service.name] !== undefined)),
          durationOf(story),
          story?.url ? escapeCell(story.url) : '—',
          ''
        ]
          .join(' | ')
          .trim()
      )
    }
    lines.push('')
  }

  const changes = stackChanges(input.events)
  if (changes.length > 0) {
    // What a CloudFormation change set would change, reported before it ran: the review.
    lines.push(
      '### Stack changes',
      '',
      '| service | action | resource | type | replacement |',
      '| --- | --- | --- | --- | --- |',
      ...changes.map(c =>
        [
          '',
          escapeCell(c.service),
          escapeCell(c.action),
          escapeCell(c.logicalId),
          escapeCell(c.resourceType),
          c.replacement === 'True' ? '⚠️ **True**' : escapeCell(c.replacement || '—'),
          ''
        ]
          .join(' | ')
          .trim()
      ),
      ''
    )
  }

  const chart = ganttChart(input, stories, failedAt)
  if (chart) lines.push('### Where the time went (UTC)', '', ...chart, '')

  const outputs = Object.entries(input.outputs).filter(([n, v]) => n !== 'plan' && v !== '')
  lines.push('### Outputs', '', '| output | value |', '| --- | --- |')
  for (const [name, value] of outputs) lines.push(`| ${name} | ${escapeCell(value)} |`)
  lines.push('')

  if (input.planLines) {
    lines.push('### Plan', '', '```text', ...input.planLines, '```', '')
  }
  if (input.warnings.length > 0) {
    lines.push('### Warnings', '', ...input.warnings.map(w => `- ${escapeCell(w)}`), '')
  }
  if (input.events.length > 0) {
    lines.push(
      '### Timeline',
      '',
      '| time (UTC) | stage | service | event |',
      '| --- | --- | --- | --- |'
    )
    for (const event of input.events) {
      const time = event.timestamp.slice(11, 19)
      const text = event.type === 'error' ? `${event.error_code}: ${event.message}` : event.message
      lines.push(`| ${time} | ${event.stage} | ${event.service ?? ''} | ${escapeCell(text)} |`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

/**
 * One honest sentence: what changed, not what was hoped for. A run that pushed images but has
 * nothing to deploy says so instead of "deployed".
 */
function headline(
  input: SummaryInput,
  stories: ReadonlyMap<string, ServiceStory>,
  images: Readonly<Record<string, string>>
): string {
  const stage = failedStage(input)
  switch (input.status) {
    case 'planned':
      return 'dry run: nothing changed'
    case 'cancelled':
      return `cancelled during ${stage}`
    case 'failure': {
      const failed = [...stories].filter(([, s]) => s.error).map(([name]) => name)
      return `failed at ${stage}: ${failed.length > 0 ? listed(failed) : (input.error?.code ?? 'DEPLOY_FAILED')}`
    }
    case 'success': {
      const deployed = [...stories.values()].filter(s => s.deployed).length
      const environment = input.outputs.environment
      if (deployed > 0) return `deployed ${count(deployed, 'service')} to ${environment}`
      const pushed = Object.keys(images).length
      if (pushed > 0) return `${count(pushed, 'image')} pushed, nothing deployed`
      const tag = input.outputs.tag
      return `${tag ? `tagged ${tag}` : 'versioned'}, nothing built or deployed`
    }
  }
}

/** The stage of the run's last error; INIT when there is none. */
function failedStage(input: SummaryInput): Stage {
  const errors = input.events.filter(e => e.type === 'error')
  return errors.at(-1)?.stage ?? 'INIT'
}

function result(
  status: RunStatus,
  service: SummaryService,
  story: ServiceStory | undefined,
  pushed: boolean
): string {
  if (story?.error) return `❌ ${story.error.code}: ${story.error.message}`
  if (story?.skipped) return `⏭️ ${story.skipped}`
  if (story?.deployed) return '✅ deployed'
  if (status === 'planned') return '📝 planned'
  if (pushed) return service.target ? '⏹️ pushed, not deployed' : '✅ pushed'
  if (status === 'success') return '✅ done'
  return story && story.steps.size > 0 ? '⏹️ stopped' : '⏹️ not reached'
}

/** Time the service spent in its own steps (build, push, deploy), not waiting between them. */
function durationOf(story: ServiceStory | undefined): string {
  if (!story || story.steps.size === 0) return '—'
  const ms = [...story.steps.values()].reduce((sum, s) => sum + (s.end - s.start), 0)
  return ms < 1000 ? '< 1 s' : formatDuration(ms)
}

/**
 * Each service's steps from its own events: a step starts at the service's first progress (or
 * error) event in that stage and ends at its last. Info lines do not count: "not deployed" is
 * said of a service that never started.
 */
function serviceStories(events: readonly PipelineEvent[]): Map<string, ServiceStory> {
  const stories = new Map<string, ServiceStory>()
  for (const event of events) {
    if (!event.service) continue
    let story = stories.get(event.service)
    if (!story) {
      story = {
        steps: new Map(),
        error: undefined,
        skipped: undefined,
        deployed: false,
        url: undefined
      }
      stories.set(event.service, story)
    }
    if (event.type === 'info') {
      if (/^not deployed\b/.test(event.message)) story.skipped = event.message
      continue
    }
    if (event.type === 'error') {
      story.error ??= { stage: event.stage, code: event.error_code, message: event.message }
    }
    if (event.type === 'progress') {
      if (event.deployment_url) story.url = event.deployment_url
      if (event.stage === 'DEPLOY' && /^deployed\b/.test(event.message)) story.deployed = true
    }
    if (event.type !== 'progress' && event.type !== 'error') continue
    if (!(event.stage in SERVICE_STEPS)) continue
    const stage = event.stage as ServiceStage
    const at = Date.parse(event.timestamp)
    const step = story.steps.get(stage)
    story.steps.set(stage, { start: step?.start ?? at, end: at })
  }
  return stories
}

interface StackChange {
  readonly service: string
  readonly action: string
  readonly logicalId: string
  readonly resourceType: string
  readonly replacement: string
}

/**
 * The change lines of the deploy's progress events (`data.stackChange`), in order. A change set
 * that changed nothing (`data.stackChanges: 0`) is a line too: the reviewer reads that the stack
 * was left as it was, rather than finding nothing and wondering.
 */
function stackChanges(events: readonly PipelineEvent[]): StackChange[] {
  const changes: StackChange[] = []
  for (const event of events) {
    if (event.type !== 'progress' || !event.service) continue
    if (event.data?.stackChanges === 0) {
      changes.push({
        service: event.service,
        action: 'no changes',
        logicalId: '—',
        resourceType: '—',
        replacement: ''
      })
      continue
    }
    const change = event.data?.stackChange
    if (!change || typeof change !== 'object') continue
    const field = (key: string): string => {
      const value = (change as Record<string, unknown>)[key]
      return typeof value === 'string' ? value : ''
    }
    changes.push({
      service: event.service,
      action: field('action'),
      logicalId: field('logicalId'),
      resourceType: field('resourceType'),
      replacement: field('replacement')
    })
  }
  return changes
}

/**
 * A Mermaid Gantt chart (GitHub renders it in the summary): a row per phase, then a section per
 * service with its build, push and deploy. Times are written as UTC wall-clock strings, so the
 * axis reads in UTC like the timeline below it. Undefined when there is nothing to draw (a run
 * that ended in INIT).
 */
function ganttChart(
  input: SummaryInput,
  stories: ReadonlyMap<string, ServiceStory>,
  failedAt: Stage
): string[] | undefined {
  const events = input.events
  const stages = events.filter(e => e.type === 'stage' && e.stage !== 'DONE')
  const last = events.at(-1)
  if (!last || (stages.length < 2 && ![...stories.values()].some(s => s.steps.size > 0))) {
    return undefined
  }
  const ended = input.status === 'failure' || input.status === 'cancelled'
  const mark = (failed: boolean): string => (failed ? 'crit' : 'done')
  const lines = [
    '```mermaid',
    'gantt',
    '  dateFormat YYYY-MM-DD HH:mm:ss',
    '  axisFormat %H:%M:%S',
    '  todayMarker off',
    '  section Phases'
  ]
  stages.forEach((stage, index) => {
    const start = Date.parse(stage.timestamp)
    const end = Date.parse((stages[index + 1] ?? last).timestamp)
    const failed = ended && stage.stage === failedAt && index === stages.length - 1
    lines.push(task(stage.stage, mark(failed), { start, end }))
  })
  for (const service of input.services) {
    const story = stories.get(service.name)
    if (!story || story.steps.size === 0) continue
    lines.push(`  section ${mermaidText(service.name)}`)
    for (const [stage, word] of Object.entries(SERVICE_STEPS)) {
      const span = story.steps.get(stage as ServiceStage)
      if (span) lines.push(task(word, mark(story.error?.stage === stage), span))
    }
  }
  lines.push('```')
  return lines
}

/** One bar: `name :tag, start, Ns`. A bar shorter than the events' 1 s resolution shows as 1 s. */
function task(name: string, tag: string, span: Span): string {
  const seconds = Math.max(1, Math.round((span.end - span.start) / 1000))
  return `  ${mermaidText(name)} :${tag}, ${mermaidTime(span.start)}, ${seconds}s`
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, matching the chart's dateFormat. */
function mermaidTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * A name Mermaid's Gantt grammar reads as plain text: `:` ends a task name, `#` and `%%` start
 * comments, `;` ends a statement, and a line break ends the line.
 */
export function mermaidText(text: string): string {
  const plain = text
    .replace(/[:#;%\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain || '-'
}

/** service -> registry/repo:tag@sha256:..., from the `images` output (JSON). */
function pushedImages(json: string | undefined): Record<string, string> {
  if (!json) return {}
  try {
    const parsed: unknown = JSON.parse(json)
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string'
      )
    )
  } catch {
    return {}
  }
}

/** registry/repo:tag@sha256:<12 hex>: enough to tell digests apart, short enough for a table. */
export function shortDigest(reference: string): string {
  return reference.replace(/@(sha256:[0-9a-f]{12})[0-9a-f]{52}$/, '@$1')
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function listed(names: readonly string[]): string {
  return names.length <= 4
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? ''
}

/** Table cells hold one line and no pipes; long texts are cut so the summary stays readable. */
function escapeCell(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine
}
