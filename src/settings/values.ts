import { DeployError } from '../errors.js'

/** Parsers and checks of input values, shared by inputs, the config file and the plan. */

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/

const SECOND = 1000
const HOUR = 3_600_000

/**
 * What a duration may be. Timers past 2^31-1 ms (24.8 days) fire at once in Node, and a poll
 * interval under a second turns a wait into a flood of API calls; so every duration is bounded.
 */
export interface DurationRange {
  readonly minMs: number
  readonly maxMs: number
  /** When set, only whole multiples of it. */
  readonly stepMs?: number
}

/** deploy_timeout, build_timeout, push_timeout. */
export const TIMEOUT_RANGE: DurationRange = { minMs: SECOND, maxMs: 24 * HOUR }
/** poll_interval, secret_interval: how often something outside is asked. */
export const INTERVAL_RANGE: DurationRange = { minMs: SECOND, maxMs: HOUR }
/** ECS bake times (step_bake, bake): whole minutes, 0 to 24 h. */
export const BAKE_RANGE: DurationRange = { minMs: 0, maxMs: 24 * HOUR, stepMs: 60_000 }
/** degraded_grace: may be short, never past the longest deploy. */
export const GRACE_RANGE: DurationRange = { minMs: 1, maxMs: 24 * HOUR }

/**
 * "30s", "5m", "1h", "250ms" or a bare number of seconds -> milliseconds; undefined when it is not
 * a duration or falls outside `range`. Exponents, `.inf`, `NaN` and signs are not durations.
 */
export function parseDuration(
  value: string | number,
  range: DurationRange = TIMEOUT_RANGE
): number | undefined {
  let ms: number
  if (typeof value === 'number') {
    ms = value * SECOND
  } else {
    // Not trimmed: inputs arrive trimmed, and a config value with a line break is not a duration.
    const match = DURATION.exec(value)
    if (!match) return undefined
    const unit = { ms: 1, s: SECOND, m: 60_000, h: HOUR }[match[2] ?? 's'] ?? SECOND
    ms = Number(match[1]) * unit
  }
  if (!Number.isFinite(ms) || ms < range.minMs || ms > range.maxMs) return undefined
  if (range.stepMs !== undefined && Math.round(ms) % range.stepMs !== 0) return undefined
  return Math.round(ms)
}

/** What a duration in `range` looks like, for the problem when it is not one. */
export function durationExpected(range: DurationRange = TIMEOUT_RANGE): string {
  return `a duration such as 90s, 10m or 1h (a bare number is seconds), from ${formatRange(range.minMs)} to ${formatRange(range.maxMs)}`
}

export const DURATION_EXPECTED = durationExpected()

function formatRange(ms: number): string {
  if (ms < SECOND) return `${ms}ms`
  return ms % HOUR === 0 ? `${ms / HOUR}h` : `${ms / SECOND}s`
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(value: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return undefined
}

export const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

/** X.Y.Z as semver reads it: numbers without leading zeros, each a safe integer. */
const VERSION = /^v?((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))$/

/**
 * Accepts X.Y.Z or vX.Y.Z and returns X.Y.Z. Checked here rather than by the semver package,
 * which builds some forty regular expressions when it loads, on every run.
 */
export function normaliseVersion(version: string): string {
  const match = VERSION.exec(version.trim())
  if (match === null || !match.slice(2).every(part => Number.isSafeInteger(Number(part)))) {
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

/** A lone UTF-16 surrogate: text that has no UTF-8 form, so no API would receive it intact. */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Control characters (C0, DEL, C1) other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/**
 * A DNS host name (RFC 1123) with an optional port 1-65535, as in a registry or a URL: at most 253
 * characters, labels of at most 63. Returns what is wrong, or undefined when it is fine.
 */
export function hostProblem(hostPort: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort)
  const host = match?.[1] ?? ''
  const port = match?.[2]
  if (host.length === 0 || host.length > 253) return 'expected a host name of 1 to 253 characters'
  if (host.split('.').some(label => label.length === 0 || label.length > 63)) {
    return 'expected a host name made of labels of 1 to 63 characters'
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return 'expected a port from 1 to 65535'
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return 'expected a port from 1 to 65535'
  }
  return undefined
}

export const REGISTRY_PATTERN = /^(ghcr|ecr|[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*)$/

/**
 * What is wrong with a registry spec (`ghcr`, `ecr`, `host[:port][/namespace]`), or undefined.
 * Credentials are refused without repeating the value: it would print the password.
 */
export function registryProblem(spec: string): string | undefined {
  if (spec.includes('@')) {
    return 'must not carry credentials (user:password@host); give them in the registry_username and registry_password inputs'
  }
  if (spec.length > 512 || !REGISTRY_PATTERN.test(spec)) {
    return 'expected ghcr, ecr or host[:port][/namespace] in lower case'
  }
  if (spec === 'ghcr' || spec === 'ecr') return undefined
  return hostProblem(spec.split('/', 1)[0] ?? '')
}

/**
 * What is wrong with an http(s) URL from the config or an input, or undefined. Said without the
 * value where the value may be a password.
 */
export function httpUrlProblem(value: string): string | undefined {
  if (value.length > 2048) return 'expected a URL of at most 2048 characters'
  // The URL parser drops tabs and line breaks silently; what is sent must be what was written.
  if (/\s/.test(value) || CONTROL_CHARACTER.test(value)) {
    return 'expected a URL without spaces or control characters'
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'expected an http(s) URL'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'expected an http(s) URL'
  if (url.username || url.password) return 'expected a URL without a user name or password'
  return hostProblem(url.port ? `${url.hostname}:${url.port}` : url.hostname)
}
