import AjvCompiler from '@fastify/ajv-compiler'
import type { FastifyInstance, preSerializationHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { remembered } from './compiled-schemas'

interface ListSchema {
  properties?: { items?: { type?: string; items?: object } }
}

/**
 * One bad row must not take a whole list down: an item its own response schema refuses (a stored
 * Infinity, a missing field) would make the serializer throw and the list answer 500 for everyone.
 * Such an item is logged with its id and left out; the rest of the page is served.
 */
const itemValidators = new Map<string, unknown>()
const strictCompiler = () => AjvCompiler()({}, { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false } })

export const listGuard = fp(async (app: FastifyInstance) => {
  let compile: ReturnType<typeof strictCompiler> | undefined
  app.addHook('onRoute', (route) => {
    const response = (route.schema?.response ?? {}) as Record<string, ListSchema | undefined>
    const itemSchema = response[200]?.properties?.items
    if (itemSchema?.type !== 'array' || !itemSchema.items) return
    const schema = itemSchema.items
    const isServable = remembered(itemValidators, schema, () => (compile ??= strictCompiler())({ schema, method: route.method as string, url: route.url, httpPart: 'response' }))
    const dropBadItems: preSerializationHookHandler<unknown> = async (request, _reply, payload) => {
      const list = payload as { items?: unknown } | null
      if (!list || !Array.isArray(list.items)) return payload
      const kept = list.items.filter((item) => {
        if (isServable(item)) return true
        request.log.error({ id: (item as { id?: unknown } | null)?.id, errors: isServable.errors }, 'list item left out: it does not match its schema')
        return false
      })
      return kept.length === list.items.length ? payload : { ...list, items: kept }
    }
    route.preSerialization = [route.preSerialization ?? []].flat().concat(dropBadItems)
  })
})
