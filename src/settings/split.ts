import type { InputReader } from './inputs.js'
import { inputName, quote, type Problems } from './problems.js'
import { PHASES, type SplitSettings } from './types.js'
import { PLATFORM } from './values.js'

/**
 * The inputs of a workflow split across jobs (docs/scaling.md): which phase this job runs, and
 * what the earlier jobs handed it. Checked here for presence and form; the plan itself is read
 * and checked against this job (commit, environment) when the pipeline takes it over.
 */

/** GitHub-hosted runners whose architecture matches, so no job builds under emulation. */
export const DEFAULT_RUNNERS: Readonly<Record<string, string>> = {
  'linux/amd64': 'ubuntu-24.04',
  'linux/arm64': 'ubuntu-24.04-arm'
}

export function readSplitSettings(
  input: InputReader,
  configRunners: Readonly<Record<string, string>>,
  problems: Problems
): { settings: SplitSettings; planDeploymentId: string | undefined } {
  const phase = input.oneOf('phase', PHASES, 'all')
  const changedOnly = input.bool('changed_only', false)
  const plan = input.optional('plan')
  const service = input.optional('service')
  const platform = input.optional('platform')
  const records = input.optional('records')

  const required = (name: string, value: string | undefined, what: string): void => {
    if (!value && !input.wasRefused(name)) {
      problems.add(inputName(name), `required with phase: ${phase} (${what})`)
    }
  }
  if (phase === 'build' || phase === 'deploy') {
    required('plan', plan, "the plan job's plan output")
  }
  if (phase === 'build') {
    required('service', service, "the matrix entry's service")
    required('platform', platform, "the matrix entry's platform")
  }
  if (phase === 'deploy') {
    required('records', records, "the build jobs' records: a directory or a JSON list")
  }
  if (platform && !PLATFORM.test(platform)) {
    problems.add(
      inputName('platform'),
      `expected os/arch such as linux/arm64, got ${quote(platform)}`
    )
  }
  const planDeploymentId =
    plan && (phase === 'build' || phase === 'deploy') ? deploymentIdOf(plan, problems) : undefined
  return {
    settings: {
      phase,
      changedOnly,
      plan,
      service,
      platform,
      records,
      runners: { ...DEFAULT_RUNNERS, ...configRunners }
    },
    planDeploymentId
  }
}

/** The plan's deployment id; a plan that is not even JSON is a problem of the input. */
function deploymentIdOf(plan: string, problems: Problems): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(plan)
  } catch {
    problems.add(inputName('plan'), 'expected the plan output of a phase: plan job, which is JSON')
    return undefined
  }
  const id = (parsed as { deploymentId?: unknown } | null)?.deploymentId
  if (typeof id === 'string' && /^[\w.-]{1,128}$/.test(id)) return id
  problems.add(inputName('plan'), 'expected the plan output of a phase: plan job (no deploymentId)')
  return undefined
}
