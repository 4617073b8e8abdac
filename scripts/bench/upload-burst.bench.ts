// Bursts of concurrent 10 MB photo uploads against a real server process (server/src/server.ts on
// SQLite, disk storage): 50, then 100 at once, each scenario on a fresh process. Prints the server's
// peak RSS (VmHWM) and its RSS 5 s after the burst, /api/health latency probed every 10 ms during the
// burst, each upload's own latency and the answers it got. Each photo is a different 12 MP JPEG of
// ~9.5 MB (the same pixels with a unique comment segment). Gives up after 6 minutes whatever happens.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { EVIDENCE_MAX_BYTES } from '../../src/contract/complaint-rules'

const BURSTS = [50, 100]
const HEALTH_EVERY_MS = 10
const SETTLE_MS = 5000
const UPLOAD_TIMEOUT_MS = 150_000
const GIVE_UP_AFTER_MS = 6 * 60_000
const PHONE = '13800000001'
const BOUNDARY = '----weiquan-bench-boundary'

const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  setTimeout(() => {
    console.error('uploads: benchmark did not finish in time, stopping')
    process.exit(1)
  }, GIVE_UP_AFTER_MS).unref()
  const photo = await tenMegabytePhoto()
  for (const count of BURSTS) await burst(count, photo)
}

/** A 4000×3000 noisy JPEG at the highest quality that stays under the 10 MB limit. */
async function tenMegabytePhoto(): Promise<Buffer> {
  const [width, height] = [4000, 3000]
  const noise = async (scale: number) => {
    const [w, h] = [Math.ceil(width / scale), Math.ceil(height / scale)]
    const small = randomFillSync(Buffer.alloc(w * h * 3))
    return sharp(small, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic', fit: 'fill' }).raw().toBuffer()
  }
  const [blobs, texture, grain] = await Promise.all([noise(100), noise(8), noise(1)])
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.max(0, Math.min(255, 128 + (blobs[i]! - 128) + (texture[i]! - 128) * 0.3 + (grain[i]! - 128) * 0.25))
  }
  for (let quality = 98; ; quality--) {
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer()
    if (jpeg.length < EVIDENCE_MAX_BYTES - 1024) return jpeg
  }
}

interface Server {
  base: string
  pid: number
  child: ChildProcess
  token: string
}

async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort()
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    H5_DIR: path.join(dataDir, 'no-h5'),
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  }
  // Settings under test (UPLOAD_CONCURRENCY, UPLOAD_QUEUE_LIMIT) pass through when set.
  for (const name of ['UPLOAD_CONCURRENCY', 'UPLOAD_QUEUE_LIMIT']) if (process.env[name]) env[name] = process.env[name]!
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
    if (i > 600) throw new Error(`server did not start: ${output}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {
      await sleep(100)
    }
  }
  const post = (url: string, body: object) =>
    fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!(await post('/api/auth/sms-code', { phone: PHONE })).ok) throw new Error('sms-code refused')
  await sleep(200)
  const code = /验证码：(\d+)/.exec(output)?.[1]
  const session = await post('/api/auth/phone', { phone: PHONE, code })
  if (!session.ok) throw new Error(`login answered ${session.status}`)
  const token = ((await session.json()) as { accessToken: string }).accessToken
  return { base, pid: child.pid!, child, token }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** kB from /proc/PID/status: VmRSS now, VmHWM the peak so far. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN)
  return { rss: field('VmRSS'), peak: field('VmHWM') }
}

interface UploadResult {
  status: number
  ms: number
  retryAfter: string | undefined
}

/** One multipart upload written chunk by chunk, so 100 of them share the one photo buffer in this process. */
function upload(server: Server, photo: Buffer, n: number): Promise<UploadResult> {
  const started = performance.now()
  // A comment segment right after SOI makes every photo's bytes, and so its content hash, unique.
  const tag = Buffer.from(`bench photo ${n}`)
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, tag.length + 2]), tag])
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="p${n}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`)
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  const length = head.length + 2 + comment.length + photo.length - 2 + tail.length
  return new Promise((resolve) => {
    const finish = (status: number, retryAfter?: string) => resolve({ status, ms: performance.now() - started, retryAfter })
    const req = request(`${server.base}/api/evidence`, {
      method: 'POST',
      agent: false,
      timeout: UPLOAD_TIMEOUT_MS,
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': length,
      },
    })
    req.on('response', (response) => {
      response.resume()
      response.on('end', () => finish(response.statusCode ?? 0, response.headers['retry-after'] as string | undefined))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => finish(0))
    req.write(head)
    req.write(photo.subarray(0, 2))
    req.write(comment)
    req.write(photo.subarray(2))
    req.end(tail)
  })
}

async function burst(count: number, photo: Buffer) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-bench-'))
  const server = await startServer(dataDir)
  try {
    const before = memoryOf(server.pid)
    let peakRss = before.rss
    let running = true
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(server.pid).rss)), 20)
    const health: number[] = []
    const probing = (async () => {
      while (running) {
        const started = performance.now()
        try {
          await fetch(`${server.base}/api/health`)
        } catch {
          // a refused probe still counts with its time
        }
        health.push(performance.now() - started)
        await sleep(HEALTH_EVERY_MS)
      }
    })()
    const started = performance.now()
    const results = await Promise.all(Array.from({ length: count }, (_, n) => upload(server, photo, n)))
    const wall = performance.now() - started
    running = false
    await probing
    await sleep(SETTLE_MS)
    clearInterval(sampler)
    const after = memoryOf(server.pid)

    const byStatus = new Map<number, number>()
    for (const result of results) byStatus.set(result.status, (byStatus.get(result.status) ?? 0) + 1)
    const answers = [...byStatus].map(([status, n]) => `${n}×${status || 'no answer'}`).join(', ')
    const stored = results.filter((r) => r.status === 201).map((r) => r.ms)
    const refused = results.filter((r) => r.status === 503)
    const latency = (values: number[]) => (values.length ? `min ${sec(Math.min(...values))}, p50 ${sec(percentile(values, 50))}, max ${sec(Math.max(...values))}` : '—')
    console.log(
      `uploads: ${count} concurrent ${(photo.length / 1048576).toFixed(1)} MB uploads → peak RSS ${mib(Math.max(peakRss, after.peak))} ` +
        `(idle ${mib(before.rss)}, ${mib(after.rss)} 5 s after), /api/health p50 ${Math.round(percentile(health, 50))} ms p99 ${Math.round(percentile(health, 99))} ms ` +
        `max ${Math.round(Math.max(...health))} ms over ${health.length} probes`,
    )
    console.log(`  answers: ${answers} in ${sec(wall)}; stored uploads answered ${latency(stored)}`)
    if (refused.length) console.log(`  503s answered ${latency(refused.map((r) => r.ms))}, Retry-After ${[...new Set(refused.map((r) => r.retryAfter))].join('/')} s`)
  } finally {
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
