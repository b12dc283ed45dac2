import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { DeployError } from '../../src/errors.js'
import { readSettings } from '../../src/settings/index.js'
import type { CloudFormationTarget, Settings } from '../../src/settings/types.js'
import { createTestRepo, type TestRepo } from '../fixtures/git-repo.js'
import { recordingToolkit } from '../fixtures/toolkit.js'

const TEMPLATE = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n'

function repoWith(config: string, files: Record<string, string> = {}): TestRepo {
  return createTestRepo({
    '.github/deploy.yml': config,
    'api/Dockerfile': 'FROM scratch\n',
    'infra/api.yaml': TEMPLATE,
    ...files
  })
}

async function settingsOf(repo: TestRepo, environment = 'dev'): Promise<Settings> {
  const core = recordingToolkit({ environment })
  return readSettings(core, { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: join(repo.dir, '.tmp') })
}

async function problemsOf(repo: TestRepo): Promise<string[]> {
  const error = await settingsOf(repo).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DeployError)
  expect((error as DeployError).code).toBe('INVALID_INPUT')
  return ((error as DeployError).details ?? '').split('\n')
}

function stackOf(settings: Settings, name: string): CloudFormationTarget {
  const deploy = settings.services.find(s => s.name === name)?.deploy
  expect(deploy?.kind).toBe('cloudformation')
  return deploy as CloudFormationTarget
}

describe('deploy.cloudformation in the config', () => {
  const config = `services:
  api:
    build: {context: api}
    deploy:
      cloudformation:
        stack: shop-{environment}-{service}
        template: infra/api.yaml
        parameter_overrides_file: infra/params.json
        parameters: {ImageUri: '{image_uri}', Memory: 512, Public: true}
        capabilities: [CAPABILITY_IAM]
        tags: {team: shop, commit: '{commit}'}
        role_arn: arn:aws:iam::123456789012:role/cfn-exec
        url_output: ApiUrl
        deploy_timeout: 45m
      verify: {url: '{outputs.ApiUrl}health', contains: ok}
environments:
  prod:
    services:
      api:
        deploy:
          cloudformation:
            parameters: {Memory: 2048}
            termination_protection: true
            on_rollback_complete: fail
`
  const repo = repoWith(config, {
    'infra/params.json': JSON.stringify([
      { ParameterKey: 'Memory', ParameterValue: '256' },
      { ParameterKey: 'LogLevel', ParameterValue: 'info' }
    ])
  })

  it('becomes a target with placeholders filled, paths resolved and defaults applied', async () => {
    const target = stackOf(await settingsOf(repo), 'api')
    expect(target).toEqual({
      kind: 'cloudformation',
      region: undefined,
      stack: 'shop-dev-api',
      template: join(repo.dir, 'infra/api.yaml'),
      // The file's parameters, with the config's over them; deploy-time placeholders kept.
      parameters: { Memory: '512', LogLevel: 'info', ImageUri: '{image_uri}', Public: 'true' },
      capabilities: ['CAPABILITY_IAM'],
      tags: { team: 'shop', commit: '{commit}' },
      roleArn: 'arn:aws:iam::123456789012:role/cfn-exec',
      terminationProtection: undefined,
      templateBucket: undefined,
      onRollbackComplete: 'recreate',
      urlOutput: 'ApiUrl',
      timeoutMs: 45 * 60_000,
      pollIntervalMs: undefined,
      verify: {
        url: '{outputs.ApiUrl}health',
        expectStatus: 200,
        contains: 'ok',
        timeoutMs: 120_000,
        intervalMs: 5000
      }
    })
  })

  it('takes the environment override key by key', async () => {
    const target = stackOf(await settingsOf(repo, 'prod'), 'api')
    expect(target).toMatchObject({
      stack: 'shop-prod-api',
      parameters: { Memory: '2048', ImageUri: '{image_uri}' },
      terminationProtection: true,
      onRollbackComplete: 'fail',
      roleArn: 'arn:aws:iam::123456789012:role/cfn-exec'
    })
  })

  it('reads a parameter file as a mapping or as CodePipeline template configuration', async () => {
    for (const text of [
      '{"Memory": 256, "LogLevel": "info"}',
      'Parameters:\n  Memory: 256\n  LogLevel: info\n'
    ]) {
      const repo = repoWith(
        'services:\n  api:\n    deploy:\n      cloudformation: {stack: api, template: infra/api.yaml, parameter_overrides_file: infra/p.yaml}\n',
        { 'infra/p.yaml': text }
      )
      expect(stackOf(await settingsOf(repo), 'api').parameters).toEqual({
        Memory: '256',
        LogLevel: 'info'
      })
    }
  })

  it('lists every problem at once, each under its key', async () => {
    const problems = await problemsOf(
      repoWith(
        `services:
  api:
    deploy:
      cloudformation:
        stack: '{service}-{region}'
        template: infra/missing.yaml
        parameter_overrides_file: infra/bad-params.json
        parameters: {ImageUri: '{image_uri}', Tag: '{branch}'}
        capabilities: [CAPABILITY_ADMIN]
        template_bucket: Not_A_Bucket
        wait: 5m
      verify: {url: '{outputs.ApiUrl}/health?t={token}'}
  docs:
    deploy:
      cloudformation: {stack: '9-docs', template: infra/api.yaml, url_output: Api-Url}
      verify: {url: 'ftp://docs.example.com', expect_status: 700}
`,
        {
          'infra/bad-params.json': '[{"Key": "Memory"}]',
          'infra/big.json': `{"Resources": {}, "Pad": "${'x'.repeat(60_000)}"}`
        }
      )
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        '.github/deploy.yml: services.api.deploy.cloudformation.stack: expected a stack name: a letter, then letters, digits and "-" (placeholders {environment}, {service})',
        '.github/deploy.yml: services.api.deploy.cloudformation.capabilities.0: expected one of "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND", got string \'CAPABILITY_ADMIN\'',
        '.github/deploy.yml: services.api.deploy.cloudformation.template_bucket: expected an S3 bucket name (3 to 63 lower-case letters, digits, "." and "-")',
        '.github/deploy.yml: services.api.deploy.cloudformation.wait: unknown key',
        '.github/deploy.yml: services.docs.deploy.cloudformation.stack: expected a stack name: a letter, then letters, digits and "-" (placeholders {environment}, {service})',
        '.github/deploy.yml: services.docs.deploy.cloudformation.url_output: expected a CloudFormation logical name (letters and digits)',
        '.github/deploy.yml: services.docs.deploy.verify.expect_status: expected at most 599'
      ])
    )
  })

  it('checks files, placeholders and sizes once the shape is right', async () => {
    const problems = await problemsOf(
      repoWith(
        `services:
  api:
    deploy:
      cloudformation:
        stack: api
        template: infra/missing.yaml
        parameter_overrides_file: infra/bad-params.json
        parameters: {ImageUri: '{image_uri}', Tag: '{branch}'}
      verify: {url: '{outputs.ApiUrl}/health?t={token}'}
  web:
    deploy:
      cloudformation: {stack: web, template: infra/big.json}
  docs:
    deploy:
      cloudformation: {stack: docs, template: infra/api.yaml}
      verify: {url: 'ftp://docs.example.com'}
  blog:
    deploy:
      cloudformation: {stack: blog, template: infra/api.yaml}
      argocd: {app: blog}
`,
        {
          'infra/bad-params.json': '[{"Key": "Memory"}]',
          'infra/big.json': `{"Resources": {}, "Pad": "${'x'.repeat(60_000)}"}`
        }
      )
    )
    expect(problems.map(line => line.replace(/\/tmp\/[^/]+/g, '<repo>'))).toEqual(
      expect.arrayContaining([
        `.github/deploy.yml: services.api.deploy.cloudformation.template: file <repo>/infra/missing.yaml does not exist`,
        '.github/deploy.yml: services.api.deploy.cloudformation.parameter_overrides_file: expected parameter names of letters and digits (a mapping, or a list of ParameterKey and ParameterValue), got an entry without ParameterKey',
        '.github/deploy.yml: services.api.deploy.cloudformation.parameters.ImageUri: uses {image_uri}, but the service builds no image (add build, or use {image_tag})',
        '.github/deploy.yml: services.api.deploy.cloudformation.parameters.Tag: unknown placeholder {branch}; known: {image_uri}, {image_tag}, {version}, {environment}, {commit}',
        '.github/deploy.yml: services.api.deploy.verify.url: unknown placeholder {token}; known: {deployment_url}, {outputs.<output name>}',
        '.github/deploy.yml: services.web.deploy.cloudformation.template: is 60028 bytes, over the 51200-byte limit of a template sent inline; set template_bucket to upload it to S3',
        '.github/deploy.yml: services.docs.deploy.verify.url: expected an http(s) URL',
        '.github/deploy.yml: services.blog.deploy: expected exactly one of ecs, stepfunctions, argocd, cloudformation, kubernetes, helm'
      ])
    )
  })
})
