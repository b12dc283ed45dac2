import type { EventBus } from '../events/bus.js'
import type { Plan } from '../plan/types.js'
import type { Settings } from '../settings/types.js'
import type { Toolkit } from '../toolkit.js'
import { awsChecks } from './preflight-aws.js'
import { serviceChecks } from './preflight-checks.js'
import { failed, preflightFailure, type Finding } from './preflight-findings.js'

/**
 * The preflight, the last part of INIT: once VERSION has made the plan, and before anything is
 * tagged, built or deployed, every external thing the plan uses is checked read-only: AWS
 * credentials and regions, the ECS services, state machines and Argo CD applications, the Slack
 * bot and channel, the GitHub token, each registry's login. The checks run in parallel, each
 * within its own short bounds; every problem is reported at once in one DeployError. It changes
 * nothing, so a dry run runs it too and answers "would this work?".
 */
export interface PreflightRun {
  readonly settings: Settings
  readonly plan: Plan
  readonly bus: EventBus
  readonly core: Pick<Toolkit, 'setSecret'>
  /** A warning that also belongs in the job summary. */
  readonly warn: (message: string) => void
}

/** The phase's own deadline: each check is bounded far below it (CHECK_BOUNDS). */
export const PREFLIGHT_BUDGET_MS = 90_000

export async function runPreflight(run: PreflightRun, signal: AbortSignal): Promise<void> {
  const checks = [...awsChecks(run), ...serviceChecks(run)]
  if (checks.length === 0) {
    run.bus.emit({
      type: 'info',
      stage: 'INIT',
      message: 'preflight: the plan uses nothing outside'
    })
    return
  }
  const results = await Promise.all(
    checks.map(check =>
      check(signal).catch((error: unknown): Finding[] => {
        signal.throwIfAborted()
        return [failed('preflight check', error)]
      })
    )
  )
  // Told in the order of the checks, not of their answers, so the log reads the same every run.
  const findings = results.flat()
  for (const finding of findings) {
    if (finding.kind === 'ok') {
      run.bus.emit({
        type: 'info',
        stage: 'INIT',
        message: finding.line,
        ...(finding.service ? { service: finding.service } : {})
      })
    } else if (finding.kind === 'warning') {
      run.warn(`preflight: ${finding.line}`)
    }
  }
  const failure = preflightFailure(findings)
  if (failure) throw failure
}
