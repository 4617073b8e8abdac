import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  OkResponse,
  PhoneLoginRequest,
  RefreshRequest,
  Session,
  SmsCodeRequest,
  SmsCodeResponse,
  WechatLoginRequest,
} from '../../../../src/contract/auth'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { loginWithPhone, loginWithWechat, logout, refreshSession, requestSmsCode } from './auth.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 429: ApiErrorSchema, 502: ApiErrorSchema, 503: ApiErrorSchema }

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/sms-code',
    {
      config: { access: 'public' },
      schema: { tags: ['登录'], summary: '获取短信验证码', body: SmsCodeRequest, response: { 200: SmsCodeResponse, ...errors } },
    },
    (request) => requestSmsCode(ctx, request.body.phone, request.ip),
  )

  app.post(
    '/auth/phone',
    {
      config: { access: 'public' },
      schema: { tags: ['登录'], summary: '手机号 + 验证码登录（首次即注册）', body: PhoneLoginRequest, response: { 200: Session, ...errors } },
    },
    (request) => loginWithPhone(ctx, request.body.phone, request.body.code),
  )

  app.post(
    '/auth/wechat',
    {
      config: { access: 'public' },
      schema: { tags: ['登录'], summary: '微信小程序登录（wx.login code）', body: WechatLoginRequest, response: { 200: Session, ...errors } },
    },
    (request) => loginWithWechat(ctx, request.body.code),
  )

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: { tags: ['登录'], summary: '用刷新令牌换新令牌（旧令牌作废）', body: RefreshRequest, response: { 200: Session, ...errors } },
    },
    (request) => refreshSession(ctx, request.body.refreshToken),
  )

  app.post(
    '/auth/logout',
    { config: { access: 'user' }, schema: { tags: ['登录'], summary: '退出登录（注销本次会话）', response: { 200: OkResponse, ...errors } } },
    async (request) => {
      await logout(ctx, currentUser(request).sessionId)
      return { ok: true as const }
    },
  )
}
