import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AgreementDraft,
  AgreementEditRequest,
  AgreementResponse,
  AgreementVerification,
  SHA256_PATTERN,
  SignRequest,
  SigningCodeRequest,
  SigningCodeResponse,
} from '../../../../src/contract/mediation-agreement'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { openAgreementCase } from './agreement-access'
import { ensureAgreementPdf } from './agreement-documents'
import { draftAgreement, editAgreement } from './agreement-drafting.service'
import { requestSigningCode, signAgreement } from './agreement-signing.service'
import { verifyAgreementHash } from './agreement-verification.service'
import { agreementResponse } from './agreement-view'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 429: ApiErrorSchema, 502: ApiErrorSchema }
const ComplaintParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
const tags = ['调解协议书']

export const mediationAgreementsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/complaints/:id/agreement',
    {
      config: { access: ['consumer', 'volunteer', 'enterprise', 'staff'] },
      schema: { tags, summary: '查看调解协议书（当事人和承办组织）', params: ComplaintParams, response: { 200: AgreementResponse, ...errors } },
    },
    async (request) => agreementResponse(ctx, await openAgreementCase(ctx, currentUser(request), request.params.id)),
  )

  app.post(
    '/staff/complaints/:id/agreement',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '调解员起草调解协议书（第 1 版）', params: ComplaintParams, body: AgreementDraft, response: { 201: AgreementResponse, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await draftAgreement(ctx, currentUser(request), request.params.id, request.body)),
  )

  app.put(
    '/staff/complaints/:id/agreement',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '修改调解协议书（生成新版本，已有签名作废）', params: ComplaintParams, body: AgreementEditRequest, response: { 200: AgreementResponse, ...errors } },
    },
    (request) => editAgreement(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/complaints/:id/agreement/signing-code',
    {
      config: { access: ['consumer', 'volunteer', 'enterprise'] },
      schema: { tags, summary: '向本人手机发送签署验证码', params: ComplaintParams, body: SigningCodeRequest, response: { 200: SigningCodeResponse, ...errors } },
    },
    (request) => requestSigningCode(ctx, currentUser(request), request.params.id, request.body.textSha256, request.ip),
  )

  app.post(
    '/complaints/:id/agreement/signature',
    {
      config: { access: ['consumer', 'volunteer', 'enterprise'] },
      schema: { tags, summary: '输入验证码签署当前版本', params: ComplaintParams, body: SignRequest, response: { 200: AgreementResponse, ...errors } },
    },
    (request) => signAgreement(ctx, currentUser(request), request.params.id, request.body, request.ip),
  )

  app.get(
    '/complaints/:id/agreement/pdf',
    {
      config: { access: ['consumer', 'volunteer', 'enterprise', 'staff'] },
      schema: { tags, summary: '下载已生效的调解协议书 PDF', params: ComplaintParams },
    },
    async (request, reply) => {
      const { complaint } = await openAgreementCase(ctx, currentUser(request), request.params.id)
      const pdf = await ensureAgreementPdf(ctx, complaint.id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="agreement-${complaint.number}.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.name)}`)
        .header('cache-control', 'private, no-store')
        .send(await ctx.storage.getStream(pdf.key))
    },
  )

  app.get(
    '/agreement-verifications/:hash',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '核验调解协议书（任何人可用：协议文本或 PDF 文件的 SHA-256）',
        params: Type.Object({ hash: Type.String({ pattern: SHA256_PATTERN }) }),
        response: { 200: AgreementVerification, ...errors },
      },
    },
    (request) => verifyAgreementHash(ctx, request.params.hash),
  )
}
