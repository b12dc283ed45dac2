import { describe, expect, it } from '@jest/globals'
import type { PipelineEvent } from '../../src/events/model.js'
import { newCard, type StatusCard } from '../../src/notify/card.js'
import { StatusCardSink, type CardChannel } from '../../src/notify/status-card.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

/**
 * The card across the jobs of a split workflow: a plan or build job hands it on (its success is
 * not the deployment's end, a failure is), and a job that resumes it never takes it back a phase.
 */
function recordingChannel(): CardChannel & { shown: StatusCard[] } {
  const shown: StatusCard[] = []
  return {
    name: 'test',
    shown,
    show: async card => void shown.push(card),
    handle: () => ({ finished: false, id: 'm1' })
  }
}

const CARD = newCard({
  deploymentId: 'dep_1_1',
  environment: 'dev',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  actor: 'octocat',
  runUrl: undefined,
  sha: 'abc',
  commitMessage: undefined,
  services: [
    { name: 'api', deploys: true },
    { name: 'web', deploys: true }
  ]
})

let id = 0
function event(input: Record<string, unknown>): PipelineEvent {
  return { id: ++id, timestamp: '2026-11-24T07:00:00Z', ...input } as PipelineEvent
}

async function play(sink: StatusCardSink, events: Record<string, unknown>[]): Promise<void> {
  for (const e of events) sink.handle(event(e))
  await sink.close()
}

describe('a card handed on between jobs', () => {
  it('a build job resumes at build, shows its line at its end, and does not complete the card', async () => {
    const channel = recordingChannel()
    const started = { ...CARD, phase: 'build' as const, stage: 'BUILD' as const }
    const sink = new StatusCardSink(started, [channel], () => undefined, recordingToolkit(), {
      debounceMs: 0,
      handOver: true,
      resumed: true
    })
    await play(sink, [
      { type: 'stage', stage: 'INIT', message: 'start' },
      { type: 'stage', stage: 'BUILD', message: 'building' },
      {
        type: 'progress',
        stage: 'PUSH',
        service: 'api',
        message: 'pushed linux/arm64',
        data: { service_state: 'pushed' }
      },
      { type: 'done', stage: 'DONE', status: 'success', message: 'pushed' }
    ])
    expect(channel.shown.map(c => c.phase)).not.toContain('init')
    const last = channel.shown.at(-1)
    expect(last?.phase).toBe('build')
    expect(last?.services.find(s => s.name === 'api')).toMatchObject({
      state: 'pushed',
      detail: 'pushed linux/arm64'
    })
    expect(last?.services.find(s => s.name === 'web')?.state).toBe('waiting')
    expect(sink.saved()?.finished).toBe(false)
  })

  it('a failed job ends the card for the whole workflow', async () => {
    const channel = recordingChannel()
    const sink = new StatusCardSink(CARD, [channel], () => undefined, recordingToolkit(), {
      debounceMs: 0,
      handOver: true
    })
    await play(sink, [
      { type: 'stage', stage: 'BUILD', message: 'building' },
      {
        type: 'error',
        stage: 'BUILD',
        service: 'api',
        message: 'COPY failed',
        error_code: 'BUILD_FAILED'
      },
      { type: 'done', stage: 'DONE', status: 'failure', message: 'failed' }
    ])
    expect(channel.shown.at(-1)?.phase).toBe('failed')
  })

  it('the deploy job completes it', async () => {
    const channel = recordingChannel()
    const sink = new StatusCardSink(
      { ...CARD, phase: 'build' },
      [channel],
      () => undefined,
      recordingToolkit(),
      {
        debounceMs: 0,
        resumed: true
      }
    )
    await play(sink, [
      { type: 'stage', stage: 'VERSION', message: 'taking over' },
      { type: 'stage', stage: 'DEPLOY', message: 'deploying' },
      { type: 'done', stage: 'DONE', status: 'success', message: 'deployed' }
    ])
    // Edits in between may be folded into the next; the card never goes back to init.
    expect(channel.shown.at(-1)?.phase).toBe('completed')
    expect(channel.shown.map(c => c.phase)).not.toContain('init')
  })
})
