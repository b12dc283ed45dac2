import { relative } from 'node:path'
import type { Settings } from './types.js'

/** What INIT validated, as the line the log's INIT group opens with. */
export function describeValidated(settings: Settings): string {
  const config = settings.configPath
    ? ` and ${relative(settings.context.workspace, settings.configPath) || settings.configPath}`
    : ''
  const names = settings.services.map(service => service.name)
  const services =
    names.length === 0
      ? 'no services (version, tag and release only)'
      : `${names.length} service${names.length === 1 ? '' : 's'} (${names.join(', ')})`
  const preflight = settings.preflight ? '' : '; preflight: false, so nothing outside is checked'
  return `validated the inputs${config}: ${services}${preflight}`
}
