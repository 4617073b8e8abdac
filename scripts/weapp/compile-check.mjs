#!/usr/bin/env node
// Compile every WXML/WXS and WXSS of a weapp dist dir with WeChat's own wcc/wcsc binaries
// (shipped in the miniprogram-compiler npm package). Fails on real template or style errors.
// Usage: node scripts/weapp/compile-check.mjs [dist/weapp]
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { globSync } from 'glob'

const require = createRequire(import.meta.url)
const { wxmlToJs } = require('miniprogram-compiler')
const wcsc = require('miniprogram-compiler/src/wcsc') // returns (does not throw) an Error on failure

const root = path.resolve(process.argv[2] || 'dist/weapp')
if (!existsSync(path.join(root, 'app.json'))) {
  console.error(`compile-check: ${root}/app.json not found; build first (npx taro build --type weapp)`)
  process.exit(1)
}

let passed = 0
let failed = 0
const clip = (s) => String(s).slice(0, 1500)

const wxml = globSync('**/*.wxml', { cwd: root, nodir: true, ignore: ['node_modules/**'] })
try {
  const js = wxmlToJs(root)
  console.log(`wcc  OK   ${wxml.length} wxml files -> ${js.length} chars`)
  passed++
} catch (e) {
  console.error(`wcc  FAIL\n${clip(e.message)}`)
  failed++
}

const wxss = globSync('**/*.wxss', { cwd: root, nodir: true, ignore: ['node_modules/**'] }).sort()
if (wxss.length) {
  // maxBuffer: wcsc prints all compiled styles on stdout; the default 1 MB is too small for big apps
  const r = wcsc(root, wxss.map((f) => f.slice(0, -'.wxss'.length)), { maxBuffer: 64 * 1024 * 1024 })
  if (r instanceof Error) {
    console.error(`wcsc FAIL\n${clip(r.message)}`)
    failed++
  } else {
    console.log(`wcsc OK   ${wxss.length} wxss files`)
    passed++
  }
}

console.log(`compile-check: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
