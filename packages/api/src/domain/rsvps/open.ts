import type { Initiative } from '../../db/types.js'
import { DomainError, notFound } from '../errors.js'

/**
 * Whether an initiative takes RSVPs: a draft answers like an unknown id, a cancelled or finished
 * one says why not. Running ones still take them: people join a canvassing session under way.
 */
export function checkTakesRsvps(initiative: Initiative | undefined, initiativeId: string, now: Date): Initiative {
  if (!initiative || initiative.status === 'draft' || initiative.status === 'pending_review') {
    throw notFound(`Initiative ${initiativeId}`)
  }
  const closed = closedReason(initiative, now)
  if (closed === 'cancelled') {
    throw new DomainError('conflict', 'This initiative was cancelled: it no longer takes RSVPs.')
  }
  if (closed === 'over') throw new DomainError('conflict', 'This initiative is over: it no longer takes RSVPs.')
  return initiative
}

/** Why a published initiative takes no more RSVPs, if it does not. */
export function closedReason(
  initiative: Pick<Initiative, 'status' | 'ends_at'>,
  now: Date,
): 'cancelled' | 'over' | undefined {
  if (initiative.status === 'cancelled') return 'cancelled'
  if (initiative.ends_at.getTime() <= now.getTime()) return 'over'
  return undefined
}

export const fullError = () =>
  new DomainError('conflict', 'This initiative is full and has no waitlist: no place is left.')

/** Places left, or null when there is no limit. */
export function spotsLeft(initiative: Pick<Initiative, 'capacity' | 'going_count'>): number | null {
  return initiative.capacity === null ? null : Math.max(0, initiative.capacity - initiative.going_count)
}
