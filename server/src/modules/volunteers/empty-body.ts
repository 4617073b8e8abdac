import type { FastifyRequest } from 'fastify'

/** For actions whose body only holds optional fields: a POST with no body at all means `{}`. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {}
}
