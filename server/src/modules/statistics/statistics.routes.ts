import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { StatisticsQuery, StatisticsResponse } from '../../../../src/contract/statistics'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { recordAccess } from '../privacy/access-log.service'
import { csvFilename, statisticsCsv } from './statistics-csv'
import { complaintsHeldBy, staffScope } from '../organizations/organization-scope'
import { complaintStatistics, resolveRange } from './statistics.service'
import { OrganizationFigures } from '../../../../src/contract/statistics-figures'
import { organizationFigures } from './figures.service'
import { figuresCsv, figuresCsvFilename } from './figures-csv'

const tags = ['统计']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema }

export const statisticsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/statistics',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '投诉统计（消协工作人员；默认最近 12 个月，北京时间）',
        querystring: StatisticsQuery,
        response: { 200: StatisticsResponse, ...errors },
      },
    },
    async (request) => complaintStatistics(ctx, request.query, await staffScope(ctx.db, currentUser(request).id)),
  )

  app.get(
    '/staff/statistics.csv',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '导出投诉明细 CSV（UTF-8 带 BOM，可用 Excel 打开；期间同统计）',
        querystring: StatisticsQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (request, reply) => {
      const range = resolveRange(request.query, ctx.now())
      const visible = complaintsHeldBy(await staffScope(ctx.db, currentUser(request).id), 'other')
      await recordAccess(ctx, currentUser(request), 'export', null)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFilename(range)}"`)
        .header('cache-control', 'no-store')
        // The 200 schema documents text/csv; the body is streamed, which the typed reply does not model.
        .send(Readable.from(statisticsCsv(ctx, range, visible)) as unknown as string)
    },
  )

  app.get(
    '/staff/statistics/figures',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '上报数字：本机构及下级的受理、办结、按期办结、调解成功、挽回经济损失，按月、按行业，下级机构并列',
        querystring: StatisticsQuery,
        response: { 200: OrganizationFigures, ...errors },
      },
    },
    async (request) => organizationFigures(ctx, request.query, await staffScope(ctx.db, currentUser(request).id)),
  )

  app.get(
    '/staff/statistics/figures.csv',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '导出上报数字 CSV（UTF-8 带 BOM，可用 Excel 打开；期间同统计）',
        querystring: StatisticsQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (request, reply) => {
      const figures = await organizationFigures(ctx, request.query, await staffScope(ctx.db, currentUser(request).id))
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${figuresCsvFilename(figures)}"`)
        .header('cache-control', 'no-store')
        .send(figuresCsv(figures))
    },
  )
}
