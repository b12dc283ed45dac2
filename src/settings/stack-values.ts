import { isPlainObject, loadBoundedYaml } from './yaml.js'
import { readSmallTextFile } from './files.js'
import { quote, type Problems } from './problems.js'

/**
 * The values a CloudFormation deploy fills in at deploy time, and the parameter overrides file.
 * Shared by the settings (which check the names at INIT) and the target (which fills them in).
 */

/** Placeholders a stack parameter or tag value may use; known once the images are pushed. */
export const STACK_VALUE_PLACEHOLDERS = [
  'image_uri',
  'image_tag',
  'version',
  'environment',
  'commit'
] as const
export type StackValuePlaceholder = (typeof STACK_VALUE_PLACEHOLDERS)[number]

/** Placeholders a verify URL may use: what the service's deploy reported. */
export const VERIFY_PLACEHOLDER = /\{(deployment_url|outputs\.[A-Za-z0-9]{1,255})\}/g

/** Every {name} in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map(match => match[1] as string)
}

/** TemplateBody's limit: a bigger template goes through S3 (template_bucket). */
export const TEMPLATE_BODY_LIMIT = 51_200
/** The largest template CloudFormation reads from S3 (CreateChangeSet, TemplateURL). */
export const TEMPLATE_URL_LIMIT = 460_800

/**
 * A parameter overrides file: a mapping of name to value, the AWS CLI's list of
 * {ParameterKey, ParameterValue}, or CodePipeline's template configuration ({Parameters: {...}}).
 * Values become strings, as CloudFormation takes them. Undefined (with problems) when the file is
 * none of these.
 */
export function readParameterFile(
  path: string,
  where: string,
  problems: Problems
): Record<string, string> | undefined {
  const file = readSmallTextFile(path)
  if (!file.ok) {
    problems.add(where, `${quote(path, 200)} ${file.problem}`)
    return undefined
  }
  const loaded = loadBoundedYaml(file.text, where, keys => `${where}: ${keys.join('.')}`, problems)
  if (!loaded) return undefined
  const document = loaded.value
  const entries: Array<[unknown, unknown]> = Array.isArray(document)
    ? document.map(item =>
        isPlainObject(item) ? [item.ParameterKey, item.ParameterValue] : [undefined, undefined]
      )
    : isPlainObject(document) &&
        Object.keys(document).length === 1 &&
        isPlainObject(document.Parameters)
      ? Object.entries(document.Parameters)
      : isPlainObject(document)
        ? Object.entries(document)
        : []
  if (!Array.isArray(document) && !isPlainObject(document)) {
    problems.add(where, 'expected a mapping of parameter names to values')
    return undefined
  }
  const parameters: Record<string, string> = {}
  let valid = true
  for (const [key, value] of entries) {
    if (typeof key !== 'string' || !/^[A-Za-z0-9]{1,255}$/.test(key)) {
      problems.add(
        where,
        'expected parameter names of letters and digits (a mapping, or a list of ParameterKey ' +
          `and ParameterValue), got ${typeof key === 'string' ? quote(key) : 'an entry without ParameterKey'}`
      )
      valid = false
      continue
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      problems.add(`${where}: ${key}`, 'expected a string, number or boolean')
      valid = false
      continue
    }
    parameters[key] = String(value)
  }
  return valid ? parameters : undefined
}

/**
 * What is wrong with a stack value's placeholders, or undefined: an unknown name, or {image_uri}
 * on a service that builds no image.
 */
export function stackValueProblem(value: string, hasImage: boolean): string | undefined {
  for (const name of placeholdersIn(value)) {
    if (!(STACK_VALUE_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `unknown placeholder {${name}}; known: ${STACK_VALUE_PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`
    }
    if (name === 'image_uri' && !hasImage) {
      return 'uses {image_uri}, but the service builds no image (add build, or use {image_tag})'
    }
  }
  return undefined
}
