import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ReferralDestinationListResponse } from '../../../../src/contract/referral'
import type { AppContext } from '../../context'
import { referralDestinations } from './referrals.service'

export const referralsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/referral-destinations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['处理规则'],
        summary: '可引导的其他受理部门（电话、受理范围、依据和是否已核实；填写投诉时的提示和工作人员“引导至其他部门”用）',
        response: { 200: ReferralDestinationListResponse },
      },
    },
    async () => ({ destinations: await referralDestinations(ctx) }),
  )
}
