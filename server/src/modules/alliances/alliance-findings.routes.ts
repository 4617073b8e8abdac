import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AllianceIdParams } from '../../../../src/contract/alliance'
import { AllianceFinding, FindingFeed, FindingFeedQuery, MatchingFindings, PublishFindingRequest } from '../../../../src/contract/alliance-finding'
import { ComplaintIdParams } from '../../../../src/contract/complaint'
import { GroupIdParams } from '../../../../src/contract/complaint-group'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { findingFeed, findingsForComplaint, findingsForGroup, publishFinding } from './alliance-findings.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['消协组织']

export const allianceFindingsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/alliances/:id/findings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '联盟共享发现（最新在前，按 cursor 翻页；只有成员组织及其下级的工作人员能看）', params: AllianceIdParams, querystring: FindingFeedQuery, response: { 200: FindingFeed, ...errors } },
    },
    (request) => findingFeed(ctx, currentUser(request), request.params.id, request.query.cursor),
  )

  app.post(
    '/staff/alliances/:id/findings',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '向联盟发布发现：商家、问题、件数，可附本会的集体投诉或消费警示',
        params: AllianceIdParams,
        body: PublishFindingRequest,
        response: { 201: AllianceFinding, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await publishFinding(ctx, currentUser(request), request.params.id, request.body)),
  )

  app.get(
    '/complaints/:id/alliance-findings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '联盟成员已发现：本组织所在联盟里关于这件投诉的商家的发现', params: ComplaintIdParams, response: { 200: MatchingFindings, ...errors } },
    },
    (request) => findingsForComplaint(ctx, currentUser(request), request.params.id),
  )

  app.get(
    '/staff/groups/:id/alliance-findings',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '联盟成员已发现：本组织所在联盟里关于这个集体投诉的商家的发现', params: GroupIdParams, response: { 200: MatchingFindings, ...errors } },
    },
    (request) => findingsForGroup(ctx, currentUser(request), request.params.id),
  )
}
