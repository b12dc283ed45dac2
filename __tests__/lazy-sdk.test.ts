import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { TARGETS } from '../src/targets/catalog.js'

/**
 * The AWS SDK clients are loaded only by a run that uses them (issue 15: the CloudFormation and S3
 * clients only when a run deploys a stack). What a step loads before it knows its plan is what its
 * entry module imports statically, and what those import in turn; a dynamic `import()` is loaded
 * only when the code reaches it. With `verbatimModuleSyntax`, every import but `import type` /
 * `export type` stays in the output, so the static graph of the sources is the graph Node loads.
 */

interface StaticGraph {
  /** Source files reached, relative to `root`. */
  readonly files: string[]
  /** Packages reached (bare specifiers), with the file that imports each first. */
  readonly packages: Map<string, string>
}

function staticGraph(root: string, entries: string[]): StaticGraph {
  const seen = new Set<string>()
  const packages = new Map<string, string>()
  const queue = entries.map(entry => resolve(root, entry))
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
    for (const statement of source.statements) {
      const specifier = staticSpecifier(statement)
      if (specifier === undefined) continue
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, relative(root, file))
        continue
      }
      const target = sourceOf(resolve(dirname(file), specifier))
      if (target) queue.push(target)
    }
  }
  return { files: [...seen].map(file => relative(root, file)).sort(), packages }
}

/** The module a statement loads when its file is loaded; undefined for types and for import(). */
function staticSpecifier(statement: ts.Statement): string | undefined {
  if (ts.isImportDeclaration(statement)) {
    if (statement.importClause?.isTypeOnly) return undefined
    return (statement.moduleSpecifier as ts.StringLiteral).text
  }
  if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
    if (statement.isTypeOnly) return undefined
    return (statement.moduleSpecifier as ts.StringLiteral).text
  }
  return undefined
}

/** `./x.js` as written in the sources is `./x.ts` on disk; JSON and the like are not followed. */
function sourceOf(path: string): string | undefined {
  const candidates = [path.replace(/\.js$/, '.ts'), join(path, 'index.ts')]
  return candidates.find(candidate => candidate.endsWith('.ts') && existsSync(candidate))
}

const awsSdks = (graph: StaticGraph): string[] =>
  [...graph.packages.keys()].filter(name => name.startsWith('@aws-sdk/')).sort()

describe('the AWS SDK clients load only when a run uses them', () => {
  it('are out of what each step loads at its start', () => {
    const graph = staticGraph(resolve('src'), ['bundle.ts', 'index.ts', 'post.ts'])
    // The walk went through the run itself, its settings and its phase table...
    expect(graph.files).toEqual(
      expect.arrayContaining(['main.ts', 'settings/index.ts', 'phases/pipeline.ts'])
    )
    // ...and met no AWS SDK.
    expect(awsSdks(graph)).toEqual([])
  })

  it('leave CloudFormation and S3 out of a run that deploys no stack: the DEPLOY phase, the preflight, every other target', () => {
    const others = Object.keys(TARGETS).filter(kind => kind !== 'cloudformation')
    const graph = staticGraph(resolve('src'), [
      'phases/deploy.ts',
      'phases/preflight.ts',
      ...others.map(kind => `targets/${kind}.ts`)
    ])
    expect(graph.files).toEqual(
      expect.arrayContaining(['phases/deploy.ts', 'targets/catalog.ts', 'targets/ecs.ts'])
    )
    expect(awsSdks(graph)).not.toContain('@aws-sdk/client-cloudformation')
    expect(awsSdks(graph)).not.toContain('@aws-sdk/client-s3')
    // Nor the target's own modules: the catalog loads a target only for a run that deploys to it.
    expect(graph.files.filter(file => /cloudformation/.test(file))).toEqual([])
  })

  it('would see a static import of an SDK, however deep, and not a type-only one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lazy-sdk-'))
    const files: Record<string, string> = {
      'entry.ts': "import { deploy } from './target.js'\nexport { deploy }\n",
      'target.ts':
        "import type { S3Client } from '@aws-sdk/client-s3'\n" +
        "export * from './client.js'\n" +
        "export const later = () => import('@aws-sdk/client-sts')\n" +
        'export type Client = S3Client\n',
      'client.ts':
        "import { CloudFormationClient } from '@aws-sdk/client-cloudformation'\n" +
        'export const deploy = () => new CloudFormationClient({})\n'
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)

    const graph = staticGraph(dir, ['entry.ts'])
    expect(graph.files).toEqual(['client.ts', 'entry.ts', 'target.ts'])
    expect(awsSdks(graph)).toEqual(['@aws-sdk/client-cloudformation'])
    expect(graph.packages.get('@aws-sdk/client-cloudformation')).toBe('client.ts')
  })
})
