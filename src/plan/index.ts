import { DeployError } from '../errors.js'
import { deployLayers } from '../settings/service-graph.js'
import type { ServiceSettings, Settings } from '../settings/types.js'
import type {
  ImageAction,
  Plan,
  PlannedImage,
  PlannedService,
  ReleasePlan,
  VersionPlan
} from './types.js'
import { baseTag, newestReleaseCandidate, type TagSource } from './tags.js'
import { needsCommitMessages, planVersion } from './version.js'

/**
 * The whole plan of a run, computed before anything is changed: version and tags, the release,
 * each service's image and what to do with it, and the deploy order. Reads tags and commits
 * through the source `openTags` gives, opened only when tags matter; everything else is a function
 * of the settings and the clock.
 */
export async function buildPlan(
  settings: Settings,
  openTags: () => Promise<TagSource>,
  now: Date,
  signal?: AbortSignal
): Promise<Plan> {
  // Tags matter only to a git tag and to promotion; a timestamp-tag run reads none (and starts
  // no git process for them).
  const readsTags = settings.createTag || settings.images.mode === 'promote'
  const source = readsTags ? await openTags() : undefined
  const tags = source ? await source.listTags(signal) : []
  const versionInput = {
    environment: settings.environment,
    createTag: settings.createTag,
    version: settings.version,
    bump: settings.bump,
    sha: settings.context.sha
  }
  // Commits are read only for an auto bump of a new tag: a re-run works on a shallow checkout.
  const needsCommits = needsCommitMessages(versionInput, tags)
  const commitMessages =
    source && needsCommits
      ? await source.commitMessagesSince(baseTag(tags), settings.context.sha, signal)
      : []
  const version = planVersion({
    ...versionInput,
    timezone: settings.timezone,
    now,
    tags,
    commitMessages
  })
  const promoteFrom =
    settings.images.promoteFrom ??
    (version.version ? newestReleaseCandidate(tags, version.version) : undefined)
  const action = imageAction(settings, promoteFrom)
  const { layers } = deployLayers(settings.services)
  return {
    deploymentId: settings.deploymentId,
    environment: settings.environment,
    commit: settings.context.sha,
    dryRun: settings.dryRun,
    version,
    release: releasePlan(settings, version),
    services: settings.services.map(service =>
      planService(service, version.imageTag, action, promoteFrom, settings.platforms)
    ),
    layers
  }
}

/**
 * build: auto promotes to prod what stage verified (when a release candidate of the version
 * exists), so prod runs the exact bits; everything else is built.
 */
function imageAction(settings: Settings, promoteFrom: string | undefined): ImageAction {
  const mode = settings.images.mode
  if (mode === 'always') return 'build'
  if (mode === 'skip') return 'skip'
  if (mode === 'promote') {
    if (!promoteFrom) {
      throw new DeployError(
        'INVALID_INPUT',
        'build: promote needs an image to promote: set promote_from, or create_tag: true with a ' +
          'vX.Y.Z-rc.N tag of the version released'
      )
    }
    return 'promote'
  }
  return settings.environment === 'prod' && settings.createTag && promoteFrom ? 'promote' : 'build'
}

function planService(
  service: ServiceSettings,
  imageTag: string,
  action: ImageAction,
  promoteFrom: string | undefined,
  platforms: readonly string[]
): PlannedService {
  return {
    name: service.name,
    dependsOn: service.dependsOn,
    image: service.build
      ? plannedImage(service, imageTag, action, promoteFrom, platforms)
      : undefined,
    deploy: service.deploy
  }
}

function plannedImage(
  service: ServiceSettings,
  tag: string,
  action: ImageAction,
  promoteFrom: string | undefined,
  platforms: readonly string[]
): PlannedImage {
  const host = service.registry.host
  const built = service.build?.platforms ?? []
  return {
    registry: service.registry.kind,
    host,
    repository: service.repository,
    tag,
    reference: `${host || 'ecr'}/${service.repository}:${tag}`,
    action,
    promoteFrom: action === 'build' ? undefined : promoteFrom,
    platforms: built.length > 0 ? built : platforms
  }
}

function releasePlan(settings: Settings, version: VersionPlan): ReleasePlan | undefined {
  if (!settings.createRelease || !version.gitTag) return undefined
  return {
    tag: version.gitTag,
    name: version.gitTag,
    prerelease: settings.environment !== 'prod',
    makeLatest: settings.environment === 'prod',
    previousTag: version.previousTag
  }
}

/**
 * The plan after the TAG phase had to take another tag (a concurrent run took ours): the image
 * tag follows the git tag, so every image reference moves with it.
 */
export function retagPlan(plan: Plan, gitTag: string): Plan {
  if (plan.version.gitTag === gitTag) return plan
  return {
    ...plan,
    version: { ...plan.version, gitTag, imageTag: gitTag },
    release: plan.release ? { ...plan.release, tag: gitTag, name: gitTag } : undefined,
    services: plan.services.map(service =>
      service.image
        ? {
            ...service,
            image: {
              ...service.image,
              tag: gitTag,
              reference: service.image.reference.replace(/:[^:/]+$/, `:${gitTag}`)
            }
          }
        : service
    )
  }
}
