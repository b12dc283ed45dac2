import { describe, expect, it } from '@jest/globals'
import { narrowPlan } from '../../src/plan/changes.js'
import { globToRegExp } from '../../src/plan/globs.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'

describe('path globs', () => {
  it.each([
    ['api/**', 'api/main.go', true],
    ['api/**', 'api/internal/db/x.go', true],
    ['api/**', 'apis/main.go', false],
    ['api/**', 'api', false],
    ['api/', 'api/main.go', true],
    ['**/Dockerfile', 'Dockerfile', true],
    ['**/Dockerfile', 'svc/a/Dockerfile', true],
    ['**/Dockerfile', 'svc/Dockerfile.dev', false],
    ['Dockerfile', 'svc/Dockerfile', false],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/x/a.md', false],
    ['lib/**/test?.ts', 'lib/a/b/test1.ts', true],
    ['lib/**/test?.ts', 'lib/test1.ts', true],
    ['lib/**/test?.ts', 'lib/test12.ts', false],
    ['a**b', 'axxb', true],
    ['a**b', 'ax/xb', false],
    ['file.(1)+[x]', 'file.(1)+[x]', true],
    ['file.txt', 'fileXtxt', false],
    ['**', 'any/thing/at/all', true]
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected)
  })
})

function service(name: string, dependsOn: string[] = []): PlannedService {
  return { name, dependsOn, image: undefined, deploy: undefined }
}

const PLAN = {
  deploymentId: 'dep_1_1',
  environment: 'dev',
  commit: 'c2',
  dryRun: false,
  version: {},
  release: undefined,
  services: [service('db'), service('api', ['db']), service('web', ['api']), service('docs')],
  layers: [['db', 'docs'], ['api'], ['web']]
} as unknown as Plan

const SETTINGS = [
  { name: 'db', paths: ['db/**'], redeployWith: [] },
  { name: 'api', paths: ['api/**', 'api/Dockerfile'], redeployWith: [] },
  { name: 'web', paths: ['web/**'], redeployWith: ['api'] },
  { name: 'docs', paths: undefined, redeployWith: [] }
]

describe('narrowPlan', () => {
  it('keeps the changed services and their redeploy_with dependents, in the same order', () => {
    const plan = narrowPlan(PLAN, SETTINGS, {
      base: 'c1',
      baseFrom: 'the last successful deployment to dev, #7',
      files: ['api/main.go', 'README.md']
    })
    expect(plan.services.map(s => s.name)).toEqual(['api', 'web', 'docs'])
    // db is left out, so nothing waits for it.
    expect(plan.services.find(s => s.name === 'api')?.dependsOn).toEqual([])
    expect(plan.layers).toEqual([['docs'], ['api'], ['web']])
    expect(plan.changes?.changed).toEqual([
      { name: 'api', reason: '1 changed file under its paths: api/main.go' },
      { name: 'web', reason: 'redeploy_with: api runs' },
      { name: 'docs', reason: 'it has neither a build nor paths to compare: always deployed' }
    ])
    expect(plan.changes?.unchanged).toEqual([
      {
        name: 'db',
        reason: 'no change under db/** since c1 (the last successful deployment to dev, #7)'
      }
    ])
  })

  it('runs nothing it cannot justify and everything it cannot judge', () => {
    const none = narrowPlan(PLAN, SETTINGS, { base: 'c2', baseFrom: 'same commit', files: [] })
    expect(none.services.map(s => s.name)).toEqual(['docs'])
    const unknown = narrowPlan(PLAN, SETTINGS, {
      base: 'c1',
      baseFrom: 'x',
      files: undefined,
      unknown: 'GitHub lists at most 300 changed files'
    })
    expect(unknown.services).toHaveLength(4)
    expect(unknown.changes?.changed[0]?.reason).toBe(
      'GitHub lists at most 300 changed files: every service runs'
    )
    const first = narrowPlan(PLAN, SETTINGS, {
      base: undefined,
      baseFrom: 'no deployment',
      files: undefined
    })
    expect(first.services).toHaveLength(4)
  })

  it('shows at most three files per service', () => {
    const files = ['db/1', 'db/2', 'db/3', 'db/4', 'db/5']
    const plan = narrowPlan(PLAN, SETTINGS, { base: 'c1', baseFrom: 'x', files })
    expect(plan.changes?.changed[0]).toEqual({
      name: 'db',
      reason: '5 changed files under its paths: db/1, db/2, db/3 and 2 more'
    })
  })
})
