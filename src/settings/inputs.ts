import type { Toolkit } from '../toolkit.js'
import { inputName, type Problems } from './problems.js'
import { DURATION_EXPECTED, parseBoolean, parseDuration } from './values.js'

/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
export class InputReader {
  constructor(
    private readonly core: Pick<Toolkit, 'getInput' | 'setSecret'>,
    private readonly problems: Problems
  ) {}

  text(name: string): string {
    return this.core.getInput(name).trim()
  }

  optional(name: string): string | undefined {
    return this.text(name) || undefined
  }

  /** Tokens, passwords and webhook URLs: masked before anything else can print them. */
  secret(name: string): string | undefined {
    const value = this.core.getInput(name).trim()
    if (!value) return undefined
    this.core.setSecret(value)
    return value
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name)
    if (!value) return fallback
    const parsed = parseBoolean(value)
    if (parsed === undefined) {
      this.problems.add(inputName(name), `expected true or false, got '${value}'`)
      return fallback
    }
    return parsed
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name)
    if (!value) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.add(inputName(name), `expected one of ${allowed.join(', ')}, got '${value}'`)
    return fallback
  }

  durationMs(name: string, fallbackMs: number): number {
    const value = this.text(name)
    if (!value) return fallbackMs
    const ms = parseDuration(value)
    if (ms === undefined) {
      this.problems.add(inputName(name), `expected ${DURATION_EXPECTED}, got '${value}'`)
      return fallbackMs
    }
    return ms
  }

  optionalDurationMs(name: string): number | undefined {
    return this.text(name) ? this.durationMs(name, 0) : undefined
  }

  /** Comma- or newline-separated list. */
  list(name: string): string[] {
    return this.text(name)
      .split(/[,\n]/)
      .map(item => item.trim())
      .filter(item => item !== '')
  }

  absoluteUrl(name: string, options: { secret?: boolean } = {}): string | undefined {
    const value = options.secret ? this.secret(name) : this.optional(name)
    if (value === undefined) return undefined
    let url: URL | undefined
    try {
      url = new URL(value)
    } catch {
      // reported below
    }
    if (url && (url.username || url.password)) {
      // A password in a URL would be printed wherever the URL is: mask it, and refuse it.
      if (url.password) this.core.setSecret(decodeURIComponent(url.password))
      this.problems.add(
        inputName(name),
        'must not carry a user name or password; pass credentials through their own input'
      )
      return undefined
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      // A receiver's error page often echoes the path alone; the path is the secret part.
      if (options.secret && url.pathname.length + url.search.length > 8) {
        this.core.setSecret(url.pathname + url.search)
      }
      return value
    }
    // Never echo a secret URL back, even in an error.
    const shown = options.secret ? '(hidden)' : `'${value}'`
    this.problems.add(inputName(name), `expected an http(s) URL, got ${shown}`)
    return undefined
  }
}
