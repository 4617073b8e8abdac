import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Role } from '../../../../src/contract/roles'
import {
  AddMessageRequest,
  ComplaintDetail,
  ComplaintIdParams,
  ComplaintListQuery,
  ComplaintListResponse,
  CreateComplaintRequest,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  WithdrawRequest,
} from '../../../../src/contract/complaint'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { addComplaintMessage } from './complaint-messages.service'
import { submitComplaint } from './complaint-submission.service'
import { withdrawComplaint } from './complaint-withdrawal.service'
import { getComplaintDetail, listComplaints } from './complaints.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['投诉']

// Optional in the schema so that a missing key answers IDEMPOTENCY_KEY_REQUIRED, not a generic error.
const IdempotencyHeaders = Type.Object({
  [IDEMPOTENCY_HEADER]: Type.Optional(
    Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN.source, description: '设备在创建草稿时生成的 UUID；重试时原样带上，不会重复立案' }),
  ),
})

/** Volunteers are consumers too: they file their own complaints, and field reports converted by staff are theirs. */
const COMPLAINANTS: Role[] = ['consumer', 'volunteer']

export const complaintsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/complaints',
    {
      config: { access: COMPLAINANTS },
      schema: {
        tags,
        summary: '提交投诉（带 Idempotency-Key；首次 201，重试 200 并返回同一件投诉）',
        headers: IdempotencyHeaders,
        body: CreateComplaintRequest,
        response: { 200: ComplaintDetail, 201: ComplaintDetail, ...errors },
      },
    },
    async (request, reply) => {
      const submission = await submitComplaint(ctx, currentUser(request), request.headers[IDEMPOTENCY_HEADER], request.body)
      return reply.status(submission.statusCode).send(submission.complaint)
    },
  )

  app.get(
    '/complaints',
    {
      config: { access: COMPLAINANTS },
      schema: { tags, summary: '我的投诉（最新在前，按 cursor 翻页）', querystring: ComplaintListQuery, response: { 200: ComplaintListResponse, ...errors } },
    },
    (request) => listComplaints(ctx, currentUser(request).id, request.query),
  )

  app.get(
    '/complaints/:id',
    {
      // Enterprises and staff will read complaints too; for now the service shows each consumer only their own.
      config: { access: 'user' },
      schema: { tags, summary: '投诉详情（含照片和处理记录）', params: ComplaintIdParams, response: { 200: ComplaintDetail, ...errors } },
    },
    (request) => getComplaintDetail(ctx, currentUser(request), request.params.id),
  )

  app.post(
    '/complaints/:id/messages',
    {
      config: { access: COMPLAINANTS },
      schema: {
        tags,
        summary: '补充说明或照片（仅处理中的投诉）',
        params: ComplaintIdParams,
        body: AddMessageRequest,
        response: { 200: ComplaintDetail, ...errors },
      },
    },
    (request) => addComplaintMessage(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/complaints/:id/withdraw',
    {
      config: { access: COMPLAINANTS },
      schema: { tags, summary: '撤回投诉（仅处理中的投诉）', params: ComplaintIdParams, body: WithdrawRequest, response: { 200: ComplaintDetail, ...errors } },
      // No body at all means no reason given.
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    (request) => withdrawComplaint(ctx, currentUser(request), request.params.id, request.body),
  )
}
