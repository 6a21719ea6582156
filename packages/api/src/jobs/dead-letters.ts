import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { jobSchema } from './connection.js'

/** The columns of pg-boss's `job` and `archive` tables that the dead-letter view reads. */
interface BossJobTable {
  id: string
  name: string
  data: Record<string, unknown> | null
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'
  retry_count: number
  output: { message?: string; value?: { message?: string } } | null
  created_on: Date
  completed_on: Date | null
}

interface BossDatabase {
  job: BossJobTable
  archive: BossJobTable
}

export interface FailedJob {
  id: string
  name: string
  data: Record<string, unknown> | null
  attempts: number
  createdAt: Date
  failedAt: Date | null
  error: string
}

/**
 * The dead letters: jobs failed after their last attempt, newest first, from pg-boss's live table
 * and from its archive (where maintenance moves them; it deletes them a week later).
 */
export async function listFailedJobs(
  db: Kysely<Database>,
  { limit = 20 }: { limit?: number } = {},
): Promise<FailedJob[]> {
  const boss = (db as unknown as Kysely<BossDatabase>).withSchema(jobSchema)
  const columns = ['id', 'name', 'data', 'retry_count', 'output', 'created_on', 'completed_on'] as const
  const rows = await boss
    .selectFrom('job')
    .select(columns)
    .where('state', '=', 'failed')
    .unionAll(boss.selectFrom('archive').select(columns).where('state', '=', 'failed'))
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    data: row.data,
    attempts: row.retry_count + 1,
    createdAt: row.created_on,
    failedAt: row.completed_on,
    error: row.output?.message ?? row.output?.value?.message ?? '',
  }))
}
