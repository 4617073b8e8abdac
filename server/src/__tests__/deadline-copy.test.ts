import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'

const ROOT = path.resolve(import.meta.dirname, '../../..')
/** Where rule data lives: the seeded rule sets. Everything else must take its time limits from them. */
const RULE_DATA = new Set([
  path.join(ROOT, 'server/src/db/migrations/2026-12-03T0020-rule-sets.ts'),
  path.join(ROOT, 'server/src/db/migrations/2026-12-04T0023-repeats-pauses.ts'),
])
const NUMBERED_DEADLINE = /(\d+|[一二三四五六七八九十]+)\s*个(工作日|自然日)/
// Account deletion's 15 working days is a personal-information rule (ACCOUNT_DELETION_WORKING_DAYS), not a complaint rule.
const ACCOUNT_DELETION = /注销/

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    if (name === '__tests__' || name === 'node_modules') continue
    if (statSync(file).isDirectory()) yield* sourceFiles(file)
    else if (/\.(ts|tsx)$/.test(name)) yield file
  }
}

/** Comment lines (JSDoc, //) may give examples; code and copy may not state a deadline. */
const code = (line: string) => !/^\s*(\/\/|\/\*\*|\*)/.test(line)

test('no app or server sentence states a deadline of its own: every "N 个工作日" comes from a rule set', () => {
  const found: string[] = []
  for (const dir of ['src', 'server/src']) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      if (RULE_DATA.has(file)) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (code(line) && NUMBERED_DEADLINE.test(line) && !ACCOUNT_DELETION.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
        })
    }
  }
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  readme.split('\n').forEach((line, i) => NUMBERED_DEADLINE.test(line) && !ACCOUNT_DELETION.test(line) && found.push(`README.md:${i + 1}`))
  assert.deepEqual(found, [])
})
