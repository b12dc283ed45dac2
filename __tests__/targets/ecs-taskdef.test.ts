import { describe, expect, it, test } from '@jest/globals'
import { inspect } from 'node:util'
import { EcsApi } from '../../src/clients/ecs.js'
import { DeployError } from '../../src/errors.js'
import { deploy } from '../../src/targets/ecs.js'
import {
  canonical,
  jsonSyntaxErrorAt,
  pinnedImage,
  prepareTaskDefinition,
  revisionsToDeregister
} from '../../src/targets/ecs-taskdef.js'
import {
  deployFailure,
  ecsRequest,
  NEW_IMAGE,
  PINNED_IMAGE,
  recordingContext,
  ecsSimulators,
  withFile
} from './ecs-fixtures.js'

const digest = `sha256:${'d'.repeat(64)}`

test.each([
  ['{"a": 1,}', 'line 1, column 9'],
  ['{\n  "a": secret\n}', 'line 2, column 8'],
  ['{"a": 1} x', 'line 1, column 10'],
  ['{\n"b": [1,\n 2 3]}', 'line 3, column 4']
])('jsonSyntaxErrorAt(%j) = %s', (text, where) => {
  expect(jsonSyntaxErrorAt(text)).toBe(where)
})

test.each([
  [`ghcr.io/acme/api:v1.2.3@${digest}`, `ghcr.io/acme/api@${digest}`],
  [`localhost:5000/api:dev-2611212300@${digest}`, `localhost:5000/api@${digest}`],
  [`localhost:5000/api@${digest}`, `localhost:5000/api@${digest}`],
  ['localhost:5000/api:latest', 'localhost:5000/api:latest'],
  [
    `123.dkr.ecr.us-east-1.amazonaws.com/team/api:rc-1@${digest}`,
    `123.dkr.ecr.us-east-1.amazonaws.com/team/api@${digest}`
  ]
])('pinnedImage(%s) = %s', (uri, pinned) => {
  expect(pinnedImage(uri)).toBe(pinned)
})

const described = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/api:4',
  family: 'api',
  revision: 4,
  status: 'ACTIVE',
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'ecs.capability.execution-role-ecr-pull' }],
  registeredAt: new Date('2026-11-01T00:00:00Z'),
  registeredBy: 'arn:aws:iam::1:role/x',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    { name: 'app', image: 'old/api:1', environment: [], mountPoints: [], cpu: 0, essential: true },
    { name: 'sidecar', image: 'envoy:1', environment: [], cpu: 0, essential: false }
  ]
}

const sdkKeys = async () => (await EcsApi.create('us-east-1')).registerKeys()

describe('prepareTaskDefinition', () => {
  it('points only the named container at the image and strips the keys ECS added', async () => {
    const prepared = prepareTaskDefinition({
      source: described,
      current: described,
      containers: ['app'],
      imageUri: NEW_IMAGE,
      registerKeys: await sdkKeys(),
      origin: 'task definition api:4'
    })
    expect(prepared.changed).toBe(true)
    expect(prepared.images).toEqual({ app: ['old/api:1', PINNED_IMAGE] })
    expect(prepared.input).not.toHaveProperty('revision')
    expect(prepared.input).not.toHaveProperty('registeredAt')
    expect(prepared.input.containerDefinitions).toEqual([
      expect.objectContaining({ name: 'app', image: PINNED_IMAGE }),
      expect.objectContaining({ name: 'sidecar', image: 'envoy:1' })
    ])
    expect(prepared.warnings).toEqual([])
    expect(described.containerDefinitions[0]?.image).toBe('old/api:1') // the source is not mutated
  })

  it('sees no change when the service already runs the image, and none for what ECS fills in', () => {
    const running = {
      ...described,
      containerDefinitions: [
        { ...described.containerDefinitions[0], image: PINNED_IMAGE },
        described.containerDefinitions[1]
      ]
    }
    const fromFile = {
      family: 'api',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'app', image: 'placeholder', cpu: 0, essential: true },
        { name: 'sidecar', image: 'envoy:1', cpu: 0, essential: false }
      ]
    }
    const options = {
      current: running,
      containers: ['app'],
      imageUri: NEW_IMAGE,
      registerKeys: undefined,
      origin: 'x'
    }
    expect(prepareTaskDefinition({ ...options, source: running }).changed).toBe(false)
    expect(prepareTaskDefinition({ ...options, source: fromFile }).changed).toBe(false)
    expect(
      prepareTaskDefinition({ ...options, source: { ...fromFile, memory: '1024' } }).changed
    ).toBe(true)
  })

  it('accepts DescribeTaskDefinition output saved to a file as is', () => {
    const prepared = prepareTaskDefinition({
      source: { taskDefinition: described, tags: [] },
      current: undefined,
      containers: [],
      imageUri: undefined,
      registerKeys: undefined,
      origin: 'file'
    })
    expect(prepared.input.family).toBe('api')
    expect(prepared.changed).toBe(true)
  })

  test.each([
    [['web'], /has no container named 'web'; its containers are app, sidecar/],
    [[], /has 2 containers \(app, sidecar\); set deploy.ecs.container/]
  ])('names the containers when %j cannot be matched', (containers, message) => {
    const run = () =>
      prepareTaskDefinition({
        source: described,
        current: undefined,
        containers,
        imageUri: NEW_IMAGE,
        registerKeys: undefined,
        origin: 'task definition api:4'
      })
    expect(run).toThrow(DeployError)
    expect(run).toThrow(message)
  })

  it('warns about keys the installed SDK would drop without a word', async () => {
    const prepared = prepareTaskDefinition({
      source: {
        ...described,
        ephemeralStorge: { sizeInGiB: 30 },
        containerDefinitions: [{ name: 'app', image: 'x', healthcheck: { command: ['true'] } }]
      },
      current: undefined,
      containers: ['app'],
      imageUri: NEW_IMAGE,
      registerKeys: await sdkKeys(),
      origin: 'task definition file td.json'
    })
    expect(prepared.warnings).toEqual([
      expect.stringMatching(
        /^task definition file td.json: ephemeralStorge is not part of RegisterTaskDefinition/
      ),
      expect.stringMatching(
        /container 'app' has healthcheck, which the installed AWS SDK does not send/
      )
    ])
  })
})

test('canonical ignores key order and empty lists, not values', () => {
  expect(canonical({ b: [], a: 1, c: { d: null } })).toBe(canonical({ a: 1 }))
  expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }))
})

describe('revisionsToDeregister', () => {
  const arn = (n: number, family = 'api') =>
    `arn:aws:ecs:us-east-1:1:task-definition/${family}:${n}`
  test.each([
    { keep: 2, inUse: [arn(9)], expected: [arn(7), arn(6)] },
    { keep: 1, inUse: [arn(9), arn(8)], expected: [arn(7), arn(6)] },
    { keep: 0, inUse: [arn(9)], expected: [arn(8), arn(7), arn(6)] }, // the newest always stays
    { keep: 5, inUse: [], expected: [] }
  ])('keep $keep, in use $inUse', ({ keep, inUse, expected }) => {
    const newestFirst = [arn(12, 'api-worker'), arn(9), arn(6), arn(8), arn(7)]
    expect(revisionsToDeregister(newestFirst, keep, 'api', inUse)).toEqual(expected)
  })
})

describe('deploy with a task definition file', () => {
  const startSimulator = ecsSimulators()

  it('registers the file with the image, and warns about what the SDK drops', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    const definition = JSON.stringify({
      family: 'api',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      containerDefinitions: [{ name: 'app', image: 'to-be-replaced', essentail: true }]
    })
    await withFile('task-definition.json', definition, async file => {
      const { context, log } = recordingContext()
      const outcome = await deploy(ecsRequest({ taskDefinition: file }), context)
      expect(outcome.outputs?.task_definition_arn).toMatch(/api:2$/)
      expect(sim.registered[0]).toMatchObject({
        cpu: '512',
        containerDefinitions: [{ name: 'app', image: PINNED_IMAGE }]
      })
      expect(sim.registered[0]?.containerDefinitions).toEqual([
        expect.not.objectContaining({ essentail: true })
      ])
      expect(log.filter(r => r.kind === 'warning').map(r => r.message)).toEqual([
        expect.stringContaining("container 'app' has essentail")
      ])
    })
  })

  it('says which file is unreadable or not JSON', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    await withFile('broken.json', '{"family": ', async file => {
      const error = await deployFailure(
        deploy(ecsRequest({ taskDefinition: file }), recordingContext().context)
      )
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toContain(`${file} is not valid JSON`)
      expect(sim.registered).toEqual([])
    })
    const missing = await deployFailure(
      deploy(ecsRequest({ taskDefinition: '/nonexistent/td.json' }), recordingContext().context)
    )
    expect(missing.code).toBe('INVALID_INPUT')
    expect(missing.message).toMatch(
      /^Cannot read the task definition file \/nonexistent\/td.json: /
    )
  })

  it('says where a broken file is broken without quoting it: it may hold plaintext values', async () => {
    const sim = await startSimulator({ controller: 'rolling', scenario: 'success' })
    // The value lost its opening quote on line 5, so the parser's message would quote it.
    const broken = [
      '{',
      '  "family": "api",',
      '  "containerDefinitions": [{',
      '    "name": "app",',
      '    "environment": [{ "name": "DB_PASSWORD", "value": hunter2-plaintext" }]',
      '  }]',
      '}'
    ].join('\n')
    await withFile('broken.json', broken, async file => {
      const error = await deployFailure(
        deploy(ecsRequest({ taskDefinition: file }), recordingContext().context)
      )
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toBe(
        `The task definition file ${file} is not valid JSON (at line 5, column 55).`
      )
      expect(inspect(error, { depth: 10 })).not.toContain('hunter2')
      expect(sim.registered).toEqual([])
    })
  })
})
