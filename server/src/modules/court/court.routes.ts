import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ComplaintIdParams } from '../../../../src/contract/complaint'
import { CourtHandOff, CourtReferralFields, NewCourtCaseRequest, NewCourtCaseResponse } from '../../../../src/contract/court'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { courtHandOff } from './court-hand-off.service'
import { referExistingComplaint, referNewCase } from './court-referral.service'
import { buildJudicialPacket } from './judicial-packet.service'
import { issueLitigationLetter, openLitigationLetter } from './litigation-letter.service'

const tags = ['法院对接']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`

/** The court hand-off of issue #17: 诉前委托调解, 支持诉讼函 and the 司法确认 materials. */
export const courtRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/complaints/:id/court',
    {
      config: { access: ['consumer', 'volunteer', 'staff'] },
      schema: { tags, summary: '本案的法院委托、支持诉讼函，以及工作人员现在能做的法院对接步骤', params: ComplaintIdParams, response: { 200: CourtHandOff, ...errors } },
    },
    (request) => courtHandOff(ctx, currentUser(request), request.params.id),
  )

  app.post(
    '/staff/complaints/:id/court-referral',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '登记法院诉前委托调解（已在本会投诉的案件）；案号重复答 409', params: ComplaintIdParams, body: CourtReferralFields, response: { 201: CourtHandOff, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await referExistingComplaint(ctx, currentUser(request), request.params.id, request.body)),
  )

  app.post(
    '/staff/court-referrals',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '登记法院诉前委托调解并为消费者立案（消费者未在本会投诉过）；案号重复答 409，不立案',
        body: NewCourtCaseRequest,
        response: { 201: NewCourtCaseResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await referNewCase(ctx, currentUser(request), request.body)),
  )

  app.post(
    '/staff/complaints/:id/litigation-letter',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '出具支持诉讼函（仅调解未成功的案件；每案一份）', params: ComplaintIdParams, response: { 201: CourtHandOff, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await issueLitigationLetter(ctx, currentUser(request), request.params.id)),
  )

  app.get(
    '/complaints/:id/litigation-letter/pdf',
    {
      config: { access: ['consumer', 'volunteer', 'staff'] },
      schema: { tags, summary: '下载支持诉讼函 PDF（投诉的消费者和工作人员）', params: ComplaintIdParams },
    },
    async (request, reply) => {
      const letter = await openLitigationLetter(ctx, currentUser(request), request.params.id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(`litigation-letter-${letter.complaintNumber}.pdf`, letter.fileName))
        .header('cache-control', 'private, no-store')
        .send(letter.stream)
    },
  )

  app.get(
    '/staff/complaints/:id/judicial-confirmation-packet',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '导出司法确认申请材料（zip：封面、调解协议书、当事人信息、证据清单、manifest.json）；协议未生效答 409',
        params: ComplaintIdParams,
        response: { 200: Type.String({ format: 'binary', description: 'application/zip' }), ...errors },
      },
    },
    async (request, reply) => {
      const packet = await buildJudicialPacket(ctx, currentUser(request), request.params.id)
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachment(packet.fileName, packet.fileName))
        .header('cache-control', 'no-store')
        .send(packet.zip as unknown as string)
    },
  )
}
