import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedSubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
}

/**
 * A loopback stand-in for api.weixin.qq.com: jscode2session (each code is valid once and maps to the
 * openid registered for it), cgi-bin/token and message/subscribe/send, with switches to make the
 * send fail, refuse with 43101, expire the token or hold requests open.
 */
export async function startFakeWechat(appId: string, secret: string) {
  const openidByCode = new Map<string, string>()
  const used = new Set<string>()
  const requests: URL[] = []
  /** Messages WeChat accepted (answered errcode 0), in order. */
  const delivered: ReceivedSubscribeMessage[] = []
  const validTokens = new Set<string>()
  let tokensIssued = 0
  const switches = {
    /** Answer the next N sends with errcode -1 (system busy). */
    failNext: 0,
    /** Answer sends to these openids with 43101 (user refused / no quota). */
    refuseOpenids: new Set<string>(),
    /** Hold the next N sends without answering; a held send counts only if the client still waits at release. */
    holdNext: 0,
    /** Milliseconds before answering each send (for throughput measurements under latency). */
    delayMs: 0,
    /** Answer the next jscode2session calls with these errcodes (e.g. -1 busy), leaving the code unused. */
    loginErrcodes: [] as number[],
  }
  const held: Array<{ answer: () => void; req: IncomingMessage }> = []

  const handleSend = (url: URL, body: string, req: IncomingMessage, reply: (b: object) => void) => {
    const token = url.searchParams.get('access_token') ?? ''
    if (!validTokens.has(token)) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
    const message = JSON.parse(body) as ReceivedSubscribeMessage
    const answer = () => {
      if (switches.failNext > 0) {
        switches.failNext -= 1
        return reply({ errcode: -1, errmsg: 'system error' })
      }
      if (switches.refuseOpenids.has(message.touser)) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
      delivered.push(message)
      reply({ errcode: 0, errmsg: 'ok' })
    }
    if (switches.holdNext > 0) {
      switches.holdNext -= 1
      // A request whose client died before WeChat answered is treated as not processed.
      held.push({ req, answer: () => {
        if (!req.socket.destroyed) answer()
      } })
      return
    }
    if (switches.delayMs) setTimeout(answer, switches.delayMs)
    else answer()
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    requests.push(url)
    const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      if (url.pathname === '/cgi-bin/token') {
        if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
          return reply({ errcode: 40125, errmsg: 'invalid appsecret' })
        }
        tokensIssued += 1
        const token = `token-${tokensIssued}`
        validTokens.add(token)
        return reply({ access_token: token, expires_in: 7200 })
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') return handleSend(url, body, req, reply)
      if (url.pathname !== '/sns/jscode2session') return res.writeHead(404).end()
      if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' })
      }
      const errcode = switches.loginErrcodes.shift()
      if (errcode !== undefined) return reply({ errcode, errmsg: errcode === -1 ? 'system error' : 'api minute-quota reach limit' })
      const code = url.searchParams.get('js_code') ?? ''
      const openid = openidByCode.get(code)
      if (!openid) return reply({ errcode: 40029, errmsg: 'invalid code' })
      if (used.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' })
      used.add(code)
      reply({ openid, session_key: 'c2Vzc2lvbl9rZXk=' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    switches,
    /** How many times cgi-bin/token was called. */
    tokenRequests: () => requests.filter((url) => url.pathname === '/cgi-bin/token').length,
    sendRequests: () => requests.filter((url) => url.pathname === '/cgi-bin/message/subscribe/send').length,
    /** Invalidates every issued token, as when WeChat expires one early or another server refreshed it. */
    expireTokens: () => validTokens.clear(),
    heldCount: () => held.length,
    /** Held requests whose client is still connected (a killed client's socket closes a moment after it dies). */
    heldOpenCount: () => held.filter(({ req }) => !req.socket.destroyed).length,
    releaseHeld: () => held.splice(0).forEach(({ answer }) => answer()),
    /** A wx.login() result that will resolve to this openid. */
    issueCode(openid: string) {
      const code = `code-${openidByCode.size + 1}-${openid}`
      openidByCode.set(code, openid)
      return code
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
