import { readFile, rm } from 'node:fs/promises'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Evidence, EvidenceOriginal } from '../../../../src/contract/evidence'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { findEvidenceFor, originalUrlFor, toEvidenceDto, uploadEvidence } from './evidence.service'
import { parseProvenance } from './evidence-provenance'
import { PHOTO_UPLOAD_LIMITS, readPhotoUpload, uploadTempDir } from './photo-upload'
import { configureSharpForUploads, createUploadPool } from './upload-pool'

const EvidenceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** For the API docs: photo-upload.ts reads the parts itself, so the route does not validate against it. */
const UploadForm = Type.Object({
  original: Type.Optional(Type.String({ enum: ['0', '1'], description: '1：用户选择了原图（未在手机上压缩）' })),
  provenance: Type.Optional(
    Type.String({
      description: 'JSON：手机在压缩前从所选照片读取的 originalSha256、capturedAt（EXIF 拍摄时间）、latitude/longitude（GPS，仅工作人员可见）',
    }),
  ),
  file: Type.String({ format: 'binary', description: '照片；类型按文件内容判断，与文件名和声明的类型无关' }),
})

export const evidenceRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Registered inside this plugin, so only the upload route accepts multipart bodies.
  await app.register(multipart, { limits: PHOTO_UPLOAD_LIMITS })
  configureSharpForUploads()
  const pool = createUploadPool(ctx.config.uploads)
  const tempDir = uploadTempDir(ctx.config.dataDir)

  app.post(
    '/evidence',
    {
      // Consumers and volunteers for their own reports; liaisons and staff for photos on workflow steps.
      config: { access: 'user' },
      validatorCompiler: () => () => true,
      schema: {
        tags: ['证据照片'],
        summary: '上传一张照片（multipart：file 字段；original=1 表示用户选择了原图）',
        description:
          'JPEG、PNG、WebP、HEIC，不超过 10 MB、4000 万像素。24 小时内未被投诉引用的照片会被删除。服务器正忙时回答 503，请按 Retry-After（秒）稍后重试。',
        body: { content: { 'multipart/form-data': { schema: UploadForm } } },
        response: { 201: Evidence, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const owner = currentUser(request)
      // Refused before the body is read: a phone on a weak network need not send 10 MB to hear "later".
      pool.assertRoom()
      const upload = await readPhotoUpload(request, tempDir)
      let claim
      try {
        claim = parseProvenance(upload.provenance, ctx.now())
      } catch (error) {
        await rm(upload.file, { force: true })
        throw error
      }
      let row
      try {
        // The bytes come into memory only inside the pool, so memory is bounded by its size.
        row = await pool.run(async () => uploadEvidence(ctx, owner, await readFile(upload.file), { fullSize: upload.fullSize, claim }))
      } finally {
        await rm(upload.file, { force: true })
      }
      request.log.info({ evidenceId: row.id, bytes: row.bytes, fullSize: upload.fullSize }, 'evidence uploaded')
      return reply.status(201).send(await toEvidenceDto(ctx, row))
    },
  )

  app.get(
    '/evidence/:id',
    {
      config: { access: 'user' },
      schema: {
        tags: ['证据照片'],
        summary: '查看照片（本人、消协工作人员、被投诉企业）',
        params: EvidenceParams,
        response: { 200: Evidence, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => toEvidenceDto(ctx, await findEvidenceFor(ctx, currentUser(request), request.params.id)),
  )

  app.get(
    '/evidence/:id/original',
    {
      config: { access: 'user' },
      schema: {
        tags: ['证据照片'],
        summary: '原图的临时链接和拍摄地点（仅消协工作人员）',
        params: EvidenceParams,
        response: { 200: EvidenceOriginal, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => originalUrlFor(ctx, currentUser(request), request.params.id),
  )
}
