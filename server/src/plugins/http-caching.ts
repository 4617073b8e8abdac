import { createHash } from 'node:crypto'
import compress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The same answer for everyone (no personal data): a CDN or nginx may serve it for a minute. */
    publicCache?: boolean
  }
}

/**
 * A CDN or nginx keeps a public read for a minute (s-maxage), so a read storm stops there. Browsers
 * keep it for no time and ask again with If-None-Match (a 304 when unchanged): a phone must see the
 * figures it just changed, and when it is offline the app's own saved copy, marked as saved, must
 * answer instead of a silent browser-cache copy.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
export const COMPRESS_THRESHOLD_BYTES = 1024

// JSON and text only: images are compressed already, and an event stream must reach the phone as written.
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?!event-stream))/

function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  // Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim()
    return candidate === '*' || candidate.replace(/^W\//, '') === bare
  })
}

/**
 * Caching and compression of API answers. Routes marked `publicCache` (public GET reads) get a
 * shared-cache `Cache-Control`, a weak ETag of the body and 304 on a matching If-None-Match;
 * every other answer is `private, no-store` unless the route set its own header. JSON above
 * 1 KB goes out as br or gzip, as the caller accepts.
 */
export const httpCaching = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat()
    if (route.config?.publicCache && (route.config.access !== 'public' || methods.some((m) => m !== 'GET' && m !== 'HEAD'))) {
      throw new Error(`route ${methods.join(',')} ${route.url}: only public GET reads may be shared-cached`)
    }
  })

  // Instance hooks run before the compress plugin's route hooks, so the ETag is of the plain body.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.hasHeader('cache-control')) return payload
    const publicRead = request.routeOptions.config.publicCache === true && reply.statusCode === 200
    if (!publicRead || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      reply.header('cache-control', PRIVATE_CACHE_CONTROL)
      return payload
    }
    const etag = weakEtag(payload)
    reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag)
    if (!matches(request.headers['if-none-match'], etag)) return payload
    reply.code(304).removeHeader('content-length')
    return ''
  })

  // Answers only: inflating request bodies would let a small gzip upload grow past the body limits.
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    globalDecompression: false,
  })
})
