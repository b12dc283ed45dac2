import { SETUP_HELM_HINT, helmVersion } from '../clients/helm.js'
import {
  createKubernetesClient,
  explainKubernetesError,
  workloadName,
  type AccessAttributes,
  type KubernetesClient
} from '../clients/kubernetes.js'
import { DeployError, errorMessage } from '../errors.js'
import type { PlannedService } from '../plan/types.js'
import type { HelmTarget, KubernetesTarget, Settings } from '../settings/types.js'
import { chooseContainer, imageOf } from './kubernetes.js'

/**
 * The read-only look at a Kubernetes or Helm service that the preflight (and so a dry run) takes:
 * the kubeconfig context answers, the namespace and the workloads exist, the container to set is
 * known, the identity may do what the deploy will do (SelfSubjectAccessReview), and what would
 * change: each container's image from what to what, the release from which revision. Nothing is
 * changed. `problems` stop the run; `lines` are told.
 */
export interface Look {
  readonly lines: string[]
  readonly problems: string[]
  /** The cluster did not answer: a problem a later run may not meet. */
  readonly unreachable: boolean
}

export interface LookBounds {
  readonly signal: AbortSignal
  readonly retry: { attempts: number; attemptTimeoutMs: number; baseDelayMs: number }
}

export async function lookAtService(
  settings: Settings,
  service: PlannedService,
  target: KubernetesTarget | HelmTarget,
  bounds: LookBounds
): Promise<Look> {
  const look = { lines: [] as string[], problems: [] as string[], unreachable: false }
  const name = service.name
  if (target.kind === 'helm') {
    const helm = await helmVersion(bounds.signal).catch((error: unknown) => {
      look.problems.push(`${name}: helm could not be run: ${errorMessage(error)}`)
      return null
    })
    if (helm === undefined) look.problems.push(`${name}: helm is not on PATH: ${SETUP_HELM_HINT}`)
    if (helm) look.lines.push(`${name}: helm ${helm.version}`)
  }
  let client: KubernetesClient
  try {
    client = createKubernetesClient({
      kubeconfig: settings.deploy.kubeconfig,
      context: target.context,
      signal: bounds.signal,
      retry: bounds.retry
    })
  } catch (error) {
    look.problems.push(`${name}: ${errorMessage(error)}`)
    return look
  }
  const where = client.where
  try {
    const version = await client.version()
    look.lines.push(`${name}: ${where} answers (Kubernetes ${version})`)
  } catch (error) {
    bounds.signal.throwIfAborted()
    look.problems.push(`${name}: ${where} did not answer: ${errorMessage(error)}`)
    look.unreachable = true
    return look
  }
  try {
    const namespace = target.namespace
    const exists = await client.namespaceExists(namespace)
    if (!exists && !(target.kind === 'helm' && target.createNamespace)) {
      look.problems.push(`${name}: namespace ${namespace} does not exist (${where})`)
      return look
    }
    if (!exists) look.lines.push(`${name}: namespace ${namespace} would be created`)
    if (target.kind === 'kubernetes') await lookAtWorkloads(client, service, target, look)
    else await lookAtRelease(client, service, target, look)
    const denied = await deniedActions(client, target)
    if (denied.length > 0) {
      look.problems.push(
        `${name}: ${where} may not ${denied.join(', ')} in namespace ${namespace}: grant the deploy identity the role in docs/kubernetes.md`
      )
    }
  } catch (error) {
    bounds.signal.throwIfAborted()
    const explained = explainKubernetesError(error, where)
    look.problems.push(
      `${name}: ${explained instanceof DeployError ? explained.message : errorMessage(error)}`
    )
  }
  return look
}

async function lookAtWorkloads(
  client: KubernetesClient,
  service: PlannedService,
  target: KubernetesTarget,
  look: { lines: string[]; problems: string[] }
): Promise<void> {
  const next = service.image?.reference ?? '(no image)'
  for (const ref of target.workloads) {
    let workload
    try {
      workload = await client.readWorkload(ref, target.namespace)
    } catch (error) {
      const missing = (error as { status?: number }).status === 404
      if (!missing) throw error
      look.problems.push(
        `${service.name}: ${workloadName(ref)} does not exist in namespace ${target.namespace}`
      )
      continue
    }
    try {
      const container = chooseContainer(ref, workload, target.container)
      look.lines.push(
        `${service.name}: ${workloadName(ref)} container ${container}: ${imageOf(workload, container) ?? '(none)'} -> ${next} (by digest once pushed)`
      )
    } catch (error) {
      look.problems.push(`${service.name}: ${errorMessage(error)}`)
    }
  }
}

async function lookAtRelease(
  client: KubernetesClient,
  service: PlannedService,
  target: HelmTarget,
  look: { lines: string[]; problems: string[] }
): Promise<void> {
  const records = await client.listHelmReleases(target.namespace, target.release)
  const latest = records[0]
  const image = service.image ? ` with ${service.image.reference}` : ''
  if (!latest) {
    look.lines.push(
      `${service.name}: Helm release ${target.release} is not installed in ${target.namespace}: would be installed${image}`
    )
    return
  }
  if (latest.status.startsWith('pending-')) {
    look.problems.push(
      `${service.name}: Helm release ${target.release} is ${latest.status} (revision ${latest.revision}): an earlier helm run was interrupted; roll it back (helm rollback ${target.release} -n ${target.namespace}) before deploying`
    )
    return
  }
  look.lines.push(
    `${service.name}: Helm release ${target.release} revision ${latest.revision} (${latest.status}): would be upgraded${image}`
  )
}

/** What the deploy will do, as SelfSubjectAccessReviews; the ones refused, as "verb resource". */
async function deniedActions(
  client: KubernetesClient,
  target: KubernetesTarget | HelmTarget
): Promise<string[]> {
  const namespace = target.namespace
  const apps = (verb: string, resource: string): AccessAttributes => ({
    verb,
    resource,
    group: 'apps',
    namespace
  })
  const core = (verb: string, resource: string, subresource?: string): AccessAttributes => ({
    verb,
    resource,
    group: '',
    namespace,
    ...(subresource ? { subresource } : {})
  })
  const needed: AccessAttributes[] = [
    core('list', 'pods'),
    core('get', 'pods', 'log'),
    core('list', 'events')
  ]
  if (target.kind === 'kubernetes') {
    for (const kind of new Set(target.workloads.map(w => w.kind))) {
      const plural = `${kind.toLowerCase()}s`
      needed.push(apps('get', plural), apps('patch', plural), apps('watch', plural))
    }
    needed.push(apps('list', 'replicasets'))
  } else {
    // Helm keeps its release records in secrets of the namespace.
    needed.push(core('list', 'secrets'), core('create', 'secrets'), apps('watch', 'deployments'))
  }
  if (target.imagePullSecret) {
    needed.push(
      core('create', 'secrets'),
      core('update', 'secrets'),
      core('patch', 'serviceaccounts')
    )
  }
  const unique = [...new Map(needed.map(a => [JSON.stringify(a), a])).values()]
  const answers = await Promise.all(unique.map(async a => ({ a, allowed: await client.canI(a) })))
  return answers
    .filter(x => !x.allowed)
    .map(
      ({ a }) =>
        `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}${a.group ? `.${a.group}` : ''}`
    )
}
