import { basename } from 'node:path'
import { describeRollback } from './rollback.js'
import type { Plan } from './types.js'

/** The plan as lines a person reads in the log and the job summary of a dry run. */
export function describePlan(plan: Plan): string[] {
  const v = plan.version
  const lines = [
    `Environment: ${plan.environment}`,
    `Commit: ${plan.commit}`,
    `Deployment: ${plan.deploymentId}`,
    v.gitTag
      ? `Git tag: ${v.gitTag} (${v.reused ? 'already on this commit: reused' : 'to create'}; ${v.reason})`
      : 'Git tag: none (create_tag is false)',
    `Image tag: ${v.imageTag}`,
    ...describeRollback(plan),
    ...(plan.gate?.lines ?? [])
  ]
  if (plan.release) {
    const kind = plan.release.prerelease ? 'pre-release' : 'release, marked latest'
    const notes = plan.release.previousTag
      ? `notes since ${plan.release.previousTag}`
      : 'notes from the start'
    lines.push(`Release: ${plan.release.tag} (${kind}, ${notes})`)
  }
  if (plan.services.length === 0) lines.push('Services: none (version, tag and release only)')
  plan.layers.forEach((layer, index) => {
    lines.push(`Deploy step ${index + 1}: ${layer.join(', ')}`)
  })
  for (const service of plan.services) {
    const image = service.image
    const imageText = !image
      ? 'no image'
      : image.action === 'promote'
        ? `promote ${image.promoteFrom} -> ${image.reference}`
        : image.action === 'rollback'
          ? `roll back to ${image.reference}`
          : image.action === 'skip'
            ? `use existing ${image.reference}`
            : `build ${image.reference}`
    const verify = service.deploy?.verify
    const check = verify
      ? `; then verify ${verify.url} answers HTTP ${verify.expectStatus}${verify.contains ? ` containing '${verify.contains}'` : ''}`
      : ''
    lines.push(`  ${service.name}: ${imageText}; ${describeTarget(service.deploy)}${check}`)
  }
  if (plan.changes) {
    const base = plan.changes.base ? `${plan.changes.base.slice(0, 7)}, ` : ''
    lines.push(`Changed only: compared with ${base}${plan.changes.baseFrom}`)
    for (const s of plan.changes.changed) lines.push(`  ${s.name} runs: ${s.reason}`)
    for (const s of plan.changes.unchanged) lines.push(`  ${s.name} left out: ${s.reason}`)
  }
  return lines
}

/** Where a service deploys, as a person reads it. */
export function describeTarget(target: Plan['services'][number]['deploy']): string {
  if (!target) return 'not deployed'
  switch (target.kind) {
    case 'ecs':
      return `ECS ${target.strategy} ${target.cluster}/${target.service}`
    case 'stepfunctions':
      return `Step Functions (${target.mode}) ${target.stateMachineArn ?? target.secretName ?? ''}`.trim()
    case 'argocd':
      return `Argo CD app ${target.app}${target.server ? ` on ${target.server}` : ''}`
    case 'cloudformation': {
      const region = target.region ? ` in ${target.region}` : ''
      const via = target.templateBucket ? `, template through s3://${target.templateBucket}` : ''
      return `CloudFormation stack ${target.stack}${region} (change set from ${basename(target.template)}${via})`
    }
    case 'kubernetes': {
      const workloads = target.workloads.map(w => `${w.kind.toLowerCase()}/${w.name}`).join(', ')
      const container = target.container ? ` (container ${target.container})` : ''
      return `Kubernetes ${workloads}${container} in namespace ${target.namespace}${inContext(target.context)}`
    }
    case 'helm': {
      const chart = target.repoUrl
        ? `${target.chart}${target.version ? ` ${target.version}` : ''} from ${target.repoUrl}`
        : target.chart
      return `Helm release ${target.release} (chart ${chart}) in namespace ${target.namespace}${inContext(target.context)}`
    }
  }
}

function inContext(context: string | undefined): string {
  return context ? ` of context ${context}` : ''
}
