import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AnswerSessionRequest,
  MarkReadRequest,
  PostRoomMessageRequest,
  ProposeSessionRequest,
  RecordAbsenceRequest,
  RoomMessage,
  RoomMessagePage,
  RoomMessagesQuery,
  RoomParams,
  RoomSessionParams,
  RoomState,
  RoomThreadParams,
} from '../../../../src/contract/mediation'
import { Type } from '@sinclair/typebox'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { answerSession, proposeSession, recordAbsence } from './mediation-sessions.service'
import { heartbeat, listMessages, markThreadRead, postMessage, roomState } from './mediation.service'

const tags = ['调解室']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const PARTIES = ['consumer', 'volunteer', 'enterprise', 'staff'] as const
const access = { access: PARTIES }

/** The mediation room of a case (issue #17): who may read which thread is decided in mediation-access.ts. */
export const mediationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/complaints/:id/room',
    {
      config: access,
      schema: {
        tags,
        summary: '调解室概况（可看的对话、未读、在场的人、下次调解）；还没有调解室（未受理或已结束）答 204',
        params: RoomParams,
        response: { 200: RoomState, 204: Type.Null({ description: '这件投诉目前没有调解室' }), ...errors },
      },
    },
    // Every complaint page asks whether to show the room's entry: "no room" is an answer, not an error.
    async (request, reply) => {
      try {
        return await roomState(ctx, currentUser(request), request.params.id)
      } catch (error) {
        if (error instanceof AppError && error.code === 'ROOM_NOT_OPEN') return reply.code(204).send(null)
        throw error
      }
    },
  )

  app.post(
    '/complaints/:id/room/heartbeat',
    { config: access, schema: { tags, summary: '我在调解室（约每 20 秒一次）', params: RoomParams, response: { 200: RoomState, ...errors } } },
    (request) => heartbeat(ctx, currentUser(request), request.params.id),
  )

  app.get(
    '/complaints/:id/room/threads/:thread/messages',
    {
      config: access,
      schema: { tags, summary: '一段对话的消息（按序号分页，旧的在前）', params: RoomThreadParams, querystring: RoomMessagesQuery, response: { 200: RoomMessagePage, ...errors } },
    },
    (request) => listMessages(ctx, currentUser(request), request.params.id, request.params.thread, request.query),
  )

  app.post(
    '/complaints/:id/room/threads/:thread/messages',
    { config: access, schema: { tags, summary: '发言（文字和/或照片；发出后不能修改）', params: RoomThreadParams, body: PostRoomMessageRequest, response: { 200: RoomMessage, ...errors } } },
    (request) => postMessage(ctx, currentUser(request), request.params.id, request.params.thread, request.body),
  )

  app.post(
    '/complaints/:id/room/threads/:thread/read',
    { config: access, schema: { tags, summary: '标记已读到某条消息', params: RoomThreadParams, body: MarkReadRequest, response: { 200: RoomState, ...errors } } },
    (request) => markThreadRead(ctx, currentUser(request), request.params.id, request.params.thread, request.body.seq),
  )

  app.post(
    '/complaints/:id/room/sessions',
    { config: { access: ['staff'] }, schema: { tags, summary: '调解员安排调解时间', params: RoomParams, body: ProposeSessionRequest, response: { 200: RoomState, ...errors } } },
    (request) => proposeSession(ctx, currentUser(request), request.params.id, request.body.startsAt),
  )

  app.post(
    '/complaints/:id/room/sessions/:sessionId/answer',
    {
      config: { access: ['consumer', 'volunteer', 'enterprise'] },
      schema: { tags, summary: '确认调解时间，或请求换个时间', params: RoomSessionParams, body: AnswerSessionRequest, response: { 200: RoomState, ...errors } },
    },
    (request) => answerSession(ctx, currentUser(request), request.params.id, request.params.sessionId, request.body),
  )

  app.post(
    '/complaints/:id/room/sessions/:sessionId/absences',
    { config: { access: ['staff'] }, schema: { tags, summary: '记录一方无正当理由缺席', params: RoomSessionParams, body: RecordAbsenceRequest, response: { 200: RoomState, ...errors } } },
    (request) => recordAbsence(ctx, currentUser(request), request.params.id, request.params.sessionId, request.body),
  )
}
