import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase, type RelaisDatabase } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { type DemoSeed, seedDemo } from '../src/domain/demo/index.js'

export interface TestTemplate {
  dialect: 'pglite' | 'postgres'
  /** PGlite: the dumped data dir to load; PostgreSQL: the template database name. */
  source: string
  demo: DemoSeed
  other: DemoSeed
  now: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: TestTemplate
  }
}

async function seed(database: RelaisDatabase, now: Date) {
  await migrateToLatest(database.db)
  const demo = await seedDemo(database.db, { now, allowedOrigins: ['https://candidat.example.org'] })
  const other = await seedDemo(database.db, { now, size: 'small', name: 'Autre Parti', slug: 'autre-parti', seed: 7 })
  return { demo, other }
}

/** Builds the demo database once per run; each test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const dialect = project.config.env.RELAIS_TEST_DIALECT === 'postgres' ? 'postgres' : 'pglite'
  const now = new Date()
  if (dialect === 'pglite') {
    const pglite = await PGlite.create('memory://')
    const database = await openDatabase({ pglite })
    const { demo, other } = await seed(database, now)
    await database.close()
    const dir = mkdtempSync(join(tmpdir(), 'relais-test-'))
    const source = join(dir, 'template.tar.gz')
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(source, Buffer.from(await dump.arrayBuffer()))
    await pglite.close()
    project.provide('template', { dialect, source, demo, other, now: now.toISOString() })
    return () => rmSync(dir, { recursive: true, force: true })
  }
  const url = process.env.TEST_DATABASE_URL ?? ''
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const source = `relais_template_${process.pid}`
  await admin.query(`drop database if exists ${source}`)
  await admin.query(`create database ${source}`)
  const database = await openDatabase({ url: withDatabase(url, source), poolSize: 2 })
  const { demo, other } = await seed(database, now)
  await database.close()
  project.provide('template', { dialect, source, demo, other, now: now.toISOString() })
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`${copyPrefix(source)}%`, source],
    )
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`)
    await admin.end()
  }
}

/** Copies made for one run share a prefix, so a run cleans up only its own databases. */
export function copyPrefix(template: string): string {
  return `${template.replace('relais_template_', 'relais_t_')}_`
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
