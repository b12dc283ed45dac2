import {
  createArgoCdClient,
  explainArgoCdError,
  isOperationInProgress,
  type Application,
  type ArgoCdClient,
  type ArgoCdClientOptions
} from '../clients/argocd.js'
import { asDeployError, DeployError, isAbortError } from '../errors.js'
import { follow } from '../runtime/follow.js'
import { describeRetry, type RetryNotice } from '../runtime/retry.js'
import type { ArgoCdTarget } from '../settings/types.js'
import { followApplication } from './argocd-follow.js'
import {
  baselineOf,
  failingResources,
  isNewOperation,
  judgeApplication,
  operationRunning,
  type Baseline
} from './argocd-health.js'
import { ownershipWarnings, repositoryOf, setImage, type ImageChange } from './argocd-image.js'
import type { Deploy, DeployOutcome, DeployRequest, TargetContext } from './types.js'

/**
 * Deploys one service through Argo CD: point the application at the new image, sync it, and
 * follow it until our own operation has finished and the app is Synced, Healthy and running the
 * new tag. The order of several apps (depends_on) is the deploy phase's business.
 */
export const deploy: Deploy<ArgoCdTarget> = async (request, context) => {
  const { target } = request
  const token = request.settings.deploy.argocdToken
  if (!target.server) {
    throw new DeployError('INVALID_INPUT', `no Argo CD server for application '${target.app}'`)
  }
  if (!token) {
    throw new DeployError(
      'INVALID_INPUT',
      `argocd_token is empty: deploying '${target.app}' needs an Argo CD API token`
    )
  }
  const clientOptions: ArgoCdClientOptions = {
    server: target.server,
    token,
    insecure: target.insecure,
    app: target.app,
    project: target.project,
    appNamespace: target.appNamespace,
    signal: context.signal,
    onRetry: retryNotice(context),
    retry: { sleep: context.sleep }
  }
  const client = createArgoCdClient(clientOptions)
  const deadline = (context.now ?? Date.now)() + context.timeoutMs
  const run = new Deployment(request, context, client, clientOptions, deadline)
  try {
    return await run.deploy()
  } catch (error) {
    const failure = asDeployError(explainArgoCdError(error, clientOptions), 'DEPLOY_FAILED')
    if (target.rollbackOnFailure && failure.code !== 'CANCELLED' && run.synced) {
      throw await run.rollBack(failure)
    }
    throw failure
  } finally {
    await client.close()
  }
}

class Deployment {
  /** Our sync was requested: from here on a failure may be rolled back. */
  synced = false
  private original: Application | undefined
  private baseline: Baseline | undefined
  private specChanged = false

  constructor(
    private readonly request: DeployRequest<ArgoCdTarget>,
    private context: TargetContext,
    private client: ArgoCdClient,
    private readonly where: ArgoCdClientOptions,
    private readonly deadline: number
  ) {}

  private get app(): string {
    return this.client.app
  }

  async deploy(): Promise<DeployOutcome> {
    const { target } = this.request
    let app = await this.client.getApplication()
    for (const warning of ownershipWarnings(app)) this.context.warning(warning)

    if (operationRunning(app) && target.terminateRunning) {
      this.context.warning(`Terminating the operation running on Argo CD application '${this.app}'`)
      await this.client.terminateOperation()
    }
    app = await this.waitForIdle()
    this.original = app

    const change = imageChange(this.request)
    if (change) {
      const edit = setImage(app.spec, change, target)
      if (edit.changed) {
        await this.client.updateSpec(edit.spec)
        this.specChanged = true
        this.context.info(`Argo CD '${this.app}': set ${edit.description}`)
      } else {
        this.context.info(`Argo CD '${this.app}': ${edit.description} already set`)
      }
    } else {
      this.context.info(`Argo CD '${this.app}': no image to set, syncing as it is`)
    }

    const baseline = await this.sync()
    const done = await this.followSync(baseline, change?.tag)
    this.context.progress(`${this.app}: Synced and Healthy`, {
      app: this.app,
      revision: done.revision
    })
    return {
      ...(done.externalUrl ? { deploymentUrl: done.externalUrl } : {}),
      outputs: done.revision ? { argocd_revision: done.revision } : {}
    }
  }

  /** Waits out an operation under way: someone else's (an auto-sync, a person in the UI) or ours. */
  private async waitForIdle(deadline = this.deadline): Promise<Application> {
    const { value } = await follow<Application>({
      ...this.followOptions(`the running operation on Argo CD application '${this.app}'`, deadline),
      look: async signal => {
        const app = await this.client.readApplication(signal)
        if (!operationRunning(app)) return { done: true, value: app }
        const by = app.operation?.initiatedBy ?? app.status?.operationState?.operation?.initiatedBy
        const who = by?.automated ? 'auto-sync' : (by?.username ?? 'someone')
        return { done: false, progress: `${this.app}: waiting for an operation started by ${who}` }
      }
    })
    return value
  }

  /**
   * Requests our sync, waiting out "another operation is already in progress" (an auto-sync the
   * spec change set off). Returns the state before our sync, by which our operation is told apart
   * from a stale Synced/Healthy status.
   */
  private async sync(): Promise<Baseline> {
    const { target } = this.request
    let requested = false
    const { value } = await follow<Baseline>({
      ...this.followOptions(`a sync of Argo CD application '${this.app}'`),
      look: async signal => {
        const app = await this.client.readApplication(signal)
        if (operationRunning(app)) {
          // Our previous attempt's answer was lost but the sync was accepted: adopt it.
          if (
            requested &&
            app.operation &&
            !app.operation.initiatedBy?.automated &&
            this.baseline
          ) {
            this.synced = true
            return { done: true, value: this.baseline }
          }
          return { done: false, progress: `${this.app}: another operation is in progress` }
        }
        this.baseline = baselineOf(app)
        requested = true
        try {
          await this.client.requestSync(
            { prune: target.prune, syncOptions: target.syncOptions },
            signal
          )
        } catch (error) {
          if (!isOperationInProgress(error)) throw error
          requested = false
          return { done: false, progress: `${this.app}: another operation is already in progress` }
        }
        this.synced = true
        return { done: true, value: this.baseline }
      }
    })
    this.context.progress(`${this.app}: sync requested`, { app: this.app, prune: target.prune })
    return value
  }

  private async followSync(
    baseline: Baseline,
    imageTag: string | undefined
  ): Promise<{ revision: string | undefined; externalUrl: string | undefined }> {
    let degradedSince: number | undefined
    let latest: Record<string, unknown> = {}
    const expectation = { imageTag, degradedGraceMs: this.request.target.degradedGraceMs }
    const { describe, intervalMs, timeoutMs, signal, onRetry, sleep, now } = this.followOptions(
      `Argo CD application '${this.app}' to become Synced and Healthy`
    )
    return followApplication({
      client: this.client,
      describe,
      intervalMs,
      timeoutMs,
      signal,
      onRetry,
      ...(sleep ? { sleep } : {}),
      ...(now ? { now } : {}),
      onProgress: progress => this.context.progress(progress, latest),
      onFallback: message => this.context.info(`Argo CD '${this.app}': ${message}`),
      judge: (app, now) => {
        const verdict = judgeApplication(app, baseline, expectation, now, degradedSince)
        if (verdict.kind === 'failed') {
          throw new DeployError(verdict.code, verdict.message, { details: verdict.details })
        }
        if (verdict.kind === 'healthy') return { done: true, value: verdict }
        degradedSince = verdict.degradedSince
        latest = verdict.data
        return {
          done: false,
          progress: verdict.progress,
          // Degraded past its grace is a failure even if Argo CD says nothing more.
          ...(degradedSince === undefined
            ? {}
            : { recheckAt: degradedSince + expectation.degradedGraceMs })
        }
      }
    })
  }

  /**
   * Puts back the spec we changed and rolls the app back to the history entry before our sync.
   * Returns the error to throw: a rolled-back deployment is still a failure.
   */
  async rollBack(failure: DeployError): Promise<DeployError> {
    const entry = this.baseline?.historyEntry
    if (!entry) {
      this.context.warning(`Argo CD '${this.app}': no earlier history entry to roll back to`)
      return failure
    }
    this.context.warning(`Argo CD '${this.app}': rolling back to history ${entry.id}`)
    // The deploy's own signal may have fired (deploy_timeout): from here on this deployment works
    // on the undo signal, through a client of its own.
    const signal = this.context.undoSignal ?? this.context.signal
    this.context = { ...this.context, signal }
    const client = (this.client = createArgoCdClient({ ...this.where, signal }))
    const rollbackDeadline = this.now() + this.context.timeoutMs
    const withDetails = (line: string): DeployError =>
      new DeployError(failure.code, `${failure.message}; ${line}`, {
        details: failure.details,
        cause: failure
      })
    try {
      if (this.specChanged && this.original) await this.client.updateSpec(this.original.spec)
      // Our own sync may still be running (a timeout, hooks that never end): it is ours to stop.
      if (operationRunning(await this.client.getApplication())) {
        await this.client.terminateOperation()
      }
      const idle = await this.waitForIdle(rollbackDeadline)
      const before = baselineOf(idle)
      const prune = this.request.target.prune
      const progress = `${this.app}: rolling back to history ${entry.id}`
      /** The rollback's own answer: the app with the operation Argo CD started for it. */
      let accepted: Application | undefined
      const { value: after } = await follow<Application>({
        ...this.followOptions(`a rollback of '${this.app}'`, rollbackDeadline),
        look: async signal => {
          if (accepted) {
            const app = await this.client.readApplication(signal)
            // Over once an operation newer than the one before it has finished: a read that
            // lags behind the rollback still shows that one.
            if (!operationRunning(app) && isNewOperation(app, before)) {
              return { done: true, value: app }
            }
            return { done: false, progress }
          }
          try {
            accepted = await this.client.requestRollback(entry.id, prune, signal)
          } catch (error) {
            if (!isOperationInProgress(error)) throw error
            // Our own rollback whose answer was lost, or another operation to wait out first.
            const app = await this.client.readApplication(signal)
            if (!isRollbackTo(app, entry)) {
              return { done: false, progress: `${this.app}: waiting to roll back` }
            }
            accepted = app
          }
          const operation = accepted.operation
          if (!operation) {
            throw new DeployError(
              'DEPLOY_FAILED',
              `Argo CD answered the rollback to history ${entry.id} without starting an operation`
            )
          }
          const revision = operation.sync?.revision ?? entry.revision
          this.context.progress(
            `${this.app}: rollback to history ${entry.id} started (revision ${revision ?? '?'})`,
            { app: this.app, history: entry.id, revision }
          )
          return { done: false, progress }
        }
      })
      const phase = after.status?.operationState?.phase
      if (phase !== 'Succeeded' || baselineOf(after).historyId === before.historyId) {
        const reasons = failingResources(after).join('; ')
        return withDetails(
          `the rollback to history ${entry.id} ended ${phase ?? 'without an operation'}` +
            (reasons ? ` (${reasons})` : '')
        )
      }
      return withDetails(`rolled back to history ${entry.id} (revision ${entry.revision ?? '?'})`)
    } catch (error) {
      if (isAbortError(error) || this.context.signal.aborted) return failure
      const reason = asDeployError(explainArgoCdError(error, this.where), 'DEPLOY_FAILED')
      this.context.warning(`Argo CD '${this.app}': rollback failed: ${reason.message}`)
      return withDetails(`the rollback failed: ${reason.message}`)
    } finally {
      await client.close()
    }
  }

  private now(): number {
    return (this.context.now ?? Date.now)()
  }

  private followOptions(describe: string, deadline = this.deadline) {
    const timeoutMs = Math.max(1, deadline - this.now())
    return {
      describe,
      intervalMs: this.context.pollIntervalMs,
      timeoutMs,
      signal: this.context.signal,
      sleep: this.context.sleep,
      now: this.context.now,
      onRetry: retryNotice(this.context),
      onProgress: (progress: string) => this.context.progress(progress, { app: this.app })
    }
  }
}

/** The operation on the app is a rollback to `entry`: a sync to its revision that no auto-sync set off. */
function isRollbackTo(app: Application, entry: { revision: string | undefined }): boolean {
  const operation = app.operation
  return (
    operation !== undefined &&
    !operation.initiatedBy?.automated &&
    entry.revision !== undefined &&
    operation.sync?.revision === entry.revision
  )
}

/** The image change for this service, or undefined when it has no image (a chart app). */
export function imageChange(request: DeployRequest<ArgoCdTarget>): ImageChange | undefined {
  const image = request.service.image
  if (!image) return undefined
  const tag = image.tag || request.plan.version.imageTag
  const repository = request.imageUri
    ? repositoryOf(request.imageUri)
    : image.host
      ? `${image.host}/${image.repository}`
      : undefined
  const { target } = request
  if (target.kustomizeImage) {
    return { kind: 'kustomize', image: target.kustomizeImage, tag, repository }
  }
  return {
    kind: 'helm',
    parameter: target.helmParameter ?? 'image.tag',
    tag,
    repositoryParameter: target.helmRepositoryParameter,
    repository
  }
}

function retryNotice(context: TargetContext): (notice: RetryNotice) => void {
  return notice => context.info(describeRetry(notice))
}
