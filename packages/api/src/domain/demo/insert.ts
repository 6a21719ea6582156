import type { InsertObject, Kysely } from 'kysely'
import type { Database } from '../../db/types.js'

/**
 * Multi-row inserts of a few hundred rows: one round trip each, which is what makes the demo
 * fast on PGlite, and far below PostgreSQL's 65,535 bind parameters per statement.
 */
export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly InsertObject<Database, T>[],
  chunkSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + chunkSize))
      .execute()
  }
}
