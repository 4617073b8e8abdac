import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AddMemberRequest, MemberPermissionsRequest, OrganizationAdminView, OrganizationIdParams, OrganizationMemberParams } from '../../../../src/contract/organization-members'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { addMember, organizationAdminView, removeMember, setMemberPermissions } from './memberships.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['消协组织']
const who = '（有管理权限的工作人员；本组织或其下级组织）'

export const membersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/organizations/:id/members',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `组织的成员、服务站和下级组织${who}`, params: OrganizationIdParams, response: { 200: OrganizationAdminView, ...errors } },
    },
    (request) => organizationAdminView(ctx.db, currentUser(request).id, request.params.id),
  )

  app.post(
    '/staff/organizations/:id/members',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `按手机号添加工作人员（没有账号时新建）${who}`, params: OrganizationIdParams, body: AddMemberRequest, response: { 200: OrganizationAdminView, ...errors } },
    },
    async (request) => {
      await addMember(ctx.db, currentUser(request).id, request.params.id, request.body, ctx.now())
      return organizationAdminView(ctx.db, currentUser(request).id, request.params.id)
    },
  )

  app.put(
    '/staff/organizations/:id/members/:userId',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `设置成员的权限：管理、调解、站点值守${who}`, params: OrganizationMemberParams, body: MemberPermissionsRequest, response: { 200: OrganizationAdminView, ...errors } },
    },
    async (request) => {
      await setMemberPermissions(ctx.db, currentUser(request).id, request.params.id, request.params.userId, request.body)
      return organizationAdminView(ctx.db, currentUser(request).id, request.params.id)
    },
  )

  app.delete(
    '/staff/organizations/:id/members/:userId',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `移除成员（账号改为普通用户；组织至少保留一位管理人员）${who}`, params: OrganizationMemberParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeMember(ctx.db, currentUser(request).id, request.params.id, request.params.userId, ctx.now())
      return reply.code(204).send(null)
    },
  )
}
