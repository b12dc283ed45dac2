import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DeployError } from '../../src/errors.js'
import { EventBus } from '../../src/events/bus.js'
import { emptyRunState, type PhaseContext } from '../../src/phases/context.js'
import { runDeployPhase } from '../../src/phases/deploy.js'
import { verifyDeployment, verifyUrl } from '../../src/phases/verify.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { ArgoCdTarget, Settings, VerifySettings } from '../../src/settings/types.js'
import type { Deploy } from '../../src/targets/types.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/**
 * A local HTTP server whose answers each test scripts: path -> the answers in turn (the last one
 * repeats). The verify check is run against it as it would be against a deployed service.
 */
type Answer = { status: number; body: string }
const scripts = new Map<string, Answer[]>()
const hits = new Map<string, number>()
let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/'
    const answers = scripts.get(path) ?? [{ status: 404, body: 'not found' }]
    const count = hits.get(path) ?? 0
    hits.set(path, count + 1)
    const answer = answers[Math.min(count, answers.length - 1)] as Answer
    response.writeHead(answer.status, { 'content-type': 'text/plain' })
    response.end(answer.body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

function check(overrides: Partial<VerifySettings> = {}): VerifySettings {
  return {
    url: '{outputs.ApiUrl}health',
    expectStatus: 200,
    contains: 'ok',
    timeoutMs: 2000,
    intervalMs: 20,
    ...overrides
  }
}

function recorder() {
  const progress: string[] = []
  return {
    progress,
    context: {
      signal: new AbortController().signal,
      progress: (message: string) => progress.push(message)
    }
  }
}

describe('the verify check', () => {
  it('tries until the URL answers the expected status and text, then passes', async () => {
    scripts.set('/pass/health', [
      { status: 503, body: 'warming up' },
      { status: 200, body: 'starting' },
      { status: 200, body: '{"status": "ok"}' }
    ])
    const r = recorder()
    await verifyDeployment('api', check(), { outputs: { ApiUrl: `${base}/pass/` } }, r.context)

    const url = `${base}/pass/health`
    expect(hits.get('/pass/health')).toBe(3)
    expect(r.progress).toEqual([
      `verify: ${url} HTTP 503: "warming up" (expected HTTP 200 containing 'ok')`,
      `verify: ${url} HTTP 200: "starting" (expected HTTP 200 containing 'ok')`,
      `verified: ${url} answered HTTP 200 containing 'ok'`
    ])
  })

  it('fails with HEALTH_CHECK_FAILED, the last status and a short escaped excerpt, when time is up', async () => {
    scripts.set('/down', [
      { status: 502, body: `<html>\n::error::upstream "connect" error\n${'x'.repeat(300)}</html>` }
    ])
    const error = await verifyDeployment(
      'api',
      check({ url: '{deployment_url}/down', contains: undefined, timeoutMs: 300 }),
      { deploymentUrl: base },
      recorder().context
    ).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(DeployError)
    expect(error).toMatchObject({
      code: 'HEALTH_CHECK_FAILED',
      message:
        `Verify of api failed: ${base}/down did not answer HTTP 200 within 300 ms; the last answer was ` +
        `HTTP 502: "<html> ::error::upstream \\"connect\\" error ${'x'.repeat(76)}..."`
    })
    expect((error as Error).message).not.toContain('\n')
  })

  it('counts a refused connection as not yet, and says so if it never answers', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>(resolve => closed.close(() => resolve()))
    const error = await verifyDeployment(
      'api',
      check({ url: `http://127.0.0.1:${port}/health`, timeoutMs: 200 }),
      {},
      recorder().context
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'HEALTH_CHECK_FAILED',
      message:
        `Verify of api failed: http://127.0.0.1:${port}/health did not answer HTTP 200 containing 'ok' ` +
        `within 200 ms; the last answer was no answer (connect ECONNREFUSED 127.0.0.1:${port})`
    })
  })

  it('fills in what the deploy reported, and says which output is missing', () => {
    expect(
      verifyUrl('api', '{deployment_url}/v1/{outputs.Stage}/health', {
        deploymentUrl: 'https://a.example',
        outputs: { Stage: 'prod' }
      })
    ).toBe('https://a.example/v1/prod/health')
    expect(() =>
      verifyUrl('api', '{outputs.ApiUrl}', { outputs: { stack_id: 'arn:x', TableName: 't' } })
    ).toThrow(
      new DeployError(
        'INVALID_INPUT',
        'services.api.deploy.verify.url uses {outputs.ApiUrl}, but the deploy of api reported no such output (its outputs: stack_id, TableName)'
      )
    )
    expect(() =>
      verifyUrl('api', '{outputs.Host}/health', { outputs: { Host: 'api.example.com' } })
    ).toThrow(
      "services.api.deploy.verify.url is 'api.example.com/health' once filled in: expected an http(s) URL"
    )
    expect(() => verifyUrl('api', '{deployment_url}/health', {})).toThrow(
      'services.api.deploy.verify.url uses {deployment_url}, but the deploy of api reported no deployment URL'
    )
  })
})

describe('verify in the DEPLOY phase', () => {
  const target = (verify?: VerifySettings): ArgoCdTarget =>
    ({
      kind: 'argocd',
      app: 'x',
      timeoutMs: undefined,
      pollIntervalMs: undefined,
      verify
    }) as ArgoCdTarget
  const service = (
    name: string,
    verify?: VerifySettings,
    ...dependsOn: string[]
  ): PlannedService => ({
    name,
    dependsOn,
    image: undefined,
    deploy: target(verify)
  })

  function phaseContext(services: PlannedService[], layers: string[][]): PhaseContext {
    return {
      settings: { deploy: { timeoutMs: 5000, pollIntervalMs: undefined } } as unknown as Settings,
      plan: { services, layers, version: { imageTag: 't' } } as unknown as Plan,
      bus: new EventBus(() => undefined),
      core: recordingToolkit(),
      signal: new AbortController().signal,
      state: emptyRunState()
    }
  }

  /** Deploys at once, reporting `<base>/<name>/` as the service's ApiUrl; records the order. */
  function instantTarget(log: string[]): Deploy<ArgoCdTarget> {
    return async request => {
      log.push(`deploy ${request.service.name}`)
      return { outputs: { ApiUrl: `${base}/${request.service.name}/` } }
    }
  }

  it('deploys dependents only after the check passed', async () => {
    scripts.set('/db/health', [
      { status: 503, body: 'no' },
      { status: 200, body: 'ok' }
    ])
    const log: string[] = []
    const ctx = phaseContext(
      [service('db', check()), service('web', undefined, 'db')],
      [['db'], ['web']]
    )
    const deploy = instantTarget(log)
    await runDeployPhase(ctx, async () => deploy as never)

    const order = ctx.bus.events
      .filter(e => e.service && /^(verified|deploying)/.test(e.message))
      .map(e => `${e.service} ${e.message.split(' ')[0]}`)
    expect(order).toEqual(['db deploying', 'db verified:', 'web deploying'])
    expect(log).toEqual(['deploy db', 'deploy web'])
  })

  it('stops the dependents of a service whose check fails, and reports HEALTH_CHECK_FAILED', async () => {
    scripts.set('/api/health', [{ status: 500, body: 'boom' }])
    const log: string[] = []
    const ctx = phaseContext(
      [
        service('api', check({ timeoutMs: 200 })),
        service('web', undefined, 'api'),
        service('docs')
      ],
      [['api', 'docs'], ['web']]
    )
    const deploy = instantTarget(log)
    const error = (await runDeployPhase(ctx, async () => deploy as never).catch(
      (e: unknown) => e
    )) as DeployError

    expect(error.code).toBe('HEALTH_CHECK_FAILED')
    expect(error.message).toBe(
      `api: Verify of api failed: ${base}/api/health did not answer HTTP 200 containing 'ok' within 200 ms; the last answer was HTTP 500: "boom"`
    )
    expect(log.sort()).toEqual(['deploy api', 'deploy docs'])
    expect(ctx.bus.events.find(e => e.service === 'web')?.message).toBe(
      'not deployed: it depends on api, which failed'
    )
    // What api's deploy reported is kept even though its check failed.
    expect(JSON.parse(ctx.state.outputs.deployments as string).api.ApiUrl).toBe(`${base}/api/`)
  })
})
