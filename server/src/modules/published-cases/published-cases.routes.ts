import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ConsentRequest,
  ConsentState,
  EnterpriseCaseList,
  IdParams,
  ModerateReplyRequest,
  PendingReplyList,
  ProposeRequest,
  PublicCase,
  PublicCaseList,
  PublicCaseQuery,
  PublishRequest,
  ReplyRequest,
  StaffPublication,
} from '../../../../src/contract/published-case'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { answerConsent, consentState } from './consent.service'
import { listPublishedCases, publicCase } from './public-cases.service'
import { moderateReply, pendingReplies, proposePublication, publishCase, staffPublication } from './publication.service'
import { casesOfMyEnterprise, replyToCase } from './replies.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['个案公示']

/** Published cases (个案公示): the public list, the consumer's consent, staff publication, the enterprise's reply. */
export const publishedCasesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/published-cases',
    { config: { access: 'public', publicCache: true }, schema: { tags, summary: '公示案例（无需登录；最新 50 件，可按商家或至少 2 个字的词搜索）', querystring: PublicCaseQuery, response: { 200: PublicCaseList, ...errors } } },
    (request) => listPublishedCases(ctx.db, request.query),
  )
  app.get(
    '/published-cases/:id',
    { config: { access: 'public' }, schema: { tags, summary: '一件公示案例和商家的回复（无需登录；匿名）', params: IdParams, response: { 200: PublicCase, ...errors } } },
    (request) => publicCase(ctx, request.params.id),
  )
  app.get(
    '/complaints/:id/publication-consent',
    { config: { access: ['consumer', 'volunteer'] }, schema: { tags, summary: '我对本案公示的同意（仅投诉人本人）', params: IdParams, response: { 200: ConsentState, ...errors } } },
    (request) => consentState(ctx, currentUser(request), request.params.id),
  )
  app.put(
    '/complaints/:id/publication-consent',
    {
      config: { access: ['consumer', 'volunteer'] },
      schema: { tags, summary: '同意或不同意公示本案（随时可以撤回；撤回后立即停止公示）', params: IdParams, body: ConsentRequest, response: { 200: ConsentState, ...errors } },
    },
    (request) => answerConsent(ctx, currentUser(request), request.params.id, request.body),
  )
  app.get(
    '/staff/complaints/:id/publication',
    { config: { access: ['staff'] }, schema: { tags, summary: '本案的公示：消费者的同意、自动起草的匿名摘要、状态和商家回复', params: IdParams, response: { 200: StaffPublication, ...errors } } },
    (request) => staffPublication(ctx, currentUser(request), request.params.id),
  )
  app.post(
    '/staff/complaints/:id/publication/proposal',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '提议公示并告知商家（需消费者同意；回复期从告知时起算）', params: IdParams, body: ProposeRequest, response: { 200: StaffPublication, ...errors } },
    },
    (request) => proposePublication(ctx, currentUser(request), request.params.id, request.body),
  )
  app.post(
    '/staff/complaints/:id/publication/publish',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '回复期满后公示（再次检查同意和个人信息；照片须消费者同意并逐张检查）', params: IdParams, body: PublishRequest, response: { 200: StaffPublication, ...errors } },
    },
    (request) => publishCase(ctx, currentUser(request), request.params.id, request.body),
  )
  app.post(
    '/staff/complaints/:id/publication/reply-moderation',
    { config: { access: ['staff'] }, schema: { tags, summary: '审核商家的回复（通过后显示在案例旁）', params: IdParams, body: ModerateReplyRequest, response: { 200: StaffPublication, ...errors } } },
    (request) => moderateReply(ctx, currentUser(request), request.params.id, request.body),
  )
  app.get(
    '/staff/published-case-replies',
    { config: { access: ['staff'] }, schema: { tags, summary: '等待审核的商家回复（本组织及下级）', response: { 200: PendingReplyList, ...errors } } },
    (request) => pendingReplies(ctx, currentUser(request)),
  )
  app.get(
    '/enterprise/published-cases',
    { config: { access: ['enterprise'] }, schema: { tags, summary: '消协拟公示或已公示的本企业案例和本企业的回复', response: { 200: EnterpriseCaseList, ...errors } } },
    (request) => casesOfMyEnterprise(ctx, currentUser(request)),
  )
  app.post(
    '/enterprise/published-cases/:id/reply',
    { config: { access: ['enterprise'] }, schema: { tags, summary: '回复一件本企业的公示案例（每件一次，消协审核后显示）', params: IdParams, body: ReplyRequest, response: { 201: EnterpriseCaseList, ...errors } } },
    async (request, reply) => reply.code(201).send(await replyToCase(ctx, currentUser(request), request.params.id, request.body)),
  )
}
