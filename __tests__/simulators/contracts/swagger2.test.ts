import { describe, expect, it } from '@jest/globals'
import { Swagger2Contract, type Swagger2Document } from './swagger2.js'

/** The validator on a small description: routing, parameters, bodies, answers. */

const DOCUMENT: Swagger2Document = {
  swagger: '2.0',
  paths: {
    '/api/v1/items/{name}': {
      get: {
        operationId: 'Get',
        parameters: [
          { name: 'name', in: 'path', required: true, type: 'string' },
          {
            name: 'tags',
            in: 'query',
            type: 'array',
            items: { type: 'string' },
            collectionFormat: 'multi'
          },
          { name: 'limit', in: 'query', type: 'integer', format: 'int32' },
          { name: 'version', in: 'query', type: 'string', format: 'int64' }
        ],
        responses: { '200': { schema: { $ref: '#/definitions/Item' } } }
      },
      put: {
        operationId: 'Put',
        parameters: [
          { name: 'name', in: 'path', required: true, type: 'string' },
          { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Item' } }
        ],
        responses: { '200': { schema: { $ref: '#/definitions/Item' } }, default: { schema: {} } }
      }
    },
    '/api/v1/items/special': {
      get: { operationId: 'Special', responses: { '200': {} } }
    }
  },
  definitions: {
    Item: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 8 },
        count: { type: 'integer', format: 'int64' },
        size: { type: 'string', format: 'int64' },
        kind: { type: 'string', enum: ['a', 'b'] },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        raw: { $ref: '#/definitions/Raw' },
        extra: {
          allOf: [{ $ref: '#/definitions/Base' }, { properties: { more: { type: 'boolean' } } }]
        }
      }
    },
    Base: { type: 'object', properties: { base: { type: 'string' } } },
    Raw: { type: 'object', properties: { raw: { type: 'string', format: 'byte' } } }
  }
}

const contract = new Swagger2Contract(DOCUMENT, { freeForm: ['Raw'] })

function check(method: string, url: string, body?: unknown) {
  const parsed = new URL(url, 'http://sim')
  return contract.checkRequest({
    method,
    path: parsed.pathname,
    query: parsed.searchParams,
    body: body === undefined ? '' : JSON.stringify(body)
  })
}

function problems(method: string, url: string, body?: unknown): string[] {
  const result = check(method, url, body)
  return result.ok ? [] : result.problems
}

describe('Swagger2Contract', () => {
  it('routes by path and method: a literal path before a parameter, 404 and 405 otherwise', () => {
    const special = check('GET', '/api/v1/items/special')
    expect(special.ok && special.operation.operationId).toBe('Special')
    const named = check('GET', '/api/v1/items/a%2Fb')
    expect(named.ok && named.params).toEqual({ name: 'a/b' })
    expect(check('DELETE', '/api/v1/items/x')).toMatchObject({ ok: false, status: 405 })
    expect(check('GET', '/api/v1/items/x/y')).toMatchObject({ ok: false, status: 404 })
  })

  it.each([
    ['/api/v1/items/x?tags=a&tags=b&limit=3&version=9007199254740993', []],
    [
      '/api/v1/items/x?limit=three',
      ['query parameter limit: expected integer (int32), got "three"']
    ],
    [
      '/api/v1/items/x?limit=3000000000',
      ['query parameter limit: expected integer (int32), got number 3000000000']
    ],
    [
      '/api/v1/items/x?version=1e3',
      ['query parameter version: expected string (int64), got "1e3"']
    ],
    [
      '/api/v1/items/x?limit=1&limit=2',
      ['query parameter limit: given 2 times, but it takes one value']
    ],
    ['/api/v1/items/x?colour=red', ['unknown query parameter "colour"']]
  ])('checks query parameters: %s', (url, expected) => {
    expect(problems('GET', url)).toEqual(expected)
  })

  it.each([
    ['a valid item', { name: 'x', count: 3, size: '12', kind: 'a', labels: { k: 'v' } }, []],
    ['a 64-bit integer as a number where the schema says string', { name: 'x', size: 12 }, []],
    ['a free-form definition', { name: 'x', raw: { anything: [1, 2] } }, []],
    ['null for a field', { name: 'x', count: null }, []],
    ['allOf parts together', { name: 'x', extra: { base: 'b', more: true } }, []],
    ['an unknown field', { name: 'x', force: true }, ['body: unknown field "force"']],
    [
      'an unknown field in allOf',
      { name: 'x', extra: { other: 1 } },
      ['body.extra: unknown field "other"']
    ],
    [
      'a string for an integer',
      { name: 'x', count: '3' },
      ['body.count: expected integer (int64), got the string "3"']
    ],
    [
      'a fraction for an integer',
      { name: 'x', count: 1.5 },
      ['body.count: expected integer (int64), got number 1.5']
    ],
    [
      'a map value of the wrong type',
      { name: 'x', labels: { k: 1 } },
      ['body.labels.k: expected string, got number 1']
    ],
    [
      'a value outside the enum',
      { name: 'x', kind: 'c' },
      ['body.kind: the string "c" is not one of a, b']
    ],
    [
      'a string over its maxLength',
      { name: 'much too long' },
      ['body.name: 13 characters, at most 8 allowed']
    ],
    ['a missing required field', { count: 1 }, ['body: missing required field "name"']],
    ['an array for the object', [], ['body: expected an object, got an array']]
  ])('checks the body: %s', (_name, body, expected) => {
    expect(problems('PUT', '/api/v1/items/x', body)).toEqual(expected)
  })

  it('refuses a body that is not JSON, a missing required body, and a body where none is taken', () => {
    const put = (body: string) =>
      contract.checkRequest({
        method: 'PUT',
        path: '/api/v1/items/x',
        query: new URLSearchParams(),
        body
      })
    expect(put('{"name":')).toMatchObject({ ok: false, status: 400 })
    expect(put('')).toMatchObject({ ok: false, problems: ['the body is required'] })
    expect(problems('GET', '/api/v1/items/x', { name: 'x' })).toEqual([
      'GET /api/v1/items/{name} takes no body'
    ])
  })

  it('checks answers against the response schema of their status, or the default', () => {
    const put = check('PUT', '/api/v1/items/x', { name: 'x' })
    if (!put.ok) throw new Error('the PUT should pass')
    expect(contract.checkAnswer(put.operation, 200, { name: 'x', count: undefined })).toEqual([])
    expect(contract.checkAnswer(put.operation, 200, { name: 'x', bogus: 1 })).toEqual([
      'answer 200: unknown field "bogus"'
    ])
    expect(contract.checkAnswer(put.operation, 500, { anything: true })).toEqual([])
    const get = check('GET', '/api/v1/items/x')
    if (!get.ok) throw new Error('the GET should pass')
    expect(contract.checkAnswer(get.operation, 404, {})).toEqual([
      'GET /api/v1/items/{name} answered 404, which it does not list'
    ])
  })

  it('reads form fields (urlencoded or a flat JSON object) against formData parameters, under a basePath', () => {
    const slackLike = new Swagger2Contract({
      swagger: '2.0',
      basePath: '/api',
      paths: {
        '/chat.postMessage': {
          post: {
            parameters: [
              { name: 'token', in: 'header', required: true, type: 'string' },
              { name: 'channel', in: 'formData', required: true, type: 'string' },
              { name: 'text', in: 'formData', type: 'string' }
            ],
            responses: { '200': {} }
          }
        }
      }
    })
    const post = (body: string, contentType: string) =>
      slackLike.checkRequest({
        method: 'POST',
        path: '/api/chat.postMessage',
        query: new URLSearchParams(),
        body,
        contentType
      })
    expect(post('channel=C1&text=hi', 'application/x-www-form-urlencoded').ok).toBe(true)
    expect(post('{"channel":"C1","text":"hi"}', 'application/json; charset=utf-8').ok).toBe(true)
    expect(post('{"text":"hi","thread":"1"}', 'application/json')).toMatchObject({
      ok: false,
      problems: ['unknown form field "thread"', 'missing required form field "channel"']
    })
    expect(slackLike.route('POST', '/chat.postMessage')).toMatchObject({ status: 404 })
  })
})
