import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback stand-in for api.weixin.qq.com's jscode2session: each code is valid once and maps to
 * the openid registered for it, like the real API.
 */
export async function startFakeWechat(appId: string, secret: string) {
  const openidByCode = new Map<string, string>()
  const used = new Set<string>()
  const requests: URL[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    requests.push(url)
    const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (url.pathname !== '/sns/jscode2session') return res.writeHead(404).end()
    if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
      return reply({ errcode: 40125, errmsg: 'invalid appsecret' })
    }
    const code = url.searchParams.get('js_code') ?? ''
    const openid = openidByCode.get(code)
    if (!openid) return reply({ errcode: 40029, errmsg: 'invalid code' })
    if (used.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' })
    used.add(code)
    reply({ openid, session_key: 'c2Vzc2lvbl9rZXk=' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** A wx.login() result that will resolve to this openid. */
    issueCode(openid: string) {
      const code = `code-${openidByCode.size + 1}-${openid}`
      openidByCode.set(code, openid)
      return code
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
