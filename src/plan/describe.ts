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
    `Image tag: ${v.imageTag}`
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
        : image.action === 'skip'
          ? `use existing ${image.reference}`
          : `build ${image.reference}`
    lines.push(`  ${service.name}: ${imageText}; ${describeTarget(service.deploy)}`)
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
