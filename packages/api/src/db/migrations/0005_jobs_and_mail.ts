import { type Kysely, sql } from 'kysely'

/**
 * Where e-mail lands without an SMTP server (the embedded default, tests): the real MIME message,
 * with its parts for the `/dev/mailbox` pages; and the unsubscribe links of sent messages, stored
 * hashed like confirmation links. The job queue itself is pg-boss's own schema (`pgboss`), which
 * pg-boss creates and upgrades (see `src/jobs/install.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('attachments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mail_outbox_pkey', ['organization_id', 'id'])
    .execute()
  // The dev mailbox lists every tenant's messages, newest first; erasure finds a member's.
  await db.schema.createIndex('mail_outbox_recent').on('mail_outbox').column('id').execute()
  await db.schema
    .createIndex('mail_outbox_member')
    .on('mail_outbox')
    .columns(['organization_id', 'member_id'])
    .execute()

  await db.schema
    .createTable('unsubscribe_tokens')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('unsubscribe_tokens_pkey', ['organization_id', 'token_hash'])
    .addForeignKeyConstraint(
      'unsubscribe_tokens_member',
      ['organization_id', 'member_id'],
      'members',
      ['organization_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute()
  // An unsubscribe link carries only the token; it is looked up before the tenant is known.
  await db.schema
    .createIndex('unsubscribe_tokens_token')
    .unique()
    .on('unsubscribe_tokens')
    .column('token_hash')
    .execute()
  await db.schema
    .createIndex('unsubscribe_tokens_member')
    .on('unsubscribe_tokens')
    .columns(['organization_id', 'member_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unsubscribe_tokens').ifExists().execute()
  await db.schema.dropTable('mail_outbox').ifExists().execute()
}
