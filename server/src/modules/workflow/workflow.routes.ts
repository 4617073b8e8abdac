import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ACTION_REQUESTS, StaffQueueQuery, WorkQueueQuery, WorkQueueResponse, type RequestAction } from '../../../../src/contract/complaint-actions'
import { ComplaintDetail, ComplaintIdParams } from '../../../../src/contract/complaint'
import { WORKFLOW } from '../../../../src/contract/complaint-workflow'
import type { Role } from '../../../../src/contract/roles'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { takeAction } from './workflow.service'
import { enterpriseInbox, staffQueue } from './work-queue.service'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema }
const tags = ['投诉处理']

/**
 * One route per workflow action, made from the contract's table: the roles that may take it are
 * the route's access (others get 403) and its request schema is the body (bad input gets 400).
 */
export const workflowRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  for (const action of Object.keys(ACTION_REQUESTS) as RequestAction[]) {
    const rule = WORKFLOW[action]
    app.post(
      `/complaints/:id/actions/${action}`,
      {
        // Volunteers take the consumer's actions on their own complaints.
        config: { access: rule.roles.flatMap((role): Role[] => (role === 'system' ? [] : role === 'consumer' ? ['consumer', 'volunteer'] : [role])) },
        schema: {
          tags,
          summary: `${rule.label}（${rule.roles.join('、')}；从 ${rule.from.join('、')}${rule.to ? ` 到 ${rule.to}` : ''}）`,
          params: ComplaintIdParams,
          body: ACTION_REQUESTS[action],
          response: { 200: ComplaintDetail, ...errors },
        },
        // Actions whose fields are all optional may be posted without a body.
        preValidation: async (request) => {
          request.body ??= {}
        },
      },
      (request) => takeAction(ctx, currentUser(request), request.params.id, action, request.body),
    )
  }

  app.get(
    '/enterprise/complaints',
    {
      config: { access: ['enterprise'] },
      schema: { tags, summary: '企业待处理投诉（仅本企业；处理中的在前，按期限先后；分页）', querystring: WorkQueueQuery, response: { 200: WorkQueueResponse, ...errors } },
    },
    (request) => enterpriseInbox(ctx, currentUser(request), request.query),
  )

  app.get(
    '/staff/complaints',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '消协工作台投诉队列（默认全部处理中的；assigned=me 只看我承办的；可按状态筛选；分页）', querystring: StaffQueueQuery, response: { 200: WorkQueueResponse, ...errors } },
    },
    (request) => staffQueue(ctx, currentUser(request), request.query),
  )
}
