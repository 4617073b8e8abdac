#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one summary at the end.
// PostgreSQL, Ceph and browser parts skip loudly when their service is missing, unless CI=true.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const CI = process.env.CI === 'true'
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CEPH_COMMANDS = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph-authtool', 'monmaptool', 'uuidgen']
const only = process.argv.slice(2)
const results = []

function findTests(dir, pattern, exclude = () => false) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => pattern.test(f) && !f.includes('node_modules') && !exclude(f))
    .sort()
}

/**
 * Runs a command, echoing its output (or, when quiet, keeping it to show only if it fails), and
 * reads test counts from the runner's closing lines.
 */
function run(command, args, env = {}, quiet = false, buffered = false) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk
        if (!quiet && !buffered) target.write(chunk)
      })
    tee(child.stdout, process.stdout)
    tee(child.stderr, process.stderr)
    child.on('close', (code) => {
      if (buffered) process.stdout.write(`\n━━━ ${buffered} (ran beside other checks) ━━━\n`)
      if ((quiet && code !== 0) || (buffered && !quiet)) process.stdout.write(output)
      const count = (re) => [...output.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0)
      let passed = count(/^# pass (\d+)$/gm)
      let failed = count(/^# fail (\d+)$/gm)
      const plain = output.match(/^\w+: (\d+) passed, (\d+) failed/m)
      if (plain) {
        passed += Number(plain[1])
        failed += Number(plain[2])
      }
      resolve({ code: code ?? 1, passed, failed })
    })
  })
}

/** `buffered`: the step runs beside others, so its output is printed in one piece when it ends. */
async function step(name, command, args, env, { quiet = false, buffered = false } = {}) {
  if (only.length && !only.some((o) => name.startsWith(o))) return
  const started = Date.now()
  if (!buffered) console.log(`\n━━━ ${name} ━━━`)
  const r = await run(command, args, env, quiet, buffered ? name : false)
  const ok = r.code === 0 && r.failed === 0
  // A step without its own test counts (typecheck, lint, build) counts as one check.
  const passed = r.passed || r.failed ? r.passed : ok ? 1 : 0
  const failed = r.passed || r.failed ? r.failed : ok ? 0 : 1
  results.push({ name, ok, passed, failed: ok ? failed : Math.max(failed, 1), seconds: (Date.now() - started) / 1000 })
  return ok
}

function skip(name, reason) {
  if (only.length && !only.some((o) => name.startsWith(o))) return
  if (CI) {
    console.error(`\n✖ ${name}: ${reason} — CI=true, so this is a failure`)
    results.push({ name, ok: false, passed: 0, failed: 1, seconds: 0 })
  } else {
    console.warn(`\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! SKIPPED ${name}: ${reason}\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`)
    results.push({ name, ok: true, skipped: true, passed: 0, failed: 0, seconds: 0 })
  }
}

function reachable(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) })
    socket.setTimeout(2000)
    socket.on('connect', () => resolve(socket.end() && true))
    socket.on('error', () => resolve(false))
    socket.on('timeout', () => resolve(socket.destroy() && false))
  })
}

const installed = (commands) => spawnSync('sh', ['-c', commands.map((c) => `command -v ${c}`).join(' && ')], { stdio: 'ignore' }).status === 0

const started = Date.now()
const bin = (name) => path.join('node_modules', '.bin', name)
const nodeTest = (files) => ['--import', 'tsx', '--test', '--test-reporter=tap', ...files]

// Static checks are independent and CPU-bound: two at a time on a 2-core machine.
await Promise.all([
  step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], {}, { buffered: true }).then(() =>
    step('typecheck server', bin('tsc'), ['--noEmit', '-p', 'server/tsconfig.json'], {}, { buffered: true }),
  ),
  step('lint', bin('eslint'), ['--max-warnings', '0', '.'], {}, { buffered: true }),
])

const unitTests = [
  ...findTests('src', /__tests__[\\/].+\.test\.tsx?$/),
  ...findTests('server/src', /__tests__[\\/].+\.test\.ts$/, (f) => f.startsWith(path.join('server', 'src', '__tests__'))),
  // The start-up scripts and the dependency tree (scripts/weapp/__tests__ run in the weapp checks).
  ...findTests(path.join('scripts', '__tests__'), /\.test\.ts$/),
]
await step('unit', process.execPath, nodeTest(unitTests))

const serverTests = findTests(path.join('server', 'src', '__tests__'), /\.test\.ts$/)
await step('server on SQLite', process.execPath, nodeTest(serverTests), { TEST_DB: 'sqlite' })
if (await reachable(PG_URL)) {
  await step('server on PostgreSQL', process.execPath, nodeTest(serverTests), { TEST_DB: 'postgres', TEST_DATABASE_URL: PG_URL })
} else {
  skip('server on PostgreSQL', `no PostgreSQL at ${PG_URL} (set TEST_DATABASE_URL)`)
}

// The storage contract (disk and S3) and an upload end to end, against a real S3 endpoint.
const s3Tests = ['storage-contract', 'evidence-s3'].map((name) => path.join('server', 'src', '__tests__', `${name}.test.ts`))
if (installed(CEPH_COMMANDS)) {
  await step('S3 storage on Ceph', 'scripts/s3/with-ceph.sh', [process.execPath, ...nodeTest(s3Tests)])
} else {
  skip('S3 storage on Ceph', 'Ceph is not installed (apt-get install -y ceph-mon ceph-osd radosgw ceph-common uuid-runtime)')
}

if (await step('build weapp', bin('taro'), ['build', '--type', 'weapp'], {}, { quiet: true })) {
  await step('weapp checks', process.execPath, ['scripts/weapp/check.mjs', 'dist/weapp'])
}

if (
  (await step('build h5', bin('taro'), ['build', '--type', 'h5'], {}, { quiet: true })) &&
  (await step('precompress h5', process.execPath, ['scripts/precompress.mjs', 'dist/h5']))
) {
  // First load of 首页 against the hello world, and the component runtime in one shared chunk.
  await step('h5 size', process.execPath, ['scripts/h5/size.mjs', 'dist/h5'])
  if (existsSync(CHROMIUM)) {
    await step('browser e2e', process.execPath, nodeTest(findTests('e2e', /\.e2e\.test\.ts$/)), { CHROMIUM_PATH: CHROMIUM })
  } else {
    skip('browser e2e', `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
  }
}

const total = (key) => results.reduce((sum, r) => sum + r[key], 0)
console.log('\n━━━ summary ━━━')
for (const r of results) {
  const mark = r.skipped ? 'SKIP' : r.ok ? ' ok ' : 'FAIL'
  console.log(`${mark}  ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`)
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`test: ${total('passed')} passed, ${total('failed')} failed`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
