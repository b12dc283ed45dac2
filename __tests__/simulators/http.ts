import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { ContractLog } from './contracts/violations.js'

/**
 * The base of every simulator: an HTTP server on 127.0.0.1 that records requests, answers through
 * a handler, and can be told to misbehave for the next matching requests (throttle, 5xx, drop the
 * connection, hang, answer garbage). Servers are unref'd and closed by the test; they never keep
 * the test process alive.
 */
export interface SimRequest {
  readonly method: string
  /** Path without the query string. */
  readonly path: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
  /** The body as received, for simulators that pass binary data on (a registry proxy). */
  readonly rawBody: Buffer
  json<T = unknown>(): T
}

export interface SimResponse {
  status?: number
  headers?: Record<string, string>
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown
  /**
   * A long-lived answer (a watch stream) instead of `body`: called with the response, to write
   * chunks to and end or destroy when it likes. With a status or headers the head is written
   * first; without, the function writes its own.
   */
  stream?: (response: ServerResponse) => void
}

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed'; body?: string; status?: number }
  /** The server does the work, then the connection drops before the answer: a lost reply. */
  | { kind: 'lost-answer' }
  /**
   * The server does the work and a successful answer starts, but its body stops after `keep` of
   * it: the connection drops there (reset) or the answer ends short (malformed JSON). An error
   * answer is sent whole.
   */
  | { kind: 'cut-body'; keep: (body: string) => string; reset?: boolean }

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>

export class FaultPlan {
  private readonly queue: Array<{ fault: Fault; match: (r: SimRequest) => boolean; left: number }> =
    []

  /** The next `times` requests that match get `fault` instead of an answer. */
  inject(fault: Fault, options: { times?: number; match?: (r: SimRequest) => boolean } = {}): void {
    this.queue.push({ fault, match: options.match ?? (() => true), left: options.times ?? 1 })
  }

  take(request: SimRequest): Fault | undefined {
    const entry = this.queue.find(e => e.left > 0 && e.match(request))
    if (!entry) return undefined
    entry.left--
    return entry.fault
  }

  /** Drops every fault not served yet; returns how many there were. */
  clear(): number {
    const left = this.pending
    this.queue.length = 0
    return left
  }

  get pending(): number {
    return this.queue.reduce((sum, e) => sum + e.left, 0)
  }
}

export interface SimServer {
  readonly url: string
  readonly port: number
  readonly faults: FaultPlan
  readonly requests: SimRequest[]
  /** How many requests were answered with each fault kind. */
  readonly faultsServed: Fault['kind'][]
  /** What broke the real service's API description; close() fails for any a test did not take. */
  readonly contract?: ContractLog
  close(): Promise<void>
}

/** The real service's API description a server is held to (contracts/). */
export interface ServerContract {
  readonly log: ContractLog
  /**
   * The handler behind a check of each request and answer; refuses what the service would.
   * Absent when the handler checks itself and records in `log` (aws-query.ts).
   */
  check?(handler: Handler): Handler
}

export interface ServerOptions {
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer }
  contract?: ServerContract
}

export async function startHttpServer(
  unchecked: Handler,
  options: ServerOptions = {}
): Promise<SimServer> {
  const handler = options.contract?.check ? options.contract.check(unchecked) : unchecked
  const faults = new FaultPlan()
  const requests: SimRequest[] = []
  const faultsServed: Fault['kind'][] = []
  const sockets = new Set<Socket>()

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void serve(req, res)
  }
  const server: Server = options.tls
    ? createHttpsServer(options.tls, listener)
    : createServer(listener)
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks)
    const body = rawBody.toString('utf8')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const request: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      url,
      headers: req.headers,
      body,
      rawBody,
      json: <T>() => JSON.parse(body || 'null') as T
    }
    requests.push(request)
    const fault = faults.take(request)
    if (fault) {
      faultsServed.push(fault.kind)
      if (fault.kind === 'reset') {
        req.socket.destroy()
        return
      }
      if (fault.kind === 'hang') return // the client's timeout must end this
      if (fault.kind === 'lost-answer') {
        await Promise.resolve(handler(request)).catch(() => undefined)
        req.socket.destroy()
        return
      }
      if (fault.kind === 'cut-body') {
        cutBody(req, res, await handler(request), fault)
        return
      }
      if (fault.kind === 'malformed') {
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' })
        res.end(fault.body ?? '{"truncated": ')
        return
      }
      send(res, { status: fault.status, headers: fault.headers, body: fault.body ?? {} })
      return
    }
    try {
      send(res, await handler(request))
    } catch (error) {
      send(res, { status: 500, body: { message: `simulator error: ${String(error)}` } })
    }
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const port = (server.address() as AddressInfo).port
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    faults,
    requests,
    faultsServed,
    contract: options.contract?.log,
    close: async () => {
      await new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
      options.contract?.log.assertNone()
    }
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  if (response.stream) {
    if (response.status !== undefined || response.headers !== undefined) {
      res.writeHead(response.status ?? 200, { ...(response.headers ?? {}) })
    }
    response.stream(res)
    return
  }
  const { headers, payload } = encode(response)
  res.writeHead(response.status ?? 200, headers)
  res.end(payload)
}

function encode(response: SimResponse): {
  headers: Record<string, string>
  payload: string | Buffer
} {
  const headers: Record<string, string> = { ...(response.headers ?? {}) }
  let payload: string | Buffer = ''
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') {
    payload = response.body
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body)
    headers['content-type'] ??= 'application/json'
  }
  return { headers, payload }
}

function cutBody(
  req: IncomingMessage,
  res: ServerResponse,
  response: SimResponse,
  fault: Extract<Fault, { kind: 'cut-body' }>
): void {
  const status = response.status ?? 200
  if (status >= 300) return send(res, response)
  const { headers, payload } = encode(response)
  const part = fault.keep(payload.toString())
  if (!fault.reset) {
    res.writeHead(status, headers)
    res.end(part)
    return
  }
  // The whole length is announced, part of it sent, then the connection drops.
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) })
  res.write(part, () => req.socket.destroy())
}
