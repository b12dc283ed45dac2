import { describe, expect, it } from '@jest/globals'
import type { EventInput, PipelineEvent } from '../../src/events/model.js'
import {
  mermaidText,
  renderSummary,
  shortDigest,
  type SummaryInput,
  type SummaryService
} from '../../src/events/summary.js'
import { describeChange } from '../../src/targets/cloudformation-changeset.js'

/** Events as the bus stamps them: numbered, at a given second after 07:00:00 UTC. */
function timeline(...entries: [number, EventInput][]): PipelineEvent[] {
  return entries.map(([second, input], index) => ({
    id: index + 1,
    timestamp: new Date(Date.UTC(2026, 10, 24, 7, 0, second)).toISOString().replace('.000', ''),
    ...input
  }))
}

const DIGEST = (c: string): string => `sha256:${c.repeat(64)}`
const SERVICES: SummaryService[] = [
  { name: 'api', image: 'ghcr.io/acme/api:v1.4.0', target: 'ECS rolling library/api' },
  { name: 'webui', image: 'ghcr.io/acme/webui:v1.4.0', target: 'Argo CD app shop-webui' }
]
const IMAGES = {
  api: `ghcr.io/acme/api:v1.4.0@${DIGEST('a')}`,
  webui: `ghcr.io/acme/webui:v1.4.0@${DIGEST('b')}`
}

/** What every run that got to DEPLOY emits before it, for the services given. */
function throughPush(services: readonly string[]): [number, EventInput][] {
  return [
    [0, { type: 'stage', stage: 'INIT', message: 'acme/shop@0123456 to prod' }],
    [1, { type: 'stage', stage: 'VERSION', message: 'computing the version and tags' }],
    [2, { type: 'stage', stage: 'BUILD', message: 'building images' }],
    ...services.flatMap((name, i): [number, EventInput][] => [
      [2 + i, { type: 'progress', stage: 'BUILD', service: name, message: `building ${name}` }],
      [20 + i, { type: 'progress', stage: 'BUILD', service: name, message: 'built in 18 s' }]
    ]),
    [22, { type: 'stage', stage: 'PUSH', message: 'pushing images' }],
    ...services.flatMap((name, i): [number, EventInput][] => [
      [22, { type: 'progress', stage: 'PUSH', service: name, message: 'pushing v1.4.0' }],
      [
        25 + i,
        {
          type: 'progress',
          stage: 'PUSH',
          service: name,
          message: IMAGES[name as keyof typeof IMAGES]
        }
      ]
    ])
  ]
}

function summary(overrides: Partial<SummaryInput>): string {
  return renderSummary({
    status: 'success',
    outputs: { environment: 'prod', status: 'success' },
    planLines: ['Environment: prod'],
    services: [],
    events: [],
    warnings: [],
    error: undefined,
    ...overrides
  })
}

/** The ```mermaid block of a summary, without its fences. */
function mermaidBlock(markdown: string): string[] {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)
  if (!match) throw new Error('no mermaid block')
  return (match[1] as string).split('\n')
}

/**
 * Checks a Gantt chart line by line against Mermaid's own lexer rules (gantt.jison): keywords,
 * `section` text without `#:;`, and tasks `name :data` where the name has no `#:;` and the data
 * no `#;`, is `[tags,] start, duration` with start in the declared dateFormat.
 */
function expectValidGantt(lines: string[]): void {
  expect(lines[0]).toBe('gantt')
  const problems: string[] = []
  for (const raw of lines.slice(1)) {
    const line = raw.trim()
    if (/^dateFormat YYYY-MM-DD HH:mm:ss$/.test(line)) continue
    if (/^axisFormat [^#\n;]+$/.test(line)) continue
    if (line === 'todayMarker off') continue
    if (/^section [^#:\n;%]+$/.test(line)) continue
    const task = /^([^#:\n;%]+):([^#\n;%]+)$/.exec(line)
    if (!task) {
      problems.push(`not a Gantt statement: ${line}`)
      continue
    }
    const name = (task[1] as string).trim()
    if (
      /^(gantt|section|title|click|call|href|dateFormat|axisFormat|excludes|includes)\b/i.test(name)
    )
      problems.push(`task name read as a keyword: ${name}`)
    const data = (task[2] as string).split(',').map(part => part.trim())
    while (['done', 'active', 'crit', 'milestone'].includes(data[0] as string)) data.shift()
    if (data.length !== 2) problems.push(`expected start and duration: ${line}`)
    if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(data[0] ?? '')) problems.push(`start: ${line}`)
    if (!/^[1-9]\d*s$/.test(data[1] ?? '')) problems.push(`duration: ${line}`)
  }
  expect(problems).toEqual([])
}

describe('job summary', () => {
  it('success: deployed N services, a row per service with digest, result, duration, URL, and the chart', () => {
    const events = timeline(
      ...throughPush(['api', 'webui']),
      [30, { type: 'stage', stage: 'DEPLOY', message: 'deploying' }],
      [30, { type: 'progress', stage: 'DEPLOY', service: 'api', message: 'deploying (ecs)' }],
      [
        75,
        {
          type: 'progress',
          stage: 'DEPLOY',
          service: 'api',
          message: 'deployed: https://api.example.com',
          deployment_url: 'https://api.example.com'
        }
      ],
      [75, { type: 'progress', stage: 'DEPLOY', service: 'webui', message: 'deploying (argocd)' }],
      [80, { type: 'progress', stage: 'DEPLOY', service: 'webui', message: 'deployed' }],
      [81, { type: 'done', stage: 'DONE', status: 'success', message: 'deployed to prod' }]
    )
    const markdown = summary({
      outputs: { environment: 'prod', status: 'success', images: JSON.stringify(IMAGES) },
      services: SERVICES,
      events
    })

    expect(markdown.split('\n')[0]).toBe('## ✅ deployed 2 services to prod')
    expect(markdown).toContain(
      [
        '### Services',
        '',
        '| service | image | target | result | duration | URL |',
        '| --- | --- | --- | --- | --- | --- |',
        '| api | `ghcr.io/acme/api:v1.4.0@sha256:aaaaaaaaaaaa` | ECS rolling library/api | ✅ deployed | 66 s | https://api.example.com |',
        '| webui | `ghcr.io/acme/webui:v1.4.0@sha256:bbbbbbbbbbbb` | Argo CD app shop-webui | ✅ deployed | 27 s | — |'
      ].join('\n')
    )
    const chart = mermaidBlock(markdown)
    expect(chart).toEqual([
      'gantt',
      '  dateFormat YYYY-MM-DD HH:mm:ss',
      '  axisFormat %H:%M:%S',
      '  todayMarker off',
      '  section Phases',
      '  INIT :done, 2026-11-24 07:00:00, 1s',
      '  VERSION :done, 2026-11-24 07:00:01, 1s',
      '  BUILD :done, 2026-11-24 07:00:02, 20s',
      '  PUSH :done, 2026-11-24 07:00:22, 8s',
      '  DEPLOY :done, 2026-11-24 07:00:30, 51s',
      '  section api',
      '  build :done, 2026-11-24 07:00:02, 18s',
      '  push :done, 2026-11-24 07:00:22, 3s',
      '  deploy :done, 2026-11-24 07:00:30, 45s',
      '  section webui',
      '  build :done, 2026-11-24 07:00:03, 18s',
      '  push :done, 2026-11-24 07:00:22, 4s',
      '  deploy :done, 2026-11-24 07:01:15, 5s'
    ])
    expectValidGantt(chart)
    // Then the plan and the timeline, as before.
    const order = ['### Services', '```mermaid', '### Outputs', '### Plan', '### Timeline']
    const at = order.map(heading => markdown.indexOf(heading))
    expect(at).toEqual([...at].sort((a, b) => a - b))
    expect(at.every(i => i > 0)).toBe(true)
  })

  it('images pushed but no deploy target: says nothing was deployed', () => {
    const events = timeline(...throughPush(['api', 'webui']), [
      27,
      { type: 'done', stage: 'DONE', status: 'success', message: '2 images pushed' }
    ])
    const markdown = summary({
      outputs: { environment: 'dev', status: 'success', images: JSON.stringify(IMAGES) },
      services: SERVICES.map(s => ({ ...s, target: undefined })),
      events
    })
    expect(markdown.split('\n')[0]).toBe('## ✅ 2 images pushed, nothing deployed')
    expect(markdown).not.toMatch(/deployed \d/)
    expect(markdown).toContain(
      '| api | `ghcr.io/acme/api:v1.4.0@sha256:aaaaaaaaaaaa` | — | ✅ pushed | 21 s | — |'
    )
    const chart = mermaidBlock(markdown)
    expectValidGantt(chart)
    expect(chart.filter(l => /^ {2}deploy /.test(l))).toEqual([])
    expect(chart).toContain('  section webui')
  })

  it('INIT failure: the problems listed one per line, no services, no chart', () => {
    const details = [
      "input 'environment': expected dev, stage or prod, got 'qa'",
      '.github/deploy.yml: services.api.deploy.ecs.cluster: expected a string | got 42'
    ].join('\n')
    const events = timeline(
      [0, { type: 'stage', stage: 'INIT', message: 'reading inputs and the deploy config' }],
      [
        0,
        {
          type: 'error',
          stage: 'INIT',
          message: `2 problems with the inputs or the deploy config; nothing was changed:\n  - ${details}`,
          error_code: 'INVALID_INPUT'
        }
      ]
    )
    const markdown = summary({
      status: 'failure',
      outputs: { status: 'failure' },
      planLines: undefined,
      events,
      error: {
        code: 'INVALID_INPUT',
        message: '2 problems with the inputs or the deploy config; nothing was changed:\n  - ...',
        details
      }
    })
    expect(markdown.split('\n').slice(0, 9)).toEqual([
      '## ❌ failed at INIT: INVALID_INPUT',
      '',
      '**INVALID_INPUT**: 2 problems with the inputs or the deploy config; nothing was changed:',
      '',
      '### Problems',
      '',
      "- input 'environment': expected dev, stage or prod, got 'qa'",
      '- .github/deploy.yml: services.api.deploy.ecs.cluster: expected a string \\| got 42',
      ''
    ])
    expect(markdown).not.toContain('### Services')
    expect(markdown).not.toContain('```mermaid')
    expect(markdown).not.toContain('### Plan')
    expect(markdown).toContain('### Timeline')
  })

  it('deploy failure: names the failed service; its row has the reason, its dependent the skip', () => {
    const reason = 'ECS rolled back: circuit breaker: tasks failed to start'
    const events = timeline(
      ...throughPush(['api', 'webui']),
      [30, { type: 'stage', stage: 'DEPLOY', message: 'deploying' }],
      [30, { type: 'progress', stage: 'DEPLOY', service: 'api', message: 'deploying (ecs)' }],
      [50, { type: 'progress', stage: 'DEPLOY', service: 'api', message: 'ECS rolling: 1/2' }],
      [
        90,
        {
          type: 'error',
          stage: 'DEPLOY',
          service: 'api',
          message: reason,
          error_code: 'DEPLOY_FAILED'
        }
      ],
      [
        90,
        {
          type: 'info',
          stage: 'DEPLOY',
          service: 'webui',
          message: 'not deployed: it depends on api, which failed'
        }
      ],
      [
        91,
        { type: 'error', stage: 'DEPLOY', message: `api: ${reason}`, error_code: 'DEPLOY_FAILED' }
      ],
      [91, { type: 'done', stage: 'DONE', status: 'failure', message: 'failed: DEPLOY_FAILED' }]
    )
    const markdown = summary({
      status: 'failure',
      outputs: { environment: 'prod', status: 'failure', images: JSON.stringify(IMAGES) },
      services: SERVICES,
      events,
      error: { code: 'DEPLOY_FAILED', message: `api: ${reason}` }
    })
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '## ❌ failed at DEPLOY: api',
      '',
      `**DEPLOY_FAILED**: api: ${reason}`
    ])
    expect(markdown).toContain(
      `| api | \`ghcr.io/acme/api:v1.4.0@sha256:aaaaaaaaaaaa\` | ECS rolling library/api | ❌ DEPLOY_FAILED: ${reason} | 81 s | — |`
    )
    expect(markdown).toContain(
      '| webui | `ghcr.io/acme/webui:v1.4.0@sha256:bbbbbbbbbbbb` | Argo CD app shop-webui | ⏭️ not deployed: it depends on api, which failed | 22 s | — |'
    )
    const chart = mermaidBlock(markdown)
    expectValidGantt(chart)
    expect(chart).toContain('  DEPLOY :crit, 2026-11-24 07:00:30, 61s')
    expect(chart).toContain('  deploy :crit, 2026-11-24 07:00:30, 60s')
    // The dependent that never started has no deploy bar.
    const webui = chart.slice(chart.indexOf('  section webui'))
    expect(webui.filter(l => l.startsWith('  deploy'))).toEqual([])
  })

  it('a build failure names the service that failed, and a dry run says nothing changed', () => {
    const failed = summary({
      status: 'failure',
      services: SERVICES,
      events: timeline(
        [0, { type: 'stage', stage: 'INIT', message: '' }],
        [1, { type: 'stage', stage: 'BUILD', message: '' }],
        [1, { type: 'progress', stage: 'BUILD', service: 'webui', message: 'building' }],
        [
          9,
          {
            type: 'error',
            stage: 'BUILD',
            service: 'webui',
            message: 'Building webui failed (buildah exited with 1).',
            error_code: 'BUILD_FAILED'
          }
        ]
      ),
      error: { code: 'BUILD_FAILED', message: 'Building webui failed (buildah exited with 1).' }
    })
    expect(failed.split('\n')[0]).toBe('## ❌ failed at BUILD: webui')
    expect(failed).toContain('| api | `ghcr.io/acme/api:v1.4.0` |')
    expect(failed).toContain('| ⏹️ not reached |')
    expectValidGantt(mermaidBlock(failed))
    expect(mermaidBlock(failed)).toContain('  build :crit, 2026-11-24 07:00:01, 8s')

    const planned = summary({
      status: 'planned',
      services: SERVICES,
      events: timeline(
        [0, { type: 'stage', stage: 'INIT', message: '' }],
        [1, { type: 'stage', stage: 'VERSION', message: '' }],
        [1, { type: 'done', stage: 'DONE', status: 'planned', message: 'dry run' }]
      )
    })
    expect(planned.split('\n')[0]).toBe('## 📝 dry run: nothing changed')
    expect(planned).toContain(
      '| api | `ghcr.io/acme/api:v1.4.0` | ECS rolling library/api | 📝 planned | — | — |'
    )
    expectValidGantt(mermaidBlock(planned))
  })

  it('lists each stack change before it ran, replacements marked, and a stack a change set left alone', () => {
    const change = (
      second: number,
      service: string,
      resource: Record<string, string>
    ): [number, EventInput] => {
      const { message, data } = describeChange({ Type: 'Resource', ResourceChange: resource })
      return [second, { type: 'progress', stage: 'DEPLOY', service, message, data }]
    }
    const markdown = summary({
      services: [
        { name: 'tables', image: undefined, target: 'cloudformation' },
        { name: 'api', image: undefined, target: 'cloudformation' }
      ],
      events: timeline(
        [0, { type: 'stage', stage: 'DEPLOY', message: 'deploying' }],
        change(1, 'api', {
          Action: 'Modify',
          LogicalResourceId: 'Orders',
          ResourceType: 'AWS::DynamoDB::Table',
          Replacement: 'True'
        }),
        change(1, 'api', {
          Action: 'Modify',
          LogicalResourceId: 'ApiFunction',
          ResourceType: 'AWS::Lambda::Function',
          Replacement: 'False'
        }),
        change(1, 'api', {
          Action: 'Add',
          LogicalResourceId: 'Events',
          ResourceType: 'AWS::SNS::Topic'
        }),
        change(1, 'api', {
          Action: 'Remove',
          LogicalResourceId: 'Queue',
          ResourceType: 'AWS::SQS::Queue'
        }),
        [
          2,
          {
            type: 'progress',
            stage: 'DEPLOY',
            service: 'tables',
            message: 'CloudFormation: stack orders-dev-tables is up to date',
            data: { stackChanges: 0 }
          }
        ]
      )
    })
    const table = markdown.slice(markdown.indexOf('### Stack changes')).split('\n').slice(0, 9)
    expect(table).toEqual([
      '### Stack changes',
      '',
      '| service | action | resource | type | replacement |',
      '| --- | --- | --- | --- | --- |',
      '| api | Modify | Orders | AWS::DynamoDB::Table | ⚠️ **True** |',
      '| api | Modify | ApiFunction | AWS::Lambda::Function | False |',
      '| api | Add | Events | AWS::SNS::Topic | — |',
      '| api | Remove | Queue | AWS::SQS::Queue | — |',
      '| tables | no changes | — | — | — |'
    ])
  })

  it('keeps Mermaid text plain and digests short', () => {
    expect(mermaidText('api: v2 # beta; 100%\nnext')).toBe('api v2 beta 100 next')
    expect(mermaidText(':#;')).toBe('-')
    expect(shortDigest(`r.io/a:t@${DIGEST('c')}`)).toBe('r.io/a:t@sha256:cccccccccccc')
    expect(shortDigest('r.io/a:t')).toBe('r.io/a:t')
  })
})
