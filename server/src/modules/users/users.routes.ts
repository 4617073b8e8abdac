import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserListQuery, UserListResponse, UserProfile } from '../../../../src/contract/auth'
import { StaffMembersResponse } from '../../../../src/contract/complaint-actions'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { findUserById, listActiveStaff, listUsers } from './user.repository'
import { staffScope } from '../organizations/organization-scope'
import { staffOfOrganizations } from '../organizations/organizations.repository'
import { toUserProfile } from './user.service'

export const usersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/me',
    {
      config: { access: 'user' },
      schema: { tags: ['用户'], summary: '当前登录用户', response: { 200: UserProfile, 401: ApiErrorSchema } },
    },
    async (request) => {
      const user = await findUserById(ctx.db, currentUser(request).id)
      if (!user) throw notFound()
      return toUserProfile(ctx.db, user)
    },
  )

  const PAGE_SIZE = 20
  app.get(
    '/users',
    {
      config: { access: ['staff'] },
      schema: {
        tags: ['用户'],
        summary: '账号列表（仅消协工作人员）',
        querystring: UserListQuery,
        response: { 200: UserListResponse, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1
      const { rows, total } = await listUsers(ctx.db, { role: request.query.role, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      return { items: await Promise.all(rows.map((row) => toUserProfile(ctx.db, row))), total, page, pageSize: PAGE_SIZE }
    },
  )

  app.get(
    '/staff/members',
    {
      config: { access: ['staff'] },
      schema: {
        tags: ['用户'],
        summary: '本组织在职的消协工作人员（指派投诉时选择同事；仅消协工作人员）',
        response: { 200: StaffMembersResponse, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => {
      // Colleagues of the caller's own organization: the people a case held here may be assigned to.
      const scope = await staffScope(ctx.db, currentUser(request).id)
      const colleagues = new Set(await staffOfOrganizations(ctx.db, [scope.organization.id]))
      const rows = (await listActiveStaff(ctx.db)).filter((row) => colleagues.has(row.id))
      return { items: rows.map((row) => ({ id: row.id, displayName: row.display_name })) }
    },
  )
}
