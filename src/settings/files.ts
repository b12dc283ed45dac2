import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { TextDecoder } from 'node:util'
import { quote } from './problems.js'
import { CONTROL_CHARACTER } from './values.js'

/** A deploy config is a page or two of YAML; anything near this size is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024
const MAX_PATH_LENGTH = 4096

export type PathCheck =
  | { readonly ok: true; readonly path: string; readonly real: string }
  | { readonly ok: false; readonly problem: string }

/**
 * The one check for every path the config or an input names (config, events_file, build context
 * and Dockerfile, task definition, AppSpec; CloudFormation templates and Helm charts when they
 * come): `value` is resolved against `base`, symlinks followed, and must stay inside one of
 * `roots` (the workspace; RUNNER_TEMP for events_file). A path that does not exist yet is judged
 * by the real path of its deepest existing ancestor. `path` is the resolved path as the user
 * wrote it (what the run uses and shows), `real` the same with every symlink followed.
 */
export function confinedPath(value: string, base: string, roots: readonly string[]): PathCheck {
  if (value.length > MAX_PATH_LENGTH) {
    return { ok: false, problem: `expected a path of at most ${MAX_PATH_LENGTH} characters` }
  }
  if (/[\n\r\t]/.test(value) || CONTROL_CHARACTER.test(value)) {
    return { ok: false, problem: `expected a path without control characters, got ${quote(value)}` }
  }
  const path = resolve(base, value)
  const real = realPathOf(path)
  if (!real.ok) return { ok: false, problem: `${quote(value)} ${real.problem}` }
  const realRoots = roots.map(root => realPathOf(resolve(root)))
  if (!realRoots.some(root => root.ok && isWithin(real.path, root.path))) {
    const inside = roots.length === 1 ? 'the workspace' : 'the workspace or RUNNER_TEMP'
    const via = real.path === path ? '' : ` (symlinks followed: ${quote(real.path, 200)})`
    return {
      ok: false,
      problem: `${quote(value)} leads outside ${inside}${via}; paths must stay inside ${inside}`
    }
  }
  return { ok: true, path, real: real.path }
}

/**
 * The real path of `path`: realpath of its deepest existing ancestor, joined with the rest. A
 * symlink that points nowhere is refused: whoever later creates or writes the path would follow
 * it to a place that was never checked.
 */
function realPathOf(path: string): { ok: true; path: string } | { ok: false; problem: string } {
  const rest: string[] = []
  let current = path
  for (;;) {
    try {
      return { ok: true, path: join(realpathSync.native(current), ...rest) }
    } catch (error) {
      const code = errorCode(error)
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        return { ok: false, problem: `cannot be resolved (${code ?? 'error'})` }
      }
      if (lstatIfAny(current)?.isSymbolicLink()) {
        return {
          ok: false,
          problem: 'is (or passes through) a symlink to a path that does not exist'
        }
      }
    }
    const parent = dirname(current)
    if (parent === current) return { ok: true, path: join(current, ...rest) }
    rest.unshift(basename(current))
    current = parent
  }
}

function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)
}

export type TextFile =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string }

/**
 * Reads a small UTF-8 text file without ever blocking or reading without end: opened
 * non-blocking (a FIFO would otherwise wait for a writer), refused unless fstat says it is a
 * regular file of at most `maxBytes`, and decoded strictly (invalid UTF-8 is an error, not a
 * U+FFFD in a tag or an ARN).
 */
export function readSmallTextFile(path: string, maxBytes = MAX_CONFIG_BYTES): TextFile {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
  } catch (error) {
    const code = errorCode(error)
    return {
      ok: false,
      problem: code === 'ENOENT' ? 'file not found' : `cannot be opened (${code ?? 'error'})`
    }
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return { ok: false, problem: `is ${kindOf(stats)}, not a regular file` }
    if (stats.size > maxBytes) {
      return { ok: false, problem: `is ${stats.size} bytes; at most ${maxBytes} are read` }
    }
    // One byte more than allowed, so a file that grew after fstat is caught too.
    const buffer = Buffer.alloc(stats.size + 1)
    let length = 0
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
      if (length > maxBytes || length === buffer.length) break
    }
    if (length > stats.size) return { ok: false, problem: 'changed while it was read' }
    try {
      return {
        ok: true,
        text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length))
      }
    } catch {
      return {
        ok: false,
        problem: `is not valid UTF-8 (near byte ${firstInvalidByte(buffer.subarray(0, length))})`
      }
    }
  } catch (error) {
    return { ok: false, problem: `cannot be read (${errorCode(error) ?? 'error'})` }
  } finally {
    closeSync(fd)
  }
}

/**
 * events_file is truncated at the start of the run, so it may only name a file that is not
 * there yet or an event log this action wrote (a re-run in the same job): never the config, a
 * source file or anything else of value. A git query would tell tracked files apart too, but
 * costs a process per run; "only our own NDJSON" is stricter and needs no git.
 */
export function eventsFileProblem(
  real: string,
  configReal: string | undefined
): string | undefined {
  if (configReal !== undefined && real === configReal) {
    return 'is the deploy config; the event log must go to a file of its own'
  }
  const stats = lstatIfAny(real)
  if (!stats) return undefined
  if (!stats.isFile()) return `is ${kindOf(stats)}, not a file the event log can be written to`
  if (stats.size === 0) return undefined
  if (isEventLine(firstLineOf(real))) return undefined
  return 'names a file that exists and is not an event log of this action; it would be overwritten'
}

/** The first line of a file, from its first few kilobytes (an event is one short line). */
function firstLineOf(path: string): string {
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY)
    const buffer = Buffer.alloc(16 * 1024)
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8')
    return text.split('\n', 1)[0] ?? ''
  } catch {
    return ''
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function isEventLine(line: string): boolean {
  try {
    const event = JSON.parse(line) as Record<string, unknown> | null
    return typeof event?.id === 'number' && typeof event.type === 'string'
  } catch {
    return false
  }
}

function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  if (stats.isSymbolicLink()) return 'a symlink'
  return 'not a regular file'
}

function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // The longest valid prefix, by halving: a handful of decodes even for a megabyte. Streaming
  // mode, so that a prefix cut inside a character is not itself an error.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true })
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
