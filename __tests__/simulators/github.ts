import { createHash } from 'node:crypto'
import { gitHubServerContract } from './contracts/github.js'
import { completeGitHubObject } from './github-answers.js'
import {
  startHttpServer,
  type Fault,
  type SimRequest,
  type SimResponse,
  type SimServer
} from './http.js'

/**
 * The GitHub REST API as the real Octokit speaks it, for one repository: commits (a DAG with
 * messages), refs and annotated tag objects, matching-refs and commit lists with Link pagination,
 * compare, releases (create, by tag, update, generate-notes, latest), deployments and their
 * statuses. Writes behave as GitHub's do: creating a ref that exists is 422 "Reference already
 * exists", a second release on a tag is 422 already_exists, a success status marks the
 * environment's earlier deployments inactive. Point GITHUB_API_URL (or Settings.context.apiUrl) at
 * `url`; requests must carry `authorization: token <token>` or `Bearer <token>`.
 */
export interface SimCommit {
  readonly sha: string
  readonly message: string
  readonly parents: readonly string[]
  /** Default: Dev <dev@example.com>. */
  readonly author?: { readonly name: string; readonly email: string }
  /** Paths the commit changed: what compare lists as its files. */
  readonly files?: readonly string[]
}

/** A GitHub account as GET /users/{username} shows it; `email` is null when kept private. */
export interface SimUser {
  readonly login: string
  readonly email: string | null
}

export interface SimRef {
  readonly ref: string
  readonly object: { readonly type: 'commit' | 'tag'; readonly sha: string }
}

export interface SimTagObject {
  readonly sha: string
  readonly tag: string
  readonly message: string
  readonly object: { readonly type: 'commit' | 'tag'; readonly sha: string }
}

export interface SimRelease {
  id: number
  tag_name: string
  target_commitish: string
  name: string
  body: string
  draft: boolean
  prerelease: boolean
  html_url: string
  created_at: string
}

export interface SimDeploymentStatus {
  readonly id: number
  readonly state: string
  readonly environment_url: string
  readonly log_url: string
  readonly description: string
  /** ISO time; the history's soak times are measured between these. */
  readonly created_at?: string
}

export interface SimDeployment {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly environment: string
  readonly task: string
  readonly description: string
  readonly production_environment: boolean
  readonly payload: unknown
  readonly statuses: SimDeploymentStatus[]
  readonly created_at?: string
}

export type Permission = 'write' | 'read' | 'none'

export interface GitHubSimOptions {
  owner?: string
  repo?: string
  token?: string
  /** What the token may do; GitHub answers 403 "Resource not accessible by integration". */
  permissions?: { contents?: Permission; deployments?: Permission }
  /**
   * A classic personal access token's scopes instead of permissions: every answer says them in
   * X-OAuth-Scopes, and what the token may do follows from them (repo: everything; public_repo:
   * contents of a public repository; repo_deployment: deployments).
   */
  scopes?: string[]
  /** Default private. */
  visibility?: 'private' | 'public'
  /** Default page size of list endpoints when the client sends no per_page. */
  defaultPerPage?: number
  /** Accounts GET /users/{username} knows. */
  users?: SimUser[]
}

export interface GitHubSimulator extends SimServer {
  readonly owner: string
  readonly repo: string
  readonly token: string
  readonly commits: Map<string, SimCommit>
  readonly refs: Map<string, SimRef>
  readonly tagObjects: Map<string, SimTagObject>
  readonly releases: SimRelease[]
  readonly deployments: SimDeployment[]
  /** Release id marked latest, when one is. */
  readonly latestReleaseId: () => number | undefined
  /** Stamps new deployments and statuses with this clock's time (default: now). */
  setDeploymentClock(clock: () => Date): void
  /** An id from the sequence deployments and statuses take theirs from (to seed a history). */
  nextDeploymentId(): number
  permissions: { contents: Permission; deployments: Permission }
  /** The next `reads` GETs of a release by tag answer 404 although it exists (replica lag). */
  lagReleaseReads(reads: number): void
  /** Runs before a write is applied: lets a test create a competitor's ref "at the same moment". */
  beforeWrite: ((request: SimRequest) => void) | undefined
  /**
   * A commit on top of `parent` (default: the newest commit); returns its sha. `files` are the
   * paths it changed; `sha` gives it a local repository's commit id.
   */
  commit(
    message: string,
    parent?: string,
    author?: SimCommit['author'],
    options?: { files?: readonly string[]; sha?: string }
  ): string
  /** A lightweight tag (or an annotated one) on a commit. */
  tag(name: string, commitSha: string, options?: { annotated?: boolean }): void
  /** Requests that changed state successfully, as "POST /repos/o/r/git/refs 201". */
  readonly writes: string[]
}

export async function startGitHubSimulator(
  options: GitHubSimOptions = {}
): Promise<GitHubSimulator> {
  const owner = options.owner ?? 'acme'
  const repo = options.repo ?? 'shop'
  const token = options.token ?? 'ghs_simulatedTokenValue0123456789'
  const defaultPerPage = options.defaultPerPage ?? 30
  const commits = new Map<string, SimCommit>()
  const order: string[] = []
  const refs = new Map<string, SimRef>()
  const tagObjects = new Map<string, SimTagObject>()
  const releases: SimRelease[] = []
  const deployments: SimDeployment[] = []
  const writes: string[] = []
  let latestId: number | undefined
  let releaseReadLag = 0
  let nextId = 1
  /** The time deployments and statuses are stamped with; tests set it with setDeploymentClock. */
  let deploymentClock = (): Date => new Date()
  const now = (): string => deploymentClock().toISOString()
  const visibility = options.visibility ?? 'private'
  const scopes = options.scopes
  const permissions = scopes
    ? scopedPermissions(scopes, visibility)
    : {
        contents: options.permissions?.contents ?? 'write',
        deployments: options.permissions?.deployments ?? 'write'
      }

  const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

  function commit(
    message: string,
    parent?: string,
    author?: SimCommit['author'],
    options: { files?: readonly string[]; sha?: string } = {}
  ): string {
    const parents = parent ? [parent] : order.slice(-1)
    const sha = options.sha ?? sha1(`commit ${order.length} ${message} ${parents.join(',')}`)
    commits.set(sha, { sha, message, parents, author, files: options.files })
    order.push(sha)
    return sha
  }

  function tag(name: string, commitSha: string, tagOptions: { annotated?: boolean } = {}): void {
    if (!tagOptions.annotated) {
      refs.set(`refs/tags/${name}`, {
        ref: `refs/tags/${name}`,
        object: { type: 'commit', sha: commitSha }
      })
      return
    }
    const sha = sha1(`tag ${name} ${commitSha}`)
    tagObjects.set(sha, {
      sha,
      tag: name,
      message: name,
      object: { type: 'commit', sha: commitSha }
    })
    refs.set(`refs/tags/${name}`, { ref: `refs/tags/${name}`, object: { type: 'tag', sha } })
  }

  const api = `/repos/${owner}/${repo}`
  let baseUrl = ''

  const sim = {} as GitHubSimulator
  const server = await startHttpServer(
    async request => {
      const auth = String(request.headers.authorization ?? '')
      if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
        return error(401, 'Bad credentials')
      }
      const answer = await answerFor(request)
      if (!scopes) return answer
      return { ...answer, headers: { ...answer.headers, 'x-oauth-scopes': scopes.join(', ') } }
    },
    {
      contract: gitHubServerContract(
        completeGitHubObject({ resolve, commitJson: sha => commitJson(sha) })
      )
    }
  )
  baseUrl = server.url

  async function answerFor(request: SimRequest): Promise<SimResponse> {
    if (request.method === 'GET' && request.path === api) return repository()
    const user = /^\/users\/([^/]+)$/.exec(request.path)
    if (request.method === 'GET' && user) {
      const login = decodeURIComponent(user[1] ?? '').toLowerCase()
      const found = (options.users ?? []).find(u => u.login.toLowerCase() === login)
      return found ? { body: userJson(found) } : error(404, 'Not Found')
    }
    if (!request.path.startsWith(`${api}/`)) return error(404, 'Not Found')
    const path = request.path.slice(api.length)
    const write = request.method !== 'GET' && request.method !== 'HEAD'
    const area = path.startsWith('/deployments') ? 'deployments' : 'contents'
    const granted = permissions[area]
    if (granted === 'none' || (write && granted !== 'write')) {
      // A classic token is told "Not Found", as if the repository were not there.
      if (scopes) return error(404, 'Not Found')
      // A fine-grained actor (an app, a GITHUB_TOKEN) is told what the call needed.
      const needed = `${area}=${write ? 'write' : 'read'}`
      return {
        ...error(403, 'Resource not accessible by integration'),
        headers: { 'x-accepted-github-permissions': needed }
      }
    }
    if (write) sim.beforeWrite?.(request)
    const response = await route(request, path)
    if (write && (response.status ?? 200) < 300) {
      writes.push(`${request.method} ${request.path} ${response.status ?? 200}`)
    }
    return response
  }

  /**
   * GET /repos/{owner}/{repo}. `permissions` is the user's: a scoped token's user may push here;
   * for an installation token (a GITHUB_TOKEN) GitHub answers all false whatever the token may do
   * (semantic-release/github#182), which is why clients must not read it as the token's.
   */
  function repository(): SimResponse {
    if (scopes && permissions.contents === 'none') return error(404, 'Not Found')
    const push = Boolean(scopes)
    return {
      body: {
        id: 1,
        name: repo,
        full_name: `${owner}/${repo}`,
        owner: { login: owner },
        private: visibility === 'private',
        visibility,
        default_branch: 'main',
        clone_url: `https://github.example/${owner}/${repo}.git`,
        permissions: { admin: false, maintain: false, push, triage: push, pull: push }
      }
    }
  }

  function route(request: SimRequest, path: string): SimResponse {
    const m = request.method
    // Every group below is mandatory in its pattern, so a match always has it: `?? ''` is unreachable.
    let match: RegExpMatchArray | null
    if (m === 'GET' && (match = path.match(/^\/git\/matching-refs\/(.*)$/))) {
      const prefix = `refs/${decodeURIComponent(match[1] ?? '')}`
      const all = [...refs.values()].filter(r => r.ref.startsWith(prefix)).sort(byRef)
      // Every match in one answer: GitHub does not page matching-refs (github/docs#3863).
      return { body: all.map(refJson) }
    }
    if (m === 'GET' && (match = path.match(/^\/git\/ref\/(.*)$/))) {
      const found = refs.get(`refs/${decodeURIComponent(match[1] ?? '')}`)
      return found ? { body: refJson(found) } : error(404, 'Not Found')
    }
    if (m === 'POST' && path === '/git/refs') return createRef(request)
    if (m === 'PATCH' && path.startsWith('/git/refs/')) return updateRef(request, path)
    if (m === 'GET' && (match = path.match(/^\/git\/tags\/([0-9a-f]{40})$/))) {
      const found = tagObjects.get(match[1] ?? '')
      return found
        ? { body: { ...found, url: `${baseUrl}${api}/git/tags/${found.sha}` } }
        : error(404, 'Not Found')
    }
    if (m === 'GET' && (match = path.match(/^\/git\/commits\/([0-9a-f]{40})$/))) {
      const found = commits.get(match[1] ?? '')
      return found ? { body: gitCommitJson(found) } : error(404, 'Not Found')
    }
    if (m === 'GET' && (match = path.match(/^\/compare\/(.+)\.\.\.(.+)$/))) {
      return compare(
        request,
        decodeURIComponent(match[1] ?? ''),
        decodeURIComponent(match[2] ?? '')
      )
    }
    if (m === 'GET' && path === '/commits') {
      const sha = request.url.searchParams.get('sha') ?? order.at(-1)
      if (sha === undefined) return error(409, 'Git Repository is empty.')
      const head = resolve(sha)
      if (!head) return error(404, 'No commit found for SHA')
      return page(request, ancestry(head).map(commitJson))
    }
    if (m === 'POST' && path === '/releases/generate-notes') return generateNotes(request)
    if (m === 'POST' && path === '/releases') return createRelease(request)
    if (m === 'GET' && path === '/releases') return page(request, [...releases].reverse())
    if (m === 'GET' && path === '/releases/latest') {
      const latest = releases.find(r => r.id === latestId)
      return latest ? { body: latest } : error(404, 'Not Found')
    }
    if (m === 'GET' && (match = path.match(/^\/releases\/tags\/(.+)$/))) {
      const tagName = decodeURIComponent(match[1] ?? '')
      const found = releases.find(r => r.tag_name === tagName && !r.draft)
      if (found && releaseReadLag > 0) {
        releaseReadLag--
        return error(404, 'Not Found')
      }
      return found ? { body: found } : error(404, 'Not Found')
    }
    if (m === 'PATCH' && (match = path.match(/^\/releases\/(\d+)$/))) {
      return updateRelease(request, Number(match[1]))
    }
    if (m === 'POST' && path === '/deployments') return createDeployment(request)
    if ((match = path.match(/^\/deployments\/(\d+)\/statuses$/))) {
      const id = Number(match[1])
      const deployment = deployments.find(d => d.id === id)
      if (!deployment) return error(404, 'Not Found')
      if (m === 'GET') return page(request, [...deployment.statuses].reverse())
      if (m === 'POST') return createStatus(request, deployment)
    }
    if (m === 'GET' && path === '/deployments') {
      const environment = request.url.searchParams.get('environment')
      return page(
        request,
        deployments
          .filter(d => !environment || d.environment === environment)
          .reverse()
          .map(deploymentJson)
      )
    }
    return error(404, 'Not Found')
  }

  function createRef(request: SimRequest): SimResponse {
    const input = request.json<{ ref?: string; sha?: string }>() ?? {}
    if (!input.ref?.startsWith('refs/') || input.ref.split('/').length < 3) {
      return error(422, 'Reference name is not valid')
    }
    if (!input.sha || !commits.has(input.sha)) return error(422, 'Object does not exist')
    if (refs.has(input.ref)) return error(422, 'Reference already exists')
    const created: SimRef = { ref: input.ref, object: { type: 'commit', sha: input.sha } }
    refs.set(input.ref, created)
    return { status: 201, body: refJson(created) }
  }

  function updateRef(request: SimRequest, path: string): SimResponse {
    const name = `refs/${decodeURIComponent(path.slice('/git/refs/'.length))}`
    const input = request.json<{ sha?: string; force?: boolean }>() ?? {}
    const found = refs.get(name)
    if (!found) return error(422, 'Reference does not exist')
    if (!input.sha || !commits.has(input.sha)) return error(422, 'Object does not exist')
    const moved: SimRef = { ref: name, object: { type: 'commit', sha: input.sha } }
    refs.set(name, moved)
    return { body: refJson(moved) }
  }

  function compare(request: SimRequest, base: string, head: string): SimResponse {
    const baseSha = resolve(base)
    const headSha = resolve(head)
    if (!baseSha || !headSha) return error(404, 'Not Found')
    const behind = new Set(ancestry(baseSha))
    const ahead = ancestry(headSha)
      .filter(sha => !behind.has(sha))
      .reverse()
    const status = ahead.length === 0 ? 'identical' : behind.has(headSha) ? 'behind' : 'ahead'
    const paged = page(request, ahead.map(commitJson))
    // GitHub lists the changed files with the first page only, at most 300 of them.
    const first = Number(request.url.searchParams.get('page') ?? 1) === 1
    const changed = [...new Set(ahead.flatMap(sha => commits.get(sha)?.files ?? []))]
    const files = first
      ? changed.slice(0, 300).map(filename => ({
          sha: sha1(`blob ${filename}`),
          filename,
          status: 'modified',
          additions: 1,
          deletions: 0,
          changes: 1
        }))
      : []
    return {
      ...paged,
      body: {
        url: `${baseUrl}${request.path}`,
        status,
        ahead_by: ahead.length,
        behind_by: 0,
        total_commits: ahead.length,
        commits: paged.body,
        files
      }
    }
  }

  function generateNotes(request: SimRequest): SimResponse {
    const input = request.json<Record<string, string | undefined>>() ?? {}
    if (!input.tag_name) return error(422, 'Validation Failed')
    if (input.previous_tag_name && !refs.has(`refs/tags/${input.previous_tag_name}`)) {
      return error(404, 'Not Found')
    }
    const head = resolve(input.tag_name) ?? resolve(input.target_commitish ?? '')
    if (!head) return error(422, 'Validation Failed')
    const base = input.previous_tag_name ? resolve(input.previous_tag_name) : undefined
    const skip = new Set(base ? ancestry(base) : [])
    const lines = ancestry(head)
      .filter(sha => !skip.has(sha))
      .map(sha => `* ${commits.get(sha)!.message.split('\n')[0]}`)
    const range = input.previous_tag_name
      ? `${input.previous_tag_name}...${input.tag_name}`
      : input.tag_name
    return {
      body: {
        name: input.tag_name,
        body: `## What's Changed\n${lines.join('\n')}\n\n**Full Changelog**: ${range}`
      }
    }
  }

  function createRelease(request: SimRequest): SimResponse {
    const input = request.json<Record<string, unknown>>() ?? {}
    const tagName = typeof input.tag_name === 'string' ? input.tag_name : ''
    if (!tagName) return validation('tag_name', 'missing_field')
    if (releases.some(r => r.tag_name === tagName)) return validation('tag_name', 'already_exists')
    if (!refs.has(`refs/tags/${tagName}`)) {
      // GitHub creates the tag from target_commitish when it does not exist yet.
      const target = resolve(String(input.target_commitish ?? order[order.length - 1]))
      if (!target) return validation('target_commitish', 'invalid')
      tag(tagName, target)
    }
    const id = nextId++
    const release: SimRelease = {
      id,
      tag_name: tagName,
      target_commitish: String(input.target_commitish ?? 'main'),
      name: typeof input.name === 'string' ? input.name : tagName,
      body: typeof input.body === 'string' ? input.body : '',
      draft: input.draft === true,
      prerelease: input.prerelease === true,
      html_url: `https://github.example/${owner}/${repo}/releases/tag/${tagName}`,
      created_at: new Date().toISOString()
    }
    releases.push(release)
    applyLatest(release, input.make_latest)
    return { status: 201, body: release }
  }

  function updateRelease(request: SimRequest, id: number): SimResponse {
    const release = releases.find(r => r.id === id)
    if (!release) return error(404, 'Not Found')
    const input = request.json<Record<string, unknown>>() ?? {}
    if (typeof input.name === 'string') release.name = input.name
    if (typeof input.body === 'string') release.body = input.body
    if (typeof input.prerelease === 'boolean') release.prerelease = input.prerelease
    if (typeof input.draft === 'boolean') release.draft = input.draft
    applyLatest(release, input.make_latest)
    return { body: release }
  }

  function applyLatest(release: SimRelease, makeLatest: unknown): void {
    if (release.draft || release.prerelease) {
      if (latestId === release.id) latestId = undefined
      return
    }
    if (makeLatest === 'false') return
    if (makeLatest === 'true' || latestId === undefined) latestId = release.id
  }

  function createDeployment(request: SimRequest): SimResponse {
    const input = request.json<Record<string, unknown>>() ?? {}
    const ref = String(input.ref ?? '')
    const sha = resolve(ref)
    if (!sha) return error(422, `No ref found for: ${ref}`)
    const environment = typeof input.environment === 'string' ? input.environment : 'production'
    const deployment: SimDeployment = {
      id: nextId++,
      sha,
      ref,
      environment,
      task: typeof input.task === 'string' ? input.task : 'deploy',
      description: typeof input.description === 'string' ? input.description : '',
      production_environment:
        typeof input.production_environment === 'boolean'
          ? input.production_environment
          : environment === 'production',
      payload: input.payload ?? {},
      statuses: [],
      created_at: now()
    }
    deployments.push(deployment)
    return { status: 201, body: deploymentJson(deployment) }
  }

  function createStatus(request: SimRequest, deployment: SimDeployment): SimResponse {
    const input = request.json<Record<string, unknown>>() ?? {}
    const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']
    const state = String(input.state ?? '')
    if (!states.includes(state)) return validation('state', 'invalid')
    const status: SimDeploymentStatus = {
      id: nextId++,
      state,
      environment_url: typeof input.environment_url === 'string' ? input.environment_url : '',
      log_url: typeof input.log_url === 'string' ? input.log_url : '',
      description: typeof input.description === 'string' ? input.description : '',
      created_at: now()
    }
    deployment.statuses.push(status)
    if (state === 'success' && input.auto_inactive !== false) {
      for (const other of deployments) {
        const last = other.statuses[other.statuses.length - 1]
        if (other === deployment || other.environment !== deployment.environment) continue
        if (last?.state !== 'success') continue
        other.statuses.push({ ...last, id: nextId++, state: 'inactive' })
      }
    }
    return {
      status: 201,
      body: { ...status, deployment_url: `${baseUrl}${api}/deployments/${deployment.id}` }
    }
  }

  /** A sha, a full ref, a tag or a branch name -> the commit it names (tags peeled). */
  function resolve(name: string): string | undefined {
    if (commits.has(name)) return name
    const ref = refs.get(name) ?? refs.get(`refs/tags/${name}`) ?? refs.get(`refs/heads/${name}`)
    let object = ref?.object
    while (object?.type === 'tag') object = tagObjects.get(object.sha)?.object
    return object?.sha
  }

  /** Every commit reachable from `head`, newest first. */
  function ancestry(head: string): string[] {
    const seen: string[] = []
    const visited = new Set<string>()
    const stack = [head]
    while (stack.length) {
      const sha = stack.pop()!
      if (visited.has(sha) || !commits.has(sha)) continue
      visited.add(sha)
      seen.push(sha)
      stack.push(...[...commits.get(sha)!.parents].reverse())
    }
    return seen.sort((a, b) => order.indexOf(b) - order.indexOf(a))
  }

  /** per_page (max 100) and page, with a Link header as GitHub writes it. */
  function page(request: SimRequest, items: unknown[]): SimResponse & { body: unknown[] } {
    const params = request.url.searchParams
    const perPage = Math.min(100, Math.max(1, Number(params.get('per_page') ?? defaultPerPage)))
    const current = Math.max(1, Number(params.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string): string => {
      const next = new URL(`${baseUrl}${request.url.pathname}${request.url.search}`)
      next.searchParams.set('per_page', String(perPage))
      next.searchParams.set('page', String(n))
      return `<${next.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'))
    if (current > 1) links.push(link(1, 'first'), link(current - 1, 'prev'))
    return {
      headers: links.length ? { link: links.join(', ') } : {},
      body: items.slice((current - 1) * perPage, current * perPage)
    }
  }

  const refJson = (ref: SimRef): unknown => ({
    ref: ref.ref,
    node_id: `REF_${ref.ref}`,
    url: `${baseUrl}${api}/git/${ref.ref}`,
    object: { ...ref.object, url: `${baseUrl}${api}/git/${ref.object.type}s/${ref.object.sha}` }
  })

  const authorOf = (c: SimCommit) => ({
    ...(c.author ?? { name: 'Dev', email: 'dev@example.com' }),
    date: '2026-11-23T21:00:00Z'
  })

  const commitJson = (sha: string): unknown => ({
    sha,
    url: `${baseUrl}${api}/commits/${sha}`,
    commit: {
      message: commits.get(sha)!.message,
      author: authorOf(commits.get(sha)!)
    },
    parents: commits.get(sha)!.parents.map(p => ({ sha: p }))
  })

  /** GET /repos/{owner}/{repo}/git/commits/{sha}: the git object, without a diff. */
  const gitCommitJson = (c: SimCommit): unknown => ({
    sha: c.sha,
    url: `${baseUrl}${api}/git/commits/${c.sha}`,
    author: authorOf(c),
    committer: authorOf(c),
    message: c.message,
    tree: {
      sha: sha1(`tree ${c.sha}`),
      url: `${baseUrl}${api}/git/trees/${sha1(`tree ${c.sha}`)}`
    },
    parents: c.parents.map(p => ({ sha: p, url: `${baseUrl}${api}/git/commits/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null }
  })

  /** The public user fields the action reads, in the shape of GitHub's public-user schema. */
  const userJson = (u: SimUser): unknown => ({
    login: u.login,
    id: 1000 + u.login.length,
    type: u.login.endsWith('[bot]') ? 'Bot' : 'User',
    name: u.login,
    email: u.email,
    url: `${baseUrl}/users/${u.login}`,
    html_url: `https://github.example/${u.login}`
  })

  const deploymentJson = (d: SimDeployment): unknown => ({
    id: d.id,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    environment: d.environment,
    description: d.description,
    production_environment: d.production_environment,
    payload: d.payload,
    created_at: d.created_at ?? now(),
    url: `${baseUrl}${api}/deployments/${d.id}`,
    statuses_url: `${baseUrl}${api}/deployments/${d.id}/statuses`
  })

  return Object.assign(sim, server, {
    owner,
    repo,
    token,
    commits,
    refs,
    tagObjects,
    releases,
    deployments,
    writes,
    permissions,
    beforeWrite: undefined,
    latestReleaseId: () => latestId,
    setDeploymentClock: (clock: () => Date) => {
      deploymentClock = clock
    },
    nextDeploymentId: () => nextId++,
    lagReleaseReads: (reads: number) => {
      releaseReadLag = reads
    },
    commit,
    tag
  })
}

/** What a classic token's scopes let it do in a repository of this visibility. */
function scopedPermissions(
  scopes: readonly string[],
  visibility: 'private' | 'public'
): { contents: Permission; deployments: Permission } {
  const all = scopes.includes('repo')
  const publicOnly = scopes.includes('public_repo') && visibility === 'public'
  const readable: Permission = visibility === 'public' ? 'read' : 'none'
  return {
    contents: all || publicOnly ? 'write' : readable,
    deployments: all || scopes.includes('repo_deployment') ? 'write' : readable
  }
}

const byRef = (a: SimRef, b: SimRef): number => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)

function error(status: number, message: string): SimResponse {
  // A 422's body is a validation-error, which has no status field (the description's).
  const said = status === 422 ? {} : { status: String(status) }
  return { status, body: { message, documentation_url: 'https://docs.github.com/rest', ...said } }
}

function validation(field: string, code: string): SimResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code, field }],
      documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release'
    }
  }
}

/** 429 with Retry-After, as GitHub answers an abusive burst. */
export function tooManyRequests(retryAfterSeconds = 1): Fault {
  return {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { message: 'Too many requests' }
  }
}

/** 403 secondary rate limit with Retry-After. */
export function secondaryRateLimit(retryAfterSeconds = 1): Fault {
  return {
    kind: 'status',
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    }
  }
}

/** 403 primary rate limit: remaining 0 and a reset time `resetInSeconds` from now. */
export function primaryRateLimit(resetInSeconds = 1): Fault {
  return {
    kind: 'status',
    status: 403,
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '1000',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    },
    body: { message: 'API rate limit exceeded for installation ID 1.' }
  }
}

/** Matches requests by method and a path fragment, for FaultPlan.inject({ match }). */
export function on(method: string, pathPart: string): (request: SimRequest) => boolean {
  return request => request.method === method && request.path.includes(pathPart)
}
