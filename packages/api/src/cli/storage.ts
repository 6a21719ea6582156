import type { Kysely } from 'kysely'
import { migrateToLatest } from '../db/migrate.js'
import type { Database } from '../db/types.js'
import { openStorage } from '../server/database.js'
import { describeStorage, type Storage, storageFrom, userDirectory } from '../server/environment.js'
import type { CliIo } from './io.js'

export interface CommandStorage extends Storage {
  where: string
}

/**
 * Runs `work` on the configured database (DATABASE_URL, else the embedded one in RELAIS_DATA_DIR),
 * brought to the latest migration, and always closes it: an embedded database left open keeps its
 * lock and can lose writes.
 */
export async function withDatabase<T>(
  io: CliIo,
  work: (db: Kysely<Database>, storage: CommandStorage) => Promise<T>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<T> {
  const storage = storageFrom(io.env, io.cwd)
  const where = describeStorage(storage, userDirectory(io.env, io.cwd))
  const database = await openStorage(storage)
  try {
    if (migrate) {
      const { applied } = await migrateToLatest(database.db)
      if (applied.length > 0) io.err(`Migrated ${where}: ${applied.join(', ')}.`)
    }
    return await work(database.db, { ...storage, where })
  } finally {
    await database.close()
  }
}
