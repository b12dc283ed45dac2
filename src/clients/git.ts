import { execFile } from 'node:child_process'
import { DeployError, errorMessage, isAbortError } from '../errors.js'

/**
 * The local git repository as a tag and commit source, for runs without a GitHub token. git is
 * started directly (no shell), so tag names and commits are never interpreted by one.
 */

/** A tag and the commit it points at (peeled, for annotated tags). */
export interface TagRef {
  readonly name: string
  readonly sha: string
}

/**
 * A repository's tags and commits as every tag source reads them, here or through the GitHub API
 * (github-tags.ts). Plain data: the plan decides which tags are versions.
 */
export interface TagSource {
  listTags(signal?: AbortSignal): Promise<TagRef[]>
  /** Full messages of the commits reachable from head and not from baseTag (all when undefined). */
  commitMessagesSince(
    baseTag: string | undefined,
    head: string,
    signal?: AbortSignal
  ): Promise<string[]>
}

class GitCommandError extends Error {
  readonly exitCode: number | string | undefined
  readonly stderr: string
  constructor(args: readonly string[], exitCode: number | string | undefined, stderr: string) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || `exit code ${String(exitCode)}`}`)
    this.name = 'GitCommandError'
    this.exitCode = exitCode
    this.stderr = stderr
  }
}

function runGit(workspace: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: workspace,
        signal,
        encoding: 'utf8',
        // A long history's messages can be large; the default 1 MiB would cut them off.
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve(stdout)
        if (signal?.aborted === true || isAbortError(error)) {
          return reject(new DeployError('CANCELLED', 'the run was cancelled', { cause: error }))
        }
        reject(new GitCommandError(args, error.code ?? undefined, stderr))
      }
    )
  })
}

/** Turns a failed git command into a sentence about the workspace the user can act on. */
function gitFailure(workspace: string, doing: string, error: unknown): DeployError {
  if (error instanceof DeployError) return error
  const reason = errorMessage(error)
  const hint =
    error instanceof GitCommandError && error.exitCode === 'ENOENT'
      ? `git is not on PATH, or ${workspace} does not exist`
      : `is GITHUB_WORKSPACE (${workspace}) a git repository with the full history?`
  return new DeployError('INVALID_INPUT', `could not ${doing}: ${hint}`, {
    details: reason,
    cause: error
  })
}

const FIELDS = ['%(refname)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)']

async function listLocalTags(workspace: string, signal?: AbortSignal): Promise<TagRef[]> {
  const out = await runGit(
    workspace,
    ['for-each-ref', `--format=${FIELDS.join('%00')}`, 'refs/tags'],
    signal
  )
  const tags: TagRef[] = []
  const nested: string[] = []
  for (const line of out.split('\n')) {
    if (line === '') continue
    const [ref = '', type, object = '', peeledType, peeled = ''] = line.split('\0')
    const name = ref.slice('refs/tags/'.length)
    if (type === 'commit') tags.push({ name, sha: object })
    else if (peeledType === 'commit') tags.push({ name, sha: peeled })
    // A tag of a tag: %(*objectname) peels one level only, so let rev-parse peel it fully.
    else if (peeledType === 'tag') nested.push(name)
    // Tags of trees or blobs name no commit and cannot be versions.
  }
  for (const name of nested) {
    const sha = await runGit(
      workspace,
      ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`],
      signal
    ).catch(() => '')
    if (sha.trim() !== '') tags.push({ name, sha: sha.trim() })
  }
  return tags
}

async function isShallow(workspace: string, signal?: AbortSignal): Promise<boolean> {
  const out = await runGit(workspace, ['rev-parse', '--is-shallow-repository'], signal)
  return out.trim() === 'true'
}

async function localCommitMessages(
  workspace: string,
  base: string | undefined,
  head: string,
  signal?: AbortSignal
): Promise<string[]> {
  // A shallow clone ends the walk early: an auto bump would be guessed from part of the history.
  if (await isShallow(workspace, signal)) {
    throw new DeployError(
      'INVALID_INPUT',
      `the repository in ${workspace} is a shallow clone, so the commits since ` +
        `${base ?? 'the first commit'} cannot be read: check out with fetch-depth: 0, ` +
        'give a github_token, or set the version or bump input'
    )
  }
  const range = base === undefined ? head : `refs/tags/${base}..${head}`
  const out = await runGit(
    workspace,
    ['log', '--format=%B%x00', '--end-of-options', range, '--'],
    signal
  )
  return out
    .split('\0')
    .map(message => message.trim())
    .filter(message => message !== '')
}

export function localTagSource(workspace: string): TagSource {
  return {
    async listTags(signal) {
      try {
        return await listLocalTags(workspace, signal)
      } catch (error) {
        throw gitFailure(workspace, 'list the tags of the local repository', error)
      }
    },
    async commitMessagesSince(base, head, signal) {
      try {
        return await localCommitMessages(workspace, base, head, signal)
      } catch (error) {
        throw gitFailure(
          workspace,
          `read the commits from ${base ?? 'the start'} to ${head}`,
          error
        )
      }
    }
  }
}

/** The commit checked out in the workspace. */
export async function headCommit(workspace: string): Promise<string> {
  try {
    return (await runGit(workspace, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim()
  } catch (error) {
    throw gitFailure(workspace, 'read the checked-out commit (HEAD)', error)
  }
}

/**
 * Creates a lightweight tag; never moves one. 'exists' when the name is already taken, whatever
 * commit it points at: the caller re-reads the tags and decides (reuse, next N or TAG_CONFLICT).
 */
export async function createLocalTag(
  workspace: string,
  name: string,
  sha: string
): Promise<'created' | 'exists'> {
  try {
    // tag.gpgSign=true in someone's config would turn a lightweight tag into a signed one.
    await runGit(workspace, ['-c', 'tag.gpgSign=false', 'tag', '--', name, sha])
    return 'created'
  } catch (error) {
    const existing = await runGit(workspace, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/tags/${name}`
    ]).catch(() => '')
    if (existing.trim() !== '') return 'exists'
    throw gitFailure(workspace, `create tag ${name} on ${sha}`, error)
  }
}

/**
 * The files changed from `base` to `head` in the local repository (a rename counts as both
 * paths); undefined when `base` is not in the clone (a shallow checkout: fetch-depth: 0).
 */
export async function localChangedFiles(
  workspace: string,
  base: string,
  head: string,
  signal?: AbortSignal
): Promise<string[] | undefined> {
  const present = await runGit(
    workspace,
    ['cat-file', '-e', '--end-of-options', `${base}^{commit}`],
    signal
  ).then(
    () => true,
    () => false
  )
  if (!present) return undefined
  try {
    const out = await runGit(
      workspace,
      ['diff', '--name-only', '--no-renames', '-z', '--end-of-options', base, head, '--'],
      signal
    )
    return out.split('\0').filter(name => name !== '')
  } catch (error) {
    throw gitFailure(workspace, `list the files changed from ${base} to ${head}`, error)
  }
}
