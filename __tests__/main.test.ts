import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeployError } from '../src/errors.js'
import type { PipelineEvent } from '../src/events/model.js'
import { run } from '../src/main.js'
import type { Plan } from '../src/plan/types.js'
import { createTestRepo, type TestRepo } from './fixtures/git-repo.js'
import { recordingToolkit } from './fixtures/toolkit.js'

const CONFIG = `registry: 127.0.0.1:5999/shop
timezone: Asia/Seoul
services:
  postgresql:
    deploy: {argocd: {app: chef-postgresql}}
  webui:
    build: {context: webui}
    depends_on: [postgresql]
    deploy: {argocd: {app: chef-webui}}
  mcp:
    build: {context: mcp}
    depends_on: [webui]
    deploy: {argocd: {app: chef-mcp}}
  api:
    build: {context: api}
    deploy:
      ecs: {cluster: library, service: library-service, container: app}
environments:
  dev: {argocd: {server: 'https://argocd.dev.example.com'}}
`

// 2026-11-23 22:00 UTC is 2026-11-24 07:00 in Seoul: the scheduled dev run.
const EPOCH = String(Date.parse('2026-11-23T22:00:00Z') / 1000)

function shopRepo(): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': CONFIG,
    'webui/Dockerfile': 'FROM scratch\nCOPY index.html /\n',
    'webui/index.html': 'hi',
    'mcp/Dockerfile': 'FROM scratch\n',
    'api/Dockerfile': 'FROM scratch\n'
  })
}

function envFor(repo: TestRepo, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_WORKSPACE: repo.dir,
    RUNNER_TEMP: join(repo.dir, '.runner-temp'),
    SOURCE_DATE_EPOCH: EPOCH,
    ...extra
  }
}

function readEvents(path: string): PipelineEvent[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map(line => JSON.parse(line) as PipelineEvent)
}

describe('run: dry run', () => {
  it('plans everything, writes every output and the summary, and changes nothing', async () => {
    const repo = shopRepo()
    const tagsBefore = repo.git('tag', '--list')
    // A plan-only preview: no credentials for the ECS and Argo CD targets here.
    const core = recordingToolkit({ dry_run: 'true', preflight: 'false' })
    const status = await run(core, { env: envFor(repo, { GITHUB_EVENT_NAME: 'schedule' }) })

    expect(status).toBe('planned')
    expect(core.failures).toEqual([])
    expect(core.outputs).toMatchObject({
      environment: 'dev',
      status: 'planned',
      image_tag: 'dev-2611240700',
      version: '',
      tag: '',
      images: '{}',
      release_url: '',
      deployment_url: ''
    })
    const plan = JSON.parse(core.outputs.plan as string) as Plan
    expect(plan.layers).toEqual([['postgresql', 'api'], ['webui'], ['mcp']])
    expect(plan.services.find(s => s.name === 'webui')?.image).toMatchObject({
      reference: '127.0.0.1:5999/shop/webui:dev-2611240700',
      action: 'build'
    })
    expect(plan.services.find(s => s.name === 'postgresql')?.image).toBeUndefined()

    // Nothing changed: no tag, and the log says what would happen instead.
    expect(repo.git('tag', '--list')).toBe(tagsBefore)
    expect(core.rawLog()).toContain('Deploy step 2: webui')
    const summary = core.summaries[0] ?? ''
    expect(summary.split('\n')[0]).toBe('## 📝 dry run: nothing changed')
    expect(summary).toContain(
      '| webui | `127.0.0.1:5999/shop/webui:dev-2611240700` | Argo CD app chef-webui on https://argocd.dev.example.com | 📝 planned | — | — |'
    )
    expect(summary).toContain('```mermaid\ngantt\n')
    expect(summary).toContain('### Timeline')

    const events = readEvents(core.outputs.events_file as string)
    expect(events.map(e => e.id)).toEqual(events.map((_, i) => i + 1))
    expect(events.filter(e => e.type === 'stage').map(e => e.stage)).toEqual(['INIT', 'VERSION'])
    expect(events.at(-1)).toMatchObject({ type: 'done', stage: 'DONE', status: 'planned' })
    // One collapsible group per phase in the log.
    expect(core.lines.filter(l => l.startsWith('::group::'))).toHaveLength(2)
  })

  it('plans prod as the next stable version, promoting the release candidate stage verified', async () => {
    const repo = shopRepo()
    repo.tag('v1.4.2')
    repo.commit('feat(webui): dark mode')
    repo.tag('v1.5.0-rc.1')
    repo.commit('fix(api): typo')
    repo.tag('v1.5.0-rc.2')
    const core = recordingToolkit({
      environment: 'prod',
      create_tag: 'true',
      dry_run: 'true',
      preflight: 'false',
      argocd_server: 'https://argocd.example.com'
    })
    const status = await run(core, { env: envFor(repo) })

    expect(status).toBe('planned')
    expect(core.outputs).toMatchObject({ version: '1.5.0', tag: 'v1.5.0', image_tag: 'v1.5.0' })
    const plan = JSON.parse(core.outputs.plan as string) as Plan
    expect(plan.services.find(s => s.name === 'api')?.image).toMatchObject({
      action: 'promote',
      promoteFrom: 'v1.5.0-rc.2',
      reference: '127.0.0.1:5999/shop/api:v1.5.0'
    })
    expect(repo.git('tag', '--list', 'v1.5.0')).toBe('')
  })
})

describe('run: a library release without services', () => {
  it('creates the local git tag and reports success', async () => {
    const repo = createTestRepo()
    repo.tag('v0.3.0')
    const head = repo.commit('fix: handle empty input')
    const core = recordingToolkit({ environment: 'dev', create_tag: 'true' })
    const status = await run(core, { env: envFor(repo) })

    expect(core.failures).toEqual([])
    expect(status).toBe('success')
    expect(core.outputs).toMatchObject({
      status: 'success',
      version: '0.3.1',
      tag: 'v0.3.1-dev.1',
      image_tag: 'v0.3.1-dev.1'
    })
    expect(repo.git('rev-list', '-n', '1', 'v0.3.1-dev.1')).toBe(head)

    // A re-run of the same commit reuses the tag instead of making a second one.
    const again = recordingToolkit({ environment: 'dev', create_tag: 'true' })
    await run(again, { env: envFor(repo) })
    expect(again.outputs.tag).toBe('v0.3.1-dev.1')
    expect(repo.git('tag', '--list', 'v0.3.1-dev.*')).toBe('v0.3.1-dev.1')
  })
})

describe('run: invalid input', () => {
  it('fails with INVALID_INPUT, exit status failure, and touches nothing', async () => {
    const repo = shopRepo()
    const core = recordingToolkit({ environment: 'qa', create_tag: 'true', bump: 'sideways' })
    const status = await run(core, { env: envFor(repo) })

    expect(status).toBe('failure')
    expect(core.failures).toHaveLength(1)
    expect(core.failures[0]).toMatch(/^INVALID_INPUT: 2 problems/)
    expect(core.failures[0]).toContain("input 'environment'")
    expect(core.failures[0]).toContain("input 'bump'")
    expect(core.outputs).toEqual({ status: 'failure' })
    expect(repo.git('tag', '--list')).toBe('')
    expect(existsSync(join(repo.dir, '.runner-temp'))).toBe(false)

    // The job summary still says what went wrong, one problem per line, before anything else.
    expect(core.summaries).toHaveLength(1)
    const lines = (core.summaries[0] ?? '').split('\n')
    expect(lines.slice(0, 5)).toEqual([
      '## ❌ failed at INIT: INVALID_INPUT',
      '',
      '**INVALID_INPUT**: 2 problems with the inputs or the deploy config; nothing was changed:',
      '',
      '### Problems'
    ])
    const problems = lines.slice(6, lines.indexOf('', 6))
    expect(problems).toEqual([
      expect.stringMatching(/^- input 'environment': /),
      expect.stringMatching(/^- input 'bump': /)
    ])
    expect(core.summaries[0]).not.toContain('```mermaid')
  })
})

describe('run: cancellation', () => {
  it('reports a run cancelled before it changed anything as cancelled', async () => {
    const repo = createTestRepo()
    const cancel = new AbortController()
    cancel.abort()
    const core = recordingToolkit({ environment: 'dev', create_tag: 'true' })
    const status = await run(core, { env: envFor(repo), signal: cancel.signal })
    expect(status).toBe('cancelled')
    expect(core.outputs.status).toBe('cancelled')
    expect(core.failures[0]).toMatch(/^CANCELLED/)
    expect(repo.git('tag', '--list')).toBe('')
    const events = readEvents(core.outputs.events_file as string)
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'cancelled' })
  })
})

describe('run: a crash while it runs', () => {
  it('a signal aborted with a failure (src/crash.ts) reports that failure, not a cancel', async () => {
    const repo = createTestRepo()
    const crashed = new AbortController()
    crashed.abort(new DeployError('DEPLOY_FAILED', 'the main step crashed: disk full'))
    const core = recordingToolkit({ environment: 'dev', create_tag: 'true' })
    const status = await run(core, { env: envFor(repo), signal: crashed.signal })
    expect(status).toBe('failure')
    expect(core.failures).toEqual(['DEPLOY_FAILED: the main step crashed: disk full'])
    expect(core.outputs.status).toBe('failure')
    expect(core.summaries[0]).toContain('the main step crashed: disk full')
    const events = readEvents(core.outputs.events_file as string)
    expect(events.at(-1)).toMatchObject({ type: 'done', status: 'failure' })
    expect(repo.git('tag', '--list')).toBe('')
  })

  it('outputs that cannot be written fail the step once, and the summary is still written', async () => {
    const repo = shopRepo()
    const core = recordingToolkit({ dry_run: 'true', environment: 'dev', preflight: 'false' })
    const status = await run(
      {
        ...core,
        setOutput: () => {
          throw new Error('ENOSPC: no space left on device')
        }
      },
      { env: envFor(repo) }
    )
    expect(status).toBe('planned')
    expect(core.failures).toEqual([
      'DEPLOY_FAILED: outputs not written: ENOSPC: no space left on device'
    ])
    expect(core.summaries[0]).toContain('outputs not written: ENOSPC')
  })
})
