import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What a simulator saw that the real service's API description does not allow: a request it
 * would refuse, or an answer the simulator gave that the real service would not. Recorded, not
 * only answered with an error, because a client that retries or swallows the error would
 * otherwise hide it: the simulator's close() fails the test for every violation no test took.
 */
export interface ContractViolation {
  readonly direction: 'request' | 'answer'
  readonly method: string
  readonly path: string
  readonly problems: readonly string[]
}

export class ContractLog {
  private readonly recorded: ContractViolation[] = []

  constructor(private readonly service: string) {}

  record(violation: ContractViolation): void {
    this.recorded.push(violation)
  }

  /** The violations so far, handed over: a test that breaks the contract on purpose takes its own. */
  take(): ContractViolation[] {
    return this.recorded.splice(0)
  }

  get violations(): readonly ContractViolation[] {
    return this.recorded
  }

  /** Throws naming every violation not taken. */
  assertNone(): void {
    if (this.recorded.length === 0) return
    const lines = this.take().map(
      v => `  ${v.direction} ${v.method} ${v.path}: ${v.problems.join('; ')}`
    )
    throw new Error(
      `the ${this.service} simulator saw ${lines.length} call(s) its API description does not allow:\n${lines.join('\n')}`
    )
  }
}

/**
 * Where the providers' own API descriptions are: SPECS_DIR, else shared/specs beside the
 * repository (they are data kept outside it, with their provenance). Missing is an error, never
 * a silent skip of the check.
 */
export function specFile(relative: string): string {
  const root = join(import.meta.dirname, '../../..')
  const dirs = [process.env.SPECS_DIR, join(root, '../shared/specs')].filter((dir): dir is string =>
    Boolean(dir)
  )
  for (const dir of dirs) {
    const file = join(dir, relative)
    if (existsSync(file)) return file
  }
  throw new Error(
    `the API description ${relative} is not in ${dirs.join(' or ')}: the simulators are checked against it (set SPECS_DIR to where shared/specs is)`
  )
}
