/**
 * The service graph: services and their depends_on form a DAG, deployed in layers. A layer holds
 * the services whose dependencies are all in earlier layers, so independent services share a
 * layer and run in parallel. Unknown names and cycles are reported, never guessed around.
 * It sits in settings because reading the config rejects those together with every other
 * problem; the plan (the layers) and the deploy phase (who depends on a failure) build on it.
 */
export interface GraphNode {
  readonly name: string
  readonly dependsOn: readonly string[]
}

export type GraphProblem =
  | { kind: 'unknown'; service: string; dependency: string }
  | { kind: 'self'; service: string }
  | { kind: 'cycle'; cycle: readonly string[] }

export function deployLayers(nodes: readonly GraphNode[]): {
  layers: string[][]
  problems: GraphProblem[]
} {
  const known = new Set(nodes.map(n => n.name))
  const problems: GraphProblem[] = []
  for (const node of nodes) {
    for (const dependency of node.dependsOn) {
      if (dependency === node.name) problems.push({ kind: 'self', service: node.name })
      else if (!known.has(dependency)) {
        problems.push({ kind: 'unknown', service: node.name, dependency })
      }
    }
  }
  if (problems.length > 0) return { layers: [], problems }

  const placed = new Set<string>()
  const layers: string[][] = []
  let remaining = [...nodes]
  while (remaining.length > 0) {
    // Config order is kept inside a layer so plans and logs read the way the file does.
    const ready = remaining.filter(n => n.dependsOn.every(d => placed.has(d)))
    if (ready.length === 0) {
      problems.push({ kind: 'cycle', cycle: findCycle(remaining) })
      return { layers: [], problems }
    }
    layers.push(ready.map(n => n.name))
    for (const n of ready) placed.add(n.name)
    remaining = remaining.filter(n => !placed.has(n.name))
  }
  return { layers, problems }
}

/** One cycle among nodes that could not be placed, as a path that ends where it starts. */
function findCycle(nodes: readonly GraphNode[]): string[] {
  const byName = new Map(nodes.map(n => [n.name, n]))
  const start = nodes[0]
  if (!start) return []
  const path: string[] = []
  const seen = new Map<string, number>()
  let current: GraphNode | undefined = start
  while (current && !seen.has(current.name)) {
    seen.set(current.name, path.length)
    path.push(current.name)
    current = current.dependsOn.map(d => byName.get(d)).find(n => n !== undefined)
  }
  if (!current) return path
  return [...path.slice(seen.get(current.name)), current.name]
}

/** Every service that depends on `name`, directly or not. */
export function dependentsOf(nodes: readonly GraphNode[], name: string): Set<string> {
  const result = new Set<string>()
  const queue = [name]
  while (queue.length > 0) {
    const current = queue.shift() as string
    for (const node of nodes) {
      if (node.dependsOn.includes(current) && !result.has(node.name)) {
        result.add(node.name)
        queue.push(node.name)
      }
    }
  }
  return result
}

export function describeGraphProblem(problem: GraphProblem): { key: string; message: string } {
  switch (problem.kind) {
    case 'unknown':
      return {
        key: `services.${problem.service}.depends_on`,
        message: `names '${problem.dependency}', which is not a service in this config`
      }
    case 'self':
      return { key: `services.${problem.service}.depends_on`, message: 'names the service itself' }
    case 'cycle':
      return {
        key: `services.${problem.cycle[0]}.depends_on`,
        message: `dependency cycle: ${problem.cycle.join(' -> ')}`
      }
  }
}
