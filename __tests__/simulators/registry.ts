import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitUntil } from '../fixtures/wait.js'

/**
 * A real OCI registry for the image tests: Debian's `docker-registry` (CNCF distribution) on
 * 127.0.0.1, a free port, a temporary storage directory and htpasswd (bcrypt) users. Its access
 * log is kept, so a test can prove that no blob was uploaded (promotion moves manifests only).
 */
export interface LocalRegistry {
  /** 127.0.0.1:PORT */
  readonly host: string
  readonly url: string
  readonly storage: string
  /** Everything the registry logged so far. */
  log(): string
  /** Blob upload sessions started (POST .../blobs/uploads/) since the registry started. */
  blobUploads(): number
  /** Blob files in storage: unchanged when nothing was uploaded. */
  blobCount(): Promise<number>
  /** Fetch against the registry with a user's Basic credentials. */
  api(path: string, init?: RequestInit & { user?: string }): Promise<Response>
  stop(): Promise<void>
}

export const REGISTRY_TOOLS = ['docker-registry', 'htpasswd', 'buildah'] as const

/** The tools the image integration tests need that are not on PATH. */
export function missingTools(tools: readonly string[] = REGISTRY_TOOLS): string[] {
  return tools.filter(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
}

/**
 * When the tools are missing: under CI the suite must fail, elsewhere it may be skipped with a
 * visible warning. Returns true when the tests should run.
 */
export function requireRegistryTools(suite: string): boolean {
  const missing = missingTools()
  if (missing.length === 0) return true
  const message =
    `${suite}: ${missing.join(', ')} not installed. Install with ` +
    '`apt-get install -y buildah docker-registry apache2-utils skopeo` (.ci/run does).'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`SKIPPED ${message}`)
  return false
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

async function htpasswdLine(user: string, password: string): Promise<string> {
  // -i: the password on stdin, not in this test's own argv either.
  const result = spawnSync('htpasswd', ['-inB', user], { input: password, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`htpasswd failed: ${result.stderr}`)
  return result.stdout.trim()
}

export async function startRegistry(users: Record<string, string>): Promise<LocalRegistry> {
  return start(users)
}

/**
 * The registry without authentication, as a `registry:2` service container or a mirror on the
 * runner's network is run: anyone may pull and push.
 */
export async function startAnonymousRegistry(): Promise<LocalRegistry> {
  return start(undefined)
}

async function start(users: Record<string, string> | undefined): Promise<LocalRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'registry-'))
  const storage = join(dir, 'storage')
  const htpasswd = join(dir, 'htpasswd')
  if (users) {
    const lines = await Promise.all(Object.entries(users).map(([u, p]) => htpasswdLine(u, p)))
    await writeFile(htpasswd, `${lines.join('\n')}\n`)
  }
  let child: ChildProcess | undefined
  let output = ''
  let port = 0
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort()
    const config = join(dir, 'config.yml')
    await writeFile(
      config,
      [
        'version: 0.1',
        'log: {level: info, accesslog: {disabled: false}}',
        `storage: {filesystem: {rootdirectory: ${storage}}, delete: {enabled: true}}`,
        `http: {addr: "127.0.0.1:${port}"}`,
        ...(users ? [`auth: {htpasswd: {realm: test-registry, path: ${htpasswd}}}`] : [])
      ].join('\n')
    )
    const started = spawn('docker-registry', ['serve', config], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    if (await answers(port, started)) child = started
    else started.kill('SIGKILL') // the port was taken in between: try another
  }
  if (!child) throw new Error(`docker-registry did not start:\n${output}`)
  const running = child
  const host = `127.0.0.1:${port}`
  const url = `http://${host}`
  return {
    host,
    url,
    storage,
    log: () => output,
    blobUploads: () => (output.match(/"POST \/v2\/[^"]*\/blobs\/uploads\//g) ?? []).length,
    blobCount: async () => countFiles(join(storage, 'docker/registry/v2/blobs')),
    api: async (path, init = {}) => {
      const { user, ...rest } = init
      const headers = new Headers(rest.headers)
      if (user) {
        const basic = Buffer.from(`${user}:${users?.[user] ?? ''}`).toString('base64')
        headers.set('authorization', `Basic ${basic}`)
      }
      return fetch(`${url}${path}`, { ...rest, headers })
    },
    stop: async () => {
      running.kill('SIGTERM')
      if (running.exitCode === null) await new Promise(resolve => running.once('exit', resolve))
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/**
 * Waits until the registry answers /v2/ (401: up and asking for credentials; 200: up without
 * authentication), or it exits.
 */
async function answers(port: number, child: ChildProcess): Promise<boolean> {
  const status = async (): Promise<number> =>
    fetch(`http://127.0.0.1:${port}/v2/`).then(
      r => r.status,
      () => 0
    )
  const upOrExited = async (): Promise<boolean> =>
    child.exitCode !== null || [200, 401].includes(await status())
  // A busy machine can take seconds to start it; a taken port makes it exit at once.
  return waitUntil('docker-registry to answer', upOrExited, 20_000).then(
    () => child.exitCode === null,
    () => false
  )
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter(e => e.isFile()).length
}
