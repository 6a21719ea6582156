import type { Transaction } from 'kysely'
import type { Database, Initiative, Rsvp, RsvpRequestDetails } from '../../db/types.js'
import { requestEmail } from '../mail/email-job.js'
import { decideAdmission } from './admission.js'
import { waitlistPosition } from './counts.js'
import { findMemberRsvp, holdsPlace } from './form.js'
import { lockInitiative } from './lock.js'
import { closedReason } from './open.js'
import { takePlace } from './place.js'

export interface ConfirmedLink {
  organizationId: string
  memberId: string
  initiativeId: string
  /** The RSVP request the link completes; null when it only confirmed the address of a place given otherwise. */
  request: RsvpRequestDetails | null
  now: Date
}

export interface ConfirmedRsvp {
  initiative_id: string
  title: string
  /** `going` or `waitlisted`: a place is held (given now or before); else why none could be given. */
  status: 'going' | 'waitlisted' | 'full' | 'cancelled' | 'over'
  waitlist_position: number | null
}

/**
 * The owner of an address followed the link of their RSVP request, in the transaction that spends
 * it: the place is decided now, under the initiative's lock, exactly as for any RSVP, so places go
 * in the order of confirmations and never beyond the capacity. The counts move, `rsvp.created`
 * goes out and the e-mail with the details and the ICS is enqueued. A place already held is left as
 * it is. Answers what happened, for the confirmation page (undefined: nothing to say about a place).
 */
export async function admitConfirmedRsvp(
  trx: Transaction<Database>,
  link: ConfirmedLink,
): Promise<ConfirmedRsvp | undefined> {
  const { organizationId, memberId, initiativeId, request, now } = link
  const initiative = await lockInitiative(trx, organizationId, initiativeId)
  if (!initiative) return undefined
  const existing = await findMemberRsvp(trx, organizationId, initiativeId, memberId)
  if (holdsPlace(existing)) return held(trx, initiative, existing)
  if (!request) return undefined
  const closed = closedReason(initiative, now)
  if (closed) return refused(initiative, closed)
  const admission = decideAdmission({ initiative, vouchedBy: 'email_link' })
  if (admission !== 'going' && admission !== 'waitlisted') return refused(initiative, 'full')
  const placed = await takePlace(trx, { initiative, memberId, existing, admission, source: request.source, now })
  await requestEmail(trx, {
    template: 'rsvp-confirmation',
    organizationId,
    memberId,
    language: request.language,
    rsvpId: placed.rsvp.id,
  })
  return held(trx, placed.initiative, placed.rsvp)
}

async function held(trx: Transaction<Database>, initiative: Initiative, rsvp: Rsvp): Promise<ConfirmedRsvp> {
  const waitlisted = rsvp.status === 'waitlisted'
  return {
    initiative_id: initiative.id,
    title: initiative.title,
    // Marked as attended: the place was held.
    status: waitlisted ? 'waitlisted' : 'going',
    waitlist_position: waitlisted ? await waitlistPosition(trx, rsvp) : null,
  }
}

function refused(initiative: Initiative, status: 'full' | 'cancelled' | 'over'): ConfirmedRsvp {
  return { initiative_id: initiative.id, title: initiative.title, status, waitlist_position: null }
}
