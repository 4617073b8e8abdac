import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AskQuestionRequest, ComplaintPrefill, IdParams, PublicSession, QaSearchQuery, QaSearchResult, QaSessionList, Question, QuestionList } from '../../../../src/contract/lawyer-qa'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { searchArchive } from './qa-archive.service'
import { askQuestion, myQuestions, viewQuestion } from './qa-questions.service'
import { prefillComplaint } from './qa-complaint.service'
import { publicSession, publicSessions } from './qa-sessions.service'
import { scheduleViewFlushes } from '../../db/view-counter'
import { SessionViewCounter } from './qa-views'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['律师答疑']

/** The public archive (no login) and asking: anyone signed in. */
export const qaRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Session views are written in batches, not one UPDATE per reader; closing the app writes the rest.
  const views = new SessionViewCounter(ctx.db)
  const stopFlushes = scheduleViewFlushes(views, (error) => app.log.error({ err: error }, 'saving Q&A session views failed'))
  app.addHook('onClose', stopFlushes)

  app.get(
    '/qa-sessions',
    { config: { access: 'public', publicCache: true }, schema: { tags, summary: '律师答疑各期（无需登录；最新 50 期，含提问数、解答数、浏览数）', response: { 200: QaSessionList, ...errors } } },
    () => publicSessions(ctx.db, ctx.now()),
  )
  app.get(
    '/qa-sessions/:id',
    { config: { access: 'public' }, schema: { tags, summary: '一期答疑和已公开的解答（无需登录；匿名，不含提问人）', params: IdParams, response: { 200: PublicSession, ...errors } } },
    (request) => publicSession(ctx, views, request.params.id),
  )
  app.get(
    '/qa/search',
    { config: { access: 'public', publicCache: true }, schema: { tags, summary: '搜索已公开的问答（至少 2 个字）', querystring: QaSearchQuery, response: { 200: QaSearchResult, ...errors } } },
    (request) => searchArchive(ctx.db, request.query.q),
  )
  app.post(
    '/qa-sessions/:id/questions',
    { config: { access: 'user' }, schema: { tags, summary: '向一期律师答疑提问（最多 3 张照片；可选择是否同意匿名公开）', params: IdParams, body: AskQuestionRequest, response: { 201: Question, ...errors } } },
    async (request, reply) => reply.code(201).send(await askQuestion(ctx, currentUser(request), request.params.id, request.body)),
  )
  app.get(
    '/qa/questions/mine',
    { config: { access: 'user' }, schema: { tags, summary: '我提的问题和律师的解答（不论是否公开）', response: { 200: QuestionList, ...errors } } },
    (request) => myQuestions(ctx, currentUser(request)),
  )
  app.get(
    '/qa/questions/:id',
    { config: { access: 'user' }, schema: { tags, summary: '一个问题（提问人、值班律师、该期所属组织的工作人员）', params: IdParams, response: { 200: Question, ...errors } } },
    (request) => viewQuestion(ctx, currentUser(request), request.params.id),
  )
  app.post(
    '/qa/questions/:id/complaint-prefill',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: '一键投诉：用这个问题的商家、事实和照片准备一份投诉（仅提问人；解答建议投诉且尚未投诉过；照片不必重新上传）',
        params: IdParams,
        response: { 200: ComplaintPrefill, ...errors },
      },
    },
    (request) => prefillComplaint(ctx, currentUser(request), request.params.id),
  )
}
