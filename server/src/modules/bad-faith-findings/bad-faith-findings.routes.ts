import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AppealFindingRequest,
  DecideFindingRequest,
  EnterpriseFindingParams,
  Finding,
  FindingCaseCandidates,
  FindingCaseCandidatesQuery,
  FindingIdParams,
  FindingList,
  LiftFindingRequest,
  ProposeFindingRequest,
  PublicFindingList,
} from '../../../../src/contract/bad-faith-finding'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { caseCandidates, decideFinding, liftFinding, proposeFinding, staffFindings } from './bad-faith-findings.service'
import { appealFinding, enterpriseFindings } from './finding-appeals.service'
import { enterprisePublicFindings, publicFindings } from './public-findings.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['失信认定']
const who = '（有失信认定权限的工作人员；本组织及下级组织）'

export const badFaithFindingsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/credit-findings',
    { config: { access: 'public' }, schema: { tags, summary: '失信认定公示：已认定、仍在公示期内的（最新在前）', response: { 200: PublicFindingList, ...errors } } },
    () => publicFindings(ctx),
  )

  app.get(
    '/enterprises/:id/credit-findings',
    { config: { access: 'public' }, schema: { tags, summary: '一家企业正在公示的失信认定', params: EnterpriseFindingParams, response: { 200: PublicFindingList, ...errors } } },
    (request) => enterprisePublicFindings(ctx, request.params.id),
  )

  app.get(
    '/staff/credit-findings',
    { config: { access: ['staff'] }, schema: { tags, summary: `失信认定工作台：本组织及下级组织提出的认定${who}`, response: { 200: FindingList, ...errors } } },
    (request) => staffFindings(ctx, currentUser(request)),
  )

  app.get(
    '/staff/credit-findings/cases',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `可关联的投诉：本组织及下级组织办理的、针对该企业的投诉${who}`, querystring: FindingCaseCandidatesQuery, response: { 200: FindingCaseCandidates, ...errors } },
    },
    (request) => caseCandidates(ctx, currentUser(request), request.query.enterpriseId),
  )

  app.post(
    '/staff/credit-findings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `提出失信认定：企业、依据、事实、关联投诉、公示期限；通知企业并开始申辩期${who}`, body: ProposeFindingRequest, response: { 201: Finding, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await proposeFinding(ctx, currentUser(request), request.body)),
  )

  app.post(
    '/staff/credit-findings/:id/decision',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: `复核决定（另一位工作人员，申辩后或申辩期满）：认定并公示，或不予认定${who}`,
        params: FindingIdParams,
        body: DecideFindingRequest,
        response: { 200: Finding, ...errors },
      },
    },
    (request) => decideFinding(ctx, currentUser(request), request.params.id, request.body),
  )

  app.post(
    '/staff/credit-findings/:id/lift',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: `提前撤销公示：第一位工作人员申请，另一位确认后撤销${who}`, params: FindingIdParams, body: LiftFindingRequest, response: { 200: Finding, ...errors } },
    },
    (request) => liftFinding(ctx, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/enterprise/credit-findings',
    { config: { access: ['enterprise'] }, schema: { tags, summary: '本企业的失信认定（企业联络员）', response: { 200: FindingList, ...errors } } },
    (request) => enterpriseFindings(ctx, currentUser(request)),
  )

  app.post(
    '/enterprise/credit-findings/:id/appeal',
    {
      config: { access: ['enterprise'] },
      schema: { tags, summary: '企业申辩（申辩期内一次，可附照片）', params: FindingIdParams, body: AppealFindingRequest, response: { 200: Finding, ...errors } },
    },
    (request) => appealFinding(ctx, currentUser(request), request.params.id, request.body),
  )
}
