import {
  workloadName,
  type KubernetesClient,
  type Workload,
  type WatchHandle,
  type WorkloadRef
} from '../clients/kubernetes.js'
import { DeployError, errorMessage } from '../errors.js'
import { follow } from '../runtime/follow.js'
import { formatDuration } from '../runtime/duration.js'
import { describeRetry } from '../runtime/retry.js'
import { rolloutStatus, type RolloutVerdict } from './kubernetes-status.js'
import type { TargetContext } from './types.js'

/**
 * Follows one workload's rollout until `kubectl rollout status` would say it is done. The watch
 * API tells each change as it happens, and each is judged the moment it arrives, so the end is
 * noticed when the API server says it, not at the next poll. The follower still runs beside it,
 * for the deadline, the cancel and the cadence: while the watch is open its looks cost nothing;
 * once the watch ends (dropped, refused, closed by the server) each look reads the workload
 * (so the end is noticed within one interval) and opens a new watch from what it read.
 */
export interface RolloutWatch {
  readonly client: KubernetesClient
  readonly namespace: string
  readonly ref: WorkloadRef
  /** The workload as the patch left it: judged first, and where the watch starts. */
  readonly start: Workload
  readonly context: TargetContext
  /** Epoch ms at which the wait is a TIMEOUT. */
  readonly deadline: number
  /** Fires when another workload's rollout failed: this wait ends too. */
  readonly stop?: AbortSignal
}

export interface RolloutResult {
  readonly workload: Workload
  readonly progress: string
  /** How the end was noticed. */
  readonly via: 'patch' | 'watch' | 'poll'
  /** Reads of the workload while following (none while the watch held). */
  readonly polls: number
  readonly watches: number
}

/** While a watch is open, every this many looks one reads the workload all the same. */
const RESYNC_LOOKS = 15

/** A server that ends every watch at once is not asked again more often than this. */
const MAX_WATCHES = 5

export async function followRollout(options: RolloutWatch): Promise<RolloutResult> {
  const { client, namespace, ref, context } = options
  const name = workloadName(ref)
  const first = judge(ref, options.start)
  if (first.kind === 'done') {
    return { workload: options.start, progress: first.progress, via: 'patch', polls: 0, watches: 0 }
  }

  let outcome: { workload: Workload; verdict: RolloutVerdict; via: 'watch' | 'poll' } | undefined
  const ended = new AbortController()
  let lastProgress: string | undefined
  const report = (verdict: RolloutVerdict): void => {
    if (verdict.kind !== 'waiting' || verdict.progress === lastProgress) return
    lastProgress = verdict.progress
    context.progress(verdict.progress, { workload: name, ...verdict.counts })
  }
  const settle = (workload: Workload, verdict: RolloutVerdict, via: 'watch' | 'poll'): boolean => {
    report(verdict)
    if (verdict.kind === 'waiting') return false
    outcome ??= { workload, verdict, via }
    ended.abort()
    return true
  }
  report(first)

  let watch: WatchHandle | undefined
  let watchOpen = false
  let watches = 0
  let polls = 0
  let quietLooks = 0
  let toldBroken = false
  const openWatch = async (from: Workload): Promise<void> => {
    if (watches >= MAX_WATCHES || ended.signal.aborted) return
    watches++
    try {
      const handle = await client.watchWorkload(
        ref,
        namespace,
        from.metadata?.resourceVersion,
        (type, object) => {
          if (outcome) return
          if (type === 'DELETED') {
            settle(
              object,
              {
                kind: 'failed',
                reason: 'Deleted',
                message: `${name} was deleted during the rollout`
              },
              'watch'
            )
            return
          }
          if (type === 'ADDED' || type === 'MODIFIED') settle(object, judge(ref, object), 'watch')
        }
      )
      watch = handle
      watchOpen = true
      void handle.ended.then(error => {
        if (watch !== handle) return
        watchOpen = false
        if (error && !outcome && !toldBroken) {
          toldBroken = true
          context.info(
            `${name}: the watch ended (${errorMessage(error)}); following by reading it every ` +
              formatDuration(context.pollIntervalMs)
          )
        }
      })
    } catch (error) {
      watchOpen = false
      if (!toldBroken) {
        toldBroken = true
        context.info(`${name}: no watch (${errorMessage(error)}); following by reading it`)
      }
    }
  }

  await openWatch(options.start)
  const signal = AbortSignal.any([
    context.signal,
    ended.signal,
    ...(options.stop ? [options.stop] : [])
  ])
  try {
    await follow<true>({
      describe: `the rollout of ${name} in namespace ${namespace}`,
      intervalMs: context.pollIntervalMs,
      timeoutMs: Math.max(1, options.deadline - (context.now ?? Date.now)()),
      signal,
      sleep: context.sleep,
      now: context.now,
      onRetry: notice => context.info(describeRetry(notice)),
      look: async lookSignal => {
        if (outcome) return { done: true, value: true }
        // A connection can die without a word (a NAT that forgets it): now and then a look
        // reads the workload even while the watch is open.
        if (watchOpen && ++quietLooks % RESYNC_LOOKS !== 0) return { done: false }
        polls++
        const workload = await client.lookWorkload(ref, namespace, lookSignal)
        if (settle(workload, judge(ref, workload), 'poll')) return { done: true, value: true }
        if (!watchOpen) await openWatch(workload)
        return { done: false }
      }
    })
  } catch (error) {
    if (!outcome) throw error
  } finally {
    watch?.stop()
  }
  if (!outcome) {
    // The follower ended without a verdict only when another workload's failure stopped it.
    throw new DeployError('CANCELLED', `stopped following ${name}`)
  }
  const { verdict, workload, via } = outcome
  if (verdict.kind === 'failed') {
    throw new RolloutFailure(ref, workload, verdict.reason, verdict.message)
  }
  return {
    workload,
    progress: verdict.kind === 'done' ? verdict.progress : '',
    via,
    polls,
    watches
  }
}

/** A rollout the cluster says has failed; the target explains it from the pods and events. */
export class RolloutFailure extends DeployError {
  constructor(
    readonly ref: WorkloadRef,
    readonly workload: Workload,
    readonly reason: string,
    message: string
  ) {
    super('DEPLOY_FAILED', message)
  }
}

function judge(ref: WorkloadRef, workload: Workload): RolloutVerdict {
  return rolloutStatus(ref.kind, workload)
}

/**
 * Follows several workloads at once. The first failure stops the others' waits (their rollouts go
 * on in the cluster; a rollback, if asked for, puts them back) and is thrown.
 */
export async function followWorkloads(
  client: KubernetesClient,
  namespace: string,
  starts: readonly { readonly ref: WorkloadRef; readonly workload: Workload }[],
  context: TargetContext,
  deadline: number
): Promise<RolloutResult[]> {
  const stop = new AbortController()
  // The first failure is the one to tell: the waits it stopped say nothing of their own.
  let first: { error: unknown } | undefined
  const settled = await Promise.allSettled(
    starts.map(({ ref, workload }) =>
      followRollout({
        client,
        namespace,
        ref,
        start: workload,
        context,
        deadline,
        stop: stop.signal
      }).catch((error: unknown) => {
        first ??= { error }
        stop.abort()
        throw error
      })
    )
  )
  if (first) throw first.error
  return settled.map(s => (s as PromiseFulfilledResult<RolloutResult>).value)
}
