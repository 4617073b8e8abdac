import { createReadStream } from 'node:fs'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ComplaintIdParams } from '../../../../src/contract/complaint'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { buildEvidencePackage } from './evidence-package.service'

export const evidencePackageRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/complaints/:id/evidence-package',
    {
      // Staff only: the package holds every party's words and photos, and will hold each party's side
      // thread; a consumer has their own copy through 我的数据导出.
      config: { access: ['staff'] },
      schema: {
        tags: ['证据包'],
        summary: '导出本案证据包（zip：照片原件和展示件、文书、时间线、案件记录哈希链、manifest.json）',
        description: '用 npm run verify-package -- 文件.zip 离线核验。照片读取失败时答 502，不会给出残缺的压缩包。',
        params: ComplaintIdParams,
        response: {
          200: Type.String({ format: 'binary', description: 'application/zip' }),
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
          500: ApiErrorSchema,
          502: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const built = await buildEvidencePackage(ctx, currentUser(request), request.params.id)
      const stream = createReadStream(built.file)
      stream.on('close', () => void built.discard())
      return (
        reply
          .header('content-type', 'application/zip')
          .header('content-length', String(built.bytes))
          .header('content-disposition', `attachment; filename="${built.downloadName}"`)
          .header('cache-control', 'no-store')
          // The 200 schema documents the zip; the body is streamed, which the typed reply does not model.
          .send(stream as unknown as string)
      )
    },
  )
}
