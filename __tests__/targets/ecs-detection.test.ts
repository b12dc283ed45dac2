import { describe, expect, test } from '@jest/globals'
import { deploy } from '../../src/targets/ecs.js'
import { simulatedClock } from '../fixtures/clock.js'
import type { Controller, Scenario } from '../simulators/ecs.js'
import {
  detection,
  ecsRequest,
  ecsSimulators,
  expectPollCadence,
  recordingContext
} from './ecs-fixtures.js'

/**
 * The end is noticed within one poll interval: with ECS and CodeDeploy moving on their own clock
 * (a step every stepMs, out of phase with the looks), the look right after the final state is the
 * one that reports it, a look had come before it, and no wait between looks was longer than the
 * interval. Ordering and the waits asked for, not milliseconds measured. The clock is simulated and
 * shared with the follower, so a busy machine cannot let several steps pass between two looks.
 */
const startSimulator = ecsSimulators()

const codedeploy = {
  application: 'AppECS-shop-api',
  deploymentGroup: 'DgpECS-shop-api',
  appspec: undefined,
  autoRollback: true
}

describe('ECS deploy detection', () => {
  test.each<[Controller, Scenario, string]>([
    ['rolling', 'success', 'passed'],
    ['rolling', 'circuit-breaker', 'DEPLOY_FAILED'],
    ['codedeploy', 'success', 'passed'],
    ['codedeploy', 'health-check-failure', 'HEALTH_CHECK_FAILED'],
    ['blue_green', 'success', 'passed'],
    ['blue_green', 'bluegreen-rollback', 'HEALTH_CHECK_FAILED']
  ])(
    '%s / %s: the first look after the final state reports %s',
    async (controller, scenario, verdict) => {
      const clock = simulatedClock()
      const sim = await startSimulator({ controller, scenario, stepMs: 37, now: clock.now })
      const request = ecsRequest({
        strategy: controller,
        codedeploy: controller === 'codedeploy' ? codedeploy : undefined
      })

      const recorded = recordingContext({ intervalMs: 15, clock })
      const result = await deploy(request, recorded.context).then(
        () => 'passed',
        (error: { code?: string }) => error.code
      )
      const reportedAt = clock.now()

      expect(result).toBe(verdict)
      expect(detection(sim)).toEqual({ looksAfterFinal: 1, lookBefore: true })
      expectPollCadence(recorded)
      expect(reportedAt).toBeGreaterThanOrEqual(sim.finalAt as number)
    }
  )
})
