import type { Transaction } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { findPlace } from '../places/index.js'

export interface Location {
  latitude: number | null
  longitude: number | null
}

/** Each postcode once, in the order given. */
export function distinctPostcodes(postcodes: readonly string[]): string[] {
  return [...new Set(postcodes)]
}

/** Where a group of these postcodes sits when nobody said: the centre of its first postcode, if known. */
export function locationOfPostcodes(postcodes: readonly string[]): Location {
  const place = postcodes[0] === undefined ? undefined : findPlace(postcodes[0])
  return place ? { latitude: place.latitude, longitude: place.longitude } : { latitude: null, longitude: null }
}

/** `group_postcodes` answers "which group covers this postcode": it mirrors the group's list. */
export async function replacePostcodes(
  trx: Transaction<Database>,
  group: Pick<Group, 'organization_id' | 'id' | 'postcodes'>,
) {
  await trx
    .deleteFrom('group_postcodes')
    .where('organization_id', '=', group.organization_id)
    .where('group_id', '=', group.id)
    .execute()
  if (group.postcodes.length === 0) return
  await trx
    .insertInto('group_postcodes')
    .values(
      group.postcodes.map((postcode) => ({ organization_id: group.organization_id, group_id: group.id, postcode })),
    )
    .execute()
}
