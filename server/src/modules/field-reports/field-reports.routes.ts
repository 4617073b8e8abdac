import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  ConvertToComplaintResponse,
  ConvertToWarningResponse,
  CreateFieldReportRequest,
  DismissFieldReportRequest,
  FieldReport,
  FieldReportIdParams,
  FieldReportListResponse,
  MyFieldReportsQuery,
  ReviewNoteRequest,
  StaffFieldReportListResponse,
  StaffFieldReportsQuery,
} from '../../../../src/contract/field-report'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { emptyBodyAsObject } from '../volunteers/empty-body'
import { ApiErrorSchema } from '../../schemas'
import { recordAccess } from '../privacy/access-log.service'
import { fieldReportsCsv } from './field-report-csv'
import { convertToComplaint, convertToWarning, dismissFieldReport, verifyFieldReport } from './field-report-review.service'
import { submitFieldReport } from './field-report-submission.service'
import { listReportsForStaff } from './field-reports.repository'
import { fieldReportFor, myFieldReports, staffFieldReports, staffFilter, withVolunteers } from './field-reports.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['走访报告']
const CSV_MAX_ROWS = 5000

export const fieldReportsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/field-reports',
    {
      config: { access: ['volunteer'] },
      schema: {
        tags,
        summary: '提交走访报告（首次 201；同一 clientId 同样内容重发 200 并返回同一份；内容不同 409）',
        body: CreateFieldReportRequest,
        response: { 200: FieldReport, 201: FieldReport, ...errors },
      },
    },
    async (request, reply) => {
      const submission = await submitFieldReport(ctx, currentUser(request), request.body)
      return reply.status(submission.statusCode).send(submission.report)
    },
  )

  app.get(
    '/field-reports/mine',
    {
      config: { access: ['volunteer'] },
      schema: { tags, summary: '我的走访报告（最新在前，按 cursor 翻页）', querystring: MyFieldReportsQuery, response: { 200: FieldReportListResponse, ...errors } },
    },
    (request) => myFieldReports(ctx, currentUser(request), request.query),
  )

  app.get(
    '/field-reports/:id',
    {
      // Any signed-in user may ask; only the volunteer who filed it and staff of its organization (or above) get it, everyone else 404.
      config: { access: 'user' },
      schema: { tags, summary: '一份走访报告（提交的志愿者本人，或报告所属组织及其上级的消协工作人员）', params: FieldReportIdParams, response: { 200: FieldReport, ...errors } },
    },
    (request) => fieldReportFor(ctx, currentUser(request), request.params.id),
  )

  app.get(
    '/staff/field-reports',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '走访报告审核列表（本组织及下级组织的报告；含志愿者姓名和电话）',
        querystring: StaffFieldReportsQuery,
        response: { 200: StaffFieldReportListResponse, ...errors },
      },
    },
    (request) => staffFieldReports(ctx, currentUser(request), request.query),
  )

  app.get(
    '/staff/field-reports.csv',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: `导出走访报告 CSV（UTF-8 带 BOM；筛选同列表，最多 ${CSV_MAX_ROWS} 条）`,
        querystring: Type.Omit(StaffFieldReportsQuery, ['cursor', 'limit']),
        response: { 200: Type.String({ description: 'text/csv' }), ...errors },
      },
    },
    async (request, reply) => {
      const rows = await listReportsForStaff(ctx.db, await staffFilter(ctx, currentUser(request), request.query), null, CSV_MAX_ROWS)
      const reports = await withVolunteers(ctx, rows.slice(0, CSV_MAX_ROWS))
      await recordAccess(ctx, currentUser(request), 'export', null)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="weiquan-field-reports.csv"')
        .header('cache-control', 'no-store')
        .send(fieldReportsCsv(reports))
    },
  )

  const staffAction = { config: { access: ['staff'] as const }, params: FieldReportIdParams }

  app.post(
    '/staff/field-reports/:id/verify',
    {
      config: staffAction.config,
      preValidation: emptyBodyAsObject,
      schema: { tags, summary: '核实走访报告', params: staffAction.params, body: ReviewNoteRequest, response: { 200: FieldReport, ...errors } },
    },
    (request) => verifyFieldReport(ctx, currentUser(request), request.params.id, request.body?.note),
  )

  app.post(
    '/staff/field-reports/:id/dismiss',
    {
      config: staffAction.config,
      schema: { tags, summary: '不予采纳（须写明原因）', params: staffAction.params, body: DismissFieldReportRequest, response: { 200: FieldReport, ...errors } },
    },
    (request) => dismissFieldReport(ctx, currentUser(request), request.params.id, request.body.note),
  )

  app.post(
    '/staff/field-reports/:id/convert-complaint',
    {
      config: staffAction.config,
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        summary: '转为投诉（消协处理，待审核；事实和照片一并转入）',
        params: staffAction.params,
        body: ReviewNoteRequest,
        response: { 200: ConvertToComplaintResponse, ...errors },
      },
    },
    (request) => convertToComplaint(ctx, currentUser(request), request.params.id, request.body?.note),
  )

  app.post(
    '/staff/field-reports/:id/convert-warning',
    {
      config: staffAction.config,
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        summary: '转为消费警示草稿（不含志愿者身份和精确位置）',
        params: staffAction.params,
        body: ReviewNoteRequest,
        response: { 200: ConvertToWarningResponse, ...errors },
      },
    },
    (request) => convertToWarning(ctx, currentUser(request), request.params.id, request.body?.note),
  )
}
