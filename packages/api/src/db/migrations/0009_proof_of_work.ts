import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// Proof-of-work challenges are signed with a key every API process must share: it lives in the
// database, made once here. Solutions are accepted once: the spent ones are kept until they expire.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instance_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db
    .insertInto('instance_secrets' as never)
    .values({ name: 'proof_of_work', value: randomBytes(32).toString('base64url') } as never)
    .execute()
  await db.schema
    .createTable('spent_challenges')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('spent_challenges_expiry').on('spent_challenges').column('expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('spent_challenges').ifExists().execute()
  await db.schema.dropTable('instance_secrets').ifExists().execute()
}
