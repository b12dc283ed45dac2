import { expect } from '@jest/globals'
import { runnerCommands } from '../fixtures/runner-log.js'

/**
 * Workflow-command payloads, generated: a command the runner executes (annotations, masks, outputs,
 * stop-commands) written the modern way after every kind of line break and leading white space the
 * runner skips, or the legacy `##[…]` way anywhere in a line. Seeded, so a failure reproduces:
 * INJECTION_SEED=<n> to replay another run's cases.
 */
export const SEED = Number(process.env.INJECTION_SEED ?? 20261124)

const COMMANDS = [
  'notice',
  'add-mask',
  'error',
  'warning',
  'debug',
  'group',
  'echo',
  'stop-commands',
  'set-output name=pwned',
  'save-state name=pwned',
  'set-env name=PWNED',
  'add-path',
  'error file=x,line=1'
]

/** What may start the command's line: breaks the runner splits at, then white space it trims. */
const BREAKS = ['\n', '\r\n', '\r']
const LEADING = ['', ' ', '   ', '\t', '\u00a0', '\u2003', '\u3000', '\u0085', '\v', '\f', '\u2028']

export interface Payload {
  /** Outside text carrying the command. */
  readonly text: string
  /** The command's data: a live command would run with data starting with it. */
  readonly markers: readonly string[]
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let counter = 0

/** `count` payloads, each with `commands` commands in it, after an ordinary-looking prefix. */
export function payloads(seed: number, count: number, commands = 1): Payload[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  return Array.from({ length: count }, () => {
    const markers: string[] = []
    let text = pick(['x', 'deploy failed', 'api', ''])
    for (let i = 0; i < commands; i++) {
      const marker = `PWNED${++counter}Z`
      markers.push(marker)
      const command = pick(COMMANDS)
      text +=
        next() < 0.8
          ? `${pick(BREAKS)}${pick(LEADING)}::${command}::${marker}`
          : `${pick([' ', '\n', ''])}##[${command}]${marker}`
    }
    return { text, markers }
  })
}

/** Every payload template once, each with its own marker: for a source that takes one string. */
export function everyTemplate(): Payload {
  const markers: string[] = []
  let text = 'x'
  for (const command of COMMANDS) {
    for (const line of BREAKS.flatMap(b => LEADING.map(l => `${b}${l}`))) {
      const marker = `PWNED${++counter}Z`
      markers.push(marker)
      text += `${line}::${command}::${marker}`
    }
    const marker = `PWNED${++counter}Z`
    markers.push(marker)
    text += ` ##[${command}]${marker}`
  }
  return { text, markers }
}

/**
 * Nothing in `output` would run as a command the payload carried: the runner executes no command
 * whose data or property starts with a marker, and no line starts like one. When `shown`, the
 * payload did reach the output (as text), so the check was not vacuous: its first marker at least,
 * since settings problems show a long value as a short excerpt.
 */
export function expectInert(output: string, payload: Payload, shown: boolean): void {
  const live = runnerCommands(output).filter(
    command =>
      command.data.startsWith('PWNED') ||
      Object.values(command.properties).some(value => value.startsWith('PWNED')) ||
      (command.name === 'stop-commands' && !OUR_TOKEN.test(command.data))
  )
  expect(live.map(command => command.line)).toEqual([])
  const lines = output.split(/\r\n|\r|\n/)
  expect(lines.filter(line => LIVE_LINE.test(line))).toEqual([])
  if (shown) {
    expect(payload.markers.slice(0, 1).filter(marker => !output.includes(marker))).toEqual([])
  }
}

/** Our own stop-commands blocks use a random UUID. */
const OUR_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/**
 * A line that starts the way the payload's commands do (the legacy form inside one of our own
 * command lines is never read, so runnerCommands judges that one).
 */
const LIVE_LINE = /^[\s\u0085]*::[^:]*::PWNED/
