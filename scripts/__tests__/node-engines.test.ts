import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test } from 'node:test'

// semver comes with npm's own dependency tree; it has no types of its own here.
const semver = createRequire(__filename)('semver') as { minVersion(range: string): { version: string } | null; satisfies(version: string, range: string): boolean }
const root = path.join(__dirname, '..', '..')
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'))

test('every locked package runs on the oldest Node the README and package.json promise (no EBADENGINE on npm install)', () => {
  const range = read('package.json').engines.node as string
  const oldest = semver.minVersion(range)!.version
  assert.match(oldest, /^20\./, 'the project promises Node 20')
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  assert.ok(readme.includes(`Node.js ${oldest.replace(/\.0$/, '')}`), `the README names Node.js ${oldest.replace(/\.0$/, '')}`)

  const refused: string[] = []
  for (const [where, entry] of Object.entries(read('package-lock.json').packages as Record<string, { version?: string; engines?: { node?: string } | string[] }>)) {
    const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined
    if (wanted && !semver.satisfies(oldest, wanted)) refused.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${wanted}`)
  }
  assert.deepEqual(refused, [], `packages that would print EBADENGINE on Node ${oldest}`)
})
