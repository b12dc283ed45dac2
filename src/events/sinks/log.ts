import type { SafeToolkit } from '../../toolkit.js'
import type { EventSink, PipelineEvent } from '../model.js'

/**
 * The job log: one collapsible group per phase, a line per event inside it. A log block (one
 * builder's output) is a group of its own: the runner's groups do not nest, so the phase's group
 * ends first, and what follows the block (a failure, the next phase) is outside both.
 */
export function logSink(
  core: Pick<SafeToolkit, 'info' | 'startGroup' | 'endGroup' | 'processOutput'>
): EventSink {
  let groupOpen = false
  return {
    name: 'log',
    handle(event: PipelineEvent) {
      if (event.type === 'stage') {
        if (groupOpen) core.endGroup()
        core.startGroup(`${event.stage}: ${event.message}`)
        groupOpen = true
        return
      }
      core.info(formatLine(event))
    },
    aside(block) {
      if (groupOpen) core.endGroup()
      groupOpen = false
      core.startGroup(block.title)
      // Builder lines go in a stop-commands block (the toolkit's), so none runs as a command.
      for (const line of block.lines) core.processOutput(line)
      core.endGroup()
      if (block.tail) {
        core.info(block.tail.title)
        for (const line of block.tail.lines) core.processOutput(line)
      }
    },
    close() {
      if (groupOpen) core.endGroup()
      groupOpen = false
    }
  }
}

export function formatLine(event: PipelineEvent): string {
  const who = event.service ? `[${event.service}] ` : ''
  const mark =
    event.type === 'error' ? `✖ ${event.error_code}: ` : event.type === 'done' ? '■ ' : ''
  return `${who}${mark}${event.message}`
}
