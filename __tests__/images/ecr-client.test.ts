import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { createEcrClient, ecrAuthorization, ensureEcrRepository } from '../../src/clients/ecr.js'
import { DeployError } from '../../src/errors.js'
import { AwsFault, THROTTLING, awsTestEnv } from '../simulators/aws.js'
import { ECR_PREFIX, startEcrSimulator, type EcrSimulator } from '../simulators/ecr.js'

/** The ECR adapter with the real SDK client against the ECR API simulator, faults included. */
describe('ECR client', () => {
  let sim: EcrSimulator
  let client: ECRClient
  const saved = { ...process.env }

  beforeAll(async () => {
    sim = await startEcrSimulator({
      url: 'http://127.0.0.1:5999',
      password: 'ecr-password',
      stalePassword: 'old'
    })
    Object.assign(process.env, awsTestEnv(sim.url, ['ECR']))
    client = await createEcrClient()
  })
  afterAll(async () => {
    process.env = saved
    await sim.close()
  })
  beforeEach(() => sim.repositories.clear())

  it('without a region it says how to set one', async () => {
    const { AWS_REGION, AWS_DEFAULT_REGION } = process.env
    delete process.env.AWS_REGION
    delete process.env.AWS_DEFAULT_REGION
    try {
      await expect(createEcrClient()).rejects.toMatchObject({
        code: 'REGISTRY_AUTH_FAILED',
        message: expect.stringMatching(/AWS_REGION/)
      })
    } finally {
      Object.assign(process.env, { AWS_REGION, AWS_DEFAULT_REGION: AWS_DEFAULT_REGION ?? '' })
      if (!AWS_DEFAULT_REGION) delete process.env.AWS_DEFAULT_REGION
    }
  })

  it('decodes the authorization token and takes the host from the proxy endpoint', async () => {
    const auth = await ecrAuthorization(client)
    expect(auth).toMatchObject({
      host: '127.0.0.1:5999',
      username: 'AWS',
      password: 'ecr-password',
      insecure: true
    })
    expect(auth.expiresAt!.getTime()).toBeGreaterThan(Date.now())
  })

  it('creates a missing repository with scan on push, then finds it', async () => {
    expect(await ensureEcrRepository(client, 'team/api', { create: true })).toEqual({
      name: 'team/api',
      immutable: false,
      created: true
    })
    expect(sim.repositories.get('team/api')?.scanOnPush).toBe(true)
    sim.repositories.get('team/api')!.imageTagMutability = 'IMMUTABLE'
    expect(await ensureEcrRepository(client, 'team/api', { create: true })).toEqual({
      name: 'team/api',
      immutable: true,
      created: false
    })
  })

  it('does not create a repository when asked only to look', async () => {
    await expect(ensureEcrRepository(client, 'team/none', { create: false })).rejects.toMatchObject(
      {
        code: 'PUSH_FAILED'
      }
    )
    expect(sim.repositories.size).toBe(0)
  })

  it('uses the repository another job created between the look and the create', async () => {
    sim.register(ECR_PREFIX, {
      CreateRepository: input => {
        sim.repositories.set(String(input.repositoryName), {
          repositoryName: String(input.repositoryName),
          imageTagMutability: 'MUTABLE',
          scanOnPush: true
        })
        throw new AwsFault('RepositoryAlreadyExistsException', 'already exists')
      }
    })
    const repo = await ensureEcrRepository(client, 'team/race', { create: true })
    expect(repo).toMatchObject({ name: 'team/race', created: false })
  })

  it.each([
    ['throttling', THROTTLING],
    ['5xx', { kind: 'status', status: 503, body: { __type: 'ServerException', message: 'oops' } }],
    ['a dropped connection', { kind: 'reset' }]
  ] as const)('retries %s', async (_name, fault) => {
    const before = sim.operations.length
    sim.faults.inject(fault)
    expect((await ecrAuthorization(client)).password).toBe('ecr-password')
    expect(sim.operations.length - before).toBe(2)
  })

  it('an answer without a usable token is REGISTRY_AUTH_FAILED', async () => {
    sim.faults.inject({ kind: 'malformed', body: '{"authorizationData": []}', status: 200 })
    const error = (await ecrAuthorization(client).catch((e: unknown) => e)) as DeployError
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
  })

  it('an answer that is not JSON fails instead of passing for a token', async () => {
    sim.faults.inject({ kind: 'malformed' })
    const error = (await ecrAuthorization(client).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.details).toMatch(/^ECR GetAuthorizationToken: /)
    expect(sim.faults.pending).toBe(0)
  })

  it('access denied is REGISTRY_AUTH_FAILED naming the operation AWS refused', async () => {
    const refusal =
      'User: arn:aws:sts::1:assumed-role/ci is not authorized to perform ecr:CreateRepository'
    sim.faults.inject(
      { kind: 'status', status: 400, body: { __type: 'AccessDeniedException', message: refusal } },
      { match: r => r.headers['x-amz-target'] === `${ECR_PREFIX}.CreateRepository` }
    )
    const error = (await ensureEcrRepository(client, 'team/x', { create: true }).catch(
      (e: unknown) => e
    )) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toMatch(/^AWS refused ECR CreateRepository team\/x\./)
    expect(error.details).toBe(`ECR CreateRepository team/x: AccessDeniedException: ${refusal}`)
  })

  it("credentials AWS does not recognise keep sendAws's explanation, as REGISTRY_AUTH_FAILED", async () => {
    sim.faults.inject({
      kind: 'status',
      status: 400,
      body: { __type: 'UnrecognizedClientException', message: 'The security token is invalid.' }
    })
    const error = (await ecrAuthorization(client).catch((e: unknown) => e)) as DeployError
    expect(error).toBeInstanceOf(DeployError)
    expect(error.code).toBe('REGISTRY_AUTH_FAILED')
    expect(error.message).toBe(
      'AWS rejected the credentials (UnrecognizedClientException): check the role or keys the ' +
        'job is given (aws-actions/configure-aws-credentials with role-to-assume and ' +
        '`permissions: id-token: write`, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).'
    )
    expect(error.message).not.toMatch(/ecr:/)
    expect(error.details).toBe(
      'ECR GetAuthorizationToken: UnrecognizedClientException: The security token is invalid.'
    )
  })
})
