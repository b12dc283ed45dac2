import { afterEach, describe, expect, it } from '@jest/globals'
import { startArgoCdSimulator, type ArgoCdSimulator } from './argocd.js'

/**
 * The Argo CD simulator takes only what Argo CD's swagger has: a request off it is refused as
 * grpc-gateway refuses it, recorded, and fails the test at close unless the test takes it.
 */

const TOKEN = 'argocd-contract-token-0b7a'

let sim: ArgoCdSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function simulator(): Promise<ArgoCdSimulator> {
  sim = await startArgoCdSimulator({
    token: TOKEN,
    apps: [
      {
        name: 'chef-webui',
        project: 'chef',
        spec: { source: { repoURL: 'https://github.com/acme/charts', path: 'webui' } },
        images: { fixed: ['ghcr.io/acme/webui:old'] }
      }
    ]
  })
  return sim
}

async function call(
  server: ArgoCdSimulator,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const ROLLBACK = '/api/v1/applications/chef-webui/rollback'

describe('the Argo CD simulator against its swagger', () => {
  it.each([
    [
      'a method the path does not have',
      'PUT',
      ROLLBACK,
      { name: 'chef-webui', id: 1 },
      { status: 405, code: 12, message: 'Method Not Allowed' },
      'no PUT here: the description has only POST'
    ],
    [
      'an unknown body field',
      'POST',
      ROLLBACK,
      { name: 'chef-webui', id: 1, force: true },
      { status: 400, code: 3 },
      'body: unknown field "force"'
    ],
    [
      'a string where an integer belongs',
      'POST',
      ROLLBACK,
      { name: 'chef-webui', id: 'latest' },
      { status: 400, code: 3 },
      'body.id: expected integer (int64), got the string "latest"'
    ],
    [
      'an unknown query parameter',
      'GET',
      '/api/v1/applications/chef-webui?project=chef&verbose=true',
      undefined,
      { status: 400, code: 3 },
      'unknown query parameter "verbose"'
    ],
    [
      'a boolean parameter that is not one',
      'PUT',
      '/api/v1/applications/chef-webui/spec?validate=yes',
      { project: 'default' },
      { status: 400, code: 3 },
      'query parameter validate: expected boolean, got "yes"'
    ],
    [
      'a path the API does not have',
      'GET',
      '/api/v1/applications/chef-webui/health',
      undefined,
      { status: 404, code: 5, message: 'Not Found' },
      'no such path in the description'
    ]
  ] as const)('refuses %s, records it, and leaves the app alone', async (...args) => {
    const [, method, path, body, answer, problem] = args
    const server = await simulator()
    const before = server.application('chef-webui')
    const response = await call(server, method, path, body)
    expect(response.status).toBe(answer.status)
    expect(response.body).toMatchObject({ code: answer.code })
    if ('message' in answer) expect(response.body).toMatchObject({ error: answer.message })
    else expect(String(response.body.message)).toContain(problem)
    expect(server.contract.take()).toEqual([
      { direction: 'request', method, path, problems: [expect.stringContaining(problem)] }
    ])
    expect(server.application('chef-webui')).toEqual(before)
    expect(server.timeline('chef-webui')).toEqual([])
  })

  it('takes the same rollback with POST and the body the swagger describes', async () => {
    const server = await simulator()
    const response = await call(server, 'POST', `${ROLLBACK}?`, {
      name: 'chef-webui',
      id: 1,
      prune: false,
      dryRun: false,
      project: 'chef',
      appNamespace: 'argocd'
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ operation: { sync: { prune: false } } })
    expect(server.contract.violations).toEqual([])
  })

  it('fails the test at close for a violation no test took', async () => {
    const server = await simulator()
    sim = undefined
    await call(server, 'PUT', ROLLBACK, { name: 'chef-webui', id: 1 })
    await expect(server.close()).rejects.toThrow(
      'the Argo CD simulator saw 1 call(s) its API description does not allow:\n' +
        `  request PUT ${ROLLBACK}: no PUT here: the description has only POST`
    )
  })
})
