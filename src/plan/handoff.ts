import * as v from 'valibot'
import { DeployError } from '../errors.js'
import { parseJson } from '../runtime/json.js'
import type { Plan, PlannedService } from './types.js'

/**
 * What the jobs of a split workflow hand each other (docs/scaling.md): the plan job's `plan` (the
 * Plan, plus the status card to carry on) and `matrix`, and one record per build job. Pure: the
 * text comes in, checked data or an error that says which input is wrong goes out.
 */

const digest = v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex>'))
const text = v.pipe(v.string(), v.maxLength(4096))

/**
 * The parts of a Plan the later jobs act on, checked; the plan job wrote it, but it travels
 * through the workflow file, where a hand may have cut or edited it.
 */
const plannedImage = v.looseObject({
  registry: v.picklist(['ghcr', 'ecr', 'host']),
  host: v.string(),
  repository: text,
  tag: text,
  reference: text,
  action: v.picklist(['build', 'promote', 'skip']),
  platforms: v.optional(v.array(text))
})

const handedPlan = v.looseObject({
  deploymentId: text,
  environment: v.picklist(['dev', 'stage', 'prod']),
  commit: text,
  dryRun: v.boolean(),
  version: v.looseObject({ imageTag: text, channel: v.picklist(['dev', 'rc', 'stable']) }),
  services: v.array(
    v.looseObject({
      name: text,
      dependsOn: v.array(text),
      image: v.optional(plannedImage)
    })
  ),
  layers: v.array(v.array(text)),
  /** The status card the plan job posted, for the later jobs to edit (never to post again). */
  card: v.optional(v.unknown())
})

export interface HandedPlan {
  readonly plan: Plan
  /** The saved status card (notify/status-card.ts SavedCard), when the plan job posted one. */
  readonly card: unknown
}

/** The `plan` input of a build or deploy job. */
export function readHandedPlan(raw: string): HandedPlan {
  const parsed = parseJson(handedPlan, raw)
  if (!parsed.ok) {
    throw new DeployError(
      'INVALID_INPUT',
      `Input plan is not the plan output of a phase: plan job (${parsed.problem}); pass ` +
        '`plan: ${{ needs.plan.outputs.plan }}` unchanged.'
    )
  }
  const { card, ...plan } = parsed.value
  // Checked above for what the later jobs act on; the rest is the plan job's own output.
  return { plan: plan as unknown as Plan, card }
}

/** One job of the build matrix: a service on a platform, on a runner of that architecture. */
export interface MatrixEntry {
  readonly service: string
  readonly platform: string
  readonly runner: string
}

/** `strategy.matrix` for `fromJSON`: one entry per built service and platform. */
export function buildMatrix(
  plan: Plan,
  runners: Readonly<Record<string, string>>
): { include: MatrixEntry[] } {
  const include: MatrixEntry[] = []
  const unknown = new Set<string>()
  for (const service of builtServices(plan)) {
    for (const platform of service.image.platforms ?? []) {
      const runner = runners[platform]
      if (runner) include.push({ service: service.name, platform, runner })
      else unknown.add(platform)
    }
  }
  if (unknown.size > 0) {
    throw new DeployError(
      'INVALID_INPUT',
      `No runner label for ${[...unknown].join(', ')}: add it under runners: in the deploy ` +
        'config (platform: runner label), so its build job runs on a machine of that architecture.'
    )
  }
  return { include }
}

type BuiltService = PlannedService & { image: NonNullable<PlannedService['image']> }

export function builtServices(plan: Plan): BuiltService[] {
  return plan.services.filter((s): s is BuiltService => s.image?.action === 'build')
}

/** A build job's plan: its one service, built for its one platform, and nothing to deploy. */
export function planForBuildJob(plan: Plan, service: string, platform: string): Plan {
  const planned = plan.services.find(s => s.name === service)
  const left = plan.changes?.unchanged.find(s => s.name === service)
  if (!planned) {
    const why = left ? `it is unchanged: ${left.reason}` : 'no service of that name is planned'
    throw new DeployError('INVALID_INPUT', `Input service '${service}' is not in the plan: ${why}.`)
  }
  if (planned.image?.action !== 'build') {
    throw new DeployError(
      'INVALID_INPUT',
      `Input service '${service}' is not built by this plan (image: ${planned.image?.action ?? 'none'}); ` +
        'build jobs take their service and platform from the matrix output.'
    )
  }
  const platforms = planned.image.platforms ?? []
  if (!platforms.includes(platform)) {
    throw new DeployError(
      'INVALID_INPUT',
      `Input platform '${platform}' is not planned for ${service} (${platforms.join(', ')}).`
    )
  }
  return {
    ...plan,
    services: [
      {
        ...planned,
        dependsOn: [],
        deploy: undefined,
        image: { ...planned.image, platforms: [platform] }
      }
    ],
    layers: [[service]]
  }
}

/** What a build job leaves for the deploy job: one image, pushed by digest, of one plan. */
export interface BuildRecord {
  readonly service: string
  readonly platform: string
  /** host/repository the image was pushed to. */
  readonly image: string
  readonly digest: string
  readonly mediaType: string
  readonly size: number
  readonly deploymentId: string
  readonly commit: string
}

export const buildRecordSchema = v.strictObject({
  service: text,
  platform: text,
  image: text,
  digest,
  mediaType: text,
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  deploymentId: text,
  commit: text
})

/** A record's text, checked; `where` names the file or the list entry for the error. */
export function readBuildRecord(raw: unknown, where: string): BuildRecord {
  const parsed = v.safeParse(buildRecordSchema, raw)
  if (parsed.success) return parsed.output
  const issue = parsed.issues[0]
  const path = v.getDotPath(issue)
  throw new DeployError(
    'INVALID_INPUT',
    `${where} is not a build record (${path ? `${path}: ` : ''}${issue.message}).`
  )
}
