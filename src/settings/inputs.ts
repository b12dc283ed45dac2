import type { Toolkit } from '../toolkit.js'
import { inputName, quote, type Problems } from './problems.js'
import {
  CONTROL_CHARACTER,
  INTERVAL_RANGE,
  LONE_SURROGATE,
  TIMEOUT_RANGE,
  durationExpected,
  httpUrlProblem,
  parseBoolean,
  parseDuration,
  type DurationRange
} from './values.js'

/** Longer than any input has a use for (a slack_users map included); bounds all that follows. */
const MAX_INPUT_LENGTH = 64 * 1024
/**
 * Lines of a multi-line secret shorter than this are not masked on their own: a JSON key's `{`
 * or `}` would mask every brace in the log, and a line that short gives little away by itself.
 */
const MIN_MASKED_LINE = 4

/**
 * Reads action inputs and records what is wrong with them instead of throwing, so every bad input
 * is reported in one go. Secrets are masked the moment they are read.
 */
export class InputReader {
  private readonly refused = new Set<string>()

  constructor(
    private readonly core: Pick<Toolkit, 'getInput' | 'setSecret'>,
    private readonly problems: Problems
  ) {}

  /**
   * The trimmed value; empty when the input is not text at all (a lone surrogate, a control
   * character, a length past any use), which is reported once and is then read as not given.
   */
  text(name: string): string {
    const value = this.core.getInput(name).trim()
    const problem = textProblem(value)
    if (!problem) return value
    this.refuse(name, problem)
    return ''
  }

  optional(name: string): string | undefined {
    return this.text(name) || undefined
  }

  /** True when the input was given but refused by `text`: then it is not also "required". */
  wasRefused(name: string): boolean {
    return this.refused.has(name)
  }

  /**
   * Tokens, passwords and webhook URLs: masked before anything else can print them, whole and
   * line by line (the runner masks a value only as a whole, so one line of a two-line secret
   * printed alone would show). Only `multiline` secrets may hold a line break: a registry
   * password may be a JSON key file; a token never is, and one with a line break is two pasted
   * together or a header injection waiting to happen.
   */
  secret(name: string, options: { multiline?: boolean } = {}): string | undefined {
    const value = this.core.getInput(name).trim()
    if (!value) return undefined
    this.mask(value)
    // Said without the value, which is secret.
    const problem =
      value.length > MAX_INPUT_LENGTH
        ? `longer than ${MAX_INPUT_LENGTH} characters`
        : LONE_SURROGATE.test(value) || CONTROL_CHARACTER.test(value.replace(/\t/g, ''))
          ? 'contains characters that are not text'
          : /[\r\n]/.test(value) && !options.multiline
            ? 'contains a line break; a token is a single line'
            : undefined
    if (!problem) return value
    this.refuse(name, problem)
    return undefined
  }

  /**
   * A token whose action.yml default is an expression (`${{ github.token }}`). The runner
   * evaluates it; a host that does not (@github/local-action, an env file copied from a
   * workflow) passes the expression itself, and that is no token, not one to send.
   */
  token(name: string): string | undefined {
    if (/^\$\{\{[\s\S]*\}\}$/.test(this.core.getInput(name).trim())) return undefined
    return this.secret(name)
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name)
    if (!value) return fallback
    const parsed = parseBoolean(value)
    if (parsed === undefined) {
      this.problems.add(inputName(name), `expected true or false, got ${quote(value)}`)
      return fallback
    }
    return parsed
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name)
    if (!value) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problems.add(inputName(name), `expected one of ${allowed.join(', ')}, got ${quote(value)}`)
    return fallback
  }

  /** A timeout (1 s to 24 h unless `range` says otherwise). */
  durationMs(name: string, fallbackMs: number, range: DurationRange = TIMEOUT_RANGE): number {
    const value = this.text(name)
    if (!value) return fallbackMs
    const ms = parseDuration(value, range)
    if (ms === undefined) {
      this.problems.add(inputName(name), `expected ${durationExpected(range)}, got ${quote(value)}`)
      return fallbackMs
    }
    return ms
  }

  /** An interval (at least 1 s), when given. */
  optionalDurationMs(name: string, range: DurationRange = INTERVAL_RANGE): number | undefined {
    return this.text(name) ? this.durationMs(name, 0, range) : undefined
  }

  /** Comma- or newline-separated list. */
  list(name: string): string[] {
    return this.text(name)
      .split(/[,\n]/)
      .map(item => item.trim())
      .filter(item => item !== '')
  }

  /** Masks a secret that is not an input, whole and line by line as `secret` does. */
  mask(value: string): void {
    const secret = value.trim()
    if (!secret) return
    this.core.setSecret(secret)
    const lines = secret.split(/\r\n|\r|\n/)
    for (const line of lines.length > 1 ? lines : []) {
      if (line.trim().length >= MIN_MASKED_LINE) this.core.setSecret(line.trim())
    }
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
    const problem = httpUrlProblem(value)
    if (!problem) {
      // A receiver's error page often echoes the path alone; the path is the secret part.
      if (options.secret && url && url.pathname.length + url.search.length > 8) {
        this.core.setSecret(url.pathname + url.search)
      }
      return value
    }
    // Never echo a secret URL back, even in an error.
    const shown = options.secret ? '(hidden)' : quote(value)
    this.problems.add(inputName(name), `${problem}, got ${shown}`)
    return undefined
  }

  private refuse(name: string, problem: string): void {
    this.refused.add(name)
    this.problems.add(inputName(name), problem)
  }
}

/** What makes an input value unusable as text, or undefined. */
function textProblem(value: string): string | undefined {
  if (value.length > MAX_INPUT_LENGTH) return `longer than ${MAX_INPUT_LENGTH} characters`
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which is not text'
  if (CONTROL_CHARACTER.test(value)) {
    return `contains a control character, got ${quote(value)}`
  }
  return undefined
}
