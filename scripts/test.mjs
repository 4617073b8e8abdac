#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one summary at the end.
// PostgreSQL, Ceph and browser parts skip loudly when their service is missing, unless CI=true.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const CI = process.env.CI === 'true'
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CEPH_COMMANDS = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph-authtool', 'monmaptool', 'uuidgen']
const only = process.argv.slice(2)
const wanted = (name) => !only.length || only.some((o) => name.startsWith(o))
/** The endpoint and key scripts/s3/ceph-up.sh sets up (it prints the same). */
const CEPH_S3 = {
  S3_ENDPOINT: 'http://127.0.0.1:7480',
  S3_ACCESS_KEY_ID: 'TESTACCESSKEY',
  S3_SECRET_ACCESS_KEY: 'TESTSECRETKEY',
  S3_REGION: 'us-east-1',
  S3_BUCKET: 'weiquan',
}
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
  if (!wanted(name)) return
  const started = Date.now()
  console.log(buffered ? `▶ ${name} started` : `\n━━━ ${name} ━━━`)
  const r = await run(command, args, env, quiet, buffered ? name : false)
  const ok = r.code === 0 && r.failed === 0
  // A step without its own test counts (typecheck, lint, build) counts as one check.
  const passed = r.passed || r.failed ? r.passed : ok ? 1 : 0
  const failed = r.passed || r.failed ? r.failed : ok ? 0 : 1
  results.push({ name, ok, passed, failed: ok ? failed : Math.max(failed, 1), seconds: (Date.now() - started) / 1000 })
  return ok
}

function skip(name, reason) {
  if (!wanted(name)) return
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
// Files of one suite run side by side: most of a server test's time is spent waiting on a socket,
// a database or a timer, and Node's default on a 2-core machine is one file at a time.
// A test stuck on an open socket fails after 10 minutes and its file exits, instead of holding CI.
const nodeTest = (files, concurrency = 1) => [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=tap',
  `--test-concurrency=${concurrency}`,
  '--test-timeout=600000',
  '--test-force-exit',
  ...files,
]
const SERVER_CONCURRENCY = Number(process.env.TEST_SERVER_CONCURRENCY || 3)
const SERVER_SHARDS = Number(process.env.TEST_SERVER_SHARDS || 12)

/**
 * Server test files grouped into a few processes, each importing several files: starting Node,
 * tsx and the whole server costs about 1.5 s of CPU per process, which over 100+ files and two
 * databases was a tenth of CI. Files are dealt largest first to the lightest group.
 */
function shardFiles(files, count, dir) {
  const groups = Array.from({ length: Math.min(count, files.length) }, () => ({ weight: 0, files: [] }))
  const bySize = files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size)
  for (const { file, size } of bySize) {
    const lightest = groups.reduce((a, b) => (b.weight < a.weight ? b : a))
    lightest.weight += size
    lightest.files.push(file)
  }
  return groups.map((group, i) => {
    const shard = path.join(dir, `server-shard-${String(i + 1).padStart(2, '0')}.test.ts`)
    writeFileSync(shard, group.files.sort().map((f) => `import ${JSON.stringify(path.resolve(f))}\n`).join(''))
    return shard
  })
}
const shardDir = mkdtempSync(path.join(tmpdir(), 'weiquan-shards-'))
process.on('exit', () => rmSync(shardDir, { recursive: true, force: true }))
const E2E_CONCURRENCY = Number(process.env.TEST_E2E_CONCURRENCY || 2)

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
await step('unit', process.execPath, nodeTest(unitTests, 2))

// Two lanes side by side: the server suites (mostly waiting on databases and sockets) beside the
// H5 build and the browser (mostly CPU). Each step prints its output in one piece when it ends.
let h5Built
const browserLane = async () => {
  h5Built =
    (await step('build h5', bin('taro'), ['build', '--type', 'h5'], {}, { quiet: true, buffered: true })) &&
    (await step('precompress h5', process.execPath, ['scripts/precompress.mjs', 'dist/h5'], {}, { buffered: true }))
  if (h5Built) {
    // First load of 首页 against the hello world, and the component runtime in one shared chunk.
    await step('h5 size', process.execPath, ['scripts/h5/size.mjs', 'dist/h5'], {}, { buffered: true })
    if (existsSync(CHROMIUM)) {
      await step('browser e2e', process.execPath, nodeTest(findTests('e2e', /\.e2e\.test\.ts$/), E2E_CONCURRENCY), { CHROMIUM_PATH: CHROMIUM }, { buffered: true })
    } else {
      skip('browser e2e', `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
    }
  }
}
const browser = browserLane()

const serverLane = async () => {
  const serverTests = shardFiles(findTests(path.join('server', 'src', '__tests__'), /\.test\.ts$/), SERVER_SHARDS, shardDir)
  const pg = await reachable(PG_URL)
  await Promise.all([
    step('server on SQLite', process.execPath, nodeTest(serverTests, SERVER_CONCURRENCY), { TEST_DB: 'sqlite' }, { buffered: true }),
    pg
      ? step('server on PostgreSQL', process.execPath, nodeTest(serverTests, SERVER_CONCURRENCY), { TEST_DB: 'postgres', TEST_DATABASE_URL: PG_URL }, { buffered: true })
      : skip('server on PostgreSQL', `no PostgreSQL at ${PG_URL} (set TEST_DATABASE_URL)`),
  ])
  if (await step('build weapp', bin('taro'), ['build', '--type', 'weapp'], {}, { quiet: true, buffered: true })) {
    await step('weapp checks', process.execPath, ['scripts/weapp/check.mjs', 'dist/weapp'], {}, { buffered: true })
  }
  await cephLane()
}

// Against one throwaway Ceph (scripts/s3/ceph-up.sh, about 15 s to start): the storage contract (disk
// and S3) and an upload end to end; then two API instances and a worker on PostgreSQL and S3 behind
// nginx, driven through the H5 app (e2e/cluster), once the H5 build is there.
const cephLane = async () => {
  const S3 = 'S3 storage on Ceph'
  const CLUSTER = 'multi-instance cluster'
  const s3Tests = ['storage-contract', 'evidence-s3', 'evidence-package-s3'].map((name) => path.join('server', 'src', '__tests__', `${name}.test.ts`))
  if (!installed(CEPH_COMMANDS)) {
    const reason = 'Ceph is not installed (apt-get install -y ceph-mon ceph-osd radosgw ceph-common uuid-runtime)'
    skip(S3, reason)
    skip(CLUSTER, reason)
    return
  }
  const cephDir = mkdtempSync(path.join(tmpdir(), 'weiquan-ceph-'))
  let cephUp = false
  try {
    if (wanted(S3) || wanted(CLUSTER)) {
      const started = Date.now()
      cephUp = (await run('scripts/s3/ceph-up.sh', [cephDir], {}, true)).code === 0
      if (!cephUp) results.push({ name: 'start Ceph S3', ok: false, passed: 0, failed: 1, seconds: (Date.now() - started) / 1000 })
      else console.log(`Ceph S3 ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    if (cephUp) await step(S3, process.execPath, nodeTest(s3Tests), CEPH_S3, { buffered: true })
    if (!wanted(CLUSTER)) return
    // The cluster story runs the H5 app: it waits for the browser lane's build (and, on a 2-core
    // machine, for the browser stories, so the two do not fight over the CPU).
    await browser
    const h5Ready = h5Built ?? existsSync(path.join('dist', 'h5', 'index.html'))
    const missing = !installed(['nginx'])
      ? 'nginx is not installed (apt-get install -y nginx-light)'
      : !existsSync(CHROMIUM)
        ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`
        : !(await reachable(PG_URL))
          ? `no PostgreSQL at ${PG_URL} (set TEST_DATABASE_URL)`
          : !h5Ready
            ? 'no H5 build (npx taro build --type h5)'
            : null
    if (missing) skip(CLUSTER, missing)
    else if (cephUp) {
      const env = { ...CEPH_S3, CHROMIUM_PATH: CHROMIUM, TEST_DATABASE_URL: PG_URL }
      await step(CLUSTER, process.execPath, nodeTest(findTests('e2e', /\.cluster\.test\.ts$/)), env, { buffered: true })
    }
  } finally {
    if (cephUp || existsSync(cephDir)) await run('scripts/s3/ceph-down.sh', [cephDir], {}, true)
    rmSync(cephDir, { recursive: true, force: true })
  }
}

await Promise.all([serverLane(), browser])

const total = (key) => results.reduce((sum, r) => sum + r[key], 0)
console.log('\n━━━ summary ━━━')
for (const r of results) {
  const mark = r.skipped ? 'SKIP' : r.ok ? ' ok ' : 'FAIL'
  console.log(`${mark}  ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`)
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`test: ${total('passed')} passed, ${total('failed')} failed`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
