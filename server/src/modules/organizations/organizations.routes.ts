import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ComplaintDetail, ComplaintIdParams } from '../../../../src/contract/complaint'
import { CreateOrganizationRequest, MyOrganization, Organization, OrganizationList, TRANSFER_LABELS, TransferRequest, type TransferKind } from '../../../../src/contract/organization'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { findOrganizationById, listOrganizations } from './organizations.repository'
import { createOrganization, toOrganizationDto } from './organizations.service'
import { staffScope } from './organization-scope'
import { moveComplaint } from './transfers.service'
import { ruleFamilyOf } from '../rules/rule-sets.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['消协组织']

const MOVES: Record<TransferKind, { path: string; summary: string }> = {
  transfer: { path: 'transfer', summary: '移送到其他消协组织（不属于本组织管辖时；须写明原因，告知消费者）' },
  hand_down: { path: 'hand-down', summary: '交办给直属下级组织（须写明原因）' },
  take_up: { path: 'take-up', summary: '提级到直属上级组织（须写明原因）' },
  alliance: { path: 'alliance-transfer', summary: '移送给联盟伙伴组织（跨地区；对方只看到移送给它的投诉，本组织仍可查看）' },
}

export const organizationsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/organizations',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '全部消协组织（按层级排列；移送时选择）', response: { 200: OrganizationList, ...errors } },
    },
    async () => ({ items: (await listOrganizations(ctx.db)).map(toOrganizationDto) }),
  )

  app.get(
    '/staff/organizations/mine',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '我所在的组织、我的权限和本组织新立案投诉适用的规则族', response: { 200: MyOrganization, ...errors } },
    },
    async (request) => {
      const scope = await staffScope(ctx.db, currentUser(request).id)
      const ruleFamily = await ruleFamilyOf(ctx, ctx.db, scope.organization)
      return { organization: toOrganizationDto(scope.organization), canManage: scope.canManage, canMediate: scope.canMediate, ruleFamily }
    },
  )

  app.post(
    '/staff/organizations',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '新建下级组织（有管理权限的工作人员；只能建在本组织或其下级之下）', body: CreateOrganizationRequest, response: { 201: Organization, ...errors } },
    },
    async (request, reply) => {
      const scope = await staffScope(ctx.db, currentUser(request).id)
      if (!scope.canManage) throw new AppError(403, 'FORBIDDEN', '您没有管理组织的权限')
      const parent = await findOrganizationById(ctx.db, request.body.parentId)
      if (!parent) throw new AppError(404, 'ORGANIZATION_NOT_FOUND', '没有找到上级组织')
      if (!parent.path.startsWith(scope.organization.path)) throw new AppError(403, 'FORBIDDEN', '只能在本组织或其下级组织之下新建')
      const created = await createOrganization(ctx.db, request.body, ctx.now())
      return reply.code(201).send(toOrganizationDto(created))
    },
  )

  for (const [kind, move] of Object.entries(MOVES) as Array<[TransferKind, (typeof MOVES)[TransferKind]]>) {
    app.post(
      `/complaints/:id/${move.path}`,
      {
        config: { access: ['staff'] },
        schema: { tags, summary: `${TRANSFER_LABELS[kind]}：${move.summary}`, params: ComplaintIdParams, body: TransferRequest, response: { 200: ComplaintDetail, ...errors } },
      },
      (request) => moveComplaint(ctx, currentUser(request), request.params.id, kind, request.body),
    )
  }
}
