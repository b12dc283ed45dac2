/**
 * Path globs of `services.<name>.paths`, matched against workspace-relative paths with forward
 * slashes. Small on purpose (no dependency for three operators): `*` is any run of characters
 * inside one path segment, `?` one character of a segment, `**` any number of whole segments
 * (none included), and a trailing `/` means everything under that directory. Every other
 * character stands for itself. A glob matches the whole path: `Dockerfile` is the Dockerfile at
 * the top, `**\/Dockerfile` any of them.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.endsWith('/') ? `${glob}**` : glob
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    if (char === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/'
      const slashAfter = pattern[i + 2] === '/'
      if (atStart && slashAfter) {
        // `**/`: zero or more directories.
        source += '(?:[^/]+/)*'
        i += 2
      } else if (atStart && i + 2 === pattern.length) {
        // a trailing `**`: everything below.
        source += '.*'
        i += 1
      } else {
        // `**` inside a segment is two stars.
        source += '[^/]*'
        i += 1
      }
    } else if (char === '*') {
      source += '[^/]*'
    } else if (char === '?') {
      source += '[^/]'
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
  }
  return new RegExp(`^${source}$`)
}

/** Whether any of `globs` matches `path`. */
export function matchesAny(globs: readonly RegExp[], path: string): boolean {
  return globs.some(glob => glob.test(path))
}
