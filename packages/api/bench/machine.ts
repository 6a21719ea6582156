import { cpus, release, totalmem } from 'node:os'
import pg from 'pg'
import type { Machine } from './results.js'

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const version = await client.query<{ server_version: string }>('show server_version')
    const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in ('shared_buffers', 'max_connections', 'work_mem')`,
    )
    const shown = settings.rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ''}`).join(', ')
    return {
      cpus: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      postgres: `PostgreSQL ${version.rows[0]?.server_version ?? '?'} (${shown})`,
      os: `Linux ${release()}`,
      date: new Date().toISOString(),
    }
  } finally {
    await client.end()
  }
}
