import { describe, expect, it } from '@jest/globals'
import { dependentsOf, deployLayers, type GraphNode } from '../../src/settings/service-graph.js'

const node = (name: string, ...dependsOn: string[]): GraphNode => ({ name, dependsOn })

describe('deployLayers', () => {
  it.each<[string, GraphNode[], string[][]]>([
    ['no services', [], []],
    ['independent services share one layer', [node('a'), node('b'), node('c')], [['a', 'b', 'c']]],
    [
      'a chain deploys one at a time',
      [node('mcp', 'webui'), node('webui', 'postgresql'), node('postgresql')],
      [['postgresql'], ['webui'], ['mcp']]
    ],
    [
      'a diamond',
      [node('db'), node('api', 'db'), node('worker', 'db'), node('web', 'api', 'worker')],
      [['db'], ['api', 'worker'], ['web']]
    ],
    [
      'independent chains interleave by depth',
      [node('a'), node('b', 'a'), node('x'), node('y', 'x'), node('z')],
      [
        ['a', 'x', 'z'],
        ['b', 'y']
      ]
    ]
  ])('%s', (_what, nodes, layers) => {
    expect(deployLayers(nodes)).toEqual({ layers, problems: [] })
  })

  it('reports unknown and self dependencies', () => {
    expect(deployLayers([node('a', 'ghost'), node('b', 'b')]).problems).toEqual([
      { kind: 'unknown', service: 'a', dependency: 'ghost' },
      { kind: 'self', service: 'b' }
    ])
  })

  it('reports a cycle as a closed path', () => {
    const { layers, problems } = deployLayers([
      node('ok'),
      node('a', 'c'),
      node('b', 'a'),
      node('c', 'b')
    ])
    expect(layers).toEqual([])
    expect(problems).toEqual([{ kind: 'cycle', cycle: ['a', 'c', 'b', 'a'] }])
  })
})

describe('dependentsOf', () => {
  it('finds direct and indirect dependents only', () => {
    const nodes = [node('db'), node('api', 'db'), node('web', 'api'), node('docs')]
    expect([...dependentsOf(nodes, 'db')].sort()).toEqual(['api', 'web'])
    expect([...dependentsOf(nodes, 'web')]).toEqual([])
  })
})
