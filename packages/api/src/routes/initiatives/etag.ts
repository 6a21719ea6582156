import type { Initiative } from '../../db/types.js'
import { editVersion } from '../../domain/initiatives/version.js'

/**
 * An initiative's ETag: its edit version (sequence and time of the last edit) and its counts, so
 * that a cached copy is stale as soon as someone registers. An ETag belongs to one URL: the id is implied.
 */
export function initiativeEtag(
  initiative: Pick<Initiative, 'sequence' | 'updated_at' | 'going_count' | 'waitlist_count'>,
) {
  return `"${editVersion(initiative)}.${initiative.going_count}.${initiative.waitlist_count}"`
}

/**
 * The edit versions an `If-Match` header accepts: undefined when any will do (absent, or `*`). Only
 * the edit part is compared, so RSVPs arriving between a read and a write do not fail the write.
 * Weak or malformed tags match nothing (RFC 9110 compares strongly).
 */
export function ifMatchEditVersions(header: string | undefined): string[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined
  return header
    .split(',')
    .map((tag) => /^"(\d{1,9}-[0-9a-z]{1,12})\.\d{1,9}\.\d{1,9}"$/.exec(tag.trim())?.[1])
    .filter((version) => version !== undefined)
}
