import {
  workloadName,
  type ContainerStatus,
  type KubeEvent,
  type KubernetesClient,
  type Pod,
  type Workload,
  type WorkloadRef
} from '../clients/kubernetes.js'
import { DeployError, errorMessage } from '../errors.js'
import { rolloutStatus } from './kubernetes-status.js'

/**
 * Why a rollout is stuck, in what the cluster itself says: the new pods' waiting reasons
 * (ImagePullBackOff with the image and the pull error, CrashLoopBackOff with the last exit code
 * and the last lines of the container's log, CreateContainerConfigError), probes that fail and
 * pods the scheduler cannot place (the pods' Warning events). Read-only, best effort: a read
 * that fails costs a line, never the explanation.
 */
export interface Explanation {
  /** One line per finding, the most telling first: goes in the error's message. */
  readonly findings: string[]
  /** The findings, then each crashing container's last log lines: the error's details. */
  readonly details: string[]
}

/** Pods looked at: enough to tell a pattern, few enough to stay quick. */
const MAX_PODS = 5
export const LOG_TAIL_LINES = 20

/** Waiting reasons that mean the pod will not become ready by waiting. */
const STUCK_REASONS = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RunContainerError'
])

export async function explainRollout(
  client: KubernetesClient,
  namespace: string,
  ref: WorkloadRef,
  workload: Workload
): Promise<Explanation> {
  const findings: string[] = []
  const logs: string[] = []
  let pods: Pod[]
  try {
    pods = await newPods(client, namespace, ref, workload)
  } catch (error) {
    return {
      findings: [`the pods of ${workloadName(ref)} could not be read: ${errorMessage(error)}`],
      details: []
    }
  }
  const unready = pods.filter(pod => !podReady(pod)).slice(0, MAX_PODS)
  for (const pod of unready) {
    const podName = pod.metadata?.name ?? '?'
    let events: KubeEvent[] = []
    try {
      events = warnings(await client.listEvents(namespace, `involvedObject.name=${podName}`))
    } catch {
      // The pod's own status still says most of it.
    }
    const said = podFindings(pod, events)
    findings.push(...said.map(line => `pod ${podName}: ${line}`))
    for (const status of pod.status?.containerStatuses ?? []) {
      if (status.state?.waiting?.reason !== 'CrashLoopBackOff' && !status.lastState?.terminated)
        continue
      try {
        const text = await client.podLog(namespace, podName, status.name, {
          previous: true,
          tailLines: LOG_TAIL_LINES
        })
        const lines = text.split(/\r?\n/).filter(line => line.length > 0)
        if (lines.length > 0) {
          logs.push(`last ${lines.length} log lines of ${podName}/${status.name}:`, ...lines)
        }
      } catch (error) {
        logs.push(`the log of ${podName}/${status.name} could not be read: ${errorMessage(error)}`)
      }
    }
  }
  if (findings.length === 0 && pods.length === 0) {
    findings.push(`no pods of the new revision of ${workloadName(ref)} exist yet`)
  }
  // The same finding on every pod of a ReplicaSet is one finding.
  const unique = [...new Set(findings)]
  return { findings: unique, details: [...unique, ...logs] }
}

/** What one pod's status and events say is wrong with it, most telling first. */
export function podFindings(pod: Pod, events: readonly KubeEvent[]): string[] {
  const lines: string[] = []
  const pullError = events.find(e => e.reason === 'Failed' && /pull/i.test(e.message ?? ''))
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? [])
  ]
  for (const status of statuses) {
    const line = containerFinding(status, pullError)
    if (line) lines.push(line)
  }
  const scheduled = pod.status?.conditions?.find(c => c.type === 'PodScheduled')
  if (scheduled?.status === 'False') {
    const event = events.find(e => e.reason === 'FailedScheduling')
    lines.push(
      `not scheduled: ${event?.message ?? scheduled.message ?? scheduled.reason ?? 'Unschedulable'}`
    )
  }
  const probe = events.find(e => e.reason === 'Unhealthy')
  if (probe?.message)
    lines.push(`${probe.message}${probe.count && probe.count > 1 ? ` (${probe.count} times)` : ''}`)
  if (lines.length === 0) {
    const other = events.find(e => e.reason !== 'Pulling' && e.reason !== 'Scheduled')
    if (other?.message) lines.push(`${other.reason ?? 'Warning'}: ${other.message}`)
  }
  return lines
}

function containerFinding(status: ContainerStatus, pullError: KubeEvent | undefined): string {
  const waiting = status.state?.waiting
  const reason = waiting?.reason
  if (!reason || !STUCK_REASONS.has(reason)) return ''
  const where = `container ${status.name}: ${reason}`
  if (reason === 'ImagePullBackOff' || reason === 'ErrImagePull') {
    const image = status.image ? ` image ${status.image}` : ''
    const why = pullError?.message ?? waiting.message ?? ''
    return `${where}:${image}${why ? `: ${why}` : ''}`
  }
  if (reason === 'CrashLoopBackOff') {
    const last = status.lastState?.terminated
    const exit =
      last?.exitCode !== undefined
        ? `last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}`
        : 'crashing'
    const restarts = status.restartCount ? `, restarted ${status.restartCount} times` : ''
    return `${where}: ${exit}${restarts}`
  }
  return `${where}${waiting.message ? `: ${waiting.message}` : ''}`
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Warning events, newest first. */
function warnings(events: readonly KubeEvent[]): KubeEvent[] {
  const time = (e: KubeEvent): number => {
    const at = e.lastTimestamp ?? e.eventTime
    return at ? new Date(at).getTime() : 0
  }
  return events.filter(e => e.type === 'Warning').sort((a, b) => time(b) - time(a))
}

function selectorOf(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',')
}

/**
 * The pods of the revision being rolled out: a Deployment's newest ReplicaSet (the one whose
 * revision annotation is the Deployment's), a StatefulSet's update revision, a DaemonSet's pods.
 */
async function newPods(
  client: KubernetesClient,
  namespace: string,
  ref: WorkloadRef,
  workload: Workload
): Promise<Pod[]> {
  const labels = workload.spec?.selector?.matchLabels ?? {}
  const selector = selectorOf(labels)
  if (ref.kind === 'Deployment') {
    const revision = workload.metadata?.annotations?.['deployment.kubernetes.io/revision']
    const uid = workload.metadata?.uid
    const sets = (await client.listReplicaSets(namespace, selector)).filter(
      rs => !uid || rs.metadata?.ownerReferences?.some(owner => owner.uid === uid)
    )
    const current =
      sets.find(
        rs => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision
      ) ?? sets.at(-1)
    const hash = current?.metadata?.labels?.['pod-template-hash']
    if (!hash) return []
    return client.listPods(namespace, selectorOf({ ...labels, 'pod-template-hash': hash }))
  }
  if (ref.kind === 'StatefulSet' && workload.status?.updateRevision) {
    return client.listPods(
      namespace,
      selectorOf({ ...labels, 'controller-revision-hash': workload.status.updateRevision })
    )
  }
  return client.listPods(namespace, selector)
}

/**
 * The failure with what the cluster says about it: for a failed rollout, its new pods; otherwise
 * (a TIMEOUT, a helm that gave up) every workload whose rollout had not finished. `client` must still be usable (after a TIMEOUT,
 * one on the undo signal).
 */
export async function withExplanation(
  failure: DeployError,
  client: KubernetesClient,
  namespace: string,
  refs: readonly WorkloadRef[],
  failed?: { readonly ref: WorkloadRef; readonly workload: Workload }
): Promise<DeployError> {
  const stuck: { ref: WorkloadRef; workload: Workload }[] = []
  if (failed) {
    stuck.push({ ...failed })
  } else {
    for (const ref of refs) {
      try {
        const workload = await client.readWorkload(ref, namespace)
        if (rolloutStatus(ref.kind, workload).kind !== 'done') stuck.push({ ref, workload })
      } catch {
        // Unreadable now: nothing to add about it.
      }
    }
  }
  if (stuck.length === 0) return failure
  const findings: string[] = []
  const details: string[] = []
  for (const { ref, workload } of stuck) {
    const explanation = await explainRollout(client, namespace, ref, workload)
    findings.push(...explanation.findings)
    details.push(...explanation.details)
  }
  if (findings.length === 0) return failure
  const shown = findings.slice(0, 3).join('; ')
  const more = findings.length > 3 ? ` (and ${findings.length - 3} more in the details)` : ''
  return new DeployError(failure.code, `${failure.message}: ${shown}${more}`, {
    details: [failure.details, ...details].filter(Boolean).join('\n'),
    cause: failure
  })
}
