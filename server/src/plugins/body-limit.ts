import { Transform, type Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors'

/**
 * How much of a too-large body is read and thrown away before answering. Fastify on its own answers
 * 413 at once and closes the connection while the client is still sending; the bytes that keep
 * arriving make the kernel reset the connection, and most clients then report a network error
 * instead of the 413. Past this many bytes the client is not one of ours and may get that reset.
 */
const DRAIN_LIMIT = 16 * 1024 * 1024

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE')

/** Reads `payload` to its end, keeping nothing. */
function drain(payload: Readable): Promise<void> {
  return new Promise((resolve) => {
    payload.once('end', resolve)
    payload.once('error', () => resolve())
    payload.once('close', resolve)
    payload.resume()
  })
}

/** Passes at most `limit` bytes; a longer body is read to its end, then fails with 413. */
function capped(limit: number): Transform {
  let received = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      if (received > DRAIN_LIMIT) return callback(tooLarge())
      callback(null, received > limit ? undefined : chunk)
    },
    flush(callback) {
      callback(received > limit ? tooLarge() : null)
    },
  })
}

/** Bodies over the route's limit get a 413 `{ code, message }` the client can actually read. */
export const bodyLimit = fp(async (app: FastifyInstance) => {
  app.addHook('preParsing', async (request, reply, payload) => {
    const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined
    // Multipart uploads count their own bytes (photo-upload.ts).
    if (!hasBody || request.headers['content-type']?.startsWith('multipart/')) return payload
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024
    const declared = Number(request.headers['content-length'])
    if (declared > DRAIN_LIMIT) {
      // Not worth reading: answer now and close, as Fastify would.
      reply.header('connection', 'close')
      throw tooLarge()
    }
    if (declared > limit) {
      await drain(payload)
      throw tooLarge()
    }
    const body = capped(limit)
    payload.once('error', (error) => body.destroy(error))
    return payload.pipe(body)
  })
})
