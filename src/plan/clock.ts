import { DeployError } from '../errors.js'
import { isValidTimezone, UTC_NAMES } from '../settings/values.js'

/**
 * The run's clock, read once at the start and handed to everything else, and the timestamp that
 * tags of a run without a version carry.
 */

const timestampFormats = new Map<string, Intl.DateTimeFormat>()

/** yyMMddHHmm (24-hour) of an instant, as a wall clock in the IANA time zone shows it. */
export function formatTimestamp(at: Date, timezone: string): string {
  if (!isValidTimezone(timezone)) {
    throw new DeployError('INVALID_INPUT', `timezone '${timezone}' is not an IANA time zone name`)
  }
  if (UTC_NAMES.has(timezone)) {
    const iso = at.toISOString() // 2026-11-24T07:00:00.000Z
    return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`
  }
  let format = timestampFormats.get(timezone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    timestampFormats.set(timezone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(at).map(part => [part.type, part.value]))
  return `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}`
}

/** The run's clock: SOURCE_DATE_EPOCH (seconds) when set, so rebuilds get the same tags; else now. */
export function clockFromEnv(env: NodeJS.ProcessEnv): () => Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim()
  if (raw === undefined || raw === '') return () => new Date()
  const ms = /^\d+$/.test(raw) ? Number(raw) * 1000 : Number.NaN
  if (Number.isNaN(new Date(ms).getTime())) {
    throw new DeployError(
      'INVALID_INPUT',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got '${raw}'`
    )
  }
  return () => new Date(ms)
}
