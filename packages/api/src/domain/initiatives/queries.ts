import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { notFound } from '../errors.js'
import type { Audience } from '../groups/queries.js'
import { type InitiativeView, initiativeViews, shownToPublic } from './visibility.js'

/**
 * One initiative. Secret keys see every status; the public sees what `shownToPublic` allows, and a
 * draft answers exactly like an unknown id.
 */
export async function getInitiative(
  db: Kysely<Database>,
  audience: Audience,
  initiativeId: string,
): Promise<InitiativeView> {
  const initiative = await initiativeViews(db, audience).where('initiatives.id', '=', initiativeId).executeTakeFirst()
  if (!initiative || (!audience.includePrivate && !shownToPublic(initiative))) {
    throw notFound(`Initiative ${initiativeId}`)
  }
  return initiative
}
