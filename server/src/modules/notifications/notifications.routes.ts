import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  NOTIFICATION_CHANNELS,
  NotificationIdParams,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  OkResponse,
  STREAM_TICKET_TTL_SECONDS,
  StreamQuery,
  StreamTicket,
  SubscribeConfig,
  SubscriptionsRequest,
  UnreadCount,
  UpdatePreferencesRequest,
  type NotificationChannel,
} from '../../../../src/contract/notification'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { openNotificationStream } from './notification-stream'
import { listPreferences, mayUse, savePreferences } from './notification-preferences'
import * as repo from './notifications.repository'
import { issueStreamTicket, streamTicketSession } from './stream-ticket'
import { createStreamHub } from './stream-hub'

const tags = ['消息']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema }
const PAGE_DEFAULT = 20

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const channels = (): NotificationChannel[] =>
    NOTIFICATION_CHANNELS.filter((channel) => channel !== 'sms' || ctx.config.notifications.sms).filter(
      (channel) => channel !== 'wechat' || (ctx.wechat.configured && ctx.config.notifications.subscribeTemplates.length > 0),
    )
  const streams = new Set<() => void>()
  const hub = createStreamHub(ctx.db, (error) => app.log.warn({ err: error }, 'live stream listener lost its database connection'))
  app.addHook('onClose', async () => {
    for (const close of streams) close()
    await hub.close()
  })

  app.get(
    '/notifications',
    { config: { access: 'user' }, schema: { tags, summary: '我的消息（新的在前）', querystring: NotificationListQuery, response: { 200: NotificationList, ...errors } } },
    async (request) => {
      const user = currentUser(request)
      const limit = request.query.limit ?? PAGE_DEFAULT
      const rows = await repo.listNotifications(ctx.db, user.id, limit + 1, request.query.cursor ? Number(request.query.cursor) : undefined)
      const page = rows.slice(0, limit)
      return {
        items: page.map(repo.toItem),
        nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null,
        unreadCount: await repo.unreadCount(ctx.db, user.id),
      }
    },
  )

  app.get(
    '/notifications/unread-count',
    { config: { access: 'user' }, schema: { tags, summary: '未读消息数', response: { 200: UnreadCount, ...errors } } },
    async (request) => ({ unreadCount: await repo.unreadCount(ctx.db, currentUser(request).id) }),
  )

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'user' },
      schema: { tags, summary: '标记一条消息已读', params: NotificationIdParams, response: { 200: UnreadCount, 404: ApiErrorSchema, ...errors } },
    },
    async (request) => {
      const user = currentUser(request)
      if (!(await repo.markRead(ctx.db, user.id, request.params.id, ctx.now().toISOString()))) throw new AppError(404, 'NOTIFICATION_NOT_FOUND')
      return { unreadCount: await repo.unreadCount(ctx.db, user.id) }
    },
  )

  app.post(
    '/notifications/read-all',
    { config: { access: 'user' }, schema: { tags, summary: '全部标为已读', response: { 200: UnreadCount, ...errors } } },
    async (request) => {
      await repo.markAllRead(ctx.db, currentUser(request).id, ctx.now().toISOString())
      return { unreadCount: 0 }
    },
  )

  app.post(
    '/notifications/stream-ticket',
    { config: { access: 'user' }, schema: { tags, summary: '实时消息连接凭证（60 秒内有效）', response: { 200: StreamTicket, ...errors } } },
    async (request) => ({
      ticket: issueStreamTicket(currentUser(request), ctx.config.tokenSecret, ctx.now()),
      expiresInSeconds: STREAM_TICKET_TTL_SECONDS,
    }),
  )

  app.get(
    '/notifications/stream',
    {
      config: { access: 'public' },
      schema: { tags, summary: '实时消息（text/event-stream，凭 stream-ticket 连接）', querystring: StreamQuery, response: { 401: ApiErrorSchema, 400: ApiErrorSchema } },
    },
    async (request, reply) => {
      const session = await streamTicketSession(ctx, request.query.ticket)
      if (!session) throw new AppError(401, 'STREAM_TICKET_INVALID')
      const lastEventId = request.headers['last-event-id']
      const resume = typeof lastEventId === 'string' && /^\d{1,12}$/.test(lastEventId) ? lastEventId : request.query.after
      reply.hijack()
      const close = await openNotificationStream(ctx.db, hub, reply, session, resume === undefined ? undefined : Number(resume))
      streams.add(close)
      reply.raw.on('close', () => streams.delete(close))
    },
  )

  app.get(
    '/notifications/preferences',
    { config: { access: 'user' }, schema: { tags, summary: '通知设置', response: { 200: NotificationPreferences, ...errors } } },
    async (request) => ({ items: await listPreferences(ctx.db, currentUser(request).id, channels()), channels: channels() }),
  )

  app.put(
    '/notifications/preferences',
    {
      config: { access: 'user' },
      schema: { tags, summary: '修改通知设置', body: UpdatePreferencesRequest, response: { 200: NotificationPreferences, ...errors } },
    },
    async (request) => {
      const user = currentUser(request)
      for (const item of request.body.items) {
        if (item.channel === 'inbox' && !item.enabled) throw new AppError(400, 'INBOX_ALWAYS_ON')
        if (!mayUse(item.type, item.channel)) throw new AppError(400, 'CHANNEL_NOT_AVAILABLE')
      }
      await savePreferences(ctx.db, user.id, request.body.items.filter((item) => item.channel !== 'inbox'), ctx.now())
      return { items: await listPreferences(ctx.db, user.id, channels()), channels: channels() }
    },
  )

  app.get(
    '/notifications/subscribe-config',
    { config: { access: 'public' }, schema: { tags, summary: '微信订阅消息模板（最多 3 个）', response: { 200: SubscribeConfig } } },
    async () => ({ templateIds: ctx.wechat.configured ? ctx.config.notifications.subscribeTemplates : [] }),
  )

  app.post(
    '/notifications/subscriptions',
    {
      config: { access: 'user' },
      schema: { tags, summary: '记录用户同意的订阅消息（每个模板一次发送额度）', body: SubscriptionsRequest, response: { 200: OkResponse, ...errors } },
    },
    async (request) => {
      const known = new Set(ctx.config.notifications.subscribeTemplates)
      const accepted = [...new Set(request.body.accepted)]
      if (accepted.some((id) => !known.has(id))) throw new AppError(400, 'SUBSCRIBE_TEMPLATE_UNKNOWN')
      await repo.addSubscribeQuotas(ctx.db, currentUser(request).id, accepted, ctx.now().toISOString())
      return { ok: true as const }
    },
  )
}
