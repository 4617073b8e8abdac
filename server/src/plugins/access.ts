import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Role } from '../../../src/contract/roles'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { authenticate, type AuthUser } from '../modules/auth/auth.service'

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'user' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    authUser: AuthUser | null
  }
}

/** The signed-in caller; only for routes whose access is not 'public'. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.authUser) throw new AppError(401, 'UNAUTHENTICATED')
  return request.authUser
}

/**
 * Every API route must declare `config.access`. A route that forgets it answers 403 to everyone
 * (default deny), and the route list test names it.
 */
export const accessControl = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('authUser', null)
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) app.log.error(`route ${route.method} ${route.url} declares no access: it will deny everyone`)
  })
  app.addHook('onRequest', async (request) => {
    if (request.is404) return
    const access = request.routeOptions.config.access
    if (!access) throw new AppError(403, 'FORBIDDEN')
    if (access === 'public') return
    const user = await authenticate(opts.ctx, request.headers.authorization)
    request.authUser = user
    if (access !== 'user' && !access.includes(user.role)) throw new AppError(403, 'FORBIDDEN')
  })
})
