import { DEFAULT_SCHEMA, Type, YAMLException, load } from 'js-yaml'
import type { Problems } from './problems.js'
import { quote } from './problems.js'
import { LONE_SURROGATE } from './values.js'

/**
 * Limits on what a YAML text may become. js-yaml shares an aliased value rather than copying it,
 * so `&a [*b, *b, …]` a few levels deep loads in a millisecond, and a cycle loads at all; but
 * everything that walks the result afterwards (the schema, the environment merge, the JSON of a
 * Step Functions input) expands it. So the loaded value is walked once here, aliases counted
 * each time they are used, and refused beyond these bounds, with the key path where it happened.
 */
const MAX_VALUES = 20_000
const MAX_TEXT = 2 * 1024 * 1024
const MAX_DEPTH = 64
/**
 * What aliases may expand to while parsing (see aliasBudget): above the walk's bound, so that a
 * bomb is usually refused by the walk, which names its key, and this only stops the parser.
 */
const MAX_ALIAS_EXPANSION = 8 * MAX_TEXT

/** A number written in a form a deploy config has no use for; reported with its key path. */
class RefusedNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

// YAML 1.2's float forms (js-yaml's own pattern); those with an exponent, .inf or .nan are kept
// as written, to be refused by the walk below, where the key path is known.
const FLOAT =
  /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const PLAIN_FLOAT = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/
const strictFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && FLOAT.test(data),
  construct: (data: string) => (PLAIN_FLOAT.test(data) ? Number(data) : new RefusedNumber(data)),
  instanceOf: RefusedNumber
})
// Replaces the float type in place; merge keys, timestamps and the rest stay as they were.
const SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [strictFloat] })

/** Says where a key path is, e.g. ".github/deploy.yml: services.api.build". */
export type Locate = (path: readonly string[]) => string

/**
 * Parses one YAML document within the bounds above. Problems (syntax with line and column, or
 * the key path of a cycle, an alias bomb, a refused number or text) go to `problems`; the
 * result is undefined when there was any.
 */
export function loadBoundedYaml(
  text: string,
  displayName: string,
  locate: Locate,
  problems: Problems
): { value: unknown } | undefined {
  let value: unknown
  try {
    value = load(text, { filename: displayName, schema: SCHEMA, listener: aliasBudget() })
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) {
      problems.add(`${displayName}: line ${error.line}`, error.message)
      return undefined
    }
    if (!(error instanceof YAMLException)) throw error
    // The reason only: the exception's own message quotes the file around the error.
    const line = error.mark ? error.mark.line + 1 : secondDocumentLine(text)
    const column = error.mark ? `, column ${error.mark.column + 1}` : ''
    const where = line ? `${displayName}: line ${line}${column}` : displayName
    problems.add(where, `YAML syntax: ${error.reason}`)
    return undefined
  }
  return checkTree(value, locate, problems) ? { value } : undefined
}

class AliasBudgetExceeded extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

/**
 * Counts what YAML aliases expand to while the parser runs, and stops it past a bound. The walk
 * after the parse is not enough on its own: js-yaml itself turns a list used as a key into one
 * string, so `? [*s, *s, …]` with a long `&s` would build hundreds of megabytes before the walk.
 * An alias is the one node the parser closes without a kind.
 */
function aliasBudget(): (
  event: string,
  state: { kind: string | null; result: unknown; line: number }
) => void {
  const sizes = new WeakMap<object, number>()
  let expanded = 0
  const sizeOf = (value: unknown, depth: number, line: number): number => {
    if (typeof value === 'string') return value.length + 1
    if (value === null || typeof value !== 'object') return 1
    const known = sizes.get(value)
    if (known !== undefined) return known
    if (depth > MAX_DEPTH) {
      throw new AliasBudgetExceeded(`YAML aliases nest more than ${MAX_DEPTH} levels deep`, line)
    }
    // Counted once while it is measured: an alias inside its own anchor (a cycle, refused by
    // the walk) must not measure it without end.
    sizes.set(value, 1)
    let total = 1
    for (const [key, child] of Object.entries(value)) {
      total += key.length + sizeOf(child, depth + 1, line)
      if (total > MAX_ALIAS_EXPANSION) break
    }
    sizes.set(value, total)
    return total
  }
  return (event, state) => {
    if (event !== 'close' || state.kind !== null || state.result == null) return
    expanded += sizeOf(state.result, 0, state.line + 1)
    if (expanded > MAX_ALIAS_EXPANSION) {
      throw new AliasBudgetExceeded(
        `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} characters (an alias bomb?)`,
        state.line + 1
      )
    }
  }
}

/**
 * js-yaml reports a second document without a position; this finds the line it starts on: the
 * first content after a `...` end marker, or a `---` marker after the first document's content.
 */
function secondDocumentLine(text: string): number | undefined {
  let content = false
  let ended = false
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (/^---(\s|$)/.test(line)) {
      if (content || ended) return index + 1
      content = true
    } else if (/^\.\.\.(\s|$)/.test(line)) {
      ended = true
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      if (ended) return index + 1
      content = true
    }
  }
  return undefined
}

/** Walks the loaded value once, aliases expanded; false (with the problems) when it is refused. */
function checkTree(root: unknown, locate: Locate, problems: Problems): boolean {
  let values = 0
  let characters = 0
  let refused = 0
  const open = new Set<object>()
  const refuse = (path: readonly string[], problem: string) => {
    problems.add(locate(path), problem)
    refused += 1
  }
  const countText = (path: readonly string[], text: string): boolean => {
    characters += text.length
    if (characters > MAX_TEXT) {
      refuse(path, `more than ${MAX_TEXT} characters of text, YAML aliases expanded`)
      return false
    }
    if (LONE_SURROGATE.test(text))
      refuse(path, 'contains a lone UTF-16 surrogate, which is not text')
    return true
  }

  // Returns false to stop the whole walk: past a bound, or at a cycle.
  const visit = (value: unknown, path: readonly string[]): boolean => {
    values += 1
    if (values > MAX_VALUES) {
      refuse(path, `more than ${MAX_VALUES} values, counting an alias each time it is used`)
      return false
    }
    if (path.length > MAX_DEPTH) {
      refuse(path, `nested more than ${MAX_DEPTH} levels deep`)
      return false
    }
    if (typeof value === 'string') return countText(path, value)
    if (value instanceof RefusedNumber) {
      refuse(path, `${quote(value.text)}: write a plain number (no exponent, .inf or .nan)`)
      return true
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) refuse(path, 'expected a finite number')
      return true
    }
    // undefined: an empty document.
    if (value == null || typeof value === 'boolean' || value instanceof Date) return true
    if (!Array.isArray(value) && !isPlainObject(value)) {
      refuse(path, 'a YAML type a deploy config does not use (such as !!binary)')
      return true
    }
    if (open.has(value)) {
      refuse(path, 'a YAML alias that refers to a value containing it (a cycle)')
      return false
    }
    open.add(value)
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value)
    for (const [key, child] of entries) {
      const childPath = [...path, key]
      if (!Array.isArray(value) && !countText(childPath, key)) return false
      if (key === '__proto__') refuse(childPath, 'a reserved key')
      if (!visit(child, childPath)) return false
    }
    open.delete(value)
    return true
  }

  visit(root, [])
  return refused === 0
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
