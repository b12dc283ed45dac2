import {
  createKubernetesClient,
  explainKubernetesError,
  workloadName,
  type KubernetesClient,
  type Workload,
  type WorkloadRef
} from '../clients/kubernetes.js'
import { DeployError, asDeployError, errorMessage, isAbortError } from '../errors.js'
import { describeRetry } from '../runtime/retry.js'
import type { HelmTarget, KubernetesTarget } from '../settings/types.js'
import { withExplanation } from './kubernetes-explain.js'
import { ensurePullSecret } from './kubernetes-pull-secret.js'
import { RolloutFailure, followWorkloads } from './kubernetes-rollout.js'
import type { Deploy, DeployOutcome, DeployRequest, TargetContext } from './types.js'

/**
 * deploy.kubernetes: sets the service's image, by digest, on the pod template of each workload
 * (a strategic merge patch of one container's image, recorded with kubernetes.io/change-cause so
 * that `kubectl rollout history` tells who and what), then follows every rollout through the
 * watch API until `kubectl rollout status` would say it is done. A failed or timed-out rollout is
 * explained from its pods and events; with rollback_on_failure the previous images are patched
 * back and that rollout is followed too.
 */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause'

export const deploy: Deploy<KubernetesTarget> = async (request, context) => {
  const { target, service } = request
  const imageUri = request.imageUri
  if (!imageUri) {
    throw new DeployError(
      'INVALID_INPUT',
      `${service.name} has no image: deploy.kubernetes sets a workload's image, so the service needs a build or an image`
    )
  }
  const client = openCluster(request, context, context.signal)
  const deadline = (context.now ?? Date.now)() + context.timeoutMs
  const patched: Patched[] = []
  try {
    await preparePullSecret(client, request, context)
    const changes = await Promise.all(
      target.workloads.map(async ref => {
        const workload = await client.readWorkload(ref, target.namespace)
        return {
          ref,
          before: workload,
          container: chooseContainer(ref, workload, target.container)
        }
      })
    )
    const cause = changeCause(request, imageUri)
    const starts: { ref: WorkloadRef; workload: Workload }[] = []
    for (const change of changes) {
      const previous = imageOf(change.before, change.container)
      const workload = await client.patchWorkload(
        change.ref,
        target.namespace,
        imagePatch(change.container, imageUri, cause)
      )
      patched.push({ ...change, previousImage: previous })
      starts.push({ ref: change.ref, workload })
      context.info(
        previous === imageUri
          ? `${workloadName(change.ref)}: container ${change.container} already runs ${imageUri}`
          : `${workloadName(change.ref)}: container ${change.container}: ${previous ?? '(none)'} -> ${imageUri}`
      )
    }
    const results = await followWorkloads(client, target.namespace, starts, context, deadline)
    for (const result of results) context.progress(result.progress)
    return outcome(target)
  } catch (error) {
    const failure = asDeployError(explainKubernetesError(error, client.where), 'DEPLOY_FAILED')
    // Nothing was changed: nothing to explain or undo.
    if (patched.length === 0) throw failure
    if (failure.code === 'CANCELLED' && !(error instanceof RolloutFailure)) throw failure
    // After a TIMEOUT the deploy's own signal has fired: explain and undo on the undo signal.
    const undo = openCluster(request, context, context.undoSignal ?? context.signal)
    const explained = await withExplanation(
      failure,
      undo,
      target.namespace,
      target.workloads,
      error instanceof RolloutFailure ? { ref: error.ref, workload: error.workload } : undefined
    ).catch(() => failure)
    if (!target.rollbackOnFailure) throw explained
    throw await rollBack(undo, request, context, patched, explained)
  }
}

interface Patched {
  readonly ref: WorkloadRef
  readonly container: string
  readonly previousImage: string | undefined
}

/** The client for this target's cluster: its kubeconfig context, calls bounded by `signal`. */
export function openCluster(
  request: DeployRequest<KubernetesTarget | HelmTarget>,
  context: TargetContext,
  signal: AbortSignal
): KubernetesClient {
  return createKubernetesClient({
    kubeconfig: request.settings.deploy.kubeconfig,
    context: request.target.context,
    signal,
    onRetry: notice => context.info(describeRetry(notice))
  })
}

/** Creates or refreshes the image pull secret, when the target asks for one. */
export async function preparePullSecret(
  client: KubernetesClient,
  request: DeployRequest<KubernetesTarget | HelmTarget>,
  context: TargetContext
): Promise<void> {
  const wanted = request.target.imagePullSecret
  if (!wanted) return
  if (!request.pullCredentials) {
    throw new DeployError(
      'INVALID_INPUT',
      `image_pull_secret '${wanted.name}': ${request.service.name} has no image whose registry it could pull from`
    )
  }
  const namespace = request.target.namespace
  const result = await ensurePullSecret(client, namespace, wanted, await request.pullCredentials())
  const secret =
    result.secret === 'created'
      ? 'created'
      : result.secret === 'refreshed'
        ? 'refreshed (the registry credentials changed)'
        : 'unchanged'
  const account = result.serviceAccountPatched
    ? `; added to service account ${wanted.serviceAccount}`
    : ''
  context.info(`image pull secret ${wanted.name} in namespace ${namespace}: ${secret}${account}`)
}

/**
 * The container whose image is set: the one named, or the pod template's only one. A wrong or
 * missing name is a config problem, told with the containers there are.
 */
export function chooseContainer(
  ref: WorkloadRef,
  workload: Workload,
  wanted: string | undefined
): string {
  const names = (workload.spec?.template?.spec?.containers ?? []).map(c => c.name)
  const list = names.map(n => `'${n}'`).join(', ')
  if (wanted !== undefined) {
    if (names.includes(wanted)) return wanted
    throw new DeployError(
      'INVALID_INPUT',
      `${workloadName(ref)} has no container '${wanted}' (it has ${list || 'none'}): check container`
    )
  }
  if (names.length === 1) return names[0] as string
  throw new DeployError(
    'INVALID_INPUT',
    `${workloadName(ref)} has ${names.length} containers (${list}): set container to the one that runs the image`
  )
}

export function imageOf(workload: Workload, container: string): string | undefined {
  return workload.spec?.template?.spec?.containers?.find(c => c.name === container)?.image
}

/**
 * The strategic merge patch of one container's image: containers merge by name, so the other
 * containers and every other field of the template stay as they are.
 */
export function imagePatch(container: string, image: string, cause: string): object {
  return {
    metadata: { annotations: { [CHANGE_CAUSE]: cause } },
    spec: { template: { spec: { containers: [{ name: container, image }] } } }
  }
}

export function changeCause(request: DeployRequest, imageUri: string): string {
  const { plan } = request
  return `deploy-pipeline ${plan.deploymentId}: ${request.service.name} ${plan.version.imageTag} (${imageUri})`
}

function outcome(target: KubernetesTarget): DeployOutcome {
  return {
    outputs: { kubernetes_workloads: target.workloads.map(workloadName).join(',') }
  }
}

/**
 * Patches each workload's previous image back (the only field the deploy changed, so the pod
 * template is the previous one again, and a Deployment scales its old ReplicaSet back up), then
 * follows that rollout too. Returns the error to throw: a rolled-back deployment still failed.
 */
async function rollBack(
  client: KubernetesClient,
  request: DeployRequest<KubernetesTarget>,
  context: TargetContext,
  patched: readonly Patched[],
  failure: DeployError
): Promise<DeployError> {
  const { target } = request
  const signal = context.undoSignal ?? context.signal
  const undoContext: TargetContext = { ...context, signal }
  const names = patched.map(p => workloadName(p.ref)).join(', ')
  context.warning(`rolling back ${names} to the previous images`)
  const withLine = (line: string): DeployError =>
    new DeployError(failure.code, `${failure.message}; ${line}`, {
      details: failure.details,
      cause: failure
    })
  try {
    const starts: { ref: WorkloadRef; workload: Workload }[] = []
    for (const entry of patched) {
      if (!entry.previousImage) continue
      const cause = `deploy-pipeline ${request.plan.deploymentId}: rollback to ${entry.previousImage}`
      const workload = await client.patchWorkload(
        entry.ref,
        target.namespace,
        imagePatch(entry.container, entry.previousImage, cause)
      )
      starts.push({ ref: entry.ref, workload })
    }
    const deadline = (context.now ?? Date.now)() + context.timeoutMs
    await followWorkloads(client, target.namespace, starts, undoContext, deadline)
    return withLine(`rolled back ${names} to the previous images`)
  } catch (error) {
    if (isAbortError(error) || signal.aborted)
      return withLine('the rollback did not finish in time')
    const reason = asDeployError(explainKubernetesError(error, client.where), 'DEPLOY_FAILED')
    context.warning(`the rollback failed: ${errorMessage(reason)}`)
    return withLine(`the rollback failed: ${reason.message}`)
  }
}
