#!/usr/bin/env node
// All weapp checks on an already built dist/weapp (build first: npx taro build --type weapp):
//   compile-check (wcc/wcsc), json-check (miniprogram-ci validators), globals-check (snapshot),
//   size (budget), then the jest page tests in miniprogram-simulate (jest.weapp.config.js).
// Prints a last line `weapp: N passed, M failed` (N/M count the 4 checks plus each jest test)
// and exits non-zero if anything failed.
// Usage: node scripts/weapp/check.mjs [dist/weapp]
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const dir = path.resolve(process.argv[2] || path.join(repo, 'dist/weapp'))

let passed = 0
let failed = 0
const summary = []

if (!existsSync(path.join(dir, 'app.json'))) {
  console.error(`weapp: ${dir}/app.json not found; build first: npx taro build --type weapp`)
  console.log('weapp: 0 passed, 1 failed')
  process.exit(1)
}

function run(label, args, env = {}) {
  console.log(`\n── ${label} ${'─'.repeat(Math.max(0, 60 - label.length))}`)
  const t0 = Date.now()
  // the children's stderr goes to our stdout too, so a CI log keeps the order in which things happened
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: ['inherit', 'inherit', 1], env: { ...process.env, ...env } })
  const ms = Date.now() - t0
  return { ok: r.status === 0, status: r.status ?? r.signal, ms }
}

for (const [name, script] of [
  ['compile-check', 'compile-check.mjs'],
  ['json-check', 'json-check.mjs'],
  ['globals-check', 'globals-check.mjs'],
  ['size', 'size.mjs'],
]) {
  const r = run(name, [path.join(here, script), dir])
  if (r.ok) passed++
  else failed++
  summary.push(`${r.ok ? 'PASS' : 'FAIL'} ${name} (${r.ms} ms)`)
}

// jest: human output on stderr, machine summary in a temp JSON file
const tmp = mkdtempSync(path.join(os.tmpdir(), 'weapp-jest-'))
const out = path.join(tmp, 'result.json')
try {
  const jestBin = require.resolve('jest/bin/jest')
  const r = run('jest (miniprogram-simulate pages)', [jestBin, '-c', path.join(repo, 'jest.weapp.config.js'), '--json', `--outputFile=${out}`], {
    WEAPP_DIR: dir,
  })
  let result = null
  try {
    result = JSON.parse(readFileSync(out, 'utf8'))
  } catch {
    // jest crashed before writing results
  }
  if (result) {
    // a suite that fails to run (e.g. a syntax error) has no failed *tests*: count it as a failure too
    const brokenSuites = result.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length
    passed += result.numPassedTests
    failed += result.numFailedTests + brokenSuites
    if (!result.numTotalTests && !brokenSuites) failed++ // no tests found at all
    summary.push(`${r.ok ? 'PASS' : 'FAIL'} jest: ${result.numPassedTests} passed, ${result.numFailedTests} failed` +
      `${brokenSuites ? `, ${brokenSuites} suites failed to run` : ''} (${r.ms} ms)`)
  } else {
    failed++
    summary.push(`FAIL jest did not report results (exit ${r.status}, ${r.ms} ms)`)
  }
  if (!r.ok && result && !result.numFailedTests && !(result.numFailedTestSuites > 0)) {
    failed++ // jest failed for another reason (e.g. open handles, coverage threshold)
    summary.push(`FAIL jest exited with ${r.status}`)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

console.log('\n── summary ' + '─'.repeat(50))
for (const line of summary) console.log(line)
console.log(`weapp: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
