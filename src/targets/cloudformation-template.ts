import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import type { Parameter, Tag } from '@aws-sdk/client-cloudformation'
import type { CloudFormationApi } from '../clients/cloudformation.js'
import { DeployError } from '../errors.js'
import { readSmallTextFile } from '../settings/files.js'
import {
  TEMPLATE_BODY_LIMIT,
  TEMPLATE_URL_LIMIT,
  type StackValuePlaceholder
} from '../settings/stack-values.js'
import type { CloudFormationTarget } from '../settings/types.js'
import type { DeployRequest, TargetContext } from './types.js'
import { call } from './cloudformation-calls.js'

/**
 * What a change set is made of: the template (inline, or through S3 when it is over TemplateBody's
 * limit) and the parameters and tags with this deployment's values filled in.
 */

export type TemplateSource = { TemplateBody: string } | { TemplateURL: string }

export async function templateSource(
  api: CloudFormationApi,
  target: CloudFormationTarget,
  context: TargetContext
): Promise<TemplateSource> {
  const file = readSmallTextFile(target.template, TEMPLATE_URL_LIMIT)
  if (!file.ok) {
    throw new DeployError('INVALID_INPUT', `Template ${target.template} ${file.problem}`)
  }
  const body = file.text
  const bytes = Buffer.byteLength(body)
  if (bytes <= TEMPLATE_BODY_LIMIT) return { TemplateBody: body }
  const bucket = target.templateBucket
  if (!bucket) {
    throw new DeployError(
      'INVALID_INPUT',
      `Template ${target.template} is ${bytes} bytes, over the ${TEMPLATE_BODY_LIMIT}-byte limit ` +
        'of a template sent inline; set template_bucket to upload it to S3.'
    )
  }
  // Content-addressed: the same template is uploaded once, and a key never changes meaning.
  const hash = createHash('sha256').update(body).digest('hex')
  const extension = extname(target.template).toLowerCase() || '.template'
  const key = `deploy-pipeline/templates/${hash}${extension}`
  const contentType = extension === '.json' ? 'application/json' : 'text/yaml'
  const upload = await call('template upload to S3', () =>
    api.uploadTemplate({ bucket, key, body, contentType }, context.signal)
  )
  context.info(
    upload.uploaded
      ? `Uploaded the template (${bytes} bytes) to s3://${bucket}/${key}`
      : `The template (${bytes} bytes) is in s3://${bucket}/${key} already`
  )
  return { TemplateURL: upload.url }
}

/** What the placeholders of parameters and tags stand for in this deployment. */
export function stackValues(
  request: DeployRequest<CloudFormationTarget>
): Record<StackValuePlaceholder, string | undefined> {
  const { plan } = request
  return {
    image_uri: request.imageUri,
    image_tag: plan.version.imageTag,
    version: plan.version.gitTag ? plan.version.version : undefined,
    environment: plan.environment,
    commit: plan.commit
  }
}

/** `value` with its placeholders filled in; `where` names the key for the error. */
export function fillValue(
  value: string,
  values: Readonly<Record<string, string | undefined>>,
  where: string
): string {
  return value.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const filled = values[name]
    if (filled !== undefined) return filled
    const why =
      name === 'version'
        ? 'this run makes no git tag (create_tag is false); use {image_tag}'
        : name === 'image_uri'
          ? 'the service has no pushed image'
          : 'it is not a known placeholder'
    throw new DeployError('INVALID_INPUT', `${where} uses {${name}}, but ${why}.`)
  })
}

export function stackParameters(request: DeployRequest<CloudFormationTarget>): Parameter[] {
  const values = stackValues(request)
  return Object.entries(request.target.parameters).map(([key, value]) => ({
    ParameterKey: key,
    ParameterValue: fillValue(
      value,
      values,
      `services.${request.service.name}.deploy.cloudformation.parameters.${key}`
    )
  }))
}

export function stackTags(request: DeployRequest<CloudFormationTarget>): Tag[] {
  const values = stackValues(request)
  return Object.entries(request.target.tags).map(([key, value]) => ({
    Key: key,
    Value: fillValue(
      value,
      values,
      `services.${request.service.name}.deploy.cloudformation.tags.${key}`
    )
  }))
}
