import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { DeployError } from '../../src/errors.js'
import { EventBus } from '../../src/events/bus.js'
import { emptyRunState, type PhaseContext } from '../../src/phases/context.js'
import { runDeployPhase } from '../../src/phases/deploy.js'
import type { Plan, PlannedService } from '../../src/plan/types.js'
import type {
  ArgoCdTarget,
  DeployTarget,
  Settings,
  StepFunctionsTarget
} from '../../src/settings/types.js'
import { recordingToolkit } from '../fixtures/toolkit.js'
import { startArgoCdSimulator, type ArgoCdSimulator } from '../simulators/argocd.js'
import type { SimRequest } from '../simulators/http.js'
import { startSfnSimulator, type SfnSimulator } from '../simulators/stepfunctions.js'
import { ecsRequest, ecsSimulators, NEW_IMAGE } from '../targets/ecs-fixtures.js'

/**
 * deploy_timeout holds for every call a target makes, not only for its wait: a server that
 * accepts the connection and never answers ends the service with TIMEOUT at its deploy_timeout,
 * long before the phase's own deadline (deploy_timeout + 90 s). The phase runs here without a
 * deadline of its own, so a deploy that outlived its deploy_timeout would hang the test until
 * jest's timeout: what is asserted is the error and the calls the simulators saw, never how long
 * it took.
 */
const DEADLINE_MS = 2000
const TOKEN = 'argocd-token-deadline-51c0'

const startEcs = ecsSimulators()
let argocd: ArgoCdSimulator | undefined
let sfn: SfnSimulator | undefined
afterEach(async () => {
  await argocd?.close()
  await sfn?.close()
  argocd = sfn = undefined
})

beforeAll(async () => {
  // Loaded once here, so that a deadline of two seconds is not spent loading the SDK.
  await Promise.all([
    import('@aws-sdk/client-ecs'),
    import('@aws-sdk/client-codedeploy'),
    import('@aws-sdk/client-elastic-load-balancing-v2'),
    import('@aws-sdk/client-sfn'),
    import('@aws-sdk/client-secrets-manager')
  ])
})

const target = (operation: string) => (request: SimRequest) =>
  String(request.headers['x-amz-target']).endsWith(`.${operation}`)

/** Deploys one service through the deploy phase; the error it ended with. */
async function deployOne(deploy: DeployTarget, imageUri = NEW_IMAGE): Promise<DeployError> {
  const service: PlannedService = {
    name: 'api',
    dependsOn: [],
    image: { tag: 'v1.4.0' } as PlannedService['image'],
    deploy
  }
  const settings = {
    deploy: { timeoutMs: DEADLINE_MS, pollIntervalMs: 20, argocdToken: TOKEN },
    context: { owner: 'acme', repo: 'shop', refName: 'main' }
  } as unknown as Settings
  const plan = {
    deploymentId: 'dep_4242_1',
    environment: 'dev',
    commit: 'c0ffee0000000000000000000000000000000001',
    version: { imageTag: 'v1.4.0' },
    services: [service],
    layers: [['api']]
  } as unknown as Plan
  const state = emptyRunState()
  state.images.api = imageUri
  const ctx: PhaseContext = {
    settings,
    plan,
    bus: new EventBus(() => undefined),
    core: recordingToolkit(),
    signal: new AbortController().signal,
    state
  }
  const error = await runDeployPhase(ctx).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  expect(error).toMatchObject({ code: 'TIMEOUT' })
  return error as DeployError
}

const NOT_DEPLOYED = 'not deployed within 2 s (deploy_timeout)'
const NOT_DEPLOYED_RE = NOT_DEPLOYED.replace(/[()]/g, '\\$&')

describe('ECS, hanging from its first call', () => {
  it('ends at deploy_timeout with TIMEOUT naming the call that hung', async () => {
    const sim = await startEcs({ controller: 'rolling', scenario: 'success' })
    sim.aws.faults.inject({ kind: 'hang' }, { times: 100 })
    const error = await deployOne(ecsRequest().target)
    expect(error.message).toBe(`api: ${NOT_DEPLOYED}: ECS DescribeServices had not answered`)
    // One attempt: its 30 s attempt timeout never came, the deploy_timeout did.
    expect(sim.aws.operations).toEqual(['DescribeServices'])
    expect(sim.registered).toEqual([])
  })

  it('ends at deploy_timeout when the service starts hanging while it is followed', async () => {
    const sim = await startEcs({ controller: 'rolling', scenario: 'success' })
    sim.failStatusCalls({ kind: 'hang' }, { after: 1, times: 100 })
    const error = await deployOne(ecsRequest().target)
    expect(error.message).toMatch(
      new RegExp(`^api: ECS deployment ecs-svc/\\d+ of api did not finish: ${NOT_DEPLOYED_RE}$`)
    )
    expect(sim.registered).toHaveLength(1)
    // The look that hung, then the explanation's own look (which gets the stop grace, no more).
    expect(sim.aws.faultsServed).toEqual(['hang', 'hang'])
    expect(error.details).toContain('not deployed within')
  })
})

describe('CodeDeploy', () => {
  const codedeploy = () =>
    ecsRequest({
      strategy: 'codedeploy',
      codedeploy: {
        application: 'AppECS-shop-api',
        deploymentGroup: 'DgpECS-shop-api',
        appspec: undefined,
        autoRollback: true
      }
    }).target

  it('a hanging CodeDeploy ends the service at deploy_timeout before anything is deployed', async () => {
    const sim = await startEcs({ controller: 'codedeploy', scenario: 'success' })
    sim.aws.faults.inject({ kind: 'hang' }, { times: 100, match: target('GetDeploymentGroup') })
    const error = await deployOne(codedeploy())
    expect(error.message).toBe(
      `api: ${NOT_DEPLOYED}: CodeDeploy GetDeploymentGroup had not answered`
    )
    expect(sim.aws.faultsServed).toEqual(['hang'])
    expect(sim.createdDeployments).toEqual([])
  })

  it('a CodeDeploy that hangs while followed is still stopped, with rollback, after the timeout', async () => {
    const sim = await startEcs({ controller: 'codedeploy', scenario: 'success' })
    sim.failStatusCalls({ kind: 'hang' }, { after: 1, times: 100 })
    const error = await deployOne(codedeploy())
    expect(error.message).toMatch(
      new RegExp(
        `^api: CodeDeploy deployment d-\\w+ did not finish: ${NOT_DEPLOYED_RE}; ` +
          'stopped CodeDeploy deployment d-\\w+; CodeDeploy rolls back'
      )
    )
    expect(sim.stops).toEqual([
      {
        operation: 'StopDeployment',
        input: { deploymentId: expect.stringMatching(/^d-/), autoRollbackEnabled: true }
      }
    ])
  })
})

describe('Step Functions and Secrets Manager', () => {
  const stepFunctions = (extra: Partial<StepFunctionsTarget>): StepFunctionsTarget => ({
    kind: 'stepfunctions',
    region: 'us-east-1',
    mode: 'start',
    stateMachineArn: undefined,
    input: {},
    secretName: undefined,
    secretTries: 3,
    secretIntervalMs: 20,
    deleteSecret: false,
    stopOnTimeout: false,
    healthCheckStates: [],
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  })

  it('a hanging Step Functions ends the service at deploy_timeout, no execution started', async () => {
    sfn = await startSfnSimulator({ sdkEnv: true })
    const arn = sfn.createStateMachine('shop-deploy')
    sfn.aws.faults.inject({ kind: 'hang' }, { times: 100 })
    const error = await deployOne(stepFunctions({ stateMachineArn: arn }))
    expect(error.message).toBe(
      `api: ${NOT_DEPLOYED}: Step Functions DescribeStateMachine had not answered`
    )
    expect(sfn.aws.operations).toEqual(['DescribeStateMachine'])
    expect(sfn.executions.size).toBe(0)
  })

  it('a hanging Secrets Manager ends the search for the execution at deploy_timeout', async () => {
    sfn = await startSfnSimulator({ sdkEnv: true })
    sfn.aws.faults.inject({ kind: 'hang' }, { times: 100, match: target('GetSecretValue') })
    const error = await deployOne(
      stepFunctions({ mode: 'find', secretName: 'deploy/{deployment_id}' })
    )
    expect(error.message).toBe(
      `api: the Step Functions execution of api did not finish: ${NOT_DEPLOYED}`
    )
    expect(sfn.aws.operations).toEqual(['GetSecretValue'])
  })
})

describe('Argo CD', () => {
  function app(name: string) {
    return {
      name,
      project: 'shop',
      spec: {
        project: 'shop',
        source: {
          repoURL: 'https://github.com/acme/charts',
          path: `charts/${name}`,
          targetRevision: 'main',
          helm: { parameters: [{ name: 'image.tag', value: 'old' }] }
        },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' }
      },
      images: { helm: { tagParameter: 'image.tag', defaultRepository: 'ghcr.io/acme/api' } }
    }
  }
  const argo = (extra: Partial<ArgoCdTarget> = {}): ArgoCdTarget => ({
    kind: 'argocd',
    app: 'shop-api',
    server: argocd?.url,
    project: 'shop',
    appNamespace: undefined,
    insecure: false,
    helmParameter: 'image.tag',
    helmRepositoryParameter: undefined,
    kustomizeImage: undefined,
    sourceIndex: undefined,
    sourceName: undefined,
    prune: false,
    syncOptions: [],
    terminateRunning: false,
    rollbackOnFailure: false,
    degradedGraceMs: 5000,
    timeoutMs: undefined,
    pollIntervalMs: undefined,
    ...extra
  })

  it('a hanging Argo CD API ends the service at deploy_timeout', async () => {
    argocd = await startArgoCdSimulator({ token: TOKEN, apps: [app('shop-api')] })
    argocd.http.faults.inject({ kind: 'hang' }, { times: 100 })
    const error = await deployOne(argo())
    expect(error.message).toBe(
      `api: ${NOT_DEPLOYED}: Argo CD GET application shop-api had not answered`
    )
    expect(argocd.http.requests.map(r => r.method)).toEqual(['GET'])
  })

  it('after deploy_timeout, rollback_on_failure still rolls the application back', async () => {
    argocd = await startArgoCdSimulator({ token: TOKEN, apps: [app('shop-api')] })
    argocd.script('shop-api', { hang: true })
    const error = await deployOne(
      argo({ rollbackOnFailure: true }),
      `ghcr.io/acme/api:v1.4.0@sha256:${'a'.repeat(64)}`
    )
    expect(error.message).toMatch(/; rolled back to history 1 \(revision [0-9a-f]{40}\)$/)
    expect(argocd.timeline('shop-api').map(e => e.event)).toEqual(
      expect.arrayContaining(['terminating', 'operation terminated', 'operation Succeeded'])
    )
  })
})
