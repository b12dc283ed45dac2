import { RUN_STATUSES, type RunStatus } from './events/model.js'
import type { Settings } from './settings/types.js'
import type { Toolkit } from './toolkit.js'

/**
 * What the main step leaves for the post step (core.saveState): enough to finish honestly when
 * main never did (cancelled, crashed, killed): where the events are, which deployment this is.
 */
export interface SavedRun {
  deploymentId: string
  eventsFile: string
  /** Where main left registry credentials for the post step to remove. */
  tempDir: string
  environment: string
  finished: boolean
  status?: RunStatus
  /** The GitHub Deployment main created, for the post step to mark if main never could. */
  githubDeploymentId?: number
  /** Main may log in to registries (credentials under tempDir), which the post step removes. */
  registryAuth?: boolean
  /** Main may write helm values files holding secrets (under tempDir), which the post step removes. */
  helmValues?: boolean
}

/** A field's check: what is wrong with the value, or undefined. */
type Check = (value: unknown) => string | undefined

const invalidType = (expected: string, value: unknown): string =>
  `Invalid type: Expected ${expected} but received ${shown(value)}`
const string: Check = value =>
  typeof value === 'string' ? undefined : invalidType('string', value)
const boolean: Check = value =>
  typeof value === 'boolean' ? undefined : invalidType('boolean', value)
const path: Check = value => string(value) ?? (value === '' ? 'expected a path' : undefined)
const status: Check = value =>
  (RUN_STATUSES as readonly unknown[]).includes(value)
    ? undefined
    : invalidType(`(${RUN_STATUSES.map(name => `"${name}"`).join(' | ')})`, value)
const positiveInteger: Check = value => {
  if (typeof value !== 'number') return invalidType('number', value)
  if (!Number.isInteger(value)) return `Invalid integer: Received ${shown(value)}`
  return value >= 1 ? undefined : `Invalid value: Expected >=1 but received ${shown(value)}`
}
const optional =
  (check: Check): Check =>
  value =>
    value === undefined ? undefined : check(value)

/**
 * The state file is outside the action's control (cut by a full disk, edited), so the post step
 * checks every field before it trusts one (it deletes under tempDir); a new field is one more
 * line here. Checked by hand, in valibot's words: valibot is 200 kB the post step would load
 * after every run, dry runs included, for nine fields.
 */
const savedRunFields: { readonly [Key in keyof SavedRun]-?: Check } = {
  deploymentId: string,
  eventsFile: path,
  tempDir: path,
  environment: string,
  finished: boolean,
  status: optional(status),
  githubDeploymentId: optional(positiveInteger),
  registryAuth: optional(boolean),
  helmValues: optional(boolean)
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

/** The saved run in `json` (its unknown keys left out), or its first problem, with the key. */
function checkSavedRun(json: unknown): { run: SavedRun } | { problem: string } {
  if (typeof json !== 'object' || json === null) {
    return { problem: invalidType('Object', json) }
  }
  const run: Record<string, unknown> = {}
  for (const [key, check] of Object.entries(savedRunFields)) {
    const value = (json as Record<string, unknown>)[key]
    const problem = check(value)
    if (problem) return { problem: `${key}: ${problem}` }
    if (value !== undefined) run[key] = value
  }
  return { run: run as unknown as SavedRun }
}

/**
 * The run main saved, or none: without a problem when main saved nothing (it stopped before it
 * read valid settings), with one when what it saved cannot be used.
 */
export type SavedRunRead = { run: SavedRun } | { run: undefined; problem?: string }

export const RUN_STATE_KEY = 'deploy_pipeline_run'

export function saveRunState(
  core: Pick<Toolkit, 'saveState'>,
  run: { settings: Settings; finished: boolean; status?: RunStatus; githubDeploymentId?: number }
): void {
  const saved: SavedRun = {
    deploymentId: run.settings.deploymentId,
    eventsFile: run.settings.eventsFile,
    tempDir: run.settings.context.tempDir,
    environment: run.settings.environment,
    finished: run.finished,
    ...(run.status ? { status: run.status } : {}),
    ...(run.githubDeploymentId ? { githubDeploymentId: run.githubDeploymentId } : {}),
    ...(logsInToRegistries(run.settings) ? { registryAuth: true } : {}),
    ...(writesHelmSecrets(run.settings) ? { helmValues: true } : {})
  }
  core.saveState(RUN_STATE_KEY, JSON.stringify(saved))
}

/** BUILD logs in to registries for the builder; only services with a build do. */
function logsInToRegistries(settings: Settings): boolean {
  return !settings.dryRun && settings.services.some(service => service.build)
}

/** DEPLOY writes a 0600 values file for each helm service with set_secret. */
function writesHelmSecrets(settings: Settings): boolean {
  return (
    !settings.dryRun &&
    settings.services.some(
      service => service.deploy?.kind === 'helm' && Object.keys(service.deploy.setSecret).length > 0
    )
  )
}

export function readRunState(core: Pick<Toolkit, 'getState'>): SavedRunRead {
  const raw = core.getState(RUN_STATE_KEY)
  if (!raw) return { run: undefined }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { run: undefined, problem: 'the saved run state is unusable: not JSON' }
  }
  const checked = checkSavedRun(json)
  if ('run' in checked) return checked
  return { run: undefined, problem: `the saved run state is unusable: ${checked.problem}` }
}

/** Set by the main step the moment it receives SIGINT/SIGTERM. */
export const CANCEL_STATE_KEY = 'deploy_pipeline_cancel'
