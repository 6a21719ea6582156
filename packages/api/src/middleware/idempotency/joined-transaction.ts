import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/types.js'

let savepoints = 0

/**
 * `trx` seen as a database, so that a handler's own `db.transaction().execute(fn)` runs inside it:
 * `fn` gets a savepoint instead of a new transaction, rolled back if `fn` throws, just as its own
 * transaction would have been. Everything the handler writes then commits, or not, with the
 * answer the idempotency middleware stores in `trx`.
 */
export function joinedTransaction(trx: Transaction<Database>): Kysely<Database> {
  const joined: Kysely<Database> = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested
      const value = Reflect.get(target, property, target)
      // Kysely keeps its state in private fields: its methods must run on the real object.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  const nested = {
    setIsolationLevel: () => nested,
    setAccessMode: () => nested,
    async execute<T>(fn: (inner: Transaction<Database>) => Promise<T>): Promise<T> {
      const name = sql.id(`joined_${++savepoints}`)
      await sql`savepoint ${name}`.execute(trx)
      try {
        const result = await fn(joined as Transaction<Database>)
        await sql`release savepoint ${name}`.execute(trx)
        return result
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(trx)
        throw error
      }
    },
  }
  return joined
}
