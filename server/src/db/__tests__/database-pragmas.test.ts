import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from '../database'

test('a SQLite file database opens with server settings: WAL, synchronous NORMAL, 64 MiB cache, 256 MiB mmap, temp in memory', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-pragmas-'))
  const handle = openDatabase({ sqliteFile: path.join(dir, 'weiquan.sqlite') })
  try {
    const read = async (name: string) => {
      const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(handle.db)
      return Object.values(rows[0] ?? {})[0]
    }
    assert.equal(await read('journal_mode'), 'wal')
    assert.equal(await read('synchronous'), 1, 'NORMAL')
    assert.equal(await read('foreign_keys'), 1)
    assert.equal(await read('busy_timeout'), 5000)
    assert.equal(await read('cache_size'), -65536)
    assert.equal(await read('mmap_size'), 268435456)
    assert.equal(await read('temp_store'), 2, 'MEMORY')
  } finally {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
