import { isLoopbackHost } from '../runtime/hosts.js'
import type { EffectiveConfig } from './config.js'
import { inputName, type Problems } from './problems.js'
import type { ServiceSettings } from './types.js'

/**
 * Where the credentials given as inputs may go. The deploy config is part of the repository, so
 * under `pull_request_target`, or any run whose config comes from a fork, its author is not the
 * workflow's: a config that names its own Argo CD server or registry would receive the token or
 * password the workflow holds. So a credential goes only to a host named by an input (the
 * workflow's author) or allowed by the `trusted_hosts` input, never over plain HTTP unless to
 * loopback or by an `*_insecure` input, and a config cannot turn TLS checks off for it.
 *
 * Loopback counts as trusted: only a process on the runner can listen there, and such a process
 * can read the job's secrets anyway (a local registry service is the usual case).
 */
export interface HostPattern {
  /** Lower case; `*.example.com` is kept as `.example.com`. */
  readonly host: string
  readonly wildcard: boolean
  /** Any port when undefined. */
  readonly port: number | undefined
}

export interface Endpoint {
  readonly host: string
  readonly port: number
  /** Plain HTTP. */
  readonly plain: boolean
}

const PATTERN =
  /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:(\d{1,5}))?$/

/** `trusted_hosts` entries -> patterns; a malformed entry is a problem, never a silent no-op. */
export function parseTrustedHosts(entries: readonly string[], problems: Problems): HostPattern[] {
  const patterns: HostPattern[] = []
  for (const entry of entries) {
    const match = PATTERN.exec(entry.toLowerCase())
    const port = match?.[7] === undefined ? undefined : Number(match[7])
    if (!match || (port !== undefined && (port < 1 || port > 65535))) {
      problems.add(
        inputName('trusted_hosts'),
        `expected host[:port] or *.domain[:port] without a scheme, got '${entry}'`
      )
      continue
    }
    const wildcard = match[1] !== undefined
    patterns.push({ host: wildcard ? `.${match[2]}` : (match[2] as string), wildcard, port })
  }
  return patterns
}

export function hostMatches(pattern: HostPattern, endpoint: Endpoint): boolean {
  if (pattern.port !== undefined && pattern.port !== endpoint.port) return false
  return pattern.wildcard ? endpoint.host.endsWith(pattern.host) : endpoint.host === pattern.host
}

/** host[:port] of a URL, the scheme's port when none is written; undefined when not a URL. */
export function urlEndpoint(url: string): Endpoint | undefined {
  if (!URL.canParse(url)) return undefined
  const parsed = new URL(url)
  const plain = parsed.protocol === 'http:'
  const port = parsed.port ? Number(parsed.port) : plain ? 80 : 443
  return { host: parsed.hostname.toLowerCase(), port, plain }
}

/** A registry's `host[:port]`; plain HTTP registries default to 80. */
export function registryEndpoint(host: string, insecure: boolean): Endpoint {
  const colon = host.lastIndexOf(':')
  const port = colon > 0 && !host.endsWith(']') ? Number(host.slice(colon + 1)) : undefined
  const name = port === undefined ? host : host.slice(0, colon)
  return { host: name.toLowerCase(), port: port ?? (insecure ? 80 : 443), plain: insecure }
}

function display(endpoint: Endpoint): string {
  return `${endpoint.host}:${endpoint.port}`
}

export interface CredentialFacts {
  readonly trustedHosts: readonly string[]
  /** The `registry` input as given (empty when not). */
  readonly registryInput: string
  readonly argocdServerInput: string | undefined
  readonly argocdInsecureInput: boolean
  readonly registryPassword: string | undefined
  readonly argocdToken: string | undefined
  readonly slackBotToken: string | undefined
  readonly slackApiUrl: string
  readonly services: readonly ServiceSettings[]
  readonly config: { readonly name: string; readonly value: EffectiveConfig } | undefined
}

/** Adds a problem for every credential the settings would send where the rules above forbid. */
export function checkCredentialRoutes(facts: CredentialFacts, problems: Problems): void {
  const patterns = parseTrustedHosts(facts.trustedHosts, problems)
  const trusted = (endpoint: Endpoint, named: Endpoint | undefined): boolean =>
    isLoopbackHost(endpoint.host) ||
    (named !== undefined && named.host === endpoint.host && named.port === endpoint.port) ||
    patterns.some(pattern => hostMatches(pattern, endpoint))
  const configKey = (key: string): string => `${facts.config?.name ?? 'config'}: ${key}`
  // Services sharing a server or registry would repeat the same problem.
  const reported = new Set<string>()
  const add = (key: string, problem: string): void => {
    if (reported.has(`${key}: ${problem}`)) return
    reported.add(`${key}: ${problem}`)
    problems.add(key, problem)
  }
  const serviceConfig = (name: string) =>
    facts.config?.value.services.find(([n]) => n === name)?.[1]

  if (facts.registryPassword) {
    const named = namedRegistry(facts.registryInput)
    for (const service of facts.services) {
      const registry = service.registry
      if (!service.build || registry.kind !== 'host') continue
      const endpoint = registryEndpoint(registry.host, registry.insecure)
      const inputEndpoint = named ? registryEndpoint(named, registry.insecure) : undefined
      if (trusted(endpoint, inputEndpoint)) continue
      const key = serviceConfig(service.name)?.registry
        ? configKey(`services.${service.name}.registry`)
        : configKey('registry')
      add(key, untrustedHost('registry_password', display(endpoint), 'registry'))
    }
  }

  if (facts.argocdToken) {
    const named = facts.argocdServerInput ? urlEndpoint(facts.argocdServerInput) : undefined
    const top = facts.config?.value.argocd
    for (const service of facts.services) {
      const target = service.deploy
      if (target?.kind !== 'argocd' || !target.server) continue
      const own = serviceConfig(service.name)?.deploy?.argocd
      const serverKey = own?.server
        ? configKey(`services.${service.name}.deploy.argocd.server`)
        : top?.server
          ? configKey('argocd.server')
          : inputName('argocd_server')
      const endpoint = urlEndpoint(target.server)
      if (endpoint && !trusted(endpoint, named)) {
        add(serverKey, untrustedHost('argocd_token', display(endpoint), 'argocd_server'))
      }
      if (endpoint?.plain && !isLoopbackHost(endpoint.host) && !facts.argocdInsecureInput) {
        add(serverKey, plainHttp('argocd_token', endpoint, 'argocd_insecure'))
      }
      // The target's value is the service's own, else the config's top level, else the input.
      const insecureKey =
        own?.insecure !== undefined
          ? `services.${service.name}.deploy.argocd.insecure`
          : 'argocd.insecure'
      if (target.insecure && !facts.argocdInsecureInput) {
        add(
          configKey(insecureKey),
          'not taken from the config while argocd_token is given (a config from a fork could ' +
            'turn off the TLS check the token relies on): set the argocd_insecure input to true instead'
        )
      }
    }
  }

  const slack = urlEndpoint(facts.slackApiUrl)
  if (facts.slackBotToken && slack?.plain && !isLoopbackHost(slack.host)) {
    add(inputName('slack_api_url'), plainHttp('slack_bot_token', slack))
  }
}

function plainHttp(credential: string, endpoint: Endpoint, insecureInput?: string): string {
  const allow = insecureInput ? `, or set the ${insecureInput} input to true` : ''
  return `plain HTTP would send ${credential} unencrypted to ${display(endpoint)}: use https${allow}`
}

function untrustedHost(credential: string, host: string, input: string): string {
  return (
    `would receive ${credential} at ${host}, a host that only the config names (a config can ` +
    `come from a fork): name it in the ${input} input, or add it to the trusted_hosts input`
  )
}

/** The host of the `registry` input when it names one (not ghcr or ecr). */
function namedRegistry(spec: string): string | undefined {
  if (!spec || spec === 'ghcr' || spec === 'ecr') return undefined
  const slash = spec.indexOf('/')
  return slash === -1 ? spec : spec.slice(0, slash)
}
