// `npm run demo -- --example stacks`: examples/stacks, four CloudFormation stacks in two tiers,
// deployed to the CloudFormation simulator the tests use (__tests__/simulators/cloudformation.ts,
// with STS from aws.ts for the preflight), the status card to the Slack and Discord stand-ins.
// The functions stack's HealthUrl points at the example's own Lambda handler, served on
// 127.0.0.1 in place of API Gateway and Lambda, so the verify check asks real code over HTTP.
// None of this is AWS. Loaded through ./ts-hooks.mjs, which must be registered first.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { awsTestEnv, startAwsSimulator } from '../../__tests__/simulators/aws.ts'
import { startCfnSimulator } from '../../__tests__/simulators/cloudformation.ts'
import { startHttpServer } from '../../__tests__/simulators/http.ts'
import { handler } from '../../examples/stacks/functions/handler.mjs'
import { startGroup, startNotifiers } from './notifiers.mjs'

/** The stacks examples/stacks/.github/deploy.yml names for dev, by tier. */
const TIERS = [
  ['orders-dev-tables', 'orders-dev-api', 'orders-dev-workflow'],
  ['orders-dev-functions']
]
const FUNCTIONS = 'orders-dev-functions'
// One resource step every 250 ms: each stack takes one to two seconds, long enough to see the
// tier-1 operations overlap in the timings, short enough to keep the demo quick.
const STEP_MS = 250
// The Lambda base image is a large download; the demo's image is the handler alone, FROM scratch,
// in the directory the base image would have put it.
const BASE_IMAGE = /^FROM\s+public\.ecr\.aws\/lambda\/nodejs:\S+\s*$/m
const SCRATCH = 'FROM scratch\nENV LAMBDA_TASK_ROOT=/var/task'
const VERIFY_TIMEOUT = '20s'

export const example = {
  simulators: 'CloudFormation, Slack and Discord',
  start,
  localize,
  report,
  facts,
  notice: [
    'AWS CloudFormation, Slack and Discord in this run were local simulators on 127.0.0.1 ' +
      "(__tests__/simulators in this repository), not the real services. The functions stack's " +
      "health URL was the example's handler.mjs served on 127.0.0.1, in place of API Gateway and " +
      'Lambda.',
    'The registry was a real docker-registry, the functions image was built by buildah (FROM ' +
      'scratch instead of the Lambda base image), and the git tag was created in a temporary ' +
      'local repository.'
  ]
}

/** @param {{ actor: string, authorEmail: string }} options */
async function start({ actor, authorEmail }) {
  return startGroup(async (open, close) => {
    const cloudformation = await open(await startCfnSimulator())
    // The preflight asks STS who the credentials are; the CloudFormation simulator does not.
    const sts = await open(await startAwsSimulator())
    const health = await open(await startHttpServer(invokeHandler))
    const healthUrl = `${health.url}/health`
    // The simulator holds the tier-1 operations until all three are executing: the run can only
    // finish if it really deploys them at the same time.
    cloudformation.holdTogether(TIERS[0])
    // The one server plays API Gateway too: the api stack's ApiUrl is its root.
    const outputs = {
      [TIERS[0][1]]: { ApiId: 'sim-ApiId', ApiUrl: `${health.url}/` },
      [FUNCTIONS]: { HealthUrl: healthUrl }
    }
    for (const name of TIERS.flat()) {
      cloudformation.script(name, {
        stepMs: STEP_MS,
        ...(outputs[name] ? { outputs: outputs[name] } : {})
      })
    }
    const notifiers = await startNotifiers(open, { actor, authorEmail })
    const aws = awsTestEnv(cloudformation.url, ['CLOUDFORMATION'])
    return {
      inputs: notifiers.inputs,
      // Every AWS client the run makes reaches a simulator, never an AWS endpoint: the services
      // none of them plays answer with an error.
      env: {
        ...aws,
        AWS_ENDPOINT_URL_S3: cloudformation.s3.url,
        AWS_ENDPOINT_URL_STS: sts.url,
        AWS_ENDPOINT_URL: sts.url
      },
      secrets: { ...notifiers.secrets, AWS_SECRET_ACCESS_KEY: aws.AWS_SECRET_ACCESS_KEY },
      witness: async () => ({
        ...witness(cloudformation, health, healthUrl),
        ...notifiers.witness()
      }),
      close
    }
  })
}

/** API Gateway's payload 2.0, as far as the handler reads it, and its answer as HTTP. */
async function invokeHandler(request) {
  const answer = await handler({
    rawPath: request.path,
    requestContext: { http: { method: request.method, path: request.path } }
  })
  return {
    status: answer.statusCode,
    headers: { 'content-type': 'application/json' },
    body: answer.body
  }
}

/**
 * The example pointed at what runs here: the registry in place of ECR, and the functions' base
 * image in place of the Lambda one. Comments are kept.
 */
function localize(workspace, { registrySpec }) {
  const configFile = join(workspace, '.github', 'deploy.yml')
  const doc = parseDocument(readFileSync(configFile, 'utf8'))
  const registry = doc.get('registry')
  doc.set('registry', registrySpec)
  // The handler here answers at once: a failed check shows in seconds, not after the 3 minutes a
  // real cold start may need.
  const verify = ['services', 'functions', 'deploy', 'verify']
  const timeout = doc.getIn([...verify, 'timeout'])
  doc.setIn([...verify, 'timeout'], VERIFY_TIMEOUT)
  doc.setIn([...verify, 'interval'], '1s')
  writeFileSync(configFile, doc.toString())
  const dockerfile = join(workspace, 'functions', 'Dockerfile')
  const text = readFileSync(dockerfile, 'utf8')
  const base = BASE_IMAGE.exec(text)?.[0].trim()
  if (!base) throw new Error(`${dockerfile}: no Lambda base image to replace`)
  writeFileSync(dockerfile, text.replace(BASE_IMAGE, SCRATCH))
  return [
    `examples/stacks as deployed here: registry ${registry} -> ${registrySpec}; ` +
      `functions/Dockerfile ${base} -> FROM scratch (the handler alone, nothing to download); ` +
      `verify timeout ${timeout} -> ${VERIFY_TIMEOUT}`
  ]
}

/** What the CloudFormation simulator and the health URL saw, from their own state. */
function witness(cloudformation, health, healthUrl) {
  const stacks = TIERS.flatMap((names, tier) =>
    names.map(name => {
      const stack = cloudformation.stack(name)
      const changeSet = cloudformation
        .callsOf('CreateChangeSet')
        .find(call => call.input.StackName === name)
      return {
        name,
        tier: tier + 1,
        status: stack?.status,
        changeSetAt: changeSet?.at,
        parameters: Object.fromEntries(
          (changeSet?.input.Parameters ?? []).map(p => [p.ParameterKey, p.ParameterValue])
        ),
        changes: stack?.changeSets[0]?.changes.length ?? 0,
        outputs: stack?.outputs ?? {},
        operations: cloudformation.operations
          .filter(operation => operation.stackName === name)
          .map(({ kind, status, startedAt, endedAt }) => ({ kind, status, startedAt, endedAt }))
      }
    })
  )
  return {
    cloudformation: { calls: cloudformation.calls.length, stacks },
    health: {
      url: healthUrl,
      checks: health.requests.filter(request => request.path === '/health').length
    }
  }
}

/** Each stack's operation as a bar on one time axis, so the tiers show: three at once, then one. */
function report(seen) {
  const { stacks } = seen.cloudformation
  const operations = stacks.flatMap(stack => stack.operations)
  if (operations.length === 0) return ['CloudFormation simulator: no stack was deployed']
  const first = Math.min(...operations.map(o => o.startedAt))
  const last = Math.max(...operations.map(o => o.endedAt ?? o.startedAt))
  const width = 40
  const column = at => Math.round(((at - first) / Math.max(last - first, 1)) * width)
  const pad = Math.max(...stacks.map(stack => stack.name.length))
  const lines = [
    "CloudFormation simulator: each stack's operation, from ExecuteChangeSet to its last event, " +
      'in seconds after the first began (it holds tier 1 until all three are executing):'
  ]
  for (const stack of stacks) {
    for (const operation of stack.operations) {
      const from = column(operation.startedAt)
      const to = Math.max(column(operation.endedAt ?? last), from + 1)
      lines.push(
        `  tier ${stack.tier}  ${stack.name.padEnd(pad)}  ${operation.kind} ` +
          `${seconds(operation.startedAt - first)} -> ${operation.endedAt === undefined ? '(running)' : seconds(operation.endedAt - first)}  ` +
          `|${' '.repeat(from)}${'#'.repeat(to - from)}${' '.repeat(width - to)}|  ` +
          `${operation.status ?? stack.status}, ${stack.changes} change${stack.changes === 1 ? '' : 's'}`
      )
    }
  }
  const functions = stacks.find(stack => stack.name === FUNCTIONS)
  const tier1Ends = stacks
    .filter(stack => stack.tier === 1)
    .flatMap(stack => stack.operations.map(o => o.endedAt ?? Infinity))
  if (functions?.changeSetAt !== undefined) {
    lines.push(
      `  ${FUNCTIONS}: change set made at ${seconds(functions.changeSetAt - first)}, the last ` +
        `tier-1 stack having ended at ${seconds(Math.max(...tier1Ends) - first)}; ImageUri ` +
        (functions.parameters.ImageUri ?? '(none)')
    )
  }
  lines.push(
    `Health URL (examples/stacks/functions/handler.mjs on 127.0.0.1): ${seen.health.url}, ` +
      `asked ${seen.health.checks} time${seen.health.checks === 1 ? '' : 's'} by the verify check`
  )
  return lines
}

function facts(seen) {
  const { stacks } = seen.cloudformation
  const complete = stacks.filter(stack => stack.status === 'CREATE_COMPLETE').length
  return [
    `CloudFormation (simulator): ${complete} of ${stacks.length} stacks CREATE_COMPLETE; tier 1 ` +
      `(${TIERS[0].join(', ')}) at once, then ${FUNCTIONS}`,
    `verify: ${seen.health.url} asked ${seen.health.checks} time(s)`
  ]
}

function seconds(ms) {
  return `+${(ms / 1000).toFixed(2)} s`
}
