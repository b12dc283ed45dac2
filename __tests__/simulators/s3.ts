import { createHash } from 'node:crypto'
import { escapeXml } from './aws-query.js'
import { awsRestServerContract } from './contracts/aws-servers.js'
import { startHttpServer, type SimServer } from './http.js'

/**
 * The slice of Amazon S3 a CloudFormation deploy uses (PutObject and HeadObject), in its REST
 * protocol, path style (`/bucket/key`, as the SDK speaks to a custom endpoint with
 * forcePathStyle). Requests must be SigV4-signed for s3; a payload hash or CRC32 checksum the SDK
 * sends is checked against the body, as S3 does. Errors are S3's XML; HEAD errors have no body.
 * Each request is checked against S3's own model first (contracts/aws-servers.ts).
 */
export interface S3Object {
  readonly body: string
  readonly contentType: string | undefined
  readonly etag: string
}

export interface S3StandIn extends SimServer {
  createBucket(name: string): void
  object(bucket: string, key: string): S3Object | undefined
  /** "PUT bucket/key", "HEAD bucket/key", in order. */
  readonly calls: string[]
}

export async function startS3StandIn(): Promise<S3StandIn> {
  const buckets = new Map<string, Map<string, S3Object>>()
  const calls: string[] = []
  const error = (status: number, code: string, message: string) => ({
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>sim</RequestId></Error>`
  })
  const server = await startHttpServer(
    request => {
      const [, bucket = '', ...rest] = request.path.split('/')
      const key = rest.map(decodeURIComponent).join('/')
      calls.push(`${request.method} ${bucket}/${key}`)
      if (
        !/Credential=[^/]+\/[^/]+\/[^/]+\/s3\/aws4_request/.test(
          String(request.headers.authorization ?? '')
        )
      ) {
        return error(403, 'AccessDenied', 'Access Denied')
      }
      const objects = buckets.get(bucket)
      if (request.method === 'HEAD') {
        const found = objects?.get(key)
        if (!found) return { status: 404 }
        return {
          status: 200,
          headers: {
            'content-length': String(Buffer.byteLength(found.body)),
            etag: found.etag,
            ...(found.contentType ? { 'content-type': found.contentType } : {})
          }
        }
      }
      if (request.method === 'PUT' && key) {
        if (!objects) return error(404, 'NoSuchBucket', 'The specified bucket does not exist')
        const declared = String(request.headers['x-amz-content-sha256'] ?? '')
        if (/^[0-9a-f]{64}$/.test(declared)) {
          const actual = createHash('sha256').update(request.rawBody).digest('hex')
          if (actual !== declared) {
            return error(
              400,
              'XAmzContentSHA256Mismatch',
              "The provided 'x-amz-content-sha256' header does not match what was computed."
            )
          }
        }
        const crc = request.headers['x-amz-checksum-crc32']
        if (typeof crc === 'string' && crc !== crc32Base64(request.rawBody)) {
          return error(
            400,
            'BadDigest',
            'The CRC32 you specified did not match the calculated checksum.'
          )
        }
        const etag = `"${createHash('md5').update(request.rawBody).digest('hex')}"`
        const contentType = request.headers['content-type']
        objects.set(key, {
          body: request.body,
          contentType: typeof contentType === 'string' ? contentType : undefined,
          etag
        })
        return { status: 200, headers: { etag } }
      }
      return error(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.'
      )
    },
    { contract: awsRestServerContract('s3') }
  )
  return {
    ...server,
    calls,
    createBucket: name => {
      buckets.set(name, new Map())
    },
    object: (bucket, key) => buckets.get(bucket)?.get(key)
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32Base64(bytes: Buffer): string {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  const out = Buffer.alloc(4)
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0)
  return out.toString('base64')
}
