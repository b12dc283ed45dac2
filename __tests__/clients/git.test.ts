import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalTag, headCommit, localTagSource } from '../../src/clients/git.js'
import { DeployError } from '../../src/errors.js'
import { resolveVersion } from '../../src/plan/version.js'

const IDENTITY = ['-c', 'user.name=Deploy Test', '-c', 'user.email=deploy@example.com']
const NO_SIGNING = ['-c', 'commit.gpgSign=false', '-c', 'tag.gpgSign=false']
const QUIET = ['-c', 'advice.nestedTag=false']

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...NO_SIGNING, ...QUIET, ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()
}

function commit(cwd: string, message: string): string {
  git(cwd, 'commit', '--allow-empty', '-q', '-m', message)
  return git(cwd, 'rev-parse', 'HEAD')
}

const scratch: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-git-'))
  scratch.push(dir)
  return dir
}

function newRepo(): string {
  const dir = tempDir()
  git(dir, 'init', '-q', '-b', 'main')
  return dir
}

async function rejected(run: () => Promise<unknown>): Promise<DeployError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(DeployError)
  return error as DeployError
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('a repository with tags', () => {
  let repo: string
  const sha: Record<string, string> = {}

  beforeAll(() => {
    repo = newRepo()
    sha.first = commit(repo, 'chore: start')
    git(repo, 'tag', 'v1.0.0')
    sha.second = commit(repo, 'fix: handle empty lists\n\nThe list page crashed on no rows.')
    git(repo, 'tag', '-a', 'v1.1.0', '-m', 'release 1.1.0')
    git(repo, 'tag', '-a', 'v1.1.0-signed-again', '-m', 'a tag of a tag', 'v1.1.0')
    git(repo, 'tag', 'release-candidate')
    sha.third = commit(repo, 'feat(ui): add search\n\nRefs: #12')
    sha.fourth = commit(
      repo,
      'docs: explain search\n\nBREAKING-CHANGE: the q parameter is now required'
    )
    const tree = git(repo, 'rev-parse', 'HEAD^{tree}')
    git(repo, 'tag', 'tree-tag', tree)
  })

  it('lists lightweight and annotated tags with the commits they point at', async () => {
    const tags = await localTagSource(repo).listTags()
    expect([...tags].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'release-candidate', sha: sha.second },
      { name: 'v1.0.0', sha: sha.first },
      { name: 'v1.1.0', sha: sha.second },
      { name: 'v1.1.0-signed-again', sha: sha.second }
    ])
    // The annotated tag's own object is not the commit: the listing peeled it.
    expect(git(repo, 'rev-parse', 'refs/tags/v1.1.0')).not.toBe(sha.second)
  })

  test.each([
    ['from the first commit', undefined, 4],
    ['since v1.0.0', 'v1.0.0', 3],
    ['since the annotated v1.1.0', 'v1.1.0', 2]
  ])('reads full commit messages %s', async (_name, base, count) => {
    const messages = await localTagSource(repo).commitMessagesSince(base, sha.fourth as string)
    expect(messages).toHaveLength(count)
    expect(messages[0]).toBe(
      'docs: explain search\n\nBREAKING-CHANGE: the q parameter is now required'
    )
    expect(messages[1]).toBe('feat(ui): add search\n\nRefs: #12')
  })

  it('reads nothing when head is the base', async () => {
    const source = localTagSource(repo)
    expect(await source.commitMessagesSince('v1.1.0', sha.second as string)).toEqual([])
  })

  it('gives the checked-out commit', async () => {
    expect(await headCommit(repo)).toBe(sha.fourth)
  })

  it('plans the next version from the repository', async () => {
    const plan = await resolveVersion({
      environment: 'stage',
      createTag: true,
      version: undefined,
      bump: 'auto',
      timezone: 'Asia/Seoul',
      now: new Date('2026-11-24T07:03:00Z'),
      sha: sha.fourth as string,
      source: localTagSource(repo)
    })
    expect(plan).toMatchObject({ gitTag: 'v2.0.0-rc.1', baseTag: 'v1.1.0', reused: false })
    expect(plan.reason).toBe('major bump of v1.1.0: a breaking change among 2 commits since v1.1.0')
  })

  it('reports an unknown base tag as INVALID_INPUT', async () => {
    const error = await rejected(() =>
      localTagSource(repo).commitMessagesSince('v9.9.9', sha.fourth as string)
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/could not read the commits from v9\.9\.9/)
    expect(error.details).toMatch(/v9\.9\.9/)
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await rejected(() => localTagSource(repo).listTags(controller.signal))
    expect(error.code).toBe('CANCELLED')
  })
})

describe('a repository without tags', () => {
  it('lists none and reads every commit', async () => {
    const repo = newRepo()
    commit(repo, 'fix: one')
    const head = commit(repo, 'feat: two')
    const source = localTagSource(repo)
    expect(await source.listTags()).toEqual([])
    expect(await source.commitMessagesSince(undefined, head)).toEqual(['feat: two', 'fix: one'])
  })
})

describe('createLocalTag', () => {
  it('creates a lightweight tag, then finds it exists, and never moves it', async () => {
    const repo = newRepo()
    const first = commit(repo, 'feat: one')
    const second = commit(repo, 'feat: two')
    expect(await createLocalTag(repo, 'v0.1.0-dev.1', first)).toBe('created')
    expect(git(repo, 'cat-file', '-t', 'refs/tags/v0.1.0-dev.1')).toBe('commit')
    expect(await createLocalTag(repo, 'v0.1.0-dev.1', first)).toBe('exists')
    expect(await createLocalTag(repo, 'v0.1.0-dev.1', second)).toBe('exists')
    expect(git(repo, 'rev-parse', 'refs/tags/v0.1.0-dev.1')).toBe(first)
  })

  it('stays lightweight when the repository asks for signed tags', async () => {
    const repo = newRepo()
    const head = commit(repo, 'feat: one')
    git(repo, 'config', 'tag.gpgSign', 'true')
    git(repo, 'config', 'gpg.program', 'false')
    expect(await createLocalTag(repo, 'v1.0.0', head)).toBe('created')
    expect(git(repo, 'cat-file', '-t', 'refs/tags/v1.0.0')).toBe('commit')
  })

  test.each([
    ['an invalid name', 'v1..0', 'HEAD'],
    ['an unknown commit', 'v1.0.0', 'f'.repeat(40)]
  ])('refuses %s as INVALID_INPUT', async (_name, tag, target) => {
    const repo = newRepo()
    commit(repo, 'feat: one')
    const error = await rejected(() => createLocalTag(repo, tag, target))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(`could not create tag ${tag}`)
    expect(git(repo, 'tag', '--list')).toBe('')
  })
})

describe('a workspace git cannot read', () => {
  it('is INVALID_INPUT naming the workspace when it is not a repository', async () => {
    const dir = tempDir()
    for (const run of [() => headCommit(dir), () => localTagSource(dir).listTags()]) {
      const error = await rejected(run)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toContain(dir)
      expect(error.details).toMatch(/not a git repository/)
    }
  })

  it('is INVALID_INPUT when the workspace does not exist', async () => {
    const missing = join(tempDir(), 'missing')
    const error = await rejected(() => headCommit(missing))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(missing)
  })

  it('refuses to guess a bump from a shallow clone', async () => {
    const origin = newRepo()
    commit(origin, 'feat: one')
    git(origin, 'tag', 'v1.0.0')
    commit(origin, 'feat!: two')
    const head = commit(origin, 'fix: three')
    const shallow = join(tempDir(), 'shallow')
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, shallow)
    expect(await headCommit(shallow)).toBe(head)
    const error = await rejected(() => localTagSource(shallow).commitMessagesSince(undefined, head))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/shallow clone.*fetch-depth: 0/)
  })
})
