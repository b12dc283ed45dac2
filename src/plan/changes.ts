import type { ServiceSettings } from '../settings/types.js'
import { globToRegExp, matchesAny } from './globs.js'
import type { Plan, ServiceChange } from './types.js'

/**
 * changed_only: which services run. A service runs when a file under its paths changed since the
 * base commit, when a service it names in redeploy_with runs, or when nothing can tell (no base,
 * no list of files, no paths). The others are left out of the plan (neither built nor deployed),
 * each with the reason, and the deploy order is the same graph without them. Pure.
 */
export interface ChangedFiles {
  /** The commit compared against; undefined when there is none. */
  readonly base: string | undefined
  /** Where the base came from, in words. */
  readonly baseFrom: string
  /** Files changed from base to the deployed commit; undefined when they cannot be known. */
  readonly files: readonly string[] | undefined
  /** Why the files are not known, when they are not. */
  readonly unknown?: string
}

export function narrowPlan(
  plan: Plan,
  services: readonly Pick<ServiceSettings, 'name' | 'paths' | 'redeployWith'>[],
  changes: ChangedFiles
): Plan {
  const reasons = new Map<string, string>()
  const settingsOf = new Map(services.map(s => [s.name, s]))
  const everything = everythingRuns(changes)
  for (const planned of plan.services) {
    const reason = everything ?? ownChange(settingsOf.get(planned.name)?.paths, changes.files ?? [])
    if (reason) reasons.set(planned.name, reason)
  }
  // redeploy_with follows chains (a -> b -> c): repeat until nothing more runs.
  for (let grew = true; grew;) {
    grew = false
    for (const planned of plan.services) {
      if (reasons.has(planned.name)) continue
      const cause = settingsOf.get(planned.name)?.redeployWith?.find(name => reasons.has(name))
      if (cause) {
        reasons.set(planned.name, `redeploy_with: ${cause} runs`)
        grew = true
      }
    }
  }
  const runs = (name: string): boolean => reasons.has(name)
  const changed: ServiceChange[] = []
  const unchanged: ServiceChange[] = []
  for (const planned of plan.services) {
    const reason = reasons.get(planned.name)
    if (reason) changed.push({ name: planned.name, reason })
    else
      unchanged.push({
        name: planned.name,
        reason: unchangedReason(settingsOf.get(planned.name)?.paths, changes)
      })
  }
  return {
    ...plan,
    services: plan.services
      .filter(s => runs(s.name))
      .map(s => ({ ...s, dependsOn: s.dependsOn.filter(runs) })),
    layers: plan.layers.map(layer => layer.filter(runs)).filter(layer => layer.length > 0),
    changes: { base: changes.base, baseFrom: changes.baseFrom, changed, unchanged }
  }
}

function everythingRuns(changes: ChangedFiles): string | undefined {
  if (!changes.base) return `nothing to compare with (${changes.baseFrom}): every service runs`
  if (!changes.files)
    return `${changes.unknown ?? 'the changed files are unknown'}: every service runs`
  return undefined
}

/** Why a service's own files make it run, or undefined when none of them changed. */
function ownChange(
  paths: readonly string[] | undefined,
  files: readonly string[]
): string | undefined {
  if (!paths) return 'it has neither a build nor paths to compare: always deployed'
  const globs = paths.map(globToRegExp)
  const hits = files.filter(file => matchesAny(globs, file))
  if (hits.length === 0) return undefined
  const shown = hits.slice(0, 3).join(', ')
  const more = hits.length > 3 ? ` and ${hits.length - 3} more` : ''
  return `${hits.length} changed file${hits.length === 1 ? '' : 's'} under its paths: ${shown}${more}`
}

function unchangedReason(paths: readonly string[] | undefined, changes: ChangedFiles): string {
  const base = changes.base?.slice(0, 7) ?? '?'
  return `no change under ${(paths ?? []).join(', ')} since ${base} (${changes.baseFrom})`
}
