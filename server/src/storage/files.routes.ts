import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { FILES_ROUTE, verifyFileSignature } from './disk-storage'

/** What a browser saves a data export as. */
export const EXPORT_FILE_NAME = 'weiquan-my-data.zip'

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  zip: 'application/zip',
}

/** Serves disk-stored objects to holders of a valid signed URL; the signature is the only access check. */
export const filesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    FILES_ROUTE.replace(/^\/api/, ''),
    {
      config: { access: 'public' },
      schema: {
        tags: ['文件'],
        summary: '按签名链接读取照片或数据导出（链接短时有效）',
        querystring: Type.Object({ key: Type.String({ maxLength: 300 }), expires: Type.Integer(), signature: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const { key, expires, signature } = request.query
      const nowSeconds = ctx.now().getTime() / 1000
      const verdict = verifyFileSignature(key, expires, signature, ctx.config.tokenSecret, nowSeconds)
      if (verdict === 'expired') throw new AppError(403, 'LINK_EXPIRED')
      if (verdict === 'invalid') throw new AppError(403, 'FORBIDDEN')
      let body: Readable
      try {
        // A stream: a data export can be far larger than a photo.
        body = await ctx.storage.getStream(key)
      } catch {
        throw new AppError(404, 'NOT_FOUND')
      }
      const ext = key.split('.').pop() ?? ''
      if (ext === 'zip') reply.header('content-disposition', `attachment; filename="${EXPORT_FILE_NAME}"`)
      return reply
        .header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
        // Never cached past the link's own life: a browser must not keep showing a photo once its link has died.
        .header('cache-control', `private, max-age=${Math.max(0, Math.floor(expires - nowSeconds))}`)
        .header('x-content-type-options', 'nosniff')
        .send(body)
    },
  )
}
