import type { Kysely } from 'kysely'

// Volunteer applications and field reports (#8): tables are added by that capability.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
