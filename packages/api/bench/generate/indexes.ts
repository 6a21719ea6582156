import type pg from 'pg'

/**
 * Secondary indexes of the bulk tables are dropped before COPY and rebuilt after it, in the same
 * transaction: one sorted build is many times faster than 5 million ordered inserts into each index.
 * Indexes backing a constraint (primary keys, unique constraints) stay, as they must.
 */
export async function withoutSecondaryIndexes<T>(
  client: pg.PoolClient,
  tables: readonly string[],
  log: (line: string) => void,
  load: () => Promise<T>,
): Promise<T> {
  const found = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  )
  for (const index of found.rows) await client.query(`drop index ${client.escapeIdentifier(index.indexname)}`)
  const result = await load()
  const started = performance.now()
  await client.query(`set local maintenance_work_mem = '256MB'`)
  for (const index of found.rows) await client.query(index.indexdef)
  log(`  ${found.rows.length} indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}
