import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { RunContext } from './types.js'

/**
 * Where the run happens. Inside Actions every value comes from GitHub's variables; outside, from
 * the local repository, so `node dist/index.js` works against any git checkout.
 */
export async function readRunContext(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  const actions = env.GITHUB_ACTIONS === 'true'
  const [owner, repo] = (env.GITHUB_REPOSITORY || `local/${basename(workspace)}`).split('/', 2)
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '')
  const runId = env.GITHUB_RUN_ID || ''
  const payload = readEventPayload(env.GITHUB_EVENT_PATH)
  const headCommit = record(payload.head_commit)
  const local = env.GITHUB_SHA && env.GITHUB_REF_NAME ? undefined : await localHead(workspace)
  return {
    eventName: env.GITHUB_EVENT_NAME || 'workflow_dispatch',
    sha: env.GITHUB_SHA || local?.sha || '',
    refName: env.GITHUB_REF_NAME || local?.branch || '',
    owner: owner ?? 'local',
    repo: repo ?? basename(workspace),
    actor: env.GITHUB_ACTOR || env.USER || 'local',
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    apiUrlGiven: Boolean(env.GITHUB_API_URL),
    sourceDateEpoch: /^\d+$/.test(env.SOURCE_DATE_EPOCH?.trim() ?? '')
      ? Number(env.SOURCE_DATE_EPOCH)
      : undefined,
    workspace,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    actions,
    runUrl:
      runId && env.GITHUB_REPOSITORY
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${runId}`
        : undefined,
    headCommitAuthorEmail: stringOrUndefined(record(headCommit.author).email),
    headCommitMessage: stringOrUndefined(headCommit.message)
  }
}

/** dep_{run id}_{attempt} in Actions, so a re-run attempt is a new deployment; random elsewhere. */
export function deploymentIdFor(context: RunContext): string {
  if (context.actions && context.runId) return `dep_${context.runId}_${context.runAttempt}`
  // node:crypto only here: loading it costs a fifth of Node's startup, and runs in Actions never ask.
  return `dep_local_${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}`
}

/** The checked-out commit and branch of a local repository, in one git call. */
async function localHead(workspace: string): Promise<{ sha: string; branch: string } | undefined> {
  try {
    // Loaded here: a run that is given GITHUB_SHA (every run in Actions) starts no process.
    const { execFile } = await import('node:child_process')
    const out = await promisify(execFile)('git', ['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD'], {
      cwd: workspace
    })
    const [sha = '', branch = ''] = out.stdout.trim().split('\n')
    return { sha, branch }
  } catch {
    return undefined
  }
}

function readEventPayload(path: string | undefined): Record<string, unknown> {
  if (!path || !existsSync(path)) return {}
  try {
    return record(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return {}
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
