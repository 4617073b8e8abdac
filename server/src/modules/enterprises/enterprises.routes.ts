import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { AppContext } from '../../context'

export const enterprisesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {}
