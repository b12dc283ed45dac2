import type { PipelineEvent, RunStatus } from './model.js'

export interface SummaryInput {
  readonly status: RunStatus
  readonly outputs: Readonly<Record<string, string>>
  /** The plan as the dry run prints it (describePlan); undefined: no plan was made. */
  readonly planLines: readonly string[] | undefined
  readonly events: readonly PipelineEvent[]
  readonly warnings: readonly string[]
  readonly error: { code: string; message: string } | undefined
}

const STATUS_TITLE: Record<RunStatus, string> = {
  success: '✅ Deployed',
  failure: '❌ Deployment failed',
  cancelled: '⏹️ Deployment cancelled',
  planned: '📝 Deployment planned (dry run)'
}

/** The job summary as Markdown: the result, the outputs, the plan and the timeline of events. */
export function renderSummary(input: SummaryInput): string {
  const lines: string[] = []
  const environment = input.outputs.environment ?? ''
  lines.push(`## ${STATUS_TITLE[input.status]}${environment ? ` to ${environment}` : ''}`, '')
  if (input.error) lines.push(`**${input.error.code}**: ${escapeCell(input.error.message)}`, '')

  lines.push('| output | value |', '| --- | --- |')
  for (const [name, value] of Object.entries(input.outputs)) {
    if (name === 'plan' || value === '') continue
    lines.push(`| ${name} | ${escapeCell(value)} |`)
  }
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

/** Table cells hold one line and no pipes; long texts are cut so the summary stays readable. */
function escapeCell(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine
}
