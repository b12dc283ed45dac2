/** How problems with a value are told, the same for every description. */

/**
 * Why a value fits none of the alternatives: when each refuses its type, the types together;
 * else the problems of the alternative that came closest (its type right, the fewest problems).
 */
export function closest(tried: readonly string[][], where: string): string[] {
  const typeMiss = new RegExp(`^${escapeRegExp(where)}: expected (.+), got (.+)$`)
  const misses = tried.map(found => (found.length === 1 ? typeMiss.exec(found[0] ?? '') : null))
  if (misses.every(Boolean)) {
    const types = [...new Set(misses.flatMap(m => m?.[1]?.split(' or ') ?? []))]
    return [`${where}: expected ${types.join(' or ')}, got ${misses[0]?.[2] ?? ''}`]
  }
  const valueMiss = new RegExp(`^${escapeRegExp(where)}: (.+) is not (?:one of )?(.+)$`)
  const values = tried.map(found => (found.length === 1 ? valueMiss.exec(found[0] ?? '') : null))
  if (values.every(Boolean)) {
    const allowed = values.map(m => m?.[2] ?? '').join(', ')
    return [`${where}: ${values[0]?.[1] ?? ''} is not one of ${allowed}`]
  }
  const score = (found: readonly string[], i: number) => found.length + (misses[i] ? 1000 : 0)
  let best = 0
  tried.forEach((found, i) => {
    if (score(found, i) < score(tried[best] ?? [], best)) best = i
  })
  return tried[best] ?? []
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}
