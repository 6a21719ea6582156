// Writes the contract served at /openapi.json to packages/api/openapi.json, or with --check fails
// when the committed file differs from what the routes generate.
import { readFileSync, writeFileSync } from 'node:fs'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { createApp } from '../src/app.js'
import type { Database } from '../src/db/types.js'

const target = new URL('../openapi.json', import.meta.url)
const check = process.argv.includes('--check')

// Generating the document runs no query: a pool that never connects is enough to build the app.
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) })
const app = createApp({ db, config: { publicUrl: 'http://localhost:8787' } })
const document = `${JSON.stringify(await (await app.request('/openapi.json')).json(), null, 2)}\n`
await db.destroy()

if (check) {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {}
  if (committed !== document) {
    console.error('packages/api/openapi.json is stale: run `pnpm generate` and commit the result.')
    process.exit(1)
  }
  console.log('openapi.json matches the routes.')
} else {
  writeFileSync(target, document)
  console.log(`wrote ${target.pathname}`)
}
