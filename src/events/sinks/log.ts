import type { Toolkit } from '../../toolkit.js'
import type { EventSink, PipelineEvent } from '../model.js'

/** The job log: one collapsible group per phase, a line per event inside it. */
export function logSink(core: Pick<Toolkit, 'info' | 'startGroup' | 'endGroup'>): EventSink {
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
