import { describe, expect, it } from '@jest/globals'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'

const root = join(import.meta.dirname, '..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

interface Manifest {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}
const manifest = parseYaml(read('action.yml')) as Manifest

/** Every workflow file in the repository, the examples' included. */
function workflowFiles(dir = root): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === '.git') continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) found.push(...workflowFiles(path))
    else if (/\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) found.push(relative(root, path))
  }
  return found
}

describe('action.yml', () => {
  it("is valid for GitHub's own parser and runs on node24 with a post step", () => {
    const result = parseAction(
      { name: 'action.yml', content: read('action.yml') },
      new NoOperationTraceWriter()
    )
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const action = convertActionTemplate(result.context, result.value!)
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    expect(action.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      postIf: 'always()'
    })
  })

  it('documents every input and output', () => {
    for (const [name, input] of Object.entries(manifest.inputs)) {
      expect([name, input.description?.length > 10]).toEqual([name, true])
      expect([name, 'default' in input]).toEqual([name, true])
    }
    for (const [name, output] of Object.entries(manifest.outputs)) {
      expect([name, output.description?.length > 5]).toEqual([name, true])
    }
  })

  it('declares the outputs of the contract', () => {
    expect(Object.keys(manifest.outputs)).toEqual(
      expect.arrayContaining([
        'environment',
        'version',
        'tag',
        'image_tag',
        'images',
        'release_url',
        'deployment_id',
        'deployment_url',
        'status',
        'plan',
        'events_file'
      ])
    )
  })

  it('reads every input it declares (no documented input is ignored)', () => {
    const settingsSource = readdirSync(join(root, 'src/settings'))
      .map(file => read(`src/settings/${file}`))
      .join('\n')
    const unread = Object.keys(manifest.inputs).filter(
      name => !settingsSource.includes(`'${name}'`)
    )
    expect(unread).toEqual([])
  })
})

describe('workflow files', () => {
  const files = workflowFiles()

  it('exist: CI, the release workflow and the example deploy workflow', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'examples/shop/.github/workflows/deploy.yml'
      ])
    )
  })

  it('the release workflow runs on version tags and may move the major tag', () => {
    const release = parseYaml(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } }
      permissions: Record<string, string>
      jobs: { release: { steps: Array<{ run?: string }> } }
    }
    expect(release.on.push.tags).toEqual(['v*.*.*'])
    expect(release.permissions).toEqual({ contents: 'write' })
    const scripts = release.jobs.release.steps.map(step => step.run ?? '').join('\n')
    for (const command of [
      'npm ci',
      'npm test',
      'npm run build',
      'git tag -f',
      'gh release create'
    ])
      expect([command, scripts.includes(command)]).toEqual([command, true])
  })

  it.each(files)("%s is valid for GitHub's own parser", async file => {
    const result = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const workflow = await convertWorkflowTemplate(result.context, result.value!)
    expect(workflow.errors ?? []).toEqual([])
    expect(workflow.jobs.length).toBeGreaterThan(0)
  })

  it("docs/rollback.md's dispatch workflow is valid for GitHub's parser and passes the rollback inputs", async () => {
    const blocks = [...read('docs/rollback.md').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map(match => match[1] as string)
      .filter(block => block.includes('\njobs:'))
    expect(blocks).toHaveLength(1)
    const content = blocks[0] as string
    const result = parseWorkflow({ name: 'rollback.yml', content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const workflow = await convertWorkflowTemplate(result.context, result.value!)
    expect(workflow.errors ?? []).toEqual([])
    const parsed = parseYaml(content) as {
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>
    }
    const step = Object.values(parsed.jobs)
      .flatMap(job => job.steps)
      .find(s => s.uses?.includes('deploy-pipeline@'))
    expect(Object.keys(step?.with ?? {})).toEqual(
      expect.arrayContaining(['rollback', 'override_gate', 'override_reason'])
    )
  })

  it("docs/scaling.md's workflow is valid for GitHub's parser: plan, a matrix of build jobs, deploy", async () => {
    const blocks = [...read('docs/scaling.md').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map(match => match[1] as string)
      .filter(block => block.includes('\njobs:'))
    expect(blocks).toHaveLength(1)
    const content = blocks[0] as string
    const result = parseWorkflow({ name: 'scaling.yml', content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map(e => e.message)).toEqual([])
    const workflow = await convertWorkflowTemplate(result.context, result.value!)
    expect(workflow.errors ?? []).toEqual([])
    const parsed = parseYaml(content) as {
      concurrency: { group: string }
      jobs: Record<
        string,
        {
          needs?: string | string[]
          steps: Array<{ uses?: string; with?: Record<string, unknown> }>
        }
      >
    }
    expect(parsed.concurrency.group).toContain('inputs.environment')
    expect(Object.keys(parsed.jobs)).toEqual(['plan', 'build', 'deploy'])
    expect(parsed.jobs.deploy?.needs).toEqual(['plan', 'build'])
    const phases = Object.values(parsed.jobs).flatMap(job =>
      job.steps
        .filter(step => step.uses?.includes('deploy-pipeline@'))
        .map(step => step.with?.phase)
    )
    expect(phases).toEqual(['plan', 'build', 'deploy'])
    const uses = Object.values(parsed.jobs).flatMap(job => job.steps.map(step => step.uses))
    expect(uses).toEqual(
      expect.arrayContaining(['actions/upload-artifact@v4', 'actions/download-artifact@v4'])
    )
  })

  it('the example deploys dev on weekdays at 07:00 KST and lets a person choose the environment', () => {
    const example = parseYaml(read('examples/shop/.github/workflows/deploy.yml')) as {
      on: {
        schedule: Array<{ cron: string }>
        workflow_dispatch: { inputs: Record<string, { type: string; options?: string[] }> }
      }
    }
    expect(example.on.schedule).toEqual([{ cron: '0 22 * * 0-4' }])
    const inputs = example.on.workflow_dispatch.inputs
    expect(inputs.environment).toMatchObject({ type: 'choice', options: ['dev', 'stage', 'prod'] })
    expect(inputs.create_tag?.type).toBe('boolean')
    expect(inputs.create_release?.type).toBe('boolean')
  })
})

describe('documentation', () => {
  /** README, docs/ and the examples: what a newcomer copies from. */
  function pages(dir: string): string[] {
    return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter(file => /\.(md|ya?ml)$/.test(file))
      .map(file => join(dir, file))
  }

  it('every uses: of this action names this repository', () => {
    const uses = ['README.md', ...pages('docs'), ...pages('examples')].flatMap(file =>
      [...read(file).matchAll(/uses:\s*([\w.-]+\/deploy-pipeline)@/g)].map(match => [
        file,
        match[1]
      ])
    )
    expect(uses.length).toBeGreaterThan(0)
    expect(
      uses.filter(([, repository]) => repository !== 'deploy-pipeline/deploy-pipeline')
    ).toEqual([])
  })
})

describe('README', () => {
  const readme = read('README.md')

  /** Rows of the Markdown table under a heading: | `name` | `default` | description | */
  function referenceTable(heading: string): Map<string, string> {
    const start = readme.indexOf(`\n${heading}\n`)
    expect(start).toBeGreaterThan(-1)
    const rows = new Map<string, string>()
    for (const line of readme.slice(start + heading.length + 2).split('\n')) {
      if (line.startsWith('#')) break
      const match = /^\| `([a-z_]+)` \| ([^|]*) \|/.exec(line)
      if (match) rows.set(match[1] as string, (match[2] as string).trim())
    }
    return rows
  }

  it('starts with the two commands that do everything on a fresh machine', () => {
    const top = readme.slice(0, 1500)
    expect(top).toContain('npm ci && npm run demo')
    expect(top).toContain('npm ci && npm test')
  })

  it('lists exactly the inputs of action.yml, with their defaults', () => {
    const rows = referenceTable('### Inputs')
    expect([...rows.keys()].sort()).toEqual(Object.keys(manifest.inputs).sort())
    for (const [name, input] of Object.entries(manifest.inputs)) {
      const shown =
        input.default === '' || input.default === undefined ? '' : `\`${input.default}\``
      expect([name, rows.get(name)]).toEqual([name, shown])
    }
  })

  it('lists exactly the outputs of action.yml', () => {
    const rows = referenceTable('### Outputs')
    expect([...rows.keys()].sort()).toEqual(Object.keys(manifest.outputs).sort())
  })
})
