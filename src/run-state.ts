import type { RunStatus } from './events/model.js'
import type { Settings } from './settings/types.js'
import type { Toolkit } from './toolkit.js'

/**
 * What the main step leaves for the post step (core.saveState): enough to finish honestly when
 * main never did (cancelled, crashed, killed): where the events are, which deployment this is.
 */
export interface SavedRun {
  deploymentId: string
  eventsFile: string
  tempDir: string
  environment: string
  finished: boolean
  status?: RunStatus
  /** The GitHub Deployment main created, for the post step to mark if main never could. */
  githubDeploymentId?: number
  /** Main may log in to registries (credentials under tempDir), which the post step removes. */
  registryAuth?: boolean
}

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
    ...(logsInToRegistries(run.settings) ? { registryAuth: true } : {})
  }
  core.saveState(RUN_STATE_KEY, JSON.stringify(saved))
}

/** BUILD and PUSH log in; only services with a build have an image (plan/index.ts). */
function logsInToRegistries(settings: Settings): boolean {
  return !settings.dryRun && settings.services.some(service => service.build)
}

export function readRunState(core: Pick<Toolkit, 'getState'>): SavedRun | undefined {
  const raw = core.getState(RUN_STATE_KEY)
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as SavedRun
  } catch {
    return undefined
  }
}

/** Set by the main step the moment it receives SIGINT/SIGTERM. */
export const CANCEL_STATE_KEY = 'deploy_pipeline_cancel'
