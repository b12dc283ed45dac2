import base from './jest.config.js'

/**
 * The tests that need more than this process and the loopback simulators: a real builder and
 * registry (buildah, docker-registry), the shipped bundle, a real kubectl or helm, or the action
 * run as its own process (the demo).
 * `npm test` runs them too; `npm run test:unit` leaves them out.
 */
export const INTEGRATION = [
  '/__tests__/dist\\.test\\.ts$',
  '/__tests__/pipeline\\.test\\.ts$',
  '/__tests__/images/build-push\\.test\\.ts$',
  '/__tests__/images/push-retry\\.test\\.ts$',
  '/__tests__/images/ecr\\.test\\.ts$',
  '/__tests__/notify/cancel-signal\\.test\\.ts$',
  '/__tests__/images/anonymous-registry\\.test\\.ts$',
  '/__tests__/changed-only\\.test\\.ts$',
  '/__tests__/scaling\\.test\\.ts$',
  '/__tests__/demo\\.test\\.ts$',
  '/__tests__/dist-crash\\.test\\.ts$',
  '/__tests__/local-action\\.test\\.ts$',
  '/__tests__/targets/kubernetes-kubectl\\.test\\.ts$'
]

// `npm run test:unit`: the inner loop, everything else: about 1.5 min on two cores, most of it in
// the few tests that wait out real deadlines (notify/run-end, phases/deploy-deadline, preflight).
// Run one file while working on it: `npm run test:unit -- __tests__/targets/ecs-rolling.test.ts`.
export default {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION]
}
