/** Parsers for input values that are shared by inputs and the config file. */

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
