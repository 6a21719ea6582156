import { type Kysely, sql } from 'kysely'

/**
 * The public lists read initiatives by their group's place in the tree: a federation's page takes
 * its whole subtree, and nothing under a private group may show. Both were joins per read (the
 * subtree's group ids, then an anti-join on private ancestors) that grew with the tree. Each
 * initiative now carries its group's materialized path and whether that group is private or sits
 * under a private one, so that an index on initiatives answers alone.
 *
 * Triggers keep both in step, whoever writes: an initiative takes them from its group when it is
 * created or changes group; a group that moves (every group of a moved subtree gets a new path)
 * hands its new path to its initiatives, and a group that becomes private or public again
 * recomputes the flag of its whole subtree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('initiatives')
    .addColumn('group_path', 'text')
    .addColumn('under_private_group', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
  await sql`
    create function relais_under_private_group(organization text, group_path text) returns boolean
    language sql stable as $$
      select exists (
        select from groups
        where organization_id = organization and visibility = 'private' and starts_with(group_path, path)
      )
    $$`.execute(db)
  await sql`
    update initiatives set group_path = groups.path,
      under_private_group = relais_under_private_group(groups.organization_id, groups.path)
    from groups
    where groups.organization_id = initiatives.organization_id and groups.id = initiatives.group_id`.execute(db)
  await db.schema
    .alterTable('initiatives')
    .alterColumn('group_path', (c) => c.setNotNull())
    .execute()

  await sql`
    create function relais_initiative_group() returns trigger language plpgsql as $$
    begin
      select path into new.group_path from groups
      where organization_id = new.organization_id and id = new.group_id;
      new.under_private_group := relais_under_private_group(new.organization_id, new.group_path);
      return new;
    end $$`.execute(db)
  await sql`
    create trigger initiatives_group before insert or update of group_id on initiatives
    for each row execute function relais_initiative_group()`.execute(db)

  // After the statement's rows are all written: a moved subtree's groups all have their new paths.
  await sql`
    create function relais_group_initiatives() returns trigger language plpgsql as $$
    begin
      if new.path <> old.path then
        update initiatives
        set group_path = new.path,
          under_private_group = relais_under_private_group(new.organization_id, new.path)
        where organization_id = new.organization_id and group_id = new.id;
      end if;
      if new.visibility <> old.visibility then
        update initiatives
        set under_private_group = relais_under_private_group(organization_id, group_path)
        where organization_id = new.organization_id and starts_with(group_path, new.path);
      end if;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger groups_initiatives after update of path, visibility on groups
    for each row execute function relais_group_initiatives()`.execute(db)

  // A list chooses its page from an index alone (ids first, then only the page's rows are read):
  // what ended, is hidden or is filtered out is skipped inside the index. The organization's list
  // reads initiatives_status_start in start order; a federation's (a group just under the root,
  // a large share of the tree) initiatives_federation in start order; any other subtree, small, a
  // range of initiatives_subtree; a near search a few latitude bands of initiatives_place, each
  // ordered by longitude (domain/initiatives/subtree.ts, bounding-box.ts).
  await db.schema.dropIndex('initiatives_status_start').execute()
  await sql`
    create index initiatives_status_start on initiatives (organization_id, status, starts_at, id)
    include (ends_at, under_private_group, kind, group_path)`.execute(db)
  await sql`
    create index initiatives_federation on initiatives
    (organization_id, status, split_part(group_path, '/', 3), starts_at, id)
    include (ends_at, under_private_group)`.execute(db)
  await sql`
    create index initiatives_subtree on initiatives (organization_id, status, group_path text_pattern_ops, starts_at, id)
    include (ends_at, under_private_group)`.execute(db)
  await db.schema.dropIndex('initiatives_place').execute()
  await sql`
    create index initiatives_place on initiatives
    (organization_id, status, floor(public_latitude * 10), public_longitude)
    include (public_latitude, starts_at, id, ends_at, kind, under_private_group)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('initiatives_place').execute()
  await db.schema
    .createIndex('initiatives_place')
    .on('initiatives')
    .columns(['organization_id', 'status', 'public_latitude', 'public_longitude'])
    .execute()
  await db.schema.dropIndex('initiatives_subtree').execute()
  await db.schema.dropIndex('initiatives_federation').execute()
  await db.schema.dropIndex('initiatives_status_start').execute()
  await db.schema
    .createIndex('initiatives_status_start')
    .on('initiatives')
    .columns(['organization_id', 'status', 'starts_at', 'id'])
    .execute()
  await sql`drop trigger if exists groups_initiatives on groups`.execute(db)
  await sql`drop function if exists relais_group_initiatives()`.execute(db)
  await sql`drop trigger if exists initiatives_group on initiatives`.execute(db)
  await sql`drop function if exists relais_initiative_group()`.execute(db)
  await db.schema.alterTable('initiatives').dropColumn('under_private_group').dropColumn('group_path').execute()
  await sql`drop function if exists relais_under_private_group(text, text)`.execute(db)
}
