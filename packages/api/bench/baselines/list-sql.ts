import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../src/db/types.js'
import { listInitiatives } from '../../src/domain/initiatives/list.js'
import type { BenchManifest } from '../generate/index.js'

export interface CapturedQuery {
  sql: string
  parameters: readonly unknown[]
}

/**
 * The SQL the list endpoint runs, captured from the domain function the route calls (Kysely's log
 * hook sees each compiled query with its parameters), so the database floor and the EXPLAIN plans
 * use exactly the server's statements, not a hand-written lookalike.
 */
export async function captureListQueries(
  manifest: BenchManifest,
  filter: { group?: string; near?: string; radiusKm?: number },
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = []
  const pool = new pg.Pool({ connectionString: manifest.databaseUrl, max: 1 })
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  try {
    await listInitiatives(
      db,
      { organizationId: manifest.organizationId, includePrivate: false },
      { ...filter, includeSubgroups: true, limit: 20 },
    )
  } finally {
    await db.destroy()
  }
  return captured
}
