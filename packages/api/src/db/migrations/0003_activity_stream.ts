import { type Kysely, sql } from 'kysely'

/**
 * A commit-safe order for the live activity stream. Ids and timestamps are chosen before commit, so
 * a row can become visible after a later one: a reader remembering "the last id sent" would skip it.
 * Each row records the id of the transaction that wrote it (`stream_tx`) and a sequence number
 * (`stream_seq`); a row is streamed only once every transaction older than the oldest one still
 * running has finished (`stream_tx < pg_snapshot_xmin(pg_current_snapshot())`), so nothing can still
 * appear before a position already sent. Existing rows all get the id of this migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity add column stream_tx xid8 not null default pg_current_xact_id()`.execute(db)
  await sql`alter table activity add column stream_seq bigint generated always as identity`.execute(db)
  // A tenant's stream (resume, backfill) reads its own rows in stream order.
  await sql`create index activity_stream on activity (organization_id, stream_tx, stream_seq)`.execute(db)
  // The one poll per process serves every tenant's subscribers at once: it follows the stream across
  // organizations, which no index led by organization_id can serve. It stays small and hot (the poll
  // only reads its newest end), and a distributed deployment would run one poll per shard.
  await sql`create index activity_stream_all on activity (stream_tx, stream_seq)`.execute(db)
  // Wakes the streams of every API process; PostgreSQL delivers a notification at commit, never before.
  await sql`
    create function relais_activity_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('relais_activity', '');
      return null;
    end
    $$`.execute(db)
  await sql`
    create trigger activity_notify after insert on activity
    for each statement execute function relais_activity_notify()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists activity_notify on activity`.execute(db)
  await sql`drop function if exists relais_activity_notify()`.execute(db)
  await sql`drop index if exists activity_stream_all`.execute(db)
  await sql`drop index if exists activity_stream`.execute(db)
  await sql`alter table activity drop column if exists stream_seq, drop column if exists stream_tx`.execute(db)
}
