import type { Config } from '../config'

export interface WechatSession {
  openid: string
  unionid?: string
}

/** -1: system busy; 45011: minute quota reached. Both say "try again shortly" rather than "bad code". */
const BUSY_ERRCODES = new Set([-1, 45011])

export class WechatError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message)
  }

  /** WeChat is busy or rate-limiting, not refusing this code. */
  get busy(): boolean {
    return this.errcode !== undefined && BUSY_ERRCODES.has(this.errcode)
  }
}

export interface WechatClient {
  readonly configured: boolean
  code2Session(code: string): Promise<WechatSession>
}

/** WeChat's `sns/jscode2session`; the base URL is configurable so tests talk to a fake on loopback. */
export function createWechatClient(config: Config['wechat']): WechatClient {
  const { appId, secret, apiBase } = config
  return {
    configured: Boolean(appId && secret),
    async code2Session(code) {
      if (!appId || !secret) throw new WechatError('WeChat login is not configured')
      const query = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' })
      let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string }
      try {
        const response = await fetch(`${apiBase}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(5000) })
        body = (await response.json()) as typeof body
      } catch (error) {
        throw new WechatError(`jscode2session unreachable: ${(error as Error).message}`)
      }
      if (body.errcode || !body.openid) {
        throw new WechatError(`jscode2session errcode ${body.errcode}: ${body.errmsg}`, body.errcode)
      }
      return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) }
    },
  }
}
