import { describe, expect, it, test } from '@jest/globals'
import semver from 'semver'
import { DeployError } from '../../src/errors.js'
import type { VersionPlan } from '../../src/plan/types.js'
import { bumpFromCommits } from '../../src/plan/bump.js'
import { clockFromEnv, formatTimestamp } from '../../src/plan/clock.js'
import {
  baseTag,
  compareTags,
  newestReleaseCandidate,
  nextSequenceTag,
  parseVersionTag,
  type TagRef,
  type TagSource
} from '../../src/plan/tags.js'
import {
  needsCommitMessages,
  planVersion,
  replanAfterTagCollision,
  resolveVersion,
  type VersionInput
} from '../../src/plan/version.js'
import { isValidTimezone, normaliseVersion } from '../../src/settings/values.js'

const DEPLOYED = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const OLDER = 'c'.repeat(40)
// 2026-11-24 07:03 UTC = 16:03 in Seoul.
const NOW = new Date('2026-11-24T07:03:05Z')

const tag = (name: string, sha = OTHER): TagRef => ({ name, sha })

function input(overrides: Partial<VersionInput> = {}): VersionInput {
  return {
    environment: 'dev',
    createTag: true,
    version: undefined,
    bump: 'auto',
    timezone: 'UTC',
    now: NOW,
    sha: DEPLOYED,
    tags: [tag('v1.2.0', OLDER)],
    commitMessages: ['feat: add the search page'],
    ...overrides
  }
}

function thrown(run: () => unknown): DeployError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DeployError)
    return error as DeployError
  }
  throw new Error('expected a DeployError')
}

describe('the versioning table', () => {
  const tags = [tag('v1.2.0', OLDER), tag('v1.3.0-dev.1'), tag('v1.3.0-rc.1')]
  test.each([
    ['dev', false, 'dev-2611240703', undefined, undefined, 'dev'],
    ['stage', false, 'rc-2611240703', undefined, undefined, 'rc'],
    ['prod', false, 'rc-2611240703', undefined, undefined, 'stable'],
    ['dev', true, 'v1.3.0-dev.2', 'v1.3.0-dev.2', '1.3.0', 'dev'],
    ['stage', true, 'v1.3.0-rc.2', 'v1.3.0-rc.2', '1.3.0', 'rc'],
    ['prod', true, 'v1.3.0', 'v1.3.0', '1.3.0', 'stable']
  ] as const)(
    '%s with create_tag %s: image tag %s, git tag %s',
    (environment, createTag, imageTag, gitTag, version, channel) => {
      const plan = planVersion(input({ environment, createTag, tags }))
      expect(plan).toMatchObject({ imageTag, gitTag, version, channel, reused: false })
      expect(plan.timestamp).toBe('2611240703')
    }
  )

  it('makes no version, base or previous tag when create_tag is false', () => {
    const plan = planVersion(input({ createTag: false, tags }))
    expect(plan.baseTag).toBeUndefined()
    expect(plan.previousTag).toBeUndefined()
    expect(plan.reason).toMatch(/create_tag is false/)
  })
})

describe('the next X.Y.Z', () => {
  const base = [tag('v1.2.3', OLDER)]
  test.each([
    ['type!: (no scope)', ['feat!: drop Node 18'], '2.0.0'],
    ['type(scope)!:', ['feat(api)!: remove the v1 routes'], '2.0.0'],
    ['another type with !', ['refactor!: rename the config keys'], '2.0.0'],
    [
      'BREAKING CHANGE: footer',
      ['fix: parse dates\n\nBREAKING CHANGE: dates are UTC now'],
      '2.0.0'
    ],
    [
      'BREAKING-CHANGE: footer',
      ['fix: parse dates\n\nBREAKING-CHANGE: dates are UTC now'],
      '2.0.0'
    ],
    ['a footer after a body', ['chore: x\n\nbody text\n\nRefs: #1\nBREAKING CHANGE: y'], '2.0.0'],
    ['one breaking change among others', ['feat: a', 'fix!: b', 'docs: c'], '2.0.0'],
    ['feat', ['feat: add search'], '1.3.0'],
    ['feat(scope)', ['feat(ui): add search'], '1.3.0'],
    ['Feat (types are case-insensitive)', ['Feat: add search'], '1.3.0'],
    ['one feat among fixes', ['fix: a', 'feat: b', 'docs: c'], '1.3.0'],
    ['fix and chore', ['fix: a', 'chore: b'], '1.2.4'],
    ['a lower-case footer is not breaking', ['fix: a\n\nbreaking change: b'], '1.2.4'],
    ['BREAKING CHANGE in the subject is not a footer', ['BREAKING CHANGE: b'], '1.2.4'],
    ['feature is not feat', ['feature: add search'], '1.2.4'],
    ['no space after the colon', ['feat:add search'], '1.2.4'],
    ['a merge commit', ['Merge pull request #3 from org/feat-search'], '1.2.4'],
    ['free text', ['update the readme'], '1.2.4'],
    ['no commits', [], '1.2.4']
  ])('auto bump: %s', (_name, commitMessages, version) => {
    const plan = planVersion(input({ environment: 'prod', tags: base, commitMessages }))
    expect(plan.version).toBe(version)
    expect(plan.gitTag).toBe(`v${version}`)
    expect(plan.reason).toMatch(/^(major|minor|patch) bump of v1\.2\.3: .* since v1\.2\.3$/)
  })

  test.each([
    [['feat!: x'], 'major'],
    [['feat: x'], 'minor'],
    [['fix: x'], 'patch'],
    [['  feat: leading blank lines are trimmed\n'], 'minor']
  ] as const)('bumpFromCommits(%j) is %s', (messages, bump) => {
    expect(bumpFromCommits(messages)).toBe(bump)
  })

  test.each([
    ['major', '2.0.0'],
    ['minor', '1.3.0'],
    ['patch', '1.2.4']
  ] as const)('bump input %s gives %s whatever the commits say', (bump, version) => {
    const plan = planVersion(
      input({ environment: 'prod', bump, tags: base, commitMessages: ['feat!: breaking'] })
    )
    expect(plan.version).toBe(version)
    expect(plan.reason).toBe(`${bump} bump of v1.2.3 (bump input)`)
  })

  test.each(['2.0.0', 'v2.0.0', '1.0.0'])('version input %s is taken as given', version => {
    const plan = planVersion(input({ environment: 'stage', version, tags: base }))
    const expected = version.replace(/^v/, '')
    expect(plan).toMatchObject({ version: expected, gitTag: `v${expected}-rc.1` })
    expect(plan.reason).toBe(`version input ${expected}`)
  })

  test.each(['1.2', '01.2.3', 'v1.2.3-rc.1', 'latest'])('version input %s is INVALID_INPUT', v => {
    expect(thrown(() => planVersion(input({ version: v }))).code).toBe('INVALID_INPUT')
  })
})

describe('a repository with no tags', () => {
  test.each([
    [['fix: a'], '0.0.1'],
    [['feat: a'], '0.1.0'],
    [['feat!: a'], '1.0.0']
  ])('starts from 0.0.0: %j gives %s', (commitMessages, version) => {
    const plan = planVersion(input({ environment: 'prod', tags: [], commitMessages }))
    expect(plan).toMatchObject({ version, baseTag: undefined, previousTag: undefined })
    expect(plan.reason).toMatch(/0\.0\.0 \(no stable tag yet\).*\(the whole history\)/)
  })

  it('reads every commit (no base) through resolveVersion', async () => {
    const source = recordingSource([], ['fix: a', 'feat: b'])
    const plan = await resolveVersion({ ...input(), source })
    expect(source.calls).toEqual([['listTags'], ['commitMessagesSince', undefined, DEPLOYED]])
    expect(plan.gitTag).toBe('v0.1.0-dev.1')
  })
})

describe('sequences', () => {
  test.each([
    ['the first of a version', 'dev', [], 'v1.3.0-dev.1'],
    ['after dev.1..dev.3', 'dev', ['v1.3.0-dev.1', 'v1.3.0-dev.2', 'v1.3.0-dev.3'], 'v1.3.0-dev.4'],
    ['numerically, not by text', 'dev', ['v1.3.0-dev.9', 'v1.3.0-dev.10'], 'v1.3.0-dev.11'],
    ['with gaps', 'dev', ['v1.3.0-dev.1', 'v1.3.0-dev.7'], 'v1.3.0-dev.8'],
    ['per channel', 'stage', ['v1.3.0-dev.5'], 'v1.3.0-rc.1'],
    ['per version', 'stage', ['v1.2.0-rc.4', 'v1.4.0-rc.2'], 'v1.3.0-rc.1'],
    ['rc after rc.2', 'stage', ['v1.3.0-rc.1', 'v1.3.0-rc.2', 'v1.3.0-dev.9'], 'v1.3.0-rc.3']
  ] as const)('%s', (_name, environment, existing, gitTag) => {
    const tags = [tag('v1.2.0', OLDER), ...existing.map(name => tag(name))]
    expect(planVersion(input({ environment, tags })).gitTag).toBe(gitTag)
  })

  test.each([
    ['dev', ['v1.2.0-dev.4', 'v1.3.0-dev.1', 'v1.2.0-rc.1'], 'v1.3.0-dev.2', 'v1.3.0-dev.1'],
    ['dev', ['v1.2.0-dev.4', 'v1.2.0-rc.1'], 'v1.3.0-dev.1', 'v1.2.0-dev.4'],
    ['stage', ['v1.2.0-rc.3', 'v1.2.0-rc.12', 'v1.3.0-dev.1'], 'v1.3.0-rc.1', 'v1.2.0-rc.12'],
    ['prod', ['v1.1.0', 'v1.3.0-rc.1'], 'v1.3.0', 'v1.2.0'],
    ['stage', [], 'v1.3.0-rc.1', undefined]
  ] as const)('%s with %j: %s follows %s', (environment, existing, gitTag, previousTag) => {
    const tags = [tag('v1.2.0', OLDER), ...existing.map(name => tag(name))]
    expect(planVersion(input({ environment, tags }))).toMatchObject({ gitTag, previousTag })
  })
})

describe('reuse of a tag already on the deployed commit', () => {
  const tags = [
    tag('v1.2.0', OLDER),
    tag('v1.3.0-dev.1'),
    tag('v1.3.0-dev.2', DEPLOYED),
    tag('v1.3.0-rc.1', DEPLOYED)
  ]
  test.each([
    ['dev reuses its dev tag', 'dev', undefined, tags, 'v1.3.0-dev.2', true, 'v1.3.0-dev.1'],
    ['stage reuses its rc tag', 'stage', undefined, tags, 'v1.3.0-rc.1', true, undefined],
    [
      'prod reuses vX.Y.Z',
      'prod',
      undefined,
      [...tags, tag('v1.3.0', DEPLOYED)],
      'v1.3.0',
      true,
      'v1.2.0'
    ],
    [
      'another channel does not count',
      'dev',
      undefined,
      [tag('v1.3.0-rc.1', DEPLOYED)],
      'v0.1.0-dev.1',
      false,
      undefined
    ],
    ['the asked version counts', 'dev', '1.3.0', tags, 'v1.3.0-dev.2', true, 'v1.3.0-dev.1'],
    ['another version does not', 'dev', '1.4.0', tags, 'v1.4.0-dev.1', false, 'v1.3.0-dev.2'],
    [
      'prod with the version of its tag',
      'prod',
      'v1.2.0',
      [tag('v1.2.0', DEPLOYED)],
      'v1.2.0',
      true,
      undefined
    ]
  ] as const)('%s', (_name, environment, version, existing, gitTag, reused, previousTag) => {
    const plan = planVersion(input({ environment, version, tags: existing }))
    expect(plan).toMatchObject({ gitTag, imageTag: gitTag, reused, previousTag })
    if (reused) expect(plan.reason).toBe(`${gitTag} already points at aaaaaaa: reused`)
  })

  it('reuses the highest when the commit carries several tags of the channel', () => {
    const several = [tag('v1.3.0-dev.1', DEPLOYED), tag('v1.3.0-dev.3', DEPLOYED)]
    expect(planVersion(input({ tags: several })).gitTag).toBe('v1.3.0-dev.3')
  })

  test.each(['dev', 'stage', 'prod'] as const)('a rerun on the same commit (%s) reuses', env => {
    const first = planVersion(input({ environment: env }))
    const created = [...input().tags, tag(first.gitTag as string, DEPLOYED)]
    const rerun = planVersion(input({ environment: env, tags: created, commitMessages: [] }))
    expect(first.reused).toBe(false)
    expect(rerun).toMatchObject({ gitTag: first.gitTag, version: first.version, reused: true })
  })
})

describe('TAG_CONFLICT', () => {
  it('refuses a stable tag that exists on another commit', () => {
    const error = thrown(() =>
      planVersion(input({ environment: 'prod', version: '1.2.0', tags: [tag('v1.2.0', OTHER)] }))
    )
    expect(error.code).toBe('TAG_CONFLICT')
    expect(error.message).toBe(
      'tag v1.2.0 already exists on commit bbbbbbb, not on the deployed commit aaaaaaa; tags are ' +
        'never moved. Deploy bbbbbbb or choose another version.'
    )
  })

  it('is not raised for a pre-release of a released version', () => {
    const plan = planVersion(input({ version: '1.2.0', tags: [tag('v1.2.0', OTHER)] }))
    expect(plan.gitTag).toBe('v1.2.0-dev.1')
  })
})

describe('which tags count', () => {
  test.each([
    ['v1.2.3', { version: '1.2.3', channel: 'stable', n: 0 }],
    ['v1.2.3-dev.4', { version: '1.2.3', channel: 'dev', n: 4 }],
    ['v10.20.30-rc.40', { version: '10.20.30', channel: 'rc', n: 40 }],
    ['v0.0.0', { version: '0.0.0', channel: 'stable', n: 0 }]
  ] as const)('%s counts', (name, expected) => {
    expect(parseVersionTag(name)).toMatchObject({ name, ...expected })
  })

  const ignored = [
    '1.2.3',
    'V1.2.3',
    'v1.2',
    'v1.2.3.4',
    'release-1.2.3',
    'v1.2.3-beta.1',
    'v1.2.3-rc1',
    'v1.2.3-RC.1',
    'v1.2.3-dev.1-hotfix',
    'v1.2.3+build.5',
    'v1.2.3-rc.',
    ' v1.2.3',
    'v99999999999999999999.0.0'
  ]
  test.each(ignored)('%j is ignored', name => {
    expect(parseVersionTag(name)).toBeUndefined()
  })

  it('plans as if the ignored tags were not there', () => {
    const tags = [tag('v1.2.0', OLDER), ...ignored.map(name => tag(name, DEPLOYED))]
    expect(baseTag(tags)).toBe('v1.2.0')
    expect(planVersion(input({ tags }))).toMatchObject({ gitTag: 'v1.3.0-dev.1', reused: false })
  })

  it('orders more than 100 tags by semver, not by text or listing order', () => {
    const tags: TagRef[] = []
    for (let patch = 149; patch >= 0; patch--) tags.push(tag(`v1.0.${patch}`))
    for (let n = 1; n <= 120; n++) tags.push(tag(`v1.0.150-dev.${n}`))
    expect(tags.length).toBe(270)
    expect(baseTag(tags)).toBe('v1.0.149')
    const plan = planVersion(input({ tags, commitMessages: ['fix: a'] }))
    expect(plan).toMatchObject({ gitTag: 'v1.0.150-dev.121', previousTag: 'v1.0.150-dev.120' })
  })

  test.each([
    [['v1.2.0-rc.3', 'v1.3.0', 'v1.10.0', 'v1.9.9'], 'v1.10.0'],
    [['v2.0.0-rc.1', 'v1.0.0'], 'v1.0.0'],
    [['v2.0.0-dev.1'], undefined],
    [[], undefined]
  ])('the base of %j is %s', (names, expected) => {
    expect(baseTag(names.map(name => tag(name)))).toBe(expected)
  })

  test.each([
    ['1.3.0', 'v1.3.0-rc.10'],
    ['v1.3.0', 'v1.3.0-rc.10'],
    ['1.4.0', 'v1.4.0-rc.5'],
    ['1.5.0', undefined]
  ])('the newest release candidate of %s is %s', (version, expected) => {
    const names = ['v1.3.0-rc.1', 'v1.3.0-rc.10', 'v1.3.0-rc.2', 'v1.4.0-rc.5', 'v1.5.0-dev.1']
    expect(
      newestReleaseCandidate(
        names.map(name => tag(name)),
        version
      )
    ).toBe(expected)
  })
})

describe('timestamps', () => {
  test.each([
    ['UTC', '2026-11-24T07:03:05Z', '2611240703'],
    ['Asia/Seoul', '2026-11-24T07:03:05Z', '2611241603'],
    ['Asia/Seoul', '2026-12-31T15:00:00Z', '2701010000'],
    ['Asia/Seoul', '2026-11-23T22:00:00Z', '2611240700'],
    ['UTC', '2026-01-05T00:09:59Z', '2601050009'],
    // America/New_York springs forward at 02:00 EST (07:00 UTC) on 2026-03-08.
    ['America/New_York', '2026-03-08T06:59:00Z', '2603080159'],
    ['America/New_York', '2026-03-08T07:00:00Z', '2603080300'],
    // ... and falls back at 02:00 EDT (06:00 UTC) on 2026-11-01: 01:30 happens twice.
    ['America/New_York', '2026-11-01T05:30:00Z', '2611010130'],
    ['America/New_York', '2026-11-01T06:30:00Z', '2611010130'],
    ['America/New_York', '2026-11-01T07:30:00Z', '2611010230']
  ])('%s at %s is %s', (timezone, at, expected) => {
    expect(formatTimestamp(new Date(at), timezone)).toBe(expected)
  })

  it('names the timestamp tag in the run time zone', () => {
    const plan = planVersion(input({ createTag: false, timezone: 'Asia/Seoul' }))
    expect(plan.imageTag).toBe('dev-2611241603')
  })

  test.each([
    ['UTC', true],
    ['Asia/Seoul', true],
    ['America/New_York', true],
    ['Etc/GMT-9', true],
    ['Mars/Olympus_Mons', false],
    ['KST', false],
    ['+09:00', false],
    ['', false]
  ])('isValidTimezone(%j) is %s', (name, valid) => {
    expect(isValidTimezone(name)).toBe(valid)
  })

  it('refuses an unknown time zone as INVALID_INPUT', () => {
    expect(thrown(() => formatTimestamp(NOW, 'Mars/Olympus_Mons')).code).toBe('INVALID_INPUT')
  })
})

describe('the clock', () => {
  test.each([
    ['1795503780', '2026-11-24T07:03:00.000Z'],
    [' 0 ', '1970-01-01T00:00:00.000Z']
  ])('SOURCE_DATE_EPOCH=%j is %s', (epoch, iso) => {
    const clock = clockFromEnv({ SOURCE_DATE_EPOCH: epoch })
    expect(clock().toISOString()).toBe(iso)
    expect(clock().toISOString()).toBe(iso)
  })

  it('gives the same tags on a rebuild with SOURCE_DATE_EPOCH', () => {
    const now = clockFromEnv({ SOURCE_DATE_EPOCH: '1795503780' })()
    const plan = planVersion(input({ createTag: false, environment: 'stage', now }))
    expect(plan.imageTag).toBe('rc-2611240703')
  })

  test.each([{}, { SOURCE_DATE_EPOCH: '' }])('is now without SOURCE_DATE_EPOCH (%j)', env => {
    const before = Date.now()
    const at = clockFromEnv(env)().getTime()
    expect(at).toBeGreaterThanOrEqual(before)
    expect(at).toBeLessThanOrEqual(Date.now())
  })

  test.each(['yesterday', '-5', '1.5', '1e9', '99999999999999999'])(
    'SOURCE_DATE_EPOCH=%j is INVALID_INPUT',
    epoch => {
      expect(thrown(() => clockFromEnv({ SOURCE_DATE_EPOCH: epoch })).code).toBe('INVALID_INPUT')
    }
  )
})

type Call = [string, ...unknown[]]

function recordingSource(tags: TagRef[], messages: string[]): TagSource & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    async listTags() {
      calls.push(['listTags'])
      return tags
    },
    async commitMessagesSince(base, head) {
      calls.push(['commitMessagesSince', base, head])
      return messages
    }
  }
}

describe('resolveVersion', () => {
  const tags = [tag('v1.1.0', OLDER), tag('v1.2.0', OLDER), tag('v1.3.0-dev.1', DEPLOYED)]
  test.each([
    ['create_tag false reads nothing', { createTag: false }, [], 'dev-2611240703'],
    [
      'auto reads commits since the base',
      { environment: 'stage' },
      ['list', 'commits'],
      'v2.0.0-rc.1'
    ],
    ['a version input reads no commits', { version: '1.5.0' }, ['list'], 'v1.5.0-dev.1'],
    [
      'a bump input reads no commits',
      { environment: 'stage', bump: 'minor' },
      ['list'],
      'v1.3.0-rc.1'
    ],
    ['a reused tag reads no commits', {}, ['list'], 'v1.3.0-dev.1']
  ] as const)('%s', async (_name, overrides, reads, imageTag) => {
    const source = recordingSource(tags, ['fix: a', 'feat!: b'])
    // resolveVersion takes no tags or messages: it asks the source (extra fields are ignored).
    const rest: Omit<VersionInput, 'tags' | 'commitMessages'> = input(overrides)
    const plan = await resolveVersion({ ...rest, source })
    const expected: Call[] = reads.map(read =>
      read === 'list' ? ['listTags'] : ['commitMessagesSince', 'v1.2.0', DEPLOYED]
    )
    expect(source.calls).toEqual(expected)
    expect(plan.imageTag).toBe(imageTag)
  })

  test.each([
    [{ createTag: false }, false],
    [{ environment: 'stage' }, true],
    [{ version: '1.3.0' }, false],
    [{ bump: 'patch' }, false],
    [{}, false]
  ] as const)('needsCommitMessages(%j) is %s with a dev tag on the commit', (overrides, needed) => {
    expect(needsCommitMessages(input(overrides), tags)).toBe(needed)
  })

  it('passes the cancel signal on', async () => {
    const controller = new AbortController()
    const seen: (AbortSignal | undefined)[] = []
    const source: TagSource = {
      async listTags(signal) {
        seen.push(signal)
        return []
      },
      async commitMessagesSince(_base, _head, signal) {
        seen.push(signal)
        return []
      }
    }
    await resolveVersion({ ...input(), source, signal: controller.signal })
    expect(seen).toEqual([controller.signal, controller.signal])
  })

  it('lets a source failure through unchanged', async () => {
    const failure = new DeployError('INVALID_INPUT', 'not a git repository')
    const source: TagSource = {
      listTags: async () => Promise.reject(failure),
      commitMessagesSince: async () => []
    }
    await expect(resolveVersion({ ...input(), source })).rejects.toBe(failure)
  })
})

describe('after losing a race for a tag', () => {
  const planned = (environment: 'dev' | 'stage' | 'prod'): VersionPlan =>
    planVersion(input({ environment, tags: [tag('v1.2.0', OLDER)] }))

  test.each([
    ['dev.1 taken', 'dev', ['v1.3.0-dev.1'], 'v1.3.0-dev.2'],
    ['dev.1 and dev.2 taken', 'dev', ['v1.3.0-dev.1', 'v1.3.0-dev.2'], 'v1.3.0-dev.3'],
    ['rc.1 taken, other channels ignored', 'stage', ['v1.3.0-rc.1', 'v1.3.0-dev.8'], 'v1.3.0-rc.2']
  ] as const)('%s (%s): the next tag', (_name, environment, taken, next) => {
    const plan = planned(environment)
    const tags = [tag('v1.2.0', OLDER), ...taken.map(name => tag(name))]
    expect(nextSequenceTag(plan, tags)).toBe(next)
    const replanned = replanAfterTagCollision(plan, tags, DEPLOYED)
    expect(replanned).toMatchObject({ gitTag: next, imageTag: next, reused: false })
    expect(replanned.reason).toMatch(/was taken by a concurrent run on bbbbbbb$/)
  })

  it('advances past the planned tag even when the re-read misses it', () => {
    expect(nextSequenceTag(planned('dev'), [])).toBe('v1.3.0-dev.2')
  })

  it('reuses the tag a concurrent run made on the same commit', () => {
    const tags = [tag('v1.2.0', OLDER), tag('v1.3.0-dev.1', DEPLOYED)]
    expect(replanAfterTagCollision(planned('dev'), tags, DEPLOYED)).toMatchObject({
      gitTag: 'v1.3.0-dev.1',
      reused: true
    })
  })

  it('keeps the plan when the tag is not there after all', () => {
    const plan = planned('dev')
    expect(replanAfterTagCollision(plan, [tag('v1.2.0', OLDER)], DEPLOYED)).toBe(plan)
  })

  it('is a TAG_CONFLICT for a stable tag taken by another commit', () => {
    const tags = [tag('v1.2.0', OLDER), tag('v1.3.0', OTHER)]
    expect(thrown(() => replanAfterTagCollision(planned('prod'), tags, DEPLOYED)).code).toBe(
      'TAG_CONFLICT'
    )
    expect(thrown(() => nextSequenceTag(planned('prod'), tags)).code).toBe('TAG_CONFLICT')
  })

  it('has no sequence without a git tag', () => {
    const plan = planVersion(input({ createTag: false }))
    expect(thrown(() => nextSequenceTag(plan, [])).code).toBe('TAG_CONFLICT')
  })
})

describe('formatTimestamp: the UTC shortcut', () => {
  it('gives what time zone data gives for the same instant', () => {
    // Etc/GMT is UTC too but goes through Intl; the two must agree everywhere, leap days included.
    const start = Date.parse('2024-02-27T21:58:00Z')
    for (let i = 0; i < 200; i++) {
      const at = new Date(start + i * 7_919_003)
      expect(formatTimestamp(at, 'UTC')).toBe(formatTimestamp(at, 'Etc/GMT'))
    }
  })
})

/**
 * The version rules are semver's, checked by hand so that no run loads the semver package (it
 * builds some forty regular expressions when it loads): here each answer is set against semver's.
 */
describe('the same answers as semver', () => {
  const numbers = ['0', '1', '9', '10', '01', '00', '9007199254740991', '9007199254740992']
  const triples = numbers.flatMap(x => numbers.flatMap(y => numbers.map(z => `${x}.${y}.${z}`)))

  it('accepts a version input exactly when semver calls it valid', () => {
    const candidates = [
      ...triples,
      ...triples.map(version => `v${version}`),
      ...[' v1.2.3 ', 'V1.2.3', '1.2', '1.2.3.4', '1.2.3-rc.1', 'v', '', '1..2', '+1.2.3']
    ]
    for (const candidate of candidates) {
      const plain = /^v?(\d+\.\d+\.\d+)$/.exec(candidate.trim())?.[1]
      const expected = plain !== undefined && semver.valid(plain) !== null ? plain : 'refused'
      let got: string
      try {
        got = normaliseVersion(candidate)
      } catch {
        got = 'refused'
      }
      expect([candidate, got]).toEqual([candidate, expected])
    }
  })

  it('orders version tags as semver orders them', () => {
    const parts = ['0', '1', '2', '10']
    const names = parts.flatMap(x =>
      parts.flatMap(y =>
        ['0', '1', '10'].flatMap(z => [
          `v${x}.${y}.${z}`,
          ...['1', '2', '10'].flatMap(n => [`v${x}.${y}.${z}-dev.${n}`, `v${x}.${y}.${z}-rc.${n}`])
        ])
      )
    )
    const tags = names.map(name => parseVersionTag(name)!)
    const disagreements = tags.flatMap(a =>
      tags
        .filter(b => compareTags(a, b) !== semver.compare(a.name.slice(1), b.name.slice(1)))
        .map(b => `${a.name} vs ${b.name}`)
    )
    expect(tags.length).toBe(336)
    expect(disagreements).toEqual([])
  })

  test.each(['0.0.0', '1.2.3', '1.0.9', '9.9.9', '10.0.0', '0.10.1'])(
    'bumps %s as semver inc does',
    version => {
      for (const bump of ['major', 'minor', 'patch'] as const) {
        const plan = planVersion(
          input({ bump, tags: [tag(`v${version}`, OLDER)], environment: 'prod' })
        )
        expect(plan.version).toBe(semver.inc(version, bump))
      }
    }
  )
})
