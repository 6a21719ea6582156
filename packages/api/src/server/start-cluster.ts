import cluster from 'node:cluster'
import type { CliIo } from '../cli/io.js'
import { migrateToLatest } from '../db/migrate.js'
import { parseWorkers, runPrimary } from './cluster.js'
import { openStorage } from './database.js'
import { storageFrom, UsageError } from './environment.js'

export { workerIndex } from './cluster.js'

/**
 * `relais serve --workers N`. In the primary of N > 1 workers: migrates once (so that the workers do
 * not race to), then forks the workers and returns true when they have all stopped. Returns false
 * where this process should serve itself: a worker, or a single process.
 */
export async function startCluster(options: { workers: string; demo?: boolean; io: CliIo }): Promise<boolean> {
  const workers = parseWorkers(options.workers)
  if (workers === 1 || !cluster.isPrimary) return false
  const { io } = options
  const storage = storageFrom(io.env, io.cwd)
  if (!storage.databaseUrl) {
    throw new UsageError('--workers needs DATABASE_URL: the embedded database can only be opened by one process.')
  }
  if (options.demo) {
    throw new UsageError('--workers and --demo do not go together: seed once with `relais seed`, then serve.')
  }
  const database = await openStorage(storage)
  try {
    const { applied } = await migrateToLatest(database.db)
    if (applied.length > 0) io.out(`Migrated: ${applied.join(', ')}.`)
  } finally {
    await database.close()
  }
  await runPrimary({ workers, log: io.out })
  return true
}
