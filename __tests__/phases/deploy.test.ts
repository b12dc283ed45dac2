import { describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { EventBus } from '../../src/events/bus.js'
import { emptyRunState, type PhaseContext } from '../../src/phases/context.js'
import { runDeployPhase } from '../../src/phases/deploy.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { ArgoCdTarget, Settings } from '../../src/settings/types.js'
import type { Deploy, DeployRequest, TargetContext } from '../../src/targets/types.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { waitUntil } from '../fixtures/wait.js'

const target = (app: string): ArgoCdTarget =>
  ({ kind: 'argocd', app, timeoutMs: undefined, pollIntervalMs: undefined }) as ArgoCdTarget

function service(name: string, ...dependsOn: string[]): PlannedService {
  return { name, dependsOn, image: undefined, deploy: target(name) }
}

function context(
  services: PlannedService[],
  layers: string[][],
  signal = new AbortController().signal
) {
  const bus = new EventBus(() => undefined)
  const plan = { services, layers, version: { imageTag: 't' } } as unknown as Plan
  const settings = { deploy: { timeoutMs: 1000, pollIntervalMs: undefined } } as unknown as Settings
  const ctx: PhaseContext = {
    settings,
    plan,
    bus,
    core: recordingToolkit(),
    signal,
    state: emptyRunState()
  }
  return ctx
}

/**
 * A target that records when each service starts and ends and lets the test decide when it
 * finishes, so the order the runner imposes can be observed directly.
 */
function scriptedTarget(outcomes: Record<string, 'ok' | 'fail'>) {
  const log: string[] = []
  const contexts: TargetContext[] = []
  const release = new Map<string, () => void>()
  const deploy: Deploy<ArgoCdTarget> = async (request: DeployRequest<ArgoCdTarget>, ctx) => {
    const name = request.service.name
    contexts.push(ctx)
    log.push(`start ${name}`)
    await new Promise<void>(resolve => release.set(name, resolve))
    log.push(`end ${name}`)
    if (outcomes[name] === 'fail')
      throw new DeployError('HEALTH_CHECK_FAILED', `${name} is Degraded`)
    return {
      deploymentUrl: `https://${name}.example`,
      outputs: { [`${name}_revision`]: '1', revision: name }
    }
  }
  return { deploy, log, contexts, release }
}

describe('runDeployPhase', () => {
  it('runs layers in order and the services of a layer in parallel', async () => {
    const services = [service('db'), service('cache'), service('web', 'db', 'cache')]
    const ctx = context(services, [['db', 'cache'], ['web']])
    const target = scriptedTarget({})
    const done = runDeployPhase(ctx, async () => target.deploy as never)

    await waitUntil('db and cache to start', () => target.log.length === 2)
    expect(target.log).toEqual(['start db', 'start cache']) // both started, neither finished
    target.release.get('cache')?.()
    target.release.get('db')?.()
    await waitUntil('web to start', () => target.log.includes('start web'))
    expect(target.log.slice(0, 4).sort()).toEqual([
      'end cache',
      'end db',
      'start cache',
      'start db'
    ])
    target.release.get('web')?.()
    await done

    expect(target.log.at(-1)).toBe('end web')
    expect(ctx.state.deploymentUrl).toBe('https://web.example')
    expect(ctx.state.outputs).toMatchObject({ db_revision: '1', web_revision: '1' })
    expect(JSON.parse(ctx.state.outputs.deployments as string)).toEqual({
      db: { deployment_url: 'https://db.example', db_revision: '1', revision: 'db' },
      cache: { deployment_url: 'https://cache.example', cache_revision: '1', revision: 'cache' },
      web: { deployment_url: 'https://web.example', web_revision: '1', revision: 'web' }
    })
    // Three services report `revision`: a flat output would not say whose it is.
    expect(ctx.state.outputs.revision).toBeUndefined()
  })

  it('stops what depends on a failed service, deploys the rest, and reports every failure', async () => {
    const services = [
      service('db'),
      service('docs'),
      service('web', 'db'),
      service('mcp', 'web'),
      service('blog', 'docs')
    ]
    const ctx = context(services, [['db', 'docs'], ['web', 'blog'], ['mcp']])
    const target = scriptedTarget({ db: 'fail' })
    const done = runDeployPhase(ctx, async () => target.deploy as never).catch((e: unknown) => e)
    for (const name of ['db', 'docs', 'blog']) {
      await waitUntil(`${name} to start`, () => target.release.has(name))
      target.release.get(name)?.()
    }
    const error = (await done) as DeployError

    expect(target.log).not.toContain('start web')
    expect(target.log).not.toContain('start mcp')
    expect(target.log).toContain('end blog')
    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe('db: db is Degraded')
    expect(error.details).toContain('not deployed: web, mcp')
    const skipped = ctx.bus.events.filter(e => e.message.startsWith('not deployed'))
    expect(skipped.map(e => e.service)).toEqual(['web', 'mcp'])
  })

  it('hands each target its timeout, poll interval and a progress channel', async () => {
    const ctx = context([service('db')], [['db']])
    const target = scriptedTarget({})
    const done = runDeployPhase(ctx, async () => target.deploy as never)
    await waitUntil('the target to be called', () => target.contexts.length === 1)
    const given = target.contexts[0] as TargetContext
    expect(given.timeoutMs).toBe(1000)
    expect(given.pollIntervalMs).toBe(5000) // the Argo CD default
    given.progress('sync Running, health Progressing', { phase: 'Running' })
    target.release.get('db')?.()
    await done
    expect(ctx.bus.events.map(e => [e.type, e.service, e.message])).toContainEqual([
      'progress',
      'db',
      'sync Running, health Progressing'
    ])
  })

  it('fails a service whose image was never pushed instead of deploying nothing', async () => {
    const web = { ...service('web'), image: { tag: 't' } } as unknown as PlannedService
    const ctx = context([web], [['web']])
    const target = scriptedTarget({})
    const error = await runDeployPhase(ctx, async () => target.deploy as never).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({
      code: 'DEPLOY_FAILED',
      message: 'web: no pushed image is known for web'
    })
    expect(target.log).toEqual([])
  })
})
