import { type Kysely, sql } from 'kysely'

/**
 * The audit log and the retention policy.
 *
 * `audit_events` records who (key id and kind) read, exported, changed or erased personal data,
 * and when; it holds ids only, never a name or an address. It is append-only: a trigger refuses
 * every UPDATE, and every DELETE except the retention job's, which sets `relais.audit_retention`
 * for its own transaction only (`set_config(…, true)`).
 *
 * `retention_policies` holds an organization's own delays, per category; a category without a row
 * uses the default of `src/domain/retention/categories.ts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) =>
      c.notNull().check(sql`actor_kind in ('publishable', 'secret', 'system', 'operator')`),
    )
    .addColumn('key_id', 'text')
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('request_id', 'text')
    .addColumn('client_address', 'text')
    .addPrimaryKeyConstraint('audit_events_pkey', ['organization_id', 'id'])
    .execute()
  // The log's list: newest first, per tenant; by target (a person's history) and by key.
  await db.schema.createIndex('audit_events_recent').on('audit_events').columns(['organization_id', 'id']).execute()
  await db.schema
    .createIndex('audit_events_target')
    .on('audit_events')
    .columns(['organization_id', 'target_id', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_events_key')
    .on('audit_events')
    .columns(['organization_id', 'key_id', 'id'])
    .execute()
  // The retention job deletes the oldest events of each tenant.
  await db.schema
    .createIndex('audit_events_occurred')
    .on('audit_events')
    .columns(['organization_id', 'occurred_at'])
    .execute()
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('relais.audit_retention', true) = 'on' then
        return old;
      end if;
      raise exception 'audit events are append-only';
    end $$`.execute(db)
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db)

  await db.schema
    .createTable('retention_policies')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days > 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('retention_policies_pkey', ['organization_id', 'category'])
    .execute()

  // The nightly purge of unconfirmed sign-ups is now one category of the retention job: its old
  // schedule, if pg-boss already holds it, would enqueue jobs that no worker takes any more.
  await sql`
    do $$
    begin
      if to_regclass('pgboss.schedule') is not null then
        delete from pgboss.schedule where name = 'purge-unconfirmed';
      end if;
    end $$`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_policies').ifExists().execute()
  await db.schema.dropTable('audit_events').ifExists().execute()
  await sql`drop function if exists audit_events_append_only()`.execute(db)
}
