import { CompiledQuery, type Kysely } from 'kysely'
import type PgBoss from 'pg-boss'
import type { Database } from '../db/types.js'

/** pg-boss keeps its tables, and its own schema version, in this schema of the database. */
export const jobSchema = 'pgboss'

/**
 * pg-boss's connection, through Kysely (a transaction's handle when given): on PGlite, whose one
 * connection Kysely shares out, a statement sent beside Kysely would land in whatever transaction is
 * open there; through a transaction's handle, a job is written with that transaction's other writes.
 * pg-boss sends its own BEGIN…COMMIT blocks as one multi-statement text, which stays on one connection.
 */
export function throughKysely(db: Kysely<Database>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []))
      return { rows: result.rows as unknown[] }
    },
  }
}

export interface TrackedConnection extends PgBoss.Db {
  /** Resolves once no statement is running; later ones are refused, so the database may close. */
  close(): Promise<void>
}

/**
 * A connection that knows its statements in flight. pg-boss marks a finished job done without
 * waiting for it, so a worker must let those statements end before the database is closed.
 */
export function trackedConnection(db: Kysely<Database>): TrackedConnection {
  const connection = throughKysely(db)
  const inFlight = new Set<Promise<unknown>>()
  let closed = false
  return {
    executeSql(text, values) {
      if (closed) return Promise.reject(new Error('The job worker has stopped.'))
      const running = connection.executeSql(text, values)
      inFlight.add(running)
      const forget = () => inFlight.delete(running)
      running.then(forget, forget)
      return running
    },
    async close() {
      await settled(inFlight)
      closed = true
    },
  }
}

/** Waits until the set stays empty across a turn of the event loop (a settled promise may start another). */
export async function settled(pending: Set<Promise<unknown>>): Promise<void> {
  do {
    await Promise.allSettled([...pending])
    await new Promise((resolve) => setImmediate(resolve))
  } while (pending.size > 0)
}
