#!/usr/bin/env node
// Writes .br and .gz siblings of the H5 build's text assets, so the server (@fastify/static with
// preCompressed) sends small files to phones on weak networks without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.argv[2] || 'dist/h5'
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/
let before = 0
let afterBrotli = 0
for (const name of readdirSync(root, { recursive: true })) {
  const file = path.join(root, String(name))
  if (!COMPRESSIBLE.test(file) || !statSync(file).isFile()) continue
  const bytes = readFileSync(file)
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
  writeFileSync(`${file}.br`, br)
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }))
  before += bytes.length
  afterBrotli += br.length
}
console.log(`precompressed ${root}: ${(before / 1024).toFixed(0)} KB → ${(afterBrotli / 1024).toFixed(0)} KB with brotli`)
