#!/usr/bin/env node
// Offline validation of app.json, every page json and sitemap.json of a weapp dist dir with
// miniprogram-ci's own (DevTools) JSON checkers. Catches missing pages, subpackage mistakes,
// bad requiredPrivateInfos, unknown tabBar pages, a missing sitemap, ...
// Usage: node scripts/weapp/json-check.mjs [dist/weapp]
//
// miniprogram-ci wants a private key file even offline: a throwaway RSA key is generated with
// node:crypto into a temp dir (no openssl needed) and removed afterwards. project.attr is replaced
// so nothing goes online (the real lookup needs a real appid + key + IP whitelist).
import { createRequire } from 'node:module'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const require = createRequire(import.meta.url)
const root = path.resolve(process.argv[2] || 'dist/weapp')
if (!existsSync(path.join(root, 'app.json'))) {
  console.error(`json-check: ${root}/app.json not found; build first (npx taro build --type weapp)`)
  process.exit(1)
}

const keyDir = mkdtempSync(path.join(os.tmpdir(), 'weapp-json-check-'))
const keyPath = path.join(keyDir, 'dummy.key')
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 })

let passed = 0
let failed = 0
const ok = (msg) => { passed++; console.log(`OK   ${msg}`) }
const fail = (msg, e) => { failed++; console.log(`FAIL ${msg}: ${String(e?.message ?? e).slice(0, 800)}`) }

try {
  const ci = require('miniprogram-ci')
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  })
  project.attr = async () => ({
    ...ci.DefaultProjectAttr,
    setting: { ...ci.DefaultProjectAttr.setting, MaxSubpackageFullCodeSize: 30 },
  })

  try {
    const app = await ci.getAppJSON(project)
    const subs = app.subPackages || app.subpackages || []
    ok(`app.json (${app.pages.length} pages, ${subs.length} subpackages)`)
    const pages = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
    for (const pagePath of pages) {
      try {
        await ci.getPageJSON(project, { miniprogramRoot: '', pagePath })
        ok(`page ${pagePath}`)
      } catch (e) {
        fail(`page ${pagePath}`, e)
      }
    }
  } catch (e) {
    fail('app.json', e)
  }

  try {
    const sitemap = ci.getSiteMapJSON(project)
    ok(`sitemap.json ${JSON.stringify(sitemap).slice(0, 100)}`)
  } catch (e) {
    fail('sitemap.json', e)
  }
} finally {
  rmSync(keyDir, { recursive: true, force: true })
}

console.log(`json-check: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
