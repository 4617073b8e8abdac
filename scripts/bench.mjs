#!/usr/bin/env node
// `npm run bench`: runs every benchmark in scripts/bench/*.bench.ts one after another and prints
// their result lines. Benchmarks measure; they never pass or fail on a number.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const dir = path.join('scripts', 'bench')
const only = process.argv.slice(2)
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only.length || only.some((o) => f.includes(o))))
  .sort()
let failed = 0
for (const file of benches) {
  console.log(`\n━━━ ${file} ━━━`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' })
  if (run.status !== 0) failed++
}
if (!benches.length) console.log('no benchmarks found')
process.exit(failed ? 1 : 0)
