import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/ (docs/architecture.md): each folder may import only the layers below it.
 * Upward imports, static or dynamic, type-only included, fail the lint.
 */
const TOP = 'main|index|post|bundle|crash|outputs|run-state'
const FOLDERS = ['settings', 'plan', 'clients', 'builders', 'events', 'targets', 'notify', 'phases']
const LAYERS = [
  { name: 'foundation', files: ['src/runtime/**', 'src/errors.ts', 'src/toolkit.ts'], may: [] },
  { name: 'settings', files: ['src/settings/**'], may: [] },
  { name: 'plan', files: ['src/plan/**'], may: ['settings'] },
  { name: 'clients', files: ['src/clients/**'], may: [] },
  { name: 'builders', files: ['src/builders/**'], may: [] },
  { name: 'events', files: ['src/events/**'], may: [] },
  { name: 'targets', files: ['src/targets/**'], may: ['clients', 'settings', 'plan', 'events'] },
  { name: 'notify', files: ['src/notify/**'], may: ['clients', 'settings', 'plan', 'events'] },
  { name: 'phases', files: ['src/phases/**'], may: FOLDERS }
]

function layerRules({ name, may }) {
  const forbidden = FOLDERS.filter(folder => folder !== name && !may.includes(folder))
  const message = `${name} may import only ${[...may, 'foundation (errors, toolkit, runtime)'].join(', ')}: see docs/architecture.md`
  const upward = [
    ...(forbidden.length > 0 ? [`^(\\.\\./)+(${forbidden.join('|')})/`] : []),
    `^(\\.\\./)+(${TOP})\\.js$`
  ]
  return {
    'no-restricted-imports': ['error', { patterns: upward.map(regex => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      ...upward.map(regex => ({
        selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
        message
      }))
    ]
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // Type-aware: a promise nobody awaits loses its failure, and one passed where a plain callback
    // belongs is never awaited at all.
    files: ['src/**/*.ts', '__tests__/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  ...LAYERS.map(layer => ({ files: layer.files, rules: layerRules(layer) }))
)
