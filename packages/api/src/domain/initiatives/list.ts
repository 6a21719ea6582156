import type { Kysely } from 'kysely'
import type { Database, Group, InitiativeKind, InitiativeStatus } from '../../db/types.js'
import { DomainError } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { type Page, toPage } from '../pagination.js'
import { type BoundingBox, boundingBox, distanceKm, findPlace, type Place } from '../places/index.js'
import { likeContains } from '../text.js'
import { withinBox } from './bounding-box.js'
import { normalizeTag } from './fields.js'
import { decodeTimestampCursor, keyTimestamp, timestampKey } from './keys.js'
import { earliestStartRunningAt } from './schedule.js'
import { inSubtree } from './subtree.js'
import { groupName, type InitiativeView, publicGroupIds, visibleInitiatives } from './visibility.js'

export interface InitiativeFilter {
  /** A group: its initiatives and, unless `includeSubgroups` is false, those of its subgroups. */
  group?: string
  includeSubgroups?: boolean
  kinds?: InitiativeKind[]
  tag?: string
  /** Initiatives still running at or after this time (ending then or later); default now. */
  from?: Date
  /** Initiatives starting at or before this time. */
  to?: Date
  /** A French postcode: only initiatives with a place within `radiusKm` of it. */
  near?: string
  radiusKm?: number
  q?: string
  /** Default `published`. Only secret keys may ask for others; the edge checks their scope. */
  statuses?: InitiativeStatus[]
  limit: number
  cursor?: string
  now?: Date
}

export type ListedInitiative = InitiativeView & { distance_km?: number }

/**
 * Initiatives by start time, then id: a keyset order, so that pages neither repeat nor skip rows
 * while initiatives are created. With `near`, a bounding box on the public coordinates narrows the
 * scan in SQL and the exact distance decides, page by page.
 *
 * A page is chosen on indexed columns alone (group path, status, times, place, visibility), which
 * the list indexes carry: rows that fail a filter are skipped inside the index, and only the
 * page's rows are then read whole.
 */
export async function listInitiatives(
  db: Kysely<Database>,
  audience: Audience,
  filter: InitiativeFilter,
): Promise<Page<ListedInitiative>> {
  const group = filter.group ? await findFilterGroup(db, audience, filter.group) : undefined
  const place = filter.near ? findNear(filter.near) : undefined
  const radiusKm = filter.radiusKm ?? 20
  const filtered = filteredInitiatives(db, audience, filter, group, place ? boundingBox(place, radiusKm) : undefined)
  const page = (after: Key | undefined, size: number) => readBatch(db, filtered, after, size)
  type Row = Awaited<ReturnType<typeof page>>[number]
  const within = (row: Row): (Row & { distance_km?: number }) | undefined => {
    if (!place) return row
    if (row.public_latitude === null || row.public_longitude === null) return undefined
    const distance = distanceKm(place, { latitude: row.public_latitude, longitude: row.public_longitude })
    return distance <= radiusKm ? { ...row, distance_km: Math.round(distance * 10) / 10 } : undefined
  }
  const wanted = filter.limit + 1
  const after = filter.cursor ? decodeTimestampCursor(filter.cursor) : undefined
  // Without a distance to check, every row is kept: one batch of `limit + 1` is the page.
  const rows = await collect(page, within, wanted, place ? Math.max(wanted * 2, 50) : wanted, after)
  return toPage(
    rows,
    filter.limit,
    (row) => [row.starts_key, row.id],
    ({ starts_key, ...initiative }) => initiative,
  )
}

type Key = { at: string; id: string }

/**
 * One keyset batch: the ids of the first `size` rows after `after`, chosen in an index, then those
 * rows whole with their group's name.
 */
async function readBatch(
  db: Kysely<Database>,
  filtered: ReturnType<typeof filteredInitiatives>,
  after: Key | undefined,
  size: number,
) {
  const chosen = filtered
    .select(['initiatives.organization_id', 'initiatives.id'])
    .$if(after !== undefined, (qb) =>
      qb.where((eb) => {
        const at = keyTimestamp(after?.at ?? '')
        return eb.or([
          eb('initiatives.starts_at', '>', at),
          eb.and([eb('initiatives.starts_at', '=', at), eb('initiatives.id', '>', after?.id ?? '')]),
        ])
      }),
    )
    .orderBy('initiatives.starts_at')
    .orderBy('initiatives.id')
    .limit(size)
  const rows = await db
    .selectFrom(chosen.as('page'))
    .innerJoin('initiatives', (join) =>
      join.onRef('initiatives.organization_id', '=', 'page.organization_id').onRef('initiatives.id', '=', 'page.id'),
    )
    .selectAll('initiatives')
    .select((eb) => [groupName(eb).as('group_name'), timestampKey('initiatives.starts_at').as('starts_key')])
    .execute()
  // The join promises no order: the batch is put back in keyset order here rather than sorted
  // again by the database. Keys are fixed-width UTC text (text order is time order); ids share one
  // shape (prefix, then lower-case letters and digits), which every collation orders alike.
  return rows.sort((a, b) => compareText(a.starts_key, b.starts_key) || compareText(a.id, b.id))
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Every filter but the cursor, in SQL; `box` is the bounding box of a `near` search. */
function filteredInitiatives(
  db: Kysely<Database>,
  audience: Audience,
  filter: InitiativeFilter,
  group: Group | undefined,
  box: BoundingBox | undefined,
) {
  const from = filter.from ?? filter.now ?? new Date()
  const tag = filter.tag ? normalizeTag(filter.tag) : undefined
  let query = visibleInitiatives(db, audience)
    .where('initiatives.status', 'in', filter.statuses ?? ['published'])
    .where('initiatives.ends_at', '>=', from)
    // Nothing lasts over a week: this bound lets the (status, starts_at) index do the work.
    .where('initiatives.starts_at', '>=', earliestStartRunningAt(from))
    .$if(filter.to !== undefined, (qb) => qb.where('initiatives.starts_at', '<=', filter.to ?? from))
    .$if(Boolean(filter.kinds?.length), (qb) => qb.where('initiatives.kind', 'in', filter.kinds ?? []))
    .$if(tag !== undefined, (qb) => qb.where((eb) => eb(eb.val(tag ?? ''), '=', eb.fn.any('initiatives.tags'))))
    .$if(Boolean(filter.q), (qb) => qb.where('initiatives.search_text', 'like', likeContains(filter.q ?? '')))
  if (group) {
    query =
      filter.includeSubgroups === false
        ? query.where('initiatives.group_id', '=', group.id)
        : query.where((eb) => inSubtree(eb, group))
  }
  if (box) query = query.where('initiatives.kind', '!=', 'online').where((eb) => withinBox(eb, box))
  return query
}

/**
 * Reads keyset batches until `wanted` rows pass `accept` or the rows run out. A rejected row only
 * moves the scan on; the cursor is always the key of the last row answered.
 */
async function collect<Row extends { starts_key: string; id: string }, Kept extends Row>(
  page: (after: Key | undefined, size: number) => Promise<Row[]>,
  accept: (row: Row) => Kept | undefined,
  wanted: number,
  size: number,
  after: Key | undefined,
): Promise<Kept[]> {
  const kept: Kept[] = []
  let position = after
  for (;;) {
    const batch = await page(position, size)
    for (const row of batch) {
      const accepted = accept(row)
      if (accepted) kept.push(accepted)
      if (kept.length >= wanted) return kept
    }
    const last = batch.at(-1)
    if (batch.length < size || !last) return kept
    position = { at: last.starts_key, id: last.id }
  }
}

function findNear(postcode: string): Place {
  const place = findPlace(postcode)
  if (!place) {
    throw new DomainError('invalid', `The postcode ${postcode} is unknown.`, [
      { path: 'near', message: 'Use a French postcode, such as 75011.' },
    ])
  }
  return place
}

// A filter on a group the caller cannot see is a mistake to point out, not an empty list.
async function findFilterGroup(db: Kysely<Database>, audience: Audience, groupId: string): Promise<Group> {
  const group = await db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', audience.organizationId)
    .where('id', '=', groupId)
    .$if(!audience.includePrivate, (qb) => qb.where('id', 'in', publicGroupIds(db, audience.organizationId)))
    .executeTakeFirst()
  if (!group) {
    throw new DomainError('not_found', `Group ${groupId} was not found.`, [
      { path: 'group', message: 'Use the id of a group of this organization.' },
    ])
  }
  return group
}
