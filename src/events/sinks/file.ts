import { startEventLog, writeEvent } from '../event-log.js'
import type { EventSink, PipelineEvent } from '../model.js'

/** The `events_file` sink: every event goes to the log the moment it is emitted. */
export function fileSink(path: string): EventSink {
  startEventLog(path)
  return {
    name: `events file ${path}`,
    handle(event: PipelineEvent) {
      writeEvent(path, event)
    }
  }
}
