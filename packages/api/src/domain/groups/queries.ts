import type { Kysely } from 'kysely'
import type { Database, Group, GroupKind } from '../../db/types.js'
import { notFound } from '../errors.js'
import { decodeCursor, type Page, toPage } from '../pagination.js'
import { boundingBox, distanceKm, findPlace } from '../places/index.js'
import { likeContains } from '../text.js'

export interface Audience {
  organizationId: string
  /** Secret keys see private groups; the public does not learn they exist. */
  includePrivate: boolean
}

export interface GroupFilter {
  parent?: string
  kind?: GroupKind
  near?: string
  radiusKm?: number
  q?: string
  limit: number
  cursor?: string
}

export type ListedGroup = Group & { distance_km: number | null }

function visibleGroups(db: Kysely<Database>, audience: Audience) {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', audience.organizationId)
    .$if(!audience.includePrivate, (qb) => qb.where('visibility', '=', 'public'))
}

export async function getGroup(db: Kysely<Database>, audience: Audience, groupId: string): Promise<Group> {
  const group = await visibleGroups(db, audience).where('id', '=', groupId).executeTakeFirst()
  if (!group) throw notFound(`Group ${groupId}`)
  return group
}

/**
 * Groups by name, or by distance when `near` a postcode: groups covering that postcode come
 * first (distance 0), then others with a location within the radius.
 */
export async function listGroups(
  db: Kysely<Database>,
  audience: Audience,
  filter: GroupFilter,
): Promise<Page<ListedGroup>> {
  let query = visibleGroups(db, audience)
    .$if(filter.parent !== undefined, (qb) => qb.where('parent_id', '=', filter.parent ?? ''))
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind ?? 'section'))
    .$if(Boolean(filter.q), (qb) => qb.where('search_text', 'like', likeContains(filter.q ?? '')))
  if (filter.near === undefined) {
    if (filter.cursor) {
      const [name, id] = decodeCursor(filter.cursor, 2)
      query = query.where((eb) =>
        eb.or([eb('name', '>', String(name)), eb.and([eb('name', '=', String(name)), eb('id', '>', String(id))])]),
      )
    }
    const rows = await query
      .orderBy('name')
      .orderBy('id')
      .limit(filter.limit + 1)
      .execute()
    return toPage(
      rows,
      filter.limit,
      (g) => [g.name, g.id],
      (g) => ({ ...g, distance_km: null }),
    )
  }
  return listGroupsNear(db, audience, query, filter)
}

async function listGroupsNear(
  db: Kysely<Database>,
  audience: Audience,
  query: ReturnType<typeof visibleGroups>,
  filter: GroupFilter,
): Promise<Page<ListedGroup>> {
  const place = findPlace(filter.near ?? '')
  if (!place) return { data: [], next_cursor: null }
  const box = boundingBox(place, filter.radiusKm ?? 30)
  const covering = db
    .selectFrom('group_postcodes')
    .select('group_id')
    .where('organization_id', '=', audience.organizationId)
    .where('postcode', '=', place.postcode)
  const rows = await query
    .where((eb) =>
      eb.or([
        eb('id', 'in', covering),
        eb.and([
          eb('latitude', '>=', box.minLatitude),
          eb('latitude', '<=', box.maxLatitude),
          eb('longitude', '>=', box.minLongitude),
          eb('longitude', '<=', box.maxLongitude),
        ]),
      ]),
    )
    .execute()
  const radius = filter.radiusKm ?? 30
  // 0 km means "covers the postcode": a group merely located there (a federation placed at its
  // first section) shows 0.1 km, so the covering groups still come first.
  const ranked = rows
    .map((g) => ({
      ...g,
      distance_km: g.postcodes.includes(place.postcode)
        ? 0
        : g.latitude !== null && g.longitude !== null
          ? Math.max(0.1, Math.round(distanceKm(place, { latitude: g.latitude, longitude: g.longitude }) * 10) / 10)
          : Number.POSITIVE_INFINITY,
    }))
    .filter((g) => g.distance_km <= radius)
    .sort((a, b) => a.distance_km - b.distance_km || a.id.localeCompare(b.id))
  let start = 0
  if (filter.cursor) {
    const [distance, id] = decodeCursor(filter.cursor, 2)
    start = ranked.findIndex(
      (g) => g.distance_km > Number(distance) || (g.distance_km === Number(distance) && g.id > String(id)),
    )
    if (start < 0) start = ranked.length
  }
  return toPage(
    ranked.slice(start, start + filter.limit + 1),
    filter.limit,
    (g) => [g.distance_km, g.id],
    (g) => g,
  )
}
