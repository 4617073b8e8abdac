import type { Config } from '../config'

export interface WechatSession {
  openid: string
  unionid?: string
}

export class WechatError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message)
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
