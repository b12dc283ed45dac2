import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * What each step loads before it decides anything: the modules its entry point reaches through
 * static imports (a dynamic import() is loaded only when the code asks for it). The startup
 * budgets (npm run bench) rest on these staying out; this says which import brought one in,
 * without timing anything.
 */
const root = resolve(import.meta.dirname, '..')

/** Every runtime import of a file: `import type` and `export type` load nothing. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const specifiers: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      !statement.isTypeOnly
    ) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return specifiers
}

/** The modules `entry` loads at once: src/ files by path, packages and builtins by name. */
function loadedAtStart(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>()
  const packages = new Map<string, string>()
  const pending = [join(root, entry)]
  while (pending.length > 0) {
    const file = pending.pop()!
    const name = relative(root, file)
    if (files.has(name)) continue
    files.add(name)
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, name)
        continue
      }
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))
      expect(existsSync(target)).toBe(true)
      pending.push(target)
    }
  }
  return { files, packages }
}

/** Each unwanted module the step loads, with the file that imports it. */
function unwanted(
  loaded: ReturnType<typeof loadedAtStart>,
  isUnwanted: (module: string) => boolean
): string[] {
  const found = [...loaded.packages].filter(([name]) => isUnwanted(name))
  return [
    ...found.map(([name, by]) => `${name} (imported by ${by})`),
    ...[...loaded.files].filter(isUnwanted)
  ]
}

describe('what a step loads before it starts', () => {
  it('the post step: no schema library, settings, notifications or clients', () => {
    const loaded = loadedAtStart('src/post.ts')
    expect(loaded.files).toContain('src/run-state.ts')
    expect(
      unwanted(loaded, module =>
        /^(valibot|js-yaml|semver|node:crypto|@actions\/)|^src\/(settings|notify|clients|targets|phases)\//.test(
          module
        )
      )
    ).toEqual([])
  })

  it('the main step: no node:crypto, no semver, no target, client or notification', () => {
    const loaded = loadedAtStart('src/index.ts')
    expect(loaded.files).toContain('src/settings/index.ts')
    expect(
      unwanted(loaded, module =>
        /^(node:crypto|crypto|semver|@actions\/)|^src\/(notify|clients|targets)\//.test(module)
      )
    ).toEqual([])
  })
})
