import * as v from 'valibot'
import { RUN_STATUSES, type RunStatus } from './events/model.js'
import { parseJson } from './runtime/json.js'
import type { Settings } from './settings/types.js'
import type { Toolkit } from './toolkit.js'

const path = v.pipe(v.string(), v.minLength(1, 'expected a path'))

/**
 * What the main step leaves for the post step (core.saveState): enough to finish honestly when
 * main never did (cancelled, crashed, killed): where the events are, which deployment this is.
 * The state file is outside the action's control (cut by a full disk, edited), so the post step
 * validates it; a new field is one more line here.
 */
const savedRunSchema = v.object({
  deploymentId: v.string(),
  eventsFile: path,
  /** Where main left registry credentials for the post step to remove. */
  tempDir: path,
  environment: v.string(),
  finished: v.boolean(),
  status: v.optional(v.picklist(RUN_STATUSES)),
  /** The GitHub Deployment main created, for the post step to mark if main never could. */
  githubDeploymentId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Main may log in to registries (credentials under tempDir), which the post step removes. */
  registryAuth: v.optional(v.boolean()),
  /** Main may write helm values files holding secrets (under tempDir), which the post step removes. */
  helmValues: v.optional(v.boolean())
})

export type SavedRun = v.InferOutput<typeof savedRunSchema>

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
  const parsed = parseJson(savedRunSchema, raw)
  if (parsed.ok) return { run: parsed.value }
  return { run: undefined, problem: `the saved run state is unusable: ${parsed.problem}` }
}

/** Set by the main step the moment it receives SIGINT/SIGTERM. */
export const CANCEL_STATE_KEY = 'deploy_pipeline_cancel'
