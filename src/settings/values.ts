import semver from 'semver'
import { DeployError } from '../errors.js'

/** Parsers and checks of input values, shared by inputs, the config file and the plan. */

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/

/** "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined if invalid. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return value > 0 ? value * 1000 : undefined
  const match = DURATION.exec(value.trim())
  if (!match) return undefined
  const amount = Number(match[1])
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000
  const ms = amount * unit
  return ms > 0 ? ms : undefined
}

export const DURATION_EXPECTED = 'a duration such as 90s, 10m or 1h (a bare number is seconds)'

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(value: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return undefined
}

export const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

/** Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. */
export function normaliseVersion(version: string): string {
  const match = /^v?(\d+\.\d+\.\d+)$/.exec(version.trim())
  if (match === null || semver.valid(match[1]) === null) {
    throw new DeployError(
      'INVALID_INPUT',
      `version '${version}' is not X.Y.Z (three numbers without leading zeros, an optional leading v)`
    )
  }
  return match[1] as string
}

/**
 * UTC (the default) needs no time zone data. The first Intl.DateTimeFormat with a time zone loads
 * ICU's zone data, about 20 ms of a start that is budgeted at 100 ms, so UTC goes around it.
 */
export const UTC_NAMES: ReadonlySet<string> = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/Universal',
  'Etc/Zulu',
  'Universal',
  'Zulu'
])

export function isValidTimezone(name: string): boolean {
  if (UTC_NAMES.has(name)) return true
  // Newer Intl also takes offsets such as +09:00; they are not IANA names, so reject them everywhere.
  if (!/^[A-Za-z]/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}
