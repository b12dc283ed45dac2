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
  maxWorkers: 2,
  // How long a worker may take to exit after its last file before jest kills it and warns that it
  // "failed to exit gracefully". The default 500 ms is not enough for a worker to tear down its
  // loaded modules on a busy 2-core machine; a handle left open still keeps it past 5 s.
  workerGracefulExitTimeout: 5000
}
