import { readFile, rm } from 'node:fs/promises'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { WarningImage } from '../../../../src/contract/warning'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { PHOTO_UPLOAD_LIMITS, readPhotoUpload, uploadTempDir } from '../evidence/photo-upload'
import { readWarningImage, uploadWarningImage } from './warning-images'
import { WARNING_IMAGE_ROUTE } from './warning-image-url'

const tags = ['消费警示']
const UploadForm = Type.Object({ file: Type.String({ format: 'binary', description: '图片；类型按文件内容判断' }) })

export const warningImagesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Registered inside this plugin, so only the upload route accepts multipart bodies.
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS })

  app.post(
    '/staff/warning-images',
    {
      config: { access: ['staff'] },
      validatorCompiler: () => () => true,
      schema: {
        tags,
        summary: '上传警示配图（仅消协工作人员；保存去除元数据的公开副本）',
        body: { content: { 'multipart/form-data': { schema: UploadForm } } },
        response: { 201: WarningImage, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const upload = await readPhotoUpload(request, uploadTempDir(ctx.config.dataDir))
      let image
      try {
        image = await uploadWarningImage(ctx, currentUser(request), await readFile(upload.file))
      } finally {
        await rm(upload.file, { force: true })
      }
      return reply.status(201).send(image)
    },
  )

  app.get(
    `${WARNING_IMAGE_ROUTE.replace(/^\/api/, '')}/:id`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '警示配图（公开；内容不变，可长期缓存）',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      const body = await readWarningImage(ctx, request.params.id)
      // An id always names the same bytes, so browsers and CDNs may keep it for a year.
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(body)
    },
  )
}
