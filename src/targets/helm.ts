import {
  SETUP_HELM_HINT,
  chartFacts,
  helmVersion,
  manifestWorkloads,
  removeSecretValues,
  runHelm,
  writeSecretValues,
  type HelmVersion
} from '../clients/helm.js'
import { explainKubernetesError, type WorkloadRef } from '../clients/kubernetes.js'
import { DeployError, asDeployError } from '../errors.js'
import type { HelmTarget } from '../settings/types.js'
import { helmCommands, manifestArgs, type HelmFacts } from './helm-args.js'
import { withExplanation } from './kubernetes-explain.js'
import { RolloutFailure, followWorkloads } from './kubernetes-rollout.js'
import { openCluster, preparePullSecret } from './kubernetes.js'
import type { Deploy, DeployRequest, TargetContext } from './types.js'

/**
 * deploy.helm: one `helm upgrade --install` of the release with the new image (set_image, set
 * with placeholders, values files; secret values through a 0600 values file that is removed when
 * helm ends, and by the post step if the run dies first), Helm 3's --atomic or Helm 4's
 * --rollback-on-failure. helm's wait is not the end of it: its readiness check is weaker than
 * `kubectl rollout status` (a Deployment counts as ready with old pods still terminating), so the
 * release's Deployments, StatefulSets and DaemonSets are then followed through the same watch as
 * deploy.kubernetes. helm's own output goes to its own log group, inert.
 */
export const deploy: Deploy<HelmTarget> = async (request, context) => {
  const { target } = request
  const helm = await helmVersion(context.signal)
  if (!helm) {
    throw new DeployError('DEPLOY_FAILED', `helm is not on PATH: ${SETUP_HELM_HINT}`)
  }
  const client = openCluster(request, context, context.signal)
  const deadline = (context.now ?? Date.now)() + context.timeoutMs
  try {
    if (target.createNamespace && target.imagePullSecret) {
      // The pull secret goes in before helm runs, so its namespace must exist first.
      if (!(await client.namespaceExists(target.namespace))) {
        await client.createNamespace(target.namespace)
        context.info(`namespace ${target.namespace} created`)
      }
    }
    await preparePullSecret(client, request, context)
    await upgrade(request, context, helm)
    const workloads = await releaseWorkloads(request, context)
    const starts = await Promise.all(
      workloads.map(async ref => ({
        ref,
        workload: await client.readWorkload(ref, target.namespace)
      }))
    )
    const results = await followWorkloads(client, target.namespace, starts, context, deadline)
    for (const result of results) context.progress(result.progress)
    const revision = (await client.listHelmReleases(target.namespace, target.release)).find(
      r => r.status === 'deployed'
    )?.revision
    return {
      outputs: {
        helm_release: target.release,
        ...(revision ? { helm_revision: String(revision) } : {})
      }
    }
  } catch (error) {
    const failure = asDeployError(explainKubernetesError(error, client.where), 'DEPLOY_FAILED')
    const rollout = error instanceof RolloutFailure ? error : undefined
    const explainable = error instanceof HelmFailure || rollout || failure.code === 'TIMEOUT'
    if (failure.code === 'CANCELLED' || !explainable) throw failure
    // What the cluster says about the release's workloads, on a client of the undo signal.
    const undo = openCluster(request, context, context.undoSignal ?? context.signal)
    const refs = rollout
      ? [rollout.ref]
      : await releaseWorkloads(request, context, context.undoSignal).catch(() => [])
    const failed = rollout ? { ref: rollout.ref, workload: rollout.workload } : undefined
    throw await withExplanation(failure, undo, target.namespace, refs, failed).catch(() => failure)
  }
}

/** helm ended unsuccessfully; its last lines are in the details. */
export class HelmFailure extends DeployError {}

async function upgrade(
  request: DeployRequest<HelmTarget>,
  context: TargetContext,
  helm: HelmVersion
): Promise<void> {
  const { target, settings, service } = request
  const facts = target.repoUrl === undefined ? chartFacts(target.chart) : undefined
  const secrets = Object.entries(target.setSecret).map(
    ([key, variable]) => [key, process.env[variable] ?? ''] as const
  )
  const secretFile = secrets.length
    ? writeSecretValues(settings.context.tempDir, service.name, Object.fromEntries(secrets))
    : undefined
  try {
    const helmFacts: HelmFacts = {
      major: helm.major,
      chartDependencies: facts?.dependencies ?? false,
      customKinds: facts?.customKinds ?? [],
      secretValuesFile: secretFile
    }
    const commands = helmCommands(
      target,
      {
        imageUri: request.imageUri,
        plan: request.plan,
        kubeconfig: settings.deploy.kubeconfig,
        deployTimeoutMs: context.timeoutMs
      },
      helmFacts
    )
    if (helm.major >= 4 && helmFacts.customKinds.length > 0) {
      context.info(
        `the chart creates ${helmFacts.customKinds.join(', ')}: helm waits with --wait=legacy`
      )
    }
    if (commands.dependencyUpdate) {
      await runStep(context, `helm dependency update ${service.name}`, commands.dependencyUpdate)
    }
    context.progress(`helm upgrade --install ${target.release} (helm ${helm.version})`, {
      release: target.release,
      namespace: target.namespace
    })
    await runStep(
      context,
      `helm upgrade --install ${target.release} (${service.name}, helm ${helm.version})`,
      commands.upgrade
    )
  } finally {
    if (secretFile) removeSecretValues(secretFile)
  }
}

/** Runs one helm command; its output becomes its own log group, its failure a HelmFailure. */
async function runStep(
  context: TargetContext,
  title: string,
  args: readonly string[]
): Promise<string[]> {
  const lines: string[] = []
  let result
  try {
    result = await runHelm(args, { signal: context.signal, onLine: line => lines.push(line) })
  } finally {
    // Shown whatever happened, the last lines again outside the group when it failed.
    const failed = result === undefined || result.exitCode !== 0
    if (lines.length > 0) {
      context.output?.({
        title,
        lines,
        ...(failed
          ? { tail: { title: `${title} failed; its last lines:`, lines: lines.slice(-20) } }
          : {})
      })
    }
  }
  if (result.exitCode !== 0) throw helmFailure(title, result.exitCode, result.tail)
  return lines
}

/**
 * helm's own words, made into an error: the `Error:` line says what; a wait that ran out is a
 * TIMEOUT; with --atomic / --rollback-on-failure helm has already rolled the release back.
 */
export function helmFailure(title: string, exitCode: number, tail: readonly string[]): DeployError {
  const text = tail.join('\n')
  const errorLine =
    [...tail]
      .reverse()
      .find(line => /^Error:/.test(line))
      ?.replace(/^Error:\s*/, '') ??
    tail.at(-1) ??
    ''
  const timedOut = /timed out waiting for the condition|context deadline exceeded/i.test(text)
  const rolledBack = /has been rolled back|rolled back due to|rollback-on-failure|atomic/i.test(
    errorLine
  )
  const message =
    `${title.replace(/ \(.*$/, '')} failed (exit code ${exitCode})` +
    (errorLine ? `: ${errorLine.slice(0, 500)}` : '') +
    (rolledBack ? '; helm rolled the release back' : '')
  return new HelmFailure(timedOut ? 'TIMEOUT' : 'DEPLOY_FAILED', message, { details: text })
}

/** The workloads of the release, from `helm get manifest`; none when it cannot be read. */
async function releaseWorkloads(
  request: DeployRequest<HelmTarget>,
  context: TargetContext,
  signal: AbortSignal = context.signal
): Promise<WorkloadRef[]> {
  const { target } = request
  const lines: string[] = []
  const result = await runHelm(manifestArgs(target, request.settings.deploy.kubeconfig), {
    signal,
    onLine: line => lines.push(line),
    tailLines: 0
  })
  if (result.exitCode !== 0) return []
  return manifestWorkloads(lines.join('\n'))
    .filter(w => w.namespace === undefined || w.namespace === target.namespace)
    .map(w => ({ kind: w.kind, name: w.name }))
}
