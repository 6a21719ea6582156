import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './types.js'

export type DatabaseConfig =
  /** A PostgreSQL server, reached through `pg`. */
  | { url: string; poolSize?: number }
  /** The embedded PGlite, file-backed in `dataDir` (or `memory://`), or an already open instance. */
  | { dataDir: string; pglite?: PGlite }
  | { pglite: PGlite }

export interface RelaisDatabase {
  db: Kysely<Database>
  kind: 'postgres' | 'pglite'
  close(): Promise<void>
}

// timestamptz comes back as Date, bigint counts as numbers: the API speaks RFC 3339 and JSON numbers.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value)
    if (oid === 1700) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

/**
 * Opens the database with one driver path for both kinds: PGlite is wrapped in a `pg.Pool`
 * (a single connection, so Kysely queues concurrent callers and transactions stay isolated).
 */
export async function openDatabase(config: DatabaseConfig): Promise<RelaisDatabase> {
  if ('url' in config) {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  let pglite = config.pglite
  const owned = !pglite
  if (!pglite && 'dataDir' in config) {
    if (!config.dataDir.startsWith('memory://')) mkdirSync(config.dataDir, { recursive: true })
    pglite = await PGlite.create(config.dataDir)
  }
  if (!pglite) throw new Error('openDatabase needs a url, a dataDir or a PGlite instance')
  const pool = new pg.Pool({ ...createPgConfig(pglite), types } as pg.PoolConfig)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const instance = pglite
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy()
      if (owned) await instance.close()
    },
  }
}
