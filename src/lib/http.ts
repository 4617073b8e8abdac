import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios'
import type { ErrorCode } from '@/contract/error-codes'
import { apiOrigin } from './api-base'
import { parseRetryAfter } from './retry'

/**
 * The server always sends `{ code, message }` with the message in Chinese, so the app keeps only the
 * texts for failures it detects itself; the contract's full table (≈3 KB) stays out of the weapp main package.
 */
const CLIENT_MESSAGES = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
} as const satisfies Partial<Record<ErrorCode, string>>

/** A code in the contract's shape; an answer that is not ours (a proxy's error page) counts as INTERNAL_ERROR. */
const codeOf = (value: unknown): ErrorCode => (typeof value === 'string' && /^[A-Z][A-Z0-9_]{2,63}$/.test(value) ? (value as ErrorCode) : 'INTERNAL_ERROR')
const messageOf = (value: unknown): string => (typeof value === 'string' && value ? value : CLIENT_MESSAGES.INTERNAL_ERROR)

/** Every failed API call ends as one of these, with a Chinese message ready to show. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    /** How long the server asked to wait before trying again (503/429 with Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export interface AuthHooks {
  accessToken(): string | null
  /** Tries to renew the access token: true when a retry may succeed, false when signed out; rejects when offline (still signed in). */
  refresh(): Promise<boolean>
  signedOut(): void
}

let authHooks: AuthHooks | null = null

/** The auth feature plugs itself in here, so this shared client never imports a feature. */
export function installAuthHooks(hooks: AuthHooks) {
  authHooks = hooks
}

/** `Authorization` header for requests that do not go through axios (weapp Taro.uploadFile). */
export function authHeader(): Record<string, string> {
  const token = authHooks?.accessToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/**
 * After a 401 outside axios: renew the access token if that can help (true: try again), otherwise
 * sign out like any other request would.
 */
export async function recoverFromUnauthorized(code: string | undefined): Promise<boolean> {
  if ((code === 'TOKEN_EXPIRED' || code === 'TOKEN_INVALID') && authHooks && (await authHooks.refresh())) return true
  if (authHooks?.accessToken()) authHooks.signedOut()
  return false
}

/** One error shape for answers that did not come through axios: `{ code, message }` from the body. */
export function apiErrorFrom(status: number, body: unknown, retryAfter?: unknown): ApiRequestError {
  if (!status) return new ApiRequestError('NETWORK_ERROR', CLIENT_MESSAGES.NETWORK_ERROR, 0)
  const data = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown }
  return new ApiRequestError(codeOf(data.code), messageOf(data.message), status, parseRetryAfter(retryAfter))
}

export const http = axios.create({ baseURL: `${apiOrigin()}/api`, timeout: 20_000 })

http.interceptors.request.use((config) => {
  const token = authHooks?.accessToken()
  if (token) config.headers.set('Authorization', `Bearer ${token}`)
  return config
})

type RetriableConfig = InternalAxiosRequestConfig & { retriedAfterRefresh?: boolean }

http.interceptors.response.use(undefined, async (error: AxiosError<{ code?: unknown; message?: unknown }>) => {
  const config = error.config as RetriableConfig | undefined
  const status = error.response?.status ?? 0
  const code = error.response?.data?.code
  const tokenProblem = status === 401 && (code === 'TOKEN_EXPIRED' || code === 'TOKEN_INVALID')
  if (tokenProblem && config && !config.retriedAfterRefresh && authHooks) {
    config.retriedAfterRefresh = true
    if (await authHooks.refresh()) return http.request(config)
  }
  if (status === 401 && authHooks?.accessToken()) authHooks.signedOut()
  throw toApiRequestError(error)
})

export function toApiRequestError(error: AxiosError<{ code?: unknown; message?: unknown }>): ApiRequestError {
  const data = error.response?.data
  if (!error.response) return new ApiRequestError('NETWORK_ERROR', CLIENT_MESSAGES.NETWORK_ERROR, 0)
  return new ApiRequestError(codeOf(data?.code), messageOf(data?.message), error.response.status, parseRetryAfter(error.response.headers?.['retry-after']))
}

/** The Chinese text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  return CLIENT_MESSAGES.INTERNAL_ERROR
}

export async function getJson<T>(url: string, params?: Record<string, unknown>): Promise<T> {
  return (await http.get<T>(url, { params })).data
}

export async function postJson<T>(url: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return (await http.post<T>(url, body ?? {}, headers ? { headers } : undefined)).data
}
