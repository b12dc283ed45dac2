import { relative } from 'node:path'
import { DeployError, errorMessage } from '../errors.js'
import { classifyError } from '../runtime/retry.js'
import type { Settings } from '../settings/types.js'

/**
 * What the preflight's checks report: a line per result, in words a user acts on. A problem stops
 * the run before anything is built or changed; a warning is told and the run goes on.
 */
export type Finding =
  | { readonly kind: 'ok'; readonly line: string; readonly service: string | undefined }
  | { readonly kind: 'problem'; readonly line: string; readonly unreachable: boolean }
  | { readonly kind: 'warning'; readonly line: string }

/** One external thing, checked read-only within CHECK_BOUNDS. */
export type Check = (signal: AbortSignal) => Promise<Finding[]>

/** Each check's own short bounds: a few seconds to learn what a build would take minutes to. */
export const CHECK_BOUNDS = {
  attempts: 2,
  attemptTimeoutMs: 10_000,
  baseDelayMs: 500,
  maxRetryAfterMs: 10_000
} as const

export function ok(line: string, service?: string): Finding {
  return { kind: 'ok', line: oneLine(line), service }
}

/** Something the inputs, the config, the credentials or a permission must fix. */
export function problem(line: string): Finding {
  return { kind: 'problem', line: oneLine(line), unreachable: false }
}

export function warning(line: string): Finding {
  return { kind: 'warning', line: oneLine(line) }
}

/**
 * A check that failed: a problem, or, when the failure is one the retry helper would try again
 * (no answer, 5xx, throttled), a service that could not be reached.
 */
export function failed(what: string, error: unknown): Finding {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  const reason = `${errorMessage(error)}${typeof code === 'string' ? ` (${code})` : ''}`
  if (error instanceof DeployError || !classifyError(error).retry) {
    return problem(`${what}: ${reason}`)
  }
  return {
    kind: 'problem',
    line: oneLine(`${what} did not answer: ${reason}; check the address and the network`),
    unreachable: true
  }
}

/** "services.api.deploy.ecs.cluster in .github/deploy.yml": where a user fixes a target's key. */
export function configKey(settings: Settings, service: string, path: string): string {
  const file = settings.configPath
    ? relative(settings.context.workspace, settings.configPath) || settings.configPath
    : 'the deploy config'
  return `services.${service}.deploy.${path} in ${file}`
}

/** Server text goes into one log line, never onto a line of its own. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/**
 * Every problem at once, as one DeployError. INVALID_INPUT when something must be fixed in what the
 * run was given; DEPLOY_FAILED when all that went wrong is that services did not answer, which a
 * later run may not meet.
 */
export function preflightFailure(problems: readonly Finding[]): DeployError | undefined {
  const lines = problems.filter(f => f.kind === 'problem')
  if (lines.length === 0) return undefined
  const code = lines.every(f => f.unreachable) ? 'DEPLOY_FAILED' : 'INVALID_INPUT'
  const noun = lines.length === 1 ? 'problem' : 'problems'
  return new DeployError(
    code,
    `preflight found ${lines.length} ${noun}; nothing was tagged, built or deployed:\n` +
      lines.map(f => `  - ${f.line}`).join('\n')
  )
}
