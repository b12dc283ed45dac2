/**
 * One image to build: everything a builder needs, already resolved (registry host known,
 * credentials in the per-job auth file). Pure data, so each builder's command lines are a pure
 * function of it.
 */
export interface BuildJob {
  readonly service: string
  /** host/repository:tag the image is pushed to. */
  readonly reference: string
  readonly context: string
  readonly dockerfile: string
  readonly target: string | undefined
  readonly args: Readonly<Record<string, string>>
  readonly platforms: readonly string[]
  /** OCI labels: source, revision, version, created. */
  readonly labels: Readonly<Record<string, string>>
  /** Seconds since the epoch stamped into the image (SOURCE_DATE_EPOCH or the commit time). */
  readonly timestamp: number | undefined
  /** Plain HTTP to the registry (loopback, or registry_insecure). */
  readonly insecure: boolean
  /** The per-job registry credentials file (docker config.json format). */
  readonly authFile: string
  /** Where the builder writes what it learned (buildx metadata, buildah digest). */
  readonly workDir: string
  readonly cache: 'registry' | 'gha' | 'none'
  /** host/repository:buildcache, for a registry cache. */
  readonly cacheReference: string
  readonly provenance: boolean
  readonly sbom: boolean
  /** false: build and keep the image locally, do not push (immutable tag already present). */
  readonly push: boolean
  /**
   * A build job of a split workflow: the image goes to the repository by digest, under no tag
   * (buildx pushes it so; buildah's is sent from exportLayout by the registry client).
   */
  readonly byDigest?: boolean
}

export interface RunControl {
  readonly signal: AbortSignal
  /** Each line of the builder's output. */
  readonly onLine: (line: string) => void
}

export interface Builder {
  readonly name: 'buildah' | 'buildx'
  /** Builds every platform; buildx also pushes here (one step), buildah keeps a local list. */
  build(job: BuildJob, run: RunControl): Promise<void>
  /** Pushes what build made (buildah) or reads what build pushed (buildx); the index digest. */
  push(job: BuildJob, run: RunControl): Promise<string>
  /** The digest the built image would have in the registry, without pushing it. */
  localDigest(job: BuildJob, run: RunControl): Promise<string>
  /**
   * The image index the builder made, byte for byte as its push sends it: for a builder whose
   * push can end without saying what the registry answered (buildah), so that the index can be
   * sent again by a client that reads the answer.
   */
  localIndex?(job: BuildJob, run: RunControl): Promise<LocalIndex>
  /**
   * Writes what build made into an OCI image layout directory (index.json and blobs/), for a
   * client to push by digest; the digest of the index it wrote. buildah only: buildx pushes by
   * digest itself.
   */
  exportLayout?(job: BuildJob, run: RunControl, directory: string): Promise<string>
}

/** An image index as a registry stores it (the shape of the registry client's Manifest). */
export interface LocalIndex {
  readonly digest: string
  readonly mediaType: string
  readonly size: number
  readonly body: Buffer
}

/** What a failed builder command left: the exit code and its last lines. */
export class CommandFailure extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly tail: readonly string[]
  ) {
    super(`${command} exited with ${exitCode}`)
    this.name = 'CommandFailure'
  }
}
