import { describe, expect, it } from '@jest/globals'
import { EventBus } from '../../src/events/bus.js'
import { takeOverPlan } from '../../src/phases/handoff.js'
import {
  buildMatrix,
  planForBuildJob,
  readBuildRecord,
  readHandedPlan
} from '../../src/plan/handoff.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import { readSettings } from '../../src/settings/index.js'
import { testSettings } from '../fixtures/settings.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { createTestRepo } from '../fixtures/git-repo.js'

function built(name: string, platforms: string[]): PlannedService {
  return {
    name,
    dependsOn: [],
    deploy: undefined,
    image: {
      registry: 'host',
      host: 'r.example',
      repository: `shop/${name}`,
      tag: 'dev-1',
      reference: `r.example/shop/${name}:dev-1`,
      action: 'build',
      promoteFrom: undefined,
      platforms
    }
  }
}

const PLAN: Plan = {
  deploymentId: 'dep_9_1',
  environment: 'dev',
  commit: '0123456789abcdef0123456789abcdef01234567',
  dryRun: false,
  version: {
    version: undefined,
    gitTag: undefined,
    imageTag: 'dev-1',
    channel: 'dev',
    reused: false,
    baseTag: undefined,
    reason: 'test',
    previousTag: undefined,
    timestamp: '1'
  },
  release: undefined,
  services: [
    built('api', ['linux/amd64', 'linux/arm64']),
    built('gpu', ['linux/arm64']),
    { name: 'chart', dependsOn: [], deploy: undefined, image: undefined }
  ],
  layers: [['api', 'gpu', 'chart']],
  changes: {
    base: 'c1',
    baseFrom: 'x',
    changed: [],
    unchanged: [{ name: 'docs', reason: 'no change under docs/**' }]
  }
}

const RUNNERS = { 'linux/amd64': 'ubuntu-24.04', 'linux/arm64': 'ubuntu-24.04-arm' }

describe('the build matrix', () => {
  it('has one entry per built service and platform, with its runner', () => {
    expect(buildMatrix(PLAN, RUNNERS)).toEqual({
      include: [
        { service: 'api', platform: 'linux/amd64', runner: 'ubuntu-24.04' },
        { service: 'api', platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' },
        { service: 'gpu', platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' }
      ]
    })
  })

  it('names a platform that has no runner', () => {
    expect(() => buildMatrix(PLAN, { 'linux/amd64': 'big' })).toThrow(
      'No runner label for linux/arm64: add it under runners: in the deploy config'
    )
  })
})

describe("a build job's plan", () => {
  it('is its service and platform only, with nothing to deploy', () => {
    const plan = planForBuildJob(PLAN, 'api', 'linux/arm64')
    expect(plan.services).toHaveLength(1)
    expect(plan.services[0]?.image?.platforms).toEqual(['linux/arm64'])
    expect(plan.layers).toEqual([['api']])
  })

  it.each([
    [
      'docs',
      'linux/amd64',
      "Input service 'docs' is not in the plan: it is unchanged: no change under docs/**."
    ],
    [
      'nope',
      'linux/amd64',
      "Input service 'nope' is not in the plan: no service of that name is planned."
    ],
    ['chart', 'linux/amd64', "Input service 'chart' is not built by this plan (image: none)"],
    ['gpu', 'linux/amd64', "Input platform 'linux/amd64' is not planned for gpu (linux/arm64)."]
  ])('refuses %s %s', (service, platform, message) => {
    expect(() => planForBuildJob(PLAN, service, platform)).toThrow(message)
  })
})

describe('the handed plan and records', () => {
  it('reads the plan and the card it carries; refuses what is not a plan', () => {
    const handed = readHandedPlan(JSON.stringify({ ...PLAN, card: { card: {}, channels: {} } }))
    expect(handed.plan.deploymentId).toBe('dep_9_1')
    expect(handed.plan).not.toHaveProperty('card')
    expect(handed.card).toEqual({ card: {}, channels: {} })
    expect(() => readHandedPlan('{"deploymentId": "x"}')).toThrow(
      /^Input plan is not the plan output of a phase: plan job/
    )
    expect(() => readHandedPlan(JSON.stringify({ ...PLAN, environment: 'qa' }))).toThrow(
      /environment/
    )
  })

  it('checks a record field by field', () => {
    expect(() => readBuildRecord({ service: 'api' }, 'records/api.json')).toThrow(
      /^records\/api\.json is not a build record \(platform: /
    )
    expect(() =>
      readBuildRecord(
        {
          service: 'a',
          platform: 'linux/amd64',
          image: 'r/a',
          digest: 'sha256:abc',
          mediaType: 'x',
          size: 1,
          deploymentId: 'd',
          commit: 'c'
        },
        'r.json'
      )
    ).toThrow('digest: expected sha256:<64 hex>')
  })

  it("refuses another commit's or environment's plan in a build or deploy job", () => {
    const settings = (sha: string, environment: 'dev' | 'prod') =>
      testSettings({
        environment,
        context: { sha },
        split: { phase: 'deploy', plan: JSON.stringify(PLAN), records: '[]' }
      })
    const bus = new EventBus(() => undefined)
    expect(takeOverPlan(settings(PLAN.commit, 'dev'), bus).services).toHaveLength(3)
    expect(() => takeOverPlan(settings('f'.repeat(40), 'prod'), bus)).toThrow(
      `Input plan is not this run's: it is for commit ${PLAN.commit}, and this job runs at ${'f'.repeat(40)}; it deploys to dev, and this job's environment is prod.`
    )
  })
})

describe('split inputs', () => {
  it('lists what a build and a deploy job lack, and takes the deployment id from the plan', async () => {
    const repo = createTestRepo()
    const env = { GITHUB_WORKSPACE: repo.dir }
    const missing = await readSettings(
      recordingToolkit({ environment: 'dev', phase: 'build', platform: 'arm64' }),
      env
    ).catch((e: Error) => e.message)
    expect(missing).toContain(
      "input 'plan': required with phase: build (the plan job's plan output)"
    )
    expect(missing).toContain(
      "input 'service': required with phase: build (the matrix entry's service)"
    )
    expect(missing).toContain("input 'platform': expected os/arch such as linux/arm64, got 'arm64'")
    const deploy = await readSettings(
      recordingToolkit({ environment: 'dev', phase: 'deploy', plan: 'nope' }),
      env
    ).catch((e: Error) => e.message)
    expect(deploy).toContain("input 'records': required with phase: deploy")
    expect(deploy).toContain(
      "input 'plan': expected the plan output of a phase: plan job, which is JSON"
    )
    const ok = await readSettings(
      recordingToolkit({
        environment: 'dev',
        phase: 'deploy',
        plan: JSON.stringify(PLAN),
        records: 'records'
      }),
      env
    )
    expect(ok.deploymentId).toBe('dep_9_1')
    expect(ok.split).toMatchObject({ phase: 'deploy', records: 'records', changedOnly: false })
  })
})
