import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessLogQuery, AccessLogResponse } from '../../../../src/contract/access-log'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { listAccessLog } from './access-log.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema }

export const privacyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/access-log',
    {
      config: { access: ['staff'] },
      schema: {
        tags: ['个人信息保护'],
        summary: '谁查看过消费者的个人信息（消协管理员；可按投诉筛选，最新在前，按 cursor 翻页）',
        querystring: AccessLogQuery,
        response: { 200: AccessLogResponse, ...errors },
      },
    },
    (request) => listAccessLog(ctx, currentUser(request), request.query),
  )
}
