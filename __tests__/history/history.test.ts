import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readDeploymentHistory } from '../../src/phases/deployment-history.js'
import {
  RECORD_MAX_BYTES,
  deploymentRecord,
  readDeploymentRecord,
  recordBytes,
  recordPayload
} from '../../src/plan/deployment-record.js'
import { describePlan } from '../../src/plan/describe.js'
import { planRollback } from '../../src/plan/rollback.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type { GitHubSimulator } from '../simulators/github.js'
import { settingsFor, startPointedSimulator } from './../github/fixtures.js'

/**
 * The deployment record and the history behind `rollback`: records written into GitHub
 * Deployment payloads, read back through every page of the simulator's Deployments API.
 */
const digest = (seed: string): string => `sha256:${seed.repeat(64).slice(0, 64)}`

function service(name: string): PlannedService {
  return {
    name,
    dependsOn: [],
    image: {
      registry: 'ghcr',
      host: 'ghcr.io',
      repository: `acme/${name}`,
      tag: 'next',
      reference: `ghcr.io/acme/${name}:next`,
      action: 'build',
      promoteFrom: undefined
    },
    deploy: { kind: 'argocd', app: `shop-${name}` } as PlannedService['deploy']
  }
}

function planOf(names: string[], tag: string, commit: string, environment = 'stage'): Plan {
  return {
    deploymentId: `dep_${tag}`,
    environment: environment as Plan['environment'],
    commit,
    dryRun: false,
    version: {
      version: tag.replace(/^v|-rc\.\d+$/g, ''),
      gitTag: tag,
      imageTag: tag,
      channel: 'rc',
      reused: false,
      baseTag: undefined,
      reason: 'test',
      previousTag: undefined,
      timestamp: '2611240700'
    },
    release: undefined,
    services: names.map(service),
    layers: [names]
  }
}

function imagesOf(names: string[], tag: string, seed: string): Record<string, string> {
  return Object.fromEntries(names.map(n => [n, `ghcr.io/acme/${n}:${tag}@${digest(seed)}`]))
}

const record = (names: string[], tag: string, seed: string, commit = 'a'.repeat(40)) =>
  deploymentRecord({
    plan: planOf(names, tag, commit),
    images: imagesOf(names, tag, seed),
    outputs: new Map(names.map(n => [n, { revision: `rev-${seed}` }])),
    describeTarget: s => `Argo CD app shop-${s.name}`
  })

describe('the deployment record', () => {
  it('round-trips through a payload, and a foreign or newer payload is no record', () => {
    const written = record(['api', 'webui'], 'v1.2.0-rc.1', '1')
    expect(readDeploymentRecord(recordPayload(written))).toEqual(written)
    expect(readDeploymentRecord(JSON.stringify(recordPayload(written)))).toEqual(written)
    expect(readDeploymentRecord({ deployment_id: 'dep_1_1' })).toBeUndefined()
    expect(readDeploymentRecord({ deploy_pipeline: { ...written, schema: 2 } })).toBeUndefined()
    expect(written.services.api).toEqual({
      image: `ghcr.io/acme/api:v1.2.0-rc.1@${digest('1')}`,
      target: 'Argo CD app shop-api',
      outputs: { revision: 'rev-1' }
    })
  })

  it('stays under GitHub payload bound for 30 services, dropping target outputs past it', () => {
    const names = Array.from({ length: 30 }, (_, i) => `service-with-a-long-name-${i}`)
    const written = record(names, 'v1.2.0-rc.1', 'f')
    expect(recordBytes(written)).toBeLessThanOrEqual(RECORD_MAX_BYTES)
    expect(Object.keys(written.services)).toHaveLength(30)
    expect(written.truncated).toBeUndefined()

    const huge = deploymentRecord({
      plan: planOf(names, 'v1.2.0-rc.1', 'a'.repeat(40)),
      images: imagesOf(names, 'v1.2.0-rc.1', 'f'),
      outputs: new Map(
        names.map(n => [
          n,
          Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, 'x'.repeat(500)]))
        ])
      ),
      describeTarget: () => 'Argo CD'
    })
    expect(recordBytes(huge)).toBeLessThanOrEqual(RECORD_MAX_BYTES)
    expect(huge.truncated).toBe(true)
    expect(readDeploymentRecord(recordPayload(huge))?.services[names[0]!]?.image).toContain(
      '@sha256:'
    )
  })
})

describe('the history behind rollback (GitHub simulator, past 100 deployments)', () => {
  let sim: GitHubSimulator
  beforeEach(async () => {
    sim = await startPointedSimulator()
  })
  afterEach(async () => {
    await sim.close()
  })

  /** A deployment as a past run left it: its record and its statuses, stamped `at`. */
  function seed(environment: string, payload: unknown, states: string[], at: string): number {
    const id = sim.nextDeploymentId()
    sim.deployments.push({
      id,
      sha: 'a'.repeat(40),
      ref: 'a'.repeat(40),
      environment,
      task: 'deploy',
      description: '',
      production_environment: false,
      payload,
      created_at: at,
      statuses: states.map(state => ({
        id: sim.nextDeploymentId(),
        state,
        environment_url: '',
        log_url: '',
        description: '',
        created_at: at
      }))
    })
    return id
  }

  it('reads three successes and a failure through every page and rolls back to the second-to-last success', async () => {
    const names = ['api', 'webui']
    const first = seed(
      'stage',
      recordPayload(record(names, 'v1.1.0-rc.1', '1')),
      ['in_progress', 'success', 'inactive'],
      '2026-11-20T01:00:00Z'
    )
    // 120 deployments by other tools (or older runs without a record): the history pages past 100.
    for (let i = 0; i < 120; i++)
      seed('stage', { deployment_id: `dep_${i}_1` }, ['success'], '2026-11-20T02:00:00Z')
    const second = seed(
      'stage',
      recordPayload(record(names, 'v1.2.0-rc.1', '2')),
      ['in_progress', 'success', 'inactive'],
      '2026-11-21T01:00:00Z'
    )
    seed(
      'dev',
      recordPayload(record(names, 'v1.3.0-dev.1', '9')),
      ['success'],
      '2026-11-21T02:00:00Z'
    )
    const third = seed(
      'stage',
      recordPayload(record(names, 'v1.3.0-rc.1', '3')),
      ['in_progress', 'success'],
      '2026-11-22T01:00:00Z'
    )
    seed(
      'stage',
      recordPayload(record(names, 'v1.4.0-rc.1', '4')),
      ['in_progress', 'failure'],
      '2026-11-23T01:00:00Z'
    )

    const settings = settingsFor(sim, { sha: 'a'.repeat(40), environment: 'stage' })
    const history = await readDeploymentHistory(settings, 'stage')
    expect(history.map(h => h.record.git_tag)).toEqual([
      'v1.4.0-rc.1',
      'v1.3.0-rc.1',
      'v1.2.0-rc.1',
      'v1.1.0-rc.1'
    ])
    expect(history[0]?.succeededAt).toBeUndefined()
    expect(history[0]?.failedAt).toBe('2026-11-23T01:00:00.000Z'.replace('.000', ''))
    const listPages = sim.requests.filter(r => r.method === 'GET' && /\/deployments$/.test(r.path))
    expect(listPages.length).toBeGreaterThan(1)

    // webui was deployed by every run; "search" is new since v1.2.0-rc.1.
    const current = planOf([...names, 'search'], 'v1.5.0-rc.1', 'b'.repeat(40))
    const plan = planRollback(current, history, 'previous')
    expect(plan.rollback).toEqual({
      from: { id: third, label: 'v1.3.0-rc.1' },
      to: { id: second, label: 'v1.2.0-rc.1' },
      untouched: ['search']
    })
    expect(
      plan.services.map(s => [s.name, s.image?.action, s.image?.reference, !!s.deploy])
    ).toEqual([
      ['api', 'rollback', `ghcr.io/acme/api:v1.2.0-rc.1@${digest('2')}`, true],
      ['webui', 'rollback', `ghcr.io/acme/webui:v1.2.0-rc.1@${digest('2')}`, true],
      ['search', 'build', 'ghcr.io/acme/search:next', false]
    ])
    expect(plan.version.gitTag).toBe('v1.2.0-rc.1')
    expect(plan.release).toBeUndefined()
    expect(describePlan(plan)).toEqual(
      expect.arrayContaining([
        `Rollback: v1.3.0-rc.1 (deployment ${third}) -> v1.2.0-rc.1 (deployment ${second})`,
        '  search: added since v1.2.0-rc.1, left as it is',
        `  api: roll back to ghcr.io/acme/api:v1.2.0-rc.1@${digest('2')}; Argo CD app shop-api`
      ])
    )

    // Named: by git tag or by GitHub deployment id.
    expect(planRollback(current, history, 'v1.1.0-rc.1').rollback?.to.id).toBe(first)
    expect(planRollback(current, history, String(first)).rollback?.to.label).toBe('v1.1.0-rc.1')
    expect(() => planRollback(current, history, 'v1.3.0-rc.1')).toThrow(
      /is what stage runs now: nothing to roll back/
    )
    expect(() => planRollback(current, history, 'v9.9.9')).toThrow(
      /no successful deployment to stage matches 'v9.9.9'/
    )
  })

  it('refuses clearly when there is nothing to roll back to', async () => {
    seed(
      'stage',
      recordPayload(record(['api'], 'v1.1.0-rc.1', '1')),
      ['success'],
      '2026-11-20T01:00:00Z'
    )
    const settings = settingsFor(sim, { sha: 'a'.repeat(40), environment: 'stage' })
    const history = await readDeploymentHistory(settings, 'stage')
    expect(() =>
      planRollback(planOf(['api'], 'v2.0.0-rc.1', 'b'.repeat(40)), history, 'previous')
    ).toThrow(
      'rollback: previous: stage has only one successful deployment recorded (v1.1.0-rc.1, deployment'
    )
    expect(() =>
      planRollback(planOf(['api'], 'v2.0.0-rc.1', 'b'.repeat(40)), [], 'previous')
    ).toThrow('stage has no successful deployment recorded by this action to roll back to')
  })
})
