import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import type { ValidatorFactory } from '@fastify/ajv-compiler'

/**
 * Compiling every route's validators and serializers is most of the cost of building the app
 * (about 0.6 s for 200+ routes). A process that builds the app more than once — each test, a second
 * instance in the cluster tests — reuses what an earlier build compiled for the same schema. The
 * compiled functions depend only on the schema, the shared schemas and the options, which are
 * all in the key; symbol-keyed TypeBox markers are not part of JSON Schema and drop out of it.
 * The compiler itself (a new Ajv with its formats) is only made when something is not cached.
 */
export function remembered<T>(cache: Map<string, unknown>, key: unknown, compile: () => T): T {
  const text = typeof key === 'string' ? key : JSON.stringify(key)
  if (!cache.has(text)) cache.set(text, compile())
  return cache.get(text) as T
}

function lazily<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

const validators = new Map<string, unknown>()

export function reusingValidators(factory: ValidatorFactory): ValidatorFactory {
  return (externalSchemas, options) => {
    const compiler = lazily(() => factory(externalSchemas, options))
    const shared = JSON.stringify([externalSchemas, options])
    return (route) => remembered(validators, [shared, route.httpPart, route.schema], () => compiler()(route))
  }
}

type SerializerFactory = ReturnType<typeof SerializerSelector>
const serializers = new Map<string, unknown>()

export function reusingSerializers(factory: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compiler = lazily(() => factory(externalSchemas, options))
    const shared = JSON.stringify([externalSchemas, options])
    return (route) => remembered(serializers, [shared, route.schema], () => compiler()(route))
  }
}
