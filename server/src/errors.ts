import { ERROR_MESSAGES, type ErrorCode } from '../../src/contract/error-codes'

/** An error the caller can act on: its code and Chinese message are sent as they are. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    /** Sent with the answer, e.g. Retry-After on a 503. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const badRequest = (code: ErrorCode = 'VALIDATION_FAILED', message?: string) => new AppError(400, code, message)
export const unauthenticated = (code: ErrorCode = 'UNAUTHENTICATED') => new AppError(401, code)
export const forbidden = (message?: string) => new AppError(403, 'FORBIDDEN', message)
export const notFound = (message?: string) => new AppError(404, 'NOT_FOUND', message)
