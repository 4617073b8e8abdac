import Taro from '@tarojs/taro'
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

/** `Authorization` header, also for requests that do not go through this client (uploads). */
export function authHeader(): Record<string, string> {
  const token = authHooks?.accessToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/**
 * After a 401: renew the access token if that can help (true: try again), otherwise
 * sign out like any other request would.
 */
export async function recoverFromUnauthorized(code: string | undefined): Promise<boolean> {
  if ((code === 'TOKEN_EXPIRED' || code === 'TOKEN_INVALID') && authHooks && (await authHooks.refresh())) return true
  if (authHooks?.accessToken()) authHooks.signedOut()
  return false
}

/** One error shape for every failed answer: `{ code, message }` from the body. */
export function apiErrorFrom(status: number, body: unknown, retryAfter?: unknown): ApiRequestError {
  if (!status) return new ApiRequestError('NETWORK_ERROR', CLIENT_MESSAGES.NETWORK_ERROR, 0)
  const data = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown }
  return new ApiRequestError(codeOf(data.code), messageOf(data.message), status, parseRetryAfter(retryAfter))
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

interface Answer {
  status: number
  body: unknown
  retryAfter?: unknown
}

const TIMEOUT_MS = 20_000

/** `?a=1&b=x`, leaving out absent values (as `undefined` would otherwise be sent as the text "undefined"). */
function queryString(params?: Record<string, unknown>): string {
  const pairs = Object.entries(params ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`))
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/** weapp hands back the text when it is not JSON (and test doubles may too). */
function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

/** Response headers may come with any capitalisation. */
function headerValue(header: Record<string, unknown> | undefined, name: string): unknown {
  const key = Object.keys(header ?? {}).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : header![key]
}

/**
 * One request through Taro.request (wx.request on weapp, fetch on H5: both already in the app, where axios
 * cost ~48 KB of the weapp main package and ~12 KB gzip of every H5 first load). Any HTTP status resolves;
 * only a failed connection or the timeout gives status 0.
 */
async function send(method: Method, url: string, params?: Record<string, unknown>, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
  try {
    const res = await Taro.request({
      url: `${apiOrigin()}/api${url}${queryString(params)}`,
      method: method as 'GET',
      data: method === 'GET' ? undefined : (body ?? {}),
      header: { ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }), ...authHeader(), ...headers },
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
    return { status: res.statusCode, body: parsed(res.data), retryAfter: headerValue(res.header, 'retry-after') }
  } catch {
    return { status: 0, body: null }
  }
}

const codeIn = (body: unknown): string | undefined => {
  const code = (body as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Sends with the access token; after a 401 for an expired token, renews it once and sends again. */
async function request<T>(method: Method, url: string, params?: Record<string, unknown>, body?: unknown, headers?: Record<string, string>): Promise<T> {
  let answer = await send(method, url, params, body, headers)
  if (answer.status === 401 && (await recoverFromUnauthorized(codeIn(answer.body)))) {
    answer = await send(method, url, params, body, headers)
    if (answer.status === 401 && authHooks?.accessToken()) authHooks.signedOut()
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body as T
  throw apiErrorFrom(answer.status, answer.body, answer.retryAfter)
}

/** The Chinese text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  return CLIENT_MESSAGES.INTERNAL_ERROR
}

export function getJson<T>(url: string, params?: Record<string, unknown>): Promise<T> {
  return request<T>('GET', url, params)
}

export function postJson<T>(url: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return request<T>('POST', url, undefined, body, headers)
}

export function putJson<T>(url: string, body: unknown): Promise<T> {
  return request<T>('PUT', url, undefined, body)
}

/** H5 only: wx.request has no PATCH. */
export function patchJson<T>(url: string, body: unknown): Promise<T> {
  return request<T>('PATCH', url, undefined, body)
}
