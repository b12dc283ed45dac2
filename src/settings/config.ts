import * as v from 'valibot'
import type { Environment } from './types.js'
import { quote, type Problems } from './problems.js'
import { readSmallTextFile } from './files.js'
import { isPlainObject, loadBoundedYaml } from './yaml.js'
import {
  configSchema,
  serviceConfigSchema,
  type DeployConfig,
  type EnvironmentOverride,
  type ServiceConfig
} from './config-schema.js'

/** The deploy config with the chosen environment's overrides already merged in. */
export interface EffectiveConfig {
  readonly registry: string | undefined
  readonly platforms: readonly string[] | undefined
  readonly timezone: string | undefined
  /** Where the timezone was set: `timezone`, or `environments.<env>.timezone`. */
  readonly timezoneKey: string
  readonly slackUsers: Readonly<Record<string, string>>
  readonly argocd: NonNullable<DeployConfig['argocd']>
  readonly runners: Readonly<Record<string, string>>
  readonly services: ReadonlyArray<readonly [string, ServiceConfig]>
  /** The environment's promotion gate keys, as written. */
  readonly gate: Pick<EnvironmentOverride, 'promote_from' | 'soak' | 'windows' | 'deny'>
}

/**
 * Reads, parses and validates the deploy config, and applies `environments.<environment>` over the
 * defaults. Problems go to `problems` (with the file name and key path); the result is undefined
 * when the file could not be understood at all. `path` must already be checked to lie inside the
 * workspace; the file itself is only read when it is a small regular file of valid UTF-8.
 */
export function loadConfig(
  path: string,
  displayName: string,
  environment: Environment | undefined,
  problems: Problems
): EffectiveConfig | undefined {
  const file = readSmallTextFile(path)
  if (!file.ok) {
    problems.add(displayName, file.problem)
    return undefined
  }
  // js-yaml rather than yaml: a tenth of the start-up cost, and the config is read on every run.
  // Duplicate keys are an error in both, as they should be: the second would silently win.
  const loaded = loadBoundedYaml(
    file.text,
    displayName,
    keys => `${displayName}: ${keyPath(keys)}`,
    problems
  )
  if (!loaded) return undefined
  const raw = loaded.value ?? {}
  const parsed = v.safeParse(configSchema, raw)
  if (!parsed.success) {
    reportIssues(parsed.issues, displayName, [], problems)
    return undefined
  }
  return applyEnvironment(parsed.output, raw as RawConfig, displayName, environment, problems)
}

type RawConfig = Record<string, unknown> & {
  services?: Record<string, unknown>
  environments?: Record<string, Record<string, unknown> | undefined>
}

function applyEnvironment(
  config: DeployConfig,
  raw: RawConfig,
  displayName: string,
  environment: Environment | undefined,
  problems: Problems
): EffectiveConfig | undefined {
  const override = environment ? config.environments?.[environment] : undefined
  const rawOverride = environment ? (raw.environments?.[environment] ?? {}) : {}
  const rawOverrideServices = (rawOverride.services ?? {}) as Record<string, unknown>
  const baseServices = raw.services ?? {}
  const services: Array<[string, ServiceConfig]> = []
  let valid = true

  for (const name of Object.keys(rawOverrideServices)) {
    if (!(name in baseServices)) {
      problems.add(
        `${displayName}: environments.${environment}.services.${name}`,
        'overrides a service that is not defined under services'
      )
      valid = false
    }
  }
  for (const [name, base] of Object.entries(baseServices)) {
    const merged = deepMerge(base, rawOverrideServices[name])
    const result = v.safeParse(serviceConfigSchema, merged)
    if (!result.success) {
      const suffix = rawOverrideServices[name] ? ` (with environments.${environment} applied)` : ''
      reportIssues(result.issues, displayName, ['services', name], problems, suffix)
      valid = false
      continue
    }
    services.push([name, result.output])
  }
  if (!valid) return undefined
  return {
    registry: override?.registry ?? config.registry,
    platforms: override?.platforms ?? config.platforms,
    timezone: override?.timezone ?? config.timezone,
    timezoneKey:
      override?.timezone === undefined ? 'timezone' : `environments.${environment}.timezone`,
    slackUsers: { ...(config.slack_users ?? {}), ...(override?.slack_users ?? {}) },
    argocd: { ...(config.argocd ?? {}), ...(override?.argocd ?? {}) },
    runners: { ...(config.runners ?? {}), ...(override?.runners ?? {}) },
    services,
    gate: {
      promote_from: override?.promote_from,
      soak: override?.soak,
      windows: override?.windows,
      deny: override?.deny
    }
  }
}

/** Objects merge key by key; anything else (arrays included) is replaced by the override. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) result[key] = deepMerge(base[key], value)
  return result
}

type Issue = v.BaseIssue<unknown>

function reportIssues(
  issues: readonly Issue[],
  displayName: string,
  prefix: readonly string[],
  problems: Problems,
  suffix = ''
): void {
  for (const issue of issues.flatMap(closestIssues)) {
    const path = [...prefix, ...(issue.path ?? []).map(item => String(item.key))]
    // A strict object reports an unknown key as a key whose only allowed value is `never`.
    const unknownKey = issue.type.startsWith('strict_') && issue.expected === 'never'
    const problem = unknownKey ? 'unknown key' : describeIssue(issue)
    problems.add(`${displayName}: ${keyPath(path)}`, `${problem}${suffix}`)
  }
}

/**
 * A union (`container: name | [names]`) says only "expected string | list" when the list's item
 * is wrong; the option that got deeper into the value knows which key and what. Its issues are
 * reported instead.
 */
function closestIssues(issue: Issue): Issue[] {
  // The options' issues have paths relative to the union's own value.
  const deeper = (issue.issues ?? []).filter(sub => (sub.path?.length ?? 0) > 0)
  if (issue.type !== 'union' || deeper.length === 0) return [issue]
  return deeper
    .map(sub => ({ ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] }) as Issue)
    .flatMap(closestIssues)
}

function keyPath(path: readonly string[]): string {
  return path.length === 0 ? '(top level)' : path.join('.')
}

function describeIssue(issue: Issue): string {
  // Our own checks (patterns, ranges, durations) already say what was expected.
  if (issue.kind === 'validation') return issue.message
  if (issue.input === undefined) return 'required'
  if (issue.type === 'custom') return `${issue.message}, got ${typeName(issue.input)}`
  if (issue.type === 'picklist') {
    return `expected one of ${(issue.expected ?? '')
      .replace(/^\(|\)$/g, '')
      .split(' | ')
      .join(', ')}, got ${typeName(issue.input)}`
  }
  return `expected ${(issue.expected ?? 'another value').replace(/Object/g, 'mapping').replace(/Array/g, 'list')}, got ${typeName(issue.input)}`
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `string ${quote(value)}`
  return `${typeof value} ${String(value)}`
}
