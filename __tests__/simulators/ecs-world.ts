/** Names, shapes and constants shared by the ECS simulator's files. */
export type Scenario =
  | 'success'
  | 'circuit-breaker'
  | 'disappears'
  | 'health-check-failure'
  | 'bluegreen-rollback'
  | 'never-ends'
  /** linear / canary: an alarm rolls the deployment back while a traffic step bakes. */
  | 'step-rollback'
  /** linear / canary: the Lambda hook before the second traffic shift returns FAILED. */
  | 'hook-fails'
  /** linear / canary: a PAUSE hook after test traffic holds for 20 min, then someone continues. */
  | 'hook-holds'

export type Controller = 'rolling' | 'codedeploy' | 'blue_green' | 'linear' | 'canary'

export interface EcsSimOptions {
  controller: Controller
  scenario: Scenario
  /** Omitted: one step per status call. A list: each step's own spacing (the last repeats). */
  stepMs?: number | readonly number[]
  /**
   * A simulated clock (ms). With it every step waits its own time (a bake, a hook that holds),
   * `stepMs` when it has none, and each look sees the timeline as of the clock.
   */
  clock?: () => number
  desiredCount?: number
  /** CodeDeploy deployment group's automatic rollback on failure. */
  autoRollback?: boolean
  /** false: the CodeDeploy deployment group has no test listener (testTrafficRoute). */
  testListener?: boolean
  /**
   * A simulated clock by the name the other simulators use, but not the same as `clock`: it
   * stamps and times the steps, which stay `stepMs` apart (or one per status call) instead of
   * waiting each its own time.
   */
  now?: () => number
}

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'
export const CLUSTER = 'shop'
export const SERVICE = 'api'
export const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/api-blue/0123456789abcdef`
export const LOAD_BALANCER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/shop/fedcba9876543210`
export const LB_DNS = 'shop-1234567890.us-east-1.elb.amazonaws.com'

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
/** `ms`: how long after the step before it this one happens, on a simulated clock. */
export type Step = { apply: () => void; final?: boolean; ms?: number }

/** JSON 1.1 timestamps are epoch seconds. */
export const seconds = (ms: number): number => ms / 1000

/** The state the ECS and CodeDeploy halves of the simulator share. */
export interface EcsWorld {
  readonly options: EcsSimOptions
  readonly desired: number
  readonly service: Json
  readonly taskDefinitions: ReadonlyMap<string, Json>
  /** AppSpecs of CreateDeployment, in order. */
  readonly created: { appspec: Record<string, unknown> }[]
  /** Stop calls (StopDeployment, StopServiceDeployment), in order. */
  readonly stops: { operation: string; input: Record<string, unknown> }[]
  nextId(): number
  /** The simulator's clock: the simulated one when the options give one. */
  now(): number
  /** Plays `steps`, one per status call or per stepMs; a step marked final sets finalAt. */
  startTimeline(steps: Step[]): void
  /** Someone stopped the deployment: nothing more happens on its own. */
  stopTimeline(): void
  /** Called by every operation; `statusCall` for the one the deploy is judged by. */
  advance(statusCall: boolean): void
}
