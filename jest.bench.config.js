import base from './jest.config.js'

// `npm run bench`: the same transform as the tests, but only bench/*.bench.ts, one at a time so
// the figures of one do not disturb another's.
export default {
  ...base,
  testMatch: ['**/bench/**/*.bench.ts'],
  maxWorkers: 1,
  testTimeout: 600000
}
