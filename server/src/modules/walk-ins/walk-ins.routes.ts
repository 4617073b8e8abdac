import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateComplaintRequest } from '../../../../src/contract/complaint'
import {
  MyStation,
  StartWalkInRequest,
  StationFigures,
  StationFiguresQuery,
  StationRecordList,
  StationRecordsQuery,
  WalkIn,
  WalkInConsentRequest,
  WalkInIdParams,
  WalkInPhotoRequest,
  WalkInPhotos,
} from '../../../../src/contract/walk-in'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { stationFigures } from './station-figures'
import { confirmWalkIn, fileWalkIn, linkCounterPhoto, listStationRecords, myStation, startWalkIn } from './walk-in.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema }
const tags = ['服务站代办']

export const walkInsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/station/mine',
    { config: { access: ['staff'] }, schema: { tags, summary: '我工作的服务站（不在服务站工作的，station 为 null）', response: { 200: MyStation, ...errors } } },
    async (request) => myStation(ctx, currentUser(request)),
  )

  app.post(
    '/station/walk-ins',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '开始代办：给投诉人的手机发送确认同意代办的验证码（只能用于这一次代办，不能用来登录）',
        body: StartWalkInRequest,
        response: { 201: WalkIn, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await startWalkIn(ctx, currentUser(request), request.body, request.ip)),
  )

  app.post(
    '/station/walk-ins/:id/consent',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '投诉人读出验证码：记录同意代办的时间、工作人员、服务站和手机号', params: WalkInIdParams, body: WalkInConsentRequest, response: { 200: WalkIn, ...errors } },
    },
    (request) => confirmWalkIn(ctx, currentUser(request), request.params.id, request.body.code),
  )

  app.post(
    '/station/walk-ins/:id/photos',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '登记为这次代办在柜台拍的照片（先上传照片再登记；没有立案的代办到期删除时照片一并删除）',
        params: WalkInIdParams,
        body: WalkInPhotoRequest,
        response: { 200: WalkInPhotos, ...errors },
      },
    },
    (request) => linkCounterPhoto(ctx, currentUser(request), request.params.id, request.body.evidenceId),
  )

  app.post(
    '/station/walk-ins/:id/complaint',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '提交代办的投诉（归投诉人的账号；同一次代办只立一件，重复提交答 200 和同一件）',
        params: WalkInIdParams,
        body: CreateComplaintRequest,
        response: { 200: WalkIn, 201: WalkIn, ...errors },
      },
    },
    async (request, reply) => {
      const { statusCode, walkIn } = await fileWalkIn(ctx, currentUser(request), request.params.id, request.body)
      return reply.code(statusCode).send(walkIn)
    },
  )

  app.get(
    '/station/walk-ins',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '本站代办记录（最新在前，按 cursor 翻页）', querystring: StationRecordsQuery, response: { 200: StationRecordList, ...errors } },
    },
    (request) => listStationRecords(ctx, currentUser(request), request.query.cursor),
  )

  app.get(
    '/staff/station-figures',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '各服务站每月代办件数（本组织及下级组织的服务站）', querystring: StationFiguresQuery, response: { 200: StationFigures, ...errors } },
    },
    (request) => stationFigures(ctx, currentUser(request), request.query.months),
  )
}
