// ESM + TypeScript through SWC: fast transforms; `npm run typecheck` does the type checking.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' }
      }
    ]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // Integration tests start servers and builders; two cores, so keep the pool small.
  maxWorkers: 2
}
