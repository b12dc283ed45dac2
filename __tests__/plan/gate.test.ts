import { describe, expect, it } from '@jest/globals'
import type { HistoryEntry } from '../../src/plan/deployment-record.js'
import { evaluateGate } from '../../src/plan/gate.js'
import type { GateSettings } from '../../src/settings/types.js'

/** The promotion gate's decisions, table by table: records, soak, later failures, windows. */
const COMMIT = 'c'.repeat(40)
const TZ = 'Asia/Seoul'
// Mon-Fri 09:00-17:00 Seoul; deny Friday from 16:00.
const GATE: GateSettings = {
  promoteFrom: 'stage',
  soakMs: 30 * 60_000,
  windows: [
    { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020, text: 'mon-fri 09:00-17:00' }
  ],
  deny: [{ days: [5], startMinute: 960, endMinute: 1440, text: 'fri 16:00-24:00' }],
  override: undefined
}

function entry(
  id: number,
  tag: string,
  at: string,
  outcome: 'success' | 'failure',
  commit = COMMIT
): HistoryEntry {
  return {
    id,
    createdAt: at,
    succeededAt: outcome === 'success' ? at : undefined,
    failedAt: outcome === 'failure' ? at : undefined,
    record: {
      schema: 1,
      deployment_id: `dep_${id}_1`,
      environment: 'stage',
      version: '1.5.0',
      git_tag: tag,
      image_tag: tag,
      commit,
      services: {}
    }
  }
}

// Tuesday 2026-11-24 10:00 Seoul = 01:00Z.
const TUESDAY_10 = new Date('2026-11-24T01:00:00Z')
const ran = entry(11, 'v1.5.0-rc.1', '2026-11-24T00:00:00Z', 'success')

const verdict = (history: HistoryEntry[], now = TUESDAY_10, gate = GATE) =>
  evaluateGate({
    environment: 'prod',
    gate,
    timezone: TZ,
    history,
    candidate: { version: '1.5.0', commit: COMMIT },
    now
  })

describe('the promotion gate', () => {
  it.each([
    [
      'refuses an rc stage never ran',
      [entry(9, 'v1.4.0-rc.1', '2026-11-20T00:00:00Z', 'success', 'd'.repeat(40))],
      TUESDAY_10,
      [
        'v1.5.0 (commit ccccccc) was never deployed successfully to stage: prod takes only what stage ran'
      ]
    ],
    [
      'refuses within the soak, naming when it becomes eligible',
      [ran],
      new Date('2026-11-24T00:10:00Z'),
      [
        'v1.5.0 has run on stage since 2026-11-24 09:00 Asia/Seoul (2026-11-24T00:00Z) (deployment 11), less than the soak of 30m: eligible at 2026-11-24 09:30 Asia/Seoul (2026-11-24T00:30Z)'
      ]
    ],
    [
      'refuses after a later failed stage deployment of that version',
      [entry(12, 'v1.5.0-rc.2', '2026-11-24T00:20:00Z', 'failure'), ran],
      TUESDAY_10,
      [
        'a later stage deployment of v1.5.0 failed (v1.5.0-rc.2, deployment 12, 2026-11-24 09:20 Asia/Seoul (2026-11-24T00:20Z)): not eligible until stage runs it successfully again'
      ]
    ],
    [
      'refuses in a deny window, naming the next open time',
      [ran],
      // Friday 2026-11-27 16:30 Seoul: denied until Monday 09:00.
      new Date('2026-11-27T07:30:00Z'),
      [
        'prod is closed at 2026-11-27 16:30 Asia/Seoul (2026-11-27T07:30Z) (deny window fri 16:00-24:00 Asia/Seoul): next open time 2026-11-30 09:00 Asia/Seoul (2026-11-30T00:00Z)'
      ]
    ],
    [
      'refuses outside the allowed windows',
      [ran],
      new Date('2026-11-24T09:00:00Z'),
      [
        'prod is closed at 2026-11-24 18:00 Asia/Seoul (2026-11-24T09:00Z) (outside mon-fri 09:00-17:00 Asia/Seoul): next open time 2026-11-25 09:00 Asia/Seoul (2026-11-25T00:00Z)'
      ]
    ],
    ['passes otherwise', [ran], TUESDAY_10, []]
  ])('%s', (_, history, now, refusals) => {
    const v = verdict(history, now)
    expect(v.refusals).toEqual(refusals)
    expect(v.open).toBe(refusals.length === 0)
  })

  it('compares digests when the candidate knows them', () => {
    const withImage: HistoryEntry = {
      ...ran,
      record: { ...ran.record, services: { api: { image: `r/api:t@sha256:${'a'.repeat(64)}` } } }
    }
    const candidate = (d: string) => ({
      version: '1.5.0',
      commit: 'e'.repeat(40),
      images: { api: `r/api:x@sha256:${d.repeat(64)}` }
    })
    const run = (d: string) =>
      evaluateGate({
        environment: 'prod',
        gate: GATE,
        timezone: TZ,
        history: [withImage],
        candidate: candidate(d),
        now: TUESDAY_10
      })
    expect(run('a').open).toBe(true)
    expect(run('b').open).toBe(false)
  })
})
