import { afterEach, describe, expect, it } from '@jest/globals'
import { connectGitHub, type GitHubApi } from '../../src/clients/github.js'
import { createDeployment, setDeploymentStatus } from '../../src/clients/github-deployments.js'
import { upsertRelease } from '../../src/clients/github-releases.js'
import { githubTagRefs, githubTagSource } from '../../src/clients/github-tags.js'
import { createEcrClient, ecrAuthorization, ensureEcrRepository } from '../../src/clients/ecr.js'
import { RegistryClient } from '../../src/clients/registry.js'
import { DeployError } from '../../src/errors.js'
import { withDeadline } from '../../src/runtime/deadline.js'
import { awsTestEnv } from '../simulators/aws.js'
import { startEcrSimulator, type EcrSimulator } from '../simulators/ecr.js'
import { startGitHubSimulator, type GitHubSimulator } from '../simulators/github.js'
import { startHttpServer, type SimServer } from '../simulators/http.js'
import { fakeRegistry, TOKEN, USER } from '../images/token-registry.js'

/**
 * Each client, against a server that accepts the connection and never answers, ends its call at
 * the deadline of its caller (a phase, a push) with that deadline's TIMEOUT, naming the call that
 * hung. The deadline here never abandons the call: a client that ignored its signal would hang
 * the test until jest's timeout, so nothing is measured, only the error and the calls the server
 * saw. The clients' own attempt timeouts are left at their defaults (30 s): far past the deadline.
 */
const DEADLINE_MS = 1000
const REASON = 'the test deadline passed'

async function underDeadline(call: (signal: AbortSignal) => Promise<unknown>): Promise<unknown> {
  const timedOut = (): DeployError => new DeployError('TIMEOUT', REASON)
  return withDeadline(undefined, DEADLINE_MS, timedOut, call, { graceMs: Infinity }).then(
    () => new Error('the call ended without the deadline'),
    (error: unknown) => error
  )
}

function expectHung(error: unknown, call: string): void {
  expect(error).toBeInstanceOf(DeployError)
  expect(error).toMatchObject({ code: 'TIMEOUT', message: `${REASON}: ${call} had not answered` })
}

const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const server of opened.splice(0)) await server.close()
})

describe('GitHub', () => {
  let sim: GitHubSimulator
  let api: GitHubApi
  async function hangingGitHub(): Promise<void> {
    sim = await startGitHubSimulator()
    opened.push(sim)
    sim.commit('chore: initial commit')
    api = await connectGitHub({ token: sim.token, apiUrl: sim.url, tuning: { paceWrites: false } })
    sim.faults.inject({ kind: 'hang' }, { times: 100 })
  }

  it('tags: reading them and creating one', async () => {
    await hangingGitHub()
    const tags = githubTagSource(api, sim.owner, sim.repo)
    expectHung(await underDeadline(s => tags.listTags(s)), 'GitHub list tags (page 1)')
    const refs = githubTagRefs(api, sim.owner, sim.repo)
    const head = [...sim.commits.keys()][0] as string
    expectHung(await underDeadline(s => refs.create('v1.0.0', head, s)), 'GitHub create tag v1.0.0')
    expect(sim.requests.map(r => r.method)).toEqual(['GET', 'POST'])
  })

  it('releases', async () => {
    await hangingGitHub()
    const error = await underDeadline(signal =>
      upsertRelease(
        api,
        {
          owner: sim.owner,
          repo: sim.repo,
          tag: 'v1.0.0',
          commit: [...sim.commits.keys()][0] as string,
          name: 'v1.0.0',
          prerelease: false,
          makeLatest: true,
          previousTag: undefined,
          signal,
          note: () => undefined
        },
        undefined
      )
    )
    expectHung(error, 'GitHub read the release of v1.0.0')
    expect(sim.requests.map(r => r.method)).toEqual(['GET'])
  })

  it('deployments: creating one and setting its status', async () => {
    await hangingGitHub()
    const deployment = {
      owner: sim.owner,
      repo: sim.repo,
      commit: [...sim.commits.keys()][0] as string,
      environment: 'dev',
      description: 'v1.0.0',
      payload: { deployment_id: 'dep_1_1' },
      production: false
    }
    expectHung(
      await underDeadline(s => createDeployment(api, deployment, s)),
      'GitHub create a deployment to dev'
    )
    const status = {
      owner: sim.owner,
      repo: sim.repo,
      deploymentId: 7,
      state: 'success' as const,
      logUrl: undefined,
      environmentUrl: undefined
    }
    expectHung(
      await underDeadline(s => setDeploymentStatus(api, status, s)),
      'GitHub set deployment 7 success'
    )
    expect(sim.requests.map(r => r.method)).toEqual(['POST', 'POST'])
  })
})

describe('ECR', () => {
  it('authorization and the repository check', async () => {
    const sim: EcrSimulator = await startEcrSimulator({
      url: 'http://127.0.0.1:5999',
      password: 'ecr-password',
      stalePassword: 'old'
    })
    const saved = { ...process.env }
    opened.push(sim, { close: async () => void (process.env = saved) })
    Object.assign(process.env, awsTestEnv(sim.url, ['ECR']))
    const client = await createEcrClient()
    sim.faults.inject({ kind: 'hang' }, { times: 100 })
    expectHung(
      await underDeadline(signal => ecrAuthorization(client, { signal })),
      'ECR GetAuthorizationToken'
    )
    expectHung(
      await underDeadline(signal =>
        ensureEcrRepository(client, 'team/api', { signal, create: true })
      ),
      'ECR DescribeRepositories team/api'
    )
    expect(sim.operations).toEqual(['GetAuthorizationToken', 'DescribeRepositories'])
  })
})

describe('registry', () => {
  it('reading and copying a manifest', async () => {
    const server: SimServer = await startHttpServer(fakeRegistry().handler)
    opened.push(server)
    const client = new RegistryClient({
      host: `127.0.0.1:${server.port}`,
      insecure: true,
      username: USER,
      password: TOKEN
    })
    server.faults.inject({ kind: 'hang' }, { times: 100 })
    expectHung(
      await underDeadline(s => client.headManifest('acme/web', 'rc-1', s)),
      `127.0.0.1:${server.port} HEAD manifest acme/web:rc-1`
    )
    expectHung(
      await underDeadline(s => client.copyTag('acme/web', 'rc-1', 'v1.0.0', s)),
      `127.0.0.1:${server.port} GET manifest acme/web:rc-1`
    )
    expect(server.requests.map(r => r.method)).toEqual(['HEAD', 'GET'])
  })
})
