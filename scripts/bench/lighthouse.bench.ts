/**
 * Lighthouse (npm lighthouse 12, Debian Chromium, default mobile throttling) on the H5 首页, the warnings
 * list and a warning's detail,
 * served by the real server from dist/h5 with seeded warnings, next to a minimal Taro hello-world page
 * built with the same @tarojs/cli (scripts/bench/hello-world) and served the same way (precompressed,
 * hashed files cached for a year). Three runs each, interleaved; prints medians side by side.
 * It measures; it never fails on a number.
 *
 * Needs dist/h5 (npm run build:h5). Run: node --import tsx scripts/bench/lighthouse.bench.ts
 */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import fastifyStatic from '@fastify/static'
import Fastify from 'fastify'
import { H5_DIR, ROOT, startServer } from '../../e2e/support/server'

const RUNS = 3
const run = promisify(execFile)
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium'
const HELLO_DIR = path.join(ROOT, 'scripts', 'bench', 'hello-world')
const WARNINGS_ROUTE = '/packages/warnings/pages/list/index'
const WARNING_ROUTE = '/packages/warnings/pages/detail/index'

interface Measure {
  performance: number
  lcpMs: number
  accessibility: number
  /** bytes of JavaScript over the wire (compressed) */
  jsTransferred: number
  /** ids of audits scoring under 0.9, to see what to work on */
  failing: string[]
}

function buildHelloWorld(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'weiquan-hello-'))
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], {
    cwd: HELLO_DIR,
    env: { ...process.env, NODE_ENV: 'production', HELLO_WORLD_OUT: out },
    stdio: 'pipe',
  })
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'precompress.mjs'), out], { stdio: 'ignore' })
  return out
}

/** The app server's H5 hosting rules, for the hello-world build. */
async function serveStatic(root: string) {
  const app = Fastify()
  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const hashed = /\.[0-9a-f]{8,}\.(js|css|png|jpe?g|svg|webp|woff2?)$/.test(filePath)
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  app.setNotFoundHandler((_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  return { url: address, close: () => app.close() }
}

/** In a child process, asynchronously: the hello-world server lives in this process's event loop. */
async function measure(url: string, port: number): Promise<Measure> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'lighthouse-run.mjs'), url, String(port)], { encoding: 'utf8' })
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function medians(runs: Measure[]): Measure {
  return {
    performance: median(runs.map((r) => r.performance)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    accessibility: median(runs.map((r) => r.accessibility)),
    jsTransferred: median(runs.map((r) => r.jsTransferred)),
    failing: [...new Set(runs.flatMap((r) => r.failing))],
  }
}

async function main() {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    console.log('lighthouse: dist/h5 is missing: run `npm run build:h5` first (skipped)')
    return
  }
  console.log('building the Taro hello-world reference…')
  const helloOut = buildHelloWorld()
  const server = await startServer()
  const hello = await serveStatic(helloOut)
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const listed = (await server.api('GET', '/warnings?pageSize=1')).body as { items: Array<{ id: string }>; pinned: Array<{ id: string }> }
  const warning = [...listed.pinned, ...listed.items][0]
  if (!warning) throw new Error('lighthouse: the server has no published warning to open')
  const targets = [
    { name: '首页', url: `${server.baseUrl}/`, runs: [] as Measure[] },
    { name: '警示列表', url: `${server.baseUrl}${WARNINGS_ROUTE}`, runs: [] as Measure[] },
    { name: '警示详情', url: `${server.baseUrl}${WARNING_ROUTE}?id=${encodeURIComponent(warning.id)}`, runs: [] as Measure[] },
    { name: 'Taro hello world', url: `${hello.url}/pages/index/index`, runs: [] as Measure[] },
  ]
  try {
    for (let round = 1; round <= RUNS; round++) {
      for (const target of targets) {
        const m = await measure(target.url, chrome.port)
        target.runs.push(m)
        console.log(`run ${round} ${target.name}: perf ${m.performance}, LCP ${m.lcpMs} ms, a11y ${m.accessibility}, JS ${(m.jsTransferred / 1024).toFixed(1)} KB`)
      }
    }
  } finally {
    await chrome.kill()
    await hello.close()
    await server.stop()
    rmSync(helloOut, { recursive: true, force: true })
  }

  const results = targets.map((t) => ({ name: t.name, ...medians(t.runs) }))
  const reference = results[results.length - 1]!
  const row = (label: string, cells: string[]) => console.log(`${label.padEnd(28)}${cells.map((c) => c.padStart(18)).join('')}`)
  console.log(`\nLighthouse ${RUNS}× median, mobile throttling (Moto G Power, slow 4G), ${CHROME_PATH}`)
  row('', results.map((r) => r.name))
  row('performance (goal ≥ 95)', results.map((r) => String(r.performance)))
  row('LCP', results.map((r) => `${(r.lcpMs / 1000).toFixed(2)} s`))
  row('LCP ÷ hello (goal ≤ 1.2)', results.map((r) => (r.lcpMs / reference.lcpMs).toFixed(2)))
  row('accessibility (goal ≥ 95)', results.map((r) => String(r.accessibility)))
  row('JS transferred (compressed)', results.map((r) => `${(r.jsTransferred / 1024).toFixed(1)} KB`))
  for (const r of results) console.log(`audits under 0.9, ${r.name}: ${r.failing.join(', ') || '—'}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
