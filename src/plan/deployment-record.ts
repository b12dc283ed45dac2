import * as v from 'valibot'
import type { Plan } from './types.js'

/**
 * What a successful run leaves in its GitHub Deployment's payload: the project's memory of what
 * runs where. `rollback` reads it back to put the exact digests back; the promotion gate reads a
 * stage record to let prod take only what stage ran. Versioned, so a later action can tell an old
 * record from a new one, and bounded, so GitHub always takes it.
 */
export const RECORD_SCHEMA_VERSION = 1

/**
 * GitHub documents no bound on a deployment's payload (the OpenAPI description says only "JSON
 * payload with extra information"); 65,535 bytes is the limit GitHub enforces on its other free-form
 * JSON payloads (a repository dispatch's client_payload), so a record stays under it.
 */
export const RECORD_MAX_BYTES = 65_535

const MAX_TEXT = 512
const DIGEST_REF = /@sha256:[0-9a-f]{64}$/

/**
 * Built when a record is first read: a run that only plans (a dry run) reads none, and building
 * the schema at load cost every start half a millisecond.
 */
function buildRecordSchema() {
  const text = v.pipe(v.string(), v.maxLength(MAX_TEXT))
  const recordedService = v.object({
    /** registry/repo:tag@sha256:..., the exact bits that ran; absent for a service without an image. */
    image: v.optional(v.pipe(text, v.regex(DIGEST_REF, 'an image reference by digest'))),
    /** Where it deployed, as a person reads it (ECS rolling shop/api, Argo CD app shop-webui). */
    target: v.optional(text),
    /** The target's own identifiers, as it reported them (task_definition_arn, execution_arn). */
    outputs: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), text))
  })
  return v.object({
    schema: v.literal(RECORD_SCHEMA_VERSION),
    deployment_id: text,
    environment: text,
    version: v.optional(text),
    git_tag: v.optional(text),
    image_tag: text,
    commit: v.pipe(v.string(), v.regex(/^[0-9a-f]{7,64}$/)),
    services: v.record(v.pipe(v.string(), v.maxLength(128)), recordedService),
    /** This run put back an earlier deployment: which one, and what ran before it (rolled back from). */
    rollback_of: v.optional(
      v.object({
        deployment: v.number(),
        version: text,
        from: v.optional(v.object({ deployment: v.number(), version: text }))
      })
    ),
    /** Who let this run past the promotion gate, and why. */
    gate_override: v.optional(v.object({ actor: text, reason: text })),
    /** Target outputs were left out to stay under RECORD_MAX_BYTES. */
    truncated: v.optional(v.boolean())
  })
}

let recordSchema: ReturnType<typeof buildRecordSchema> | undefined

export type DeploymentRecord = v.InferOutput<ReturnType<typeof buildRecordSchema>>
export type RecordedService = DeploymentRecord['services'][string]

/** The payload's key: other tools may keep their own keys beside it. */
export const RECORD_KEY = 'deploy_pipeline'

export interface RecordInput {
  readonly plan: Plan
  /** service -> registry/repo:tag@sha256:digest, as pushed (or rolled back to). */
  readonly images: Readonly<Record<string, string>>
  /** service -> what its target reported. */
  readonly outputs?: ReadonlyMap<string, Readonly<Record<string, string>>>
  readonly describeTarget: (service: Plan['services'][number]) => string | undefined
  readonly gateOverride?: { readonly actor: string; readonly reason: string }
}

/** The record of a run's plan; throws when even without target outputs it passes the bound. */
export function deploymentRecord(input: RecordInput): DeploymentRecord {
  const { plan } = input
  const clip = (s: string): string => s.slice(0, MAX_TEXT)
  const services: Record<string, RecordedService> = {}
  for (const service of plan.services) {
    if (!service.deploy) continue
    const image = input.images[service.name]
    const outputs = input.outputs?.get(service.name)
    const target = input.describeTarget(service)
    services[service.name] = {
      ...(image && DIGEST_REF.test(image) ? { image } : {}),
      ...(target ? { target: clip(target) } : {}),
      ...(outputs && Object.keys(outputs).length > 0
        ? {
            outputs: Object.fromEntries(
              Object.entries(outputs).map(([k, value]) => [k.slice(0, 64), clip(value)])
            )
          }
        : {})
    }
  }
  const record: DeploymentRecord = {
    schema: RECORD_SCHEMA_VERSION,
    deployment_id: clip(plan.deploymentId),
    environment: plan.environment,
    ...(plan.version.version ? { version: plan.version.version } : {}),
    ...(plan.version.gitTag ? { git_tag: plan.version.gitTag } : {}),
    image_tag: clip(plan.version.imageTag),
    commit: plan.commit,
    services,
    ...(plan.rollback
      ? {
          rollback_of: {
            deployment: plan.rollback.to.id,
            version: clip(plan.rollback.to.label),
            ...(plan.rollback.from
              ? {
                  from: {
                    deployment: plan.rollback.from.id,
                    version: clip(plan.rollback.from.label)
                  }
                }
              : {})
          }
        }
      : {}),
    ...(input.gateOverride
      ? {
          gate_override: {
            actor: clip(input.gateOverride.actor),
            reason: clip(input.gateOverride.reason)
          }
        }
      : {})
  }
  if (recordBytes(record) <= RECORD_MAX_BYTES) return record
  const slim: DeploymentRecord = {
    ...record,
    truncated: true,
    services: Object.fromEntries(
      Object.entries(services).map(([name, { outputs: _dropped, ...rest }]) => [name, rest])
    )
  }
  if (recordBytes(slim) <= RECORD_MAX_BYTES) return slim
  throw new Error(
    `the deployment record of ${plan.services.length} services passes ${RECORD_MAX_BYTES} bytes`
  )
}

/** The payload a GitHub Deployment carries: the run's id (as before) and the record. */
export function recordPayload(record: DeploymentRecord): Record<string, unknown> {
  return { deployment_id: record.deployment_id, [RECORD_KEY]: record }
}

export function recordBytes(record: DeploymentRecord): number {
  return Buffer.byteLength(JSON.stringify(recordPayload(record)), 'utf8')
}

/**
 * The record in a deployment's payload, or undefined when there is none or it is not one this
 * action wrote (another tool's deployment, a newer schema, a hand-made payload): such deployments
 * are history this action cannot put back, never an error.
 */
export function readDeploymentRecord(payload: unknown): DeploymentRecord | undefined {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return undefined
    }
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = (value as Record<string, unknown>)[RECORD_KEY]
  const parsed = v.safeParse((recordSchema ??= buildRecordSchema()), record)
  return parsed.success ? parsed.output : undefined
}

/** A recorded deployment of an environment, with what its statuses say of how it ended. */
export interface HistoryEntry {
  readonly id: number
  readonly createdAt: string
  readonly record: DeploymentRecord
  /** When it was marked success, if ever (a later inactive only means it was superseded). */
  readonly succeededAt: string | undefined
  /** When it was marked failure or error, if ever. */
  readonly failedAt: string | undefined
}

/** vX.Y.Z (the git tag) when the run made one, else the image tag: how a person names it. */
export function recordLabel(record: DeploymentRecord): string {
  return record.git_tag ?? record.image_tag
}
