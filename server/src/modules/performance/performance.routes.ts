import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { PerformanceAnswerRequest, PerformanceHandleRequest, PerformanceReopenRequest, PerformanceResponse, UnperformedList } from '../../../../src/contract/performance'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { answerFollowUp, handleUnperformed, listUnperformed, reopenFollowUp, viewFollowUp } from './performance.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const ComplaintParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
const tags = ['履行回访']

export const performanceRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/complaints/:id/performance',
    {
      config: { access: ['consumer', 'volunteer', 'staff'] },
      schema: { tags, summary: '履行回访：和解或调解协议到期后是否履行', params: ComplaintParams, response: { 200: PerformanceResponse, ...errors } },
    },
    (request) => viewFollowUp(ctx, currentUser(request), request.params.id),
  )

  app.post(
    '/complaints/:id/performance/answer',
    {
      config: { access: ['consumer', 'volunteer'] },
      schema: { tags, summary: '消费者回答：已收到 / 部分收到 / 没收到', params: ComplaintParams, body: PerformanceAnswerRequest, response: { 200: PerformanceResponse, ...errors } },
    },
    (request) => answerFollowUp(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/complaints/:id/performance/reopen',
    {
      config: { access: ['consumer', 'volunteer'] },
      schema: { tags, summary: '商家没有履行：在期限内重新打开投诉', params: ComplaintParams, body: PerformanceReopenRequest, response: { 200: PerformanceResponse, ...errors } },
    },
    (request) => reopenFollowUp(ctx, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/staff/performance/unperformed',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '未履行的案件（本组织及下级持有），处理期限近的在前', response: { 200: UnperformedList, ...errors } },
    },
    (request) => listUnperformed(ctx, currentUser(request)),
  )

  app.post(
    '/staff/complaints/:id/performance/handle',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '调解员处理未履行：定新的履行期限或结案', params: ComplaintParams, body: PerformanceHandleRequest, response: { 200: PerformanceResponse, ...errors } },
    },
    (request) => handleUnperformed(ctx, currentUser(request), request.params.id, request.body),
  )
}
