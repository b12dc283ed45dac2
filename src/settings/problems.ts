import { DeployError } from '../errors.js'

/** More than this many lines and the rest are counted, not listed: a log is read by people. */
const SHOWN_PROBLEMS = 50
/** Keys and values come from files and inputs we do not control; no line may run on forever. */
const WHERE_LENGTH = 300
const PROBLEM_LENGTH = 1200

/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
export class Problems {
  private readonly lines: string[] = []
  private hidden = 0

  /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
  add(where: string, problem: string): void {
    // Both halves may carry text from the config (a key, a value): escaped, so that no line break
    // or control character reaches the log, and shortened, so that no line is megabytes long.
    const line = `${printable(where, WHERE_LENGTH)}: ${printable(problem, PROBLEM_LENGTH)}`
    if (this.lines.includes(line)) return
    if (this.lines.length < SHOWN_PROBLEMS) this.lines.push(line)
    else this.hidden += 1
  }

  get count(): number {
    return this.lines.length + this.hidden
  }

  get all(): readonly string[] {
    return this.lines
  }

  throwIfAny(): void {
    if (this.count === 0) return
    const noun = this.count === 1 ? 'problem' : 'problems'
    const shown = this.hidden > 0 ? [...this.lines, `(${this.hidden} more not shown)`] : this.lines
    throw new DeployError(
      'INVALID_INPUT',
      `${this.count} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
        shown.map(line => `  - ${line}`).join('\n'),
      { details: shown.join('\n') }
    )
  }
}

export function inputName(name: string): string {
  return `input '${name}'`
}

/**
 * A value from a file or an input, shown in a problem: quoted, escaped and cut to a short
 * excerpt, so a bad value can be recognised without the log carrying all of it.
 */
export function quote(value: string, max = 80): string {
  return `'${printable(value, max)}'`
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

function printable(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text
  return cut.replace(UNPRINTABLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
