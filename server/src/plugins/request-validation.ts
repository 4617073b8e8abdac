import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler'

interface PartSchema {
  type?: string | string[]
  anyOf?: PartSchema[]
  properties?: Record<string, PartSchema>
  items?: PartSchema
}

const WHOLE_NUMBER = /^-?\d{1,16}$/
const DECIMAL = /^-?\d{1,16}(\.\d{1,16})?$/

function typesOf(schema: PartSchema | undefined): Set<string> {
  const types = new Set<string>()
  if (!schema) return types
  for (const type of [schema.type ?? []].flat()) types.add(type)
  for (const member of schema.anyOf ?? []) for (const type of typesOf(member)) types.add(type)
  return types
}

/** A query or path value as the schema wants it: only plain digits become numbers ("1e3", "0x10", "Infinity" and "" stay text and fail). */
function coerceText(value: unknown, schema: PartSchema | undefined): unknown {
  const types = typesOf(schema)
  if (Array.isArray(value)) return types.has('array') ? value.map((item) => coerceText(item, schema?.items)) : value
  if (typeof value !== 'string') return value
  if (types.has('string')) return value
  if (types.has('array')) return [coerceText(value, schema?.items)]
  if (types.has('integer') && WHOLE_NUMBER.test(value)) return Number(value)
  if (types.has('number') && DECIMAL.test(value)) return Number(value)
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/**
 * Fastify's default Ajv coerces every part with `coerceTypes: 'array'`, so a JSON body's
 * "Infinity", "0x10", "1e3" or `true` passed as a number. Bodies are now validated as sent;
 * query strings, path params and headers (text by nature) turn plain digit strings into numbers
 * before the same strict Ajv looks at them.
 */
export const buildValidator: ValidatorFactory = (externalSchemas) => {
  // Unknown fields are refused (400), not silently dropped.
  const compile = AjvCompiler()(externalSchemas, { customOptions: { coerceTypes: false, removeAdditional: false } })
  return (route) => {
    const validate = compile(route)
    if (route.httpPart === 'body') return validate
    const properties = (route.schema as PartSchema).properties ?? {}
    const validateText = (data: unknown) => {
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const fields = data as Record<string, unknown>
        for (const key of Object.keys(fields)) fields[key] = coerceText(fields[key], properties[key])
      }
      const valid = validate(data)
      validateText.errors = validate.errors
      return valid
    }
    validateText.errors = null as typeof validate.errors
    return validateText as unknown as typeof validate
  }
}
