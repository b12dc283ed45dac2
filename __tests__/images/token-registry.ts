import { sha256Digest } from '../../src/clients/registry.js'
import type { SimRequest, SimResponse } from '../simulators/http.js'

/**
 * A registry that speaks the token flow as GHCR does: 401 with a Bearer challenge naming the scope,
 * a token service that checks Basic credentials, and a manifest store keyed by tag and digest.
 * Served by startHttpServer, so the fault plan applies.
 */
export const INDEX = 'application/vnd.oci.image.index.v1+json'
export const USER = 'octocat'
export const TOKEN = 'ghs_registrytesttoken'

export interface TokenRegistry {
  manifests: Map<string, { body: Buffer; type: string }>
  handler: (request: SimRequest) => SimResponse
}

/** `realm`: where the challenge sends clients for a token; by default this server's /token. */
export function fakeRegistry(options: { realm?: (host: string) => string } = {}): TokenRegistry {
  const realmOf = options.realm ?? (host => `http://${host}/token`)
  const manifests = new Map<string, { body: Buffer; type: string }>()
  const handler = (request: SimRequest): SimResponse => {
    const host = String(request.headers.host)
    if (request.path === '/token') {
      const basic = `Basic ${Buffer.from(`${USER}:${TOKEN}`).toString('base64')}`
      if (request.headers.authorization !== basic)
        return { status: 401, body: { errors: [{ code: 'UNAUTHORIZED' }] } }
      return { body: { token: `bearer-for-${request.url.searchParams.get('scope')}` } }
    }
    // The API's base: any token of this registry gets in; without one, the challenge.
    if (request.path === '/v2/') {
      if (String(request.headers.authorization).startsWith('Bearer bearer-for-'))
        return { body: {} }
      return {
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="${realmOf(host)}",service="test-registry"`
        },
        body: { errors: [{ code: 'UNAUTHORIZED' }] }
      }
    }
    const match = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(request.path)
    if (!match) return { status: 404, body: {} }
    const [, repository, reference] = match as unknown as [string, string, string]
    const needs = request.method === 'PUT' ? 'pull,push' : 'pull'
    if (request.headers.authorization !== `Bearer bearer-for-repository:${repository}:${needs}`) {
      return {
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="${realmOf(host)}",service="test-registry",scope="repository:${repository}:${needs}"`
        },
        body: { errors: [{ code: 'UNAUTHORIZED' }] }
      }
    }
    const key = `${repository}:${reference}`
    if (request.method === 'PUT') {
      const body = Buffer.from(request.body)
      const entry = { body, type: String(request.headers['content-type']) }
      manifests.set(key, entry)
      manifests.set(`${repository}:${sha256Digest(body)}`, entry)
      return { status: 201, headers: { 'docker-content-digest': sha256Digest(body) } }
    }
    const entry = manifests.get(key)
    if (!entry) return { status: 404, body: { errors: [{ code: 'MANIFEST_UNKNOWN' }] } }
    return {
      headers: { 'content-type': entry.type, 'docker-content-digest': sha256Digest(entry.body) },
      body: request.method === 'HEAD' ? '' : entry.body
    }
  }
  return { manifests, handler }
}
