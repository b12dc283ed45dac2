// Module hooks that let the demo, a plain Node script, load the TypeScript simulators the tests
// use (__tests__/simulators) with no build step of their own: SWC strips the types, the way Jest's
// transform does, and a `./x.js` import inside a .ts file finds `./x.ts`, as the TypeScript
// sources are written for NodeNext resolution. Registered with `module.register` (Node 20.6+).
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transform } from '@swc/core'

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && /^\.{1,2}\/.*\.js$/.test(specifier)) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
    if (existsSync(fileURLToPath(typescript))) return { url: typescript.href, shortCircuit: true }
  }
  return nextResolve(specifier, context)
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context)
  const filename = fileURLToPath(url)
  const { code } = await transform(await readFile(filename, 'utf8'), {
    filename,
    // Same settings as jest.config.js: what runs in the demo is what the tests run.
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline'
  })
  return { format: 'module', source: code, shortCircuit: true }
}
