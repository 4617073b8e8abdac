#!/usr/bin/env node
// Free (global) identifiers used by a weapp bundle that the WeChat JS runtime does not provide
// (e.g. localStorage, window, document). typeof-guarded uses (`typeof X !== 'undefined'`) are
// harmless and only listed; UNGUARDED names are compared against a committed snapshot,
// scripts/weapp/globals-snapshot.json: a new name fails the check, a name that disappeared is
// reported as a hint to update the snapshot.
// Usage: node scripts/weapp/globals-check.mjs [dist/weapp] [--update] [--verbose]
//   --verbose lists every name with counts and files; --update rewrites the snapshot.
import { createRequire } from 'node:module'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { globSync } from 'glob'

const require = createRequire(import.meta.url)
const acorn = require('acorn')
const eslintScope = require('eslint-scope')
const estraverse = require('estraverse')

const args = process.argv.slice(2)
const update = args.includes('--update')
const verbose = args.includes('--verbose')
const root = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist/weapp')
const snapshotPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'globals-snapshot.json')
if (!existsSync(path.join(root, 'app.json'))) {
  console.error(`globals-check: ${root}/app.json not found; build first (npx taro build --type weapp)`)
  process.exit(1)
}

// Globals the WeChat mini-program JS runtime provides (App service layer), plus ECMAScript built-ins.
// TextEncoder/TextDecoder exist only on newer base libraries; drop them here to be strict.
const WEAPP_GLOBALS = new Set(
  `wx getApp getCurrentPages App Page Component Behavior requirePlugin requireMiniProgram __wxConfig __wxRoute
 console setTimeout clearTimeout setInterval clearInterval Promise Symbol Object Array String Number Boolean Math JSON Date RegExp Error
 TypeError RangeError SyntaxError ReferenceError EvalError URIError Map Set WeakMap WeakSet Proxy Reflect ArrayBuffer DataView Uint8Array Int8Array
 Uint16Array Int16Array Uint32Array Int32Array Float32Array Float64Array Uint8ClampedArray BigInt BigInt64Array BigUint64Array parseInt parseFloat isNaN isFinite
 encodeURIComponent decodeURIComponent encodeURI decodeURI escape unescape Infinity NaN undefined globalThis global require module exports
 arguments eval Function WeakRef FinalizationRegistry AggregateError queueMicrotask TextEncoder TextDecoder`.split(/\s+/).filter(Boolean),
)

const report = new Map() // name -> { guarded, unguarded, files:Set }
const files = globSync('**/*.js', { cwd: root, nodir: true, ignore: ['node_modules/**'] }).sort()
let parseErrors = 0
for (const f of files) {
  const code = readFileSync(path.join(root, f), 'utf8')
  let ast
  try {
    ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', ranges: true, allowHashBang: true })
  } catch (e) {
    parseErrors++
    console.error(`PARSE ERROR ${f}: ${e.message}`)
    continue
  }
  estraverse.traverse(ast, { enter(n, p) { n.parent = p }, fallback: 'iteration' })
  const scopes = eslintScope.analyze(ast, { ecmaVersion: 2022, sourceType: 'script' })
  for (const ref of scopes.globalScope.through) {
    const name = ref.identifier.name
    if (WEAPP_GLOBALS.has(name)) continue
    const parent = ref.identifier.parent
    const guarded = parent && parent.type === 'UnaryExpression' && parent.operator === 'typeof'
    if (!report.has(name)) report.set(name, { guarded: 0, unguarded: 0, files: new Set() })
    const r = report.get(name)
    r[guarded ? 'guarded' : 'unguarded']++
    r.files.add(f)
  }
}

const names = [...report.keys()].sort()
const unguarded = names.filter((n) => report.get(n).unguarded)
const guardedOnly = names.filter((n) => !report.get(n).unguarded)
if (verbose || update) {
  for (const n of names) {
    const r = report.get(n)
    console.log(`${r.unguarded ? 'UNGUARDED' : 'guarded  '} ${n.padEnd(24)} unguarded=${r.unguarded} guarded=${r.guarded}  ${[...r.files].join(',')}`)
  }
}
console.log(`${files.length} js files; ${unguarded.length} unguarded non-weapp globals: ${unguarded.join(' ') || '-'}`)
if (guardedOnly.length) console.log(`guarded only (typeof checks, harmless): ${guardedOnly.join(' ')}`)

if (update) {
  writeFileSync(snapshotPath, JSON.stringify({ unguarded }, null, 2) + '\n')
  console.log(`globals-check: snapshot written to ${path.relative(process.cwd(), snapshotPath)}`)
  process.exit(parseErrors ? 1 : 0)
}

let snapshot = []
if (existsSync(snapshotPath)) snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')).unguarded || []
else console.log(`globals-check: no snapshot at ${snapshotPath}; run with --update to create it`)
const known = new Set(snapshot)
const added = unguarded.filter((n) => !known.has(n))
const gone = snapshot.filter((n) => !report.get(n)?.unguarded)
for (const n of added) {
  console.log(`NEW unguarded global "${n}" in ${[...report.get(n).files].join(', ')}: the WeChat runtime lacks it`)
}
if (gone.length) {
  console.log(`hint: no longer used unguarded: ${gone.join(' ')}; run "node scripts/weapp/globals-check.mjs dist/weapp --update"`)
}
const failed = added.length + parseErrors
console.log(`globals-check: ${failed ? `FAILED (${added.length} new, ${parseErrors} parse errors)` : 'OK'}`)
process.exit(failed ? 1 : 0)
