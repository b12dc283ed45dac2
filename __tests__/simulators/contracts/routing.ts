/**
 * What every API description shares: its paths are templates with parameters, a request reaches
 * the one operation its method and path name, or is refused as a router refuses it (no such
 * path: 404; the path exists but not with this method: 405).
 */

export interface IncomingRequest {
  readonly method: string
  /** Without the query string. */
  readonly path: string
  readonly query: URLSearchParams
  readonly body: string
  readonly contentType?: string | undefined
}

export type RequestCheck<Operation> =
  | {
      ok: true
      operation: Operation
      /** Path parameters, decoded. */
      params: Record<string, string>
      /** The JSON body (or the form fields as an object), undefined when there is none. */
      body: unknown
    }
  | {
      ok: false
      /** What the server answers: no such path (404), not this method (405), a bad request (400). */
      status: 400 | 404 | 405
      problems: string[]
      operation?: Operation
    }

export type Routed<Operation> =
  | { operation: Operation; params: Record<string, string> }
  | { status: 404 | 405; allowed: string[] }

type Segment = { literal: string } | { param: string; multi: boolean }

interface Route<Operation> {
  readonly method: string
  readonly operation: Operation
  readonly segments: readonly Segment[]
  readonly literals: number
}

export class RouteTable<Operation> {
  private readonly routes: Route<Operation>[] = []
  private sorted = true

  /**
   * One method of one path template (`/a/{b}/c`). A parameter named in `multiSegment` takes one
   * or more segments with their slashes (GitHub's `{ref}` in `git/ref/heads/main`).
   */
  add(
    template: string,
    method: string,
    operation: Operation,
    multiSegment: ReadonlySet<string> = new Set()
  ): void {
    const segments = template
      .split('/')
      .filter(Boolean)
      .map((part): Segment => {
        const param = /^\{([^}=]+)\}$/.exec(part)?.[1]
        return param ? { param, multi: multiSegment.has(param) } : { literal: part }
      })
    const literals = segments.filter(s => 'literal' in s).length
    this.routes.push({ method: method.toUpperCase(), operation, segments, literals })
    this.sorted = false
  }

  /** The operation a method and path reach, or why none does. */
  find(method: string, path: string): Routed<Operation> {
    if (!this.sorted) {
      // The most literal template wins, as a router tries fixed paths before parameters.
      this.routes.sort((a, b) => b.literals - a.literals)
      this.sorted = true
    }
    const parts = path.split('/').filter(Boolean)
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts)
      if (!params) continue
      if (route.method === method.toUpperCase()) return { operation: route.operation, params }
      if (!allowed.includes(route.method)) allowed.push(route.method)
    }
    return allowed.length ? { status: 405, allowed } : { status: 404, allowed }
  }
}

/** The refusal a router gives when `find` reaches no operation. */
export function routingRefusal<Operation>(
  method: string,
  routed: { status: 404 | 405; allowed: string[] }
): Extract<RequestCheck<Operation>, { ok: false }> {
  const problem =
    routed.status === 405
      ? `no ${method} here: the description has only ${routed.allowed.join(', ')}`
      : 'no such path in the description'
  return { ok: false, status: routed.status, problems: [problem] }
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[]
): Record<string, string> | undefined {
  const [segment, ...rest] = segments
  if (!segment) return parts.length === 0 ? {} : undefined
  const [part, ...after] = parts
  if (part === undefined) return undefined
  if ('literal' in segment) {
    return segment.literal === part ? matchSegments(rest, after) : undefined
  }
  // A multi-segment parameter takes as few segments as leave the rest of the template a match.
  const most = segment.multi ? parts.length - rest.length : 1
  for (let take = 1; take <= most; take++) {
    const tail = matchSegments(rest, parts.slice(take))
    if (!tail) continue
    const value = decode(parts.slice(0, take).join('/'))
    if (value === undefined) return undefined
    return { [segment.param]: value, ...tail }
  }
  return undefined
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}
