import type { SimRequest } from './http.js'

/**
 * What GitHub sends in every object of a kind that the simulator's logic has no part in: node
 * ids, the hypermedia URLs, the account that made a deployment, a repository's counters. Filled
 * into an answer by the schema's own names (contracts/github.ts walks the answer along its
 * schema) before the answer is checked, and only where the simulator left a field out: what the
 * simulator says itself is checked as it said it.
 */

export interface GitHubAnswerState {
  /** A sha, ref, tag or branch -> the commit it names. */
  resolve(name: string): string | undefined
  /** A commit as the commits and compare endpoints list it. */
  commitJson(sha: string): unknown
}

type Fields = Record<string, unknown>
type Completion = (value: Fields, at: Where) => Fields

interface Where {
  /** The simulator's own base URL, as the client reached it. */
  readonly base: string
  /** `${base}/repos/{owner}/{repo}`, when the call was about a repository. */
  readonly repository: string
  readonly ownerRepo: string
  readonly path: string
  readonly state: GitHubAnswerState
}

const WEB = 'https://github.example'
const TIME = '2026-11-23T21:00:00Z'
/** The account behind GITHUB_TOKEN: what GitHub shows as a deployment's or a release's author. */
const ACTIONS_BOT = 'github-actions[bot]'

const user: Completion = (value, { base }) => {
  const login = String(value.login ?? ACTIONS_BOT)
  const url = `${base}/users/${login}`
  return {
    login,
    id: value.id ?? 41_898_282,
    node_id: `U_${login}`,
    avatar_url: `https://avatars.github.example/u/${login}`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false
  }
}

const gitPerson = (person: Fields | undefined): Fields => ({
  name: 'Dev',
  email: 'dev@example.com',
  date: TIME,
  ...person
})

const REPOSITORY_URLS = [
  'archive_url',
  'assignees_url',
  'blobs_url',
  'branches_url',
  'collaborators_url',
  'comments_url',
  'commits_url',
  'compare_url',
  'contents_url',
  'contributors_url',
  'deployments_url',
  'downloads_url',
  'events_url',
  'forks_url',
  'git_commits_url',
  'git_refs_url',
  'git_tags_url',
  'hooks_url',
  'issue_comment_url',
  'issue_events_url',
  'issues_url',
  'keys_url',
  'labels_url',
  'languages_url',
  'merges_url',
  'milestones_url',
  'notifications_url',
  'pulls_url',
  'releases_url',
  'stargazers_url',
  'statuses_url',
  'subscribers_url',
  'subscription_url',
  'tags_url',
  'teams_url',
  'trees_url'
]

const COMPLETIONS: Record<string, Completion> = {
  'simple-user': user,
  'nullable-simple-user': user,
  'public-user': (value, at) => ({
    ...user(value, at),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: TIME,
    updated_at: TIME
  }),
  'full-repository': (value, { repository, ownerRepo }) => ({
    ...Object.fromEntries(
      REPOSITORY_URLS.map(key => [key, `${repository}/${key.replace(/_url$/, '')}`])
    ),
    node_id: `R_${ownerRepo}`,
    url: repository,
    html_url: `${WEB}/${ownerRepo}`,
    git_url: `git://github.example/${ownerRepo}.git`,
    ssh_url: `git@github.example:${ownerRepo}.git`,
    svn_url: `${WEB}/${ownerRepo}`,
    description: null,
    homepage: null,
    language: null,
    mirror_url: null,
    license: null,
    fork: false,
    archived: false,
    disabled: false,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks: 0,
    forks_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    network_count: 0,
    subscribers_count: 0,
    size: 0,
    pushed_at: TIME,
    created_at: TIME,
    updated_at: TIME,
    owner: value.owner ?? {}
  }),
  release: (value, { repository, ownerRepo }) => {
    const url = `${repository}/releases/${String(value.id)}`
    const tag = String(value.tag_name)
    return {
      url,
      assets_url: `${url}/assets`,
      upload_url: `${repository.replace('/repos/', '/uploads/repos/')}/releases/${String(value.id)}/assets{?name,label}`,
      tarball_url: `${repository}/tarball/${tag}`,
      zipball_url: `${repository}/zipball/${tag}`,
      node_id: `RE_${ownerRepo}_${String(value.id)}`,
      published_at: value.draft ? null : (value.created_at ?? TIME),
      author: {},
      assets: []
    }
  },
  'git-tag': (value, { repository }) => {
    const object = value.object as Fields | undefined
    fill(object, { url: `${repository}/git/${String(object?.type)}s/${String(object?.sha)}` })
    return { node_id: `TAG_${String(value.sha)}`, tagger: gitPerson(undefined) }
  },
  'git-commit': (value, at) => {
    fill(value.verification, { verified_at: null })
    fillParents(value, at)
    return {
      node_id: `C_${String(value.sha)}`,
      html_url: `${WEB}/${at.ownerRepo}/commit/${String(value.sha)}`
    }
  },
  commit: (value, at) => {
    const sha = String(value.sha)
    const tree = sha.replace(/./g, c => (c === 'f' ? '0' : 'f'))
    const commit = value.commit as Fields | undefined
    fill(commit, {
      url: `${at.repository}/git/commits/${sha}`,
      committer: gitPerson(commit?.author as Fields | undefined),
      comment_count: 0,
      tree: { sha: tree, url: `${at.repository}/git/trees/${tree}` }
    })
    fillParents(value, at)
    return {
      node_id: `C_${sha}`,
      html_url: `${WEB}/${at.ownerRepo}/commit/${sha}`,
      comments_url: `${at.repository}/commits/${sha}/comments`,
      // A commit whose e-mail is no GitHub account's.
      author: null,
      committer: null
    }
  },
  'commit-comparison': (_value, { path, state, ownerRepo }) => {
    const basehead = /\/compare\/(.+)$/.exec(path)?.[1] ?? ''
    const base = state.resolve(decodeURIComponent(basehead.split('...')[0] ?? ''))
    // The simulator's history is one line: the merge base is the base.
    const baseCommit = base ? state.commitJson(base) : undefined
    return {
      html_url: `${WEB}/${ownerRepo}/compare/${basehead}`,
      permalink_url: `${WEB}/${ownerRepo}/compare/${basehead}`,
      diff_url: `${WEB}/${ownerRepo}/compare/${basehead}.diff`,
      patch_url: `${WEB}/${ownerRepo}/compare/${basehead}.patch`,
      base_commit: baseCommit,
      merge_base_commit: baseCommit
    }
  },
  'diff-entry': (value, { repository, ownerRepo }) => {
    const file = encodeURIComponent(String(value.filename)).replace(/%2F/g, '/')
    return {
      blob_url: `${WEB}/${ownerRepo}/blob/HEAD/${file}`,
      raw_url: `${WEB}/${ownerRepo}/raw/HEAD/${file}`,
      contents_url: `${repository}/contents/${file}`
    }
  },
  deployment: (value, { repository, ownerRepo }) => ({
    node_id: `DE_${ownerRepo}_${String(value.id)}`,
    creator: {},
    created_at: TIME,
    updated_at: TIME,
    repository_url: repository
  }),
  'deployment-status': (value, { repository, ownerRepo, path }) => {
    const deployment = /\/deployments\/(\d+)\/statuses$/.exec(path)?.[1]
    const deploymentUrl = value.deployment_url ?? `${repository}/deployments/${String(deployment)}`
    return {
      node_id: `DES_${ownerRepo}_${String(value.id)}`,
      deployment_url: deploymentUrl,
      url: `${String(deploymentUrl)}/statuses/${String(value.id)}`,
      creator: {},
      target_url: value.log_url ?? '',
      created_at: TIME,
      updated_at: TIME,
      repository_url: repository
    }
  }
}

function fillParents(value: Fields, { repository, ownerRepo }: Where): void {
  if (!Array.isArray(value.parents)) return
  for (const parent of value.parents as Fields[]) {
    fill(parent, {
      url: `${repository}/commits/${String(parent.sha)}`,
      html_url: `${WEB}/${ownerRepo}/commit/${String(parent.sha)}`
    })
  }
}

/** Sets the fields `target` does not have. */
function fill(target: unknown, fields: Fields): void {
  if (target === null || typeof target !== 'object') return
  const record = target as Fields
  for (const [key, field] of Object.entries(fields)) {
    if (record[key] === undefined) record[key] = field
  }
}

/**
 * For gitHubServerContract: fills the fields of one object of a named kind that the simulator
 * left out; says whether it knows the kind.
 */
export function completeGitHubObject(
  state: GitHubAnswerState
): (named: string, value: Fields, request: SimRequest) => boolean {
  return (named, value, request) => {
    const completion = COMPLETIONS[named]
    if (!completion) return false
    const base = `http://${String(request.headers.host ?? '127.0.0.1')}`
    const ownerRepo = /^\/repos\/([^/]+\/[^/]+)/.exec(request.path)?.[1] ?? 'unknown/unknown'
    const where: Where = {
      base,
      repository: `${base}/repos/${ownerRepo}`,
      ownerRepo,
      path: request.path,
      state
    }
    fill(value, completion(value, where))
    return true
  }
}
