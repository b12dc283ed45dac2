import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { markGitHubDeployment, startGitHubDeployment } from '../../src/phases/github-deployment.js'
import type { Plan } from '../../src/plan/types.js'
import type { Settings } from '../../src/settings/types.js'
import { on, tooManyRequests, type GitHubSimulator } from '../simulators/github.js'
import { FAST, PACED, planRun, settingsFor, startPointedSimulator } from './fixtures.js'

let sim: GitHubSimulator
let a: string
let warnings: string[]
const warn = (message: string): void => void warnings.push(message)

beforeEach(async () => {
  sim = await startPointedSimulator()
  warnings = []
  sim.tag('v1.1.0', sim.commit('chore: initial commit'))
  a = sim.commit('feat: search page')
})

afterEach(async () => {
  await sim.close()
  expect(warnings.join('\n')).not.toContain(sim.token)
})

async function runOf(
  environment: 'dev' | 'stage' | 'prod' = 'dev',
  runId = '7001'
): Promise<{ settings: Settings; plan: Plan }> {
  const settings = settingsFor(sim, { sha: a, environment, runId })
  return { settings, plan: await planRun(settings) }
}

const states = (index: number): string[] => sim.deployments[index].statuses.map(s => s.state)

describe('GitHub Deployments', () => {
  it('records the deployment of the commit: in_progress, then success with its URL', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, warn, PACED)

    expect(deployment?.id).toBe(sim.deployments[0].id)
    expect(sim.deployments[0]).toMatchObject({
      sha: a,
      ref: a,
      environment: 'dev',
      production_environment: false,
      payload: { deployment_id: 'dep_7001_1' }
    })
    expect(states(0)).toEqual(['in_progress'])

    await deployment!.finish('success', 'https://shop.dev.example.com')
    const final = sim.deployments[0].statuses.at(-1)
    expect(final).toMatchObject({
      state: 'success',
      environment_url: 'https://shop.dev.example.com',
      log_url: 'https://github.example/acme/shop/actions/runs/7001'
    })
    expect(warnings).toEqual([])
  })

  it('marks the previous deployment of the environment inactive when a new one succeeds', async () => {
    const first = await runOf('prod', '1')
    await (await startGitHubDeployment(first.settings, first.plan, warn, FAST))!.finish('success')
    const second = await runOf('prod', '2')
    await (await startGitHubDeployment(second.settings, second.plan, warn, FAST))!.finish(
      'success',
      'https://shop.example.com'
    )

    expect(sim.deployments[1].production_environment).toBe(true)
    expect(states(0)).toEqual(['in_progress', 'success', 'inactive'])
    expect(states(1)).toEqual(['in_progress', 'success'])
  })

  it('leaves the running deployment active when the new one fails', async () => {
    const first = await runOf('stage', '1')
    await (await startGitHubDeployment(first.settings, first.plan, warn, FAST))!.finish('success')
    const second = await runOf('stage', '2')
    await (await startGitHubDeployment(second.settings, second.plan, warn, FAST))!.finish('failure')

    expect(states(0)).toEqual(['in_progress', 'success'])
    expect(states(1)).toEqual(['in_progress', 'failure'])
  })

  it('warns and goes on when the token may not write deployments', async () => {
    sim.permissions.deployments = 'none'
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, warn, FAST)

    expect(deployment).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^GitHub Deployments \(best effort, the deploy goes on\): GitHub refused creating a deployment to dev \(403 Resource not accessible by integration\)\. Give the workflow job `permissions: deployments: write`/
    )
  })

  it('warns instead of failing when a final status cannot be set', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, warn, FAST)
    sim.faults.inject(
      { kind: 'status', status: 503, body: { message: 'Service Unavailable' } },
      { times: 10, match: on('POST', '/statuses') }
    )
    await expect(deployment!.finish('success')).resolves.toBeUndefined()
    expect(warnings[0]).toMatch(/marking deployment \d+ success: Service Unavailable/)
  })

  it('retries a throttled status and still records it', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, warn, FAST)
    sim.faults.inject(tooManyRequests(1), { match: on('POST', '/statuses') })
    await deployment!.finish('failure')
    expect(sim.faultsServed).toEqual(['status'])
    expect(states(0)).toEqual(['in_progress', 'failure'])
  })

  it('lets the post step mark a cancelled run inactive by its id', async () => {
    const { settings, plan } = await runOf('dev')
    const deployment = await startGitHubDeployment(settings, plan, warn, FAST)
    await markGitHubDeployment(settings, deployment!.id, 'inactive', undefined, warn, FAST)
    expect(states(0)).toEqual(['in_progress', 'inactive'])
  })

  it('creates nothing in a dry run or without a token', async () => {
    const { settings, plan } = await runOf('dev')
    expect(await startGitHubDeployment(settings, { ...plan, dryRun: true }, warn)).toBeUndefined()
    const tokenless = { ...settings, githubToken: undefined }
    expect(await startGitHubDeployment(tokenless, plan, warn)).toBeUndefined()
    expect(sim.deployments).toHaveLength(0)
  })
})
