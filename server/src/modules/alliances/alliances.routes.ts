import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AllianceIdParams, AllianceList, AllianceTransferList } from '../../../../src/contract/alliance'
import type { AppContext } from '../../context'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { staffScope } from '../organizations/organization-scope'
import { allianceTransfers, alliancesFor } from './alliances.service'

const errors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }
const tags = ['消协组织']

export const alliancesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/staff/alliances',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '本组织（或其上级、下级）所在的联盟和成员（联盟移送时选择）', response: { 200: AllianceList, ...errors } },
    },
    async (request) => ({ items: await alliancesFor(ctx.db, await staffScope(ctx.db, currentUser(request).id)) }),
  )

  app.get(
    '/staff/alliances/:id/transfers',
    {
      config: { access: ['staff'] },
      schema: { tags, summary: '联盟内本组织（含下级）移出或收到的投诉，最新的 100 件', params: AllianceIdParams, response: { 200: AllianceTransferList, ...errors } },
    },
    async (request) => allianceTransfers(ctx.db, await staffScope(ctx.db, currentUser(request).id), request.params.id),
  )
}
