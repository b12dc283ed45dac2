import base from './jest.config.js'

/**
 * The tests that need more than this process and the loopback simulators: a real builder and
 * registry (buildah, docker-registry), the shipped bundle, or the action run as its own process.
 * `npm test` runs them too; `npm run test:unit` leaves them out.
 */
export const INTEGRATION = [
  '/__tests__/dist\\.test\\.ts$',
  '/__tests__/pipeline\\.test\\.ts$',
  '/__tests__/images/build-push\\.test\\.ts$',
  '/__tests__/images/push-retry\\.test\\.ts$',
  '/__tests__/images/ecr\\.test\\.ts$',
  '/__tests__/notify/cancel-signal\\.test\\.ts$'
]

// `npm run test:unit`: the inner loop, everything else (well under 30 s).
export default {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION]
}
