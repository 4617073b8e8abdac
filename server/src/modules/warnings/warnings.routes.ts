import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  CreateWarningRequest,
  PublishWarningRequest,
  StaffWarning,
  StaffWarningListQuery,
  StaffWarningListResponse,
  StaffWarningSaveResponse,
  UpdateWarningRequest,
  UrgentWarningsResponse,
  WarningDetail,
  WarningListQuery,
  WarningListResponse,
  WarningPreviewRequest,
  WarningPreviewResponse,
  WarningSearchQuery,
  WarningSearchResponse,
} from '../../../../src/contract/warning'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import {
  changeWarningStatus,
  createWarning,
  editWarning,
  getStaffWarning,
  listPublicWarnings,
  listStaffWarnings,
  previewWarningHtml,
  searchWarnings,
  urgentWarnings,
  viewWarning,
} from './warnings.service'
import { scheduleViewFlushes, WarningViewCounter } from './warning-views'

const tags = ['消费警示']
const WarningParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema }

export const warningsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Views are written in batches, not one UPDATE per reader; closing the app writes the rest.
  const views = new WarningViewCounter(ctx.db)
  const stopFlushes = scheduleViewFlushes(views, (error) => app.log.error({ err: error }, 'saving warning views failed'))
  app.addHook('onClose', stopFlushes)

  app.get(
    '/warnings',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '消费警示列表（无需登录；第 1 页另给置顶的紧急警示，不在 items 中重复）',
        querystring: WarningListQuery,
        response: { 200: WarningListResponse, 400: ApiErrorSchema },
      },
    },
    (request) => listPublicWarnings(ctx, request.query),
  )

  app.get(
    '/warnings/search',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '搜索消费警示（标题、摘要、正文；2 个字起；标题命中在前，其次按发布时间）',
        querystring: WarningSearchQuery,
        response: { 200: WarningSearchResponse, 400: ApiErrorSchema },
      },
    },
    (request) => searchWarnings(ctx, request.query),
  )

  app.get(
    '/warnings/urgent',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '首页横幅用的紧急警示（最新 3 条）', response: { 200: UrgentWarningsResponse } },
    },
    () => urgentWarnings(ctx),
  )

  app.get(
    '/warnings/:id',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags,
        summary: '消费警示详情与相关警示（阅读数加一，几秒内计入列表；草稿、已归档、未到发布时间的不存在）',
        params: WarningParams,
        response: { 200: WarningDetail, 404: ApiErrorSchema },
      },
    },
    (request) => viewWarning(ctx, views, request.params.id),
  )

  app.get(
    '/staff/warnings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '全部警示，含草稿（仅消协工作人员）', querystring: StaffWarningListQuery, response: { 200: StaffWarningListResponse, ...errors } },
    },
    (request) => listStaffWarnings(ctx, request.query),
  )

  app.post(
    '/staff/warnings/preview',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '正文预览：返回清理后的 HTML（仅消协工作人员）', body: WarningPreviewRequest, response: { 200: WarningPreviewResponse, ...errors } },
    },
    (request) => previewWarningHtml(request.body.bodyHtml),
  )

  app.get(
    '/staff/warnings/:id',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '一条警示的全部内容（仅消协工作人员）', params: WarningParams, response: { 200: StaffWarning, ...errors } },
    },
    (request) => getStaffWarning(ctx, request.params.id),
  )

  app.post(
    '/staff/warnings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '新建警示草稿（仅消协工作人员）', body: CreateWarningRequest, response: { 201: StaffWarningSaveResponse, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createWarning(ctx, currentUser(request), request.body)),
  )

  app.patch(
    '/staff/warnings/:id',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '修改警示（只改传入的字段；正文会被清理）',
        params: WarningParams,
        body: UpdateWarningRequest,
        response: { 200: StaffWarningSaveResponse, ...errors },
      },
    },
    (request) => editWarning(ctx, request.params.id, request.body),
  )

  app.post(
    '/staff/warnings/:id/publish',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '发布（publishAt 为将来时间即定时发布）',
        params: WarningParams,
        body: Type.Optional(PublishWarningRequest),
        response: { 200: StaffWarningSaveResponse, ...errors },
      },
    },
    (request) => changeWarningStatus(ctx, request.params.id, 'publish', request.body?.publishAt),
  )

  for (const transition of ['unpublish', 'archive'] as const) {
    app.post(
      `/staff/warnings/:id/${transition}`,
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: transition === 'unpublish' ? '撤回为草稿' : '归档（不再公开）',
          params: WarningParams,
          response: { 200: StaffWarningSaveResponse, ...errors },
        },
      },
      (request) => changeWarningStatus(ctx, request.params.id, transition),
    )
  }
}
