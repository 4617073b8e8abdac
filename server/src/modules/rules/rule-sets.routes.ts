import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RuleSet, RuleSetCodeParams, RuleSetIdParams, RuleSetListResponse, RuleSetVersionRequest } from '../../../../src/contract/rule-set'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { createRuleSetVersion, currentRuleSet, getRuleSet, listRuleSets } from './rule-sets.service'

const tags = ['处理规则']

export const ruleSetsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/rule-sets',
    {
      config: { access: 'public' },
      schema: { tags, summary: '处理规则（每套规则的最新版本，含条款出处和是否已核实）', response: { 200: RuleSetListResponse } },
    },
    async () => ({ ruleSets: await listRuleSets(ctx) }),
  )

  app.get(
    '/rule-sets/current',
    {
      config: { access: 'public' },
      schema: { tags, summary: '现在立案的投诉适用的处理规则（填写投诉时说明期限用）', response: { 200: RuleSet } },
    },
    () => currentRuleSet(ctx),
  )

  app.get(
    '/rule-sets/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: '某一版处理规则（投诉详情里“依据”指向的版本）', params: RuleSetIdParams, response: { 200: RuleSet, 404: ApiErrorSchema } },
    },
    (request) => getRuleSet(ctx, request.params.id),
  )

  app.post(
    '/staff/rule-sets/:code/versions',
    {
      config: { access: ['staff'] },
      schema: {
        tags,
        summary: '发布处理规则的新版本（需要规则维护权限；旧版本不变，已立案的投诉仍按原版本）',
        params: RuleSetCodeParams,
        body: RuleSetVersionRequest,
        response: { 201: RuleSet, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createRuleSetVersion(ctx, currentUser(request), request.params.code, request.body)),
  )
}
