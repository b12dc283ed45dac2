import { describe, expect, it } from '@jest/globals'
import { documentDescription, OpenApi3Contract, type OpenApi3Document } from './openapi3.js'

/** The OpenAPI 3.0/3.1 validator on a small description: routing, parameters, bodies, answers. */

const DOCUMENT: OpenApi3Document = {
  openapi: '3.1.0',
  paths: {
    '/repos/{owner}/{repo}/git/ref/{ref}': {
      parameters: [
        { name: 'owner', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
        { $ref: '#/components/parameters/ref' }
      ],
      get: { responses: { '200': { $ref: '#/components/responses/item' } } }
    },
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        parameters: [
          { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
          { name: 'wait', in: 'query', schema: { type: 'boolean' } }
        ],
        responses: {
          '200': { $ref: '#/components/responses/item' },
          '4XX': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
          }
        }
      },
      patch: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } }
        },
        responses: { '204': {} }
      }
    },
    '/items/special': { get: { responses: { default: {} } } }
  },
  components: {
    parameters: {
      ref: {
        name: 'ref',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        'x-multi-segment': true
      }
    },
    responses: {
      item: {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } }
      }
    },
    schemas: {
      Item: {
        type: 'object',
        properties: {
          name: { type: 'string', maxLength: 5 },
          color: { type: ['integer', 'null'], minimum: 0, exclusiveMaximum: 16 },
          legacy: { type: 'integer', nullable: true, maximum: 10, exclusiveMaximum: true },
          kind: { type: 'integer', oneOf: [{ const: 0 }, { const: 1 }] },
          owner: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/User' }] },
          author: { nullable: true, oneOf: [{ $ref: '#/components/schemas/User' }] },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          ids: { type: 'array', items: { type: 'string', pattern: '^[0-9]+$' }, uniqueItems: true },
          extra: {
            allOf: [
              { $ref: '#/components/schemas/User' },
              { type: 'object', properties: { admin: { type: 'boolean' } } }
            ]
          },
          sealed: {
            type: 'object',
            properties: { a: { type: 'string' } },
            additionalProperties: false
          },
          free: { type: 'object' },
          ref: { $ref: '#/components/schemas/User', required: ['login'] }
        }
      },
      User: {
        type: 'object',
        required: ['login'],
        properties: { login: { type: 'string' }, id: { type: 'integer' } }
      },
      Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } }
    }
  }
}

const contract = new OpenApi3Contract(documentDescription(DOCUMENT), {
  basePaths: ['/api/v10', '/api'],
  commonAnswers: { '401': { $ref: '#/components/schemas/Error' } }
})

function check(method: string, url: string, body?: unknown, contentType = 'application/json') {
  const parsed = new URL(url, 'http://sim')
  return contract.checkRequest({
    method,
    path: parsed.pathname,
    query: parsed.searchParams,
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    contentType
  })
}

function problems(method: string, url: string, body?: unknown, contentType?: string): string[] {
  const result = check(method, url, body, contentType)
  return result.ok ? [] : result.problems
}

describe('OpenApi3Contract', () => {
  it('routes under each base path, a literal before a parameter, a multi-segment parameter whole', () => {
    const special = check('GET', '/api/items/special')
    expect(special.ok && special.operation.template).toBe('/items/special')
    const ref = check('GET', '/api/v10/repos/acme/shop/git/ref/heads/feature/x')
    expect(ref.ok && ref.params).toEqual({ owner: 'acme', repo: 'shop', ref: 'heads/feature/x' })
    expect(check('DELETE', '/api/items/3')).toMatchObject({
      ok: false,
      status: 405,
      problems: ['no DELETE here: the description has only GET, PATCH']
    })
    expect(check('GET', '/api/items/3/more')).toMatchObject({ ok: false, status: 404 })
    expect(check('GET', '/items/3')).toMatchObject({ ok: false, status: 404 })
  })

  it.each([
    ['/api/items/3?tags=a&tags=b&limit=100&wait=true', []],
    ['/api/items/three', ['path parameter id: expected integer, got the string "three"']],
    ['/api/items/3?limit=101', ['query parameter limit: 101 is over the maximum 100']],
    [
      '/api/items/3?limit=1&limit=2',
      ['query parameter limit: given 2 times, but it takes one value']
    ],
    ['/api/items/3?wait=yes', ['query parameter wait: expected boolean, got the string "yes"']],
    ['/api/items/3?colour=red', ['unknown query parameter "colour"']]
  ])('checks path and query parameters: %s', (url, expected) => {
    expect(problems('GET', url)).toEqual(expected)
  })

  it.each([
    [
      'every kind of field right',
      {
        name: 'abc',
        color: null,
        legacy: null,
        kind: 1,
        owner: null,
        author: null,
        labels: { a: 'b' },
        ids: ['1', '2'],
        extra: { login: 'x', admin: true },
        sealed: { a: 'x' },
        free: { anything: [1] },
        ref: { login: 'x' }
      },
      []
    ],
    ['a name in characters, not UTF-16 units', { name: '🚀🚀🚀🚀🚀' }, []],
    ['a name too long', { name: 'abcdef' }, ['body.name: 6 characters, at most 5 allowed']],
    ['an unknown field', { name: 'a', colour: 1 }, ['body: unknown field "colour"']],
    [
      'a string where an integer belongs',
      { color: 'red' },
      ['body.color: expected integer or null, got the string "red"']
    ],
    ['a 3.1 exclusive maximum', { color: 16 }, ['body.color: 16 is not under 16']],
    ['a 3.0 exclusive maximum', { legacy: 10 }, ['body.legacy: 10 is over the maximum 10']],
    ['a const none of oneOf has', { kind: 2 }, ['body.kind: number 2 is not one of 0, 1']],
    [
      'an object none of the alternatives takes',
      { owner: { id: 1 } },
      ['body.owner: missing required field "login"']
    ],
    [
      'a type none of the alternatives takes',
      { owner: 'me' },
      ['body.owner: expected null or object, got the string "me"']
    ],
    [
      'an unknown field beside allOf parts',
      { extra: { login: 'x', root: true } },
      ['body.extra: unknown field "root"']
    ],
    [
      'a map value of the wrong type',
      { labels: { a: 1 } },
      ['body.labels.a: expected string, got number 1']
    ],
    ['a field a closed object lacks', { sealed: { b: 'x' } }, ['body.sealed: unknown field "b"']],
    [
      'repeated items, and one off its pattern',
      { ids: ['1', '1', 'x'] },
      ['body.ids: the items must be unique', 'body.ids[2]: "x" does not match ^[0-9]+$']
    ],
    ['a required field beside a $ref', { ref: {} }, ['body.ref: missing required field "login"']]
  ])('checks the body: %s', (_name, body, expected) => {
    expect(problems('PATCH', '/api/items/3', body)).toEqual(expected)
  })

  it('refuses a body that is not JSON, one in a type it does not take, one that is missing or not taken', () => {
    expect(problems('PATCH', '/api/items/3', '{"name":')).toEqual([
      expect.stringMatching(/^the body is not JSON: /)
    ])
    expect(
      problems('PATCH', '/api/items/3', 'name=a', 'application/x-www-form-urlencoded')
    ).toEqual([
      'the body\'s content type "application/x-www-form-urlencoded" is not one it takes (application/json)'
    ])
    expect(problems('PATCH', '/api/items/3')).toEqual(['the body is required'])
    expect(problems('GET', '/api/items/3', { name: 'a' })).toEqual([
      'GET /items/{id} takes no body'
    ])
  })

  it('checks answers by status, a status range, the default, or a common answer', () => {
    const get = check('GET', '/api/items/3')
    const patch = check('PATCH', '/api/items/3', {})
    if (!get.ok || !patch.ok) throw new Error('both requests should pass')
    expect(contract.checkAnswer(get.operation, 200, { name: 'a', id: undefined })).toEqual([])
    expect(contract.checkAnswer(get.operation, 200, { name: 5 })).toEqual([
      'answer 200.name: expected string, got number 5'
    ])
    expect(contract.checkAnswer(get.operation, 404, {})).toEqual([
      'answer 404: missing required field "message"'
    ])
    expect(contract.checkAnswer(get.operation, 401, { message: 'Bad credentials' })).toEqual([])
    expect(contract.checkAnswer(get.operation, 500, {})).toEqual([
      'GET /items/{id} answered 500, which it does not list'
    ])
    expect(contract.checkAnswer(patch.operation, 204, undefined)).toEqual([])
    expect(contract.checkAnswer(patch.operation, 204, { name: 'a' })).toEqual([
      'PATCH /items/{id} answered a body with 204, which has none'
    ])
  })

  it('hands the named objects of an answer to a visitor, going into them', () => {
    const get = check('GET', '/api/items/3')
    if (!get.ok) throw new Error('the request should pass')
    const seen: string[] = []
    const body = { name: 'a', owner: { login: 'x' }, extra: { login: 'y' } }
    contract.visitNamed(get.operation, 200, body, (name, value) => {
      seen.push(`${name} ${String(value.login ?? value.name)}`)
      return name === 'User'
    })
    expect(seen).toEqual(['Item a', 'User x', 'User y'])
  })
})
