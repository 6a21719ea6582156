import { sql } from 'kysely'
import { openDatabase, type RelaisDatabase } from '../db/database.js'
import { describeStorage, type Storage, UsageError } from './environment.js'
import { lockDataDir } from './lock.js'

// Errors that mean "this database cannot be reached as configured", not a bug of ours.
const unreachable = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '28P01', '28000', '3D000'])

/**
 * Opens the configured database, PostgreSQL or the embedded PGlite (locked to this process), and
 * checks that it answers, so a wrong DATABASE_URL is one clear sentence rather than a stack.
 */
export async function openStorage(storage: Storage): Promise<RelaisDatabase> {
  if (storage.databaseUrl) {
    const database = await openDatabase({ url: storage.databaseUrl })
    try {
      await sql`select 1`.execute(database.db)
    } catch (error) {
      await database.close()
      const code = (error as { code?: string }).code ?? ''
      if (!unreachable.has(code)) throw error
      const reason = (error as Error).message || code
      throw new UsageError(`Cannot use ${describeStorage(storage)}: ${reason}. Check DATABASE_URL.`)
    }
    return database
  }
  const release = lockDataDir(storage.dataDir)
  try {
    const database = await openDatabase({ dataDir: storage.dataDir })
    return {
      ...database,
      async close() {
        try {
          await database.close()
        } finally {
          release()
        }
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
