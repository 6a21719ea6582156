import type { Initiative } from '../../db/types.js'

/**
 * What an organizer's edit is checked against: the sequence and the time of the last edit. RSVPs
 * change the counts but not this, so an `If-Match` does not fail because someone signed up meanwhile.
 */
export function editVersion(initiative: Pick<Initiative, 'sequence' | 'updated_at'>): string {
  return `${initiative.sequence}-${initiative.updated_at.getTime().toString(36)}`
}
