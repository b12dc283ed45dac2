import { dump } from 'js-yaml'

/**
 * The generator behind the hostile suite: random mutations of a valid deploy config and of valid
 * inputs, each built so that it must be refused (the operator and the key it hits decide that,
 * not the outcome), with what the refusal must name. Seeded, so a failing case is replayed by its
 * seed alone.
 */

export interface Rng {
  int(below: number): number
  pick<T>(items: readonly T[]): T
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  return { int, pick: items => items[int(items.length)] as (typeof items)[number] }
}

/** YAML written as is where a value goes: forms a dumper never writes (.inf, aliases, tags). */
export class Raw {
  constructor(readonly yaml: string) {}
}

type Value = null | boolean | number | string | Raw | Value[] | { [key: string]: Value }
type Path = readonly string[]

export interface ConfigCase {
  readonly family: string
  readonly what: string
  /** The config file's bytes. */
  readonly file: string | Buffer
  /** What the refusal must name, after the config's name: a key path, or "line". */
  readonly where: string
}

export interface InputCase {
  readonly family: string
  readonly what: string
  readonly inputs: Record<string, string>
  /** What the refusal must name: "input 'x'", or the config's name. */
  readonly where: string
}

/** Paths the world's workspace holds, for path escapes: see hostile.test.ts. */
export const ESCAPES = [
  '/',
  '/etc/passwd',
  '../..',
  '../../../../../etc',
  'api/../../outside',
  'escape-link',
  'escape-link/passwd',
  'dangling-link',
  'dangling-link/x'
] as const

const HUGE = 300_000
const CONTROL = ['\u0000', '\u001b[2J', '\r\n::warning::pwned', '\u0085', '\u007f', '\t', '\n']
const REFUSED_NUMBERS = ['.inf', '-.inf', '.nan', '.NaN', '1e3', '2.5E-3', '1e400']

/** Bad values by key name; a function of the path where a value is only bad in some places. */
const BAD: Record<string, (path: Path) => readonly Value[]> = {
  registry: () => [
    'user:pass@reg.example',
    'reg.example:0',
    'reg.example:65536',
    'Reg.Example',
    `${'a'.repeat(64)}.example`,
    ''
  ],
  // An unknown zone is only checked where it is used: the top level (the run is for stage).
  timezone: path =>
    path.length === 1 ? ['Mars/Olympus', '+09:00', 'x'.repeat(65), 5] : ['x'.repeat(65), 5, []],
  platforms: () => [[], ['windows'], 'linux/amd64', ['linux/amd64', `linux/${'x'.repeat(70)}`]],
  server: () => [
    'https://admin:pw@argo.example',
    'ftp://argo.example',
    'https://argo.example:0',
    'https://argo.example/\n::x',
    'argo.example',
    `https://${'a'.repeat(64)}.example`,
    `https://argo.example/${'a'.repeat(3000)}`
  ],
  context: () => [...ESCAPES, 'x'.repeat(5000), 'a\u0000b'],
  dockerfile: () => [...ESCAPES, 'x'.repeat(5000)],
  task_definition: () => [...ESCAPES],
  appspec: () => [...ESCAPES],
  NODE_ENV: () => [{ a: 1 }, 'x'.repeat(40_000), [1]],
  cluster: () => ['x'.repeat(256), '', 'a\nb', 5, true],
  service: path => (path.at(-2) === 'ecs' ? ['x'.repeat(256), '', 7] : []),
  container: () => ['x'.repeat(256), [], [''], { a: 1 }],
  region: () => ['us east 1', 'US-EAST-1', 'x'.repeat(64), 'evil.example/x'],
  deploy_timeout: () => [
    ...REFUSED_NUMBERS.map(n => new Raw(n)),
    -5,
    0,
    '0s',
    '-5s',
    '1000000h',
    '25h',
    '0.5s',
    '999ms',
    'NaN',
    'Infinity',
    '1 h',
    '10m\n',
    100_000
  ],
  poll_interval: () => [new Raw('.inf'), new Raw('1e0'), 0, '0.0001ms', '500ms', '2h', -1, '0.5'],
  secret_interval: () => [new Raw('.nan'), 0, '0.0001ms', '2h', -1],
  degraded_grace: () => [new Raw('.inf'), 0, -1, '25h', '0ms', 'soon'],
  keep_revisions: () => [0, -1, 1.5, new Raw('1e3'), new Raw('.nan'), 1001, '3', 1e20],
  secret_tries: () => [0, 101, 2.5, '3', new Raw('.inf')],
  strategy: () => ['blue-green', 'ROLLING', 5],
  application: () => ['x'.repeat(101), '', 5],
  deployment_group: () => ['x'.repeat(101), ''],
  auto_rollback: () => ['yes', 1, 'true'],
  stop_on_timeout: () => ['no', 0],
  app: () => ['Shop_Webui', 'x'.repeat(254), '-shop', 'shop.', ''],
  project: () => ['Shop', 'x'.repeat(254)],
  app_namespace: () => ['x'.repeat(64), 'a.b', 'NS'],
  helm_parameter: () => ['', 'x'.repeat(1025), 'a\nb'],
  sync_options: () => ['Prune=true', [''], [5]],
  mode: () => ['restart', true],
  state_machine_arn: () => [
    'arn:aws:states:us-east-1:123:stateMachine:x',
    `arn:aws:states:us-east-1:123456789012:stateMachine:${'x'.repeat(300)}`,
    'arn:aws:states:us-east-1:123456789012:stateMachine:x\u0000',
    'not-an-arn'
  ],
  health_check_states: () => ['CheckDeployment', ['x'.repeat(81)]],
  depends_on: () => ['api', [5], ['API'], { api: 1 }],
  image: () => ['x'.repeat(257), 'Team/API', 'https://reg.example/x', ''],
  octo: () => ['u0octo', 'U 1', ''],
  input: () => ['x', [1, 2], 5]
}

/** Mappings whose keys are names the user chooses: a new key there is valid. */
function isRecord(path: Path): boolean {
  const last = path.at(-1)
  return last === 'services' || last === 'args' || last === 'slack_users' || path.includes('input')
}

/** Inside a Step Functions input anything goes that JSON can carry, within its size. */
const freeForm = (path: Path): boolean => path.includes('input')

/** Where a problem under `path` is reported: a Step Functions input is judged as a whole. */
function reportedAt(path: Path): string {
  const input = path.indexOf('input')
  const shown = input >= 0 ? path.slice(0, input + 1) : path
  return shown.length === 0 ? '(top level)' : shown.join('.')
}

interface Node {
  readonly path: Path
  readonly value: Value
}

function nodes(value: Value, path: Path = []): Node[] {
  const here: Node = { path, value }
  if (Array.isArray(value)) {
    return [here, ...value.flatMap((item, index) => nodes(item, [...path, String(index)]))]
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Raw)) {
    return [here, ...Object.entries(value).flatMap(([key, item]) => nodes(item, [...path, key]))]
  }
  return [here]
}

const isMapping = (value: Value): value is { [key: string]: Value } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw)

function replaced(root: Value, path: Path, value: Value): Value {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string, ...string[]]
  if (Array.isArray(root)) {
    return root.map((item, index) => (String(index) === head ? replaced(item, rest, value) : item))
  }
  if (isMapping(root)) return { ...root, [head]: replaced(root[head] as Value, rest, value) }
  return root
}

function withKey(root: Value, path: Path, key: string, value: Value): Value {
  const target = path.reduce<Value>(
    (node, step) =>
      isMapping(node) || Array.isArray(node) ? ((node as never)[step] as Value) : node,
    root
  )
  return replaced(root, path, { ...(target as { [key: string]: Value }), [key]: value })
}

/** YAML of `value`, with each Raw written verbatim where it stands. */
export function toYaml(value: Value): string {
  const raws: string[] = []
  const placeholders = (item: Value): unknown => {
    if (item instanceof Raw) {
      raws.push(item.yaml)
      return `RAW_PLACEHOLDER_${raws.length - 1}_`
    }
    if (Array.isArray(item)) return item.map(placeholders)
    if (isMapping(item)) {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, placeholders(v)]))
    }
    return item
  }
  let text = dump(placeholders(value), { lineWidth: -1, noRefs: true })
  raws.forEach((yaml, index) => {
    text = text.split(`RAW_PLACEHOLDER_${index}_`).join(yaml)
  })
  return text
}

/**
 * A bomb, and where it is refused: a few levels are refused after the parse, by key path; more
 * levels, or a list of aliases used as a key (which the parser itself turns into one string), are
 * stopped while parsing, by line.
 */
function aliasBomb(rng: Rng): { bomb: Raw; byLine: boolean } {
  const lists = (levels: number): Raw => {
    const items = ['&b0 [lol, lol, lol, lol]']
    for (let i = 1; i <= levels; i += 1) {
      items.push(`&b${i} [*b${i - 1}, *b${i - 1}, *b${i - 1}, *b${i - 1}]`)
    }
    return new Raw(`[${items.join(', ')}]`)
  }
  switch (rng.int(4)) {
    case 0:
      return { bomb: lists(8), byLine: false }
    case 1:
      return { bomb: lists(20), byLine: true }
    case 2:
      // One long string used many times: few values, megabytes of text.
      return {
        bomb: new Raw(`[&s "${'x'.repeat(20_000)}", ${Array(200).fill('*s').join(', ')}]`),
        byLine: false
      }
    default: {
      const key = Array(1000).fill('*s').join(', ')
      return { bomb: new Raw(`[&s "${'x'.repeat(300_000)}", {[${key}]: v}]`), byLine: true }
    }
  }
}

function cycle(rng: Rng): Raw {
  return new Raw(
    rng.pick(['&loop {again: *loop}', '&loop [1, *loop]', '&loop {a: {b: [x, *loop]}}'])
  )
}

/** Every config family; each takes the base config and returns a case that must be refused. */
export const CONFIG_FAMILIES: Record<string, (base: Value, rng: Rng) => ConfigCase> = {
  'a bad value for its key'(base, rng) {
    const choices = nodes(base).flatMap(node => {
      const bad = BAD[node.path.at(-1) ?? '']?.(node.path) ?? []
      return bad.map(value => ({ node, value }))
    })
    const { node, value } = rng.pick(choices)
    return configCase(node.path, replaced(base, node.path, value), describe(value))
  },
  'a list or scalar where a mapping belongs'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value) && !freeForm(n.path)))
    const value = rng.pick<Value>(
      node.path.length === 0 ? [[], ['x'], 'text', 42] : [[], ['x'], 'text', 42, true, null]
    )
    return configCase(node.path, replaced(base, node.path, value), describe(value))
  },
  'a mapping where a scalar or list belongs'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => !isMapping(n.value) && !freeForm(n.path)))
    return configCase(node.path, replaced(base, node.path, { x: 1 }), '{x: 1}')
  },
  'an unknown key'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value) && !isRecord(n.path)))
    const key = rng.pick(['colour', 'deploi', 'x\n::notice::pwned', 'rocket🚀', 'k'.repeat(5000)])
    // Named by the full path where the key prints as itself; else by the path up to it.
    const named = /^[a-z🚀]{1,20}$/u.test(key) ? [...node.path, key] : node.path
    return configCase(named, withKey(base, node.path, key, 1), `key ${describe(key)}`)
  },
  'a huge string'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => typeof n.value === 'string'))
    return configCase(node.path, replaced(base, node.path, 'h'.repeat(HUGE)), `${HUGE} characters`)
  },
  'control characters'(base, rng) {
    const node = rng.pick(
      nodes(base).filter(
        n => typeof n.value === 'string' && !freeForm(n.path) && !n.path.includes('args')
      )
    )
    const control = rng.pick(CONTROL)
    return configCase(
      node.path,
      replaced(base, node.path, `${node.value as string}${control}`),
      describe(control)
    )
  },
  'a lone surrogate'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => typeof n.value === 'string'))
    return configCase(node.path, replaced(base, node.path, new Raw('"x\\ud800y"')), '"x\\ud800y"')
  },
  'a number form that is refused'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => !isMapping(n.value) && !Array.isArray(n.value)))
    const number = rng.pick(REFUSED_NUMBERS)
    return configCase(node.path, replaced(base, node.path, new Raw(number)), number)
  },
  'an alias bomb'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value)))
    const { bomb, byLine } = aliasBomb(rng)
    const config = withKey(base, node.path, 'bomb', bomb)
    return byLine
      ? lineCase(toYaml(config), bomb.yaml.slice(0, 40))
      : configCase([...node.path, 'bomb'], config, 'bomb')
  },
  'an alias cycle'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value)))
    return configCase([...node.path, 'loop'], withKey(base, node.path, 'loop', cycle(rng)), 'loop')
  },
  'deep nesting'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value)))
    if (rng.int(2) === 0) {
      // Deeper than the walk allows, within the parser's own limit: named by key path.
      const deep = new Raw(`${'['.repeat(70)}${']'.repeat(70)}`)
      return configCase([...node.path, 'deep'], withKey(base, node.path, 'deep', deep), '70 levels')
    }
    const deep = new Raw(`${'['.repeat(5000)}${']'.repeat(5000)}`)
    return lineCase(toYaml(withKey(base, node.path, 'deep', deep)), '5000 levels')
  },
  'an unsupported YAML type'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => !isMapping(n.value) && !Array.isArray(n.value)))
    return configCase(
      node.path,
      replaced(base, node.path, new Raw('!!binary aGVsbG8=')),
      '!!binary'
    )
  },
  'a reserved key'(base, rng) {
    const node = rng.pick(nodes(base).filter(n => isMapping(n.value)))
    return configCase(
      [...node.path, '__proto__'],
      withKey(base, node.path, '__proto__', { x: 1 }),
      '__proto__'
    )
  },
  'a second document or a duplicated key'(base, rng) {
    const text = toYaml(base)
    return rng.int(2) === 0
      ? lineCase(`${text}---\nregistry: ghcr\n`, 'second document')
      : lineCase(`${text}registry: ghcr\n`, 'duplicated key')
  },
  'invalid UTF-8'(base, rng) {
    const bytes = Buffer.from(toYaml(base))
    const at = rng.int(bytes.length)
    const bad = Buffer.from(
      rng.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])
    )
    return {
      family: 'invalid UTF-8',
      what: `bytes ${bad.toString('hex')} at ${at}`,
      file: Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]),
      where: 'is not valid UTF-8'
    }
  }
}

function configCase(path: Path, config: Value, what: string): ConfigCase {
  // At the top level the key is all there is to name.
  const where = path.length === 0 ? '' : reportedAt(path)
  return { family: '', what: `${reportedAt(path)} <- ${what}`, file: toYaml(config), where }
}

function lineCase(file: string, what: string): ConfigCase {
  return { family: '', what, file, where: 'line' }
}

function describe(value: unknown): string {
  if (value instanceof Raw) return value.yaml.slice(0, 40)
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** Inputs every run reads (image, context and dockerfile only matter without a config). */
export const READ_INPUTS = [
  'environment',
  'create_tag',
  'create_release',
  'version',
  'bump',
  'timezone',
  'config',
  'dry_run',
  'github_token',
  'events_file',
  'platforms',
  'registry',
  'registry_username',
  'registry_password',
  'registry_insecure',
  'builder',
  'cache',
  'build',
  'promote_from',
  'provenance',
  'sbom',
  'build_timeout',
  'push_timeout',
  'deploy_timeout',
  'poll_interval',
  'argocd_server',
  'argocd_token',
  'argocd_insecure',
  'slack_bot_token',
  'slack_channel',
  'slack_api_url',
  'slack_webhook_url',
  'slack_users',
  'notify_user',
  'discord_webhook_url',
  'discord_mention',
  'webhook_url',
  'notify_strict'
] as const

const TIMEOUT_BAD = [
  '0',
  '-1',
  '1e3',
  '.inf',
  'NaN',
  'Infinity',
  '1000000h',
  '25h',
  '0.5s',
  '999ms',
  '1_000',
  '10 m',
  '0x10'
]

/** Bad values by input name (with the base inputs, each one alone must be refused). */
const BAD_INPUTS: Record<string, readonly string[]> = {
  environment: ['qa', 'DEV', 'dev stage'],
  create_tag: ['yes', '1', 'on'],
  dry_run: ['y', 'True!'],
  version: ['1.2', 'v1.2.3.4', `1.2.${'9'.repeat(400)}x`],
  bump: ['huge', 'MAJOR'],
  timezone: ['Mars/Olympus', '+09:00', 'x'.repeat(300)],
  build_timeout: TIMEOUT_BAD,
  push_timeout: TIMEOUT_BAD,
  deploy_timeout: TIMEOUT_BAD,
  poll_interval: ['0.0001ms', '500ms', '0', '2h', '.inf', '-1s', '1e3'],
  registry: [
    'user:pass@reg.example',
    'https://u:p@reg.example',
    'reg.example:0',
    'reg.example:99999',
    'UPPER.example'
  ],
  platforms: ['windows', 'linux/amd64,linux'],
  builder: ['docker'],
  cache: ['s3'],
  build: ['sometimes'],
  argocd_server: [
    'ftp://argo.example',
    'https://argo.example:0',
    'https://u:p@argo.example',
    'not a url'
  ],
  slack_api_url: ['slack.com/api', 'https://slack.example:0/api/'],
  webhook_url: ['hooks.example/x', 'https://u:p@hooks.example/x'],
  slack_webhook_url: ['hooks.slack.example/x'],
  discord_webhook_url: ['discord.example/api/webhooks/1/x'],
  slack_channel: ['general', '#deploys', 'c0123'],
  slack_users: [
    '[]',
    'octo: &a [*a]',
    '{octo: lower}',
    'a: &a [*a, *a]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]'
  ],
  notify_user: ['not an id', `${'x'.repeat(300)}@example.com`],
  discord_mention: ['abc', '12'],
  github_token: ['ghs_one\nghs_two'],
  argocd_token: ['argo-line-one\r\nargo-line-two'],
  slack_bot_token: ['xoxb-first\nxoxb-second'],
  config: [...ESCAPES, 'hostile.fifo', 'a-directory', 'dev-zero', 'oversized.yml'],
  events_file: [...ESCAPES, 'README.md', 'a-directory', 'deploy/api-task.json']
}

export const INPUT_FAMILIES: Record<string, (rng: Rng) => InputCase> = {
  'a bad value for its input'(rng) {
    const name = rng.pick(Object.keys(BAD_INPUTS))
    const value = rng.pick(BAD_INPUTS[name] ?? [])
    // A config refused for its kind or size is named by its own name.
    const where =
      ['hostile.fifo', 'a-directory', 'oversized.yml'].includes(value) && name === 'config'
        ? value
        : `input '${name}'`
    return { family: '', what: `${name} <- ${describe(value)}`, inputs: { [name]: value }, where }
  },
  'text that is not text'(rng) {
    const name = rng.pick(READ_INPUTS)
    const value = rng.pick(['dev\ud800', '\udfffx', 'a\u0000b', 'x\u001b[31m', 'y'.repeat(70_000)])
    return {
      family: '',
      what: `${name} <- ${describe(value)}`,
      inputs: { [name]: value },
      where: `input '${name}'`
    }
  }
}

export interface AcceptedCase {
  readonly what: string
  readonly file: string
  readonly inputs: Record<string, string>
}

/**
 * Mutations that must be accepted: the other side of "by construction", so the suite cannot pass
 * by refusing everything. Each keeps the config valid while using the freedom the schema gives.
 */
export const ACCEPTED: Record<string, (base: Value, rng: Rng) => AcceptedCase> = {
  'anything JSON carries, in a Step Functions input'(base, rng) {
    const path = ['services', 'worker', 'deploy', 'stepfunctions', 'input']
    const value = rng.pick<Value>([
      'line one\nline two\t\u0001',
      'rocket 🚀 and 한국어',
      -12.5,
      [null, true, { deep: ['x'] }],
      new Raw('&shared {a: 1}'),
      'x'.repeat(100_000)
    ])
    const key = rng.pick(['extra', 'with space', '🚀', 'x'.repeat(300)])
    return {
      what: `input.${key.slice(0, 20)} <- ${describe(value)}`,
      file: toYaml(withKey(base, path, key, value)),
      inputs: {}
    }
  },
  'a duration in range'(base, rng) {
    const timeout = rng.pick<Value>([
      '1s',
      '24h',
      '1440m',
      '86400',
      86400,
      1,
      '0.5h',
      '1000ms',
      3600.5
    ])
    const interval = rng.pick<Value>(['1s', '1h', '1000ms', 60, '2.5s'])
    const ecs = ['services', 'api', 'deploy', 'ecs']
    const config = replaced(
      replaced(base, [...ecs, 'deploy_timeout'], timeout),
      [...ecs, 'poll_interval'],
      interval
    )
    return {
      what: `deploy_timeout ${describe(timeout)}, poll_interval ${describe(interval)}`,
      file: toYaml(config),
      inputs: {
        deploy_timeout: String(rng.pick(['1s', '24h', '90m'])),
        poll_interval: rng.pick(['1s', '1h', '30s'])
      }
    }
  },
  'a path inside the workspace, however written'(base, rng) {
    const context = rng.pick(['api', './api', 'api/../api', 'inside-link', 'webui/../inside-link'])
    return {
      what: `context ${context}`,
      file: toYaml(replaced(base, ['services', 'api', 'build', 'context'], context)),
      inputs: {}
    }
  },
  'a registry with any valid port'(base, rng) {
    const host = `registry-${rng.int(100)}.example:${1 + rng.int(65535)}`
    const registry = `${host}/team`
    // The run has a registry password, so a host only the config names must be vouched for.
    return {
      what: registry,
      file: toYaml(replaced(base, ['registry'], registry)),
      inputs: { trusted_hosts: host }
    }
  },
  'a multi-line registry password'(base, rng) {
    const password = rng.pick([
      '{\n  "type": "service_account",\n  "private_key": "-----BEGIN KEY-----"\n}',
      'first-line\nsecond-line'
    ])
    return {
      what: 'multi-line password',
      file: toYaml(base),
      inputs: { registry_password: password }
    }
  }
}
