import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DeployError, errorMessage } from './errors.js'
import { failJob } from './outputs.js'
import type { SafeToolkit } from './toolkit.js'

/**
 * Where a crash is told: the step's own safe toolkit, so that its lines are inert (a stack holds
 * outside text, a server's message) and its `::error::` closes any builder block still open.
 */
type StepToolkit = Pick<SafeToolkit, 'info' | 'setFailed'>

/**
 * Nothing the action throws reaches Node's own handler: that one prints the source line of the
 * error with a caret (in dist/, a minified line of up to 60 kB) and no `::error::`, so the step
 * fails with a wall of code and no reason. Every step runs inside runStep(), and any error that
 * escapes it, or is thrown or rejected unhandled while it runs, ends the same way: one
 * `::error::` line through failJob(), and the stack, with positions in src/.
 */

export type StepName = 'main' | 'post'

export interface StepOptions {
  /**
   * The step is the process (the runner's `node dist/index.js`): keep listening after it settles,
   * for a callback it left behind, and write its output to fd 1 itself (writeStdoutDirectly).
   * Otherwise the process is a host's (@github/local-action, a test), whose errors after the
   * step are not the step's to report, and whose stdout it writes through process.stdout.
   */
  readonly ownsProcess?: boolean
}

/** The longest line a crash prints: a stack frame, a message, the `::error::` itself. */
const MAX_LINE = 2_000
/** Of the message, in the `::error::` line: the stack below has the rest. */
const MAX_MESSAGE = 500

/** One step's run: its first crash, whether it settled, whether the crash was reported. */
class RunningStep {
  failure: DeployError | undefined
  settled = false
  reported = false
  private controller: AbortController | undefined

  constructor(
    readonly name: StepName,
    private readonly core: StepToolkit
  ) {}

  /**
   * Aborted, with the failure, at the step's first crash. Made when asked for: an
   * AbortController is a tenth of the post step's own time, and the post step never asks.
   */
  get crashed(): AbortSignal {
    this.controller ??= new AbortController()
    if (this.failure) this.controller.abort(this.failure)
    return this.controller.signal
  }

  crash(error: unknown): void {
    printStack(this.core, error)
    if (this.failure) return
    const first = errorMessage(error).split('\n', 1)[0] ?? ''
    this.failure = new DeployError(
      'DEPLOY_FAILED',
      `the ${this.name} step crashed: ${cut(first, MAX_MESSAGE)}`,
      { cause: error }
    )
    this.controller?.abort(this.failure)
  }

  /**
   * Fails the job with the crash, once, unless the job has already failed: main reports a crash
   * during its phases itself, as the run's failure, and one `::error::` is enough.
   */
  report(): void {
    if (this.reported || !this.failure) return
    this.reported = true
    // setFailed sets the exit code 1: the step has already said why it failed.
    if (process.exitCode === 1) return
    failJob(this.core, { code: this.failure.code, message: this.failure.message })
  }
}

/**
 * Runs one step. `crashed` aborts at the step's first unexpected error, so main can stop its
 * phases and still write its outputs, summary and card (main.ts finish()) with that error as
 * the failure; whatever the step did not report itself is reported when it settles.
 */
export async function runStep(
  name: StepName,
  core: StepToolkit,
  step: (running: { readonly crashed: AbortSignal }) => Promise<void>,
  options: StepOptions = {}
): Promise<void> {
  const running = new RunningStep(name, core)
  const onError = (error: unknown): void => {
    running.crash(error)
    if (running.settled) running.report()
  }
  // Nothing left to run while the step still waits: what it waited for will never come (a
  // callback that crashed). Say so now, or the step would end without a word.
  const onBeforeExit = (): void => {
    if (running.settled) return
    running.crash(new Error(`the ${name} step stopped waiting for work that can no longer finish`))
    running.settled = true
    running.report()
  }
  process.on('uncaughtException', onError)
  process.on('unhandledRejection', onError)
  process.on('beforeExit', onBeforeExit)
  try {
    await step(running)
  } catch (error) {
    running.crash(error)
  }
  running.settled = true
  running.report()
  if (options.ownsProcess) return
  process.off('uncaughtException', onError)
  process.off('unhandledRejection', onError)
  process.off('beforeExit', onBeforeExit)
}

/** For a failure before any step could start (the bundle's own chunks would not load). */
export function reportCrash(name: StepName, core: StepToolkit, error: unknown): void {
  const running = new RunningStep(name, core)
  running.crash(error)
  running.report()
}

/** The error and its causes, line by line. */
function printStack(core: StepToolkit, error: unknown): void {
  const lines = ['The action stopped on an error it did not expect:']
  let cause: unknown = error
  for (let depth = 0; cause !== undefined && depth < 4; depth++) {
    if (depth > 0) lines.push('Caused by:')
    const stack = cause instanceof Error ? (cause.stack ?? String(cause)) : String(cause)
    lines.push(...sourcePositions(stack).split('\n'))
    cause = cause instanceof Error ? cause.cause : undefined
  }
  try {
    // One character short: inert() marks a line that could start a command with a backslash.
    for (const line of lines) core.info(cut(line, MAX_LINE - 1))
  } catch {
    // stdout itself is gone (a closed pipe): nothing can be said, and throwing here would loop.
  }
}

/** `text`, with what is over `max` characters (the note included) left out and counted. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const note = (left: number): string => `… (${left} more characters)`
  const kept = max - note(text.length).length
  return `${text.slice(0, kept)}${note(text.length - kept)}`
}

/**
 * Stack frames in dist/ point into minified chunks. Each chunk has its source map beside it
 * (ncc --source-map), read only here, after a crash: Node's own source maps
 * (process.setSourceMapsEnabled) read every map as its chunk loads, which measured 15-20 ms
 * more per step (a third of Node's own startup) and took both steps past their startup budgets.
 */
function sourcePositions(stack: string): string {
  return stack.replace(
    /((?:file:\/\/)?\/[^\s()]+\.js):(\d+):(\d+)/g,
    (frame, file, line, column) => {
      const map = sourceMapOf(file as string)
      const entry = map?.findEntry(Number(line) - 1, Number(column) - 1)
      if (!entry || !('originalSource' in entry)) return frame
      // The line only: the minifier's maps put every position at column 0.
      return `${readableSource(entry.originalSource)}:${entry.originalLine + 1}`
    }
  )
}

type SourceMap = InstanceType<typeof import('node:module').SourceMap>
const sourceMaps = new Map<string, SourceMap | undefined>()

function sourceMapOf(file: string): SourceMap | undefined {
  if (sourceMaps.has(file)) return sourceMaps.get(file)
  let map: SourceMap | undefined
  try {
    const path = `${file.startsWith('file:') ? fileURLToPath(file) : file}.map`
    if (existsSync(path)) {
      const { SourceMap } = process.getBuiltinModule('node:module')
      map = new SourceMap(JSON.parse(readFileSync(path, 'utf8')))
    }
  } catch {
    map = undefined // an unreadable map: the minified position is still a position
  }
  sourceMaps.set(file, map)
  return map
}

/** `.././src/main.ts` -> `src/main.ts`; `../node_modules/x/y.js` -> `node_modules/x/y.js`. */
function readableSource(source: string): string {
  const at = source.search(/(?:^|\/)(?:src|node_modules)\//)
  return at < 0 ? source : source.slice(source[at] === '/' ? at + 1 : at)
}
