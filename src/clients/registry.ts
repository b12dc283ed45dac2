import { createHash } from 'node:crypto'
import { DeployError } from '../errors.js'
import { RetryableError, withRetry, type RetryOptions } from '../runtime/retry.js'
import { isLoopbackHost } from '../runtime/hosts.js'

/**
 * The OCI distribution API, for what needs no builder: the digest a tag holds (HEAD), and
 * promotion, which copies a manifest or index to a new tag inside the repository (GET + PUT of the
 * same bytes): the layers are already there, nothing is rebuilt or uploaded. Speaks Basic auth
 * (htpasswd registries) and the token flow (GHCR, Docker Hub). Every request goes through the
 * retry helper.
 */
export const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
]
export const MANIFEST_TYPES = [
  ...INDEX_TYPES,
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

export interface RegistryEndpoint {
  readonly host: string
  /** Plain HTTP. */
  readonly insecure: boolean
  readonly username?: string
  readonly password?: string
}

/** What a request sends: bytes, or a stream opened for each attempt (a layer file). */
interface RequestBody {
  readonly body: Buffer | (() => ReadableStream<Uint8Array>)
  readonly contentType: string
  readonly length?: number
}

export interface ManifestRef {
  readonly digest: string
  readonly mediaType: string
  readonly size: number
}

export interface Manifest extends ManifestRef {
  readonly body: Buffer
}

export type RegistryRetry = Pick<
  RetryOptions,
  'attempts' | 'baseDelayMs' | 'attemptTimeoutMs' | 'sleep' | 'onRetry' | 'signal'
>

/** An answer the retry helper judges by status and Retry-After. */
export class RegistryHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly headers: Headers
  ) {
    super(message)
    this.name = 'RegistryHttpError'
  }
}

export function sha256Digest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

interface Challenge {
  scheme: 'basic' | 'bearer'
  params: Record<string, string>
}

/** Parses `WWW-Authenticate: Bearer realm="...",service="...",scope="..."`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined
  const match = /^\s*(\w+)\s*(.*)$/.exec(header)
  if (!match) return undefined
  const scheme = match[1]?.toLowerCase()
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined
  const params: Record<string, string> = {}
  for (const m of (match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g))
    params[m[1] as string] = m[2] as string
  return { scheme, params }
}

export class RegistryClient {
  private readonly base: string
  /** Authorization header per scope ("" for Basic, which covers every scope). */
  private readonly authorizations = new Map<string, string>()

  constructor(
    private readonly endpoint: RegistryEndpoint,
    private readonly retry: RegistryRetry = {}
  ) {
    this.base = `${endpoint.insecure ? 'http' : 'https'}://${endpoint.host}`
  }

  /**
   * The digest and type a tag or digest points at; undefined when it does not exist. Every method
   * takes the caller's signal (a push's deadline); without one, the client's own.
   */
  async headManifest(
    repository: string,
    reference: string,
    signal?: AbortSignal
  ): Promise<ManifestRef | undefined> {
    const { response } = await this.call('HEAD', repository, reference, 'pull', signal)
    if (response.status === 404) return undefined
    const digest = response.headers.get('docker-content-digest')
    // Some registries leave the digest out of HEAD answers: read the manifest and hash it.
    if (!digest) return this.getManifest(repository, reference, signal)
    return {
      digest,
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '',
      size: Number(response.headers.get('content-length') ?? 0)
    }
  }

  async getManifest(
    repository: string,
    reference: string,
    signal?: AbortSignal
  ): Promise<Manifest | undefined> {
    return this.send(`GET manifest ${repository}:${reference}`, signal, async attemptSignal => {
      const response = await this.request('GET', repository, reference, 'pull', attemptSignal)
      if (response.status === 404) return undefined
      const body = Buffer.from(await response.arrayBuffer())
      const digest = sha256Digest(body)
      const claimed = response.headers.get('docker-content-digest')
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0] ?? ''
      if ((claimed && claimed !== digest) || !MANIFEST_TYPES.includes(mediaType)) {
        throw new RetryableError(`the manifest of ${repository}:${reference} arrived damaged`)
      }
      try {
        JSON.parse(body.toString('utf8'))
      } catch {
        throw new RetryableError(`the manifest of ${repository}:${reference} is not JSON`)
      }
      return { digest, mediaType, size: body.length, body }
    })
  }

  /** Stores the manifest bytes under `reference`; returns the digest the registry reports. */
  async putManifest(
    repository: string,
    reference: string,
    manifest: Manifest,
    signal?: AbortSignal
  ): Promise<string> {
    const { response, text } = await this.call('PUT', repository, reference, 'pull,push', signal, {
      body: manifest.body,
      contentType: manifest.mediaType
    })
    if (response.status !== 201 && response.status !== 200) {
      throw new DeployError(
        'PUSH_FAILED',
        `${this.endpoint.host} refused the tag ${repository}:${reference} (HTTP ${response.status}).`,
        {
          details: text.slice(0, 2000)
        }
      )
    }
    return response.headers.get('docker-content-digest') ?? manifest.digest
  }

  /**
   * Gives `toTag` the manifest or index `from` points at: the same bytes, so the same digest. A tag
   * that already holds that digest is left alone.
   */
  async copyTag(
    repository: string,
    from: string,
    toTag: string,
    signal?: AbortSignal
  ): Promise<{ digest: string; copied: boolean }> {
    const source = await this.getManifest(repository, from, signal)
    if (!source) {
      throw new DeployError(
        'PUSH_FAILED',
        `Cannot promote ${this.endpoint.host}/${repository}:${from}: it does not exist.`
      )
    }
    const current = await this.headManifest(repository, toTag, signal)
    if (current?.digest === source.digest) return { digest: source.digest, copied: false }
    const stored = await this.putManifest(repository, toTag, source, signal)
    if (stored !== source.digest) {
      throw new DeployError(
        'PUSH_FAILED',
        `${this.endpoint.host} stored ${repository}:${toTag} as ${stored}, not ${source.digest}.`
      )
    }
    return { digest: source.digest, copied: true }
  }

  /** One request whose answer is read whole: its text (a refusal's explanation) comes along. */
  private async call(
    method: string,
    repository: string,
    reference: string,
    actions: string,
    signal: AbortSignal | undefined,
    body?: RequestBody
  ): Promise<{ response: Response; text: string }> {
    return this.send(`${method} manifest ${repository}:${reference}`, signal, async attempt => {
      const response = await this.request(method, repository, reference, actions, attempt, body)
      return { response, text: await response.text() }
    })
  }

  private async send<T>(
    describe: string,
    signal: AbortSignal | undefined,
    operation: (signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    return withRetry(operation, {
      describe: `${this.endpoint.host} ${describe}`,
      attemptTimeoutMs: 60_000,
      ...this.retry,
      signal: signal ?? this.retry.signal,
      classify: error => (error instanceof DeployError ? { retry: false } : undefined)
    })
  }

  private async request(
    method: string,
    repository: string,
    reference: string,
    actions: string,
    signal: AbortSignal,
    body?: RequestBody
  ): Promise<Response> {
    const url = `${this.base}/v2/${repository}/manifests/${reference}`
    return this.authorized(method, url, `repository:${repository}:${actions}`, signal, body)
  }

  /** Whether the repository holds the blob (a layer or a config). */
  async hasBlob(repository: string, digest: string, signal?: AbortSignal): Promise<boolean> {
    const url = `${this.base}/v2/${repository}/blobs/${digest}`
    return this.send(`HEAD blob ${repository}@${digest}`, signal, async attempt => {
      const response = await this.authorized('HEAD', url, `repository:${repository}:pull`, attempt)
      await response.arrayBuffer().catch(() => undefined)
      if (response.status === 404) return false
      if (response.ok) return true
      throw new RetryableError(
        `${this.endpoint.host} answered HEAD blob with HTTP ${response.status}`
      )
    })
  }

  /**
   * Uploads one blob in one piece (POST an upload, PUT its bytes with the digest), unless the
   * repository holds it already. `open` gives the bytes, again for each attempt.
   */
  async uploadBlob(
    repository: string,
    blob: { digest: string; size: number; open: () => ReadableStream<Uint8Array> },
    signal?: AbortSignal
  ): Promise<'uploaded' | 'present'> {
    if (await this.hasBlob(repository, blob.digest, signal)) return 'present'
    const scope = `repository:${repository}:pull,push`
    await this.send(`upload blob ${repository}@${blob.digest}`, signal, async attempt => {
      const started = await this.authorized(
        'POST',
        `${this.base}/v2/${repository}/blobs/uploads/`,
        scope,
        attempt
      )
      const startText = await started.text()
      const location = started.headers.get('location')
      if (started.status !== 202 || !location) {
        throw new DeployError(
          'PUSH_FAILED',
          `${this.endpoint.host} did not start an upload to ${repository} (HTTP ${started.status}).`,
          { details: startText.slice(0, 2000) }
        )
      }
      const target = new URL(location, this.base)
      target.searchParams.set('digest', blob.digest)
      const put = await this.authorized('PUT', target.toString(), scope, attempt, {
        body: blob.open,
        contentType: 'application/octet-stream',
        length: blob.size
      })
      const putText = await put.text()
      if (put.status !== 201) {
        throw new RetryableError(
          `${this.endpoint.host} answered the upload of ${blob.digest} with HTTP ${put.status}: ${putText.slice(0, 200)}`
        )
      }
    })
    return 'uploaded'
  }

  /**
   * Whether the registry lets these credentials (or none) in, asked without changing anything:
   * GET /v2/, logging in the way its challenge asks, for a token service with the push scope of
   * `repository`. A refusal is REGISTRY_AUTH_FAILED naming the registry and the user.
   */
  async checkLogin(repository: string, signal?: AbortSignal): Promise<void> {
    const scope = `repository:${repository}:pull,push`
    await this.send('GET /v2/', signal, async attempt => {
      const response = await this.authorized('GET', `${this.base}/v2/`, scope, attempt)
      await response.arrayBuffer().catch(() => undefined)
      if (!response.ok) {
        throw new DeployError(
          'REGISTRY_AUTH_FAILED',
          `${this.endpoint.host} answered GET /v2/ with HTTP ${response.status}: is it an OCI registry?`
        )
      }
    })
  }

  /** One request, logging in once when the registry challenges it (401), refused on 401 or 403. */
  private async authorized(
    method: string,
    url: string,
    scope: string,
    signal: AbortSignal,
    body?: RequestBody
  ): Promise<Response> {
    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = { accept: MANIFEST_TYPES.join(', ') }
      const authorization = this.authorizations.get(scope) ?? this.authorizations.get('')
      if (authorization) headers.authorization = authorization
      if (body) headers['content-type'] = body.contentType
      if (body?.length !== undefined) headers['content-length'] = String(body.length)
      // A stream is opened anew for each attempt: one that was sent cannot be sent again.
      const payload = typeof body?.body === 'function' ? body.body() : body?.body
      const init: RequestInit & { duplex?: 'half' } = { method, headers, body: payload, signal }
      if (typeof body?.body === 'function') init.duplex = 'half'
      return fetch(url, { ...init, redirect: 'follow' })
    }
    let response = await attempt()
    if (response.status === 401) {
      await response.arrayBuffer().catch(() => undefined)
      await this.authorize(parseChallenge(response.headers.get('www-authenticate')), scope, signal)
      response = await attempt()
      if (response.status === 401) throw this.rejected(response.status, await answerText(response))
    }
    if (response.status === 403) throw this.rejected(response.status, await answerText(response))
    if (response.status === 429 || response.status >= 500) {
      await response.arrayBuffer().catch(() => undefined)
      throw new RegistryHttpError(
        `${this.endpoint.host} answered HTTP ${response.status}`,
        response.status,
        response.headers
      )
    }
    return response
  }

  private async authorize(
    challenge: Challenge | undefined,
    scope: string,
    signal: AbortSignal
  ): Promise<void> {
    const { username, password } = this.endpoint
    const basic =
      username !== undefined && password !== undefined
        ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
        : undefined
    if (challenge?.scheme === 'basic') {
      if (!basic) throw this.rejected(401)
      this.authorizations.set('', basic)
      return
    }
    const realm = challenge?.params.realm
    if (!realm) throw this.rejected(401)
    const url = new URL(realm)
    // The token service gets the password: never in clear text to another host when the registry
    // itself was reached over TLS.
    if (
      basic &&
      !this.endpoint.insecure &&
      url.protocol !== 'https:' &&
      !isLoopbackHost(url.host)
    ) {
      throw new DeployError(
        'REGISTRY_AUTH_FAILED',
        `${this.endpoint.host} sends its clients to the token service ${url.origin} over plain ` +
          'HTTP; the credentials were not sent there. The registry must name an https realm.'
      )
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
    url.searchParams.set('scope', scope)
    const response = await fetch(url, { headers: basic ? { authorization: basic } : {}, signal })
    if (response.status === 401 || response.status === 403)
      throw this.rejected(response.status, await answerText(response))
    if (response.status === 429 || response.status >= 500) {
      throw new RegistryHttpError(
        `token service answered HTTP ${response.status}`,
        response.status,
        response.headers
      )
    }
    const answer = (await response.json().catch(() => undefined)) as
      Record<string, unknown> | undefined
    const token = answer?.token ?? answer?.access_token
    if (typeof token !== 'string' || token === '') {
      throw new RetryableError(
        `the token service of ${this.endpoint.host} answered without a token`
      )
    }
    this.authorizations.set(scope, `Bearer ${token}`)
  }

  private rejected(status?: number, answer = ''): RegistryRefusal {
    if (this.endpoint.username === undefined) {
      return new RegistryRefusal(
        `${this.endpoint.host} asks for credentials and none were given: set registry_username ` +
          'and registry_password.',
        status,
        answer
      )
    }
    const who = this.endpoint.username ? ` of ${this.endpoint.username}` : ''
    return new RegistryRefusal(
      `${this.endpoint.host} rejected the credentials${who}: check registry_username and ` +
        'registry_password (GHCR: github_token with packages: write; ECR: ecr:* permissions).',
      status,
      answer
    )
  }
}

/**
 * REGISTRY_AUTH_FAILED as the registry (or its token service) answered it: the status, and in the
 * details what it said (GHCR names the missing permission there).
 */
export class RegistryRefusal extends DeployError {
  constructor(
    message: string,
    readonly status: number | undefined,
    answer: string
  ) {
    const said = status ? `HTTP ${status}${answer ? `: ${answer}` : ''}` : undefined
    super('REGISTRY_AUTH_FAILED', message, said ? { details: said } : {})
    this.name = 'RegistryRefusal'
  }
}

/** The first part of a refusal's body: a registry's reason, never a whole HTML page. */
async function answerText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  return text.trim().slice(0, 500)
}
