import { DeployError } from '../errors.js'

/**
 * Collects every problem with the inputs and the config before anything is touched, so one run
 * tells the user everything that is wrong instead of one thing per attempt.
 */
export class Problems {
  private readonly lines: string[] = []

  /** `where`: "input 'environment'" or ".github/deploy.yml: services.api.build". */
  add(where: string, problem: string): void {
    this.lines.push(`${where}: ${problem}`)
  }

  get count(): number {
    return this.lines.length
  }

  get all(): readonly string[] {
    return this.lines
  }

  throwIfAny(): void {
    if (this.lines.length === 0) return
    const noun = this.lines.length === 1 ? 'problem' : 'problems'
    throw new DeployError(
      'INVALID_INPUT',
      `${this.lines.length} ${noun} with the inputs or the deploy config; nothing was changed:\n` +
        this.lines.map(line => `  - ${line}`).join('\n'),
      { details: this.lines.join('\n') }
    )
  }
}

export function inputName(name: string): string {
  return `input '${name}'`
}
