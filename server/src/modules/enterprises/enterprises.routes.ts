import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserProfile } from '../../../../src/contract/auth'
import {
  BindLiaisonRequest,
  CreateEnterpriseRequest,
  EnterpriseDetail,
  EnterpriseIdParams,
  LiaisonListResponse,
  EnterpriseSearchQuery,
  EnterpriseSearchResponse,
  UpdateEnterpriseRequest,
} from '../../../../src/contract/enterprise'
import type { AppContext } from '../../context'
import { ApiErrorSchema } from '../../schemas'
import { makeLiaison } from '../users/account.service'
import { listEnterpriseLiaisons } from '../users/enterprise.repository'
import { toUserProfile } from '../users/user.service'
import { currentUser } from '../../plugins/access'
import { assertOverseesEnterprise } from './enterprise-oversight'
import { createDirectoryEnterprise, editDirectoryEnterprise, getEnterpriseDetail, searchDirectory } from './enterprises.service'

const tags = ['企业名录']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }

export const enterprisesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/enterprises',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '搜索企业名录（无需登录；绿色通道企业在前，其次按名称）',
        querystring: EnterpriseSearchQuery,
        response: { 200: EnterpriseSearchResponse, 400: ApiErrorSchema },
      },
    },
    (request) => searchDirectory(ctx.db, request.query),
  )

  app.get(
    '/enterprises/:id',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '企业详情与处理数据（投诉不足 5 件时不计算）',
        params: EnterpriseIdParams,
        response: { 200: EnterpriseDetail, 404: ApiErrorSchema },
      },
    },
    (request) => getEnterpriseDetail(ctx.db, request.params.id),
  )

  app.post(
    '/enterprises',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '新增企业（仅消协工作人员）', body: CreateEnterpriseRequest, response: { 201: EnterpriseDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createDirectoryEnterprise(ctx, request.body)),
  )

  app.patch(
    '/enterprises/:id',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '修改企业信息，含是否加入绿色通道（仅消协工作人员）',
        params: EnterpriseIdParams,
        body: UpdateEnterpriseRequest,
        response: { 200: EnterpriseDetail, ...errors },
      },
    },
    async (request) => {
      await assertOverseesEnterprise(ctx, currentUser(request), request.params.id)
      return editDirectoryEnterprise(ctx, request.params.id, request.body)
    },
  )

  // The mini-program's wx.request has no PATCH, so the app saves the whole form with PUT.
  app.put(
    '/enterprises/:id',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '保存企业的全部信息（仅消协工作人员；小程序不支持 PATCH）',
        params: EnterpriseIdParams,
        body: CreateEnterpriseRequest,
        response: { 200: EnterpriseDetail, ...errors },
      },
    },
    async (request) => {
      await assertOverseesEnterprise(ctx, currentUser(request), request.params.id)
      return editDirectoryEnterprise(ctx, request.params.id, request.body)
    },
  )

  app.post(
    '/enterprises/:id/liaisons',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '为企业创建联络员账号，或把已有账号绑定到企业（仅消协工作人员）',
        params: EnterpriseIdParams,
        body: BindLiaisonRequest,
        response: { 200: UserProfile, 201: UserProfile, ...errors },
      },
    },
    async (request, reply) => {
      await assertOverseesEnterprise(ctx, currentUser(request), request.params.id)
      const { user, created } = await makeLiaison(ctx.db, request.params.id, request.body.phone, request.body.name.trim() || undefined, { refuseStaff: true })
      return reply.status(created ? 201 : 200).send(await toUserProfile(ctx.db, user))
    },
  )

  app.get(
    '/enterprises/:id/liaisons',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '企业的联络员账号（仅消协工作人员）', params: EnterpriseIdParams, response: { 200: LiaisonListResponse, ...errors } },
    },
    async (request) => {
      await assertOverseesEnterprise(ctx, currentUser(request), request.params.id)
      const rows = await listEnterpriseLiaisons(ctx.db, request.params.id)
      return { items: rows.map((row) => ({ id: row.id, displayName: row.display_name, phone: row.phone, disabled: Number(row.disabled) === 1 })) }
    },
  )
}
