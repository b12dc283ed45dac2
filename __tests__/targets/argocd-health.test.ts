import { describe, expect, it } from '@jest/globals'
import type { Application } from '../../src/clients/argocd.js'
import { baselineOf, judgeApplication } from '../../src/targets/argocd-health.js'

describe('judgeApplication', () => {
  const old = {
    phase: 'Succeeded' as const,
    startedAt: '2026-11-21T22:00:00Z',
    finishedAt: '2026-11-21T22:00:20Z',
    message: 'successfully synced'
  }
  const before: Application = {
    metadata: { name: 'chef-webui' },
    spec: {},
    status: {
      operationState: old,
      reconciledAt: '2026-11-21T22:01:00Z',
      sync: { status: 'Synced', revision: 'aaa' },
      health: { status: 'Healthy' },
      history: [{ id: 4, revision: 'aaa' }],
      summary: { images: ['ghcr.io/acme/webui:dev-1'] }
    }
  }
  const baseline = baselineOf(before)
  const expectation = { imageTag: 'dev-1', degradedGraceMs: 1000 }
  const ours = {
    phase: 'Succeeded' as const,
    startedAt: '2026-11-21T23:00:00Z',
    finishedAt: '2026-11-21T23:00:05Z',
    syncResult: { revision: 'bbb' }
  }
  const after = (
    status: Application['status'],
    operation?: Application['operation']
  ): Application => ({
    ...before,
    ...(operation ? { operation } : {}),
    status: {
      ...before.status,
      operationState: ours,
      reconciledAt: '2026-11-21T23:00:05Z',
      ...status
    }
  })

  it.each([
    [
      'the stale status before our operation starts',
      before,
      'waiting for Argo CD to start the sync'
    ],
    [
      'our sync requested but not picked up',
      { ...before, operation: { sync: {} } },
      'waiting for Argo CD to start the sync'
    ],
    [
      'our operation running',
      after({ operationState: { ...ours, phase: 'Running', finishedAt: undefined } }),
      'sync Running'
    ],
    [
      'finished but not reconciled since',
      after({ reconciledAt: '2026-11-21T23:00:04Z' }),
      'waiting for Argo CD to reconcile'
    ],
    [
      'reconciled, OutOfSync',
      after({ sync: { status: 'OutOfSync' } }),
      'sync Succeeded, OutOfSync'
    ],
    ['Synced, Progressing', after({ health: { status: 'Progressing' } }), 'Synced, Progressing'],
    [
      'Healthy on the old image',
      after({ summary: { images: ['ghcr.io/acme/webui:dev-0'] } }),
      'images not yet at dev-1'
    ]
  ])('waits on %s', (_name, app, progress) => {
    const verdict = judgeApplication(app, baseline, expectation, 0, undefined)
    expect(verdict.kind).toBe('waiting')
    expect(verdict.kind === 'waiting' && verdict.progress).toContain(progress)
  })

  it('passes when our operation succeeded, was reconciled, and the app is Synced, Healthy, on the tag', () => {
    const verdict = judgeApplication(after({}), baseline, expectation, 0, undefined)
    expect(verdict).toEqual({ kind: 'healthy', revision: 'bbb', externalUrl: undefined })
    // A service without an image passes without the image check.
    const chart = after({ summary: { images: ['docker.io/bitnami/postgresql:16'] } })
    expect(
      judgeApplication(chart, baseline, { ...expectation, imageTag: undefined }, 0, undefined).kind
    ).toBe('healthy')
  })

  it('recognises our operation by a new history entry even within the same second', () => {
    const sameSecond = after({
      operationState: old,
      history: [{ id: 4 }, { id: 5, revision: 'ccc' }]
    })
    expect(judgeApplication(sameSecond, baseline, expectation, 0, undefined).kind).toBe('healthy')
  })

  it('fails fast on Failed and Error, listing resources and messages', () => {
    const failed = after({
      operationState: {
        ...ours,
        phase: 'Error',
        message: 'ComparisonError: rpc error',
        syncResult: {
          resources: [
            {
              kind: 'Job',
              namespace: 'chef',
              name: 'migrate',
              status: 'Synced',
              hookPhase: 'Failed',
              message: 'BackoffLimitExceeded'
            },
            { kind: 'Service', name: 'webui', status: 'Synced' }
          ]
        }
      }
    })
    const verdict = judgeApplication(failed, baseline, expectation, 0, undefined)
    expect(verdict).toEqual({
      kind: 'failed',
      code: 'DEPLOY_FAILED',
      message: "Argo CD sync of 'chef-webui' ended Error: ComparisonError: rpc error",
      details: 'Job/chef/migrate hook Failed: BackoffLimitExceeded'
    })
  })

  it('tolerates Degraded for the grace period, then fails with HEALTH_CHECK_FAILED', () => {
    const degraded = after({
      health: { status: 'Degraded', message: 'readiness probe failed' },
      resources: [
        {
          kind: 'Deployment',
          namespace: 'chef',
          name: 'webui',
          health: { status: 'Degraded', message: 'readiness probe failed' }
        }
      ]
    })
    const first = judgeApplication(degraded, baseline, expectation, 10_000, undefined)
    expect(first).toMatchObject({ kind: 'waiting', degradedSince: 10_000 })
    const within = judgeApplication(degraded, baseline, expectation, 10_900, 10_000)
    expect(within).toMatchObject({ kind: 'waiting', degradedSince: 10_000 })
    const past = judgeApplication(degraded, baseline, expectation, 11_000, 10_000)
    expect(past).toMatchObject({
      kind: 'failed',
      code: 'HEALTH_CHECK_FAILED',
      details: 'Deployment/chef/webui: readiness probe failed'
    })
    // Recovering resets the clock.
    const recovered = judgeApplication(
      after({ health: { status: 'Progressing' } }),
      baseline,
      expectation,
      10_500,
      10_000
    )
    expect(recovered).toMatchObject({ kind: 'waiting', degradedSince: undefined })
    // Degraded before the reconciliation after our sync is the old state: not counted.
    const stale = after({ reconciledAt: '2026-11-21T23:00:00Z', health: { status: 'Degraded' } })
    expect(judgeApplication(stale, baseline, expectation, 99_000, 0)).toMatchObject({
      kind: 'waiting'
    })
  })
})
