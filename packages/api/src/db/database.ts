import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './types.js'

export type DatabaseConfig =
  /** A PostgreSQL server, reached through `pg`. */
  | { url: string; poolSize?: number }
  /** The embedded PGlite, file-backed in `dataDir` (or `memory://`), or an already open instance. */
  | { dataDir: string; pglite?: PGlite }
  | { pglite: PGlite }

/**
 * Calls `onNotify` with its payload whenever a NOTIFY on `channel` commits, from any process using
 * the database; with no payload after a lost connection came back, since anything may have been
 * missed meanwhile. Resolves once listening; the answer stops listening.
 */
export type Listen = (channel: string, onNotify: (payload?: string) => void) => Promise<() => Promise<void>>

export interface RelaisDatabase {
  db: Kysely<Database>
  kind: 'postgres' | 'pglite'
  /** LISTEN/NOTIFY: how one process learns of another's writes without polling for them. */
  listen?: Listen
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
    // An idle connection cut by the server (restart, failover, admin termination) must not crash the
    // process: the pool drops it and the next query opens a new one; /readyz reports the outage.
    pool.on('error', (error) => console.error(`[relais] database connection lost: ${error.message}`))
    // The pool listens to idle connections only: one in use when the server goes away errors on its
    // own client, which must not crash the process either (the query in flight fails, and says so).
    pool.on('connect', (client) => client.on('error', () => undefined))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const listeners = new Set<() => Promise<void>>()
    return {
      db,
      kind: 'postgres',
      listen: (channel, onNotify) => listenOnServer(config.url, channel, onNotify, listeners),
      async close() {
        await Promise.all([...listeners].map((stop) => stop()))
        await db.destroy()
      },
    }
  }
  // Loaded only here: a server on PostgreSQL never carries the embedded engine (about 40 MB).
  const [{ PGlite }, { createPgConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/node-postgres'),
  ])
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
  // Listeners per channel: the one connection listens once for all of them.
  const listening = new Map<string, number>()
  return {
    db,
    kind: 'pglite',
    // PGlite has one connection, shared with the pool: LISTEN goes through Kysely so that it never
    // lands inside a transaction the pool has open, and PGlite hands over the notifications that
    // come back with any query's answer (a commit's own included).
    async listen(channel, onNotify) {
      const off = instance.onNotification((name, payload) => {
        if (name === channel) onNotify(payload)
      })
      const count = listening.get(channel) ?? 0
      listening.set(channel, count + 1)
      if (count === 0) await sql`listen ${sql.id(channel)}`.execute(db)
      return async () => {
        off()
        const left = (listening.get(channel) ?? 1) - 1
        listening.set(channel, left)
        if (left === 0) await sql`unlisten ${sql.id(channel)}`.execute(db)
      }
    },
    async close() {
      await db.destroy()
      if (owned) await instance.close()
    },
  }
}

const reconnectMs = 1000

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries). A lost
 * connection is opened again, and `onNotify` called then, since notifications sent meanwhile are gone.
 */
async function listenOnServer(
  url: string,
  channel: string,
  onNotify: (payload?: string) => void,
  listeners: Set<() => Promise<void>>,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined
  let stopped = false
  let retry: ReturnType<typeof setTimeout> | undefined
  const connect = async () => {
    const next = new pg.Client({ connectionString: url })
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload)
    })
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    client = next
    await next.connect()
    await next.query(`listen ${next.escapeIdentifier(channel)}`)
  }
  const lost = (which: pg.Client) => {
    if (stopped || which !== client || retry) return
    client = undefined
    which.end().catch(() => undefined)
    retry = setTimeout(() => {
      retry = undefined
      connect().then(
        () => onNotify(),
        () => lost(client ?? which),
      )
    }, reconnectMs)
  }
  const stop = async () => {
    stopped = true
    listeners.delete(stop)
    clearTimeout(retry)
    await client?.end().catch(() => undefined)
  }
  try {
    await connect()
  } catch (error) {
    await stop()
    throw error
  }
  listeners.add(stop)
  return stop
}
