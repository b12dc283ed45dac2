import { DeployError } from '../errors.js'

/**
 * The multi-platform index the deploy job assembles from the build jobs' images (pure). One media
 * type family for the index and everything it names, because registries and policy checks reject
 * a mix (Docker v2 manifests in an OCI index, or the other way round):
 * - every image a Docker v2 schema 2 manifest: a Docker manifest list of them, digests unchanged;
 * - otherwise an OCI image index of OCI manifests: a Docker v2 manifest among them is rewritten as
 *   an OCI manifest (the same config and layer bytes, only media types change), which gives it a
 *   new digest; the caller pushes it and says so.
 * An image that is itself an index (buildx with provenance: the image and its attestation) has
 * its entries listed in the new index.
 */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'

/** Docker v2 media types of configs and layers, and their OCI names. */
const DOCKER_TO_OCI: Readonly<Record<string, string>> = {
  'application/vnd.docker.container.image.v1+json': 'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.image.rootfs.diff.tar.gzip':
    'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip':
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip'
}

export interface Platform {
  architecture: string
  os: string
  variant?: string
}

export interface IndexEntry {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations?: Record<string, string>
}

/** One platform's image as the registry holds it. */
export interface PlatformImage {
  /** os/arch[/variant] */
  readonly platform: string
  readonly mediaType: string
  readonly digest: string
  readonly body: Buffer
}

/** A manifest the index names that must be pushed first (a converted Docker v2 manifest). */
export interface Converted {
  readonly platform: string
  readonly from: string
  readonly mediaType: string
  readonly digest: string
  readonly body: Buffer
}

export interface AssembledIndex {
  readonly mediaType: string
  readonly body: Buffer
  readonly converted: readonly Converted[]
}

export function platformOf(platform: string): Platform {
  const [os = '', architecture = '', variant] = platform.split('/')
  return { architecture, os, ...(variant ? { variant } : {}) }
}

export function assembleIndex(
  images: readonly PlatformImage[],
  digestOf: (body: Buffer) => string
): AssembledIndex {
  const docker = images.every(image => image.mediaType === DOCKER_MANIFEST)
  const converted: Converted[] = []
  const entries: IndexEntry[] = []
  for (const image of images) {
    if (image.mediaType === OCI_INDEX || image.mediaType === DOCKER_LIST) {
      const nested = JSON.parse(image.body.toString('utf8')) as { manifests?: IndexEntry[] }
      for (const entry of nested.manifests ?? []) {
        if (!docker && entry.mediaType === DOCKER_MANIFEST) {
          throw new DeployError(
            'PUSH_FAILED',
            `The ${image.platform} image ${image.digest} is an index naming a Docker v2 manifest; ` +
              'build with OCI media types (buildah, or buildx with oci-mediatypes=true).'
          )
        }
        entries.push(entry)
      }
      continue
    }
    if (image.mediaType === DOCKER_MANIFEST && !docker) {
      const body = toOciManifest(image)
      const digest = digestOf(body)
      converted.push({
        platform: image.platform,
        from: image.digest,
        mediaType: OCI_MANIFEST,
        digest,
        body
      })
      entries.push({
        mediaType: OCI_MANIFEST,
        digest,
        size: body.length,
        platform: platformOf(image.platform)
      })
      continue
    }
    entries.push({
      mediaType: image.mediaType,
      digest: image.digest,
      size: image.body.length,
      platform: platformOf(image.platform)
    })
  }
  const mediaType = docker ? DOCKER_LIST : OCI_INDEX
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: entries }))
  return { mediaType, body, converted }
}

/** A Docker v2 schema 2 manifest as an OCI image manifest of the same blobs. */
export function toOciManifest(image: Pick<PlatformImage, 'platform' | 'digest' | 'body'>): Buffer {
  const manifest = JSON.parse(image.body.toString('utf8')) as {
    config: IndexEntry
    layers: IndexEntry[]
  } & Record<string, unknown>
  const rename = (entry: IndexEntry): IndexEntry => {
    const mediaType = DOCKER_TO_OCI[entry.mediaType]
    if (!mediaType) {
      throw new DeployError(
        'PUSH_FAILED',
        `The ${image.platform} image ${image.digest} has a part of type ${entry.mediaType}, which ` +
          'has no OCI equivalent; build every platform with OCI media types.'
      )
    }
    return { ...entry, mediaType }
  }
  const oci = {
    ...manifest,
    mediaType: OCI_MANIFEST,
    config: rename(manifest.config),
    layers: manifest.layers.map(rename)
  }
  return Buffer.from(JSON.stringify(oci))
}
