import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AnswerRequest,
  CreateSessionRequest,
  IdParams,
  InviteLawyerRequest,
  Lawyer,
  LawyerList,
  LawyerStatusRequest,
  LawyerWorkspace,
  PublishRequest,
  QaSession,
  QaSessionList,
  Question,
  QuestionList,
  UpdateSessionRequest,
} from '../../../../src/contract/lawyer-qa'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { inviteLawyer, lawyersOfMyOrganization, setLawyerStatus } from './lawyer-team.service'
import { lawyerWorkspace } from './lawyer-workspace.service'
import { answerQuestion, sessionQuestionsForStaff } from './qa-questions.service'
import { publishQuestion } from './qa-publication.service'
import { createSession, sessionsOfMyOrganization } from './qa-sessions.service'
import { updateSession } from './qa-session-edit.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['律师答疑']

/** The lawyer team and sessions (staff), and the lawyer's workspace. */
export const lawyersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/lawyers',
    { config: { access: ['staff'] }, schema: { tags, summary: '本组织的律师团', response: { 200: LawyerList, ...errors } } },
    (request) => lawyersOfMyOrganization(ctx.db, currentUser(request).id),
  )
  app.post(
    '/staff/lawyers',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '按手机号邀请律师加入本组织的律师团（记录律所和执业证号）', body: InviteLawyerRequest, response: { 201: Lawyer, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await inviteLawyer(ctx.db, currentUser(request).id, request.body, ctx.now())),
  )
  app.put(
    '/staff/lawyers/:id/status',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '暂停或恢复律师（本组织或下级组织的律师）', params: IdParams, body: LawyerStatusRequest, response: { 200: Lawyer, ...errors } },
    },
    (request) => setLawyerStatus(ctx.db, currentUser(request).id, request.params.id, request.body.status, ctx.now()),
  )
  app.get(
    '/staff/qa-sessions',
    { config: { access: ['staff'] }, schema: { tags, summary: '本组织排的各期律师答疑', response: { 200: QaSessionList, ...errors } } },
    (request) => sessionsOfMyOrganization(ctx.db, currentUser(request).id, ctx.now()),
  )
  app.post(
    '/staff/qa-sessions',
    { config: { access: ['staff'] }, schema: { tags, summary: '安排一期律师答疑：期数、主题、时间、值班律师', body: CreateSessionRequest, response: { 201: QaSession, ...errors } } },
    async (request, reply) => reply.code(201).send(await createSession(ctx.db, currentUser(request).id, request.body, ctx.now())),
  )
  app.put(
    '/staff/qa-sessions/:id',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '结束前修改一期的主题、时间和值班律师（带上看到的版本号；同时有人改过则 409）',
        params: IdParams,
        body: UpdateSessionRequest,
        response: { 200: QaSession, ...errors },
      },
    },
    (request) => updateSession(ctx.db, currentUser(request).id, request.params.id, request.body, ctx.now()),
  )
  app.get(
    '/staff/qa-sessions/:id/questions',
    { config: { access: ['staff'] }, schema: { tags, summary: '一期的全部问题（本组织或下级组织的一期）', params: IdParams, response: { 200: QuestionList, ...errors } } },
    (request) => sessionQuestionsForStaff(ctx, currentUser(request).id, request.params.id),
  )
  app.put(
    '/staff/qa-questions/:id/publication',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '编辑并公开发布一个已解答的问题（提问人同意公开的；号码自动隐去）', params: IdParams, body: PublishRequest, response: { 200: Question, ...errors } },
    },
    (request) => publishQuestion(ctx, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/lawyer/workspace',
    { config: { access: 'user' }, schema: { tags, summary: '律师工作台：我值班的各期和等待解答的问题（仅律师；暂停的律师 403）', response: { 200: LawyerWorkspace, ...errors } } },
    (request) => lawyerWorkspace(ctx, currentUser(request)),
  )
  app.post(
    '/lawyer/questions/:id/answer',
    {
      config: { access: 'user' },
      schema: { tags, summary: '律师解答（只能解答自己值班那一期的问题，每题解答一次）', params: IdParams, body: AnswerRequest, response: { 200: Question, ...errors } },
    },
    (request) => answerQuestion(ctx, currentUser(request), request.params.id, request.body),
  )
}
