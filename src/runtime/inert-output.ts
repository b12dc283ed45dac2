/**
 * Keeps text we did not write from being read as a workflow command. The runner
 * (actions/runner, ActionCommandManager) reads every line of a step's stdout and stderr two ways:
 *
 * - `::name props::data` when the line, after .NET's TrimStart (every Unicode space, NEL), starts
 *   with `::`;
 * - the legacy `##[name props]data` ANYWHERE in the line.
 *
 * It splits lines at `\n`, `\r\n` and a lone `\r`. So one outside string ("x\r::add-mask::y", a
 * config key, an Argo CD message) can start a line of its own, and `::stop-commands::` in it would
 * switch command processing off for the rest of the step: later `::add-mask::` lines would then
 * print the secret instead of masking it.
 */

/** Line breaks the runner splits at, and a few it does not, so we never miss one. */
const LINE_BREAK = /(\r\n|[\n\r\v\f\u0085\u2028\u2029])/
/** What TrimStart skips, widened to every space and control character. */
const COMMAND_START = /^[\s\p{Z}\p{Cc}\p{Cf}]*::/u
/**
 * A visible backslash rather than a zero-width character: it needs no assumption about which
 * characters .NET trims, it survives copying from the log, and a reader sees where someone tried.
 */
const MARK = '\\'

/** `text` with every line that could be a workflow command made plain text. */
export function inert(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((part, index) => (index % 2 === 1 ? part : inertLine(part)))
    .join('')
}

function inertLine(line: string): string {
  const legacyFree = line.replaceAll('##[', `##${MARK}[`)
  return COMMAND_START.test(legacyFree) ? `${MARK}${legacyFree}` : legacyFree
}

/**
 * Output of a process we do not control (a builder, helm, kubectl), shown between
 * `::stop-commands::<token>` and `::<token>::`: the runner then executes nothing in it, whatever
 * escaping missed. The token is random per block, so the output cannot end the block itself. A
 * block stays open only while nothing else is written: a warning or `::add-mask::` inside one would
 * be printed as plain text, the secret with it.
 */
export class StopCommandsBlock {
  private token: string | undefined

  constructor(private readonly write: (line: string) => void) {}

  line(text: string): void {
    if (!this.token) {
      // node:crypto on first use: most runs never print a builder's output.
      this.token = process.getBuiltinModule('node:crypto').randomUUID()
      this.write(`::stop-commands::${this.token}`)
    }
    this.write(inert(text))
  }

  close(): void {
    if (!this.token) return
    const token = this.token
    this.token = undefined
    this.write(`::${token}::`)
  }
}

let trustedDepth = 0

/** Runs `write` as the action's own output: the stream guard lets its commands through. */
export function asOwnOutput<T>(write: () => T): T {
  trustedDepth++
  try {
    return write()
  } finally {
    trustedDepth--
  }
}

type Write = NodeJS.WriteStream['write']
const guards = new WeakSet<Write>()

/** Set while guardWhenOpened watches process.stdout and nothing has asked for it yet. */
let stdoutUnopened = false
/** The file descriptor the step's own output goes to while stdout is unopened (writeStdoutDirectly). */
let directFd: number | undefined

/**
 * Writes the action's own stdout text (the toolkit's commands and lines): to the file descriptor
 * itself while the step has said it owns it (writeStdoutDirectly) and nothing has opened
 * process.stdout, otherwise through process.stdout. Opening process.stdout on a pipe, as the
 * runner's is, loads node:net and node:stream: a sixth of a dry run's start, for lines that a
 * synchronous write to the descriptor delivers as they are. Text written outside asOwnOutput is
 * made inert, as the guard on the stream would.
 */
export function writeStdout(text: string): void {
  if (directFd === undefined || !stdoutUnopened) {
    process.stdout.write(text)
    return
  }
  const bytes = Buffer.from(trustedDepth > 0 ? text : guardedText(text), 'utf8')
  let written = 0
  try {
    const { writeSync } = process.getBuiltinModule('node:fs')
    while (written < bytes.length) written += writeSync(directFd, bytes, written)
  } catch {
    // A pipe left non-blocking and full (EAGAIN), or a descriptor that takes no writes: the stream
    // writes the rest, and everything after it.
    directFd = undefined
    const rest = bytes.subarray(written)
    if (rest.length > 0) asOwnOutput(() => process.stdout.write(rest))
  }
}

/**
 * For a step that is the whole process (the runner's `node dist/index.js`): its own output goes
 * to `fd` directly until something opens process.stdout, from when the stream takes over, in
 * order (see writeStdout). Only while guardOutputStreams() watches stdout, which tells when it
 * opens. Returns the undo.
 */
export function writeStdoutDirectly(fd = 1): () => void {
  directFd = fd
  return () => {
    directFd = undefined
  }
}

/**
 * Makes every write to the streams that is not the action's own (a library's console.warn, a stray
 * process.stdout.write) inert, and ends it with a line break, so that the next write starts a line
 * of its own and one write cannot complete a command another began. Without `streams`, the
 * process's stdout and stderr, each guarded when it is first asked for (see guardWhenOpened).
 * Returns the undo.
 */
export function guardOutputStreams(streams?: readonly NodeJS.WriteStream[]): () => void {
  const undo = streams
    ? [guardStreams(streams)]
    : (['stdout', 'stderr'] as const).map(name => guardWhenOpened(name))
  return () => undo.forEach(restore => restore())
}

/**
 * Guards process[name] from the moment it is opened: opening stdout loads node:stream, a fifth of a
 * post step that has nothing to print. Whatever writes to the stream (console, the toolkit, a
 * library) asks process for it, so the guard is on before the first write; each step installs it
 * before any of its code runs, so no one holds the stream from before.
 */
function guardWhenOpened(name: 'stdout' | 'stderr'): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(process, name)
  const open = descriptor?.get
  if (!descriptor?.configurable || !open) return guardStreams([process[name]])
  let undo: (() => void) | undefined
  const watched = (unopened: boolean): void => {
    if (name === 'stdout') stdoutUnopened = unopened
  }
  Object.defineProperty(process, name, {
    ...descriptor,
    get(): NodeJS.WriteStream {
      // Node keeps the stream it opened: from here on its own getter answers.
      Object.defineProperty(process, name, descriptor)
      watched(false)
      const stream = open.call(process) as NodeJS.WriteStream
      undo = guardStreams([stream])
      return stream
    }
  })
  watched(true)
  return () => {
    if (undo) undo()
    else Object.defineProperty(process, name, descriptor)
    watched(false)
  }
}

function guardStreams(streams: readonly NodeJS.WriteStream[]): () => void {
  const undo = streams.map(stream => {
    const original = stream.write
    // Guarding twice would only add line breaks.
    if (guards.has(original)) return () => undefined
    const guarded = function (
      this: NodeJS.WriteStream,
      chunk: Uint8Array | string,
      encoding?: BufferEncoding | ((error?: Error | null) => void),
      callback?: (error?: Error | null) => void
    ): boolean {
      if (trustedDepth > 0) {
        return (original as (...args: unknown[]) => boolean).call(stream, chunk, encoding, callback)
      }
      const done = typeof encoding === 'function' ? encoding : callback
      // A string in another encoding ('hex', 'base64') is bytes too: read what it will print.
      const bytes =
        typeof chunk !== 'string'
          ? Buffer.from(chunk)
          : typeof encoding === 'string' && Buffer.isEncoding(encoding)
            ? Buffer.from(chunk, encoding)
            : undefined
      const text = bytes ? bytes.toString('utf8') : (chunk as string)
      return original.call(stream, guardedText(text), 'utf8', done)
    }
    stream.write = guarded as Write
    guards.add(stream.write)
    return () => {
      if (stream.write === guarded) stream.write = original
    }
  })
  return () => undo.forEach(restore => restore())
}

/** A write that is not the action's own, made inert and ended with a line break (empty stays empty). */
function guardedText(text: string): string {
  if (text === '') return ''
  const safe = inert(text)
  return /[\r\n]$/.test(safe) ? safe : `${safe}\n`
}
