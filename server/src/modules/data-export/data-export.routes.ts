import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DataExport, LatestDataExport } from '../../../../src/contract/data-export'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { getDataExport, latestDataExport, requestDataExport } from './data-export.service'

const tags = ['个人信息保护']
const errors = { 401: ApiErrorSchema, 403: ApiErrorSchema }

export const dataExportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/me/data-exports',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: '申请导出我的数据（压缩包由后台任务生成；已有一份在准备时返回那一份）',
        response: { 200: DataExport, 202: DataExport, ...errors },
      },
    },
    async (request, reply) => {
      const result = await requestDataExport(ctx, currentUser(request))
      return reply.code(result.created ? 202 : 200).send(result.export)
    },
  )

  app.get(
    '/me/data-exports/latest',
    { config: { access: 'user' }, schema: { tags, summary: '我最近一次数据导出的进度和下载链接', response: { 200: LatestDataExport, ...errors } } },
    (request) => latestDataExport(ctx, currentUser(request)),
  )

  app.get(
    '/me/data-exports/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: '我的一份数据导出（别人的导出答 404）',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: DataExport, 404: ApiErrorSchema, ...errors },
      },
    },
    (request) => getDataExport(ctx, currentUser(request), request.params.id),
  )
}
