import { createRequire } from 'node:module'
import { type Kysely, sql } from 'kysely'
import PgBoss from 'pg-boss'
import type { Database } from '../db/types.js'
import { jobSchema, throughKysely } from './connection.js'
import { type QueueSettings, queues } from './queues.js'

// The schema version this pg-boss expects: when the database has it, starting pg-boss is not needed.
const expectedVersion: number = createRequire(import.meta.url)('pg-boss/version.json').schema

/**
 * Creates or upgrades pg-boss's schema (pg-boss versions it itself, under an advisory lock, so
 * several processes may start at once), then creates the queues and applies their settings.
 * Runs after the migrations of Relais; answers what it did to the schema, if anything.
 */
export async function installJobQueue(
  db: Kysely<Database>,
  settings: Record<string, QueueSettings> = queues,
): Promise<string | undefined> {
  const before = await schemaVersion(db)
  const boss = new PgBoss({ db: throughKysely(db), schema: jobSchema, supervise: false, schedule: false })
  if (before !== expectedVersion) {
    await boss.start()
    await boss.stop({ graceful: false })
  }
  // Both are single statements, creating nothing that exists already.
  for (const [name, options] of Object.entries(settings)) {
    await boss.createQueue(name, { name, ...options })
    await boss.updateQueue(name, { name, ...options })
  }
  return before === expectedVersion ? undefined : `pg-boss schema ${expectedVersion}`
}

async function schemaVersion(db: Kysely<Database>): Promise<number | null> {
  const table = `${jobSchema}.version`
  const { rows } = await sql<{ installed: string | null }>`select to_regclass(${table})::text as installed`.execute(db)
  if (!rows[0]?.installed) return null
  const version = await sql<{ version: number }>`select version from ${sql.table(table)}`.execute(db)
  return version.rows[0]?.version ?? null
}
