import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UserProfile } from '../../../../src/contract/auth'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { currentUser } from '../../plugins/access'
import { ApiErrorSchema } from '../../schemas'
import { findUserById } from './user.repository'
import { toUserProfile } from './user.service'

export const usersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/me',
    {
      config: { access: 'user' },
      schema: { tags: ['用户'], summary: '当前登录用户', response: { 200: UserProfile, 401: ApiErrorSchema } },
    },
    async (request) => {
      const user = await findUserById(ctx.db, currentUser(request).id)
      if (!user) throw notFound()
      return toUserProfile(ctx.db, user)
    },
  )
}
