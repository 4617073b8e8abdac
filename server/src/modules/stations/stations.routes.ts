import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateStationRequest, Station, StaffStationList, StationIdParams, StationList, StationRegionList, StationSearchQuery, UpdateStationRequest } from '../../../../src/contract/station'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { listOrganizations } from '../organizations/organizations.repository'
import { staffScope } from '../organizations/organization-scope'
import { changeStation, createStation, searchStations, stationAccess, toStationDto } from './stations.service'
import { findStationById, managedStationsQuery, subtreeOrganizationsQuery } from './stations.repository'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['服务站']
/** A manager's list; a network with more stations than this per organization needs paging. */
const MANAGED_MAX = 500

export const stationsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/stations',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '查找服务站（无需登录）：带 latitude、longitude（GCJ-02）时按距离由近到远；带 organizationId 时列出该地区（含下级）的服务站',
        querystring: StationSearchQuery,
        response: { 200: StationList, ...errors },
      },
    },
    (request) => searchStations(ctx.db, request.query),
  )

  app.get(
    '/stations/regions',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '选择地区用的消协组织树（省 → 市 → 县）', response: { 200: StationRegionList, ...errors } },
    },
    async () => ({ items: (await listOrganizations(ctx.db)).map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id, depth: Number(o.depth) })) }),
  )

  app.get(
    '/staff/stations',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '我管理的服务站：管理人员看本组织及下级的全部（含已停用），站点工作人员只看自己的站点', response: { 200: StaffStationList, ...errors } },
    },
    async (request) => {
      const scope = await staffScope(ctx.db, currentUser(request).id)
      if (scope.canManage) {
        const [rows, organizations] = await Promise.all([
          managedStationsQuery(ctx.db, scope.organization.path, MANAGED_MAX).execute(),
          subtreeOrganizationsQuery(ctx.db, scope.organization.path).execute(),
        ])
        return { items: rows.map((row) => toStationDto(row)), canManage: true, organizations: organizations.map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id, depth: Number(o.depth) })) }
      }
      const own = scope.stationId ? await findStationById(ctx.db, scope.stationId) : undefined
      if (!own) throw new AppError(403, 'FORBIDDEN', '您没有管理服务站的权限')
      return { items: [toStationDto(own)], canManage: false, organizations: [] }
    },
  )

  app.post(
    '/staff/stations',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '新建服务站（本组织或下级组织的管理人员）', body: CreateStationRequest, response: { 201: Station, ...errors } },
    },
    async (request, reply) => {
      const scope = await staffScope(ctx.db, currentUser(request).id)
      return reply.code(201).send(await createStation(ctx.db, request.body, ctx.now(), scope))
    },
  )

  app.put(
    '/staff/stations/:id',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '修改服务站（整张表单）；active=false 停用（只有管理人员）', params: StationIdParams, body: UpdateStationRequest, response: { 200: Station, ...errors } },
    },
    async (request) => {
      const { station, manager } = await stationAccess(ctx.db, currentUser(request).id, request.params.id)
      return changeStation(ctx.db, station, request.body, manager, ctx.now())
    },
  )
}
