import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreditEnterpriseParams, CreditIndex, RankingExport, RankingMonthParams, RankingQuery, RankingResponse } from '../../../../src/contract/credit-index'
import type { AppContext } from '../../context'
import { ApiErrorSchema } from '../../schemas'
import { enterpriseCreditIndex } from './credit-index.service'
import { monthExport, monthRanking } from './credit-rankings.service'

const tags = ['信用公示']
const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema }

/** Public reads only: no route writes, edits or removes a ranking. */
export const creditIndexRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/credit/enterprises/:id',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '企业信用指数：每月投诉、趋势、调解成功率、履行率和上月排名（无需登录）', params: CreditEnterpriseParams, response: { 200: CreditIndex, ...errors } },
    },
    (request) => enterpriseCreditIndex(ctx, request.params.id),
  )
  app.get(
    '/credit/rankings',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '月度红榜、黑榜（无需登录；默认上个月，可按行业、地市筛选）', querystring: RankingQuery, response: { 200: RankingResponse, ...errors } },
    },
    (request) => monthRanking(ctx, request.query),
  )
  app.get(
    '/credit/rankings/:month/inputs',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags, summary: '某月排名的计算数据（公开下载，只有企业名称和件数，可用 scripts/credit/ranking.ts 复算）', params: RankingMonthParams, response: { 200: RankingExport, ...errors } },
    },
    (request) => monthExport(ctx, request.params.month),
  )
}
