import { accessSync, appendFileSync, constants, existsSync, writeFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { dirname } from 'node:path'
import type { JobSummary, Toolkit } from '../toolkit.js'
import { writeStdout } from './inert-output.js'

/**
 * The runner's side of the Toolkit: workflow commands on stdout, file commands (GITHUB_OUTPUT,
 * GITHUB_STATE, GITHUB_STEP_SUMMARY), inputs and state from the environment, byte for byte as
 * @actions/core 3 writes them. Not @actions/core itself because its entry point loads an HTTP
 * client (undici, for OIDC tokens) and @actions/exec at import: three times the startup of bare
 * Node, for a dry run that needs none of it.
 *
 * Where it departs from @actions/core, it is for runs outside the runner (README, "Running it
 * outside GitHub"; @github/local-action): a GITHUB_* file that does not exist yet is created
 * rather than refused, and state saved by main is read back by a post step in the same process.
 */
export const workflowCommands: Toolkit = {
  getInput(name, options) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
    if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
    return options?.trimWhitespace === false ? value : value.trim()
  },
  setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) return fileCommand('OUTPUT', keyValue(name, value))
    writeStdout(EOL)
    command('set-output', { name }, commandValue(value))
  },
  setSecret: secret => command('add-mask', {}, secret),
  setFailed(message) {
    process.exitCode = 1
    workflowCommands.error(message)
  },
  info: message => writeStdout(message + EOL),
  debug: message => command('debug', {}, message),
  notice: (message, properties) => annotation('notice', message, properties),
  warning: (message, properties) => annotation('warning', message, properties),
  error: (message, properties) => annotation('error', message, properties),
  startGroup: name => command('group', {}, name),
  endGroup: () => command('endgroup', {}, ''),
  saveState(name, value) {
    savedHere.set(name, commandValue(value))
    if (process.env.GITHUB_STATE) return fileCommand('STATE', keyValue(name, value))
    command('save-state', { name }, commandValue(value))
  },
  getState: name => process.env[`STATE_${name}`] || savedHere.get(name) || '',
  summary: stepSummary()
}

/**
 * The state this process saved. The runner hands state to the post step as STATE_* variables of a
 * new process; a host that runs main and then post in one process (@github/local-action) does
 * not, and without this the post step would never learn what main left it to finish.
 */
const savedHere = new Map<string, string>()

type Properties = Record<string, string | number | undefined>
type AnnotationProperties = Parameters<Toolkit['warning']>[1]

function annotation(
  kind: 'notice' | 'warning' | 'error',
  message: string | Error,
  properties: AnnotationProperties = {}
): void {
  const located: Properties =
    Object.keys(properties).length === 0
      ? {}
      : {
          title: properties.title,
          file: properties.file,
          line: properties.startLine,
          endLine: properties.endLine,
          col: properties.startColumn,
          endColumn: properties.endColumn
        }
  command(kind, located, message instanceof Error ? message.toString() : message)
}

/** `::name key=value,key=value::message`, the properties and message escaped. */
function command(name: string, properties: Properties, message: string): void {
  const given = Object.entries(properties).filter(([, value]) => value)
  const list = given.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')
  // A space even when every property is empty: @actions/core writes `::warning ::message` then.
  const spaced = Object.keys(properties).length > 0 ? ` ${list}` : ''
  writeStdout(`::${name}${spaced}::${escapeData(message)}${EOL}`)
}

function commandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || value instanceof String) return String(value)
  return JSON.stringify(value)
}

function escapeData(value: unknown): string {
  return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function fileCommand(name: 'OUTPUT' | 'STATE', message: string): void {
  const path = process.env[`GITHUB_${name}`]
  if (!path) throw new Error(`Unable to find environment variable for file command ${name}`)
  ensureFile(
    `GITHUB_${name}`,
    path,
    `unset it to print ${name === 'OUTPUT' ? 'the outputs' : 'the state'} to the log`
  )
  appendFileSync(path, `${message}${EOL}`, { encoding: 'utf8' })
}

/**
 * The runner creates the GITHUB_* files before a step starts; outside it (README, "Running it
 * outside GitHub") a variable names a file that does not exist yet, and @actions/core would
 * refuse it. Creating it is what the user meant; a missing directory is a mistake to name.
 */
function ensureFile(variable: string, path: string, otherwise: string): void {
  if (existsSync(path)) return
  const directory = dirname(path)
  if (!existsSync(directory)) {
    throw new Error(
      `${variable} is ${path}, in a directory that does not exist (${directory}): ` +
        `create the directory, or ${otherwise}`
    )
  }
  writeFileSync(path, '', { flag: 'a' })
}

/** name<<DELIMITER, the value, DELIMITER: a random delimiter the value cannot end early. */
function keyValue(name: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomId()}`
  const text = commandValue(value)
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (text.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}`
}

/**
 * 128 random bits in hex, from Math.random rather than node:crypto: loading node:crypto costs a
 * fifth of Node's own startup, and every main step writes its state and outputs. The delimiter
 * keeps no secret: a name or value that contains it is refused above, so its randomness only
 * keeps a value from being written to collide with it (V8 seeds Math.random from the operating
 * system in each process).
 */
function randomId(): string {
  const word = (): string =>
    Math.floor(Math.random() * 0x1_0000)
      .toString(16)
      .padStart(4, '0')
  return Array.from({ length: 8 }, word).join('')
}

/** The summary buffer, appended to (or, with overwrite, replacing) GITHUB_STEP_SUMMARY. */
function stepSummary(): JobSummary {
  let buffer = ''
  const summary: JobSummary = {
    addRaw(text, addEOL = false) {
      buffer += addEOL ? text + EOL : text
      return summary
    },
    async write(options) {
      const path = process.env.GITHUB_STEP_SUMMARY
      if (!path) {
        throw new Error(
          'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime ' +
            'environment supports job summaries.'
        )
      }
      // Synchronous: node:fs/promises is one more module to load, for one small write at the end.
      ensureFile('GITHUB_STEP_SUMMARY', path, 'unset it to go without a job summary')
      try {
        accessSync(path, constants.R_OK | constants.W_OK)
      } catch {
        throw new Error(
          `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`
        )
      }
      if (options?.overwrite) writeFileSync(path, buffer, 'utf8')
      else appendFileSync(path, buffer, 'utf8')
      buffer = ''
      return summary
    }
  }
  return summary
}
