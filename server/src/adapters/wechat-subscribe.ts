import type { Db } from '../db/database'
import { WechatError } from './wechat'

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** Mini-program page with query, without the leading slash. */
  page: string
  data: Record<string, string>
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export interface SubscribeSender {
  readonly configured: boolean
  send(message: SubscribeMessage): Promise<void>
}

/** Errcodes meaning the access token is no longer valid: fetch a new one and retry once. */
const TOKEN_INVALID = new Set([40001, 42001, 40014])
/** Refresh a token this long before WeChat says it expires, so no request carries a dying token. */
const EXPIRY_MARGIN_MS = 5 * 60_000

/**
 * `message/subscribe/send` with an access token from `cgi-bin/token`, cached in the wechat_tokens
 * table (shared by every process) and in memory until shortly before it expires.
 */
export function createSubscribeSender(args: {
  db: Db
  appId: string | undefined
  secret: string | undefined
  apiBase: string
  now: () => Date
}): SubscribeSender {
  const { db, appId, secret, apiBase, now } = args
  let cached: { token: string; expiresAt: number } | null = null

  async function fetchToken(): Promise<string> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId!, secret: secret! })
    const body = await call<{ access_token?: string; expires_in?: number }>(`${apiBase}/cgi-bin/token?${query}`)
    if (!body.access_token) throw new WechatError(`cgi-bin/token errcode ${body.errcode}: ${body.errmsg}`, body.errcode)
    const expiresAt = now().getTime() + (body.expires_in ?? 7200) * 1000 - EXPIRY_MARGIN_MS
    const row = { app_id: appId!, access_token: body.access_token, expires_at: new Date(expiresAt).toISOString() }
    await db
      .insertInto('wechat_tokens')
      .values(row)
      .onConflict((oc) => oc.column('app_id').doUpdateSet({ access_token: row.access_token, expires_at: row.expires_at }))
      .execute()
    cached = { token: body.access_token, expiresAt }
    return body.access_token
  }

  async function token(): Promise<string> {
    if (cached && cached.expiresAt > now().getTime()) return cached.token
    const stored = await db.selectFrom('wechat_tokens').selectAll().where('app_id', '=', appId!).executeTakeFirst()
    if (stored && Date.parse(stored.expires_at) > now().getTime()) {
      cached = { token: stored.access_token, expiresAt: Date.parse(stored.expires_at) }
      return stored.access_token
    }
    return fetchToken()
  }

  async function post(accessToken: string, message: SubscribeMessage) {
    return call(`${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
      miniprogram_state: message.miniprogramState,
      lang: 'zh_CN',
    })
  }

  return {
    configured: Boolean(appId && secret),
    async send(message) {
      if (!appId || !secret) throw new WechatError('WeChat is not configured')
      let body = await post(await token(), message)
      if (body.errcode && TOKEN_INVALID.has(body.errcode)) {
        cached = null
        body = await post(await fetchToken(), message)
      }
      if (body.errcode) throw new WechatError(`subscribe/send errcode ${body.errcode}: ${body.errmsg}`, body.errcode)
    },
  }
}

type WechatReply<T> = T & { errcode?: number; errmsg?: string }

async function call<T = object>(url: string, json?: object): Promise<WechatReply<T>> {
  try {
    const response = await fetch(url, {
      method: json ? 'POST' : 'GET',
      ...(json ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) } : {}),
      signal: AbortSignal.timeout(5000),
    })
    return (await response.json()) as WechatReply<T>
  } catch (error) {
    throw new WechatError(`WeChat unreachable: ${(error as Error).message}`)
  }
}
