import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import { withDatabase } from '../../test/global-setup.js'
import type { Storage } from './environment.js'

export interface TestStorage extends Storage {
  remove(): Promise<void>
}

/**
 * For tests of the server and the CLI: an empty database like a first start finds, in a temp data
 * dir (the embedded one), or an empty PostgreSQL database on the test server.
 */
export async function emptyTestStorage(prefix: string): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), `relais-${prefix}-`))
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true })
  if (inject('template').dialect !== 'postgres') return { dataDir, remove: async () => removeDir() }
  const base = process.env.TEST_DATABASE_URL ?? ''
  // The relais_t_ prefix puts it in the global teardown's sweep too.
  const name = `relais_t_${prefix}_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
  return {
    dataDir,
    databaseUrl: withDatabase(base, name),
    async remove() {
      removeDir()
      const cleanup = new pg.Client({ connectionString: base })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
