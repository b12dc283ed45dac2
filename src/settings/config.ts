import { existsSync, readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import type { z } from 'zod'
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
  const document = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true })
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const at = error.linePos?.[0]
      const where = at ? `${displayName}: line ${at.line}, column ${at.col}` : displayName
      problems.add(where, `YAML syntax: ${error.message.split('\n')[0]}`)
    }
    return undefined
  }
  const raw: unknown = document.toJS() ?? {}
  const parsed = configSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    reportIssues(parsed.error.issues, displayName, [], problems)
    return undefined
  }
  return applyEnvironment(parsed.data, raw as RawConfig, displayName, environment, problems)
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
    const result = serviceConfigSchema.safeParse(merged, { reportInput: true })
    if (!result.success) {
      const suffix = rawOverrideServices[name] ? ` (with environments.${environment} applied)` : ''
      reportIssues(result.error.issues, displayName, ['services', name], problems, suffix)
      valid = false
      continue
    }
    services.push([name, result.data])
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

function reportIssues(
  issues: readonly z.core.$ZodIssue[],
  displayName: string,
  prefix: readonly (string | number)[],
  problems: Problems,
  suffix = ''
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(segment => String(segment))]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.add(`${displayName}: ${keyPath([...path, key])}`, `unknown key${suffix}`)
      }
      continue
    }
    problems.add(`${displayName}: ${keyPath(path)}`, `${describeIssue(issue)}${suffix}`)
  }
}

function keyPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(top level)' : path.join('.')
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_union')
  ) {
    return 'required'
  }
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, got ${typeName(issue.input)}`
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`
  }
  if (issue.code === 'invalid_union')
    return issue.message.replace(/^Invalid input/, 'invalid value')
  return issue.message.replace(/^Invalid string: must match pattern .*/, 'invalid format')
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}
