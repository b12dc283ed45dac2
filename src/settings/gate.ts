import type { EffectiveConfig } from './config.js'
import { type Problems } from './problems.js'
import type { Environment, GateSettings, TimeWindow } from './types.js'
import { parseDuration } from './values.js'

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const SOAK_RANGE = { minMs: 0, maxMs: 30 * 24 * 3_600_000 }

/**
 * `environments.<env>: {promote_from, soak, windows, deny}` -> the gate, with `override_gate`.
 * The shapes were checked by the schema; here they become days and minutes, and the override is
 * held to carrying a reason, since the reason is what the record and the card keep.
 */
export function readGate(
  config: EffectiveConfig['gate'] | undefined,
  environment: Environment,
  override: { readonly wanted: boolean; readonly reason: string; readonly actor: string },
  where: { readonly config: string; readonly overrideGate: string; readonly reason: string },
  problems: Problems
): GateSettings | undefined {
  if (override.wanted && !override.reason) {
    problems.add(where.overrideGate, `needs ${where.reason}: who overrides the gate says why`)
  }
  const hasWindows = (config?.windows?.length ?? 0) + (config?.deny?.length ?? 0) > 0
  if (!config || (!config.promote_from && !hasWindows)) return undefined
  if (config.promote_from === environment) {
    problems.add(
      `${where.config}: environments.${environment}.promote_from`,
      `cannot be ${environment} itself`
    )
  }
  // A window that ends before it starts would never open (an overnight window is two windows).
  for (const key of ['windows', 'deny'] as const) {
    for (const [i, window] of (config[key] ?? []).entries()) {
      const { startMinute, endMinute } = timeWindow(window)
      if (endMinute <= startMinute) {
        problems.add(
          `${where.config}: environments.${environment}.${key}.${i}.hours`,
          'ends before it starts: split an overnight window in two (22:00-24:00 and 00:00-06:00)'
        )
      }
    }
  }
  return {
    promoteFrom: config.promote_from ?? environment,
    soakMs: config.soak === undefined ? 0 : (parseDuration(config.soak, SOAK_RANGE) ?? 0),
    windows: (config.windows ?? []).map(timeWindow),
    deny: (config.deny ?? []).map(timeWindow),
    override:
      override.wanted && override.reason
        ? { actor: override.actor, reason: override.reason }
        : undefined
  }
}

function timeWindow(window: { days: string; hours?: string | undefined }): TimeWindow {
  const days = new Set<number>()
  for (const part of window.days.split(',')) {
    const [first, last] = part.split('-')
    const start = DAY_NAMES.indexOf(first ?? '')
    const end = last === undefined ? start : DAY_NAMES.indexOf(last)
    // mon-fri, and fri-mon across the weekend.
    for (let d = start; ; d = (d + 1) % 7) {
      days.add(d)
      if (d === end) break
    }
  }
  const hours = window.hours ?? '00:00-24:00'
  const [from = '00:00', to = '24:00'] = hours.split('-')
  const minutes = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5))
  return {
    days: [...days].sort(),
    startMinute: minutes(from),
    endMinute: minutes(to),
    text: `${window.days} ${hours}`
  }
}
