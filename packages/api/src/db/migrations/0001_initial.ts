import { type Kysely, sql } from 'kysely'

// Every table is keyed by organization_id first, so a tenant's rows cluster together and a
// Citus cluster can distribute them by tenant. Ids are globally unique prefixed strings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('api_keys')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('publishable', 'secret')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('scopes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('allowed_origins', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addPrimaryKeyConstraint('api_keys_pkey', ['organization_id', 'id'])
    .execute()
  // The bearer token is all a request carries: it must be found without knowing the tenant.
  await db.schema.createIndex('api_keys_token_hash').unique().on('api_keys').column('token_hash').execute()

  await db.schema
    .createTable('groups')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('national', 'federation', 'section', 'thematic', 'action')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('public').check(sql`visibility in ('public', 'private')`),
    )
    .addColumn('department', 'text')
    .addColumn('postcodes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('contact_email', 'text')
    .addColumn('website_url', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('groups_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('groups_parent', ['organization_id', 'parent_id'], 'groups', ['organization_id', 'id'])
    .execute()
  await sql`create index groups_path on groups (organization_id, path text_pattern_ops)`.execute(db)
  await db.schema
    .createIndex('groups_parent_name')
    .on('groups')
    .columns(['organization_id', 'parent_id', 'name', 'id'])
    .execute()
  await db.schema.createIndex('groups_name').on('groups').columns(['organization_id', 'name', 'id']).execute()
  await db.schema.createIndex('groups_slug').unique().on('groups').columns(['organization_id', 'slug']).execute()

  await db.schema
    .createTable('group_postcodes')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_postcodes_pkey', ['organization_id', 'postcode', 'group_id'])
    .addForeignKeyConstraint(
      'group_postcodes_group',
      ['organization_id', 'group_id'],
      'groups',
      ['organization_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute()

  await db.schema
    .createTable('members')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_normalized', 'text')
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('postcode', 'text')
    .addColumn('commune', 'text')
    .addColumn('phone', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'active', 'unsubscribed', 'erased')`),
    )
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('source', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('members_pkey', ['organization_id', 'id'])
    .execute()
  await db.schema
    .createIndex('members_email')
    .unique()
    .on('members')
    .columns(['organization_id', 'email_normalized'])
    .execute()
  await db.schema
    .createIndex('members_created')
    .on('members')
    .columns(['organization_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('members_status_created')
    .on('members')
    .columns(['organization_id', 'status', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('memberships')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'organizer')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pkey', ['organization_id', 'group_id', 'member_id'])
    .addForeignKeyConstraint(
      'memberships_group',
      ['organization_id', 'group_id'],
      'groups',
      ['organization_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'memberships_member',
      ['organization_id', 'member_id'],
      'members',
      ['organization_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createIndex('memberships_member')
    .on('memberships')
    .columns(['organization_id', 'member_id'])
    .execute()

  await db.schema
    .createTable('consent_texts')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('consent_texts_pkey', ['organization_id', 'id'])
    .addUniqueConstraint('consent_texts_version', ['organization_id', 'purpose', 'language', 'version'])
    .execute()

  await db.schema
    .createTable('consent_records')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('consent_text_id', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('given_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source_origin', 'text')
    .addColumn('source_widget', 'text')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .addPrimaryKeyConstraint('consent_records_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('consent_records_member', ['organization_id', 'member_id'], 'members', [
      'organization_id',
      'id',
    ])
    .addForeignKeyConstraint('consent_records_text', ['organization_id', 'consent_text_id'], 'consent_texts', [
      'organization_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('consent_records_member')
    .on('consent_records')
    .columns(['organization_id', 'member_id', 'given_at'])
    .execute()
  // The ledger is append-only: a record may only gain its confirmation or withdrawal time, once.
  await sql`
    create function consent_records_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'consent records are append-only';
      end if;
      if (new.organization_id, new.id, new.member_id, new.purpose, new.consent_text_id, new.text_sha256,
          new.language, new.given_at, new.source_origin, new.source_widget)
         is distinct from
         (old.organization_id, old.id, old.member_id, old.purpose, old.consent_text_id, old.text_sha256,
          old.language, old.given_at, old.source_origin, old.source_widget)
         or (old.confirmed_at is not null and new.confirmed_at is distinct from old.confirmed_at)
         or (old.withdrawn_at is not null and new.withdrawn_at is distinct from old.withdrawn_at) then
        raise exception 'consent records are append-only';
      end if;
      return new;
    end $$`.execute(db)
  await sql`
    create trigger consent_records_append_only before update or delete on consent_records
    for each row execute function consent_records_append_only()`.execute(db)

  await db.schema
    .createTable('initiatives')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('meeting', 'canvassing', 'leafleting', 'phone_bank', 'rally', 'online', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .addColumn('location_name', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('commune', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('public_latitude', 'double precision')
    .addColumn('public_longitude', 'double precision')
    .addColumn('hide_address', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('online_url', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('waitlist_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'pending_review', 'published', 'cancelled')`),
    )
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('going_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlist_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('initiatives_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('initiatives_group', ['organization_id', 'group_id'], 'groups', ['organization_id', 'id'])
    .addCheckConstraint('initiatives_ends_after_start', sql`ends_at >= starts_at`)
    .addCheckConstraint('initiatives_capacity_positive', sql`capacity is null or capacity > 0`)
    .execute()
  // The public lists: upcoming by start, either organization-wide or within a set of groups.
  await db.schema
    .createIndex('initiatives_status_start')
    .on('initiatives')
    .columns(['organization_id', 'status', 'starts_at', 'id'])
    .execute()
  await db.schema
    .createIndex('initiatives_group_start')
    .on('initiatives')
    .columns(['organization_id', 'group_id', 'starts_at', 'id'])
    .execute()
  await db.schema
    .createIndex('initiatives_place')
    .on('initiatives')
    .columns(['organization_id', 'status', 'public_latitude', 'public_longitude'])
    .execute()

  await db.schema
    .createTable('rsvps')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('going', 'waitlisted', 'cancelled', 'attended')`),
    )
    .addColumn('source', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rsvps_pkey', ['organization_id', 'id'])
    .addUniqueConstraint('rsvps_one_per_member', ['organization_id', 'initiative_id', 'member_id'])
    .addForeignKeyConstraint('rsvps_initiative', ['organization_id', 'initiative_id'], 'initiatives', [
      'organization_id',
      'id',
    ])
    .addForeignKeyConstraint('rsvps_member', ['organization_id', 'member_id'], 'members', ['organization_id', 'id'])
    .execute()
  await db.schema
    .createIndex('rsvps_queue')
    .on('rsvps')
    .columns(['organization_id', 'initiative_id', 'status', 'queued_at', 'id'])
    .execute()
  await db.schema
    .createIndex('rsvps_list')
    .on('rsvps')
    .columns(['organization_id', 'initiative_id', 'created_at', 'id'])
    .execute()
  await db.schema.createIndex('rsvps_member').on('rsvps').columns(['organization_id', 'member_id']).execute()

  await db.schema
    .createTable('confirmations')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('signup', 'rsvp')`))
    .addColumn('subject_id', 'text')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('confirmations_pkey', ['organization_id', 'token_hash'])
    .addForeignKeyConstraint(
      'confirmations_member',
      ['organization_id', 'member_id'],
      'members',
      ['organization_id', 'id'],
      (f) => f.onDelete('cascade'),
    )
    .execute()
  // A confirmation link carries only the token; it is looked up before the tenant is known.
  await db.schema.createIndex('confirmations_token').unique().on('confirmations').column('token_hash').execute()

  await db.schema
    .createTable('activity')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('group_path', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_pkey', ['organization_id', 'id'])
    .execute()
  await db.schema
    .createIndex('activity_recent')
    .on('activity')
    .columns(['organization_id', 'occurred_at', 'id'])
    .execute()
  await sql`create index activity_group on activity (organization_id, group_path text_pattern_ops, occurred_at, id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'activity',
    'confirmations',
    'rsvps',
    'initiatives',
    'consent_records',
    'consent_texts',
    'memberships',
    'members',
    'group_postcodes',
    'groups',
    'api_keys',
    'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await sql`drop function if exists consent_records_append_only()`.execute(db)
}
