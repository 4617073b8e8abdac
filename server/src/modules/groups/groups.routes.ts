import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ComplaintIdParams } from '../../../../src/contract/complaint'
import { ConsumerGroupView, GroupActionRequest, GroupActionResult, GroupIdParams, GroupNoteRequest, JoinGroupRequest, StaffGroupDetail, StaffGroupList } from '../../../../src/contract/complaint-group'
import type { Role } from '../../../../src/contract/roles'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { applyGroupAction } from './group-actions.service'
import { addGroupNote, closeGroup, consumerGroupView, getStaffGroup, joinGroup, listStaffGroups } from './groups.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['群体性投诉']
const COMPLAINANTS: Role[] = ['consumer', 'volunteer']

export const groupsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/groups',
    { config: { access: ['staff'] }, schema: { tags, summary: '重点督办：本组织及下级组织的群体性投诉（最近形成的在前，最多 100 个）', response: { 200: StaffGroupList, ...errors } } },
    async (request) => ({ items: await listStaffGroups(ctx, currentUser(request)) }),
  )

  app.get(
    '/staff/groups/:id',
    { config: { access: ['staff'] }, schema: { tags, summary: '一个群体性投诉：成员、总金额、进展、企业的答复', params: GroupIdParams, response: { 200: StaffGroupDetail, ...errors } } },
    (request) => getStaffGroup(ctx, currentUser(request), request.params.id),
  )

  app.post(
    '/staff/groups/:id/notes',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '督办记录：写入每位成员的投诉（附各自金额）并告知消费者', params: GroupIdParams, body: GroupNoteRequest, response: { 200: StaffGroupDetail, ...errors } },
    },
    (request) => addGroupNote(ctx, currentUser(request), request.params.id, request.body.note),
  )

  app.post(
    '/staff/groups/:id/actions',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '集体投诉统一处理：一次为全部未结束的成员投诉记录企业方案（绿色通道）或调解情况/调解成功（消协调解），各用各的金额；不适用的成员列为未处理并说明原因',
        params: GroupIdParams,
        body: GroupActionRequest,
        response: { 200: GroupActionResult, ...errors },
      },
    },
    (request) => applyGroupAction(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/staff/groups/:id/close',
    { config: { access: ['staff'] }, schema: { tags, summary: '办结群体性投诉（须写明办结情况）', params: GroupIdParams, body: GroupNoteRequest, response: { 200: StaffGroupDetail, ...errors } } },
    (request) => closeGroup(ctx, currentUser(request), request.params.id, request.body.note),
  )

  app.get(
    '/complaints/:id/group',
    {
      config: { access: COMPLAINANTS },
      schema: { tags, summary: '我的投诉所在的集体投诉，或可以加入的集体投诉（只有人数和进展）', params: ComplaintIdParams, response: { 200: ConsumerGroupView, ...errors } },
    },
    (request) => consumerGroupView(ctx, currentUser(request), request.params.id),
  )

  app.post(
    '/groups/:id/join',
    {
      config: { access: COMPLAINANTS },
      schema: { tags, summary: '一键加入集体投诉（须是本人对同一商家的未结束投诉）', params: GroupIdParams, body: JoinGroupRequest, response: { 200: ConsumerGroupView, ...errors } },
    },
    (request) => joinGroup(ctx, currentUser(request), request.params.id, request.body.complaintId),
  )
}
