import { existsSync, readFileSync } from 'node:fs'
import { load as loadYaml, YAMLException } from 'js-yaml'
import * as v from 'valibot'
import type { Environment } from './types.js'
import type { Problems } from './problems.js'
import {
  configSchema,
  serviceConfigSchema,
  type DeployConfig,
  type ServiceConfig
} from './config-schema.js'

/** The deploy config with the chosen environment's overrides already merged in. */
export interface EffectiveConfig {
  readonly registry: string | undefined
  readonly platforms: readonly string[] | undefined
  readonly timezone: string | undefined
  readonly slackUsers: Readonly<Record<string, string>>
  readonly argocd: NonNullable<DeployConfig['argocd']>
  readonly services: ReadonlyArray<readonly [string, ServiceConfig]>
}

/**
 * Reads, parses and validates the deploy config, and applies `environments.<environment>` over the
 * defaults. Problems go to `problems` (with the file name and key path); the result is undefined
 * when the file could not be understood at all.
 */
export function loadConfig(
  path: string,
  displayName: string,
  environment: Environment | undefined,
  problems: Problems
): EffectiveConfig | undefined {
  if (!existsSync(path)) {
    problems.add(displayName, 'file not found')
    return undefined
  }
  // js-yaml rather than yaml: a tenth of the start-up cost, and the config is read on every run.
  // Duplicate keys are an error in both, as they should be: the second would silently win.
  let raw: unknown
  try {
    raw = loadYaml(readFileSync(path, 'utf8'), { filename: displayName }) ?? {}
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    const where = `${displayName}: line ${error.mark.line + 1}, column ${error.mark.column + 1}`
    problems.add(where, `YAML syntax: ${error.reason}`)
    return undefined
  }
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
    slackUsers: { ...(config.slack_users ?? {}), ...(override?.slack_users ?? {}) },
    argocd: { ...(config.argocd ?? {}), ...(override?.argocd ?? {}) },
    services
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

type Issue = v.BaseIssue<unknown>

function reportIssues(
  issues: readonly Issue[],
  displayName: string,
  prefix: readonly string[],
  problems: Problems,
  suffix = ''
): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? []).map(item => String(item.key))]
    // A strict object reports an unknown key as a key whose only allowed value is `never`.
    const unknownKey = issue.type.startsWith('strict_') && issue.expected === 'never'
    const problem = unknownKey ? 'unknown key' : describeIssue(issue)
    problems.add(`${displayName}: ${keyPath(path)}`, `${problem}${suffix}`)
  }
}

function keyPath(path: readonly string[]): string {
  return path.length === 0 ? '(top level)' : path.join('.')
}

function describeIssue(issue: Issue): string {
  // Our own checks (patterns, ranges, durations) already say what was expected.
  if (issue.kind === 'validation') return issue.message
  if (issue.input === undefined) return 'required'
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
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
