import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { get } from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
// 127.0.0.2 stands in for the computer's LAN address (every 127.x address reaches this machine on Linux).
const LAN = '127.0.0.2'

interface Started {
  child: ChildProcess
  output: () => string
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, LAN, () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** `node server/src/server.ts` as `npm start` runs it, until it prints that it has started. */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', TOKEN_SECRET: '', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    // A loaded machine may start slowly; one that never starts must not keep the test process alive.
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within 90 s:\n${output}`))
    }, 90_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('维权通已启动')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${code}:\n${output}`))
    })
  })
  return { child, output: () => output }
}

async function stop(started: Started | undefined) {
  if (!started || started.child.exitCode !== null) return
  const exited = new Promise((resolve) => started.child.once('exit', resolve))
  started.child.kill('SIGTERM')
  await exited
}

/** GET over HTTPS, trusting only the given authority (what a phone does once it installed it). */
function fetchTrusting(url: string, ca: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca, headers: { accept: 'text/html' } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }))
    }).on('error', reject)
  })
}

describe('HTTPS=1 serves the app over https with a certificate made at start (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weiquan-https-'))
  const h5Dir = path.join(dataDir, 'h5')
  let port = 0
  let server: Started | undefined
  const env = () => ({ HTTPS: '1', HOST: LAN, PORT: String(port), DATA_DIR: dataDir, H5_DIR: h5Dir })

  before(async () => {
    mkdirSync(h5Dir)
    writeFileSync(path.join(h5Dir, 'index.html'), '<!DOCTYPE html><title>维权通</title>')
    port = await freePort()
    server = await start(env())
  })
  after(async () => {
    await stop(server)
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('the LAN address opens the app and the API over https, with a certificate the phone can be made to trust', async () => {
    const authority = readFileSync(path.join(dataDir, 'https', 'ca.crt'), 'utf8')
    const page = await fetchTrusting(`https://${LAN}:${port}/pages/me/index`, authority)
    assert.equal(page.status, 200)
    assert.match(page.body, /维权通/)
    const health = await fetchTrusting(`https://${LAN}:${port}/api/health`, authority)
    assert.equal(health.status, 200)
    const download = await fetchTrusting(`https://${LAN}:${port}/weiquan-ca.crt`, authority)
    assert.equal(download.type, 'application/x-x509-ca-cert')
    assert.equal(download.body, authority)
  })

  test('the console says which https address to open on the phone, the warning it will show and how to go on', () => {
    const output = server!.output()
    assert.match(output, new RegExp(`https://${LAN.replace(/\./g, '\\.')}:${port}/`))
    assert.match(output, /不是私密连接/)
    assert.match(output, /继续前往/)
    assert.match(output, new RegExp(`https://${LAN.replace(/\./g, '\\.')}:${port}/weiquan-ca\\.crt`))
  })

  test('a restart keeps the authority, so a phone that trusted it still does', async () => {
    const authority = readFileSync(path.join(dataDir, 'https', 'ca.crt'), 'utf8')
    await stop(server)
    server = await start(env())
    assert.equal(readFileSync(path.join(dataDir, 'https', 'ca.crt'), 'utf8'), authority)
    assert.equal((await fetchTrusting(`https://${LAN}:${port}/`, authority)).status, 200)
  })
})
