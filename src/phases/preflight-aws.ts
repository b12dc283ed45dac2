import type { StsApi } from '../clients/sts.js'
import { DeployError, errorMessage } from '../errors.js'
import { pushes, type Plan } from '../plan/types.js'
import type {
  CloudFormationTarget,
  EcsTarget,
  Settings,
  StepFunctionsTarget
} from '../settings/types.js'
import type { Toolkit } from '../toolkit.js'
import {
  CHECK_BOUNDS,
  configKey,
  failed,
  ok,
  problem,
  type Check,
  type Finding
} from './preflight-findings.js'

/**
 * The preflight's AWS half. Every user of AWS in the plan (an ECS or Step Functions target, the ECR
 * registry) is placed in the region its client will resolve; a user without one is a "Region is
 * missing" that names it and what sets it. Each region's credentials are asked who they are (STS
 * GetCallerIdentity), then each user's own thing is read there: the ECS service (and CodeDeploy
 * group), the state machine, the CloudFormation stack, an ECR login token.
 */
export interface AwsPreflight {
  readonly settings: Settings
  readonly plan: Plan
  readonly core: Pick<Toolkit, 'setSecret'>
}

/** Where a region's credentials are: what the lines about its users name. */
interface Where {
  readonly region: string
  readonly account: string
  readonly arn: string
}

interface AwsUser {
  /** "api on ECS", for the list of a region's users. */
  readonly label: string
  /** "ECS deploy of service 'api'", for "Region is missing". */
  readonly who: string
  readonly service: string | undefined
  /** The region the deploy config gives; undefined: the job's (AWS_REGION). */
  readonly region: string | undefined
  /** Where this user's own region is set, when it has such a key. */
  readonly regionKey: string | undefined
  readonly check: (where: Where, signal: AbortSignal) => Promise<Finding[]>
}

export function awsChecks(run: AwsPreflight): Check[] {
  const users = awsUsers(run)
  return users.length === 0 ? [] : [signal => checkAws(users, signal)]
}

function awsUsers(run: AwsPreflight): AwsUser[] {
  const { settings, plan } = run
  const users: AwsUser[] = []
  for (const service of plan.services) {
    const target = service.deploy
    const name = service.name
    let title: string
    let check: AwsUser['check']
    switch (target?.kind) {
      case 'ecs':
        title = 'ECS'
        check = (where, signal) => checkEcs(settings, name, target, where, signal)
        break
      case 'stepfunctions':
        title = 'Step Functions'
        check = (where, signal) => checkStateMachine(settings, name, target, where, signal)
        break
      case 'cloudformation':
        title = 'CloudFormation'
        check = (where, signal) => checkStack(name, target, where, signal)
        break
      default:
        continue
    }
    users.push({
      label: `${name} on ${title}`,
      who: `${title} deploy of service '${name}'`,
      service: name,
      region: target.region,
      regionKey: configKey(settings, name, `${target.kind}.region`),
      check
    })
  }
  const pushedToEcr = plan.services
    .filter(s => s.image?.registry === 'ecr' && pushes(s.image))
    .map(s => s.name)
  if (pushedToEcr.length > 0) {
    users.push({
      label: `ECR (${pushedToEcr.join(', ')})`,
      who: `ECR, where ${pushedToEcr.join(', ')} ${pushedToEcr.length === 1 ? 'is' : 'are'} pushed,`,
      service: undefined,
      region: undefined,
      regionKey: undefined,
      check: (where, signal) => checkEcrLogin(run, where, signal)
    })
  }
  return users
}

/** The AWS client helpers, loaded only by a run that uses AWS. */
type Aws = typeof import('../clients/aws.js')

async function checkAws(users: readonly AwsUser[], signal: AbortSignal): Promise<Finding[]> {
  const [aws, { StsApi }] = await Promise.all([
    import('../clients/aws.js'),
    import('../clients/sts.js')
  ])
  // The region each user's client will resolve, asked of a client made the same way.
  const clients = new Map<string | undefined, { sts: StsApi; region: string | undefined }>()
  for (const region of new Set(users.map(u => u.region))) {
    const sts = await StsApi.create(region, CHECK_BOUNDS)
    clients.set(region, { sts, region: await sts.region() })
  }
  const findings: Finding[] = []
  const regions = new Map<string, { sts: StsApi; users: AwsUser[] }>()
  for (const user of users) {
    const { sts, region } = clients.get(user.region)!
    if (!region) {
      findings.push(problem(aws.missingRegion(user.who, user.regionKey)))
      continue
    }
    const group = regions.get(region) ?? { sts, users: [] }
    group.users.push(user)
    regions.set(region, group)
  }
  const checked = await Promise.all(
    [...regions].map(([region, group]) => checkRegion(aws, region, group.sts, group.users, signal))
  )
  return [...findings, ...checked.flat()]
}

/** Who the credentials are in one region, then what each of its users needs there. */
async function checkRegion(
  aws: Aws,
  region: string,
  sts: StsApi,
  users: readonly AwsUser[],
  signal: AbortSignal
): Promise<Finding[]> {
  const usedBy = users.map(u => `${u.label} (region from ${regionSource(u)})`).join(', ')
  let where: Where
  try {
    const identity = await sts.callerIdentity(signal)
    where = { region, ...identity }
  } catch (error) {
    return [credentialsProblem(aws, region, users, error)]
  }
  const head = ok(`AWS ${region}: account ${where.account} as ${where.arn}; used by ${usedBy}`)
  const each = await Promise.all(
    users.map(user =>
      user.check(where, signal).catch((error: unknown) => {
        signal.throwIfAborted()
        return [failed(`${user.label} in ${region}`, error)]
      })
    )
  )
  return [head, ...each.flat()]
}

function regionSource(user: AwsUser): string {
  if (user.region) return 'the deploy config'
  if (process.env.AWS_REGION) return 'AWS_REGION'
  if (process.env.AWS_DEFAULT_REGION) return 'AWS_DEFAULT_REGION'
  return 'the AWS config file'
}

function credentialsProblem(
  aws: Aws,
  region: string,
  users: readonly AwsUser[],
  error: unknown
): Finding {
  const cause = error instanceof DeployError && error.cause !== undefined ? error.cause : error
  const subject = `AWS credentials for ${region} (used by ${users.map(u => u.label).join(', ')})`
  switch (aws.credentialTrouble(cause)) {
    case 'missing':
      return problem(`${subject}: none were found; ${aws.CREDENTIALS_STEP}`)
    case 'rejected':
      return problem(
        `${subject}: AWS rejected them (${errorName(cause)}: ${errorMessage(cause)}); ` +
          aws.CREDENTIALS_CHECK
      )
    case 'expired':
      return problem(
        `${subject}: they have expired; configure them in the same job, right before this step ` +
          '(aws-actions/configure-aws-credentials)'
      )
    default:
      return failed(`STS GetCallerIdentity in ${region}`, error)
  }
}

async function checkEcs(
  settings: Settings,
  name: string,
  target: EcsTarget,
  where: Where,
  signal: AbortSignal
): Promise<Finding[]> {
  const { EcsApi } = await import('../clients/ecs.js')
  const api = (await EcsApi.create(target.region)).within(CHECK_BOUNDS)
  const place = `${where.region}, account ${where.account}`
  const what = `ECS service '${target.service}' in cluster '${target.cluster}'`
  let found
  try {
    found = await api.findService(target.cluster, target.service, signal)
  } catch (error) {
    if (errorName(error) === 'ClusterNotFoundException') {
      return [
        problem(
          `${name}: ECS cluster '${target.cluster}' was not found in ${place}: check ` +
            `${configKey(settings, name, 'ecs.cluster')}, and that the credentials and the region ` +
            "are the cluster's"
        )
      ]
    }
    return [accessProblem(name, `read ${what}`, 'ecs:DescribeServices', where, error)]
  }
  if (!found) {
    return [
      problem(
        `${name}: ECS service '${target.service}' was not found in cluster '${target.cluster}' ` +
          `(${place}): check ${configKey(settings, name, 'ecs.service')}`
      )
    ]
  }
  if (found.status !== 'ACTIVE') {
    return [problem(`${name}: ${what} (${place}) is ${found.status}, not ACTIVE`)]
  }
  const findings = [ok(`${what} is ACTIVE (${where.region})`, name)]
  const codedeploy = target.strategy === 'codedeploy' ? target.codedeploy : undefined
  if (codedeploy) {
    const group = `CodeDeploy deployment group '${codedeploy.deploymentGroup}' of application '${codedeploy.application}'`
    try {
      await api.getDeploymentGroup(codedeploy.application, codedeploy.deploymentGroup, signal)
      findings.push(ok(`${group} exists (${where.region})`, name))
    } catch (error) {
      const missing = /^(DeploymentGroup|Application)DoesNotExistException$/.test(errorName(error))
      findings.push(
        missing
          ? problem(
              `${name}: ${group} was not found in ${place}: check ` +
                configKey(settings, name, 'ecs.codedeploy')
            )
          : accessProblem(name, `read ${group}`, 'codedeploy:GetDeploymentGroup', where, error)
      )
    }
  }
  return findings
}

async function checkStateMachine(
  settings: Settings,
  name: string,
  target: StepFunctionsTarget,
  where: Where,
  signal: AbortSignal
): Promise<Finding[]> {
  const arn = target.stateMachineArn
  if (!arn) {
    return [
      ok(
        `Step Functions (find mode): the execution is found after the push (${where.region})`,
        name
      )
    ]
  }
  const { StepFunctionsApi } = await import('../clients/sfn.js')
  const api = (await StepFunctionsApi.create(target.region)).within(CHECK_BOUNDS)
  const key = configKey(settings, name, 'stepfunctions.state_machine_arn')
  try {
    const machine = await api.describeStateMachine(arn, signal)
    const status = machine.status ?? 'ACTIVE'
    if (status !== 'ACTIVE') {
      return [problem(`${name}: Step Functions state machine ${arn} is ${status}, not ACTIVE`)]
    }
    return [ok(`Step Functions state machine '${machine.name}' is ACTIVE (${where.region})`, name)]
  } catch (error) {
    const place = `${where.region}, account ${where.account}`
    switch (errorName(error)) {
      case 'StateMachineDoesNotExist':
        return [
          problem(
            `${name}: Step Functions state machine ${arn} was not found in ${place}: check ${key}`
          )
        ]
      case 'InvalidArn':
        return [problem(`${name}: ${arn} is not a state machine ARN: check ${key}`)]
      default:
        return [
          accessProblem(
            name,
            `read state machine ${arn}`,
            'states:DescribeStateMachine',
            where,
            error
          )
        ]
    }
  }
}

/**
 * What the deploy would do to the stack, read-only (DescribeStacks; no change set): a stack the
 * deploy would stop at is a problem now, before anything is built; the rest is told, so that a
 * dry run shows each stack's planned action.
 */
async function checkStack(
  name: string,
  target: CloudFormationTarget,
  where: Where,
  signal: AbortSignal
): Promise<Finding[]> {
  const [{ CloudFormationApi }, { describeStackForPlan }] = await Promise.all([
    import('../clients/cloudformation.js'),
    import('../targets/cloudformation-plan.js')
  ])
  const api = (await CloudFormationApi.create(target.region)).within(CHECK_BOUNDS)
  let planned
  try {
    planned = await describeStackForPlan(target, signal, api)
  } catch (error) {
    return [
      accessProblem(
        name,
        `read stack ${target.stack}`,
        'cloudformation:DescribeStacks',
        where,
        error
      )
    ]
  }
  const place = `${where.region}, account ${where.account}`
  if (planned.action === 'blocked') {
    return [problem(`${name}: CloudFormation (${place}): ${planned.line}`)]
  }
  const state = planned.status ? ` (${planned.status})` : ''
  // Create and update say all in a word; a recreate or a wait says why.
  const why = planned.action === 'recreate' || planned.action === 'wait' ? `: ${planned.line}` : ''
  return [ok(`stack ${target.stack}: ${planned.action}${state} in ${where.region}${why}`, name)]
}

async function checkEcrLogin(
  run: AwsPreflight,
  where: Where,
  signal: AbortSignal
): Promise<Finding[]> {
  const { createEcrClient, ecrAuthorization } = await import('../clients/ecr.js')
  const auth = await ecrAuthorization(await createEcrClient(), {
    signal,
    attempts: CHECK_BOUNDS.attempts,
    attemptTimeoutMs: CHECK_BOUNDS.attemptTimeoutMs
  })
  run.core.setSecret(auth.password)
  return [ok(`ECR: a login token for ${auth.host} was issued (${where.region})`)]
}

/** AccessDenied says which role may not do what; anything else is the call's own failure. */
function accessProblem(
  name: string,
  doing: string,
  action: string,
  where: Where,
  error: unknown
): Finding {
  if (/AccessDenied/.test(errorName(error))) {
    return problem(
      `${name}: ${where.arn} may not ${doing} (${where.region}, account ${where.account}): ` +
        `allow ${action} for it, with the rest of what the deploy does`
    )
  }
  return failed(`${name}: ${doing} in ${where.region}`, error)
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}
