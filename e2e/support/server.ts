/**
 * Starts the real API server (which also serves dist/h5) as a child process for end-to-end tests:
 * a free port, a fresh temporary DATA_DIR (new SQLite database, new token secret, demo accounts seeded),
 * stdout collected so the console SMS adapter's login codes can be read back.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const H5_DIR = path.join(ROOT, 'dist', 'h5')

const SERVER_ENTRY = path.join(ROOT, 'server', 'src', 'server.ts')
// Generous: on a loaded 2-core machine two servers starting at once take a while (tsx compiles on start).
// Raise further with E2E_SERVER_START_MS on a machine loaded by other work.
const START_TIMEOUT_MS = Number(process.env.E2E_SERVER_START_MS) || 60_000
const STOP_TIMEOUT_MS = 5_000
/** 【短信】发送给 13800000001 的登录验证码：123456（5 分钟内有效）, …的注销账号验证码、签署调解协议的验证码、同意服务站代办投诉的验证码（…）：… */
const SMS_LINE = /【短信】发送给 (\d+) 的[^：（]*验证码(?:（[^）]*）)?：(\d{6})/

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly baseUrl: string
  readonly port: number
  readonly dataDir: string
  /** Everything the server printed so far (stdout and stderr interleaved). */
  output(): string
  /**
   * The next login code sent to `phone` that this helper has not handed out yet. Waits for it
   * (the request may still be in flight when called). Call it once per 获取验证码 tap.
   */
  waitForSmsCode(phone: string, timeoutMs?: number): Promise<string>
  /** GET/POST/PUT helper against the API, for checks the UI cannot show (e.g. a revoked token). */
  api(method: 'GET' | 'POST' | 'PUT', pathname: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: unknown }>
  /** Signs a phone in through the SMS flow without the UI, for the other side of a two-person story. */
  signIn(phone: string): Promise<ApiSession>
  stop(): Promise<void>
}

export interface ApiSession {
  accessToken: string
  refreshToken: string
  user: { id: string; role: string; phone: string | null; enterprise: { id: string; name: string } | null }
}

export interface StartOptions {
  /** Extra environment for the server, e.g. { ACCESS_TOKEN_TTL_SECONDS: '10' }. */
  env?: Record<string, string>
  /** Listen here instead of a free port (e.g. the same port again after a restart behind a load balancer). */
  port?: number
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))))
    })
  })
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n')
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(
      `dist/h5/index.html is missing (looked in ${H5_DIR}). The e2e tests drive the built H5 app: ` +
        'run `npx taro build --type h5` first.',
    )
  }

  const port = options.port ?? (await freePort())
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-e2e-'))
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const smsCodes: Array<{ phone: string; code: string }> = []
  const handedOut = new Map<string, number>()
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())

  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      H5_DIR,
      SEED_DEMO: 'true',
      SMS_PROVIDER: 'console',
      // Every browser in the run comes from 127.0.0.1: the per-IP limit is not what these tests check.
      SMS_IP_PER_MINUTE: '100',
      SMS_IP_PER_DAY: '1000',
      DATABASE_URL: '',
      TOKEN_SECRET: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  let pending = ''
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    output += text
    pending += text
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const match = SMS_LINE.exec(line)
      if (match) smsCodes.push({ phone: match[1]!, code: match[2]! })
    }
    notify()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      notify()
      resolve()
    })
  })

  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true })

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exit
      clearTimeout(timer)
    }
    cleanUp()
  }

  // Wait for /api/health, failing fast if the process dies (bad config, port taken, missing deps…).
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (exited) {
      cleanUp()
      throw new Error(`the server exited before it was ready (${JSON.stringify(exited)}). Its output:\n${tail(output)}`)
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) })
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the server did not answer ${baseUrl}/api/health within ${START_TIMEOUT_MS} ms. Its output:\n${tail(output)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  function waitForSmsCode(phone: string, timeoutMs = 10_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const seen = handedOut.get(phone) ?? 0
        const forPhone = smsCodes.filter((entry) => entry.phone === phone)
        if (forPhone.length > seen) {
          handedOut.set(phone, seen + 1)
          done()
          resolve(forPhone[seen]!.code)
        } else if (exited) {
          done()
          reject(new Error(`the server exited while waiting for an SMS code for ${phone}. Its output:\n${tail(output)}`))
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`no SMS code for ${phone} appeared in the server output within ${timeoutMs} ms. Its output:\n${tail(output)}`))
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      check()
    })
  }

  async function api(method: 'GET' | 'POST' | 'PUT', pathname: string, { token, body }: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {}
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${baseUrl}/api${pathname}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed }
  }

  async function signIn(phone: string): Promise<ApiSession> {
    await api('POST', '/auth/sms-code', { body: { phone } })
    const code = await waitForSmsCode(phone)
    const { status, body } = await api('POST', '/auth/phone', { body: { phone, code } })
    if (status !== 200) throw new Error(`signing ${phone} in failed: ${status} ${JSON.stringify(body)}`)
    return body as ApiSession
  }

  return { baseUrl, port, dataDir, output: () => output, waitForSmsCode, api, signIn, stop }
}
