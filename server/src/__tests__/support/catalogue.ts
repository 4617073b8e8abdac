import { sql } from 'kysely'
import type { TestApp } from './test-app'

/** Every table of the test database, read from the catalogue (sqlite_master, or information_schema on PostgreSQL). */
export async function allTables(t: TestApp): Promise<string[]> {
  if (t.ctx.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.ctx.db)
    return rows.rows.map((row) => row.name)
  }
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.ctx.db)
  return rows.rows.map((row) => row.name)
}

/** The columns of a table, from the catalogue. */
export async function columnsOf(t: TestApp, table: string): Promise<string[]> {
  if (t.ctx.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.ctx.db)
    return rows.rows.map((row) => row.name)
  }
  const rows = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(t.ctx.db)
  return rows.rows.map((row) => row.name)
}

/**
 * Every place (table.column) where any of `needles` occurs as part of a value, in every column of every
 * table, whatever its type (each value is compared as text).
 */
export async function findEverywhere(t: TestApp, needles: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const table of await allTables(t)) {
    for (const column of await columnsOf(t, table)) {
      const value = t.ctx.dialect === 'sqlite' ? sql`cast(${sql.ref(column)} as text)` : sql`${sql.ref(column)}::text`
      for (const needle of needles) {
        const rows = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${value} like ${`%${needle}%`}`.execute(t.ctx.db)
        if (Number(rows.rows[0]?.n) > 0) found.push(`${table}.${column} holds ${needle}`)
      }
    }
  }
  return found
}
