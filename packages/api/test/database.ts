import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type RelaisDatabase } from '../src/db/database.js'
import { copyPrefix, withDatabase } from './global-setup.js'

export interface TestDatabase extends RelaisDatabase {
  /** For the database URL of processes a test starts (PostgreSQL only). */
  url?: string
}

/**
 * A private copy of the seeded demo database for one test file: PGlite loads the dumped
 * template, PostgreSQL clones the template database. Close it in afterAll.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject('template')
  if (template.dialect === 'pglite') {
    const dump = new Blob([readFileSync(template.source)])
    const pglite = await PGlite.create({ loadDataDir: dump })
    const database = await openDatabase({ pglite })
    return {
      ...database,
      async close() {
        await database.close()
        await pglite.close()
      },
    }
  }
  const base = process.env.TEST_DATABASE_URL ?? ''
  const name = `${copyPrefix(template.source)}${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name} template ${template.source}`)
  await admin.end()
  const url = withDatabase(base, name)
  const database = await openDatabase({ url, poolSize: 4 })
  return {
    ...database,
    url,
    async close() {
      await database.close()
      const cleanup = new pg.Client({ connectionString: base })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
