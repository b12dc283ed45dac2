import { startHttpServer, type SimRequest, type SimServer } from '../simulators/http.js'
import type { LocalRegistry } from '../simulators/registry.js'

/**
 * A byte-for-byte proxy in front of a real registry, built on the simulator server, so a test can
 * make the registry misbehave (503, hang, 403) on chosen requests through the fault plan.
 */
export interface RegistryProxy {
  readonly server: SimServer
  /** 127.0.0.1:PORT, to push to instead of the registry. */
  readonly host: string
  close(): Promise<void>
}

/** What fetch sets itself, or refuses to be given. */
const HOP_HEADERS = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']

/** The upload of an index: a manifest PUT by tag (the platform images go by digest). */
export const isIndexPut = (request: SimRequest): boolean =>
  request.method === 'PUT' &&
  /\/manifests\/[^/]+$/.test(request.path) &&
  !/sha256:/.test(request.path)

/** Any manifest PUT: an index by tag, a platform image by digest. */
export const isManifestPut = (request: SimRequest): boolean =>
  request.method === 'PUT' && /\/manifests\/[^/]+$/.test(request.path)

export async function startRegistryProxy(registry: LocalRegistry): Promise<RegistryProxy> {
  let host = ''
  const server = await startHttpServer(async request => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !HOP_HEADERS.includes(name)) headers[name] = String(value)
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    const answer = await fetch(`${registry.url}${request.url.pathname}${request.url.search}`, {
      method: request.method,
      headers,
      body: hasBody ? request.rawBody : undefined,
      redirect: 'manual'
    })
    const answered: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      if (!HOP_HEADERS.includes(name)) answered[name] = value
    })
    // Upload locations name the registry; keep the client talking to the proxy.
    if (answered.location) answered.location = answered.location.replace(registry.host, host)
    return {
      status: answer.status,
      headers: answered,
      body: Buffer.from(await answer.arrayBuffer())
    }
  })
  host = `127.0.0.1:${server.port}`
  return { server, host, close: () => server.close() }
}
