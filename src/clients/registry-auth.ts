import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCommand } from '../runtime/command.js'
import { DeployError } from '../errors.js'
import { RetryableError, withRetry } from '../runtime/retry.js'

/**
 * Registry credentials for the builders live in one per-job file under RUNNER_TEMP, never in the
 * user's ~/.docker: `config.json` in its own directory is both the buildah auth file and a
 * DOCKER_CONFIG for buildx. Passwords go to `login --password-stdin`; the post step logs out and
 * removes the directory.
 */
export interface RegistryLogin {
  readonly host: string
  readonly username: string
  readonly password: string
  readonly insecure: boolean
}

export type LoginTool = 'buildah' | 'docker'

export function authDirectory(tempDir: string): string {
  return join(tempDir, 'deploy-pipeline-registry-auth')
}

export function authFile(tempDir: string): string {
  return join(authDirectory(tempDir), 'config.json')
}

/** Login argv: the password is never in it. Pure. */
export function loginArgs(tool: LoginTool, login: RegistryLogin, file: string): string[] {
  if (tool === 'docker')
    return ['login', '--username', login.username, '--password-stdin', login.host]
  const args = ['login', '--authfile', file, '--username', login.username, '--password-stdin']
  if (login.insecure) args.push('--tls-verify=false')
  return [...args, login.host]
}

/** Builder or login output that means the registry refused the credentials or the access. */
export const CREDENTIALS_REFUSED =
  /unauthorized|\b40[13]\b|forbidden|insufficient_scope|authentication required|incorrect username or password|invalid username\/password|denied/i

/**
 * The per-job auth file, empty when no login writes to it: a registry without authentication (a
 * `registry:2` service container, a mirror) is pushed to anonymously, and the builders still
 * find the file they are pointed at (buildah refuses a missing `--authfile`; buildx gets its
 * DOCKER_CONFIG). A login adds its entry to this file; an existing file is left as it is.
 */
export async function ensureAuthFile(tempDir: string): Promise<void> {
  await mkdir(authDirectory(tempDir), { recursive: true, mode: 0o700 })
  await writeFile(authFile(tempDir), '{"auths":{}}\n', { flag: 'wx', mode: 0o600 }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  )
}

/** Where an image was refused, and with which credentials: enough to say what to fix. */
export interface PushRefusal {
  readonly kind: 'ghcr' | 'ecr' | 'host'
  readonly host: string
  readonly repository: string
  readonly tag: string
  /** No credentials were given for this registry. */
  readonly anonymous: boolean
  /** The HTTP status of the refused request, when it is known. */
  readonly status?: number
}

/** The REGISTRY_AUTH_FAILED sentence for a refused push: the registry, then the permission. */
export function pushRefusedMessage(refusal: PushRefusal): string {
  const status = refusal.status ? ` (HTTP ${refusal.status})` : ''
  const refused = `${refusal.host} refused the push of ${refusal.repository}:${refusal.tag}${status}`
  switch (refusal.kind) {
    case 'ghcr':
      return (
        `${refused}: github_token needs packages: write (add \`permissions: packages: write\` to the ` +
        "job; a package that already exists must also give this repository write access in the package's settings)."
      )
    case 'ecr':
      return (
        `${refused}: the AWS role needs ecr:PutImage, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ` +
        `ecr:CompleteLayerUpload and ecr:BatchCheckLayerAvailability on ${refusal.repository}.`
      )
    case 'host':
      return refusal.anonymous
        ? `${refused}: it takes no anonymous push; set registry_username and registry_password.`
        : `${refused}: the registry_username account needs push permission on ${refusal.repository}.`
  }
}

export async function loginRegistry(
  tool: LoginTool,
  login: RegistryLogin,
  tempDir: string,
  options: { signal?: AbortSignal; attempts?: number } = {}
): Promise<void> {
  const file = authFile(tempDir)
  await mkdir(authDirectory(tempDir), { recursive: true, mode: 0o700 })
  const env = { ...process.env, DOCKER_CONFIG: authDirectory(tempDir), REGISTRY_AUTH_FILE: file }
  await withRetry(
    async signal => {
      const result = await runCommand(tool, loginArgs(tool, login, file), {
        stdin: login.password,
        env,
        signal
      })
      if (result.exitCode === 0) return
      const output = result.tail.join('\n')
      if (CREDENTIALS_REFUSED.test(output)) {
        throw new DeployError(
          'REGISTRY_AUTH_FAILED',
          `${login.host} rejected the credentials of ${login.username}: check registry_username ` +
            'and registry_password (GHCR: the token needs packages: write).',
          { details: output }
        )
      }
      throw new RetryableError(`${tool} login to ${login.host} failed: ${output}`)
    },
    {
      describe: `${tool} login ${login.host}`,
      attempts: options.attempts ?? 3,
      baseDelayMs: 1000,
      signal: options.signal,
      classify: error => (error instanceof DeployError ? { retry: false } : undefined)
    }
  ).catch((error: unknown) => {
    if (error instanceof DeployError) throw error
    throw new DeployError('PUSH_FAILED', `Cannot log in to ${login.host}.`, {
      details: error instanceof Error ? error.message : String(error),
      cause: error
    })
  })
}

/** The credentials a login saved for `host` in the per-job auth file, if there are any. */
export async function savedLogin(
  tempDir: string,
  host: string
): Promise<{ username: string; password: string } | undefined> {
  const text = await readFile(authFile(tempDir), 'utf8').catch(() => '')
  let saved: unknown
  try {
    saved = (JSON.parse(text) as { auths?: Record<string, { auth?: unknown }> }).auths?.[host]?.auth
  } catch {
    return undefined
  }
  if (typeof saved !== 'string') return undefined
  const decoded = Buffer.from(saved, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** Logs out of every registry and removes the credentials. Safe to call when nothing was made. */
export async function removeRegistryAuth(tempDir: string): Promise<void> {
  const directory = authDirectory(tempDir)
  const exists = await stat(directory).then(
    () => true,
    () => false
  )
  if (!exists) return
  const file = authFile(tempDir)
  // Best effort: the file is removed below either way, the logout only tidies helper state.
  await runCommand('buildah', ['logout', '--authfile', file, '--all'], {
    signal: AbortSignal.timeout(15_000)
  }).catch(() => undefined)
  await rm(directory, { recursive: true, force: true })
}
