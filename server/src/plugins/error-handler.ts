import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ERROR_MESSAGES, type ErrorCode } from '../../../src/contract/error-codes'
import { isCheckViolation } from '../db/database'
import { AppError } from '../errors'

interface ValidationIssue {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

function fieldName(issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.')
  if (issue.keyword === 'required') return [path, String(issue.params.missingProperty)].filter(Boolean).join('.')
  if (issue.keyword === 'additionalProperties') return String(issue.params.additionalProperty)
  return path || '请求内容'
}

/** One Chinese sentence for the first schema violation. */
export function describeValidation(issues: ValidationIssue[]): string {
  const issue = issues[0]
  if (!issue) return ERROR_MESSAGES.VALIDATION_FAILED
  const field = `「${fieldName(issue)}」`
  switch (issue.keyword) {
    case 'required':
      return `缺少必填项${field}`
    case 'additionalProperties':
      return `不支持的字段${field}`
    case 'type':
      return `${field}的类型不正确`
    case 'minLength':
      return `${field}太短了`
    case 'maxLength':
      return `${field}太长了`
    case 'minimum':
    case 'maximum':
      return `${field}超出允许范围`
    case 'enum':
      return `${field}不是允许的取值`
    default:
      return `${field}格式不正确`
  }
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_JSON'],
}

const GENERIC_CODES: Record<number, ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' }

/** Turns every error into `{ code, message }`; details of 5xx stay in the log, never in the answer. */
export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A value the database refuses (see the numeric-checks migration) is bad input that slipped past the schema.
    if (isCheckViolation(error) || (error instanceof AppError && isCheckViolation(error.cause))) {
      request.log.warn({ err: error }, 'database refused a value')
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: '提交的数值超出允许范围，请检查后重试' })
    }
    if (error instanceof AppError) {
      // A 503 is the server shedding load on purpose (the caller retries after Retry-After), not a fault.
      if (error.statusCode >= 500 && error.statusCode !== 503) request.log.error({ err: error.cause ?? error }, error.message)
      return reply.status(error.statusCode).headers(error.headers).send({ code: error.code, message: error.message })
    }
    if (error.validation) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: describeValidation(error.validation as ValidationIssue[]) })
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined
    if (known || error instanceof SyntaxError) {
      const [status, code] = known ?? [400, 'INVALID_JSON' as const]
      return reply.status(status).send({ code, message: ERROR_MESSAGES[code] })
    }
    if (error.statusCode === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED })
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = GENERIC_CODES[error.statusCode] ?? 'VALIDATION_FAILED'
      return reply.status(error.statusCode).send({ code, message: ERROR_MESSAGES[code] })
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({ code: 'INTERNAL_ERROR', message: ERROR_MESSAGES.INTERNAL_ERROR })
  })
})
