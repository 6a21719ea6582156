import pg from 'pg'
import type { CapturedQuery } from './list-sql.js'

export interface DbFloorResult {
  /** Complete list executions (all its statements) per second. */
  perSecond: number
  p50: number
  p99: number
  clients: number
}

/**
 * The database floor: the list's statements run through `pg` in a tight loop by `clients`
 * connections (the API's pool size) for `duration` seconds, without HTTP or JSON around them.
 */
export async function dbFloor(
  databaseUrl: string,
  queries: CapturedQuery[],
  duration: number,
  clients: number,
): Promise<DbFloorResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients })
  const latencies: number[] = []
  const until = performance.now() + duration * 1000
  const worker = async () => {
    const client = await pool.connect()
    try {
      while (performance.now() < until) {
        const started = performance.now()
        for (const query of queries) await client.query(query.sql, query.parameters as unknown[])
        latencies.push(performance.now() - started)
      }
    } finally {
      client.release()
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, worker))
  const seconds = (performance.now() - started) / 1000
  await pool.end()
  latencies.sort((a, b) => a - b)
  const p = (q: number) => Number((latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(2))
  return { perSecond: Math.round(latencies.length / seconds), p50: p(0.5), p99: p(0.99), clients }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each captured statement, as text. */
export async function explain(databaseUrl: string, queries: CapturedQuery[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const plans: string[] = []
    for (const query of queries) {
      const result = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${query.sql}`,
        query.parameters as unknown[],
      )
      plans.push(result.rows.map((row) => row['QUERY PLAN']).join('\n'))
    }
    return plans
  } finally {
    await client.end()
  }
}
