import pg from 'pg'

/** The server the bench uses: DATABASE_URL, else the local PostgreSQL. */
export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
}

/** `relais_bench_s1`, `relais_bench_s0_05`: one database per scale, so scales can be compared. */
export function benchDatabaseName(scale: number): string {
  return `relais_bench_s${String(scale).replace(/\W/g, '_')}`
}

export function databaseUrlFor(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** Drops and recreates `name` on the server of `url` (through its maintenance database). */
export async function recreateDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrlFor(url, 'postgres') })
  await client.connect()
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
    await client.query(`create database ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
  return databaseUrlFor(url, name)
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrlFor(url, 'postgres') })
  await client.connect()
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name])
    return result.rowCount === 1
  } finally {
    await client.end()
  }
}
