#!/usr/bin/env node
// First load of the H5 首页, counted like a phone downloads it (gzip): index.html, the scripts and styles it
// names, and the files its preload script fetches for `/` (the home page's chunk and the shared chunks it
// needs; config/preload-page.ts). Budget: at most 1.55× a Taro hello world built by the same toolchain
// (scripts/bench/hello-world; 1.52× on 2026-12-03, down from 1.81×, of which axios is ~0.1×; the goal is 1.3×), and the Taro
// component runtime in one shared chunk, not copied into pages.
// Uses the .gz files of scripts/precompress.mjs when present, else gzip -9. Exits 1 over budget.
// Usage: node scripts/h5/size.mjs [dist/h5] [--ratio 1.55]
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * The hello world's first load (index.html + its two initial scripts + its page chunk, gzip -9), measured
 * in Chromium on 2026-12-03 with @tarojs/cli 4.2.1 (`taro build --type h5` in scripts/bench/hello-world,
 * then scripts/precompress.mjs). Re-measure after upgrading Taro.
 */
export const HELLO_FIRST_LOAD_GZIP = 102_524
/** The View component's definition: in exactly one file when the components are shared. */
const COMPONENT_MARKER = '"taro-view-core"'

const args = process.argv.slice(2)
const ratioAt = args.indexOf('--ratio')
const RATIO = ratioAt >= 0 ? Number(args[ratioAt + 1]) : 1.55
const root = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--ratio') || 'dist/h5')
const shellFile = path.join(root, 'index.html')
if (!existsSync(shellFile)) {
  console.error(`h5 size: ${shellFile} not found; build first (npm run build:h5)`)
  process.exit(1)
}

const gzipBytes = (file) => {
  const full = path.join(root, file)
  return existsSync(`${full}.gz`) ? readFileSync(`${full}.gz`).length : gzipSync(readFileSync(full), { level: 9 }).length
}

const shell = readFileSync(shellFile, 'utf8')
const strip = (url) => url.replace(/^\//, '')
const initial = [
  ...[...shell.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => strip(m[1])),
  ...[...shell.matchAll(/<link[^>]*\shref="([^"]+\.css)"/g)].map((m) => strip(m[1])),
]
// The preload script ends with `}(ROUTES,FILES,document)` and falls back to the home route for `/`.
const preload = /\}\((\{.*?\}),(\[.*?\]),document\);<\/script>/.exec(shell)
const home = /\|\|"([^"]+)";/.exec(shell)?.[1]
const problems = []
let homeFiles = []
if (!preload || !home) problems.push('index.html has no page preload script (config/preload-page.ts): the home chunk waits for app.js')
else {
  const [routes, files] = [JSON.parse(preload[1]), JSON.parse(preload[2])]
  homeFiles = (routes[home] ?? []).map((i) => files[i])
  if (!homeFiles.length) problems.push(`the preload script lists no files for ${home}`)
}

const rows = [['index.html', gzipBytes('index.html')], ...[...new Set([...initial, ...homeFiles])].map((file) => [file, gzipBytes(file)])]
const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0)
const budget = Math.floor(HELLO_FIRST_LOAD_GZIP * RATIO)
for (const [file, bytes] of rows) console.log(String(bytes).padStart(9), file)
console.log(`首页 first load ${total} B gzip = ${(total / HELLO_FIRST_LOAD_GZIP).toFixed(2)}× the hello world's ${HELLO_FIRST_LOAD_GZIP} B (budget ${RATIO}× = ${budget} B)`)
if (total > budget) problems.push(`首页 first load is ${total - budget} B over budget`)

const js = readdirSync(path.join(root, 'js')).filter((f) => f.endsWith('.js'))
const withComponents = js.filter((f) => readFileSync(path.join(root, 'js', f), 'utf8').includes(COMPONENT_MARKER))
console.log(`component runtime (View) in ${withComponents.length} of ${js.length} scripts: ${withComponents.join(', ') || '—'}`)
if (withComponents.length > 1) problems.push(`the component runtime is copied into ${withComponents.length} chunks; it belongs in one shared chunk`)

console.log(JSON.stringify({ firstLoadGzip: total, helloGzip: HELLO_FIRST_LOAD_GZIP, componentChunks: withComponents.length }))
if (problems.length) {
  for (const problem of problems) console.error(`h5 size: ${problem}`)
  console.error('h5 size: SIZE BUDGET EXCEEDED')
  process.exit(1)
}
console.log('h5 size: within budget')
