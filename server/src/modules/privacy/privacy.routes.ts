import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessLogQuery, AccessLogResponse } from '../../../../src/contract/access-log'
import { AccountDeletionCreate, AccountDeletionStatus } from '../../../../src/contract/account-deletion'
import { SmsCodeResponse } from '../../../../src/contract/auth'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { listAccessLog } from './access-log.service'
import { cancelDeletion, deletionStatus, requestDeletion, sendDeletionCode } from './account-deletion.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema }
const deletionErrors = { ...errors, 409: ApiErrorSchema, 429: ApiErrorSchema, 502: ApiErrorSchema }

export const privacyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/access-log',
    {
      config: { access: ['staff'] },
      schema: {
        tags: ['个人信息保护'],
        summary: '谁查看过消费者的个人信息（消协管理员；可按投诉筛选，最新在前，按 cursor 翻页）',
        querystring: AccessLogQuery,
        response: { 200: AccessLogResponse, ...errors },
      },
    },
    (request) => listAccessLog(ctx, currentUser(request), request.query),
  )

  // Only ever the caller's own account: no route takes a user id.
  app.get(
    '/account/deletion',
    {
      config: { access: 'user' },
      schema: { tags: ['个人信息保护'], summary: '注销账号：会删除什么、保留什么，以及最近一次申请的状态', response: { 200: AccountDeletionStatus, ...errors } },
    },
    (request) => deletionStatus(ctx, currentUser(request)),
  )

  app.post(
    '/account/deletion/sms-code',
    {
      config: { access: 'user' },
      schema: { tags: ['个人信息保护'], summary: '向本账号的手机号发送注销验证码', response: { 200: SmsCodeResponse, ...deletionErrors } },
    },
    (request) => sendDeletionCode(ctx, currentUser(request), request.ip),
  )

  app.post(
    '/account/deletion',
    {
      config: { access: 'user' },
      schema: {
        tags: ['个人信息保护'],
        summary: '申请注销本账号（短信验证码确认；冷静期内重新登录或撤销即取消）',
        body: AccountDeletionCreate,
        response: { 200: AccountDeletionStatus, ...deletionErrors },
      },
    },
    (request) => requestDeletion(ctx, currentUser(request), request.body.code),
  )

  app.post(
    '/account/deletion/cancel',
    {
      config: { access: 'user' },
      schema: { tags: ['个人信息保护'], summary: '撤销注销申请（冷静期内）', response: { 200: AccountDeletionStatus, ...deletionErrors } },
    },
    (request) => cancelDeletion(ctx, currentUser(request)),
  )
}
