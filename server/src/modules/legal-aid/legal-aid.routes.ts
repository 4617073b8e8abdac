import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ComplaintIdParams } from '../../../../src/contract/complaint'
import { AssignLawyerRequest, LegalAid, LegalAidCase, LegalAidIdParams, LegalAidList, NewLegalAidRequest, OpinionRequest, StaffLegalAidList } from '../../../../src/contract/legal-aid'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { finishLegalAid, lawyerLegalAid, legalAidCase, writeOpinion } from './legal-aid-lawyer.service'
import { legalAidOfComplaint, requestLegalAid, withdrawLegalAid } from './legal-aid-request.service'
import { assignLawyer, staffLegalAid } from './legal-aid-staff.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['法律援助']

/** Legal aid (issue #18): the consumer asks with consent, staff assign a lawyer, the lawyer reads the case and gives an opinion. */
export const legalAidRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/complaints/:id/legal-aid',
    {
      config: { access: ['consumer', 'volunteer'] },
      schema: {
        tags,
        summary: '为自己的投诉申请法律援助（法律咨询、调解协助、诉讼支持）；须同意受指派律师查阅本案材料；同类申请处理中答 409',
        params: ComplaintIdParams,
        body: NewLegalAidRequest,
        response: { 201: LegalAid, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await requestLegalAid(ctx, currentUser(request), request.params.id, request.body)),
  )
  app.get(
    '/complaints/:id/legal-aid',
    {
      config: { access: ['consumer', 'volunteer', 'staff'] },
      schema: { tags, summary: '本案的法律援助申请（投诉的消费者和能看到本案的工作人员）', params: ComplaintIdParams, response: { 200: LegalAidList, ...errors } },
    },
    (request) => legalAidOfComplaint(ctx, currentUser(request), request.params.id),
  )
  app.post(
    '/legal-aid/:id/withdraw',
    {
      config: { access: ['consumer', 'volunteer'] },
      schema: { tags, summary: '撤回法律援助申请（同时撤回同意，律师立即不能再查阅本案）', params: LegalAidIdParams, response: { 200: LegalAid, ...errors } },
    },
    (request) => withdrawLegalAid(ctx, currentUser(request), request.params.id),
  )

  app.get(
    '/staff/legal-aid',
    { config: { access: ['staff'] }, schema: { tags, summary: '待指派和处理中的法律援助申请，以及可以指派的律师', response: { 200: StaffLegalAidList, ...errors } } },
    (request) => staffLegalAid(ctx, currentUser(request)),
  )
  app.post(
    '/staff/legal-aid/:id/assign',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '指派本组织或上级组织律师团的律师（只能指派一次）', params: LegalAidIdParams, body: AssignLawyerRequest, response: { 200: LegalAid, ...errors } },
    },
    (request) => assignLawyer(ctx, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/lawyer/legal-aid',
    { config: { access: 'user' }, schema: { tags, summary: '指派给我的法律援助（仅律师；暂停的律师 403）', response: { 200: LegalAidList, ...errors } } },
    (request) => lawyerLegalAid(ctx, currentUser(request)),
  )
  app.get(
    '/lawyer/legal-aid/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: '案件材料：投诉内容、处理进度、证据照片（仅受指派律师，申请处理中时）', params: LegalAidIdParams, response: { 200: LegalAidCase, ...errors } },
    },
    (request) => legalAidCase(ctx, currentUser(request), request.params.id),
  )
  app.post(
    '/lawyer/legal-aid/:id/opinion',
    {
      config: { access: 'user' },
      schema: { tags, summary: '写法律意见（纯文本，10–3000 字），记入投诉进度“律师意见”', params: LegalAidIdParams, body: OpinionRequest, response: { 201: LegalAid, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await writeOpinion(ctx, currentUser(request), request.params.id, request.body)),
  )
  app.post(
    '/lawyer/legal-aid/:id/finish',
    {
      config: { access: 'user' },
      schema: { tags, summary: '结束这次法律援助（至少写过一条法律意见）', params: LegalAidIdParams, response: { 200: LegalAid, ...errors } },
    },
    (request) => finishLegalAid(ctx, currentUser(request), request.params.id),
  )
}
