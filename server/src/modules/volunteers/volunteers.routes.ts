import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApplicationIdParams,
  ApproveApplicationRequest,
  CreateVolunteerApplicationRequest,
  DecisionWithNoteRequest,
  MyVolunteerApplicationResponse,
  StaffVolunteerApplicationsQuery,
  VolunteerApplication,
  VolunteerApplicationListResponse,
  VolunteerUserParams,
} from '../../../../src/contract/volunteer'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { emptyBodyAsObject } from './empty-body'
import { ApiErrorSchema } from '../../schemas'
import { applyToVolunteer, approveApplication, declineApplication, myApplication, revokeVolunteer, staffApplications } from './volunteers.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema }
const tags = ['维权志愿者']

export const volunteersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/volunteer-applications',
    {
      config: { access: ['consumer'] },
      schema: {
        tags,
        summary: '申请成为维权志愿者（同一时间只能有一份待审核的申请）',
        body: CreateVolunteerApplicationRequest,
        response: { 201: VolunteerApplication, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await applyToVolunteer(ctx, currentUser(request), request.body)),
  )

  app.get(
    '/volunteer-applications/mine',
    {
      config: { access: 'user' },
      schema: { tags, summary: '我最近的一份志愿者申请（没有则为 null）', response: { 200: MyVolunteerApplicationResponse, ...errors } },
    },
    (request) => myApplication(ctx, currentUser(request)),
  )

  app.get(
    '/staff/volunteer-applications',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '志愿者申请列表（消协工作人员；最新在前，最多 200 条）',
        querystring: StaffVolunteerApplicationsQuery,
        response: { 200: VolunteerApplicationListResponse, ...errors },
      },
    },
    (request) => staffApplications(ctx, request.query.status),
  )

  app.post(
    '/staff/volunteer-applications/:id/approve',
    {
      config: { access: ['staff'] },
      preValidation: emptyBodyAsObject,
      schema: { tags, summary: '通过申请：申请人成为志愿者', params: ApplicationIdParams, body: ApproveApplicationRequest, response: { 200: VolunteerApplication, ...errors } },
    },
    (request) => approveApplication(ctx, currentUser(request), request.params.id, request.body?.note),
  )

  app.post(
    '/staff/volunteer-applications/:id/decline',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '不通过申请（须写明原因）', params: ApplicationIdParams, body: DecisionWithNoteRequest, response: { 200: VolunteerApplication, ...errors } },
    },
    (request) => declineApplication(ctx, currentUser(request), request.params.id, request.body.note),
  )

  app.post(
    '/staff/volunteers/:userId/revoke',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '撤销志愿者资格（须写明原因；其报告保留）',
        params: VolunteerUserParams,
        body: DecisionWithNoteRequest,
        response: { 200: VolunteerApplication, ...errors },
      },
    },
    (request) => revokeVolunteer(ctx, currentUser(request), request.params.userId, request.body.note),
  )
}
