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
 * before the same strict Ajv looks at them. Text holding U+0000 is refused everywhere.
 */
export const buildValidator: ValidatorFactory = (externalSchemas) => {
  // Unknown fields are refused (400), not silently dropped.
  const compile = AjvCompiler()(externalSchemas, { customOptions: { coerceTypes: false, removeAdditional: false } })
  return (route) => {
    const validate = compile(route)
    const properties = (route.schema as PartSchema).properties ?? {}
    const coerce = route.httpPart !== 'body'
    const validated = (data: unknown) => {
      if (coerce && data && typeof data === 'object' && !Array.isArray(data)) {
        const fields = data as Record<string, unknown>
        for (const key of Object.keys(fields)) fields[key] = coerceText(fields[key], properties[key])
      }
      const valid = validate(data)
      validated.errors = validate.errors
      const nulAt = valid ? nulCharacterAt(data, '') : null
      if (nulAt === null) return valid
      validated.errors = [{ keyword: 'format', instancePath: nulAt, schemaPath: '', params: {}, message: 'must not contain U+0000' }]
      return false
    }
    validated.errors = null as typeof validate.errors
    return validated as unknown as typeof validate
  }
}

/**
 * Where a text holds U+0000, or null. PostgreSQL cannot store it in text (the write fails with
 * a 500); no form field needs it.
 */
function nulCharacterAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (!value || typeof value !== 'object' || depth > 32) return null
  for (const [key, child] of Object.entries(value)) {
    const found = nulCharacterAt(child, `${path}/${key}`, depth + 1)
    if (found !== null) return found
  }
  return null
}
