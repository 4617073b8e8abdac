import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  CommitmentIdParams,
  ComplaintIdParams,
  ComplaintReturnCommitmentAnswer,
  RecordReturnsRequest,
  RevokeReturnCommitmentRequest,
  ReturnCommitment,
  ReturnCommitmentList,
  ReturnCommitmentSearchQuery,
  SignReturnCommitmentRequest,
  StaffReturnCommitment,
  StaffReturnCommitmentList,
} from '../../../../src/contract/return-commitment'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { complaintCommitment } from './complaint-link'
import {
  enterpriseCommitments,
  getCommitment,
  recordReturns,
  revokeCommitment,
  searchCommitments,
  signCommitment,
  staffCommitments,
  upholdRefusal,
} from './return-commitments.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['线下无理由退货承诺']
const StaffListQuery = Type.Object(
  { status: Type.Optional(Type.Unsafe<'active' | 'revoked'>({ type: 'string', enum: ['active', 'revoked'] })), cursor: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
)

export const returnCommitmentsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/return-commitments',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '查找线下无理由退货承诺店（无需登录）：按地区（含下级），或一家企业的全部承诺（含撤销及原因）', querystring: ReturnCommitmentSearchQuery, response: { 200: ReturnCommitmentList, ...errors } },
    },
    (request) => searchCommitments(ctx, request.query),
  )

  app.get(
    '/return-commitments/:id',
    { config: { access: 'public', publicCache: true }, schema: { tags, summary: '一家承诺店的承诺内容（无需登录）', params: CommitmentIdParams, response: { 200: ReturnCommitment, ...errors } } },
    (request) => getCommitment(ctx, request.params.id),
  )

  app.get(
    '/enterprise/return-commitments',
    { config: { access: ['enterprise'] }, schema: { tags, summary: '本企业的承诺门店、每月退货登记和拒绝退货投诉', response: { 200: StaffReturnCommitmentList, ...errors } } },
    (request) => enterpriseCommitments(ctx, currentUser(request)),
  )

  app.post(
    '/enterprise/return-commitments',
    {
      config: { access: ['enterprise'] },
      schema: { tags, summary: '企业联络员为本企业或门店签署线下无理由退货承诺（确认全部条款后提交）', body: SignReturnCommitmentRequest, response: { 201: ReturnCommitment, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await signCommitment(ctx, currentUser(request), request.body)),
  )

  app.put(
    '/enterprise/return-commitments/:id/returns',
    {
      config: { access: ['enterprise'] },
      schema: { tags, summary: '登记门店某月已办理的无理由退货（笔数、金额），再次登记同月即更正', params: CommitmentIdParams, body: RecordReturnsRequest, response: { 200: StaffReturnCommitment, ...errors } },
    },
    (request) => recordReturns(ctx, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/staff/return-commitments',
    { config: { access: ['staff'] }, schema: { tags, summary: '本组织及下级地区的承诺店：退货登记、拒绝退货投诉', querystring: StaffListQuery, response: { 200: StaffReturnCommitmentList, ...errors } } },
    (request) => staffCommitments(ctx, currentUser(request), request.query.status ?? 'active', request.query.cursor),
  )

  app.post(
    '/staff/return-commitments/:id/revoke',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '撤销承诺店标识（近期经核实的拒绝退货投诉达到标准；理由公开显示）', params: CommitmentIdParams, body: RevokeReturnCommitmentRequest, response: { 200: StaffReturnCommitment, ...errors } },
    },
    (request) => revokeCommitment(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/staff/return-refusals/:complaintId/uphold',
    { config: { access: ['staff'] }, schema: { tags, summary: '核实一件拒绝退货投诉属实（计入撤销标准）', params: ComplaintIdParams, response: { 200: StaffReturnCommitment, ...errors } } },
    (request) => upholdRefusal(ctx, currentUser(request), request.params.complaintId),
  )

  app.get(
    '/complaints/:id/return-commitment',
    { config: { access: 'user' }, schema: { tags, summary: '投诉所附的线下无理由退货承诺及当时的条款（能查看该投诉的人）', params: CommitmentIdParams, response: { 200: ComplaintReturnCommitmentAnswer, ...errors } } },
    (request) => complaintCommitment(ctx, currentUser(request), request.params.id),
  )
}
